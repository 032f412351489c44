"""Session files: a whole experiment as one JSON document, written atomically, read warily.

A session (``*.actgui.json``) holds every page's settings and the full state of the training
page's `Trainer`: its configuration, the points (a learner's added points included), the
parameters, the optimizer's moments, the step and epoch counters, the current epoch's batch
order and position, the state of the batch-order random generator, the history and the
timeline. Restoring all of that makes training after a load continue with exactly the numbers
it would have produced had the session never been saved.

Top-level keys::

    format          "actgui-session"
    schema_version  SCHEMA_VERSION (files from a newer actgui are refused, not guessed at)
    app_version     the actgui that wrote it (informational)
    page            the page shown when it was saved, or null
    pages           {page name: that page's settings}; validated by the UI, not here
    trainer         trainer_state(trainer)

Reading never trusts the file: only a regular file of at most MAX_BYTES is read, and at most
MAX_BYTES + 1 bytes of it (a symlink to /dev/zero can neither hang nor fill memory); JSON is
parsed without NaN, Infinity or overflowing numbers, with bounded nesting and a bounded count
of lists and objects; every array is checked against the shapes the configuration implies
before anything is allocated or changed.
Problems raise ValueError("session: ...") naming what is wrong. Nothing is ever unpickled or
evaluated.

Non-finite numbers (a NaN accuracy for regression, an overflowing loss) occur only in the
history and timeline columns; there they are written as null (NaN) and "inf" / "-inf".
"""

from __future__ import annotations

import json
import math
import os
import stat

import numpy as np

from actgui import __version__
from actgui.engine import datasets, optim
from actgui.engine.config import TrainConfig
from actgui.engine.network import parameter_count
from actgui.engine.trainer import _MIN_STEPS_PER_RECORD, History, Timeline, Trainer

SCHEMA_VERSION = 1
FORMAT = "actgui-session"
SUFFIX = ".actgui.json"
MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32  # a session nests 5 levels deep; far deeper is not a session
MAX_POINTS = datasets.MAX_CSV_ROWS
MAX_COORD = datasets.MAX_CSV_ABS
MAX_COUNT = 2**53  # step and epoch counters: exact in a float64 and in any JSON reader
# Counted before parsing (reading 50 MB of "[]," took 27 s and 2.5 GB, of "0," 6 s): a session
# has a list per point and a few hundred more lists and objects, and about 720,000 values at
# most (points, labels, batch order, a full history and timeline).
MAX_CONTAINERS = MAX_POINTS + 10_000
MAX_VALUES = 2_000_000
MAX_MESSAGE = 500  # characters; a value quoted in a message is cut short beyond that

_TRAINER_KEYS = ("config", "points", "labels", "is_train", "weights", "biases", "optimizer",
                 "step_count", "epoch", "batch", "record_every", "rng", "history", "timeline",
                 "diverged_at")


# -- writing -------------------------------------------------------------------------------


def _special(values) -> list:
    """Floats for JSON: NaN as null, infinities as "inf" / "-inf"."""
    out = []
    for x in values:
        if math.isfinite(x):
            out.append(x)
        elif x != x:
            out.append(None)
        else:
            out.append("inf" if x > 0 else "-inf")
    return out


def _history_state(h: History) -> dict:
    data = h._data[:, :h.n]
    return {"columns": {key: _special(data[i].tolist()) for i, key in enumerate(h.keys)},
            "stride": h._stride, "offered": h._offered}


def trainer_state(trainer: Trainer) -> dict:
    """Everything needed to continue `trainer` exactly, as plain JSON-safe values."""
    t = trainer
    opt = {"name": t.optimizer.name}
    for key, value in t.optimizer.state().items():
        opt[key] = value.tolist() if isinstance(value, np.ndarray) else int(value)
    timeline = _history_state(t.timeline._h)
    timeline["last_step"] = int(t.timeline._last_step)
    return {
        "config": t.config.to_dict(),
        "points": t.points.tolist(),
        "labels": t.labels.tolist(),
        "is_train": t.is_train.tolist(),
        "weights": [W.tolist() for W in t.net.weights],
        "biases": [b.tolist() for b in t.net.biases],
        "optimizer": opt,
        "step_count": int(t.step_count),
        "epoch": int(t.epoch),
        "batch": {"order": None if t._perm is None else t._perm.tolist(), "next": int(t._pos)},
        "record_every": int(t._record_every),
        "rng": _jsonable_rng(t._rng.bit_generator.state),
        "history": _history_state(t.history),
        "timeline": timeline,
        "diverged_at": t.diverged_at,
    }


