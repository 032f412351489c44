"""Bar views of the softmax explorer: the probabilities, and the cross-entropy gradient.

Items are created once for the largest number of classes; an update only calls setOpts on
the bars and changes the text of the labels that are shown.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.ui import theme
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


def set_text(item: pg.TextItem, text: str, color=None) -> None:
    """setText only when the text changes: re-laying out a QGraphicsTextItem is not free."""
    if getattr(item, "_shown", None) != (text, color):
        item._shown = (text, color)
        item.setText(text, color=color)


def class_ticks(k: int) -> list:
    return [[(i, str(i)) for i in range(k)]]


def text_item(anchor, bold: bool = False, size: int = 9) -> pg.TextItem:
    item = pg.TextItem("", color=TEXT_DARK, anchor=anchor)
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    item.setFont(font)
    return item


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
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.readout)
        self._layout.addLayout(head)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {TEXT_MUTED};")
        self._layout.addWidget(self.caption)

    def set_readout(self, text: str) -> None:
        if text != self.readout.text():  # skip re-parsing identical rich text every frame
            self.readout.setText(text)

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
        self.value_text = [text_item((0.5, 1.0)) for _ in range(MAX_LOGITS)]
        self.logit_text = [text_item((0.5, 0.5), size=8) for _ in range(MAX_LOGITS)]
        for t in self.value_text + self.logit_text:
            item.addItem(t)
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
            colour = theme.POSITIVE if is_max[i] else TEXT_DARK
            set_text(self.value_text[i], fixed(p[i], decimals), colour)
            self.value_text[i].setVisible(bool(p[i] >= smallest))
            logit = fmt_logit(z[i])
            if wide:
                logit = "z" + sub(i) + " = " + logit
            set_text(self.logit_text[i], logit, TARGET_TEXT if i == y else TEXT_MUTED)
            self.value_text[i].setPos(i, p[i] + 0.015)
            self.logit_text[i].setPos(i, -0.065)
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
        self.bars = pg.BarGraphItem(x=np.arange(2), height=np.zeros(2), width=BAR_WIDTH,
                                    brush=theme.POSITIVE, pen=None)
        item.addItem(self.bars)
        item.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#666666", width=1)))
        self.value_text = [text_item((0.5, 1.0), size=8) for _ in range(MAX_LOGITS)]
        for t in self.value_text:
            item.addItem(t)
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
        if t != self._t:
            self._t = t
            # |(a - onehot) / T| never exceeds 1 / T: a fixed range per temperature.
            item.setYRange(-1.25 / t, 1.25 / t, padding=0)
        brushes = [self._up if v > 0 else self._down for v in g]
        self.bars.setOpts(x=np.arange(k), height=g, width=BAR_WIDTH, brushes=brushes)
        pad = 0.03 / t
        decimals, smallest = label_plan(self.plot, k)
        for i in range(k):
            text = self.value_text[i]
            set_text(text, fixed(g[i], decimals))
            text.setVisible(bool(abs(g[i]) * t >= smallest))
            # Above a bar that points up, below one that points down.
            text.setAnchor((0.5, 1.0) if g[i] >= 0 else (0.5, 0.0))
            text.setPos(i, g[i] + pad if g[i] >= 0 else g[i] - pad)
        # Centred over its bar, except at the ends where it would be clipped by the view.
        if y == 0:
            self.target_text.setAnchor((0.0, 0.0))
            self.target_text.setPos(y - BAR_WIDTH / 2, 1.2 / t)
        elif y == k - 1:
            self.target_text.setAnchor((1.0, 0.0))
            self.target_text.setPos(y + BAR_WIDTH / 2, 1.2 / t)
        else:
            self.target_text.setAnchor((0.5, 0.0))
            self.target_text.setPos(y, 1.2 / t)
        self.set_readout(self.tr(
            "L = −log a{y} = <b>{loss}</b>").format(y=sub(y), loss=fmt(loss, 3)))

