"""One-click presets for the Training page: each makes one phenomenon of the source note appear
within seconds, and says in a short paragraph what to watch.

A scenario is data: a full configuration (the defaults plus a few changes, so the effect does
not depend on what the learner set before), a paragraph, and optionally a follow-up — one
button that changes something and restarts, to show the contrast.

Texts are marked with QT_TRANSLATE_NOOP here and translated when shown (`title()`, `text()`),
so the preset table can be built before a QApplication exists.

Measured with the engine alone (tests/ui/test_training_page.py checks the first two):
- Dying ReLU: 0 dead units at step 0, 9 of 16 dead by step 80, loss stuck at about 0.69.
- Saturating sigmoid: 1 saturated unit at step 0, 5 by step 1,500; the loss starts at 4.5 and
  is 0.45 at step 2,000 and 0.20 at step 4,000 (the default tanh network: 0.29 and 0.12).
- Same-sign updates: the same-sign share into layers 2 and 3 is exactly 1.00 with sigmoid and
  the loss sits at 0.69 for 4,000 steps; with tanh the shares fall to 0.1-0.4 and 0.0 and the
  circle is learned by step 2,000.
- Tanh saturation: 5 units saturated at step 0, 7-8 from step 100 to step 12,000 (none
  escapes); with sigmoid and the same weights only 1-5 are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from actgui.engine.config import TrainConfig

_CONTEXT = "Scenarios"


@dataclass(frozen=True)
class FollowUp:
    label: str  # button text (untranslated source)
    tooltip: str
    changes: dict = field(default_factory=dict)  # applied to the scenario's config; resets


@dataclass(frozen=True)
class Scenario:
    key: str
    _title: str
    _text: str
    changes: dict
    follow_up: FollowUp | None = None

    def title(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self._title)

    def text(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self._text)

    def config(self, base: TrainConfig | None = None) -> TrainConfig:
        """The preset: `base` (default: the defaults) with this scenario's changes."""
        return (base or TrainConfig()).replace(**self.changes)

    def follow_up_config(self) -> TrainConfig | None:
        if self.follow_up is None:
            return None
        return self.config().replace(**self.follow_up.changes)


def follow_up_label(f: FollowUp) -> str:
    return QCoreApplication.translate(_CONTEXT, f.label)


def follow_up_tooltip(f: FollowUp) -> str:
    return QCoreApplication.translate(_CONTEXT, f.tooltip)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "dying_relu",
        QT_TRANSLATE_NOOP("Scenarios", "Dying ReLU"),
        QT_TRANSLATE_NOOP(
            "Scenarios",
            "<b>Dying ReLU.</b> ReLU units with a learning rate of 3, far too large. Every unit "
            "starts alive. A few big steps push some units' weighted input z below zero for "
            "<i>every</i> training point; there the slope of ReLU is 0, so no gradient reaches "
            "their weights again and they can never recover. Within a fraction of a second "
            "about half of the units are marked dead and the loss sticks at chance. "
            "Press <b>R</b> and then <b>→</b> a few times to watch them die step by step."),
        {"activation": "relu", "hidden": (8, 8), "learning_rate": 3.0},
        FollowUp(QT_TRANSLATE_NOOP("Scenarios", "Try learning rate 0.03"),
                 QT_TRANSLATE_NOOP("Scenarios",
                                   "Restart the same network with a hundred times smaller "
                                   "learning rate: almost every unit stays alive."),
                 {"learning_rate": 0.03}),
    ),
    Scenario(
        "saturating_sigmoid",
        QT_TRANSLATE_NOOP("Scenarios", "Saturating sigmoid"),
        QT_TRANSLATE_NOOP(
            "Scenarios",
            "<b>Saturating sigmoid.</b> Sigmoid units whose initial weights are eight times "
            "the usual size. Their z values are so large that for most points the unit sits on "
            "a flat end of the curve, outputting almost exactly 0 or 1. There the slope is "
            "under 6 % of its peak, and every gradient through the unit is multiplied by that "
            "slope, so its weights change very slowly. Watch the units marked saturated (click "
            "one to see its points piled up at 0 and 1) and the loss: it starts very high "
            "because the outputs are confidently wrong, then falls more slowly than with the "
            "default tanh network."),
        {"activation": "sigmoid", "hidden": (8, 8), "init_scale": 8.0},
    ),
    Scenario(
        "same_sign",
        QT_TRANSLATE_NOOP("Scenarios", "Same-sign updates: sigmoid vs tanh"),
        QT_TRANSLATE_NOOP(
            "Scenarios",
            "<b>Same-sign updates.</b> The gradient of a weight into unit j is its input a<sub>k"
            "</sub> times δ<sub>j</sub>. Sigmoid outputs are always positive, so behind a "
            "sigmoid layer all weights into a unit move in the same direction on every example "
            "— the same-sign share of layers 2 and 3 stays at exactly 100 %, and this network "
            "hardly learns. Then switch to tanh, which is centred on zero: the share drops and "
            "the circle is learned in seconds. (Tanh's four times steeper slope helps too; the "
            "same-sign argument is a heuristic, not a proof.)"),
        {"activation": "sigmoid", "hidden": (4, 4)},
        FollowUp(QT_TRANSLATE_NOOP("Scenarios", "Switch to tanh"),
                 QT_TRANSLATE_NOOP("Scenarios",
                                   "Restart the same network with tanh in the hidden layers."),
                 {"activation": "tanh"}),
    ),
    Scenario(
        "tanh_saturation",
        QT_TRANSLATE_NOOP("Scenarios", "Tanh escapes saturation slowly"),
        QT_TRANSLATE_NOOP(
            "Scenarios",
            "<b>Tanh saturates deeply.</b> Tanh units with initial weights eight times the "
            "usual size. tanh(z) is a sigmoid squeezed to half the width, so its slope fades "
            "twice as fast as z grows (about 4e<sup>−2|z|</sup> against e<sup>−|z|</sup>): "
            "the same weights put far more tanh units into saturation, and a unit out there "
            "gets almost no gradient to bring it back. Watch the saturated count in the "
            "curves: it does not go down, even while the loss falls thanks to the other units. "
            "Then compare sigmoid with the same weights."),
        {"activation": "tanh", "hidden": (8, 8), "init_scale": 8.0},
        FollowUp(QT_TRANSLATE_NOOP("Scenarios", "Same weights, sigmoid"),
                 QT_TRANSLATE_NOOP("Scenarios",
                                   "Restart with sigmoid units and the same initial weights: "
                                   "fewer units saturate."),
                 {"activation": "sigmoid"}),
    ),
)


def by_key(key: str) -> Scenario:
    for s in SCENARIOS:
        if s.key == key:
            return s
    raise KeyError(key)
