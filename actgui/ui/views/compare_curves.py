"""The Compare page's loss curves: every activation overlaid, train solid and test dashed.

With one seed each line is that run's loss. Over several seeds each line is the mean over the
seeds (the engine's `summarize`) and a pale band spans the lowest to the highest seed at every
epoch, so a learner sees both the typical curve and how much luck is involved.

Items are created once (four activation slots); a frame only calls `setData`.
"""

from __future__ import annotations

import warnings

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine.multirun import summarize
from actgui.ui import theme
from actgui.ui.compare_controller import MAX_ACTIVATIONS
from actgui.ui.views.compare_common import activation_label

BAND_ALPHA = 46
# At most this many points per drawn line: wide antialiased (and dashed) pens cost about a
# microsecond per segment, and a loss curve needs no more than the plot has pixels.
MAX_POINTS = 300
LOSS_NAMES = {"sigmoid": QT_TRANSLATE_NOOP("CompareCurves", "binary cross-entropy"),
              "softmax": QT_TRANSLATE_NOOP("CompareCurves", "cross-entropy"),
              "linear": QT_TRANSLATE_NOOP("CompareCurves", "squared error")}
SHOW = ("both", "train", "test")


def _pens(name: str) -> tuple[QPen, QPen]:
    """Train: the activation's own pen, thicker; test: the same colour dashed (dotted when
    the activation's own pen is already dashed)."""
    train = theme.activation_pen(name, 2.4)
    test = QPen(train)
    test.setWidthF(2.0)
    dashed = train.style() != Qt.PenStyle.SolidLine
    test.setStyle(Qt.PenStyle.DotLine if dashed else Qt.PenStyle.DashLine)
    return train, test


def _invisible() -> QPen:
    """For the band edges: PlotDataItem still builds their path (the fill needs it), and
    PlotCurveItem skips drawing a NoPen line, which a transparent pen would not."""
    return QPen(Qt.PenStyle.NoPen)


def _decimation(n: int) -> np.ndarray | None:
    """Indices of at most MAX_POINTS evenly spread records, first and last included; None
    when every record can be drawn."""
    if n <= MAX_POINTS:
        return None
    return np.unique(np.round(np.linspace(0, n - 1, MAX_POINTS)).astype(np.intp))


def _log_ticks(lo: float, hi: float) -> list:
    """Ticks for a log10 axis from lo to hi (in decades): every decade labelled, 2 and 5
    labelled in between, no unlabelled clutter."""
    major, minor = [], []
    for k in range(int(np.floor(lo)), int(np.ceil(hi)) + 1):
        major.append((float(k), f"{10.0 ** k:g}"))
        for m in (2.0, 5.0):
            minor.append((k + float(np.log10(m)), f"{m * 10.0 ** k:g}"))
    inside = [t for t in major + minor if lo - 1e-9 <= t[0] <= hi + 1e-9]
    return [[t for t in inside if t in major], [t for t in inside if t in minor]]


