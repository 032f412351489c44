import numpy as np
import pytest

from actgui.engine import activations as act
from actgui.engine import optim
from actgui.engine.network import MLP

OUTPUTS = [("sigmoid", 1), ("softmax", 3), ("linear", 2)]


def labels(output, n, rng):
    if output == "sigmoid":
        return rng.integers(0, 2, n)
    if output == "softmax":
        return rng.integers(0, 3, n)
    return rng.normal(size=(n, 2))


def numeric_grad(net, X, y, l1, l2, h=1e-6):
    th = net.theta
    num = np.zeros_like(th)
    for i in range(th.size):
        old = th[i]
        th[i] = old + h
        up = net.loss(X, y, l1, l2)
        th[i] = old - h
        down = net.loss(X, y, l1, l2)
        th[i] = old
        num[i] = (up - down) / (2 * h)
    return num


@pytest.mark.parametrize("name", act.names())
@pytest.mark.parametrize("output,k", OUTPUTS)
@pytest.mark.parametrize("l1,l2", [(0.0, 0.0), (0.01, 0.0), (0.0, 0.05), (0.02, 0.03)])
def test_loss_and_grads_match_central_differences(name, output, k, l1, l2):
    rng = np.random.default_rng(abs(hash((name, output))) % 2**32)
    X = rng.normal(size=(6, 3))
    y = labels(output, 6, rng)
    # bias 0.1 keeps z away from ReLU-family kinks at 0 for these inputs
    net = MLP([3, 4, 3, k], activation=name, output=output, seed=5, bias_init=0.1)
    loss, g = net.loss_and_grads(X, y, l1, l2)
    assert loss == pytest.approx(net.loss(X, y, l1, l2), rel=1e-15)
    num = numeric_grad(net, X, y, l1, l2)
    rel = np.abs(num - g.theta).max() / max(np.abs(num).max(), 1e-12)
    assert rel < 1e-6
    for W, gW, b, gb in zip(net.weights, g.weights, net.biases, g.biases, strict=True):
        assert W.shape == gW.shape and b.shape == gb.shape


def test_loss_definition_and_penalty():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 2))
    y = np.array([0, 1, 1, 0, 1])
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=1)
    cache = net.forward(X)
    p = 1 / (1 + np.exp(-cache.z[-1][:, 0]))
    bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    sq = sum((W ** 2).sum() for W in net.weights)
    ab = sum(np.abs(W).sum() for W in net.weights)
    assert net.loss(X, y, 0.1, 0.2) == pytest.approx(bce + 0.2 * 0.5 * sq + 0.1 * ab, rel=1e-12)
    np.testing.assert_allclose(cache.a[-1][:, 0], p, rtol=1e-14)


def test_forward_cache_layout():
    net = MLP([2, 8, 8, 1], "relu", "sigmoid", seed=0)
    X = np.ones((4, 2))
    c = net.forward(X)
    assert len(c.z) == len(c.a) == 3
    assert [z.shape for z in c.z] == [(4, 8), (4, 8), (4, 1)]
    np.testing.assert_allclose(c.z[0], X @ net.weights[0] + net.biases[0])
    np.testing.assert_allclose(c.a[1], np.maximum(c.z[1], 0))
    assert net.weights[0].shape == (2, 8) and net.biases[0].shape == (8,)


def test_weights_are_views_of_theta():
    net = MLP([2, 3, 1], seed=0)
    net.weights[1][2, 0] = 7.5
    assert 7.5 in net.theta
    net.theta[:] = 0
    assert not net.weights[0].any() and not net.biases[1].any()


