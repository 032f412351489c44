"""Settings ▸ Reset to Defaults, the keyboard shortcuts sheet (F1), menu tips, About."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from actgui import __version__
from actgui.ui.main_window import DEFAULT_SIZE, MainWindow, create_main_window
from actgui.ui.settings import Settings
from actgui.ui.shortcuts import ShortcutsDialog, menu_shortcuts, page_keys

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def ini_path(tmp_path) -> str:
    return str(tmp_path / "actgui.ini")


def make_window(qtbot, ini_path: str) -> MainWindow:
    w = create_main_window(QSettings(ini_path, QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, ini_path) -> MainWindow:
    return make_window(qtbot, ini_path)


def stored_keys(ini_path: str) -> list[str]:
    return QSettings(ini_path, QSettings.Format.IniFormat).allKeys()


def keys(text: str) -> str:
    return QKeySequence(text).toString(NATIVE)


# -- Settings ▸ Reset to Defaults ---------------------------------------------------------------

def customise(window: MainWindow, tmp_path) -> None:
    """Change everything that is stored, the way a learner would."""
    session = tmp_path / "run.actgui.json"
    session.write_text("{}")
    window.show_page("training")
    window.resize(900, 600)
    window.findChild(QAction, "actionExportScale4").trigger()
    settings = window._settings
    settings.language = "zh_CN"
    settings.export_dir = str(tmp_path)
    settings.add_recent_file(str(session))
    window.save_settings()


def test_reset_to_defaults_clears_every_stored_setting(window, qtbot, ini_path, tmp_path,
                                                      monkeypatch):
    customise(window, tmp_path)
    stored = set(stored_keys(ini_path))
    assert {"window/geometry", "window/page", "ui/language", "session/recent",
            "export/png_scale", "export/folder"} <= stored

    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Reset))
    window.findChild(QAction, "actionResetSettings").trigger()

    assert len(asked) == 1 and "Forget all saved settings" in asked[0][2]
    assert stored_keys(ini_path) == []
    assert window.size() == QSize(*DEFAULT_SIZE)
    assert window.current_page_name() == "activations"
    settings = Settings(QSettings(ini_path, QSettings.Format.IniFormat))
    assert (settings.geometry, settings.last_page, settings.language, settings.recent_files,
            settings.export_scale, settings.export_dir) == (None, "", "", [], 2, "")
    # the menus follow: the default PNG size is ticked, Open Recent is empty
    assert window.findChild(QAction, "actionExportScale2").isChecked()
    assert not window.sessions.recent_menu.menuAction().isEnabled()
    assert "defaults" in window.statusBar().currentMessage()


def test_after_a_reset_the_next_start_is_a_first_start(window, qtbot, ini_path, tmp_path):
    customise(window, tmp_path)
    assert window.reset_settings(confirm=False)
    window.close()  # closing stores the window as it is now: default size, first page
    again = make_window(qtbot, ini_path)
    # exactly like the second start of a fresh install (the offscreen screen is smaller
    # than the default size, so restoring a geometry shrinks the window the same way)
    fresh = str(tmp_path / "fresh.ini")
    make_window(qtbot, fresh).close()
    second = make_window(qtbot, fresh)
    assert again.size() == second.size() and again.pos() == second.pos()
    assert again.current_page_name() == "activations"
    assert again._settings.language == "" and again._settings.export_scale == 2


def test_reset_cancelled_changes_nothing(window, qtbot, ini_path, tmp_path, monkeypatch):
    customise(window, tmp_path)
    before = {k: QSettings(ini_path, QSettings.Format.IniFormat).value(k)
              for k in stored_keys(ini_path)}
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    assert not window.reset_settings()
    after = {k: QSettings(ini_path, QSettings.Format.IniFormat).value(k)
             for k in stored_keys(ini_path)}
    assert after == before
    assert window.current_page_name() == "training" and window.size() == QSize(900, 600)


def test_reset_leaves_full_screen(window, qtbot):
    window.full_screen_action.setChecked(True)
    qtbot.waitUntil(window.isFullScreen)
    window.reset_settings(confirm=False)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()
    assert window.size() == QSize(*DEFAULT_SIZE)


def test_settings_menu_sits_before_help(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&Settings", "&Help"]
    assert window.settings_menu.objectName() == "menuSettings"
    assert window.settings_menu.actions() == [window.reset_settings_action]


def test_export_scale_setting_round_trips_and_rejects_nonsense(ini_path):
    settings = Settings(QSettings(ini_path, QSettings.Format.IniFormat))
    assert settings.export_scale == 2
    settings.export_scale = 4
    assert Settings(QSettings(ini_path, QSettings.Format.IniFormat)).export_scale == 4
    with pytest.raises(ValueError):
        settings.export_scale = 3
    settings.qsettings.setValue(Settings.EXPORT_SCALE, "huge")  # a hand-edited file
    assert settings.export_scale == 2


# -- Help ▸ Keyboard Shortcuts -----------------------------------------------------------------

def open_sheet_with_f1(window, qtbot) -> ShortcutsDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert sheet is not None
    qtbot.waitExposed(sheet)
    return sheet


def test_f1_opens_the_shortcuts_sheet(window, qtbot):
    assert window.shortcuts_action.objectName() == "actionShortcuts"
    assert window.shortcuts_action in window.help_menu.actions()
    assert window.shortcuts_action.shortcut().toString() == "F1"
    sheet = open_sheet_with_f1(window, qtbot)
    assert sheet.isVisible() and sheet.table.columnCount() == 2
    # F1 again gives one sheet, not two
    sheet.close()
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is None)
    open_sheet_with_f1(window, qtbot)
    window.show_shortcuts()
    qtbot.waitUntil(lambda: len(window.findChildren(ShortcutsDialog)) == 1)


def test_sheet_lists_every_key(window, qtbot):
    sheet = window.show_shortcuts()
    rows = dict(sheet.rows())
    by_key = {}
    for text, key in sheet.rows():
        for k in key.split(", "):
            by_key.setdefault(k, []).append(text)
    expected = ["Ctrl+E", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "F11", "Ctrl+Q", "F1",
                "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Space", "Right", "R"]
    for key in expected:
        assert keys(key) in by_key, key
    assert rows["Export All Figures"] == keys("Ctrl+E")
    assert rows["Play / pause training"] == keys("Space")
    assert rows["One training step"] == keys("Right")
    assert rows["Reset the network"] == keys("R")
    assert rows["Quit"] == keys("Ctrl+Q")
    assert rows["Keyboard Shortcuts"] == keys("F1")
    # grouped under headings: the menus, then the Training page
    headings = [sheet.table.item(r, 0).text() for r in range(sheet.table.rowCount())
                if sheet.table.item(r, 1) is None]
    assert headings[0] == "File" and headings[-1] == "Training page"
    assert "View" in headings and "Help" in headings


def test_sheet_is_built_from_the_menu_actions(window):
    """A shortcut added to a menu shows up in the sheet without touching the sheet's code,
    and every menu shortcut is on it."""
    listed = {(text, key) for _, text, key in menu_shortcuts(window.menuBar())}
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.associatedObjects():
            in_menu = any(o.metaObject().className() == "QMenu"
                          for o in action.associatedObjects())
            if in_menu:
                assert any(k == action.shortcut().toString(NATIVE) for _, k in listed), \
                    action.objectName()
    extra = QAction("&Frobnicate…", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.view_menu.addAction(extra)
    rows = dict(window.show_shortcuts().rows())
    assert rows["Frobnicate"] == keys("Ctrl+Alt+F")


def test_page_keys_on_the_sheet_are_the_training_pages_own(window):
    page = window.page("training")
    page_shortcuts = {sc.key().toString() for sc in page.findChildren(QShortcut)
                      if sc.parent() is page}
    sheet_keys = {key.toString() for _, _, key in page_keys()}
    assert sheet_keys == page_shortcuts == {"Space", "Right", "R"}


# -- menus -------------------------------------------------------------------------------------

def all_menu_actions(window):
    def walk(menu):
        for action in menu.actions():
            if action.isSeparator():
                continue
            yield action
            if action.menu() is not None:
                action.menu().aboutToShow.emit()  # dynamic menus fill themselves here
                yield from walk(action.menu())

    for top in window.menuBar().actions():
        yield from walk(top.menu())


def test_every_menu_entry_has_a_tooltip_and_a_status_tip(window):
    window.show_page("softmax")
    seen = set()
    for action in all_menu_actions(window):
        seen.add(action.objectName())
        if not action.isEnabled() and not action.objectName():
            continue  # "No recent sessions", a placeholder
        text = action.text().replace("&", "")
        assert action.toolTip() and action.statusTip(), action.text()
        if action.parent() is not window.language_menu:  # endonyms describe themselves
            assert action.toolTip() != text, action.text()  # a real description
    assert {"actionExportAll", "actionExportData", "actionExportScale1", "actionExportScale2",
            "actionExportScale4", "actionExportFigure_jacobian", "actionResetSettings",
            "actionShortcuts", "actionAbout", "actionQuit"} <= seen


def test_shortcuts_are_shown_in_the_menus(window):
    """Qt shows a QAction's shortcut in its menu entry; these are the ones that must be set."""
    expected = {"actionExportAll": "Ctrl+E", "actionShortcuts": "F1", "actionQuit": "Ctrl+Q",
                "actionPageTraining": "Ctrl+3", "actionOpen": "Ctrl+O", "actionSave": "Ctrl+S",
                "actionSaveAs": "Ctrl+Shift+S"}
    for name, key in expected.items():
        action = window.findChild(QAction, name)
        assert action is not None, name
        assert action.shortcut() == QKeySequence(key), name
    assert window.full_screen_action.shortcut() in (QKeySequence("F11"),
                                                    QKeySequence(QKeySequence.StandardKey
                                                                 .FullScreen))


def test_file_menu_order(window):
    names = ["-" if a.isSeparator() else (a.menu().objectName() if a.menu() else a.objectName())
             for a in window.file_menu.actions()]
    i = names.index("actionExportAll")
    assert names[i:i + 5] == ["actionExportAll", "menuExportFigure", "actionExportData",
                              "menuExportScale", "-"]
    assert names.index("actionSaveAs") < i and names[-1] == "actionQuit"


# -- Help ▸ About ------------------------------------------------------------------------------

def test_about_names_version_and_every_licence(window):
    text = window.about_text()
    assert f"actgui {__version__}" in text
    assert "actgui is free software under the MIT licence" in text
    for needle in ("PySide6", "Qt", "GNU LGPL version 3", "pyqtgraph", "MIT licence", "NumPy",
                   "BSD 3-Clause"):
        assert needle in text
