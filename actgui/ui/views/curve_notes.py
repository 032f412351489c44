"""Text beside the curve plots: the formula card of one activation and the short notes."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTextBrowser

from actgui.engine import activations as act
from actgui.ui import theme


def fmt_number(v: float) -> str:
    """A compact number for labels: Unicode minus, ∞ for infinities, 4 significant digits."""
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.4g}"
    return text.replace("-", "−")


class FormulaCard(QFrame):
    """f and f' of the selected activation, with its range, centring and steepest slope.

    One small label per fact, each updated only when its text changes: a slider step then
    re-lays out one short line instead of a whole rich-text card.
    """

    _KEYS = ("formulaF", "formulaDf", "outputRange", "zeroCentred", "saturationThreshold")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("formulaCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#formulaCard { background: #fbfbfd; border: 1px solid #d4d7de;"
            " border-radius: 6px; }")
        self.setToolTip(self.tr("Formulas and key facts of the selected activation."))
        self.title = self._label("formulaTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.peak = self._label("peakSlope")
        self.peak.setStyleSheet("font-weight: 600;")
        names = (self.tr("f(z)"), self.tr("f′(z)"), self.tr("Output range"),
                 self.tr("Zero-centred"), self.tr("Saturated where"))
        self.values = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.title, 0, 0, 1, 2)
        for row, (key, name) in enumerate(zip(self._KEYS, names, strict=True), start=1):
            head = QLabel(name)
            head.setStyleSheet("color: #555;")
            head.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, row, 0)
            self.values[key] = self._label(key)
            grid.addWidget(self.values[key], row, 1)
        grid.addWidget(self.peak, len(self._KEYS) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def show_activation(self, a: act.Activation, color: QColor) -> None:
        lo, hi = a.output_range
        texts = (
            a.formula_f,
            a.formula_df,
            self.tr("{lo} to {hi}").format(lo=fmt_number(lo), hi=fmt_number(hi)),
            self.tr("yes") if a.zero_centered else self.tr("no"),
            self.tr("0 &lt; |f′| ≤ {t}  (5.91 % of the peak slope)").format(
                t=fmt_number(a.saturation_threshold())),
        )
        for key, text in zip(self._KEYS, texts, strict=True):
            self._set(self.values[key], text)
        head = color.darker(115).name()
        self._set(self.title, f"<span style='color:{head}'>{a.label}</span>")
        self._set(self.peak, self.tr("{name}: peak slope {peak} at {where}").format(
            name=a.label, peak=fmt_number(a.peak_slope), where=a.peak_where))

    def text(self) -> str:
        """Everything the card shows, as one rich-text string (for tests and export)."""
        parts = [self.title.text()]
        parts += [self.values[k].text() for k in self._KEYS]
        parts.append(self.peak.text())
        return "\n".join(parts)


class CurveNotes(QTextBrowser):
    """Short notes for a learner: sigmoid vs tanh, ReLU, the shaded zones, softmax."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationNotes")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setToolTip(self.tr("Notes on the activations shown here."))
        self.document().setDefaultStyleSheet(
            "h3 { font-size: 11pt; margin-top: 10px; margin-bottom: 2px; }"
            "p { margin-top: 2px; margin-bottom: 4px; }")
        self.setHtml(self._html())

    def _html(self) -> str:
        parts = [
            "<h3>{}</h3>".format(self.tr("Sigmoid or tanh?")),
            "<p>{}</p>".format(self.tr(
                "Both are S-shaped, and the sigmoid is just a shifted, rescaled tanh: "
                "σ(z) = (1 + tanh(z/2)) / 2. The sigmoid outputs lie between 0 and 1 and its "
                "slope is never above 0.25; tanh outputs lie between −1 and 1 and its slope "
                "reaches 1 at z = 0.")),
            "<p>{}</p>".format(self.tr(
                "Why zero-centring matters: the gradient of weight w<sub>jk</sub> into unit j "
                "is a<sub>k</sub>·δ<sub>j</sub>. If every input a<sub>k</sub> is positive, as "
                "sigmoid outputs always are, all these gradients share the sign of "
                "δ<sub>j</sub>, so one step moves all of the unit's incoming weights up "
                "together or down together. Tanh outputs take both signs, which removes that "
                "bias. It is a rule of thumb, not a guarantee: the gain varies by task.")),
            "<h3>{}</h3>".format(self.tr("ReLU")),
            "<p>{}</p>".format(self.tr(
                "max(0, z) costs one comparison, and for z &gt; 0 its slope is exactly 1, so "
                "it never saturates on that side. For z ≤ 0 the output and the slope are both "
                "0. If a unit's z is ≤ 0 for every training input, no gradient reaches its "
                "weights or bias, so they stop changing and the unit stays dead. "
                "Leaky ReLU and ELU keep a small slope there.")),
            "<h3>{}</h3>".format(self.tr("The shaded zones")),
            "<p>{}</p>".format(self.tr(
                "<span style='color:{sat}'>■</span> Saturated: the slope is at most 5.91 % "
                "of the steepest slope, so a gradient passing back is at least 17 times weaker "
                "than at the steepest point (for tanh this is exactly |tanh z| ≥ 0.97). "
                "<span style='color:{dead}'>■</span> Dead: the slope is exactly 0 and "
                "nothing passes. Zones are drawn for the selected activation.").format(
                    sat=theme.SATURATED, dead=theme.DEAD)),
            "<h3>{}</h3>".format(self.tr("Softmax")),
            "<p>{}</p>".format(self.tr(
                "Softmax is not applied one number at a time: it turns a whole vector of "
                "scores into probabilities that add up to 1. It is used in the output layer "
                "of a classifier. See the Softmax page.")),
        ]
        return "".join(parts)

