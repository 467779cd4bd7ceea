"""Import bills: choose files, map the columns of other files, answer the date order, preview, import.

Reading and writing run off the GUI thread (ui/import_worker.py) behind a progress dialog with Cancel.
The preview counts new, duplicate and invalid rows and lists every row error; the list can be saved as
CSV. Rows whose period is stored with another usage or cost (conflicts) are listed with both values and a
Keep/Replace choice each; the import applies the choices. The import is one transaction: Cancel rolls
it back.
"""

from __future__ import annotations

import csv
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.bill_import import ImportPlan, error_dict
from espm_desktop.app.bill_import_files import (
    ColumnMapping,
    ConflictChoice,
    ImportBatch,
    RowRef,
)
from espm_desktop.core.dates import DateOrder
from espm_desktop.core.formatting import labelled
from espm_desktop.core.i18n import current_language
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.import_worker import ImportWorker, ReadResult, ReadWorker, start_in_thread
from espm_desktop.ui.pages.import_conflicts import CONFLICT_COLUMNS, ConflictBox
from espm_desktop.ui.pages.import_mapping import MappingPanel, mapping_key
from espm_desktop.ui.settings import AppSettings

__all__ = ["CONFLICT_COLUMNS", "ImportDialog", "MappingPanel", "mapping_key", "open_import_dialog"]


