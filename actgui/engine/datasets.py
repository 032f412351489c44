"""Toy 2-D data sets, input features, the prediction grid, and a guarded CSV loader.

Every generated point lies in DOMAIN x DOMAIN, the input plane of TensorFlow Playground. Labels
come from the clean shape, so classes are balanced to within one point whatever the noise, and
the order of the points is random (labels are shuffled before the points are drawn).

What `noise` (0 to 0.5, the Playground's 0 to 50 %) does:
- gauss, blobs4: the clouds widen (gauss: variance 0.5 -> 4, as in the Playground).
- every other set: each point moves by Gaussian jitter of std `noise * scale` (scale per set,
  chosen so that 0.5 makes the classes overlap clearly). A jitter that would leave the domain
  is redrawn, so the points stay inside without piling up on the border.
Regression targets are the clean function at the undisplaced point, hence always in [-1, 1].
"""

from __future__ import annotations

import functools
import math
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

DOMAIN = (-6.0, 6.0)
N_RANGE = (10, 100_000)
NOISE_RANGE = (0.0, 0.5)
TRAIN_FRACTION_RANGE = (0.1, 0.9)
RESOLUTION_RANGE = (2, 512)

MAX_CSV_BYTES = 20 * 1024 * 1024  # 20 MB
MAX_CSV_ROWS = 100_000
MAX_CSV_ABS = 1e6  # larger coordinates are almost surely a unit or parsing mistake
_MAX_LINE_CHARS = 1000  # three numbers never need more; bounds the cost of float()
_COLUMNS = ("x1", "x2", "label")

_TAU = 2.0 * math.pi
_LO, _HI = DOMAIN


# -- argument checks ----------------------------------------------------------------------------

def _int_arg(value, arg: str, low: int, high: int | None) -> int:
    allowed = f"[{low}, {high}]" if high is not None else f">= {low}"
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{arg} must be an integer {allowed}, got {value!r}")
    if value < low or (high is not None and value > high):
        raise ValueError(f"{arg} must be in {allowed}, got {value}")
    return int(value)


