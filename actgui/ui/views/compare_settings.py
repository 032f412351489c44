"""The Compare page's settings column: which activations race, and the settings they share.

The panel only shows a state and asks for changes: `activations_requested(list)`,
`changes_requested(dict)` (TrainConfig fields) and `seed_count_requested(int)`. Text it cannot
parse is reported through `invalid(str)`. After any request the page calls `set_state` with
the controller's state, so the panel always shows what is actually in use; `set_state`
blocks the widgets' signals.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QRegularExpression,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from actgui.engine import activations, datasets
from actgui.engine.config import TrainConfig
from actgui.ui import theme
from actgui.ui.compare_controller import MAX_ACTIVATIONS, MAX_SEEDS, MIN_ACTIVATIONS
from actgui.ui.views.compare_common import activation_label
from actgui.ui.views.dataset_picker import thumbnail

LEARNING_RATES = (0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
_OPTIMIZERS = (("sgd", QT_TRANSLATE_NOOP("CompareSettings", "SGD")),
               ("momentum", QT_TRANSLATE_NOOP("CompareSettings", "Momentum")),
               ("adam", QT_TRANSLATE_NOOP("CompareSettings", "Adam")))
_INITS = (("uniform", QT_TRANSLATE_NOOP("CompareSettings", "Uniform ±0.5")),
          ("xavier", QT_TRANSLATE_NOOP("CompareSettings", "Xavier (Glorot)")),
          ("he", QT_TRANSLATE_NOOP("CompareSettings", "He")))
_ROLE = Qt.ItemDataRole.UserRole


def _line_icon(name: str) -> QIcon:
    """A short stroke in the activation's colour and dash, as its curves are drawn."""
    pix = QPixmap(22, 12)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(theme.activation_pen(name, 3.0))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(2, 6, 20, 6)
    p.end()
    return QIcon(pix)


def parse_hidden(text: str) -> tuple[int, ...]:
    """ "8, 8" -> (8, 8); "" -> () (no hidden layer). Ranges are the engine's to check."""
    parts = text.replace(",", " ").split()
    try:
        return tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "CompareSettings",
            "hidden: write the units of each layer as whole numbers separated by commas, "
            "e.g. “8, 8”; got “{0}”").format(text)) from None


def parse_rate(text: str) -> float:
    try:
        v = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "CompareSettings",
            "learning_rate must be a number such as 0.03, got “{0}”").format(text)) from None
    return v


def _label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setToolTip(tip)
    return label


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setContentsMargins(8, 6, 8, 8)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(5)
    return form


