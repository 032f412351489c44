import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actgui.engine import activations as act
from actgui.engine._erf import erf

REQUIRED = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "silu", "gelu",
            "gelu_tanh", "mish", "softsign", "hard_tanh", "hard_sigmoid", "linear"]
PARAMS = [("leaky_relu", {"alpha": 0.2}), ("elu", {"alpha": 2.5}), ("silu", {"beta": 3.0})]
ALL = [(n, {}) for n in REQUIRED] + PARAMS

floats = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6)


def test_registry_has_every_required_activation():
    assert set(REQUIRED) <= set(act.names())


def test_erf_agrees_with_math_erf():
    x = np.concatenate([np.linspace(-7, 7, 40001), np.logspace(-300, 1, 500),
                        -np.logspace(-300, 1, 500), [0.0, 5.99999, 6.0, 6.00001, 40.0]])
    ref = np.array([math.erf(v) for v in x])
    assert np.max(np.abs(erf(x) - ref)) < 1e-12
    assert erf(np.array([np.inf, -np.inf]))[0] == 1.0
    assert np.isnan(erf(np.array([np.nan])))[0]


def test_gelu_uses_exact_erf():
    z = np.linspace(-8, 8, 2001)
    ref = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in z])
    assert np.max(np.abs(act.get("gelu").f(z) - ref)) < 1e-12


def test_known_values():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    sig = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(act.get("sigmoid").f(z), sig, rtol=1e-15)
    np.testing.assert_allclose(act.get("tanh").df(z), 1 - np.tanh(z) ** 2, rtol=1e-14)
    np.testing.assert_array_equal(act.get("relu").df(np.array([-1.0, 0.0, 1.0])), [0, 0, 1])
    np.testing.assert_allclose(act.get("leaky_relu").f(z), np.where(z > 0, z, 0.01 * z))
    np.testing.assert_allclose(act.get("hard_sigmoid").f(z), np.clip(z + 3, 0, 6) / 6)
    np.testing.assert_allclose(act.get("softplus").f(z), np.log1p(np.exp(z)), rtol=1e-14)
    np.testing.assert_allclose(act.get("silu", beta=2.0).f(z), z / (1 + np.exp(-2 * z)))
    np.testing.assert_allclose(act.get("mish").f(z), z * np.tanh(np.log1p(np.exp(z))))


def test_peak_slopes():
    assert act.get("sigmoid").peak_slope == 0.25
    assert act.get("tanh").peak_slope == 1.0
    for name, kw in ALL:
        a = act.get(name, **kw)
        z = np.linspace(-12, 12, 48001)
        assert a.df(z).max() <= a.peak_slope * (1 + 1e-9), name
        assert a.df(z).max() >= a.peak_slope * (1 - 1e-3) or name in ("softplus",), name


def test_saturation_rule_matches_tanh_and_sigmoid_bounds():
    t = act.get("tanh")
    z = np.arccosh(1 / np.sqrt(0.0591))  # where 1 - tanh^2 == 0.0591
    assert abs(np.tanh(z) - 0.97) < 1e-12
    s = act.get("sigmoid")
    zs = np.log(0.985 / 0.015)  # sigmoid(zs) == 0.985
    assert abs(s.df(zs) - s.saturation_threshold()) < 1e-15
    assert abs(t.df(z) - t.saturation_threshold()) < 1e-15


@pytest.mark.parametrize("name,kw", ALL)
def test_df_matches_central_differences(name, kw):
    a = act.get(name, **kw)
    z = np.linspace(-6, 6, 1201) + 0.0123
    for k in a.kinks:
        z = z[np.abs(z - k) > 1e-3]
    h = 1e-6
    fd = (a.f(z + h) - a.f(z - h)) / (2 * h)
    err = np.abs(fd - a.df(z)) / np.maximum(1.0, np.abs(fd))
    assert err.max() < 1e-6


@pytest.mark.parametrize("name,kw", ALL)
def test_extremes_are_stable(name, kw):
    a = act.get(name, **kw)
    z = np.array([-1e6, -1e3, -50.0, 50.0, 1e3, 1e6])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f, d = a.f(z), a.df(z)
        inf = a.f(np.array([-np.inf, np.inf]))
        dinf = a.df(np.array([-np.inf, np.inf]))
        nan = a.f(np.array([np.nan])), a.df(np.array([np.nan]))
    assert np.isfinite(f).all() and np.isfinite(d).all()
    assert not np.isnan(inf).any() and not np.isnan(dinf).any()
    # the limits continue the finite values
    lo, hi = a.output_range
    assert inf[0] == pytest.approx(f[0], abs=1e-6) or inf[0] == lo
    assert inf[1] == pytest.approx(f[-1], abs=1e-6) or inf[1] == hi
    np.testing.assert_allclose(dinf, d[[0, -1]], atol=1e-6)
    assert np.isnan(nan[0]).all() and np.isnan(nan[1]).all()


@pytest.mark.parametrize("name,kw", ALL)
def test_any_shape_float64_in_and_out(name, kw):
    a = act.get(name, **kw)
    z = np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 12
    assert a.f(z).shape == z.shape and a.f(z).dtype == np.float64
    assert a.df(z).shape == z.shape and a.df(z).dtype == np.float64
    assert np.ndim(a.f(0.5)) == 0 and a.f([1, 2]).shape == (2,)


@settings(max_examples=300, deadline=None)
@given(floats)
def test_sigmoid_tanh_identity(z):
    s = act.get("sigmoid").f(np.array([z]))[0]
    assert abs(s - (1 + math.tanh(z / 2)) / 2) <= 1e-15


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ALL), floats)
def test_no_warning_anywhere(case, z):
    a = act.get(case[0], **case[1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(a.f(np.array([z]))).all()
        assert np.isfinite(a.df(np.array([z]))).all()


def test_bad_names_and_params_raise_value_error():
    with pytest.raises(ValueError, match="unknown name"):
        act.get("swishy")
    with pytest.raises(ValueError, match="alpha"):
        act.get("leaky_relu", alpha=5.0)
    with pytest.raises(ValueError, match="unknown parameter"):
        act.get("tanh", alpha=1.0)
    with pytest.raises(ValueError, match="number"):
        act.get("elu", alpha="big")


def test_metadata_for_the_ui():
    for name, kw in ALL:
        a = act.get(name, **kw)
        assert a.formula_f and a.formula_df and a.peak_where
        assert a.output_range[0] < a.output_range[1]
    assert act.get("tanh").zero_centered and not act.get("sigmoid").zero_centered
    assert act.get("sigmoid").output_range == (0.0, 1.0)
    assert act.param_specs("silu")["beta"].default == 1.0
    assert act.param_specs("elu")["alpha"].default == 1.0
    assert act.param_specs("leaky_relu")["alpha"].default == 0.01


@pytest.mark.parametrize("beta", [0.1, 0.5, 1.0, 4.0])
def test_silu_peak_slope_is_found_for_every_beta(beta):
    a = act.get("silu", beta=beta)
    z = np.linspace(-60, 60, 600001)
    assert a.peak_slope == pytest.approx(a.df(z).max(), rel=1e-6)
    assert a.peak_slope == pytest.approx(1.0998, abs=1e-4)
