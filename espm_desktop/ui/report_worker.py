"""The thread that gathers and draws a page's report (ui/report_actions.py starts it when a report is asked for).

The report is drawn to a temporary file first; a chosen file is then replaced atomically. The threads are kept
here until they have finished, and waited for when the application quits.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from espm_desktop.fs.atomic_files import atomic_write

if TYPE_CHECKING:
    from espm_desktop.ui.report_actions import ReportRequest

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    pass


class ReportWorker(QObject):
    finished = Signal(object)
    """The PDF's path: the chosen file, or (no target: for printing) a temporary file the receiver deletes."""
    cancelled = Signal()
    failed = Signal(object)
    """The exception that stopped it (the page words it); nothing was written."""

    def __init__(
        self,
        engine: Any,
        request: ReportRequest,
        language: str,
        page_size: str,
        target: Path | None,
        db_path: Path,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.request = request
        self.language = language
        self.page_size = page_size
        self.target = target
        self.db_path = db_path
        self.cancel_event = threading.Event()

    def _check(self) -> None:
        if self.cancel_event.is_set():
            raise _Cancelled

    @Slot()
    def run(self) -> None:
        from espm_desktop.app.reports import gather_report, render_report

        folder = Path(tempfile.mkdtemp(prefix="espm-report-"))
        handed_over = False
        try:
            request = self.request
            data = gather_report(
                self.engine, request.kind, self.language, request.property_id, period_end=request.period_end
            )
            self._check()
            pdf = folder / f"{request.kind}.pdf"
            protected = (self.db_path,)
            render_report(data, pdf, self.language, page_size=self.page_size, protected=protected)
            self._check()
            if self.target is None:
                handed_over = True
                self.finished.emit(pdf)
                return
            with atomic_write(self.target, protected=protected) as out, pdf.open("rb") as src:
                shutil.copyfileobj(src, out)
                self._check()  # raised inside the write: its partial file goes, the target stays as it was
        except _Cancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 — reported to the user, never lost in a thread
            log.exception("Report %s to %s failed", self.request.kind, self.target)
            self.failed.emit(exc)
            return
        finally:
            if not handed_over:
                shutil.rmtree(folder, ignore_errors=True)
        self.finished.emit(self.target)


# The threads outlive the button that started them (a window rebuilt for another language, closed while a
# report is drawn): they are kept here, not by the page, until they have finished, and waited for at exit.
_running: list[tuple[QThread, ReportWorker]] = []


def _release_finished() -> None:
    still: list[tuple[QThread, ReportWorker]] = []
    for thread, worker in _running:
        if shiboken6.isValid(thread) and not thread.isFinished():
            still.append((thread, worker))
        elif shiboken6.isValid(thread):
            thread.wait()
            thread.deleteLater()
    _running[:] = still


def _stop_all() -> None:
    for thread, worker in list(_running):
        worker.cancel_event.set()
        if shiboken6.isValid(thread):
            thread.quit()
            thread.wait()
    _release_finished()


def run_in_thread(worker: ReportWorker) -> None:
    from espm_desktop.ui.import_worker import start_in_thread

    app = QCoreApplication.instance()
    assert app is not None
    if not getattr(app, "_espm_reports_stopped_at_quit", False):
        app.aboutToQuit.connect(_stop_all)
        setattr(app, "_espm_reports_stopped_at_quit", True)  # noqa: B010 (one connection per application)
    _running.append((start_in_thread(worker, app, _release_finished), worker))
