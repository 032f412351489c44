"""The top of the Training page: the transport bar (play, step, reset, speed, scenarios) and
the notices under it — the chosen scenario's explanation and the warning banners.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
)

from actgui.ui import scenarios as scen
from actgui.ui.controller import MAX_SPEED
from actgui.ui.views.dataset_picker import KeepArrowKeys
from actgui.ui.views.training_readouts import set_text

# Steps per frame on the speed slider: roughly logarithmic, through Playground's 25.
SPEEDS = (1, 2, 3, 5, 8, 10, 15, 25, 40, 60, 100, 150, 250, 400, 600, 1000, 1500, 2500, 5000)
assert SPEEDS[-1] == MAX_SPEED

_BANNER_STYLE = {
    "warning": "background: #FFF4CE; border: 1px solid #E0B300; color: #4A3B00;",
    "error": "background: #FDE2E1; border: 1px solid #D62728; color: #5C0B0B;",
    "info": "background: #EAF3FB; border: 1px solid #9CC3E4; color: #12324D;",
}


def speed_index(steps: int) -> int:
    """Slider position of the nearest speed not above `steps` (at least the first)."""
    return max(0, bisect.bisect_right(SPEEDS, steps) - 1)


class TransportBar(QFrame):
    """Play/Pause, Step, Reset, the speed slider and the scenario chooser, in one row."""

    play_clicked = Signal()
    step_clicked = Signal()
    reset_clicked = Signal()
    speed_changed = Signal(int)
    scenario_chosen = Signal(str)

    def __init__(self, scenarios, parent=None):
        super().__init__(parent)
        self.setObjectName("transportBar")
        icon = self.style().standardIcon
        self._play_icon = icon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = icon(QStyle.StandardPixmap.SP_MediaPause)
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip(self.tr("Start or pause training (Space)."))
        self.play_button.setMinimumWidth(104)
        self.play_button.setDefault(False)
        self.step_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSkipForward),
                                       self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(self.tr("Train on one mini-batch, then stop (→)."))
        self.reset_button = QPushButton(icon(QStyle.StandardPixmap.SP_BrowserReload),
                                        self.tr("Reset"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(self.tr(
            "Put the network back to its starting weights and clear the history (R)."))
        for b in (self.play_button, self.step_button, self.reset_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setMinimumHeight(30)
        self.play_button.setStyleSheet(
            "QPushButton { font-weight: bold; background: #0072B2; color: white;"
            " border-radius: 5px; padding: 4px 12px; }"
            "QPushButton:hover { background: #0A84C6; }"
            "QPushButton:disabled { background: #9DB7CB; }")

        speed_caption = self._speed_caption = QLabel(self.tr("Speed"))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("speedSlider")
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setPageStep(3)
        self.speed_slider.setMinimumWidth(60)
        self.speed_slider.setMaximumWidth(220)
        tip = self.tr("Training steps (mini-batches) per drawn frame. Drawing stays smooth at "
                      "any speed; very high speeds are limited by the computer.")
        self.speed_slider.setToolTip(tip)
        speed_caption.setToolTip(tip)
        self.speed_value = QLabel()
        self.speed_value.setObjectName("speedValue")
        self.speed_value.setToolTip(tip)
        self.speed_value.setMinimumWidth(
            self.speed_value.fontMetrics().horizontalAdvance(self.tr("{0} steps/frame")
                                                             .format("5,000")) + 4)
        self.speed_slider.valueChanged.connect(self._on_speed)
        self.speed_slider.installEventFilter(KeepArrowKeys(self.speed_slider))

        self.scenario_combo = QComboBox()
        self.scenario_combo.setObjectName("scenarioCombo")
        self.scenario_combo.addItem(self.tr("Scenarios…"), None)
        for s in scenarios:
            self.scenario_combo.addItem(s.title(), s.key)
        self.scenario_combo.setToolTip(self.tr(
            "Ready-made experiments: each sets up the network so one effect appears within "
            "seconds, and explains what to watch."))
        # As wide as a short title, not the longest one: on a small screen the bar must
        # still fit; the list that drops down is wide enough for every title.
        self.scenario_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scenario_combo.setMinimumContentsLength(8)
        longest = max(self.scenario_combo.fontMetrics().horizontalAdvance(s.title())
                      for s in scenarios)
        self.scenario_combo.view().setMinimumWidth(longest + 32)
        self.scenario_combo.setMaximumWidth(longest + 48)  # grows up to the longest title
        self.scenario_combo.setSizePolicy(QSizePolicy.Policy.Expanding,
                                          QSizePolicy.Policy.Fixed)
        self.scenario_combo.activated.connect(self._on_scenario)

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(8)
        row.addWidget(self.play_button)
        row.addWidget(self.step_button)
        row.addWidget(self.reset_button)
        row.addSpacing(12)
        row.addWidget(speed_caption)
        row.addWidget(self.speed_slider, 1)
        row.addWidget(self.speed_value)
        row.addStretch(0)
        row.addSpacing(12)
        row.addWidget(self.scenario_combo, 1)
        self.play_button.clicked.connect(self.play_clicked)
        self.step_button.clicked.connect(self.step_clicked)
        self.reset_button.clicked.connect(self.reset_clicked)
        self.set_running(False)
        # In a narrow window Step and Reset show only their icons (their tooltips name
        # them) and the "Speed" caption goes (the slider's tooltip says it).
        self._texts = {b: b.text() for b in (self.step_button, self.reset_button)}
        self._compact = False
        self._measure()

    def _measure(self) -> None:
        """The bar's minimum width with and without the captions."""
        compact, layout = self._compact, self.layout()
        self._set_compact(False)
        self._full_width = layout.minimumSize().width()
        self._set_compact(True)
        self._compact_width = layout.minimumSize().width()
        self._set_compact(compact)

    def _set_compact(self, on: bool) -> None:
        if on == self._compact:
            return
        self._compact = on
        for button, text in self._texts.items():
            button.setText("" if on else text)
        self._speed_caption.setVisible(not on)
        self.layout().invalidate()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._set_compact(self.width() < self._full_width)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and hasattr(
                self, "_texts"):
            self._measure()
            self.updateGeometry()

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        hint.setWidth(self._compact_width)
        return hint

    def set_running(self, running: bool) -> None:
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))
        self.play_button.setIcon(self._pause_icon if running else self._play_icon)

    def set_speed(self, steps: int) -> None:
        blocked = self.speed_slider.blockSignals(True)
        self.speed_slider.setValue(speed_index(steps))
        self.speed_slider.blockSignals(blocked)
        self._show_speed(steps)

    def speed(self) -> int:
        return SPEEDS[self.speed_slider.value()]

    def _show_speed(self, steps: int) -> None:
        text = self.tr("{0} step/frame") if steps == 1 else self.tr("{0} steps/frame")
        self.speed_value.setText(text.format(f"{steps:,}"))

    def _on_speed(self, index: int) -> None:
        self._show_speed(SPEEDS[index])
        self.speed_changed.emit(SPEEDS[index])

    def _on_scenario(self, index: int) -> None:
        key = self.scenario_combo.itemData(index)
        if key is not None:
            self.scenario_chosen.emit(key)


