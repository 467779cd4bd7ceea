"""Persistent user settings (an INI file in the user config folder, overridable with ESPM_DESKTOP_CONFIG)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from espm_desktop import paths

LANGUAGES = ("fr", "en")


class AppSettings:
    def __init__(self) -> None:
        path = paths.config_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str, default: Any = None) -> Any:
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        # QSettings writes to disk on its own (and in sync()); an fsync per value costs ~15 ms each.
        if self._s.value(key) != value:
            self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()

    @property
    def language(self) -> str:
        stored = self._s.value("ui/language", "")
        if stored in LANGUAGES:
            return str(stored)
        # French by default when the system speaks French; English otherwise.
        return "fr" if QLocale.system().language() == QLocale.Language.French else "en"

    @language.setter
    def language(self, value: str) -> None:
        self.set_value("ui/language", value)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.set_value("window/geometry", value)

    @property
    def last_page(self) -> str:
        return str(self._s.value("window/last_page", "properties"))

    @last_page.setter
    def last_page(self, value: str) -> None:
        self.set_value("window/last_page", value)
