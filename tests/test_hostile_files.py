"""Hostile files (issue 8): bad session and CSV files are refused with a clear message, quickly,
and leave the window exactly as it was.

The corpus is tests/hostile/ (written by tests/hostile/make_corpus.py, described in its
README.md): small committed files, each the good session or a short CSV with one thing wrong.
Files that cannot or should not be committed are made here in tmp_path: a 10^6-row CSV, a
session of 10^6 points, files over the size limits, deep nesting, a symlink to /dev/zero, a
FIFO, a directory, a missing file, a symlink loop, an unreadable file and one whose read fails.

Each case is checked twice:
- loader: the engine (actgui.engine.session.load, actgui.engine.datasets.load_csv; for what
  only the UI checks, session_state.load or the training controller) raises ValueError itself,
  not a subclass or another type, with a message that names the problem, within a time bound;
- window: File > Open (or the training page's Import button) with the file dialog answering
  the path shows one warning with that message, and the window's state (every page, the
  trainer's parameters, optimizer, step, points, history) is exactly what it was.

Unreadable files: CI runs as root, and chmod 000 does not stop root. As root the case simulates
the refusal instead (os.open raising PermissionError for that path), so the message and the
untouched state are still checked; as any other user the real chmod 000 file is used. A read
that fails after a successful open is covered by a symlink to /proc/self/mem (EIO even for root).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import signal
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QDoubleSpinBox,
    QFileDialog,
    QMessageBox,
    QSpinBox,
)

from actgui.engine import datasets, session
from actgui.engine.config import TrainConfig
from actgui.ui import session_state
from actgui.ui.controller import TrainingController
from actgui.ui.main_window import create_main_window

HOSTILE = Path(__file__).parent / "hostile"
SECONDS = 5.0  # each load must be refused within this (measured: 0.3 s for the worst here)
DEADLINE = 30.0  # a hang fails the test after this instead of blocking the run

# -- the corpus ----------------------------------------------------------------------------

# file -> (part of the message, who refuses it). "engine": actgui.engine.session.load already
# does; "pages": the engine accepts the file and only the UI's check of the pages' settings
# (session_state.load, still before anything is changed) refuses it.
SESSIONS = {
    "empty.actgui.json": ("the file is empty", "engine"),
    "whitespace.actgui.json": ("the file is empty", "engine"),
    "truncated.actgui.json": ("not valid JSON (line 1, column", "engine"),
    "binary.actgui.json": ("binary content (NUL byte)", "engine"),
    "png_image.actgui.json": ("binary content (NUL byte)", "engine"),
    "latin1.actgui.json": ("not UTF-8 text", "engine"),
    "utf16_bom.actgui.json": ("UTF-16 or UTF-32 text", "engine"),
    "nested_40.actgui.json": ("nested more than 32 levels deep", "engine"),
    "nan_literal.actgui.json": ("NaN is not allowed", "engine"),
    "infinity_literal.actgui.json": ("Infinity is not allowed", "engine"),
    "overflow_weight.actgui.json": ("weights of layer 1 must be finite", "engine"),
    "overflow_config.actgui.json": ("learning_rate must be finite", "engine"),
    "huge_integer.actgui.json": ("400 digits in the file is too large for a float", "engine"),
    "huge_integer_in_page.actgui.json": ("400 digits in the file is too large for a float",
                                         "engine"),
    "json_array.actgui.json": ("not an actgui session file", "engine"),
    "json_string.actgui.json": ("not an actgui session file", "engine"),
    "other_format.actgui.json": ("not an actgui session file", "engine"),
    "schema_future.actgui.json": ("written by a newer actgui (schema version 2)", "engine"),
    "schema_zero.actgui.json": ("unknown schema version 0", "engine"),
    "schema_text.actgui.json": ("schema_version must be a whole number", "engine"),
    "page_number.actgui.json": ("page must be a page name, got 5", "engine"),
    "missing_trainer.actgui.json": ("trainer must be a JSON object", "engine"),
    "missing_weights.actgui.json": ("trainer: missing weights", "engine"),
    "unknown_key.actgui.json": ("trainer: unknown key(s) extra", "engine"),
    "step_count_text.actgui.json": ("step_count must be a whole number, got text", "engine"),
    "step_count_bool.actgui.json": ("step_count must be a whole number, got true/false",
                                    "engine"),
    "hidden_text.actgui.json": ("hidden must be a list", "engine"),
    "absurd_units.actgui.json": ("each layer needs 1 to 16 units", "engine"),
    "absurd_n_points.actgui.json": ("n_points must be in [20, 5000]", "engine"),
    "weights_wrong_shape.actgui.json": ("weights of layer 1 have shape (3, 3), expected (2, 3)",
                                        "engine"),
    "weights_ragged.actgui.json": ("weights of layer 1 have rows of different lengths",
                                   "engine"),
    "weights_text.actgui.json": ("weights of layer 2 must hold numbers", "engine"),
    "missing_layer.actgui.json": ("biases must be a list of 2 layers", "engine"),
    "points_three_columns.actgui.json": ("points have shape (20, 3), expected (20, 2)",
                                         "engine"),
    "labels_short.actgui.json": ("labels has shape (19,), expected (20,)", "engine"),
    "label_out_of_range.actgui.json": ("class labels 0..1", "engine"),
    "label_beyond_int64.actgui.json": ("class labels 0..1", "engine"),
    "coordinates_too_large.actgui.json": ("coordinates must lie within", "engine"),
    "is_train_numbers.actgui.json": ("is_train must be 20 true/false values", "engine"),
    "optimizer_mismatch.actgui.json": ("optimizer state is for 'sgd'", "engine"),
    "moments_wrong_length.actgui.json": ("optimizer m has shape (5,), expected (13,)",
                                         "engine"),
    "batch_not_permutation.actgui.json": ("batch order must be a permutation", "engine"),
    "batch_order_huge.actgui.json": ("batch order must be a permutation", "engine"),
    "rng_wrong_kind.actgui.json": ("expected a PCG64 state", "engine"),
    "history_uneven.actgui.json": ("history columns have different lengths", "engine"),
    "history_stride_3.actgui.json": ("stride must be a power of two", "engine"),
    "softmax_count_11.actgui.json": ("softmax page: count must be in [2, 10]", "pages"),
    "unknown_activation.actgui.json": ("unknown activation 'nope'", "pages"),
    "compare_one_activation.actgui.json": ("2 to 4 activations, got 1", "pages"),
    "toggle_text.actgui.json": ("show_dead must be true or false", "pages"),
    "missing_page.actgui.json": ("pages: missing activations", "pages"),
    "giant_value_in_message.actgui.json": ("temperature must be a finite number", "pages"),
}
GOOD_SESSIONS = ("good.actgui.json", "good_utf8_bom.actgui.json")

# file -> (part of the message, who refuses it). "file": datasets.load_csv; "data": a fine CSV
# whose points do not fit the data set (two classes), refused by the training controller.
CSVS = {
    "empty.csv": ("the file is empty", "file"),
    "blank_lines.csv": ("the file is empty", "file"),
    "header_only.csv": ("no data rows", "file"),
    "text_cell.csv": ("line 3: x2 'abc' is not a number", "file"),
    "empty_cell.csv": ("line 2: x2 is empty", "file"),
    "two_columns.csv": ("line 4: expected 3 columns (x1,x2,label), got 2", "file"),
    "four_columns.csv": ("line 1: expected 3 columns (x1,x2,label), got 4", "file"),
    "truncated.csv": ("line 4: expected 3 columns (x1,x2,label), got 2", "file"),
    "semicolons.csv": ("the separator must be a comma", "file"),
    "tabs.csv": ("the separator must be a comma", "file"),
    "decimal_commas.csv": ("line 1: x2 '5;2' is not a number", "file"),
    "quoted.csv": ("line 2: x1 '\"1\"' is not a number", "file"),
    "hex_number.csv": ("x1 '0x10' is not a number", "file"),
    "header_twice.csv": ("line 3: x1 'x1' is not a number", "file"),
    "nan_cell.csv": ("line 2: x1 is nan (NaN and infinity are not allowed)", "file"),
    "inf_cell.csv": ("line 2: label is inf", "file"),
    "overflow_cell.csv": ("line 1: x2 is inf", "file"),
    "out_of_range.csv": ("x1 = 10000000.0 is outside [-1000000, 1000000]", "file"),
    "long_line.csv": ("line 2: line too long", "file"),
    "binary_nul.csv": ("line 2: binary content (NUL byte)", "file"),
    "png_image.csv": ("binary content (NUL byte)", "file"),
    "latin1.csv": ("line 1: not UTF-8 text", "file"),
    "utf16_bom.csv": ("UTF-16 or UTF-32 text", "file"),
    "utf16_no_bom.csv": ("binary content (NUL byte)", "file"),
    "session_as_csv.csv": ("no data rows (expected lines x1,x2,label)", "file"),
    "fractional_label.csv": ("must be the class numbers 0 to 1", "data"),
    "label_out_of_range.csv": ("class numbers 0 to 1", "data"),
    "negative_label.csv": ("class numbers 0 to 1", "data"),
    "one_row.csv": ("at least two points are needed", "data"),
}
GOOD_CSVS = ("good.csv", "good_bom_crlf.csv")
CSV_CONFIG = {"dataset": "xor"}  # two classes: what the "data" cases do not fit

# Made at test time: kind -> (session message or None, CSV message or None).
SPECIAL = {
    "over the size limit": ("may be at most 50 MB", "the limit is 20 MB"),
    "10^6 rows": ("lists and objects; a session file holds at most 110,000",
                  "line 100002: more than 100,000 data rows"),
    "100,001 points": ("100,001 points; a session holds 2 to 100,000", None),
    "3*10^6 numbers": ("JSON values; a session file holds at most 2,000,000", None),
    "50 MB of empty lists": ("lists and objects; a session file holds at most 110,000", None),
    "nested 200,000 deep": ("nested more than 32 levels deep", None),
    "symlink to /dev/zero": ("not a regular file", "not a regular file"),
    "FIFO": ("not a regular file", "not a regular file"),
    "directory": ("not a regular file", "not a regular file"),
    "missing": ("No such file", "No such file"),
    "symlink loop": ("Too many levels of symbolic links", "Too many levels of symbolic links"),
    "unreadable": ("Permission denied", "Permission denied"),
    "read fails (EIO)": ("cannot read", "cannot read"),
}

# Python's own words have no place in a message for a learner.
_NOISE = re.compile(r"Traceback|\b\w+(Error|Exception)\b|Errno|object at 0x|<class |malformed")


def assert_clear(message: str, expected: str) -> None:
    assert expected.casefold() in message.casefold(), message
    assert len(message) <= 800, f"{len(message):,} characters"
    assert not _NOISE.search(message), message


@contextlib.contextmanager
def deadline(seconds: float | None = None):
    """Fail instead of hanging: SIGALRM interrupts even a blocking open() or read()."""
    seconds = seconds or DEADLINE
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def refused(load, path) -> tuple[str, float]:
    """load(path)'s ValueError message and the seconds it took; any other outcome fails."""
    start = time.perf_counter()
    with deadline(), pytest.raises(Exception) as info:
        load(path)
    seconds = time.perf_counter() - start
    assert type(info.value) is ValueError, f"{type(info.value).__name__}: {info.value}"
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    return str(info.value), seconds


