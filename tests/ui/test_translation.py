"""Every user-visible string is translated: build the whole window in English and in Chinese and
compare them string by string. A string that comes out the same in both escaped tr().

Formulas, numbers and proper names may stay the same; everything else must differ.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

import pyqtgraph as pg  # isort: skip

from actgui.ui import i18n
from actgui.ui.main_window import PAGE_NAMES, create_main_window

TRANSLATIONS = Path(i18n.translations_dir())

# Words that stay as they are in Chinese: proper names of functions, methods, people and tools,
# file formats, and the symbols formulas are made of.
PROPER_NAMES = (
    "TensorFlow Playground", "Leaky ReLU", "Hard tanh", "Hard sigmoid", "SiLU", "swish",
    "ReLU", "GELU", "ELU", "softmax", "sigmoid", "tanh", "Softplus", "softplus", "Mish",
    "Softsign", "Adam", "SGD", "Xavier", "Glorot", "He", "actgui", "PySide6", "Qt", "NumPy",
    "pyqtgraph", "CSV", "PNG", "SVG", "MIT", "LGPL", "BSD", "GNU", "Ctrl", "Shift", "Space",
    "Esc", "max", "min", "sin", "exp", "log", "erf", "std", "argmax",
)
# Whole strings that are the same in both languages on purpose, with the reason.
ALLOWED_SAME = {
    "English": "a language's own name (View ▸ Language)",
    "简体中文": "a language's own name (View ▸ Language)",
}


def _plain(text: str) -> str:
    """Rich text to plain text: tags dropped, entities decoded."""
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&", "").strip()


def is_linguistic(text: str) -> bool:
    """True if `text` has words that need translating (not only formulas, numbers, names)."""
    text = _plain(text)
    for name in sorted(PROPER_NAMES, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text,
                      flags=re.IGNORECASE)
    # A word of three or more Latin letters; shorter ones are symbols (z, f, x1, dz, lr ...).
    return re.search(r"[A-Za-z]{3,}", text) is not None


def _add(out: list, key: str, text) -> None:
    if isinstance(text, str) and text.strip():
        out.append((key, text))


def collect_widget(widget: QWidget, out: list, where: str) -> None:
    """Append (key, text) for every text the widget shows or explains."""
    name = f"{where}/{type(widget).__name__}:{widget.objectName()}"
    _add(out, name + ".toolTip", widget.toolTip())
    _add(out, name + ".statusTip", widget.statusTip())
    _add(out, name + ".whatsThis", widget.whatsThis())
    _add(out, name + ".accessibleName", widget.accessibleName())
    if isinstance(widget, QLabel):
        _add(out, name + ".text", widget.text())
    elif isinstance(widget, QAbstractButton):
        _add(out, name + ".text", widget.text())
    elif isinstance(widget, QGroupBox):
        _add(out, name + ".title", widget.title())
    elif isinstance(widget, QTextBrowser):
        _add(out, name + ".plain", widget.toPlainText())
    elif isinstance(widget, QLineEdit):
        _add(out, name + ".placeholder", widget.placeholderText())
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            _add(out, f"{name}.item{i}", widget.itemText(i))
    elif isinstance(widget, QMenu):
        _add(out, name + ".title", widget.title())
    if isinstance(widget, QAbstractSpinBox):
        _add(out, name + ".suffix", getattr(widget, "suffix", lambda: "")())
        _add(out, name + ".prefix", getattr(widget, "prefix", lambda: "")())
        _add(out, name + ".special", widget.specialValueText())
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            item = widget.item(i)
            _add(out, f"{name}.item{i}", item.text())
            _add(out, f"{name}.item{i}.tip", item.toolTip())
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            head = widget.horizontalHeaderItem(i)
            if head is not None:
                _add(out, f"{name}.col{i}", head.text())
                _add(out, f"{name}.col{i}.tip", head.toolTip())
        for r in range(widget.rowCount()):
            head = widget.verticalHeaderItem(r)
            if head is not None:
                _add(out, f"{name}.row{r}", head.text())
            for c in range(widget.columnCount()):
                cell = widget.item(r, c)
                if cell is not None:
                    _add(out, f"{name}.cell{r},{c}", cell.text())
                    _add(out, f"{name}.cell{r},{c}.tip", cell.toolTip())
    if isinstance(widget, QTreeWidget):
        head = widget.headerItem()
        for c in range(widget.columnCount()):
            _add(out, f"{name}.head{c}", head.text(c))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            _add(out, f"{name}.tab{i}", widget.tabText(i))
            _add(out, f"{name}.tab{i}.tip", widget.tabToolTip(i))
    for i, action in enumerate(widget.actions()):
        key = f"{name}.action{i}:{action.objectName()}"
        _add(out, key + ".text", action.text())
        _add(out, key + ".toolTip", action.toolTip())
        _add(out, key + ".statusTip", action.statusTip())
    if isinstance(widget, pg.GraphicsView):
        for item in widget.scene().items():
            if isinstance(item, pg.AxisItem) and item.isVisible():
                _add(out, f"{name}.axis.{item.orientation}", item.labelText)
            elif isinstance(item, pg.LabelItem):
                _add(out, f"{name}.label", item.text)
            elif isinstance(item, pg.TextItem):
                _add(out, f"{name}.textItem", item.toPlainText())


def collect(window) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    _add(out, "window.title", window.windowTitle())
    collect_widget(window, out, "window")
    for child in window.findChildren(QWidget):
        collect_widget(child, out, "window")
    for menu in window.menuBar().findChildren(QMenu):
        collect_widget(menu, out, "menubar")
    for page in PAGE_NAMES:
        window.show_page(page)
        _add(out, f"{page}.hint", window.statusBar().findChild(QLabel, "pageHint").text())
    return out


def build(qtbot, tmp_path, language: str):
    app = QCoreApplication.instance()
    translators = i18n.install_translators(app, language)
    try:
        settings = QSettings(str(tmp_path / f"{language}.ini"), QSettings.Format.IniFormat)
        window = create_main_window(settings)
        qtbot.addWidget(window)
        window.build_all_pages()
        return window, translators, collect(window)
    finally:
        i18n.remove_translators(app, translators)


def test_catalogue_is_complete_and_compiled():
    """Every string in the .ts is translated, and the committed .qm carries each translation
    (run tools/update_translations.py after editing the .ts)."""
    ts = TRANSLATIONS / "actgui_zh_CN.ts"
    qm = TRANSLATIONS / "actgui_zh_CN.qm"
    assert ts.is_file() and qm.is_file()
    root = ElementTree.parse(ts).getroot()
    translator = QTranslator()
    assert translator.load(str(qm))
    messages = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation.get("type") is None and translation.text, (name, source)
            assert translator.translate(name, source) in ("", translation.text), (name, source)
            if translation.text != source:  # identical ones are left out of the .qm
                assert translator.translate(name, source) == translation.text, (name, source)
            messages += 1
    assert messages > 500
    assert translator.translate("MainWindow", "Activations") == "激活函数"


def test_chinese_window_translates_every_string(qtbot, tmp_path):
    en_window, none, english = build(qtbot, tmp_path, "en")
    assert none == []
    zh_window, translators, chinese = build(qtbot, tmp_path, "zh_CN")
    assert len(translators) == 2, "actgui's and Qt's own zh_CN catalogues"
    assert [k for k, _ in english] == [k for k, _ in chinese], "the two windows differ in shape"
    assert len(english) > 300
    same = sorted({en for (_, en), (_, zh) in zip(english, chinese, strict=True)
                   if _plain(en) == _plain(zh) and is_linguistic(en)
                   and en not in ALLOWED_SAME})
    assert not same, "strings that escaped tr():\n" + "\n".join(same)
    # The translation really is Chinese, and the windows are not the same object.
    assert zh_window.windowTitle() != en_window.windowTitle()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh_window.windowTitle())


def test_linguistic_filter():
    assert is_linguistic("Learning rate")
    assert is_linguistic("<b>Dead</b> units")
    assert not is_linguistic("f′(z)")
    assert not is_linguistic("x<sub>1</sub><sup>2</sup>")
    assert not is_linguistic("ReLU")
    assert not is_linguistic("0.25 at z = 0")
    assert not is_linguistic("Ctrl+1")


def test_system_language_is_the_default(monkeypatch):
    app = QCoreApplication.instance()
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    translators = i18n.install_translators(app, "")
    try:
        assert len(translators) == 2
        assert i18n.current_language() == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&Quit") == "退出(&Q)"
        # Qt's own catalogue: standard buttons of dialogs read Chinese too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.remove_translators(app, translators)
    assert QCoreApplication.translate("MainWindow", "&Quit") == "&Quit"
    monkeypatch.setattr(i18n, "system_language", lambda: "en_GB")
    assert i18n.install_translators(app, "") == []
    assert i18n.install_translators(app, "fr_FR") == []  # no catalogue: English, no Qt's
    i18n.remove_translators(app, [])


def test_language_menu_stores_the_choice_for_the_next_start(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from actgui.ui.settings import Settings

    ini = str(tmp_path / "menu.ini")
    window = create_main_window(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "menuLanguage")
    assert menu is not None and menu.menuAction() in window.view_menu.actions()
    actions = {a.objectName(): a for a in menu.actions()}
    assert list(actions) == ["actionLanguageSystem", "actionLanguageen", "actionLanguagezhCN"]
    assert actions["actionLanguageSystem"].isChecked()
    assert actions["actionLanguagezhCN"].text() == "简体中文"

    actions["actionLanguagezhCN"].trigger()
    assert Settings(QSettings(ini, QSettings.Format.IniFormat)).language == "zh_CN"
    box = window.findChild(QMessageBox, "languageRestartBox")
    assert box is not None and "next time" in box.text()
    box.close()
    assert window.windowTitle() == "actgui — Activation functions, seen"  # not live

    actions["actionLanguageSystem"].trigger()
    assert Settings(QSettings(ini, QSettings.Format.IniFormat)).language == ""
