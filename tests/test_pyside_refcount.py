"""Guard against a PySide6 build that leaks away references to None.

PySide6 6.12.0 on CPython 3.11 lowers the reference count of ``None`` each time a Qt method
returning void is called; after ~16,000 such calls the interpreter aborts in ``none_dealloc``.
Any Qt app calls far more than that in a minute, so catch it here, with a readable message,
instead of as a crash in the middle of a UI test. (pyproject.toml pins PySide6 < 6.12 on
Python < 3.12; Python 3.12+ has an immortal None and is unaffected.)
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, QPoint

CALLS = 20_000


def test_void_qt_calls_keep_none_alive():
    obj = QObject()
    point = QPoint()
    before = sys.getrefcount(None)
    for i in range(CALLS // 2):
        obj.setObjectName("x")  # returns void
        point.setX(i)  # returns void
    after = sys.getrefcount(None)
    assert after >= before, (
        f"sys.getrefcount(None) fell from {before} to {after} over {CALLS} void Qt calls: "
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} drops a reference "
        "to None on every call returning void and will abort with none_dealloc. "
        "Install PySide6 < 6.12 on Python < 3.12 (see pyproject.toml)."
    )
