"""A small typed wrapper around QSettings.

Every key the app stores is a property here, with its type and default in one place. Tests
redirect the storage by passing their own QSettings, e.g. one backed by a temporary INI file::

    Settings(QSettings(str(tmp_path / "actgui.ini"), QSettings.Format.IniFormat))
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_FILES = 8


class Settings:
    """Typed access to the application's persistent settings."""

    GEOMETRY = "window/geometry"
    STATE = "window/state"
    PAGE = "window/page"
    LANGUAGE = "ui/language"
    RECENT = "session/recent"

    def __init__(self, qsettings: QSettings | None = None) -> None:
        # QSettings() uses the organisation / application names set on the QApplication.
        self._s = qsettings if qsettings is not None else QSettings()

    @property
    def qsettings(self) -> QSettings:
        return self._s

    # -- helpers -----------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None

    def _str(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return value if isinstance(value, str) else default

    def _set(self, key: str, value) -> None:
        if value is None:
            self._s.remove(key)
        else:
            self._s.setValue(key, value)

    # -- window ------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        """QMainWindow.saveGeometry() blob, or None if never saved."""
        return self._bytes(self.GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray | None) -> None:
        self._set(self.GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        """QMainWindow.saveState() blob (tool bars, docks), or None if never saved."""
        return self._bytes(self.STATE)

    @window_state.setter
    def window_state(self, value: QByteArray | None) -> None:
        self._set(self.STATE, value)

    @property
    def last_page(self) -> str:
        """Name of the page shown when the window was last closed ("" if none)."""
        return self._str(self.PAGE, "")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._set(self.PAGE, value)

    # -- user interface ----------------------------------------------------------------------
    @property
    def language(self) -> str:
        """Preferred UI language such as "en" or "zh_CN"; "" means the system language."""
        return self._str(self.LANGUAGE, "")

    @language.setter
    def language(self, value: str) -> None:
        self._set(self.LANGUAGE, value or None)

    THEME = "ui/theme"
    THEMES = ("system", "light", "dark")

    @property
    def theme(self) -> str:
        """Colour scheme: "system" (default, follows the desktop), "light" or "dark"."""
        value = self._str(self.THEME, "system")
        return value if value in self.THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in self.THEMES:
            raise ValueError(f"theme must be one of {self.THEMES}, got {value!r}")
        self._set(self.THEME, None if value == "system" else value)

    # -- sessions ----------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        """Session files opened or saved lately, newest first; files gone since are left out."""
        value = self._s.value(self.RECENT)
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain str
            value = [value]
        if not isinstance(value, list):
            return []
        paths = [p for p in value if isinstance(p, str) and p]
        return [p for p in dict.fromkeys(paths) if os.path.isfile(p)][:MAX_RECENT_FILES]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        paths = list(dict.fromkeys(p for p in paths if isinstance(p, str) and p))
        self._set(self.RECENT, paths[:MAX_RECENT_FILES] or None)

    def add_recent_file(self, path: str) -> None:
        """Put `path` (made absolute) first in the recent files."""
        path = os.path.abspath(path)
        self.recent_files = [path, *(p for p in self.recent_files if p != path)]

    # -- export -------------------------------------------------------------------------------
    EXPORT_SCALE = "export/png_scale"
    EXPORT_DIR = "export/folder"
    EXPORT_SCALES = (1, 2, 4)

    @property
    def export_scale(self) -> int:
        """PNG export size as a multiple of the size on screen: 1, 2 (default) or 4."""
        try:
            value = int(self._s.value(self.EXPORT_SCALE, 2))
        except (TypeError, ValueError):
            return 2
        return value if value in self.EXPORT_SCALES else 2

    @export_scale.setter
    def export_scale(self, value: int) -> None:
        if value not in self.EXPORT_SCALES:
            raise ValueError(f"export scale must be one of {self.EXPORT_SCALES}, got {value}")
        self._set(self.EXPORT_SCALE, int(value))

    @property
    def export_dir(self) -> str:
        """The folder figures and data were last exported to ("" if none yet)."""
        return self._str(self.EXPORT_DIR, "")

    @export_dir.setter
    def export_dir(self, value: str) -> None:
        self._set(self.EXPORT_DIR, value or None)

    # -- all ----------------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget every stored setting (Settings ▸ Reset to defaults)."""
        self._s.clear()
        self._s.sync()

    def sync(self) -> None:
        self._s.sync()
