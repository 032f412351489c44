"""A vectorised erf for float64 arrays (NumPy has none).

erf(x)/x is smooth and even, so on each interval of width 0.5 over [0, 6) we fit a degree-12
Chebyshev polynomial to the C library's erf (math.erf) at Chebyshev nodes, once, on first use.
Beyond |x| = 6, erf(x) rounds to ±1 in float64 (erfc(6) ~ 2e-17). Measured max abs error
against math.erf: ~1e-15 (tests/engine/test_activations.py checks < 1e-12).
"""

import math
from functools import lru_cache

import numpy as np

_H = 0.5  # interval width
_DEG = 12
_XMAX = 6.0


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """Row j holds the x^(DEG-j) coefficient of every interval's polynomial (Horner order)."""
    from numpy.polynomial import chebyshev

    m = 3 * _DEG
    nodes = np.cos(np.pi * (np.arange(m) + 0.5) / m)
    rows = []
    for i in range(int(round(_XMAX / _H))):
        xs = (i + 0.5) * _H + 0.5 * _H * nodes
        ys = [math.erf(x) / x for x in xs]
        rows.append(chebyshev.cheb2poly(chebyshev.chebfit(nodes, ys, _DEG))[::-1])
    return np.ascontiguousarray(np.array(rows).T)


def erf(x: np.ndarray) -> np.ndarray:
    """erf(x) elementwise; NaN stays NaN, ±inf gives ±1."""
    x = np.asarray(x, dtype=np.float64)
    table = _table()
    ax = np.abs(x)
    inside = ax < _XMAX  # False for NaN and for the tails
    t = np.where(inside, ax, 0.0)
    k = (t * (1.0 / _H)).astype(np.intp)
    u = (t - (k + 0.5) * _H) * (2.0 / _H)
    r = table[0][k]
    for row in table[1:]:
        r *= u
        r += row[k]
    r *= x
    return np.where(inside, r, np.where(np.isnan(x), x, np.sign(x)))
