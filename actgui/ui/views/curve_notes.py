"""Text beside the curve plots: the formula card of one activation and the short notes."""

from __future__ import annotations

import math
import re

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QTextBrowser, QWidget

from actgui.engine import activations as act
from actgui.ui import theme
from actgui.ui.i18n import activation_label, engine_text


def fmt_number(v: float) -> str:
    """A compact number for labels: Unicode minus, ∞ for infinities, 4 significant digits."""
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.4g}"
    return text.replace("-", "−")


_DIGIT = re.compile(r"[0-9]")


def _tabular_digits(font) -> bool:
    """Whether every digit has the same advance in this font, and in its bold face (UI fonts
    almost always have tabular figures); then a text's size depends only on its shape."""
    for bold in (False, True):
        face = QFont(font)
        face.setBold(bold)
        metrics = QFontMetricsF(face)
        if len({metrics.horizontalAdvance(d) for d in "0123456789"}) != 1:
            return False
    return True


_TABULAR: dict[str, bool] = {}


def tabular_digits(font) -> bool:
    """_tabular_digits(font), remembered per font."""
    key = font.key()
    if key not in _TABULAR:
        _TABULAR[key] = _tabular_digits(font)
    return _TABULAR[key]


def text_shape(text: str) -> str:
    """The text with every digit made 0: with tabular digits, texts of one shape are
    equally wide."""
    return _DIGIT.sub("0", text)


class _Holder(QWidget):
    """The layout-less box a SteadyLabel sits in; the parent layout sees it in the label's
    place, with the label's size hints."""

    def __init__(self, label: QLabel):
        super().__init__()
        self._label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return self._label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._label.heightForWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._label.setGeometry(self.rect())


class SteadyLabel(QLabel):
    """A QLabel whose text can change without re-laying out the page around it.

    QLabel.setText always makes the parent layout recompute: on the explorer pages every
    slider step re-laid out the page (each word-wrapped label's height for its width, the
    splitter, the side column) and painted the changed area twice. A SteadyLabel lives in a
    layout-less holder: put ``label.holder`` in the layout. A new text repaints the label,
    and the layout runs again only when the text needs more room or a different height.
    """

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self._fitted = None  # (text shape, box size) known to fit
        self.holder = _Holder(self)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        if text == self.text():
            return
        super().setText(text)
        rich = self.textFormat() == Qt.TextFormat.RichText or (
            self.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
        self._fit(measure=rich)

    def _fit(self, measure: bool = False) -> None:
        """Ask for a relayout only if the text no longer fits the box the label has.

        A text that differs from one that fitted this box only in its digits (a new value
        in the same format) fits as well when the font's digits all have the same width,
        and plain text is then not measured at all. Rich text is measured anyway: QLabel
        lays it out lazily in paintEvent, and that layout asks for a repaint from inside
        the paint (Qt posts an UpdateLater), so every new text was painted twice, with the
        card and the page behind it. Measuring lays it out here instead.
        """
        holder = self.holder
        if not holder.isVisible():
            self._fitted = None
            holder.updateGeometry()
            return
        width, height = holder.width(), holder.height()
        shape = ((text_shape(self.text()), width, height) if tabular_digits(self.font())
                 else None)
        known = shape is not None and shape == self._fitted
        if known and not measure:
            return
        if self.hasHeightForWidth():
            fits = self.heightForWidth(width) == height
            if fits and not known:
                fits = self.minimumSizeHint().width() <= width
        else:
            hint = self.sizeHint()
            fits = hint.width() <= width and hint.height() <= height
        self._fitted = shape if fits else None
        if not fits:
            holder.updateGeometry()

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 (Qt override)
        super().setWordWrap(on)
        self.holder.setSizePolicy(self.sizePolicy())  # word wrap means height-for-width
        self._fitted = None
        self._fit()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        super().setVisible(visible)
        self.holder.setVisible(visible)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if hasattr(self, "holder") and event.type() in (QEvent.Type.FontChange,
                                                        QEvent.Type.StyleChange):
            self._fitted = None
            self._fit()


class FormulaCard(QFrame):
    """f and f' of the selected activation, with its range, centring and steepest slope.

    One small label per fact, each updated only when its text changes and each a
    SteadyLabel: a slider step repaints one short line and re-lays out nothing.
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
        grid.addWidget(self.title.holder, 0, 0, 1, 2)
        for row, (key, name) in enumerate(zip(self._KEYS, names, strict=True), start=1):
            head = QLabel(name)
            head.setStyleSheet("color: #555;")
            head.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, row, 0)
            self.values[key] = self._label(key)
            grid.addWidget(self.values[key].holder, row, 1)
        grid.addWidget(self.peak.holder, len(self._KEYS) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def _label(self, name: str) -> SteadyLabel:
        label = SteadyLabel()
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
        self._set(self.title, f"<span style='color:{head}'>{activation_label(a.name)}</span>")
        self._set(self.peak, self.tr("{name}: peak slope {peak} at {where}").format(
            name=activation_label(a.name), peak=fmt_number(a.peak_slope),
            where=engine_text(a.peak_where)))

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

