"""Session files, engine side: exact continuation after a load, atomic saves, hostile files."""

from __future__ import annotations

import copy
import json
import math
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from actgui.engine import session
from actgui.engine.config import TrainConfig
from actgui.engine.trainer import Trainer, _blocks


def trained(config: TrainConfig, steps: int, snapshots=()) -> Trainer:
    """A trainer with two learner-added points (one train, one test), trained `steps` steps,
    with snapshots (timeline rows) taken after the steps listed in `snapshots`."""
    t = Trainer(config)
    label = 1 if t.config.output_kind != "linear" else 0.25
    t.add_point(1.5, -2.0, label, train=True)
    t.add_point(-3.0, 0.5, label, train=False)
    done = 0
    for at in sorted(snapshots) + [steps]:
        t.step(at - done)
        done = at
        if at in snapshots:
            t.snapshot()
    return t


def round_trip(t: Trainer, tmp_path) -> Trainer:
    path = tmp_path / "s.actgui.json"
    session.save(path, session.make_document(session.trainer_state(t), {}, "training"))
    return session.restore_trainer(session.load(path)["trainer"])


def assert_same(a: Trainer, b: Trainer) -> None:
    assert a.config == b.config
    assert (a.step_count, a.epoch, a._pos, a.diverged_at) == (b.step_count, b.epoch, b._pos,
                                                              b.diverged_at)
    assert np.array_equal(a.net.theta, b.net.theta)
    sa, sb = a.optimizer.state(), b.optimizer.state()
    assert sa.keys() == sb.keys()
    for key in sa:
        assert np.array_equal(sa[key], sb[key])
    assert a._rng.bit_generator.state == b._rng.bit_generator.state
    assert np.array_equal(a.points, b.points) and np.array_equal(a.labels, b.labels)
    assert np.array_equal(a.is_train, b.is_train)
    assert a.history.state() == b.history.state()
    assert np.array_equal(a.history.array(), b.history.array(), equal_nan=True)
    ta, tb = a.timeline.columns(), b.timeline.columns()
    for key in ta:
        assert np.array_equal(ta[key], tb[key], equal_nan=True), key


# -- exact continuation --------------------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "momentum"])
def test_continue_after_load_equals_never_saved(optimizer, tmp_path):
    c = TrainConfig(dataset="xor", n_points=300, hidden=(6, 3), activation="relu",
                    optimizer=optimizer, learning_rate=0.01, batch_size=7, l2=0.001)
    N, M = 137, 211
    saved = trained(c, N, snapshots=(40, N))
    assert saved._pos != 0, "the save must fall in the middle of an epoch"
    assert saved._perm is not None and saved.step_count == N
    loaded = round_trip(saved, tmp_path)
    assert_same(loaded, saved)
    assert len(loaded.points) == 302  # the learner's two points came along

    straight = trained(c, N + M, snapshots=(40, N, N + M))
    for t in (saved, loaded):
        t.step(M)
        t.snapshot()
        assert_same(t, straight)
    assert straight.history.n > 5 and straight.timeline.columns()["step"].tolist() == [
        40, N, N + M]


def test_continue_with_a_full_batch_and_after_live_changes(tmp_path):
    c = TrainConfig(dataset="gauss", n_points=100, batch_size=50, optimizer="adam")
    t = Trainer(c)
    t.step(3)
    assert t._perm is None  # a full batch is never shuffled
    t.set_config(t.config.replace(learning_rate=0.1))  # a live change keeps the weights
    t.step(4)
    loaded = round_trip(t, tmp_path)
    assert loaded._record_every == t._record_every
    assert_same(loaded, t)
    for x in (t, loaded):
        x.step(9)
    assert_same(loaded, t)


def test_regression_history_with_nan_accuracy_round_trips(tmp_path):
    t = trained(TrainConfig(dataset="plane", batch_size=10), 60)
    assert np.isnan(t.history.array()[4]).all()  # train accuracy is undefined for regression
    doc = json.loads(session.dumps(session.make_document(session.trainer_state(t), {})))
    assert doc["trainer"]["history"]["columns"]["train_acc"][0] is None
    loaded = round_trip(t, tmp_path)
    assert_same(loaded, t)
    t.step(33)
    loaded.step(33)
    assert_same(loaded, t)


