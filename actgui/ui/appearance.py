"""Light and dark colour schemes: the palette, the plots, and View ▸ Theme.

The scheme follows the desktop (Qt 6.5+ ``QStyleHints.colorScheme()``, also while running)
unless View ▸ Theme forces Light or Dark; the choice is stored in the settings. Dark uses the
Fusion style with the palette below.

Every colour in the code is chosen for a light background. Switching to dark keeps the hues and
swaps only the colours listed in ``theme.DARK_COLORS`` (neutral text and line inks, pale card
and banner backgrounds, three data colours too dark to read on black), in three places:

- style sheets of widgets, rewritten in place (and again whenever a widget sets a new one);
- pyqtgraph plots and other graphics views: background, axes, titles, legends, text and the
  pens of lines and markers; pyqtgraph's defaults for new plots (``pg.setConfigOptions``);
- items that paint themselves ask ``theme.ink(colour)`` when they paint.

The swap is one to one, so switching back to light applies the inverse and restores every
colour exactly. While dark, an application event filter restyles widgets as they set style
sheets or are first shown (pages are built lazily, dialogs on demand); while light it is not
installed and costs nothing.
"""

from __future__ import annotations

import logging
import re
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QBrush, QColor, QGuiApplication, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QMenu,
    QTableWidget,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.ui import theme

THEMES = ("system", "light", "dark")
# pyqtgraph background and foreground (axes, default text) per scheme; the dark pair is the
# image of the light one under theme.DARK_COLORS, so existing plots and new ones agree.
PLOT_COLORS = {False: ("#ffffff", "#000000"), True: ("#1e1f22", "#e8e8e8")}

_DARK_PALETTE = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c9096",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35383d",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4e55",
    QPalette.ColorRole.Midlight: "#3e4248",
    QPalette.ColorRole.Mid: "#2f3236",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#0d0d0f",
    QPalette.ColorRole.Highlight: "#2f74b5",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#56b4e9",
    QPalette.ColorRole.LinkVisited: "#cc79a7",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7d8187",
    QPalette.ColorRole.Text: "#7d8187",
    QPalette.ColorRole.ButtonText: "#7d8187",
    QPalette.ColorRole.Highlight: "#3a3d42",
    QPalette.ColorRole.HighlightedText: "#9a9ea4",
}

