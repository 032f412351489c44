"""Activation functions: one record per function, with f, f', formulas and facts for the UI.

Every f and f' is elementwise, float64 in and out, and stable for all float64 inputs: no
overflow or invalid-value warning for |z| up to 1e6, the limits at ±inf, and NaN for NaN.

The records also carry fast kernels for the training loop, which writes into preallocated
buffers (`out=`) and skips the input checks of the public `f` / `df`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from actgui.engine._erf import erf

# A sample saturates a unit when f'(z) <= SATURATION_RATIO * peak f'. For tanh this is exactly
# |a| >= 0.97 (1 - 0.97^2 = 0.0591); for sigmoid a outside [0.015, 0.985].
SATURATION_RATIO = 0.0591

Kernel = Callable[..., np.ndarray]  # kernel(z, out=None) -> out


@dataclass(frozen=True)
class ParamSpec:
    """A tunable parameter: default and the range the UI offers (and the engine accepts)."""

    default: float
    low: float
    high: float
    label: str


@dataclass(frozen=True, eq=False)
class Activation:
    name: str
    label: str
    params: Mapping[str, float]
    formula_f: str  # rich text (HTML subset Qt labels render)
    formula_df: str
    output_range: tuple[float, float]
    zero_centered: bool
    peak_slope: float  # sup of f'(z)
    peak_where: str  # where the peak slope is reached, as rich text
    kinks: tuple[float, ...]  # points where f' jumps
    _f: Kernel = field(repr=False)
    _df: Kernel = field(repr=False)
    # f at -inf / +inf and f' at -inf / +inf, used where the formula alone gives inf*0.
    _limits: tuple[float, float, float, float] = field(repr=False)
    # delta * f'(z), optionally from the already computed a = f(z) (cheaper for tanh/sigmoid).
    _backward: Callable[..., np.ndarray] | None = field(default=None, repr=False)
    # f for the training loop, writing into a buffer; None means _f.
    _forward: Kernel | None = field(default=None, repr=False)

    @property
    def train_f(self) -> Kernel:
        """kernel(z, out) -> out, the fastest exact-enough f for the training loop."""
        return self._forward or self._f

    def f(self, z) -> np.ndarray:
        """The activation, elementwise."""
        return self._public(self._f, z, self._limits[0], self._limits[1])

    def df(self, z) -> np.ndarray:
        """The derivative f'(z), elementwise (one-sided from the left at kinks)."""
        return self._public(self._df, z, self._limits[2], self._limits[3])

    def backward(self, z: np.ndarray, a: np.ndarray, delta: np.ndarray, out: np.ndarray):
        """out = delta * f'(z) for the training loop (all arrays float64, same shape)."""
        if self._backward is not None:
            return self._backward(z, a, delta, out)
        return np.multiply(delta, self._df(z), out=out)

    def saturation_threshold(self) -> float:
        return SATURATION_RATIO * self.peak_slope

    @staticmethod
    def _public(kernel: Kernel, z, at_minus_inf: float, at_plus_inf: float) -> np.ndarray:
        z = np.asarray(z, dtype=np.float64)
        finite = np.isfinite(z)
        if finite.all():
            return np.asarray(kernel(z), dtype=np.float64)
        with np.errstate(invalid="ignore", over="ignore"):
            out = np.array(kernel(z), dtype=np.float64)
        out[z == np.inf] = at_plus_inf
        out[z == -np.inf] = at_minus_inf
        out[np.isnan(z)] = np.nan
        return out


# -- kernels ---------------------------------------------------------------------------------
# Each takes z (float64 ndarray) and an optional out buffer, and returns the result.


def _into(r: np.ndarray, out: np.ndarray | None) -> np.ndarray:
    """Return r, or copy it into out (for kernels whose last step is np.where)."""
    if out is None:
        return r
    out[...] = r
    return out


def _sigmoid(z, out=None):
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    r = 1.0 / (1.0 + e)
    return np.multiply(r, np.where(z >= 0, 1.0, e), out=out)


