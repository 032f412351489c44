"""The live Training page: controls, transport, scenarios, warnings, points and CSV import."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
)

import pyqtgraph as pg  # isort: skip

from actgui.engine import datasets
from actgui.engine.config import TrainConfig
from actgui.ui import scenarios
from actgui.ui.controller import MAX_SPEED, TrainingController
from actgui.ui.pages.training import TrainingPage
from actgui.ui.pages.training_bar import SPEEDS
from actgui.ui.pages.training_controls import LayerActivationsDialog
from actgui.ui.views.unit_inspector import UnitInspector

ROLE = Qt.ItemDataRole.UserRole
NAMES = {
    QListWidget: ["datasetPicker"],
    QAbstractSlider: ["noiseSlider", "trainShareSlider", "speedSlider"],
    QComboBox: ["activationCombo", "learningRateCombo", "scenarioCombo", "optimizerCombo",
                "initCombo", "regularizationCombo", "regularizationRateCombo",
                "pointClassCombo"],
    QSpinBox: ["batchSizeSpin", "pointsSpin", "layersSpin", "seedSpin"],
    QDoubleSpinBox: ["biasInitSpin", "initScaleSpin", "pointValueSpin"],
    QPushButton: ["playButton", "stepButton", "resetButton", "regenerateButton",
                  "importButton"],
    QFrame: ["deadWarning", "divergedBanner", "scenarioInfo"],
    QLabel: ["deadWarning", "divergedBanner", "outputLabel", "epochLabel", "stepLabel",
             "trainLossLabel", "testLossLabel", "accuracyLabel", "diagnosticsLabel",
             "speedValue"],
}




@pytest.fixture
def page(qtbot):
    p = TrainingPage()
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.controller.pause()


@pytest.fixture
def hook_errors():
    """Exceptions that reach sys.excepthook (e.g. raised in a slot) during the test."""
    seen = []
    old = sys.excepthook
    sys.excepthook = lambda *info: seen.append(info)
    yield seen
    sys.excepthook = old


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning calls as (title, text), answered without a dialog."""
    calls = []

    def fake(parent, title, text, *args, **kwargs):
        calls.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    return calls


def child(page, cls, name):
    w = page.findChild(cls, name)
    assert w is not None, name
    return w


def click(qtbot, page, name):
    qtbot.mouseClick(child(page, QPushButton, name), Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data) -> None:
    """Pick the item with this data as a user would (currentIndexChanged / activated)."""
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def run_until(qtbot, page, condition, timeout=10000):
    page.controller.start()
    qtbot.waitUntil(lambda: page.controller.snapshot is not None
                    and condition(page.controller.snapshot), timeout=timeout)
    page.controller.pause()
    return page.controller.snapshot


# -- construction ---------------------------------------------------------------------------

def test_constructs_with_object_names_and_parts(page):
    assert page.objectName() == "trainingPage"
    for cls, names in NAMES.items():
        for name in names:
            child(page, cls, name)
    for name in ("boundaryView", "curvesView", "networkView"):
        assert page.findChild(object, name) is not None, name
    assert isinstance(page.controller, TrainingController)
    assert page.controller.parent() is page
    assert page.findChild(TrainingController) is page.controller
    plots = page.plots()
    assert plots and all(isinstance(p, pg.GraphicsView) for p in plots)
    assert page.boundary_view.plot in plots
    assert child(page, QLabel, "epochLabel").text() == "0"
    assert not child(page, QFrame, "deadWarning").isVisible()
    assert not child(page, QFrame, "divergedBanner").isVisible()
    assert child(page, QLabel, "outputLabel").text() == \
        "Output: sigmoid<br>Loss: binary cross-entropy"


def test_every_control_explains_itself(page):
    for cls, names in NAMES.items():
        if cls in (QFrame, QLabel):
            continue
        for name in names:
            assert child(page, cls, name).toolTip(), name


