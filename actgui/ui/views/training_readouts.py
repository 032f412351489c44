"""The key numbers of the Training page in large type: epoch and step, the losses and the
accuracies, with a line of layer diagnostics under them. Labels are only re-set when their text
changes, so a frame costs a few string comparisons.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
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
    """Epoch and step, losses and accuracies, in large type above the decision plane.

    The four tiles sit in one row when the readouts are wide enough for all of them, and
    in two rows of two in a narrow window, so no number is ever cut off. The height follows
    the arrangement and the diagnostics text's wrapping, never the changing values (the
    plane below must not jump while training).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readouts")
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
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
        for key, caption, tip in tiles:
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
            self.captions[key] = cap
            self.values[key] = value
        self.step = QLabel()
        self.step.setObjectName("stepLabel")
        self.step.setStyleSheet("color: #5B6B7B;")
        self.step.setToolTip(tiles[0][2])
        self.diagnostics = QLabel()
        self.diagnostics.setObjectName("diagnosticsLabel")
        self.diagnostics.setStyleSheet("color: #3A4A5A;")
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.diagnostics.setToolTip(self.tr(
            "Dead units get no gradient on any training point; saturated units sit on a flat "
            "part of their activation for most points. The same-sign share per layer is how "
            "often all weights into a unit must move the same way (1.0 behind sigmoid)."))
        self._layers = 1  # same-sign shares in the diagnostics text
        self._columns = 0  # tiles per row: 4, or 2 when narrow
        self._fitted = None  # (text, width) the diagnostics' height was last set for
        self._arrange(4)

    # -- layout ------------------------------------------------------------------------------

    def _arrange(self, columns: int) -> None:
        """Tiles in one row of four, or in two rows of two; step and diagnostics below."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for w in (*self.captions.values(), *self.values.values(), self.step, self.diagnostics):
            grid.removeWidget(w)
        for k, key in enumerate(self.values):
            row, col = 2 * (k // columns), k % columns
            grid.addWidget(self.captions[key], row, col)
            grid.addWidget(self.values[key], row + 1, col)
        if columns == 4:  # the step under the epoch, the diagnostics beside it
            grid.addWidget(self.step, 2, 0)
            grid.addWidget(self.diagnostics, 2, 1, 1, 3)
        else:  # the diagnostics across the full width; the status bar still shows the step
            grid.addWidget(self.diagnostics, 4, 0, 1, 2)
        self.step.setVisible(columns == 4)
        for col in range(4):
            grid.setColumnStretch(col, 1 if col == columns - 1 else 0)
        self._fit_diagnostics()
        self.updateGeometry()

    def _tile_width(self, key: str) -> int:
        value = self.values[key]
        return max(self.captions[key].sizeHint().width(), value.sizeHint().width(),
                   value.minimumWidth())

    def _margins(self) -> int:
        """Left and right margins of the grid and the frame together."""
        a, b = self._grid.contentsMargins(), self.contentsMargins()
        return a.left() + a.right() + b.left() + b.right()

    def wide_width(self) -> int:
        """The width the four tiles need in one row."""
        widths = [self._tile_width(k) for k in self.values]
        widths[0] = max(widths[0], self.step.sizeHint().width())  # the epoch's column
        return sum(widths) + 3 * self._grid.horizontalSpacing() + self._margins()

    def narrow_width(self) -> int:
        """The width two rows of two tiles need (the readouts' minimum)."""
        epoch, train, test, acc = (self._tile_width(k) for k in self.values)
        left = max(epoch, test)  # (the step is hidden then)
        return left + max(train, acc) + self._grid.horizontalSpacing() + self._margins()

    def _fit_diagnostics(self) -> None:
        """Make the diagnostics as high as its text needs at its width with the widest
        values, so it never gets cut off and never changes height while training."""
        label = self.diagnostics
        widest = self.tr("dead units {0} · saturated {1}\nsame-sign share {2}").format(
            "888", "888", " · ".join([fmt_share(1.0)] * self._layers))
        width = self.width() - self._margins()
        if self._columns == 4:  # beside the epoch's column
            epoch = max(self._tile_width("epoch"), self.step.sizeHint().width())
            width -= epoch + self._grid.horizontalSpacing()
        width = max(width, 40)
        if (widest, width) == self._fitted:
            return  # (called on every layout request, i.e. most frames)
        self._fitted = (widest, width)
        fm = label.fontMetrics()
        needed = fm.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, widest).height()
        needed = max(needed, 2 * fm.lineSpacing())
        if label.minimumHeight() != needed:
            label.setMinimumHeight(needed)

    def _fit(self) -> None:
        self._arrange(4 if self.width() >= self.wide_width() else 2)
        self._fit_diagnostics()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a value's text grew or shrank
            self._fit()
        return super().event(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        # Splitters ignore height-for-width: the diagnostics' minimum height is set for the
        # current width instead (see _fit_diagnostics), which keeps the text whole.
        return False

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        hint.setWidth(self.narrow_width())
        return hint

    def sizeHint(self):  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        hint.setWidth(self.wide_width() if self._columns == 4 else self.narrow_width())
        hint.setHeight(max(hint.height(), super().minimumSizeHint().height()))
        return hint

    # -- values ------------------------------------------------------------------------------

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
        if len(d.same_sign) != self._layers:
            self._layers = len(d.same_sign)
            self._fit_diagnostics()
