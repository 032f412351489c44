"""Two linked plots, f(z) above f'(z), with a draggable probe, zone bands and overlays.

The view draws what it is given and computes nothing: the page owns the activations and
calls the setters below. Every plot item is created once (or once per activation) and
updated with setData / setRegion / setValue, so a control change costs only a repaint.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.ui import theme

ZONE_KINDS = ("saturated", "dead")

# Repaint the bounding rectangle of what changed, not the exact region (pyqtgraph's default).
# A probe move dirties a dozen thin strips; clipped to such a region, every cached layer's
# blit takes Qt's generic span path (ten times slower, and handed to its painting thread
# pool), while one rectangle keeps the plain blit.
BOUNDING_RECT_UPDATE = QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate
_ZONE_ALPHA = {"saturated": 60, "dead": 45}


def _pen(color, width=1.5, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    pen.setStyle(style)
    return pen


def _zone_color(kind: str, alpha: int | None = None) -> QColor:
    c = QColor(theme.SATURATED if kind == "saturated" else theme.DEAD)
    c.setAlpha(_ZONE_ALPHA[kind] if alpha is None else alpha)
    return c


def nice_range(lo: float, hi: float) -> tuple[float, float]:
    """A y range around [lo, hi] with a little room, snapped outward to a round step.

    Snapping means small data changes (a slider step) usually leave the range as it is, so
    the cached pictures of the other curves stay valid and the repaint stays cheap.
    """
    span = hi - lo
    if not span > 1e-12:
        half = max(0.5, abs(hi) * 0.1)
        lo, hi, span = lo - half, hi + half, 2 * half
    raw = span / 20
    mag = 10.0 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    pad = 0.04 * span
    return math.floor((lo - pad) / step) * step, math.ceil((hi + pad) / step) * step


def next_range(current: tuple[float, float] | None, lo: float, hi: float):
    """The y range to show data [lo, hi], given the current one: keep it while the data fits
    and fills at least 55 % of it; grow with 20 % headroom on the side that overflowed.

    Every range change re-renders every cached curve, so while a slider sweeps a parameter
    the range should move in a few jumps rather than on every step.
    """
    if current is None:
        return nice_range(lo, hi)
    c_lo, c_hi = current
    margin = 0.02 * (c_hi - c_lo)
    below, above = lo - margin < c_lo, hi + margin > c_hi
    if not (below or above):
        return current if hi - lo >= 0.55 * (c_hi - c_lo) else nice_range(lo, hi)
    head = 0.2 * max(hi - lo, 1e-12)
    return nice_range(lo - head * below, hi + head * above)


# Each cached curve or axis holds about one plot-sized pixmap (~1 MB, 4 MB on a 2x screen);
# Qt's default 10 MB pixmap cache would evict them in turn and every repaint would stroke
# all curves again. Raised once, never lowered.
_PIXMAP_CACHE_KB = 160 * 1024


def _cached(item, children: bool = False) -> None:
    """Keep a device-pixel cache of an item: a repaint caused by another item (the probe,
    the selected curve) then blits it instead of stroking 1,201 antialiased points of a 2 px
    pen again (wide antialiased pens are the slow path of Qt's raster engine).

    A parent's cache holds only what its own paint() draws, never its children; with
    children=True the whole subtree is cached (a legend's samples and text, a label's text
    item), so an exposed legend costs a few blits instead of laying out and drawing text.
    """
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    if children:
        for child in item.childItems():
            _cached(child, children=True)


def subsample_step(points: int, pixels: float) -> int:
    """Every how many grid points to draw a curve so that it keeps about one vertex per
    device pixel: the curve looks the same (a 2 px antialiased pen cannot show detail finer
    than a pixel), and stroking it costs half as much or less. The data items keep every
    point; only the path that is stroked is thinner."""
    if pixels <= 0:
        return 1
    return max(1, int((points - 1) // pixels))


def _overlay(plot: pg.PlotWidget, item, ignore_bounds: bool = True) -> None:
    """Add a helper item straight to the view box, so the plot's data items (listDataItems)
    stay exactly the activation curves."""
    plot.getPlotItem().getViewBox().addItem(item, ignoreBounds=ignore_bounds)


def _inert(legend: pg.LegendItem) -> None:
    """pyqtgraph hides a curve when its legend sample is clicked; here the activation list
    decides what is drawn, so the samples ignore clicks (the legend can still be dragged).
    The new labels are cached like the legend itself: laying out and drawing their text was
    the dearest part of every repaint that exposed the legend. (The samples draw one short
    line from their curve's pen at paint time, and stay uncached so a new pen shows.)"""
    for sample, label in legend.items:
        sample.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        _cached(label, children=True)


class ProbeDots:
    """One dot per shown activation where the probe crosses its curve.

    Each dot is a QGraphicsPixmapItem showing a pre-drawn antialiased disc that keeps its
    pixel size (ItemIgnoresTransformations): moving it is a setPos, and Qt blits it without
    calling Python. A ScatterPlotItem drew the same discs through pyqtgraph's Python setData
    and paint (and its fragment drawing woke Qt's painting thread pool), which cost more
    than the rest of a probe move. The ring takes the plot's background colour, so a dot
    stands off its curve in either colour scheme.
    """

    SIZE = 9.0  # disc diameter, logical pixels (the ScatterPlotItem's size=9)
    RING = 1.2  # outline width
    _BOX = 12  # pixmap side, logical pixels: the disc, its ring and antialiasing

    def __init__(self, plot: pg.PlotWidget, z: float):
        self._plot = plot
        self._z = z
        self._dots: list[QGraphicsPixmapItem] = []
        self._pixmaps: dict[tuple[int, int, float], QPixmap] = {}

    def dots(self) -> list[QGraphicsPixmapItem]:
        return [dot for dot in self._dots if dot.isVisible()]

    def _pixmap(self, color: QColor) -> QPixmap:
        ring = self._plot.backgroundBrush().color()
        ratio = self._plot.devicePixelRatioF()
        key = (color.rgba(), ring.rgba(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            side = math.ceil(self._BOX * ratio)
            pixmap = QPixmap(side, side)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(ring, self.RING))
            painter.setBrush(color)
            centre = self._BOX / 2
            painter.drawEllipse(QPointF(centre, centre), self.SIZE / 2, self.SIZE / 2)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def set_points(self, x: float, ys: list[float], colors: list[QColor]) -> None:
        while len(self._dots) < len(ys):
            dot = QGraphicsPixmapItem()
            dot.setOffset(-self._BOX / 2, -self._BOX / 2)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setZValue(self._z)
            _overlay(self._plot, dot)
            self._dots.append(dot)
        for i, dot in enumerate(self._dots):
            on = i < len(ys) and math.isfinite(ys[i])
            if on:
                dot.setPos(x, ys[i])
                pixmap = self._pixmap(colors[i])
                if dot.pixmap().cacheKey() != pixmap.cacheKey():
                    dot.setPixmap(pixmap)
            if dot.isVisible() != on:
                dot.setVisible(on)


class CurvePlots(QWidget):
    """activationPlot (f) above derivativePlot (f'), x axes linked."""

    probe_dragged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        if QPixmapCache.cacheLimit() < _PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(_PIXMAP_CACHE_KB)
        self.f_plot = self._make_plot("activationPlot", self.tr("f(z)"))
        self.df_plot = self._make_plot("derivativePlot", self.tr("f′(z)"))
        self.f_plot.setToolTip(self.tr(
            "Output of each ticked activation. Drag the vertical probe line to read values."))
        self.df_plot.setToolTip(self.tr(
            "Slope of each activation: the factor by which a gradient is multiplied when it "
            "flows back through the unit. Shaded bands mark where it is tiny or zero."))
        self.df_plot.setXLink(self.f_plot)
        self._points = 0  # grid points per curve, for the drawing step (subsample_step)
        self._steps = [1, 1]  # drawing step on the f and the f' plot
        for plot in (self.f_plot, self.df_plot):
            plot.getPlotItem().getViewBox().sigResized.connect(self._resample)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.f_plot)
        split.addWidget(self.df_plot)
        split.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.f_legend = self.f_plot.addLegend(offset=(8, 8), labelTextSize="9pt")
        self.df_legend = self.df_plot.addLegend(offset=(8, 8), labelTextSize="9pt")
        # Right middle: most slopes sit near 0 or 1 there, so the legend hides the least.
        self.df_legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-8, 0))
        for legend in (self.f_legend, self.df_legend):
            legend.setBrush(pg.mkBrush(255, 255, 255, 215))
            legend.setPen(pg.mkPen(200, 200, 200))
            _cached(legend)  # its frame; the labels are cached as they are added (_inert)

        self._curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._checks: dict[str, pg.PlotDataItem] = {}
        self._shown: list[str] = []
        self._labels: dict[str, str] = {}
        self._bounds: dict[str, tuple[float, float, float, float]] = {}
        self._y_ranges: list[tuple[float, float] | None] = [None, None]
        self._identity_label = ""
        self._selected: str | None = None
        self._markers: tuple[float, list] | None = None  # the last set_markers arguments
        self._bands: dict[str, list[tuple[pg.LinearRegionItem, pg.LinearRegionItem]]] = {
            k: [] for k in ZONE_KINDS}
        self._zone_on: dict[str, bool | None] = dict.fromkeys(ZONE_KINDS)  # None: off
        # Legend samples for the zones: empty bar items that carry only a brush.
        self._zone_samples = {
            k: pg.BarGraphItem(x=[], height=[], width=1, brush=_zone_color(k, 120), pen=None)
            for k in ZONE_KINDS}
        self._zone_names = {
            "saturated": self.tr("saturated: |f′| ≤ 5.91 % of peak"),
            "dead": self.tr("dead: f′ = 0"),
        }
        self._zone_empty = {
            "saturated": self.tr("no saturation in view"),
            "dead": self.tr("no dead zone in view"),
        }

        self.identity = pg.PlotDataItem(
            pen=_pen(theme.CHECK, 1.4, Qt.PenStyle.DashLine), skipFiniteCheck=True)
        _cached(self.identity.curve)
        self.tangent = pg.PlotDataItem(pen=_pen(theme.PROBE, 1.8, Qt.PenStyle.DashLine))
        self._tangent_of: str | None = None
        _overlay(self.f_plot, self.identity, ignore_bounds=False)
        _overlay(self.f_plot, self.tangent)
        self.identity.setVisible(False)
        self.tangent.setVisible(False)
        self.identity.setZValue(20)
        self.tangent.setZValue(25)

        probe_pen = _pen(theme.PROBE, 2.0)
        hover = _pen(theme.PROBE, 3.5)
        self.f_probe = pg.InfiniteLine(
            0.0, movable=True, pen=probe_pen, hoverPen=hover,
            label="z",  # text set in set_probe
            labelOpts={"position": 0.06, "color": theme.PROBE, "fill": (255, 255, 255, 220),
                       "anchors": [(0, 1), (0, 1)]})
        _cached(self.f_probe.label, children=True)  # moves with the probe: blitted, not laid out
        self.df_probe = pg.InfiniteLine(0.0, movable=True, pen=probe_pen, hoverPen=hover)
        self.f_markers = ProbeDots(self.f_plot, 40)
        self.df_markers = ProbeDots(self.df_plot, 40)
        for plot, line in ((self.f_plot, self.f_probe), (self.df_plot, self.df_probe)):
            line.setZValue(30)
            _cached(line)  # a translated cache is reused: moving the probe costs two blits
            line.setToolTip(self.tr("Drag to move the probe along z."))
            _overlay(plot, line)
            line.sigPositionChanged.connect(self._on_line_moved)

    # -- construction ---------------------------------------------------------------------

    def _make_plot(self, object_name: str, ylabel: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(parent=self)
        plot.setObjectName(object_name)  # the constructor drops objectName=
        plot.setViewportUpdateMode(BOUNDING_RECT_UPDATE)
        plot.setMinimumHeight(160)
        item = plot.getPlotItem()
        item.setLabel("bottom", self.tr("z"))
        item.setLabel("left", ylabel)
        item.showGrid(x=True, y=True, alpha=0.18)
        item.setMouseEnabled(x=False, y=False)  # the z range comes from the controls
        item.setMenuEnabled(False)
        item.hideButtons()
        item.disableAutoRange()  # x from the z range controls, y from fit_y()
        for side in ("left", "bottom"):
            _cached(item.getAxis(side), children=True)  # the axes draw the grid, costly to
            # repaint; their children are the axis titles (text)
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen(pg.mkPen("#333333"))
        axis_pen = _pen("#9a9a9a", 1.0)
        for angle in (0, 90):
            line = pg.InfiniteLine(0.0, angle=angle, pen=axis_pen)
            line.setZValue(-5)
            _cached(line)
            _overlay(plot, line)
        return plot

    def _curve_items(self, name: str):
        items = self._curves.get(name)
        if items is None:
            width = 3.2 if name == self._selected else 2.0
            items = (pg.PlotDataItem(pen=theme.activation_pen(name, width), skipFiniteCheck=True),
                     pg.PlotDataItem(pen=theme.activation_pen(name, width), skipFiniteCheck=True))
            for item in items:
                _cached(item.curve)
                item.setZValue(10 if name == self._selected else 0)
            self._curves[name] = items  # addItem gives them the plot's drawing step
        return items

    # -- curves -----------------------------------------------------------------------------

    def set_x_range(self, lo: float, hi: float) -> None:
        self.f_plot.setXRange(lo, hi, padding=0.0)
        for line in (self.f_probe, self.df_probe):
            line.setBounds((lo, hi))

    def set_shown(self, names: list[str], labels: dict[str, str]) -> None:
        """Show exactly these activations (in this order); hide every other curve."""
        for name in self._shown:
            if name not in names:
                f_item, df_item = self._curves[name]
                self.f_plot.removeItem(f_item)
                self.df_plot.removeItem(df_item)
                check = self._checks.get(name)
                if check is not None and check.scene() is not None:
                    self.df_plot.getViewBox().removeItem(check)
        for name in names:
            if name not in self._shown:
                f_item, df_item = self._curve_items(name)
                f_item.opts["name"] = df_item.opts["name"] = labels[name]
                self.f_plot.addItem(f_item)
                self.df_plot.addItem(df_item)
        self._shown = list(names)
        self._rebuild_legends(labels)
        self.fit_y(tight=True)

    def _resample(self, *_) -> None:
        """Keep about one drawn vertex per device pixel (see subsample_step). The plot item
        passes its step to the activation curves, also to those added later (addItem sets
        it); the overlays sit in the view box directly and are given it here."""
        for i, plot in enumerate((self.f_plot, self.df_plot)):
            pixels = plot.getPlotItem().getViewBox().width() * plot.devicePixelRatioF()
            step = subsample_step(self._points, pixels)
            if step != self._steps[i]:
                self._steps[i] = step
                plot.getPlotItem().setDownsampling(ds=step, auto=False, mode="subsample")
                overlays = [self.identity] if i == 0 else list(self._checks.values())
                for item in overlays:
                    item.setDownsampling(ds=step, auto=False, method="subsample")

    def set_curve(self, name: str, z, f, df) -> None:
        if len(z) != self._points:
            self._points = len(z)
            self._resample()
        f_item, df_item = self._curve_items(name)
        f_item.setData(z, f)
        df_item.setData(z, df)
        self._bounds[name] = (float(np.min(f)), float(np.max(f)),
                              float(np.min(df)), float(np.max(df)))

    def fit_y(self, tight: bool = False) -> None:
        """Set both y ranges to fit the shown curves: snugly when tight, else only when the
        data outgrows the range or fills too little of it (see next_range)."""
        bounds = [self._bounds[n] for n in self._shown if n in self._bounds]
        for i, plot in enumerate((self.f_plot, self.df_plot)):
            if bounds:
                lo = min(b[2 * i] for b in bounds)
                hi = max(b[2 * i + 1] for b in bounds)
            else:
                lo, hi = (0.0, 1.0)
            target = nice_range(lo, hi) if tight else next_range(self._y_ranges[i], lo, hi)
            if target != self._y_ranges[i]:
                self._y_ranges[i] = target
                plot.setYRange(*target, padding=0.0)

    def set_selected(self, name: str | None) -> None:
        """Draw the selected activation a little thicker and on top."""
        for n, (f_item, df_item) in self._curves.items():
            width = 3.2 if n == name else 2.0
            for item in (f_item, df_item):
                item.setPen(theme.activation_pen(n, width))
                item.setZValue(10 if n == name else 0)
        self._selected = name

    def curve_items(self, name: str) -> tuple[pg.PlotDataItem, pg.PlotDataItem] | None:
        """The (f, f') items of a shown activation, or None if it is not shown."""
        return self._curves[name] if name in self._shown else None

    # -- probe ------------------------------------------------------------------------------

    def set_probe(self, z: float) -> None:
        for line in (self.f_probe, self.df_probe):
            line.blockSignals(True)
            line.setValue(z)
            line.blockSignals(False)
        # The label follows sigPositionChanged, which was blocked above; its format holds
        # no field, so the text is exactly ours (with a real minus sign).
        self.f_probe.label.format = self.tr("z = {z}").format(z=f"{z:.3f}".replace("-", "−"))
        self.f_probe.label.valueChanged()

    def _on_line_moved(self, line) -> None:
        self.probe_dragged.emit(float(line.value()))

    def set_markers(self, z: float, points: list[tuple[str, float, float]]) -> None:
        """One dot per shown activation (name, f, f') at (z, f) on the f plot and (z, f')
        below."""
        self._markers = (z, list(points))
        colors = [theme.activation_color(name) for name, _, _ in points]
        self.f_markers.set_points(z, [p[1] for p in points], colors)
        self.df_markers.set_points(z, [p[2] for p in points], colors)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_markers", None):
            # A new colour scheme: redraw the dots once the plots have their new background.
            QTimer.singleShot(0, self, self._refresh_markers)

    def _refresh_markers(self) -> None:
        if self._markers is not None:
            self.set_markers(*self._markers)

    def set_tangent(self, z=None, y=None, name: str | None = None) -> None:
        """The tangent segment of the selected activation (its colour, darker), or hide it."""
        if z is None:
            if self.tangent.isVisible():
                self.tangent.setVisible(False)
                self._rebuild_f_legend()
            return
        if name != self._tangent_of:
            self._tangent_of = name
            color = theme.activation_color(name)
            color = color.lighter(140) if theme.is_dark() else color.darker(160)
            self.tangent.setPen(_pen(color, 1.8, Qt.PenStyle.DashLine))
        self.tangent.setData(z, y)
        if not self.tangent.isVisible():
            self.tangent.setVisible(True)
            self._rebuild_f_legend()

    # -- zones ------------------------------------------------------------------------------

    def set_zones(self, kind: str, spans: list[tuple[float, float]] | None) -> None:
        """Shade the given z intervals on both plots; None switches the zone (and its legend
        entry) off, [] keeps the legend entry and says there is nothing to shade."""
        legend = None if spans is None else bool(spans)
        if legend != self._zone_on[kind]:
            self._zone_on[kind] = legend
            self._rebuild_df_legend()
        pool = self._bands[kind]
        spans = spans or []
        while len(pool) < len(spans):
            pair = []
            for plot in (self.f_plot, self.df_plot):
                band = pg.LinearRegionItem(
                    movable=False, brush=_zone_color(kind),
                    pen=pg.mkPen(_zone_color(kind, 150), width=1))
                band.setZValue(-10)
                _overlay(plot, band)
                pair.append(band)
            pool.append(tuple(pair))
        for i, pair in enumerate(pool):
            for band in pair:
                if i < len(spans):
                    band.setRegion(spans[i])
                band.setVisible(i < len(spans))

    def zone_spans(self, kind: str) -> list[tuple[float, float]]:
        """The visible bands of one kind on the f plot, as (lo, hi) pairs."""
        return [tuple(float(v) for v in pair[0].getRegion())
                for pair in self._bands[kind] if pair[0].isVisible()]

    def zone_bands(self, kind: str, plot: int = 0) -> list[pg.LinearRegionItem]:
        """All band items of one kind (visible or not) on plot 0 (f) or 1 (f')."""
        return [pair[plot] for pair in self._bands[kind]]

    # -- overlays ---------------------------------------------------------------------------

    def set_identity(self, z=None, y=None, label: str = "") -> None:
        if z is not None:
            self.identity.setData(z, y)
        self.identity.setVisible(z is not None)
        self._identity_label = label
        self._rebuild_f_legend()

    def set_check(self, name: str, z=None, d=None) -> None:
        item = self._checks.get(name)
        if item is None:
            if z is None:
                return
            item = pg.PlotDataItem(pen=_pen(theme.ink(theme.CHECK), 1.0, Qt.PenStyle.DotLine),
                                   skipFiniteCheck=True)
            item.setDownsampling(ds=self._steps[1], auto=False, method="subsample")
            item.setZValue(15)
            _cached(item.curve)
            self._checks[name] = item
        before = self._any_check()
        if z is None:
            if item.scene() is not None:
                self.df_plot.getViewBox().removeItem(item)
        else:
            item.setData(z, d)
            if item.scene() is None:
                _overlay(self.df_plot, item, ignore_bounds=False)
        if self._any_check() != before:
            self._rebuild_df_legend()

    def _any_check(self) -> pg.PlotDataItem | None:
        return next((i for i in self._checks.values() if i.scene() is not None), None)

    def check_item(self, name: str) -> pg.PlotDataItem | None:
        item = self._checks.get(name)
        return item if item is not None and item.scene() is not None else None

    # -- legends ----------------------------------------------------------------------------

    def _rebuild_legends(self, labels: dict[str, str]) -> None:
        self._labels = dict(labels)
        self._rebuild_f_legend()
        self._rebuild_df_legend()

    def _rebuild_f_legend(self) -> None:
        self.f_legend.clear()
        for name in self._shown:
            self.f_legend.addItem(self._curves[name][0], self._labels[name])
        if self.identity.isVisible():
            self.f_legend.addItem(self.identity, self._identity_label)
        if self.tangent.isVisible():
            self.f_legend.addItem(self.tangent, self.tr("tangent at the probe"))
        _inert(self.f_legend)

    def _rebuild_df_legend(self) -> None:
        self.df_legend.clear()
        for kind in ZONE_KINDS:
            state = self._zone_on[kind]
            if state is not None:
                label = self._zone_names[kind] if state else self._zone_empty[kind]
                self.df_legend.addItem(self._zone_samples[kind], label)
        check = self._any_check()
        if check is not None:
            self.df_legend.addItem(check, self.tr("central difference (h = 10⁻⁵)"))
        _inert(self.df_legend)
        self.df_legend.setVisible(bool(self.df_legend.items))