def _sigmoid_train(z, out):
    """sigmoid(z) = (1 + tanh(z/2)) / 2 in place: four calls and no temporaries, for the
    training loop (the public f keeps the exp(-|z|) form; the two agree to ~1 ulp)."""
    np.multiply(z, 0.5, out)
    np.tanh(out, out)
    np.multiply(out, 0.5, out)
    return np.add(out, 0.5, out)


def _dsigmoid(z, out=None):
    e = np.exp(-np.abs(z))
    d = 1.0 + e
    return np.divide(e, d * d, out=out)


def _sigmoid_backward(z, a, delta, out):
    np.multiply(delta, a, out)  # delta * a * (1 - a) = delta * a - (delta * a) * a
    return np.subtract(out, out * a, out)


_tanh = np.tanh  # a ufunc already has the kernel signature (z, out=None)


def _dtanh(z, out=None):
    t = np.tanh(z)
    return np.subtract(1.0, t * t, out=out)


def _tanh_backward(z, a, delta, out):
    np.multiply(delta, a, out)  # delta * (1 - a^2) = delta - (delta * a) * a
    np.multiply(out, a, out)
    return np.subtract(delta, out, out)


def _relu(z, out=None):
    return np.maximum(z, 0.0, out=out)


def _relu_backward(z, a, delta, out):
    np.sign(a, out)  # a = max(z, 0): 1 where z > 0, else 0, and a float mask is cheap
    return np.multiply(delta, out, out)


def _drelu(z, out=None):
    # f'(0) = 0, as the source note defines it.
    return _into(np.where(z > 0, 1.0, 0.0), out)


def _softplus(z, out=None):
    return np.logaddexp(0.0, z, out=out)


def _softsign(z, out=None):
    return np.divide(z, 1.0 + np.abs(z), out=out)


def _dsoftsign(z, out=None):
    d = 1.0 + np.abs(z)
    return np.divide(1.0, d * d, out=out)


def _hard_tanh(z, out=None):
    return np.clip(z, -1.0, 1.0, out=out)


def _dhard_tanh(z, out=None):
    return _into((np.abs(z) < 1.0).astype(np.float64), out)


def _hard_sigmoid(z, out=None):
    # PyTorch's hardsigmoid: relu6(z + 3) / 6.
    return np.clip(z * (1.0 / 6.0) + 0.5, 0.0, 1.0, out=out)


def _dhard_sigmoid(z, out=None):
    return _into(np.where((z > -3.0) & (z < 3.0), 1.0 / 6.0, 0.0), out)


def _linear(z, out=None):
    return _into(np.array(z, dtype=np.float64), out)


def _dlinear(z, out=None):
    if out is None:
        return np.ones_like(z, dtype=np.float64)
    out.fill(1.0)
    return out


def _linear_backward(z, a, delta, out):
    out[...] = delta
    return out


_SQRT_HALF = math.sqrt(0.5)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_K = 0.044715


def _phi_cdf(z):
    return 0.5 * (1.0 + erf(z * _SQRT_HALF))


def _gelu(z, out=None):
    return np.multiply(z, _phi_cdf(z), out=out)


def _dgelu(z, out=None):
    pdf = np.exp(-0.5 * z * z) * _INV_SQRT_2PI
    return np.add(_phi_cdf(z), z * pdf, out=out)


def _gelu_tanh(z, out=None):
    t = np.tanh(_GELU_C * (z + _GELU_K * z * z * z))
    return np.multiply(0.5 * z, 1.0 + t, out=out)


def _dgelu_tanh(z, out=None):
    z2 = z * z
    t = np.tanh(_GELU_C * (z + _GELU_K * z2 * z))
    inner = _GELU_C * (1.0 + 3.0 * _GELU_K * z2)
    return np.add(0.5 * (1.0 + t), (0.5 * z) * (1.0 - t * t) * inner, out=out)


def _mish(z, out=None):
    return np.multiply(z, np.tanh(np.logaddexp(0.0, z)), out=out)


def _dmish(z, out=None):
    t = np.tanh(np.logaddexp(0.0, z))
    return np.add(t, z * (1.0 - t * t) * _sigmoid(z), out=out)


