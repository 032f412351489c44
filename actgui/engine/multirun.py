"""Many networks as one computation: the compare view's engine.

R runs (activations x seeds) share the data and architecture; their parameters are stacked
along a leading run axis, so each layer is one batched matmul for all runs. NumPy's per-call
overhead, not arithmetic, bounds networks this small, so 60 networks cost little more than one.

Fairness: every run sees the same data; runs with the same seed start from the same weights
(the init draws depend only on seed and shapes) and see the same mini-batch order. So run
(activation, seed) trains exactly like `Trainer(config.replace(activation=..., seed=...))`.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from actgui.engine import activations, datasets, diagnostics, optim
from actgui.engine.config import TrainConfig
from actgui.engine.network import MLP, _layout, parameter_count
from actgui.engine.trainer import History, augment, split_mask

MAX_RUNS = 200
# A history point at an epoch end, but no more often than every this many steps: evaluating
# every run on all points costs ~ as much as a few dozen steps of all of them.
MIN_STEPS_PER_RECORD = 100
HISTORY_ROWS = 1024  # per run; older rows are thinned evenly beyond this


@dataclass(frozen=True)
class RunStats:
    """One run's state for the compare table."""

    activation: str
    seed: int
    train_loss: float
    test_loss: float
    train_acc: float
    test_acc: float
    dead: int
    saturated: int
    same_sign: float  # mean over layers fed by hidden units; NaN without hidden layers
    diverged_at: int | None


_CURVES = ("train_loss", "test_loss", "train_acc", "test_acc")


