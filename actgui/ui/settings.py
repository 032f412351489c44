"""A small typed wrapper around QSettings.

Every key the app stores is a property here, with its type and default in one place. Tests
redirect the storage by passing their own QSettings, e.g. one backed by a temporary INI file::

    Settings(QSettings(str(tmp_path / "actgui.ini"), QSettings.Format.IniFormat))
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    """Typed access to the application's persistent settings."""

    GEOMETRY = "window/geometry"
    STATE = "window/state"
    PAGE = "window/page"
    LANGUAGE = "ui/language"

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

    def sync(self) -> None:
        self._s.sync()
