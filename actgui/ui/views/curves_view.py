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
times a second (30 by default): repainting five plots of antialiased curves costs far more
than updating their data, and curves that move at 30 Hz look just as live.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

# One colour per layer (Okabe-Ito, then Paul Tol's muted colours for deep networks).
LAYER_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255",
                "#117733", "#332288")
TRAIN_COLOR = "#222222"
TEST_COLOR = "#D55E00"
_BAND_ALPHA = 55
_PLOTS = ("loss", "accuracy", "activations", "units", "same_sign")
LAYOUT_COLUMNS = (1, 2, 3, 5)


class _LogFriendlyAxis(pg.AxisItem):
    """In log mode, label only 1, 2 and 5 times a power of ten (the rest crowd together)."""

    def logTickStrings(self, values, scale, spacing):
        labels, keep = [], []
        for v in values:
            value = 10.0 ** float(v) * scale
            ok = math.isfinite(value) and value > 0
            labels.append(f"{value:.3g}" if ok else "")
            mantissa = value / 10.0 ** math.floor(math.log10(value) + 1e-9) if ok else 0.0
            keep.append(ok and any(abs(mantissa - m) < 1e-6 * m for m in (1.0, 2.0, 5.0)))
        if not any(keep):  # a narrow range (under 0.1 to 0.2): label what there is
            return labels
        return [label if k else "" for label, k in zip(labels, keep, strict=True)]


class Band(QGraphicsPathItem):
    """A translucent band between lower and upper values over x (mean ± std).

    Like pg.FillBetweenItem, but built straight from arrays with one arrayToQPath call:
    FillBetweenItem rebuilds its polygon point by point in Python, about 7 ms per band for
    3,000 points, far over a frame's budget.
    """

    def __init__(self, color: QColor):
        super().__init__()
        self.setBrush(color)
        self.setPen(QPen(Qt.PenStyle.NoPen))

    def setData(self, x, lower, upper) -> None:
        keep = np.isfinite(lower) & np.isfinite(upper)
        if not keep.all():  # bridge gaps: a rare NaN should not tear the outline
            x, lower, upper = x[keep], lower[keep], upper[keep]
        if len(x) < 2:
            self.setPath(QPainterPath())
            return
        path = pg.arrayToQPath(np.concatenate([x, x[::-1]]),
                               np.concatenate([lower, upper[::-1]]), finiteCheck=False)
        path.closeSubpath()
        self.setPath(path)


