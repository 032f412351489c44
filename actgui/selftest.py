"""``actgui --self-test``: check that this installation of actgui works, end to end.

It exercises what an installed bundle can get wrong (a missing Qt plugin, resource file,
translation or library) through the real window, the way a learner would, and exits 0 when
every step passed or 1 with a message naming the step that failed:

1. window     the main window is shown and painted;
2. resources  the icons (SVG and PNG), actgui's and Qt's own zh_CN translations load;
3. pages      every page is shown and renders;
4. train      the training page trains exactly STEPS steps through its live timer loop;
5. session    a session is saved into a temporary folder, then opened again, and the
              restored trainer equals the saved one;
6. export     the first plot of the activations page is exported as a PNG, which is read back.

Nothing of the learner's is read or changed: `actgui.app` gives the window scratch settings,
and every file is written into a temporary folder that is removed afterwards. Works on
Qt's offscreen platform and in a real window. A watchdog ends the process (exit 2) should a
step hang, e.g. on a modal dialog nobody will close.

``ACTGUI_SELFTEST_FAIL=<step>`` makes that step fail on purpose (for tests of the failure path).
When the process has no stdout (a windowed build on Windows) the report is also written to
``actgui-self-test.txt`` in the temporary folder of the system.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence

STEPS = 300  # training steps
FAIL_ENV = "ACTGUI_SELFTEST_FAIL"
WATCHDOG_S = 180.0
WAIT_S = 30.0  # the longest any single wait may take
REPORT_NAME = "actgui-self-test.txt"
PASSED = "actgui self-test passed"
FAILED = "actgui self-test FAILED"

Step = tuple[str, Callable[[], str]]


class SelfTestError(RuntimeError):
    """A check that did not hold; the message says what was expected and what was found."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def run_steps(steps: Sequence[Step], out, fail: str | None = None) -> int:
    """Run (name, function) steps in order, each returning a short detail for its line.

    Stops at the first step that raises (or at the step named by `fail`); returns 0 when
    all passed, 1 otherwise. One line per step goes to `out`; the traceback of a failure
    goes there too, after the line naming the step.
    """
    names = [name for name, _ in steps]
    if fail and fail not in names:
        print(f"{FAILED}: {FAIL_ENV}={fail!r} names no step (steps: {', '.join(names)})",
              file=out, flush=True)
        return 1
    total = time.perf_counter()
    for i, (name, function) in enumerate(steps, 1):
        t0 = time.perf_counter()
        try:
            if name == fail:
                raise SelfTestError(f"failed on purpose ({FAIL_ENV}={fail})")
            detail = function()
        except Exception as e:  # noqa: BLE001 (any failure is reported, by step)
            print(f"  FAIL {i}/{len(steps)} {name}: {type(e).__name__}: {e}", file=out)
            if not isinstance(e, SelfTestError):
                traceback.print_exc(file=out)
            print(f"{FAILED} at step '{name}': {e}", file=out, flush=True)
            return 1
        print(f"  ok   {i}/{len(steps)} {name:<10} {detail} "
              f"({time.perf_counter() - t0:.2f} s)", file=out, flush=True)
    print(f"{PASSED}: {len(steps)} steps in {time.perf_counter() - total:.1f} s",
          file=out, flush=True)
    return 0


# -- Qt helpers ------------------------------------------------------------------------------


