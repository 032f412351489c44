"""The Training page's settings column: Data, Network and Training (the transport bar is in
`training_bar`, the Data group in `views.dataset_picker`).

The column only shows a configuration and asks for changes:
`TrainingControls.changes_requested(dict)` carries TrainConfig field changes, which the page
applies through the controller; after any change (or a refused one) the page calls `set_config`
with the controller's configuration, so the controls always show the state actually in use.
`set_config` blocks the controls' signals.
"""

from __future__ import annotations

import bisect
import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actgui.engine import activations
from actgui.engine.config import MAX_HIDDEN_LAYERS, TrainConfig
from actgui.ui.views.dataset_picker import DataGroup

# TensorFlow Playground's choices.
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
NEW_LAYER_UNITS = 4
COLUMN_WIDTH = 280  # the settings column's minimum width, pixels
# Translation context of the texts below (spelled out in each QT_TRANSLATE_NOOP: lupdate
# reads only literal contexts).
_C = "TrainingControls"
_LOSS_TEXT = {
    "sigmoid": QT_TRANSLATE_NOOP("TrainingControls", "binary cross-entropy"),
    "softmax": QT_TRANSLATE_NOOP("TrainingControls", "cross-entropy"),
    "linear": QT_TRANSLATE_NOOP("TrainingControls", "squared error ½(ŷ − y)²"),
}
_OUTPUT_TEXT = {
    "sigmoid": QT_TRANSLATE_NOOP("TrainingControls", "sigmoid"),
    "softmax": QT_TRANSLATE_NOOP("TrainingControls", "softmax"),
    "linear": QT_TRANSLATE_NOOP("TrainingControls", "linear"),
}
_OPTIMIZERS = (("sgd", QT_TRANSLATE_NOOP("TrainingControls", "SGD")),
               ("momentum", QT_TRANSLATE_NOOP("TrainingControls", "Momentum")),
               ("adam", QT_TRANSLATE_NOOP("TrainingControls", "Adam")))
_INITS = (("uniform", QT_TRANSLATE_NOOP("TrainingControls", "Uniform")),
          ("xavier", QT_TRANSLATE_NOOP("TrainingControls", "Xavier (Glorot)")),
          ("he", QT_TRANSLATE_NOOP("TrainingControls", "He")))
_REGULARIZERS = ((None, QT_TRANSLATE_NOOP("TrainingControls", "None")),
                 ("l1", QT_TRANSLATE_NOOP("TrainingControls", "L1")),
                 ("l2", QT_TRANSLATE_NOOP("TrainingControls", "L2")))


def fmt_rate(v: float) -> str:
    return f"{v:g}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def activation_label(name: str) -> str:
    return QCoreApplication.translate("activations", activations.label(name))


def _select_value(combo: QComboBox, value: float) -> None:
    """Select the item whose data is `value`, inserting it in order if it is not listed."""
    values = [combo.itemData(i) for i in range(combo.count())]
    for i, v in enumerate(values):
        if v is not None and math.isclose(v, value, rel_tol=1e-9, abs_tol=0.0):
            combo.setCurrentIndex(i)
            return
    pos = bisect.bisect_left([v for v in values if v is not None], value)
    combo.insertItem(pos, fmt_rate(value), value)
    combo.setCurrentIndex(pos)


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setContentsMargins(8, 6, 8, 8)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(6)
    return form


def _row(*items) -> QWidget:
    """Widgets side by side in one form field; (widget, stretch) pairs set a stretch."""
    w = QWidget()
    h = QHBoxLayout(w)
    h.setContentsMargins(0, 0, 0, 0)
    h.setSpacing(6)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        h.addWidget(widget, stretch)
    return w


