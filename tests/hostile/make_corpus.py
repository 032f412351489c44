"""Write the hostile-file corpus of tests/test_hostile_files.py into this directory.

    QT_QPA_PLATFORM=offscreen python tests/hostile/make_corpus.py

Every session here is one small good session (20 points, one hidden layer of 3 units, Adam,
12 steps; numbers rounded to keep the files small) with exactly one thing wrong, so that the
message a file gets is about that thing. The CSV files are short hand-written ones. Run this
again after a change to the session schema: the test of good.actgui.json says when. Files too
big or too odd to commit (a 10^6-row CSV, a 50 MB file, a FIFO, a symlink to /dev/zero, ...)
are made by the test itself. README.md is written from the same table.
"""

from __future__ import annotations

import codecs
import copy
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def good_session() -> dict:
    """A small, valid session document gathered from a real main window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from actgui.ui import session_state
    from actgui.ui.main_window import create_main_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        ini = QSettings(os.path.join(tmp, "actgui.ini"), QSettings.Format.IniFormat)
        window = create_main_window(ini)
        page = window.page("training")
        assert page.apply_changes({"n_points": 20, "hidden": (3,), "batch_size": 4,
                                   "optimizer": "adam"})
        page.controller.trainer.step(12)
        page.controller.step()  # 13 steps; the snapshot gives the timeline a row
        doc = session_state.gather(window)
        window.close()
        window.deleteLater()
        app.processEvents()
    return _rounded(doc)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def dump(doc) -> bytes:
    return json.dumps(doc, separators=(",", ":")).encode()


def edit(doc: dict, *path_and_value) -> bytes:
    """The document with the value at path replaced (or removed, for the value DELETE)."""
    d = copy.deepcopy(doc)
    *path, value = path_and_value
    target = d
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return dump(d)


def literal(doc: dict, path: tuple, text: str) -> bytes:
    """The document with the number at path written as text (NaN, 1e400: what json.dumps
    cannot or will not write)."""
    data = edit(doc, *path, 123456.789).decode()
    assert data.count("123456.789") == 1
    return data.replace("123456.789", text).encode()


DELETE = object()


def sessions(g: dict) -> dict:
    """file name -> (bytes, one-line description)."""
    t = g["trainer"]
    n = len(t["points"])
    text = dump(g)
    nested = b"[" * 40 + b"]" * 40
    return {
        "good.actgui.json": (json.dumps(g, indent=1).encode(),
                             "the good session every other file is a variant of; it loads"),
        "good_utf8_bom.actgui.json": (codecs.BOM_UTF8 + text,
                                      "the good session with a UTF-8 byte-order mark; it loads"),
        "empty.actgui.json": (b"", "0 bytes"),
        "whitespace.actgui.json": (b" \n\t\r\n", "only white space"),
        "truncated.actgui.json": (text[:len(text) // 2], "the good session cut in half"),
        "binary.actgui.json": (bytes(range(256)) * 4, "binary bytes 0..255 (NUL included)"),
        "png_image.actgui.json": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
                                  "the start of a PNG image"),
        "latin1.actgui.json": ('{"format": "actgui-session", "note": "Größe"}'.encode("latin-1"),
                               "JSON text in Latin-1, not UTF-8"),
        "utf16_bom.actgui.json": (codecs.BOM_UTF16_LE + text.decode().encode("utf-16-le"),
                                  "the good session in UTF-16 with a byte-order mark"),
        "nested_40.actgui.json": (
            b'{"format":"actgui-session","schema_version":1,"pages":{},"trainer":{"x":'
            + nested + b"}}", "a session header over lists nested 40 deep (the limit is 32)"),
        "nan_literal.actgui.json": (literal(g, ("trainer", "step_count"), "NaN"),
                                    "step_count written as the non-JSON literal NaN"),
        "infinity_literal.actgui.json": (literal(g, ("trainer", "weights", 0, 0, 0),
                                                 "Infinity"),
                                         "a weight written as the non-JSON literal Infinity"),
        "overflow_weight.actgui.json": (literal(g, ("trainer", "weights", 0, 0, 0), "1e400"),
                                        "a weight of 1e400 (parses as infinity)"),
        "overflow_config.actgui.json": (literal(g, ("trainer", "config", "learning_rate"),
                                                "-1e400"),
                                        "a learning rate of -1e400 (parses as -infinity)"),
        "huge_integer.actgui.json": (literal(g, ("trainer", "config", "learning_rate"),
                                             "9" * 400),
                                     "a learning rate written as a 400-digit integer"),
        "huge_integer_in_page.actgui.json": (literal(g, ("pages", "softmax", "logits", 0),
                                                     "1" + "0" * 399),
                                             "a softmax logit written as 10^399 in full"),
        "json_array.actgui.json": (b"[1, 2, 3]\n", "valid JSON, but a list"),
        "json_string.actgui.json": (b'"actgui-session"\n', "valid JSON, but a string"),
        "other_format.actgui.json": (edit(g, "format", "something-else"),
                                     'a "format" other than actgui-session'),
        "schema_future.actgui.json": (edit(g, "schema_version", 2),
                                      "schema_version 2, from a newer actgui"),
        "schema_zero.actgui.json": (edit(g, "schema_version", 0), "schema_version 0"),
        "schema_text.actgui.json": (edit(g, "schema_version", "1"),
                                    'schema_version as text ("1")'),
        "page_number.actgui.json": (edit(g, "page", 5), "the page to show given as a number"),
        "missing_trainer.actgui.json": (edit(g, "trainer", DELETE), "no trainer object"),
        "missing_weights.actgui.json": (edit(g, "trainer", "weights", DELETE),
                                        "the trainer without its weights"),
        "unknown_key.actgui.json": (edit(g, "trainer", "extra", 1),
                                    "the trainer with a key no actgui writes"),
        "step_count_text.actgui.json": (edit(g, "trainer", "step_count", "12"),
                                        'step_count as text ("12")'),
        "step_count_bool.actgui.json": (edit(g, "trainer", "step_count", True),
                                        "step_count as true"),
        "hidden_text.actgui.json": (edit(g, "trainer", "config", "hidden", "3"),
                                    'the hidden layer sizes as text ("3")'),
        "absurd_units.actgui.json": (edit(g, "trainer", "config", "hidden", [10**9]),
                                     "a hidden layer of 10^9 units"),
        "absurd_n_points.actgui.json": (edit(g, "trainer", "config", "n_points", 10**9),
                                        "a data set of 10^9 points in the config"),
        "weights_wrong_shape.actgui.json": (edit(g, "trainer", "weights", 0,
                                                 [[0.5] * 3] * 3),
                                            "layer 1 weights 3x3 where the layers need 2x3"),
        "weights_ragged.actgui.json": (edit(g, "trainer", "weights", 0, [[0.5, 0.5, 0.5],
                                                                         [0.5]]),
                                       "layer 1 weights with rows of different lengths"),
        "weights_text.actgui.json": (edit(g, "trainer", "weights", 1, [["1"]] * 3),
                                     "layer 2 weights as text"),
        "missing_layer.actgui.json": (edit(g, "trainer", "biases", t["biases"][:1]),
                                      "biases for one layer where the network has two"),
        "points_three_columns.actgui.json": (edit(g, "trainer", "points", [[0.0] * 3] * n),
                                             "points with three coordinates"),
        "labels_short.actgui.json": (edit(g, "trainer", "labels", t["labels"][:-1]),
                                     "one label fewer than points"),
        "label_out_of_range.actgui.json": (edit(g, "trainer", "labels", 0, 7),
                                           "class 7 in a two-class data set"),
        "label_beyond_int64.actgui.json": (edit(g, "trainer", "labels", 0, 10**20),
                                           "class 10^20, beyond a 64-bit integer"),
        "coordinates_too_large.actgui.json": (edit(g, "trainer", "points", 0, [1e7, 0.0]),
                                              "a point at x1 = 10^7"),
        "is_train_numbers.actgui.json": (edit(g, "trainer", "is_train", [1] * n),
                                         "the train/test flags as 1 instead of true"),
        "optimizer_mismatch.actgui.json": (edit(g, "trainer", "optimizer", "name", "sgd"),
                                           "SGD state in a session whose config uses Adam"),
        "moments_wrong_length.actgui.json": (edit(g, "trainer", "optimizer", "m", [0.0] * 5),
                                             "Adam's first moments of the wrong length"),
        "batch_not_permutation.actgui.json": (
            edit(g, "trainer", "batch", "order", [0] * len(t["batch"]["order"])),
            "a batch order that repeats one point"),
        "batch_order_huge.actgui.json": (edit(g, "trainer", "batch", "order", 0, 10**30),
                                         "a batch order holding 10^30 (beyond int64)"),
        "rng_wrong_kind.actgui.json": (edit(g, "trainer", "rng", "bit_generator", "MT19937"),
                                       "the state of another random generator"),
        "history_uneven.actgui.json": (edit(g, "trainer", "history", "columns", "epoch", []),
                                       "history columns of different lengths"),
        "history_stride_3.actgui.json": (edit(g, "trainer", "history", "stride", 3),
                                         "a history stride that is not a power of two"),
        "softmax_count_11.actgui.json": (edit(g, "pages", "softmax", "count", 11),
                                         "11 softmax classes (at most 10)"),
        "unknown_activation.actgui.json": (edit(g, "pages", "activations", "shown", ["nope"]),
                                           "an activation that does not exist"),
        "compare_one_activation.actgui.json": (edit(g, "pages", "compare", "activations",
                                                    ["relu"]),
                                               "a comparison of one activation (2 to 4)"),
        "toggle_text.actgui.json": (edit(g, "pages", "activations", "show_dead", "yes"),
                                    'a check box saved as "yes"'),
        "missing_page.actgui.json": (edit(g, "pages", "activations", DELETE),
                                     "no settings for the activations page"),
        "giant_value_in_message.actgui.json": (edit(g, "pages", "softmax", "temperature",
                                                    [0] * 3000),
                                               "a temperature that is a list of 3,000 zeros"),
    }


CSVS = {
    "good.csv": (b"x1,x2,label\n" + b"".join(b"%d.5,%d,%d\n" % (i % 5 - 2, i % 3 - 1, i % 2)
                                             for i in range(12)),
                 "12 good points with a header; they load"),
    "good_bom_crlf.csv": (codecs.BOM_UTF8 + b"x1, x2 ,label\r\n\r\n 1 , 2 ,1\r\n3,4,0\r\n",
                          "a byte-order mark, CRLF, a blank line and spaces; it loads"),
    "empty.csv": (b"", "0 bytes"),
    "blank_lines.csv": (b"\n  \r\n\n", "only blank lines"),
    "header_only.csv": (b"x1,x2,label\n", "a header and no data"),
    "text_cell.csv": (b"x1,x2,label\n1,2,0\n3,abc,1\n", "a word where a number belongs"),
    "empty_cell.csv": (b"1,2,0\n1,,0\n", "an empty cell"),
    "two_columns.csv": (b"x1,x2,label\n1,2,0\n3,4,1\n5,6\n", "a row of two columns"),
    "four_columns.csv": (b"1,2,0,9\n", "a row of four columns"),
    "truncated.csv": (b"x1,x2,label\n1,2,0\n3,4,1\n5,", "a file cut off inside its last row"),
    "semicolons.csv": (b"x1;x2;label\n1;2;0\n", "semicolons as separators"),
    "tabs.csv": (b"1\t2\t0\n", "tabs as separators"),
    "decimal_commas.csv": (b"1,5;2,5;0\n", "decimal commas with semicolons (European style)"),
    "quoted.csv": (b'"x1","x2","label"\n"1","2","0"\n', "every cell in double quotes"),
    "hex_number.csv": (b"0x10,2,0\n", "a number in hexadecimal"),
    "header_twice.csv": (b"x1,x2,label\n1,2,0\nx1,x2,label\n3,4,1\n",
                         "a second header in the middle"),
    "nan_cell.csv": (b"1,2,0\nnan,2,0\n", "NaN as a coordinate"),
    "inf_cell.csv": (b"1,2,0\n1,2,inf\n", "inf as a label"),
    "overflow_cell.csv": (b"1,1e400,0\n", "1e400, which overflows to infinity"),
    "out_of_range.csv": (b"1,2,0\n10000000,2,0\n", "a coordinate of 10^7 (the limit is 10^6)"),
    "long_line.csv": (b"1,2,0\n" + b"1" * 2000 + b",2,0\n", "a line of 2,000 characters"),
    "binary_nul.csv": (b"1,2,0\n1,\x002,0\n", "a NUL byte"),
    "png_image.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
                      "the start of a PNG image"),
    "latin1.csv": ("größe,höhe,klasse\n1,2,0\n".encode("latin-1"), "a Latin-1 header"),
    "utf16_bom.csv": (codecs.BOM_UTF16_LE + "x1,x2,label\n1,2,0\n3,4,1\n".encode("utf-16-le"),
                      'UTF-16 with a byte-order mark ("Unicode Text" exports)'),
    "utf16_no_bom.csv": ("1,2,0\n3,4,1\n".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    "session_as_csv.csv": (b'{"format":"actgui-session","schema_version":1,"pages":{}}\n',
                           "a session file given as CSV"),
    "fractional_label.csv": (b"1,2,0\n3,4,0.5\n", "a label of 0.5 for a classification set"),
    "label_out_of_range.csv": (b"1,2,0\n3,4,3\n", "class 3 in a two-class data set"),
    "negative_label.csv": (b"1,2,0\n3,4,-1\n", "class -1"),
    "one_row.csv": (b"x1,x2,label\n1,2,0\n", "one point (training and test need two)"),
}


def main() -> None:
    files = {**sessions(good_session()), **CSVS}
    for old in HERE.iterdir():
        if old.suffix in (".json", ".csv"):
            old.unlink()
    for name, (data, _) in files.items():
        (HERE / name).write_bytes(data)
    lines = ["# Hostile files", "",
             "Bad session and CSV files for `tests/test_hostile_files.py`: each must be refused",
             "with a clear message and leave the window as it was. `make_corpus.py` writes them",
             "(and this file); the test makes the ones too big or too odd to commit (a",
             "10^6-row CSV, files over the size limits, a FIFO, a symlink to /dev/zero, a",
             "directory, a symlink loop, an unreadable file).", ""]
    lines += [f"- `{name}`: {what}" for name, (_, what) in files.items()]
    (HERE / "README.md").write_text("\n".join(lines) + "\n")
    total = sum(len(data) for data, _ in files.values())
    print(f"{len(files)} files, {total / 1024:.0f} KB")


if __name__ == "__main__":
    main()
