"""Pieces of the training curves (`curves_view`): plots that fit narrow columns, and the
data helpers behind them.

- `styled_plot`: a PlotItem with `Axis` axes and a `Title`. Axes thin their ticks until the
  labels fit (1, 2, 5 steps; on a log axis 1-2-5 per decade, powers of ten for huge ranges)
  and are cached as pixmaps, so they are drawn again only when their range or size changes.
  Titles show the longest of their texts that fits and never widen the plot.
- `PlotNote`: a short centred note over a plot (no accuracy for regression, "press Play").
- `PlotGrid`: the plots in a grid of equal columns that always fits the view.
- `Band` (mean ± std), `peak_decimate`, `nice_range` and `nice_end` (ranges that move in
  round steps), `timeline_epochs` (the timeline on the history's epoch axis).
"""

from __future__ import annotations

import math

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.ui import theme

# One colour per layer (Okabe-Ito, then Paul Tol's muted colours for deep networks).
LAYER_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255",
                "#117733", "#332288")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
NOTE_WIDTH = 260  # pixels: notes in a plot wrap at most this wide
LAYOUT_COLUMNS = (1, 2, 3, 5)
# Grid columns: every layout's plots span whole columns (30 = 2 x 3 x 5: one, two, three or
# five plots a row).
GRID_COLUMNS = 30


def _nice_up(step: float) -> float:
    """The next round step above `step` in the 1-2-5 sequence."""
    mag = 10.0 ** math.floor(math.log10(step) + 1e-9)
    m = step / mag
    return (2.0 if m < 1.5 else 5.0 if m < 3.5 else 10.0) * mag


def _nice_step(span: float) -> float:
    """The round step (1, 2 or 5 times a power of ten) nearest above span."""
    mag = 10.0 ** math.floor(math.log10(span))
    return next(k * mag for k in (1.0, 2.0, 5.0, 10.0) if k * mag >= span * (1 - 1e-9))


def nice_range(lo: float, hi: float, current=None, min_span: float = 0.0):
    """A y range for data from lo to hi that moves only now and then: `current` while the
    data (with a 4 % margin) lies inside it and fills at least 40 % of it, else the data
    (at least `min_span` wide) widened to multiples of a round step. None when there is no
    such range (values not finite, or too close to the largest float)."""
    lo, hi = min(lo, hi), max(lo, hi)
    pad = 0.04 * (hi - lo)  # the curves never touch the frame
    lo, hi = lo - pad, hi + pad
    if hi - lo < min_span:
        mid = (lo + hi) / 2
        lo, hi = mid - min_span / 2, mid + min_span / 2
    if not (-1e300 < lo < hi < 1e300):  # also False for NaN
        return None
    if current is not None:
        c0, c1 = current
        if c0 <= lo and hi <= c1 and hi - lo >= 0.4 * (c1 - c0):
            return current
    step = _nice_step((hi - lo) / 4)
    a, b = math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step
    return (a, b) if math.isfinite(a) and math.isfinite(b) and a < b else (lo, hi)


