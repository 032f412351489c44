import dataclasses
import warnings

import numpy as np
import pytest

from actgui.engine import activations as act
from actgui.engine import datasets
from actgui.engine.config import TrainConfig
from actgui.engine.network import MLP
from actgui.engine.trainer import Trainer


@pytest.mark.parametrize("dataset", ["circle", "xor"])
def test_defaults_learn_circle_and_xor(dataset):
    t = Trainer(TrainConfig(dataset=dataset))
    t.step(25 * 300)  # 300 epochs of 250 training points at batch 10
    s = t.snapshot()
    assert s.test_acc >= 0.95
    assert s.epoch == 300 and s.step == 7500
    assert s.history["test_loss"][-1] < s.history["test_loss"][0]


def test_same_seed_gives_identical_history():
    a, b = Trainer(TrainConfig(dataset="spiral")), Trainer(TrainConfig(dataset="spiral"))
    a.step(1234)
    for _ in range(10):  # a different call pattern must not matter
        b.step(123)
    b.step(4)
    ha, hb = a.snapshot().history, b.snapshot().history
    for key in ha:
        assert np.array_equal(ha[key], hb[key], equal_nan=True), key
    assert np.array_equal(a.net.theta, b.net.theta)


def test_reset_restores_initial_weights_and_run():
    t = Trainer(TrainConfig(seed=7))
    w0 = t.net.theta.copy()
    t.step(300)
    h1 = t.snapshot().history["train_loss"].copy()
    w1 = t.net.theta.copy()
    t.reset()
    assert np.array_equal(t.net.theta, w0) and t.step_count == 0 and t.epoch == 0
    t.step(300)
    assert np.array_equal(t.snapshot().history["train_loss"], h1)
    assert np.array_equal(t.net.theta, w1)


def test_training_step_is_sgd_on_the_batch_gradient():
    c = TrainConfig(batch_size=25, l2=0.01, l1=0.002, learning_rate=0.1)
    t = Trainer(c)
    X = t._XB[0][:-1].T  # the first batch, feature-major with a ones row
    y = t._YB[0][0]
    ref = MLP(c.sizes, c.hidden_activations, c.output_kind, seed=c.seed)
    ref.theta[:] = t.net.theta
    _, g = ref.loss_and_grads(X, y, l1=c.l1, l2=c.l2)
    t.step(1)
    np.testing.assert_allclose(t.net.theta, ref.theta - 0.1 * g.theta, rtol=1e-13, atol=1e-15)


def test_epochs_are_counted_and_batches_cover_the_data():
    t = Trainer(TrainConfig(n_points=100, train_fraction=0.5, batch_size=15))  # 4 steps/epoch
    t.step(3)
    assert t.epoch == 0
    t.step(1)
    assert t.epoch == 1 and t.step_count == 4
    assert t.step_epoch() == 4 and t.epoch == 2


