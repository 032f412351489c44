"""Data sets as thumbnails: a small rendered scatter of each engine data set, picked by a click.

The icons are painted once from `datasets.generate(name, 200, 0, 0)` in the class colours the
decision plane uses (regression targets on its orange-white-blue scale), so a learner sees the
shape before choosing it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from actgui.engine import datasets
from actgui.ui import theme

# The same class colours as the decision plane (boundary_view.CLASS_COLORS).
CLASS_COLORS = (theme.NEGATIVE, theme.POSITIVE, "#009E73", "#CC79A7")
ICON_SIZE = 40
COLUMNS = 5  # two rows for the nine data sets
_ROLE = Qt.ItemDataRole.UserRole

_KIND_TEXT = {
    "binary": QT_TRANSLATE_NOOP("DatasetPicker", "two classes"),
    "multiclass": QT_TRANSLATE_NOOP("DatasetPicker", "{n} classes"),
    "regression": QT_TRANSLATE_NOOP("DatasetPicker", "regression (a number per point)"),
}


def kind_text(name: str) -> str:
    """A short description of the data set's kind, translated."""
    kind = datasets.kind(name)
    text = QCoreApplication.translate("DatasetPicker", _KIND_TEXT[kind])
    return text.format(n=datasets.n_classes(name))


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                           a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def _value_color(v: float) -> QColor:
    """Orange (-1) through white (0) to blue (+1), as the decision plane shows targets."""
    white = QColor("#FFFFFF")
    end = QColor(theme.POSITIVE if v >= 0 else theme.NEGATIVE)
    return _mix(white, end, min(1.0, abs(float(v))))


def thumbnail(name: str, size: int = ICON_SIZE, scale: float = 2.0) -> QPixmap:
    """A scatter of 200 noiseless points of data set `name` on a light background."""
    px = int(size * scale)
    pixmap = QPixmap(px, px)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(QColor("#FFFFFF"))
    X, y = datasets.generate(name, 200, 0.0, 0)
    lo, hi = datasets.DOMAIN
    pad = 3.0
    span = size - 2 * pad
    u = pad + (X[:, 0] - lo) / (hi - lo) * span
    v = pad + (hi - X[:, 1]) / (hi - lo) * span  # x2 grows upwards
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#D5DEE8"), 1.0))
    p.setBrush(QBrush(QColor("#F7F9FB")))
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 4, 4)
    edge = QPen(QColor(0, 0, 0, 70), 0.4)
    r = 1.6
    regression = datasets.kind(name) == "regression"
    order = np.argsort(np.abs(y)) if regression else np.arange(len(y))
    for k in order:
        color = _value_color(y[k]) if regression else QColor(CLASS_COLORS[int(y[k]) % 4])
        p.setPen(edge)
        p.setBrush(QBrush(color))
        p.drawEllipse(QRectF(u[k] - r, v[k] - r, 2 * r, 2 * r))
    p.end()
    return pixmap


class DatasetPicker(QListWidget):
    """A grid of data set thumbnails; `dataset_chosen(name)` when the learner picks one."""

    dataset_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("datasetPicker")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setGridSize(QSize(ICON_SIZE + 12, ICON_SIZE + 8))
        self.setSpacing(0)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(
            "#datasetPicker { background: transparent; border: none; }"
            "#datasetPicker::item { border: 2px solid transparent; border-radius: 6px; }"
            "#datasetPicker::item:hover { border-color: #B9CCE0; }"
            "#datasetPicker::item:selected { border-color: #0072B2; background: #DCEBF7; }")
        for name in datasets.names():
            item = QListWidgetItem(QIcon(thumbnail(name)), "")
            item.setData(_ROLE, name)
            label = QCoreApplication.translate("datasets", datasets.label(name))
            item.setToolTip(self.tr("<b>{0}</b><br>{1}").format(label, kind_text(name)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            self.addItem(item)
        self.setToolTip(self.tr("Choose the data the network learns. Hover over a picture to "
                                "see its name; orange and blue are the two classes."))
        self.currentItemChanged.connect(self._on_current)
        rows = -(-self.count() // COLUMNS)
        self.setFixedHeight(rows * (ICON_SIZE + 8) + 2 * self.frameWidth() + 2)

    def names(self) -> list[str]:
        return [self.item(i).data(_ROLE) for i in range(self.count())]

    def dataset(self) -> str | None:
        item = self.currentItem()
        return item.data(_ROLE) if item is not None else None

    def set_dataset(self, name: str) -> None:
        """Select `name` without emitting dataset_chosen."""
        row = self.names().index(name)
        if row != self.currentRow():
            blocked = self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(blocked)

    def _on_current(self, current, _previous) -> None:
        if current is not None:
            self.dataset_chosen.emit(current.data(_ROLE))

    def resizeEvent(self, event) -> None:
        # Spread the columns over the width, so the nine pictures always take two rows.
        cell = max(ICON_SIZE + 4, (self.viewport().width() - 4) // COLUMNS)
        if cell != self.gridSize().width():
            self.setGridSize(QSize(cell, ICON_SIZE + 8))
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(COLUMNS * (ICON_SIZE + 12) + 2 * self.frameWidth() + 4, self.height())