def _combo(name: str) -> QComboBox:
    """A combo box that elides long entries instead of widening the settings column."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(5)
    return combo


def _label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setToolTip(tip)
    return label


class LayerActivationsDialog(QDialog):
    """One activation per hidden layer ("as chosen for all" or a specific one)."""

    def __init__(self, config: TrainConfig, parent=None):
        super().__init__(parent)
        self.setObjectName("layerActivationsDialog")
        self.setWindowTitle(self.tr("Activation per layer"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Give single hidden layers their own activation; the others use "
                               "the one chosen for all layers ({0}).")
                       .format(activation_label(config.activation)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.combos: list[QComboBox] = []
        current = config.layer_activations or (None,) * len(config.hidden)
        for l, name in enumerate(current):
            combo = QComboBox()
            combo.setObjectName(f"layerActivationCombo{l}")
            combo.addItem(self.tr("as for all layers"), None)
            for n in activations.names():
                combo.addItem(activation_label(n), n)
            combo.setCurrentIndex(max(0, combo.findData(name)) if name else 0)
            combo.setToolTip(self.tr("Activation of hidden layer {0}.").format(l + 1))
            form.addRow(self.tr("Layer {0}").format(l + 1), combo)
            self.combos.append(combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def layer_activations(self) -> tuple:
        values = tuple(c.currentData() for c in self.combos)
        return values if any(v is not None for v in values) else ()


class TrainingControls(QScrollArea):
    """The settings column: Data, Network and Training groups, scrollable when tall."""

    changes_requested = Signal(dict)  # TrainConfig field -> new value
    regenerate_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trainingControls")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._config = TrainConfig()
        body = QWidget()
        body.setObjectName("trainingControlsBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(8)
        self.data = DataGroup()
        self.data.changes_requested.connect(self.changes_requested)
        self.data.regenerate_requested.connect(self.regenerate_requested)
        self.data.import_requested.connect(self.import_requested)
        column.addWidget(self.data)
        column.addWidget(self._network_group())
        column.addWidget(self._training_group())
        column.addStretch(1)
        self.setWidget(body)
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.set_config(self._config)

    # -- groups ----------------------------------------------------------------------------

    def _network_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Network"))
        box.setObjectName("networkGroup")
        form = _form(box)

        tip = self.tr("Number of hidden layers between the inputs and the output (0 to 8). "
                      "Use + and − in the network picture to change the units of a layer.")
        self.layers_spin = QSpinBox()
        self.layers_spin.setObjectName("layersSpin")
        self.layers_spin.setRange(0, MAX_HIDDEN_LAYERS)
        self.layers_spin.setToolTip(tip)
        self.layers_spin.valueChanged.connect(self._on_layers)
        units_tip = self.tr("Units in each hidden layer, separated by commas (1 to 16 each), "
                            "e.g. “4, 2”. Press Enter to apply.")
        self.units_edit = QLineEdit()
        self.units_edit.setObjectName("unitsEdit")
        self.units_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\s*(\d{1,2}\s*(,\s*)?){0,8}$")))
        self.units_edit.setToolTip(units_tip)
        self.units_edit.editingFinished.connect(self._on_units)
        form.addRow(_label(self.tr("Hidden layers"), tip),
                    _row(self.layers_spin, _label(self.tr("units"), units_tip),
                         (self.units_edit, 1)))

        tip = self.tr("The activation function of every hidden layer: what each unit does with "
                      "its weighted input z. Changing it restarts training.")
        self.activation_combo = _combo("activationCombo")
        for n in activations.names():
            self.activation_combo.addItem(activation_label(n), n)
        self.activation_combo.setToolTip(tip)
        self.activation_combo.currentIndexChanged.connect(
            lambda i: self._ask(activation=self.activation_combo.itemData(i)))
        self.per_layer_button = QToolButton()
        self.per_layer_button.setObjectName("layerActivationsButton")
        self.per_layer_button.setText(self.tr("…"))
        self.per_layer_button.setToolTip(self.tr(
            "Per layer: give single hidden layers a different activation, e.g. to compare "
            "sigmoid and ReLU in one network."))
        self.per_layer_button.clicked.connect(self._edit_layer_activations)
        form.addRow(_label(self.tr("Activation"), tip),
                    _row((self.activation_combo, 1), self.per_layer_button))
        self.per_layer_label = QLabel()
        self.per_layer_label.setObjectName("layerActivationsLabel")
        self.per_layer_label.setWordWrap(True)
        self.per_layer_label.setStyleSheet("color: #5B6B7B;")
        self.per_layer_label.setToolTip(self.per_layer_button.toolTip())
        form.addRow(self.per_layer_label)

        self.output_label = QLabel()
        self.output_label.setObjectName("outputLabel")
        self.output_label.setWordWrap(True)
        self.output_label.setStyleSheet("color: #3A4A5A;")
        self.output_label.setToolTip(self.tr(
            "The output layer and the loss follow the data set: sigmoid with binary "
            "cross-entropy for two classes, softmax with cross-entropy for more, and a linear "
            "output with squared error for regression."))
        form.addRow(self.output_label)

        tip = self.tr("How the starting weights are drawn. Xavier and He scale them by the "
                      "number of inputs of a unit; He suits ReLU, Xavier tanh and sigmoid.")
        self.init_combo = _combo("initCombo")
        for key, text in _INITS:
            self.init_combo.addItem(_tr(text), key)
        self.init_combo.setToolTip(tip)
        self.init_combo.currentIndexChanged.connect(
            lambda i: self._ask(init=self.init_combo.itemData(i)))
        form.addRow(_label(self.tr("Initial weights"), tip), self.init_combo)

        tip = self.tr("Multiplies the starting weights. Large values put sigmoid and tanh units "
                      "into saturation from the start.")
        self.init_scale_spin = self._double("initScaleSpin", 0.0, 10.0, 0.5, tip)
        self.init_scale_spin.valueChanged.connect(lambda v: self._ask(init_scale=v))
        form.addRow(_label(self.tr("Weight scale"), tip), self.init_scale_spin)

        tip = self.tr("The starting value of every bias. A negative bias can switch ReLU units "
                      "off before they learn anything; a large one saturates sigmoid and tanh.")
        self.bias_init_spin = self._double("biasInitSpin", -10.0, 10.0, 0.5, tip)
        self.bias_init_spin.valueChanged.connect(lambda v: self._ask(bias_init=v))
        form.addRow(_label(self.tr("Initial bias"), tip), self.bias_init_spin)

        tip = self.tr("The random seed of the starting weights and of the order of the "
                      "mini-batches. The same seed always gives the same run.")
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setToolTip(tip)
        self.seed_spin.valueChanged.connect(lambda v: self._ask(seed=v))
        form.addRow(_label(self.tr("Seed"), tip), self.seed_spin)
        return box

    def _double(self, name, low, high, step, tip) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setObjectName(name)
        s.setRange(low, high)
        s.setSingleStep(step)
        s.setDecimals(2)
        s.setKeyboardTracking(False)
        s.setToolTip(tip)
        return s

    def _training_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training"))
        box.setObjectName("trainingGroup")
        form = _form(box)

        tip = self.tr("How the gradient moves the weights: plain steps (SGD), steps that keep "
                      "some speed from before (momentum), or steps scaled per weight (Adam).")
        self.optimizer_combo = _combo("optimizerCombo")
        for key, text in _OPTIMIZERS:
            self.optimizer_combo.addItem(_tr(text), key)
        self.optimizer_combo.setToolTip(tip)
        self.optimizer_combo.currentIndexChanged.connect(
            lambda i: self._ask(optimizer=self.optimizer_combo.itemData(i)))
        form.addRow(_label(self.tr("Optimizer"), tip), self.optimizer_combo)

        tip = self.tr("How big each step down the loss is. Too small and learning crawls; too "
                      "large and it jumps around, kills ReLU units or diverges. Applies at once.")
        self.lr_combo = _combo("learningRateCombo")
        for v in LEARNING_RATES:
            self.lr_combo.addItem(fmt_rate(v), v)
        self.lr_combo.setToolTip(tip)
        self.lr_combo.currentIndexChanged.connect(
            lambda i: self._ask(learning_rate=self.lr_combo.itemData(i)))
        form.addRow(_label(self.tr("Learning rate"), tip), self.lr_combo)

        tip = self.tr("How many training points each step averages its gradient over. "
                      "Applies at once.")
        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("batchSizeSpin")
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setToolTip(tip)
        self.batch_spin.valueChanged.connect(lambda v: self._ask(batch_size=v))
        form.addRow(_label(self.tr("Batch size"), tip), self.batch_spin)

        tip = self.tr("A penalty that keeps weights small: L1 pushes unneeded weights to "
                      "exactly zero, L2 shrinks all of them. Applies at once.")
        self.reg_combo = _combo("regularizationCombo")
        for key, text in _REGULARIZERS:
            self.reg_combo.addItem(_tr(text), key)
        self.reg_combo.setToolTip(tip)
        self.reg_combo.currentIndexChanged.connect(self._on_regularization)
        self.reg_rate_combo = _combo("regularizationRateCombo")
        for v in REG_RATES:
            self.reg_rate_combo.addItem(fmt_rate(v), v)
        self.reg_rate_combo.setToolTip(self.tr(
            "The penalty rate: how strongly the penalty pulls the weights towards zero."))
        self.reg_rate_combo.currentIndexChanged.connect(self._on_regularization)
        self.reg_combo.setMinimumContentsLength(3)
        self.reg_rate_combo.setMinimumContentsLength(3)
        form.addRow(_label(self.tr("Regularization"), tip),
                    _row((self.reg_combo, 1), (self.reg_rate_combo, 1)))
        return box

    # -- state -----------------------------------------------------------------------------

    def config(self) -> TrainConfig:
        return self._config

    def set_config(self, c: TrainConfig) -> None:
        """Show configuration `c` (without emitting changes)."""
        self._config = c
        self.data.set_config(c)
        widgets = [self.layers_spin, self.units_edit, self.activation_combo, self.init_combo,
                   self.init_scale_spin, self.bias_init_spin, self.seed_spin,
                   self.optimizer_combo, self.lr_combo, self.batch_spin, self.reg_combo,
                   self.reg_rate_combo]
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.layers_spin.setValue(len(c.hidden))
            self.units_edit.setText(", ".join(str(u) for u in c.hidden))
            self.activation_combo.setCurrentIndex(self.activation_combo.findData(c.activation))
            self.init_combo.setCurrentIndex(self.init_combo.findData(c.init))
            self.init_scale_spin.setValue(c.init_scale)
            self.bias_init_spin.setValue(c.bias_init)
            self.seed_spin.setValue(c.seed)
            self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(c.optimizer))
            _select_value(self.lr_combo, c.learning_rate)
            self.batch_spin.setRange(1, c.n_train)
            self.batch_spin.setValue(c.batch_size)
            kind = "l1" if c.l1 else "l2" if c.l2 else None
            self.reg_combo.setCurrentIndex(self.reg_combo.findData(kind))
            if kind is not None:
                _select_value(self.reg_rate_combo, c.l1 or c.l2)
            self.reg_rate_combo.setEnabled(kind is not None)
        finally:
            for w, b in zip(widgets, blocked, strict=True):
                w.blockSignals(b)
        self.per_layer_button.setEnabled(bool(c.hidden))
        overrides = [self.tr("layer {0}: {1}").format(l + 1, activation_label(a))
                     for l, a in enumerate(c.layer_activations) if a is not None]
        self.per_layer_label.setText("; ".join(overrides))
        loss = _tr(_LOSS_TEXT[c.output_kind])
        self.output_label.setText(self.tr("Output: {0}<br>Loss: {1}").format(
            _tr(_OUTPUT_TEXT[c.output_kind]), loss))
        self.per_layer_label.setVisible(bool(overrides))

    # -- requests --------------------------------------------------------------------------

    def _ask(self, **changes) -> None:
        self.changes_requested.emit(changes)

    def _on_layers(self, n: int) -> None:
        hidden = self._config.hidden
        if n < len(hidden):
            hidden = hidden[:n]
        else:
            hidden = hidden + (hidden[-1] if hidden else NEW_LAYER_UNITS,) * (n - len(hidden))
        self._ask(hidden=tuple(hidden))

    def _on_units(self) -> None:
        text = self.units_edit.text()
        hidden = tuple(int(t) for t in text.replace(" ", "").split(",") if t)
        if hidden != self._config.hidden:
            self._ask(hidden=hidden)
        else:  # the same layers written differently (" 4,2"): show them the usual way
            self.units_edit.setText(", ".join(str(u) for u in hidden))

    def _on_regularization(self, _index=None) -> None:
        kind = self.reg_combo.currentData()
        self.reg_rate_combo.setEnabled(kind is not None)
        rate = self.reg_rate_combo.currentData()
        self._ask(l1=rate if kind == "l1" else 0.0, l2=rate if kind == "l2" else 0.0)

    def _edit_layer_activations(self) -> None:
        dialog = LayerActivationsDialog(self._config, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._ask(layer_activations=dialog.layer_activations())

