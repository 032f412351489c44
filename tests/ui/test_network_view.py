"""The network diagram and the unit inspector: they draw what the snapshot says, and clicks
turn into the right requests."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QToolTip,
)

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.engine import activations, datasets
from actgui.engine.config import TrainConfig
from actgui.engine.trainer import Trainer
from actgui.ui import theme
from actgui.ui.views.network_items import (
    Button,
    Links,
    Node,
    grid_images,
    heatmap_pixels,
)
from actgui.ui.views.network_view import NetworkView
from actgui.ui.views.unit_inspector import BINS, UnitInspector, plain_feature

DEFAULT = TrainConfig()
ALL_DEAD = TrainConfig(activation="relu", hidden=(8, 8), bias_init=-5.0)
SATURATING = TrainConfig(activation="sigmoid", hidden=(8, 8), init_scale=8.0)




def snapshot(config: TrainConfig, steps: int = 30):
    trainer = Trainer(config)
    trainer.step(steps)
    return trainer.snapshot()


@pytest.fixture(scope="module")
def snaps():
    return {name: snapshot(c) for name, c in
            (("default", DEFAULT), ("dead", ALL_DEAD), ("saturating", SATURATING))}


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def click(qtbot, view, scene_point: QPointF) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(scene_point))


def centre(item) -> QPointF:
    return item.sceneBoundingRect().center()


# -- colours ------------------------------------------------------------------------------------

def test_heatmap_colours_are_fixed_and_diverging():
    px = heatmap_pixels(np.array([-5.0, -1.0, 0.0, 1.0, 7.0, np.nan]))
    rgb = px[:, 2::-1].astype(int)  # stored as B, G, R, 255
    neg, pos = pg.mkColor(theme.NEGATIVE), pg.mkColor(theme.POSITIVE)
    assert rgb[0].tolist() == rgb[1].tolist() == [neg.red(), neg.green(), neg.blue()]
    assert rgb[3].tolist() == rgb[4].tolist() == [pos.red(), pos.green(), pos.blue()]
    assert (rgb[2] >= 254).all() and (rgb[5] >= 254).all()  # 0 and NaN are white
    assert (px[:, 3] == 255).all()


def test_grid_images_put_x2_up_and_x1_right():
    res = 16
    X = datasets.grid(res)
    values = np.column_stack([X[:, 0] / 6, X[:, 1] / 6])  # the features x1 and x2
    img = grid_images(values, res, side=None)[..., 2::-1].astype(int)  # (2, h, w, 3) RGB
    x1, x2 = img
    # x1 grows to the right: orange on the left, blue on the right
    assert x1[5, 0, 2] < x1[5, -1, 2] and x1[5, 0, 0] > x1[5, -1, 0]
    # x2 grows upward: row 0 (the top) is blue, the last row orange
    assert x2[0, 5, 2] > x2[-1, 5, 2] and x2[0, 5, 0] < x2[-1, 5, 0]


# -- what is drawn ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["default", "dead", "saturating"])
def test_units_and_links_show_the_snapshot(view, snaps, name):
    s = snaps[name]
    view.set_snapshot(s)
    for l, stats in enumerate(s.diagnostics.layers):
        for j in range(stats.dead.size):
            state = view.unit_state(l, j)
            assert state["dead"] is bool(stats.dead[j])
            assert state["saturated"] is bool(stats.saturated[j])
            assert state["saturation"] == pytest.approx(float(stats.saturation[j]))
    for l, W in enumerate(s.weights):
        for i in range(W.shape[0]):
            for j in range(W.shape[1]):
                assert view.link_weight(l, i, j) == W[i, j]


def test_the_fixtures_cover_dead_and_saturated_units(snaps):
    assert all(st.dead.all() for st in snaps["dead"].diagnostics.layers)
    assert any(st.saturated.any() for st in snaps["saturating"].diagnostics.layers)
    assert not any(st.dead.any() for st in snaps["default"].diagnostics.layers)


def test_dead_layers_are_flagged_above_their_column(view, snaps):
    view.set_snapshot(snaps["dead"])
    assert view.warning_text(0) == "8/8 dead"
    assert view.warning_text(1) == "8/8 dead"
    view.set_snapshot(snaps["default"])
    assert view.warning_text(0) == ""


def test_dead_counts_shorten_rather_than_elide_in_narrow_columns(view, qtbot):
    s = snapshot(TrainConfig(activation="relu", hidden=(8,) * 6, bias_init=-5.0))
    view.resize(430, 380)  # the diagram in a 1280 x 800 window
    view.set_snapshot(s)
    qtbot.wait(10)
    for l in range(6):
        text = view.warning_text(l)
        assert "…" not in text and "8" in text, text


def test_saturated_layers_show_their_count(view, snaps):
    s = snaps["saturating"]
    view.set_snapshot(s)
    for l, st in enumerate(s.diagnostics.layers):
        n = int(st.saturated.sum())
        text = view.warning_text(l)
        assert (text.startswith(f"{n}/8 sat") if n else text == "")


def test_unit_images_are_the_grid_activations(view, snaps):
    s = snaps["default"]
    view.set_snapshot(s)
    res = s.resolution
    for l in range(len(s.config.hidden)):
        for j in range(s.config.hidden[l]):
            expect = grid_images(s.grid[l][:, j:j + 1], res)[0][..., 2::-1]
            np.testing.assert_array_equal(view.node_image(l, j), expect)
    # the sigmoid output is white at p = 0.5, orange below and blue above
    out = view.node_image(len(s.config.hidden), 0)
    np.testing.assert_array_equal(out, grid_images(s.grid[-1], res, 0.5, 0.5)[0][..., 2::-1])
    stride = res // out.shape[0]
    probs = s.grid[-1][:, 0].reshape(res, res)[stride // 2::stride, stride // 2::stride][::-1]
    blue = out[..., 2].astype(int) - out[..., 0].astype(int)
    assert (probs > 0.52).any() and (probs < 0.48).any()
    assert (blue[probs > 0.52] > 0).all() and (blue[probs < 0.48] < 0).all()


def test_features_are_listed_and_the_active_ones_lit(view, snaps):
    view.set_snapshot(snaps["default"])
    for name in datasets.FEATURES:
        assert view.feature_item(name).active == (name in DEFAULT.features)


def test_same_architecture_keeps_the_items(view, snaps):
    view.set_snapshot(snaps["default"])
    node = view.node_item(0, 0)
    trainer = Trainer(DEFAULT)
    trainer.step(5)
    view.set_snapshot(trainer.snapshot())
    assert view.node_item(0, 0) is node


def test_architecture_change_rebuilds_the_units(view, snaps):
    view.set_snapshot(snaps["default"])
    view.set_snapshot(snapshot(DEFAULT.replace(hidden=(3,)), 5))
    items = view.scene().items()
    units = [it for it in items if isinstance(it, Node) and it.key[0] == "unit"]
    assert sorted(it.key[1:] for it in units) == [(0, 0), (0, 1), (0, 2), (1, 0)]
    links = sorted((it.layer, it.weights.shape) for it in items if isinstance(it, Links))
    assert links == [(0, (2, 3)), (1, (3, 1))]
    assert len(view.unit_buttons(0)) == 2
    with pytest.raises(IndexError):
        view.unit_buttons(1)


def test_softmax_output_has_one_node_per_class(view):
    s = snapshot(TrainConfig(dataset="blobs4", hidden=(5,)), 5)
    view.set_snapshot(s)
    for k in range(4):
        assert view.node_item(1, k).key == ("unit", 1, k)
    with pytest.raises(IndexError):
        view.node_item(1, 4)


def test_a_diverged_grid_does_not_break_the_view(view, snaps):
    s = snaps["default"]
    bad = s.grid[0].copy()
    bad[::3] = np.nan
    bad[1::3] = np.inf
    view.set_snapshot(dataclasses.replace(s, grid=(bad, *s.grid[1:])))
    img = view.node_image(0, 0)
    assert img.shape[-1] == 3 and img.dtype == np.uint8


# -- clicks -------------------------------------------------------------------------------------

def test_clicking_a_unit_asks_to_inspect_it(qtbot, view, snaps):
    view.set_snapshot(snaps["default"])
    with qtbot.waitSignal(view.unit_clicked, timeout=1000) as sig:
        click(qtbot, view, centre(view.node_item(0, 2)))
    assert sig.args == [0, 2]
    with qtbot.waitSignal(view.unit_clicked, timeout=1000) as sig:
        click(qtbot, view, centre(view.node_item(2, 0)))
    assert sig.args == [2, 0]


def test_clicking_features_toggles_them(qtbot, view, snaps):
    view.set_snapshot(snaps["default"])
    with qtbot.waitSignal(view.feature_toggled, timeout=1000) as sig:
        click(qtbot, view, centre(view.feature_item("x1x2")))
    assert sig.args == ["x1x2", True]
    with qtbot.waitSignal(view.feature_toggled, timeout=1000) as sig:
        click(qtbot, view, centre(view.feature_item("x2")))
    assert sig.args == ["x2", False]


def test_the_last_input_cannot_be_turned_off(qtbot, view):
    view.set_snapshot(snapshot(DEFAULT.replace(features=("x1",)), 2))
    with qtbot.assertNotEmitted(view.feature_toggled):
        click(qtbot, view, centre(view.feature_item("x1")))


def test_unit_and_layer_buttons_request_new_sizes(qtbot, view, snaps):
    view.set_snapshot(snaps["default"])  # hidden (4, 2)
    minus, plus = view.unit_buttons(1)
    with qtbot.waitSignal(view.hidden_changed, timeout=1000) as sig:
        click(qtbot, view, centre(plus))
    assert sig.args == [(4, 3)]
    with qtbot.waitSignal(view.hidden_changed, timeout=1000) as sig:
        click(qtbot, view, centre(minus))
    assert sig.args == [(4, 1)]
    minus, plus = view.layer_buttons()
    with qtbot.waitSignal(view.hidden_changed, timeout=1000) as sig:
        click(qtbot, view, centre(plus))
    assert sig.args == [(4, 2, 2)]
    with qtbot.waitSignal(view.hidden_changed, timeout=1000) as sig:
        click(qtbot, view, centre(minus))
    assert sig.args == [(4,)]


def test_buttons_stop_at_the_bounds(qtbot, view):
    view.set_snapshot(snapshot(DEFAULT.replace(hidden=(1,) * 8), 2))
    assert not view.unit_buttons(0)[0].enabled
    assert not view.layer_buttons()[1].enabled
    with qtbot.assertNotEmitted(view.hidden_changed):
        click(qtbot, view, centre(view.unit_buttons(0)[0]))
        click(qtbot, view, centre(view.layer_buttons()[1]))
    trainer = Trainer(DEFAULT.replace(hidden=()))
    # Timeline.columns() fails with no hidden layer (np.column_stack of nothing): reported.
    trainer.timeline.columns = dict
    view.set_snapshot(trainer.snapshot())
    assert not view.layer_buttons()[0].enabled
    with qtbot.waitSignal(view.hidden_changed, timeout=1000) as sig:
        click(qtbot, view, centre(view.layer_buttons()[1]))
    assert sig.args == [(4,)]


def test_clicking_a_link_edits_its_weight(qtbot, view, snaps, monkeypatch):
    s = snaps["default"]
    view.set_snapshot(s)
    asked = []

    def ask(l, i, j, current):
        asked.append((l, i, j, current))
        return 1.25

    monkeypatch.setattr(view, "_ask_weight", ask)
    # the links into the single output never cross: each midpoint hits only its own link
    for i in range(2):
        point = view.link_point(2, i, 0)
        assert view.link_at(point) == (2, i, 0)
        with qtbot.waitSignal(view.weight_edited, timeout=1000) as sig:
            click(qtbot, view, point)
        assert sig.args == [2, i, 0, 1.25]
        assert asked[-1] == (2, i, 0, s.weights[2][i, 0])
    # near its source, a first-layer link is the one hit
    point = view.link_point(0, 1, 3, 0.25)
    assert view.link_at(point) == (0, 1, 3)
    with qtbot.waitSignal(view.weight_edited, timeout=1000) as sig:
        click(qtbot, view, point)
    assert sig.args[:3] == [0, 1, 3]


def test_a_cancelled_edit_emits_nothing(qtbot, view, snaps, monkeypatch):
    view.set_snapshot(snaps["default"])
    monkeypatch.setattr(view, "_ask_weight", lambda *args: None)
    with qtbot.assertNotEmitted(view.weight_edited):
        click(qtbot, view, view.link_point(2, 0, 0))


def test_empty_space_hits_no_link(view, snaps):
    view.set_snapshot(snaps["default"])
    a, b = view.link_point(2, 0, 0), view.link_point(2, 1, 0)
    far = QPointF(a.x(), a.y() - 60.0 if a.y() < b.y() else a.y() + 60.0)
    assert view.link_at(far) is None


# -- tooltips -----------------------------------------------------------------------------------

def test_tooltips_give_the_numbers(view, snaps):
    s = snaps["saturating"]
    view.set_snapshot(s)
    w = s.weights[0][0, 1]
    tip = view.tooltip(("link", 0, 0, 1))
    assert f"{abs(w):.3f}" in tip and "x<sub>1</sub>" in tip and "unit 2 of layer 1" in tip
    st = s.diagnostics.layers[1]
    j = int(np.argmax(st.saturation))
    tip = view.tooltip(("unit", 1, j))
    assert f"{round(100 * st.saturation[j])} %" in tip
    assert f"{abs(st.z_max[j]):.2f}" in tip
    assert f"{abs(s.a[1][:, j].mean()):.3f}" in tip
    assert f"{abs(s.biases[2][0]):.3f}" in view.tooltip(("bias", 2, 0))
    assert "Not dead" in view.tooltip(("unit", 1, j))


def test_hovering_shows_the_tooltip_of_the_item(qtbot, view, snaps):
    s = snaps["dead"]
    view.set_snapshot(s)
    node = view.node_item(0, 3)
    pos = view.mapFromScene(centre(node))
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert "Layer 1, unit 4" in QToolTip.text() and "Dead" in QToolTip.text()
    QToolTip.hideText()


@pytest.mark.parametrize("config", [
    TrainConfig(hidden=(16,) * 8, activation="gelu_tanh", dataset="blobs4"),
    TrainConfig(hidden=(3, 1), dataset="spiral3", features=datasets.FEATURES),
    TrainConfig(hidden=(16,), activation="hard_sigmoid", dataset="plane"),
])
def test_the_view_lays_out_small_and_large(view, config):
    view.set_snapshot(snapshot(config, 2))
    for size in ((360, 300), (640, 420), (900, 600), (1920, 1080)):
        view.resize(*size)
        QApplication.processEvents()
        rect = view.scene().sceneRect()
        labels = []
        for item in view.scene().items():
            r = item.sceneBoundingRect()
            if not item.isVisible() or item.parentItem() is not None or r.isEmpty():
                continue
            assert rect.adjusted(-8, -8, 8, 8).contains(r), (type(item).__name__, r)
            if isinstance(item, (QGraphicsSimpleTextItem, QGraphicsTextItem, Button)):
                labels.append((item, r.adjusted(0.5, 0.5, -0.5, -0.5)))
        assert len(labels) >= 15  # feature labels, titles, counts, buttons
        for k, (a, ra) in enumerate(labels):  # no text or button covers another
            for b, rb in labels[k + 1:]:
                assert not ra.intersects(rb), (size, getattr(a, "full", a), getattr(b, "full", b))


# -- the inspector ------------------------------------------------------------------------------

@pytest.mark.parametrize("name,layer,unit", [("default", 0, 1), ("dead", 1, 3),
                                             ("saturating", 1, 0), ("default", 2, 0)])
def test_inspector_histogram_is_that_of_z(qtbot, snaps, name, layer, unit):
    s = snaps[name]
    insp = UnitInspector(layer, unit)
    qtbot.addWidget(insp)
    insp.set_snapshot(s)
    counts, edges = insp.histogram()
    z = s.z[layer][:, unit]
    expect_counts, expect_edges = np.histogram(z, bins=BINS)
    np.testing.assert_array_equal(counts, expect_counts)
    np.testing.assert_array_equal(edges, expect_edges)
    assert counts.sum() == len(z)
    assert insp.objectName() == "unitInspector"


@pytest.mark.parametrize("column", [[1e300, -1e300, 0.0], [1e17, 1e17 + 16, 1e17],
                                    [1e300, 1e300, 1e300], [np.nan, np.inf, 5.0]])
def test_inspector_histogram_of_a_diverging_unit(qtbot, snaps, column):
    # Found by the UI storm: enormous or nearly equal z made np.histogram raise in a slot.
    s = snaps["default"]
    z0 = np.resize(np.array(column), len(s.z[0]))
    s = dataclasses.replace(s, z=(np.column_stack([z0, s.z[0][:, 1:]]), *s.z[1:]))
    insp = UnitInspector(0, 0)
    qtbot.addWidget(insp)
    insp.set_snapshot(s)
    counts, edges = insp.histogram()
    assert counts.sum() == np.isfinite(z0).sum()
    assert np.all(np.diff(edges) > 0) and np.isfinite(edges).all()


def test_inspector_title_and_sentence(qtbot, snaps):
    insp = UnitInspector(0, 2)
    qtbot.addWidget(insp)
    insp.set_snapshot(snaps["dead"])
    assert insp.title.text() == "Layer 1, unit 3 — ReLU"
    assert "Dead" in insp.stats.text() and "z > 0" in insp.stats.text()
    s = snaps["saturating"]
    st = s.diagnostics.layers[1]
    j = int(np.flatnonzero(st.saturated)[0])
    insp = UnitInspector(1, j)
    qtbot.addWidget(insp)
    insp.set_snapshot(s)
    assert insp.title.text() == f"Layer 2, unit {j + 1} — {activations.label('sigmoid')}"
    assert f"Saturated on {round(100 * st.saturation[j])} %" in insp.stats.text()


def test_inspector_follows_training(qtbot):
    trainer = Trainer(DEFAULT)
    insp = UnitInspector(0, 0)
    qtbot.addWidget(insp)
    insp.set_snapshot(trainer.snapshot())
    trainer.step(200)
    s = trainer.snapshot()
    insp.set_snapshot(s)
    np.testing.assert_array_equal(insp.histogram()[0], np.histogram(s.z[0][:, 0], BINS)[0])
    heights = insp.wbars.opts["height"]
    np.testing.assert_array_equal(heights, [*s.weights[0][:, 0], s.biases[0][0]])


def test_inspector_of_a_unit_that_went_away(qtbot, snaps):
    insp = UnitInspector(0, 7)
    qtbot.addWidget(insp)
    insp.set_snapshot(snaps["default"])  # layer 0 has 4 units
    assert "no longer" in insp.title.text()


def test_plain_feature_names():
    assert [plain_feature(f) for f in datasets.FEATURES] == [
        "x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin(x₁)", "sin(x₂)"]


def test_points_are_drawn_in_the_inspector(qtbot, snaps):
    s = snaps["default"]
    insp = UnitInspector(0, 0)
    qtbot.addWidget(insp)
    insp.set_snapshot(s)
    x, y = insp.points.getData()
    np.testing.assert_array_equal(x, s.x_train[:, 0])
    np.testing.assert_array_equal(y, s.x_train[:, 1])
