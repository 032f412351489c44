"""The network diagram of the live training page, like TensorFlow Playground's but truer.

Every node is a small heatmap of its output over the input plane (x2 up); links are coloured
by the sign of their weight and as wide as its size; every unit, the outputs included, shows
its bias as a small square at its lower left; dead units get a red outline and a cross, and
saturating ones a reddish-purple ring as strong as their saturated share.

Scene items are built only when the architecture changes; a frame only swaps images, regroups
the link pens and updates a few texts. The links between two columns are one item that draws
them all in a few drawLines calls (hundreds of line items cost several times more to paint).
Tooltips are written when asked for, not every frame. The scene is laid out in viewport
pixels, unscaled, so text keeps a readable size and the nodes grow with the window.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QInputDialog,
    QToolTip,
)

from actgui.engine import activations, datasets
from actgui.engine.config import MAX_HIDDEN_LAYERS, MAX_UNITS
from actgui.ui import theme

MINUS = "−"
TEXT = "#222222"
MUTED = "#666666"
BORDER = "#8C8C8C"
SATURATED_TEXT = "#9E4A80"  # theme.SATURATED darkened to read as text on white
IMAGE_SIDE = 32  # node heatmaps are decimated to about this many pixels a side
NEW_LAYER_UNITS = 4  # units of an added hidden layer when there is none to copy


# -- colour -------------------------------------------------------------------------------------

def _rgb(color: str) -> np.ndarray:
    c = QColor(color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def _lut() -> np.ndarray:
    """256 pixels of QImage.Format_RGB32 (bytes B, G, R, 255 in memory, the raster engine's
    native format): NEGATIVE (index 0) through white (128) to POSITIVE (255)."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    white = np.full(3, 255.0)
    col = np.where(t < 0, white - t * (_rgb(theme.NEGATIVE) - white),
                   white + t * (_rgb(theme.POSITIVE) - white))
    out = np.full((256, 4), 255, dtype=np.uint8)
    out[:, :3] = np.round(col)[:, ::-1]
    return out


DIVERGING_LUT = _lut()


def heatmap_pixels(values, centre: float = 0.0, half: float = 1.0) -> np.ndarray:
    """Pixels uint8 (..., 4) as B, G, R, 255: centre white, centre ± half full orange / blue.

    NaN shows as white and ±inf as the end colours (a diverging net must not break the view).
    """
    with np.errstate(invalid="ignore", over="ignore"):
        t = (np.asarray(values, dtype=np.float64) - centre) * (127.5 / half) + 128.0
    np.nan_to_num(t, copy=False, nan=128.0, posinf=255.0, neginf=0.0)
    np.clip(t, 0.0, 255.0, out=t)
    return DIVERGING_LUT[t.astype(np.uint8)]


