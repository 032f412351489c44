"""Data sets, features, grid and CSV loading (actgui.engine.datasets)."""

from __future__ import annotations

import math
import os
import sys
import threading
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actgui.engine import datasets as ds

CLASSIFICATION = [n for n in ds.names() if ds.kind(n) != "regression"]
REGRESSION = [n for n in ds.names() if ds.kind(n) == "regression"]
LO, HI = ds.DOMAIN


# -- registry -----------------------------------------------------------------------------------

def test_names_kinds_classes_labels():
    assert ds.DOMAIN == (-6.0, 6.0)
    assert ds.names() == ["circle", "xor", "gauss", "spiral", "moons", "spiral3", "blobs4",
                          "plane", "multigauss"]
    expected = {"circle": ("binary", 2), "xor": ("binary", 2), "gauss": ("binary", 2),
                "spiral": ("binary", 2), "moons": ("binary", 2), "spiral3": ("multiclass", 3),
                "blobs4": ("multiclass", 4), "plane": ("regression", 1),
                "multigauss": ("regression", 1)}
    for name, (k, c) in expected.items():
        assert ds.kind(name) == k
        assert ds.n_classes(name) == c
    assert ds.label("circle") == "Circle"
    assert ds.label("spiral") == "Two spirals"
    assert ds.label("spiral3") == "Three spirals"
    labels = [ds.label(n) for n in ds.names()]
    assert all(isinstance(x, str) and x for x in labels)
    assert len(set(labels)) == len(labels)


def test_names_returns_a_fresh_list():
    ds.names().append("junk")
    assert "junk" not in ds.names()


@pytest.mark.parametrize("fn", [ds.kind, ds.n_classes, ds.label])
@pytest.mark.parametrize("bad", ["nope", "", "Circle", None, 3])
def test_unknown_name_is_refused(fn, bad):
    with pytest.raises(ValueError, match=r"name must be one of circle, xor"):
        fn(bad)


# -- generate -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ds.names())
@pytest.mark.parametrize("noise", [0.0, 0.25, 0.5])
def test_shapes_dtypes_domain(name, noise):
    X, y = ds.generate(name, n=777, noise=noise, seed=5)
    assert X.shape == (777, 2) and X.dtype == np.float64
    assert y.shape == (777,)
    assert np.isfinite(X).all()
    assert ((X >= LO) & (X <= HI)).all()
    if ds.kind(name) == "regression":
        assert y.dtype == np.float64
        assert np.isfinite(y).all() and (np.abs(y) <= 1.0).all()
        assert y.std() > 0.05  # not a constant target
    else:
        assert y.dtype == np.int64
        assert set(np.unique(y).tolist()) == set(range(ds.n_classes(name)))


@pytest.mark.parametrize("name", ds.names())
def test_same_seed_is_bit_identical_and_seeds_differ(name):
    a = ds.generate(name, n=300, noise=0.3, seed=42)
    b = ds.generate(name, n=300, noise=0.3, seed=42)
    assert a[0].tobytes() == b[0].tobytes() and a[1].tobytes() == b[1].tobytes()
    c = ds.generate(name, n=300, noise=0.3, seed=43)
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize("name", CLASSIFICATION)
@pytest.mark.parametrize("n", [10, 11, 501, 1000])
def test_classes_balanced_within_one(name, n):
    _, y = ds.generate(name, n=n, noise=0.5, seed=1)
    counts = np.bincount(y, minlength=ds.n_classes(name))
    assert counts.sum() == n
    assert counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", CLASSIFICATION)
def test_points_come_in_random_label_order(name):
    _, y = ds.generate(name, n=400, seed=0)
    # Sorted or strictly alternating labels would make minibatches one-sided.
    assert not np.all(np.diff(y) >= 0)
    assert not np.all(y[::2] == y[0])


@pytest.mark.parametrize("name", ds.names())
def test_noise_moves_points_but_keeps_labels(name):
    X0, y0 = ds.generate(name, n=400, noise=0.0, seed=9)
    X1, y1 = ds.generate(name, n=400, noise=0.5, seed=9)
    np.testing.assert_array_equal(y0, y1)
    assert np.abs(X1 - X0).mean() > 0.1


def test_circle_noise_zero_is_separable_by_radius():
    X, y = ds.generate("circle", n=2000, noise=0.0, seed=3)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() <= 2.5
    assert r[y == 0].min() >= 3.5
    assert r.max() <= 5.0


