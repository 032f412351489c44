"""A tiny multi-layer perceptron with hand-written backpropagation.

Layer l computes z[l] = a[l-1] @ W[l] + b[l] and a[l] = f(z[l]); a[-1] is the input x.

Speed: for networks this small NumPy's per-call overhead, not arithmetic, sets the pace, so
the training path keeps calls few:
- all parameters live in one flat vector `theta`; W[l] and b[l] are views into it, so an
  optimizer updates every layer in two or three calls;
- each layer's W and b are stored together as Wb[l] = [W; b], and the activations as
  [a; 1], so one matmul gives z (forward) and one gives dW and db together (backward);
- the training path is feature-major: a batch is (features + 1, n), each layer's z and a are
  (units, n), so a = A[:-1] is contiguous (a strided a would send every elementwise call
  down NumPy's slow iterator path);
- buffers for a given batch size are allocated once and reused (`out=`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from actgui.engine import activations
from actgui.engine.softmax import log_softmax

OUTPUTS = ("sigmoid", "softmax", "linear")
INITS = ("uniform", "xavier", "he")
MAX_PARAMETERS = 10_000_000  # refuses absurd sizes before allocating


@dataclass(frozen=True)
class Cache:
    """Everything the forward pass computed: x, and z[l], a[l] for every layer l."""

    x: np.ndarray
    z: list[np.ndarray]
    a: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.a[-1]


@dataclass(frozen=True)
class Grads:
    """Gradients laid out like the parameters: weights[l] ~ W[l], biases[l] ~ b[l]."""

    theta: np.ndarray
    weights: list[np.ndarray]
    biases: list[np.ndarray]


def _layout(sizes: list[int], theta: np.ndarray) -> list[np.ndarray]:
    """Views Wb[l] of shape (fan_in + 1, fan_out) into a flat vector."""
    views, offset = [], 0
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=False):
        n = (fan_in + 1) * fan_out
        views.append(theta[offset:offset + n].reshape(fan_in + 1, fan_out))
        offset += n
    return views


def parameter_count(sizes) -> int:
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:], strict=False))


class _Work:
    """Preallocated feature-major buffers for one batch size n."""

    def __init__(self, sizes: list[int], n: int):
        L = len(sizes) - 1
        # A[l] is the (augmented) input of layer l: [a[l-1]; 1]; A[0] is set per batch.
        self.A = [None] + [np.ones((sizes[l] + 1, n)) for l in range(1, L)]
        self.a = [None] + [A[:-1] for A in self.A[1:]]  # contiguous views without the ones row
        self.Z = [np.empty((sizes[l + 1], n)) for l in range(L)]
        self.D = [np.empty((sizes[l + 1], n)) for l in range(L)]  # dLoss/dz[l]
        self.DA = [np.empty((sizes[l + 1], n)) for l in range(L - 1)]  # dLoss/da[l]
        self.m = np.empty((1, n))
        self.s = np.empty((1, n))
        self.ones = np.ones((1, sizes[-1]))  # ones @ d sums over outputs in one cheap call


class MLP:
    """Fully connected network; see the module docstring for the parameter layout."""

    def __init__(self, sizes, activation="tanh", output="sigmoid", init="xavier",
                 bias_init=0.0, init_scale=1.0, seed=0):
        sizes = self._check_sizes(sizes)
        n_hidden = len(sizes) - 2
        if isinstance(activation, str):
            names = [activation] * n_hidden
        else:
            names = list(activation)
            if len(names) != n_hidden:
                raise ValueError(f"activation: expected one name per hidden layer ({n_hidden}), "
                                 f"got {len(names)}")
        self.activations = [a if isinstance(a, activations.Activation) else activations.get(a)
                            for a in names]
        self._f = [a.train_f for a in self.activations]  # training-path kernels, looked up once
        self._back = [a._backward or a.backward for a in self.activations]
        if output not in OUTPUTS:
            raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, got {output!r}")
        if output == "sigmoid" and sizes[-1] != 1:
            raise ValueError(f"output 'sigmoid' needs 1 output unit, got {sizes[-1]}")
        if output == "softmax" and sizes[-1] < 2:
            raise ValueError(f"output 'softmax' needs at least 2 output units, got {sizes[-1]}")
        if init not in INITS:
            raise ValueError(f"init must be one of {', '.join(INITS)}, got {init!r}")
        for name, v in (("bias_init", bias_init), ("init_scale", init_scale)):
            if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) \
                    or not math.isfinite(v):
                raise ValueError(f"{name} must be a finite number, got {v!r}")
        if init_scale < 0:
            raise ValueError(f"init_scale must be >= 0, got {init_scale}")
        self.sizes = sizes
        self.output = output
        self.init = init
        self.bias_init = float(bias_init)
        self.init_scale = float(init_scale)
        self.seed = seed
        self.theta = np.zeros(parameter_count(sizes))
        self.Wb = _layout(sizes, self.theta)
        self.weights = [Wb[:-1] for Wb in self.Wb]
        self.biases = [Wb[-1] for Wb in self.Wb]
        self._WbT = [Wb.T for Wb in self.Wb]  # views, stay valid as theta changes in place
        # 1 where theta holds a weight, 0 where it holds a bias (regularisation skips biases).
        self.weight_mask = np.zeros_like(self.theta)
        for W in _layout(sizes, self.weight_mask):
            W[:-1] = 1.0
        self._grad = np.zeros_like(self.theta)
        self._gWb = _layout(sizes, self._grad)
        self._work: dict[int, _Work] = {}
        self.initialize(seed)

    @staticmethod
    def _check_sizes(sizes) -> list[int]:
        try:
            sizes = [int(s) for s in sizes]
        except (TypeError, ValueError):
            raise ValueError(f"sizes must be a list of integers, got {sizes!r}") from None
        if len(sizes) < 2:
            raise ValueError(f"sizes needs an input and an output size, got {sizes}")
        if min(sizes) < 1:
            raise ValueError(f"sizes must all be >= 1, got {sizes}")
        if parameter_count(sizes) > MAX_PARAMETERS:
            raise ValueError(f"sizes {sizes} need more than {MAX_PARAMETERS:,} parameters")
        return sizes

    @property
    def n_layers(self) -> int:
        return len(self.sizes) - 1

    def initialize(self, seed=None) -> None:
        """Draw fresh parameters; the same seed gives bit-identical parameters."""
        rng = np.random.default_rng(self.seed if seed is None else seed)
        for W, b in zip(self.weights, self.biases, strict=True):
            fan_in, fan_out = W.shape
            if self.init == "uniform":  # TensorFlow Playground's
                W[...] = rng.uniform(-0.5, 0.5, W.shape)
            elif self.init == "xavier":  # Glorot uniform
                limit = math.sqrt(6.0 / (fan_in + fan_out))
                W[...] = rng.uniform(-limit, limit, W.shape)
            else:  # He normal
                W[...] = rng.normal(0.0, math.sqrt(2.0 / fan_in), W.shape)
            W *= self.init_scale
            b[...] = self.bias_init

    def set_parameters(self, weights, biases) -> None:
        """Copy parameters in, after checking every shape; nothing changes on error."""
        if len(weights) != self.n_layers or len(biases) != self.n_layers:
            raise ValueError(f"expected {self.n_layers} weight and bias arrays")
        new = [(np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64))
               for w, b in zip(weights, biases, strict=True)]
        for l, ((w, b), W, B) in enumerate(zip(new, self.weights, self.biases, strict=True)):
            if w.shape != W.shape or b.shape != B.shape:
                raise ValueError(f"layer {l}: expected W {W.shape} and b {B.shape}, "
                                 f"got {w.shape} and {b.shape}")
            if not (np.isfinite(w).all() and np.isfinite(b).all()):
                raise ValueError(f"layer {l}: parameters must be finite")
        for (w, b), W, B in zip(new, self.weights, self.biases, strict=True):
            W[...] = w
            B[...] = b

    # -- forward ---------------------------------------------------------------------------

    def _check_x(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X must have shape (n, {self.sizes[0]}), got {X.shape}")
        return X

    def forward(self, X) -> Cache:
        """Run the network on X (n, sizes[0]); returns z and a of every layer."""
        X = self._check_x(X)
        zs, As = [], []
        a = X
        for l in range(self.n_layers):
            z = a @ self.weights[l] + self.biases[l]
            a = self.activations[l].f(z) if l < self.n_layers - 1 else self._out(z)
            zs.append(z)
            As.append(a)
        return Cache(X, zs, As)

    def predict(self, X) -> np.ndarray:
        return self.forward(X).output

    def _out(self, z: np.ndarray) -> np.ndarray:
        if self.output == "sigmoid":
            return activations.get("sigmoid").f(z)
        if self.output == "softmax":
            return np.exp(log_softmax(z, axis=1))
        return z

    # -- loss ------------------------------------------------------------------------------

    def targets(self, y) -> np.ndarray:
        """Labels as the (n, k) matrix Y with dLoss/dz_out = (out - Y) / n."""
        y = np.asarray(y)
        k = self.sizes[-1]
        if self.output == "linear":
            y = y.astype(np.float64)
            Y = y.reshape(-1, 1) if y.ndim == 1 and k == 1 else y
            if Y.ndim != 2 or Y.shape[1] != k:
                raise ValueError(f"y must have shape (n,) or (n, {k}) for a linear output")
            if not np.isfinite(Y).all():
                raise ValueError("y must be finite")
            return Y
        if y.ndim != 1:
            raise ValueError(f"y must have shape (n,) for a {self.output} output, got {y.shape}")
        classes = 2 if self.output == "sigmoid" else k
        if y.size and (not np.isfinite(y).all() or (y != np.round(y)).any()
                       or y.min() < 0 or y.max() >= classes):
            raise ValueError(f"y must hold class labels 0..{classes - 1}")
        y = y.astype(np.intp)
        if self.output == "sigmoid":
            return y.astype(np.float64).reshape(-1, 1)
        Y = np.zeros((y.size, k))
        Y[np.arange(y.size), y] = 1.0
        return Y

    def sample_losses(self, zT: np.ndarray, YT: np.ndarray) -> np.ndarray:
        """Loss of every sample, (n,), from feature-major output z and targets, both (k, n)."""
        if self.output == "sigmoid":  # binary cross-entropy, stably: softplus(z) - y z
            z, y = zT[0], YT[0]
            return np.logaddexp(0.0, z) - y * z
        if self.output == "softmax":
            return -(log_softmax(zT, axis=0) * YT).sum(axis=0)
        d = zT - YT
        return 0.5 * (d * d).sum(axis=0)

    def data_loss(self, z_out: np.ndarray, Y: np.ndarray) -> float:
        """Mean loss of output pre-activations z_out (n, k) against targets Y (n, k)."""
        return float(self.sample_losses(z_out.T, Y.T).mean()) if len(z_out) else 0.0

    def penalty(self, l1: float = 0.0, l2: float = 0.0) -> float:
        """l2 * 0.5 * sum W^2 + l1 * sum |W|, over weights only."""
        total = 0.0
        if l2:
            total += l2 * 0.5 * float(sum((W * W).sum() for W in self.weights))
        if l1:
            total += l1 * float(sum(np.abs(W).sum() for W in self.weights))
        return total

    def loss(self, X, y, l1: float = 0.0, l2: float = 0.0) -> float:
        cache = self.forward(X)
        return self.data_loss(cache.z[-1], self.targets(y)) + self.penalty(l1, l2)

    def loss_and_grads(self, X, y, l1: float = 0.0, l2: float = 0.0) -> tuple[float, Grads]:
        """Mean data loss plus penalty, and its gradient for every W and b."""
        X = self._check_x(X)
        Y = self.targets(y)
        if len(Y) != len(X):
            raise ValueError(f"X has {len(X)} rows but y has {len(Y)}")
        if len(X) == 0:
            raise ValueError("X must have at least one row")
        for name, v in (("l1", l1), ("l2", l2)):
            if not (math.isfinite(v) and v >= 0):
                raise ValueError(f"{name} must be a finite number >= 0, got {v}")
        XaT = np.vstack([X.T, np.ones((1, len(X)))])
        work = self.gradient(XaT, np.ascontiguousarray(Y.T), 1.0 / len(X),
                             l1 * self.weight_mask if l1 else None,
                             l2 * self.weight_mask if l2 else None)
        loss = float(self.sample_losses(work.Z[-1], Y.T).mean()) + self.penalty(l1, l2)
        g = self._grad.copy()
        views = _layout(self.sizes, g)
        return loss, Grads(g, [v[:-1] for v in views], [v[-1] for v in views])

    # -- the training path -----------------------------------------------------------------

    def work(self, n: int) -> _Work:
        w = self._work.get(n)
        if w is None:
            if len(self._work) > 8:
                self._work.clear()
            w = self._work[n] = _Work(self.sizes, n)
        return w

    def forward_work(self, XaT: np.ndarray) -> _Work:
        """Forward pass into the work buffers for XaT: features + a ones row, (d + 1, n).

        Afterwards Z[l] holds z of every layer and a[l] the hidden activations, feature-major
        (units, n) and not copied.
        """
        w = self.work(XaT.shape[1])
        A, Z, a, WbT, dot = w.A, w.Z, w.a, self._WbT, np.dot
        A[0] = XaT
        for l, f in enumerate(self._f):
            dot(WbT[l], A[l], Z[l])
            f(Z[l], a[l + 1])
        dot(WbT[-1], A[-1], Z[-1])
        return w

    def gradient(self, XaT: np.ndarray, YT: np.ndarray, inv_n: float,
                 l1_mask: np.ndarray | None = None, l2_mask: np.ndarray | None = None) -> _Work:
        """Forward and backward on a batch; leaves the gradient in `self._grad`.

        XaT is the batch feature-major with a ones row appended, (d + 1, n); YT the targets
        from `targets`, transposed to (k, n); inv_n is 1 / n. l1_mask / l2_mask are the
        penalty rates times `weight_mask`, or None for a zero rate. Returns the work buffers,
        which also hold D[l] = dLoss/dz[l]. Positional `out` arguments and local names: each
        saves a little of NumPy's per-call overhead, which is most of the cost here.
        """
        w = self.forward_work(XaT)
        A, Z, D, DA, a, dot = w.A, w.Z, w.D, w.DA, w.a, np.dot
        z, d = Z[-1], D[-1]
        # dLoss/dz_out = (out - Y) / n for all three outputs (each is its loss's canonical link).
        if self.output == "sigmoid":  # sigmoid(z) = (1 + tanh(z/2)) / 2, never overflows
            np.multiply(z, 0.5, d)
            np.tanh(d, d)
            np.multiply(d, 0.5, d)
            np.add(d, 0.5, d)
        elif self.output == "softmax":  # ufunc.reduce and a dot: cheaper than max/sum(axis)
            np.maximum.reduce(z, 0, None, w.m, True)
            np.subtract(z, w.m, d)
            np.exp(d, d)
            dot(w.ones, d, w.s)
            np.divide(d, w.s, d)
        else:
            d[...] = z
        np.subtract(d, YT, d)
        np.multiply(d, inv_n, d)
        g, W, back = self._gWb, self.weights, self._back
        for l in range(self.n_layers - 1, 0, -1):
            dot(A[l], D[l].T, g[l])
            dot(W[l], D[l], DA[l - 1])
            back[l - 1](Z[l - 1], a[l], DA[l - 1], D[l - 1])
        dot(A[0], D[0].T, g[0])
        if l2_mask is not None:
            self._grad += l2_mask * self.theta
        if l1_mask is not None:
            self._grad += l1_mask * np.sign(self.theta)
        return w