def grid_images(values, res: int, centre: float = 0.0, half: float = 1.0,
                side: int | None = IMAGE_SIDE) -> np.ndarray:
    """Images (units, h, w, 4) of grid values (res², units), decimated to about `side` pixels
    (None: full resolution); row 0 is the top of the plane (largest x2)."""
    stride = max(1, res // side) if side else 1
    v = np.asarray(values).reshape(res, res, -1)[stride // 2::stride, stride // 2::stride]
    return heatmap_pixels(np.moveaxis(v[::-1], 2, 0), centre, half)


def output_levels(output_kind: str) -> tuple[float, float]:
    """(centre, half) of an output node's colours: a sigmoid probability has its white at
    0.5, so the decision boundary is a white band; everything else is white at 0, full at ±1."""
    return (0.5, 0.5) if output_kind == "sigmoid" else (0.0, 1.0)


def fmt(v: float, digits: int = 3) -> str:
    v = float(v) + 0.0
    text = f"{v:.{digits}f}" if math.isfinite(v) and abs(v) < 1e5 else f"{v:.3g}"
    return text.replace("-", MINUS)


def qimage(pixels: np.ndarray) -> QImage:
    """A QImage viewing a C-contiguous (h, w, 4) array of heatmap_pixels pixels; keep the array
    alive as long as the image."""
    h, w = pixels.shape[:2]
    return QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGB32)


_PENS: dict[tuple, QPen] = {}
_BADGES: dict[tuple, tuple] = {}


def link_codes(w: np.ndarray) -> np.ndarray:
    """Integer style codes of weights: width in quarter pixels (0.5 to 6 px, growing with
    |w|) * 1000 + strength in twentieths (0.35 to 0.9) * 2 + sign. Sorting by code draws thin
    links first, so the strong ones end up on top."""
    a = np.abs(w)
    a = np.where(np.isfinite(a), a, 10.0)
    width = np.round(np.minimum(0.5 + 1.6 * a, 6.0) * 4.0).astype(np.int64)
    alpha = np.round(np.minimum(0.35 + 0.45 * a, 0.9) * 20.0).astype(np.int64)
    return width * 1000 + alpha * 2 + ~(w < 0)


def link_pen(code: int) -> QPen:
    pen = _PENS.get(code)
    if pen is None:
        width, rest = divmod(int(code), 1000)
        alpha, positive = divmod(rest, 2)
        # Opaque, pre-mixed with the white background: blending translucent wide lines
        # costs the raster engine three to four times as much.
        k = alpha / 20.0
        sign = _rgb(theme.POSITIVE if positive else theme.NEGATIVE)
        pen = _PENS[code] = QPen(QColor(*(int(round(255 - k * (255 - c))) for c in sign)),
                                 width / 4.0)
    return pen


def badge_style(b: float) -> tuple:
    """(brush, pen) of a bias badge: sign colour, fuller as |b| grows to 2."""
    a = abs(b) if math.isfinite(b) else 2.0
    key = (not b < 0, round(min(a / 2.0, 1.0) * 10.0))
    style = _BADGES.get(key)
    if style is None:
        sign = _rgb(theme.POSITIVE if key[0] else theme.NEGATIVE)
        k = 0.2 + 0.08 * key[1]
        fill = QColor(*(int(round(255 - k * (255 - c))) for c in sign))
        style = _BADGES[key] = (QBrush(fill), QPen(QColor(*(int(c) for c in sign)), 1.0))
    return style


# -- scene items --------------------------------------------------------------------------------

class _Clickable:
    """Left click (press and release over the item) calls self._on_click(self, pos)."""

    def _hit(self, pos: QPointF) -> bool:
        return self.contains(pos)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._hit(event.pos()):
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._hit(event.pos()):
            self._on_click(self, event.pos())


class _Hover:
    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()


class Badge(QGraphicsRectItem):
    """The bias of a unit: a small square at its lower left, coloured by sign and size."""

    def __init__(self, key: tuple, parent):
        super().__init__(parent)
        self.key = key
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class Node(_Clickable, _Hover, QGraphicsItem):
    """A heatmap square. key: ("input", name) or ("unit", layer, unit)."""

    MARGIN = 7.0  # room for the saturation ring

    def __init__(self, key: tuple, on_click):
        super().__init__()
        self.key = key
        self._on_click = on_click
        self.size = 40.0
        self.image: QImage | None = None
        self.active = True  # inputs: used by the network
        self.dead = False
        self.saturated = False
        self.saturation = 0.0
        self._hover = False
        self.badge = Badge(("bias", *key[1:]), self) if key[0] == "unit" else None
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)

    def set_geometry(self, x: float, y: float, size: float, badge: float) -> None:
        self.prepareGeometryChange()
        self.size = size
        self.setPos(x, y)
        if self.badge is not None:
            self.badge.setRect(-badge - 2.0, size - badge, badge, badge)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_state(self, dead: bool, saturated: bool, saturation: float) -> None:
        if (dead, saturated, saturation) != (self.dead, self.saturated, self.saturation):
            self.dead, self.saturated, self.saturation = dead, saturated, saturation
            self.update()

    def set_bias(self, b: float) -> None:
        brush, pen = badge_style(b)
        if self.badge.brush() != brush:
            self.badge.setBrush(brush)
            self.badge.setPen(pen)

    def boundingRect(self) -> QRectF:
        m = self.MARGIN
        return QRectF(-m, -m, self.size + 2 * m, self.size + 2 * m)

    def _hit(self, pos: QPointF) -> bool:
        return QRectF(0.0, 0.0, self.size, self.size).contains(pos)

    def paint(self, p: QPainter, option, widget=None) -> None:
        s = self.size
        r = QRectF(0.0, 0.0, s, s)
        if self.image is not None:
            p.setOpacity(1.0 if self.active else 0.25)
            p.drawImage(r, self.image)
            p.setOpacity(1.0)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if not self.active:
            p.setPen(QPen(QColor("#9A9A9A"), 1.2, Qt.PenStyle.DashLine))
            p.drawRect(r)
        elif self.dead:
            p.setPen(QPen(QColor(theme.DEAD), 3.0))
            p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5))
            k = 0.2 * s
            p.drawLine(QPointF(k, k), QPointF(s - k, s - k))
            p.drawLine(QPointF(k, s - k), QPointF(s - k, k))
        else:
            if self.saturation > 0.0:
                w = 0.5 + 5.0 * self.saturation
                color = QColor(theme.SATURATED)
                color.setAlphaF(self.saturation)
                p.setPen(QPen(color, w))
                p.drawRect(r.adjusted(-w / 2, -w / 2, w / 2, w / 2))
            p.setPen(QPen(QColor(BORDER), 1.0))
            p.drawRect(r)
        if self._hover:
            p.setPen(QPen(QColor(TEXT), 2.0))
            p.drawRect(r.adjusted(1.0, 1.0, -1.0, -1.0))


