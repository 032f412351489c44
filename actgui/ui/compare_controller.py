"""CompareController: the timer loop around a MultiTrainer, for the Compare page.

Every (activation, seed) run trains in lockstep inside one `MultiTrainer`. Each tick (~16 ms)
runs lockstep steps until the speed setting (steps per frame) or a ~8 ms budget is used, then
emits one immutable `CompareFrame`: the loss history of every run, each activation's decision
boundary (its first seed's run) and, at most a few times a second while running, the per-run
statistics behind the table. Views draw only the newest frame, so training speed never depends
on drawing speed.

The table's numbers come from `summary_rows`: per activation the mean and standard deviation
over seeds (the engine's `summarize`) of `MultiTrainer.stats()` and of the epochs each run
needed to bring its test loss down to the target. `write_table_csv` and `write_curves_csv`
write exactly those numbers.
"""

from __future__ import annotations

import csv
import math
import time
import warnings
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal

from actgui.engine import datasets
from actgui.engine.config import TrainConfig
from actgui.engine.multirun import MultiTrainer, RunStats, epochs_to_target, summarize
from actgui.engine.network import MLP
from actgui.ui.controller import MAX_SPEED, FrameLoop  # noqa: F401  (MAX_SPEED: lockstep steps)

STATS_INTERVAL_S = 0.25  # the table refreshes 4 times a second while training
HISTORY_DUTY = 9.0  # wait 9 times as long as the last history() took before the next one
MIN_ACTIVATIONS, MAX_ACTIVATIONS = 2, 4
MAX_SEEDS = 20
DEFAULT_ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEFAULT_CONFIG = TrainConfig(dataset="circle", hidden=(8, 8), learning_rate=0.03,
                             batch_size=10, noise=0.1)
DEFAULT_TARGET = 0.1
# The table's metrics, in column order; each is summarised as mean and std over seeds.
METRICS = ("train_loss", "test_loss", "train_acc", "test_acc", "epochs_to_target", "dead",
           "saturated", "same_sign")


@dataclass(frozen=True)
class ActivationRow:
    """One activation's line of the table: (mean, std) over its seeds for every metric."""

    activation: str
    seeds: int
    values: dict  # metric -> (mean, std); NaN where undefined
    reached: int  # runs whose test loss reached the target
    diverged: tuple[int | None, ...]  # per seed: the step it diverged at, or None


@dataclass(frozen=True)
class CompareFrame:
    """What the views draw: copies, never the trainer's own arrays."""

    step: int
    epoch: int
    activations: tuple[str, ...]
    seeds: tuple[int, ...]
    output_kind: str
    history: dict  # MultiTrainer.history()
    boundaries: np.ndarray  # (activations, resolution², n_outputs): each first seed's run
    resolution: int
    x_train: np.ndarray
    y_train: np.ndarray
    stats: tuple[RunStats, ...] | None  # None: unchanged since the last frame that had them
    rows: tuple[ActivationRow, ...] | None  # with stats
    target: float
    diverged_at: tuple[int | None, ...]


def summary_rows(stats, history: dict, activations, n_seeds: int,
                 target: float) -> tuple[ActivationRow, ...]:
    """Per activation the mean and std over seeds of each metric (runs activation-major)."""
    groups = len(activations)
    columns = {
        "train_loss": [s.train_loss for s in stats], "test_loss": [s.test_loss for s in stats],
        "train_acc": [s.train_acc for s in stats], "test_acc": [s.test_acc for s in stats],
        "epochs_to_target": [epochs_to_target(history["epoch"], loss, target)
                             for loss in history["test_loss"]],
        "dead": [s.dead for s in stats], "saturated": [s.saturated for s in stats],
        "same_sign": [s.same_sign for s in stats],
    }
    with warnings.catch_warnings():  # nanmean/nanstd warn when every seed is NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        summary = {k: summarize(np.asarray(v, dtype=np.float64), groups)
                   for k, v in columns.items()}
    reached = np.isfinite(np.asarray(columns["epochs_to_target"])).reshape(groups, n_seeds)
    rows = []
    for g, name in enumerate(activations):
        values = {k: (float(summary[k][0][g]), float(summary[k][1][g])) for k in METRICS}
        runs = stats[g * n_seeds:(g + 1) * n_seeds]
        rows.append(ActivationRow(name, n_seeds, values, int(reached[g].sum()),
                                  tuple(s.diverged_at for s in runs)))
    return tuple(rows)


