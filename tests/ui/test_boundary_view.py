"""BoundaryView: the output image, the points, and the click requests."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from actgui.engine import datasets
from actgui.engine.config import TrainConfig
from actgui.engine.trainer import Trainer
from actgui.ui import theme
from actgui.ui.views.boundary_view import (
    BACKGROUND_STRENGTH,
    CLASS_COLORS,
    BoundaryView,
    blend_classes,
    diverging_rgb,
    lighten,
)

LO, HI = datasets.DOMAIN




@functools.cache
def snap(dataset: str = "circle", steps: int = 200, **kw):
    t = Trainer(TrainConfig(dataset=dataset, **kw))
    t.step(steps)
    return t.snapshot()


@pytest.fixture
def view(qtbot):
    v = BoundaryView()
    qtbot.addWidget(v)
    v.resize(600, 640)
    v.show()
    qtbot.waitExposed(v)
    return v


def rgb(color) -> np.ndarray:
    c = QColor(color)
    return np.array([c.redF(), c.greenF(), c.blueF()])


# -- image ---------------------------------------------------------------------------------

def test_object_names(view):
    assert view.objectName() == "boundaryView"
    assert view.plot.objectName() == "boundaryPlot"
    assert view.plot.toolTip()


def test_binary_image_is_the_grid_output(view):
    s = snap("circle")
    view.set_snapshot(s)
    res = s.resolution
    img = view.image_array()
    assert img.shape == (res, res)
    np.testing.assert_array_equal(img, s.grid[-1][:, 0].reshape(res, res))
    # the ImageItem holds exactly those values, with fixed levels and the diverging table
    np.testing.assert_array_equal(view.image.image, img)
    assert tuple(view.image.getLevels()) == (0.0, 1.0)
    assert view.image.lut is not None


def test_image_pixels_sit_on_their_grid_points(view):
    s = snap("circle", resolution=16)
    view.set_snapshot(s)
    res = s.resolution
    points = datasets.grid(res)
    for row, col in ((0, 0), (0, res - 1), (res - 1, 0), (5, 11)):
        centre = view.image.mapToView(QPointF(col + 0.5, row + 0.5))
        x1, x2 = points[row * res + col]
        assert centre.x() == pytest.approx(x1)
        assert centre.y() == pytest.approx(x2)
    rect = view.image.mapRectToView(view.image.boundingRect())
    assert (rect.left(), rect.top(), rect.width(), rect.height()) == pytest.approx(
        (LO, LO, HI - LO, HI - LO))


def test_resolution_change_keeps_the_image_on_the_domain(view):
    view.set_snapshot(snap("circle", resolution=16))
    s = snap("circle", resolution=40)
    view.set_snapshot(s)
    assert view.image_array().shape == (40, 40)
    rect = view.image.mapRectToView(view.image.boundingRect())
    assert (rect.left(), rect.bottom(), rect.width()) == pytest.approx((LO, HI, HI - LO))


def test_binary_discretize_shows_only_hard_decisions(view):
    s = snap("circle")
    view.set_snapshot(s)
    view.set_discretize(True)
    p = s.grid[-1][:, 0].reshape(s.resolution, s.resolution)
    img = view.image_array()
    assert set(np.unique(img)) <= {0.0, 1.0}
    np.testing.assert_array_equal(img, (p >= 0.5).astype(float))
    assert 0 < img.mean() < 1  # both classes are predicted somewhere
    view.set_discretize(False)
    np.testing.assert_array_equal(view.image_array(), p)


def test_multiclass_image_blends_class_colours(view):
    s = snap("spiral3", hidden=(8, 8))
    view.set_snapshot(s)
    res, k = s.resolution, 3
    img = view.image_array()
    assert img.shape == (res, res, 3)
    P = s.grid[-1].reshape(res, res, k)
    np.testing.assert_allclose(img, blend_classes(P))
    assert img.min() >= 0.0 and img.max() <= 1.0
    assert view.image.lut is None  # colours are drawn as they are
    assert view.image.image.shape == (res, res, 3)
    np.testing.assert_array_equal(view.image.image, np.round(img * 255).astype(np.ubyte))


def test_blend_classes_formula():
    one_hot = np.eye(3)
    out = blend_classes(one_hot)
    for k in range(3):
        np.testing.assert_allclose(out[k], lighten(rgb(CLASS_COLORS[k])))
    # the uniform (least sure) prediction is white; halfway sure is half faded
    np.testing.assert_allclose(blend_classes(np.full(3, 1 / 3)), [1.0, 1.0, 1.0])
    p = np.array([2 / 3, 1 / 6, 1 / 6])  # confidence (2/3 - 1/3) * 3/2 = 1/2
    blend = p @ np.array([rgb(c) for c in CLASS_COLORS[:3]])
    np.testing.assert_allclose(blend_classes(p), lighten(1 - 0.5 * (1 - blend)))


def test_multiclass_discretize_shows_pure_class_colours(view):
    s = snap("spiral3", hidden=(8, 8))
    view.set_snapshot(s)
    view.set_discretize(True)
    img = view.image_array().reshape(-1, 3)
    winners = s.grid[-1].argmax(axis=1)
    expected = np.array([lighten(rgb(c)) for c in CLASS_COLORS[:3]])[winners]
    np.testing.assert_allclose(img, expected)
    assert len(np.unique(img, axis=0)) <= 3


def test_regression_image_is_the_value(view):
    s = snap("plane")
    view.set_snapshot(s)
    res = s.resolution
    values = s.grid[-1][:, 0].reshape(res, res)
    np.testing.assert_array_equal(view.image_array(), values)
    assert tuple(view.image.getLevels()) == (-1.0, 1.0)
    view.set_discretize(True)
    img = view.image_array()
    assert set(np.unique(img)) <= {-1.0, 0.0, 1.0}
    np.testing.assert_array_equal(img, np.sign(values))


def test_diverging_map_ends_and_middle(view):
    np.testing.assert_allclose(diverging_rgb(0.0), rgb(theme.NEGATIVE))
    np.testing.assert_allclose(diverging_rgb(0.5), [1.0, 1.0, 1.0])
    np.testing.assert_allclose(diverging_rgb(1.0), rgb(theme.POSITIVE))
    # the background table: the ends are the lightened class colours, the middle white
    view.set_snapshot(snap("circle"))
    lut = view.image.lut
    assert lut.shape == (256, 3)
    assert 0 < BACKGROUND_STRENGTH < 1
    np.testing.assert_allclose(lut[0] / 255, lighten(rgb(theme.NEGATIVE)), atol=1 / 255)
    np.testing.assert_allclose(lut[-1] / 255, lighten(rgb(theme.POSITIVE)), atol=1 / 255)
    assert lut[127].min() >= 250 and lut[128].min() >= 250


def test_switching_kinds_on_one_view(view):
    view.set_snapshot(snap("circle"))
    assert view.image_array().ndim == 2
    assert "class 1" in view.legend.text() and "class 2" not in view.legend.text()
    view.set_snapshot(snap("spiral3", hidden=(8, 8)))
    assert view.image_array().ndim == 3
    assert "class 2" in view.legend.text()
    view.set_snapshot(snap("plane"))
    assert view.image_array().ndim == 2
    assert "class" not in view.legend.text() and "+1" in view.legend.text()


# -- points ---------------------------------------------------------------------------------

def test_point_counts_and_show_test(view):
    s = snap("circle")
    view.set_snapshot(s)
    assert view.point_count() == (len(s.x_train), len(s.x_test))
    np.testing.assert_array_equal(np.column_stack(view.train_scatter.getData()), s.x_train)
    np.testing.assert_array_equal(np.column_stack(view.test_scatter.getData()), s.x_test)
    view.set_show_test(False)
    assert view.point_count() == (len(s.x_train), 0)
    assert not view.test_scatter.isVisible() and not view.test_halo.isVisible()
    view.set_show_test(True)
    assert view.point_count() == (len(s.x_train), len(s.x_test))
    assert view.test_scatter.isVisible()


def test_training_points_filled_and_test_points_hollow(view):
    s = snap("circle")
    view.set_snapshot(s)
    brushes = view.train_scatter.data["brush"]
    for b, y in zip(brushes, s.y_train, strict=True):
        assert b.color() == QColor(CLASS_COLORS[y])
    assert view.train_scatter.opts["pen"].color() == QColor("#1a1a1a")  # thin dark edge
    pens = view.test_scatter.data["pen"]
    for p, y in zip(pens, s.y_test, strict=True):
        assert p.color() == QColor(CLASS_COLORS[y])
        assert p.widthF() >= 2
    assert view.test_scatter.opts["brush"].style() == Qt.BrushStyle.NoBrush
    # a point of each class draws with its own colour (orange 0, blue 1)
    assert QColor(CLASS_COLORS[0]) == QColor(theme.NEGATIVE)
    assert QColor(CLASS_COLORS[1]) == QColor(theme.POSITIVE)


def test_regression_points_coloured_by_value(view):
    s = snap("plane")
    view.set_snapshot(s)
    brushes = view.train_scatter.data["brush"]
    lowest, highest = int(np.argmin(s.y_train)), int(np.argmax(s.y_train))
    lo_rgb = rgb(brushes[lowest].color())
    hi_rgb = rgb(brushes[highest].color())
    t = (np.clip(s.y_train[[lowest, highest]], -1, 1) + 1) / 2
    expected = diverging_rgb(np.rint(t * 64) / 64)
    np.testing.assert_allclose(lo_rgb, expected[0], atol=1 / 255)
    np.testing.assert_allclose(hi_rgb, expected[1], atol=1 / 255)


def test_scatter_reset_only_when_points_change(view, monkeypatch):
    t = Trainer(TrainConfig(dataset="circle"))
    calls = []
    original = view.train_scatter.setData
    monkeypatch.setattr(view.train_scatter, "setData",
                        lambda *a, **k: (calls.append(1), original(*a, **k)))
    image = view.image
    view.set_snapshot(t.snapshot())
    assert len(calls) == 1
    for _ in range(3):
        t.step(5)
        view.set_snapshot(t.snapshot())  # new arrays, same points
    assert len(calls) == 1
    assert view.image is image
    t.add_point(1.0, 2.0, 1, train=True)
    s = t.snapshot()
    view.set_snapshot(s)
    assert len(calls) == 2
    assert view.point_count()[0] == len(s.x_train)


# -- clicks ----------------------------------------------------------------------------------

def _viewport_pos(view, x1, x2):
    scene = view.view_box.mapViewToScene(QPointF(x1, x2))
    return view.plot.mapFromScene(scene)


def _pixel_size(view):
    a = view.view_box.mapViewToScene(QPointF(0, 0))
    b = view.view_box.mapViewToScene(QPointF(1, 0))
    return 1.0 / (b.x() - a.x())  # data units per pixel


def test_click_requests_a_point_at_the_data_position(view, qtbot):
    view.set_snapshot(snap("circle"))
    tol = 1.5 * _pixel_size(view)
    with qtbot.waitSignal(view.add_point_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=_viewport_pos(view, 2.0, -3.0))
    x1, x2 = blocker.args
    assert x1 == pytest.approx(2.0, abs=tol)
    assert x2 == pytest.approx(-3.0, abs=tol)
    assert view.view_box.viewRange()[0] == pytest.approx([LO - 0.36, HI + 0.36], abs=0.5)


def test_ctrl_click_and_right_click_request_removal(view, qtbot):
    view.set_snapshot(snap("circle"))
    tol = 1.5 * _pixel_size(view)
    with qtbot.assertNotEmitted(view.add_point_requested, wait=50):
        with qtbot.waitSignal(view.remove_point_requested, timeout=1000) as blocker:
            qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.ControlModifier,
                             pos=_viewport_pos(view, -4.0, 1.0))
    assert blocker.args == pytest.approx([-4.0, 1.0], abs=tol)
    with qtbot.assertNotEmitted(view.add_point_requested, wait=50):
        with qtbot.waitSignal(view.remove_point_requested, timeout=1000) as blocker:
            qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.RightButton,
                             pos=_viewport_pos(view, 0.5, 5.0))
    assert blocker.args == pytest.approx([0.5, 5.0], abs=tol)


def test_clicks_do_not_move_the_view_or_leave_the_domain(view, qtbot):
    view.set_snapshot(snap("circle"))
    qtbot.wait(20)  # let the layout settle (the legend text changed)
    before = view.view_box.viewRange()
    assert not view.view_box.state["mouseEnabled"][0]
    assert not view.plot.getPlotItem().menuEnabled()
    # just outside the domain (inside the small margin): nothing to add
    with qtbot.assertNotEmitted(view.add_point_requested, wait=50):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=_viewport_pos(view, HI + 0.2, 0.0))
    # on the bottom axis, below the plot area: nothing at all
    axis = view.plot.getPlotItem().getAxis("bottom")
    on_axis = view.plot.mapFromScene(axis.sceneBoundingRect().center())
    with qtbot.assertNotEmitted(view.add_point_requested, wait=50), \
            qtbot.assertNotEmitted(view.remove_point_requested, wait=50):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=on_axis)
    assert view.view_box.viewRange() == before


def test_non_finite_output_draws_neutral(view):
    s = snap("circle")
    out = np.array(s.grid[-1])
    out[:10, 0] = np.nan
    out[10, 0] = np.inf
    bad = dataclasses.replace(s, grid=(*s.grid[:-1], out))
    view.set_snapshot(bad)
    view.grab()
    img = view.image_array().ravel()
    assert np.isfinite(img).all()
    assert (img[:10] == 0.5).all() and img[10] == 1.0


# -- fitting small planes ------------------------------------------------------------------

def test_points_shrink_on_a_small_plane(view, qtbot):
    view.set_snapshot(snap("circle"))
    big = view.point_size()
    assert big == 9.0 and view.train_scatter.opts["size"] == big
    view.resize(300, 280)  # the plane in a 1280 x 800 window is about this small
    qtbot.wait(20)
    small = view.point_size()
    assert 5.0 <= small < big
    assert view.train_scatter.opts["size"] == pytest.approx(small)
    assert view.test_scatter.opts["size"] == pytest.approx(small)
    assert view.test_scatter.data["pen"][0].widthF() < 2.4  # thinner rings on small dots
    view.resize(600, 640)
    qtbot.wait(20)
    assert view.train_scatter.opts["size"] == pytest.approx(big)


def test_axis_labels_fit_and_legend_entries_stay_whole(view):
    item = view.plot.getPlotItem()
    # plain Unicode subscripts: an HTML <sub> was taller than the axis and got cut off
    assert item.getAxis("bottom").labelText == "x₁" and item.getAxis("left").labelText == "x₂"
    view.set_snapshot(snap("spiral3"))
    text = view.legend.text()
    assert text.count("white-space:nowrap") == 5  # three classes, training, test