# -- parametric families ---------------------------------------------------------------------


def _leaky_kernels(alpha):
    def f(z, out=None):
        return _into(np.where(z > 0, z, alpha * z), out)

    def df(z, out=None):
        return _into(np.where(z > 0, 1.0, alpha), out)

    return f, df


def _elu_kernels(alpha):
    def f(z, out=None):
        return _into(np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0))), out)

    def df(z, out=None):
        return _into(np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0.0))), out)

    return f, df


def _silu_kernels(beta):
    def f(z, out=None):
        return np.multiply(z, _sigmoid(beta * z), out=out)

    def df(z, out=None):
        s = _sigmoid(beta * z)
        return np.add(s, (beta * z) * s * (1.0 - s), out=out)

    return f, df


# -- the registry ----------------------------------------------------------------------------

_INF = math.inf


def _peak(df: Kernel) -> tuple[float, float]:
    """Numerical max of f' and where it is reached, for peaks with no closed form."""
    z = np.linspace(-12.0, 12.0, 2401)
    i = int(np.argmax(df(z)))
    fine = np.linspace(z[max(i - 1, 0)], z[min(i + 1, z.size - 1)], 2001)
    d = df(fine)
    j = int(np.argmax(d))
    return float(d[j]), float(fine[j])


@dataclass(frozen=True)
class _Entry:
    label: str
    params: Mapping[str, ParamSpec]
    build: Callable[..., Activation]


def _make(name, label, params, f, df, formula_f, formula_df, output_range, zero_centered,
          limits, kinks=(), peak=None, peak_where=None, backward=None,
          forward=None) -> Activation:
    if peak is None:
        peak, at = _peak(df)
        peak_where = f"z ≈ {at:.3g}"
    return Activation(
        name=name, label=label, params=MappingProxyType(dict(params)),
        formula_f=formula_f, formula_df=formula_df, output_range=output_range,
        zero_centered=zero_centered, peak_slope=float(peak), peak_where=peak_where,
        kinks=tuple(kinks), _f=f, _df=df, _limits=limits, _backward=backward,
        _forward=forward,
    )


def _fixed(name, label, **kw):
    return _Entry(label, {}, lambda: _make(name, label, {}, **kw))