def test_xor_labels_follow_the_sign_of_x1_x2_with_a_gap():
    X, y = ds.generate("xor", n=2000, noise=0.0, seed=3)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(np.int64))
    assert np.abs(X).min() >= 0.3
    assert np.abs(X).max() <= 5.3
    quadrant = (X[:, 0] > 0).astype(int) * 2 + (X[:, 1] > 0)
    assert np.bincount(quadrant, minlength=4).min() > 400


def test_gauss_clouds_sit_at_plus_minus_two_and_widen_with_noise():
    X, y = ds.generate("gauss", n=4000, noise=0.0, seed=3)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [2.0, 2.0], atol=0.1)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-2.0, -2.0], atol=0.1)
    np.testing.assert_allclose(X[y == 1].std(axis=0), math.sqrt(0.5), rtol=0.1)
    Xn, _ = ds.generate("gauss", n=4000, noise=0.5, seed=3)
    assert Xn[y == 1].std(axis=0).min() > 1.5  # variance 4 minus the redrawn tails


def test_blobs4_one_class_per_quadrant():
    X, y = ds.generate("blobs4", n=2000, noise=0.0, seed=3)
    signs = np.array([(1, 1), (-1, 1), (-1, -1), (1, -1)])
    np.testing.assert_array_equal(np.sign(X), signs[y])


@pytest.mark.parametrize("name, arms", [("spiral", 2), ("spiral3", 3)])
def test_spiral_arms_are_interleaved_at_equal_angles(name, arms):
    X, y = ds.generate(name, n=3000, noise=0.0, seed=3)
    r = np.hypot(X[:, 0], X[:, 1])
    theta = np.arctan2(X[:, 1], X[:, 0])
    assert r.max() <= 5.0
    # Arm k: angle = 1.75 turns * r / 5 + k / arms turns.
    expected = 2 * np.pi * (1.75 * r / 5.0 + y / arms)
    gap = np.angle(np.exp(1j * (theta - expected)))
    assert np.abs(gap).max() < 1e-9
    # At a fixed radius the arms are evenly spread around the circle.
    ring = np.abs(r - 3.0) < 0.05
    arms_on_ring = np.unique(y[ring])
    assert len(arms_on_ring) == arms


def test_moons_are_two_half_circles():
    X, y = ds.generate("moons", n=1000, noise=0.0, seed=3)
    upper = X[y == 0] / 2.5 + (0.5, 0.25)
    lower = X[y == 1] / 2.5 + (0.5, 0.25)
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0, atol=1e-12)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0, atol=1e-12)
    assert (upper[:, 1] >= -1e-12).all() and (lower[:, 1] <= 0.5 + 1e-12).all()


def test_plane_target_is_linear():
    X, y = ds.generate("plane", n=1000, noise=0.0, seed=3)
    np.testing.assert_allclose(y, (X[:, 0] + X[:, 1]) / 12.0, rtol=0, atol=1e-15)
    assert y.min() < -0.8 and y.max() > 0.8


def test_multigauss_has_signed_bumps():
    X, y = ds.generate("multigauss", n=20000, noise=0.0, seed=3)
    for cx, cy, sign in [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1),
                         (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]:
        near = np.hypot(X[:, 0] - cx, X[:, 1] - cy) < 0.3
        assert near.sum() > 5
        assert (sign * y[near] > 0.9).all()
    far = (np.abs(X[:, 1]) > 5.5)  # between rows and the border: far from every bump
    assert (np.abs(y[far]) < 0.15).all()


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(ds.names()), n=st.integers(10, 3000),
       noise=st.floats(0.0, 0.5), seed=st.integers(0, 2**32))
def test_generate_properties(name, n, noise, seed):
    X, y = ds.generate(name, n=n, noise=noise, seed=seed)
    assert X.shape == (n, 2) and y.shape == (n,)
    assert ((X >= LO) & (X <= HI)).all()
    if ds.kind(name) == "regression":
        assert (np.abs(y) <= 1.0).all()
    else:
        counts = np.bincount(y, minlength=ds.n_classes(name))
        assert len(counts) == ds.n_classes(name)
        assert counts.max() - counts.min() <= 1


