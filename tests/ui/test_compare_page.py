"""The Compare page: lockstep training, fair starts, and numbers that equal the engine's."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableWidget,
)

import pyqtgraph as pg  # isort: skip

from actgui.engine import activations
from actgui.engine.config import TrainConfig
from actgui.engine.multirun import MultiTrainer, epochs_to_target, summarize
from actgui.engine.trainer import Trainer
from actgui.ui.compare_controller import METRICS, CompareController
from actgui.ui.pages.compare import ComparePage
from actgui.ui.views.compare_table import MEAN_ROLE

ROLE = Qt.ItemDataRole.UserRole
STAT_FIELDS = {"train_loss": "train_loss", "test_loss": "test_loss", "train_acc": "train_acc",
               "test_acc": "test_acc", "dead": "dead", "saturated": "saturated",
               "same_sign": "same_sign"}


@pytest.fixture
def page(qtbot):
    p = ComparePage()
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    yield p
    p.controller.pause()


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
    return shown


def _check(page, name: str, on: bool = True) -> None:
    lst = page.findChild(QListWidget, "compareList")
    for i in range(lst.count()):
        if lst.item(i).data(ROLE) == name:
            lst.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(name)


def _metric(stats, key):
    return np.array([getattr(s, STAT_FIELDS[key]) for s in stats], dtype=np.float64)


# -- the page's contract ----------------------------------------------------------------------

def test_contract_and_defaults(page):
    assert page.objectName() == "comparePage"
    assert isinstance(page.controller, CompareController)
    assert page.controller.parent() is page
    plots = page.plots()
    assert plots and all(isinstance(p, pg.PlotWidget) for p in plots)
    assert plots[0].objectName() == "compareCurves"
    lst = page.findChild(QListWidget, "compareList")
    assert [lst.item(i).data(ROLE) for i in range(lst.count())] == activations.names()
    checked = [lst.item(i).data(ROLE) for i in range(lst.count())
               if lst.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == ["sigmoid", "tanh", "relu"]
    assert page.controller.activations == ("sigmoid", "tanh", "relu")
    assert "only the activation differs" in page.fairness.text()
    assert page.findChild(QTableWidget, "compareTable").rowCount() == 3


def test_every_control_has_a_tooltip(page):
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QListWidget, QTableWidget,
             pg.PlotWidget)
    missing = [w.objectName() or type(w).__name__ for kind in kinds
               for w in page.findChildren(kind)
               if w.isVisibleTo(page) and not w.toolTip()
               and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]
    assert missing == []


# -- lockstep and fairness ----------------------------------------------------------------------

def test_play_and_step_keep_every_run_in_lockstep(page, qtbot):
    c = page.controller
    c.set_speed(7)
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    assert c.running and not page.step_button.isEnabled()
    qtbot.waitUntil(lambda: c.trainer.step_count >= 40, timeout=5000)
    assert not page.curves.slots[0].lines["train"].opts["antialias"]  # fast while running
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    assert not c.running and page.step_button.isEnabled()
    assert page.curves.slots[0].lines["train"].opts["antialias"]  # smooth when paused
    n = c.trainer.step_count
    qtbot.mouseClick(page.step_button, Qt.MouseButton.LeftButton)
    assert c.trainer.step_count == n + 1 == c.frame.step
    h = c.trainer.history()
    assert h["train_loss"].shape == (3, len(h["step"]))
    assert np.isfinite(h["train_loss"]).all()
    # one clock: each run equals a single Trainer stepped as often
    for r, (name, seed) in enumerate(c.trainer.runs):
        t = Trainer(c.config.replace(activation=name, seed=seed))
        t.step(n + 1)
        for W, Wt in zip(c.trainer.weights(r), t.net.weights, strict=True):
            np.testing.assert_allclose(W, Wt, rtol=1e-9, atol=1e-12)


def test_same_seed_same_initial_weights_and_reset_restores_them(page, qtbot):
    page.settings.seed_count.setValue(3)
    m = page.controller.trainer
    assert m.n_runs == 9
    start = m.theta.copy()
    for a in range(3):
        for s in range(3):
            np.testing.assert_array_equal(start[a * 3 + s], start[s])  # seed for seed
    assert not np.array_equal(start[0], start[1])  # seeds differ
    page.controller.step(25)
    assert not np.array_equal(m.theta, start)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(m.theta, start)
    assert m.step_count == 0


# -- the numbers ----------------------------------------------------------------------------

def test_table_equals_engine_stats(page):
    c = page.controller
    c.step(300)
    stats = c.trainer.stats()
    h = c.trainer.history()
    table = page.table
    for g, s in enumerate(stats):
        assert table.item(g, 0).text().startswith(activations.label(s.activation))
        for col, key in enumerate(METRICS, start=1):
            mean, std = table.cell_values(g, col)
            if key == "epochs_to_target":
                want = epochs_to_target(h["epoch"], h["test_loss"][g], 0.1)
            else:
                want = float(getattr(s, STAT_FIELDS[key]))
            assert (math.isnan(want) and math.isnan(mean)) or mean == want, key
            assert std == 0.0 or (math.isnan(std) and math.isnan(want))
        assert table.item(g, 1).text() == f"{s.train_loss:.3f}"
        assert table.item(g, 4).text() == f"{100 * s.test_acc:.0f}\u00a0%"
        assert table.item(g, 6).text() == str(s.dead)


def test_table_over_seeds_is_mean_and_std_of_engine_stats(page):
    page.settings.seed_count.setValue(4)
    c = page.controller
    c.step(200)
    stats = c.trainer.stats()
    h = c.trainer.history()
    for key in METRICS:
        if key == "epochs_to_target":
            values = np.array([epochs_to_target(h["epoch"], loss, 0.1)
                               for loss in h["test_loss"]])
        else:
            values = _metric(stats, key)
        if np.isnan(values).all():
            continue
        mean, std = summarize(values, 3)
        col = METRICS.index(key) + 1
        for g in range(3):
            got = page.table.cell_values(g, col)
            if math.isnan(mean[g]):
                assert math.isnan(got[0])
            else:
                assert got == pytest.approx((mean[g], std[g]), rel=1e-12, abs=1e-15)
    assert "±" in page.table.item(0, 2).text()


def test_target_spin_changes_the_epochs_column(page):
    c = page.controller
    c.step(600)
    page.target.setValue(0.5)
    h = c.trainer.history()
    col = METRICS.index("epochs_to_target") + 1
    assert "0.5" in page.table.horizontalHeaderItem(col).text()
    for g in range(3):
        want = epochs_to_target(h["epoch"], h["test_loss"][g], 0.5)
        got = page.table.item(g, col).data(MEAN_ROLE)
        assert (math.isnan(want) and math.isnan(got)) or got == want


def test_curves_are_the_engine_history(page):
    c = page.controller
    c.step(250)
    h = c.trainer.history()
    for g, slot in enumerate(page.curves.slots[:3]):
        for k in ("train", "test"):
            x, y = slot.lines[k].getData()
            np.testing.assert_array_equal(x, h["epoch"])
            np.testing.assert_array_equal(y, h[f"{k}_loss"][g])
        assert not slot.bands["train"].isVisible()  # one seed: no band
    assert not page.curves.slots[3].lines["train"].isVisible()
    # train solid, test dashed, in the activation's colour
    slot = page.curves.slots[2]
    assert slot.lines["train"].opts["pen"].style() == Qt.PenStyle.SolidLine
    assert slot.lines["test"].opts["pen"].style() == Qt.PenStyle.DashLine
    assert slot.lines["train"].opts["pen"].color().name() == "#009e73"  # ReLU's


def test_curves_over_seeds_show_mean_and_min_max_band(page):
    page.settings.seed_count.setValue(3)
    c = page.controller
    c.step(150)
    h = c.trainer.history()
    mean, _ = summarize(h["test_loss"], 3)
    v = h["test_loss"].reshape(3, 3, -1)
    for g, slot in enumerate(page.curves.slots[:3]):
        np.testing.assert_allclose(slot.lines["test"].getData()[1], mean[g], rtol=1e-12)
        lo, hi = slot.edges["test"]
        np.testing.assert_array_equal(lo.getData()[1], v[g].min(axis=0))
        np.testing.assert_array_equal(hi.getData()[1], v[g].max(axis=0))
        assert slot.bands["test"].isVisible()
        assert not slot.bands["test"].path().isEmpty()


def test_log_scale_and_show_choice(page):
    c = page.controller
    c.step(100)
    page.curves.log_check.setChecked(True)
    assert page.curves.item.ctrl.logYCheck.isChecked()
    low, high = page.curves.item.getViewBox().viewRange()[1]
    smallest = c.trainer.history()["train_loss"].min()
    assert low <= math.log10(smallest) <= high  # the range is in decades now
    page.curves.show_combo.setCurrentIndex(page.curves.show_combo.findData("test"))
    assert not page.curves.slots[0].lines["train"].isVisible()
    assert page.curves.slots[0].lines["test"].isVisible()


def test_tiles_show_each_activations_first_seed(page):
    page.settings.seed_count.setValue(2)
    c = page.controller
    c.step(80)
    full = c.trainer.boundaries()
    res = c.config.resolution
    for g, r in enumerate(c.tile_runs()):
        assert c.trainer.runs[r] == (c.activations[g], c.seeds[0])
        np.testing.assert_allclose(c.frame.boundaries[g], full[r], rtol=1e-9, atol=1e-12)
        img = page.tiles.image_array(g)
        np.testing.assert_allclose(img, full[r][:, 0].reshape(res, res), rtol=1e-9, atol=1e-12)
        assert page.tiles.tiles[g].widget.isVisible()
    assert not page.tiles.tiles[3].widget.isVisible()
    label = page.tiles.tiles[2].item.titleLabel
    assert "ReLU" in label.text and "seed 0, first of 2" in label.text
    assert label.opts["color"].lower() == "#009e73"  # ReLU's colour


def test_multiclass_and_regression_data(page):
    c = page.controller
    page.settings.dataset.setCurrentIndex(page.settings.dataset.findData("spiral3"))
    assert c.config.dataset == "spiral3"
    c.step(20)
    res = c.config.resolution
    assert page.tiles.image_array(0).shape == (res, res, 3)
    page.settings.dataset.setCurrentIndex(page.settings.dataset.findData("plane"))
    c.step(20)
    assert page.tiles.image_array(0).shape == (res, res)
    col = METRICS.index("test_acc") + 1
    assert page.table.item(0, col).text() == "—"


# -- settings ---------------------------------------------------------------------------------

def test_seed_count_changes_the_number_of_runs(page):
    spin = page.settings.seed_count
    assert spin.objectName() == "seedCount" and (spin.minimum(), spin.maximum()) == (1, 20)
    assert "mislead" in page.seed_note.text() or "roll of the dice" in page.seed_note.text()
    page.settings.seed.setValue(5)
    spin.setValue(4)
    c = page.controller
    assert c.trainer.n_runs == 12
    assert c.seeds == (5, 6, 7, 8)
    assert c.trainer.runs[:4] == [("sigmoid", 5), ("sigmoid", 6), ("sigmoid", 7), ("sigmoid", 8)]
    assert "4 seeds" in page.seed_note.text()
    spin.setValue(1)
    assert c.trainer.n_runs == 3


def test_shared_settings_reach_the_engine(page):
    s, c = page.settings, page.controller
    s.hidden.setText("6, 5, 4")
    s.hidden.editingFinished.emit()
    s.optimizer.setCurrentIndex(s.optimizer.findData("adam"))
    s.rate.setEditText("0.01")
    s.rate.lineEdit().editingFinished.emit()
    s.batch.setValue(25)
    s.init.setCurrentIndex(s.init.findData("he"))
    s.init_scale.setValue(1.5)
    s.bias_init.setValue(0.1)
    s.noise.setValue(20)
    want = TrainConfig(dataset="circle", hidden=(6, 5, 4), optimizer="adam",
                       learning_rate=0.01, batch_size=25, init="he", init_scale=1.5,
                       bias_init=0.1, noise=0.2)
    for field in ("hidden", "optimizer", "learning_rate", "batch_size", "init", "init_scale",
                  "bias_init", "noise"):
        assert getattr(c.config, field) == getattr(want, field), field
    assert c.trainer.sizes == [2, 6, 5, 4, 1]
    # reference: the engine built directly from the same config
    ref = MultiTrainer(c.config, c.activations, c.seeds)
    np.testing.assert_array_equal(ref.theta, c.trainer.theta)


def test_two_to_four_activations(page):
    c = page.controller
    notes = []
    page.status_message.connect(notes.append)
    _check(page, "elu")
    assert c.activations == ("sigmoid", "tanh", "relu", "elu")
    assert page.table.rowCount() == 4 and page.tiles.tiles[3].widget.isVisible()
    _check(page, "gelu")  # a fifth: refused, gently
    assert c.activations == ("sigmoid", "tanh", "relu", "elu")
    assert "gelu" not in page.settings.checked()
    assert page.settings.list_note.isVisibleTo(page) and notes
    _check(page, "elu", False)
    _check(page, "relu", False)
    assert c.activations == ("sigmoid", "tanh")
    _check(page, "tanh", False)  # would leave one
    assert c.activations == ("sigmoid", "tanh")
    assert page.settings.checked() == ["sigmoid", "tanh"]
    assert "at least two" in page.settings.list_note.text()
    with pytest.raises(ValueError):
        c.set_activations(["sigmoid"])


@pytest.mark.parametrize("field, value, words", [
    ("hidden", "8, 40", "hidden"),
    ("hidden", "8, , x", "hidden"),
    ("rate", "20", "learning_rate"),
    ("rate", "fast", "learning_rate"),
    ("batch", 400, "batch_size"),
])
def test_bad_settings_show_the_message_and_change_nothing(page, warnings_shown, field, value,
                                                          words):
    c = page.controller
    c.step(10)
    before, trainer, theta = c.config, c.trainer, c.trainer.theta.copy()
    s = page.settings
    if field == "hidden":
        s.hidden.setText(value)
        s.hidden.editingFinished.emit()
    elif field == "rate":
        s.rate.setEditText(value)
        s.rate.lineEdit().editingFinished.emit()
    else:
        s.batch.setValue(value)
    assert len(warnings_shown) == 1
    assert words in warnings_shown[0][1]
    assert c.config == before and c.trainer is trainer and c.trainer.step_count == 10
    np.testing.assert_array_equal(c.trainer.theta, theta)
    assert s.hidden.text() == "8, 8" and s.batch.value() == 10
    assert s.rate.currentText() == "0.03"


def test_engine_message_is_shown_verbatim(page, warnings_shown):
    page.settings.batch.setValue(400)
    try:
        page.controller.config.replace(batch_size=400)
    except ValueError as e:
        message = str(e)
    assert message in warnings_shown[0][1]


# -- export -----------------------------------------------------------------------------------

def test_export_table_csv(page, monkeypatch, tmp_path):
    page.settings.seed_count.setValue(2)
    c = page.controller
    c.step(120)
    target = tmp_path / "table"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV files (*.csv)")))
    path = page.export_table()
    assert path == str(target) + ".csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[:4] == ["activation", "seeds", "step", "epoch"]
    assert "test_loss_mean" in header and "test_loss_std" in header
    assert "epochs_to_test_loss_le_0.1_mean" in header and "dead_units_mean" in header
    assert [r[0] for r in rows[1:]] == ["sigmoid", "tanh", "relu"]
    losses = _metric(c.trainer.stats(), "test_loss")
    mean, std = summarize(losses, 3)
    i, j = header.index("test_loss_mean"), header.index("test_loss_std")
    for g, row in enumerate(rows[1:]):
        assert float(row[i]) == mean[g] and float(row[j]) == std[g]
        assert row[1] == "2" and row[2] == "120"
        assert row[header.index("hidden")] == "8 8"


def test_export_curves_csv(page, monkeypatch, tmp_path):
    c = page.controller
    c.step(100)
    target = tmp_path / "curves.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    assert page.export_curves() == str(target)
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["activation", "seed", "step", "epoch", "train_loss", "test_loss",
                       "train_acc", "test_acc"]
    h = c.trainer.history()
    T = len(h["step"])
    assert len(rows) == 1 + 3 * T
    last = rows[1 + 2 * T + T - 1]  # ReLU, last record
    assert last[:4] == ["relu", "0", str(h["step"][-1]), str(h["epoch"][-1])]
    assert float(last[5]) == h["test_loss"][2, -1]


def test_export_cancelled_writes_nothing(page, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert page.export_table() is None
    assert list(tmp_path.iterdir()) == []


# -- divergence -------------------------------------------------------------------------------

def test_a_diverging_run_is_marked_and_the_others_continue(page):
    c = page.controller
    messages = []
    page.status_message.connect(messages.append)
    _check(page, "linear")
    _check(page, "sigmoid", False)
    _check(page, "relu", False)
    assert c.activations == ("tanh", "linear")
    c.update_config(dataset="spiral", learning_rate=10.0)
    c.step(300)
    assert c.trainer.diverged_at[0] is None and c.trainer.diverged_at[1] is not None
    assert "diverged" in page.table.item(1, 0).text()
    assert "diverged" not in page.table.item(0, 0).text()
    assert any("diverged" in m for m in messages)


@pytest.mark.parametrize("width", [760, 900, 1280, 1700])
def test_table_headers_are_never_squeezed(page, qtbot, width):
    # At 1024x768 (a projector) nine stretched columns cut "Epochs to test loss ≤ 0.1" off:
    # a table too narrow for its columns keeps their natural widths and scrolls sideways.
    page.resize(width, 800)
    qtbot.waitUntil(lambda: page.table.width() > 0)
    QApplication.processEvents()
    t = page.table
    header = t.horizontalHeader()
    for c in range(t.columnCount()):
        assert header.sectionSize(c) >= header.sectionSizeHint(c) - 1, (width, c)
    total = sum(header.sectionSize(c) for c in range(t.columnCount()))
    scrolls = total > t.viewport().width()
    qtbot.waitUntil(lambda: t.horizontalScrollBar().isVisible() == scrolls, timeout=2000)
    # every row stays visible, with the scroll bar under them when it shows
    rows = t.rowCount() * t.verticalHeader().defaultSectionSize()
    assert t.viewport().height() >= rows
    if width >= 1700:
        assert not scrolls


def test_tile_titles_fit_their_tiles(page, qtbot):
    page.controller.step(1)
    for width, note in ((700, False), (1700, True)):
        page.resize(width, 800)
        tile = page.tiles.tiles[0]
        label = tile.item.titleLabel
        qtbot.waitUntil(lambda t=tile, lb=label, n=note: ("seed 0" in lb.text) == n, timeout=3000)
        assert "Sigmoid" in label.text
        assert label.item.boundingRect().width() <= tile.widget.width()
