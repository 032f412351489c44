"""actgui --self-test: passes on a working installation, and names the step that failed.

The full runs go through a subprocess (as a packaged app is run), so the test process never
holds a second QApplication; the step runner is also tested directly, without Qt.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pytest

from actgui import selftest

STEP_NAMES = ("window", "resources", "pages", "train", "session", "export")


def run_self_test(tmp_path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != selftest.FAIL_ENV}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               TMPDIR=str(tmp_path), **extra_env)
    return subprocess.run([sys.executable, "-m", "actgui", "--self-test"], env=env,
                          capture_output=True, text=True, timeout=selftest.WATCHDOG_S + 30)


def test_self_test_passes(tmp_path):
    done = run_self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith(f"{selftest.PASSED}: 6 steps"), done.stdout
    for i, name in enumerate(STEP_NAMES, 1):
        assert any(line.split()[:3] == ["ok", f"{i}/6", name] for line in lines), name
    assert f"{selftest.STEPS} steps in" in done.stdout
    # Nothing of the learner's was touched, and the temporary folder is gone.
    assert not (tmp_path / "config").exists()
    assert not list(tmp_path.glob("actgui-self-test-*"))


def test_self_test_failure_exits_non_zero_naming_the_step(tmp_path):
    done = run_self_test(tmp_path, **{selftest.FAIL_ENV: "window"})
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == (
        f"{selftest.FAILED} at step 'window': failed on purpose ({selftest.FAIL_ENV}=window)")
    assert not list(tmp_path.glob("actgui-self-test-*"))


def test_step_runner_stops_at_the_first_failure():
    ran = []

    def ok(name):
        def step():
            ran.append(name)
            return f"{name} fine"
        return step

    def broken():
        ran.append("two")
        raise ValueError("the PNG is empty")

    out = io.StringIO()
    code = selftest.run_steps([("one", ok("one")), ("two", broken), ("three", ok("three"))],
                              out)
    assert code == 1
    assert ran == ["one", "two"]  # "three" never ran
    text = out.getvalue()
    assert "ok   1/3 one        one fine" in text
    assert "FAIL 2/3 two: ValueError: the PNG is empty" in text
    assert "Traceback" in text  # unexpected errors come with their traceback
    assert text.splitlines()[-1] == f"{selftest.FAILED} at step 'two': the PNG is empty"


def test_step_runner_check_failures_have_no_traceback():
    def step():
        selftest.check(False, "expected 300 steps, trained 299")

    out = io.StringIO()
    assert selftest.run_steps([("train", step)], out) == 1
    assert "Traceback" not in out.getvalue()
    assert "expected 300 steps, trained 299" in out.getvalue()


def test_step_runner_passes_and_rejects_unknown_fail_names():
    out = io.StringIO()
    assert selftest.run_steps([("a", lambda: "x"), ("b", lambda: "y")], out) == 0
    assert out.getvalue().splitlines()[-1].startswith(f"{selftest.PASSED}: 2 steps")

    out = io.StringIO()
    assert selftest.run_steps([("a", lambda: "x")], out, fail="nope") == 1
    assert "names no step" in out.getvalue()

    out = io.StringIO()
    assert selftest.run_steps([("a", lambda: "x"), ("b", lambda: "y")], out, fail="b") == 1
    assert f"{selftest.FAILED} at step 'b'" in out.getvalue()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_callback_fails_its_step(qapp):
    from PySide6.QtCore import QTimer

    def schedules_a_failure():
        QTimer.singleShot(0, lambda: 1 / 0)  # raised later, inside the event loop
        return "scheduled"

    out = io.StringIO()
    hook = sys.excepthook
    with contextlib.redirect_stderr(io.StringIO()):  # the original hook still prints it
        code = selftest.run_qt_steps([("quiet", lambda: "fine"),
                                      ("timer", schedules_a_failure),
                                      ("never", lambda: "not reached")], out)
    assert code == 1
    assert sys.excepthook is hook  # restored
    text = out.getvalue()
    assert "ok   1/3 quiet" in text
    assert "FAIL 2/3 timer: ZeroDivisionError: division by zero" in text
    assert "never" not in text