class ImportDialog(QDialog):
    preview_ready = Signal(object)
    import_finished = Signal(object)

    def __init__(self, ctx: AppContext, paths: list[Path] | list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.ctx = ctx
        self.settings = AppSettings()
        self.setWindowTitle(self.tr("Import bills"))
        self.resize(980, 720)
        self.paths: list[Path] = [Path(p) for p in paths]
        self.mappings: dict[Path, ColumnMapping] = {}
        self.read_result: ReadResult | None = None
        self.plan: ImportPlan | None = None
        self._threads: list[tuple[QThread, QObject]] = []
        self._progress: QProgressDialog | None = None
        self._build()
        self._refresh_files()

    # --- layout ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_list = QListWidget()
        self.file_list.setObjectName("import_files")
        self.file_list.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._on_add_files)
        self.remove_button.clicked.connect(self._on_remove_file)
        self.date_order = QComboBox()
        self.date_order.setObjectName("date_order")
        self.date_order.addItem(self.tr("Found in the file"), "")
        self.date_order.addItem(self.tr("Day/month/year (31/01/2024)"), DateOrder.DMY.value)
        self.date_order.addItem(self.tr("Month/day/year (01/31/2024)"), DateOrder.MDY.value)
        self.mapping_panel = MappingPanel()
        self.mapping_panel.hide()
        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("import_counts")
        self.counts.setStyleSheet("font-weight: 600;")
        self.counts.setWordWrap(True)
        self.error_table = QTableWidget(0, 6)
        self.error_table.setObjectName("import_errors")
        self.error_table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Value"),
                self.tr("Reason"),
            ]
        )
        self.error_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error_table.setWordWrap(True)
        self.error_table.verticalHeader().setVisible(False)
        header = self.error_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.conflict_box = ConflictBox()
        self.conflict_table = self.conflict_box.table
        self.keep_all_button = self.conflict_box.keep_all_button
        self.replace_all_button = self.conflict_box.replace_all_button
        self.save_errors_button = QPushButton(self.tr("Save errors as CSV…"))
        self.save_errors_button.setObjectName("save_errors")
        self.save_errors_button.clicked.connect(self._on_save_errors)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.start_preview)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        files_row = QHBoxLayout()
        files_row.addWidget(self.file_list, 1)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        files_row.addLayout(side)
        order_row = QFormLayout()
        order_row.addRow(self.tr("Dates such as 03/04/2024 read as:"), self.date_order)
        errors_row = QHBoxLayout()
        errors_row.addWidget(QLabel(self.tr("Rows that will not be imported:")))
        errors_row.addStretch(1)
        errors_row.addWidget(self.save_errors_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Files (ESPM Meter Entries export, ESPM Add Bills template, CSV or Excel):"))
        )
        layout.addLayout(files_row)
        layout.addLayout(order_row)
        layout.addWidget(self.mapping_panel)
        layout.addWidget(self.message)
        layout.addWidget(self.counts)
        layout.addWidget(self.conflict_box, 1)
        layout.addLayout(errors_row)
        layout.addWidget(self.error_table, 1)
        layout.addWidget(buttons)

    def _refresh_files(self) -> None:
        self.file_list.clear()
        for path in self.paths:
            self.file_list.addItem(str(path))
        self._set_plan(None)

    def _on_add_files(self) -> None:
        chosen = file_dialogs.open_file_names(
            self,
            self.tr("Import bills"),
            "",
            self.tr("Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
        )
        for name in chosen:
            if Path(name) not in self.paths:
                self.paths.append(Path(name))
        self._refresh_files()

    def _on_remove_file(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.paths):
            del self.paths[row]
            self._refresh_files()

    # --- preview -----------------------------------------------------------------------------------------
    def _chosen_order(self) -> DateOrder | None:
        value = self.date_order.currentData()
        return DateOrder(value) if value else None

    def start_preview(self) -> None:
        """Read every file and plan the import (off the GUI thread); ends in `preview_ready`."""
        if not self.mapping_panel.isHidden() and self.mapping_panel.path is not None:
            mapping = self.mapping_panel.mapping()
            self.mappings[self.mapping_panel.path] = mapping
            if self.mapping_panel.request is not None:
                self.settings.set_value(mapping_key(self.mapping_panel.request.headers), mapping.to_json())
        if not self.paths:
            self.message.setText(self.tr("Add the files to import."))
            return
        worker = ReadWorker(self.ctx.engine, list(self.paths), dict(self.mappings), self._chosen_order())
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_read)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._close_progress)
        self._run(worker, self.tr("Reading the files…"))

    def _run(self, worker: ReadWorker | ImportWorker, label: str) -> None:
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("import_progress")
        progress.setWindowTitle(self.tr("Import bills"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(worker.cancel_event.set)
        self._progress = progress
        # Python references to the thread and its worker are kept until the thread has finished; the slot is
        # a method of the dialog (connected before the thread starts), so it runs on the GUI thread.
        thread = start_in_thread(worker, self, self._on_thread_finished)
        self._threads.append((thread, worker))

    def _on_thread_finished(self) -> None:
        """Let go of every thread that has finished (the dialog owns them: deleted here, never behind its back)."""
        still_running: list[tuple[QThread, QObject]] = []
        for thread, worker in self._threads:
            if shiboken6.isValid(thread) and not thread.isFinished():
                still_running.append((thread, worker))
            elif shiboken6.isValid(thread):
                thread.wait()  # already finished: returns at once once run() has returned
                thread.deleteLater()
        self._threads = still_running

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(_has_work(self.plan))

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        QMessageBox.warning(self, self.tr("Import bills"), self.tr("The import stopped: {0}").format(message))

    def _on_read(self, result: ReadResult) -> None:
        self.read_result = result
        self._set_plan(result.plan)
        self._close_progress()
        lang = current_language()
        notes = [labelled(p.name, exc.message(lang), lang) for p, exc in result.failed.items()]
        for path, exc in result.ambiguous.items():
            notes.append(
                self.tr("{0}: {1} Choose the order above, then Preview.").format(path.name, exc.message(lang))
            )
            self.date_order.setFocus()
        panel = self.mapping_panel
        if panel.path is not None and panel.path in result.failed and panel.path in self.mappings:
            # The chosen columns did not work: keep them on screen with the reason above.
            self.mappings.pop(panel.path)
        else:
            panel.hide()
        if result.needs_mapping and panel.isHidden():
            path, request = next(iter(result.needs_mapping.items()))
            stored = self.settings.value(mapping_key(request.headers))
            remembered = ColumnMapping.from_json(str(stored)) if stored else None
            self.mapping_panel.show_for(path, request, remembered)
            notes.append(self.tr("{0}: choose its columns below, then Preview.").format(path.name))
        self.message.setText("\n".join(notes))
        self.message.setStyleSheet("color: #a00;" if notes else "")
        self.preview_ready.emit(result)

    def _set_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.import_button.setEnabled(_has_work(plan))
        self.save_errors_button.setEnabled(plan is not None and bool(plan.errors))
        if plan is None:
            self.counts.setText(self.tr("Press Preview to read the files."))
            self.error_table.setRowCount(0)
            self.conflict_box.fill([])
            return
        text = self.tr(
            "{0} new bills, {1} duplicates (already stored), {2} invalid rows, {3} rows skipped "
            "(not energy), {4} new properties, {5} new meters."
        ).format(
            len(plan.bills),
            len(plan.duplicates),
            plan.invalid_rows,
            len(plan.skipped),
            len(plan.new_properties),
            len(plan.new_meters),
        )
        if plan.conflicts:
            text += " " + self.tr("{0} rows differ from the stored bills: choose below.").format(
                len(plan.conflicts)
            )
        for notice in plan.notices:
            text += "\n" + notice.message(current_language())
        self.counts.setText(text)
        self._fill_errors(plan)
        self.conflict_box.fill(plan.conflicts)

    def choose(self, row: int, choice: ConflictChoice) -> None:
        """Set the choice of the conflict table's `row` (0-based), as its combo box does."""
        self.conflict_box.choose(row, choice)

    def choose_all(self, choice: ConflictChoice) -> None:
        self.conflict_box.choose_all(choice)

    def conflict_choices(self) -> dict[RowRef, ConflictChoice]:
        """The choice shown for each listed conflict, by file, sheet and row."""
        return self.conflict_box.choices()

    def _fill_errors(self, plan: ImportPlan) -> None:
        lang = current_language()
        errors = plan.errors
        self.error_table.setRowCount(len(errors))
        for r, error in enumerate(errors):
            values = error_dict(error, lang)
            for c, key in enumerate(("file", "sheet", "row", "column", "value", "reason")):
                item = QTableWidgetItem(str(values[key]))
                if key == "reason":
                    item.setToolTip(str(values[key]))
                self.error_table.setItem(r, c, item)
        self.error_table.resizeRowsToContents()

    def _on_save_errors(self) -> None:
        if self.plan is None or not self.plan.errors:
            return
        name = file_dialogs.save_file_name(
            self, self.tr("Save errors as CSV"), "import-errors.csv", self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        from espm_desktop.fs.atomic_files import OutputError

        try:
            self.save_errors(Path(name))
        except OutputError as exc:
            self.message.setText(exc.message(current_language()))
        except OSError as exc:
            self.message.setText(
                self.tr("The file {0} could not be written: {1}").format(name, exc.strerror or exc)
            )

    def save_errors(self, path: Path) -> None:
        """The row errors as a CSV file (UTF-8 with BOM so Excel reads accents)."""
        assert self.plan is not None
        lang = current_language()
        from espm_desktop.fs.atomic_files import atomic_write

        with atomic_write(
            path, mode="w", encoding="utf-8-sig", newline="", protected=(Path(self.ctx.db_path),)
        ) as fh:
            writer = csv.writer(fh)
            writer.writerow(
                [self.error_table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
            )
            for error in self.plan.errors:
                row = error_dict(error, lang)
                writer.writerow(
                    [_csv_safe(str(row[k])) for k in ("file", "sheet", "row", "column", "value", "reason")]
                )

    # --- import ------------------------------------------------------------------------------------------
    def batches(self) -> list[ImportBatch]:
        return list(self.read_result.batches) if self.read_result is not None else []

    def start_import(self) -> None:
        """Write the previewed files in one transaction (off the GUI thread); ends in `import_finished`.

        Each listed conflict gets the choice shown; one that appears only now (the database changed since
        the preview) refuses the import, so nothing is kept or replaced without being shown.
        """
        if not _has_work(self.plan):
            return
        worker = ImportWorker(self.ctx.engine, self.batches(), self.conflict_choices())
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_imported)
        worker.cancelled.connect(self._on_import_cancelled)
        worker.refused.connect(self._on_import_refused)
        worker.failed.connect(self._on_failed)
        self._run(worker, self.tr("Importing the bills…"))

    def _on_imported(self, plan: ImportPlan) -> None:
        self._close_progress()
        self.import_button.setEnabled(False)
        self.message.setStyleSheet("color: #060;")
        self.message.setText(
            self.tr(
                "{0} bills imported, {1} stored bills replaced ({2} duplicates left out, {3} conflicts "
                "kept as stored, {4} invalid rows not imported)."
            ).format(
                len(plan.bills),
                len(plan.replaced),
                len(plan.duplicates),
                len(plan.conflicts) - len(plan.replaced),
                plan.invalid_rows,
            )
        )
        self.ctx.data_changed.emit()
        self.import_finished.emit(plan)

    def _on_import_refused(self, plan: ImportPlan) -> None:
        self._close_progress()
        self.message.setStyleSheet("color: #a00;")
        self.message.setText(
            self.tr(
                "Nothing was stored: the database changed since the preview and more rows now differ from "
                "the stored bills. Check the list below, choose, and import again."
            )
        )
        choices = self.conflict_choices()
        self._set_plan(plan)
        for r, ref in enumerate(self.conflict_box.refs):
            if ref in choices:
                self.conflict_box.choose(r, choices[ref])

    def _on_import_cancelled(self) -> None:
        self._close_progress()
        self.message.setStyleSheet("color: #a00;")
        self.message.setText(self.tr("Import cancelled: nothing was stored."))

    def cancel_running(self) -> None:
        """Ask the running worker to stop (the Cancel button of the progress dialog does the same)."""
        for _, worker in self._threads:
            event = getattr(worker, "cancel_event", None)
            if event is not None:
                event.set()

    def done(self, result: int) -> None:  # Qt override: never leave a worker writing behind a closed dialog
        self.cancel_running()
        for thread, _ in list(self._threads):
            if shiboken6.isValid(thread):
                thread.quit()  # a worker that has reported: its thread may still be winding down
                thread.wait()
        self._on_thread_finished()
        super().done(result)


def _has_work(plan: ImportPlan | None) -> bool:
    """True when importing would change the database: new bills, or conflicts that may be replaced."""
    return plan is not None and bool(plan.bills or plan.conflicts)


def _csv_safe(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def open_import_dialog(ctx: AppContext, parent: QWidget | None = None) -> ImportDialog | None:
    """Ask for the files, then run the import dialog on them."""
    title = QCoreApplication.translate("ImportDialog", "Import bills")
    file_filter = QCoreApplication.translate(
        "ImportDialog", "Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"
    )
    chosen = file_dialogs.open_file_names(parent, title, "", file_filter)
    if not chosen:
        return None
    dialog = ImportDialog(ctx, chosen, parent)
    dialog.start_preview()
    dialog.exec()
    return dialog
