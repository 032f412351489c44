"""The pages' side of session files: gather every page's settings, check them, apply them.

The page modules know nothing of sessions. This module reads and writes them only through
their public widgets, found by object name, and through the training and compare pages'
controllers; so a page can change its layout freely as long as the names stay.

Loading is two-phase: `prepare()` checks the whole document and builds the new trainer
without touching any widget; only a `Plan` that passed all checks reaches `apply()`. A bad
file therefore leaves the window exactly as it was.

What each page keeps (the ``pages`` object of the file):
- activations: ticked activations, the selected row, every activation's parameter, the z
  range, the probe position and the five overlay toggles;
- softmax: the number of classes, all ten logits, the temperature and the target class;
- training: the speed and the two plane toggles (the experiment itself is the ``trainer``);
- compare: the shared configuration, the racing activations, the seed count, the target test
  loss and the speed (training progress is not kept: a loaded race starts at step 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QListWidget,
    QSpinBox,
    QWidget,
)

from actgui.engine import activations as act
from actgui.engine import session
from actgui.engine.config import TrainConfig
from actgui.engine.multirun import MultiTrainer
from actgui.engine.trainer import Trainer
from actgui.ui.compare_controller import MAX_ACTIVATIONS, MAX_SEEDS, MIN_ACTIVATIONS
from actgui.ui.pages.activations import Z_LIMIT, value_to_slider
from actgui.ui.pages.compare import SPEEDS as COMPARE_SPEEDS
from actgui.ui.pages.training_bar import SPEEDS as TRAINING_SPEEDS
from actgui.ui.pages.training_bar import speed_index
from actgui.ui.views.softmax_controls import LOGIT_LIMIT, MAX_LOGITS, MIN_LOGITS, T_MAX, T_MIN

PAGE_NAMES = ("activations", "softmax", "training", "compare")
ROLE = Qt.ItemDataRole.UserRole
TOGGLES = {"show_tangent": "showTangent", "show_saturation": "showSaturation",
           "show_dead": "showDead", "show_identity": "showIdentity", "show_check": "showCheck"}


@dataclass(frozen=True)
class Plan:
    """A checked session, ready to apply: the restored trainer and each page's settings."""

    trainer: Trainer
    pages: dict
    page: str | None


def _child(page: QWidget, cls, name: str):
    w = page.findChild(cls, name)
    if w is None:
        raise LookupError(f"{page.objectName()} has no {cls.__name__} named {name!r}")
    return w


# -- gathering -----------------------------------------------------------------------------


def gather(window) -> dict:
    """The whole session document of a main window (builds pages not built yet)."""
    pages = {name: _GATHER[name](window.page(name)) for name in PAGE_NAMES}
    trainer = window.page("training").controller.trainer
    return session.make_document(session.trainer_state(trainer), pages,
                                 window.current_page_name())


def _gather_activations(page) -> dict:
    names = _child(page, QListWidget, "activationList")
    items = [names.item(i) for i in range(names.count())]
    current = names.currentItem()
    params = {}
    for name in act.names():
        if act.param_specs(name):
            params[name] = dict(page.activation(name).params)
    out = {
        "shown": [it.data(ROLE) for it in items if it.checkState() == Qt.CheckState.Checked],
        "selected": None if current is None else current.data(ROLE),
        "params": params,
        "z_min": _child(page, QDoubleSpinBox, "zMin").value(),
        "z_max": _child(page, QDoubleSpinBox, "zMax").value(),
        "z_probe": _child(page, QDoubleSpinBox, "zProbe").value(),
    }
    for key, name in TOGGLES.items():
        out[key] = _child(page, QCheckBox, name).isChecked()
    return out


def _gather_softmax(page) -> dict:
    return {
        "count": _child(page, QSpinBox, "logitCount").value(),
        "logits": [_child(page, QDoubleSpinBox, f"logitSpin{i}").value()
                   for i in range(MAX_LOGITS)],
        "temperature": _child(page, QDoubleSpinBox, "temperatureSpin").value(),
        "target": _child(page, QSpinBox, "targetClass").value(),
    }