def test_dataset_picker_shows_every_data_set_as_a_thumbnail(page):
    picker = child(page, QListWidget, "datasetPicker")
    assert [picker.item(i).data(ROLE) for i in range(picker.count())] == datasets.names()
    for i in range(picker.count()):
        item = picker.item(i)
        name = item.data(ROLE)
        assert not item.icon().isNull()
        assert datasets.label(name) in item.toolTip()
        kind = datasets.kind(name)
        assert ("regression" in item.toolTip()) == (kind == "regression")
        if kind == "multiclass":
            assert f"{datasets.n_classes(name)} classes" in item.toolTip()
        rect = picker.visualItemRect(item)
        assert picker.viewport().rect().contains(rect), name  # none hidden or clipped
    assert picker.currentItem().data(ROLE) == "circle"
    picker.setCurrentRow(datasets.names().index("spiral3"))
    c = page.controller.config
    assert c.dataset == "spiral3" and c.output_kind == "softmax"
    assert child(page, QLabel, "outputLabel").text() == "Output: softmax<br>Loss: cross-entropy"
    classes = child(page, QComboBox, "pointClassCombo")
    assert [classes.itemData(i) for i in range(classes.count())] == [0, 1, 2]
    picker.setCurrentRow(datasets.names().index("plane"))
    assert page.controller.config.output_kind == "linear"
    assert child(page, QDoubleSpinBox, "pointValueSpin").isVisible()
    assert not classes.isVisible()


# -- transport ------------------------------------------------------------------------------

def test_step_play_pause_and_reset_buttons(page, qtbot):
    c = page.controller
    w0 = [w.copy() for w in c.snapshot.weights]
    click(qtbot, page, "stepButton")
    assert c.snapshot.step == 1 and c.snapshot.epoch == 0
    assert child(page, QLabel, "stepLabel").text() == "step 1"
    for _ in range(24):  # 250 training points in batches of 10: 25 steps an epoch
        click(qtbot, page, "stepButton")
    s = c.snapshot
    assert (s.step, s.epoch) == (25, 1)
    assert list(s.history["epoch"]) == [0, 1]
    assert child(page, QLabel, "epochLabel").text() == "1"
    assert child(page, QLabel, "trainLossLabel").text() == f"{s.train_loss:.3f}"

    play = child(page, QPushButton, "playButton")
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert c.running and play.text() == "Pause"
    qtbot.waitUntil(lambda: c.snapshot.step >= 200, timeout=5000)
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert not c.running and play.text() == "Play"
    step = c.snapshot.step
    qtbot.wait(80)
    assert c.snapshot.step == step
    assert len(c.snapshot.history["epoch"]) == c.snapshot.epoch + 1

    click(qtbot, page, "resetButton")
    s = c.snapshot
    assert (s.step, s.epoch) == (0, 0) and len(s.history["step"]) == 1
    assert all(np.array_equal(a, b) for a, b in zip(s.weights, w0, strict=True))
    assert child(page, QLabel, "epochLabel").text() == "0"


def test_reset_pauses_a_running_page(page, qtbot):
    page.controller.start()
    qtbot.waitUntil(lambda: page.controller.snapshot.step > 0, timeout=5000)
    click(qtbot, page, "resetButton")
    assert not page.controller.running and page.controller.snapshot.step == 0


def test_keyboard_shortcuts_act_on_the_page_but_leave_text_fields_alone(page, qtbot):
    c = page.controller
    page.activateWindow()
    page.network_view.setFocus()
    qtbot.waitUntil(lambda: page.isActiveWindow(), timeout=2000)
    qtbot.keyClick(page.network_view, Qt.Key.Key_Right)
    assert c.snapshot.step == 1
    qtbot.keyClick(page.network_view, Qt.Key.Key_Space)
    assert c.running
    qtbot.keyClick(page.network_view, Qt.Key.Key_Space)
    assert not c.running
    qtbot.keyClick(page.network_view, Qt.Key.Key_R)
    assert c.snapshot.step == 0
    # In the units field, Space, R and the arrows are typing, not commands.
    edit = child(page, QLineEdit, "unitsEdit")
    edit.setFocus()
    edit.setCursorPosition(0)
    qtbot.keyClick(edit, Qt.Key.Key_Right)
    qtbot.keyClick(edit, Qt.Key.Key_Space)
    assert not c.running and c.snapshot.step == 0 and edit.cursorPosition() == 2
    # The speed slider keeps its arrow keys.
    slider = child(page, QAbstractSlider, "speedSlider")
    slider.setFocus()
    before = slider.value()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == before + 1 and c.snapshot.step == 0


