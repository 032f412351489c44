"""A seeded storm of random user actions over the whole main window (issue 8).

Every action goes through the widgets as a learner's mouse and keys would (QTest events on
sliders, spin boxes, combos, buttons, plots and the network diagram; menu actions and
shortcuts), with dialogs answered at once (storm_capture.Dialogs). Bad session and CSV files
are offered on purpose; each refusal must show a message and change nothing. The same seed
replays the same storm.

Used by tests/ui/test_storm.py (short, in CI) and tests/benchmarks/bench_storm.py (long).
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections import deque

import pyqtgraph as pg
import storm_files
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
    QWidget,
)
from storm_capture import Capture, Dialogs

from actgui.engine import session
from actgui.ui import i18n, session_state
from actgui.ui.main_window import PAGE_NAMES, create_main_window
from actgui.ui.settings import Settings
from actgui.ui.views import network_items

NUMBERS = ["1e308", "-1e308", "99999999999", "-5", "0", "-0", "nan", "NaN", "inf", "-inf", "",
           "abc", "1,5", "0.000001", "3", "12", "−2", "1e-320", " 7 ", "٣", "0.5", "-0.01"]
UNITS = ["8, 8", "0", "-1", "1e9", "nan", "4,,", "", "3 3", "100", "1,2,3,4,5,6,7",
         "8,8,8,8,8,8,8,8,8", "abc", "2" * 50, "5", "1, 1", "6,4,2"]
KEYS = [Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
        Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right]
NEVER = {"actionQuit", "actionAboutQt"}  # quitting ends the storm; About Qt is Qt's own modal


class Storm:
    def __init__(self, seed: int, folder: str, language: str = "en") -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.folder = folder
        self.app = QApplication.instance()
        self.settings = Settings(QSettings(os.path.join(folder, "actgui.ini"),
                                           QSettings.Format.IniFormat))
        self.translators = i18n.install_translators(self.app, language)
        self.trail: deque[str] = deque(maxlen=40)  # the last actions, for a failure report
        self.count = 0
        self.refusals = 0  # bad files refused with a message, state untouched
        self.loaded = 0  # good sessions and CSVs loaded
        self.saved: list[str] = []  # sessions the storm wrote, offered back later
        self.mismatches: list[str] = []
        self.pages: dict[str, int] = {}  # actions per page
        self.kinds: dict[str, int] = {}  # actions per kind
        self._offer = None  # the kind of broken file to answer the next open dialog with
        self.window = None
        self._new_window()
        good = session.dumps(session_state.gather(self.window))
        self.bad_sessions = storm_files.bad_sessions(os.path.join(folder, "sessions"),
                                                     json.loads(good))
        self.bad_csvs = storm_files.bad_csvs(os.path.join(folder, "csv"))
        self.capture = Capture()
        self.dialogs = Dialogs(self.rng, {"session": self._session_file, "csv": self._csv_file,
                                          "save": self._save_path, "folder": self._folder})
        self.actions = [
            (14, self.slider), (14, self.type_number), (10, self.combo), (12, self.button),
            (4, self.line_edit), (6, self.key), (6, self.plot_mouse), (5, self.network_click),
            (5, self.boundary_click), (6, self.transport), (4, self.switch_page),
            (4, self.menu_action), (2, self.theme), (1, self.language), (3, self.bad_session),
            (2, self.bad_csv), (1, self.good_session), (1, self.good_csv), (1, self.resize),
            (6, self.wait), (1, self.close_windows), (0.15, self.restart),
        ]

    # -- running -------------------------------------------------------------------------------
    def run(self, n: int, check_every: int = 250) -> None:
        weights = [w for w, _ in self.actions]
        with self.capture, self.dialogs:
            for i in range(n):
                _, action = self.rng.choices(self.actions, weights)[0]
                self.do(self.restart if i == n // 2 else action)  # at least one restart
                if check_every and (i + 1) % check_every == 0:
                    self.do(self.check)
            self.do(self.check)
            self.pause_all()
            self.capture.collect_warnings()

    def do(self, action) -> None:
        self.count += 1
        page = self.window.current_page_name()
        self.pages[page] = self.pages.get(page, 0) + 1
        self.kinds[action.__name__] = self.kinds.get(action.__name__, 0) + 1
        self.capture.where = f"action {self.count} ({action.__name__} on {page})"
        self.trail.append(self.capture.where)
        try:
            action()
        except Exception:  # noqa: BLE001 -- reported with the seed, not swallowed
            sys.excepthook(*sys.exc_info())
        QApplication.processEvents()
        self.capture.collect_warnings()

    def report(self) -> str:
        p = self.capture.problems
        lines = [f"UI storm seed {self.seed}: {self.count} actions, {len(p.exceptions)} "
                 f"exceptions, {len(p.qt)} Qt warnings, {len(p.warnings)} Python warnings, "
                 f"{len(self.mismatches)} view/engine mismatches. Replay with --seed {self.seed}.",
                 f"Pages: {self.pages}", f"Actions: {self.kinds}",
                 f"Bad files refused: {self.refusals}; good files loaded: {self.loaded}; "
                 f"dialogs answered: {len(self.dialogs.said)}"]
        seen: dict[str, int] = {}  # the same problem again and again is reported once
        for text in p.all() + self.mismatches:
            key = text.split(":", 1)[-1]
            seen[key] = seen.get(key, 0) + 1
            if seen[key] == 1 and len(seen) <= 12:
                lines.append(text)
        lines += [f"({n} times) {key.strip()[:200]}" for key, n in seen.items() if n > 1]
        lines += ["Last actions:", *self.trail]
        return "\n".join(lines)

    def ok(self) -> bool:
        return not self.capture.problems.all() and not self.mismatches

    def close(self) -> None:
        self.pause_all()
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        i18n.remove_translators(self.app, self.translators)

    # -- the window ----------------------------------------------------------------------------
    def _new_window(self) -> None:
        self.window = create_main_window(self.settings)
        self.window.resize(1280, 800)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.window.build_all_pages()

    def pause_all(self) -> None:
        for name in ("training", "compare"):
            self.window.page(name).controller.pause()

    def _widgets(self, cls) -> list:
        """Visible, enabled widgets of a kind, on the current page or its windows."""
        out = []
        for w in self.window.findChildren(cls):
            if not (w.isVisible() and w.isEnabled()):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # typed into through its spin box or combo
            if isinstance(w, QAbstractButton) and _opens_menu(w):
                continue  # a popup menu would wait for a choice; its actions are triggered
            out.append(w)
        return out

    def _pick(self, cls):
        ws = self._widgets(cls)
        return self.rng.choice(ws) if ws else None

    # -- actions ---------------------------------------------------------------------------
    def slider(self) -> None:
        s = self._pick(QAbstractSlider)
        if s is None:
            return
        if self.rng.random() < 0.5:  # a drag: press, move a few times, release
            s.setSliderDown(True)
            for _ in range(self.rng.randint(1, 6)):
                s.setSliderPosition(self.rng.randint(s.minimum(), s.maximum()))
                QApplication.processEvents()
            s.setSliderDown(False)
        else:
            QTest.keyClick(s, self.rng.choice(KEYS))

    def type_number(self) -> None:
        w = self._pick(QAbstractSpinBox)
        if w is None:
            return
        if self.rng.random() < 0.3:
            QTest.keyClick(w, self.rng.choice(KEYS[:4]))
            return
        w.setFocus()
        QTest.keyClick(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(w, self.rng.choice(NUMBERS))
        QTest.keyClick(w, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab]))

    def line_edit(self) -> None:
        w = self._pick(QLineEdit)
        if w is None or w.isReadOnly():
            return
        w.setFocus()
        w.selectAll()
        _type(w, self.rng.choice(UNITS))
        QTest.keyClick(w, Qt.Key.Key_Return)

    def combo(self) -> None:
        c = self._pick(QComboBox)
        if c is not None:
            for _ in range(self.rng.randint(1, 3)):
                QTest.keyClick(c, self.rng.choice(KEYS[:6]))

    def button(self) -> None:
        b = self._pick(QAbstractButton)
        if b is not None:
            QTest.mouseClick(b, Qt.MouseButton.LeftButton)

    def key(self) -> None:
        """A key to whatever has the focus, or an item list's keyboard (Space ticks)."""
        lists = self._widgets(QListWidget)
        if lists and self.rng.random() < 0.5:
            w = self.rng.choice(lists)
            if w.count():
                w.setCurrentRow(self.rng.randrange(w.count()))
                QTest.keyClick(w, Qt.Key.Key_Space)
            return
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, self.rng.choice(KEYS + [Qt.Key.Key_Space, Qt.Key.Key_Escape]))

    def plot_mouse(self) -> None:
        """Clicks, double clicks and wheel turns on any visible plot."""
        views = self._widgets(pg.GraphicsView)
        if not views:
            return
        v = self.rng.choice(views)
        pos = QPoint(self.rng.randrange(max(1, v.width())), self.rng.randrange(max(1, v.height())))
        r = self.rng.random()
        if r < 0.4:
            QTest.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        elif r < 0.55:
            QTest.mouseDClick(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        else:
            delta = self.rng.choice([-360, -120, 120, 360])
            event = QWheelEvent(QPointF(pos), QPointF(v.viewport().mapToGlobal(pos)), QPoint(),
                                QPoint(0, delta), Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                                False)
            QApplication.sendEvent(v.viewport(), event)

    def network_click(self) -> None:
        """A unit, a +/− button, an input or a link of the network diagram."""
        page = self.window.page("training")
        view = page.network_view
        if not view.isVisible():
            return
        items = [it for it in view.scene().items()
                 if isinstance(it, (network_items.Button, network_items.Node))]
        if items and self.rng.random() < 0.75:
            where = self.rng.choice(items).sceneBoundingRect().center()
        else:
            rect = view.sceneRect()
            where = QPointF(self.rng.uniform(rect.left(), rect.right()),
                            self.rng.uniform(rect.top(), rect.bottom()))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.mapFromScene(where))

    def boundary_click(self) -> None:
        """Left click adds a point, right click removes the nearest."""
        bv = self.window.page("training").boundary_view
        plot = bv.plot
        if not plot.isVisible():
            return
        x, y = self.rng.uniform(-6.5, 6.5), self.rng.uniform(-6.5, 6.5)
        pos = plot.mapFromScene(bv.view_box.mapViewToScene(QPointF(x, y)))
        button = self.rng.choice([Qt.MouseButton.LeftButton] * 2 + [Qt.MouseButton.RightButton])
        QTest.mouseClick(plot.viewport(), button, pos=pos)

    def transport(self) -> None:
        """Play, Step, Reset, Regenerate on the training or compare page, mid-training."""
        names = ["playButton", "stepButton", "resetButton", "regenerateButton",
                 "randomizeButton", "comparePlayButton", "compareStepButton",
                 "compareResetButton"]
        buttons = [b for b in self._widgets(QPushButton) if b.objectName() in names]
        if buttons:
            QTest.mouseClick(self.rng.choice(buttons), Qt.MouseButton.LeftButton)

    def switch_page(self) -> None:
        i = self.rng.randrange(len(PAGE_NAMES))
        if self.rng.random() < 0.5:
            pages = self.window.findChild(QListWidget, "pageList")
            QTest.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton,
                             pos=pages.visualItemRect(pages.item(i)).center())
        else:
            self.window.show_page(PAGE_NAMES[i])

    def menu_action(self) -> None:
        actions = [a for a in _menu_actions(self.window.menuBar())
                   if a.isEnabled() and a.objectName() not in NEVER]
        if actions:
            self.rng.choice(actions).trigger()

    def theme(self) -> None:
        key = self.rng.choice(["Light", "Dark", "System"])
        _action(self.window, "actionTheme" + key).trigger()

    def language(self) -> None:
        key = self.rng.choice(["zhCN", "en", "System"])
        action = _action(self.window, "actionLanguage" + key, required=False)
        if action is not None:
            action.trigger()

    def bad_session(self) -> None:
        self._refused("session", lambda: self.window.sessions.open())

    def bad_csv(self) -> None:
        page = self.window.page("training")
        self._refused("csv", page.import_points)

    def _refused(self, kind: str, load) -> None:
        """Offer a broken file: a warning must name the problem and nothing may change."""
        self._offer = kind
        before = self._state()
        n = len(self.dialogs.said)
        load()
        self._offer = None
        said = [s for s in self.dialogs.said[n:] if s[0] == "warning"]
        if not said:
            self.mismatches.append(f"{self.capture.where}: a bad {kind} file gave no message")
        elif not said[-1][2].strip():
            self.mismatches.append(f"{self.capture.where}: an empty message for a bad {kind}")
        if self._state() != before:
            self.mismatches.append(f"{self.capture.where}: a bad {kind} file changed the state")
        self.refusals += 1

    def good_session(self) -> None:
        saved = [p for p in self.saved if os.path.isfile(p)]
        if not saved:
            self._save_session()
            return
        path = self.rng.choice(saved)
        problem = self.window.sessions.load(path)
        if problem is not None:
            self.mismatches.append(f"{self.capture.where}: a saved session was refused: "
                                   f"{problem}")
        self.loaded += 1

    def _save_session(self) -> None:
        path = os.path.join(self.folder, f"saved{len(self.saved)}" + session.SUFFIX)
        if self.window.sessions.write(path):
            self.saved.append(path)

    def good_csv(self) -> None:
        path = storm_files.good_csv(os.path.join(self.folder, "csv"), self.rng)
        page = self.window.page("training")
        try:
            page.controller.load_points(path)
        except ValueError as e:  # e.g. a regression data set wants numeric labels it has
            if not str(e).strip():
                self.mismatches.append(f"{self.capture.where}: CSV refused without a reason")
        self.loaded += 1

    def resize(self) -> None:
        if self.window.isFullScreen():
            self.window.showNormal()
        self.window.resize(self.rng.randint(900, 1920), self.rng.randint(600, 1200))

    def wait(self) -> None:
        QTest.qWait(self.rng.randint(5, 80))

    def close_windows(self) -> None:
        """Close inspectors, sheets and message boxes the storm opened."""
        for w in QApplication.topLevelWidgets():
            if w is not self.window and w.isVisible():
                w.close()

    def restart(self) -> None:
        """Quit and start again in a language (the way a language change takes effect),
        carrying the session over."""
        path = os.path.join(self.folder, "restart" + session.SUFFIX)
        if not self.window.sessions.write(path):
            self.mismatches.append(f"{self.capture.where}: could not save before a restart")
            return
        self.close()
        self.translators = i18n.install_translators(self.app, self.rng.choice(["en", "zh_CN"]))
        self._new_window()
        problem = self.window.sessions.load(path)
        if problem is not None:
            self.mismatches.append(f"{self.capture.where}: restart session refused: {problem}")

    def check(self) -> None:
        from views_agree import disagreements

        self.mismatches += [f"{self.capture.where}: {m}" for m in disagreements(self.window)]

    # -- dialog answers --------------------------------------------------------------------------
    def _session_file(self) -> str:
        if self._offer == "session" or not self.saved or self.rng.random() < 0.3:
            return self.rng.choice(self.bad_sessions)
        return self.rng.choice(self.saved + [""])

    def _csv_file(self) -> str:
        if self._offer == "csv" or self.rng.random() < 0.5:
            return self.rng.choice(self.bad_csvs)
        return self.rng.choice([storm_files.good_csv(os.path.join(self.folder, "csv"), self.rng),
                                ""])

    def _save_path(self, directory: str, filter: str) -> str:
        r = self.rng.random()
        if r < 0.15:
            return ""
        if r < 0.3:
            return os.path.join(self.folder, "no", "such", "folder", "x" + session.SUFFIX)
        suffix = session.SUFFIX if "actgui" in filter else (".csv" if "csv" in filter.lower()
                                                            else ".png")
        path = os.path.join(self.folder, f"out{self.rng.randrange(1000)}{suffix}")
        if suffix == session.SUFFIX:
            self.saved.append(path)
        return path

    def _folder(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return ""
        if r < 0.35:
            return os.path.join(self.folder, "missing-folder")
        os.makedirs(out := os.path.join(self.folder, "exports"), exist_ok=True)
        return out

    def _state(self) -> bytes:
        return session.dumps(session_state.gather(self.window))


def _type(w: QWidget, text: str) -> None:
    """Type text as key presses; QTest only knows ASCII, so other characters (a real minus
    sign, Arabic digits) go as key events that carry just their text."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(w, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(w, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _opens_menu(b: QAbstractButton) -> bool:
    if isinstance(b, QToolButton):
        return b.menu() is not None or b.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
    return isinstance(b, QPushButton) and b.menu() is not None


def _menu_actions(menu_or_bar) -> list:
    out = []
    for a in menu_or_bar.actions():
        if a.menu() is not None:
            out += _menu_actions(a.menu())
        elif not a.isSeparator():
            out.append(a)
    return out


def _action(window: QWidget, name: str, required: bool = True):
    from PySide6.QtGui import QAction

    a = window.findChild(QAction, name)
    if a is None and required:
        raise LookupError(name)
    return a