class Axis(pg.AxisItem):
    """An axis whose labels never crowd: the tick spacing grows (1, 2, 5, 10 ...) until the
    labels fit the axis' length, and on a log axis the ticks are chosen to fit as well.
    The axis, with its share of the grid, is cached as a pixmap: it is drawn again only when
    its range or size changes, not when the curves move."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.style["tickFont"] or QFont())

    def _room(self, lo: float, hi: float, spacing: float) -> float:
        """Pixels between two ticks that their labels need."""
        fm = self._metrics()
        if self.orientation in ("left", "right"):
            return 1.5 * fm.height()
        places = max(0, math.ceil(-math.log10(spacing) - 1e-9))
        return max(fm.horizontalAdvance(f"{v:.{places}f}") for v in (lo, hi)) + 1.2 * fm.height()

    def boundingRect(self) -> QRectF:
        # With a grid the rectangle is the plot's, and pyqtgraph drops every label that
        # crosses it: the labels at both ends (0 and 1 of an accuracy). Let them overhang.
        r = super().boundingRect()
        if self.grid is False:
            return r
        fm = self._metrics()
        if self.orientation in ("left", "right"):
            return r.adjusted(0.0, -0.6 * fm.height(), 0.0, 0.6 * fm.height())
        half = fm.horizontalAdvance("0.00") / 2
        return r.adjusted(-half, 0.0, half, 0.0)

    # These run inside paint(), where an exception takes the whole app down: an odd range
    # (a diverging loss) falls back to pyqtgraph's own ticks instead.

    def tickSpacing(self, minVal, maxVal, size):
        try:
            return self._tick_spacing(minVal, maxVal, size)
        except (ArithmeticError, ValueError):
            return super().tickSpacing(minVal, maxVal, size)

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        try:
            return self._log_tick_values(minVal, maxVal, size, stdTicks)
        except (ArithmeticError, ValueError):
            return stdTicks

    def _tick_spacing(self, minVal, maxVal, size):
        levels = super().tickSpacing(minVal, maxVal, size)
        span = abs(maxVal - minVal)
        if self.logMode or not levels or size <= 0 or not 0 < span < math.inf:
            return levels
        spacing = levels[0][0]
        while spacing / span * size < self._room(minVal, maxVal, spacing):
            spacing = _nice_up(spacing)
        return [(spacing, 0.0)]  # major ticks only

    def _log_tick_values(self, minVal, maxVal, size, stdTicks):
        """The most ticks whose labels fit, from two families: 1, 2, 5 (or 1, 3, or 1) times
        the powers of ten (every few decades on a huge range), and round steps in between
        (0.6, 0.65, 0.7 ...) for a range under a decade."""
        span = maxVal - minVal
        # (pyqtgraph keeps a log range within the floats, about ±308 decades)
        if not (0 < span and size > 0 and -1000 < minVal and maxVal < 1000):
            return stdTicks
        room = 1.5 * self._metrics().height()
        per_decade = size / span
        candidates = []  # (values, pixels needed between two ticks)
        decades = range(math.floor(minVal), math.ceil(maxVal) + 1)
        every = max(1, round(_nice_step(room / per_decade)))
        for mantissas in ((1, 2, 5), (1, 3), (1,)):
            step = every if len(mantissas) == 1 else 1
            # uneven steps read as clutter sooner: they need a little more room
            need = room if len(mantissas) == 1 else 1.3 * room
            candidates.append(([d + math.log10(m) for d in decades if d % step == 0
                                for m in mantissas], need))
        if span < 2.0:  # round steps in between: for a range of a decade or two
            lo, hi = 10.0 ** minVal, 10.0 ** maxVal
            step = _nice_step((hi - lo) / 8)
            for _ in range(4):
                ticks = np.arange(math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9) + 1)
                candidates.append(([math.log10(t * step) for t in ticks if t > 0], room))
                step = _nice_up(step)
        best: list[float] = []
        for values, need in candidates:
            values = [v for v in values if minVal <= v <= maxVal]
            fits = len(values) < 2 or float(np.diff(values).min()) * per_decade >= need
            if fits and len(values) > len(best):
                best = values
        return [(1.0, best)]

    def logTickStrings(self, values, scale, spacing):
        """0.001 to 1000 as decimals, beyond as powers of ten ("10⁻⁵", "2·10¹²"): narrow
        enough for the axis when a diverging loss spans hundreds of decades."""
        labels = []
        for v in values:
            value = 10.0 ** min(float(v), 308.0) * scale
            if not 0 < value < math.inf:
                labels.append("")
            elif 1e-3 <= value < 1e4:
                labels.append(f"{value:.3g}")
            else:
                mantissa, exponent = f"{value:.0e}".split("e")
                power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
                labels.append(power if mantissa == "1" else f"{mantissa}·{power}")
        return labels


class Title(pg.LabelItem):
    """A plot title that never widens its plot: the first of its texts that fits, else the
    last one elided."""

    texts: tuple[str, ...] = ("",)

    def __init__(self, parent: pg.PlotItem):
        super().__init__("", parent=parent)
        self.item.setDefaultTextColor(QColor(theme.ink("#222222")))

    def set_texts(self, *texts: str) -> None:
        self.texts = texts
        self.resizeEvent(None)

    def text_shown(self) -> str:
        return self.item.toPlainText()

    def updateMin(self) -> None:
        super().updateMin()
        h = QFontMetricsF(self.item.font()).height()
        self.setMinimumWidth(0)
        for hint in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            self._sizeHint[hint] = (0, h)

    def resizeEvent(self, ev) -> None:
        if not shiboken6.isValid(self.item):
            # Teardown: the layout can still resize the title after its text item is gone,
            # and an exception raised in this override aborts PySide6.
            return
        fm = QFontMetricsF(self.item.font())
        width = self.rect().width() - 8 if self.rect().width() > 0 else math.inf
        text = next((t for t in self.texts if fm.horizontalAdvance(t) <= width), None)
        if text is None:
            text = fm.elidedText(self.texts[-1], Qt.TextElideMode.ElideRight, width)
        if text != self.item.toPlainText():
            self.item.setPlainText(text)
        super().resizeEvent(ev)


def styled_plot(titles: tuple[str, ...], tip: str, x_label: str) -> pg.PlotItem:
    """A plot of the curves view: `Axis` axes, a `Title` showing the first of `titles` that
    fits, a light grid, no mouse interaction, and no auto-range (the view sets the ranges)."""
    plot = pg.PlotItem(axisItems={side: Axis(side) for side in ("left", "bottom")})
    old = plot.titleLabel  # a LabelItem makes the plot at least as wide as its text
    plot.layout.removeItem(old)
    old.setParentItem(None)
    plot.titleLabel = Title(plot)
    plot.layout.addItem(plot.titleLabel, 0, 1)
    plot.layout.setRowFixedHeight(0, QFontMetricsF(plot.titleLabel.item.font()).height() + 2)
    plot.titleLabel.set_texts(*titles)
    plot.setToolTip(tip)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)
    plot.setLabel("bottom", x_label)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setTextPen(pg.mkPen(theme.ink("#333333")))
        axis.enableAutoSIPrefix(False)  # no "(x0.001)" on a label
        # Major ticks (and grid lines) only: the minor grid doubles the paint time.
        axis.setStyle(maxTickLevel=0)
    plot.getAxis("left").setWidth(42)  # a fixed width: labels that change do not shift it
    # The view gives every plot the same x range. (setXLink would line the views up pixel
    # by pixel, which shifts the range of plots side by side.) The y ranges are fixed or
    # set in steps by the view: no auto-range per frame.
    plot.enableAutoRange(x=False, y=False)
    plot.setXRange(0.0, 1.0, padding=0.0)
    plot.layout.setContentsMargins(0, 0, 8, 0)  # a gap before the next plot's axis
    return plot


class PlotNote(pg.TextItem):
    """A short note centred over a plot, wrapped to its width, on white over the grid;
    hidden until shown."""

    def __init__(self, plot: pg.PlotItem, text: str):
        super().__init__(text, color="#555555", anchor=(0.5, 0.5),
                         fill=pg.mkBrush(255, 255, 255, 230))
        self.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        self.setVisible(False)
        self._vb = plot.getViewBox()
        self._vb.addItem(self, ignoreBounds=True)
        self._vb.sigRangeChanged.connect(self._place)
        self._vb.sigResized.connect(self._place)

    def _place(self, *_) -> None:
        vb = self._vb
        (x0, x1), (y0, y1) = vb.viewRange()
        self.setTextWidth(min(max(vb.width() - 12, 40), NOTE_WIDTH))
        self.setPos((x0 + x1) / 2, (y0 + y1) / 2)


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
    return QColor(theme.ink(LAYER_COLORS[l % len(LAYER_COLORS)]))


def stacked_width(l: int, n: int) -> float:
    """Pen width of layer l of n: earlier layers wider and drawn below, so lines that
    coincide (all at 0 dead units, or all at a share of 1) still show every colour."""
    if n <= 1:
        return 2.0
    return 2.0 + min(1.2, 4.0 / (n - 1)) * (n - 1 - l)


def pen(color, width: float = 2.0, dashed: bool = False) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def finite_or_nan(y: np.ndarray) -> np.ndarray:
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


class PlotGrid:
    """Lays the plots of a view out in a grid of equal columns (a mixin of CurvesView,
    listed before QWidget; it reads `graphics`, a GraphicsLayoutWidget, and `plots`, name
    to PlotItem in layout order, and installs nothing itself: the view calls
    `graphics.installEventFilter(self)` and `set_columns`)."""

    _columns = 0
    _auto_columns = True

    def set_columns(self, columns: int | None) -> None:
        """Lay the plots out in 1, 2, 3 or 5 columns, row by row; the plots of the last row
        share its width equally (three over two for 3). None picks the count from the view's
        shape on every resize."""
        self._auto_columns = columns is None
        if columns is None:
            columns = self._best_columns()
        columns = min(LAYOUT_COLUMNS, key=lambda n: abs(n - columns))
        if columns == self._columns:
            return
        self._columns = columns
        rows = math.ceil(len(self.plots) / columns)
        last = len(self.plots) - columns * (rows - 1)
        ci = self.graphics.ci
        for plot in self.plots.values():
            if plot in ci.items:
                ci.removeItem(plot)
        for r in range(len(self.plots)):
            ci.layout.setRowStretchFactor(r, 1 if r < rows else 0)
        for i, name in enumerate(self.plots):
            row, k = divmod(i, columns)
            span = GRID_COLUMNS // (last if row == rows - 1 else columns)
            ci.addItem(self.plots[name], row=row, col=k * span, colspan=span)
            # One "epoch" under the bottom row is enough: all plots share the x axis.
            self.plots[name].getAxis("bottom").showLabel(row == rows - 1)
        self._fit_grid()

    def _fit_grid(self) -> None:
        """Give the grid's columns equal fixed widths and the grid the view's size.

        Left to itself the grid sizes its columns by their items' size hints, which differ;
        and adding items one by one can grow it past the view, to the minimum size of a
        half-built grid, with nothing to shrink it back. The grid always has GRID_COLUMNS
        columns (each plot spans several), so no column of an earlier layout lingers."""
        ci, w = self.graphics.ci, float(self.graphics.width())
        left, _, right, _ = ci.layout.getContentsMargins()
        col = max((w - left - right) / GRID_COLUMNS, 1.0)
        for c in range(GRID_COLUMNS):
            ci.layout.setColumnFixedWidth(c, col)
        ci.setGeometry(QRectF(0.0, 0.0, w, float(self.graphics.height())))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.graphics and event.type() == QEvent.Type.Resize:
            self._fit_grid()  # before the view fits the grid to its new size
        return False

    def columns(self) -> int:
        return self._columns

    def layout_rows(self) -> list[list[str]]:
        """The plots' names row by row, left to right, as laid out."""
        cells = {name: min(self.graphics.ci.items[p]) for name, p in self.plots.items()
                 if p in self.graphics.ci.items}
        rows = sorted({r for r, _ in cells.values()})
        return [sorted((n for n, (r, _) in cells.items() if r == row), key=lambda n: cells[n])
                for row in rows]

    def _best_columns(self) -> int:
        """The column count whose plots come closest to a 3:2 landscape shape."""
        w, h = max(self.width(), 1), max(self.height(), 1)

        def misfit(n: int) -> float:
            rows = math.ceil(len(self.plots) / n)
            return abs(math.log((w / n) / (h / rows) / 1.5))

        return min(LAYOUT_COLUMNS, key=misfit)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_columns:
            self.set_columns(None)