class CompareController(FrameLoop):
    frame_ready = Signal(object)  # CompareFrame
    config_changed = Signal()  # configuration, activations or seeds changed (training reset)

    def __init__(self, parent=None, config: TrainConfig | None = None,
                 activations=DEFAULT_ACTIVATIONS, seed_count: int = 1):
        super().__init__(parent, per_step=100e-6)  # the estimate is per lockstep step
        self.trainer = MultiTrainer(config or DEFAULT_CONFIG, list(activations),
                                    _seeds((config or DEFAULT_CONFIG).seed, seed_count))
        self.target = DEFAULT_TARGET
        self.frame: CompareFrame | None = None
        self._last_stats = -math.inf
        self._rows: tuple[ActivationRow, ...] | None = None
        self._stats_key = None  # (generation, step, target) the rows were computed for
        self._generation = 0  # counts resets and rebuilds
        self._stats: tuple[RunStats, ...] | None = None
        self._nets: list[MLP] = []
        self._history: dict | None = None
        self._history_at = -math.inf
        self._history_cost = 0.0
        self._grid_features: np.ndarray | None = None
        self._prepare_tiles()

    # -- state -----------------------------------------------------------------------------

    @property
    def config(self) -> TrainConfig:
        return self.trainer.config

    @property
    def activations(self) -> tuple[str, ...]:
        return tuple(self.trainer.activation_names)

    @property
    def seeds(self) -> tuple[int, ...]:
        return tuple(self.trainer.seeds)

    @property
    def seed_count(self) -> int:
        return len(self.trainer.seeds)

    @property
    def rows(self) -> tuple[ActivationRow, ...]:
        """The table's rows for the current state (computed now if they are stale)."""
        if self._stats_key != self._key():
            self._refresh_stats()
        return self._rows

    def set_config(self, config: TrainConfig) -> None:
        """Train the chosen activations on `config` from the start.

        A ValueError from the engine propagates and nothing changes."""
        self._rebuild(config, self.activations, self.seed_count)

    def update_config(self, **changes) -> None:
        """set_config(config.replace(**changes)); raises ValueError for bad values."""
        self.set_config(self.config.replace(**changes))

    def set_activations(self, names) -> None:
        names = tuple(names)
        if not MIN_ACTIVATIONS <= len(names) <= MAX_ACTIVATIONS:
            raise ValueError(f"compare: choose {MIN_ACTIVATIONS} to {MAX_ACTIVATIONS} "
                             f"activations, got {len(names)}")
        self._rebuild(self.config, names, self.seed_count)

    def set_seed_count(self, n: int) -> None:
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_SEEDS:
            raise ValueError(f"seeds: repeat over 1 to {MAX_SEEDS} seeds, got {n!r}")
        self._rebuild(self.config, self.activations, n)

    def set_target(self, target: float) -> None:
        """The test loss the 'epochs to target' column waits for."""
        if not (isinstance(target, (int, float)) and math.isfinite(target) and target > 0):
            raise ValueError(f"target: the loss target must be a positive number, got {target!r}")
        self.target = float(target)
        self.publish(stats=True)

    def _rebuild(self, config, names, n_seeds) -> None:
        trainer = MultiTrainer(config, names, _seeds(config.seed, n_seeds))  # may raise
        self.trainer = trainer
        self._generation += 1
        self._history = None
        self._prepare_tiles()
        self._per_step = 100e-6 * trainer.n_runs / 3
        self.config_changed.emit()
        self.publish(stats=True)

    # -- commands --------------------------------------------------------------------------

    def _can_start(self) -> bool:
        return not self._all_diverged()

    def _paused(self) -> None:
        self.publish(stats=True)

    def step(self, n: int = 1) -> None:
        """n lockstep mini-batch steps of every run."""
        self.trainer.step(n)
        self.publish(stats=True)

    def reset(self) -> None:
        """Every run back to its initial weights (the same for the same seed)."""
        self.trainer.reset()
        self._generation += 1
        self.publish(stats=True)

    # -- frames ----------------------------------------------------------------------------

    def _prepare_tiles(self) -> None:
        """One network per activation to evaluate its first seed's run over the grid."""
        c, m = self.config, self.trainer
        self._grid_features = datasets.features(datasets.grid(c.resolution), c.features)
        self._nets = [MLP(m.sizes, [name] * len(c.hidden), c.output_kind, c.init, c.bias_init,
                          c.init_scale, m.seeds[0]) for name in m.activation_names]
        self._rows = self._stats = self._stats_key = None

    def tile_runs(self) -> list[int]:
        """Run index drawn in each activation's tile: its first seed's."""
        return [g * self.seed_count for g in range(len(self.activations))]

    def _boundaries(self) -> np.ndarray:
        m = self.trainer
        out = []
        with np.errstate(all="ignore"):
            for net, r in zip(self._nets, self.tile_runs(), strict=True):
                net.set_parameters(m.weights(r), m.biases(r))
                out.append(net.predict(self._grid_features))
        return np.stack(out)

    def _refresh_stats(self, history: dict | None = None) -> None:
        m = self.trainer
        self._stats = tuple(m.stats())
        h = history if history is not None else m.history()
        self._rows = summary_rows(self._stats, h, self.activations, self.seed_count,
                                  self.target)
        self._last_stats = time.perf_counter()
        self._stats_key = self._key()

    def _key(self) -> tuple:
        return (self._generation, self.trainer.step_count, self.target)

    def _fetch_history(self) -> dict:
        t0 = time.perf_counter()
        self._history = self.trainer.history()
        self._history_at = time.perf_counter()
        self._history_cost = self._history_at - t0
        return self._history

    def publish(self, stats: bool = True, history: bool = True) -> None:
        """Emit a frame of the current state; `stats` also refreshes the table's numbers,
        `history` the loss curves (False repeats the previous history object)."""
        m = self.trainer
        if history or stats or self._history is None:
            self._fetch_history()
        if stats:
            self._refresh_stats(self._history)
        self.frame = CompareFrame(
            step=m.step_count, epoch=m.epoch, activations=self.activations, seeds=self.seeds,
            output_kind=self.config.output_kind, history=self._history,
            boundaries=self._boundaries(), resolution=self.config.resolution,
            x_train=m.x_train.copy(), y_train=m.y_train.copy(),
            stats=self._stats if stats else None, rows=self._rows if stats else None,
            target=self.target, diverged_at=tuple(m.diverged_at))
        self.frame_ready.emit(self.frame)

    def _all_diverged(self) -> bool:
        return all(d is not None for d in self.trainer.diverged_at)

    def _tick(self) -> None:
        self._train_frame(self.trainer.step, lambda: False)  # diverged runs are frozen
        now = time.perf_counter()
        # MultiTrainer.history() costs time in proportion to the records kept; once that
        # becomes noticeable the curves refresh less often (history at most ~10 % of the time)
        fresh = now - self._history_at >= HISTORY_DUTY * self._history_cost
        self.publish(stats=now - self._last_stats >= STATS_INTERVAL_S, history=fresh)
        if self._all_diverged():
            self.pause()

    # -- export ----------------------------------------------------------------------------

    def table_header(self) -> list[str]:
        t = f"{self.target:g}"
        head = ["activation", "seeds", "step", "epoch"]
        names = {"epochs_to_target": f"epochs_to_test_loss_le_{t}",
                 "dead": "dead_units", "saturated": "saturated_units",
                 "same_sign": "same_sign_share"}
        for k in METRICS:
            head += [f"{names.get(k, k)}_mean", f"{names.get(k, k)}_std"]
        head += ["runs_reaching_target", "diverged_runs", "dataset", "noise", "hidden",
                 "learning_rate", "optimizer", "batch_size", "init", "init_scale", "bias_init",
                 "first_seed"]
        return head

    def write_table_csv(self, path: str) -> None:
        """The table: one row per activation, mean and std over seeds, and the settings."""
        c, m = self.config, self.trainer
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(self.table_header())
            for row in self.rows:
                line = [row.activation, row.seeds, m.step_count, m.epoch]
                for k in METRICS:
                    line += [_num(v) for v in row.values[k]]
                line += [row.reached, sum(d is not None for d in row.diverged), c.dataset,
                         c.noise, " ".join(str(u) for u in c.hidden), c.learning_rate,
                         c.optimizer, c.batch_size, c.init, c.init_scale, c.bias_init,
                         m.seeds[0]]
                w.writerow(line)

    CURVES_HEADER = ("activation", "seed", "step", "epoch", "train_loss", "test_loss",
                     "train_acc", "test_acc")

    def write_curves_csv(self, path: str) -> None:
        """The curves, long format: one row per run and recorded epoch."""
        m = self.trainer
        h = m.history()
        keys = ("train_loss", "test_loss", "train_acc", "test_acc")
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(self.CURVES_HEADER)
            for r, (name, seed) in enumerate(m.runs):
                for t in range(len(h["step"])):
                    w.writerow([name, seed, int(h["step"][t]), int(h["epoch"][t]),
                                *(_num(h[k][r, t]) for k in keys)])


def _seeds(base: int, n: int) -> list[int]:
    return list(range(int(base), int(base) + int(n)))


def _num(v) -> str:
    """Full precision (repr) for finite values, empty for undefined ones."""
    v = float(v)
    return repr(v) if math.isfinite(v) else ("" if math.isnan(v) else str(v))