class Links(_Clickable, QGraphicsItem):
    """The weights W[layer] from one column to the next, drawn as one item."""

    HIT = 5.0  # pixels from a link that still count as on it

    def __init__(self, layer: int, shape: tuple[int, int], on_click):
        super().__init__()
        self.layer = layer
        self.weights = np.zeros(shape)
        self._on_click = on_click
        self._a = np.zeros((shape[0], 2))
        self._b = np.zeros((shape[1], 2))
        self._lines: list[QLineF] = []  # row-major (i, j)
        self._codes = None
        self._groups: list[tuple[QPen, list[QLineF]]] = []
        self._rect = QRectF()
        self.setAcceptHoverEvents(True)

    def set_geometry(self, a: np.ndarray, b: np.ndarray) -> None:
        """a: (fan_in, 2) start points, b: (fan_out, 2) end points."""
        self.prepareGeometryChange()
        self._a, self._b = a, b
        self._lines = [QLineF(*p, *q) for p in a for q in b]
        pts = np.vstack([a, b])
        lo, hi = pts.min(axis=0) - 6.0, pts.max(axis=0) + 6.0
        self._rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._codes = None
        self._regroup()

    def set_weights(self, W: np.ndarray) -> None:
        self.weights = W
        self._regroup()

    def _regroup(self) -> None:
        codes = link_codes(self.weights.ravel())
        if self._codes is not None and np.array_equal(codes, self._codes):
            return  # nothing visible changed
        self._codes = codes
        order = np.argsort(codes, kind="stable")
        cuts = np.flatnonzero(np.diff(codes[order])) + 1
        lines = self._lines
        self._groups = [(link_pen(codes[g[0]]), [lines[k] for k in g])
                        for g in np.split(order, cuts) if g.size]
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, p: QPainter, option, widget=None) -> None:
        for pen, lines in self._groups:
            p.setPen(pen)
            p.drawLines(lines)

    def point(self, i: int, j: int, t: float = 0.5) -> QPointF:
        a, b = self._a[i], self._b[j]
        return QPointF(*(a + t * (b - a)))

    def hit(self, pos: QPointF) -> tuple[int, int] | None:
        """The (i, j) of the link under pos (the nearest; the heavier one on a tie)."""
        n_in, n_out = self.weights.shape
        A = np.repeat(self._a, n_out, axis=0)
        D = np.tile(self._b, (n_in, 1)) - A
        P = np.array([pos.x(), pos.y()])
        t = np.clip(((P - A) * D).sum(axis=1) / np.maximum((D * D).sum(axis=1), 1e-9), 0, 1)
        dist = np.hypot(*(A + t[:, None] * D - P).T)
        width = (self._codes // 1000) / 4.0 if self._codes is not None else 0.0
        ok = dist <= np.maximum(width / 2.0 + 1.0, self.HIT)
        if not ok.any():
            return None
        k = np.lexsort((-np.abs(self.weights.ravel()), dist + np.where(ok, 0.0, np.inf)))[0]
        return divmod(int(k), n_out)

    def _hit(self, pos: QPointF) -> bool:
        return self.hit(pos) is not None

    def hoverMoveEvent(self, event) -> None:
        on = self.hit(event.pos()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.ArrowCursor)


class Button(_Clickable, _Hover, QGraphicsItem):
    """A small square push button drawn in the scene ("+" / "−")."""

    def __init__(self, text: str, action):
        super().__init__()
        self.text = text
        self._action = action
        self.enabled = True
        self._size = 20.0
        self._font = QFont()
        self._hover = False
        self.setAcceptHoverEvents(True)
        self.setZValue(3)

    def _on_click(self, _item, _pos) -> None:
        if self.enabled:
            self._action()

    def set_enabled(self, enabled: bool, tip: str, disabled_tip: str) -> None:
        self.enabled = enabled
        self.setToolTip(tip if enabled else disabled_tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor if enabled
                       else Qt.CursorShape.ArrowCursor)
        self.update()

    def set_geometry(self, x: float, y: float, size: float, font: QFont) -> None:
        self.prepareGeometryChange()
        self._size = float(size)
        self._font = QFont(font)
        self._font.setBold(True)
        self.setPos(x, y)

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self._size, self._size)

    def paint(self, p: QPainter, option, widget=None) -> None:
        r = self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5)
        p.setBrush(QColor("#DCE9F5" if self._hover and self.enabled else "#F3F3F3"))
        p.setPen(QPen(QColor(BORDER if self.enabled else "#D2D2D2"), 1.0))
        p.drawRoundedRect(r, 4.0, 4.0)
        p.setPen(QColor(TEXT if self.enabled else "#B4B4B4"))
        p.setFont(self._font)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)


