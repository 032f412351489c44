"""Controls of the softmax explorer: the logits, the temperature and the target class.

Every number has a spin box (the value the page reads) and a slider beside it; the two are
kept in step both ways with signals blocked on the side being written, so neither echoes back.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
)

MAX_LOGITS = 10
MIN_LOGITS = 2
DEFAULT_COUNT = 4
DEFAULT_LOGITS = (2.0, 1.0, 0.1, -1.0, 0.5, -0.5, 1.5, -2.0, 0.0, 2.5)
LOGIT_LIMIT = 1e6  # the spin boxes accept any logit up to this size
SLIDER_LIMIT = 10.0  # the sliders cover -10 ... 10
SLIDER_SCALE = 100  # slider ticks per unit: steps of 0.01

T_MIN, T_MAX, T_DEFAULT = 0.05, 10.0, 1.0
T_SLIDER_STEPS = 1000

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(i: int) -> str:
    """The index i as Unicode subscript digits: sub(3) == '₃'."""
    return str(i).translate(_SUBSCRIPTS)


def logit_to_slider(z: float) -> int:
    z = min(max(z, -SLIDER_LIMIT), SLIDER_LIMIT)
    return round(z * SLIDER_SCALE)


def temperature_to_slider(t: float) -> int:
    frac = math.log(t / T_MIN) / math.log(T_MAX / T_MIN)
    return min(max(round(frac * T_SLIDER_STEPS), 0), T_SLIDER_STEPS)


def slider_to_temperature(s: int) -> float:
    return T_MIN * (T_MAX / T_MIN) ** (s / T_SLIDER_STEPS)


class LogitControls(QGroupBox):
    """How many logits, their values, and buttons to randomise or reset them."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Logits z (the layer's raw scores)"))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)

        count_label = QLabel(self.tr("Number of classes k"))
        self.count_spin = QSpinBox()
        self.count_spin.setObjectName("logitCount")
        self.count_spin.setRange(MIN_LOGITS, MAX_LOGITS)
        self.count_spin.setValue(DEFAULT_COUNT)
        self.count_spin.setToolTip(self.tr("How many logits, and so how many classes (2 to 10)."))
        count_label.setBuddy(self.count_spin)
        grid.addWidget(count_label, 0, 0, 1, 2)
        grid.addWidget(self.count_spin, 0, 2)

        self.labels: list[QLabel] = []
        self.sliders: list[QSlider] = []
        self.spins: list[QDoubleSpinBox] = []
        for i in range(MAX_LOGITS):
            label = QLabel("z" + sub(i))
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"logitSlider{i}")
            slider.setRange(-round(SLIDER_LIMIT * SLIDER_SCALE), round(SLIDER_LIMIT * SLIDER_SCALE))
            slider.setSingleStep(10)
            slider.setPageStep(100)
            slider.setToolTip(
                self.tr("Drag to set logit z{i} between −10 and 10.").format(i=sub(i)))
            spin = QDoubleSpinBox()
            spin.setObjectName(f"logitSpin{i}")
            spin.setRange(-LOGIT_LIMIT, LOGIT_LIMIT)
            spin.setDecimals(3)
            spin.setSingleStep(0.1)
            spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            spin.setToolTip(
                self.tr("Logit z{i}. Type any value, even ±1000 or ±1000000; "
                        "softmax stays finite.").format(i=sub(i)))
            label.setBuddy(spin)
            spin.valueChanged.connect(partial(self._spin_changed, i))
            slider.valueChanged.connect(partial(self._slider_changed, i))
            grid.addWidget(label, i + 1, 0)
            grid.addWidget(slider, i + 1, 1)
            grid.addWidget(spin, i + 1, 2)
            self.labels.append(label)
            self.sliders.append(slider)
            self.spins.append(spin)
        grid.setColumnStretch(1, 1)

        buttons = QHBoxLayout()
        self.randomize_button = QPushButton(self.tr("Randomize"))
        self.randomize_button.setObjectName("randomizeButton")
        self.randomize_button.setToolTip(
            self.tr("Draw new logits at random (normal, mean 0, spread 2)."))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(
            self.tr("Restore the starting logits, temperature and target class."))
        buttons.addWidget(self.randomize_button)
        buttons.addWidget(self.reset_button)
        grid.addLayout(buttons, MAX_LOGITS + 1, 0, 1, 3)

        self.count_spin.valueChanged.connect(self._count_changed)
        self.set_values(DEFAULT_LOGITS, emit=False)
        self._show_rows(DEFAULT_COUNT)

    # -- reading and writing ---------------------------------------------------------------
    def count(self) -> int:
        return self.count_spin.value()

    def values(self) -> np.ndarray:
        """The visible logits, a float64 array of length count()."""
        return np.array([s.value() for s in self.spins[: self.count()]], dtype=np.float64)

    def set_values(self, values, emit: bool = True) -> None:
        """Write logits into the first len(values) rows, emitting `changed` once."""
        for i, v in enumerate(values):
            self._write(i, float(v))
        if emit:
            self.changed.emit()

    def set_count(self, k: int) -> None:
        self.count_spin.setValue(k)

    def reset(self, emit: bool = True) -> None:
        self.count_spin.blockSignals(True)
        self.count_spin.setValue(DEFAULT_COUNT)
        self.count_spin.blockSignals(False)
        self._show_rows(DEFAULT_COUNT)
        self.set_values(DEFAULT_LOGITS, emit=emit)

    def randomize(self, rng: np.random.Generator) -> None:
        z = np.clip(np.round(rng.normal(0.0, 2.0, self.count()), 2), -SLIDER_LIMIT, SLIDER_LIMIT)
        self.set_values(z)

    # -- internals -------------------------------------------------------------------------
    def _write(self, i: int, v: float) -> None:
        spin, slider = self.spins[i], self.sliders[i]
        spin.blockSignals(True)
        slider.blockSignals(True)
        spin.setValue(v)
        slider.setValue(logit_to_slider(spin.value()))
        spin.blockSignals(False)
        slider.blockSignals(False)

    def _spin_changed(self, i: int, value: float) -> None:
        slider = self.sliders[i]
        slider.blockSignals(True)
        slider.setValue(logit_to_slider(value))
        slider.blockSignals(False)
        self.changed.emit()

    def _slider_changed(self, i: int, value: int) -> None:
        spin = self.spins[i]
        spin.blockSignals(True)
        spin.setValue(value / SLIDER_SCALE)
        spin.blockSignals(False)
        self.changed.emit()

    def _count_changed(self, k: int) -> None:
        self._show_rows(k)
        self.changed.emit()

    def _show_rows(self, k: int) -> None:
        for i in range(MAX_LOGITS):
            visible = i < k
            self.labels[i].setVisible(visible)
            self.sliders[i].setVisible(visible)
            self.spins[i].setVisible(visible)