_CSS_COLOR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_CSS_WHITE = re.compile(r"(background(?:-color)?\s*:\s*)white\b", re.IGNORECASE)
_WHITE = "#ffffff"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK_PALETTE.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def system_is_dark() -> bool:
    """True when the desktop asks for a dark scheme (Qt 6.5+; False where it cannot tell)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def remap_css(css: str, dark: bool) -> str:
    """A style sheet with its colours swapped to the dark scheme (or back)."""
    if dark:
        css = _CSS_WHITE.sub(r"\1#ffffff", css)

    def swap(match: re.Match) -> str:
        other = theme.remap(QColor(match.group(0)), dark)
        return match.group(0) if other is None else other.name()

    return _CSS_COLOR.sub(swap, css)


def _single(spec) -> bool:
    """A pen, brush or colour for all points alike (not None, not one per point)."""
    if spec is None or isinstance(spec, list | dict):
        return False
    return not (isinstance(spec, tuple) and not all(isinstance(v, int | float) for v in spec))


def _pen(pen, dark: bool, text: bool = False) -> QPen | None:
    """The pen in the other scheme, or None when its colour stays. White text stays white: it
    only ever sits on a coloured fill (heatmap cells, buttons)."""
    if not _single(pen):
        return None
    pen = pg.mkPen(pen)
    if text and pen.color().name() == (_WHITE if dark else PLOT_COLORS[True][0]):
        return None
    color = theme.remap(pen.color(), dark)
    if color is None:
        return None
    pen.setColor(color)
    return pen


def _brush(brush, dark: bool) -> QBrush | None:
    if not _single(brush):
        return None
    brush = pg.mkBrush(brush)
    if brush.style() != Qt.BrushStyle.SolidPattern:
        return None
    color = theme.remap(brush.color(), dark)
    return None if color is None else QBrush(color)


def _restyle_item(item, dark: bool) -> None:
    if isinstance(item, pg.AxisItem):
        for attr in ("_pen", "_textPen", "_tickPen"):
            pen = _pen(getattr(item, attr, None), dark)
            if pen is not None:
                setattr(item, attr, pen)
        color = item.labelStyle.get("color")
        if color:
            other = theme.remap(QColor(color), dark)
            if other is not None:
                item.labelStyle["color"] = other.name()
        item._updateLabel()
    elif isinstance(item, pg.LabelItem):
        color = item.opts.get("color")
        if color is not None:
            pen = _pen(color, dark, text=True)
            if pen is not None:
                item.opts["color"] = pen.color().name()
        if item.text:
            item.setText(item.text)  # default colours follow pyqtgraph's foreground
        pen = _pen(item.item.defaultTextColor(), dark, text=True)
        if pen is not None:
            item.item.setDefaultTextColor(pen.color())
    elif isinstance(item, pg.TextItem):
        pen = _pen(item.color, dark, text=True)
        if pen is not None:
            item.setColor(pen.color())
        brush = _brush(item.fill, dark)
        if brush is not None:
            item.fill = brush
    elif isinstance(item, pg.LegendItem):
        for key, setter in (("pen", item.setPen), ("labelTextColor", item.setLabelTextColor)):
            pen = _pen(item.opts.get(key), dark)
            if pen is not None:
                setter(pen.color() if key == "labelTextColor" else pen)
        brush = _brush(item.opts.get("brush"), dark)
        if brush is not None:
            item.setBrush(brush)
        for sample, _label in item.items:  # keys drawn from items that may not be plotted
            if isinstance(getattr(sample, "item", None), pg.GraphicsObject):
                _restyle_item(sample.item, dark)
    elif isinstance(item, pg.PlotDataItem):
        for key, setter in (("pen", item.setPen), ("shadowPen", item.setShadowPen),
                            ("symbolPen", item.setSymbolPen)):
            pen = _pen(item.opts.get(key), dark)
            if pen is not None:
                setter(pen)
        for key, setter in (("symbolBrush", item.setSymbolBrush),
                            ("fillBrush", item.setFillBrush)):
            brush = _brush(item.opts.get(key), dark)
            if brush is not None:
                setter(brush)
    elif isinstance(item, pg.PlotCurveItem):
        if isinstance(item.parentItem(), pg.PlotDataItem):
            return  # its PlotDataItem passes the new pens on
        pen = _pen(item.opts.get("pen"), dark)
        if pen is not None:
            item.setPen(pen)
        brush = _brush(item.opts.get("brush"), dark)
        if brush is not None:
            item.setBrush(brush)
    elif isinstance(item, pg.ScatterPlotItem):
        if isinstance(item.parentItem(), pg.PlotDataItem):
            return
        # Only the defaults: spots given their own pen or brush keep it.
        pen = _pen(item.opts.get("pen"), dark)
        if pen is not None:
            item.setPen(pen)
        brush = _brush(item.opts.get("brush"), dark)
        if brush is not None:
            item.setBrush(brush)
    elif isinstance(item, pg.InfiniteLine):
        pen = _pen(item.pen, dark)
        if pen is not None:
            item.setPen(pen)
    elif isinstance(item, QGraphicsTextItem):
        if isinstance(item.parentItem(), pg.AxisItem | pg.LabelItem | pg.TextItem):
            return  # drawn by the items above
        pen = _pen(item.defaultTextColor(), dark, text=True)
        if pen is not None:
            item.setDefaultTextColor(pen.color())
    elif isinstance(item, QGraphicsSimpleTextItem):
        brush = _brush(item.brush(), dark)
        if brush is not None and item.brush().color().name() != _WHITE:
            item.setBrush(brush)
    item.update()  # items that paint themselves ask theme.ink() again


def restyle_view(view: QGraphicsView, dark: bool) -> None:
    """Background and items of one graphics view (a pyqtgraph plot or a plain scene)."""
    brush = view.backgroundBrush()
    if brush.style() == Qt.BrushStyle.SolidPattern:
        color = theme.remap(brush.color(), dark)
        if color is not None:
            if isinstance(view, pg.GraphicsView):
                view.setBackground(color)
            else:
                view.setBackgroundBrush(color)
    scene = view.scene()
    if scene is not None:
        for item in scene.items():
            _restyle_item(item, dark)
    view.viewport().update()


def restyle(root: QWidget, dark: bool) -> None:
    """Swap the colours of `root` and everything in it to the scheme (idempotent)."""
    for widget in (root, *root.findChildren(QWidget)):
        css = widget.styleSheet()
        if css:
            new = remap_css(css, dark)
            if new != css:
                widget.setStyleSheet(new)
        if isinstance(widget, QGraphicsView):
            restyle_view(widget, dark)
        elif isinstance(widget, QTableWidget):
            _restyle_cells(widget, dark)
        widget.update()


def _restyle_cells(table: QTableWidget, dark: bool) -> None:
    """Cell backgrounds that mark something (e.g. the best value in a column)."""
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            brush = None if item is None else _brush(item.background(), dark)
            if brush is not None:
                item.setBackground(brush)


class Appearance(QObject):
    """The application's colour scheme (one per QApplication; see manager())."""

    changed = Signal(bool)  # dark

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self._app = app
        self._preference = "system"
        self._dark = False
        self._mode = "desktop"  # palette in use: "desktop", "light" (Fusion) or "dark"
        self._filtering = False
        self._base_style = app.style().name()
        self._base_palette = QPalette(app.palette())
        hints = app.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)

    @property
    def preference(self) -> str:
        return self._preference

    @property
    def dark(self) -> bool:
        return self._dark

    def apply(self, preference: str) -> bool:
        """Use the scheme "system", "light" or "dark"; returns True when it is dark."""
        if preference not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}, got {preference!r}")
        self._preference = preference
        desktop_dark = self._desktop_dark(preference)
        dark = preference == "dark" or (preference == "system" and desktop_dark)
        app = self._app
        mode = "dark" if dark else "light" if desktop_dark else "desktop"
        if mode != self._mode:  # nothing to do at a light start: no repolish, no walk
            if dark:
                self._set_style("Fusion")
                app.setPalette(dark_palette())
            elif desktop_dark:  # light forced on a dark desktop: Fusion's own light palette
                self._set_style("Fusion")
                app.setPalette(app.style().standardPalette())
            else:
                self._set_style(self._base_style)
                app.setPalette(self._base_palette)
            self._mode = mode
        theme.set_dark(dark)
        background, foreground = PLOT_COLORS[dark]
        pg.setConfigOptions(background=background, foreground=foreground)
        if dark or self._dark:
            self._set_filter(False)  # the walk below sets style sheets itself
            for window in app.topLevelWidgets():
                restyle(window, dark)
            self._set_filter(dark)
        self._dark = dark
        self.changed.emit(dark)
        return dark

    def _desktop_dark(self, preference: str) -> bool:
        """The desktop's own scheme; also tells Qt 6.8+ which one the app uses (title bars)."""
        hints = self._app.styleHints()
        if not hasattr(hints, "setColorScheme"):
            return system_is_dark()
        blocker = hints.blockSignals(True)
        try:
            if hasattr(hints, "unsetColorScheme"):
                hints.unsetColorScheme()
            else:
                hints.setColorScheme(Qt.ColorScheme.Unknown)
            desktop = system_is_dark()
            if preference != "system":
                hints.setColorScheme(Qt.ColorScheme.Dark if preference == "dark"
                                     else Qt.ColorScheme.Light)
        finally:
            hints.blockSignals(blocker)
        return desktop

    def _set_style(self, name: str) -> None:
        if self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)

    def _system_changed(self, *_) -> None:
        if self._preference == "system":
            self.apply("system")

    def _set_filter(self, on: bool) -> None:
        if on != self._filtering:
            if on:
                self._app.installEventFilter(self)
            else:
                self._app.removeEventFilter(self)
            self._filtering = on

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        try:
            self._restyle_on(obj, event.type())
        except Exception:  # noqa: BLE001 (an exception escaping an event filter kills PySide6)
            logging.getLogger(__name__).exception("could not restyle %r", obj)
        return False

    def _restyle_on(self, obj, kind) -> None:
        if kind == QEvent.Type.StyleChange:
            if isinstance(obj, QWidget):
                css = obj.styleSheet()
                if css:
                    new = remap_css(css, True)
                    if new != css:
                        obj.setStyleSheet(new)
        elif kind == QEvent.Type.Show:
            if isinstance(obj, QGraphicsView):
                restyle_view(obj, True)
            elif isinstance(obj, QWidget) and obj.isWindow():
                restyle(obj, True)


