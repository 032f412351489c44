"""Pure NumPy helpers for the curve explorer: zone intervals and the finite-difference check.

Kept free of Qt so the arithmetic can be tested on its own.
"""

from __future__ import annotations

import numpy as np

# Bisection steps used to place a zone edge between two grid points: the grid spacing
# (at most ~0.1) halves this many times, which lands the edge within float64 rounding.
_BISECT_STEPS = 48


def saturated_mask(d: np.ndarray, threshold: float) -> np.ndarray:
    """Where the slope is small but not zero: 0 < |f'| <= threshold."""
    return (np.abs(d) <= threshold) & (d != 0.0)


def dead_mask(d: np.ndarray) -> np.ndarray:
    """Where the slope is exactly zero."""
    return d == 0.0


def intervals(z: np.ndarray, mask: np.ndarray, pred) -> list[tuple[float, float]]:
    """The runs of True in mask on the grid z, as (start, end) intervals.

    Interior edges are refined by bisection with pred (a function of a z array returning the
    same kind of mask), so they sit where the condition really changes, not on a grid point.
    """
    if z.size == 0 or not mask.any():
        return []
    change = np.flatnonzero(mask[1:] != mask[:-1])  # between z[i] and z[i + 1]
    edges = _refine(z[change], z[change + 1], mask[change], pred) if change.size else []
    points = [float(z[0])] if mask[0] else []
    points.extend(float(e) for e in edges)
    if mask[-1]:
        points.append(float(z[-1]))
    return list(zip(points[0::2], points[1::2], strict=True))


def _refine(a: np.ndarray, b: np.ndarray, side_a: np.ndarray, pred) -> np.ndarray:
    a = a.astype(np.float64, copy=True)
    b = b.astype(np.float64, copy=True)
    for _ in range(_BISECT_STEPS):
        mid = 0.5 * (a + b)
        same = pred(mid) == side_a
        a = np.where(same, mid, a)
        b = np.where(same, b, mid)
    return 0.5 * (a + b)


def central_difference(f, z: np.ndarray, h: float) -> np.ndarray:
    """(f(z + h) - f(z - h)) / 2h, elementwise."""
    return (f(z + h) - f(z - h)) / (2.0 * h)


def away_from_kinks(z: np.ndarray, kinks, margin: float) -> np.ndarray:
    """True where z is farther than margin from every kink (where f' jumps)."""
    keep = np.ones(z.shape, dtype=bool)
    for k in kinks:
        keep &= np.abs(z - k) > margin
    return keep
