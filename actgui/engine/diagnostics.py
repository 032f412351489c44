"""What explains slow or stuck learning: dead units, saturated units, same-sign updates.

- Dead unit: f'(z) == 0 on every training sample, so no gradient reaches its weights again
  (ReLU's dying; hard-limited units too). A layer warns at >= 10 % dead (keras-contrib).
- Saturation: the share of training samples with |f'(z)| <= 0.0591 * peak f' (exactly |tanh|
  >= 0.97; sigmoid outside [0.015, 0.985]). A unit counts as saturated from a share of 0.5 on.
  The absolute value matters only where f' goes negative (SiLU, GELU, Mish): a slope of -0.1
  still passes a gradient, so it is not saturation.
- Same-sign share (the source note's case for tanh over sigmoid): the gradient of weight
  w_jk into unit j is a_k * delta_j, so for one example all of unit j's weight gradients share
  a sign exactly when the non-zero inputs a_k do. With sigmoid inputs (all positive) that is
  always so: every weight of a unit moves the same way on every example.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actgui.engine.activations import Activation

DEAD_LAYER_WARNING = 0.10
SATURATED_SHARE = 0.5


@dataclass(frozen=True)
class LayerStats:
    """Per-unit statistics of one hidden layer over the training set."""

    activation: str
    dead: np.ndarray  # bool (units,)
    saturation: np.ndarray  # share of samples in the saturation zone, (units,)
    saturated: np.ndarray  # bool (units,): share >= threshold and not dead
    z_min: np.ndarray
    z_max: np.ndarray
    mean: float  # of the layer's activations
    std: float

    @property
    def dead_share(self) -> float:
        return float(self.dead.mean()) if self.dead.size else 0.0

    @property
    def dead_warning(self) -> bool:
        return self.dead_share >= DEAD_LAYER_WARNING


@dataclass(frozen=True)
class Diagnostics:
    layers: tuple[LayerStats, ...]  # hidden layers
    same_sign: tuple[float, ...]  # per weight layer (its inputs are x, then hidden a); NaN if none

    @property
    def dead_count(self) -> int:
        return int(sum(s.dead.sum() for s in self.layers))

    @property
    def saturated_count(self) -> int:
        return int(sum(s.saturated.sum() for s in self.layers))


def layer_stats(act: Activation, z: np.ndarray, a: np.ndarray,
                saturated_share: float = SATURATED_SHARE) -> LayerStats:
    """Statistics of one hidden layer from its z and a on the training set, (n, units)."""
    z = np.asarray(z, dtype=np.float64)
    a = np.asarray(a, dtype=np.float64)
    if z.ndim != 2 or a.shape != z.shape:
        raise ValueError(f"z and a must have the same (n, units) shape, got {z.shape}, {a.shape}")
    if not 0.0 < saturated_share <= 1.0:
        raise ValueError(f"saturated_share must be in (0, 1], got {saturated_share}")
    d = act.df(z)
    if len(z) == 0:
        empty = np.zeros(z.shape[1])
        return LayerStats(act.name, empty.astype(bool), empty, empty.astype(bool), empty, empty,
                          0.0, 0.0)
    dead = (d == 0).all(axis=0)
    share = (np.abs(d) <= act.saturation_threshold()).mean(axis=0)
    return LayerStats(
        activation=act.name, dead=dead, saturation=share,
        saturated=(share >= saturated_share) & ~dead,
        z_min=z.min(axis=0), z_max=z.max(axis=0),
        mean=float(a.mean()), std=float(a.std()),
    )


def same_sign_share(inputs: np.ndarray, delta: np.ndarray) -> float:
    """Share of (example, unit) pairs whose incoming weight gradients a_k * delta_j all share
    one sign, over pairs with delta_j != 0 and some a_k != 0. NaN when there are none.

    inputs: (n, fan_in) activations feeding the layer; delta: (n, fan_out) dLoss/dz.
    """
    inputs = np.asarray(inputs)
    delta = np.asarray(delta)
    if inputs.ndim != 2 or delta.ndim != 2 or len(inputs) != len(delta):
        raise ValueError(f"inputs and delta must be (n, ·) arrays with the same n, "
                         f"got {inputs.shape} and {delta.shape}")
    pos = (inputs > 0).any(axis=1)
    neg = (inputs < 0).any(axis=1)
    valid = (pos | neg)[:, None] & (delta != 0)
    total = int(valid.sum())
    if total == 0:
        return float("nan")
    same = valid & ~(pos & neg)[:, None]
    return float(same.sum()) / total


def analyze(acts, x, z, a, delta, saturated_share: float = SATURATED_SHARE) -> Diagnostics:
    """Diagnostics of a network from one forward/backward pass over the training set.

    acts: hidden activations; x: inputs (n, features); z, a: per-layer lists (hidden layers
    first, the output layer last); delta: per-layer dLoss/dz.
    """
    hidden = tuple(layer_stats(act, z[l], a[l], saturated_share) for l, act in enumerate(acts))
    ins = [x, *a[:-1]]
    return Diagnostics(hidden, tuple(same_sign_share(i, d) for i, d in zip(ins, delta,
                                                                           strict=True)))
