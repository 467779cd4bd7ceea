"""What the user has selected, shared by every page: the current property and meter, and data-change news."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.app.database import IntegrityCheck


class AppContext(QObject):
    property_selected = Signal(int)
    meter_selected = Signal(int)
    data_changed = Signal()
    saving_started = Signal()

    def __init__(
        self, db_path: str, engine: Engine | None = None, read_only: bool = False, read_only_note: str = ""
    ) -> None:
        super().__init__()
        self._engine = engine
        self.db_path = db_path
        # A database that can't be written (read-only file or folder): pages show it and exports still work.
        self.read_only = read_only
        self.read_only_note = read_only_note
        self.property_id: int | None = None
        self.meter_id: int | None = None
        # The damaged-file check still to pass before anything is written (a database opened with it deferred
        # so that the first screen needn't wait): the engine waits for it and refuses a file that failed.
        self.integrity: IntegrityCheck | None = None

    @property
    def engine(self) -> Engine:
        # SQLAlchemy is imported on first use, not at start-up: the first page reads with sqlite3.
        if self._engine is None:
            from espm_desktop.app.database import database_engine

            if self.integrity is not None:
                problem = self.integrity.wait()
                if problem is not None:
                    raise problem

            self._engine = database_engine(self.db_path, read_only=self.read_only)
        return self._engine

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Around a write: a busy cursor and a status message, visible while SQLite waits for another writer."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        self.saving_started.emit()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def handover(self) -> AppContext:
        """The context for a window replacing the one on this context (a language switch, a reload): the same
        database, engine, selection and pending check. This one is left to the old window's pages, which then hear
        nothing more: nothing emits on it again (no disconnecting one receiver at a time)."""
        new = AppContext(self.db_path, self._engine, self.read_only, self.read_only_note)
        new.property_id, new.meter_id, new.integrity = self.property_id, self.meter_id, self.integrity
        self._engine = None  # the new context owns it now
        return new

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def select_property(self, property_id: int | None) -> None:
        if property_id is not None and property_id != self.property_id:
            self.property_id = property_id
            self.meter_id = None
            self.property_selected.emit(property_id)

    def select_meter(self, meter_id: int | None) -> None:
        if meter_id is not None and meter_id != self.meter_id:
            self.meter_id = meter_id
            self.meter_selected.emit(meter_id)
