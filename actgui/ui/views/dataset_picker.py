"""The Data group of the Training page, around a picker of data sets shown as thumbnails.

The thumbnails are painted once from `datasets.generate(name, 200, 0, 0)` in the class colours
the decision plane uses (regression targets on its orange-white-blue scale), so a learner sees
the shape before choosing it. `DataGroup` adds the noise, training share and point count and
the Regenerate and Import buttons; like the rest of the settings column it only shows a
configuration (`set_config`, signals blocked) and asks for changes (`changes_requested`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from actgui.engine import datasets
from actgui.engine.config import TrainConfig, train_count
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


class KeepArrowKeys(QObject):
    """An event filter that lets sliders and lists keep their arrow keys while they have focus
    (the Training page binds → to Step): accepting the ShortcutOverride makes Qt deliver the
    key to the widget instead of the page's shortcut."""

    KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
            Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.KEYS:
            event.accept()
        return False


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


def _caption(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setToolTip(tip)
    return label


class DataGroup(QGroupBox):
    """Which points the network learns: the data set, its noise, the share used for training,
    the number of points; Regenerate and Import CSV. See the module docstring."""

    changes_requested = Signal(dict)  # TrainConfig field -> new value
    regenerate_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(self.tr("Data"), parent)
        self.setObjectName("dataGroup")
        self._config = TrainConfig()
        self._keep_keys = KeepArrowKeys(self)
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 8)
        self.picker = DatasetPicker()
        self.picker.installEventFilter(self._keep_keys)
        self.picker.dataset_chosen.connect(lambda name: self._ask(dataset=name))
        v.addWidget(self.picker)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(8)
        v.addLayout(form)

        tip = self.tr("How much the points are scattered away from the clean shape. More noise "
                      "makes the classes overlap, so no boundary can be perfect.")
        self.noise_slider = self._slider("noiseSlider", 0, 50, 5, tip)
        self.noise_value = QLabel()
        self.noise_slider.sliderMoved.connect(lambda v: self.noise_value.setText(f"{v} %"))
        self.noise_slider.valueChanged.connect(lambda v: self._ask(noise=v / 100.0))
        form.addRow(_caption(self.tr("Noise"), tip), self._with_value(self.noise_slider,
                                                                    self.noise_value))

        tip = self.tr("Share of the points used for training; the rest are test points (rings) "
                      "that show how well the network does on data it never learned from.")
        self.train_slider = self._slider("trainShareSlider", 10, 90, 10, tip)
        self.train_value = QLabel()
        self.train_slider.sliderMoved.connect(lambda v: self.train_value.setText(f"{v} %"))
        self.train_slider.valueChanged.connect(self._on_train_share)
        form.addRow(_caption(self.tr("Training"), tip), self._with_value(self.train_slider,
                                                                       self.train_value))

        tip = self.tr("How many points the data set has (training and test together).")
        self.points_spin = QSpinBox()
        self.points_spin.setObjectName("pointsSpin")
        self.points_spin.setRange(20, 5000)
        self.points_spin.setSingleStep(50)
        self.points_spin.setKeyboardTracking(False)
        self.points_spin.setToolTip(tip)
        self.points_spin.valueChanged.connect(self._on_points)
        form.addRow(_caption(self.tr("Points"), tip), self.points_spin)

        row = QHBoxLayout()
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(self.tr(
            "Draw new random points of the same kind; the network starts again."))
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setToolTip(self.tr(
            "Replace the points by your own from a CSV file with the columns x1, x2, label "
            "(coordinates between −6 and 6)."))
        self.import_button.clicked.connect(self.import_requested)
        row.addWidget(self.regenerate_button)
        row.addWidget(self.import_button)
        v.addLayout(row)

    def _with_value(self, slider: QSlider, value: QLabel) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(slider, 1)
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100 %") + 2)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setToolTip(slider.toolTip())
        h.addWidget(value)
        return w

    def _slider(self, name, low, high, step, tip) -> QSlider:
        s = QSlider(Qt.Orientation.Horizontal)
        s.setObjectName(name)
        s.setRange(low, high)
        s.setSingleStep(step)
        s.setPageStep(step)
        s.setTickInterval(step)
        s.setTracking(False)  # regenerate once on release, not on every pixel
        s.setToolTip(tip)
        s.installEventFilter(self._keep_keys)
        return s

    def set_config(self, c: TrainConfig) -> None:
        """Show configuration `c` (without emitting changes)."""
        self._config = c
        widgets = (self.picker, self.noise_slider, self.train_slider, self.points_spin)
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.picker.set_dataset(c.dataset)
            self.noise_slider.setValue(round(c.noise * 100))
            self.noise_value.setText(f"{round(c.noise * 100)} %")
            self.train_slider.setValue(round(c.train_fraction * 100))
            self.train_value.setText(f"{round(c.train_fraction * 100)} %")
            self.points_spin.setValue(c.n_points)
        finally:
            for w, b in zip(widgets, blocked, strict=True):
                w.blockSignals(b)

    def _ask(self, **changes) -> None:
        self.changes_requested.emit(changes)

    def _fit_batch(self, changes: dict) -> dict:
        """Shrink the batch size with the training set, so fewer points never fail."""
        c = self._config
        n = changes.get("n_points", c.n_points)
        f = changes.get("train_fraction", c.train_fraction)
        n_train = train_count(n, f)
        if c.batch_size > n_train:
            changes["batch_size"] = n_train
        return changes

    def _on_train_share(self, value: int) -> None:
        self.train_value.setText(f"{value} %")
        self._ask(**self._fit_batch({"train_fraction": value / 100.0}))

    def _on_points(self, value: int) -> None:
        self._ask(**self._fit_batch({"n_points": value}))