def _nice_ceil(v: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is >= v
    (v > 0): the axis grows in steps of at most a third."""
    e = 10.0 ** np.floor(np.log10(v))
    for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * e >= v * (1 - 1e-12):
            return float(m * e)
    return float(10.0 * e)


class _Slot:
    """The items of one activation: mean curves and min-max bands for train and test."""

    def __init__(self, plot: pg.PlotItem):
        self.lines = {k: pg.PlotDataItem() for k in ("train", "test")}
        self.edges = {k: (pg.PlotDataItem(pen=_invisible()), pg.PlotDataItem(pen=_invisible()))
                      for k in ("train", "test")}
        self.bands = {k: pg.FillBetweenItem(*self.edges[k]) for k in ("train", "test")}
        for k in ("train", "test"):
            for item in (self.lines[k], *self.edges[k]):
                plot.addItem(item)
            plot.addItem(self.bands[k])
            self.lines[k].setZValue(5 if k == "train" else 4)
            self.bands[k].setZValue(-5)
        self.name: str | None = None

    def set_activation(self, name: str | None) -> None:
        self.name = name
        if name is None:
            self.set_visible(False, False, False)
            return
        train, test = _pens(name)
        self.lines["train"].setPen(train)
        self.lines["test"].setPen(test)
        color = theme.activation_color(name)
        color.setAlpha(BAND_ALPHA)
        for band in self.bands.values():
            band.setBrush(color)

    def set_visible(self, train: bool, test: bool, bands: bool) -> None:
        for k, on in (("train", train), ("test", test)):
            self.lines[k].setVisible(on)
            self.bands[k].setVisible(on and bands)
            for e in self.edges[k]:
                e.setVisible(on and bands)


class CompareCurves(QWidget):
    """Overlaid loss curves (x: epoch), one colour per activation."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(parent=self)
        self.plot.setObjectName("compareCurves")  # the constructor drops objectName=
        self.plot.setToolTip(self.tr(
            "Loss against epochs for every activation: solid lines are the training loss, "
            "dashed lines the test loss. Lower is better; a curve that drops sooner learned "
            "faster. With several seeds the line is their mean and the band spans the best "
            "and the worst seed."))
        self.plot.setMinimumSize(280, 220)
        item = self.item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.3)  # loss levels; epochs read off the axis
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        # The page sets the range itself, in nice steps, before the frame is painted: auto
        # range would move it after the paint and so paint every frame twice.
        item.disableAutoRange()
        self._range = None
        item.setLabel("bottom", self.tr("epoch"))
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTextPen(pg.mkPen("#333333"))
            axis.enableAutoSIPrefix(False)
            # Grid lines at the major ticks only: each line costs a little on every repaint.
            axis.setStyle(maxTickLevel=0)
        # One row across the top (the y range leaves head room for it), drawn once into a
        # cached pixmap: its text costs more to paint than all the curves.
        self.legend = item.addLegend(offset=(-6, 4), labelTextSize="11pt", colCount=6,
                                     brush=pg.mkBrush("#FFFFFF"), pen=pg.mkPen("#C8D0D8"))
        self.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._key_items = [pg.PlotDataItem(pen=pg.mkPen("#333333", width=2.6)),
                           pg.PlotDataItem(pen=pg.mkPen("#333333", width=2.2,
                                                        style=Qt.PenStyle.DashLine))]
        self.slots = [_Slot(item) for _ in range(MAX_ACTIVATIONS)]
        self._names: tuple[str, ...] = ()
        self._seeds = 1
        self._show = "both"
        self._log = False
        self._output = ""
        self._data: dict = {}
        self._history = None  # the history last drawn (frames may repeat it)
        self._fast = False

        tip = self.tr("Which losses the chart shows.")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("compareShow")
        for key, text in (("both", self.tr("train and test")), ("train", self.tr("train only")),
                          ("test", self.tr("test only"))):
            self.show_combo.addItem(text, key)
        self.show_combo.setToolTip(tip)
        self.show_combo.currentIndexChanged.connect(
            lambda i: self.set_show(self.show_combo.itemData(i)))
        show_label = QLabel(self.tr("Show"))
        show_label.setToolTip(tip)
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.setObjectName("compareLogScale")
        self.log_check.setToolTip(self.tr(
            "A logarithmic loss axis: small losses stay apart instead of hugging zero."))
        self.log_check.toggled.connect(self.set_log)
        title = QLabel(self.tr("<b>Loss</b>"))
        hint = _WholeOrNothing(self.tr("(lower is better)"))
        for label in (title, hint):
            label.setToolTip(self.plot.toolTip())
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(title)
        row.addWidget(hint, 1)
        row.addWidget(show_label)
        row.addWidget(self.show_combo)
        row.addSpacing(8)
        row.addWidget(self.log_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.plot, 1)

    # -- options ---------------------------------------------------------------------------

    def set_log(self, on: bool) -> None:
        self._log = bool(on)
        if self.log_check.isChecked() != self._log:
            self.log_check.setChecked(self._log)  # re-enters once, then returns below
            return
        self.item.setLogMode(x=False, y=self._log)
        self._fit_range()

    def log(self) -> bool:
        return self._log

    def set_fast(self, on: bool) -> None:
        """Fast drawing while training runs: lines without antialiasing cost a third as much
        per frame. Paused, the curves are redrawn smooth."""
        on = bool(on)
        if on != self._fast:
            self._fast = on
            if self._history is not None:
                self._draw(self._history)

    def set_show(self, which: str) -> None:
        """Which losses to draw: "both", "train" or "test"."""
        if which not in SHOW:
            raise ValueError(f"show must be one of {', '.join(SHOW)}, got {which!r}")
        self._show = which
        i = self.show_combo.findData(which)
        if self.show_combo.currentIndex() != i:
            self.show_combo.setCurrentIndex(i)  # re-enters once with the same value
            return
        self._apply_visibility()
        self._update_legend()
        self._fit_range()

    def _apply_visibility(self) -> None:
        train, test = self._show in ("both", "train"), self._show in ("both", "test")
        for slot in self.slots:
            if slot.name is not None:
                slot.set_visible(train, test, self._seeds > 1)

    # -- frames ----------------------------------------------------------------------------

    def set_frame(self, frame) -> None:
        names = frame.activations
        if names != self._names or len(frame.seeds) != self._seeds:
            self._names, self._seeds = names, len(frame.seeds)
            for i, slot in enumerate(self.slots):
                slot.set_activation(names[i] if i < len(names) else None)
            self._apply_visibility()
            self._update_legend()
        if frame.output_kind != self._output:
            self._output = frame.output_kind
            self.item.setLabel("left", self.tr("loss ({0})").format(
                self.tr(LOSS_NAMES[self._output])))
        if frame.history is not self._history:
            self._draw(frame.history)

    def _draw(self, h: dict) -> None:
        self._history = h
        x = h["epoch"].astype(np.float64)
        groups = len(self._names)
        aa = not self._fast
        self._data = {"epoch": x}
        idx = _decimation(len(x))
        xs = x if idx is None else x[idx]
        for k in ("train", "test"):
            values = h[f"{k}_loss"]
            v = values.reshape(groups, self._seeds, -1)
            with warnings.catch_warnings():  # a diverged run's loss may be NaN at every seed
                warnings.simplefilter("ignore", RuntimeWarning)
                mean, _ = summarize(values, groups)
                lo, hi = np.nanmin(v, axis=1), np.nanmax(v, axis=1)
            self._data[k] = (mean, lo, hi)
            if idx is not None:
                mean, lo, hi = mean[:, idx], lo[:, idx], hi[:, idx]
            for g, slot in enumerate(self.slots[:groups]):
                slot.lines[k].setData(xs, mean[g], antialias=aa)
                if self._seeds > 1:
                    low, high = slot.edges[k]
                    # the band redraws when either edge changes: let only the second tell it
                    blocked = low.blockSignals(True)
                    low.setData(xs, lo[g])
                    low.blockSignals(blocked)
                    high.setData(xs, hi[g])
        self._fit_range()

    def _fit_range(self) -> None:
        """x from 0 to a nice number of epochs; y from 0 (or, on the log axis, the decade
        below the smallest loss) to a nice value above the largest shown. Both change only
        when the data leave them, so the axes rarely need redrawing."""
        if not self._data:
            return
        x = self._data["epoch"]
        shown = [k for k in ("train", "test") if self._show in ("both", k)]
        ys = [a for k in shown for a in (self._data[k][1:] if self._seeds > 1
                                          else self._data[k][:1])]
        y = np.concatenate([a.ravel() for a in ys]) if ys else np.empty(0)
        y = y[np.isfinite(y)]
        x_max = _nice_ceil(max(float(x[-1]) if x.size else 0.0, 10.0))
        if self._log:
            y = y[y > 0]
            lo = np.floor(np.log10(y.min())) if y.size else -2.0
            hi = np.ceil(np.log10(y.max()) * 2.0) / 2.0 if y.size else 0.0
            y_range = (float(lo), float(max(hi, lo + 0.5)) + 0.5)  # head room for the legend
        else:
            top = float(y.max()) * 1.15 if y.size and y.max() > 0 else 1.0  # and here
            y_range = (0.0, _nice_ceil(top))
        r = ((0.0, x_max), y_range)
        if r != self._range:
            self._range = r
            self.item.setRange(xRange=r[0], yRange=r[1], padding=0.02)
            self.item.getAxis("left").setTicks(_log_ticks(*y_range) if self._log else None)

    def curve_data(self, kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The (mean, min, max) over seeds last drawn for "train" or "test", each
        (activations, T); the x values are curve_data_x()."""
        return self._data[kind]

    def curve_data_x(self) -> np.ndarray:
        return self._data["epoch"]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """One row when the plot is wide enough for it, else two."""
        n = len(self.legend.items)
        if n:
            per_entry = 15 * self.fontMetrics().averageCharWidth() + 10
            fits = self.plot.width() - 90 >= n * per_entry
            self.legend.setColumnCount(n if fits else -(-n // 2))

    def _update_legend(self) -> None:
        self.legend.clear()
        for slot in self.slots:
            if slot.name is not None:
                line = slot.lines["train" if self._show != "test" else "test"]
                self.legend.addItem(line, activation_label(slot.name))
        if self._show in ("both", "train"):
            self.legend.addItem(self._key_items[0], self.tr("train"))
        if self._show in ("both", "test"):
            self.legend.addItem(self._key_items[1], self.tr("test"))
        self._fit_legend()


class _WholeOrNothing(QLabel):
    """A hint drawn only when it fits whole: a phrase cut off mid-word reads wrong."""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.width() >= self.sizeHint().width():
            super().paintEvent(event)