class CompareSettings(QWidget):
    activations_requested = Signal(list)
    changes_requested = Signal(dict)
    seed_count_requested = Signal(int)
    invalid = Signal(str)  # text that could not be parsed: the message
    notice = Signal(str)  # a gentle note (e.g. the 2-4 activation limit)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("compareSettings")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(8)
        v.addWidget(self._activations_group())
        v.addWidget(self._shared_group())
        v.addWidget(self._repeat_group())
        v.addStretch(1)
        self._config: TrainConfig | None = None
        self._checked: list[str] = []

    # -- groups ----------------------------------------------------------------------------

    def _activations_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Activations (2 to 4)"))
        v = QVBoxLayout(box)
        v.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget()
        self.list.setObjectName("compareList")
        self.list.setToolTip(self.tr(
            "Tick two to four activations to race against each other. Each keeps its colour "
            "from the Activations page."))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setIconSize(QSize(22, 12))
        for name in activations.names():
            item = QListWidgetItem(_line_icon(name), activation_label(name))
            item.setData(_ROLE, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = 6.5
        self.list.setFixedHeight(int(self.list.sizeHintForRow(0) * rows) + 6)
        self.list.itemChanged.connect(self._on_item_changed)
        v.addWidget(self.list)
        self.list_note = QLabel()
        self.list_note.setObjectName("compareListNote")
        self.list_note.setWordWrap(True)
        self.list_note.setStyleSheet("color: #8A5A00;")
        self.list_note.setToolTip(self.list.toolTip())
        self.list_note.hide()
        v.addWidget(self.list_note)
        return box

    def _shared_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Shared settings"))
        box.setToolTip(self.tr("Every network in the race uses these settings."))
        form = _form(box)

        tip = self.tr("The toy data set every network learns.")
        self.dataset = QComboBox()
        self.dataset.setObjectName("compareDataset")
        self.dataset.setIconSize(QSize(22, 22))
        for name in datasets.names():
            self.dataset.addItem(QIcon(thumbnail(name, 22, 2.0)),
                                 QCoreApplication.translate("datasets", datasets.label(name)),
                                 name)
        self.dataset.setToolTip(tip)
        self.dataset.currentIndexChanged.connect(
            lambda i: self.changes_requested.emit({"dataset": self.dataset.itemData(i)}))
        form.addRow(_label(self.tr("Data"), tip), self.dataset)

        tip = self.tr("How far points scatter from the clean shape; with noise no boundary can "
                      "be perfect.")
        self.noise = QSpinBox()
        self.noise.setObjectName("compareNoise")
        self.noise.setRange(0, 50)
        self.noise.setSingleStep(5)
        self.noise.setSuffix("\u00a0%")
        self.noise.setKeyboardTracking(False)
        self.noise.setToolTip(tip)
        self.noise.valueChanged.connect(
            lambda v: self.changes_requested.emit({"noise": v / 100.0}))
        form.addRow(_label(self.tr("Noise"), tip), self.noise)

        tip = self.tr("Units per hidden layer, separated by commas (1 to 16 units, up to 8 "
                      "layers), e.g. “8, 8”. Press Enter to apply.")
        self.hidden = QLineEdit()
        self.hidden.setObjectName("compareHidden")
        self.hidden.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d,\s]*")))
        self.hidden.setToolTip(tip)
        self.hidden.editingFinished.connect(self._on_hidden)
        form.addRow(_label(self.tr("Hidden layers"), tip), self.hidden)

        tip = self.tr("How big each step down the loss is. Too small and every activation "
                      "crawls; too large and some diverge. Type a value or pick one.")
        self.rate = QComboBox()
        self.rate.setObjectName("compareLearningRate")
        self.rate.setEditable(True)
        self.rate.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for r in LEARNING_RATES:
            self.rate.addItem(f"{r:g}", r)
        self.rate.setToolTip(tip)
        self.rate.lineEdit().setToolTip(tip)
        self.rate.lineEdit().editingFinished.connect(self._on_rate)
        self.rate.activated.connect(lambda _i: self._on_rate())
        form.addRow(_label(self.tr("Learning rate"), tip), self.rate)

        tip = self.tr("How the gradient moves the weights: plain steps (SGD), steps that keep "
                      "some speed (momentum), or steps scaled per weight (Adam).")
        self.optimizer = self._combo("compareOptimizer", _OPTIMIZERS, tip, "optimizer")
        form.addRow(_label(self.tr("Optimizer"), tip), self.optimizer)

        tip = self.tr("Training points per step (mini-batch). Every network sees the same "
                      "mini-batches in the same order.")
        self.batch = QSpinBox()
        self.batch.setObjectName("compareBatch")
        self.batch.setRange(1, 1000)
        self.batch.setKeyboardTracking(False)
        self.batch.setToolTip(tip)
        self.batch.valueChanged.connect(lambda v: self.changes_requested.emit({"batch_size": v}))
        form.addRow(_label(self.tr("Batch size"), tip), self.batch)

        tip = self.tr("How the starting weights are drawn. Networks with the same seed start "
                      "from exactly the same weights.")
        self.init = self._combo("compareInit", _INITS, tip, "init")
        form.addRow(_label(self.tr("Initial weights"), tip), self.init)

        tip = self.tr("Multiplies the starting weights. Large values start sigmoid and tanh "
                      "units saturated.")
        self.init_scale = self._double("compareInitScale", 0.0, 10.0, 0.25, tip, "init_scale")
        form.addRow(_label(self.tr("Weight scale"), tip), self.init_scale)

        tip = self.tr("The starting value of every bias. Negative values can switch ReLU "
                      "units off before they learn.")
        self.bias_init = self._double("compareBiasInit", -10.0, 10.0, 0.25, tip, "bias_init")
        form.addRow(_label(self.tr("Initial bias"), tip), self.bias_init)

        tip = self.tr("Random seed of the starting weights and of the mini-batch order. With "
                      "several seeds the runs use this one and the next ones.")
        self.seed = QSpinBox()
        self.seed.setObjectName("compareSeed")
        self.seed.setRange(0, 2**31 - 1 - MAX_SEEDS)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(tip)
        self.seed.valueChanged.connect(lambda v: self.changes_requested.emit({"seed": v}))
        form.addRow(_label(self.tr("Seed"), tip), self.seed)
        return box

    def _repeat_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Repeat"))
        form = _form(box)
        tip = self.tr("Train every activation from this many different starting weights "
                      "(seeds) and show the mean with the spread. One seed can mislead: a "
                      "lucky or unlucky start may decide the race.")
        self.seed_count = QSpinBox()
        self.seed_count.setObjectName("seedCount")
        self.seed_count.setRange(1, MAX_SEEDS)
        self.seed_count.setKeyboardTracking(False)
        self.seed_count.setToolTip(tip)
        self.seed_count.valueChanged.connect(self.seed_count_requested)
        form.addRow(_label(self.tr("Seeds"), tip), self.seed_count)
        return box

    def _combo(self, name, choices, tip, field) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for key, text in choices:
            combo.addItem(self.tr(text), key)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(
            lambda i: self.changes_requested.emit({field: combo.itemData(i)}))
        return combo

    def _double(self, name, low, high, step, tip, field) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setObjectName(name)
        s.setRange(low, high)
        s.setSingleStep(step)
        s.setDecimals(2)
        s.setKeyboardTracking(False)
        s.setToolTip(tip)
        s.valueChanged.connect(lambda v: self.changes_requested.emit({field: v}))
        return s

    # -- state -----------------------------------------------------------------------------

    def checked(self) -> list[str]:
        """Ticked activations, in list order."""
        return [self.list.item(i).data(_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_state(self, c: TrainConfig, names, seed_count: int) -> None:
        """Show a configuration, the racing activations and the seed count (no signals)."""
        self._config = c
        widgets = [self.list, self.dataset, self.noise, self.hidden, self.rate, self.optimizer,
                   self.batch, self.init, self.init_scale, self.bias_init, self.seed,
                   self.seed_count]
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                on = item.data(_ROLE) in names
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.dataset.setCurrentIndex(self.dataset.findData(c.dataset))
            self.noise.setValue(round(c.noise * 100))
            self.hidden.setText(", ".join(str(u) for u in c.hidden))
            i = self.rate.findData(c.learning_rate)
            self.rate.setCurrentIndex(i)
            self.rate.setEditText(f"{c.learning_rate:g}")
            self.optimizer.setCurrentIndex(self.optimizer.findData(c.optimizer))
            self.batch.setValue(c.batch_size)
            self.init.setCurrentIndex(self.init.findData(c.init))
            self.init_scale.setValue(c.init_scale)
            self.bias_init.setValue(c.bias_init)
            self.seed.setValue(c.seed)
            self.seed_count.setValue(seed_count)
        finally:
            for w, b in zip(widgets, blocked, strict=True):
                w.blockSignals(b)
        self._checked = list(names)

    def show_note(self, text: str) -> None:
        self.list_note.setText(text)
        self.list_note.setVisible(bool(text))

    # -- requests --------------------------------------------------------------------------

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        names = self.checked()
        if MIN_ACTIVATIONS <= len(names) <= MAX_ACTIVATIONS:
            self.show_note("")
            self.activations_requested.emit(names)
            return
        if len(names) > MAX_ACTIVATIONS:
            text = self.tr("Four at a time keeps the picture readable: untick one first, "
                           "then tick {0}.").format(activation_label(item.data(_ROLE)))
            state = Qt.CheckState.Unchecked
        else:
            text = self.tr("A comparison needs at least two activations, so {0} stays "
                           "ticked.").format(activation_label(item.data(_ROLE)))
            state = Qt.CheckState.Checked
        blocked = self.list.blockSignals(True)
        item.setCheckState(state)
        self.list.blockSignals(blocked)
        self.show_note(text)
        self.notice.emit(text)

    def _on_hidden(self) -> None:
        if self._config is None:
            return
        try:
            hidden = parse_hidden(self.hidden.text())
        except ValueError as e:
            self.invalid.emit(str(e))
            return
        if hidden != self._config.hidden:
            self.changes_requested.emit({"hidden": hidden})

    def _on_rate(self) -> None:
        if self._config is None:
            return
        try:
            rate = parse_rate(self.rate.currentText())
        except ValueError as e:
            self.invalid.emit(str(e))
            return
        if not math.isclose(rate, self._config.learning_rate, rel_tol=1e-12):
            self.changes_requested.emit({"learning_rate": rate})

