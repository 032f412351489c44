"""User-interface languages: which one to use, loading its translations, and View ▸ Language.

actgui ships English (the source text) and Simplified Chinese. The choice comes from, in order:
``--lang``, the saved setting (View ▸ Language), the system locale. A change in the menu is
saved and takes effect the next time actgui starts.

The engine never imports Qt, so the display names it owns (activations, data sets) are marked
for translation here, in the contexts the pages translate them in ("activations", "datasets").
Regenerate the catalogue with ``python tools/update_translations.py``.
"""

from __future__ import annotations

from functools import partial
from importlib import resources

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from actgui.engine import activations, datasets

# (code, name in that language): endonyms are never translated.
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))
SOURCE_LANGUAGE = "en"
_PROPERTY = "actgui_language"

# Display names owned by the engine, marked here so that lupdate extracts them. Most activation
# names are proper names and stay as they are in every language.
_ENGINE_NAMES = (
    QT_TRANSLATE_NOOP("activations", "Linear (identity)"),
    QT_TRANSLATE_NOOP("activations", "GELU (tanh approx.)"),
    QT_TRANSLATE_NOOP("activations", "Hard tanh"),
    QT_TRANSLATE_NOOP("activations", "Hard sigmoid"),
    QT_TRANSLATE_NOOP("activations", "everywhere"),  # Activation.peak_where of linear
    QT_TRANSLATE_NOOP("datasets", "Circle"),
    QT_TRANSLATE_NOOP("datasets", "Exclusive or"),
    QT_TRANSLATE_NOOP("datasets", "Gaussian"),
    QT_TRANSLATE_NOOP("datasets", "Two spirals"),
    QT_TRANSLATE_NOOP("datasets", "Moons"),
    QT_TRANSLATE_NOOP("datasets", "Three spirals"),
    QT_TRANSLATE_NOOP("datasets", "Four blobs"),
    QT_TRANSLATE_NOOP("datasets", "Plane"),
    QT_TRANSLATE_NOOP("datasets", "Multi-Gaussian"),
)


def translations_dir() -> str:
    return str(resources.files("actgui").joinpath("resources", "translations"))


def activation_label(name: str) -> str:
    """An activation's display name in the user's language ("Linear (identity)" ...)."""
    return QCoreApplication.translate("activations", activations.label(name))


def dataset_label(name: str) -> str:
    return QCoreApplication.translate("datasets", datasets.label(name))


def engine_text(text: str) -> str:
    """Other short engine texts shown as they are, e.g. Activation.peak_where."""
    return QCoreApplication.translate("activations", text)


def system_language() -> str:
    """The desktop's language, e.g. "zh_CN" ("C" when it has none)."""
    return QLocale.system().name()


def resolve(language: str | None) -> str:
    """The language to load: `language`, or the system's when it is empty or None."""
    return language or system_language()


def install_translators(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Install actgui's translation for `language` ("" = the system's) and, with it, Qt's own.

    English and missing catalogues are fine: the UI stays in English. Qt's catalogue (standard
    dialogs and buttons) is loaded only when actgui's is, so dialogs never come out half
    translated. Returns the installed translators, for remove_translators().
    """
    code = resolve(language)
    app.setProperty(_PROPERTY, code)
    if code == SOURCE_LANGUAGE or code.startswith(SOURCE_LANGUAGE + "_"):
        return []
    locale = QLocale(code)
    qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, directory in (("actgui", translations_dir()), ("qtbase", qt)):
        translator = QTranslator(app)
        if not translator.load(locale, name, "_", directory):
            break
        app.installTranslator(translator)
        installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    app.setProperty(_PROPERTY, SOURCE_LANGUAGE)


def current_language() -> str:
    """The language the running app was started in (as installed by install_translators)."""
    app = QCoreApplication.instance()
    value = app.property(_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value else SOURCE_LANGUAGE


def add_language_menu(window: QWidget, parent_menu: QMenu, settings) -> QMenu:
    """View ▸ Language: System, English, 简体中文. The choice is saved in `settings`."""
    menu = parent_menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    menu.setObjectName("menuLanguage")
    menu.setToolTipsVisible(True)
    tip = QCoreApplication.translate("LanguageMenu", "The language of menus, pages and notes")
    menu.menuAction().setToolTip(tip)
    menu.menuAction().setStatusTip(tip)
    group = QActionGroup(menu)
    group.setExclusive(True)
    system_tip = QCoreApplication.translate("LanguageMenu",
                                            "Use the language of the operating system")
    choices = [("", QCoreApplication.translate("LanguageMenu", "System"), system_tip),
               *((code, name, name) for code, name in LANGUAGES)]
    saved = settings.language
    for code, text, tip in choices:
        action = QAction(text, menu)
        action.setObjectName("actionLanguage" + (code.replace("_", "") or "System"))
        action.setCheckable(True)
        action.setChecked(code == saved)
        action.setToolTip(tip)
        action.setData(code)
        action.triggered.connect(partial(_choose_language, window, settings, code))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose_language(window: QWidget, settings, code: str) -> None:
    if code == settings.language:
        return
    settings.language = code
    settings.sync()
    if resolve(code) == current_language():
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("LanguageMenu", "Language"),
        QCoreApplication.translate("LanguageMenu",
                                   "The language changes the next time actgui starts."),
        QMessageBox.StandardButton.Ok, window)
    box.setObjectName("languageRestartBox")
    box.open()
