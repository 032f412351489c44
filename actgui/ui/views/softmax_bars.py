"""Bar views of the softmax explorer: the probabilities, and the cross-entropy gradient.

Items are created once for the largest number of classes; an update only calls setOpts on
the bars and changes the text of the labels that are shown.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.ui import theme
from actgui.ui.views.curve_notes import SteadyLabel
from actgui.ui.views.softmax_controls import MAX_LOGITS, sub

MINUS = "−"
TEXT_DARK = "#222222"
TEXT_MUTED = "#666666"
BAR_WIDTH = 0.62
PROB_LIGHT = "#9CC3E0"  # lighter POSITIVE for the bars that are not the largest
TARGET_TEXT = "#A36F00"  # NEGATIVE darkened enough to read as text on white


def _minus(text: str) -> str:
    if text.startswith("-") and float(text) == 0.0:
        text = text[1:]  # no "-0.000"
    return text.replace("-", MINUS)


def fmt(v: float, digits: int = 4) -> str:
    """A readout number: fixed point from 0.001 up to a million, else scientific; − for minus."""
    v = float(v) + 0.0
    if v == 0.0 or 1e-3 <= abs(v) < 1e6:
        return _minus(f"{v:.{digits}f}")
    return _minus(f"{v:.{max(digits - 1, 1)}e}")


def fixed(v: float, decimals: int) -> str:
    """A bar or cell label: always fixed point, so neighbouring labels line up."""
    return _minus(f"{float(v):.{decimals}f}")


def fmt_logit(z: float) -> str:
    """A logit in at most six characters: 2.50, 137.3, 4096, 1.0e6."""
    z = float(z) + 0.0
    if abs(z) < 100:
        text = f"{z:.2f}"
    elif abs(z) < 1000:
        text = f"{z:.1f}"
    elif abs(z) < 1e5:
        text = f"{z:.0f}"
    else:
        mantissa, exponent = f"{z:.1e}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    return _minus(text)


def label_plan(plot: pg.PlotWidget, k: int) -> tuple[int, float]:
    """(decimals, smallest |fraction of full height| labelled) so bar labels never collide.

    One class gets vb.width() / (k + 0.2) pixels; "0.000" at 8-9 pt needs about 40 of them,
    "0.00" about 30. Narrower than that, only the bars tall enough to matter get a label.
    """
    slot = plot.getPlotItem().vb.width() / (k + 0.2)
    if slot >= 46:
        return 3, 0.0
    if slot >= 32:
        return 2, 0.0
    return 2, 0.1


def make_plot(object_name: str, left: str, bottom: str) -> pg.PlotWidget:
    """A plot that does not pan or zoom: learners should not lose the picture by a stray drag."""
    plot = pg.PlotWidget()
    plot.setObjectName(object_name)  # PlotWidget(objectName=...) would drop the name
    # One bounding rectangle per repaint instead of pyqtgraph's exact region: blits and
    # fills clipped to a many-rectangle region take Qt's slow, thread-pooled span path.
    plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.vb.setDefaultPadding(0.0)
    item.setLabel("left", left)
    item.setLabel("bottom", bottom)
    for name in ("left", "bottom"):
        item.getAxis(name).enableAutoSIPrefix(False)  # no "(x0.001)" in a learner's label
        cache_axis(item.getAxis(name))
    plot.setMinimumSize(240, 180)
    return plot


def cache_axis(axis: pg.AxisItem) -> None:
    """Axes only change with k or T: keep them as a pixmap instead of replaying every frame."""
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def set_text(item, text: str, color=None) -> None:
    """setText only when the text or its colour changes."""
    if getattr(item, "_shown", None) != (text, color):
        item._shown = (text, color)
        item.setText(text, color=color)


# The setters below skip a call that would change nothing (it would still mark the item for
# repainting, and on a pg.TextItem run pyqtgraph's Python itemChange / updateTextPos); the
# views make about 30 of them per control change.

def place(item, x: float, y: float) -> None:
    if getattr(item, "_at", None) != (x, y):
        item._at = (x, y)
        item.setPos(x, y)


def show(item, visible: bool) -> None:
    if item.isVisible() != visible:
        item.setVisible(visible)


def set_anchor(item, anchor: tuple[float, float]) -> None:
    if getattr(item, "_anchored", None) != anchor:
        item._anchored = anchor
        item.setAnchor(anchor)


def class_ticks(k: int) -> list:
    return [[(i, str(i)) for i in range(k)]]


def _font(bold: bool, size: int) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


def text_item(anchor, bold: bool = False, size: int = 9) -> pg.TextItem:
    """A pyqtgraph text item (for words, such as the "target" mark)."""
    item = pg.TextItem("", color=TEXT_DARK, anchor=anchor)
    item.setFont(_font(bold, size))
    return item


class BarLabel(QGraphicsSimpleTextItem):
    """A number at a point in data coordinates that keeps its pixel size: a bar's value,
    a logit under its bar, a Jacobian cell.

    pg.TextItem does this in Python: every new text, move and view change runs pyqtgraph's
    itemChange / updateTextPos / updateTransform, and each label is a QTextDocument. These
    numbers change with every control change, about 20 at a time, so they are plain C++
    text items: the text ignores the view's transformation and is anchored by its own
    transform, with QGraphicsTextItem's 4 px document margin kept so that the numbers sit
    exactly where the TextItems put them. textItem, toPlainText, setAnchor and
    setText(text, color) mirror pg.TextItem.
    """

    MARGIN = 4.0

    def __init__(self, anchor=(0.5, 0.5), bold: bool = False, size: int = 9):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFont(_font(bold, size))
        self.setBrush(QColor(TEXT_DARK))
        self.anchor = tuple(anchor)

    @property
    def textItem(self) -> BarLabel:  # noqa: N802 (pg.TextItem's name)
        return self

    def toPlainText(self) -> str:  # noqa: N802 (pg.TextItem's name)
        return self.text()

    def setColor(self, color) -> None:  # noqa: N802 (pg.TextItem's name)
        self.setBrush(QColor(color))

    def setText(self, text: str, color=None) -> None:  # noqa: N802 (Qt override)
        if color is not None:
            self.setColor(color)
        super().setText(text)
        self._align()

    def setAnchor(self, anchor) -> None:  # noqa: N802 (pg.TextItem's name)
        self.anchor = tuple(anchor)
        self._align()

    def _align(self) -> None:
        rect, m = self.boundingRect(), self.MARGIN
        ax, ay = self.anchor
        self.setTransform(QTransform.fromTranslate(m - ax * (rect.width() + 2 * m),
                                                   m - ay * (rect.height() + 2 * m)))


class Panel(QFrame):
    """A white card: a title with a readout on its right, the plot, and a caption below."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("softmaxCard")
        self.setStyleSheet(
            "QFrame#softmaxCard { background: white; border: 1px solid #d4d7dc;"
            " border-radius: 6px; }")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        # The readout and the caption change with every control change: SteadyLabels, so
        # a new number repaints one line instead of re-laying out the page.
        self.readout = SteadyLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The readout takes the width the title leaves and wraps only when that is too
        # little (a narrow window), rather than being cut off.
        self.readout.setWordWrap(True)
        head.addWidget(self.title)
        head.addWidget(self.readout.holder, 1)
        self._layout.addLayout(head)
        self.caption = SteadyLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {TEXT_MUTED};")
        self._layout.addWidget(self.caption.holder)

    def set_readout(self, text: str) -> None:
        self.readout.setText(text)  # a SteadyLabel skips an identical text itself

    def set_body(self, title: str, body: QWidget) -> None:
        self.title.setText(title)
        self._layout.insertWidget(1, body, 1)