class Banner(QLabel):
    """A one-paragraph notice in a coloured box; hidden while it has nothing to say."""

    def __init__(self, name: str, kind: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(8, 5, 8, 5)
        self.setStyleSheet(f"#{name} {{ {_BANNER_STYLE[kind]} border-radius: 5px; }}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.hide()

    def show_text(self, text: str) -> None:
        set_text(self, text)
        self.setVisible(bool(text))


class ScenarioBox(QFrame):
    """The explanation of the chosen scenario, with its follow-up button and a close button."""

    follow_up_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scenarioInfo")
        self.setStyleSheet(f"#scenarioInfo {{ {_BANNER_STYLE['info']} border-radius: 5px; }}"
                           "#scenarioInfo QLabel { border: none; background: transparent; }")
        self.text = QLabel()
        self.text.setObjectName("scenarioText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up = QPushButton()
        self.follow_up.setObjectName("scenarioFollowUpButton")
        self.follow_up.clicked.connect(self.follow_up_clicked)
        close = QToolButton()
        close.setObjectName("scenarioCloseButton")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this explanation."))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.follow_up, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_scenario(self, s: scen.Scenario) -> None:
        self.text.setText(s.text())
        f = s.follow_up
        self.follow_up.setVisible(f is not None)
        if f is not None:
            self.follow_up.setText(scen.follow_up_label(f))
            self.follow_up.setToolTip(scen.follow_up_tooltip(f))
        self.show()