def _real_arg(value, arg: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{arg} must be a number in [{low:g}, {high:g}], got {value!r}")
    v = float(value)
    if not low <= v <= high:  # also refuses NaN
        raise ValueError(f"{arg} must be in [{low:g}, {high:g}], got {v:g}")
    return v


# -- generators: (rng, n, noise) -> (X, y) ------------------------------------------------------

def _balanced(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """Labels 0..k-1 with counts differing by at most one, in random order."""
    return rng.permutation(np.arange(n, dtype=np.int64) % k)


def _polar(r: np.ndarray, t: np.ndarray) -> np.ndarray:
    return np.stack([r * np.cos(t), r * np.sin(t)], axis=1)


def _outside(P: np.ndarray) -> np.ndarray:
    return ((P < _LO) | (P > _HI)).any(axis=1)


def _displace(rng: np.random.Generator, P: np.ndarray, std: float) -> np.ndarray:
    """P plus N(0, std^2) jitter; jitters that leave the domain are redrawn (P is inside)."""
    if std == 0.0:
        return P
    out = P + rng.normal(0.0, std, P.shape)
    bad = np.flatnonzero(_outside(out))
    for _ in range(100):  # even from a corner 3 in 4 draws fail at most: 100 rounds suffice
        if bad.size == 0:
            return out
        out[bad] = P[bad] + rng.normal(0.0, std, (bad.size, 2))
        bad = bad[_outside(out[bad])]
    return np.clip(out, _LO, _HI, out=out)


def _circle(rng, n, noise):
    # Disc r < 2.5 is class 1, ring 3.5..5 class 0. Uniform in r (as the Playground), so the
    # centre is densely sampled.
    y = _balanced(rng, n, 2)
    u = rng.random(n)
    r = np.where(y == 1, 2.5 * u, 3.5 + 1.5 * u)
    return _displace(rng, _polar(r, _TAU * rng.random(n)), 2.5 * noise), y


def _xor(rng, n, noise):
    # Class 1 where x1*x2 > 0. Magnitudes start at 0.3: a visible gap along both axes.
    y = _balanced(rng, n, 2)
    X = rng.uniform(0.3, 5.3, (n, 2))
    s = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    X[:, 0] *= s
    X[:, 1] *= np.where(y == 1, s, -s)
    return _displace(rng, X, 2.5 * noise), y


def _clouds(rng, n, centres, std):
    y = _balanced(rng, n, len(centres))
    return _displace(rng, np.asarray(centres, dtype=np.float64)[y], std), y


def _gauss(rng, n, noise):
    # Class 1 around (2, 2), class 0 around (-2, -2); variance 0.5 + 7 noise (0.5 -> 4).
    return _clouds(rng, n, [(-2.0, -2.0), (2.0, 2.0)], math.sqrt(0.5 + 7.0 * noise))


def _blobs4(rng, n, noise):
    # One blob per quadrant, labelled counter-clockwise from the first.
    c = 2.5
    return _clouds(rng, n, [(c, c), (-c, c), (-c, -c), (c, -c)], 0.6 + 2.4 * noise)


def _spirals(rng, n, noise, arms, scale):
    # Arm k is r = 5u at angle 1.75 turns * u + k/arms of a turn, u uniform in [0, 1).
    y = _balanced(rng, n, arms)
    u = rng.random(n)
    X = _polar(5.0 * u, _TAU * (1.75 * u + y / arms))
    return _displace(rng, X, scale * noise), y


def _moons(rng, n, noise):
    # Two interleaved half circles (upper one class 0), scaled by 2.5 and centred at 0.
    y = _balanced(rng, n, 2)
    t = math.pi * rng.random(n)
    c, s = np.cos(t), np.sin(t)
    X = np.where((y == 1)[:, None], np.stack([1.0 - c, 0.5 - s], axis=1),
                 np.stack([c, s], axis=1))
    X = 2.5 * (X - (0.5, 0.25))
    return _displace(rng, X, 1.5 * noise), y


def _plane(rng, n, noise):
    # Target (x1 + x2) / 12: -1 and 1 at the corners (-6,-6) and (6,6).
    P = rng.uniform(_LO, _HI, (n, 2))
    y = (P[:, 0] + P[:, 1]) / (2.0 * _HI)
    return _displace(rng, P, 2.0 * noise), y


# (x1, x2, sign): checkerboard of bumps, like the Playground's six Gaussians.
_BUMPS = np.array([(-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0),
                   (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0)])
_BUMP_WIDTH = 1.5


def _multigauss(rng, n, noise):
    P = rng.uniform(_LO, _HI, (n, 2))
    d2 = ((P[:, None, :] - _BUMPS[None, :, :2]) ** 2).sum(axis=2)  # (n, bumps)
    y = np.exp(d2 / (-2.0 * _BUMP_WIDTH**2)) @ _BUMPS[:, 2]
    # Neighbours overlap by < 3 %, so |y| < 1 already; the clip makes it a guarantee.
    return _displace(rng, P, 2.0 * noise), np.clip(y, -1.0, 1.0)


@dataclass(frozen=True)
class _Spec:
    label: str
    kind: str
    n_classes: int
    make: Callable[[np.random.Generator, int, float], tuple[np.ndarray, np.ndarray]]


_SETS = {
    "circle": _Spec("Circle", "binary", 2, _circle),
    "xor": _Spec("Exclusive or", "binary", 2, _xor),
    "gauss": _Spec("Gaussian", "binary", 2, _gauss),
    "spiral": _Spec("Two spirals", "binary", 2,
                    functools.partial(_spirals, arms=2, scale=0.6)),
    "moons": _Spec("Moons", "binary", 2, _moons),
    "spiral3": _Spec("Three spirals", "multiclass", 3,
                     functools.partial(_spirals, arms=3, scale=0.45)),
    "blobs4": _Spec("Four blobs", "multiclass", 4, _blobs4),
    "plane": _Spec("Plane", "regression", 1, _plane),
    "multigauss": _Spec("Multi-Gaussian", "regression", 1, _multigauss),
}


def _spec(name) -> _Spec:
    if not isinstance(name, str) or name not in _SETS:
        raise ValueError(f"name must be one of {', '.join(_SETS)}, got {name!r}")
    return _SETS[name]


def names() -> list[str]:
    """Data set names in the order the UI lists them."""
    return list(_SETS)


def kind(name: str) -> str:
    """"binary", "multiclass" or "regression"."""
    return _spec(name).kind


def n_classes(name: str) -> int:
    """Number of classes (1 for regression)."""
    return _spec(name).n_classes


def label(name: str) -> str:
    """Display name."""
    return _spec(name).label


def generate(name: str, n: int = 500, noise: float = 0.0,
             seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n points X (n, 2) float64 inside DOMAIN and y (n,): int64 classes or float64 targets.

    The same arguments give bit-identical arrays.
    """
    spec = _spec(name)
    n = _int_arg(n, "n", *N_RANGE)
    noise = _real_arg(noise, "noise", *NOISE_RANGE)
    seed = _int_arg(seed, "seed", 0, None)
    return spec.make(np.random.default_rng(seed), n, noise)


def split(X, y, train_fraction: float,
          seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(X_train, y_train, X_test, y_test) from a random permutation of the points.

    The training side gets round(n * train_fraction) points, kept within [1, n - 1] (the same
    count as config.train_count).
    """
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    if y.shape != (len(X),):
        raise ValueError(f"y must have shape ({len(X)},) to match X, got {y.shape}")
    if len(X) < 2:
        raise ValueError(f"X needs at least 2 points to put one on each side, got {len(X)}")
    fraction = _real_arg(train_fraction, "train_fraction", *TRAIN_FRACTION_RANGE)
    seed = _int_arg(seed, "seed", 0, None)
    n = len(X)
    n_train = min(n - 1, max(1, round(n * fraction)))
    order = np.random.default_rng(seed).permutation(n)
    train, test = order[:n_train], order[n_train:]
    return X[train], y[train], X[test], y[test]


# -- input features -----------------------------------------------------------------------------

# The network sees every feature scaled to [-1, 1] over the domain (x / 6, (x / 6)^2, ...),
# so no input dominates by its units alone and a bias of -5 really does silence a ReLU layer.
# sin takes the raw coordinate, as in TensorFlow Playground (about two periods across).
FEATURE_SCALE = 1.0 / DOMAIN[1]
_X1, _X2 = "x<sub>1</sub>", "x<sub>2</sub>"
_S = FEATURE_SCALE
_FEATURES: dict[str, tuple[str, Callable[[np.ndarray, np.ndarray], np.ndarray]]] = {
    "x1": (_X1, lambda a, b: a * _S),
    "x2": (_X2, lambda a, b: b * _S),
    "x1^2": (f"{_X1}<sup>2</sup>", lambda a, b: (a * _S) ** 2),
    "x2^2": (f"{_X2}<sup>2</sup>", lambda a, b: (b * _S) ** 2),
    "x1x2": (f"{_X1}{_X2}", lambda a, b: (a * _S) * (b * _S)),
    "sin_x1": (f"sin({_X1})", lambda a, b: np.sin(a)),
    "sin_x2": (f"sin({_X2})", lambda a, b: np.sin(b)),
}
FEATURES = tuple(_FEATURES)


def feature_label(name: str) -> str:
    """Rich text (the HTML subset Qt labels render), e.g. "x<sub>1</sub><sup>2</sup>"."""
    if not isinstance(name, str) or name not in _FEATURES:
        raise ValueError(f"name must be one of {', '.join(FEATURES)}, got {name!r}")
    return _FEATURES[name][0]


def features(X, names) -> np.ndarray:
    """The selected feature columns of points X (n, 2), in the order given: (n, len(names)).

    Coordinates are scaled by FEATURE_SCALE (1/6) first, except inside sin.
    """
    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise ValueError(f"names must be a list of feature names, got {names!r}")
    names = list(names)
    if not names:
        raise ValueError("names: select at least one feature")
    for f in names:
        if not isinstance(f, str) or f not in _FEATURES:
            raise ValueError(f"names: unknown feature {f!r}; choose from {', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError(f"names: each feature may appear once, got {names}")
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise ValueError(f"X must be an array of numbers: {e}") from None
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    if not np.isfinite(X).all():
        raise ValueError("X must be finite (found NaN or infinity)")
    out = np.empty((len(X), len(names)))
    x1, x2 = X[:, 0], X[:, 1]
    with np.errstate(over="ignore"):  # |x| > 1e154: inf is the honest square
        for j, f in enumerate(names):
            out[:, j] = _FEATURES[f][1](x1, x2)
    return out


# -- prediction grid ----------------------------------------------------------------------------

def grid(resolution: int, domain: tuple[float, float] = DOMAIN) -> np.ndarray:
    """Centres of a resolution x resolution tiling of domain x domain, shape (resolution**2, 2).

    Row-major: point k = row * resolution + col has x1 = c[col], x2 = c[row], where
    c = low + (arange(resolution) + 0.5) * (high - low) / resolution. So x1 varies fastest, x2
    grows with the row, and values.reshape(resolution, resolution)[row, col] is an image whose
    pixels, drawn over exactly the domain rectangle, sit on the points they were computed at.
    """
    r = _int_arg(resolution, "resolution", *RESOLUTION_RANGE)
    try:
        low, high = (float(v) for v in domain)
    except (TypeError, ValueError):
        raise ValueError(f"domain must be a pair (low, high) of numbers, got {domain!r}") from None
    if not (math.isfinite(high - low) and low < high):
        raise ValueError(f"domain must be finite with low < high, got {domain!r}")
    c = low + (np.arange(r) + 0.5) * ((high - low) / r)
    out = np.empty((r * r, 2))
    out[:, 0] = np.tile(c, r)
    out[:, 1] = np.repeat(c, r)
    return out


# -- CSV ----------------------------------------------------------------------------------------

def load_csv(path) -> tuple[np.ndarray, np.ndarray]:
    """Points from a UTF-8 CSV file of rows x1,x2,label; see parse_csv_text for the format.

    Refuses anything but a regular file of at most 20 MB before opening it, and reads at most
    that much even if the file changes meanwhile, so /dev/zero or a FIFO can neither hang nor
    exhaust memory.
    """
    try:
        source = os.fspath(path)
        st = os.stat(path)
    except (OSError, TypeError) as e:
        raise ValueError(f"{path}: cannot read the file ({getattr(e, 'strerror', e)})") from None
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{source}: not a regular file")
    if st.st_size > MAX_CSV_BYTES:
        raise ValueError(f"{source}: the file has {st.st_size:,} bytes; the limit is 20 MB")
    # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening must not wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with open(os.open(source, flags), "rb") as f:
            data = f.read(MAX_CSV_BYTES + 1) or b""  # None: a non-blocking pipe had no data
    except OSError as e:
        raise ValueError(f"{source}: cannot read the file ({e.strerror or e})") from None
    if len(data) > MAX_CSV_BYTES:
        raise ValueError(f"{source}: the file is larger than 20 MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # what "Unicode Text" exports write
        raise ValueError(f"{source}: UTF-16 or UTF-32 text (byte-order mark); save the file "
                         "as UTF-8 CSV")
    newline = b"\n"
    nul = data.find(b"\0")
    if nul >= 0:
        raise ValueError(f"{source}, line {data.count(newline, 0, nul) + 1}: binary content "
                         "(NUL byte); expected a text CSV file")
    try:
        text = data.decode("utf-8")  # a byte-order mark survives as U+FEFF; the parser drops it
    except UnicodeDecodeError as e:
        raise ValueError(f"{source}, line {data.count(newline, 0, e.start) + 1}: not UTF-8 "
                         "text (binary content?)") from None
    return parse_csv_text(text, source)


def parse_csv_text(text: str, source: str = "<text>") -> tuple[np.ndarray, np.ndarray]:
    """Parse rows x1,x2,label into X (n, 2) and y (n,), both float64.

    The first line may be a header (no cell a number); blank lines are skipped; cells may have
    surrounding spaces. Errors are ValueErrors like "<source>, line 7: expected 3 columns ...".
    """
    if not isinstance(text, str):
        raise ValueError(f"{source}: text must be a str, got {type(text).__name__}")
    if len(text) > MAX_CSV_BYTES:
        raise ValueError(f"{source}: the text is larger than 20 MB")
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise ValueError(f"{source}, line {line}: binary content (NUL byte)")
    text = text.removeprefix("\ufeff")  # byte-order mark some spreadsheets write
    if not text.strip():
        raise ValueError(f"{source}: the file is empty")
    rows: list[list[float]] = []
    line_of: list[int] = []
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        where = f"{source}, line {i}"
        if len(line) > _MAX_LINE_CHARS:
            raise ValueError(f"{where}: line too long ({len(line):,} characters)")
        cells = line.split(",")
        if len(cells) != 3:
            hint = "; the separator must be a comma" if len(cells) < 3 and (
                ";" in line or "\t" in line) else ""
            raise ValueError(f"{where}: expected 3 columns (x1,x2,label), got {len(cells)}{hint}")
        try:
            values = [float(c) for c in cells]  # float() ignores surrounding whitespace
        except ValueError:
            numeric = [_is_number(c) for c in cells]
            if i == 1 and not any(numeric):
                continue  # header
            cell = cells[numeric.index(False)].strip()
            shown = cell if len(cell) <= 20 else cell[:20] + "..."
            problem = f"{shown!r} is not a number" if cell else "is empty"
            raise ValueError(f"{where}: {_COLUMNS[numeric.index(False)]} {problem}") from None
        if len(rows) == MAX_CSV_ROWS:
            raise ValueError(f"{where}: more than {MAX_CSV_ROWS:,} data rows")
        rows.append(values)
        line_of.append(i)
    if not rows:
        raise ValueError(f"{source}: no data rows (expected lines x1,x2,label)")
    data = np.array(rows, dtype=np.float64)
    # Check values in bulk; find the first offender only when there is one.
    finite = np.isfinite(data)
    if not finite.all():
        k, j = np.argwhere(~finite)[0]
        raise ValueError(f"{source}, line {line_of[k]}: {_COLUMNS[j]} is {data[k, j]} "
                         "(NaN and infinity are not allowed)")
    big = np.abs(data) > MAX_CSV_ABS
    if big.any():
        k, j = np.argwhere(big)[0]
        raise ValueError(f"{source}, line {line_of[k]}: {_COLUMNS[j]} = {float(data[k, j])!r} "
                         f"is outside [-{MAX_CSV_ABS:.0f}, {MAX_CSV_ABS:.0f}]")
    return data[:, :2].copy(), data[:, 2].copy()


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
