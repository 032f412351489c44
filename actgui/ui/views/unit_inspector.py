"""A window on one unit while the network trains: where it fires, what z it sees, what feeds it.

Three plots: the unit's output over the input plane with the training points; the histogram
of its z over the training set drawn over its activation curve, with the zones where the slope
is tiny (saturated) or zero (dead) shaded; and its incoming weights and bias. Above them, a
sentence in plain words on how the unit is doing. Items are created once; a snapshot only
sets data, and the axis ranges snap to round steps so they do not jitter from frame to frame.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QVBoxLayout

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine import activations, datasets
from actgui.engine.activations import SATURATION_RATIO
from actgui.ui import theme
from actgui.ui.i18n import activation_label
from actgui.ui.views.network_items import fmt, heatmap_pixels, output_levels

BINS = 40
Z_CLIP = 1e150  # a diverging unit's z beyond this is drawn at the edge (keeps hi - lo finite)
EDGE = "#1A1A1A"
PLANE_STRENGTH = 0.6  # the plane's colours are mixed with white so the points stand out
# Class colours as on the decision plane: 0 orange and 1 blue as in TensorFlow Playground,
# then Okabe-Ito green and reddish purple.
CLASS_COLORS = (theme.NEGATIVE, theme.POSITIVE, "#009E73", "#CC79A7")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def plain_feature(name: str) -> str:
    """A feature's name as plain Unicode for axis ticks: x₁, x₂², sin(x₁) ..."""
    html = datasets.feature_label(name)
    for tag, table in (("sub", _SUB), ("sup", str.maketrans("23", "²³"))):
        while f"<{tag}>" in html:
            a = html.index(f"<{tag}>")
            b = html.index(f"</{tag}>", a)
            html = html[:a] + html[a + 5:b].translate(table) + html[b + 6:]
    return html


