"""The files a UI storm offers when the app asks for one: broken and good sessions and CSVs,
and places to save to (some of which cannot be written)."""

from __future__ import annotations

import copy
import json
import os

from actgui.engine import session


def _write(path: str, data: bytes) -> str:
    with open(path, "wb") as f:
        f.write(data)
    return path


def bad_sessions(folder: str, good_doc: dict) -> list[str]:
    """Session files that must each be refused with a message, changing nothing."""
    os.makedirs(folder, exist_ok=True)
    out = []

    def add(name: str, data: bytes) -> None:
        out.append(_write(os.path.join(folder, name + session.SUFFIX), data))

    def doc(change) -> bytes:
        d = copy.deepcopy(good_doc)
        change(d)
        return session.dumps(d)

    good = session.dumps(good_doc)
    add("truncated", good[: len(good) // 2])
    add("binary", bytes(range(256)) * 8)
    add("empty", b"")
    add("nested", b"[" * 5000 + b"]" * 5000)
    nan = good.replace(b'"learning_rate":', b'"learning_rate":NaN,"x":', 1)
    assert nan != good
    add("nan", nan)
    add("future", doc(lambda d: d.update(schema_version=99)))
    add("not_a_session", json.dumps({"format": "something else"}).encode())
    add("list", b"[1, 2, 3]")
    add("huge_hidden", doc(lambda d: d["trainer"]["config"].update(hidden=[10**9])))
    add("short_weights", doc(lambda d: d["trainer"]["weights"][0].pop()))
    add("ragged_points", doc(lambda d: d["trainer"]["points"][0].append(1.0)))
    add("bad_page", doc(lambda d: d["pages"]["softmax"].update(temperature="hot")))
    add("neg_step", doc(lambda d: d["trainer"].update(step_count=-5)))
    add("utf16", good.decode().encode("utf-16"))
    os.symlink("/dev/zero", zero := os.path.join(folder, "zero" + session.SUFFIX))
    out.append(zero)
    out.append(os.path.join(folder, "missing" + session.SUFFIX))
    out.append(folder)  # a directory
    return out


def bad_csvs(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    cases = {
        "text": b"x1,x2,label\n1,2,cat\n",
        "columns": b"1,2\n3,4\n",
        "nan": b"1,2,0\nnan,1,1\n",
        "inf": b"1,2,0\n1,inf,1\n",
        "header_only": b"x1,x2,label\n",
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "huge_value": b"1,2,0\n1e300,1,1\n",
    }
    out = [_write(os.path.join(folder, name + ".csv"), data) for name, data in cases.items()]
    os.symlink("/dev/zero", zero := os.path.join(folder, "zero.csv"))
    return [*out, zero, os.path.join(folder, "missing.csv"), folder]


def good_csv(folder: str, rng, n: int = 60) -> str:
    """A small two-class point set in Playground coordinates."""
    rows = [f"{rng.uniform(-5, 5):.3f},{rng.uniform(-5, 5):.3f},{i % 2}" for i in range(n)]
    return _write(os.path.join(folder, f"good{rng.randrange(10**6)}.csv"),
                  ("x1,x2,label\n" + "\n".join(rows) + "\n").encode())
