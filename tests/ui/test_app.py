"""The command line: --version, --screenshot, --page, the session PATH note, bad arguments.

Runs that show a window go through a subprocess, so the test process never holds a second
QApplication.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from actgui import __version__
from actgui.app import build_parser, main


def run_actgui(*args: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "actgui", *args],
        env=env, capture_output=True, text=True, timeout=120,
    )


def assert_screenshot(path) -> QImage:
    assert path.exists(), "no screenshot written"
    image = QImage(str(path))
    assert not image.isNull(), "screenshot is not a readable image"
    assert image.width() >= 800 and image.height() >= 560
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), 17)
        for y in range(0, image.height(), 13)
    }
    assert len(colours) > 10, f"screenshot looks blank ({len(colours)} distinct colours)"
    return image


def test_version_prints_and_exits_zero(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"actgui {__version__}"


def test_version_without_stdout_does_not_crash(monkeypatch):
    # Frozen windowed apps have sys.stdout = sys.stderr = None.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--version"]) == 0
    assert sys.stdout is not None and sys.stderr is not None


def test_bad_page_is_a_usage_error(capsys):
    assert main(["--page", "nope"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "expected"), [
    ("en", "en"), ("zh_CN", "zh_CN"), ("zh-cn", "zh_CN"), ("zh_Hans", "zh_Hans"),
])
def test_lang_is_normalised(given, expected):
    assert build_parser().parse_args(["--lang", given]).lang == expected


def test_bad_lang_is_a_usage_error(capsys):
    assert main(["--lang", "not a language"]) == 2
    assert "language code" in capsys.readouterr().err


def test_screenshot_of_softmax_page(tmp_path):
    png = tmp_path / "shot.png"
    done = run_actgui("--screenshot", str(png), "--page", "softmax", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = assert_screenshot(png)
    assert (image.width(), image.height()) == (1280, 800)
    # Screenshots must not touch the user's saved settings.
    assert not (tmp_path / "actgui" / "actgui.conf").exists()


def test_missing_session_path_is_noted_not_fatal(tmp_path):
    png = tmp_path / "training.png"
    done = run_actgui("my.session", "--lang", "zh_CN", "--page", "training",
                      "--screenshot", str(png), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    notes = [line for line in done.stderr.splitlines() if "session" in line]
    assert len(notes) == 1 and "my.session" in notes[0] and "No such file" in notes[0]
    assert_screenshot(png)


def test_screenshot_to_unwritable_path_fails_cleanly(tmp_path):
    done = run_actgui("--screenshot", str(tmp_path / "missing" / "x.png"), home=tmp_path)
    assert done.returncode == 1
    assert "could not write" in done.stderr and "Traceback" not in done.stderr
