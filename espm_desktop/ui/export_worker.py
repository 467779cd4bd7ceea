"""File → Export… off the GUI thread: one `export_to_file` call (the CLI's `export`) with progress and Cancel.

The worker never touches a widget; it reports through typed past-tense signals. Cancel sets an event that the
export reads between batches of bills: the writer then stops and its atomic write removes the partial file,
so the target is either the finished file or what was there before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from espm_desktop.app.bill_export import ExportCancelled, ExportFormat, export_to_file

log = logging.getLogger(__name__)


class ExportWorker(QObject):
    progressed = Signal(int, int)
    """(bills handed to the file so far, bills to write)."""
    finished = Signal(int)
    """The file is written: the number of bill rows in it."""
    cancelled = Signal()
    failed = Signal(object)
    """The exception that stopped the export (the dialog words it); nothing was written."""

    def __init__(
        self,
        engine: Any,
        fmt: ExportFormat,
        out: Path,
        property_ids: Sequence[int] | None,
        *,
        protected: Sequence[Path] = (),
        skip_meters_without_espm_id: bool = False,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.fmt = fmt
        self.out = out
        self.property_ids = None if property_ids is None else list(property_ids)
        self.protected = tuple(protected)
        self.skip_meters_without_espm_id = skip_meters_without_espm_id
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            count = export_to_file(
                self.engine,
                self.fmt,
                self.out,
                self.property_ids,
                protected=self.protected,
                skip_meters_without_espm_id=self.skip_meters_without_espm_id,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self.cancel_event.is_set,
            )
        except ExportCancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 — reported to the user, never lost in a thread
            log.exception("Export to %s failed", self.out)
            self.failed.emit(exc)
            return
        self.finished.emit(count)
