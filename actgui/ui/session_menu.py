"""File ▸ Open / Open Recent / Save / Save As, and the banner for a session that failed at start.

`SessionMenu` belongs to the main window: it owns the four menu entries, the recent-files
list (kept in Settings) and the banner the window shows above its pages. Reading, checking and
applying a session is `actgui.ui.session_state`'s job, imported on first use so that start-up
does not pay for the page modules it imports.

A file that cannot be opened never changes anything: from the menu it gets a dialog, from the
command line the non-modal banner (start-up carries on with the defaults).
"""

from __future__ import annotations

import os
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolButton,
)

from actgui.ui.settings import Settings

SUFFIX = ".actgui.json"
_BANNER_STYLE = ("#sessionBanner { background: #FDE2E1; border-bottom: 1px solid #D62728; }"
                 "#sessionBannerText { color: #5C0B0B; }")


def _reason(problem: str) -> str:
    """An engine message for a dialog: without its "session: " heading, capitalised."""
    text = problem.removeprefix("session: ")
    return text[:1].upper() + text[1:]


class SessionMenu(QObject):
    def __init__(self, window: QMainWindow, settings: Settings):
        super().__init__(window)
        self.setObjectName("sessionMenu")
        self._window = window
        self._settings = settings
        self._path: str | None = None
        self._build_actions()
        self.banner = self._build_banner()
        self.refresh_recent()

    # -- construction ------------------------------------------------------------------------
    def _action(self, text: str, name: str, keys: str, tip: str, slot) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open Session…"), "actionOpen", "Ctrl+O",
            self.tr("Open a saved session: every page's settings and the training run, "
                    "exactly as they were saved"), lambda: self.open())
        self.save_action = self._action(
            self.tr("&Save Session"), "actionSave", "Ctrl+S",
            self.tr("Save every page's settings and the training run (weights, history, "
                    "added points) so that training can carry on later"), self.save)
        self.save_as_action = self._action(
            self.tr("Save Session &As…"), "actionSaveAs", "Ctrl+Shift+S",
            self.tr("Save the session under a new file name"), self.save_as)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self._window)
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.setToolTipsVisible(True)
        tip = self.tr("Sessions opened or saved lately")
        self.recent_menu.menuAction().setToolTip(tip)
        self.recent_menu.menuAction().setStatusTip(tip)
        self.recent_menu.aboutToShow.connect(self.refresh_recent)

    def _build_banner(self) -> QFrame:
        banner = QFrame(self._window)
        banner.setObjectName("sessionBanner")
        banner.setStyleSheet(_BANNER_STYLE)
        self._banner_text = QLabel(banner)
        self._banner_text.setObjectName("sessionBannerText")
        self._banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self._banner_text.setWordWrap(True)
        self._banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(banner)
        close.setObjectName("sessionBannerClose")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(banner.hide)
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self._banner_text, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        banner.hide()
        return banner

    def add_to(self, menu: QMenu) -> None:
        """Open, Open Recent, Save and Save As at the top of the File menu."""
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()

    # -- state -------------------------------------------------------------------------------
    @property
    def path(self) -> str | None:
        """The session file last opened or saved, if any."""
        return self._path

    def show_banner(self, text: str) -> None:
        """A non-modal notice above the pages, until the learner closes it."""
        self._banner_text.setText(text)
        self.banner.show()

    def banner_text(self) -> str:
        return self._banner_text.text()

    def refresh_recent(self) -> None:
        """Rebuild Open Recent from the settings, dropping files that no longer exist."""
        menu = self.recent_menu
        menu.clear()
        paths = self._settings.recent_files
        self._settings.recent_files = paths
        for i, path in enumerate(paths):
            action = menu.addAction(f"&{i + 1}  {os.path.basename(path)}")
            action.setObjectName(f"actionRecent{i}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(partial(self.open, path))
        if paths:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear the List"))
            clear.setObjectName("actionClearRecent")
            clear.setToolTip(self.tr("Forget the recent sessions (the files stay)"))
            clear.triggered.connect(self.clear_recent)
        else:
            menu.addAction(self.tr("No recent sessions")).setEnabled(False)
        menu.menuAction().setEnabled(bool(paths))

    def clear_recent(self) -> None:
        self._settings.recent_files = []
        self.refresh_recent()

    # -- commands ----------------------------------------------------------------------------
    def open(self, path: str | None = None) -> bool:
        """Open a session file (asking for one if `path` is None); a problem gets a dialog
        and leaves everything as it was. True when the session was applied."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Open Session"),
                                                  self._directory(), self._filter())
            if not path:
                return False
        problem = self.load(path)
        if problem is not None:
            QMessageBox.warning(self._window, self.tr("Could not open the session"), self.tr(
                "{0} could not be opened:\n\n{1}\n\nNothing was changed.").format(
                    path, _reason(problem)))
            self.refresh_recent()
            return False
        return True

    def load(self, path: str) -> str | None:
        """Open a session file without asking anything: None when it was applied, else the
        problem, with the window left exactly as it was."""
        from actgui.ui import session_state

        try:
            plan = session_state.load(path)
        except ValueError as e:
            return str(e)
        session_state.apply(self._window, plan)
        self.banner.hide()
        self._done(path, self.tr("Opened the session {0}."))
        return None

    def open_at_start(self, path: str) -> str | None:
        """The session named on the command line: a problem goes to the banner (start-up
        carries on with the defaults) and is returned for the caller to print."""
        problem = self.load(path)
        if problem is not None:
            self.show_banner(self.tr(
                "The session {0} could not be opened, so actgui started with its default "
                "settings. {1}").format(path, _reason(problem)))
        return problem

    def save(self) -> bool:
        """Save to the current session file, or ask for one."""
        if self._path is None:
            return self.save_as()
        return self.write(self._path)

    def save_as(self) -> bool:
        start = self._path or os.path.join(self._directory(), "session" + SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save Session"), start,
                                              self._filter())
        if not path:
            return False
        if not path.endswith(".json"):
            path += SUFFIX
        return self.write(path)

    def write(self, path: str) -> bool:
        """Write the session to `path` atomically; a problem gets a dialog."""
        from actgui.engine import session
        from actgui.ui import session_state

        try:
            session.save(path, session_state.gather(self._window))
        except (OSError, ValueError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            QMessageBox.warning(self._window, self.tr("Could not save the session"), self.tr(
                "{0} could not be written:\n\n{1}").format(path, _reason(reason)))
            return False
        self._done(path, self.tr("Saved the session to {0}."))
        return True

    # -- helpers -----------------------------------------------------------------------------
    def _done(self, path: str, message: str) -> None:
        self._path = os.path.abspath(path)
        self._settings.add_recent_file(self._path)
        self.refresh_recent()
        self.update_title()
        self._window.show_status_message(message.format(self._path))

    def update_title(self) -> None:
        """Name the session in the window title (the window's own title until there is one)."""
        if self._path is None:
            return
        name = os.path.basename(self._path).removesuffix(SUFFIX).removesuffix(".json")
        self._window.setWindowTitle(self.tr("{0} — actgui").format(name))

    def _directory(self) -> str:
        if self._path:
            return os.path.dirname(self._path)
        recent = self._settings.recent_files
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def _filter(self) -> str:
        return self.tr("actgui sessions (*.actgui.json);;All files (*)")
