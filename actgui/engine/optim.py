"""Optimizers that update a flat parameter vector in place, in a handful of NumPy calls.

The learning rate is a plain attribute, so changing it applies from the next step on.
"""

from __future__ import annotations

import math

import numpy as np

NAMES = ("sgd", "momentum", "adam")


def _rate(lr) -> float:
    if isinstance(lr, bool) or not isinstance(lr, (int, float, np.number)):
        raise ValueError(f"learning_rate must be a number, got {lr!r}")
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"learning_rate must be a finite number > 0, got {lr}")
    return float(lr)


class SGD:
    name = "sgd"

    def __init__(self, size: int, lr: float):
        self.lr = _rate(lr)
        self._tmp = np.empty(size)
        self.t = 0

    def step(self, theta: np.ndarray, g: np.ndarray) -> None:
        np.multiply(g, self.lr, out=self._tmp)
        np.subtract(theta, self._tmp, out=theta)
        self.t += 1

    def state(self) -> dict:
        return {"t": self.t}

    def load_state(self, state: dict) -> None:
        self.t = int(state["t"])


class Momentum(SGD):
    """Heavy-ball momentum: v = mu v - lr g; theta += v."""

    name = "momentum"

    def __init__(self, size: int, lr: float, mu: float = 0.9):
        super().__init__(size, lr)
        self.mu = mu
        self.v = np.zeros(size)

    def step(self, theta, g):
        np.multiply(self.v, self.mu, out=self.v)
        np.multiply(g, self.lr, out=self._tmp)
        np.subtract(self.v, self._tmp, out=self.v)
        np.add(theta, self.v, out=theta)
        self.t += 1

    def state(self):
        return {"t": self.t, "v": self.v.copy()}

    def load_state(self, state):
        self.t = int(state["t"])
        self.v[...] = state["v"]


class Adam(SGD):
    """Adam (Kingma & Ba) with bias correction folded into the step size."""

    name = "adam"

    def __init__(self, size: int, lr: float, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(size, lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size)
        self.v = np.zeros(size)

    def step(self, theta, g):
        b1, b2, tmp = self.beta1, self.beta2, self._tmp
        self.t += 1
        np.multiply(self.m, b1, out=self.m)
        np.multiply(g, 1.0 - b1, out=tmp)
        np.add(self.m, tmp, out=self.m)
        np.multiply(self.v, b2, out=self.v)
        np.multiply(g, g, out=tmp)
        np.multiply(tmp, 1.0 - b2, out=tmp)
        np.add(self.v, tmp, out=self.v)
        # theta -= lr * m_hat / (sqrt(v_hat) + eps), rewritten on m and v directly.
        c2 = math.sqrt(1.0 - b2 ** self.t)
        step = self.lr * c2 / (1.0 - b1 ** self.t)
        np.sqrt(self.v, out=tmp)
        np.add(tmp, self.eps * c2, out=tmp)
        np.divide(self.m, tmp, out=tmp)
        np.multiply(tmp, step, out=tmp)
        np.subtract(theta, tmp, out=theta)

    def state(self):
        return {"t": self.t, "m": self.m.copy(), "v": self.v.copy()}

    def load_state(self, state):
        self.t = int(state["t"])
        self.m[...] = state["m"]
        self.v[...] = state["v"]


def make(name: str, size: int, lr: float):
    """The optimizer `name` for `size` parameters."""
    classes = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
    if name not in classes:
        raise ValueError(f"optimizer must be one of {', '.join(NAMES)}, got {name!r}")
    return classes[name](size, lr)
