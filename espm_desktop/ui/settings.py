"""Persistent user settings (an INI file in the user config folder, overridable with ESPM_DESKTOP_CONFIG)."""

from __future__ import annotations

from pathlib import Path
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

    # -- tables ------------------------------------------------------------------------------------------------
    def table_sort(self, table: str) -> tuple[int, bool] | None:
        """(column, descending) of the sort the user chose for a table, or None."""
        value = self._s.value(f"tables/{table}/sort", "")
        column, _, order = str(value or "").partition(":")
        try:
            return int(column), order == "desc"
        except ValueError:
            return None

    def set_table_sort(self, table: str, column: int, descending: bool) -> None:
        self.set_value(f"tables/{table}/sort", f"{column}:{'desc' if descending else 'asc'}")

    # -- databases ---------------------------------------------------------------------------------------------
    RECENT_COUNT = 5

    def recent_databases(self) -> list[Path]:
        value = self._s.value("database/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p][: self.RECENT_COUNT]

    def remember_database(self, path: Path, *, open_at_start: bool = True) -> None:
        """Puts a database first in File → Open recent and (unless told not to) opens it at the next start."""
        absolute = str(Path(path).absolute())
        items = [absolute] + [str(p) for p in self.recent_databases() if str(p) != absolute]
        self._s.setValue("database/recent", items[: self.RECENT_COUNT])
        if open_at_start:
            self._s.setValue("database/last", absolute)

    def last_database(self) -> Path | None:
        value = self._s.value("database/last", "")
        return Path(str(value)) if value else None

    def location_accepted(self, path: Path) -> bool:
        """The user chose to keep this database in a network or synced folder despite the warning."""
        value = self._s.value("database/location_accepted", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return str(Path(path).absolute()) in items

    def accept_location(self, path: Path) -> None:
        value = self._s.value("database/location_accepted", [])
        items = [value] if isinstance(value, str) else list(value or [])
        absolute = str(Path(path).absolute())
        if absolute not in items:
            self._s.setValue("database/location_accepted", [*items, absolute])

    # -- backups -----------------------------------------------------------------------------------------------
    def backup_folder(self) -> Path | None:
        """The folder chosen for backups (None: the default one under the user data folder)."""
        value = self._s.value("backup/folder", "")
        return Path(str(value)) if value else None

    def backup_counts(self) -> tuple[int, int]:
        """(keep the last N backups, keep one a month for M months)."""

        def number(key: str, default: int) -> int:
            try:
                return max(1, int(self._s.value(key, default)))
            except (TypeError, ValueError):
                return default

        return number("backup/keep_last", 10), number("backup/keep_monthly", 12)