def test_numpy_scalars_are_accepted():
    X, _ = ds.generate("circle", n=np.int64(20), noise=np.float64(0.1), seed=np.int32(2))
    Y, _ = ds.generate("circle", n=20, noise=0.1, seed=2)
    np.testing.assert_array_equal(X, Y)


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "nope"}, r"name must be one of circle"),
    ({"n": 9}, r"n must be in \[10, 100000\], got 9"),
    ({"n": 100_001}, r"n must be in \[10, 100000\]"),
    ({"n": 50.0}, r"n must be an integer \[10, 100000\]"),
    ({"n": True}, r"n must be an integer"),
    ({"n": "500"}, r"n must be an integer"),
    ({"noise": -0.01}, r"noise must be in \[0, 0.5\]"),
    ({"noise": 0.51}, r"noise must be in \[0, 0.5\]"),
    ({"noise": float("nan")}, r"noise must be in \[0, 0.5\], got nan"),
    ({"noise": "0.1"}, r"noise must be a number"),
    ({"seed": -1}, r"seed must be in >= 0"),
    ({"seed": 1.5}, r"seed must be an integer"),
    ({"seed": None}, r"seed must be an integer"),
])
def test_generate_refuses_bad_arguments(kwargs, message):
    args = {"name": "circle", "n": 100, "noise": 0.0, "seed": 0} | kwargs
    with pytest.raises(ValueError, match=message):
        ds.generate(**args)


def test_generate_is_fast():
    ds.generate("multigauss", n=500, noise=0.5, seed=0)  # warm up
    for name in ds.names():
        t = time.perf_counter()
        for _ in range(20):
            ds.generate(name, n=500, noise=0.5, seed=0)
        assert (time.perf_counter() - t) / 20 < 0.005, name  # typically ~0.1 ms


# -- split --------------------------------------------------------------------------------------

@pytest.mark.parametrize("n, fraction, n_train", [
    (100, 0.5, 50), (101, 0.5, 50), (10, 0.1, 1), (10, 0.9, 9), (3, 0.1, 1), (2, 0.9, 1),
    (2, 0.1, 1), (500, 0.7, 350), (7, 0.3, 2),
])
def test_split_sizes_and_disjointness(n, fraction, n_train):
    X = np.column_stack([np.arange(n, dtype=np.float64), -np.arange(n, dtype=np.float64)])
    y = np.arange(n) * 10
    Xtr, ytr, Xte, yte = ds.split(X, y, fraction, seed=4)
    assert len(Xtr) == len(ytr) == n_train
    assert len(Xte) == len(yte) == n - n_train
    assert Xtr.shape[1] == Xte.shape[1] == 2
    ids_train, ids_test = Xtr[:, 0].astype(int), Xte[:, 0].astype(int)
    assert not set(ids_train) & set(ids_test)
    assert sorted([*ids_train, *ids_test]) == list(range(n))
    np.testing.assert_array_equal(ytr, ids_train * 10)  # rows stay paired with their labels
    np.testing.assert_array_equal(yte, ids_test * 10)
    np.testing.assert_array_equal(Xtr[:, 1], -Xtr[:, 0])


def test_split_is_seeded_and_random():
    X, y = ds.generate("circle", n=200, seed=0)
    a = ds.split(X, y, 0.5, seed=1)
    b = ds.split(X, y, 0.5, seed=1)
    c = ds.split(X, y, 0.5, seed=2)
    for u, v in zip(a, b, strict=True):
        assert u.tobytes() == v.tobytes()
    assert not np.array_equal(a[0], c[0])
    assert not np.array_equal(a[0], X[:100])  # a permutation, not the first half
    assert a[1].dtype == np.int64 and a[0].dtype == np.float64


def test_split_returns_copies():
    X, y = ds.generate("xor", n=50, seed=0)
    X0 = X.copy()
    Xtr, *_ = ds.split(X, y, 0.5)
    Xtr[:] = 99.0
    np.testing.assert_array_equal(X, X0)


@pytest.mark.parametrize("fraction", [0.09, 0.91, -1, 2, float("nan"), "0.5", None])
def test_split_refuses_bad_fraction(fraction):
    X, y = ds.generate("circle", n=20, seed=0)
    with pytest.raises(ValueError, match=r"train_fraction must be"):
        ds.split(X, y, fraction)


