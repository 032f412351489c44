import math
import warnings

import numpy as np
import pytest

from actgui.engine.config import TrainConfig
from actgui.engine.multirun import MultiTrainer, epochs_to_target, summarize
from actgui.engine.trainer import Trainer

ACTS = ["sigmoid", "tanh", "relu"]


@pytest.mark.parametrize("config", [
    TrainConfig(hidden=(8, 8)),
    TrainConfig(dataset="spiral3", hidden=(6, 5), optimizer="adam", learning_rate=0.01,
                l2=0.001),
    TrainConfig(dataset="plane", hidden=(4,), optimizer="momentum", l1=0.001, batch_size=7),
])
def test_each_run_trains_like_a_single_trainer(config):
    seeds = [0, 3]
    m = MultiTrainer(config, ACTS, seeds)
    m.step(320)
    h = m.history()
    for r, (act, seed) in enumerate(m.runs):
        t = Trainer(config.replace(activation=act, seed=seed))
        t.step(320)
        th = t.snapshot().history
        # the multi-run records less often, at a subset of the single run's points
        keep = np.isin(th["step"], h["step"])
        assert keep.sum() == len(h["step"]) >= 3
        np.testing.assert_allclose(h["train_loss"][r], th["train_loss"][keep], rtol=1e-9)
        np.testing.assert_allclose(h["test_loss"][r], th["test_loss"][keep], rtol=1e-9)
        for W, Wt in zip(m.weights(r), t.net.weights, strict=True):
            np.testing.assert_allclose(W, Wt, rtol=1e-9, atol=1e-12)
        s = m.stats()[r]
        snap = t.snapshot()
        assert s.dead == snap.diagnostics.dead_count
        assert s.saturated == snap.diagnostics.saturated_count
        assert s.train_loss == pytest.approx(snap.train_loss, rel=1e-9)


def test_lockstep_same_initial_weights_and_batches():
    m = MultiTrainer(TrainConfig(hidden=(8, 8)), ACTS, [5])
    # same seed, same shapes: identical initial weights for every activation
    for r in range(1, 3):
        assert np.array_equal(m.theta[0], m.theta[r])
    # same batches: the stacked batch rows are identical across runs of one seed
    assert all(np.array_equal(m._Xp[0], m._Xp[r]) for r in range(3))
    m.step(37)
    assert m.step_count == 37 and m.epoch == 1


def test_repeat_over_seeds_statistics_match_the_engine():
    config = TrainConfig(hidden=(4, 2))
    seeds = [0, 1, 2, 3]
    m = MultiTrainer(config, ["tanh", "relu"], seeds)
    m.step(250)
    losses = np.array([s.test_loss for s in m.stats()])
    mean, std = summarize(losses, 2)
    for g, act in enumerate(["tanh", "relu"]):
        direct = []
        for seed in seeds:
            t = Trainer(config.replace(activation=act, seed=seed))
            t.step(250)
            direct.append(t.snapshot().test_loss)
        assert mean[g] == pytest.approx(np.mean(direct), rel=1e-9)
        assert std[g] == pytest.approx(np.std(direct), rel=1e-6)
    curves = m.history()["train_loss"]
    cmean, _ = summarize(curves, 2)
    assert cmean.shape == (2, curves.shape[1])


def test_a_diverging_run_is_frozen_and_others_continue():
    # linear hidden layers let the weights grow geometrically at lr = 10; tanh's stay bounded
    c = TrainConfig(dataset="spiral", learning_rate=10.0, hidden=(8, 8))
    m = MultiTrainer(c, ["tanh", "linear"], [0])
    m.step(300)
    assert m.diverged_at[0] is None and m.diverged_at[1] is not None
    t = Trainer(c.replace(activation="linear"))
    t.step(300)
    assert m.diverged_at[1] == t.diverged_at
    assert np.isfinite(m.theta).all()
    assert np.isfinite(m.history()["train_loss"][0]).all()


def test_boundaries_and_helpers():
    m = MultiTrainer(TrainConfig(resolution=16), ["tanh", "relu"], [0, 1])
    m.step(30)
    b = m.boundaries()
    assert b.shape == (4, 256, 1) and ((b >= 0) & (b <= 1)).all()
    np.testing.assert_allclose(m.boundaries([3, 0]), b[[3, 0]])
    t = Trainer(TrainConfig(resolution=16, activation="relu", seed=1))
    t.step(30)
    np.testing.assert_allclose(b[3], t.snapshot().grid[-1], rtol=1e-9)
    with pytest.raises(ValueError, match="runs"):
        m.boundaries([4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mean, std = summarize(np.array([np.nan, np.nan, 1.0, 3.0]), 2)
    assert np.isnan(mean[0]) and mean[1] == 2.0 and std[1] == 1.0
    assert epochs_to_target(np.array([0, 1, 2]), np.array([0.9, 0.5, 0.2]), 0.5) == 1.0
    assert math.isnan(epochs_to_target(np.array([0, 1]), np.array([0.9, 0.8]), 0.1))


def test_bad_arguments():
    with pytest.raises(ValueError, match="at least one"):
        MultiTrainer(TrainConfig(), [], [0])
    with pytest.raises(ValueError, match="repeat"):
        MultiTrainer(TrainConfig(), ["tanh", "tanh"], [0])
    with pytest.raises(ValueError, match="unknown name"):
        MultiTrainer(TrainConfig(), ["tanhh"], [0])


def test_history_is_bounded():
    from actgui.engine import multirun
    old = multirun.HISTORY_ROWS
    multirun.HISTORY_ROWS = 16
    try:
        m = MultiTrainer(TrainConfig(batch_size=250), ["tanh"], [0])  # 1 step per epoch
        m.step(3000)
    finally:
        multirun.HISTORY_ROWS = old
    h = m.history()
    assert len(h["step"]) <= 16 and h["train_loss"].shape == (1, len(h["step"]))
    assert h["step"][0] == 0 and len(set(np.diff(h["step"]))) == 1