# -- files made at test time ---------------------------------------------------------------


def good_doc() -> dict:
    return json.loads((HOSTILE / "good.actgui.json").read_bytes())


def _points(doc: dict, n: int) -> bytes:
    """The good document with n points at (0, 0) (and nothing else changed)."""
    doc["trainer"]["points"] = "POINTS"
    head, tail = json.dumps(doc).encode().split(b'"POINTS"')
    return head + b"[" + b"[0,0]," * (n - 1) + b"[0,0]]" + tail


def make_special(kind: str, fmt: str, tmp_path: Path, monkeypatch) -> Path:
    """A path for the case `kind` of format "session" or "csv"."""
    path = tmp_path / ("case.actgui.json" if fmt == "session" else "case.csv")
    if kind == "over the size limit":
        with open(path, "wb") as f:  # sparse: no disk space, and it must not be read
            f.truncate((session.MAX_BYTES if fmt == "session" else datasets.MAX_CSV_BYTES) + 1)
    elif kind == "10^6 rows":
        if fmt == "session":
            path.write_bytes(_points(good_doc(), 10**6))
        else:
            path.write_bytes(b"x1,x2,label\n" + b"1.5,-2.5,1\n" * 10**6)
    elif kind == "100,001 points":
        path.write_bytes(_points(good_doc(), 100_001))
    elif kind == "3*10^6 numbers":
        doc = good_doc()
        doc["trainer"]["labels"] = "LABELS"
        head, tail = json.dumps(doc).encode().split(b'"LABELS"')
        path.write_bytes(head + b"[" + b"0," * (3 * 10**6) + b"0]" + tail)
    elif kind == "50 MB of empty lists":  # 17 million of them: 2.5 GB once parsed
        n = (session.MAX_BYTES - 10) // 3
        path.write_bytes(b"[" + b"[]," * n + b"[]]")
    elif kind == "nested 200,000 deep":
        path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    elif kind == "symlink to /dev/zero":
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero here")
        path.symlink_to("/dev/zero")
    elif kind == "FIFO":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "missing":
        pass
    elif kind == "symlink loop":
        other = path.with_name("other" + path.name)
        path.symlink_to(other)
        other.symlink_to(path)
    elif kind == "unreadable":
        path.write_bytes((HOSTILE / ("good.actgui.json" if fmt == "session"
                                     else "good.csv")).read_bytes())
        path.chmod(0)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Root reads a chmod 000 file: simulate the refusal the system gives anyone else.
            real_open, target = os.open, os.fspath(path)

            def open_(file, flags, *args, **kwargs):
                if os.fspath(file) == target:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
                return real_open(file, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", open_)
    elif kind == "read fails (EIO)":
        if not os.path.exists("/proc/self/mem"):
            pytest.skip("no /proc/self/mem here")
        path.symlink_to("/proc/self/mem")  # a regular file whose reading at 0 fails
    else:
        raise AssertionError(kind)
    return path


def remove_big(path: Path) -> None:
    """Delete a big file now rather than leave it to pytest's kept temporary directories."""
    if path.is_file() and not path.is_symlink():
        st = path.stat()
        if getattr(st, "st_blocks", st.st_size // 512) * 512 > 2**20:
            path.unlink()


SPECIAL_CASES = [(kind, fmt) for kind, messages in SPECIAL.items()
                 for fmt, expected in zip(("session", "csv"), messages, strict=True)
                 if expected is not None]


# -- the corpus itself ---------------------------------------------------------------------


def test_every_corpus_file_is_a_case_and_in_the_readme():
    files = {p.name for p in HOSTILE.iterdir() if p.suffix in (".json", ".csv")}
    cases = {*SESSIONS, *GOOD_SESSIONS, *CSVS, *GOOD_CSVS}
    assert files == cases
    readme = (HOSTILE / "README.md").read_text()
    listed = set(re.findall(r"^- `([^`]+)`: \S", readme, flags=re.MULTILINE))
    assert listed == files
    total = sum(p.stat().st_size for p in HOSTILE.iterdir())
    assert total < 200 * 1024, f"the corpus takes {total / 1024:.0f} KB"


@pytest.mark.parametrize("name", GOOD_SESSIONS)
def test_good_sessions_load(name):
    # Every bad session is this file with one thing wrong: it must itself be fine (after a
    # change to the schema, run tests/hostile/make_corpus.py).
    doc = session.load(HOSTILE / name)
    assert doc["trainer"]["step_count"] == 13
    plan = session_state.load(HOSTILE / name)
    assert plan.trainer.step_count == 13 and plan.trainer.config.hidden == (3,)


@pytest.mark.parametrize("name", GOOD_CSVS)
def test_good_csvs_load(name, qapp):
    X, y = datasets.load_csv(HOSTILE / name)
    assert X.shape == (len(y), 2) and len(y) >= 2
    assert TrainingController(TrainConfig(**CSV_CONFIG)).load_points(str(HOSTILE / name)) == len(y)


# -- (a) the loaders -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SESSIONS))
def test_session_loader_refuses(name):
    expected, level = SESSIONS[name]
    path = HOSTILE / name
    if level == "engine":
        message, _ = refused(session.load, path)
    else:  # the engine has nothing against it; the pages' check refuses it
        with deadline():
            session.load(path)
    message, _ = refused(session_state.load, path)
    assert message.startswith("session: ")
    assert_clear(message, expected)


@pytest.mark.parametrize("name", list(CSVS))
def test_csv_loader_refuses(name, qapp):
    expected, level = CSVS[name]
    path = HOSTILE / name
    if level == "file":
        message, _ = refused(datasets.load_csv, path)
        assert name in message  # says which file
    else:  # a well-formed CSV whose points do not fit the data set
        with deadline():
            datasets.load_csv(path)
        controller = TrainingController(TrainConfig(**CSV_CONFIG))
        before = controller.trainer.points.copy()
        message, _ = refused(lambda p: controller.load_points(str(p)), path)
        assert np.array_equal(controller.trainer.points, before)
    assert_clear(message, expected)


@pytest.mark.parametrize("kind, fmt", SPECIAL_CASES)
def test_special_file_loader_refuses(kind, fmt, tmp_path, monkeypatch):
    expected = SPECIAL[kind][0 if fmt == "session" else 1]
    path = make_special(kind, fmt, tmp_path, monkeypatch)
    load = session.load if fmt == "session" else datasets.load_csv
    message, seconds = refused(load, path)
    assert_clear(message, expected)
    if fmt == "session":
        assert message.startswith("session: ")
        assert refused(session_state.load, path)[0] == message
    print(f"{kind} ({fmt}): refused in {seconds:.2f} s")
    remove_big(path)


# -- (b) the window ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """One window for every case (each checks its own before and after), moved off its
    defaults: another data set, activation, network and optimizer, an added point, 40 steps,
    and changes on the activations and softmax pages."""
    ini = tmp_path_factory.mktemp("hostile") / "actgui.ini"
    w = create_main_window(QSettings(str(ini), QSettings.Format.IniFormat))
    w.show()
    page = w.page("training")
    assert page.apply_changes({"dataset": "xor", "hidden": (5, 3), "activation": "relu",
                               "optimizer": "adam", "learning_rate": 0.01, "batch_size": 7})
    page.controller.add_point(2.0, -1.0, 1)
    page.controller.trainer.step(40)
    page.controller.step()  # publishes a snapshot
    w.page("softmax").findChild(QSpinBox, "logitCount").setValue(6)
    w.page("softmax").findChild(QDoubleSpinBox, "temperatureSpin").setValue(2.5)
    w.page("activations").findChild(QDoubleSpinBox, "zMax").setValue(9.0)
    w.show_page("softmax")
    qapp.processEvents()
    yield w
    w.close()
    w.deleteLater()
    qapp.processEvents()


def window_state(w) -> dict:
    """Everything a failed open or import might disturb, as plain values and array copies."""
    c = w.page("training").controller
    t = c.trainer
    a = w.page("activations")
    cmp = w.page("compare").controller
    return {
        "page": w.current_page_name(), "title": w.windowTitle(), "path": w.sessions.path,
        "banner": w.sessions.banner.isVisible(),
        "recent": [x.toolTip() for x in w.sessions.recent_menu.actions()],
        "config": t.config, "shown config": w.page("training").controls.config(),
        "running": c.running, "speed": c.speed,
        "step": t.step_count, "epoch": t.epoch, "position": t._pos,
        "theta": t.net.theta.copy(),
        "optimizer": {k: np.copy(v) for k, v in t.optimizer.state().items()},
        "rng": t._rng.bit_generator.state,
        "points": t.points.copy(), "labels": t.labels.copy(), "is_train": t.is_train.copy(),
        "history": t.history.array().copy(),
        "timeline": {k: np.copy(v) for k, v in t.timeline.columns().items()},
        "activations": (a.shown(), a.selected(), a.z_grid()[0], a.z_grid()[-1], a.probe_z(),
                        {n: dict(a.activation(n).params) for n in ("leaky_relu", "elu")}),
        "softmax": {k: np.copy(v) for k, v in w.page("softmax").state.items()},
        "compare": (cmp.config, cmp.activations, cmp.seed_count),
    }


def assert_same_state(before: dict, after: dict) -> None:
    assert before.keys() == after.keys()
    for key, old in before.items():
        new = after[key]
        if isinstance(old, dict) and old and isinstance(next(iter(old.values())), np.ndarray):
            assert old.keys() == new.keys(), key
            for k in old:
                assert np.array_equal(old[k], new[k], equal_nan=True), f"{key} {k}"
        elif isinstance(old, np.ndarray):
            assert np.array_equal(old, new, equal_nan=True), key
        else:
            assert old == new, key


@pytest.fixture
def dialogs(monkeypatch):
    """QMessageBox.warning recorded instead of shown; QFileDialog answers `dialogs.answer`."""

    d = SimpleNamespace(answer="", asked=[], warnings=[])

    def warning(parent, title, text, *args, **kwargs):
        d.warnings.append((title, text))
        return QMessageBox.StandardButton.Ok

    def get_open_file_name(parent, caption="", directory="", filter="", *args, **kwargs):
        d.asked.append(caption)
        return d.answer, ""

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    return d


def open_session(w, dialogs, path) -> tuple[str, str]:
    """File > Open answered with path: the one warning it shows, as (title, text)."""
    dialogs.answer = str(path)
    before = window_state(w)
    c = w.page("training").controller
    trainer, snapshot = c.trainer, c.snapshot
    with deadline():
        w.sessions.open_action.trigger()
    assert dialogs.asked == ["Open Session"]
    assert len(dialogs.warnings) == 1, dialogs.warnings
    title, text = dialogs.warnings[0]
    assert title == "Could not open the session"
    assert str(path) in text and "Nothing was changed" in text
    assert c.trainer is trainer and c.snapshot is snapshot
    assert_same_state(before, window_state(w))
    return title, text


def import_points(w, dialogs, path) -> tuple[str, str]:
    """The training page's Import button answered with path: its one warning."""
    dialogs.answer = str(path)
    page = w.page("training")
    before = window_state(w)
    trainer, snapshot = page.controller.trainer, page.controller.snapshot
    with deadline():
        page.findChild(QAbstractButton, "importButton").click()
    assert dialogs.asked == ["Import points"]
    assert len(dialogs.warnings) == 1, dialogs.warnings
    title, text = dialogs.warnings[0]
    assert title == "Could not import the points"
    assert page.controller.trainer is trainer and page.controller.snapshot is snapshot
    assert_same_state(before, window_state(w))
    return title, text


@pytest.mark.parametrize("name", list(SESSIONS))
def test_window_session_is_refused_and_nothing_changes(name, window, dialogs):
    _, text = open_session(window, dialogs, HOSTILE / name)
    assert_clear(text, SESSIONS[name][0])


@pytest.mark.parametrize("name", list(CSVS))
def test_window_csv_is_refused_and_nothing_changes(name, window, dialogs):
    assert window.page("training").controller.config.dataset == CSV_CONFIG["dataset"]
    _, text = import_points(window, dialogs, HOSTILE / name)
    assert_clear(text, CSVS[name][0])
    if CSVS[name][1] == "file":
        assert name in text


@pytest.mark.parametrize("kind, fmt", SPECIAL_CASES)
def test_window_special_file_is_refused_and_nothing_changes(kind, fmt, window, dialogs,
                                                            tmp_path, monkeypatch):
    path = make_special(kind, fmt, tmp_path, monkeypatch)
    act = open_session if fmt == "session" else import_points
    _, text = act(window, dialogs, path)
    assert_clear(text, SPECIAL[kind][0 if fmt == "session" else 1])
    remove_big(path)


def test_window_takes_the_good_files(qtbot, tmp_path, dialogs):
    # The harness above can see a change: the good files do change a fresh window.
    w = create_main_window(QSettings(str(tmp_path / "actgui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    before = window_state(w)
    dialogs.answer = str(HOSTILE / "good.actgui.json")
    w.sessions.open_action.trigger()
    assert dialogs.warnings == []
    t = w.page("training").controller.trainer
    assert t.step_count == 13 and t.config.hidden == (3,) and before["step"] == 0
    assert w.sessions.path == os.path.abspath(HOSTILE / "good.actgui.json")

    dialogs.answer = str(HOSTILE / "good.csv")
    w.page("training").findChild(QAbstractButton, "importButton").click()
    assert dialogs.warnings == []
    assert len(w.page("training").controller.trainer.points) == 12