def _jsonable_rng(state: dict) -> dict:
    return {"bit_generator": state["bit_generator"],
            "state": {k: int(v) for k, v in state["state"].items()},
            "has_uint32": int(state["has_uint32"]), "uinteger": int(state["uinteger"])}


def make_document(trainer: dict, pages: dict, page: str | None = None) -> dict:
    """A session document from a trainer_state() and the pages' settings."""
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "app_version": __version__,
            "page": page, "pages": pages, "trainer": trainer}


def dumps(doc: dict) -> bytes:
    """The document as UTF-8 JSON; refuses NaN/inf and documents too big to be read back."""
    try:
        text = json.dumps(doc, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise ValueError(f"session: cannot be written as JSON ({e})") from None
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise ValueError(f"session: {len(data) / 2**20:.0f} MB is more than a session file "
                         f"may hold ({MAX_BYTES // 2**20} MB)")
    return data


def save(path, doc: dict) -> None:
    """Write atomically: a temporary file beside the target, fsync, then os.replace.

    Either the old file or the complete new one is there afterwards, never a torn mix.
    Raises ValueError for a document that cannot be written and OSError for the disk.
    """
    data = dumps(doc)
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(directory, f".{os.path.basename(path)}.{os.urandom(4).hex()}.tmp")
    # O_EXCL: never write through something already there; 0o666 less the user's umask.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable (POSIX; Windows cannot open a directory)
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


# -- reading -------------------------------------------------------------------------------


def read_bytes(path) -> bytes:
    """At most MAX_BYTES of a regular file; ValueError for anything else."""
    try:
        source = os.fspath(path)
        st = os.stat(source)
    except (OSError, TypeError) as e:
        raise ValueError(f"session: cannot open {path} ({getattr(e, 'strerror', None) or e})"
                         ) from None
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"session: {source} is not a regular file")
    limit = f"{MAX_BYTES // 2**20} MB"
    if st.st_size > MAX_BYTES:
        raise ValueError(f"session: {source} is {st.st_size / 2**20:,.0f} MB; a session file "
                         f"may be at most {limit}")
    # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening must not wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with open(os.open(source, flags), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise ValueError(f"session: {source} is not a regular file")
            data = f.read(MAX_BYTES + 1) or b""
    except OSError as e:
        raise ValueError(f"session: cannot read {source} ({e.strerror or e})") from None
    if len(data) > MAX_BYTES:
        raise ValueError(f"session: {source} is larger than {limit}")
    return data


def _no_constant(name: str):
    raise ValueError(f"session: {name} is not allowed in a session file")


def _whole_number(text: str) -> int:
    """A JSON integer; one too large for any float (1e400 written out) is refused here, as the
    float conversions of the later checks would fail without saying where."""
    value = int(text)  # over 4,300 digits: ValueError, reported as "far too many digits"
    if len(text) > 300:
        try:
            float(value)
        except OverflowError:
            raise ValueError(f"session: a whole number of {len(text.lstrip('-')):,} digits "
                             "in the file is too large for a float") from None
    return value


def _depth(value) -> int:
    """Nesting depth of lists and objects, without recursion."""
    deepest, stack = 0, [(value, 1)] if type(value) in (list, dict) else []
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            break
        items = v.values() if type(v) is dict else v
        stack.extend([(x, d + 1) for x in items if type(x) in (list, dict)])
    return deepest


