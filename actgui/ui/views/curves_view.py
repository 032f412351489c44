"""Training curves against epoch: loss, accuracy, and what happens inside the hidden layers.

Five plots on one epoch axis, fed by a snapshot's history (loss, accuracy; one row per
recorded epoch) and timeline (per-layer statistics; one row per snapshot):

- loss: train solid, test dashed, log scale by default (a checkbox switches it);
- accuracy (for regression a note replaces it: accuracy is undefined there);
- per hidden layer the mean of its activations with a band of plus/minus one standard
  deviation (the picture Glorot & Bengio used to show saturating layers);
- dead (solid) and saturated (dashed) unit counts per hidden layer;
- the same-sign gradient share per weight layer.

Items are created once per architecture and updated with setData only; a snapshot whose
history and timeline did not change costs nothing. Long timelines are peak-decimated to about
one point per two pixels in one vectorised pass, and the view redraws at most `max_rate`
times a second (15 by default): repainting five plots of antialiased curves costs far more
than updating their data, and curves that move at 15 Hz look just as live. Axes are cached as
pixmaps and the y ranges snap to round values, so an axis is redrawn only when its range really
moves, not on every frame.

Layout: the plots fill a grid of equal columns (three over two in a landscape strip); titles
shorten or elide instead of widening their plot, and ticks thin out on narrow plots, so the
view fits whatever width the page gives it. The plot pieces are in `curves_items`.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.ui import theme
from actgui.ui.views.curves_items import (
    Band,
    PlotGrid,
    PlotNote,
    finite_or_nan,
    layer_color,
    nice_end,
    nice_range,
    peak_decimate,
    pen,
    stacked_width,
    styled_plot,
    timeline_epochs,
)

TRAIN_COLOR = "#222222"
TEST_COLOR = "#D55E00"
_BAND_ALPHA = 55
_PLOTS = ("loss", "accuracy", "activations", "units", "same_sign")
X_MARGIN = 0.03  # room left of epoch 0, as a share of the x range


class CurvesView(PlotGrid, QWidget):
    """Loss, accuracy and per-layer statistics against epoch."""

    def __init__(self, parent=None, columns: int | None = None, max_rate: float | None = 15.0):
        super().__init__(parent)
        self.setObjectName("curvesView")
        self._items: dict[str, pg.PlotDataItem | pg.PlotCurveItem] = {}
        self._layer_items: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        self._std: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._x_max: float | None = None
        self._y_ranges: dict[str, tuple[float, float] | None] = {}
        self._loss = (np.zeros(0), np.zeros(0))  # (train, test) last drawn, for the y range
        self._bands: list[Band] = []
        self._arch: tuple | None = None
        self._history_key = None
        self._timeline_key = None
        self._config = None
        self._pending = None  # a snapshot waiting for the rate limit
        self._last_draw = -math.inf
        self._max_rate: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._regression = False
        self._starting = False  # a single point per curve: drawn as dots

        self.log_check = QCheckBox(self.tr("Log-scale loss"), self)
        self.log_check.setObjectName("logLossCheck")
        self.log_check.setChecked(True)
        self.log_check.setToolTip(self.tr(
            "Show the loss on a logarithmic axis, so progress stays visible once the loss is "
            "small."))
        self.log_check.toggled.connect(self.set_log_loss)
        # One legend for all plots, in a row above them: legends inside small plots cover
        # the curves.
        self.legend = QLabel(self)
        self.legend.setObjectName("curvesLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # many layers, or a narrow window: a second line
        self.legend.setToolTip(self.tr(
            "Loss and accuracy: training solid, test dashed. The other plots draw each layer "
            "in its colour; the same-sign share of the weights into a layer takes that "
            "layer's colour. Every plot runs over the epochs trained so far."))
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.legend, 1)
        top.addWidget(self.log_check)

        self.graphics = pg.GraphicsLayoutWidget(parent=self)
        self.graphics.setObjectName("curvesGraphics")
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        # No spacing between the grid's many thin columns (see _fit_grid); each plot keeps
        # a gap at its right instead.
        self.graphics.ci.layout.setHorizontalSpacing(0)
        self.graphics.ci.layout.setVerticalSpacing(4)
        self.plots: dict[str, pg.PlotItem] = {}
        # Longest first: each plot shows the first title that fits its width.
        self._titles = {
            "loss": (self.tr("Loss"),),
            "accuracy": (self.tr("Accuracy"),),
            "activations": (self.tr("Activations: mean ± std per layer"),
                            self.tr("Activations: mean ± std"), self.tr("Activations")),
            "units": (self.tr("Dead (solid) and saturated (dashed) units"),
                      self.tr("Dead ━ and saturated ╍ units"), self.tr("Dead / saturated")),
            "same_sign": (self.tr("Same-sign gradient share"), self.tr("Same-sign share")),
        }
        tips = {
            "loss": self.tr(
                "Training loss (solid) and test loss (dashed). A test loss that rises while "
                "the training loss falls means the network is memorising its data."),
            "accuracy": self.tr(
                "Share of points classified correctly, training (solid) and test (dashed)."),
            "activations": self.tr(
                "Mean output of each hidden layer over the training data, with a band of one "
                "standard deviation. When the band reaches ±1 (0 or 1 for sigmoid), many units "
                "sit at their limits: they are saturated and pass almost no gradient back. A "
                "band squeezed around 0 means the layer passes on little signal."),
            "units": self.tr(
                "How many units of each layer are dead (no gradient on any training point, "
                "solid) or saturated (flat on most points, dashed). Counts that climb explain "
                "why learning slows down or stops."),
            "same_sign": self.tr(
                "Share of examples for which all of a unit's incoming weight updates have the "
                "same sign, per weight layer. Near 1 the weights can only zig-zag towards their "
                "target, as after all-positive sigmoid outputs; zero-centred activations such "
                "as tanh keep it lower."),
        }
        self.graphics.setToolTip(self.tr("Hover a plot to see what to look for in it."))
        for name in _PLOTS:
            plot = styled_plot(self._titles[name], tips[name], self.tr("epoch"))
            # A dot per curve while each has a single point (at epoch 0, before training).
            dots = pg.PlotDataItem(pen=None, symbol="o", symbolSize=8,
                                   symbolPen=pg.mkPen("#FFFFFF", width=1))
            dots.setZValue(100)
            plot.addItem(dots)
            self._items[f"dots_{name}"] = dots
            self.plots[name] = plot
        loss, acc = self.plots["loss"], self.plots["accuracy"]
        for name in ("accuracy", "same_sign"):
            self.plots[name].setYRange(0.0, 1.0, padding=0.08)  # whole lines at 0 and 1

        for key, color, dashed, plot in (
                ("train_loss", TRAIN_COLOR, False, loss), ("test_loss", TEST_COLOR, True, loss),
                ("train_acc", TRAIN_COLOR, False, acc), ("test_acc", TEST_COLOR, True, acc)):
            # about one point per pixel (pg's default of five costs ~5x the stroking time)
            item = pg.PlotDataItem(pen=pen(color, 2.0, dashed), connect="finite",
                                   autoDownsampleFactor=0.5)
            plot.addItem(item)
            self._items[key] = item
        # Notes in the middle of a plot, wrapped to its width.
        self.regression_note = PlotNote(acc, self.tr(
            "Regression has no accuracy: the loss says how far off the values are."))
        self.start_note = PlotNote(loss, self.tr("Press Play to start training."))
        self.no_gradient_note = PlotNote(self.plots["same_sign"], self.tr(
            "No share to show: no gradient reaches these weights (every unit of a layer is "
            "dead)."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.graphics, 1)
        self._columns = 0
        self._auto_columns = columns is None
        self.graphics.installEventFilter(self)
        self.set_columns(columns)
        self.set_log_loss(True)
        self.set_max_rate(max_rate)

    # -- public API -------------------------------------------------------------------------

    def set_log_loss(self, on: bool) -> None:
        """Logarithmic loss axis on or off (also the view's checkbox)."""
        on = bool(on)
        if self.log_check.isChecked() != on:
            self.log_check.setChecked(on)  # calls back here once
            return
        self.plots["loss"].setLogMode(y=on)
        self._y_ranges["loss"] = None
        self._fit_loss()

    def log_loss(self) -> bool:
        return self.log_check.isChecked()

    def set_max_rate(self, rate: float | None) -> None:
        """Redraw at most `rate` times a second (None: on every set_snapshot).

        Repainting five plots costs more than the data update; curves that move at 20-30 Hz
        look as live as at 60 Hz. A snapshot that arrives too soon is kept and drawn by a
        timer, so the newest one is always shown in the end (flush() draws it at once).
        """
        self._max_rate = float(rate) if rate else None
        if self._max_rate is None:
            self.flush()

    def flush(self) -> None:
        """Draw the snapshot held back by the rate limit, if any."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._draw(pending)

    def set_snapshot(self, snapshot) -> None:
        """Draw the history and timeline of a snapshot (skips what did not change)."""
        if self._max_rate is not None:
            wait = self._last_draw + 1.0 / self._max_rate - time.monotonic()
            arch = (len(snapshot.config.hidden), snapshot.timeline["same_sign"].shape[1])
            if wait > 0 and arch == self._arch:
                self._pending = snapshot
                if not self._timer.isActive():
                    self._timer.start(max(1, math.ceil(1000 * wait)))
                return
        self._pending = None
        self._timer.stop()
        self._draw(snapshot)

    def _draw(self, snapshot) -> None:
        self._last_draw = time.monotonic()
        config_changed = snapshot.config is not self._config
        self._config = snapshot.config
        n_hidden = len(snapshot.config.hidden)
        n_weights = snapshot.timeline["same_sign"].shape[1]
        arch = (n_hidden, n_weights)
        if arch != self._arch:
            self._build_layers(n_hidden, n_weights)
            self._arch = arch
            config_changed = True
        if config_changed:
            self._set_regression(snapshot.config.output_kind == "linear")
            units = max(snapshot.config.hidden, default=1)
            # room for the thick lines at 0 and at the top
            self.plots["units"].setYRange(0.0, units, padding=0.1)
            self._history_key = self._timeline_key = None

        h = snapshot.history
        # bytes, not floats: a NaN loss must compare equal to itself
        key = (len(h["step"]), *(h[k][-1:].tobytes() for k in ("step", "train_loss",
                                                                "test_loss")))
        if key != self._history_key:
            self._history_key = key
            self._draw_history(h)
        t = snapshot.timeline
        key = (len(t["step"]), float(t["step"][-1]) if len(t["step"]) else None,
               len(h["step"]))
        if key != self._timeline_key:
            self._timeline_key = key
            self._draw_timeline(snapshot)
        self._draw_start(snapshot)

    def curve_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) last given to a curve: "train_loss", "test_loss", "train_acc", "test_acc"
        (full history; the plot downsamples while drawing), and per layer l "mean_l",
        "dead_l", "saturated_l", "same_sign_l" (the timeline, peak-decimated to about two
        points per pixel once it is longer than that) and "std_l" (the full-resolution
        standard deviation behind the band). KeyError for a curve that does not exist."""
        if name.startswith("std_"):
            return self._std[int(name[4:])]
        item = self._items[name]
        if isinstance(item, pg.PlotDataItem):
            x, y = item.getOriginalDataset()
        else:
            x, y = item.getData()
        if x is None:
            return np.zeros(0), np.zeros(0)
        return np.asarray(x), np.asarray(y)

    def curve_names(self) -> list[str]:
        return [*(k for k in self._items if not k.startswith("dots_")),
                *(f"std_{l}" for l in range(len(self._bands)))]

    def title(self, name: str) -> str:
        """The title a plot shows now (it shortens on narrow plots)."""
        return self.plots[name].titleLabel.text_shown()

    # -- building ----------------------------------------------------------------------------

    def _build_layers(self, n_hidden: int, n_weights: int) -> None:
        for plot, item in self._layer_items:
            plot.removeItem(item)  # also takes it out of the legend
        for key in [k for k in self._items if k[-1].isdigit()]:
            del self._items[key]
        self._layer_items = []
        self._bands = []
        self._std = {}

        act, units, same = (self.plots[n] for n in ("activations", "units", "same_sign"))
        for l in range(n_hidden):
            color = layer_color(l)
            mean = pg.PlotCurveItem(pen=pen(color, 2.0), connect="finite")
            self._add(act, mean)
            self._items[f"mean_{l}"] = mean
            band_color = QColor(color)
            band_color.setAlpha(_BAND_ALPHA)
            band = Band(band_color)
            band.setZValue(-10)
            self._add(act, band)
            self._bands.append(band)
            self._std[l] = (np.zeros(0), np.zeros(0))

            width = stacked_width(l, n_hidden)
            # counts are always finite: the fast path
            dead = pg.PlotCurveItem(pen=pen(color, width), skipFiniteCheck=True)
            sat = pg.PlotCurveItem(pen=pen(color, width, dashed=True), skipFiniteCheck=True)
            dead.setZValue(l)
            sat.setZValue(l)
            self._add(units, dead)
            self._add(units, sat)
            self._items[f"dead_{l}"] = dead
            self._items[f"saturated_{l}"] = sat
        for l in range(n_weights):
            item = pg.PlotCurveItem(pen=pen(layer_color(l), stacked_width(l, n_weights)),
                                    connect="finite")
            item.setZValue(l)
            self._add(same, item)
            self._items[f"same_sign_{l}"] = item
        self._y_ranges["activations"] = None

        # nowrap: a line may break between entries, never inside one
        swatch = ('<span style="white-space:nowrap"><span style="color:{0}; '
                  'font-weight:bold">{1}</span>&nbsp;{2}</span>')
        sets = [swatch.format(theme.ink(TRAIN_COLOR), "━━", self.tr("train")),
                swatch.format(TEST_COLOR, "╍╍", self.tr("test"))]
        layers = [swatch.format(layer_color(l).name(), "━━", self.tr("layer {0}").format(l + 1))
                  for l in range(n_hidden)]
        layers.append(swatch.format(layer_color(n_hidden).name(), "━━", self.tr("output")))
        gap = "&nbsp;&nbsp; "
        self.legend.setText(gap.join(sets) + "&nbsp;&nbsp;&nbsp;&nbsp;│&nbsp;&nbsp;&nbsp;"
                            + gap.join(layers))
        self.updateGeometry()

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        """Room for the legend's lines at its current width: a splitter asks only for
        minimum sizes, and the plots were squeezed under a wrapped legend."""
        hint = super().minimumSizeHint()
        legend = self.legend
        if legend.width() > 0:
            extra = legend.heightForWidth(legend.width()) - legend.minimumSizeHint().height()
            hint.setHeight(hint.height() + max(extra, 0))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the legend may wrap to a different number of lines

    def _add(self, plot: pg.PlotItem, item) -> None:
        plot.addItem(item)
        self._layer_items.append((plot, item))

    def _set_regression(self, regression: bool) -> None:
        self._regression = regression
        self.regression_note.setVisible(regression)
        acc = self.plots["accuracy"]
        acc.getAxis("left").setStyle(showValues=not regression)
        acc.titleLabel.set_texts(*((self.tr("Accuracy (classification only)"),
                                    self.tr("Accuracy")) if regression
                                   else self._titles["accuracy"]))

    # -- drawing -------------------------------------------------------------------------------

    def _draw_history(self, h) -> None:
        x = h["epoch"]
        train, test = finite_or_nan(h["train_loss"]), finite_or_nan(h["test_loss"])
        self._items["train_loss"].setData(x, train)
        self._items["test_loss"].setData(x, test)
        self._loss = (train, test)
        self._fit_loss()
        if self._regression:
            self._items["train_acc"].setData([], [])
            self._items["test_acc"].setData([], [])
        else:
            for key in ("train_acc", "test_acc"):
                self._items[key].setData(x, finite_or_nan(h[key]))

    def _fit_y(self, name: str, lo: float, hi: float, min_span: float) -> None:
        """Set a plot's y range in round steps, only when the data no longer fits it."""
        current = self._y_ranges.get(name)
        new = nice_range(lo, hi, current, min_span)
        if new is not None and new != current:
            self._y_ranges[name] = new
            self.plots[name].setYRange(*new, padding=0.0)

    def _fit_loss(self) -> None:
        y = np.concatenate(self._loss)
        if self.log_loss():
            y = y[np.isfinite(y) & (y > 0)]
            if y.size:
                self._fit_y("loss", math.log10(y.min()), math.log10(y.max()), 0.2)
        else:
            y = y[np.isfinite(y)]
            if y.size:
                self._fit_y("loss", min(0.0, float(y.min())), float(y.max()), 0.1)

    def _draw_timeline(self, snapshot) -> None:
        t = snapshot.timeline
        x = timeline_epochs(snapshot)
        L, W = len(self._bands), t["same_sign"].shape[1]
        mean, std = finite_or_nan(t["mean"]), finite_or_nan(t["std"])
        # Columns: mean, mean - std, mean + std, dead, saturated (L each), same-sign (W).
        Y = np.concatenate([mean, mean - std, mean + std, t["dead"], t["saturated"],
                            t["same_sign"]], axis=1)
        # About one point per two pixels: the min/max pairs keep every spike, and the cost
        # of stroking antialiased 2-px lines grows with the number of points.
        width = self.plots["same_sign"].getViewBox().width()
        bins = int(min(max(width / 4, 60), 500))
        xd, Yd = peak_decimate(x, Y, bins, lower=range(L, 2 * L), upper=range(2 * L, 3 * L))
        for l, band in enumerate(self._bands):
            self._std[l] = (x, std[:, l])
            band.setData(xd, Yd[:, L + l], Yd[:, 2 * L + l])
            self._items[f"mean_{l}"].setData(xd, Yd[:, l])
            self._items[f"dead_{l}"].setData(xd, Yd[:, 3 * L + l])
            self._items[f"saturated_{l}"].setData(xd, Yd[:, 4 * L + l])
        for l in range(W):
            self._items[f"same_sign_{l}"].setData(xd, Yd[:, 5 * L + l])
        self.no_gradient_note.setVisible(len(x) > 1 and bool(np.isnan(t["same_sign"][-1]).all()))
        if L and len(xd):
            with np.errstate(all="ignore"):
                edges = Yd[:, : 3 * L]
                lo, hi = np.nanmin(edges, initial=np.inf), np.nanmax(edges, initial=-np.inf)
            # 0 always in view: it is the centre of tanh and the floor of ReLU
            self._fit_y("activations", min(float(lo), 0.0), max(float(hi), 0.0), 0.2)
        h_epoch = snapshot.history["epoch"]
        ends = [float(v[-1]) for v in (x, h_epoch) if len(v) and math.isfinite(v[-1])]
        x_max = max([0.0, *ends])
        if self._x_max is None or not (0.5 * self._x_max < x_max <= self._x_max):
            self._x_max = nice_end(x_max)
            # a little room left of 0, so the first point and the "0" tick show whole
            for plot in self.plots.values():
                plot.setXRange(-X_MARGIN * self._x_max, self._x_max, padding=0.0)

    def _draw_start(self, snapshot) -> None:
        """Before the first step each curve is a single point: show it as a dot, and say
        how to start."""
        h, t = snapshot.history, snapshot.timeline
        starting = len(h["epoch"]) <= 1 and len(t["step"]) <= 1
        self.start_note.setVisible(starting)
        if not starting:
            if self._starting:
                self._starting = False
                for name in _PLOTS:
                    self._items[f"dots_{name}"].setData([], [])
            return
        self._starting = True
        L, W = len(self._bands), t["same_sign"].shape[1]
        points = {
            "loss": [(h["train_loss"], theme.ink(TRAIN_COLOR)), (h["test_loss"], TEST_COLOR)],
            "accuracy": [] if self._regression else [(h["train_acc"], theme.ink(TRAIN_COLOR)),
                                                      (h["test_acc"], TEST_COLOR)],
            "activations": [(t["mean"][:, l], layer_color(l)) for l in range(L)],
            "units": [(t[k][:, l], layer_color(l)) for l in range(L)
                      for k in ("dead", "saturated")],
            "same_sign": [(t["same_sign"][:, l], layer_color(l)) for l in range(W)],
        }
        for name, pts in points.items():
            pts = [(float(y[-1]), c) for y, c in pts if len(y) and math.isfinite(y[-1])]
            self._items[f"dots_{name}"].setData(
                [0.0] * len(pts), [y for y, _ in pts],
                symbolBrush=[pg.mkBrush(c) for _, c in pts])
