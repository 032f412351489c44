"""Sessions in the window: File menu, every page saved and restored, exact continuation,
hostile files refused with the state untouched, recent files, and the command line."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import (
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolButton,
)

from actgui.engine import session
from actgui.engine.config import TrainConfig
from actgui.ui import session_state
from actgui.ui.main_window import create_main_window
from actgui.ui.settings import MAX_RECENT_FILES, Settings

ROLE = Qt.ItemDataRole.UserRole


def make_window(qtbot, tmp_path, name="actgui.ini"):
    window = create_main_window(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


@pytest.fixture
def warnings(monkeypatch):
    """Record QMessageBox.warning calls instead of opening modal dialogs."""
    calls = []

    def record(parent, title, text, *args, **kwargs):
        calls.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return calls


def child(window, page, cls, name):
    w = window.page(page).findChild(cls, name)
    assert w is not None, f"{page} page has no {cls.__name__} {name}"
    return w


def customise(window) -> None:
    """Move every page away from its defaults, through the widgets a learner uses."""
    a = window.page("activations")
    names = child(window, "activations", QListWidget, "activationList")
    rows = {names.item(i).data(ROLE): i for i in range(names.count())}
    names.setCurrentRow(rows["leaky_relu"])
    child(window, "activations", QAbstractSlider, "paramSlider").setValue(200)
    names.setCurrentRow(rows["elu"])
    child(window, "activations", QAbstractSlider, "paramSlider").setValue(700)
    names.item(rows["sigmoid"]).setCheckState(Qt.CheckState.Unchecked)
    names.item(rows["softplus"]).setCheckState(Qt.CheckState.Checked)
    names.setCurrentRow(rows["tanh"])
    child(window, "activations", QDoubleSpinBox, "zMax").setValue(9.0)
    child(window, "activations", QDoubleSpinBox, "zMin").setValue(-3.0)
    child(window, "activations", QDoubleSpinBox, "zProbe").setValue(-1.25)
    for name in ("showTangent", "showSaturation", "showDead", "showCheck"):
        box = child(window, "activations", QCheckBox, name)
        box.setChecked(not box.isChecked())
    assert a.activation("leaky_relu").params["alpha"] != 0.01

    child(window, "softmax", QSpinBox, "logitCount").setValue(6)
    child(window, "softmax", QDoubleSpinBox, "logitSpin4").setValue(3.25)
    child(window, "softmax", QDoubleSpinBox, "logitSpin9").setValue(-7.5)
    child(window, "softmax", QDoubleSpinBox, "temperatureSpin").setValue(2.5)
    child(window, "softmax", QSpinBox, "targetClass").setValue(5)

    t = window.page("training")
    assert t.apply_changes({"dataset": "xor", "hidden": (5, 3), "activation": "relu",
                            "optimizer": "adam", "learning_rate": 0.01, "batch_size": 7})
    t.controller.add_point(2.0, -1.0, 1)
    t.controller.add_point(-2.5, 3.0, 0, train=False)
    t.controller.trainer.step(130)
    t.controller.step()  # publishes: the timeline gets a row at the saved step
    child(window, "training", QAbstractSlider, "speedSlider").setValue(3)
    child(window, "training", QCheckBox, "discretizeCheck").setChecked(True)
    child(window, "training", QCheckBox, "showTestCheck").setChecked(False)

    c = window.page("compare").controller
    window.page("compare")._apply(c.set_activations, ["tanh", "relu", "elu", "gelu"])
    window.page("compare")._apply(c.update_config, hidden=(4,), learning_rate=0.1)
    window.page("compare")._apply(c.set_seed_count, 3)
    child(window, "compare", QDoubleSpinBox, "compareTarget").setValue(0.25)
    speed = child(window, "compare", QComboBox, "compareSpeed")
    speed.setCurrentIndex(speed.findData(100))
    window.show_page("softmax")


def view_state(window) -> dict:
    """What the learner sees on every page, read independently of session_state."""
    a = window.page("activations")
    names = child(window, "activations", QListWidget, "activationList")
    t = window.page("training")
    c = window.page("compare")
    return {
        "page": window.current_page_name(),
        "shown": a.shown(), "selected": a.selected(),
        "params": {n: dict(a.activation(n).params) for n in ("leaky_relu", "elu", "silu")},
        "z": (a.z_grid()[0], a.z_grid()[-1], a.probe_z()),
        "checked": [names.item(i).checkState() == Qt.CheckState.Checked
                    for i in range(names.count())],
        "toggles": [child(window, "activations", QCheckBox, n).isChecked()
                    for n in session_state.TOGGLES.values()],
        "softmax": {k: (v.tolist() if isinstance(v, np.ndarray) else v)
                    for k, v in window.page("softmax").state.items()},
        "training_config": t.controls.config(),
        "speed": t.controller.speed,
        "plane": (child(window, "training", QCheckBox, "showTestCheck").isChecked(),
                  child(window, "training", QCheckBox, "discretizeCheck").isChecked()),
        "compare": (c.controller.config, c.controller.activations, c.controller.seed_count,
                    c.controller.target, c.controller.speed, c.settings.checked()),
    }


def trainer_numbers(window) -> dict:
    t = window.page("training").controller.trainer
    return {"theta": t.net.theta.copy(), "step": t.step_count, "epoch": t.epoch,
            "history": t.history.array(), "points": t.points.copy(),
            "timeline": t.timeline.columns()["step"].copy()}


def assert_numbers_equal(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert np.array_equal(a[key], b[key], equal_nan=True), key


# -- menu ----------------------------------------------------------------------------------


def test_file_menu_has_open_recent_save_and_save_as(window):
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    for name, keys in (("actionOpen", "Ctrl+O"), ("actionSave", "Ctrl+S"),
                       ("actionSaveAs", "Ctrl+Shift+S")):
        assert actions[name].shortcut().toString() == keys
        assert actions[name] in window.file_menu.actions()
        assert actions[name].toolTip() != actions[name].text().replace("&", "")
    recent = window.findChild(QMenu, "menuRecent")
    assert recent.menuAction() in window.file_menu.actions()
    assert window.file_menu.actions()[-1] is window.quit_action
    assert not recent.menuAction().isEnabled()  # nothing opened yet


# -- round trip ----------------------------------------------------------------------------


def test_every_page_round_trips_and_training_continues_exactly(qtbot, tmp_path, warnings):
    first = make_window(qtbot, tmp_path, "first.ini")
    customise(first)
    trainer = first.page("training").controller.trainer
    assert trainer._pos != 0, "the save must fall in the middle of an epoch"
    path = tmp_path / "lesson.actgui.json"
    assert first.sessions.write(str(path))
    assert first.windowTitle() == "lesson — actgui"
    saved_view, saved_numbers = view_state(first), trainer_numbers(first)

    second = make_window(qtbot, tmp_path, "second.ini")
    assert view_state(second) != saved_view
    assert second.sessions.open(str(path))
    assert warnings == []
    assert view_state(second) == saved_view
    assert_numbers_equal(trainer_numbers(second), saved_numbers)
    assert second.page("training").controller.snapshot.step == saved_numbers["step"]
    assert second.windowTitle() == "lesson — actgui"
    assert not second.findChild(QFrame, "sessionBanner").isVisible()

    # Training on in both windows gives the same numbers as never having saved.
    for w in (first, second):
        w.page("training").controller.trainer.step(77)
        w.page("training").controller.publish()
    assert_numbers_equal(trainer_numbers(second), trainer_numbers(first))

    # And saving the loaded window again writes the same pages.
    again = tmp_path / "again.actgui.json"
    assert second.sessions.write(str(again))
    assert (json.loads(again.read_bytes())["pages"] == json.loads(path.read_bytes())["pages"])


def test_save_uses_the_current_file_and_save_as_asks(window, tmp_path, monkeypatch, warnings):
    asked = []

    def ask(parent, title, start, filters):
        asked.append(start)
        return str(tmp_path / "mine"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.findChild(QAction, "actionSave").trigger()  # no file yet: asks
    assert asked and (tmp_path / "mine.actgui.json").is_file()
    assert window.sessions.path == str(tmp_path / "mine.actgui.json")
    window.page("training").controller.trainer.step(3)
    window.findChild(QAction, "actionSave").trigger()  # now saves without asking
    assert len(asked) == 1
    doc = json.loads((tmp_path / "mine.actgui.json").read_bytes())
    assert doc["trainer"]["step_count"] == 3
    window.findChild(QAction, "actionSaveAs").trigger()
    assert len(asked) == 2 and warnings == []


def test_saving_to_an_impossible_place_says_so(window, tmp_path, warnings):
    assert not window.sessions.write(str(tmp_path / "no" / "such" / "dir.actgui.json"))
    assert len(warnings) == 1 and "could not be written" in warnings[0][1]
    assert window.sessions.path is None


# -- hostile files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_doc(tmp_path_factory, qapp):
    path = tmp_path_factory.mktemp("good") / "good.actgui.json"
    window = create_main_window(QSettings(str(path) + ".ini", QSettings.Format.IniFormat))
    try:
        window.page("training").controller.trainer.step(17)
        session.save(path, session_state.gather(window))
    finally:
        window.close()
        window.deleteLater()
    return json.loads(path.read_bytes())


def _edit(doc, *path_and_value):
    d = copy.deepcopy(doc)
    *path, value = path_and_value
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(d).encode()


HOSTILE = {
    "truncated": (lambda d: json.dumps(d).encode()[:3000], "Not valid JSON"),
    "binary": (lambda d: os.urandom(4096) + b"\0", "Binary content"),
    "deeply nested": (lambda d: b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000, "Nested more"),
    "NaN": (lambda d: json.dumps(d).replace('"epoch": 0', '"epoch": NaN', 1).encode(),
            "NaN is not allowed"),
    "future version": (lambda d: _edit(d, "schema_version", 99), "newer actgui"),
    "wrong shape": (lambda d: _edit(d, "trainer", "weights", 0, [[1.0]]),
                    "Weights of layer 1 have shape (1, 1), expected (2, 4)"),
    "absurd layer": (lambda d: _edit(d, "trainer", "config", "hidden", [10**9]),
                     "1 to 16 units"),
    "wrong type": (lambda d: _edit(d, "trainer", "step_count", [17]), "whole number"),
    "bad softmax page": (lambda d: _edit(d, "pages", "softmax", "count", 11),
                         "Softmax page: count must be in [2, 10]"),
    "bad activation name": (lambda d: _edit(d, "pages", "activations", "shown", ["nope"]),
                            "unknown activation 'nope'"),
    "one compare activation": (lambda d: _edit(d, "pages", "compare", "activations", ["relu"]),
                               "2 to 4 activations"),
    "bad toggle": (lambda d: _edit(d, "pages", "activations", "show_dead", "yes"),
                   "true or false"),
    "page missing": (lambda d: json.dumps({**d, "pages": {"softmax": d["pages"]["softmax"]}})
                     .encode(), "missing activations"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_gives_a_dialog_and_changes_nothing(name, good_doc, window, tmp_path,
                                                        warnings):
    customise(window)
    controller = window.page("training").controller
    trainer = controller.trainer
    before_view, before_numbers = view_state(window), trainer_numbers(window)
    title = window.windowTitle()
    build, expected = HOSTILE[name]
    path = tmp_path / f"{name}.actgui.json"
    path.write_bytes(build(good_doc))

    assert not window.sessions.open(str(path))

    assert len(warnings) == 1
    dialog_title, text = warnings[0]
    assert dialog_title == "Could not open the session"
    assert str(path) in text and expected in text and "Nothing was changed" in text
    assert controller.trainer is trainer
    assert view_state(window) == before_view
    assert_numbers_equal(trainer_numbers(window), before_numbers)
    assert window.windowTitle() == title and window.sessions.path is None
    assert Settings(window._settings.qsettings).recent_files == []


def test_good_document_of_the_hostile_corpus_opens(good_doc, window, tmp_path, warnings):
    path = tmp_path / "good.actgui.json"
    path.write_bytes(json.dumps(good_doc).encode())
    assert window.sessions.open(str(path)) and warnings == []
    assert window.page("training").controller.trainer.step_count == 17


@pytest.mark.parametrize("kind", ["dev-zero", "big", "directory"])
def test_special_files_are_refused(kind, window, tmp_path, warnings):
    path = tmp_path / "x.actgui.json"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "big":
        with open(path, "wb") as f:
            f.truncate(session.MAX_BYTES + 1)
    else:
        path.mkdir()
    assert not window.sessions.open(str(path))
    assert len(warnings) == 1
    assert ("not a regular file" in warnings[0][1]) or ("at most 50 MB" in warnings[0][1])


# -- start-up banner -----------------------------------------------------------------------


def test_bad_file_at_start_shows_the_banner_not_a_dialog(window, tmp_path, warnings, qtbot):
    path = tmp_path / "broken.actgui.json"
    path.write_bytes(b'{"format": "actgui-session", "schema_version": 1, "pages": {')
    before = view_state(window)
    problem = window.sessions.open_at_start(str(path))
    assert problem is not None and problem.startswith("session: not valid JSON")
    banner = window.findChild(QFrame, "sessionBanner")
    assert banner.isVisible()
    text = banner.findChild(QLabel, "sessionBannerText").text()
    assert str(path) in text and "default settings" in text and "Not valid JSON" in text
    assert warnings == [] and view_state(window) == before
    qtbot.mouseClick(banner.findChild(QToolButton, "sessionBannerClose"),
                     Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def run_actgui(*args, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "actgui", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _has_banner_colour(png) -> bool:
    image = QImage(str(png))
    target = QColor("#FDE2E1").rgb()
    return any(image.pixel(x, y) == target for x in range(0, image.width(), 7)
               for y in range(0, 120, 3))


def test_cli_bad_file_starts_with_banner_one_stderr_line_and_exit_0(tmp_path):
    bad = tmp_path / "bad.actgui.json"
    bad.write_text('{"format": "actgui-session", "schema_version": 7}')
    png = tmp_path / "out.png"
    done = run_actgui(str(bad), "--screenshot", str(png), home=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("actgui: cannot open the session") and str(bad) in lines[0]
    assert "newer actgui" in lines[0] and "Traceback" not in done.stderr
    assert png.is_file() and _has_banner_colour(png)


def test_cli_good_file_opens_it(tmp_path, window):
    window.page("training").controller.trainer.step(5)
    window.show_page("training")
    good = tmp_path / "good.actgui.json"
    assert window.sessions.write(str(good))
    png = tmp_path / "out.png"
    done = run_actgui(str(good), "--screenshot", str(png), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "session" not in done.stderr and "Traceback" not in done.stderr
    assert png.is_file() and not _has_banner_colour(png)


# -- recent files --------------------------------------------------------------------------


def recent_entries(window) -> list[str]:
    menu = window.findChild(QMenu, "menuRecent")
    return [a.toolTip() for a in menu.actions() if a.objectName().startswith("actionRecent")]


def test_recent_files_newest_first_pruned_and_reopened(window, tmp_path, warnings):
    paths = [str(tmp_path / f"s{i}.actgui.json") for i in range(3)]
    for p in paths:
        assert window.sessions.write(p)
    assert recent_entries(window) == paths[::-1]
    assert window.findChild(QMenu, "menuRecent").menuAction().isEnabled()

    os.remove(paths[1])
    window.sessions.refresh_recent()
    assert recent_entries(window) == [paths[2], paths[0]]
    assert Settings(window._settings.qsettings).recent_files == [paths[2], paths[0]]

    window.page("training").controller.trainer.step(9)
    action = window.findChild(QAction, "actionRecent1")
    assert action.toolTip() == paths[0]
    action.trigger()
    assert warnings == [] and window.page("training").controller.trainer.step_count == 0
    assert recent_entries(window) == [paths[0], paths[2]]

    window.findChild(QAction, "actionClearRecent").trigger()
    assert recent_entries(window) == []
    assert not window.findChild(QMenu, "menuRecent").menuAction().isEnabled()


def test_recent_files_keep_at_most_eight(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
    files = []
    for i in range(MAX_RECENT_FILES + 3):
        f = tmp_path / f"{i}.actgui.json"
        f.write_text("{}")
        files.append(str(f))
        settings.add_recent_file(str(f))
    assert settings.recent_files == files[::-1][:MAX_RECENT_FILES]
    settings.add_recent_file(files[5])
    assert settings.recent_files[0] == files[5] and len(settings.recent_files) == 8
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
    assert again.recent_files == settings.recent_files
    again.recent_files = [files[0]]  # one entry comes back from QSettings as a plain str
    again.sync()
    assert Settings(QSettings(str(tmp_path / "r.ini"),
                              QSettings.Format.IniFormat)).recent_files == [files[0]]


def test_loaded_config_is_shown_by_the_training_controls(window, tmp_path, warnings):
    t = window.page("training")
    t.apply_changes({"hidden": (3,), "learning_rate": 0.3})
    path = tmp_path / "t.actgui.json"
    assert window.sessions.write(str(path))
    t.apply_changes({"hidden": (7, 7, 7)})
    assert window.sessions.open(str(path))
    assert t.controls.config() == t.controller.config == TrainConfig(hidden=(3,),
                                                                      learning_rate=0.3)
    assert t.controller.snapshot.config.hidden == (3,)