def parse_json(data: bytes):
    """JSON without NaN / Infinity, nested at most MAX_DEPTH deep, with at most
    MAX_CONTAINERS lists and objects and MAX_VALUES values.

    Numbers too large for a float (1e999) parse as inf; the checks of each part refuse
    them. (A parse_float hook would catch them here but triples the parse time of a big
    file, as every number then goes through Python.)"""
    if not data.strip():
        raise ValueError("session: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("session: UTF-16 or UTF-32 text (byte-order mark); a session file "
                         "must be UTF-8")
    if b"\0" in data:
        raise ValueError("session: binary content (NUL byte); expected a JSON text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("session: not UTF-8 text (a binary file?)") from None
    containers = data.count(b"[") + data.count(b"{")
    if containers > MAX_CONTAINERS:
        if b"[" * (MAX_DEPTH + 1) in data or b"{" * (MAX_DEPTH + 1) in data:  # "[[[[[…"
            raise ValueError(f"session: nested more than {MAX_DEPTH} levels deep")
        raise ValueError(f"session: {containers:,} JSON lists and objects; a session file "
                         f"holds at most {MAX_CONTAINERS:,}")
    values = data.count(b",") + 1
    if values > MAX_VALUES:
        raise ValueError(f"session: about {values:,} JSON values; a session file holds at "
                         f"most {MAX_VALUES:,}")
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_int=_whole_number)
    except json.JSONDecodeError as e:
        raise ValueError(f"session: not valid JSON (line {e.lineno}, column {e.colno}: "
                         f"{e.msg}); the file may be truncated or damaged") from None
    except RecursionError:
        raise ValueError(f"session: nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as e:  # NaN / Infinity, or an integer too long or too large
        msg = str(e)
        if not msg.startswith("session:"):
            msg = "session: a number in the file has far too many digits"
        raise ValueError(msg) from None
    if _depth(value) > MAX_DEPTH:
        raise ValueError(f"session: nested more than {MAX_DEPTH} levels deep")
    return value


def check_header(doc) -> dict:
    """The document's format and schema version, and the types of its top-level parts."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("session: not an actgui session file (no \"format\": "
                         f"\"{FORMAT}\")")
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        _fail(f"schema_version must be a whole number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise ValueError(f"session: written by a newer actgui (schema version {version}); "
                         f"this actgui reads version {SCHEMA_VERSION}, so update it to open "
                         "the file")
    if version != SCHEMA_VERSION:
        raise ValueError(f"session: unknown schema version {version}; expected "
                         f"{SCHEMA_VERSION}")
    if not isinstance(doc.get("pages"), dict):
        raise ValueError("session: pages must be a JSON object")
    if not isinstance(doc.get("trainer"), dict):
        raise ValueError("session: trainer must be a JSON object")
    page = doc.get("page")
    if page is not None and not isinstance(page, str):
        _fail(f"page must be a page name, got {page!r}")
    return doc


def read(path) -> dict:
    """Read and parse a session file and check its header (not yet its contents)."""
    return check_header(parse_json(read_bytes(path)))


def load(path) -> dict:
    """Read a session file and validate all of its engine part (the trainer)."""
    doc = read(path)
    restore_trainer(doc["trainer"])
    return doc


# -- validation helpers --------------------------------------------------------------------


def _fail(message: str):
    """Raise ValueError("session: message"), cut to MAX_MESSAGE characters (a message may quote
    a value of the file, and that value may be a list of a million numbers)."""
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 1] + "…"
    raise ValueError(f"session: {message}")


def _obj(value, what: str, keys=None, optional=()) -> dict:
    if not isinstance(value, dict):
        _fail(f"{what} must be a JSON object, got {_kind(value)}")
    if keys is not None:
        missing = [k for k in keys if k not in value and k not in optional]
        if missing:
            _fail(f"{what}: missing {', '.join(missing)}")
        unknown = sorted(set(value) - set(keys))
        if unknown:
            _fail(f"{what}: unknown key(s) {', '.join(unknown)}")
    return value


def _prefixed(prefix: str, e: Exception) -> str:
    """An engine message under a heading, without saying the heading twice."""
    msg = str(e)
    return msg if msg.startswith(prefix) else f"{prefix}: {msg}"


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _int(value, what: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"{what} must be a whole number, got {_kind(value)}")
    if not lo <= value <= hi:
        _fail(f"{what} must be in [{lo}, {hi}], got {value}")
    return value


_SPECIAL = {None: math.nan, "inf": math.inf, "-inf": -math.inf}


def _is_number(x) -> bool:
    return type(x) in (int, float)  # not bool, not None, not str


def _numbers(values: list, what: str, special: bool = False) -> np.ndarray:
    """A flat list of JSON numbers as float64 (special: also null / "inf" / "-inf")."""
    if not all(_is_number(x) for x in values) and not (special and all(
            _is_number(x) or x is None or x in ("inf", "-inf") for x in values)):
        _fail(f"{what} must hold numbers")
    numbers = values if not special else [x for x in values if _is_number(x)]
    try:
        arr = np.array(numbers, dtype=np.float64)
    except OverflowError:
        _fail(f"{what} holds a number too large for a float")
    if not np.isfinite(arr).all():
        _fail(f"{what} must be finite")
    if special and len(numbers) != len(values):
        arr = np.array([x if _is_number(x) else _SPECIAL[x] for x in values], dtype=np.float64)
    return arr


def _array(value, shape: tuple, what: str) -> np.ndarray:
    """A 1-D or 2-D nested list of finite numbers with exactly this shape."""
    noun = "has" if len(shape) == 1 else "have"
    if not isinstance(value, list):
        _fail(f"{what} must be a list, got {_kind(value)}")
    if len(shape) == 1:
        if len(value) != shape[0]:
            _fail(f"{what} {noun} shape ({len(value)},), expected ({shape[0]},)")
        return _numbers(value, what)
    if not all(isinstance(row, list) for row in value):
        _fail(f"{what} must be a list of lists of numbers")
    widths = {len(row) for row in value}
    if len(widths) > 1:
        _fail(f"{what} {noun} rows of different lengths")
    got = (len(value), widths.pop() if widths else shape[1])
    if got != tuple(shape):
        _fail(f"{what} {noun} shape {got}, expected {tuple(shape)}")
    return _numbers([x for row in value for x in row], what).reshape(shape)


def _columns(value, what: str, keys, cap: int, extra=()):
    d = _obj(value, what, ("columns", "stride", "offered", *extra))
    cols = _obj(d["columns"], f"{what} columns", keys)
    n = None
    for key in keys:
        col = cols[key]
        if not isinstance(col, list):
            _fail(f"{what} column {key} must be a list, got {_kind(col)}")
        if len(col) > cap:
            _fail(f"{what} column {key} has {len(col)} rows; at most {cap} are kept")
        if n is None:
            n = len(col)
        elif len(col) != n:
            _fail(f"{what} columns have different lengths ({n} and {len(col)})")
    data = np.empty((len(keys), max(256, n or 0)))
    for i, key in enumerate(keys):
        data[i, :n] = _numbers(cols[key], f"{what} column {key}", special=True)
    stride = _int(d["stride"], f"{what} stride", 1, 2**40)
    if stride & (stride - 1):
        _fail(f"{what} stride must be a power of two, got {stride}")
    offered = _int(d["offered"], f"{what} offered", n or 0, MAX_COUNT)
    return data, n or 0, stride, offered


def _fill(h: History, parts) -> None:
    h._data, h.n, h._stride, h._offered = parts


# -- restoring -----------------------------------------------------------------------------


def restore_trainer(state) -> Trainer:
    """A new Trainer in exactly the state trainer_state() captured.

    Every part is checked before it is used; ValueError names the first problem.
    """
    s = _obj(state, "trainer", _TRAINER_KEYS)
    fields = _obj(s["config"], "config")
    try:
        config = TrainConfig.from_dict(fields)
    except (ValueError, TypeError) as e:
        _fail(_prefixed("config", e))

    # Points: checked for type and size before any array is made of them.
    points, labels, flags = s["points"], s["labels"], s["is_train"]
    for name, v in (("points", points), ("labels", labels), ("is_train", flags)):
        if not isinstance(v, list):
            _fail(f"{name} must be a list, got {_kind(v)}")
    n = len(points)
    if not 2 <= n <= MAX_POINTS:
        _fail(f"points: {n:,} points; a session holds 2 to {MAX_POINTS:,}")
    X = _array(points, (n, 2), "points")
    if np.abs(X).max() > MAX_COORD:
        _fail(f"points: coordinates must lie within ±{MAX_COORD:g}")
    y = _array(labels, (n,), "labels")
    if all(type(v) is int for v in labels) and np.abs(y).max() <= MAX_COUNT:
        y = y.astype(np.int64)  # (larger ones stay float: no class label is that large)
    if len(flags) != n or not all(type(v) is bool for v in flags):
        _fail(f"is_train must be {n} true/false values, one per point")
    is_train = np.array(flags, dtype=bool)

    # Parameters: one (fan_in, fan_out) weight matrix and one bias row per layer.
    sizes = config.sizes
    L = len(sizes) - 1
    for name in ("weights", "biases"):
        if not isinstance(s[name], list) or len(s[name]) != L:
            _fail(f"{name} must be a list of {L} layers (the config has {L - 1} hidden)")
    weights = [_array(s["weights"][l], (sizes[l], sizes[l + 1]), f"weights of layer {l + 1}")
               for l in range(L)]
    biases = [_array(s["biases"][l], (sizes[l + 1],), f"biases of layer {l + 1}")
              for l in range(L)]

    size = parameter_count(sizes)
    opt_state = _optimizer(s["optimizer"], config, size)
    step_count = _int(s["step_count"], "step_count", 0, MAX_COUNT)
    epoch = _int(s["epoch"], "epoch", 0, step_count)
    record_every = _int(s["record_every"], "record_every", 1, _MIN_STEPS_PER_RECORD)
    diverged_at = s["diverged_at"]
    if diverged_at is not None:
        diverged_at = _int(diverged_at, "diverged_at", 1, MAX_COUNT)
    rng_state = _rng(s["rng"])
    n_hidden = len(config.hidden)
    history = _columns(s["history"], "history", History().keys, History().cap)
    probe = Timeline(n_hidden, L)
    timeline = _columns(s["timeline"], "timeline", probe._h.keys, probe._h.cap,
                        extra=("last_step",))
    last_step = _int(s["timeline"]["last_step"], "timeline last_step", -1, MAX_COUNT)

    # Build: data and network from the config, then the saved points and parameters.
    try:
        t = Trainer(config)
        t.set_points(X, y, is_train)
    except ValueError as e:
        _fail(_prefixed("points", e))
    for W, w in zip(t.net.weights, weights, strict=True):
        W[...] = w
    for B, b in zip(t.net.biases, biases, strict=True):
        B[...] = b

    N = len(t.x_train)
    perm, pos = _batch(s["batch"], N, min(config.batch_size, N))
    t._set_order(perm, pos)
    t.optimizer.load_state(opt_state)
    t._rng.bit_generator.state = rng_state
    t.step_count, t.epoch, t.diverged_at = step_count, epoch, diverged_at
    t._record_every = record_every
    _fill(t.history, history)
    _fill(t.timeline._h, timeline)
    t.timeline._last_step = last_step
    return t


def _optimizer(value, config: TrainConfig, size: int) -> dict:
    template = optim.make(config.optimizer, size, config.learning_rate).state()
    d = _obj(value, "optimizer", ("name", *template))
    if d["name"] != config.optimizer:
        _fail(f"optimizer state is for {d['name']!r} but the config uses "
              f"{config.optimizer!r}")
    out = {"t": _int(d["t"], "optimizer t", 0, MAX_COUNT)}
    for key in template:
        if key != "t":
            out[key] = _array(d[key], (size,), f"optimizer {key}")
    return out


def _batch(value, N: int, b: int) -> tuple[np.ndarray | None, int]:
    d = _obj(value, "batch", ("order", "next"))
    order = d["order"]
    if b == N:  # a full batch is never shuffled
        if order is not None:
            _fail("batch order must be null for a full batch")
        return None, _int(d["next"], "batch next", 0, 0)
    if not isinstance(order, list) or len(order) != N:
        _fail(f"batch order must list the {N} training points")
    if not all(type(i) is int for i in order):
        _fail("batch order must hold whole numbers")
    if not all(0 <= i < N for i in order):  # before NumPy, which overflows past int64
        _fail(f"batch order must be a permutation of 0..{N - 1}")
    perm = np.array(order, dtype=np.int64)
    if not np.array_equal(np.sort(perm), np.arange(N)):
        _fail(f"batch order must be a permutation of 0..{N - 1}")
    return perm, _int(d["next"], "batch next", 0, math.ceil(N / b) - 1)


def _rng(value) -> dict:
    d = _obj(value, "rng", ("bit_generator", "state", "has_uint32", "uinteger"))
    if d["bit_generator"] != "PCG64":
        _fail(f"rng: expected a PCG64 state, got {d['bit_generator']!r}")
    inner = _obj(d["state"], "rng state", ("state", "inc"))
    state = {"bit_generator": "PCG64",
             "state": {k: _int(inner[k], f"rng {k}", 0, 2**128 - 1) for k in ("state", "inc")},
             "has_uint32": _int(d["has_uint32"], "rng has_uint32", 0, 1),
             "uinteger": _int(d["uinteger"], "rng uinteger", 0, 2**32 - 1)}
    try:
        np.random.default_rng().bit_generator.state = state
    except (ValueError, TypeError, OverflowError) as e:
        _fail(f"rng: {e}")
    return state
