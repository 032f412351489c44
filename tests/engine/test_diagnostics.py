import numpy as np
import pytest

from actgui.engine import activations as act
from actgui.engine import diagnostics as dg


def test_dead_units_and_layer_warning():
    z = np.array([[-1.0, 2.0, -3.0], [-0.5, -1.0, -2.0], [0.0, 0.5, -1.0]])
    s = dg.layer_stats(act.get("relu"), z, np.maximum(z, 0))
    assert s.dead.tolist() == [True, False, True]
    assert s.dead_share == pytest.approx(2 / 3) and s.dead_warning
    assert not s.saturated.any()  # dead units are reported as dead, not saturated
    np.testing.assert_array_equal(s.z_min, [-1.0, -1.0, -3.0])


def test_saturation_share_uses_the_derivative_rule():
    z = np.array([[0.0], [3.0], [-3.0], [1.0]])
    t = act.get("tanh")
    s = dg.layer_stats(t, z, t.f(z))
    # |tanh(3)| = 0.995 > 0.97, |tanh(1)| = 0.76
    assert s.saturation.tolist() == [0.5]
    assert s.saturated.tolist() == [True]
    s2 = dg.layer_stats(t, z, t.f(z), saturated_share=0.75)
    assert s2.saturated.tolist() == [False]


def test_same_sign_share():
    inputs = np.array([[0.2, 0.7], [0.5, -0.1], [0.0, 0.0], [0.0, -2.0]])
    delta = np.array([[1.0, -1.0], [0.5, 0.3], [1.0, 1.0], [0.0, 2.0]])
    # row 0: all positive inputs -> both units same-sign (2 of 2)
    # row 1: mixed inputs -> 0 of 2; row 2: no non-zero input -> excluded
    # row 3: one non-zero input, delta 0 for unit 0 (excluded), unit 1 same-sign
    assert dg.same_sign_share(inputs, delta) == pytest.approx(3 / 5)
    assert np.isnan(dg.same_sign_share(np.zeros((2, 2)), np.ones((2, 2))))


def test_bad_shapes_raise_value_error():
    with pytest.raises(ValueError, match="same"):
        dg.layer_stats(act.get("tanh"), np.zeros((3, 2)), np.zeros((3, 3)))
    with pytest.raises(ValueError, match="same n"):
        dg.same_sign_share(np.zeros((3, 2)), np.zeros((4, 2)))


def test_negative_slopes_are_not_saturation():
    g = act.get("gelu")
    z = np.full((4, 1), -np.sqrt(2))  # GELU'(-sqrt 2) = -0.129: a real (reversed) slope
    s = dg.layer_stats(g, z, g.f(z))
    assert g.df(z)[0, 0] < 0 and abs(g.df(z)[0, 0]) > g.saturation_threshold()
    assert s.saturation.tolist() == [0.0]