def test_split_refuses_bad_shapes():
    with pytest.raises(ValueError, match=r"X must be a 2-D array"):
        ds.split(np.zeros(5), np.zeros(5), 0.5)
    with pytest.raises(ValueError, match=r"y must have shape \(5,\)"):
        ds.split(np.zeros((5, 2)), np.zeros(4), 0.5)
    with pytest.raises(ValueError, match=r"y must have shape"):
        ds.split(np.zeros((5, 2)), np.zeros((5, 1)), 0.5)
    with pytest.raises(ValueError, match=r"at least 2 points"):
        ds.split(np.zeros((1, 2)), np.zeros(1), 0.5)
    with pytest.raises(ValueError, match=r"seed must be"):
        ds.split(np.zeros((5, 2)), np.zeros(5), 0.5, seed=-3)


# -- features -----------------------------------------------------------------------------------

def test_feature_names_and_labels():
    assert ds.FEATURES == ("x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2")
    assert ds.feature_label("x1") == "x<sub>1</sub>"
    assert ds.feature_label("x2") == "x<sub>2</sub>"
    assert ds.feature_label("x1^2") == "x<sub>1</sub><sup>2</sup>"
    assert ds.feature_label("x2^2") == "x<sub>2</sub><sup>2</sup>"
    assert ds.feature_label("x1x2") == "x<sub>1</sub>x<sub>2</sub>"
    assert ds.feature_label("sin_x1") == "sin(x<sub>1</sub>)"
    assert ds.feature_label("sin_x2") == "sin(x<sub>2</sub>)"
    with pytest.raises(ValueError, match=r"name must be one of x1, x2"):
        ds.feature_label("x3")


def test_features_equal_the_formulas():
    X, _ = ds.generate("spiral", n=300, noise=0.3, seed=2)
    x1, x2 = X[:, 0], X[:, 1]
    u1, u2 = x1 / 6, x2 / 6
    formulas = {"x1": u1, "x2": u2, "x1^2": u1**2, "x2^2": u2**2, "x1x2": u1 * u2,
                "sin_x1": np.sin(x1), "sin_x2": np.sin(x2)}
    F = ds.features(X, ds.FEATURES)
    assert F.shape == (300, 7) and F.dtype == np.float64
    for j, name in enumerate(ds.FEATURES):
        np.testing.assert_allclose(F[:, j], formulas[name], rtol=1e-15, atol=1e-300)
    assert np.abs(F).max() <= 1.0
    order = ["sin_x2", "x1", "x1x2"]
    G = ds.features(X, order)
    assert G.shape == (300, 3)
    for j, name in enumerate(order):
        np.testing.assert_allclose(G[:, j], formulas[name], rtol=1e-15, atol=1e-300)
    np.testing.assert_allclose(ds.features(X, ("x2",))[:, 0], u2, rtol=1e-15)


def test_features_known_values():
    X = np.array([[0.0, 0.0], [6.0, -3.0], [np.pi / 2, -np.pi]])
    F = ds.features(X, list(ds.FEATURES))
    a, b = np.pi / 12, -np.pi / 6
    expected = np.array([[0, 0, 0, 0, 0, 0, 0],
                         [1, -0.5, 1, 0.25, -0.5, np.sin(6.0), np.sin(-3.0)],
                         [a, b, a * a, b * b, a * b, 1.0, 0.0]])
    np.testing.assert_allclose(F, expected, atol=1e-15)


def test_features_of_huge_values_warn_nothing():
    X = np.array([[1e200, -1e200], [1e6, 3.0]])
    F = ds.features(X, ["x1^2", "x1x2", "sin_x1"])  # RuntimeWarnings are errors here
    assert F[0, 0] == np.inf and F[0, 1] == -np.inf
    assert F[1, 0] == pytest.approx(1e12 / 36)


def test_features_of_no_points():
    assert ds.features(np.zeros((0, 2)), ["x1", "x2"]).shape == (0, 2)


@pytest.mark.parametrize("names, message", [
    ([], r"at least one feature"),
    (["x1", "x3"], r"unknown feature 'x3'"),
    (["x1", "x1"], r"each feature may appear once"),
    ("x1", r"names must be a list"),
    (None, r"names must be a list"),
    ([1], r"unknown feature 1"),
])
def test_features_refuses_bad_names(names, message):
    with pytest.raises(ValueError, match=message):
        ds.features(np.zeros((3, 2)), names)