@pytest.mark.parametrize("init", ["uniform", "xavier", "he"])
def test_inits_are_deterministic_and_scaled(init):
    a = MLP([2, 16, 16, 1], init=init, seed=3, init_scale=2.0, bias_init=-5)
    b = MLP([2, 16, 16, 1], init=init, seed=3, init_scale=2.0, bias_init=-5)
    c = MLP([2, 16, 16, 1], init=init, seed=4, init_scale=2.0, bias_init=-5)
    assert np.array_equal(a.theta, b.theta) and not np.array_equal(a.theta, c.theta)
    assert all((bias == -5).all() for bias in a.biases)
    W = a.weights[1]
    if init == "uniform":
        assert np.abs(W).max() <= 1.0
    elif init == "xavier":
        assert np.abs(W).max() <= 2 * np.sqrt(6 / 32)
    else:
        assert 0.3 < W.std() / (2 * np.sqrt(2 / 16)) < 1.7


def test_per_layer_activations():
    net = MLP([2, 3, 3, 1], activation=["relu", "tanh"], seed=0)
    assert [a.name for a in net.activations] == ["relu", "tanh"]
    with pytest.raises(ValueError, match="one name per hidden layer"):
        MLP([2, 3, 3, 1], activation=["relu"])


@pytest.mark.parametrize("kwargs,match", [
    ({"sizes": [2]}, "input and an output"),
    ({"sizes": [2, 0, 1]}, ">= 1"),
    ({"sizes": [2, 10**9, 1]}, "parameters"),
    ({"sizes": [2, 3, 2], "output": "sigmoid"}, "1 output unit"),
    ({"sizes": [2, 3, 1], "output": "softmax"}, "at least 2"),
    ({"sizes": [2, 3, 1], "output": "tanh"}, "output must be"),
    ({"sizes": [2, 3, 1], "init": "zeros"}, "init must be"),
    ({"sizes": [2, 3, 1], "init_scale": float("nan")}, "init_scale"),
    ({"sizes": [2, 3, 1], "activation": "nope"}, "unknown name"),
])
def test_bad_arguments_raise_value_error(kwargs, match):
    with pytest.raises(ValueError, match=match):
        MLP(**kwargs)


def test_bad_data_raises_value_error():
    net = MLP([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match="shape"):
        net.forward(np.ones((3, 5)))
    with pytest.raises(ValueError, match="class labels"):
        net.loss_and_grads(np.ones((2, 2)), [0, 2])
    with pytest.raises(ValueError, match="rows"):
        net.loss_and_grads(np.ones((2, 2)), [0, 1, 1])
    with pytest.raises(ValueError, match="l2"):
        net.loss_and_grads(np.ones((2, 2)), [0, 1], l2=-1)
    with pytest.raises(ValueError, match="layer 0"):
        net.set_parameters([np.ones((3, 3)), np.ones((3, 1))], [np.ones(3), np.ones(1)])
    before = net.theta.copy()
    with pytest.raises(ValueError, match="finite"):
        net.set_parameters([np.full((2, 3), np.nan), np.ones((3, 1))], [np.ones(3), np.ones(1)])
    assert np.array_equal(before, net.theta)


@pytest.mark.parametrize("name", optim.NAMES)
def test_optimizers_descend(name):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    net = MLP([2, 8, 1], "tanh", seed=0)
    opt = optim.make(name, net.theta.size, 0.05 if name != "adam" else 0.01)
    first, _ = net.loss_and_grads(X, y)
    for _ in range(300):
        _, g = net.loss_and_grads(X, y)
        opt.step(net.theta, g.theta)
    assert net.loss(X, y) < 0.8 * first


def test_adam_matches_textbook_update():
    theta = np.array([1.0, -2.0])
    opt = optim.Adam(2, 0.1)
    m = v = np.zeros(2)
    ref = theta.copy()
    for t in range(1, 4):
        g = np.array([0.5, -0.25]) * t
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        ref = ref - 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        opt.step(theta, g)
    np.testing.assert_allclose(theta, ref, rtol=1e-12)


def test_optimizer_rejects_bad_rates():
    with pytest.raises(ValueError, match="learning_rate"):
        optim.make("sgd", 3, 0.0)
    with pytest.raises(ValueError, match="optimizer"):
        optim.make("lbfgs", 3, 0.1)
