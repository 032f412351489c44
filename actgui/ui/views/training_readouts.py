"""The key numbers of the Training page in large type: epoch and step, the losses and the
accuracies, with a line of layer diagnostics under them. Labels are only re-set when their text
changes, so a frame costs a few string comparisons.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

# Typical widest values, for the columns' minimum widths.
WIDEST = {"epoch": "8,888", "trainLoss": "0.888", "testLoss": "0.888",
          "accuracy": "88 % · 88 %"}


def fmt_metric(v: float) -> str:
    """A loss: 3 decimals; short scientific when tiny or huge ("1.2e−5", "2.9e285", which
    fit the readout's column); a dash when undefined."""
    if not math.isfinite(v):
        return "—" if math.isnan(v) else "∞"
    if 1e-3 <= abs(v) < 1e4 or v == 0:
        return f"{v:.3f}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


def fmt_share(v: float) -> str:
    """A share as a percentage; the no-break space keeps "52 %" on one line."""
    return "—" if not math.isfinite(v) else f"{100 * v:.0f}\u00a0%"


def set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class Readouts(QFrame):
    """Epoch and step, losses and accuracies, in large type above the decision plane."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readouts")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        tiles = (
            ("epoch", self.tr("Epoch"), self.tr(
                "Passes through the training data so far; the step count below is the number "
                "of mini-batches.")),
            ("trainLoss", self.tr("Train loss"), self.tr(
                "The loss on the training points (filled dots): what the network minimises.")),
            ("testLoss", self.tr("Test loss"), self.tr(
                "The loss on the test points (rings), which the network never trains on.")),
            ("accuracy", self.tr("Accuracy train · test"), self.tr(
                "Share of training and of test points on the right side of the boundary.")),
        )
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.55)
        big.setBold(True)
        for col, (key, caption, tip) in enumerate(tiles):
            cap = QLabel(caption)
            cap.setStyleSheet("color: #5B6B7B;")
            cap.setToolTip(tip)
            value = QLabel("—")
            value.setObjectName(f"{key}Label")
            value.setFont(big)
            value.setToolTip(tip)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # room for typical values from the start, so the columns do not shift as they grow
            value.setMinimumWidth(QFontMetrics(big).horizontalAdvance(WIDEST[key]))
            grid.addWidget(cap, 0, col)
            grid.addWidget(value, 1, col)
            self.values[key] = value
        self.step = QLabel()
        self.step.setObjectName("stepLabel")
        self.step.setStyleSheet("color: #5B6B7B;")
        self.step.setToolTip(tiles[0][2])
        grid.addWidget(self.step, 2, 0)
        self.diagnostics = QLabel()
        self.diagnostics.setObjectName("diagnosticsLabel")
        self.diagnostics.setStyleSheet("color: #3A4A5A;")
        self.diagnostics.setWordWrap(True)
        # always two lines high: a text that wraps now and then would make the plane below
        # jump up and down while training
        self.diagnostics.setMinimumHeight(2 * self.diagnostics.fontMetrics().lineSpacing())
        self.diagnostics.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.diagnostics.setToolTip(self.tr(
            "Dead units get no gradient on any training point; saturated units sit on a flat "
            "part of their activation for most points. The same-sign share per layer is how "
            "often all weights into a unit must move the same way (1.0 behind sigmoid)."))
        grid.addWidget(self.diagnostics, 2, 1, 1, 3)
        grid.setColumnStretch(3, 1)

    def show_snapshot(self, s) -> None:
        v = self.values
        set_text(v["epoch"], f"{s.epoch:,}")
        set_text(self.step, self.tr("step {0}").format(f"{s.step:,}"))
        set_text(v["trainLoss"], fmt_metric(s.train_loss))
        set_text(v["testLoss"], fmt_metric(s.test_loss))
        if s.config.output_kind == "linear":
            set_text(v["accuracy"], "—")
        else:
            set_text(v["accuracy"], f"{fmt_share(s.train_acc)} · {fmt_share(s.test_acc)}")
        d = s.diagnostics
        shares = " · ".join(fmt_share(x) for x in d.same_sign)
        set_text(self.diagnostics, self.tr(
            "dead units {0} · saturated {1}\nsame-sign share {2}").format(
                d.dead_count, d.saturated_count, shares))