@pytest.mark.parametrize("X, message", [
    (np.zeros((3, 3)), r"X must have shape \(n, 2\)"),
    (np.zeros(2), r"X must have shape \(n, 2\)"),
    (np.array([[0.0, np.nan]]), r"X must be finite"),
    (np.array([[np.inf, 0.0]]), r"X must be finite"),
    ([["a", "b"]], r"X must be an array of numbers"),
])
def test_features_refuses_bad_points(X, message):
    with pytest.raises(ValueError, match=message):
        ds.features(X, ["x1"])


# -- grid ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("r", [2, 3, 64, 512])
def test_grid_ordering(r):
    G = ds.grid(r)
    assert G.shape == (r * r, 2) and G.dtype == np.float64
    c = LO + (np.arange(r) + 0.5) * (HI - LO) / r
    img = G.reshape(r, r, 2)
    np.testing.assert_allclose(img[:, :, 0], np.broadcast_to(c, (r, r)), rtol=0, atol=1e-12)
    np.testing.assert_allclose(img[:, :, 1], np.broadcast_to(c[:, None], (r, r)),
                               rtol=0, atol=1e-12)
    # x1 varies fastest; x2 increases with the row index.
    assert G[1, 0] > G[0, 0] and G[1, 1] == G[0, 1]
    assert G[r, 1] > G[0, 1] and G[r, 0] == G[0, 0]
    assert (G > LO).all() and (G < HI).all()
    np.testing.assert_allclose(G.min(axis=0) + G.max(axis=0), 0.0, atol=1e-12)  # symmetric


def test_grid_with_a_custom_domain():
    G = ds.grid(4, domain=(0.0, 8))
    assert G[:4, 0].tolist() == [1.0, 3.0, 5.0, 7.0]
    assert G[::4, 1].tolist() == [1.0, 3.0, 5.0, 7.0]


@pytest.mark.parametrize("resolution", [1, 513, 0, -5, 2.0, True, "64"])
def test_grid_refuses_bad_resolution(resolution):
    with pytest.raises(ValueError, match=r"resolution must be"):
        ds.grid(resolution)


@pytest.mark.parametrize("domain", [(1.0, 1.0), (2.0, -2.0), (0.0, np.inf), (np.nan, 1.0),
                                    (-1e308, 1e308), (1.0,), "ab", None, (1, 2, 3)])
def test_grid_refuses_bad_domain(domain):
    with pytest.raises(ValueError, match=r"domain must be"):
        ds.grid(8, domain=domain)


# -- CSV ----------------------------------------------------------------------------------------

def _write(tmp_path, content, name="data.csv"):
    p = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    p.write_bytes(content)
    return p


def test_csv_plain_rows(tmp_path):
    p = _write(tmp_path, "1,2,0\n-3.5,4e-1,1\n0,0,0.25\n")
    X, y = ds.load_csv(p)
    assert X.dtype == np.float64 and y.dtype == np.float64
    np.testing.assert_array_equal(X, [[1, 2], [-3.5, 0.4], [0, 0]])
    np.testing.assert_array_equal(y, [0, 1, 0.25])
    X2, y2 = ds.load_csv(str(p))  # str paths too
    np.testing.assert_array_equal(X2, X)
    np.testing.assert_array_equal(y2, y)


def test_csv_header_blank_lines_crlf_spaces_and_bom(tmp_path):
    text = "\ufeffx1, x2 ,label\r\n\r\n 1 , 2 ,1\r\n\n   \n3,4,0\r\n\n"
    X, y = ds.load_csv(_write(tmp_path, text))
    np.testing.assert_array_equal(X, [[1, 2], [3, 4]])
    np.testing.assert_array_equal(y, [1, 0])


def test_csv_header_only_on_the_first_line():
    with pytest.raises(ValueError, match=r"line 2: x1 'x1' is not a number"):
        ds.parse_csv_text("1,2,0\nx1,x2,label\n")
    with pytest.raises(ValueError, match=r"line 2: x1 'x1' is not a number"):
        ds.parse_csv_text("\nx1,x2,label\n1,2,0\n")  # a blank first line is not a header


def test_csv_half_numeric_first_line_is_an_error():
    with pytest.raises(ValueError, match=r"<text>, line 1: x2 'y' is not a number"):
        ds.parse_csv_text("1,y,0\n1,2,0\n")