_manager: Appearance | None = None


def manager() -> Appearance:
    """The Appearance of the running QApplication (created on first use)."""
    global _manager
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    if _manager is None or _manager.parent() is not app:
        _manager = Appearance(app)
    return _manager


def apply_theme(preference: str) -> bool:
    """Use the scheme "system", "light" or "dark" (see Appearance.apply)."""
    return manager().apply(preference)


def is_dark() -> bool:
    return theme.is_dark()


def add_theme_menu(window: QWidget, parent_menu: QMenu, settings) -> QMenu:
    """View ▸ Theme: System, Light, Dark. The choice is applied at once and saved."""
    menu = parent_menu.addMenu(QCoreApplication.translate("ThemeMenu", "&Theme"))
    menu.setObjectName("menuTheme")
    menu.setToolTipsVisible(True)
    tip = QCoreApplication.translate("ThemeMenu", "Light or dark colours for the window and plots")
    menu.menuAction().setToolTip(tip)
    menu.menuAction().setStatusTip(tip)
    choices = (
        ("system", QCoreApplication.translate("ThemeMenu", "&System"),
         QCoreApplication.translate("ThemeMenu", "Follow the desktop's light or dark setting")),
        ("light", QCoreApplication.translate("ThemeMenu", "&Light"),
         QCoreApplication.translate("ThemeMenu", "Dark text on a light background")),
        ("dark", QCoreApplication.translate("ThemeMenu", "&Dark"),
         QCoreApplication.translate("ThemeMenu", "Light text on a dark background")),
    )
    group = QActionGroup(menu)
    group.setExclusive(True)
    saved = settings.theme
    for key, text, tip in choices:
        action = QAction(text, menu)
        action.setObjectName("actionTheme" + key.capitalize())
        action.setCheckable(True)
        action.setChecked(key == saved)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setData(key)
        action.triggered.connect(partial(_choose_theme, settings, key))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose_theme(settings, key: str) -> None:
    settings.theme = key
    apply_theme(key)