def test_diverged_trainer_stays_diverged(tmp_path):
    t = Trainer(TrainConfig(dataset="plane", learning_rate=10.0, init_scale=10.0,
                            activation="linear", hidden=(8,)))
    t.step(500)
    assert t.diverged
    # The replay that found the bad step rolled the epoch's order back with its batches.
    b = t.config.batch_size
    assert all(np.array_equal(x, y) for x, y in zip(
        t._XB, _blocks(t._Fa_train[t._perm], b), strict=True))
    loaded = round_trip(t, tmp_path)
    assert all(np.array_equal(x, y) for x, y in zip(loaded._XB, t._XB, strict=True))
    assert loaded.diverged_at == t.diverged_at
    assert loaded.step(5) == 0
    assert np.array_equal(loaded.net.theta, t.net.theta)


def test_history_after_decimation_round_trips(tmp_path):
    t = Trainer(TrainConfig(n_points=40, batch_size=20))
    t.history.cap = 64  # reach the thinning quickly; the file does not store the cap
    t.step(3000)
    assert t.history._stride > 1
    state = session.trainer_state(t)
    loaded = session.restore_trainer(json.loads(json.dumps(state)))
    assert loaded.history.state() == t.history.state()
    assert np.array_equal(loaded.history.array(), t.history.array())


def test_the_document_has_a_schema_and_plain_json(tmp_path):
    t = trained(TrainConfig(), 5)
    doc = session.make_document(session.trainer_state(t), {"softmax": {}}, "softmax")
    assert set(doc) == {"format", "schema_version", "app_version", "page", "pages", "trainer"}
    assert doc["format"] == "actgui-session" and doc["schema_version"] == session.SCHEMA_VERSION
    text = session.dumps(doc).decode()
    assert "NaN" not in text and "Infinity" not in text
    assert set(json.loads(text)["trainer"]) == set(session._TRAINER_KEYS)


def test_dumps_refuses_non_finite_numbers():
    doc = session.make_document({}, {"x": {"v": math.nan}})
    with pytest.raises(ValueError, match="session: cannot be written"):
        session.dumps(doc)


# -- atomic saving -------------------------------------------------------------------------


def test_save_replaces_atomically_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.actgui.json"
    first = session.make_document(session.trainer_state(trained(TrainConfig(), 1)), {})
    session.save(path, first)
    before = path.read_bytes()

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    second = session.make_document(session.trainer_state(trained(TrainConfig(), 9)), {})
    with pytest.raises(OSError):
        session.save(path, second)
    assert path.read_bytes() == before  # the old file is whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.actgui.json"]
    monkeypatch.undo()
    session.save(path, second)
    assert json.loads(path.read_bytes())["trainer"]["step_count"] == 9
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.actgui.json"]


def test_saved_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        session.save(tmp_path / "u.actgui.json", session.make_document({}, {}))
    finally:
        os.umask(old)
    assert (tmp_path / "u.actgui.json").stat().st_mode & 0o777 == 0o640


def test_save_fsyncs_before_replacing(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b)))
    session.save(tmp_path / "b.actgui.json", session.make_document({}, {}))
    assert calls[:2] == ["fsync", "replace"]