def test_csv_wrong_column_counts(tmp_path):
    rows = "x1,x2,label\n" + "1,2,0\n" * 5 + "1,2\n"
    p = _write(tmp_path, rows)
    with pytest.raises(ValueError, match=r"line 7: expected 3 columns \(x1,x2,label\), got 2$"):
        ds.load_csv(p)
    with pytest.raises(ValueError, match=r"line 2: expected 3 columns \(x1,x2,label\), got 4"):
        ds.parse_csv_text("1,2,0\n1,2,0,\n")
    with pytest.raises(ValueError, match=r"line 1: expected 3 columns .*got 1"):
        ds.parse_csv_text("7\n")
    with pytest.raises(ValueError, match=r"line 1: expected 3 columns .*separator must be a comma"):
        ds.parse_csv_text("1;2;0\n")


def test_csv_error_names_the_source(tmp_path):
    p = _write(tmp_path, "1,2\n")
    with pytest.raises(ValueError, match=r"data\.csv, line 1: expected 3 columns"):
        ds.load_csv(p)


@pytest.mark.parametrize("row, message", [
    ("1,abc,0", r"line 2: x2 'abc' is not a number"),
    ("1,2,yes", r"line 2: label 'yes' is not a number"),
    ("1,,0", r"line 2: x2 is empty"),
    ("0x10,2,0", r"line 2: x1 '0x10' is not a number"),
    ("nan,2,0", r"line 2: x1 is nan \(NaN and infinity are not allowed\)"),
    ("1,NaN,0", r"line 2: x2 is nan"),
    ("1,2,inf", r"line 2: label is inf"),
    ("-Infinity,2,0", r"line 2: x1 is -inf"),
    ("1e400,2,0", r"line 2: x1 is inf"),
    ("1000001,2,0", r"line 2: x1 = 1000001\.0 is outside \[-1000000, 1000000\]"),
    ("1,-2e6,0", r"line 2: x2 = -2000000\.0 is outside"),
    ("1,2,5e6", r"line 2: label = 5000000\.0 is outside"),
])
def test_csv_bad_cells(tmp_path, row, message):
    p = _write(tmp_path, f"1,2,0\n{row}\n3,4,1\n")
    with pytest.raises(ValueError, match=message):
        ds.load_csv(p)


def test_csv_values_at_the_limit_are_accepted():
    X, y = ds.parse_csv_text("1e6,-1e6,1e6\n")
    np.testing.assert_array_equal(X, [[1e6, -1e6]])
    np.testing.assert_array_equal(y, [1e6])


def test_csv_first_bad_line_is_reported():
    text = "1,2,0\n" * 3 + "nan,0,0\n" + "inf,0,0\n"
    with pytest.raises(ValueError, match=r"line 4: x1 is nan"):
        ds.parse_csv_text(text)


@pytest.mark.parametrize("content, message", [
    (b"", r"the file is empty"),
    (b"\n\n  \r\n", r"the file is empty"),
    (b"x1,x2,label\n", r"no data rows"),
    (b"x1,x2,label\n\n\n", r"no data rows"),
])
def test_csv_empty_or_no_data(tmp_path, content, message):
    with pytest.raises(ValueError, match=message):
        ds.load_csv(_write(tmp_path, content))


def test_csv_row_limit(tmp_path):
    ok = "x1,x2,label\n" + "1.5,-2.5,1\n" * ds.MAX_CSV_ROWS
    X, y = ds.load_csv(_write(tmp_path, ok, "ok.csv"))
    assert X.shape == (100_000, 2) and y.shape == (100_000,)
    too_many = ok + "1,2,0\n"
    with pytest.raises(ValueError, match=r"line 100002: more than 100,000 data rows"):
        ds.load_csv(_write(tmp_path, too_many, "big.csv"))


def test_csv_binary_content(tmp_path):
    with pytest.raises(ValueError, match=r"line 2: binary content \(NUL byte\)"):
        ds.load_csv(_write(tmp_path, b"1,2,0\n1,\x002,0\n"))
    with pytest.raises(ValueError, match=r"line 3: not UTF-8 text"):
        ds.load_csv(_write(tmp_path, b"1,2,0\n1,2,0\n\xff\xfe1,2,0\n", "bad.csv"))
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    with pytest.raises(ValueError, match=r"binary content|not UTF-8"):
        ds.load_csv(_write(tmp_path, png_header, "image.csv"))
    with pytest.raises(ValueError, match=r"line 1: binary content"):
        ds.parse_csv_text("\x00\x00")


