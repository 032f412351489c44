"""Softmax with temperature, its Jacobian, and cross-entropy with its gradient.

Everything subtracts the row maximum first, so logits of ±1e6 give finite results.
"""

from __future__ import annotations

import numpy as np


def _temperature(temperature) -> float:
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float, np.number)):
        raise ValueError(f"temperature must be a number, got {temperature!r}")
    t = float(temperature)
    if not (np.isfinite(t) and t > 0):
        raise ValueError(f"temperature must be a finite number > 0, got {t:g}")
    return t


def _logits(z, name: str = "z") -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(f"{name} must have at least one logit along its last axis, "
                         f"got shape {z.shape}")
    if not np.isfinite(z).all():
        raise ValueError(f"{name} must be finite (no NaN or inf)")
    return z


def log_softmax(z, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """log softmax(z / T) along `axis`."""
    z = _logits(z) / _temperature(temperature)
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax(z, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """softmax(z / T) along `axis`: a_j = e^(z_j/T) / sum_k e^(z_k/T)."""
    z = _logits(z) / _temperature(temperature)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def jacobian(p, temperature: float = 1.0) -> np.ndarray:
    """d a / d z for a = softmax(z / T), given the probabilities a = p (1-D).

    J[i, j] = d a_i / d z_j = (a_i (1 - a_i) if i == j else -a_i a_j) / T.
    """
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    if not np.isfinite(p).all() or (p < 0).any() or abs(p.sum() - 1.0) > 1e-6:
        raise ValueError("p must be non-negative and sum to 1")
    return (np.diag(p) - np.outer(p, p)) / _temperature(temperature)


def _labels(labels, n: int, k: int) -> np.ndarray:
    y = np.asarray(labels)
    if y.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {y.shape}")
    if y.size and not np.issubdtype(y.dtype, np.integer):
        if not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
            raise ValueError("labels must be integer class indices")
    y = y.astype(np.intp)
    if y.size and (y.min() < 0 or y.max() >= k):
        raise ValueError(f"labels must be class indices in [0, {k - 1}]")
    return y


def _rows(z, labels):
    z = _logits(z)
    if z.ndim == 1:
        z = z[None, :]
        labels = np.atleast_1d(labels)
    if z.ndim != 2:
        raise ValueError(f"z must have shape (n, k) or (k,), got {z.shape}")
    return z, _labels(labels, z.shape[0], z.shape[1])


def cross_entropy(z, labels, temperature: float = 1.0) -> float:
    """Mean over samples of -log softmax(z / T)[label]."""
    z, y = _rows(z, labels)
    logp = log_softmax(z, axis=1, temperature=temperature)
    return float(-logp[np.arange(len(y)), y].mean())


def cross_entropy_grad(z, labels, temperature: float = 1.0) -> np.ndarray:
    """d cross_entropy / d z = (softmax(z / T) - onehot(label)) / (n T), same shape as z."""
    z_in = np.asarray(z)
    z, y = _rows(z, labels)
    t = _temperature(temperature)
    g = softmax(z, axis=1, temperature=t)
    g[np.arange(len(y)), y] -= 1.0
    g /= len(y) * t
    return g.reshape(z_in.shape)
