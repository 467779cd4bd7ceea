"""File → Export…: the ESPM "Add Bills to Existing Meters" template, the bills as CSV, or the portfolio workbook.

The file is written by the same `export_to_file` as `espm-desktop export`, in a worker thread (export_worker)
behind a progress bar with Cancel; every write is atomic, so Cancel or an error leaves the previous file, if
any, and no partial file. Before the ESPM template is written, the meters without an ESPM meter ID are listed:
ESPM would refuse their rows, so the export leaves them out or the user cancels to enter the IDs first.
"""

from __future__ import annotations

import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, QThread
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.bill_export import ExportFormat, MeterWithoutEspmId
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number
from espm_desktop.fs.atomic_files import OutputError, check_output_target
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.desktop_open import open_with_desktop
from espm_desktop.ui.export_worker import ExportWorker
from espm_desktop.ui.import_worker import start_in_thread
from espm_desktop.ui.output_messages import failure_text, message_box
from espm_desktop.ui.settings import AppSettings

FOLDER_KEY = "export/folder"
_SUFFIX = {ExportFormat.ESPM_BILLS: ".xlsx", ExportFormat.CSV: ".csv", ExportFormat.XLSX: ".xlsx"}
# Characters Windows or macOS refuse in a file name; a property name may hold them.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.target: Path | None = None
        self.missing: list[MeterWithoutEspmId] = []
        self._meter_count = 0
        self._threads: list[tuple[QThread, ExportWorker]] = []
        self._worker: ExportWorker | None = None
        self.done_box: QMessageBox | None = None
        self.failure_box: QMessageBox | None = None
        self._build()
        self._on_choice_changed()

    # -- building ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        formats = QGroupBox(self.tr("What to export"))
        self.format_group = QButtonGroup(self)
        format_layout = QVBoxLayout(formats)
        self.format_buttons: dict[ExportFormat, QRadioButton] = {}
        for fmt, text in (
            (ExportFormat.ESPM_BILLS, self.tr("ESPM upload template “Add Bills to Existing Meters” (.xlsx)")),
            (ExportFormat.CSV, self.tr("Bills as CSV, one bill a line (.csv)")),
            (ExportFormat.XLSX, self.tr("Portfolio workbook: properties, meters and bills (.xlsx)")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"format_{fmt.value.replace('-', '_')}")
            self.format_group.addButton(button)
            format_layout.addWidget(button)
            self.format_buttons[fmt] = button
        self.format_buttons[ExportFormat.ESPM_BILLS].setChecked(True)

        scope = QGroupBox(self.tr("Properties"))
        scope_layout = QVBoxLayout(scope)
        self.current_name = self._property_name(self.ctx.property_id)
        self.scope_current = QRadioButton(
            self.tr("The current property: {0}").format(self.current_name)
            if self.current_name
            else self.tr("The current property (none is selected)")
        )
        self.scope_current.setObjectName("scope_current")
        self.scope_current.setEnabled(bool(self.current_name))
        self.scope_all = QRadioButton(self.tr("All properties"))
        self.scope_all.setObjectName("scope_all")
        (self.scope_current if self.current_name else self.scope_all).setChecked(True)
        scope_layout.addWidget(self.scope_current)
        scope_layout.addWidget(self.scope_all)

        file_box = QGroupBox(self.tr("File"))
        file_row = QHBoxLayout(file_box)
        self.file_label = QLabel()
        self.file_label.setObjectName("export_file")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setObjectName("choose_file")
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.missing_box = QGroupBox(self.tr("Meters without an ESPM meter ID"))
        self.missing_box.setObjectName("missing_box")
        missing_layout = QVBoxLayout(self.missing_box)
        self.missing_intro = QLabel()
        self.missing_intro.setObjectName("missing_intro")
        self.missing_intro.setWordWrap(True)
        self.missing_intro.setStyleSheet("color: #8a5300;")
        self.missing_list = QTreeWidget()
        self.missing_list.setObjectName("missing_meter_ids")
        self.missing_list.setRootIsDecorated(False)
        self.missing_list.setHeaderLabels([self.tr("Meter"), self.tr("Property")])
        self.missing_list.setMinimumHeight(96)  # the header and three meters without scrolling
        self.missing_list.setMaximumHeight(160)
        self.missing_hint = QLabel()
        self.missing_hint.setWordWrap(True)
        missing_layout.addWidget(self.missing_intro)
        missing_layout.addWidget(self.missing_list)
        missing_layout.addWidget(self.missing_hint)

        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")

        layout = QVBoxLayout(self)
        for widget in (formats, scope, file_box, self.missing_box, self.progress, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.format_group.buttonToggled.connect(self._on_format_toggled)
        self.scope_all.toggled.connect(lambda _on: self._on_choice_changed())
        self.choose_button.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._on_cancel)

    def _property_name(self, property_id: int | None) -> str:
        if property_id is None:
            return ""
        from espm_desktop.app.choices import property_choices

        return dict(property_choices(self.ctx.db_path)).get(property_id, "")

    # -- choices ----------------------------------------------------------------------------------------------
    def chosen_format(self) -> ExportFormat:
        return next(fmt for fmt, button in self.format_buttons.items() if button.isChecked())

    def property_ids(self) -> list[int] | None:
        """The properties to export: the current one, or None for all."""
        if self.scope_current.isChecked() and self.ctx.property_id is not None:
            return [self.ctx.property_id]
        return None

    def _on_format_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:  # the button turned off reports too
            self._on_choice_changed()

    def _on_choice_changed(self) -> None:
        if self.target is not None and self.target.suffix.lower() != _SUFFIX[self.chosen_format()]:
            self.target = None  # a .csv chosen for the CSV is no name for a workbook: choose again
        self._show_target()
        self._find_missing()

    def _find_missing(self) -> None:
        self.missing = []
        self._meter_count = 0
        if self.chosen_format() is ExportFormat.ESPM_BILLS:
            from espm_desktop.app.bill_export import template_coverage

            self.missing, self._meter_count = template_coverage(self.ctx.engine, self.property_ids())
        self.missing_list.clear()
        for meter in self.missing:
            self.missing_list.addTopLevelItem(QTreeWidgetItem([meter.meter_name, meter.property_name]))
        self.missing_list.resizeColumnToContents(0)
        self.missing_box.setVisible(bool(self.missing))
        everything = bool(self.missing) and len(self.missing) == self._meter_count
        if everything:
            self.missing_intro.setText(
                self.tr(
                    "ESPM would refuse these rows: no meter here has an ESPM meter ID, so the template would be "
                    "empty."
                )
            )
            self.missing_hint.setText(
                self.tr("Enter each meter's ESPM meter ID on the Meters page, then export again.")
            )
        else:
            self.missing_intro.setText(
                self.tr("ESPM would refuse these rows: their meters have no ESPM meter ID.")
            )
            self.missing_hint.setText(
                self.tr(
                    "Skip them to write the other meters' bills, or cancel and enter their ESPM meter IDs on "
                    "the Meters page first."
                )
            )
        self.export_button.setText(self.tr("Skip them and export") if self.missing else self.tr("Export"))
        self.export_button.setEnabled(not everything)
        self.adjustSize()

    def _show_target(self) -> None:
        self.file_label.setText(str(self.target) if self.target else self.tr("(none chosen yet)"))

    def _suggested_path(self) -> Path:
        folder = str(self.settings.value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        fmt = self.chosen_format()
        stem = {
            ExportFormat.ESPM_BILLS: self.tr("ESPM bills upload"),
            ExportFormat.CSV: self.tr("Bills"),
            ExportFormat.XLSX: self.tr("Portfolio"),
        }[fmt]
        if self.property_ids() is not None and self.current_name:
            stem = f"{self.current_name} – {stem}"
        stem = _UNSAFE_NAME.sub("-", stem).strip(" .") or "export"
        return Path(folder or Path.home()) / f"{stem}{_SUFFIX[fmt]}"

    def choose_file(self) -> bool:
        """Ask where to write (the save dialog asks before replacing a file); False when cancelled."""
        fmt = self.chosen_format()
        name_filter = (
            self.tr("CSV files (*.csv)") if fmt is ExportFormat.CSV else self.tr("Excel workbooks (*.xlsx)")
        )
        chosen = file_dialogs.save_file_name(
            self, self.tr("Export to"), str(self._suggested_path()), name_filter
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != _SUFFIX[fmt]:
            path = path.with_name(path.name + _SUFFIX[fmt])
        self.target = path
        self.settings.set_value(FOLDER_KEY, str(path.parent))
        self._show_target()
        return True

    # -- running ----------------------------------------------------------------------------------------------
    def running(self) -> bool:
        return self._worker is not None

    def start_export(self) -> None:
        """Write the chosen file off the GUI thread (asking for the file first if none is chosen yet)."""
        if self.running() or not self.export_button.isEnabled():
            return
        if self.target is None and not self.choose_file():
            return
        assert self.target is not None
        db_path = Path(self.ctx.db_path)
        try:
            check_output_target(self.target, [db_path])
        except OutputError as exc:
            self._tell_failure(exc)
            return
        worker = ExportWorker(
            self.ctx.engine,
            self.chosen_format(),
            self.target,
            self.property_ids(),
            protected=(db_path,),
            skip_meters_without_espm_id=self.chosen_format() is ExportFormat.ESPM_BILLS,
        )
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self._set_running(True)
        self.status.setText(self.tr("Writing {0}…").format(self.target.name))
        # The dialog keeps the thread and its worker until the thread has finished (see start_in_thread).
        self._threads.append((start_in_thread(worker, self, self._on_thread_finished), worker))

    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.choose_button, self.scope_current, self.scope_all):
            widget.setEnabled(not running)
        if not running:
            self.scope_current.setEnabled(bool(self.current_name))
            self.export_button.setEnabled(not self.missing or len(self.missing) < self._meter_count)
        for button in self.format_buttons.values():
            button.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.status.setStyleSheet("")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total) if total else 1)

    def _on_finished(self, count: int) -> None:
        self._worker = None
        self._set_running(False)
        target = self.target
        assert target is not None
        text = self.tr("{0} rows written to {1}.").format(format_number(count, current_language()), target)
        if self.missing and self.chosen_format() is ExportFormat.ESPM_BILLS:
            text += "\n" + self.tr("Left out: the bills of {0} meters without an ESPM meter ID.").format(
                len(self.missing)
            )
        self.status.setText(text)
        # Shown over the window: this dialog's work is done and it closes.
        box = message_box(
            self.parentWidget() or self,
            QMessageBox.Icon.Information,
            self.tr("Export done"),
            text,
            "export_done",
        )
        show = box.addButton(self.tr("Show folder"), QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("show_folder")
        show.clicked.connect(lambda: open_with_desktop(target.parent))
        box.addButton(QMessageBox.StandardButton.Close)
        self.done_box = box
        box.open()
        if self.parentWidget() is not None:
            self.accept()

    def _on_cancelled(self) -> None:
        self._worker = None
        self._set_running(False)
        self.status.setStyleSheet("color: #a00;")
        self.status.setText(self.tr("Export cancelled: no file was written."))

    def _on_failed(self, exc: BaseException) -> None:
        self._worker = None
        self._set_running(False)
        self._tell_failure(exc)

    def _tell_failure(self, exc: BaseException) -> None:
        target = self.target or Path()
        text = failure_text(exc, target, self.ctx.db_path, current_language())
        self.status.setStyleSheet("color: #a00;")
        self.status.setText(text)
        box = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Export not written"), text, "export_failed"
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        self.failure_box = box
        box.open()

    def _on_cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel_event.set()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _on_thread_finished(self) -> None:
        still_running: list[tuple[QThread, ExportWorker]] = []
        for thread, worker in self._threads:
            if shiboken6.isValid(thread) and not thread.isFinished():
                still_running.append((thread, worker))
            elif shiboken6.isValid(thread):
                thread.wait()
                thread.deleteLater()
        self._threads = still_running

    def done(self, result: int) -> None:  # Qt override: never leave a worker writing behind a closed dialog
        if self._worker is not None:
            self._worker.cancel_event.set()
        for thread, _ in list(self._threads):
            if shiboken6.isValid(thread):
                thread.quit()
                thread.wait()
        self._on_thread_finished()
        super().done(result)


def open_export_dialog(ctx: AppContext, settings: AppSettings, parent: QObject | None = None) -> ExportDialog:
    """Run File → Export… modally."""
    dialog = ExportDialog(ctx, settings, parent if isinstance(parent, QWidget) else None)
    dialog.exec()
    return dialog
