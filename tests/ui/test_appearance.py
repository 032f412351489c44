"""Light and dark schemes: the palette, every page's plots, style sheets, and View ▸ Theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView

import pyqtgraph as pg  # isort: skip

from actgui.ui import appearance, theme
from actgui.ui.main_window import PAGE_NAMES, create_main_window
from actgui.ui.settings import Settings

LIGHT_BG, DARK_BG = (QColor(c) for c in (appearance.PLOT_COLORS[False][0],
                                         appearance.PLOT_COLORS[True][0]))


@pytest.fixture
def light_again():
    """Every test leaves the application light, as the other tests expect it."""
    yield
    appearance.apply_theme("light")
    appearance.apply_theme("system")


@pytest.fixture
def window(qtbot, tmp_path, light_again):
    w = create_main_window(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.build_all_pages()
    return w


def plot_backgrounds(window) -> dict[str, list[str]]:
    out = {}
    for name in PAGE_NAMES:
        plots = window.page(name).plots()
        assert plots, f"page {name} has no plots"
        out[name] = [p.backgroundBrush().color().name() for p in plots]
    return out


def window_colour() -> QColor:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window)


def test_dark_map_is_one_to_one_and_inverts():
    darks = list(theme.DARK_COLORS.values())
    assert len(set(darks)) == len(darks), "two light colours share a dark one"
    assert not set(darks) & set(theme.DARK_COLORS), "a dark colour is also a light one"
    for light, dark in theme.DARK_COLORS.items():
        assert QColor(light).name() == light and QColor(dark).name() == dark  # lower-case hex
        assert theme.remap(theme.remap(QColor(light), True), False).name() == light
    # pyqtgraph's light defaults map onto the dark ones, so old and new plots agree.
    for light, dark in zip(appearance.PLOT_COLORS[False], appearance.PLOT_COLORS[True],
                           strict=True):
        assert theme.DARK_COLORS[light] == dark


def test_style_sheet_colours_swap_and_come_back():
    css = ("#card { background: white; border: 1px solid #D4D7DE; color: #555; }"
           "QPushButton { background: #0072B2; color: white; }")
    dark = appearance.remap_css(css, True)
    assert "#1e1f22" in dark and "#41454c" in dark and "#bcbcbc" in dark
    assert "#0072B2" in dark and "color: white" in dark  # data colour and white text stay
    back = appearance.remap_css(dark, False)
    assert "#ffffff" in back and "#d4d7de" in back and "#555555" in back
    assert appearance.remap_css(dark, True) == dark  # idempotent


def test_forcing_dark_restyles_palette_and_every_plot(window, light_again):
    appearance.apply_theme("light")
    light_window = window_colour()
    before = plot_backgrounds(window)
    assert all(c == LIGHT_BG.name() for cs in before.values() for c in cs), before

    assert appearance.apply_theme("dark") is True
    assert theme.is_dark() and appearance.is_dark()
    assert QApplication.instance().style().name().lower() == "fusion"
    dark_window = window_colour()
    assert dark_window != light_window and dark_window.lightness() < 80
    assert QApplication.instance().palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    after = plot_backgrounds(window)
    assert all(c == DARK_BG.name() for cs in after.values() for c in cs), after
    assert pg.getConfigOption("background") == DARK_BG.name()
    # Axes are light on dark, data colours keep their hue, the sidebar goes dark.
    f_plot = window.page("activations").plots()[0]
    axis = f_plot.getPlotItem().getAxis("bottom")
    assert axis.pen().color().lightness() > 100 or axis.textPen().color().lightness() > 150
    sidebar = window.findChild(QFrame, "sidebar")
    assert "#f2f5f8" not in sidebar.styleSheet().lower()
    assert theme.activation_color("sigmoid").name() == theme.ACTIVATION_COLORS["sigmoid"].lower()
    assert theme.activation_color("gelu").name() != theme.ACTIVATION_COLORS["gelu"].lower()

    assert appearance.apply_theme("light") is False
    assert window_colour() == light_window
    assert plot_backgrounds(window) == before
    assert "#f2f5f8" in sidebar.styleSheet().lower()
    assert pg.getConfigOption("background") == LIGHT_BG.name()


def test_views_built_or_shown_while_dark_are_dark(qtbot, tmp_path, light_again):
    appearance.apply_theme("dark")
    w = create_main_window(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    for name in PAGE_NAMES:
        w.show_page(name)
        qtbot.wait(1)
        for view in w.page(name).findChildren(QGraphicsView):
            if view.isVisible():
                color = view.backgroundBrush().color()
                assert color.lightness() < 100, (name, view.objectName(), color.name())


def test_theme_menu_saves_and_applies(window, tmp_path, light_again):
    menu = window.findChild(type(window.view_menu), "menuTheme")
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) == {"actionThemeSystem", "actionThemeLight", "actionThemeDark"}
    assert actions["actionThemeSystem"].isChecked()
    actions["actionThemeDark"].trigger()
    assert theme.is_dark()
    assert Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)).theme \
        == "dark"
    actions["actionThemeLight"].trigger()
    assert not theme.is_dark()
    assert window_colour().lightness() > 150


def test_settings_theme_validates(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    assert settings.theme == "system"
    settings.theme = "dark"
    assert settings.theme == "dark"
    with pytest.raises(ValueError):
        settings.theme = "blue"
    settings.theme = "system"
    assert settings.theme == "system"


def test_system_scheme_is_followed_while_running(window, monkeypatch, light_again):
    manager = appearance.manager()
    assert appearance.apply_theme("system") is False
    monkeypatch.setattr(appearance, "system_is_dark", lambda: True)
    manager._system_changed()  # what QStyleHints.colorSchemeChanged calls
    assert theme.is_dark()
    assert all(c == DARK_BG.name() for cs in plot_backgrounds(window).values() for c in cs)
    # A forced scheme ignores the desktop.
    assert appearance.apply_theme("light") is False
    manager._system_changed()
    assert not theme.is_dark()
    monkeypatch.setattr(appearance, "system_is_dark", lambda: False)
    assert appearance.apply_theme("system") is False
