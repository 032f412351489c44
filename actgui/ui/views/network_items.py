"""The pieces of the network diagram: its colours and its scene items.

Colours: a diverging lookup table (orange negative, white 0, blue positive) that turns a grid of
unit outputs into the pixels of a node's heatmap, and cached pens and brushes for the links and
the bias badges, keyed by small integer style codes so a frame only regroups links.

Items: a node (a heatmap square with its dead, saturated and hover marks and a bias badge), all
links between two columns as one item, the small +/− buttons, and the legend row. They know
nothing of snapshots: `network_view.NetworkView` lays them out and feeds them.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from actgui.ui import theme

MINUS = "−"
TEXT = "#222222"
MUTED = "#666666"
BORDER = "#8C8C8C"
SATURATED_TEXT = "#9E4A80"  # theme.SATURATED darkened to read as text on white
IMAGE_SIDE = 32  # node heatmaps are decimated to about this many pixels a side


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


def place_text(item: QGraphicsSimpleTextItem, x: float, y: float,
           band: tuple[float, float]) -> None:
    """Centre item's full text on x, elided to fit the band (lo, hi) and kept inside it."""
    lo, hi = band
    fm = QFontMetricsF(item.font())
    text = fm.elidedText(item.full, Qt.TextElideMode.ElideRight, max(hi - lo, 0.0))
    item.setText(text)
    w = fm.horizontalAdvance(text)
    item.setPos(min(max(x - w / 2, lo), max(hi - w, lo)), y)


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
            p.setPen(QPen(QColor(theme.ink("#9A9A9A")), 1.2, Qt.PenStyle.DashLine))
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
            p.setPen(QPen(QColor(theme.ink(TEXT)), 2.0))
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
        p.setBrush(QColor(theme.ink("#DCE9F5" if self._hover and self.enabled else "#F3F3F3")))
        p.setPen(QPen(QColor(theme.ink(BORDER if self.enabled else "#D2D2D2")), 1.0))
        p.drawRoundedRect(r, 4.0, 4.0)
        p.setPen(QColor(theme.ink(TEXT if self.enabled else "#B4B4B4")))
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
            p.setPen(QColor(theme.ink(MUTED)))
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
