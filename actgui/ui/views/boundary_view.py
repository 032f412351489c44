"""The decision plane: what the network predicts everywhere, with the data on top.

The background is the network's output over a grid of the input plane (one pixel per grid
point, drawn over exactly the data domain); the training points are filled dots and the test
points rings. A click asks the page to add a point; Ctrl+click or a right click asks it to
remove the nearest one. The view only draws snapshots and emits requests: it never edits data.

Per frame only the image changes (setImage with fixed levels); the scatter items are re-set
only when the points themselves change, so a frame costs well under a millisecond. On a small
plane (a 1280 x 800 window) the dots and rings shrink, so they do not hide the colours.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine import datasets
from actgui.ui import theme

# Class colours: 0 orange and 1 blue as in TensorFlow Playground, then Okabe-Ito green and
# reddish purple; all four stay apart under the common colour-vision deficiencies.
CLASS_COLORS = (theme.NEGATIVE, theme.POSITIVE, "#009E73", "#CC79A7")
# How much of a colour the background keeps (the rest is white): light enough that the
# full-strength points stand out, strong enough to read on a projector.
BACKGROUND_STRENGTH = 0.62
EDGE = "#1a1a1a"
_VALUE_STEPS = 65  # regression point colours are cached per 1/32 of the [-1, 1] range
FULL_SIZE_SIDE = 340  # points get their full size on a plane this many pixels high and wide
PLOT_MIN = (140, 100)  # the plane's minimum size, pixels
SMALL_PLANE = 150  # below this many pixels the axes get fewer ticks


def _rgb(color: str) -> np.ndarray:
    c = QColor(color)
    return np.array([c.redF(), c.greenF(), c.blueF()])


def lighten(rgb: np.ndarray, strength: float = BACKGROUND_STRENGTH) -> np.ndarray:
    """Mix colours (..., 3) in [0, 1] with white: strength 1 keeps them, 0 gives white."""
    return 1.0 - strength * (1.0 - rgb)


def diverging_rgb(t: np.ndarray) -> np.ndarray:
    """Orange (t = 0) through white (0.5) to blue (1); t (...,) in [0, 1] -> RGB (..., 3)."""
    t = np.clip(np.asarray(t, dtype=np.float64), 0.0, 1.0)[..., None]
    neg, pos = _rgb(theme.NEGATIVE), _rgb(theme.POSITIVE)
    return np.where(t < 0.5, 1.0 - (1.0 - 2.0 * t) * (1.0 - neg),
                    1.0 - (2.0 * t - 1.0) * (1.0 - pos))


def blend_classes(P: np.ndarray, colors=CLASS_COLORS) -> np.ndarray:
    """Background RGB in [0, 1] for class probabilities P (..., k).

    The class colours blended by probability (sum_k p_k colour_k), faded towards white as the
    prediction gets less sure (confidence 0 at the uniform p = 1/k, 1 at a one-hot p), so
    boundaries read as white bands as in the binary map; then lightened like every background.
    """
    P = np.asarray(P, dtype=np.float64)
    k = P.shape[-1]
    C = np.array([_rgb(c) for c in colors[:k]])
    blend = P @ C
    confidence = np.clip((P.max(axis=-1, keepdims=True) - 1.0 / k) * (k / (k - 1.0)), 0.0, 1.0)
    return lighten(1.0 - confidence * (1.0 - blend))


def _lut(strength: float = BACKGROUND_STRENGTH) -> np.ndarray:
    t = np.linspace(0.0, 1.0, 256)
    return np.round(lighten(diverging_rgb(t), strength) * 255).astype(np.ubyte)


def _brush(rgb) -> QBrush:
    return QBrush(QColor.fromRgbF(*(float(v) for v in rgb)))


def _pen(color, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    return pen


class _Image(pg.ImageItem):
    """An ImageItem that can draw its pixels smoothly (bilinear) instead of as blocks."""

    smooth = True

    def paint(self, painter, *args):
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, self.smooth)
        super().paint(painter, *args)


def _object_array(items) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


class BoundaryView(QWidget):
    """The input plane coloured by the network's output, with training and test points."""

    add_point_requested = Signal(float, float)  # (x1, x2) inside the domain
    remove_point_requested = Signal(float, float)  # remove the point nearest to (x1, x2)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self._discretize = False
        self._show_test = True
        self._kind: str | None = None  # "binary", "multiclass" or "regression"
        self._n_classes = 2
        self._points_key = None
        self._snapshot = None
        self._image: np.ndarray | None = None
        self._counts = (0, 0)
        self._snapshot_points: tuple = (None, None, None, None)

        self.plot = pg.PlotWidget(parent=self)
        self.plot.setObjectName("boundaryPlot")  # the constructor drops objectName=
        self.plot.setToolTip(self.tr(
            "Colour shows what the network predicts at every point of the plane; the pale band "
            "is where it is unsure. Filled dots are training data, rings are test data.\n"
            "Click to add a point of the selected class; Ctrl+click or right-click removes the "
            "nearest point."))
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumSize(*PLOT_MIN)  # small enough for a narrow window
        item = self.plot.getPlotItem()
        self.view_box = item.getViewBox()
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        self.view_box.setAspectLocked(True, ratio=1.0)
        lo, hi = datasets.DOMAIN
        # A little room beyond the domain, so points on its border are drawn whole.
        margin = 0.03 * (hi - lo)
        self.view_box.setRange(xRange=(lo - margin, hi + margin),
                               yRange=(lo - margin, hi + margin), padding=0.0)
        self.view_box.disableAutoRange()
        # Unicode subscripts: an HTML <sub> is taller than pyqtgraph reserves for an axis
        # label, and the bottom one was cut off.
        item.setLabel("bottom", self.tr("x₁"))
        item.setLabel("left", self.tr("x₂"))
        self._tick_step = 0
        self._set_tick_step(2)
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen(pg.mkPen("#333333"))

        self.image = _Image(axisOrder="row-major")
        self._res = 0  # resolution the image's rectangle was set for
        self.image.setZValue(-10)
        self._lut = _lut()
        self.view_box.addItem(self.image)

        self.train_scatter = pg.ScatterPlotItem(pxMode=True, size=9, pen=_pen(EDGE, 1.0))
        self.train_scatter.setZValue(10)
        # Test points: a ring in the class colour, with a thin dark halo just outside it so
        # the ring reads even on a background of its own colour.
        self.test_halo = pg.ScatterPlotItem(pxMode=True, size=13, pen=_pen(EDGE, 1.0),
                                            brush=QBrush(Qt.BrushStyle.NoBrush))
        self.test_scatter = pg.ScatterPlotItem(pxMode=True, size=10,
                                               brush=QBrush(Qt.BrushStyle.NoBrush))
        self.test_halo.setZValue(11)
        self.test_scatter.setZValue(12)
        for scatter in (self.train_scatter, self.test_halo, self.test_scatter):
            self.view_box.addItem(scatter)

        self.legend = QLabel(self)
        self.legend.setObjectName("boundaryLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr("What the colours and symbols of the plane mean."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

        self._brush_cache: dict[tuple, np.ndarray] = {}
        self._point_size = 0.0
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.view_box.sigResized.connect(self._resize_points)
        self._set_kind("binary", 2)

    # -- public API -------------------------------------------------------------------------

    def set_snapshot(self, snapshot) -> None:
        """Draw a snapshot: the output image every time, the points only when they changed."""
        self._snapshot = snapshot
        name = snapshot.config.dataset
        kind = "multiclass" if snapshot.config.output_kind == "softmax" else (
            "regression" if snapshot.config.output_kind == "linear" else "binary")
        n_classes = snapshot.grid[-1].shape[1] if kind == "multiclass" else 2
        if kind != self._kind or n_classes != self._n_classes:
            self._set_kind(kind, n_classes)
        self._draw_image(snapshot.grid[-1], snapshot.resolution)
        key = (name, kind, snapshot.x_train.shape, snapshot.x_test.shape)
        if key != self._points_key or not self._same_points(snapshot):
            self._points_key = key
            self._draw_points(snapshot)

    def set_discretize(self, on: bool) -> None:
        """Show hard decisions (threshold 0.5, argmax, sign) instead of the smooth output."""
        on = bool(on)
        if on != self._discretize:
            self._discretize = on
            self.image.smooth = not on  # hard decisions keep crisp pixel edges
            if self._snapshot is not None:
                self._draw_image(self._snapshot.grid[-1], self._snapshot.resolution)

    def discretize(self) -> bool:
        return self._discretize

    def set_show_test(self, on: bool) -> None:
        self._show_test = bool(on)
        self.test_scatter.setVisible(self._show_test)
        self.test_halo.setVisible(self._show_test)

    def show_test(self) -> bool:
        return self._show_test

    def image_array(self) -> np.ndarray | None:
        """The values last drawn, indexed [row, col] = [x2 step, x1 step], row 0 at the bottom
        (x2 = -6) and col 0 at the left (x1 = -6), exactly as the engine's grid reshaped.

        Binary: probability of class 1 (or 0/1 when discretized), shape (res, res).
        Regression: the output value (or its sign -1/0/1), shape (res, res).
        Multi-class: RGB in [0, 1], shape (res, res, 3) (see blend_classes).
        """
        return self._image

    def point_count(self) -> tuple[int, int]:
        """(training points drawn, test points drawn); test is 0 while hidden."""
        n_train, n_test = self._counts
        return n_train, (n_test if self._show_test else 0)

    # -- drawing -------------------------------------------------------------------------------

    def _set_kind(self, kind: str, n_classes: int) -> None:
        self._kind, self._n_classes = kind, n_classes
        self._points_key = None
        if kind == "multiclass":
            self.image.setLookupTable(None)
        else:
            self.image.setLookupTable(self._lut)
        self._update_legend()

    def _draw_image(self, out: np.ndarray, res: int) -> None:
        self._set_image(out, res)
        if res != self._res:  # setRect scales by the image's size, so it follows setImage
            self._res = res
            lo, hi = datasets.DOMAIN
            self.image.setRect(QRectF(lo, lo, hi - lo, hi - lo))

    def _set_image(self, out: np.ndarray, res: int) -> None:
        if not np.isfinite(out).all():  # never expected (divergence keeps finite weights)
            neutral = 0.0 if self._kind == "regression" else 1.0 / max(2, out.shape[1])
            out = np.nan_to_num(np.where(np.isnan(out), neutral, out), posinf=1.0, neginf=-1.0)
        if self._kind == "multiclass":
            P = out.reshape(res, res, -1)
            if self._discretize:
                P = np.eye(P.shape[-1])[P.argmax(axis=-1)]
            rgb = blend_classes(P)
            self._image = rgb
            self.image.setImage(np.round(rgb * 255).astype(np.ubyte), levels=(0, 255),
                                autoLevels=False)
            return
        values = out[:, 0].reshape(res, res)
        if self._kind == "binary":
            if self._discretize:
                values = (values >= 0.5).astype(np.float64)
            self._image = values
            self.image.setImage(values, levels=(0.0, 1.0), autoLevels=False)
        else:
            if self._discretize:
                values = np.sign(values)
            self._image = values
            self.image.setImage(values, levels=(-1.0, 1.0), autoLevels=False)

    def _same_points(self, snapshot) -> bool:
        prev = self._snapshot_points
        return (np.array_equal(prev[0], snapshot.x_train)
                and np.array_equal(prev[1], snapshot.y_train)
                and np.array_equal(prev[2], snapshot.x_test)
                and np.array_equal(prev[3], snapshot.y_test))

    def _class_table(self, fill: bool, ring: float = 0.0) -> np.ndarray:
        key = ("class", fill, ring)
        table = self._brush_cache.get(key)
        if table is None:
            if fill:
                table = _object_array([_brush(_rgb(c)) for c in CLASS_COLORS])
            else:
                table = _object_array([_pen(c, ring) for c in CLASS_COLORS])
            self._brush_cache[key] = table
        return table

    def _value_table(self, fill: bool, ring: float = 0.0) -> np.ndarray:
        key = ("value", fill, ring)
        table = self._brush_cache.get(key)
        if table is None:
            rgbs = diverging_rgb(np.linspace(0.0, 1.0, _VALUE_STEPS))
            if fill:
                table = _object_array([_brush(c) for c in rgbs])
            else:
                table = _object_array(
                    [_pen(QColor.fromRgbF(*(float(v) for v in c)), ring) for c in rgbs])
            self._brush_cache[key] = table
        return table

    def _styles(self, y: np.ndarray, fill: bool, ring: float = 0.0) -> np.ndarray:
        """One brush (fill) or pen of width `ring` (rings) per point, from cached tables."""
        if self._kind == "regression":
            t = (np.clip(np.nan_to_num(y.astype(np.float64)), -1.0, 1.0) + 1.0) * 0.5
            table = self._value_table(fill, ring)
            return table[np.rint(t * (_VALUE_STEPS - 1)).astype(np.intp)]
        table = self._class_table(fill, ring)
        return table[np.clip(y.astype(np.intp), 0, len(table) - 1)]

    def point_size(self) -> float:
        """Diameter in pixels of a training dot: smaller for many points and on a small plane,
        so the points do not hide the colours behind them."""
        n = sum(self._counts)
        size = 9.0 if n <= 800 else 7.0 if n <= 2500 else 5.0
        side = min(self.view_box.width(), self.view_box.height())
        return round(size * min(max(side / FULL_SIZE_SIDE, 0.6), 1.0), 1)

    def _draw_points(self, snapshot) -> None:
        self._snapshot_points = (snapshot.x_train, snapshot.y_train, snapshot.x_test,
                                 snapshot.y_test)
        xtr, xte = snapshot.x_train, snapshot.x_test
        self._counts = (len(xtr), len(xte))
        self.train_scatter.setData(pos=xtr, brush=self._styles(snapshot.y_train, True))
        self.test_scatter.setData(pos=xte)
        self.test_halo.setData(pos=xte)
        self._point_size = 0.0
        self._resize_points()

    def _set_tick_step(self, step: int) -> None:
        """Axis ticks every `step` units (every 4 on a small plane, whose labels would
        otherwise run into each other)."""
        if step == self._tick_step:
            return
        self._tick_step = step
        lo, hi = datasets.DOMAIN
        ticks = [[(v, f"{v:g}") for v in range(int(lo), int(hi) + 1) if v % step == 0]]
        for side in ("left", "bottom"):
            self.plot.getPlotItem().getAxis(side).setTicks(ticks)

    def _resize_points(self, *_) -> None:
        """Dot and ring sizes (and the rings' stroke) for the plane's current size."""
        rect = self.view_box.sceneBoundingRect()
        self._set_tick_step(2 if min(rect.width(), rect.height()) >= SMALL_PLANE else 4)
        size = self.point_size()
        if size == self._point_size or not sum(self._counts):
            return
        self._point_size = size
        # A ring's stroke scales with it: a thick stroke on a small ring reads as a blob
        # bigger than the training dots.
        ring = round(max(1.3, 0.27 * size), 1)
        self.train_scatter.setSize(size)
        self.test_scatter.setPen(self._styles(self._snapshot_points[3], False, ring))
        self.test_scatter.setSize(size)
        self.test_halo.setSize(size + ring + 1.0)

    # -- size --------------------------------------------------------------------------------

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        """Room for the legend's lines at the current width: a splitter does not ask for
        height-for-width, and a wrapped legend was cut off in a narrow window."""
        hint = super().minimumSizeHint()
        legend = self.legend
        if not legend.isHidden() and self.width() > 0:
            extra = legend.heightForWidth(self.width()) - legend.minimumSizeHint().height()
            hint.setHeight(hint.height() + max(extra, 0))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the legend may wrap to a different number of lines

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False  # the minimum height follows the width instead

    def _update_legend(self) -> None:
        def dot(color, text, hollow=False):
            glyph = "○" if hollow else "●"
            # nowrap: a line may break between entries, never inside one ("class / 2")
            return (f'<span style="white-space:nowrap"><span style="color:{color}; '
                    f'font-size:large">{glyph}</span>&nbsp;{text}</span>')

        if self._kind == "regression":
            white = f'<span style="white-space:nowrap">{self.tr("white = 0")}</span>'
            items = [dot(theme.NEGATIVE, self.tr("−1")), white, dot(theme.POSITIVE, self.tr("+1"))]
            head = self.tr("Value:")
        else:
            items = [dot(CLASS_COLORS[k], self.tr("class {0}").format(k))
                     for k in range(self._n_classes)]
            head = self.tr("Class:")
        sets = [dot(EDGE, self.tr("training")), dot(EDGE, self.tr("test"), hollow=True)]
        sep = "&nbsp;&nbsp; "  # lines break here, between entries
        self.legend.setText(f"{head}&nbsp;{sep.join(items)}{sep}&nbsp;&nbsp;{sep.join(sets)}")
        self.updateGeometry()

    # -- clicks ------------------------------------------------------------------------------

    def _on_click(self, ev) -> None:
        pos = ev.scenePos()
        if not self.view_box.sceneBoundingRect().contains(pos):
            return  # on an axis or the margin
        p = self.view_box.mapSceneToView(pos)
        x1, x2 = float(p.x()), float(p.y())
        remove = ev.button() == Qt.MouseButton.RightButton or (
            ev.button() == Qt.MouseButton.LeftButton
            and ev.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                  | Qt.KeyboardModifier.MetaModifier))
        if remove:
            self.remove_point_requested.emit(x1, x2)
        elif ev.button() == Qt.MouseButton.LeftButton:
            lo, hi = datasets.DOMAIN
            if lo <= x1 <= hi and lo <= x2 <= hi:
                self.add_point_requested.emit(x1, x2)