def _gather_training(page) -> dict:
    return {
        "speed": TRAINING_SPEEDS[_child(page, QAbstractSlider, "speedSlider").value()],
        "show_test": _child(page, QCheckBox, "showTestCheck").isChecked(),
        "discretize": _child(page, QCheckBox, "discretizeCheck").isChecked(),
    }


def _gather_compare(page) -> dict:
    c = page.controller
    return {
        "config": c.config.to_dict(),
        "activations": list(c.activations),
        "seed_count": c.seed_count,
        "target": _child(page, QDoubleSpinBox, "compareTarget").value(),
        "speed": _child(page, QComboBox, "compareSpeed").currentData(),
    }


_GATHER = {"activations": _gather_activations, "softmax": _gather_softmax,
           "training": _gather_training, "compare": _gather_compare}


# -- checking ------------------------------------------------------------------------------


def _fail(message: str):
    session._fail(message)  # the engine's "session: " heading and length limit


def _obj(value, what: str, keys) -> dict:
    if not isinstance(value, dict):
        _fail(f"{what} must be a JSON object")
    missing = [k for k in keys if k not in value]
    if missing:
        _fail(f"{what}: missing {', '.join(missing)}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        _fail(f"{what}: unknown key(s) {', '.join(unknown)}")
    return value


def _num(value, what: str, lo: float, hi: float) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        _fail(f"{what} must be a finite number, got {value!r}")
    if not lo <= value <= hi:
        _fail(f"{what} must be in [{lo:g}, {hi:g}], got {value:g}")
    return float(value)


def _int(value, what: str, lo: int, hi: int) -> int:
    if type(value) is not int:
        _fail(f"{what} must be a whole number, got {value!r}")
    if not lo <= value <= hi:
        _fail(f"{what} must be in [{lo}, {hi}], got {value}")
    return value


def _bool(value, what: str) -> bool:
    if type(value) is not bool:
        _fail(f"{what} must be true or false, got {value!r}")
    return value


def _names(value, what: str, lo: int, hi: int) -> list[str]:
    known = act.names()
    if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
        _fail(f"{what} must be a list of activation names")
    for n in value:
        if n not in known:
            _fail(f"{what}: unknown activation {n!r}")
    if len(set(value)) != len(value):
        _fail(f"{what}: each activation may appear once")
    if not lo <= len(value) <= hi:
        _fail(f"{what}: {lo} to {hi} activations, got {len(value)}")
    return list(value)


def _check_activations(d) -> dict:
    d = _obj(d, "activations page", ("shown", "selected", "params", "z_min", "z_max",
                                     "z_probe", *TOGGLES))
    out = {"shown": _names(d["shown"], "activations page: shown", 0, len(act.names()))}
    selected = d["selected"]
    if selected is not None and selected not in act.names():
        _fail(f"activations page: unknown selected activation {selected!r}")
    out["selected"] = selected
    params = d["params"]
    if not isinstance(params, dict):
        _fail("activations page: params must be a JSON object")
    out["params"] = {}
    for name, values in params.items():
        if name not in act.names() or not act.param_specs(name):
            _fail(f"activations page: {name!r} has no parameters")
        specs = act.param_specs(name)
        values = _obj(values, f"activations page: parameters of {name}", tuple(specs))
        out["params"][name] = {k: _num(values[k], f"activations page: {name} {k}",
                                       specs[k].low, specs[k].high) for k in specs}
    lo = _num(d["z_min"], "activations page: z_min", -Z_LIMIT, Z_LIMIT - 1)
    hi = _num(d["z_max"], "activations page: z_max", lo + 1, Z_LIMIT)
    out.update(z_min=lo, z_max=hi, z_probe=_num(d["z_probe"], "activations page: z_probe",
                                                 lo, hi))
    for key in TOGGLES:
        out[key] = _bool(d[key], f"activations page: {key}")
    return out


def _check_softmax(d) -> dict:
    d = _obj(d, "softmax page", ("count", "logits", "temperature", "target"))
    count = _int(d["count"], "softmax page: count", MIN_LOGITS, MAX_LOGITS)
    logits = d["logits"]
    if not isinstance(logits, list) or len(logits) != MAX_LOGITS:
        _fail(f"softmax page: logits must be a list of {MAX_LOGITS} numbers")
    return {"count": count,
            "logits": [_num(z, "softmax page: logit", -LOGIT_LIMIT, LOGIT_LIMIT)
                       for z in logits],
            "temperature": _num(d["temperature"], "softmax page: temperature", T_MIN, T_MAX),
            "target": _int(d["target"], "softmax page: target", 0, count - 1)}


def _check_training(d) -> dict:
    d = _obj(d, "training page", ("speed", "show_test", "discretize"))
    if type(d["speed"]) is not int or d["speed"] not in TRAINING_SPEEDS:
        _fail(f"training page: speed must be one of {', '.join(map(str, TRAINING_SPEEDS))}")
    return {"speed": d["speed"], "show_test": _bool(d["show_test"], "training page: show_test"),
            "discretize": _bool(d["discretize"], "training page: discretize")}


def _check_compare(d) -> dict:
    d = _obj(d, "compare page", ("config", "activations", "seed_count", "target", "speed"))
    if not isinstance(d["config"], dict):
        _fail("compare page: config must be a JSON object")
    try:
        config = TrainConfig.from_dict(d["config"])
    except (ValueError, TypeError) as e:
        _fail(f"compare page: {e}")
    names = _names(d["activations"], "compare page: activations", MIN_ACTIVATIONS,
                   MAX_ACTIVATIONS)
    n = _int(d["seed_count"], "compare page: seed_count", 1, MAX_SEEDS)
    if type(d["speed"]) is not int or d["speed"] not in COMPARE_SPEEDS:
        _fail(f"compare page: speed must be one of {', '.join(map(str, COMPARE_SPEEDS))}")
    try:  # what the page would build, so that applying cannot fail half-way
        MultiTrainer(config, names, range(config.seed, config.seed + n))
    except ValueError as e:
        _fail(f"compare page: {e}")
    return {"config": config, "activations": names, "seed_count": n,
            "target": _num(d["target"], "compare page: target", 0.001, 10.0),
            "speed": d["speed"]}


_CHECK = {"activations": _check_activations, "softmax": _check_softmax,
          "training": _check_training, "compare": _check_compare}


def prepare(doc: dict) -> Plan:
    """Check a session document (header already checked) and restore its trainer.

    Raises ValueError naming the first problem; changes nothing visible.
    """
    pages = doc["pages"]
    missing = [name for name in PAGE_NAMES if name not in pages]
    if missing:
        _fail(f"pages: missing {', '.join(missing)}")
    unknown = sorted(set(pages) - set(PAGE_NAMES))
    if unknown:
        _fail(f"pages: unknown page(s) {', '.join(unknown)}")
    checked = {name: _CHECK[name](pages[name]) for name in PAGE_NAMES}
    trainer = session.restore_trainer(doc["trainer"])
    page = doc.get("page")
    return Plan(trainer, checked, page if page in PAGE_NAMES else None)


def load(path) -> Plan:
    """Read, parse and check a session file; ValueError("session: ...") for any problem."""
    doc = session.read(path)
    try:
        return prepare(doc)
    except (TypeError, KeyError, IndexError, AttributeError, OverflowError) as e:
        raise ValueError(f"session: malformed content ({type(e).__name__}: {e})") from None


# -- applying ------------------------------------------------------------------------------


def apply(window, plan: Plan) -> None:
    """Put a checked session into the window's pages (building any not built yet)."""
    for name in PAGE_NAMES:
        _APPLY[name](window.page(name), plan.pages[name], plan)
    if plan.page is not None:
        window.show_page(plan.page)


def _apply_activations(page, s: dict, _plan) -> None:
    names = _child(page, QListWidget, "activationList")
    slider = _child(page, QAbstractSlider, "paramSlider")
    rows = {names.item(i).data(ROLE): i for i in range(names.count())}
    # Parameters go through the slider of the selected row, as a learner would set them.
    for name, values in s["params"].items():
        for key, value in values.items():
            spec = act.param_specs(name)[key]
            if page.activation(name).params[key] == value:
                continue
            names.setCurrentRow(rows[name])
            pos = value_to_slider(spec, value)
            if slider.value() == pos:  # no change, no signal: step off and back
                slider.setValue(pos - 1 if pos > slider.minimum() else pos + 1)
            slider.setValue(pos)  # the page then holds slider_to_value(spec, pos)
    for name, row in rows.items():
        state = Qt.CheckState.Checked if name in s["shown"] else Qt.CheckState.Unchecked
        if names.item(row).checkState() != state:
            names.item(row).setCheckState(state)
    if s["selected"] is not None:
        names.setCurrentRow(rows[s["selected"]])
    z_min = _child(page, QDoubleSpinBox, "zMin")
    z_max = _child(page, QDoubleSpinBox, "zMax")
    if s["z_min"] <= z_max.value() - 1:  # each end stays at least 1 from the other
        z_min.setValue(s["z_min"])
        z_max.setValue(s["z_max"])
    else:
        z_max.setValue(s["z_max"])
        z_min.setValue(s["z_min"])
    _child(page, QDoubleSpinBox, "zProbe").setValue(s["z_probe"])
    for key, name in TOGGLES.items():
        _child(page, QCheckBox, name).setChecked(s[key])


def _apply_softmax(page, s: dict, _plan) -> None:
    _child(page, QSpinBox, "logitCount").setValue(s["count"])
    for i, z in enumerate(s["logits"]):
        _child(page, QDoubleSpinBox, f"logitSpin{i}").setValue(z)
    _child(page, QDoubleSpinBox, "temperatureSpin").setValue(s["temperature"])
    _child(page, QSpinBox, "targetClass").setValue(s["target"])


def _apply_training(page, s: dict, plan: Plan) -> None:
    c = page.controller
    c.pause()
    c.trainer = plan.trainer
    page.controls.set_config(plan.trainer.config)
    page.scenario_box.hide()  # a scenario's note is about the run it started
    _child(page, QComboBox, "scenarioCombo").setCurrentIndex(0)
    _child(page, QAbstractSlider, "speedSlider").setValue(speed_index(s["speed"]))
    c.set_speed(s["speed"])
    _child(page, QCheckBox, "showTestCheck").setChecked(s["show_test"])
    _child(page, QCheckBox, "discretizeCheck").setChecked(s["discretize"])
    c.publish()


def _apply_compare(page, s: dict, _plan) -> None:
    c = page.controller
    c.pause()
    if tuple(s["activations"]) != c.activations:
        c.set_activations(s["activations"])
    if s["seed_count"] != c.seed_count:
        c.set_seed_count(s["seed_count"])
    if s["config"] != c.config:
        c.set_config(s["config"])
    c.reset()  # the race's progress is not saved: a loaded race starts at step 0
    page.settings.set_state(c.config, c.activations, c.seed_count)
    _child(page, QDoubleSpinBox, "compareTarget").setValue(s["target"])
    speed = _child(page, QComboBox, "compareSpeed")
    speed.setCurrentIndex(speed.findData(s["speed"]))
    c.set_speed(s["speed"])


_APPLY = {"activations": _apply_activations, "softmax": _apply_softmax,
          "training": _apply_training, "compare": _apply_compare}
