"""TrainConfig: every training setting, its default, its allowed range, and JSON round-trips.

Invalid values raise ValueError naming the field and what it allows, so the UI can show the
message and keep the current configuration.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from actgui.engine import activations, datasets, optim
from actgui.engine.network import INITS, OUTPUTS

MAX_HIDDEN_LAYERS = 8
MAX_UNITS = 16
OUTPUT_FOR_KIND = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}

# field: (low, high) for numbers
_RANGES = {
    "n_points": (20, 5000),
    "noise": (0.0, 0.5),
    "train_fraction": (0.1, 0.9),
    "init_scale": (0.0, 10.0),
    "bias_init": (-10.0, 10.0),
    "learning_rate": (1e-5, 10.0),
    "l1": (0.0, 10.0),
    "l2": (0.0, 10.0),
    "seed": (0, 2**31 - 1),
    "data_seed": (0, 2**31 - 1),
    "resolution": (8, 256),
}
_INTS = {"n_points", "seed", "data_seed", "resolution", "batch_size"}


@dataclass(frozen=True)
class TrainConfig:
    dataset: str = "circle"
    n_points: int = 500
    noise: float = 0.0
    train_fraction: float = 0.5
    data_seed: int = 0
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (4, 2)
    activation: str = "tanh"
    # one entry per hidden layer, each a registry name or None for `activation`; () for none
    layer_activations: tuple[str | None, ...] = ()
    output: str | None = None  # None: follows the data set (sigmoid, softmax or linear)
    init: str = "xavier"
    init_scale: float = 1.0
    bias_init: float = 0.0
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    batch_size: int = 10
    l1: float = 0.0
    l2: float = 0.0
    seed: int = 0
    resolution: int = 64

    def __post_init__(self):
        # Normalise list-like fields (JSON gives lists) and check everything.
        object.__setattr__(self, "features", _tuple("features", self.features))
        object.__setattr__(self, "hidden", _tuple("hidden", self.hidden))
        object.__setattr__(self, "layer_activations",
                           _tuple("layer_activations", self.layer_activations))
        _validate(self)

    # -- derived ---------------------------------------------------------------------------

    @property
    def n_train(self) -> int:
        return train_count(self.n_points, self.train_fraction)

    @property
    def output_kind(self) -> str:
        return self.output or OUTPUT_FOR_KIND[datasets.kind(self.dataset)]

    @property
    def n_outputs(self) -> int:
        return 1 if self.output_kind != "softmax" else datasets.n_classes(self.dataset)

    @property
    def sizes(self) -> list[int]:
        return [len(self.features), *self.hidden, self.n_outputs]

    @property
    def hidden_activations(self) -> list[str]:
        if not self.layer_activations:
            return [self.activation] * len(self.hidden)
        return [a or self.activation for a in self.layer_activations]

    def replace(self, **changes) -> TrainConfig:
        """A copy with some fields changed (validated; this one is untouched)."""
        if "hidden" in changes and "layer_activations" not in changes and self.layer_activations:
            # keep the overrides of the layers that remain; new layers follow `activation`
            n = len(tuple(changes["hidden"]))
            kept = tuple(self.layer_activations[:n])
            changes["layer_activations"] = kept + (None,) * (n - len(kept))
        return dataclasses.replace(self, **changes)

    # -- JSON ------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        for key in ("features", "hidden", "layer_activations"):
            d[key] = list(d[key])
        return d

    @classmethod
    def from_dict(cls, d) -> TrainConfig:
        if not isinstance(d, dict):
            raise ValueError(f"config must be a JSON object, got {type(d).__name__}")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"config: unknown field(s) {', '.join(sorted(unknown))}")
        return cls(**d)


def train_count(n_points: int, train_fraction: float) -> int:
    return min(n_points - 1, max(1, round(n_points * train_fraction)))


def _tuple(name, value) -> tuple:
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{name} must be a list, got {value!r}")
    return tuple(value)


def _number(name, value, is_int):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if is_int and not (isinstance(value, int) or (math.isfinite(value) and value.is_integer())):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return int(value) if is_int else float(value)


def _choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")


def _validate(c: TrainConfig) -> None:
    set_ = object.__setattr__
    for name, (low, high) in _RANGES.items():
        v = _number(name, getattr(c, name), name in _INTS)
        if not (low <= v <= high):
            raise ValueError(f"{name} must be in [{low:g}, {high:g}], got {v:g}")
        set_(c, name, v)
    _choice("dataset", c.dataset, datasets.names())
    if not c.features:
        raise ValueError("features: select at least one input feature")
    for f in c.features:
        _choice("features", f, datasets.FEATURES)
    if len(set(c.features)) != len(c.features):
        raise ValueError("features: each feature may appear once")
    if len(c.hidden) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"hidden: at most {MAX_HIDDEN_LAYERS} hidden layers, got {len(c.hidden)}")
    units = []
    for u in c.hidden:
        u = _number("hidden", u, True)
        if not (1 <= u <= MAX_UNITS):
            raise ValueError(f"hidden: each layer needs 1 to {MAX_UNITS} units, got {u}")
        units.append(u)
    set_(c, "hidden", tuple(units))
    _choice("activation", c.activation, activations.names())
    if c.layer_activations:
        if len(c.layer_activations) != len(c.hidden):
            raise ValueError(f"layer_activations: expected {len(c.hidden)} entries (one per "
                             f"hidden layer), got {len(c.layer_activations)}")
        for a in c.layer_activations:
            if a is not None:
                _choice("layer_activations", a, activations.names())
    if c.output is not None:
        _choice("output", c.output, OUTPUTS)
        kind = datasets.kind(c.dataset)
        if OUTPUT_FOR_KIND[kind] != c.output:
            raise ValueError(f"output {c.output!r} does not fit the {kind} data set "
                             f"{c.dataset!r}; use {OUTPUT_FOR_KIND[kind]!r}")
    _choice("init", c.init, INITS)
    _choice("optimizer", c.optimizer, optim.NAMES)
    batch = _number("batch_size", c.batch_size, True)
    n_train = train_count(c.n_points, c.train_fraction)
    if not (1 <= batch <= n_train):
        raise ValueError(f"batch_size must be in [1, {n_train}] (the training points), "
                         f"got {batch}")
    set_(c, "batch_size", batch)