class Legend(QGraphicsItem):
    """One row: the colour scale, then samples of the dead, saturated and bias marks; parts
    that do not fit the width are left out (the legend's tooltip says it all)."""

    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self._bar = np.ascontiguousarray(np.repeat(DIVERGING_LUT[None], 2, axis=0))
        self._image = qimage(self._bar)
        self._texts = texts
        self._font = QFont()
        self._h = 20.0
        self._w = 400.0

    def set_geometry(self, x: float, y: float, width: float, font: QFont) -> None:
        self.prepareGeometryChange()
        self._font = QFont(font)
        self._w = width
        self.setPos(x, y)

    def height(self, font: QFont) -> float:
        return QFontMetricsF(font).height() * 1.2

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self._w, QFontMetricsF(self._font).height() * 1.2)

    def paint(self, p: QPainter, option, widget=None) -> None:
        fm = QFontMetricsF(self._font)
        h = fm.height() * 1.2
        box = 0.8 * h
        y0 = (h - box) / 2
        p.setFont(self._font)
        t = self._texts

        def text(s: str, x: float) -> float:
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(x, 0.0, fm.horizontalAdvance(s) + 2, h),
                       Qt.AlignmentFlag.AlignVCenter, s)
            return x + fm.horizontalAdvance(s)

        x = text(MINUS + "1", 0.0) + 4
        bar = QRectF(x, y0, 5 * box, box)
        p.drawImage(bar, self._image)
        p.setPen(QPen(QColor(BORDER), 1.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(bar)
        x = text("+1", bar.right() + 4) + 6
        x = text(t["value"], x) + 1.5 * box
        for kind in ("dead", "saturated", "bias", "prob"):
            s = t.get(kind)
            if not s:
                continue
            sample = 0.0 if kind == "prob" else box + 6
            if x + sample + fm.horizontalAdvance(s) > self._w:
                return
            r = QRectF(x, y0, box, box)
            if kind == "dead":
                p.setPen(QPen(QColor(theme.DEAD), 2.0))
                p.drawRect(r.adjusted(1, 1, -1, -1))
                k = 0.22 * box
                p.drawLine(r.topLeft() + QPointF(k, k), r.bottomRight() - QPointF(k, k))
                p.drawLine(r.bottomLeft() + QPointF(k, -k), r.topRight() + QPointF(-k, k))
            elif kind == "saturated":
                p.setPen(QPen(QColor(theme.SATURATED), 3.5))
                p.drawRect(r.adjusted(2, 2, -2, -2))
            elif kind == "bias":
                brush, pen = badge_style(1.0)
                p.setPen(pen)
                p.setBrush(brush)
                p.drawRect(QRectF(x + box * 0.3, y0 + box * 0.3, box * 0.45, box * 0.45))
                p.setBrush(Qt.BrushStyle.NoBrush)
            x = text(s, x + sample) + 1.5 * box


# -- the view -----------------------------------------------------------------------------------

class NetworkView(QGraphicsView):
    """The network as a diagram. Unit layers are indexed like snapshot.z: hidden layers
    0..H-1, then the output layer H; link layer l is snapshot.weights[l] (column l to l+1)."""

    feature_toggled = Signal(str, bool)
    hidden_changed = Signal(tuple)
    weight_edited = Signal(int, int, int, float)
    unit_clicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("white"))
        self.setMinimumSize(360, 300)
        self._snap = None
        self._arch = None
        self._res = None
        self._images: list[np.ndarray] = []  # buffers the QImages of the nodes point into
        self._reset_items()

    def _reset_items(self) -> None:
        self._features: dict[str, Node] = {}
        self._feature_labels: dict[str, QGraphicsTextItem] = {}
        self._nodes: list[list[Node]] = []  # [layer][unit], the output layer last
        self._links: list[Links] = []
        self._titles: list[QGraphicsSimpleTextItem] = []  # per column
        self._subtitles: list[QGraphicsSimpleTextItem] = []  # unit counts, then output kind
        self._warnings: list[QGraphicsSimpleTextItem] = []  # per hidden layer
        self._unit_buttons: list[tuple[Button, Button]] = []
        self._out_labels: list[QGraphicsSimpleTextItem] = []
        self._layer_buttons: tuple[Button, Button] | None = None
        self._layer_count: QGraphicsSimpleTextItem | None = None
        self._legend: Legend | None = None

    # -- public ------------------------------------------------------------------------------

    def set_snapshot(self, snapshot) -> None:
        c = snapshot.config
        arch = (c.features, c.hidden, tuple(c.hidden_activations), c.output_kind, c.n_outputs)
        if arch != self._arch:
            self._arch = arch
            self._build()
        self._snap = snapshot
        if snapshot.resolution != self._res:
            self._res = snapshot.resolution
            self._update_inputs()
        self._update_units(snapshot)
        for l, links in enumerate(self._links):
            links.set_weights(snapshot.weights[l])
        self._update_warnings(snapshot)

    def unit_state(self, layer: int, unit: int) -> dict:
        """What a unit's node shows (output units are never marked dead or saturated)."""
        n = self._nodes[layer][unit]
        return {"dead": n.dead, "saturated": n.saturated, "saturation": n.saturation}

    def link_weight(self, layer: int, i: int, j: int) -> float:
        return float(self._links[layer].weights[i, j])

    def node_item(self, layer: int, unit: int) -> Node:
        return self._nodes[layer][unit]

    def feature_item(self, name: str) -> Node:
        return self._features[name]

    def node_image(self, layer: int, unit: int) -> np.ndarray:
        """The RGB colours (h, w, 3) drawn in a unit's node, row 0 at the top."""
        return self._images[layer][unit][..., 2::-1]

    def link_point(self, layer: int, i: int, j: int, t: float = 0.5) -> QPointF:
        """A scene point on a link, t of the way from its source."""
        return self._links[layer].point(i, j, t)

    def link_at(self, pos: QPointF) -> tuple[int, int, int] | None:
        """(layer, i, j) of the link a click at scene position pos would hit."""
        for item in self.scene().items(pos):
            if isinstance(item, Links):
                hit = item.hit(pos)
                if hit is not None:
                    return (item.layer, *hit)
            elif isinstance(item, Node):
                return None
        return None

    def unit_buttons(self, layer: int) -> tuple[Button, Button]:
        """The (−, +) buttons of a hidden layer's unit count."""
        return self._unit_buttons[layer]

    def layer_buttons(self) -> tuple[Button, Button]:
        return self._layer_buttons

    def warning_text(self, layer: int) -> str:
        w = self._warnings[layer]
        return w.text() if w.isVisible() else ""

    def tooltip(self, key: tuple) -> str:
        """The tooltip of ("input", name), ("unit", l, j), ("bias", l, j), ("link", l, i, j)."""
        kind, *idx = key
        return getattr(self, f"_tip_{kind}")(*idx)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        features, hidden, acts, output_kind, n_out = self._arch
        self.scene().clear()
        self._reset_items()
        self._res = None
        add = self.scene().addItem
        for name in datasets.FEATURES:
            node = self._features[name] = Node(("input", name), self._node_clicked)
            node.active = name in features
            add(node)
            label = self._feature_labels[name] = QGraphicsTextItem()
            label.document().setDocumentMargin(0.0)
            label.setHtml(datasets.feature_label(name))
            label.setDefaultTextColor(QColor(TEXT if node.active else MUTED))
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            label.key = node.key  # hovering the label explains the input too
            add(label)
        sizes = [len(features), *hidden, n_out]
        for l, n in enumerate(sizes[1:]):
            self._links.append(Links(l, (sizes[l], n), self._link_clicked))
            add(self._links[-1])
            self._nodes.append([Node(("unit", l, j), self._node_clicked) for j in range(n)])
            for node in self._nodes[-1]:
                add(node)
        self._titles = [self._text(t, bold=True) for t in
                        (self.tr("Inputs"), *map(activations.label, acts), self.tr("Output"))]
        for l, title in enumerate(self._titles[1:-1]):
            title.setToolTip(self.tr("Activation of hidden layer {0}: {1}").format(
                l + 1, title.text()))
        self._titles[0].setToolTip(self.tr(
            "What the network is given about each point. Click a square to turn that input "
            "on or off."))
        self._titles[-1].setToolTip(self.tr(
            "What the network answers at each point of the plane."))
        for l, n in enumerate(hidden):
            minus = Button(MINUS, lambda l=l: self._change_units(l, -1))
            plus = Button("+", lambda l=l: self._change_units(l, +1))
            minus.set_enabled(n > 1, self.tr("Remove a unit from layer {0}").format(l + 1),
                              self.tr("A layer needs at least one unit"))
            plus.set_enabled(n < MAX_UNITS, self.tr("Add a unit to layer {0}").format(l + 1),
                             self.tr("At most {0} units per layer").format(MAX_UNITS))
            self._unit_buttons.append((minus, plus))
            add(minus)
            add(plus)
            self._subtitles.append(self._text(""))
            self._warnings.append(self._text("", bold=True))
            self._warnings[-1].setVisible(False)
        kind = self._text({"sigmoid": self.tr("sigmoid"), "softmax": self.tr("softmax"),
                           "linear": self.tr("linear")}[output_kind])
        kind.setBrush(QColor(MUTED))
        self._subtitles.append(kind)
        minus = Button(MINUS, lambda: self._change_layers(-1))
        plus = Button("+", lambda: self._change_layers(+1))
        minus.set_enabled(bool(hidden), self.tr("Remove the last hidden layer"),
                          self.tr("There are no hidden layers to remove"))
        plus.set_enabled(len(hidden) < MAX_HIDDEN_LAYERS, self.tr("Add a hidden layer"),
                         self.tr("At most {0} hidden layers").format(MAX_HIDDEN_LAYERS))
        self._layer_buttons = (minus, plus)
        add(minus)
        add(plus)
        self._layer_count = self._text(
            self.tr("1 hidden layer") if len(hidden) == 1
            else self.tr("{0} hidden layers").format(len(hidden)), bold=True)
        if output_kind == "softmax":
            outs = [self.tr("P(class {0})").format(k) for k in range(n_out)]
        else:
            outs = [self.tr("P(class 1)") if output_kind == "sigmoid" else self.tr("prediction")]
        self._out_labels = [self._text(t) for t in outs]
        self._legend = Legend({
            "value": self.tr("unit output"), "dead": self.tr("dead"),
            "saturated": self.tr("saturated"), "bias": self.tr("bias"),
            "prob": self.tr("(output: probability 0 … 1)") if output_kind == "sigmoid" else ""})
        self._legend.setToolTip(self.tr(
            "Each square shows what its unit outputs at every point of the input plane "
            "(x<sub>1</sub> to the right, x<sub>2</sub> up): orange negative, white 0, blue "
            "positive, full colour from ±1 on. The sigmoid output shows the probability of "
            "class 1: orange near 0, white at 0.5, blue near 1.<br>Links: blue for positive "
            "and orange for negative weights, thicker when larger. The small square at the "
            "lower left of a unit is its bias.<br>A red cross marks a dead unit (its slope is "
            "0 on every training point); a purple ring grows with the share of training "
            "points on which a unit saturates."))
        add(self._legend)
        self._images = []
        self._layout()

    def _text(self, text: str, bold: bool = False) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setBrush(QColor(TEXT))
        item.bold = bold
        item.full = text  # before any eliding
        item.where = item.texts = None  # warnings: placement and the texts to choose from
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene().addItem(item)
        return item

    # -- layout -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        if self._arch is None:
            return
        vp = self.viewport().rect()
        W, H = float(max(vp.width(), 200)), float(max(vp.height(), 200))
        self.scene().setSceneRect(0, 0, W, H)
        font = QFont(self.font())
        font.setPixelSize(round(min(max(min(H / 38.0, W / 58.0), 13.0), 22.0)))
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
        for item in (*self._titles, *self._subtitles, *self._warnings, *self._out_labels,
                     self._layer_count):
            item.setFont(bold if item.bold else font)
        for label in self._feature_labels.values():
            label.setFont(font)
        line = fm.height() * 1.35
        pad = 0.6 * fm.height()
        legend_h = self._legend.height(font)
        feat_w = max(label.boundingRect().width() for label in self._feature_labels.values())
        out_w = max(fm.horizontalAdvance(t.text()) for t in self._out_labels)
        n_cols = len(self._nodes) + 1
        top = pad + 4.2 * line
        body = max(H - pad - legend_h - 0.5 * line - top, 40.0)
        left, right = pad + feat_w, W - pad - out_w - 6.0
        tallest = max(len(datasets.FEATURES), *(len(col) for col in self._nodes))
        s = max(min(body / (tallest * 1.28), 0.42 * (right - left) / (n_cols - 1), 96.0), 12.0)
        gap, badge = 0.28 * s, max(5.0, 0.2 * s)
        x0, x1 = left + s / 2 + badge + 4, right - s / 2 - 2
        xs = [x0 + (x1 - x0) * k / (n_cols - 1) for k in range(n_cols)]
        width = 0.96 * (x1 - x0) / (n_cols - 1)

        def column(n: int) -> np.ndarray:
            return top + (body - n * s - (n - 1) * gap) / 2 + np.arange(n) * (s + gap)

        ys = column(len(datasets.FEATURES))
        for k, name in enumerate(datasets.FEATURES):
            self._features[name].set_geometry(xs[0] - s / 2, ys[k], s, badge)
            label = self._feature_labels[name]
            br = label.boundingRect()
            label.setPos(xs[0] - s / 2 - 4 - br.width(), ys[k] + (s - br.height()) / 2)
        mids = [ys[[datasets.FEATURES.index(f) for f in self._arch[0]]] + s / 2]
        for l, col in enumerate(self._nodes):
            ys = column(len(col))
            for j, node in enumerate(col):
                node.set_geometry(xs[l + 1] - s / 2, ys[j], s, badge)
            mids.append(ys + s / 2)
        for l, links in enumerate(self._links):
            a = np.column_stack([np.full(len(mids[l]), xs[l] + s / 2), mids[l]])
            b = np.column_stack([np.full(len(mids[l + 1]), xs[l + 1] - s / 2), mids[l + 1]])
            links.set_geometry(a, b)
        # Header rows: layer count, column titles, unit counts, warnings. Each column's
        # texts stay within its band; the outer columns may use the margins as well.
        bands = [(xs[k] - width / 2, xs[k] + width / 2) for k in range(n_cols)]
        bands[0] = (pad, xs[1] - width / 2 - 4 if n_cols > 2 else (xs[0] + xs[1]) / 2)
        bands[-1] = (xs[-2] + width / 2 + 4 if n_cols > 2 else (xs[0] + xs[1]) / 2, W - pad)
        bs = round(fm.height() * 1.15)
        y_title = pad + line * 1.25
        y_sub = y_title + line
        for col, title in enumerate(self._titles):
            self._place(title, xs[col], y_title, bands[col])
        for l, (minus, plus) in enumerate(self._unit_buttons):
            x, n = xs[l + 1], len(self._nodes[l])
            long = self.tr("1 unit") if n == 1 else self.tr("{0} units").format(n)
            count = self._subtitles[l]
            count.setToolTip(long)
            count.full = next((t for t in (long, str(n)) if
                               fm.horizontalAdvance(t) + 2 * bs + 12 <= width), "")
            size = bs
            if not count.full:  # narrow columns: smaller buttons, then no count at all
                size = (width - fm.horizontalAdvance(str(n)) - 8) / 2
                count.full = str(n) if size >= 14 else ""
                size = max(min(bs, size if count.full else (width - 4) / 2), 10.0)
            self._place(count, x, y_sub + (size - fm.height()) / 2, bands[l + 1])
            half = fm.horizontalAdvance(count.text()) / 2 + (4 if count.full else 1)
            minus.set_geometry(x - half - size, y_sub, size, font)
            plus.set_geometry(x + half, y_sub, size, font)
            self._warnings[l].where = (x, y_sub + line, bands[l + 1])
            self._place_warning(l)
        self._place(self._subtitles[-1], xs[-1], y_sub + (bs - fm.height()) / 2, bands[-1])
        minus, plus = self._layer_buttons
        cx = (xs[1] + xs[-2]) / 2 if len(self._nodes) > 1 else (xs[0] + xs[-1]) / 2
        xl = cx - (2 * bs + 18 + fmb.horizontalAdvance(self._layer_count.text())) / 2
        minus.set_geometry(xl, pad, bs, font)
        plus.set_geometry(xl + bs + 8, pad, bs, font)
        self._layer_count.setPos(xl + 2 * bs + 18, pad + (bs - fmb.height()) / 2)
        ys = column(len(self._nodes[-1]))
        for k, label in enumerate(self._out_labels):
            label.setPos(xs[-1] + s / 2 + 6, ys[k] + (s - fm.height()) / 2)
        self._legend.set_geometry(pad, H - pad - legend_h, W - 2 * pad, font)

    @staticmethod
    def _place(item: QGraphicsSimpleTextItem, x: float, y: float,
               band: tuple[float, float]) -> None:
        """Centre item's full text on x, elided to fit the band (lo, hi) and kept inside it."""
        lo, hi = band
        fm = QFontMetricsF(item.font())
        text = fm.elidedText(item.full, Qt.TextElideMode.ElideRight, max(hi - lo, 0.0))
        item.setText(text)
        w = fm.horizontalAdvance(text)
        item.setPos(min(max(x - w / 2, lo), max(hi - w, lo)), y)

    def _place_warning(self, l: int) -> None:
        warn = self._warnings[l]
        if warn.where is None or not warn.texts:
            return
        x, y, band = warn.where
        fm = QFontMetricsF(warn.font())
        warn.full = next((t for t in warn.texts if fm.horizontalAdvance(t) <= band[1] - band[0]),
                         warn.texts[-1])
        self._place(warn, x, y, band)

    # -- per frame ----------------------------------------------------------------------------

    def _update_inputs(self) -> None:
        res = self._res
        values = datasets.features(datasets.grid(res), datasets.FEATURES)
        self._input_images = grid_images(values, res)
        for k, name in enumerate(datasets.FEATURES):
            self._features[name].set_image(qimage(self._input_images[k]))

    def _update_units(self, s) -> None:
        n_hidden = len(s.config.hidden)
        buffers = []
        for l, col in enumerate(self._nodes):
            centre, half = output_levels(s.config.output_kind) if l == n_hidden else (0.0, 1.0)
            images = grid_images(s.grid[l], s.resolution, centre, half)
            buffers.append(images)
            stats = s.diagnostics.layers[l] if l < n_hidden else None
            biases = s.biases[l]
            for j, node in enumerate(col):
                node.set_image(qimage(images[j]))
                if stats is not None:
                    node.set_state(bool(stats.dead[j]), bool(stats.saturated[j]),
                                   float(stats.saturation[j]))
                node.set_bias(float(biases[j]))
        self._images = buffers  # only now may the previous frame's buffers go

    def _update_warnings(self, s) -> None:
        for l, warn in enumerate(self._warnings):
            stats = s.diagnostics.layers[l]
            n, dead, sat = stats.dead.size, int(stats.dead.sum()), int(stats.saturated.sum())
            if stats.dead_warning:
                texts, color = (self.tr("{0}/{1} dead").format(dead, n),), theme.DEAD
            elif sat:
                texts = (self.tr("{0}/{1} saturated").format(sat, n),
                         self.tr("{0}/{1} sat.").format(sat, n))
                color = SATURATED_TEXT
            else:
                texts, color = (), TEXT
            warn.setVisible(bool(texts))
            if texts != warn.texts:
                warn.texts = texts
                warn.setBrush(QColor(color))
                warn.setToolTip(self.tr(
                    "Layer {0}: {1} of {2} units are dead (slope 0 on every training point) "
                    "and {3} saturate on at least half of the points.").format(l + 1, dead, n,
                                                                               sat))
                self._place_warning(l)

    # -- interaction --------------------------------------------------------------------------

    def _node_clicked(self, node: Node, _pos) -> None:
        kind, *idx = node.key
        if kind == "unit":
            self.unit_clicked.emit(*idx)
            return
        name, active = idx[0], self._arch[0]
        if name in active and len(active) == 1:
            where = self.mapFromScene(node.sceneBoundingRect().center())
            QToolTip.showText(self.viewport().mapToGlobal(where),
                              self.tr("At least one input must stay on."), self.viewport())
            return
        self.feature_toggled.emit(name, name not in active)

    def _link_clicked(self, links: Links, pos: QPointF) -> None:
        hit = links.hit(pos)
        if hit is None:
            return
        i, j = hit
        value = self._ask_weight(links.layer, i, j, float(links.weights[i, j]))
        if value is not None and math.isfinite(value):
            self.weight_edited.emit(links.layer, i, j, float(value))

    def _ask_weight(self, l: int, i: int, j: int, current: float) -> float | None:
        """Ask for a new weight (tests replace this); None when cancelled."""
        text = self.tr("New weight from {0} to {1}:").format(self._source(l, i),
                                                             self._target(l, j))
        value, ok = QInputDialog.getDouble(self, self.tr("Edit weight"), text, current,
                                           -100.0, 100.0, 3)
        return value if ok else None

    def _change_units(self, l: int, delta: int) -> None:
        hidden = list(self._arch[1])
        if 1 <= hidden[l] + delta <= MAX_UNITS:
            hidden[l] += delta
            self.hidden_changed.emit(tuple(hidden))

    def _change_layers(self, delta: int) -> None:
        hidden = list(self._arch[1])
        if delta > 0 and len(hidden) < MAX_HIDDEN_LAYERS:
            hidden.append(hidden[-1] if hidden else NEW_LAYER_UNITS)
        elif delta < 0 and hidden:
            hidden.pop()
        else:
            return
        self.hidden_changed.emit(tuple(hidden))

    # -- tooltips (written on demand) -----------------------------------------------------------

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._snap is not None:
            key = self._key_at(self.mapToScene(event.pos()))
            if key is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(key), self.viewport())
                return True
        return super().viewportEvent(event)

    def _key_at(self, pos: QPointF) -> tuple | None:
        """The key of the topmost item at pos whose tooltip is written on demand; None when
        that item is another one (its own static tooltip applies) or there is none."""
        for item in self.scene().items(pos):
            if isinstance(item, Links):
                hit = item.hit(pos)
                if hit is not None:
                    return ("link", item.layer, *hit)
                continue  # empty space between the links
            return getattr(item, "key", None)
        return None

    def _source(self, l: int, i: int) -> str:
        if l == 0:
            return datasets.feature_label(self._arch[0][i])
        return self.tr("unit {0} of layer {1}").format(i + 1, l)

    def _target(self, l: int, j: int) -> str:
        if l < len(self._arch[1]):
            return self.tr("unit {0} of layer {1}").format(j + 1, l + 1)
        if self._arch[3] == "softmax":
            return self.tr("the output for class {0}").format(j)
        return self.tr("the output")

    def _tip_link(self, l: int, i: int, j: int) -> str:
        return self.tr("w = {0}, from {1} to {2}<br><i>Click to edit it.</i>").format(
            fmt(self.link_weight(l, i, j)), self._source(l, i), self._target(l, j))

    def _tip_bias(self, l: int, j: int) -> str:
        return self.tr("b = {0}, the bias of {1}").format(fmt(self._snap.biases[l][j]),
                                                         self._target(l, j))

    def _tip_input(self, name: str) -> str:
        label = datasets.feature_label(name)
        if name in self._arch[0]:
            return self.tr("Input <b>{0}</b>, scaled to [−1, 1]<br><i>Click to turn it off.</i>"
                           ).format(label)
        return self.tr("<b>{0}</b> is not used<br><i>Click to give it to the network.</i>"
                       ).format(label)

    def _tip_unit(self, l: int, j: int) -> str:
        s = self._snap
        z = s.z[l][:, j]
        lines = []
        if l < len(self._arch[1]):
            st = s.diagnostics.layers[l]
            lines += [
                self.tr("<b>Layer {0}, unit {1}</b> ({2})").format(
                    l + 1, j + 1, activations.label(st.activation)),
                self.tr("z range on the training points: [{0}, {1}]").format(
                    fmt(st.z_min[j], 2), fmt(st.z_max[j], 2)),
                self.tr("Saturated on {0} % of them").format(round(100 * float(st.saturation[j]))),
                self.tr("<b>Dead</b>: its slope is 0 on every training point") if st.dead[j]
                else self.tr("Not dead"),
            ]
        else:
            lines.append(self.tr("<b>{0}</b> ({1})").format(
                self._target(l, j)[0].upper() + self._target(l, j)[1:], self._arch[3]))
            if len(z):
                lines.append(self.tr("z range on the training points: [{0}, {1}]").format(
                    fmt(z.min(), 2), fmt(z.max(), 2)))
        if len(z):
            lines.append(self.tr("Mean output: {0}").format(fmt(s.a[l][:, j].mean())))
        lines.append(self.tr("Bias: {0}").format(fmt(s.biases[l][j])))
        lines.append(self.tr("<i>Click to inspect this unit.</i>"))
        return "<br>".join(lines)