def wait_until(condition: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
    """Run the event loop until `condition()` holds; SelfTestError after `timeout` seconds."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestError(f"timed out after {timeout:g} s waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def settle(rounds: int = 5) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


class _Session:
    """The steps, sharing one window and one temporary folder."""

    def __init__(self, window, folder: str):
        self.window = window
        self.folder = folder
        self.painted = False

    def steps(self) -> list[Step]:
        return [("window", self.window_shown), ("resources", self.resources),
                ("pages", self.pages), ("train", self.train), ("session", self.session),
                ("export", self.export)]

    # -- 1 -------------------------------------------------------------------------------------
    def window_shown(self) -> str:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtGui import QGuiApplication

        session = self

        class PaintWatch(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint:
                    session.painted = True
                return False

        watch = PaintWatch(self.window)
        self.window.installEventFilter(watch)
        self.window.show()
        wait_until(lambda: self.painted, "the main window's first paint")
        self.window.removeEventFilter(watch)
        check(self.window.isVisible(), "the main window is not visible")
        size = self.window.size()
        return (f"{size.width()}x{size.height()} on the "
                f"'{QGuiApplication.platformName()}' platform")

    # -- 2 -------------------------------------------------------------------------------------
    def resources(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
        from PySide6.QtGui import QImageReader

        from actgui.ui import i18n
        from actgui.ui.main_window import app_icon, resource_path

        for parts in (("actgui.svg",), ("actgui.png",), ("icons", "training.svg")):
            path = resource_path(*parts)
            check(os.path.isfile(path), f"missing resource file {path}")
        formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
        check("svg" in formats, "Qt cannot read SVG images (the imageformats/qsvg plugin is "
              f"missing); it reads: {', '.join(sorted(formats))}")
        pixmap = app_icon().pixmap(64, 64)
        check(not pixmap.isNull() and pixmap.width() > 0, "the application icon is empty")
        locale = QLocale("zh_CN")
        loaded = []
        for name, folder in (("actgui", i18n.translations_dir()),
                             ("qtbase", QLibraryInfo.path(
                                 QLibraryInfo.LibraryPath.TranslationsPath))):
            translator = QTranslator()
            check(translator.load(locale, name, "_", folder),
                  f"cannot load the {name} zh_CN translation from {folder}")
            check(not translator.isEmpty(), f"the {name} zh_CN translation is empty")
            loaded.append(f"{name}_zh_CN")
        return f"icon, SVG support, {' and '.join(loaded)}"

    # -- 3 -------------------------------------------------------------------------------------
    def pages(self) -> str:
        from actgui.ui.main_window import PAGE_NAMES

        for name in PAGE_NAMES:
            self.window.show_page(name)
            settle()
            check(self.window.current_page_name() == name,
                  f"asked for the {name} page, the window shows "
                  f"{self.window.current_page_name()}")
            page = self.window.page(name)
            wait_until(page.isVisible, f"the {name} page to become visible")
            image = page.grab()
            check(not image.isNull() and image.width() > 0, f"the {name} page rendered nothing")
            check(page.plots(), f"the {name} page has no plots")
        return ", ".join(PAGE_NAMES)

    # -- 4 -------------------------------------------------------------------------------------
    def train(self) -> str:
        import math

        self.window.show_page("training")
        controller = self.window.page("training").controller
        controller.pause()
        trainer = controller.trainer
        start = trainer.step_count
        target = start + STEPS
        chunk = 25

        def after_tick(_snapshot) -> None:
            # Runs after each tick of the live loop, before the next: stop exactly on target.
            left = target - controller.trainer.step_count
            if left <= 0:
                controller.pause()
            else:
                controller.set_speed(min(chunk, left))

        controller.snapshot_ready.connect(after_tick)
        controller.set_speed(chunk)
        t0 = time.perf_counter()
        try:
            controller.start()
            check(controller.running, "the training loop did not start (diverged at once?)")
            wait_until(lambda: not controller.running, f"{STEPS} training steps")
        finally:
            controller.snapshot_ready.disconnect(after_tick)
            controller.pause()
        seconds = time.perf_counter() - t0
        done = controller.trainer.step_count - start
        check(not controller.trainer.diverged, f"training diverged at step "
              f"{controller.trainer.diverged_at}")
        check(done == STEPS, f"trained {done} steps, expected {STEPS}")
        snap = controller.snapshot
        check(snap is not None and snap.step == target, "the views were not given the last "
              "step's snapshot")
        check(math.isfinite(snap.train_loss), f"the training loss is {snap.train_loss}")
        settle()
        return f"{done} steps in {seconds:.2f} s, training loss {snap.train_loss:.4f}"

    # -- 5 -------------------------------------------------------------------------------------
    def session(self) -> str:
        import numpy as np

        from actgui.engine import session
        from actgui.ui import session_state

        path = os.path.join(self.folder, "self-test" + session.SUFFIX)
        saved_trainer = self.window.page("training").controller.trainer
        doc = session_state.gather(self.window)
        session.save(path, doc)
        check(os.path.getsize(path) > 0, f"{path} is empty")
        # Open it the way File ▸ Open does, without its dialogs.
        problem = self.window.sessions.load(path)
        check(problem is None, f"could not open the saved session: {problem}")
        settle()
        trainer = self.window.page("training").controller.trainer
        check(trainer is not saved_trainer, "opening the session did not replace the trainer")
        check(trainer.step_count == saved_trainer.step_count,
              f"step {trainer.step_count} after opening, {saved_trainer.step_count} saved")
        for restored, original in zip(trainer.snapshot().weights,
                                      saved_trainer.snapshot().weights, strict=True):
            check(np.array_equal(restored, original), "the restored weights differ")
        again = session_state.gather(self.window)
        check(again["trainer"] == doc["trainer"], "saving the opened session again gives a "
              "different trainer state")
        return f"{os.path.getsize(path) / 1024:.0f} KiB written and read back"

    # -- 6 -------------------------------------------------------------------------------------
    def export(self) -> str:
        from PySide6.QtGui import QImage

        self.window.show_page("activations")
        settle()
        widget = self.window.page("activations").plots()[0]
        path = os.path.join(self.folder, "self-test.png")
        try:
            from actgui.ui.export import export_png
        except ImportError:  # the export module is optional here
            export_png = None
        if export_png is not None:
            export_png(widget, path)
        else:
            import pyqtgraph.exporters

            exporter = pyqtgraph.exporters.ImageExporter(widget.getPlotItem())
            exporter.export(path)
        image = QImage(path)
        check(not image.isNull(), f"the exported {path} cannot be read back as an image")
        check(image.width() >= 50 and image.height() >= 50,
              f"the exported image is only {image.width()}x{image.height()}")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        check(len(colours) > 2, "the exported image is blank")
        return f"{image.width()}x{image.height()} PNG, {os.path.getsize(path) / 1024:.0f} KiB"


def _start_watchdog(out, current: list[str]) -> threading.Timer:
    def expire() -> None:
        print(f"{FAILED} at step '{current[0]}': still running after {WATCHDOG_S:g} s",
              file=out, flush=True)
        os._exit(2)

    timer = threading.Timer(WATCHDOG_S, expire)
    timer.daemon = True
    timer.start()
    return timer


def run(window) -> int:
    """Run every step on `window` (a MainWindow, not shown yet); the exit code."""
    from PySide6.QtWidgets import QApplication

    from actgui import __version__

    out, report = sys.stdout, None
    if getattr(out, "name", None) == os.devnull:  # windowed build without a console
        report = open(os.path.join(tempfile.gettempdir(), REPORT_NAME), "w",  # noqa: SIM115
                      encoding="utf-8")
        out = report
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    print(f"actgui {__version__} self-test{frozen}, Python {sys.version.split()[0]}",
          file=out, flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="actgui-self-test-") as folder:
            code = run_qt_steps(_Session(window, folder).steps(), out,
                                os.environ.get(FAIL_ENV) or None)
            window.close()
            QApplication.processEvents()
    finally:
        if report is not None:
            report.close()
    return code


def run_qt_steps(steps: Sequence[Step], out, fail: str | None = None) -> int:
    """run_steps() for steps that drive Qt, under a watchdog. A step also fails when an
    exception escaped from a Qt callback (a slot, a paint event, a timer) while it ran:
    PySide6 hands those to sys.excepthook and carries on, so the step would not see them."""
    current = ["start"]
    errors: list[BaseException] = []
    hook = sys.excepthook

    def record(kind, value, tb) -> None:
        errors.append(value.with_traceback(tb))
        hook(kind, value, tb)

    watchdog = _start_watchdog(out, current)
    sys.excepthook = record
    try:
        tracked = [(name, _tracking(name, function, current, errors))
                   for name, function in steps]
        return run_steps(tracked, out, fail)
    finally:
        sys.excepthook = hook
        watchdog.cancel()


def _tracking(name: str, function: Callable[[], str], current: list[str], errors: list):
    """The step, failing with the first exception raised in a Qt callback while it ran."""

    def step() -> str:
        current[0] = name
        del errors[:]
        detail = function()
        settle()
        if errors:
            raise errors[0]
        return detail

    return step
