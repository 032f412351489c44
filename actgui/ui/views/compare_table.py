"""The Compare page's live table: one row per activation, the numbers behind the curves.

Every cell keeps its raw numbers beside its text: `Qt.UserRole` holds the mean over seeds,
`Qt.UserRole + 1` the standard deviation (0 for a single seed), so tests and tools read the
values, not the formatting. Only cells whose text changed are touched, and the best value of
each loss, accuracy and speed column is set in bold.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from actgui.ui import theme
from actgui.ui.compare_controller import METRICS
from actgui.ui.views.compare_common import (
    PM,
    activation_label,
    fmt_count_pm,
    fmt_loss,
    fmt_loss_pm,
    fmt_share_pm,
)

MEAN_ROLE = Qt.ItemDataRole.UserRole
STD_ROLE = Qt.ItemDataRole.UserRole + 1
BEST_BACKGROUND = "#E3F2E5"
# metric -> +1 when higher is better, -1 when lower is better, 0 when neither (diagnostics)
_BETTER = {"train_loss": -1, "test_loss": -1, "train_acc": 1, "test_acc": 1,
           "epochs_to_target": -1, "dead": 0, "saturated": 0, "same_sign": 0}
_TIPS = {
    "activation": QT_TRANSLATE_NOOP(
        "CompareTable",
        "The activation of every hidden unit in this row's "
        "networks."),
    "train_loss": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Loss on the training points: what training "
        "minimises."),
    "test_loss": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Loss on the test points, which the networks never "
        "train on: the fairer measure of what they learned."),
    "train_acc": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Share of training points classified correctly."),
    "test_acc": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Share of test points classified correctly."),
    "epochs_to_target": QT_TRANSLATE_NOOP(
        "CompareTable",
        "The first recorded epoch at which the test loss was at or below the target: "
        "fewer means faster learning. Over several seeds the mean of the seeds that got "
        "there, and (in brackets) how many did when not all have."),
    "dead": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Hidden units whose activation has zero slope on every "
        "training point: they no longer learn (ReLU's dying)."),
    "saturated": QT_TRANSLATE_NOOP(
        "CompareTable",
        "Hidden units sitting on a flat part of their "
        "activation for most training points, so their "
        "gradient is tiny."),
    "same_sign": QT_TRANSLATE_NOOP(
        "CompareTable",
        "How often all weights into a unit must move the same way in one update, "
        "averaged over the layers fed by hidden units. Always 100 % behind sigmoid, whose "
        "outputs are all positive; zero-centred tanh leaves room for mixed signs."),
}


def _swatch(color: QColor) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(1, 1, 12, 12)
    p.end()
    return QIcon(pix)


class CompareTable(QTableWidget):
    COLUMNS = ("activation", *METRICS)

    def __init__(self, parent=None):
        super().__init__(0, len(self.COLUMNS), parent)
        self.setObjectName("compareTable")
        self.setToolTip(self.tr(
            "The numbers behind the curves, one row per activation; the best value of each "
            "loss, accuracy and speed column is in bold. With several seeds each cell shows "
            "mean ± standard deviation over the seeds."))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._headers_key = None
        self._names: tuple[str, ...] = ()
        self._fits = True  # every column at its natural width fits: they share the width

    # -- structure -------------------------------------------------------------------------

    def _set_headers(self, target: float, units: int) -> None:
        key = (target, units)
        if key == self._headers_key:
            return
        self._headers_key = key
        texts = {
            "activation": self.tr("Activation"),
            "train_loss": self.tr("Train\nloss"), "test_loss": self.tr("Test\nloss"),
            "train_acc": self.tr("Train\naccuracy"), "test_acc": self.tr("Test\naccuracy"),
            "epochs_to_target": self.tr("Epochs to\ntest loss ≤ {0}").format(f"{target:g}"),
            "dead": self.tr("Dead units\n(of {0})").format(units),
            "saturated": self.tr("Saturated\n(of {0})").format(units),
            "same_sign": self.tr("Same-sign\nupdates"),
        }
        for c, key in enumerate(self.COLUMNS):
            item = QTableWidgetItem(texts[key])
            item.setToolTip(self.tr(_TIPS[key]))
            self.setHorizontalHeaderItem(c, item)

    def _set_names(self, names: tuple[str, ...]) -> None:
        self._names = names
        self.setRowCount(len(names))
        for r, name in enumerate(names):
            item = QTableWidgetItem(_swatch(theme.activation_color(name)),
                                    activation_label(name))
            item.setForeground(QBrush(theme.activation_color(name).darker(115)))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.setItem(r, 0, item)
            for c in range(1, len(self.COLUMNS)):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, cell)
        self._fix_height()

    def _fit_columns(self) -> None:
        """Columns share the width while every header and cell fits at its natural width; in
        a narrower table (a 1024-pixel projector) they keep their natural widths and the table
        scrolls sideways, as a squeezed "Epochs to test loss" header would be cut off."""
        header = self.horizontalHeader()
        need = sum(max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
                   for c in range(self.columnCount()))
        fits = need <= self.viewport().width()
        if fits != self._fits:
            self._fits = fits
            mode = (QHeaderView.ResizeMode.Stretch if fits
                    else QHeaderView.ResizeMode.ResizeToContents)
            for c in range(1, self.columnCount()):
                header.setSectionResizeMode(c, mode)
            self._fix_height()

    def _fix_height(self) -> None:
        """Exactly the header and the rows (and the sideways scroll bar when it shows)."""
        height = self.horizontalHeader().sizeHint().height() + 30 * self.rowCount() + 4
        if not self._fits:
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_columns()

    # -- values ----------------------------------------------------------------------------

    def set_rows(self, rows, target: float, hidden_units: int) -> None:
        """Show the controller's `ActivationRow`s."""
        self._set_headers(target, hidden_units)
        names = tuple(r.activation for r in rows)
        if names != self._names:
            self._set_names(names)
        for r, row in enumerate(rows):
            self._set_activation_cell(r, row)
            for c, key in enumerate(METRICS, start=1):
                mean, std = row.values[key]
                self._set_cell(r, c, self._text(key, mean, std, row), mean, std)
        self._mark_best(rows)
        self._fit_columns()  # cells widen with "± std" and "(2/3)"

    def _text(self, key: str, mean: float, std: float, row) -> str:
        n = row.seeds
        if key in ("train_loss", "test_loss"):
            return fmt_loss_pm(mean, std, n)
        if key in ("train_acc", "test_acc", "same_sign"):
            return fmt_share_pm(mean, std, n)
        if key == "epochs_to_target":
            if row.reached == 0:
                return self.tr("not yet") if n == 1 else \
                    self.tr("not yet (0/{0})").format(n)
            if n == 1:
                return f"{mean:.0f}"
            text = f"{mean:.0f}{PM}{std:.0f}"
            if row.reached < n:
                text += self.tr(" ({0}/{1})").format(row.reached, n)
            return text
        return fmt_count_pm(mean, std, n)

    def _set_activation_cell(self, r: int, row) -> None:
        item = self.item(r, 0)
        bad = [d for d in row.diverged if d is not None]
        text = activation_label(row.activation)
        if bad:
            text += self.tr(" · diverged") if row.seeds == 1 else \
                self.tr(" · {0} diverged").format(len(bad))
        if item.text() != text:
            item.setText(text)
            item.setToolTip(self.tr(
                "Diverged runs are frozen at their last finite weights; the first diverged "
                "at step {0}.").format(f"{min(bad):,}") if bad else self.tr(_TIPS["activation"]))

    def _set_cell(self, r: int, c: int, text: str, mean: float, std: float) -> None:
        item = self.item(r, c)
        if item.text() != text:
            item.setText(text)
        if not _same(item.data(MEAN_ROLE), mean):
            item.setData(MEAN_ROLE, mean)
        if not _same(item.data(STD_ROLE), std):
            item.setData(STD_ROLE, std)

    def _mark_best(self, rows) -> None:
        """Bold the best mean of each column, compared as shown (two cells that both read
        "100 %" are both best)."""
        for c, key in enumerate(METRICS, start=1):
            sign = _BETTER[key]
            values = [_shown(key, row.values[key][0], row.seeds) for row in rows]
            finite = [sign * v for v in values if math.isfinite(v)]
            tie = len(finite) == len(values) and len(set(finite)) == 1
            best = max(finite) if sign and finite and not tie else None  # no bold for a tie
            for r, v in enumerate(values):
                on = best is not None and math.isfinite(v) and sign * v == best
                item = self.item(r, c)
                if item.font().bold() != on:
                    font = item.font()
                    font.setBold(on)
                    item.setFont(font)
                    item.setBackground(QBrush(QColor(theme.ink(BEST_BACKGROUND))) if on
                                       else QBrush())

    def cell_values(self, row: int, column: int) -> tuple[float, float]:
        """The (mean, std) stored in a cell."""
        item = self.item(row, column)
        return item.data(MEAN_ROLE), item.data(STD_ROLE)


def _shown(key: str, v: float, seeds: int) -> float:
    """A mean rounded as the table shows it."""
    if not math.isfinite(v):
        return v
    if key in ("train_loss", "test_loss"):
        return float(fmt_loss(v))
    if key in ("train_acc", "test_acc", "same_sign"):
        return float(round(100 * v))
    return round(v, 0 if seeds == 1 else 1)


def _same(old, new: float) -> bool:
    return old is not None and (old == new or (math.isnan(old) and math.isnan(new)))