def test_speed_slider_is_logarithmic_and_shows_its_value(page):
    slider = child(page, QAbstractSlider, "speedSlider")
    assert SPEEDS[0] == 1 and SPEEDS[-1] == MAX_SPEED
    assert SPEEDS[slider.value()] == page.controller.speed == 25
    ratios = np.array(SPEEDS[1:]) / np.array(SPEEDS[:-1])
    assert ratios.max() <= 2.0 and ratios.min() > 1.0
    slider.setValue(slider.maximum())
    assert page.controller.speed == MAX_SPEED
    assert child(page, QLabel, "speedValue").text() == "5,000 steps/frame"
    slider.setValue(0)
    assert page.controller.speed == 1
    assert child(page, QLabel, "speedValue").text() == "1 step/frame"


def test_status_message_reports_epoch_step_and_rates(page, qtbot):
    seen = []
    page.status_message.connect(seen.append)
    page.controller.start()
    qtbot.waitUntil(lambda: any("steps/s" in m for m in seen), timeout=5000)
    page.controller.pause()
    running = [m for m in seen if "steps/s" in m][-1]
    assert running.startswith("Epoch ") and " · step " in running and "frames/s" in running
    assert seen[-1].startswith("Paused · epoch ")


# -- settings -------------------------------------------------------------------------------

def test_learning_rate_applies_live(page, qtbot):
    c = page.controller
    c.step_epoch()
    w = [x.copy() for x in c.snapshot.weights]
    choose(child(page, QComboBox, "learningRateCombo"), 0.3)
    assert c.config.learning_rate == 0.3
    assert c.snapshot.step == 25  # no reset
    assert all(np.array_equal(a, b) for a, b in zip(c.snapshot.weights, w, strict=True))
    lr = child(page, QComboBox, "learningRateCombo")
    assert [lr.itemData(i) for i in range(lr.count())] == [
        0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


def test_regularization_applies_live(page):
    c = page.controller
    c.step_epoch()
    choose(child(page, QComboBox, "regularizationCombo"), "l2")
    choose(child(page, QComboBox, "regularizationRateCombo"), 0.01)
    assert (c.config.l1, c.config.l2) == (0.0, 0.01) and c.snapshot.step == 25
    choose(child(page, QComboBox, "regularizationCombo"), None)
    assert (c.config.l1, c.config.l2) == (0.0, 0.0)
    assert not child(page, QComboBox, "regularizationRateCombo").isEnabled()


def test_activation_change_resets_and_updates_the_config(page):
    c = page.controller
    c.step_epoch()
    choose(child(page, QComboBox, "activationCombo"), "relu")
    assert c.config.activation == "relu" and c.snapshot.step == 0
    assert c.snapshot.config.hidden_activations == ["relu", "relu"]


def test_per_layer_activation_override(page, qtbot):
    dialog = LayerActivationsDialog(page.controller.config, page)
    qtbot.addWidget(dialog)
    assert len(dialog.combos) == 2
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("sigmoid"))
    page.apply_changes({"layer_activations": dialog.layer_activations()})
    assert page.controller.config.hidden_activations == ["tanh", "sigmoid"]
    label = child(page, QLabel, "layerActivationsLabel")
    assert label.isVisibleTo(page) and "layer 2: Sigmoid" in label.text()


def test_batch_size_init_and_seed_controls(page):
    c = page.controller
    batch = child(page, QSpinBox, "batchSizeSpin")
    assert batch.maximum() == c.config.n_train == 250
    batch.setValue(25)
    bias = child(page, QDoubleSpinBox, "biasInitSpin")
    bias.setValue(-1.5)
    child(page, QDoubleSpinBox, "initScaleSpin").setValue(2.0)
    choose(child(page, QComboBox, "initCombo"), "he")
    choose(child(page, QComboBox, "optimizerCombo"), "adam")
    child(page, QSpinBox, "seedSpin").setValue(7)
    cfg = c.config
    assert (cfg.batch_size, cfg.bias_init, cfg.init_scale, cfg.init, cfg.optimizer, cfg.seed) == \
        (25, -1.5, 2.0, "he", "adam", 7)
    assert np.all(c.snapshot.biases[0] == -1.5)


