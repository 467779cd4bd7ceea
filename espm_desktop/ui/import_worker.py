"""Import work off the GUI thread: read the files and preview, then write in one transaction.

Each worker is a QObject moved to its own QThread; it reports through typed past-tense signals and never
touches a widget. Cancel sets an event: reading stops between files, writing stops between chunks and
the transaction is rolled back. The preview keeps every conflict (a bill stored with other values) so the
dialog can show it; the import applies the dialog's choice for each and refuses any conflict not shown.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from espm_desktop.app.bill_import import (
    ConflictsRefused,
    ImportCancelled,
    import_into_database,
)
from espm_desktop.app.bill_import_files import (
    ColumnMapping,
    ConflictChoice,
    ImportBatch,
    ReadResult,
    RowRef,
    read_import_files,
)
from espm_desktop.core.dates import DateOrder

__all__ = ["ImportWorker", "ReadResult", "ReadWorker", "start_in_thread"]

log = logging.getLogger(__name__)


class ReadWorker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(
        self,
        engine: Any,
        paths: list[Path],
        mappings: dict[Path, ColumnMapping],
        date_order: DateOrder | None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.paths = paths
        self.mappings = mappings
        self.date_order = date_order
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = read_import_files(
                self.engine,
                self.paths,
                self.mappings,
                self.date_order,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self.cancel_event.is_set,
            )
        except ImportCancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 — reported to the user, never lost in a thread
            log.exception("Reading import files failed")
            self.failed.emit(str(exc))
            return
        self.finished.emit(result)


class ImportWorker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    refused = Signal(object)
    """A conflict had no choice (it appeared after the preview): nothing stored; the new ImportPlan."""
    failed = Signal(str)

    def __init__(
        self,
        engine: Any,
        batches: list[ImportBatch],
        choices: Mapping[RowRef, ConflictChoice] | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.batches = batches
        self.choices = dict(choices or {})
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            plan = import_into_database(
                self.engine,
                self.batches,
                on_conflict=ConflictChoice.FAIL,
                choices=self.choices,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self.cancel_event.is_set,
            )
        except ImportCancelled:
            self.cancelled.emit()
            return
        except ConflictsRefused as exc:
            self.refused.emit(exc.plan)
            return
        except Exception as exc:  # noqa: BLE001 — the transaction was rolled back; tell the user why
            log.exception("Import failed")
            self.failed.emit(str(exc))
            return
        self.finished.emit(plan)


def start_in_thread(
    worker: QObject, parent: QObject, on_finished: Callable[[], None] | None = None
) -> QThread:
    """Run `worker.run` in a new thread owned by `parent`; the thread quits when the worker reports.

    `on_finished` is connected before the thread starts: a worker quicker than the caller cannot finish unseen.

    The thread is not deleted here (no `deleteLater` on `finished`): its owner keeps the thread and the worker
    until the thread's `finished` signal, then releases both. A thread deleted behind the owner's back is what
    made "Internal C++ object (QThread) already deleted" on the dialog's Close.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    for name in ("finished", "failed", "cancelled", "refused"):
        signal = getattr(worker, name, None)
        if signal is not None:
            signal.connect(thread.quit)
    if on_finished is not None:
        thread.finished.connect(on_finished)
    thread.start()
    return thread