class MultiTrainer:
    def __init__(self, config: TrainConfig, activation_names, seeds):
        if not isinstance(config, TrainConfig):
            raise ValueError("config must be a TrainConfig")
        names = list(activation_names)
        seeds = [int(s) for s in seeds]
        if not names or not seeds:
            raise ValueError("compare: choose at least one activation and one seed")
        if len(set(names)) != len(names) or len(set(seeds)) != len(seeds):
            raise ValueError("compare: activations and seeds must not repeat")
        if len(names) * len(seeds) > MAX_RUNS:
            raise ValueError(f"compare: at most {MAX_RUNS} runs, got {len(names) * len(seeds)}")
        self.activation_names, self.seeds = names, seeds
        self.acts = [activations.get(n) for n in names]
        self.config = config
        self.runs = [(n, s) for n in names for s in seeds]  # activation-major
        X, y = datasets.generate(config.dataset, config.n_points, config.noise, config.data_seed)
        is_train = split_mask(len(X), config.train_fraction, config.data_seed)
        self.x_train, self.y_train = X[is_train], y[is_train]
        self.x_test, self.y_test = X[~is_train], y[~is_train]
        f = config.features
        self._Fa_train = augment(datasets.features(self.x_train, f))
        self._Fa_eval = np.vstack([self._Fa_train, augment(datasets.features(self.x_test, f))])
        self._Fa_grid = augment(datasets.features(datasets.grid(config.resolution), f))
        self.sizes = config.sizes
        template = MLP(self.sizes, "linear", config.output_kind)  # for targets and masks
        self.output = config.output_kind
        self._Y_train = template.targets(self.y_train)
        self._Y_eval = np.vstack([self._Y_train, template.targets(self.y_test)])
        self._weight_mask = template.weight_mask
        self._work: dict[tuple, tuple] = {}
        self.reset()

    @property
    def n_runs(self) -> int:
        return len(self.runs)

    # -- parameters ------------------------------------------------------------------------

    def reset(self) -> None:
        c, R, P = self.config, self.n_runs, parameter_count(self.sizes)
        self.theta = np.empty((R, P))
        for r, (name, seed) in enumerate(self.runs):
            hidden = [name] * (len(self.sizes) - 2)
            net = MLP(self.sizes, hidden, c.output_kind, c.init, c.bias_init, c.init_scale, seed)
            self.theta[r] = net.theta
        self._grad = np.zeros_like(self.theta)
        self.Wb = self._views(self.theta)
        self._gWb = self._views(self._grad)
        self._WT = [Wb[:, :-1, :].transpose(0, 2, 1) for Wb in self.Wb]
        self.optimizer = optim.make(c.optimizer, self.theta.size, c.learning_rate)
        self._flat, self._gflat = self.theta.reshape(-1), self._grad.reshape(-1)
        self._l1 = c.l1 * self._weight_mask if c.l1 else None
        self._l2 = c.l2 * self._weight_mask if c.l2 else None
        # one batch-order generator per seed, as each single Trainer would have
        self._rngs = [np.random.default_rng([s, 1]) for s in self.seeds]
        self._seed_of_run = np.array([self.seeds.index(s) for _, s in self.runs])
        self.step_count = 0
        self.epoch = 0
        self.diverged_at: list[int | None] = [None] * self.n_runs
        self._frozen_rows: dict[int, np.ndarray] = {}
        n_train = len(self._Fa_train)
        per_epoch = math.ceil(n_train / min(c.batch_size, n_train))
        self._record_every = max(1, math.ceil(MIN_STEPS_PER_RECORD / per_epoch))
        # columns: step, epoch, then per run train loss, test loss, train acc, test acc
        R = self.n_runs
        keys = ["step", "epoch"] + [f"{k}_{r}" for k in _CURVES for r in range(R)]
        self._history = History(keys, cap=HISTORY_ROWS)
        self._new_epoch()
        self._record()

    def _views(self, flat2d: np.ndarray) -> list[np.ndarray]:
        """Per layer a (R, fan_in + 1, fan_out) view of the stacked parameters."""
        R = flat2d.shape[0]
        out, offset = [], 0
        for v in _layout(self.sizes, np.empty(parameter_count(self.sizes))):
            n = v.size
            out.append(flat2d[:, offset:offset + n].reshape(R, *v.shape))
            offset += n
        return out

    def weights(self, run: int) -> list[np.ndarray]:
        return [Wb[run, :-1].copy() for Wb in self.Wb]

    def biases(self, run: int) -> list[np.ndarray]:
        return [Wb[run, -1].copy() for Wb in self.Wb]

    # -- the batched pass ------------------------------------------------------------------

    def _buffers(self, n: int):
        key = n
        if key not in self._work:
            R, sz = self.n_runs, self.sizes
            A = [None] + [np.ones((R, n, sz[l] + 1)) for l in range(1, len(sz) - 1)]
            Z = [np.empty((R, n, sz[l + 1])) for l in range(len(sz) - 1)]
            D = [np.empty_like(z) for z in Z]
            # hidden activations, contiguous: elementwise work on the strided [a, 1] views
            # of A costs 3-4 times more at these sizes, so it happens here and is copied once
            H = [None] + [np.empty((R, n, sz[l])) for l in range(1, len(sz) - 1)]
            DA = [np.empty((R, n, sz[l])) for l in range(1, len(sz) - 1)]  # dLoss/da
            self._work[key] = (A, Z, D, H, DA)
        return self._work[key]

    def _groups(self):
        """(slice of runs, activation) per activation, runs being activation-major."""
        S = len(self.seeds)
        return [(slice(m * S, (m + 1) * S), act) for m, act in enumerate(self.acts)]

    def _forward(self, A0: np.ndarray):
        A, Z, D, H, _ = self._buffers(A0.shape[-2])
        A[0] = A0
        groups = self._groups()
        for l in range(len(self.Wb) - 1):
            np.matmul(A[l], self.Wb[l], out=Z[l])
            for runs, act in groups:
                act.train_f(Z[l][runs], H[l + 1][runs])
            np.copyto(A[l + 1][..., :-1], H[l + 1])
        np.matmul(A[-1], self.Wb[-1], out=Z[-1])
        return A, Z, D, H

    def _output_delta(self, z: np.ndarray, Y: np.ndarray, d: np.ndarray, inv_n: float) -> None:
        """d = (out - Y) / n, as in MLP.gradient."""
        if self.output == "sigmoid":
            np.multiply(z, 0.5, d)
            np.tanh(d, d)
            np.multiply(d, 0.5, d)
            np.add(d, 0.5, d)
        elif self.output == "softmax":
            np.subtract(z, z.max(axis=-1, keepdims=True), d)
            np.exp(d, d)
            np.divide(d, d.sum(axis=-1, keepdims=True), d)
        else:
            d[...] = z
        np.subtract(d, Y, d)
        np.multiply(d, inv_n, d)

    def _gradient(self, A0: np.ndarray, Y: np.ndarray, inv_n: float):
        A, Z, D, H = self._forward(A0)
        self._output_delta(Z[-1], Y, D[-1], inv_n)
        groups = self._groups()
        for l in range(len(self.Wb) - 1, 0, -1):
            np.matmul(A[l].transpose(0, 2, 1), D[l], out=self._gWb[l])
            da = np.matmul(D[l], self._WT[l], out=self._buffers(A0.shape[-2])[4][l - 1])
            for runs, act in groups:
                act.backward(Z[l - 1][runs], H[l][runs], da[runs], D[l - 1][runs])
        A0t = A[0].transpose(0, 2, 1) if A[0].ndim == 3 else A[0].T
        np.matmul(A0t, D[0], out=self._gWb[0])
        if self._l2 is not None:
            self._grad += self._l2 * self.theta
        if self._l1 is not None:
            self._grad += self._l1 * np.sign(self.theta)
        return A, Z, D, H

    # -- training --------------------------------------------------------------------------

    def _new_epoch(self) -> None:
        N = len(self._Fa_train)
        if self.config.batch_size >= N:  # full batch: no shuffle, as in Trainer
            idx = np.broadcast_to(np.arange(N), (self.n_runs, N))
        else:
            perms = np.stack([rng.permutation(N) for rng in self._rngs])
            idx = perms[self._seed_of_run]  # (R, N): each run follows its seed's batch order
        self._Xp = self._Fa_train[idx]
        self._Yp = self._Y_train[idx]
        self._pos = 0

    def _run(self, n: int) -> None:
        b, N = self.config.batch_size, len(self._Fa_train)
        for _ in range(n):
            lo, hi = self._pos, min(self._pos + b, N)
            self._gradient(self._Xp[:, lo:hi], self._Yp[:, lo:hi], 1.0 / (hi - lo))
            self.optimizer.step(self._flat, self._gflat)
            for r, row in self._frozen_rows.items():  # diverged runs stay at their last state
                self.theta[r] = row
            self.step_count += 1
            self._pos = hi
            if hi >= N:
                self.epoch += 1
                if self.epoch % self._record_every == 0:
                    self._record()
                self._new_epoch()

    def _bad_runs(self) -> list[int]:
        ok = np.isfinite(self.theta).all(axis=1)
        return [r for r in np.flatnonzero(~ok) if r not in self._frozen_rows]

    def step(self, n: int = 1) -> int:
        """n lockstep steps of every run. A run that diverges is frozen at its last finite
        parameters with its step recorded; the others carry on."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"n must be a whole number >= 0, got {n!r}")
        with np.errstate(all="ignore"):
            before = self.theta.copy()
            state = self._state()
            self._run(n)
            if not self._bad_runs():
                return n
            # Replay one step at a time to find each divergence exactly.
            self.theta[...] = before
            self._restore(state)
            for _ in range(n):
                prev = self.theta.copy()
                self._run(1)
                for r in self._bad_runs():
                    self.theta[r] = prev[r]
                    self._frozen_rows[r] = prev[r].copy()
                    self.diverged_at[r] = self.step_count
        return n

    def _state(self):
        return (self.optimizer.state(), [g.bit_generator.state for g in self._rngs],
                self.step_count, self.epoch, self._pos, self._Xp, self._Yp,
                self._history.state())

    def _restore(self, state) -> None:
        opt, rngs, self.step_count, self.epoch, self._pos, self._Xp, self._Yp, nh = state
        self.optimizer.load_state(opt)
        for g, st in zip(self._rngs, rngs, strict=True):
            g.bit_generator.state = st
        self._history.restore(nh)

    # -- evaluation ------------------------------------------------------------------------

    def _loss_acc(self, z: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per-run loss (data + penalty) and accuracy; z is (R, n, k), Y (n, k)."""
        n = z.shape[1]
        if self.output == "sigmoid":
            per = np.logaddexp(0.0, z) - Y * z
            acc = ((z[..., 0] > 0) == (Y[:, 0] > 0.5)).mean(axis=1)
        elif self.output == "softmax":
            m = z.max(axis=-1, keepdims=True)
            logp = z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
            per = -(logp * Y)
            acc = (z.argmax(axis=-1) == Y.argmax(axis=-1)).mean(axis=1)
        else:
            per = 0.5 * (z - Y) ** 2
            acc = np.full(self.n_runs, np.nan)
        loss = per.sum(axis=(1, 2)) / n
        c = self.config
        W = self.theta * self._weight_mask
        loss = loss + c.l2 * 0.5 * (W * W).sum(axis=1) + c.l1 * np.abs(W).sum(axis=1)
        return loss, acc

    def _record(self) -> None:
        n = len(self._Fa_train)
        with np.errstate(all="ignore"):
            z = self._forward(self._Fa_eval)[1][-1]
            tr = self._loss_acc(z[:, :n], self._Y_eval[:n])
            te = self._loss_acc(z[:, n:], self._Y_eval[n:]) if len(self._Fa_eval) > n else \
                (np.full(self.n_runs, np.nan),) * 2
        self._history.append(self.step_count, self.epoch, *tr[0], *te[0], *tr[1], *te[1])

    def history(self) -> dict[str, np.ndarray]:
        """"step", "epoch" (T,) and "train_loss", "test_loss", "train_acc", "test_acc" (R, T).

        Bounded: past HISTORY_ROWS rows the older ones are thinned evenly, as in Trainer.
        """
        data = self._history.array()
        R = self.n_runs
        out = {"step": data[0].astype(np.int64), "epoch": data[1].astype(np.int64)}
        for i, key in enumerate(_CURVES):
            out[key] = data[2 + i * R:2 + (i + 1) * R]
        return out

    def boundaries(self, runs=None) -> np.ndarray:
        """The runs' outputs over the grid, (len(runs), resolution², n_outputs); all runs by
        default. The network outputs are computed for the chosen runs only."""
        idx = np.arange(self.n_runs) if runs is None else np.asarray(runs, dtype=np.intp)
        if idx.ndim != 1 or (idx.size and (idx.min() < 0 or idx.max() >= self.n_runs)):
            raise ValueError(f"runs must be indices in [0, {self.n_runs - 1}]")
        out = np.empty((len(idx), len(self._Fa_grid), self.sizes[-1]))
        with np.errstate(all="ignore"):
            for k, r in enumerate(idx):
                a = self._Fa_grid
                for l, Wb in enumerate(self.Wb):
                    z = a @ Wb[r]
                    if l < len(self.Wb) - 1:
                        a = augment(self.acts[r // len(self.seeds)].train_f(z, z))
                out[k] = _out(self.output, z)
        return out

    def stats(self) -> list[RunStats]:
        """Per run: losses, accuracies, dead/saturated units and the same-sign share."""
        n = len(self._Fa_train)
        with np.errstate(all="ignore"):
            _, Z, D, H = self._gradient(self._Fa_train, self._Y_train, 1.0 / n)
            tr_loss, tr_acc = self._loss_acc(Z[-1], self._Y_train)
            ze = self._forward(self._Fa_eval)[1][-1]
            te_loss, te_acc = self._loss_acc(ze[:, n:], self._Y_eval[n:])
            out = []
            for r, (name, seed) in enumerate(self.runs):
                hidden_acts = [activations.get(name)] * (len(self.sizes) - 2)
                z = [Zl[r] for Zl in Z]
                a = [Hl[r] for Hl in H[1:]] + [Z[-1][r]]
                d = diagnostics.analyze(hidden_acts, self._Fa_train[:, :-1], z, a,
                                        [Dl[r] for Dl in D])
                shares = [s for s in d.same_sign[1:] if not math.isnan(s)]
                out.append(RunStats(
                    name, seed, float(tr_loss[r]), float(te_loss[r]), float(tr_acc[r]),
                    float(te_acc[r]), d.dead_count, d.saturated_count,
                    float(np.mean(shares)) if shares else math.nan, self.diverged_at[r]))
        return out


def _out(kind: str, z: np.ndarray) -> np.ndarray:
    if kind == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))
    if kind == "softmax":
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    return z


def epochs_to_target(epochs: np.ndarray, loss: np.ndarray, target: float) -> float:
    """First recorded epoch whose loss is <= target; NaN if never reached."""
    hit = np.flatnonzero(np.asarray(loss) <= target)
    return float(epochs[hit[0]]) if hit.size else math.nan


def summarize(values: np.ndarray, groups: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation over seeds, ignoring NaN (e.g. a diverged run's missing
    value): values (R, ...) activation-major -> (groups, ...); NaN where a group has none."""
    v = np.asarray(values, dtype=np.float64).reshape(groups, -1, *np.shape(values)[1:])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "mean of empty slice": NaN is right
        return np.nanmean(v, axis=1), np.nanstd(v, axis=1)