def test_fewer_points_shrink_the_batch_instead_of_failing(page, warnings):
    child(page, QSpinBox, "batchSizeSpin").setValue(200)
    child(page, QSpinBox, "pointsSpin").setValue(100)
    c = page.controller.config
    assert c.n_points == 100 and c.batch_size == c.n_train == 50 and warnings == []


def test_data_controls_regenerate(page, qtbot):
    c = page.controller
    child(page, QAbstractSlider, "noiseSlider").setValue(20)
    child(page, QAbstractSlider, "trainShareSlider").setValue(70)
    assert (c.config.noise, c.config.train_fraction) == (0.2, 0.7)
    assert len(c.snapshot.x_train) == 350
    before = c.trainer.points.copy()
    click(qtbot, page, "regenerateButton")
    assert c.config.data_seed == 1 and not np.array_equal(before, c.trainer.points)


def test_a_refused_value_warns_and_restores_the_controls(page, qtbot, warnings):
    c = page.controller
    c.step_epoch()
    edit = child(page, QLineEdit, "unitsEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "4, 17")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert len(warnings) == 1 and "hidden" in warnings[0][1] and "17" in warnings[0][1]
    assert c.config.hidden == (4, 2) and c.snapshot.step == 25  # untouched
    assert edit.text() == "4, 2"
    page.apply_changes({"learning_rate": 100.0})
    assert "learning_rate" in warnings[-1][1] and c.config.learning_rate == 0.03
    assert child(page, QComboBox, "learningRateCombo").currentData() == 0.03


def test_units_typed_differently_are_shown_the_usual_way(page, qtbot):
    # Found by the UI storm: " 4 ,2" applied nothing and stayed as typed.
    edit = child(page, QLineEdit, "unitsEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, " 4 ,2,")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.controller.config.hidden == (4, 2)
    assert edit.text() == "4, 2"


def test_architecture_from_the_network_view_and_the_layers_spin(page):
    nv, c = page.network_view, page.controller
    nv.hidden_changed.emit((5, 3, 2))
    assert c.config.hidden == (5, 3, 2)
    assert child(page, QSpinBox, "layersSpin").value() == 3
    assert child(page, QLineEdit, "unitsEdit").text() == "5, 3, 2"
    child(page, QSpinBox, "layersSpin").setValue(1)
    assert c.config.hidden == (5,)
    child(page, QSpinBox, "layersSpin").setValue(2)
    assert c.config.hidden == (5, 5)


def test_features_toggle_on_the_inputs_but_one_stays_on(page):
    nv, c = page.network_view, page.controller
    messages = []
    page.status_message.connect(messages.append)
    nv.feature_toggled.emit("x1x2", True)
    assert c.config.features == ("x1", "x2", "x1x2")
    nv.feature_toggled.emit("x1", False)
    nv.feature_toggled.emit("x1x2", False)
    assert c.config.features == ("x2",)
    nv.feature_toggled.emit("x2", False)
    assert c.config.features == ("x2",)
    assert messages and "At least one input" in messages[-1]


def test_weight_edit_reaches_the_engine(page):
    page.network_view.weight_edited.emit(1, 2, 0, 1.25)
    assert page.controller.trainer.net.weights[1][2, 0] == 1.25
    assert page.controller.snapshot.weights[1][2, 0] == 1.25


def test_unit_inspector_opens_once_and_follows_training(page, qtbot):
    page.network_view.unit_clicked.emit(0, 2)
    w = page.findChild(UnitInspector)
    assert w is not None and w.isWindow() and w.isVisible()
    assert (w.layer, w.unit) == (0, 2)
    page.network_view.unit_clicked.emit(0, 2)
    assert len(page.findChildren(UnitInspector)) == 1
    page.controller.step()
    counts, _ = w.histogram()
    assert counts.sum() == len(page.controller.snapshot.x_train)
    w.close()
    qtbot.waitUntil(lambda: not page.findChildren(UnitInspector), timeout=2000)
    page.controller.step()  # a closed inspector gets nothing (and nothing fails)


# -- points and CSV -------------------------------------------------------------------------

def test_points_added_and_removed_through_the_boundary_view(page):
    c, bv = page.controller, page.boundary_view
    n = len(c.trainer.points)
    choose(child(page, QComboBox, "pointClassCombo"), 0)
    bv.add_point_requested.emit(1.5, -2.0)
    assert len(c.trainer.points) == n + 1
    assert np.array_equal(c.trainer.points[-1], [1.5, -2.0]) and c.trainer.labels[-1] == 0
    assert len(c.snapshot.x_train) == c.trainer.is_train.sum()
    bv.remove_point_requested.emit(1.5, -2.0)
    assert len(c.trainer.points) == n
    assert not np.any(np.all(c.trainer.points == [1.5, -2.0], axis=1))


def test_regression_points_take_the_value_spin(page):
    page.apply_changes({"dataset": "plane"})
    child(page, QDoubleSpinBox, "pointValueSpin").setValue(-0.5)
    page.boundary_view.add_point_requested.emit(2.0, 2.0)
    assert page.controller.trainer.labels[-1] == -0.5


def test_csv_import_errors_show_a_dialog_and_keep_the_points(page, qtbot, tmp_path,
                                                             monkeypatch, warnings):
    c = page.controller
    before = (c.trainer.points.copy(), c.trainer.labels.copy())
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,0\n3,oops,1\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    click(qtbot, page, "importButton")
    assert len(warnings) == 1 and "bad.csv" in warnings[0][1]
    assert np.array_equal(c.trainer.points, before[0])
    assert np.array_equal(c.trainer.labels, before[1])

    missing = tmp_path / "missing.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(missing), "")))
    click(qtbot, page, "importButton")
    assert len(warnings) == 2 and np.array_equal(c.trainer.points, before[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    click(qtbot, page, "importButton")  # cancelled: nothing happens
    assert len(warnings) == 2

    good = tmp_path / "good.csv"
    good.write_text("x1,x2,label\n" + "\n".join(f"{i % 5},{i % 3},{i % 2}" for i in range(40)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(good), "")))
    click(qtbot, page, "importButton")
    assert len(warnings) == 2 and len(c.trainer.points) == 40


# -- scenarios, warnings, divergence --------------------------------------------------------

def test_scenarios_are_data_with_texts():
    keys = [s.key for s in scenarios.SCENARIOS]
    assert keys == ["dying_relu", "saturating_sigmoid", "same_sign", "tanh_saturation"]
    for s in scenarios.SCENARIOS:
        assert s.title() and len(s.text()) > 200
        assert s.config().replace() == s.config()  # valid
    assert scenarios.by_key("same_sign").follow_up_config().activation == "tanh"


def assert_marks_match_engine(page, s):
    for l, st in enumerate(s.diagnostics.layers):
        for j in range(st.dead.size):
            shown = page.network_view.unit_state(l, j)
            assert shown["dead"] == bool(st.dead[j]), (l, j)
            assert shown["saturated"] == bool(st.saturated[j]), (l, j)


@pytest.mark.qt_no_exception_capture
def test_dying_relu_scenario(page, qtbot, hook_errors):
    combo = child(page, QComboBox, "scenarioCombo")
    combo.activated.emit(combo.findData("dying_relu"))
    c = page.controller
    assert c.config.activation == "relu" and c.config.learning_rate == 3.0
    box = child(page, QFrame, "scenarioInfo")
    assert box.isVisible() and "Dying ReLU" in child(page, QLabel, "scenarioText").text()
    assert c.running  # one click: it trains at once
    s = run_until(qtbot, page, lambda s: s.diagnostics.dead_count > 0)
    assert s.step <= 2000
    assert_marks_match_engine(page, s)
    warning = child(page, QFrame, "deadWarning")
    assert warning.isVisible()
    for l, st in enumerate(s.diagnostics.layers):
        named = f"layer {l + 1}:" in warning.text()
        assert named == st.dead_warning
    assert "learning rate" in warning.text()
    # The follow-up restarts with a small learning rate, and the units live.
    click(qtbot, page, "scenarioFollowUpButton")
    assert c.config.learning_rate == 0.03 and c.config.activation == "relu"
    s = run_until(qtbot, page, lambda s: s.step >= 300)
    assert s.diagnostics.dead_count <= 1
    assert_marks_match_engine(page, s)
    assert hook_errors == []


@pytest.mark.qt_no_exception_capture
def test_saturating_sigmoid_scenario(page, qtbot, hook_errors):
    page.apply_scenario("saturating_sigmoid")
    c = page.controller
    assert (c.config.activation, c.config.init_scale) == ("sigmoid", 8.0)
    s = run_until(qtbot, page, lambda s: s.step >= 500)
    assert s.diagnostics.saturated_count > 0
    assert_marks_match_engine(page, s)
    assert not child(page, QFrame, "deadWarning").isVisible()
    assert hook_errors == []


def test_same_sign_scenario_and_its_tanh_follow_up(page, qtbot):
    page.apply_scenario("same_sign")
    s = run_until(qtbot, page, lambda s: s.step >= 200)
    assert s.diagnostics.same_sign[1:] == (1.0, 1.0)
    assert child(page, QLabel, "diagnosticsLabel").text().endswith("100\u00a0% · 100\u00a0%")
    click(qtbot, page, "scenarioFollowUpButton")
    assert page.controller.config.activation == "tanh"
    s = run_until(qtbot, page, lambda s: s.step >= 200)
    assert max(s.diagnostics.same_sign[1:]) < 0.6


def test_tanh_saturation_scenario(page, qtbot):
    page.apply_scenario("tanh_saturation")
    first = page.controller.snapshot.diagnostics.saturated_count
    s = run_until(qtbot, page, lambda s: s.step >= 1000)
    assert first > 0 and s.diagnostics.saturated_count >= first
    assert_marks_match_engine(page, s)
    click(qtbot, page, "scenarioFollowUpButton")
    c = page.controller
    assert c.config.activation == "sigmoid" and c.config.init_scale == 8.0
    assert c.snapshot.diagnostics.saturated_count < first


def test_manual_change_leaves_the_preset(page):
    page.apply_scenario("dying_relu")
    page.controller.pause()
    combo = child(page, QComboBox, "scenarioCombo")
    assert combo.currentData() == "dying_relu"
    choose(child(page, QComboBox, "learningRateCombo"), 0.1)
    assert combo.currentData() is None


@pytest.mark.qt_no_exception_capture
def test_divergence_shows_the_banner_without_exceptions(page, qtbot, hook_errors):
    c = page.controller
    messages = []
    page.status_message.connect(messages.append)
    c.set_config(TrainConfig(dataset="spiral", learning_rate=10.0, activation="leaky_relu",
                             hidden=(8, 8)))
    c.set_speed(100)
    with qtbot.waitSignal(c.diverged, timeout=10000) as blocker:
        click(qtbot, page, "playButton")
    qtbot.wait(50)
    step = blocker.args[0]
    banner = child(page, QFrame, "divergedBanner")
    assert banner.isVisible() and f"step {step:,}" in banner.text()
    assert "Reset" in banner.text()
    assert not c.running and child(page, QPushButton, "playButton").text() == "Play"
    assert np.isfinite(np.concatenate([w.ravel() for w in c.snapshot.weights])).all()
    click(qtbot, page, "playButton")  # refuses, and says why
    assert not c.running and "diverged" in messages[-1]
    click(qtbot, page, "stepButton")
    assert c.snapshot.step == step - 1
    click(qtbot, page, "resetButton")
    assert not banner.isVisible() and c.snapshot.step == 0
    assert hook_errors == []


# -- readouts --------------------------------------------------------------------------------

def test_loss_readouts_stay_short():
    from actgui.ui.views.training_readouts import fmt_metric

    assert fmt_metric(0.3084) == "0.308"
    assert fmt_metric(2.87e285) == "2.9e285"  # a diverging loss fits its column
    assert fmt_metric(1.234e-5) == "1.2e−5"
    assert fmt_metric(float("inf")) == "∞" and fmt_metric(float("nan")) == "—"


def test_readouts_keep_their_height_while_training(page, qtbot):
    """A diagnostics line that wrapped now and then made the decision plane jump."""
    label = child(page, QLabel, "diagnosticsLabel")
    assert "\n" in label.text() and "same-sign share" in label.text()
    heights = set()
    page.controller.start()
    for _ in range(10):
        qtbot.wait(30)
        heights.add((page.readouts.height(), page.boundary_view.height()))
    page.controller.pause()
    assert len(heights) == 1
