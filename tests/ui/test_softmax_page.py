"""The softmax explorer page: controls, the three views, and agreement with the engine."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QPushButton, QSlider, QSpinBox

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.engine import softmax as sm
from actgui.ui.pages.softmax import SoftmaxPage
from actgui.ui.views.softmax_controls import (
    DEFAULT_COUNT,
    DEFAULT_LOGITS,
    slider_to_temperature,
    temperature_to_slider,
)


@pytest.fixture
def page(qtbot):
    w = SoftmaxPage()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    # Mouse moves go to the active window; a window left by an earlier test must not keep it.
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def find(page, cls, name):
    w = page.findChild(cls, name)
    assert w is not None, name
    return w


def set_logits(page, values, t=1.0):
    find(page, QSpinBox, "logitCount").setValue(len(values))
    for i, v in enumerate(values):
        find(page, QDoubleSpinBox, f"logitSpin{i}").setValue(v)
    find(page, QDoubleSpinBox, "temperatureSpin").setValue(t)


def bars(page, name):
    plot = find(page, pg.PlotWidget, name)
    items = [it for it in plot.getPlotItem().items if isinstance(it, pg.BarGraphItem)]
    assert len(items) == 1
    return items[0]


def jacobian_image(page):
    plot = find(page, pg.PlotWidget, "jacobianView")
    items = [it for it in plot.getPlotItem().items if isinstance(it, pg.ImageItem)]
    assert len(items) == 1
    return items[0]


def number(text: str) -> float:
    """A number as the page prints it (with a real minus sign) back to a float."""
    return float(text.strip().replace("−", "-"))


def hover_value(text: str) -> float:
    """The value at the end of the formula: '... = 0.3000 × 0.7000 / 1.000 = 0.2100   — ...'."""
    formula = text.split("—")[0]
    return number(formula.rsplit("=", 1)[1])


def test_contract(page):
    assert page.objectName() == "softmaxPage"
    names = [p.objectName() for p in page.plots()]
    assert names == ["probabilityPlot", "jacobianView", "gradientPlot"]
    assert all(isinstance(p, pg.PlotWidget) for p in page.plots())
    count = find(page, QSpinBox, "logitCount")
    assert (count.minimum(), count.maximum(), count.value()) == (2, 10, DEFAULT_COUNT)
    for i in range(10):
        spin = find(page, QDoubleSpinBox, f"logitSpin{i}")
        assert spin.minimum() <= -1e6 and spin.maximum() >= 1e6
    temp = find(page, QDoubleSpinBox, "temperatureSpin")
    assert (temp.minimum(), temp.maximum()) == (0.05, 10.0)
    find(page, QSpinBox, "targetClass")


def test_every_control_has_a_tooltip(page):
    controls = (page.findChildren(QAbstractSpinBox) + page.findChildren(QSlider)
                + page.findChildren(QPushButton))
    assert len(controls) >= 2 * 10 + 4 + 2
    missing = [c.objectName() for c in controls if not c.toolTip().strip()]
    assert missing == []


@pytest.mark.parametrize("t", [1.0, 0.35, 4.2])
def test_bars_are_softmax(page, t):
    z = [1.5, -0.3, 2.2, 0.0, -4.0]
    set_logits(page, z, t)
    b = bars(page, "probabilityPlot")
    expected = sm.softmax(np.array(z), temperature=t)
    np.testing.assert_array_equal(b.opts["height"], expected)
    np.testing.assert_array_equal(b.opts["x"], np.arange(5))
    assert math.isclose(float(np.sum(b.opts["height"])), 1.0, rel_tol=1e-12)


def test_argmax_bar_is_highlighted(page):
    set_logits(page, [0.1, 3.0, -1.0])
    brushes = [pg.mkBrush(c).color().name() for c in bars(page, "probabilityPlot").opts["brushes"]]
    assert brushes[1] != brushes[0] and brushes[0] == brushes[2]


def test_entropy_readout(page):
    z = np.array([2.0, 0.0, -1.0, 0.5])
    set_logits(page, z, 0.8)
    p = sm.softmax(z, temperature=0.8)
    h = -(p * np.log(p)).sum()
    text = page.probabilities.readout.text()
    assert f"{h / math.log(2):.3f}" in text and f"{h:.3f}" in text


def test_spin_moves_slider_and_back(page):
    spin = find(page, QDoubleSpinBox, "logitSpin2")
    slider = find(page, QSlider, "logitSlider2")
    spin.setValue(3.25)
    assert slider.value() == 325
    slider.setValue(-470)
    assert spin.value() == pytest.approx(-4.7)
    # A logit beyond the slider's reach parks the slider at its end and is not clipped back.
    spin.setValue(1000.0)
    assert slider.value() == slider.maximum()
    assert spin.value() == 1000.0


def test_one_redraw_per_change(page):
    calls = []
    page.logits.changed.connect(lambda: calls.append(1))
    find(page, QSlider, "logitSlider0").setValue(123)
    find(page, QDoubleSpinBox, "logitSpin1").setValue(-2.5)
    assert len(calls) == 2


def test_temperature_slider_is_logarithmic_and_synced(page):
    spin = find(page, QDoubleSpinBox, "temperatureSpin")
    slider = find(page, QSlider, "temperatureSlider")
    assert slider.value() == temperature_to_slider(1.0)
    spin.setValue(0.5)
    assert slider.value() == temperature_to_slider(0.5)
    slider.setValue(slider.maximum())
    assert spin.value() == pytest.approx(10.0)
    slider.setValue(slider.minimum())
    assert spin.value() == pytest.approx(0.05)
    # Log scale: the middle of the slider is the geometric mean of the ends.
    assert slider_to_temperature(500) == pytest.approx(math.sqrt(0.05 * 10.0))
    slider.setValue(500)
    assert page.state["t"] == spin.value() == pytest.approx(0.707, abs=1e-3)


def test_logit_count_hides_rows_and_resizes_views(page):
    count = find(page, QSpinBox, "logitCount")
    target = find(page, QSpinBox, "targetClass")
    for k in (7, 2, 10, 3):
        count.setValue(k)
        for i in range(10):
            assert find(page, QDoubleSpinBox, f"logitSpin{i}").isVisible() == (i < k)
            assert find(page, QSlider, f"logitSlider{i}").isVisible() == (i < k)
        assert len(bars(page, "probabilityPlot").opts["height"]) == k
        assert len(bars(page, "gradientPlot").opts["height"]) == k
        assert jacobian_image(page).image.shape == (k, k)
        assert target.maximum() == k - 1


def test_target_is_clamped_when_classes_shrink(page):
    set_logits(page, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    target = find(page, QSpinBox, "targetClass")
    target.setValue(5)
    find(page, QSpinBox, "logitCount").setValue(3)
    assert target.value() == 2
    z = page.logits.values()
    assert page.state["loss"] == sm.cross_entropy(z, [2])


def test_jacobian_image_is_engine_jacobian(page):
    z = np.array([1.0, -0.5, 2.0, 0.3, 0.0])
    set_logits(page, z, 0.6)
    img = jacobian_image(page)
    p = sm.softmax(z, temperature=0.6)
    expected = sm.jacobian(p, 0.6)
    np.testing.assert_array_equal(img.image, expected)
    # image[i, j] is drawn at row i, column j; row 0 at the top.
    assert img.axisOrder == "row-major"
    assert page.jacobian.plot.getPlotItem().vb.yInverted()
    lo, hi = img.getLevels()
    assert lo == -hi and hi >= np.abs(expected).max()
    assert np.abs(expected.sum(axis=1)).max() < 1e-15
    footer = page.jacobian.footer.text()
    assert "sums to 0" in footer
    worst = max(np.abs(expected.sum(axis=0)).max(), np.abs(expected.sum(axis=1)).max())
    assert number(footer.split("<b>")[1].split("</b>")[0]) == pytest.approx(worst, rel=0.06)
    assert "±" in page.jacobian.readout.text()


def hover(qtbot, page, i, j):
    """Move the mouse over the centre of cell (row i, column j) of the heatmap."""
    plot = page.jacobian.plot
    vb = plot.getPlotItem().vb
    scene = vb.mapViewToScene(QPointF(j + 0.5, i + 0.5))
    pos = plot.mapFromScene(scene)
    # Qt may merge move events that arrive too close together: move again until it lands.
    for _ in range(20):
        qtbot.mouseMove(plot.viewport(), QPoint(pos.x(), pos.y()))
        qtbot.wait(30)
        if page.jacobian.hover == (i, j):
            break
    assert page.jacobian.hover == (i, j)
    return page.jacobian.hover_text()


def test_hover_names_formula_and_value(qtbot, page):
    z = np.array([0.5, 1.5, -1.0, 0.0])
    set_logits(page, z, 1.0)
    p = sm.softmax(z)
    jac = sm.jacobian(p)

    text = hover(qtbot, page, 2, 2)
    assert "∂a₂/∂z₂" in text and "a₂(1 − a₂)" in text and "on the diagonal" in text
    assert hover_value(text) == pytest.approx(jac[2, 2], abs=5e-5)
    assert f"{p[2]:.4f}" in text and f"{1 - p[2]:.4f}" in text

    text = hover(qtbot, page, 1, 3)
    assert "∂a₁/∂z₃" in text and "−a₁·a₃" in text and "off the diagonal" in text
    assert hover_value(text) == pytest.approx(jac[1, 3], abs=5e-5)
    assert jac[1, 3] < 0 and "= −0.0" in text
    assert f"{p[1]:.4f}" in text and f"{p[3]:.4f}" in text
    assert page.jacobian.plot.toolTip() == text

    # The readout follows the logits while the cell stays selected.
    find(page, QDoubleSpinBox, "logitSpin3").setValue(2.0)
    jac = sm.jacobian(sm.softmax(page.logits.values()))
    assert hover_value(page.jacobian.hover_text()) == pytest.approx(jac[1, 3], abs=5e-5)


def test_cell_values_written_up_to_six_classes(page):
    set_logits(page, [1.0, 0.0, -1.0])
    shown = [t for t in page.jacobian.cell_text if t.isVisible()]
    jac = page.state["jacobian"]
    assert len(shown) == 9
    values = [number(t.textItem.toPlainText()) for t in shown]
    np.testing.assert_allclose(values, jac.ravel(), atol=5e-4)
    find(page, QSpinBox, "logitCount").setValue(8)
    assert not any(t.isVisible() for t in page.jacobian.cell_text)


@pytest.mark.parametrize("y", [0, 2, 3])
def test_cross_entropy_and_gradient(page, y):
    z = np.array([0.2, -1.3, 2.5, 0.7])
    set_logits(page, z, 1.7)
    find(page, QSpinBox, "targetClass").setValue(y)
    loss = sm.cross_entropy(z, [y], temperature=1.7)
    grad = sm.cross_entropy_grad(z, [y], temperature=1.7)
    assert page.state["loss"] == loss
    assert f"{loss:.3f}" in page.gradient.readout.text()
    np.testing.assert_array_equal(bars(page, "gradientPlot").opts["height"], grad)
    p = sm.softmax(z, temperature=1.7)
    onehot = np.eye(4)[y]
    np.testing.assert_allclose(grad, (p - onehot) / 1.7, atol=1e-15)


EXTREMES = [
    [1000.0, -1000.0, 0.0],
    [1e6, -1e6, 1e6, 0.5],
    [-1e6, -1e6, -1e6, -1e6, -1e6],
    [1e6, 999999.999, -1000.0, 1000.0, 0.0, 3.0],
]


@pytest.mark.parametrize("z", EXTREMES)
@pytest.mark.parametrize("t", [0.05, 1.0, 10.0])
def test_extreme_logits_stay_finite(qtbot, page, capfd, z, t):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            set_logits(page, z, t)
            find(page, QSpinBox, "targetClass").setValue(1)
            page.grab()  # paint every item once
    heights = bars(page, "probabilityPlot").opts["height"]
    assert np.isfinite(heights).all()
    np.testing.assert_array_equal(heights, sm.softmax(np.array(z), temperature=t))
    assert np.isfinite(jacobian_image(page).image).all()
    assert np.isfinite(bars(page, "gradientPlot").opts["height"]).all()
    assert math.isfinite(page.state["loss"])
    texts = [page.probabilities.readout.text(), page.gradient.readout.text(),
             page.jacobian.readout.text(), page.jacobian.footer.text()]
    texts += [t.textItem.toPlainText() for t in page.probabilities.value_text]
    assert not any("nan" in s.lower() or "inf" in s.lower() for s in texts)
    assert capfd.readouterr().err == ""


def test_reset_restores_defaults(qtbot, page):
    set_logits(page, [5.0, -3.0, 1.0, 2.0, 0.0, 7.0, 1.0], 3.3)
    find(page, QSpinBox, "targetClass").setValue(5)
    with qtbot.waitSignal(page.status_message, timeout=1000):
        qtbot.mouseClick(find(page, QPushButton, "resetButton"), Qt.MouseButton.LeftButton)
    assert find(page, QSpinBox, "logitCount").value() == DEFAULT_COUNT
    assert find(page, QDoubleSpinBox, "temperatureSpin").value() == 1.0
    assert find(page, QSpinBox, "targetClass").value() == 0
    for i, v in enumerate(DEFAULT_LOGITS):
        assert find(page, QDoubleSpinBox, f"logitSpin{i}").value() == v
        assert find(page, QSlider, f"logitSlider{i}").value() == round(v * 100)
    expected = sm.softmax(np.array(DEFAULT_LOGITS[:DEFAULT_COUNT]))
    np.testing.assert_array_equal(bars(page, "probabilityPlot").opts["height"], expected)


def test_randomize_changes_logits_and_keeps_views_in_step(qtbot, page):
    before = page.logits.values()
    qtbot.mouseClick(find(page, QPushButton, "randomizeButton"), Qt.MouseButton.LeftButton)
    z = page.logits.values()
    assert not np.array_equal(z, before)
    for i, v in enumerate(z):
        assert find(page, QSlider, f"logitSlider{i}").value() == round(v * 100)
    np.testing.assert_array_equal(bars(page, "probabilityPlot").opts["height"], sm.softmax(z))
