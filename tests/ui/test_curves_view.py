"""CurvesView: loss, accuracy and per-layer statistics drawn from snapshots."""

from __future__ import annotations

import dataclasses
import functools
import math

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.engine.config import TrainConfig
from actgui.engine.trainer import Trainer
from actgui.ui.views.curves_items import (
    Axis,
    nice_end,
    nice_range,
    peak_decimate,
    timeline_epochs,
)
from actgui.ui.views.curves_view import X_MARGIN, CurvesView


def run(frames: int = 30, steps: int = 7, **kw):
    """A snapshot after `frames` snapshots of `steps` steps (one timeline row each)."""
    t = Trainer(TrainConfig(**kw))
    for _ in range(frames):
        t.step(steps)
        s = t.snapshot()
    return s


@functools.cache
def snap(**kw):
    return run(**kw)


@pytest.fixture
def view(qtbot):
    v = CurvesView(columns=2, max_rate=None)  # draw on every call, fixed layout
    qtbot.addWidget(v)
    v.resize(700, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_object_name_and_tooltips(view):
    assert view.objectName() == "curvesView"
    for plot in view.plots.values():
        assert plot.toolTip()
    assert view.log_check.toolTip()
    assert view.findChild(QCheckBox, "logLossCheck") is view.log_check


def test_history_curves_equal_the_history(view):
    s = snap()
    view.set_snapshot(s)
    h = s.history
    assert len(h["epoch"]) > 5
    for name in ("train_loss", "test_loss", "train_acc", "test_acc"):
        x, y = view.curve_data(name)
        np.testing.assert_array_equal(x, h["epoch"])
        np.testing.assert_array_equal(y, h[name])


def test_timeline_curves_equal_the_timeline(view):
    s = snap(hidden=(4, 3))
    view.set_snapshot(s)
    t = s.timeline
    x = timeline_epochs(s)
    assert len(x) == 30
    for l in range(2):
        for name in ("mean", "std", "dead", "saturated"):
            cx, cy = view.curve_data(f"{name}_{l}")
            np.testing.assert_array_equal(cx, x)
            np.testing.assert_array_equal(cy, t[name][:, l])
    for l in range(3):
        cx, cy = view.curve_data(f"same_sign_{l}")
        np.testing.assert_array_equal(cy, t["same_sign"][:, l])
    # the band spans mean - std to mean + std
    band = view._bands[0].path().boundingRect()
    lo, hi = t["mean"][:, 0] - t["std"][:, 0], t["mean"][:, 0] + t["std"][:, 0]
    assert band.top() == pytest.approx(lo.min()) and band.bottom() == pytest.approx(hi.max())


def test_timeline_epochs_share_the_history_axis():
    s = snap(frames=40, steps=9)
    x = timeline_epochs(s)
    steps = s.timeline["step"]
    assert np.all(np.diff(x) > 0)
    # rows at a recorded step sit exactly on that record's epoch
    h_step, h_epoch = s.history["step"], s.history["epoch"]
    for st, ep in zip(h_step, h_epoch, strict=True):
        hit = np.flatnonzero(steps == st)
        if hit.size:
            assert x[hit[0]] == pytest.approx(ep)
    # and every row lies within its whole epoch count
    assert np.all(x >= s.timeline["epoch"] - 1e-9)
    assert np.all(x <= s.timeline["epoch"] + 1 + 1e-9)
    per_epoch = math.ceil(len(s.x_train) / s.config.batch_size)
    assert x[-1] == pytest.approx(s.step / per_epoch)


def test_all_plots_share_one_x_range(view):
    s = snap()
    view.set_snapshot(s)
    ranges = {tuple(np.round(p.getViewBox().viewRange()[0], 9)) for p in view.plots.values()}
    assert len(ranges) == 1
    (x0, x1), = ranges
    assert x1 == nice_end(timeline_epochs(s)[-1])
    assert x0 == pytest.approx(-X_MARGIN * x1)  # room for the first point and the "0" tick
    assert x1 >= s.history["epoch"][-1]


def test_log_toggle_switches_the_axis(view, qtbot):
    loss = view.plots["loss"]
    assert view.log_loss() and view.log_check.isChecked()
    assert loss.getAxis("left").logMode
    assert view._items["train_loss"].opts["logMode"][1]
    view.set_log_loss(False)
    assert not view.log_check.isChecked()
    assert not loss.getAxis("left").logMode
    assert not view._items["test_loss"].opts["logMode"][1]
    view.log_check.click()  # the checkbox drives the same setting
    assert view.log_loss() and loss.getAxis("left").logMode


@pytest.mark.parametrize("log", [True, False])
def test_nan_and_inf_losses_do_not_raise(view, qtbot, log):
    s = snap()
    n = len(s.history["epoch"])
    train = np.array(s.history["train_loss"])
    test = np.array(s.history["test_loss"])
    train[n // 2] = np.inf
    train[-1] = np.nan
    test[3] = 0.0  # -inf on a log axis
    test[4] = -np.inf
    history = {**s.history, "train_loss": train, "test_loss": test}
    bad = dataclasses.replace(s, history=history)
    view.set_log_loss(log)
    view.set_snapshot(bad)
    view.grab()  # paint it, with log mapping and finite-connect
    _, y = view.curve_data("train_loss")
    assert np.isnan(y[n // 2]) and np.isnan(y[-1])  # inf is drawn as a gap
    assert np.isfinite(y[: n // 2]).all()
    (y0, y1) = view.plots["loss"].getViewBox().viewRange()[1]
    assert math.isfinite(y0) and math.isfinite(y1)


def test_a_really_diverging_run_draws(view):
    t = Trainer(TrainConfig(dataset="plane", learning_rate=10.0, init_scale=10.0,
                            activation="relu", hidden=(8, 8)))
    for _ in range(20):
        t.step(20)
        view.set_snapshot(t.snapshot())
    assert t.diverged
    view.grab()
    assert len(view.curve_data("train_loss")[0]) == len(t.snapshot().history["epoch"])


def test_rebuild_on_architecture_change(view):
    view.set_snapshot(snap(hidden=(4, 2)))
    mean0 = view._items["mean_0"]
    assert "mean_1" in view.curve_names() and "mean_2" not in view.curve_names()
    assert "same_sign_2" in view.curve_names() and "same_sign_3" not in view.curve_names()
    # same architecture: the same items, updated in place
    view.set_snapshot(snap(hidden=(4, 2), frames=31))
    assert view._items["mean_0"] is mean0
    s = snap(hidden=(3, 3, 3))
    view.set_snapshot(s)
    assert view._items["mean_0"] is not mean0
    assert "mean_2" in view.curve_names() and "same_sign_3" in view.curve_names()
    act = view.plots["activations"]
    assert mean0 not in act.items
    assert sum(isinstance(i, pg.PlotCurveItem) for i in act.items) == 3
    assert len(view._bands) == 3 and all(b in act.items for b in view._bands)
    assert view.curve_data("dead_2")[1] == pytest.approx(s.timeline["dead"][:, 2])
    assert "layer 3" in view.legend.text() and "layer 4" not in view.legend.text()
    # back to one layer
    view.set_snapshot(snap(hidden=(5,)))
    assert "mean_1" not in view.curve_names()
    assert sum(isinstance(i, pg.PlotCurveItem) for i in view.plots["units"].items) == 2


def test_regression_replaces_accuracy_with_a_note(view):
    view.set_snapshot(snap(dataset="plane"))
    assert view.regression_note.isVisible()
    assert len(view.curve_data("train_acc")[0]) == 0
    assert len(view.curve_data("train_loss")[0]) > 0
    view.set_snapshot(snap())
    assert not view.regression_note.isVisible()
    assert len(view.curve_data("train_acc")[0]) > 0


def test_unchanged_snapshot_costs_no_set_data(view, monkeypatch):
    s = snap()
    view.set_snapshot(s)
    calls = []
    for item in view._items.values():
        original = item.setData
        monkeypatch.setattr(item, "setData",
                            lambda *a, _o=original, **k: (calls.append(1), _o(*a, **k)))
    view.set_snapshot(s)
    assert calls == []
    view.set_snapshot(snap(frames=31))
    assert calls  # a new timeline row redraws


def test_long_timeline_is_peak_decimated(view):
    s = run(frames=3, steps=5)
    n = 5000
    rng = np.random.default_rng(0)
    mean = rng.normal(0, 0.1, (n, 2))
    mean[1234, 0] = 3.0  # a spike must survive decimation
    timeline = {
        "step": np.arange(n) * 5.0, "epoch": np.arange(n) * 5.0 // 25,
        "mean": mean, "std": np.full((n, 2), 0.1), "dead": np.zeros((n, 2)),
        "saturated": np.zeros((n, 2)), "same_sign": rng.random((n, 3)),
    }
    view.set_snapshot(dataclasses.replace(s, timeline=timeline))
    x, y = view.curve_data("mean_0")
    assert len(x) <= 2 * 2000 + 10 and len(x) < n
    assert y.max() == 3.0
    assert view.curve_data("same_sign_2")[1].max() == timeline["same_sign"][:, 2].max()


def test_peak_decimate_keeps_extremes_and_band_edges():
    x = np.arange(103, dtype=float)
    Y = np.column_stack([np.sin(x), x, -x])
    Y[50, 0] = 9.0
    Y[51, 0] = np.nan
    xd, Yd = peak_decimate(x, Y, 10, lower=[1], upper=[2])
    assert len(xd) == len(Yd) <= 2 * 10 + 11
    assert Yd[:, 0].max() == 9.0 and np.isfinite(Yd[:, 0]).all()
    # a 'lower' column only ever takes bin minima, an 'upper' column bin maxima
    assert set(Yd[0:2, 1]) == {0.0} and set(Yd[0:2, 2]) == {0.0}
    assert xd[0] == 0 and xd[-1] == 102
    same_x, same_y = peak_decimate(x[:15], Y[:15], 10)  # short: passed through
    np.testing.assert_array_equal(same_x, x[:15])
    np.testing.assert_array_equal(same_y, Y[:15])


def test_nice_end_has_headroom():
    for v in (0.0, 0.3, 1.0, 7.2, 99.0, 240.0, 12345.0):
        end = nice_end(v)
        assert end >= 1.1 * v - 1e-9 and end >= 1.0
        assert end <= 1.1 * v * 1.1 + 1.0


def test_set_columns_relays_out(view):
    assert view.layout_rows() == [["loss", "accuracy"], ["activations", "units"],
                                  ["same_sign"]]
    view.set_columns(1)
    assert view.layout_rows() == [[name] for name in view.plots]
    view.set_columns(5)
    assert view.layout_rows() == [list(view.plots)]
    view.set_columns(3)
    assert view.layout_rows() == [["loss", "accuracy", "activations"], ["units", "same_sign"]]
    view.set_columns(2)
    assert view.layout_rows()[0] == ["loss", "accuracy"]


def _plot_boxes(view):
    """Scene rectangles (x, width) of the plots, by name."""
    return {n: (p.geometry().x(), p.geometry().width()) for n, p in view.plots.items()}


@pytest.mark.parametrize("columns", [1, 2, 3, 5])
def test_plots_of_a_row_are_equally_wide_and_inside_the_view(view, qtbot, columns):
    view.set_snapshot(snap(dataset="plane"))  # the longest titles: regression
    view.set_columns(columns)
    qtbot.wait(10)
    boxes = _plot_boxes(view)
    for row in view.layout_rows():
        widths = [boxes[n][1] for n in row]
        assert max(widths) - min(widths) < 1.0, (row, widths)
    assert max(x + w for x, w in boxes.values()) <= view.graphics.width() + 0.5


def test_relayout_keeps_the_grid_inside_a_narrower_view(qtbot):
    """Changing the column count used to leave the grid as wide as before (1,046 px in a
    790 px view), clipping the plots on the right."""
    v = CurvesView(max_rate=None)
    qtbot.addWidget(v)
    v.show()
    for size in ((1800, 300), (790, 320), (1200, 380), (360, 1100), (790, 320)):
        v.resize(*size)
        qtbot.wait(10)
        ci_width = v.graphics.ci.geometry().width()
        assert ci_width <= v.graphics.width() + 0.5, (size, v.columns(), ci_width)
        right = max(p.geometry().right() for p in v.plots.values())
        assert right <= v.graphics.width() + 0.5


def test_fits_the_width_of_a_1280_window_in_regression(qtbot):
    v = CurvesView(max_rate=None)
    qtbot.addWidget(v)
    v.set_snapshot(snap(dataset="plane"))
    assert v.minimumSizeHint().width() <= 600
    v.resize(790, 320)
    v.show()
    qtbot.waitExposed(v)
    assert v.columns() == 3
    assert v.graphics.ci.geometry().width() <= 790.5
    assert v.title("accuracy")  # a title that fits (or an elided one), never a wider plot


def test_titles_shorten_on_narrow_plots(qtbot):
    v = CurvesView(columns=5, max_rate=None)
    qtbot.addWidget(v)
    v.resize(1800, 300)
    v.show()
    qtbot.waitExposed(v)
    assert v.title("units") == "Dead (solid) and saturated (dashed) units"
    v.resize(760, 300)
    qtbot.wait(10)
    assert v.title("units") != "Dead (solid) and saturated (dashed) units"
    assert v.title("units")


def test_narrow_plots_do_not_crowd_their_ticks(qtbot):
    v = CurvesView(columns=5, max_rate=None)
    qtbot.addWidget(v)
    v.resize(700, 300)
    v.show()
    qtbot.waitExposed(v)
    v.set_snapshot(snap())
    axis = v.plots["accuracy"].getAxis("bottom")
    x0, x1 = v.plots["accuracy"].getViewBox().viewRange()[0]
    (spacing, values), = axis.tickValues(x0, x1, axis.width())
    assert spacing / (x1 - x0) * axis.width() >= 30  # pixels between two labels
    assert len(values) >= 2


def test_log_loss_axis_labels_a_narrow_range():
    axis = Axis("left")
    axis.setLogMode(False, True)
    for lo, hi, size in ((0.3, 0.75, 90), (0.62, 0.74, 90), (1e-4, 1.0, 200), (1e-30, 1e280, 90)):
        (_, values), = axis.logTickValues(math.log10(lo), math.log10(hi), size, [])
        assert 2 <= len(values) <= 8, (lo, hi, values)
        assert all(math.log10(lo) <= v <= math.log10(hi) for v in values)


def test_the_first_snapshot_shows_dots_and_a_hint(view):
    t = Trainer(TrainConfig())
    view.set_snapshot(t.snapshot())
    assert view.start_note.isVisible()
    x, y = view._items["dots_loss"].getData()
    assert list(x) == [0.0, 0.0]
    t.step(30)
    view.set_snapshot(t.snapshot())
    assert not view.start_note.isVisible()
    assert len(view._items["dots_loss"].getData()[0] or []) == 0


def test_y_ranges_move_in_steps(view):
    t = Trainer(TrainConfig())
    ranges = set()
    for _ in range(40):
        t.step(10)
        view.set_snapshot(t.snapshot())
        ranges.add(tuple(view.plots["loss"].getViewBox().viewRange()[1]))
    assert len(ranges) <= 4  # not a new range (and a redrawn axis) on every frame
    y = np.log10(t.snapshot().history["train_loss"])
    y0, y1 = view.plots["loss"].getViewBox().viewRange()[1]
    assert y0 < y.min() and y.max() < y1


@pytest.mark.parametrize(("size", "columns"), [((700, 700), 2), ((1200, 380), 3),
                                               ((1800, 300), 5), ((360, 1100), 1)])
def test_automatic_columns_follow_the_shape(qtbot, size, columns):
    v = CurvesView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    assert v.columns() == columns
    assert set(v.graphics.ci.items) >= set(v.plots.values())


def test_rate_limit_holds_back_and_then_draws_the_newest(qtbot):
    v = CurvesView(max_rate=20)
    qtbot.addWidget(v)
    first, second, third = (snap(frames=n) for n in (30, 31, 32))
    v.set_snapshot(first)  # idle: drawn at once
    assert len(v.curve_data("mean_0")[0]) == 30
    v.set_snapshot(second)
    v.set_snapshot(third)  # too soon: both held, only the newest kept
    assert len(v.curve_data("mean_0")[0]) == 30
    qtbot.waitUntil(lambda: len(v.curve_data("mean_0")[0]) == 32, timeout=1000)
    v.set_snapshot(snap(frames=31))
    v.flush()  # draws the held snapshot now
    assert len(v.curve_data("mean_0")[0]) == 31
    # a new architecture is never held back
    v.set_snapshot(snap(hidden=(3, 3, 3)))
    assert "mean_2" in v.curve_names()


def test_nice_range_moves_in_steps_and_never_raises():
    assert nice_range(0.1, 0.7) == pytest.approx((0.0, 0.8))
    assert nice_range(0.69, 0.69, None, 0.2) == pytest.approx((0.55, 0.8))  # a flat loss
    assert nice_range(0.2, 0.6, (0.0, 0.8)) == (0.0, 0.8)  # still fits: unchanged
    odd = (-1.7e308, -5.0, 0.0, 0.3, 308.2, 1e300, 1.7e308, math.inf, -math.inf, math.nan)
    for lo in odd:
        for hi in odd:
            r = nice_range(lo, hi, None, 0.2)
            assert r is None or (math.isfinite(r[0]) and math.isfinite(r[1]) and r[0] < r[1])


def test_axes_survive_any_range():
    """Tick code runs inside paint(), where an exception crashes the app."""
    odd = (-400.0, -308.2, -5.0, 0.0, 1e-12, 0.3, 7.3, 308.2, 1e300, math.nan)
    for log in (False, True):
        axis = Axis("left")
        axis.setLogMode(False, log)
        baseline = pg.AxisItem("left")
        baseline.setLogMode(False, log)
        for lo in odd:
            for hi in odd:
                for size in (0, 90, 3000):
                    try:
                        baseline.tickValues(lo, hi, size)
                    except (ArithmeticError, ValueError):
                        continue  # pyqtgraph itself fails here: not ours to fix
                    for spacing, values in axis.tickValues(lo, hi, size):
                        axis.tickStrings(values, 1.0, spacing or 1.0)
