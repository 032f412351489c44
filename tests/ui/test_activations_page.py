"""The activation explorer page: curves, probe, parameter slider, zones, identity, f' check."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QListWidget,
    QSlider,
    QTableWidget,
    QTextBrowser,
)

import pyqtgraph as pg  # isort: skip

from actgui.engine import activations as act
from actgui.ui.pages.activations import ActivationsPage, fmt_value, slider_to_value
from actgui.ui.views import curve_zones as zones
from actgui.ui.views.curve_plots import next_range, nice_range

ROLE = Qt.ItemDataRole.UserRole




@pytest.fixture
def page(qtbot):
    p = ActivationsPage()
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    return p


def child(page, cls, name):
    w = page.findChild(cls, name)
    assert w is not None, name
    return w


def row_of(page, name) -> int:
    lst = child(page, QListWidget, "activationList")
    return [lst.item(i).data(ROLE) for i in range(lst.count())].index(name)


def tick(page, name, on=True):
    lst = child(page, QListWidget, "activationList")
    lst.item(row_of(page, name)).setCheckState(
        Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def select(page, name):
    child(page, QListWidget, "activationList").setCurrentRow(row_of(page, name))


def f_plot(page) -> pg.PlotWidget:
    return child(page, pg.PlotWidget, "activationPlot")


def df_plot(page) -> pg.PlotWidget:
    return child(page, pg.PlotWidget, "derivativePlot")


def curves(page, name):
    items = page.view.curve_items(name)
    assert items is not None, f"{name} is not drawn"
    return items


def readout(page) -> dict[str, tuple[float, float, str, str, str]]:
    table = child(page, QTableWidget, "probeReadout")
    out = {}
    for r in range(table.rowCount()):
        name = table.item(r, 0).data(ROLE)
        f, d = table.item(r, 1), table.item(r, 2)
        out[name] = (f.data(ROLE), d.data(ROLE), f.text(), d.text(), table.item(r, 3).text())
    return out


# -- start state and the shell contract ------------------------------------------------------


def test_start_state(page):
    assert page.objectName() == "activationsPage"
    lst = child(page, QListWidget, "activationList")
    assert [lst.item(i).data(ROLE) for i in range(lst.count())] == act.names()
    checked = [lst.item(i).data(ROLE) for i in range(lst.count())
               if lst.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == ["sigmoid", "tanh", "relu"]
    assert page.selected() == "sigmoid"
    assert page.plots() == [f_plot(page), df_plot(page)]
    for plot in page.plots():
        assert len(plot.getPlotItem().listDataItems()) == 3
    assert f_plot(page).getPlotItem().getAxis("bottom").labelText == "z"
    assert f_plot(page).getPlotItem().getAxis("left").labelText == "f(z)"
    assert df_plot(page).getPlotItem().getAxis("left").labelText == "f′(z)"
    legend = [label.text for _, label in f_plot(page).getPlotItem().legend.items]
    assert legend == ["Sigmoid", "Tanh", "ReLU", "tangent at the probe"]
    assert page.view.f_probe.label.toPlainText() == "z = 1.000"
    assert child(page, QDoubleSpinBox, "zProbe").value() == page.view.f_probe.value() == 1.0
    assert readout(page)["sigmoid"][0] == float(act.get("sigmoid").f(np.array([1.0]))[0])
    x0, x1 = f_plot(page).getPlotItem().viewRange()[0]
    assert (x0, x1) == pytest.approx((-6.0, 6.0))


def test_legend_samples_do_not_hide_curves(page):
    for sample, _ in f_plot(page).getPlotItem().legend.items:
        assert sample.acceptedMouseButtons() == Qt.MouseButton.NoButton


def test_x_axes_linked(page):
    assert df_plot(page).getPlotItem().getViewBox().linkedView(0) is \
        f_plot(page).getPlotItem().getViewBox()


def test_curve_data_equals_engine_exactly(page):
    for name in ("sigmoid", "tanh", "relu"):
        f_item, df_item = curves(page, name)
        x = f_item.xData
        assert x.size >= 1000
        assert x[0] == -6.0 and x[-1] == 6.0
        assert np.array_equal(f_item.yData, act.get(name).f(x))
        assert np.array_equal(df_item.xData, x)
        assert np.array_equal(df_item.yData, act.get(name).df(x))


def test_every_activation_can_be_drawn_exactly(page):
    for name in act.names():
        tick(page, name)
    assert len(f_plot(page).getPlotItem().listDataItems()) == len(act.names())
    for name in act.names():
        f_item, df_item = curves(page, name)
        a = act.get(name)
        assert np.array_equal(f_item.yData, a.f(f_item.xData))
        assert np.array_equal(df_item.yData, a.df(df_item.xData))
        assert np.isfinite(f_item.yData).all() and np.isfinite(df_item.yData).all()


def test_ticking_adds_and_removes_curves(page):
    tick(page, "elu")
    f_items = f_plot(page).getPlotItem().listDataItems()
    elu_f, elu_df = curves(page, "elu")
    assert elu_f in f_items and elu_df in df_plot(page).getPlotItem().listDataItems()
    assert len(f_items) == 4
    assert "ELU" in [label.text for _, label in f_plot(page).getPlotItem().legend.items]
    assert "elu" in readout(page)

    tick(page, "relu", on=False)
    assert page.view.curve_items("relu") is None
    names = {id(i) for i in f_plot(page).getPlotItem().listDataItems()}
    assert len(names) == 3
    assert "relu" not in readout(page)
    assert "ReLU" not in [label.text for _, label in f_plot(page).getPlotItem().legend.items]

    tick(page, "relu")
    assert np.array_equal(curves(page, "relu")[0].yData, act.get("relu").f(page.z_grid()))


# -- parameter slider ----------------------------------------------------------------------


def test_slider_changes_leaky_relu_curve(page):
    tick(page, "leaky_relu")
    select(page, "leaky_relu")
    slider = child(page, QSlider, "paramSlider")
    assert slider.isEnabled()
    slider.setValue(200)
    alpha = slider_to_value(act.param_specs("leaky_relu")["alpha"], 200)
    assert alpha == 0.1
    f_item, df_item = curves(page, "leaky_relu")
    ref = act.get("leaky_relu", alpha=alpha)
    assert np.array_equal(f_item.yData, ref.f(f_item.xData))
    assert np.array_equal(df_item.yData, ref.df(df_item.xData))
    assert df_item.yData[0] == pytest.approx(0.1)
    assert child(page, QLabel, "paramValue").text().endswith("α = 0.1")
    assert "0.1" in page.card.text()

    # The value stays with the activation when the selection moves away and back.
    select(page, "sigmoid")
    select(page, "leaky_relu")
    assert slider.value() == 200
    assert np.array_equal(curves(page, "leaky_relu")[0].yData, ref.f(page.z_grid()))


def test_slider_ends_are_valid_parameters(page):
    for name in ("leaky_relu", "elu", "silu"):
        tick(page, name)
        select(page, name)
        (key, spec), = act.param_specs(name).items()
        for i in (0, 1000, 1):
            child(page, QSlider, "paramSlider").setValue(i)
            v = page._params[name][key]
            assert spec.low <= v <= spec.high
            ref = act.get(name, **{key: v})
            assert np.array_equal(curves(page, name)[1].yData, ref.df(page.z_grid()))


def test_silu_slider_is_logarithmic_with_default_in_the_middle():
    spec = act.param_specs("silu")["beta"]
    assert slider_to_value(spec, 500) == 1.0
    assert slider_to_value(spec, 0) == spec.low and slider_to_value(spec, 1000) == spec.high


def test_moving_the_slider_of_an_unticked_activation_ticks_it(page):
    select(page, "silu")
    assert page.view.curve_items("silu") is None
    child(page, QSlider, "paramSlider").setValue(700)
    beta = slider_to_value(act.param_specs("silu")["beta"], 700)
    assert "silu" in page.shown()
    assert np.array_equal(curves(page, "silu")[0].yData,
                          act.get("silu", beta=beta).f(page.z_grid()))


def test_slider_disabled_for_fixed_activation(page):
    select(page, "tanh")
    slider = child(page, QSlider, "paramSlider")
    assert not slider.isEnabled()
    assert "no parameter" in slider.toolTip()
    select(page, "elu")
    assert slider.isEnabled()


def test_default_button_restores_parameter(page):
    tick(page, "elu")
    select(page, "elu")
    child(page, QSlider, "paramSlider").setValue(900)
    page.controls.param_reset.click()
    assert page._params["elu"]["alpha"] == 1.0
    assert np.array_equal(curves(page, "elu")[0].yData, act.get("elu").f(page.z_grid()))


# -- probe ---------------------------------------------------------------------------------


def test_probe_spin_moves_lines_and_readouts(page):
    spin = child(page, QDoubleSpinBox, "zProbe")
    spin.setValue(1.25)
    assert page.view.f_probe.value() == 1.25 and page.view.df_probe.value() == 1.25
    values = readout(page)
    assert set(values) == {"sigmoid", "tanh", "relu"}
    for name, (f, d, f_text, d_text, _) in values.items():
        a = act.get(name)
        assert f == float(a.f(np.array([1.25]))[0])
        assert d == float(a.df(np.array([1.25]))[0])
        assert f_text == fmt_value(f) and d_text == fmt_value(d)
    assert values["sigmoid"][2] == "0.7773"
    assert values["relu"][4] == "active"


def test_dragging_the_line_updates_spin_box(page):
    spin = child(page, QDoubleSpinBox, "zProbe")
    page.view.df_probe.setValue(-2.3456)
    assert spin.value() == pytest.approx(-2.346)
    assert page.view.f_probe.label.toPlainText() == "z = −2.346"
    assert page.view.f_probe.value() == spin.value()
    assert page.view.df_probe.value() == spin.value()
    assert readout(page)["tanh"][0] == float(act.get("tanh").f(np.array([spin.value()]))[0])
    assert readout(page)["relu"][4] == "dead"


def test_mouse_drag_of_the_line(page, qtbot):
    qtbot.waitExposed(page)
    plot = df_plot(page)
    vb, vp = plot.getPlotItem().getViewBox(), plot.viewport()

    def at(z):
        return plot.mapFromScene(vb.mapViewToScene(QPointF(z, 0.5)))

    def send(kind, pos, buttons):
        event = QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(vp, event)

    start, end = at(1.0), at(-2.5)
    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for i in range(1, 11):
        send(QEvent.Type.MouseMove, start + (end - start) * (i / 10), Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    z = child(page, QDoubleSpinBox, "zProbe").value()
    assert z == pytest.approx(-2.5, abs=0.05)
    assert page.view.f_probe.value() == page.view.df_probe.value() == z
    assert readout(page)["relu"][4] == "dead"


def test_probe_follows_z_range(page):
    spin = child(page, QDoubleSpinBox, "zProbe")
    spin.setValue(5.0)
    child(page, QDoubleSpinBox, "zMax").setValue(3.0)
    assert spin.maximum() == 3.0 and spin.value() == 3.0
    assert page.view.f_probe.value() == 3.0
    x = curves(page, "sigmoid")[0].xData
    assert x[-1] == 3.0 and x.size >= 1000


def test_tangent_at_probe(page):
    child(page, QDoubleSpinBox, "zProbe").setValue(1.0)
    x, y = page.view.tangent.xData, page.view.tangent.yData
    a = act.get("sigmoid")
    f0, s = float(a.f(np.array([1.0]))[0]), float(a.df(np.array([1.0]))[0])
    assert page.view.tangent.isVisible()
    assert np.allclose(y, f0 + s * (x - 1.0), rtol=0, atol=1e-15)
    child(page, QCheckBox, "showTangent").setChecked(False)
    assert not page.view.tangent.isVisible()


# -- zones ---------------------------------------------------------------------------------


def _visible(bands):
    return [b.getRegion() for b in bands if b.isVisible()]


def test_sigmoid_saturation_bands(page):
    box = child(page, QCheckBox, "showSaturation")
    assert _visible(page.view.zone_bands("saturated")) == []
    box.setChecked(True)
    t = act.SATURATION_RATIO * 0.25
    s = (1 + math.sqrt(1 - 4 * t)) / 2  # sigma(1 - sigma) = t
    edge = math.log(s / (1 - s))
    for plot in (0, 1):
        spans = sorted(_visible(page.view.zone_bands("saturated", plot)))
        assert len(spans) == 2
        assert spans[0][0] == -6.0 and spans[1][1] == 6.0
        assert spans[0][1] == pytest.approx(-edge, abs=1e-9)
        assert spans[1][0] == pytest.approx(edge, abs=1e-9)
    legend = [label.text for _, label in df_plot(page).getPlotItem().legend.items]
    assert legend == ["saturated: |f′| ≤ 5.91 % of peak"]
    box.setChecked(False)
    assert _visible(page.view.zone_bands("saturated")) == []
    assert not df_plot(page).getPlotItem().legend.isVisible()


def test_relu_dead_band(page):
    select(page, "relu")
    child(page, QCheckBox, "showDead").setChecked(True)
    child(page, QCheckBox, "showSaturation").setChecked(True)
    for plot in (0, 1):
        (lo, hi), = _visible(page.view.zone_bands("dead", plot))
        assert lo == -6.0 and hi == pytest.approx(0.0, abs=1e-12)
    assert _visible(page.view.zone_bands("saturated")) == []
    legend = [label.text for _, label in df_plot(page).getPlotItem().legend.items]
    assert legend == ["no saturation in view", "dead: f′ = 0"]
    child(page, QCheckBox, "showDead").setChecked(False)
    assert _visible(page.view.zone_bands("dead", 1)) == []


@pytest.mark.parametrize("name", act.names())
def test_zone_edges_match_threshold(page, name):
    tick(page, name)
    select(page, name)
    child(page, QCheckBox, "showSaturation").setChecked(True)
    child(page, QCheckBox, "showDead").setChecked(True)
    a = act.get(name)
    z = page.z_grid()
    d = a.df(z)
    t = a.saturation_threshold()
    for kind, mask in (("saturated", (np.abs(d) <= t) & (d != 0)), ("dead", d == 0)):
        spans = page.view.zone_spans(kind)
        inside = np.zeros(z.shape, dtype=bool)
        for lo, hi in spans:
            inside |= (z >= lo) & (z <= hi)
            for edge in (lo, hi):  # an interior edge separates the two sides closely
                if -6.0 < edge < 6.0:
                    left, right = a.df(np.array([edge - 1e-9, edge + 1e-9]))
                    in_l = abs(left) <= t and left != 0 if kind == "saturated" else left == 0
                    in_r = abs(right) <= t and right != 0 if kind == "saturated" else right == 0
                    assert in_l != in_r, (kind, edge)
        assert np.array_equal(inside, mask), kind


# -- identity and derivative check ---------------------------------------------------------


def test_identity_overlay(page):
    box = child(page, QCheckBox, "showIdentity")
    box.setChecked(True)
    item = page.view.identity
    assert item.isVisible()
    assert np.array_equal(item.yData, (1 + np.tanh(item.xData / 2)) / 2)
    assert page.identity_error < 1e-15
    label = child(page, QLabel, "identityResult")
    assert label.isVisible() and "e−1" in label.text()
    box.setChecked(False)
    assert not item.isVisible() and not label.isVisible()


def test_derivative_check(page, qtbot):
    box = child(page, QCheckBox, "showCheck")
    with qtbot.waitSignal(page.status_message, timeout=1000):
        box.setChecked(True)
    assert set(page.check_errors) == {"sigmoid", "tanh", "relu"}
    assert max(page.check_errors.values()) < 1e-8
    relu_check = page.view.check_item("relu")
    assert relu_check.scene() is df_plot(page).scene() and relu_check.isVisible()
    assert len(df_plot(page).getPlotItem().listDataItems()) == 3  # only the activations
    assert np.min(np.abs(relu_check.xData)) > 3e-5  # the kink at 0 is skipped
    assert child(page, QLabel, "checkResult").isVisible()

    tick(page, "hard_tanh")
    assert page.check_errors["hard_tanh"] < 1e-8
    tick(page, "tanh", on=False)
    assert "tanh" not in page.check_errors and page.view.check_item("tanh") is None
    box.setChecked(False)
    assert page.check_errors == {} and page.view.check_item("relu") is None


# -- formula card, tooltips, robustness ----------------------------------------------------


def test_formula_card(page):
    card = child(page, QFrame, "formulaCard")
    assert child(card, QLabel, "peakSlope").text() == "Sigmoid: peak slope 0.25 at z = 0"
    assert child(card, QLabel, "formulaF").text() == act.get("sigmoid").formula_f
    assert child(card, QLabel, "formulaDf").text() == act.get("sigmoid").formula_df
    assert child(card, QLabel, "outputRange").text() == "0 to 1"
    assert child(card, QLabel, "zeroCentred").text() == "no"
    threshold = f"{act.get('sigmoid').saturation_threshold():.4g}"
    assert threshold.startswith("0.0147")
    assert threshold in child(card, QLabel, "saturationThreshold").text()
    select(page, "tanh")
    assert child(card, QLabel, "peakSlope").text() == "Tanh: peak slope 1 at z = 0"
    assert child(card, QLabel, "zeroCentred").text() == "yes"
    assert "−1 to 1" in page.card.text()


def test_notes_cover_the_key_facts(page):
    text = page.findChild(QTextBrowser, "activationNotes").toPlainText()
    for fact in ("0.25", "reaches 1", "δj", "dead", "Softmax page", "5.91 %"):
        assert fact in text, fact


def test_every_control_has_a_tooltip(page):
    checked = 0
    for cls in (QAbstractButton, QSlider, QAbstractSpinBox, QListWidget, QTableWidget):
        for w in page.findChildren(cls):
            if w.objectName().startswith("qt_") or not w.isVisibleTo(page):
                continue
            assert w.toolTip(), f"{cls.__name__} {w.objectName()!r} has no tooltip"
            checked += 1
    assert checked >= 13  # 5 check boxes, 2 buttons, slider, 3 spin boxes, list, table
    lst = child(page, QListWidget, "activationList")
    assert all(lst.item(i).toolTip() for i in range(lst.count()))


def test_z_range_change_recomputes_every_curve(page):
    child(page, QCheckBox, "showIdentity").setChecked(True)
    child(page, QDoubleSpinBox, "zMin").setValue(-20.0)
    child(page, QDoubleSpinBox, "zMax").setValue(30.0)
    assert f_plot(page).getPlotItem().viewRange()[0] == pytest.approx([-20.0, 30.0])
    for name in page.shown():
        f_item, df_item = curves(page, name)
        assert f_item.xData[0] == -20.0 and f_item.xData[-1] == 30.0
        assert np.array_equal(f_item.yData, act.get(name).f(f_item.xData))
        assert np.array_equal(df_item.yData, act.get(name).df(df_item.xData))
    assert np.array_equal(page.view.identity.xData, page.z_grid())
    lo, hi = f_plot(page).getPlotItem().viewRange()[1]
    assert lo <= -1.0 and 30.0 <= hi < 40.0  # ReLU reaches 30; the y range fits it
    page.controls.z_reset.click()
    assert child(page, QDoubleSpinBox, "zMin").value() == -6.0
    assert curves(page, "relu")[0].xData[-1] == 6.0


def test_extreme_settings_stay_finite(page):
    for box in ("showSaturation", "showDead", "showIdentity", "showCheck"):
        child(page, QCheckBox, box).setChecked(True)
    child(page, QDoubleSpinBox, "zMin").setValue(-50.0)
    child(page, QDoubleSpinBox, "zMax").setValue(50.0)
    for name in act.names():
        tick(page, name)
        select(page, name)
        for i in (0, 1000):
            if act.param_specs(name):
                child(page, QSlider, "paramSlider").setValue(i)
            for z in (-50.0, 50.0):
                child(page, QDoubleSpinBox, "zProbe").setValue(z)
                for f, d, *_ in readout(page).values():
                    assert math.isfinite(f) and math.isfinite(d)
    for name in act.names():
        for item in curves(page, name):
            assert np.isfinite(item.yData).all()
    assert all(math.isfinite(e) for e in page.check_errors.values())
    assert page.identity_error < 1e-15


def test_pure_helpers():
    assert fmt_value(0.0) == "0.0000" and fmt_value(-0.5) == "−0.5000"
    assert fmt_value(2.5e-9) == "2.500e−09"
    assert nice_range(0.0, 1.0) == pytest.approx((-0.05, 1.05))
    assert nice_range(-1.0, 6.0) == pytest.approx((-1.5, 6.5))
    lo, hi = nice_range(2.0, 2.0)  # a flat curve still gets a range
    assert lo < 2.0 < hi
    # next_range keeps the range while the data fits and fills it, and grows with headroom.
    cur = nice_range(-1.0, 6.0)
    assert next_range(cur, -1.0, 5.9) == cur
    grown = next_range(cur, -2.0, 6.0)
    assert grown[0] < -2.0 - 0.2 * 7 and grown[1] == cur[1]
    assert next_range(cur, 0.0, 1.0) == nice_range(0.0, 1.0)
    z = np.linspace(-1, 1, 201)
    (lo, hi), = zones.intervals(z, z < 0.123, lambda x: x < 0.123)
    assert lo == -1.0 and hi == pytest.approx(0.123, abs=1e-12)  # refined between grid points
    spans = zones.intervals(z, np.abs(z) > 0.5, lambda x: np.abs(x) > 0.5)
    assert np.allclose(spans, [(-1.0, -0.5), (0.5, 1.0)], rtol=0, atol=1e-12)
    assert zones.intervals(z, z > 5, lambda x: x > 5) == []


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["leaky_relu", "elu", "silu"]),
       i=st.integers(0, 1000), z=st.floats(-6, 6))
def test_any_slider_and_probe_value_gives_finite_engine_values(page, name, i, z):
    tick(page, name)
    select(page, name)
    child(page, QCheckBox, "showSaturation").setChecked(True)
    child(page, QSlider, "paramSlider").setValue(i)
    child(page, QDoubleSpinBox, "zProbe").setValue(z)
    (key, _), = act.param_specs(name).items()
    ref = act.get(name, **{key: page._params[name][key]})
    f, d, *_ = readout(page)[name]
    zp = page.probe_z()
    assert f == float(ref.f(np.array([zp]))[0]) and d == float(ref.df(np.array([zp]))[0])
    assert math.isfinite(f) and math.isfinite(d)
    assert np.array_equal(curves(page, name)[0].yData, ref.f(page.z_grid()))
