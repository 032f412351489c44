"""The application shell: pages, page switching, menus, and settings that persist."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QMessageBox, QStackedWidget, QWidget

from actgui import __version__
from actgui.ui.main_window import PAGE_NAMES, MainWindow, create_main_window
from actgui.ui.settings import Settings

PAGE_OBJECT_NAMES = {
    "activations": "activationsPage",
    "softmax": "softmaxPage",
    "training": "trainingPage",
    "compare": "comparePage",
}


@pytest.fixture
def ini_path(tmp_path):
    return str(tmp_path / "actgui.ini")


def make_window(qtbot, ini_path: str, show: bool = True) -> MainWindow:
    window = create_main_window(QSettings(ini_path, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, ini_path):
    return make_window(qtbot, ini_path)


def stack(window: MainWindow) -> QStackedWidget:
    return window.findChild(QStackedWidget, "pageStack")


def test_window_has_all_four_pages(window, qtbot):
    assert isinstance(window, MainWindow)
    assert window.windowTitle() == "actgui — Activation functions, seen"
    assert not window.windowIcon().isNull()
    # Pages not shown first are built right after the first paint, one per event-loop turn.
    qtbot.waitUntil(lambda: len(window.pages_built()) == 4, timeout=10_000)
    pages = stack(window)
    assert pages.count() == 4
    for index, name in enumerate(PAGE_NAMES):
        page = window.findChild(QWidget, PAGE_OBJECT_NAMES[name])
        assert page is not None, f"no page with objectName {PAGE_OBJECT_NAMES[name]}"
        assert pages.indexOf(page) == index
        assert window.page(name) is page
    assert window.current_page_name() == "activations"
    assert pages.currentWidget() is window.page("activations")


def test_only_the_first_page_is_built_before_showing(qtbot, ini_path):
    window = make_window(qtbot, ini_path, show=False)
    assert window.pages_built() == ["activations"]
    assert window.findChild(QWidget, "softmaxPage") is None
    # Asking for a page builds it on demand, in its place in the stack.
    softmax = window.page("softmax")
    assert softmax.objectName() == "softmaxPage"
    assert stack(window).indexOf(softmax) == 1
    assert stack(window).count() == 4
    assert window.current_page_name() == "activations"
    window.build_all_pages()
    assert window.pages_built() == list(PAGE_NAMES)
    assert [stack(window).widget(i).objectName() for i in range(4)] == [
        PAGE_OBJECT_NAMES[name] for name in PAGE_NAMES
    ]


def test_hidden_window_builds_no_pages_in_the_background(qtbot, ini_path):
    # After close() (or app.exit()) a build timer queued earlier can still fire.
    window = make_window(qtbot, ini_path, show=False)
    window._build_next_page()
    assert window.pages_built() == ["activations"]


def test_fresh_window_starts_on_activations_at_default_size(window):
    assert window.current_page_name() == "activations"
    assert window.size() == QSize(1280, 800)


def test_sidebar_lists_pages_with_icons_and_tooltips(window):
    sidebar = window.findChild(QListWidget, "pageList")
    assert sidebar is not None
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Activations", "Softmax", "Training", "Compare"
    ]
    for i in range(sidebar.count()):
        item = sidebar.item(i)
        assert not item.icon().isNull()
        assert item.toolTip()
        assert item.data(Qt.ItemDataRole.UserRole) == PAGE_NAMES[i]
        # No clipped labels: the text plus icon fits in the list's viewport.
        text_width = sidebar.fontMetrics().horizontalAdvance(item.text())
        assert text_width + sidebar.iconSize().width() + 30 < sidebar.viewport().width()


def test_small_window_sidebar_shows_icons_only(window, qtbot):
    frame, pages = window.findChild(QFrame, "sidebar"), window.findChild(QListWidget, "pageList")
    full = frame.width()
    tips = [pages.item(i).toolTip() for i in range(pages.count())]
    window.resize(800, 560)
    qtbot.waitUntil(lambda: frame.width() < 100)
    assert [pages.item(i).text() for i in range(pages.count())] == [""] * 4
    assert pages.item(2).toolTip() == "Training: " + tips[2]
    assert not window.findChild(QLabel, "appTagline").isVisible()
    for i in range(pages.count()):  # each icon whole inside the narrow list
        rect = pages.visualItemRect(pages.item(i))
        assert rect.width() >= pages.iconSize().width() + 16 and rect.right() <= pages.width()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: frame.width() == full)
    assert pages.item(0).text() == "Activations" and pages.item(0).toolTip() == tips[0]
    assert window.findChild(QLabel, "appTagline").isVisible()


@pytest.mark.parametrize("index", [1, 0, 3, 2])
def test_sidebar_switches_page(window, qtbot, index):
    sidebar = window.findChild(QListWidget, "pageList")
    rect = sidebar.visualItemRect(sidebar.item(index))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_name() == PAGE_NAMES[index]
    assert stack(window).currentWidget().objectName() == PAGE_OBJECT_NAMES[PAGE_NAMES[index]]
    assert window.page_actions[PAGE_NAMES[index]].isChecked()


def test_ctrl_number_shortcuts_switch_pages(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    for key, name in zip(
        (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_1), ("softmax", "compare",
                                                                    "training", "activations"),
        strict=True,
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_name() == name
        assert window.findChild(QListWidget, "pageList").currentRow() == PAGE_NAMES.index(name)


def test_view_actions_reflect_and_switch_pages(window):
    actions = window.page_actions
    assert [a.shortcut().toString() for a in actions.values()] == [
        "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"
    ]
    assert window.page_group.isExclusive()
    for name in ("compare", "softmax", "activations", "training"):
        window.show_page(name)
        assert [n for n, a in actions.items() if a.isChecked()] == [name]
    actions["softmax"].trigger()
    assert window.current_page_name() == "softmax"
    assert window.findChild(QListWidget, "pageList").currentRow() == 1


def test_status_bar_hint_follows_page(window):
    hint = window.findChild(QLabel, "pageHint")
    texts = set()
    for name in PAGE_NAMES:
        window.show_page(name)
        assert hint.text()
        texts.add(hint.text())
    assert len(texts) == 4


def test_page_status_message_reaches_status_bar(window):
    page = window.page("activations")
    if not hasattr(page, "status_message"):
        pytest.skip("activations page has no status_message signal")
    status = window.findChild(QLabel, "pageStatus")
    page.status_message.emit("z = 1.5")
    assert status.text() == "z = 1.5"
    window.page("softmax").status_message.emit("from a hidden page")
    assert status.text() == "z = 1.5"  # only the page on screen speaks
    window.show_page("softmax")
    assert status.text() == ""


def test_unknown_page_name_is_an_error(window):
    with pytest.raises(ValueError, match="unknown page"):
        window.show_page("nope")
    assert window.current_page_name() == "activations"


def test_menus_and_every_action_has_a_tooltip(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Settings", "&Help"]
    names = {a.objectName() for a in window.findChildren(QAction) if a.objectName()}
    assert {
        "actionQuit", "actionFullScreen", "actionAbout", "actionAboutQt",
        "actionPageActivations", "actionPageSoftmax", "actionPageTraining", "actionPageCompare",
    } <= names
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.full_screen_action.isCheckable()
    for menu in (window.file_menu, window.view_menu, window.help_menu):
        for action in menu.actions():
            if not action.isSeparator():
                # QAction.toolTip() falls back to the text; require a real description.
                assert action.toolTip() and action.toolTip() != action.text().replace("&", "")


def test_about_box_names_version_and_licences(window, qtbot):
    text = window.about_text()
    assert f"actgui {__version__}" in text
    for needle in ("PySide6", "LGPL", "pyqtgraph", "MIT", "NumPy", "BSD 3-Clause"):
        assert needle in text
    box = window.show_about()
    qtbot.waitExposed(box)
    assert box.isVisible()
    assert isinstance(box, QMessageBox)
    box.close()


def test_full_screen_toggle(window, qtbot):
    window.full_screen_action.setChecked(True)
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()


def test_settings_restore_page_and_geometry(qtbot, ini_path):
    first = make_window(qtbot, ini_path)
    first.show_page("softmax")
    # restoreGeometry() keeps windows on screen; the offscreen screen is 800 x 800.
    first.resize(790, 610)
    qtbot.waitUntil(lambda: first.size() == QSize(790, 610))
    first.close()

    stored = Settings(QSettings(ini_path, QSettings.Format.IniFormat))
    assert stored.last_page == "softmax"
    assert stored.geometry is not None

    second = make_window(qtbot, ini_path, show=False)
    assert second.current_page_name() == "softmax"
    assert stack(second).currentWidget().objectName() == "softmaxPage"
    assert second.page_actions["softmax"].isChecked()
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(790, 610)


def test_page_change_is_saved_without_closing(qtbot, ini_path):
    window = make_window(qtbot, ini_path)
    window.show_page("compare")
    assert Settings(QSettings(ini_path, QSettings.Format.IniFormat)).last_page == "compare"


def test_unknown_saved_page_falls_back_to_first(qtbot, ini_path):
    Settings(QSettings(ini_path, QSettings.Format.IniFormat)).last_page = "gone"
    window = make_window(qtbot, ini_path, show=False)
    assert window.current_page_name() == "activations"


def test_settings_wrapper_round_trips(ini_path):
    settings = Settings(QSettings(ini_path, QSettings.Format.IniFormat))
    assert settings.geometry is None
    assert settings.last_page == ""
    assert settings.language == ""
    settings.language = "zh_CN"
    settings.last_page = "training"
    settings.sync()
    again = Settings(QSettings(ini_path, QSettings.Format.IniFormat))
    assert (again.language, again.last_page) == ("zh_CN", "training")
    again.language = ""
    assert again.language == ""
