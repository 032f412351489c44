"""The timer loop around a Trainer (and, through FrameLoop, around the compare page's runs).

Each tick (~16 ms) runs training steps until the speed setting (steps per frame) or a time
budget (~8 ms) is used, then emits one immutable snapshot. Views draw only what they are
given, so training speed never depends on drawing speed.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from actgui.engine import datasets
from actgui.engine.config import TrainConfig
from actgui.engine.trainer import Snapshot, Trainer, split_mask

FRAME_MS = 16
STEP_BUDGET_S = 0.008
MAX_SPEED = 5000  # steps per frame


class FrameLoop(QObject):
    """Play/Pause around a frame timer, and the budgeted training steps of one frame.

    Subclasses implement `_tick` (calling `_train_frame`) and may override `_can_start` and
    `_paused`.
    """

    running_changed = Signal(bool)

    def __init__(self, parent=None, per_step: float = 20e-6):
        super().__init__(parent)
        self.speed = 25  # Playground: one epoch of 25 batches per frame; we allow far more
        self.steps_per_second = 0.0
        self.frames_per_second = 0.0
        self._per_step = per_step  # running estimate of one step's cost, seconds
        self._last_tick = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_speed(self, steps_per_frame: int) -> None:
        self.speed = max(1, min(MAX_SPEED, int(steps_per_frame)))

    def start(self) -> None:
        if self.running or not self._can_start():
            return
        self._last_tick = None
        self._timer.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if self.running:
            self._timer.stop()
            self.running_changed.emit(False)
            self._paused()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def _can_start(self) -> bool:
        return True

    def _paused(self) -> None:
        pass

    def _tick(self) -> None:
        raise NotImplementedError

    def _train_frame(self, step, stop) -> int:
        """Call step(chunk) -> steps done until `speed` steps, the time budget or stop();
        update the rates; return the steps done."""
        start = time.perf_counter()
        remaining, done = self.speed, 0
        while remaining > 0 and not stop():
            left = STEP_BUDGET_S - (time.perf_counter() - start)
            if left <= 0:
                break
            chunk = max(1, min(remaining, int(left / self._per_step)))
            t0 = time.perf_counter()
            n = step(chunk)
            if n:
                self._per_step = 0.8 * self._per_step + 0.2 * (time.perf_counter() - t0) / n
            done += n
            remaining -= chunk
        now = time.perf_counter()
        if self._last_tick is not None:
            dt = max(now - self._last_tick, 1e-6)
            self.steps_per_second = _ema(self.steps_per_second, done / dt)
            self.frames_per_second = _ema(self.frames_per_second, 1.0 / dt)
        self._last_tick = now
        return done


class TrainingController(FrameLoop):
    snapshot_ready = Signal(object)  # Snapshot
    diverged = Signal(int)  # the step at which training diverged

    def __init__(self, config: TrainConfig | None = None, parent=None):
        super().__init__(parent)
        self.trainer = Trainer(config)
        self.snapshot: Snapshot | None = None

    # -- state -----------------------------------------------------------------------------

    @property
    def config(self) -> TrainConfig:
        return self.trainer.config

    def set_config(self, config: TrainConfig) -> bool:
        """Apply a configuration (live where possible); returns True if it reset training.

        A ValueError from the engine propagates with the state untouched.
        """
        old = self.trainer.config
        try:
            reset = self.trainer.set_config(config)
        except ValueError:
            self.trainer.set_config(old)
            raise
        self.publish()
        return reset

    def update_config(self, **changes) -> bool:
        """set_config(config.replace(**changes)); raises ValueError for bad values."""
        return self.set_config(self.config.replace(**changes))

    # -- commands --------------------------------------------------------------------------

    def _can_start(self) -> bool:
        return not self.trainer.diverged

    def step(self) -> None:
        """One mini-batch."""
        self.trainer.step(1)
        self._after_steps()

    def step_epoch(self) -> None:
        self.trainer.step_epoch()
        self._after_steps()

    def reset(self) -> None:
        """Back to the same initial weights (and the same batch order)."""
        self.trainer.reset()
        self.publish()

    def regenerate(self) -> None:
        """New random data of the same kind; the network restarts."""
        seed = (self.config.data_seed + 1) % (2**31 - 1)
        self.set_config(self.config.replace(data_seed=seed))

    def add_point(self, x1: float, x2: float, label, train: bool = True) -> None:
        self.trainer.add_point(x1, x2, label, train)
        self.publish()

    def remove_nearest(self, x1: float, x2: float) -> None:
        self.trainer.remove_nearest(x1, x2)
        self.publish()

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        self.trainer.set_weight(layer, i, j, value)
        self.publish()

    def load_points(self, path: str) -> int:
        """Replace the points by a CSV file's (x1,x2,label); split as the config says.

        Raises ValueError naming the problem; the current points stay on any error.
        """
        X, y = datasets.load_csv(path)
        kind = datasets.kind(self.config.dataset)
        if kind != "regression":
            k = datasets.n_classes(self.config.dataset)
            if not np.all(y == np.round(y)) or y.min() < 0 or y.max() >= k:
                raise ValueError(f"{path}: the labels (third column) must be the class "
                                 f"numbers 0 to {k - 1} of this data set")
            y = y.astype(np.int64)
        if len(X) < 2:
            raise ValueError(f"{path}: at least two points are needed (training and test)")
        c = self.config
        self.trainer.set_points(X, y, split_mask(len(X), c.train_fraction, c.data_seed))
        self.publish()
        return len(X)

    # -- the loop --------------------------------------------------------------------------

    def publish(self) -> None:
        """Emit a snapshot of the current state."""
        self.snapshot = self.trainer.snapshot()
        self.snapshot_ready.emit(self.snapshot)

    def _after_steps(self) -> None:
        self.publish()
        if self.trainer.diverged:
            self.pause()
            self.diverged.emit(self.trainer.diverged_at)

    def _tick(self) -> None:
        self._train_frame(self.trainer.step, lambda: self.trainer.diverged)
        self._after_steps()


def _ema(old: float, new: float, weight: float = 0.1) -> float:
    return new if old == 0.0 or not math.isfinite(old) else (1 - weight) * old + weight * new