_REGISTRY: dict[str, _Entry] = {
    "sigmoid": _fixed(
        "sigmoid", "Sigmoid", f=_sigmoid, df=_dsigmoid,
        formula_f="σ(z) = 1 / (1 + e<sup>−z</sup>)",
        formula_df="σ′(z) = σ(z) · (1 − σ(z))",
        output_range=(0.0, 1.0), zero_centered=False, limits=(0.0, 1.0, 0.0, 0.0),
        peak=0.25, peak_where="z = 0", backward=_sigmoid_backward, forward=_sigmoid_train),
    "tanh": _fixed(
        "tanh", "Tanh", f=_tanh, df=_dtanh,
        formula_f="tanh(z) = (e<sup>z</sup> − e<sup>−z</sup>) / (e<sup>z</sup> + e<sup>−z</sup>)",
        formula_df="tanh′(z) = 1 − tanh<sup>2</sup>(z)",
        output_range=(-1.0, 1.0), zero_centered=True, limits=(-1.0, 1.0, 0.0, 0.0),
        peak=1.0, peak_where="z = 0", backward=_tanh_backward),
    "relu": _fixed(
        "relu", "ReLU", f=_relu, df=_drelu,
        formula_f="ReLU(z) = max(0, z)",
        formula_df="ReLU′(z) = 1 if z &gt; 0, else 0",
        output_range=(0.0, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0),
        kinks=(0.0,), peak=1.0, peak_where="z &gt; 0", backward=_relu_backward),
    "leaky_relu": _Entry("Leaky ReLU", {"alpha": ParamSpec(0.01, 0.0, 0.5, "α")}, None),
    "elu": _Entry("ELU", {"alpha": ParamSpec(1.0, 0.05, 3.0, "α")}, None),
    "softplus": _fixed(
        "softplus", "Softplus", f=_softplus, df=_sigmoid,
        formula_f="softplus(z) = ln(1 + e<sup>z</sup>)",
        formula_df="softplus′(z) = σ(z)",
        output_range=(0.0, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0),
        peak=1.0, peak_where="z → +∞"),
    "silu": _Entry("SiLU (swish)", {"beta": ParamSpec(1.0, 0.1, 10.0, "β")}, None),
    "gelu": _fixed(
        "gelu", "GELU", f=_gelu, df=_dgelu,
        formula_f="GELU(z) = z · Φ(z),  Φ(z) = ½ (1 + erf(z / √2))",
        formula_df="GELU′(z) = Φ(z) + z · φ(z),  φ(z) = e<sup>−z²/2</sup> / √(2π)",
        output_range=(-0.17, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0),
        peak=float(_dgelu(np.array(math.sqrt(2.0)))), peak_where="z = √2"),
    "gelu_tanh": _fixed(
        "gelu_tanh", "GELU (tanh approx.)", f=_gelu_tanh, df=_dgelu_tanh,
        formula_f="½ z (1 + tanh(√(2/π) (z + 0.044715 z<sup>3</sup>)))",
        formula_df="½ (1 + t) + ½ z (1 − t<sup>2</sup>) √(2/π) (1 + 0.134145 z<sup>2</sup>)",
        output_range=(-0.17, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0)),
    "mish": _fixed(
        "mish", "Mish", f=_mish, df=_dmish,
        formula_f="mish(z) = z · tanh(softplus(z))",
        formula_df="tanh(sp) + z · (1 − tanh<sup>2</sup>(sp)) · σ(z),  sp = softplus(z)",
        output_range=(-0.31, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0)),
    "softsign": _fixed(
        "softsign", "Softsign", f=_softsign, df=_dsoftsign,
        formula_f="softsign(z) = z / (1 + |z|)",
        formula_df="softsign′(z) = 1 / (1 + |z|)<sup>2</sup>",
        output_range=(-1.0, 1.0), zero_centered=True, limits=(-1.0, 1.0, 0.0, 0.0),
        peak=1.0, peak_where="z = 0"),
    "hard_tanh": _fixed(
        "hard_tanh", "Hard tanh", f=_hard_tanh, df=_dhard_tanh,
        formula_f="hardtanh(z) = max(−1, min(1, z))",
        formula_df="hardtanh′(z) = 1 if |z| &lt; 1, else 0",
        output_range=(-1.0, 1.0), zero_centered=True, limits=(-1.0, 1.0, 0.0, 0.0),
        kinks=(-1.0, 1.0), peak=1.0, peak_where="|z| &lt; 1"),
    "hard_sigmoid": _fixed(
        "hard_sigmoid", "Hard sigmoid", f=_hard_sigmoid, df=_dhard_sigmoid,
        formula_f="hardsigmoid(z) = min(max(z + 3, 0), 6) / 6",
        formula_df="hardsigmoid′(z) = 1/6 if |z| &lt; 3, else 0",
        output_range=(0.0, 1.0), zero_centered=False, limits=(0.0, 1.0, 0.0, 0.0),
        kinks=(-3.0, 3.0), peak=1.0 / 6.0, peak_where="|z| &lt; 3"),
    "linear": _fixed(
        "linear", "Linear (identity)", f=_linear, df=_dlinear,
        formula_f="f(z) = z", formula_df="f′(z) = 1",
        output_range=(-_INF, _INF), zero_centered=True, limits=(-_INF, _INF, 1.0, 1.0),
        peak=1.0, peak_where="everywhere", backward=_linear_backward),
}


def _build_leaky(alpha):
    f, df = _leaky_kernels(alpha)
    return _make(
        "leaky_relu", "Leaky ReLU", {"alpha": alpha}, f=f, df=df,
        formula_f=f"LeakyReLU(z) = z if z &gt; 0, else α z   (α = {alpha:g})",
        formula_df="LeakyReLU′(z) = 1 if z &gt; 0, else α",
        output_range=(-_INF if alpha > 0 else 0.0, _INF), zero_centered=False,
        limits=(-_INF if alpha > 0 else 0.0, _INF, alpha, 1.0), kinks=(0.0,),
        peak=max(1.0, alpha), peak_where="z &gt; 0")


