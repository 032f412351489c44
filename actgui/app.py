"""Command line entry point: parse arguments, create the QApplication, show the window.

Arguments are parsed before Qt is imported, so ``--version`` and ``--help`` answer at once.
PySide6 is imported before pyqtgraph, so pyqtgraph binds to PySide6 even when PyQt6 is
installed too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time

from actgui import __version__

PAGE_CHOICES = ("activations", "softmax", "training", "compare")
_LANG_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?$")


def _language(value: str) -> str:
    """Accept "en", "zh_CN", "zh-CN", "pt_br" ... and return the Qt spelling ("zh_CN")."""
    parts = value.replace("-", "_").split("_")
    if len(parts) == 2:
        region = parts[1].upper() if len(parts[1]) == 2 else parts[1].capitalize()
        parts = [parts[0], region]
    code = "_".join([parts[0].lower(), *parts[1:]])
    if not _LANG_RE.match(code):
        raise argparse.ArgumentTypeError(f"not a language code such as en or zh_CN: {value!r}")
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actgui",
        description="See how neuron activation functions behave: curves, softmax, and a tiny "
        "network learning live.",
    )
    parser.add_argument("session", nargs="?", metavar="PATH",
                        help="session file to open (*.actgui.json)")
    parser.add_argument("--page", choices=PAGE_CHOICES,
                        help="page to show first (default: the page shown last time)")
    parser.add_argument("--lang", type=_language, metavar="CODE",
                        help="user interface language, e.g. en or zh_CN")
    parser.add_argument("--theme", choices=("system", "light", "dark"),
                        help="colour scheme for this run (default: as in View ▸ Theme)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="show the window, save a PNG of it to this path, and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (window, every page, training, a "
                        "session, an export) and exit: 0 when all passed")
    parser.add_argument("--version", action="version", version=f"actgui {__version__}")
    # Benchmarks: print the wall-clock time of the first paint ("first-paint <time.time()>")
    # and quit.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def _guard_std_streams() -> None:
    """Frozen windowed apps (pythonw, PyInstaller --windowed) have no stdout / stderr."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115


def _install_translators(app, language: str) -> list:
    """Install actgui's translation for `language` ("" = the system's) and Qt's own.

    English and missing .qm files are fine: the UI stays in English. See actgui.ui.i18n.
    """
    from actgui.ui.i18n import install_translators

    return install_translators(app, language)


def _open_session(window, path: str, page: str | None) -> None:
    """Open the session named on the command line. A bad file must not block start-up: the
    window keeps its defaults, shows the problem in its banner, and one line goes to stderr."""
    problem = window.sessions.open_at_start(path)
    if problem is not None:
        reason = " ".join(problem.removeprefix("session: ").split())
        print(f"actgui: cannot open the session {path}: {reason}", file=sys.stderr, flush=True)
    if page:
        window.show_page(page)  # --page wins over the page the session was saved on


def main(argv: list[str] | None = None) -> int:
    _guard_std_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, usage errors
        return exit_.code if isinstance(exit_.code, int) else 1

    # Qt first, then pyqtgraph (see the module docstring).
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setApplicationName("actgui")
    QCoreApplication.setOrganizationName("actgui")
    QCoreApplication.setOrganizationDomain("actgui.org")
    QCoreApplication.setApplicationVersion(__version__)

    import pyqtgraph  # noqa: F401  (after PySide6, so that it binds to PySide6)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationDisplayName("actgui")
    QApplication.setDesktopFileName("actgui")

    from actgui.ui.main_window import app_icon, create_main_window
    from actgui.ui.settings import Settings

    app.setWindowIcon(app_icon())
    one_shot = bool(args.screenshot or args.quit_after_paint)
    scratch = None
    if one_shot or args.self_test:
        # Screenshots and benchmarks neither read nor change the user's saved settings.
        scratch = tempfile.TemporaryDirectory(prefix="actgui-")
        settings = Settings(QSettings(os.path.join(scratch.name, "actgui.ini"),
                                      QSettings.Format.IniFormat))
    else:
        settings = Settings()
    # --lang, else View ▸ Language, else the system's language.
    app._actgui_translators = _install_translators(app, args.lang or settings.language)

    window = create_main_window(settings)
    from actgui.ui.appearance import apply_theme

    apply_theme(args.theme or settings.theme)  # else the desktop's scheme
    if args.page:
        window.show_page(args.page)
    if args.self_test:  # see actgui.selftest; uses the scratch settings
        from actgui.selftest import run as run_self_test

        code = run_self_test(window)
        scratch.cleanup()
        return code

    result = {"code": 0, "finished": False}

    def finish() -> None:
        if result["finished"]:
            return
        result["finished"] = True
        if args.screenshot:
            for _ in range(3):
                app.processEvents()
            if not window.grab().save(args.screenshot, "PNG"):
                print(f"actgui: could not write {args.screenshot}", file=sys.stderr)
                result["code"] = 1
        window.close()
        app.exit(result["code"])

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                if args.quit_after_paint:
                    # After this paint pass has been flushed to the window.
                    QTimer.singleShot(0, lambda: print(f"first-paint {time.time():.6f}",
                                                       flush=True))
                QTimer.singleShot(50 if args.screenshot else 0, finish)
            return False

    if one_shot:
        watcher = FirstPaint(window)
        window.installEventFilter(watcher)
        QTimer.singleShot(10_000, finish)  # in case no paint event ever arrives
    window.show()
    if args.session:
        _open_session(window, args.session, args.page)
    code = app.exec()
    if scratch is not None:
        scratch.cleanup()
    return code
