"""The main window: a sidebar of pages, menus, a status bar, and settings that persist.

The window only arranges pages; each page lives in its own module under ``actgui.ui.pages``,
so nothing here grows with the pages' features. Only the page shown first is built before
the window appears; the others are built one per event-loop turn right after the first paint
(or at once when asked for), which keeps start-up close to the cost of the imports alone.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import partial
from importlib import resources

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from actgui import __version__
from actgui.ui import appearance, i18n
from actgui.ui.export_menu import ExportMenu
from actgui.ui.session_menu import SessionMenu
from actgui.ui.settings import Settings


@dataclass(frozen=True)
class PageSpec:
    name: str  # used by show_page(), --page and the settings file
    module: str
    cls: str


PAGES = (
    PageSpec("activations", "actgui.ui.pages.activations", "ActivationsPage"),
    PageSpec("softmax", "actgui.ui.pages.softmax", "SoftmaxPage"),
    PageSpec("training", "actgui.ui.pages.training", "TrainingPage"),
    PageSpec("compare", "actgui.ui.pages.compare", "ComparePage"),
)
PAGE_NAMES = tuple(spec.name for spec in PAGES)
DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (760, 520)

COMPACT_BELOW = 960  # window width (px) under which the sidebar shows only the page icons
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 1  # a page's title, kept while the sidebar is compact

_SIDEBAR_STYLE = """
#sidebar { background: #F2F5F8; border-right: 1px solid #D5DEE8; }
#appName { color: #12324D; }
#appTagline, #versionLabel { color: #5B6B7B; }
#pageList { background: transparent; border: none; outline: 0; }
#pageList::item { padding: 9px 10px; margin: 1px 0; border-radius: 6px; color: #1F2933; }
#pageList::item:hover { background: #E3ECF5; }
#pageList::item:selected { background: #CFE2F3; color: #0B2E4A; }
"""


def resource_path(*parts: str) -> str:
    return str(resources.files("actgui").joinpath("resources", *parts))


def app_icon() -> QIcon:
    """The application icon: the SVG where Qt's SVG plugin exists, else the 256 px PNG."""
    icon = QIcon(resource_path("actgui.svg"))
    icon.addFile(resource_path("actgui.png"), QSize(256, 256))
    return icon


