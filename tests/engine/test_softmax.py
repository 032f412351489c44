import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from actgui.engine import softmax as sm

logits = arrays(np.float64, st.integers(2, 10),
                elements=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


@settings(max_examples=300, deadline=None)
@given(logits, st.floats(-1e3, 1e3), st.floats(0.05, 10))
def test_sums_to_one_and_shift_invariant(z, c, t):
    p = sm.softmax(z, temperature=t)
    assert abs(p.sum() - 1) < 1e-12 and (p >= 0).all()
    np.testing.assert_allclose(sm.softmax(z + c, temperature=t), p, atol=1e-12)


def test_known_values_and_temperature():
    z = np.array([1.0, 2.0, 3.0])
    e = np.exp(z)
    np.testing.assert_allclose(sm.softmax(z), e / e.sum(), rtol=1e-15)
    e2 = np.exp(z / 2)
    np.testing.assert_allclose(sm.softmax(z, temperature=2), e2 / e2.sum(), rtol=1e-15)
    np.testing.assert_allclose(np.exp(sm.log_softmax(z)), sm.softmax(z), rtol=1e-15)
    x = np.array([[1.0, 2.0], [3.0, -1.0]])
    np.testing.assert_allclose(sm.softmax(x, axis=0).sum(axis=0), [1, 1])


def test_extremes_finite_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        z = np.array([1e6, -1e6, 0.0])
        p = sm.softmax(z, temperature=0.05)
        assert np.isfinite(p).all() and p[0] == 1.0
        assert np.isfinite(sm.log_softmax(z)).all()
        assert np.isfinite(sm.cross_entropy(z, 1))
        assert np.isfinite(sm.cross_entropy_grad(z, 1)).all()
        assert np.isfinite(sm.jacobian(p)).all()


def numeric_jacobian(z, t, h=1e-6):
    J = np.zeros((len(z), len(z)))
    for j in range(len(z)):
        e = np.zeros(len(z))
        e[j] = h
        J[:, j] = (sm.softmax(z + e, temperature=t) - sm.softmax(z - e, temperature=t)) / (2 * h)
    return J


@pytest.mark.parametrize("t", [0.5, 1.0, 3.0])
def test_jacobian_matches_finite_differences(t):
    z = np.array([0.3, -1.2, 2.0, 0.7])
    p = sm.softmax(z, temperature=t)
    J = sm.jacobian(p, temperature=t)
    num = numeric_jacobian(z, t)
    assert np.max(np.abs(J - num)) / np.max(np.abs(num)) < 1e-6
    np.testing.assert_allclose(np.diag(J), p * (1 - p) / t)
    assert J[0, 1] == pytest.approx(-p[0] * p[1] / t)
    assert np.abs(J.sum(axis=0)).max() < 1e-15 and np.abs(J.sum(axis=1)).max() < 1e-15


def test_cross_entropy_and_gradient():
    z = np.array([[2.0, 0.5, -1.0], [0.0, 0.0, 3.0]])
    y = np.array([0, 1])
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    assert sm.cross_entropy(z, y) == pytest.approx(-(logp[0, 0] + logp[1, 1]) / 2, rel=1e-14)
    g = sm.cross_entropy_grad(z, y)
    num = np.zeros_like(z)
    h = 1e-6
    for idx in np.ndindex(z.shape):
        d = np.zeros_like(z)
        d[idx] = h
        num[idx] = (sm.cross_entropy(z + d, y) - sm.cross_entropy(z - d, y)) / (2 * h)
    assert np.max(np.abs(g - num)) < 1e-8
    # one sample: p - onehot
    p = sm.softmax(z[0])
    np.testing.assert_allclose(sm.cross_entropy_grad(z[0], 0), p - [1, 0, 0])


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="temperature"):
        sm.softmax([1.0, 2.0], temperature=0)
    with pytest.raises(ValueError, match="finite"):
        sm.softmax([1.0, np.nan])
    with pytest.raises(ValueError, match="1-D"):
        sm.jacobian(np.eye(2))
    with pytest.raises(ValueError, match="sum to 1"):
        sm.jacobian([0.5, 0.6])
    with pytest.raises(ValueError, match="labels"):
        sm.cross_entropy([[1.0, 2.0]], [2])
    with pytest.raises(ValueError, match="labels"):
        sm.cross_entropy([[1.0, 2.0]], [0, 1])