class ProbabilityView(Panel):
    """softmax(z / T) as bars, the value above each bar, the logit under it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = make_plot("probabilityPlot", self.tr("probability aᵢ"),
                              self.tr("class i   (its logit zᵢ in grey)"))
        self.set_body(self.tr("Probabilities a = softmax(z / T)"), self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        item.showGrid(y=True, alpha=0.15)
        self.bars = pg.BarGraphItem(x=np.arange(2), height=np.zeros(2), width=BAR_WIDTH,
                                    brush=PROB_LIGHT, pen=None)
        item.addItem(self.bars)
        self.value_text = [BarLabel((0.5, 1.0)) for _ in range(MAX_LOGITS)]
        self.logit_text = [BarLabel((0.5, 0.5), size=8) for _ in range(MAX_LOGITS)]
        for t in self.value_text + self.logit_text:
            item.addItem(t, ignoreBounds=True)
        item.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#888888", width=1)))
        self._brush, self._max_brush = pg.mkBrush(PROB_LIGHT), pg.mkBrush(theme.POSITIVE)
        self._target_pen = pg.mkPen(theme.NEGATIVE, width=3)
        self._no_pen = pg.mkPen(None)
        self._k = None
        self._last = None
        item.vb.sigResized.connect(self._resized)
        self.caption.setText(self.tr(
            "Each logit is divided by T, exponentiated and divided by the total, so the bars "
            "always add up to 1. Dark blue: the most likely class. Orange: the target class y."))

    def _resized(self, *_):
        if self._last is not None:
            self.update_view(*self._last)

    def update_view(self, z: np.ndarray, p: np.ndarray, logp: np.ndarray, y: int) -> None:
        self._last = (z, p, logp, y)
        k = len(p)
        item = self.plot.getPlotItem()
        if k != self._k:
            self._k = k
            item.setXRange(-0.6, k - 0.4, padding=0)
            item.setYRange(-0.13, 1.13, padding=0)
            item.getAxis("bottom").setTicks(class_ticks(k))
            for i in range(MAX_LOGITS):
                self.value_text[i].setVisible(i < k)
                self.logit_text[i].setVisible(i < k)
        top = p.max()
        is_max = p >= top - 1e-12 * max(top, 1.0)
        brushes = [self._max_brush if m else self._brush for m in is_max]
        pens = [self._target_pen if i == y else self._no_pen for i in range(k)]
        self.bars.setOpts(x=np.arange(k), height=p, width=BAR_WIDTH, brushes=brushes, pens=pens)
        decimals, smallest = label_plan(self.plot, k)
        wide = self.plot.getPlotItem().vb.width() / (k + 0.2) >= 84
        for i in range(k):
            colour = theme.POSITIVE if is_max[i] else theme.ink(TEXT_DARK)
            set_text(self.value_text[i], fixed(p[i], decimals), colour)
            show(self.value_text[i], bool(p[i] >= smallest))
            logit = fmt_logit(z[i])
            if wide:
                logit = "z" + sub(i) + " = " + logit
            set_text(self.logit_text[i], logit, theme.ink(TARGET_TEXT if i == y else TEXT_MUTED))
            place(self.value_text[i], i, float(p[i]) + 0.015)
            place(self.logit_text[i], i, -0.065)
        # Entropy from log-probabilities: finite even when some p are exactly 0.
        h = float(-(p * logp).sum()) + 0.0
        h_max = math.log(k)
        self.set_readout(self.tr(
            "entropy H = <b>{bits}</b> bits ({h} nats) &nbsp;·&nbsp; at most log₂ k = {bmax} bits")
            .format(bits=fmt(h / math.log(2), 3), h=fmt(h, 3), bmax=fmt(h_max / math.log(2), 3)))


class GradientView(Panel):
    """Cross-entropy -log a_y and its gradient (a - onehot(y)) / T as diverging bars."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = make_plot("gradientPlot", self.tr("∂L/∂zᵢ"), self.tr("class i"))
        self.set_body(self.tr("Loss gradient ∂L/∂z"), self.plot)
        item = self.plot.getPlotItem()
        item.showGrid(y=True, alpha=0.15)
        # The y range follows T, so the tick labels run from "-20" to "-0.65"; with the width
        # they need fixed at the widest, a new T does not re-lay out the plot (a narrower
        # axis meant a resized view box, and every item in it drawn twice).
        widest = QFontMetricsF(self.plot.font()).horizontalAdvance("-0.00")
        # Every new T redraws this axis and its grid. Its third tick level only adds ~20 grid
        # lines at 2-3 % opacity (at most 7 of 255 grey levels from white); they cost more
        # to generate and draw than the rest of the axis and are left out.
        item.getAxis("left").setStyle(autoExpandTextSpace=False, tickTextWidth=math.ceil(widest),
                                      maxTickLevel=1)
        self.bars = pg.BarGraphItem(x=np.arange(2), height=np.zeros(2), width=BAR_WIDTH,
                                    brush=theme.POSITIVE, pen=None)
        item.addItem(self.bars)
        item.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#666666", width=1)))
        self.value_text = [BarLabel((0.5, 1.0), size=8) for _ in range(MAX_LOGITS)]
        for t in self.value_text:
            item.addItem(t, ignoreBounds=True)
        self.target_text = text_item((0.5, 0.0), bold=True, size=8)
        self.target_text.setText(self.tr("target"), color=TARGET_TEXT)
        item.addItem(self.target_text)
        self._up, self._down = pg.mkBrush(theme.POSITIVE), pg.mkBrush(theme.NEGATIVE)
        self._k = None
        self._t = None
        self._last = None
        item.vb.sigResized.connect(self._resized)
        self.caption.setText(self.tr(
            "Bar i is (aᵢ − 1 if i = y, else aᵢ) / T — simply a − onehot(y) at T = 1. "
            "Gradient descent moves each logit against its bar: the target's logit rises, "
            "the others fall."))

    def _resized(self, *_):
        if self._last is not None:
            self.update_view(*self._last)

    def update_view(self, g: np.ndarray, y: int, loss: float, t: float) -> None:
        self._last = (g, y, loss, t)
        k = len(g)
        item = self.plot.getPlotItem()
        if k != self._k:
            self._k = k
            item.setXRange(-0.6, k - 0.4, padding=0)
            item.getAxis("bottom").setTicks(class_ticks(k))
            for i in range(MAX_LOGITS):
                self.value_text[i].setVisible(i < k)
        new_range = t != self._t
        if new_range:
            self._t = t
            # |(a - onehot) / T| never exceeds 1 / T: a fixed range per temperature.
            item.setYRange(-1.25 / t, 1.25 / t, padding=0)
        brushes = [self._up if v > 0 else self._down for v in g]
        self.bars.setOpts(x=np.arange(k), height=g, width=BAR_WIDTH, brushes=brushes)
        pad = 0.03 / t
        decimals, smallest = label_plan(self.plot, k)
        for i in range(k):
            text = self.value_text[i]
            v = float(g[i])
            set_text(text, fixed(v, decimals))
            show(text, abs(v) * t >= smallest)
            # Above a bar that points up, below one that points down.
            set_anchor(text, (0.5, 1.0) if v >= 0 else (0.5, 0.0))
            place(text, i, v + pad if v >= 0 else v - pad)
        # Centred over its bar, except at the ends where it would be clipped by the view.
        if y == 0:
            set_anchor(self.target_text, (0.0, 0.0))
            place(self.target_text, y - BAR_WIDTH / 2, 1.2 / t)
        elif y == k - 1:
            set_anchor(self.target_text, (1.0, 0.0))
            place(self.target_text, y + BAR_WIDTH / 2, 1.2 / t)
        else:
            set_anchor(self.target_text, (0.5, 0.0))
            place(self.target_text, y, 1.2 / t)
        if new_range:
            # pyqtgraph applies a new range, and re-places its text item (the "target" mark,
            # which keeps its pixel size), only when the next paint starts; the move would
            # then ask for a second paint. Applying it here lets one paint cover it all.
            self.plot.scene().prepareForPaint()
        self.set_readout(self.tr(
            "L = −log a{y} = <b>{loss}</b>").format(y=sub(y), loss=fmt(loss, 3)))