def test_csv_non_ascii_text_is_fine_in_a_header():
    X, _ = ds.parse_csv_text("größe,höhe,klasse\n1,2,0\n")
    np.testing.assert_array_equal(X, [[1, 2]])


def test_csv_line_too_long():
    with pytest.raises(ValueError, match=r"line 2: line too long"):
        ds.parse_csv_text("1,2,0\n" + "1" * 5000 + ",2,0\n")


def test_csv_file_over_20_mb_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.csv"
    with open(p, "wb") as f:
        f.truncate(ds.MAX_CSV_BYTES + 1)  # sparse: instant and takes no disk space
    with pytest.raises(ValueError, match=r"the limit is 20 MB"):
        ds.load_csv(p)


def test_csv_text_over_20_mb_is_refused():
    with pytest.raises(ValueError, match=r"larger than 20 MB"):
        ds.parse_csv_text(" " * (ds.MAX_CSV_BYTES + 1))


def _run_with_timeout(fn, timeout=10.0):
    """fn's exception (or None), failing the test if fn does not finish in time."""
    outcome = {}

    def run():
        try:
            fn()
        except BaseException as e:  # handed back to the test thread
            outcome["error"] = e

    t = threading.Thread(target=run, daemon=True)
    start = time.perf_counter()
    t.start()
    t.join(timeout)
    assert not t.is_alive(), "load_csv hung"
    return outcome.get("error"), time.perf_counter() - start


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_csv_symlink_to_dev_zero_is_refused_quickly(tmp_path):
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    error, seconds = _run_with_timeout(lambda: ds.load_csv(link))
    assert isinstance(error, ValueError)
    assert "not a regular file" in str(error)
    assert seconds < 1.0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_csv_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    error, _ = _run_with_timeout(lambda: ds.load_csv(fifo))
    assert isinstance(error, ValueError) and "not a regular file" in str(error)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_csv_read_is_bounded_even_if_the_stat_check_is_fooled(tmp_path, monkeypatch):
    # A file swapped for /dev/zero after the stat: the read itself must stop at 20 MB + 1.
    regular = os.stat(_write(tmp_path, "1,2,0\n"))
    monkeypatch.setattr(ds.os, "stat", lambda *a, **k: regular)
    error, _ = _run_with_timeout(lambda: ds.load_csv("/dev/zero"))
    assert isinstance(error, ValueError) and "larger than 20 MB" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_csv_fifo_swapped_in_after_the_stat_does_not_block(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    regular = os.stat(_write(tmp_path, "1,2,0\n"))
    monkeypatch.setattr(ds.os, "stat", lambda *a, **k: regular)
    error, _ = _run_with_timeout(lambda: ds.load_csv(fifo))
    assert isinstance(error, ValueError)  # nothing to read: "empty" (or a read error)


def test_csv_missing_file_and_directory(tmp_path):
    with pytest.raises(ValueError, match=r"missing\.csv: cannot read the file"):
        ds.load_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match=r"not a regular file"):
        ds.load_csv(tmp_path)
    with pytest.raises(ValueError, match=r"cannot read the file"):
        ds.load_csv(None)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions are not enforced")
def test_csv_unreadable_file(tmp_path):
    p = _write(tmp_path, "1,2,0\n")
    p.chmod(0)
    try:
        with pytest.raises(ValueError, match=r"cannot read the file"):
            ds.load_csv(p)
    finally:
        p.chmod(0o600)


def test_parse_csv_text_refuses_non_str():
    with pytest.raises(ValueError, match=r"text must be a str, got bytes"):
        ds.parse_csv_text(b"1,2,0")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(*[st.floats(-1e6, 1e6, allow_nan=False)] * 3), min_size=1,
                max_size=50))
def test_csv_round_trip(rows):
    text = "x1,x2,label\n" + "".join(f"{a!r},{b!r},{c!r}\n" for a, b, c in rows)
    X, y = ds.parse_csv_text(text)
    expected = np.array(rows, dtype=np.float64)
    np.testing.assert_array_equal(X, expected[:, :2])
    np.testing.assert_array_equal(y, expected[:, 2])