def test_divergence_is_flagged_and_training_refuses_until_reset():
    # Leaky ReLU lets activations and gradients grow without bound at lr = 10.
    t = Trainer(TrainConfig(dataset="spiral", learning_rate=10.0, activation="leaky_relu",
                            hidden=(8, 8)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        done = t.step(5000)
    assert t.diverged and 0 < t.diverged_at <= 5000 and done == t.diverged_at - 1
    assert t.step_count == done
    s = t.snapshot()
    assert s.diverged_at == t.diverged_at
    assert all(np.isfinite(W).all() for W in s.weights)
    assert np.isfinite(s.history["train_loss"]).all()
    assert t.step(10) == 0 and t.step_count == done
    t.reset()
    assert not t.diverged and t.step(5) == 5


def test_negative_bias_kills_every_relu_unit():
    t = Trainer(TrainConfig(activation="relu", hidden=(8, 8), bias_init=-5.0))
    d = t.snapshot().diagnostics
    assert all(layer.dead.all() for layer in d.layers)
    assert d.dead_count == 16 and all(layer.dead_warning for layer in d.layers)
    t.step(500)  # dead units get no gradient, so they stay dead
    assert t.snapshot().diagnostics.dead_count == 16


def test_large_init_saturates_sigmoid_units():
    t = Trainer(TrainConfig(activation="sigmoid", hidden=(8, 8), init_scale=8.0))
    d = t.snapshot().diagnostics
    assert d.saturated_count > 0
    layer = d.layers[0]
    # the share is exactly the share of samples with a outside [0.015, 0.985]
    s = t.snapshot()
    a = s.a[0]
    share = ((a < 0.015) | (a > 0.985)).mean(axis=0)
    np.testing.assert_allclose(layer.saturation, share, atol=1e-12)


def test_same_sign_share_sigmoid_is_one_and_tanh_far_less():
    sig = Trainer(TrainConfig(activation="sigmoid", hidden=(8, 8)))
    tanh = Trainer(TrainConfig(activation="tanh", hidden=(8, 8)))
    sig.step(200)
    tanh.step(200)
    s_sig = sig.snapshot().diagnostics.same_sign
    s_tanh = tanh.snapshot().diagnostics.same_sign
    assert s_sig[1] == 1.0 and s_sig[2] == 1.0  # layers fed by sigmoid units
    assert s_tanh[1] < 0.5 and s_tanh[2] < 0.5


def test_snapshot_contents_and_immutability():
    c = TrainConfig(hidden=(5, 3), resolution=16)
    t = Trainer(c)
    t.step(30)
    s = t.snapshot()
    assert [g.shape for g in s.grid] == [(256, 5), (256, 3), (256, 1)]
    assert [z.shape for z in s.z] == [(250, 5), (250, 3), (250, 1)]
    assert s.step == 30 and s.epoch == 1
    fwd = t.net.forward(datasets.features(s.x_train, c.features))
    np.testing.assert_allclose(s.a[-1], fwd.output)
    np.testing.assert_allclose(s.a[0], act.get("tanh").f(s.z[0]))
    with pytest.raises(ValueError):
        s.weights[0][0, 0] = 1.0
    t.step(30)
    assert s.step == 30 and not np.array_equal(s.weights[0], t.net.weights[0])


def test_live_settings_and_resetting_settings():
    t = Trainer(TrainConfig())
    t.step(100)
    w = t.net.theta.copy()
    assert t.set_config(t.config.replace(learning_rate=0.3, l2=0.001, batch_size=5)) is False
    assert np.array_equal(t.net.theta, w) and t.step_count == 100
    assert t.optimizer.lr == 0.3
    assert t.set_config(t.config.replace(optimizer="adam")) is False
    assert t.set_config(t.config.replace(hidden=(3,))) is True and t.step_count == 0
    assert t.set_config(t.config.replace(data_seed=5)) is True


@pytest.mark.parametrize("dataset", ["spiral3", "blobs4", "plane", "multigauss", "moons", "gauss"])
def test_every_data_set_trains(dataset):
    t = Trainer(TrainConfig(dataset=dataset, hidden=(8, 8), optimizer="adam",
                            learning_rate=0.01))
    first = t.snapshot().train_loss
    t.step(2000)
    s = t.snapshot()
    assert s.train_loss < first
    assert s.a[-1].shape[1] == t.config.n_outputs


def test_set_points_keeps_weights_and_rejects_bad_labels():
    t = Trainer(TrainConfig())
    t.step(10)
    w = t.net.theta.copy()
    X = np.vstack([t.points, [[0.5, 0.5]]])
    y = np.append(t.labels, 1)
    flags = np.append(t.is_train, True)
    t.set_points(X, y, flags)
    assert len(t.x_train) == 251 and np.array_equal(t.net.theta, w)
    with pytest.raises(ValueError, match="class labels"):
        t.set_points(X, np.append(t.labels[:-1], 3), flags)
    assert len(t.x_train) == 251
    t.step(30)


def test_config_round_trip_through_json():
    import json
    c = TrainConfig(dataset="spiral3", hidden=(8, 8, 4), layer_activations=("relu", None, "elu"),
                    features=("x1", "x2", "sin_x1"), l2=0.01)
    d = json.loads(json.dumps(c.to_dict()))
    assert TrainConfig.from_dict(d) == c
    assert c.hidden_activations == ["relu", "tanh", "elu"]
    assert c.sizes == [3, 8, 8, 4, 3]


@pytest.mark.parametrize("field,value,match", [
    ("learning_rate", 20.0, r"learning_rate must be in \[1e-05, 10\]"),
    ("learning_rate", "fast", "learning_rate must be a number"),
    ("hidden", (4,) * 9, "at most 8"),
    ("hidden", (17,), "1 to 16"),
    ("hidden", (0,), "1 to 16"),
    ("batch_size", 251, r"batch_size must be in \[1, 250\]"),
    ("batch_size", 2.5, "whole number"),
    ("dataset", "mnist", "dataset must be one of"),
    ("features", (), "at least one"),
    ("features", ("x3",), "features must be one of"),
    ("noise", float("nan"), "noise"),
    ("seed", True, "seed must be a number"),
    ("output", "softmax", "does not fit"),
    ("layer_activations", ("relu",), "expected 2 entries"),
])
def test_config_rejects_bad_values_naming_the_field(field, value, match):
    with pytest.raises(ValueError, match=match):
        TrainConfig(**{field: value})


def test_config_from_dict_rejects_unknown_fields():
    with pytest.raises(ValueError, match="unknown field"):
        TrainConfig.from_dict({"dataset": "circle", "layers": 3})
    c = TrainConfig()
    assert dataclasses.replace(c) == c


def test_history_decimates_evenly_and_stays_bounded():
    from actgui.engine.trainer import History
    h = History(("step",), cap=8)
    for i in range(100):
        h.append(float(i))
    steps = h.columns()["step"]
    assert len(steps) <= 8
    assert steps[0] == 0 and len(set(np.diff(steps))) == 1  # evenly spread
    assert steps[-1] >= 100 - np.diff(steps)[0]


def test_timeline_records_layer_statistics_per_snapshot():
    t = Trainer(TrainConfig(activation="relu", hidden=(8, 8), bias_init=-5.0))
    t.snapshot()
    t.snapshot()  # same step: not recorded twice
    t.step(10)
    s = t.snapshot()
    tl = s.timeline
    assert tl["step"].tolist() == [0, 10]
    assert tl["dead"].shape == (2, 2) and (tl["dead"] == 8).all()
    assert tl["same_sign"].shape == (2, 3)
    np.testing.assert_allclose(tl["mean"][-1], [L.mean for L in s.diagnostics.layers])


def test_add_remove_points_and_edit_weights():
    t = Trainer(TrainConfig())
    n = len(t.points)
    t.add_point(1.0, 2.0, 1)
    t.add_point(-1.0, -2.0, 0, train=False)
    assert len(t.points) == n + 2 and len(t.x_test) == n // 2 + 1
    assert t.remove_nearest(1.01, 2.0) == n and len(t.points) == n + 1
    with pytest.raises(ValueError, match="class labels"):
        t.add_point(0.0, 0.0, 5)
    assert len(t.points) == n + 1
    t.set_weight(1, 0, 1, 0.75)
    assert t.net.weights[1][0, 1] == 0.75 and t.snapshot().weights[1][0, 1] == 0.75
    for bad in [(3, 0, 0, 1.0), (0, 9, 0, 1.0), (0, 0, 0, float("nan"))]:
        with pytest.raises(ValueError):
            t.set_weight(*bad)


def test_no_hidden_layers():
    t = Trainer(TrainConfig(hidden=()))
    t.step(50)
    s = t.snapshot()
    assert s.timeline["dead"].shape == (1, 0) and s.timeline["same_sign"].shape == (1, 1)
    assert len(s.weights) == 1 and s.diagnostics.layers == ()
