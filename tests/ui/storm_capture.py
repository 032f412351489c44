"""What a UI storm watches and answers: uncaught exceptions, Qt and Python warnings, and
every dialog the app would open (answered at once, as a hurried learner would).

Shared by tests/ui/test_storm.py and tests/benchmarks/bench_storm.py.
"""

from __future__ import annotations

import math
import sys
import traceback
import warnings
from dataclasses import dataclass, field

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

# Qt's offscreen platform has no window system to pass size hints to or raise a window in;
# these notices come from the platform plugin itself (xcb never prints them), not from actgui.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",
                   "This plugin does not support raise()")

_LEVEL = {QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical",
          QtMsgType.QtFatalMsg: "fatal"}


@dataclass
class Problems:
    exceptions: list[str] = field(default_factory=list)
    qt: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return self.exceptions + self.qt + self.warnings


class Capture:
    """sys.excepthook, qInstallMessageHandler and warnings, for the length of a with-block."""

    def __init__(self) -> None:
        self.problems = Problems()
        self.where = ""  # the action under way, named in each report

    def __enter__(self) -> Capture:
        self._hook = sys.excepthook
        sys.excepthook = self._exception
        self._handler = qInstallMessageHandler(self._qt)
        self._warnings = warnings.catch_warnings(record=True)
        self._seen = self._warnings.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc) -> None:
        self.collect_warnings()
        self._warnings.__exit__(*exc)
        qInstallMessageHandler(self._handler)
        sys.excepthook = self._hook

    def collect_warnings(self) -> None:
        for w in self._seen:
            self.problems.warnings.append(
                f"{self.where}: {w.category.__name__}: {w.message} ({w.filename}:{w.lineno})")
        self._seen.clear()

    def _exception(self, kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        self.problems.exceptions.append(f"{self.where}:\n{text}")

    def _qt(self, mode, context, message) -> None:
        level = _LEVEL.get(mode)
        if level is None:
            return  # debug and info messages are not problems
        if QApplication.platformName() == "offscreen" and message in OFFSCREEN_NOISE:
            return
        self.problems.qt.append(f"{self.where}: Qt {level}: {message} "
                                f"[{context.category}]")


class Dialogs:
    """Answer every dialog without showing it, and remember what was asked and said.

    `rng` is a random.Random; `files` maps "session" / "csv" / "save" / "folder" to a callable
    returning the path to answer with ("" cancels)."""

    def __init__(self, rng, files) -> None:
        self.rng = rng
        self.files = files
        self.said: list[tuple[str, str, str]] = []  # (kind, title, text)
        self._saved = []

    def __enter__(self) -> Dialogs:
        def patch(owner, name, fn):
            self._saved.append((owner, name, owner.__dict__.get(name)))
            setattr(owner, name, fn)

        for kind in ("warning", "information", "critical"):
            patch(QMessageBox, kind, staticmethod(self._box(kind)))
        patch(QMessageBox, "question", staticmethod(self._question))
        patch(QFileDialog, "getOpenFileName", staticmethod(self._open))
        patch(QFileDialog, "getSaveFileName", staticmethod(self._save))
        patch(QFileDialog, "getExistingDirectory", staticmethod(self._folder))
        patch(QInputDialog, "getDouble", staticmethod(self._double))
        patch(QDialog, "exec", self._exec())
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, old in reversed(self._saved):
            if old is None:
                delattr(owner, name)
            else:
                setattr(owner, name, old)
        self._saved.clear()

    def last(self, kind: str | None = None):
        for said in reversed(self.said):
            if kind is None or said[0] == kind:
                return said
        return None

    def _box(self, kind):
        def answer(parent, title, text, *args, **kwargs):
            self.said.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return answer

    def _question(self, parent, title, text, *args, **kwargs):
        self.said.append(("question", title, text))
        return self.rng.choice([QMessageBox.StandardButton.Reset, QMessageBox.StandardButton.Yes,
                                QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.No])

    def _open(self, parent, caption="", directory="", filter="", *args, **kwargs):
        kind = "csv" if "csv" in filter.lower() else "session"
        self.said.append(("open", caption, kind))
        return self.files[kind](), ""

    def _save(self, parent, caption="", directory="", filter="", *args, **kwargs):
        self.said.append(("save", caption, filter))
        return self.files["save"](directory, filter), ""

    def _folder(self, parent, caption="", directory="", *args, **kwargs):
        self.said.append(("folder", caption, directory))
        return self.files["folder"]()

    def _double(self, parent, title, label, value=0.0, lo=-1e300, hi=1e300, *args, **kwargs):
        self.said.append(("input", title, label))
        v = self.rng.choice([math.nan, math.inf, -math.inf, 1e308, -1e308, 0.0, -0.0, -3.5,
                             2.0, 100.0, -100.0, value])
        return v, bool(self.rng.random() < 0.8)

    def _exec(self):
        rng, said = self.rng, self.said

        def exec_(dialog, *args, **kwargs):
            # A modal dialog of the app's own: change its choices at random, then OK or Cancel.
            said.append(("dialog", dialog.windowTitle(), dialog.objectName()))
            for combo in dialog.findChildren(QComboBox):
                if combo.count() and combo.isEnabled():
                    i = rng.randrange(combo.count())
                    combo.setCurrentIndex(i)
                    combo.activated.emit(i)
            accept = rng.random() < 0.6
            (dialog.accept if accept else dialog.reject)()
            return int(QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected)
        return exec_