def _build_elu(alpha):
    f, df = _elu_kernels(alpha)
    return _make(
        "elu", "ELU", {"alpha": alpha}, f=f, df=df,
        formula_f=f"ELU(z) = z if z &gt; 0, else α (e<sup>z</sup> − 1)   (α = {alpha:g})",
        formula_df="ELU′(z) = 1 if z &gt; 0, else α e<sup>z</sup>",
        output_range=(-alpha, _INF), zero_centered=False, limits=(-alpha, _INF, 0.0, 1.0),
        kinks=(0.0,) if alpha != 1.0 else (), peak=max(1.0, alpha),
        peak_where="z &gt; 0" if alpha <= 1.0 else "z → 0<sup>−</sup>")


def _build_silu(beta):
    f, df = _silu_kernels(beta)
    # SiLU'(z) depends on beta * z only, so the peak slope is the same for every beta and sits
    # at z = z1 / beta, where z1 is the peak for beta = 1 (found once, numerically).
    peak, z1 = _silu_peak()
    return _make(
        "silu", "SiLU (swish)", {"beta": beta}, f=f, df=df,
        formula_f=f"SiLU(z) = z · σ(β z)   (β = {beta:g})",
        formula_df="SiLU′(z) = σ(βz) + βz · σ(βz) (1 − σ(βz))",
        output_range=(-0.278 / beta, _INF), zero_centered=False, limits=(0.0, _INF, 0.0, 1.0),
        peak=peak, peak_where=f"z ≈ {z1 / beta:.3g}")


@lru_cache(maxsize=1)
def _silu_peak() -> tuple[float, float]:
    return _peak(_silu_kernels(1.0)[1])


_REGISTRY["leaky_relu"] = _Entry("Leaky ReLU", _REGISTRY["leaky_relu"].params, _build_leaky)
_REGISTRY["elu"] = _Entry("ELU", _REGISTRY["elu"].params, _build_elu)
_REGISTRY["silu"] = _Entry("SiLU (swish)", _REGISTRY["silu"].params, _build_silu)

_CACHE: dict[tuple, Activation] = {}


def names() -> list[str]:
    """Registry names, in the order the UI lists them."""
    return list(_REGISTRY)


def label(name: str) -> str:
    return _entry(name).label


def param_specs(name: str) -> Mapping[str, ParamSpec]:
    """The tunable parameters of an activation (empty for fixed ones)."""
    return MappingProxyType(dict(_entry(name).params))


def _entry(name: str) -> _Entry:
    if not isinstance(name, str) or name not in _REGISTRY:
        raise ValueError(f"activation: unknown name {name!r}; choose one of {', '.join(_REGISTRY)}")
    return _REGISTRY[name]


def get(name: str, **params: float) -> Activation:
    """The activation `name` with the given parameters (defaults for those left out)."""
    entry = _entry(name)
    unknown = set(params) - set(entry.params)
    if unknown:
        allowed = ", ".join(entry.params) or "none"
        raise ValueError(f"activation {name}: unknown parameter(s) {sorted(unknown)}; "
                         f"allowed: {allowed}")
    values = {}
    for key, spec in entry.params.items():
        v = params.get(key, spec.default)
        if isinstance(v, bool) or not isinstance(v, (int, float, np.floating, np.integer)):
            raise ValueError(f"activation {name}: {key} must be a number, got {v!r}")
        v = float(v)
        if not (spec.low <= v <= spec.high):
            raise ValueError(f"activation {name}: {key} must be in [{spec.low:g}, {spec.high:g}], "
                             f"got {v:g}")
        values[key] = v
    k = (name, tuple(sorted(values.items())))
    act = _CACHE.get(k)
    if act is None:
        act = entry.build(**values)
        if len(_CACHE) > 256:  # sliders create many parameter values
            _CACHE.clear()
        _CACHE[k] = act
    return act