class TemperatureControl(QGroupBox):
    """The temperature T, with a slider on a logarithmic scale (0.05 ... 10)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Temperature T"))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(0)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("temperatureSlider")
        self.slider.setRange(0, T_SLIDER_STEPS)
        self.slider.setSingleStep(10)
        self.slider.setPageStep(100)
        self.slider.setToolTip(
            self.tr("Drag to set the temperature on a logarithmic scale from 0.05 to 10. "
                    "Low T sharpens the probabilities, high T flattens them."))
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName("temperatureSpin")
        self.spin.setRange(T_MIN, T_MAX)
        self.spin.setDecimals(3)
        self.spin.setSingleStep(0.1)
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setToolTip(
            self.tr("Temperature T: softmax is applied to z / T. "
                    "T = 1 is plain softmax."))
        sharper = QLabel(self.tr("← sharper"))
        flatter = QLabel(self.tr("flatter →"))
        flatter.setAlignment(Qt.AlignmentFlag.AlignRight)
        for hint in (sharper, flatter):
            font = hint.font()
            font.setPointSizeF(font.pointSizeF() * 0.85)
            hint.setFont(font)
            hint.setStyleSheet("color: #666666;")
            hint.setToolTip(self.tr("Toward 0, softmax approaches a one-hot argmax; "
                                    "toward 10, it approaches the uniform 1/k."))
        hints = QHBoxLayout()
        hints.addWidget(sharper)
        hints.addStretch(1)
        hints.addWidget(flatter)
        grid.addWidget(self.slider, 0, 0)
        grid.addWidget(self.spin, 0, 1)
        grid.addLayout(hints, 1, 0)
        grid.setColumnStretch(0, 1)
        self.set_value(T_DEFAULT, emit=False)
        self.spin.valueChanged.connect(self._spin_changed)
        self.slider.valueChanged.connect(self._slider_changed)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, t: float, emit: bool = True) -> None:
        self.spin.blockSignals(True)
        self.slider.blockSignals(True)
        self.spin.setValue(t)
        self.slider.setValue(temperature_to_slider(self.spin.value()))
        self.spin.blockSignals(False)
        self.slider.blockSignals(False)
        if emit:
            self.changed.emit()

    def _spin_changed(self, t: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(temperature_to_slider(t))
        self.slider.blockSignals(False)
        self.changed.emit()

    def _slider_changed(self, s: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(slider_to_temperature(s))
        self.spin.blockSignals(False)
        self.changed.emit()
