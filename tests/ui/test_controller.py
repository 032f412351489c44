import numpy as np
import pytest

from actgui.engine.config import TrainConfig
from actgui.ui.controller import TrainingController


@pytest.fixture
def ctrl(qtbot):
    c = TrainingController(TrainConfig())
    yield c
    c.pause()


def test_step_reset_and_snapshots(ctrl, qtbot):
    seen = []
    ctrl.snapshot_ready.connect(seen.append)
    w0 = ctrl.trainer.net.theta.copy()
    ctrl.step()
    assert seen[-1].step == 1 and seen[-1].epoch == 0
    ctrl.step_epoch()
    assert seen[-1].step == 25 and seen[-1].epoch == 1
    ctrl.reset()
    assert seen[-1].step == 0 and np.array_equal(ctrl.trainer.net.theta, w0)


def test_play_trains_in_frames_and_pause_stops(ctrl, qtbot):
    states = []
    ctrl.running_changed.connect(states.append)
    ctrl.set_speed(50)
    ctrl.start()
    qtbot.waitUntil(lambda: ctrl.snapshot is not None and ctrl.snapshot.step >= 200, timeout=5000)
    ctrl.pause()
    step = ctrl.trainer.step_count
    assert step % 50 == 0 or ctrl.steps_per_second > 0  # whole frames unless the budget cut in
    qtbot.wait(100)
    assert ctrl.trainer.step_count == step
    assert states == [True, False]


def test_live_and_resetting_changes(ctrl):
    ctrl.step_epoch()
    assert ctrl.update_config(learning_rate=0.1) is False and ctrl.trainer.step_count == 25
    assert ctrl.update_config(hidden=(3, 3)) is True and ctrl.trainer.step_count == 0
    with pytest.raises(ValueError, match="learning_rate"):
        ctrl.update_config(learning_rate=100.0)
    assert ctrl.config.learning_rate == 0.1 and ctrl.config.hidden == (3, 3)


def test_regenerate_gives_new_data(ctrl):
    before = ctrl.trainer.points.copy()
    ctrl.regenerate()
    assert ctrl.config.data_seed == 1 and not np.array_equal(before, ctrl.trainer.points)


def test_divergence_pauses_and_signals_without_exception(qtbot):
    c = TrainingController(TrainConfig(dataset="spiral", learning_rate=10.0,
                                       activation="leaky_relu", hidden=(8, 8)))
    with qtbot.waitSignal(c.diverged, timeout=5000) as blocker:
        c.set_speed(100)
        c.start()
    assert blocker.args[0] == c.trainer.diverged_at
    assert not c.running and c.snapshot.diverged_at == blocker.args[0]
    c.start()  # refuses while diverged
    assert not c.running
    c.reset()
    assert c.snapshot.diverged_at is None


def test_points_and_csv(ctrl, tmp_path):
    n = len(ctrl.trainer.points)
    ctrl.add_point(1.0, 1.0, 1)
    assert len(ctrl.snapshot.x_train) == ctrl.trainer.is_train.sum() and \
        len(ctrl.trainer.points) == n + 1
    ctrl.remove_nearest(1.0, 1.0)
    assert len(ctrl.trainer.points) == n
    good = tmp_path / "good.csv"
    good.write_text("x1,x2,label\n" + "\n".join(f"{i % 5},{i % 3},{i % 2}" for i in range(40)))
    assert ctrl.load_points(str(good)) == 40 and len(ctrl.trainer.points) == 40
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,0\n3,x,1\n")
    with pytest.raises(ValueError, match="line 2"):
        ctrl.load_points(str(bad))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("1,2,0\n3,4,7\n")
    with pytest.raises(ValueError, match="class numbers 0 to 1"):
        ctrl.load_points(str(wrong))
    assert len(ctrl.trainer.points) == 40