def nice_step(span: float) -> float:
    raw = max(span, 1e-9) / 8.0
    mag = 10.0 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def snapped(lo: float, hi: float) -> tuple[float, float]:
    """[lo, hi] widened outward to multiples of a round step."""
    step = nice_step(hi - lo)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def runs(x: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """The runs of True in mask over the grid x, as (start, end), edges half-way between."""
    if not mask.any():
        return []
    change = np.flatnonzero(mask[1:] != mask[:-1])
    mids = list((x[change] + x[change + 1]) / 2)
    points = ([float(x[0])] if mask[0] else []) + mids + ([float(x[-1])] if mask[-1] else [])
    return list(zip(points[0::2], points[1::2], strict=True))


def _plot(name: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setObjectName(name)  # the constructor's objectName is dropped
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    for side in ("left", "bottom", "right"):
        plot.getPlotItem().getAxis(side).enableAutoSIPrefix(False)
    return plot


def histogram(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.histogram of the finite z values in BINS bins, also for a diverging unit: z of
    ±1e300 (whose range overflows) or all nearly equal at 1e17 (NumPy cannot put BINS distinct
    edges inside a range narrower than the numbers' resolution) still get a histogram."""
    v = np.clip(z[np.isfinite(z)], -Z_CLIP, Z_CLIP)
    if not v.size:
        return np.zeros(BINS, dtype=np.int64), np.linspace(-1.0, 1.0, BINS + 1)
    try:
        return np.histogram(v, bins=BINS)
    except ValueError:  # "Too many bins for data range"
        lo, hi = float(v.min()), float(v.max())
        mid = lo / 2 + hi / 2
        half = max((hi - lo) / 2, float(np.spacing(max(abs(lo), abs(hi)))) * BINS)
        return np.histogram(v, bins=BINS, range=(mid - half, mid + half))


class UnitInspector(QDialog):
    """Unit `unit` of layer `layer` (as snapshot.z: hidden layers first, the output last)."""

    def __init__(self, layer: int, unit: int, parent=None):
        super().__init__(parent)
        self.setObjectName("unitInspector")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.layer, self.unit = int(layer), int(unit)
        self._counts = np.zeros(BINS, dtype=np.int64)
        self._edges = np.linspace(0.0, 1.0, BINS + 1)
        self._act_key = None
        self._zone_range = None
        self._zones: list[pg.LinearRegionItem] = []
        self._points_key = None
        self._ticks_key = None

        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.stats = QLabel()
        self.stats.setObjectName("inspectorStats")
        self.stats.setWordWrap(True)
        self.stats.setTextFormat(Qt.TextFormat.RichText)

        self.plane = _plot("inspectorPlane")
        self.plane.setAspectLocked(True)
        self.plane.setLabel("bottom", self.tr("x<sub>1</sub>"))
        self.plane.setLabel("left", self.tr("x<sub>2</sub>"))
        lo, hi = datasets.DOMAIN
        self.plane.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.02)
        self.image = pg.ImageItem(axisOrder="row-major")
        self._domain = QRectF(lo, lo, hi - lo, hi - lo)
        self.plane.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(EDGE, width=1))
        self.plane.addItem(self.points)
        self.plane.setToolTip(self.tr(
            "What this unit outputs at every point of the input plane (orange negative, white "
            "0, blue positive), with the training points on top."))

        self.zplot = _plot("inspectorHistogram")
        self.zplot.setLabel("bottom", self.tr("z"))
        self.zplot.setLabel("left", self.tr("training points"))
        self.bars = pg.PlotDataItem(stepMode="center", fillLevel=0,
                                    pen=pg.mkPen("#5A5A5A", width=1),
                                    brush=pg.mkBrush(150, 150, 150, 120))
        self.zplot.addItem(self.bars)
        self.curve_box = pg.ViewBox()
        self.curve_box.setMouseEnabled(False, False)
        item = self.zplot.getPlotItem()
        item.showAxis("right")
        item.scene().addItem(self.curve_box)
        item.getAxis("right").linkToView(self.curve_box)
        item.getAxis("right").setLabel(self.tr("f(z)"))
        self.curve_box.setXLink(item)
        item.vb.sigResized.connect(self._sync_curve_box)
        self.curve = pg.PlotCurveItem()
        self.curve_box.addItem(self.curve)
        self.zplot.setToolTip(self.tr(
            "Grey bars: how many training points give this unit each value of z. Curve: its "
            "activation f(z). Shaded purple where the slope f′(z) is tiny (saturated) and red "
            "where it is exactly 0: points there pass (almost) no gradient back."))

        self.wplot = _plot("inspectorWeights")
        self.wplot.setLabel("left", self.tr("weight"))
        self.wbars = pg.BarGraphItem(x=[0], height=[0], width=0.7)
        self.wplot.addItem(self.wbars)
        self.wplot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#8C8C8C")))
        self.wplot.setToolTip(self.tr(
            "The weights into this unit (blue positive, orange negative) and, last, its bias."))
        self._brushes = {k: QBrush(QColor(c)) for k, c in
                         ((True, theme.POSITIVE), (False, theme.NEGATIVE))}
        self._bias_brushes = {k: QBrush(QColor(c), Qt.BrushStyle.BDiagPattern) for k, c in
                              ((True, theme.POSITIVE), (False, theme.NEGATIVE))}

        grid = QGridLayout()
        grid.addWidget(self.plane, 0, 0)
        grid.addWidget(self.zplot, 0, 1)
        grid.addWidget(self.wplot, 1, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stats)
        layout.addLayout(grid, 1)
        self.resize(980, 700)

    # -- public ------------------------------------------------------------------------------

    def histogram(self) -> tuple[np.ndarray, np.ndarray]:
        """(counts, edges) of z over the training set, as drawn."""
        return self._counts.copy(), self._edges.copy()

    def set_snapshot(self, s) -> None:
        c = s.config
        n_hidden = len(c.hidden)
        l, j = self.layer, self.unit
        if not (0 <= l <= n_hidden and 0 <= j < s.z[l].shape[1]):
            self.title.setText(self.tr("This unit is no longer in the network"))
            self.stats.setText(self.tr("The architecture changed; close this window and "
                                       "click a unit in the diagram to inspect it."))
            return
        name = c.hidden_activations[l] if l < n_hidden else c.output_kind
        act = activations.get(name) if name != "softmax" else None
        self._set_title(l, j, n_hidden, name, c.output_kind)
        z = s.z[l][:, j]
        self._set_plane(s, l, j, n_hidden)
        self._set_histogram(z, act, is_output=l == n_hidden)
        self._set_weights(s, l, j)
        self.stats.setText(self._sentence(s, l, j, z, act, n_hidden))

    # -- parts -------------------------------------------------------------------------------

    def _set_title(self, l, j, n_hidden, name, output_kind) -> None:
        if l < n_hidden:
            text = self.tr("Layer {0}, unit {1} — {2}").format(l + 1, j + 1,
                                                               activation_label(name))
        elif output_kind == "softmax":
            text = self.tr("Output for class {0} — softmax").format(j)
        else:
            text = self.tr("Output — {0}").format(activation_label(name))
        if text != self.title.text():
            self.title.setText(text)
            self.setWindowTitle(text)

    def _set_plane(self, s, l, j, n_hidden) -> None:
        res = s.resolution
        centre, half = output_levels(s.config.output_kind) if l == n_hidden else (0.0, 1.0)
        pixels = heatmap_pixels(s.grid[l][:, j].reshape(res, res), centre, half)
        rgb = 255.0 - PLANE_STRENGTH * (255.0 - pixels[..., 2::-1])  # BGRA -> lighter RGB
        self.image.setImage(rgb.astype(np.uint8), autoLevels=False, levels=(0, 255))
        self.image.setRect(self._domain)  # after setImage: it scales by the image's size
        X, y = s.x_train, s.y_train
        key = (X.shape, X.tobytes()[:4096], y.tobytes()[:1024], len(X))
        if key != self._points_key:
            self._points_key = key
            if s.y_train.dtype.kind in "iu":
                brushes = [pg.mkBrush(CLASS_COLORS[int(k) % len(CLASS_COLORS)]) for k in y]
            else:
                rgb = heatmap_pixels(y)[:, 2::-1]
                brushes = [pg.mkBrush(*map(int, c)) for c in rgb]
            self.points.setData(X[:, 0], X[:, 1], brush=brushes)

    def _set_histogram(self, z: np.ndarray, act, is_output: bool) -> None:
        counts, edges = histogram(z)
        self._counts, self._edges = counts, edges
        self.bars.setData(edges, counts)
        reach = self._context(act)
        lo, hi = snapped(min(float(edges[0]), -reach), max(float(edges[-1]), reach))
        self.zplot.setXRange(lo, hi, padding=0)
        top = snapped(0.0, max(float(counts.max()) * 1.08, 1.0))[1]
        self.zplot.setYRange(0, top, padding=0.03)
        key = (act.name if act else None, lo, hi, is_output)
        if key == self._zone_range:
            return
        self._zone_range = key
        for item in self._zones:
            self.zplot.removeItem(item)
        self._zones = []
        item = self.zplot.getPlotItem()
        if act is None:  # softmax: each output depends on all logits, no curve of one z
            self.curve.setData([], [])
            item.hideAxis("right")
            return
        item.showAxis("right")
        x = np.linspace(lo, hi, 1201)
        f, d = act.f(x), act.df(x)
        self.curve.setData(x, f, pen=theme.activation_pen(act.name, 2.5))
        flo, fhi = float(f.min()), float(f.max())
        pad = 0.08 * max(fhi - flo, 1e-6)
        self.curve_box.setYRange(flo - pad, fhi + pad, padding=0)
        if is_output:
            return  # with cross-entropy the output's gradient is p - y: no zones to warn of
        thr = act.saturation_threshold()
        for kind, mask, alpha in (("saturated", (d <= thr) & (d != 0), 55),
                                  ("dead", d == 0, 45)):
            color = QColor(theme.SATURATED if kind == "saturated" else theme.DEAD)
            color.setAlpha(alpha)
            for a, b in runs(x, mask):
                region = pg.LinearRegionItem((a, b), movable=False, brush=QBrush(color),
                                             pen=QPen(Qt.PenStyle.NoPen))
                region.setZValue(-10)
                self.zplot.addItem(region, ignoreBounds=True)
                self._zones.append(region)

    @staticmethod
    def _context(act) -> float:
        """Half-width of the z range shown even when the data is narrower: one past the
        outermost place where the slope turns tiny, so the zones are always in view."""
        if act is None:
            return 3.0
        x = np.linspace(-8.0, 8.0, 1601)
        small = act.df(x) <= act.saturation_threshold()
        edges = x[np.flatnonzero(small[1:] != small[:-1])]
        return float(np.clip(np.abs(edges).max() + 1.0, 2.0, 8.0)) if edges.size else 3.0

    def _sync_curve_box(self) -> None:
        item = self.zplot.getPlotItem()
        self.curve_box.setGeometry(item.vb.sceneBoundingRect())
        self.curve_box.linkedViewChanged(item.vb, self.curve_box.XAxis)

    def _set_weights(self, s, l, j) -> None:
        w = np.append(s.weights[l][:, j], s.biases[l][j])
        n = len(w) - 1
        brushes = [self._brushes[bool(v >= 0)] for v in w[:-1]]
        brushes.append(self._bias_brushes[bool(w[-1] >= 0)])
        pens = [pg.mkPen(EDGE, width=1)] * (n + 1)
        self.wbars.setOpts(x=np.arange(n + 1), height=w, brushes=brushes, pens=pens)
        finite = np.abs(w[np.isfinite(w)])
        top = snapped(0.0, max(float(finite.max()) if finite.size else 0.0, 0.5))[1]
        self.wplot.setYRange(-top, top, padding=0.05)
        self.wplot.setXRange(-0.6, n + 0.6, padding=0)
        key = (l, n, s.config.features)
        if key != self._ticks_key:
            self._ticks_key = key
            if l == 0:
                names = [plain_feature(f) for f in s.config.features]
                label = self.tr("from the inputs")
            else:
                short = n > 8
                names = [(self.tr("u{0}") if short else self.tr("unit {0}")).format(i + 1)
                         for i in range(n)]
                label = self.tr("from the units of layer {0}").format(l)
            names.append(self.tr("bias"))
            axis = self.wplot.getPlotItem().getAxis("bottom")
            axis.setTicks([list(enumerate(names))])
            axis.setLabel(label)

    def _sentence(self, s, l, j, z, act, n_hidden) -> str:
        finite = z[np.isfinite(z)]
        if finite.size:
            span = self.tr("z runs from {0} to {1} on the training points; the mean output is "
                           "{2}.").format(fmt(finite.min(), 2), fmt(finite.max(), 2),
                                          fmt(np.nanmean(s.a[l][:, j])))
        else:
            span = self.tr("There are no finite values of z.")
        if l == n_hidden:
            if s.config.output_kind == "linear":
                note = self.tr("A linear output has slope 1 everywhere, so it never saturates.")
            else:
                note = self.tr("With cross-entropy loss the gradient at this output is simply "
                               "p − y, so a confident output still learns.")
            return f"{span} {note}"
        st = s.diagnostics.layers[l]
        share = float(st.saturation[j])
        if st.dead[j]:
            head = self.tr("<b style='color:{0}'>Dead.</b> Its slope f′(z) is 0 on every "
                           "training point, so no gradient reaches its weights and training "
                           "alone cannot bring it back.").format(theme.DEAD)
            if act.name == "relu":
                head += " " + self.tr("For ReLU this means no training point reaches z > 0.")
        elif st.saturated[j]:
            flat = float((act.df(finite) == 0).mean()) if finite.size else 0.0
            head = self.tr("<b style='color:#9E4A80'>Saturated on {0} % of the training "
                           "points:</b> there f′(z) is at most {1} % of its peak, so hardly "
                           "any gradient flows back through this unit.").format(
                               round(100 * share), round(100 * SATURATION_RATIO))
            if flat > 0:
                head += " " + self.tr("On {0} % the slope is exactly 0.").format(
                    round(100 * flat))
        else:
            head = self.tr("<b>Working.</b> Saturated on {0} % of the training points.").format(
                round(100 * share))
        return f"{head} {span}"
