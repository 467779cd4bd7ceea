"""Print… and Save as PDF… for a page's report (score, consumption, portfolio).

The report is the one `espm-desktop report` writes (app/reports.py). It is gathered and drawn in a worker
thread behind a progress dialog with Cancel, always to a temporary file first: Save as PDF… then copies it
over the chosen file atomically and opens it in the user's PDF viewer; Print… hands it to the print dialog
(ui/printing.py) and deletes it. Cancel, at any point, leaves neither the chosen file nor a temporary one.

Paper: Letter by default (North America), A4 offered in the save dialog; the choice is remembered, and before
any choice a system locale outside the Letter countries starts on A4.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from espm_desktop.core.i18n import current_language
from espm_desktop.fs.atomic_files import OutputError, check_output_target
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from espm_desktop.ui.report_worker import ReportWorker

# The Properties, Charts and Score pages show these buttons on their first screen: what a report needs (the
# worker thread, SQLAlchemy, reportlab, the dialogs) is imported when one is asked for.
ReportKindName = Literal["score", "consumption", "portfolio"]
PAGE_SIZES = ("letter", "a4")  # app.reports.PAGE_SIZES

PAGE_SIZE_KEY = "reports/page_size"
FOLDER_KEY = "reports/folder"
# Where Letter is the usual paper (the C locale too: a build machine or a test).
_LETTER_COUNTRIES = (
    "UnitedStates", "Canada", "Mexico", "Chile", "Colombia", "CostaRica", "DominicanRepublic",
    "ElSalvador", "Guatemala", "Nicaragua", "Panama", "Philippines", "PuertoRico", "Venezuela",
    "AnyTerritory",
)  # fmt: skip
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """Which report a page asks for: the kind, its property (none: the whole portfolio) and score period."""

    kind: ReportKindName
    property_id: int | None = None
    period_end: date | None = None


def preferred_page_size(settings: AppSettings) -> str:
    """ "letter" or "a4": the user's last choice, else what the system locale's country uses."""
    stored = str(settings.value(PAGE_SIZE_KEY, "") or "")
    if stored in PAGE_SIZES:
        return stored
    # By name: the country enumeration, hundreds of members, is only made when a report is asked for.
    return "letter" if QLocale.system().territory().name in _LETTER_COUNTRIES else "a4"


class ReportButtons(QWidget):
    """Print… and Save as PDF… for the report `request()` describes (None: nothing to report, buttons do nothing)."""

    pdf_saved = Signal(str)
    printed = Signal(int)
    """The report was printed: the number of pages."""

    def __init__(
        self, ctx: AppContext, request: Callable[[], ReportRequest | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print_report")
        self.print_button.setToolTip(self.tr("Print the report of this page"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("save_report_pdf")
        self.pdf_button.setToolTip(self.tr("Save the report of this page as a PDF file and open it"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.print_button)
        layout.addWidget(self.pdf_button)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.save_as_pdf)
        self._worker: ReportWorker | None = None
        self._progress: QProgressDialog | None = None
        self.failure_box: QMessageBox | None = None

    def running(self) -> bool:
        return self._worker is not None

    # -- the two actions ----------------------------------------------------------------------------------------
    def save_as_pdf(self) -> None:
        """Ask for the file (Letter or A4 by the filter chosen), write the report there, open it."""
        request = self.request()
        if request is None or self.running():
            return
        from espm_desktop.ui import file_dialogs

        settings = AppSettings()
        filters = {"letter": self.tr("PDF, Letter paper (*.pdf)"), "a4": self.tr("PDF, A4 paper (*.pdf)")}
        chosen, chosen_filter = file_dialogs.save_file_name_and_filter(
            self.window(),
            self.tr("Save as PDF"),
            str(self._suggested_path(settings, request)),
            ";;".join(filters.values()),
            filters[preferred_page_size(settings)],
        )
        if not chosen:
            return
        page_size = "a4" if chosen_filter == filters["a4"] else "letter"
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        settings.set_value(PAGE_SIZE_KEY, page_size)
        settings.set_value(FOLDER_KEY, str(target.parent))
        try:
            check_output_target(target, [Path(self.ctx.db_path)])
        except OutputError as exc:
            self._tell_failure(exc, target)
            return
        self._start(request, page_size, target)

    def print_report(self) -> None:
        """Draw the report to a temporary PDF and print it through the print dialog."""
        request = self.request()
        if request is None or self.running():
            return
        self._start(request, preferred_page_size(AppSettings()), None)

    # -- running ------------------------------------------------------------------------------------------------
    def _start(self, request: ReportRequest, page_size: str, target: Path | None) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from espm_desktop.ui.report_worker import ReportWorker, run_in_thread

        worker = ReportWorker(
            self.ctx.engine, request, current_language(), page_size, target, Path(self.ctx.db_path)
        )
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self.print_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        label = (
            self.tr("Preparing the report…")
            if target is None
            else self.tr("Writing {0}…").format(target.name)
        )
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window())
        progress.setObjectName("report_progress")
        progress.setWindowTitle(self.tr("Report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.canceled.connect(worker.cancel_event.set)
        self._progress = progress
        run_in_thread(worker)

    def _stop(self) -> None:
        self._worker = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.print_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def _on_finished(self, pdf: Path) -> None:
        from PySide6.QtWidgets import QMessageBox

        from espm_desktop.ui.desktop_open import open_with_desktop
        from espm_desktop.ui.output_messages import message_box

        printing = self._worker is not None and self._worker.target is None
        self._stop()
        if not printing:
            self.pdf_saved.emit(str(pdf))
            if not open_with_desktop(pdf):
                box = message_box(
                    self.window(),
                    QMessageBox.Icon.Information,
                    self.tr("Save as PDF"),
                    self.tr("The report was saved to {0}, but no PDF viewer could open it.").format(pdf),
                    "report_saved",
                )
                box.addButton(QMessageBox.StandardButton.Ok)
                box.open()
            return
        try:
            from espm_desktop.ui import printing as printing_module

            pages = printing_module.print_pdf_with_dialog(self.window(), pdf)  # it tells of a failure itself
            if pages:
                self.printed.emit(pages)
        finally:
            shutil.rmtree(pdf.parent, ignore_errors=True)

    def _on_cancelled(self) -> None:
        self._stop()

    def _on_failed(self, exc: BaseException) -> None:
        target = self._worker.target if self._worker is not None else None
        self._stop()
        self._tell_failure(exc, target or Path(self.tr("the report")))

    def _tell_failure(self, exc: BaseException, target: Path) -> None:
        from PySide6.QtWidgets import QMessageBox

        from espm_desktop.ui.output_messages import failure_text, message_box

        box = message_box(
            self.window(),
            QMessageBox.Icon.Warning,
            self.tr("Report not written"),
            failure_text(exc, target, self.ctx.db_path, current_language()),
            "report_failed",
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        self.failure_box = box
        box.open()

    # -- names ----------------------------------------------------------------------------------------------------
    def _suggested_path(self, settings: AppSettings, request: ReportRequest) -> Path:
        from PySide6.QtCore import QStandardPaths

        folder = str(settings.value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        title = {
            "score": self.tr("ENERGY STAR score report"),
            "consumption": self.tr("Consumption report"),
            "portfolio": self.tr("Portfolio report"),
        }[request.kind]
        name = self._property_name(request.property_id)
        stem = _UNSAFE_NAME.sub("-", f"{name} – {title}" if name else title).strip(" .") or "report"
        return Path(folder or Path.home()) / f"{stem} {date.today().isoformat()}.pdf"

    def _property_name(self, property_id: int | None) -> str:
        if property_id is None:
            return ""
        from espm_desktop.app.choices import property_choices

        return dict(property_choices(self.ctx.db_path)).get(property_id, "")