def configure_pyqtgraph() -> None:
    """Global pyqtgraph options; call before the first plot widget exists (idempotent)."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._settings = settings
        self._restoring = True
        self._was_maximized = False
        self.setWindowTitle(self.tr("actgui — Activation functions, seen"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(*MINIMUM_SIZE)

        self._texts = self._page_texts()
        self._pages: list[QWidget | None] = [None] * len(PAGES)
        self._painted = False
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("pageStack")
        for _ in PAGES:
            self._stack.addWidget(QWidget(self._stack))  # stand-in until the page is built

        # File ▸ Open / Open Recent / Save / Save As and the session banner.
        self.sessions = SessionMenu(self, settings)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_sidebar())
        column = QVBoxLayout()  # the session banner (hidden unless needed) above the page
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sessions.banner)
        column.addWidget(self._stack, 1)
        layout.addLayout(column, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._hint = QLabel(self)
        self._hint.setObjectName("pageHint")
        self._hint.setContentsMargins(6, 0, 0, 0)
        self.statusBar().addWidget(self._hint, 1)
        self._status = QLabel(self)
        self._status.setObjectName("pageStatus")
        self.statusBar().addPermanentWidget(self._status)

        self._restore()
        self._restoring = False
        self._list.setFocus()  # arrow keys move between pages from the start

    # -- construction ------------------------------------------------------------------------
    def _page_texts(self) -> dict[str, tuple[str, str, str]]:
        """(sidebar title, tooltip, status-bar hint) per page."""
        return {
            "activations": (
                self.tr("Activations"),
                self.tr("Explore activation functions: their curves, slopes and saturation"),
                self.tr(
                    "Tick activations to overlay their curves; move the z probe to read "
                    "the value and the slope at that point."
                ),
            ),
            "softmax": (
                self.tr("Softmax"),
                self.tr("See how softmax turns a list of scores (logits) into probabilities"),
                self.tr(
                    "Change the logits or the temperature and watch the probabilities move; "
                    "they always add up to 1."
                ),
            ),
            "training": (
                self.tr("Training"),
                self.tr("Watch a tiny network learn, and see its units die and saturate"),
                self.tr(
                    "Press Play (Space) and watch the decision boundary form; click a unit "
                    "to inspect it."
                ),
            ),
            "compare": (
                self.tr("Compare"),
                self.tr("Train with different activations side by side, over several seeds"),
                self.tr(
                    "Tick 2 to 4 activations and press Play: every run sees the same data "
                    "and starting weights."
                ),
            ),
        }

    def _build_sidebar(self) -> QFrame:
        sidebar = QFrame(self)
        sidebar.setObjectName("sidebar")
        sidebar.setStyleSheet(_SIDEBAR_STYLE)

        logo = QLabel(sidebar)
        logo.setPixmap(app_icon().pixmap(34, 34))
        name = QLabel("actgui", sidebar)
        name.setObjectName("appName")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        name.setFont(font)
        header = QHBoxLayout()
        header.setSpacing(9)
        header.addWidget(logo)
        header.addWidget(name, 1)
        tagline = QLabel(self.tr("Activation functions, seen"), sidebar)
        tagline.setObjectName("appTagline")
        font = tagline.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        tagline.setFont(font)

        self._list = QListWidget(sidebar)
        self._list.setObjectName("pageList")
        self._list.setToolTip(self.tr("Choose a page (Ctrl+1 to Ctrl+4)"))
        self._list.setIconSize(QSize(26, 26))
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setUniformItemSizes(True)
        font = self._list.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._list.setFont(font)
        for i, spec in enumerate(PAGES):
            title, tooltip, _ = self._texts[spec.name]
            item = QListWidgetItem(QIcon(resource_path("icons", f"{spec.name}.svg")), title)
            item.setToolTip(f"{tooltip} (Ctrl+{i + 1})")
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setData(_TITLE_ROLE, title)
            self._list.addItem(item)
        self._list.currentRowChanged.connect(self._on_row_changed)

        version = QLabel(self.tr("Version {0}").format(__version__), sidebar)
        version.setObjectName("versionLabel")

        box = QVBoxLayout(sidebar)
        box.setContentsMargins(12, 14, 12, 10)
        box.setSpacing(4)
        box.addLayout(header)
        box.addWidget(tagline)
        box.addSpacing(12)
        box.addWidget(self._list, 1)
        box.addWidget(version)

        # Wide enough for the longest label in any language: icon, padding, margins.
        metrics = self._list.fontMetrics()
        item_width = max(metrics.horizontalAdvance(t[0]) for t in self._texts.values()) + 84
        tagline_width = tagline.fontMetrics().horizontalAdvance(tagline.text()) + 24 + 16
        sidebar.setFixedWidth(max(184, item_width, tagline_width))
        self._sidebar, self._sidebar_box = sidebar, box
        self._sidebar_texts = (name, tagline, version)
        self._full_width, self._compact = sidebar.width(), False
        return sidebar

    def set_compact_sidebar(self, compact: bool) -> None:
        """Page icons only (titles in their tooltips), giving a small window's pages the
        sidebar's width."""
        if compact == self._compact:
            return
        self._compact = compact
        for label in self._sidebar_texts:
            label.setVisible(not compact)
        for i in range(self._list.count()):
            item = self._list.item(i)
            title = item.data(_TITLE_ROLE)
            item.setText("" if compact else title)
            tip = item.toolTip().removeprefix(f"{title}: ")
            item.setToolTip(f"{title}: {tip}" if compact else tip)
        margin = 6 if compact else 12
        self._sidebar_box.setContentsMargins(margin, 14, margin, 10)
        width = self._list.sizeHintForColumn(0) + 2 * margin + 2 * self._list.frameWidth()
        self._sidebar.setFixedWidth(width if compact else self._full_width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.set_compact_sidebar(self.width() < COMPACT_BELOW)

    def _build_actions(self) -> None:
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("actionQuit")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.setToolTip(self.tr("Close actgui"))
        self.quit_action.triggered.connect(self.close)

        self.page_group = QActionGroup(self)
        self.page_group.setExclusive(True)
        self.page_actions: dict[str, QAction] = {}
        for i, spec in enumerate(PAGES):
            title, tooltip, _ = self._texts[spec.name]
            action = QAction(self._list.item(i).icon(), title, self)
            action.setObjectName("actionPage" + spec.name.capitalize())
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
            action.triggered.connect(partial(self.show_page, spec.name))
            self.page_group.addAction(action)
            self.page_actions[spec.name] = action

        self.full_screen_action = QAction(self.tr("&Full Screen"), self)
        self.full_screen_action.setObjectName("actionFullScreen")
        self.full_screen_action.setCheckable(True)
        full = QKeySequence(QKeySequence.StandardKey.FullScreen)
        self.full_screen_action.setShortcut(full if not full.isEmpty() else QKeySequence("F11"))
        self.full_screen_action.setToolTip(self.tr("Use the whole screen for the window"))
        self.full_screen_action.toggled.connect(self.set_full_screen)

        self.about_action = QAction(self.tr("&About actgui"), self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.setToolTip(self.tr("Version, purpose and licences"))
        self.about_action.triggered.connect(self.show_about)

        self.about_qt_action = QAction(self.tr("About &Qt"), self)
        self.about_qt_action.setObjectName("actionAboutQt")
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.setToolTip(self.tr("The Qt toolkit that draws this window"))
        self.about_qt_action.triggered.connect(QApplication.aboutQt)

        for action in (self.quit_action, self.full_screen_action, self.about_action,
                       self.about_qt_action):
            action.setStatusTip(action.toolTip())

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.setObjectName("menuFile")
        self.sessions.add_to(self.file_menu)
        self.exports = ExportMenu(self, self._settings)  # Export figures / data, PNG size
        self.exports.add_to(self.file_menu)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("menuView")
        self.view_menu.addActions(self.page_group.actions())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.full_screen_action)
        self.view_menu.addSeparator()
        self.language_menu = i18n.add_language_menu(self, self.view_menu, self._settings)
        self.theme_menu = appearance.add_theme_menu(self, self.view_menu, self._settings)

        self.settings_menu = self._build_settings_menu()

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("menuHelp")
        self.help_menu.addAction(self._build_shortcuts_action())
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.about_qt_action)
        for menu in (self.file_menu, self.view_menu, self.settings_menu, self.help_menu):
            menu.setToolTipsVisible(True)
            self._fill_status_tips(menu)

    # -- pages -------------------------------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page widget, built now if it has not been built yet."""
        return self._ensure_page(self._index(name))

    def pages_built(self) -> list[str]:
        built = zip(PAGES, self._pages, strict=True)
        return [spec.name for spec, page in built if page is not None]

    def build_all_pages(self) -> None:
        for index in range(len(PAGES)):
            self._ensure_page(index)

    def _ensure_page(self, index: int) -> QWidget:
        page = self._pages[index]
        if page is None:
            spec = PAGES[index]
            page = getattr(importlib.import_module(spec.module), spec.cls)()
            message = getattr(page, "status_message", None)
            if message is not None:
                message.connect(lambda text, i=index: self._page_status(i, text))
            stand_in = self._stack.widget(index)
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._pages[index] = page
        return page

    def _build_next_page(self) -> None:
        """Build one missing page, then yield to the event loop before the next one."""
        if not self.isVisible():  # closed, or quitting: a timer can still fire after exit()
            return
        missing = [i for i, page in enumerate(self._pages) if page is None]
        if missing:
            self._ensure_page(missing[0])
            if len(missing) > 1:
                QTimer.singleShot(0, self._build_next_page)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Runs after this paint pass has reached the screen.
            QTimer.singleShot(0, self._build_next_page)
            QTimer.singleShot(0, self._prepare_plot_export)

    def current_page_name(self) -> str:
        return PAGE_NAMES[self._stack.currentIndex()]

    def show_page(self, name: str) -> None:
        """Switch to a page by name: "activations", "softmax", "training" or "compare"."""
        self._set_current(self._index(name))

    @staticmethod
    def _index(name: str) -> int:
        try:
            return PAGE_NAMES.index(name)
        except ValueError:
            raise ValueError(f"unknown page {name!r}; expected one of {PAGE_NAMES}") from None

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self._set_current(row)

    def _set_current(self, index: int) -> None:
        self._ensure_page(index)
        self._stack.setCurrentIndex(index)
        self._list.blockSignals(True)
        self._list.setCurrentRow(index)
        self._list.blockSignals(False)
        name = PAGE_NAMES[index]
        self.page_actions[name].setChecked(True)
        self._hint.setText(self._texts[name][2])
        self._status.clear()
        if not self._restoring:
            self._settings.last_page = name

    def _page_status(self, index: int, message: str) -> None:
        if index == self._stack.currentIndex():  # pages in the background stay quiet
            self.show_status_message(message)

    def show_status_message(self, message: str) -> None:
        """A page's live status, at the right of the status bar (the hint stays at the left)."""
        self._status.setText(message)

    # -- window state ------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self._settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self._apply_default_geometry()
        state = self._settings.window_state
        if state is not None:
            self.restoreState(state)
        last = self._settings.last_page
        self._set_current(self._index(last) if last in PAGE_NAMES else 0)

    def _apply_default_geometry(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen() or QGuiApplication.primaryScreen()
        # The offscreen and minimal platforms have a nominal screen only: keep the full size.
        if screen is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
            self.resize(width, height)
            return
        area = screen.availableGeometry()
        width = min(width, int(area.width() * 0.94))
        height = min(height, int(area.height() * 0.92))
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)

    def save_settings(self) -> None:
        self._settings.geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()
        self._settings.last_page = self.current_page_name()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_settings()
        super().closeEvent(event)

    def set_full_screen(self, on: bool) -> None:
        if on == self.isFullScreen():
            return
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_screen_action.blockSignals(True)
            self.full_screen_action.setChecked(self.isFullScreen())
            self.full_screen_action.blockSignals(False)
        super().changeEvent(event)

    def _prepare_plot_export(self) -> None:
        """Make SVG export work in pyqtgraph's own right-click Export… dialog as well (see
        actgui.ui.export.allow_closed_svg_paths); done when idle, start-up does not wait."""
        from actgui.ui import export

        export.allow_closed_svg_paths()

    # -- settings and shortcuts --------------------------------------------------------------
    def _fill_status_tips(self, menu: QMenu) -> None:
        """Every menu entry (submenus too) says in the status bar what its tooltip says."""
        for action in menu.actions():
            if not action.statusTip():
                action.setStatusTip(action.toolTip())
            if action.menu() is not None:
                self._fill_status_tips(action.menu())

    def _build_settings_menu(self) -> QMenu:
        """Settings ▸ Reset to Defaults."""
        menu = self.menuBar().addMenu(self.tr("&Settings"))
        menu.setObjectName("menuSettings")
        self.reset_settings_action = QAction(self.tr("&Reset to Defaults…"), self)
        self.reset_settings_action.setObjectName("actionResetSettings")
        tip = self.tr("Forget the saved window size, page, recent sessions, language and "
                      "export choices")
        self.reset_settings_action.setToolTip(tip)
        self.reset_settings_action.setStatusTip(tip)
        self.reset_settings_action.triggered.connect(lambda: self.reset_settings())
        menu.addAction(self.reset_settings_action)
        return menu

    def reset_settings(self, confirm: bool = True) -> bool:
        """Clear every stored setting and put the window back to its first-start size and
        page, after asking (unless `confirm` is False). Returns True when it was done."""
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Reset to Defaults"),
                self.tr("Forget all saved settings: window size and position, the last page, "
                        "recent sessions, the language and the export choices?\n\nA "
                        "language change takes effect the next time actgui starts."),
                QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Reset:
                return False
        self._settings.clear()
        self._restoring = True  # nothing is written back until the learner changes something
        try:
            if self.isFullScreen() or self.isMaximized():
                self.showNormal()
            self._apply_default_geometry()
            self._set_current(0)
        finally:
            self._restoring = False
        self.sessions.refresh_recent()
        self.exports.refresh_scale()
        self.statusBar().showMessage(self.tr("All settings are back to their defaults."),
                                     8000)
        return True

    def _build_shortcuts_action(self) -> QAction:
        """Help ▸ Keyboard Shortcuts, on F1 (the platform's help key)."""
        action = QAction(self.tr("&Keyboard Shortcuts"), self)
        action.setObjectName("actionShortcuts")
        keys = QKeySequence(QKeySequence.StandardKey.HelpContents)
        action.setShortcut(keys if not keys.isEmpty() else QKeySequence("F1"))
        tip = self.tr("Every key actgui answers to, on one sheet")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(self.show_shortcuts)
        self.shortcuts_action = action
        return action

    def show_shortcuts(self) -> QDialog:
        """The keyboard shortcuts sheet (one at a time; built anew so it is always current)."""
        from actgui.ui.shortcuts import ShortcutsDialog

        for old in self.findChildren(ShortcutsDialog):
            old.close()  # deletes itself
        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- help --------------------------------------------------------------------------------
    def about_text(self) -> str:
        import numpy
        import pyqtgraph
        import PySide6
        from PySide6.QtCore import qVersion

        return self.tr(
            "<h3>actgui {version}</h3>"
            "<p>actgui lets you see how the activation functions of artificial neurons "
            "behave: their curves and slopes, what softmax does to a list of scores, and "
            "what happens inside a small network while it learns: which ReLU units die, "
            "which sigmoid and tanh units saturate, and why zero-centred outputs help.</p>"
            "<p>actgui is free software under the MIT licence. It is built on:</p>"
            "<ul>"
            "<li>PySide6 {pyside} and Qt {qt}: GNU LGPL version 3</li>"
            "<li>pyqtgraph {pyqtgraph}: MIT licence</li>"
            "<li>NumPy {numpy}: BSD 3-Clause licence</li>"
            "</ul>"
        ).format(
            version=__version__,
            pyside=PySide6.__version__,
            qt=qVersion(),
            pyqtgraph=pyqtgraph.__version__,
            numpy=numpy.__version__,
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About actgui"))
        box.setIconPixmap(app_icon().pixmap(96, 96))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 440px; }")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def create_main_window(settings: QSettings | Settings | None = None) -> MainWindow:
    """Build the main window (not shown, no event loop). Needs a QApplication.

    ``settings`` may be a QSettings (tests pass one on a temporary INI file), a Settings, or
    None for the application's default QSettings.
    """
    if not isinstance(settings, Settings):
        settings = Settings(settings)
    configure_pyqtgraph()
    return MainWindow(settings)
