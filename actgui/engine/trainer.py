"""Trainer: data, network and optimizer of one experiment, stepped by mini-batches.

The UI calls `step(n)` from a timer and draws `snapshot()`s; neither blocks for long.
Divergence (a non-finite parameter or output) stops training at the step it happened, keeps
the last finite parameters, and makes `step` refuse until `reset()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from actgui.engine import datasets, diagnostics, optim
from actgui.engine.config import TrainConfig
from actgui.engine.network import MLP

_HISTORY_KEYS = ("step", "epoch", "train_loss", "test_loss", "train_acc", "test_acc")
# A history point at the end of every epoch, but no more often than every this many steps.
_MIN_STEPS_PER_RECORD = 10


class History:
    """Growing columns of floats, appended in O(1) amortised.

    Memory stays bounded on long runs: at `cap` rows every other row is dropped and from then
    on only every second offered row is kept (and so on), so the rows stay evenly spread.
    Which rows survive depends only on how many were offered, never on timing.
    """

    def __init__(self, keys=_HISTORY_KEYS, cap: int = 8192):
        self.keys = tuple(keys)
        self._data = np.empty((len(self.keys), 256))
        self.n = 0
        self.cap = cap
        self._stride = 1
        self._offered = 0

    def append(self, *values: float) -> None:
        self._offered += 1
        if (self._offered - 1) % self._stride:
            return
        if self.n == self.cap:
            kept = self._data[:, 0:self.n:2]
            self.n = kept.shape[1]
            self._data[:, :self.n] = kept
            self._stride *= 2
            if (self._offered - 1) % self._stride:
                return
        if self.n == self._data.shape[1]:
            self._data = np.concatenate([self._data, np.empty_like(self._data)], axis=1)
        self._data[:, self.n] = values
        self.n += 1

    def state(self) -> tuple[int, int, int]:
        return self.n, self._stride, self._offered

    def restore(self, state: tuple[int, int, int]) -> None:
        self.n, self._stride, self._offered = state

    def array(self) -> np.ndarray:
        """A copy of all kept rows, (columns, rows)."""
        return self._data[:, :self.n].copy()

    def last(self, key: str) -> float:
        return float(self._data[self.keys.index(key), self.n - 1])

    def columns(self) -> dict[str, np.ndarray]:
        out = {}
        for i, key in enumerate(self.keys):
            col = self._data[i, :self.n].copy()
            col.setflags(write=False)
            out[key] = col
        return out


class Timeline:
    """Per-layer diagnostics over time, one row per snapshot (so at the UI's frame rate).

    Columns: step, epoch, and per hidden layer l: mean_l, std_l, dead_l, saturated_l; per
    weight layer l: same_sign_l. `columns()` gives 2-D arrays (rows, layers) for the latter.
    """

    def __init__(self, n_hidden: int, n_layers: int, cap: int = 4096):
        self.n_hidden, self.n_layers = n_hidden, n_layers
        keys = ["step", "epoch"]
        for name in ("mean", "std", "dead", "saturated"):
            keys += [f"{name}_{l}" for l in range(n_hidden)]
        keys += [f"same_sign_{l}" for l in range(n_layers)]
        self._h = History(keys, cap)
        self._last_step = -1

    def add(self, step: int, epoch: int, diag: diagnostics.Diagnostics) -> None:
        if step == self._last_step:  # a second snapshot of the same state adds nothing
            return
        self._last_step = step
        layers = diag.layers
        self._h.append(step, epoch, *(s.mean for s in layers), *(s.std for s in layers),
                       *(float(s.dead.sum()) for s in layers),
                       *(float(s.saturated.sum()) for s in layers), *diag.same_sign)

    def columns(self) -> dict[str, np.ndarray]:
        c = self._h.columns()
        out = {"step": c["step"], "epoch": c["epoch"]}
        rows = len(out["step"])
        for name, width in (("mean", self.n_hidden), ("std", self.n_hidden),
                            ("dead", self.n_hidden), ("saturated", self.n_hidden),
                            ("same_sign", self.n_layers)):
            cols = [c[f"{name}_{l}"] for l in range(width)]
            out[name] = _frozen(np.column_stack(cols) if cols else np.empty((rows, 0)))
        return out


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of training at one step, for the views to draw."""

    step: int
    epoch: int
    config: TrainConfig
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    z: tuple[np.ndarray, ...]  # per layer, over the training set (n_train, units)
    a: tuple[np.ndarray, ...]  # per layer; the last is the network's output
    grid: tuple[np.ndarray, ...]  # per layer, a over the grid (resolution², units)
    resolution: int
    x_train: np.ndarray  # raw 2-D points
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    history: dict[str, np.ndarray]  # per recorded epoch: step, epoch, losses, accuracies
    timeline: dict[str, np.ndarray]  # per snapshot: step, epoch, per-layer statistics
    diagnostics: diagnostics.Diagnostics
    train_loss: float
    test_loss: float
    train_acc: float
    test_acc: float
    diverged_at: int | None


def _frozen(arr) -> np.ndarray:
    """A read-only copy."""
    arr = np.array(arr)
    arr.setflags(write=False)
    return arr


def augment(F: np.ndarray) -> np.ndarray:
    """F with a ones column appended (the network stores each bias as a weight row)."""
    return np.hstack([F, np.ones((len(F), 1))])


def augment_t(F: np.ndarray) -> np.ndarray:
    """Feature-major F with a ones row appended: (d + 1, n), contiguous."""
    return np.vstack([F.T, np.ones((1, len(F)))])


def split_mask(n: int, train_fraction: float, seed: int) -> np.ndarray:
    """A random train/test split of n points as a boolean mask (True = training)."""
    rng = np.random.default_rng([seed, 7])
    is_train = np.zeros(n, dtype=bool)
    n_train = min(n - 1, max(1, round(n * train_fraction)))
    is_train[rng.permutation(n)[:n_train]] = True
    return is_train


def _blocks(rows: np.ndarray, b: int) -> list[np.ndarray]:
    """Rows (N, d) cut into batches of b, each feature-major (d, b) and contiguous."""
    N, d = rows.shape
    full = N - N % b
    out = list(rows[:full].reshape(-1, b, d).transpose(0, 2, 1).copy())
    if full < N:
        out.append(np.ascontiguousarray(rows[full:].T))
    return out


class Trainer:
    def __init__(self, config: TrainConfig | None = None):
        config = config if config is not None else TrainConfig()
        if not isinstance(config, TrainConfig):
            raise ValueError("config must be a TrainConfig")
        self.config = config
        X, y = datasets.generate(config.dataset, config.n_points, config.noise, config.data_seed)
        self._set_data(X, y, split_mask(len(X), config.train_fraction, config.data_seed))
        self._build()

    # -- data ------------------------------------------------------------------------------

    def _set_data(self, X, y, is_train) -> None:
        self.points = np.asarray(X, dtype=np.float64)
        self.labels = np.asarray(y)
        self.is_train = np.asarray(is_train, dtype=bool)
        self._featurize()

    def _featurize(self) -> None:
        c = self.config
        tr, te = self.is_train, ~self.is_train
        self.x_train, self.y_train = self.points[tr], self.labels[tr]
        self.x_test, self.y_test = self.points[te], self.labels[te]
        F_train = datasets.features(self.x_train, c.features)
        F_test = datasets.features(self.x_test, c.features)
        self._Fa_train = augment(F_train)  # rows, for gathering shuffled batches
        self._FaT_train = augment_t(F_train)  # feature-major, for the network
        self._FaT_test = augment_t(F_test)
        self._FaT_eval = np.hstack([self._FaT_train, self._FaT_test])  # one forward for both
        self._FaT_grid = augment_t(datasets.features(datasets.grid(c.resolution), c.features))

    def set_points(self, X, y, is_train) -> None:
        """Replace the data (e.g. points a learner added); weights and history are kept."""
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        is_train = np.asarray(is_train, dtype=bool)
        if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or is_train.shape != y.shape:
            raise ValueError("points: X must be (n, 2) with n labels and n train flags")
        if not np.isfinite(X).all():
            raise ValueError("points: coordinates must be finite")
        if is_train.sum() < 1:
            raise ValueError("points: at least one training point is needed")
        self.net.targets(y)  # raises ValueError for labels that do not fit the output
        old = self.points, self.labels, self.is_train
        try:
            self._set_data(X, y, is_train)
            self._set_targets()
        except ValueError:
            self._set_data(*old)
            raise
        self._new_epoch()

    def add_point(self, x1: float, x2: float, label, train: bool = True) -> None:
        """Add one point (a learner's click); the label must fit the data set."""
        self.set_points(np.vstack([self.points, [[x1, x2]]]), np.append(self.labels, label),
                        np.append(self.is_train, bool(train)))

    def remove_nearest(self, x1: float, x2: float) -> int:
        """Remove the point nearest to (x1, x2); returns its index. Keeps >= 1 training point."""
        d = np.hypot(self.points[:, 0] - x1, self.points[:, 1] - x2)
        i = int(np.argmin(d))
        keep = np.ones(len(self.points), dtype=bool)
        keep[i] = False
        self.set_points(self.points[keep], self.labels[keep], self.is_train[keep])
        return i

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Set W[layer][i, j] (a learner editing a link); the history carries on."""
        if not (0 <= layer < self.net.n_layers):
            raise ValueError(f"layer must be in [0, {self.net.n_layers - 1}], got {layer}")
        W = self.net.weights[layer]
        if not (0 <= i < W.shape[0] and 0 <= j < W.shape[1]):
            raise ValueError(f"weight index ({i}, {j}) is outside W[{layer}] of shape {W.shape}")
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
                or not math.isfinite(value):
            raise ValueError(f"weight must be a finite number, got {value!r}")
        W[i, j] = float(value)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        c = self.config
        self.net = MLP(c.sizes, c.hidden_activations, c.output_kind, c.init, c.bias_init,
                       c.init_scale, c.seed)
        self._set_targets()
        self.reset()

    def _set_targets(self) -> None:
        self._Y_train = self.net.targets(self.y_train)  # (n, k) rows, for gathering
        self._YT_train = np.ascontiguousarray(self._Y_train.T)
        self._YT_test = np.ascontiguousarray(self.net.targets(self.y_test).T)
        self._YT_eval = np.hstack([self._YT_train, self._YT_test])

    def reset(self) -> None:
        """Back to the initial weights of this seed, with empty history."""
        c = self.config
        self.net.initialize(c.seed)
        self.optimizer = optim.make(c.optimizer, self.net.theta.size, c.learning_rate)
        self._rng = np.random.default_rng([c.seed, 1])
        self.step_count = 0
        self.epoch = 0
        self.diverged_at: int | None = None
        self.history = History()
        self.timeline = Timeline(len(c.hidden), len(c.hidden) + 1)
        self._set_rates()
        self._new_epoch()
        self._record()

    def _set_rates(self) -> None:
        c, mask = self.config, self.net.weight_mask
        self._l1 = c.l1 * mask if c.l1 else None
        self._l2 = c.l2 * mask if c.l2 else None
        self.optimizer.lr = c.learning_rate
        n_train = len(self._Fa_train)
        steps_per_epoch = math.ceil(n_train / min(c.batch_size, n_train))
        self._record_every = max(1, math.ceil(_MIN_STEPS_PER_RECORD / steps_per_epoch))

    def set_config(self, config: TrainConfig) -> bool:
        """Apply a new configuration; returns True when it needed a reset.

        Learning rate, L1/L2 and batch size apply live; the optimizer restarts its state but
        keeps the weights; the grid resolution changes only the snapshot; anything that
        changes the data or the architecture resets.
        """
        if not isinstance(config, TrainConfig):
            raise ValueError("config must be a TrainConfig")
        old, self.config = self.config, config
        data_keys = ("dataset", "n_points", "noise", "train_fraction", "data_seed")
        if any(getattr(old, k) != getattr(config, k) for k in data_keys):
            X, y = datasets.generate(config.dataset, config.n_points, config.noise,
                                     config.data_seed)
            self._set_data(X, y, split_mask(len(X), config.train_fraction, config.data_seed))
            self._build()
            return True
        if old.features != config.features or old.resolution != config.resolution:
            self._featurize()
            self._set_targets()
        arch = ("features", "hidden", "activation", "layer_activations", "output", "init",
                "init_scale", "bias_init", "seed")
        if any(getattr(old, k) != getattr(config, k) for k in arch):
            self._build()
            return True
        if old.optimizer != config.optimizer:
            self.optimizer = optim.make(config.optimizer, self.net.theta.size,
                                        config.learning_rate)
        self._set_rates()
        if old.batch_size != config.batch_size:
            self._new_epoch()  # the batches of the new size start with a fresh epoch
        return False

    # -- training --------------------------------------------------------------------------

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    def _new_epoch(self) -> None:
        """Shuffle, and lay the epoch out as contiguous feature-major batches."""
        N = len(self._Fa_train)
        # full batch: the order does not change the gradient, so no shuffle
        self._set_order(None if min(self.config.batch_size, N) == N
                        else self._rng.permutation(N))

    def _set_order(self, perm: np.ndarray | None, pos: int = 0) -> None:
        """Lay out the epoch's batches from a permutation of the training rows (None: one
        full batch in data order); `pos` is the index of the next batch. Sessions restore
        an epoch through this."""
        if perm is None:
            self._XB, self._YB = [self._FaT_train], [self._YT_train]
        else:
            b = min(self.config.batch_size, len(perm))
            self._XB = _blocks(self._Fa_train[perm], b)
            self._YB = _blocks(self._Y_train[perm], b)
        self._perm = perm  # the current epoch's order, kept for saving sessions
        self._pos = pos  # index of the next batch

    def _end_epoch(self) -> None:
        self.epoch += 1
        if self.epoch % self._record_every == 0:
            self._record()
        self._new_epoch()

    def _run(self, n: int) -> None:
        """n optimizer steps with no checks (the fast path)."""
        gradient, opt_step = self.net.gradient, self.optimizer.step
        theta, g, l1, l2 = self.net.theta, self.net._grad, self._l1, self._l2
        for _ in range(n):
            k = self._pos
            X = self._XB[k]
            gradient(X, self._YB[k], 1.0 / X.shape[1], l1, l2)
            opt_step(theta, g)
            self.step_count += 1
            self._pos = k + 1
            if self._pos == len(self._XB):
                self._end_epoch()

    def _finite(self) -> bool:
        # An overflowing output makes the gradient, and so theta, non-finite in the same
        # step; a recorded loss can overflow first (linear output, huge z).
        h = self.history
        return bool(np.isfinite(self.net.theta).all()) and (
            h.n == 0 or math.isfinite(h.last("train_loss")))

    def _checkpoint(self):
        return (self.net.theta.copy(), self.optimizer.state(), self._rng.bit_generator.state,
                self.step_count, self.epoch, self._pos, self._XB, self._YB, self._perm,
                self.history.state())

    def _restore(self, cp) -> None:
        theta, opt_state, rng_state, self.step_count, self.epoch, self._pos, self._XB, \
            self._YB, self._perm, history = cp
        self.history.restore(history)
        self.net.theta[...] = theta
        self.optimizer.load_state(opt_state)
        self._rng.bit_generator.state = rng_state

    def step(self, n: int = 1) -> int:
        """Train n mini-batch steps; returns how many were done (fewer if it diverged)."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"n must be a whole number >= 0, got {n!r}")
        if self.diverged or n == 0:
            return 0
        cp = self._checkpoint()
        with np.errstate(all="ignore"):
            self._run(n)
            if self._finite():
                return n
            # Replay one step at a time from the checkpoint to find the first bad step.
            self._restore(cp)
            for done in range(n):
                before = self._checkpoint()
                self._run(1)
                if not self._finite():
                    self._restore(before)
                    self.diverged_at = self.step_count + 1
                    return done
        return n

    def step_epoch(self) -> int:
        """Train to the end of the current epoch."""
        return self.step(len(self._XB) - self._pos)

    # -- evaluation ------------------------------------------------------------------------

    def _loss_acc(self, zT: np.ndarray, YT: np.ndarray, split: int) -> tuple[tuple, tuple]:
        """(loss, accuracy) of samples [:split] and of [split:], from feature-major output z
        and targets; the loss includes the penalty. NaN for an empty side."""
        n = zT.shape[1]
        per = self.net.sample_losses(zT, YT)
        kind = self.net.output
        if kind == "sigmoid":
            right = (zT[0] > 0) == (YT[0] > 0.5)
        elif kind == "softmax":
            right = zT.argmax(axis=0) == YT.argmax(axis=0)
        else:
            right = None
        penalty = self.net.penalty(self.config.l1, self.config.l2)
        out = []
        for lo, hi in ((0, split), (split, n)):
            if hi == lo:
                out.append((math.nan, math.nan))
                continue
            acc = float(right[lo:hi].mean()) if right is not None else math.nan
            out.append((float(per[lo:hi].sum()) / (hi - lo) + penalty, acc))
        return out[0], out[1]

    def _record(self) -> None:
        with np.errstate(all="ignore"):
            z = self.net.forward_work(self._FaT_eval).Z[-1]
            train, test = self._loss_acc(z, self._YT_eval, len(self._Fa_train))
        self.history.append(self.step_count, self.epoch, train[0], test[0], train[1], test[1])

    def snapshot(self) -> Snapshot:
        """Copies of everything the views draw; costs about one full-batch step plus the grid."""
        net, c = self.net, self.config
        with np.errstate(all="ignore"):
            # One forward/backward over the training set gives z, a and every delta.
            n = len(self._Fa_train)
            w = net.gradient(self._FaT_train, self._YT_train, 1.0 / n)
            z = [_frozen(Z.T) for Z in w.Z]  # the snapshot is sample-major: (n, units)
            a = [_frozen(h.T) for h in w.a[1:]] + [_frozen(net._out(w.Z[-1].T))]
            diag = diagnostics.analyze(net.activations, self._Fa_train[:, :-1], z, a,
                                       [D.T for D in w.D])
            zt = net.forward_work(self._FaT_eval).Z[-1]
            (train_loss, train_acc), (test_loss, test_acc) = self._loss_acc(
                zt, self._YT_eval, n)
            g = net.forward_work(self._FaT_grid)
            grid = [_frozen(h.T) for h in g.a[1:]] + [_frozen(net._out(g.Z[-1].T))]
        self.timeline.add(self.step_count, self.epoch, diag)
        return Snapshot(
            step=self.step_count, epoch=self.epoch, config=c,
            weights=tuple(_frozen(W) for W in net.weights),
            biases=tuple(_frozen(b) for b in net.biases),
            z=tuple(z), a=tuple(a), grid=tuple(grid), resolution=c.resolution,
            x_train=_frozen(self.x_train), y_train=_frozen(self.y_train),
            x_test=_frozen(self.x_test), y_test=_frozen(self.y_test),
            history=self.history.columns(), timeline=self.timeline.columns(), diagnostics=diag,
            train_loss=train_loss, test_loss=test_loss, train_acc=train_acc, test_acc=test_acc,
            diverged_at=self.diverged_at,
        )