def test_engine_session_imports_no_qt():
    code = ("import sys, actgui.engine.session\n"
            "print(','.join(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


# -- hostile files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_doc() -> dict:
    t = trained(TrainConfig(hidden=(8, 8), optimizer="adam", batch_size=7), 23)
    return session.make_document(session.trainer_state(t), {}, "training")


def edited(doc: dict, change) -> bytes:
    d = copy.deepcopy(doc)
    change(d)
    return json.dumps(d).encode()


def _set(*path_and_value):
    *path, value = path_and_value

    def change(d):
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value
    return change


def marked(doc: dict, path: tuple, text: str) -> bytes:
    """The document with the number at `path` written as `text` (which JSON cannot make)."""
    data = edited(doc, _set(*path, 123456.789)).decode()
    assert data.count("123456.789") == 1
    return data.replace("123456.789", text).encode()


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


# name -> (bytes from the good document, part of the expected message)
CORPUS = {
    "empty": (lambda d: b"", "empty"),
    "truncated": (lambda d: json.dumps(d).encode()[:5000], "not valid JSON"),
    "binary": (lambda d: bytes(range(256)) * 40, "binary content"),
    "not utf-8": (lambda d: b'{"format": "\xff\xfe"}', "not UTF-8"),
    "deeply nested": (lambda d: _nested(200_000), "nested more than"),
    "nested 40 deep": (lambda d: _nested(40), "nested more than"),
    "NaN literal": (lambda d: json.dumps(d).replace('"step_count": 23', '"step_count": NaN')
                    .encode(), "NaN is not allowed"),
    "Infinity literal": (
        lambda d: json.dumps(d).replace("[[", "[[Infinity, ", 1).encode(), "Infinity"),
    "1e999 in the config": (lambda d: json.dumps(d).replace('"noise": 0.0', '"noise": 1e999')
                            .encode(), "noise must be finite"),
    "1e999 in weights": (lambda d: marked(d, ("trainer", "weights", 0, 0, 0), "1e999"),
                         "weights of layer 1 must be finite"),
    "1e999 in history": (lambda d: marked(d, ("trainer", "history", "columns", "step", 0),
                                          "-1e999"), "history column step must be finite"),
    "list in history": (lambda d: edited(d, _set("trainer", "history", "columns", "step", 0,
                                                 [1])), "history column step must hold numbers"),
    "huge integer": (lambda d: json.dumps(d).replace('"step_count": 23',
                                                     '"step_count": ' + "9" * 5000).encode(),
                     "far too many digits"),
    "big integer in weights": (lambda d: marked(d, ("trainer", "weights", 1, 0, 0), "9" * 400),
                               "too large for a float"),
    "a list": (lambda d: b"[1, 2, 3]", "not an actgui session"),
    "other format": (lambda d: edited(d, _set("format", "something-else")),
                     "not an actgui session"),
    "schema as text": (lambda d: edited(d, _set("schema_version", "1")), "whole number"),
    "future schema": (lambda d: edited(d, _set("schema_version", 2)), "newer actgui"),
    "old schema": (lambda d: edited(d, _set("schema_version", 0)), "unknown schema version"),
    "trainer missing": (lambda d: edited(d, lambda x: x.pop("trainer")), "trainer must be"),
    "pages a list": (lambda d: edited(d, _set("pages", [])), "pages must be"),
    "unknown trainer key": (lambda d: edited(d, _set("trainer", "extra", 1)), "unknown key"),
    "layer of 10^9 units": (lambda d: edited(d, _set("trainer", "config", "hidden",
                                                     [10**9, 8])), "1 to 16 units"),
    "config wrong type": (lambda d: edited(d, _set("trainer", "config", "hidden", "8,8")),
                          "hidden must be a list"),
    "weights wrong shape": (
        lambda d: edited(d, _set("trainer", "weights", 1, [[0.0] * 4] * 3)),
        "weights of layer 2 have shape (3, 4), expected (8, 8)"),
    "weights ragged": (lambda d: edited(d, _set("trainer", "weights", 0, [[0.0], [0.0, 1.0]])),
                       "rows of different lengths"),
    "weights as text": (lambda d: edited(d, _set("trainer", "weights", 2, [["1"]] * 8)),
                        "must hold numbers"),
    "too few layers": (lambda d: edited(d, lambda x: x["trainer"]["biases"].pop()),
                       "biases must be a list of 3 layers"),
    "adam moments wrong length": (lambda d: edited(d, _set("trainer", "optimizer", "m",
                                                           [0.0] * 5)), "optimizer m has shape"),
    "optimizer mismatch": (lambda d: edited(d, _set("trainer", "optimizer", "name", "sgd")),
                           "optimizer state is for"),
    "points of 3 columns": (lambda d: edited(d, lambda x: x["trainer"].__setitem__(
        "points", [[0.0, 0.0, 0.0]] * len(x["trainer"]["points"]))), "points have shape"),
    "too many points": (lambda d: edited(d, _set("trainer", "points", [[0, 0]] * 100_001)),
                        "100,001 points"),
    "labels as text": (lambda d: edited(d, lambda x: x["trainer"].__setitem__(
        "labels", ["a"] * len(x["trainer"]["labels"]))), "labels must hold numbers"),
    "label out of range": (lambda d: edited(d, _set("trainer", "labels", 0, 7)),
                           "class labels 0..1"),
    "is_train as numbers": (lambda d: edited(d, lambda x: x["trainer"].__setitem__(
        "is_train", [1] * len(x["trainer"]["is_train"]))), "true/false"),
    "step_count as text": (lambda d: edited(d, _set("trainer", "step_count", "23")),
                           "step_count must be a whole number"),
    "negative epoch": (lambda d: edited(d, _set("trainer", "epoch", -1)), "epoch must be in"),
    "batch order not a permutation": (
        lambda d: edited(d, lambda x: x["trainer"]["batch"]["order"].__setitem__(0, 0) or
                         x["trainer"]["batch"]["order"].__setitem__(1, 0)), "permutation"),
    "batch next out of range": (lambda d: edited(d, _set("trainer", "batch", "next", 10**6)),
                                "batch next must be in"),
    "rng of another kind": (lambda d: edited(d, _set("trainer", "rng", "bit_generator",
                                                     "MT19937")), "PCG64"),
    "rng state as text": (lambda d: edited(d, _set("trainer", "rng", "state", "x")),
                          "rng state must be a JSON object"),
    "history stride 3": (lambda d: edited(d, _set("trainer", "history", "stride", 3)),
                         "power of two"),
    "history stride 0": (lambda d: edited(d, _set("trainer", "history", "stride", 0)),
                         "stride must be in"),
    "history text cell": (lambda d: edited(d, _set("trainer", "history", "columns", "step",
                                                   ["abc"])), "must hold numbers"),
    "history uneven": (lambda d: edited(d, _set("trainer", "history", "columns", "epoch", [])),
                       "different lengths"),
    "history too long": (lambda d: edited(d, lambda x: [
        x["trainer"]["history"]["columns"].__setitem__(k, [0.0] * 9000)
        for k in list(x["trainer"]["history"]["columns"])]), "at most 8192"),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_file_is_refused_with_a_message(name, good_doc, tmp_path):
    build, expected = CORPUS[name]
    path = tmp_path / "bad.actgui.json"
    path.write_bytes(build(good_doc))
    start = time.perf_counter()
    with pytest.raises(ValueError) as info:
        session.load(path)
    message = str(info.value)
    assert message.startswith("session: ")
    assert expected in message, message
    assert "\n" not in message
    assert time.perf_counter() - start < 10


def test_the_good_document_loads(good_doc, tmp_path):
    # The corpus above is the good document with one thing wrong: the rest must be fine.
    path = tmp_path / "good.actgui.json"
    path.write_bytes(json.dumps(good_doc).encode())
    assert session.load(path)["trainer"]["step_count"] == 23


def test_file_over_50_mb_is_refused_unread(tmp_path):
    path = tmp_path / "big.actgui.json"
    with open(path, "wb") as f:
        f.truncate(session.MAX_BYTES + 1)  # sparse: no disk space, no read
    with pytest.raises(ValueError, match="may be at most 50 MB"):
        session.load(path)


def test_symlink_to_dev_zero_does_not_hang(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.actgui.json"
    link.symlink_to("/dev/zero")
    start = time.perf_counter()
    with pytest.raises(ValueError, match="not a regular file"):
        session.load(link)
    assert time.perf_counter() - start < 2


def test_fifo_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.actgui.json"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="not a regular file"):
        session.load(fifo)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(ValueError, match="not a regular file"):
        session.load(tmp_path)
    with pytest.raises(ValueError, match="cannot open .*No such file"):
        session.load(tmp_path / "missing.actgui.json")


def test_unreadable_file(tmp_path, good_doc):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    path = tmp_path / "locked.actgui.json"
    path.write_bytes(json.dumps(good_doc).encode())
    path.chmod(0)
    try:
        with pytest.raises(ValueError, match="cannot read"):
            session.load(path)
    finally:
        path.chmod(0o600)


def test_restore_refuses_bad_state_without_a_file():
    t = trained(TrainConfig(), 4)
    state = session.trainer_state(t)
    state["weights"][0][0][0] = math.inf  # only possible when not read from a file
    with pytest.raises(ValueError, match="weights of layer 1 must be finite"):
        session.restore_trainer(state)
    with pytest.raises(ValueError, match="trainer must be a JSON object"):
        session.restore_trainer([1, 2])