def peak_decimate(x: np.ndarray, Y: np.ndarray, bins: int, lower=(), upper=()):
    """At most about 2 * bins rows of (x, Y (n, columns)), keeping every bin's extremes.

    Each bin of `stride` rows becomes two: its minimum at the bin's first x and its maximum at
    its last x (so spikes survive), except columns in `lower` (both rows the minimum) and
    `upper` (both the maximum), which keep a band's edges on the outside. NaN is ignored
    unless a whole bin is NaN. One vectorised pass for all the columns of a plot.
    """
    n = len(x)
    if n <= 2 * bins:
        return x, Y
    stride = math.ceil(n / bins)
    full = (n // stride) * stride
    blocks = Y[:full].reshape(-1, stride, Y.shape[1])
    lo = np.fmin.reduce(blocks, axis=1)
    hi = np.fmax.reduce(blocks, axis=1)
    first, second = lo, hi.copy()
    if len(upper):
        first = lo.copy()
        first[:, list(upper)] = hi[:, list(upper)]
    if len(lower):
        second[:, list(lower)] = lo[:, list(lower)]
    xs = x[:full].reshape(-1, stride)
    xd = np.concatenate([np.column_stack([xs[:, 0], xs[:, -1]]).ravel(), x[full:]])
    Yd = np.concatenate([np.stack([first, second], axis=1).reshape(-1, Y.shape[1]), Y[full:]])
    return xd, Yd


def nice_end(x: float) -> float:
    """The x range end for data reaching x: about 10 % of headroom, rounded up to two
    significant digits, so the axis moves now and then instead of on every frame."""
    target = max(1.0, 1.1 * x)
    step = 10.0 ** (math.floor(math.log10(target)) - 1)
    return math.ceil(target / step - 1e-9) * step


def layer_color(l: int) -> QColor:
    return QColor(LAYER_COLORS[l % len(LAYER_COLORS)])


def stacked_width(l: int, n: int) -> float:
    """Pen width of layer l of n: earlier layers wider and drawn below, so lines that
    coincide (all at 0 dead units, or all at a share of 1) still show every colour."""
    if n <= 1:
        return 2.0
    return 2.0 + min(1.2, 4.0 / (n - 1)) * (n - 1 - l)


def _pen(color, width: float = 2.0, dashed: bool = False) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _finite_or_nan(y: np.ndarray) -> np.ndarray:
    """inf -> NaN, so a diverging loss leaves a gap instead of breaking the auto range."""
    y = np.asarray(y, dtype=np.float64)
    finite = np.isfinite(y)
    return y if finite.all() else np.where(finite, y, np.nan)


def timeline_epochs(snapshot) -> np.ndarray:
    """Fractional epoch of every timeline row, on the same axis as the history's epochs.

    History rows sit at epoch ends (step, epoch); a timeline row's step is placed by linear
    interpolation between them, and after the last record by the current steps per epoch.
    """
    steps = np.asarray(snapshot.timeline["step"], dtype=np.float64)
    h_step = np.asarray(snapshot.history["step"], dtype=np.float64)
    h_epoch = np.asarray(snapshot.history["epoch"], dtype=np.float64)
    if len(h_step) == 0 or len(steps) == 0 or np.any(np.diff(h_step) <= 0):
        return np.asarray(snapshot.timeline["epoch"], dtype=np.float64)
    n_train = max(1, len(snapshot.x_train))
    per_epoch = math.ceil(n_train / min(snapshot.config.batch_size, n_train))
    x = np.interp(steps, h_step, h_epoch)
    after = steps > h_step[-1]
    if after.any():
        x[after] = h_epoch[-1] + (steps[after] - h_step[-1]) / per_epoch
        # never past the epoch the row is in
        x[after] = np.minimum(x[after], np.asarray(snapshot.timeline["epoch"])[after] + 1.0)
    return x


class CurvesView(QWidget):
    """Loss, accuracy and per-layer statistics against epoch."""

    def __init__(self, parent=None, columns: int | None = None, max_rate: float | None = 30.0):
        super().__init__(parent)
        self.setObjectName("curvesView")
        self._items: dict[str, pg.PlotDataItem | pg.PlotCurveItem] = {}
        self._layer_items: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        self._std: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._x_max: float | None = None
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
        self.legend.setToolTip(self.tr(
            "Loss and accuracy: training solid, test dashed. The other plots draw each layer "
            "in its colour; the same-sign share of the weights into a layer takes that "
            "layer's colour."))
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.legend, 1)
        top.addWidget(self.log_check)

        self.graphics = pg.GraphicsLayoutWidget(parent=self)
        self.graphics.setObjectName("curvesGraphics")
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.graphics.ci.setSpacing(4)
        self.plots: dict[str, pg.PlotItem] = {}
        titles = {
            "loss": self.tr("Loss"),
            "accuracy": self.tr("Accuracy"),
            "activations": self.tr("Activations: mean ± std per layer"),
            "units": self.tr("Dead (solid) and saturated (dashed) units"),
            "same_sign": self.tr("Same-sign gradient share"),
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
            plot = pg.PlotItem(axisItems={"left": _LogFriendlyAxis("left")})
            plot.setTitle(titles[name], size="10pt")
            plot.setToolTip(tips[name])
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.setLabel("bottom", self.tr("epoch"))
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(pg.mkPen("#333333"))
                plot.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)" on a label
                # Major ticks (and grid lines) only: the minor grid doubles the paint time.
                plot.getAxis(side).setStyle(maxTickLevel=0)
            plot.getAxis("left").setWidth(46)  # equal widths keep the epochs aligned
            # Every plot gets the same x range from set_snapshot. (setXLink would line the
            # views up pixel by pixel, which shifts the range of plots side by side.)
            plot.enableAutoRange(x=False)
            self.plots[name] = plot
        loss, acc = self.plots["loss"], self.plots["accuracy"]
        loss.getAxis("left").setStyle(maxTickLevel=1)  # a log range may span under a decade
        acc.setYRange(0.0, 1.0, padding=0.05)
        acc.enableAutoRange(y=False)
        acc.setLabel("left", self.tr("accuracy"))
        loss.setLabel("left", self.tr("loss"))
        self.plots["activations"].setLabel("left", self.tr("activation"))
        self.plots["units"].setLabel("left", self.tr("units"))
        self.plots["units"].enableAutoRange(y=False)
        self.plots["same_sign"].setLabel("left", self.tr("share"))
        self.plots["same_sign"].setYRange(0.0, 1.0, padding=0.05)
        self.plots["same_sign"].enableAutoRange(y=False)

        for key, color, dashed, plot in (
                ("train_loss", TRAIN_COLOR, False, loss), ("test_loss", TEST_COLOR, True, loss),
                ("train_acc", TRAIN_COLOR, False, acc), ("test_acc", TEST_COLOR, True, acc)):
            # about one point per pixel (pg's default of five costs ~5x the stroking time)
            item = pg.PlotDataItem(pen=_pen(color, 2.0, dashed), connect="finite",
                                   autoDownsampleFactor=0.5)
            plot.addItem(item)
            self._items[key] = item
        self.regression_note = pg.TextItem(
            self.tr("No accuracy for regression:\nthe loss says how far off the values are."),
            color="#555555", anchor=(0.5, 0.5))
        self.regression_note.setVisible(False)
        acc.getViewBox().addItem(self.regression_note, ignoreBounds=True)
        acc.getViewBox().sigRangeChanged.connect(self._place_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.graphics, 1)
        self._columns = 0
        self._auto_columns = columns is None
        self.set_columns(columns)
        self.set_log_loss(True)
        self.set_max_rate(max_rate)

    # -- public API -------------------------------------------------------------------------

    def set_columns(self, columns: int | None) -> None:
        """Lay the plots out in 1, 2, 3 or 5 columns, row by row (the last plot spans the
        rest of its row); None picks the count from the view's shape on every resize."""
        self._auto_columns = columns is None
        if columns is None:
            columns = self._best_columns()
        columns = min(LAYOUT_COLUMNS, key=lambda n: abs(n - columns))
        if columns == self._columns:
            return
        self._columns = columns
        ci = self.graphics.ci
        for plot in self.plots.values():
            if plot in ci.items:
                ci.removeItem(plot)
        for i, name in enumerate(_PLOTS):
            row, col = divmod(i, columns)
            span = columns - col if i == len(_PLOTS) - 1 else 1
            ci.addItem(self.plots[name], row=row, col=col, colspan=span)

    def columns(self) -> int:
        return self._columns

    def _best_columns(self) -> int:
        """The column count whose plots come closest to a 3:2 landscape shape."""
        w, h = max(self.width(), 1), max(self.height(), 1)

        def misfit(n: int) -> float:
            rows = math.ceil(len(_PLOTS) / n)
            return abs(math.log((w / n) / (h / rows) / 1.5))

        return min(LAYOUT_COLUMNS, key=misfit)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_columns:
            self.set_columns(None)

    def set_log_loss(self, on: bool) -> None:
        """Logarithmic loss axis on or off (also the view's checkbox)."""
        on = bool(on)
        if self.log_check.isChecked() != on:
            self.log_check.setChecked(on)  # calls back here once
            return
        self.plots["loss"].setLogMode(y=on)
        self.plots["loss"].enableAutoRange(y=True)

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
            self.plots["units"].setYRange(0.0, units, padding=0.04)
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
        return [*self._items, *(f"std_{l}" for l in range(len(self._bands)))]

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
            mean = pg.PlotCurveItem(pen=_pen(color, 2.0), connect="finite")
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
            dead = pg.PlotCurveItem(pen=_pen(color, width), skipFiniteCheck=True)
            sat = pg.PlotCurveItem(pen=_pen(color, width, dashed=True), skipFiniteCheck=True)
            dead.setZValue(l)
            sat.setZValue(l)
            self._add(units, dead)
            self._add(units, sat)
            self._items[f"dead_{l}"] = dead
            self._items[f"saturated_{l}"] = sat
        for l in range(n_weights):
            item = pg.PlotCurveItem(pen=_pen(layer_color(l), stacked_width(l, n_weights)),
                                    connect="finite")
            item.setZValue(l)
            self._add(same, item)
            self._items[f"same_sign_{l}"] = item

        swatch = '<span style="color:{0}; font-weight:bold">{1}</span>&nbsp;{2}'
        sets = [swatch.format(TRAIN_COLOR, "━━", self.tr("train")),
                swatch.format(TEST_COLOR, "╍╍", self.tr("test"))]
        layers = [swatch.format(layer_color(l).name(), "━━", self.tr("layer {0}").format(l + 1))
                  for l in range(n_hidden)]
        layers.append(swatch.format(layer_color(n_hidden).name(), "━━", self.tr("output")))
        gap = "&nbsp;&nbsp; "
        self.legend.setText(gap.join(sets) + "&nbsp;&nbsp;&nbsp;&nbsp;│&nbsp;&nbsp;&nbsp;"
                            + gap.join(layers))

    def _add(self, plot: pg.PlotItem, item) -> None:
        plot.addItem(item)
        self._layer_items.append((plot, item))

    def _place_note(self, *_) -> None:
        (x0, x1), (y0, y1) = self.plots["accuracy"].getViewBox().viewRange()
        self.regression_note.setPos((x0 + x1) / 2, (y0 + y1) / 2)

    def _set_regression(self, regression: bool) -> None:
        self._regression = regression
        self.regression_note.setVisible(regression)
        self._place_note()
        acc = self.plots["accuracy"]
        acc.getAxis("left").setStyle(showValues=not regression)
        acc.setTitle(self.tr("Accuracy (classification only)") if regression
                     else self.tr("Accuracy"), size="10pt")

    # -- drawing -------------------------------------------------------------------------------

    def _draw_history(self, h) -> None:
        x = h["epoch"]
        for key in ("train_loss", "test_loss"):
            self._items[key].setData(x, _finite_or_nan(h[key]))
        if self._regression:
            self._items["train_acc"].setData([], [])
            self._items["test_acc"].setData([], [])
        else:
            for key in ("train_acc", "test_acc"):
                self._items[key].setData(x, _finite_or_nan(h[key]))

    def _draw_timeline(self, snapshot) -> None:
        t = snapshot.timeline
        x = timeline_epochs(snapshot)
        L, W = len(self._bands), t["same_sign"].shape[1]
        mean, std = _finite_or_nan(t["mean"]), _finite_or_nan(t["std"])
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
            band.setData(xd, Yd[:, L + l], Yd[:, 2 * L + l])  # before the mean re-ranges
            self._items[f"mean_{l}"].setData(xd, Yd[:, l])
            self._items[f"dead_{l}"].setData(xd, Yd[:, 3 * L + l])
            self._items[f"saturated_{l}"].setData(xd, Yd[:, 4 * L + l])
        for l in range(W):
            self._items[f"same_sign_{l}"].setData(xd, Yd[:, 5 * L + l])
        h_epoch = snapshot.history["epoch"]
        ends = [float(v[-1]) for v in (x, h_epoch) if len(v) and math.isfinite(v[-1])]
        x_max = max([0.0, *ends])
        if self._x_max is None or not (0.5 * self._x_max < x_max <= self._x_max):
            self._x_max = nice_end(x_max)
            for plot in self.plots.values():
                plot.setXRange(0.0, self._x_max, padding=0.0)
