"""Énergir data exchange: the guided ESPM setup for one natural-gas meter, with its status and dates.

The guide's stages and steps come from core.data_exchange (seed 000) in the user's language; the meter's numbers,
status dates and ticked steps are stored through db.data_exchange. Reopening resumes at the first step not done.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import data_exchange as assistant
from espm_desktop.app.data_exchange import StoredSetup
from espm_desktop.core.data_exchange import (
    STAGES,
    STATUS_ORDER,
    SetupTransitionError,
    completed_step_ids,
    resume_point_for,
    status_rank,
)
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.fs.atomic_files import OutputError
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import ERROR_STYLE
from espm_desktop.ui.labels import energy_type_label
from espm_desktop.ui.pages.data_exchange_numbers import NumbersEntry, NumbersForm
from espm_desktop.ui.pages.data_exchange_reference import data_flow_panel, revoke_panel
from espm_desktop.ui.pages.data_exchange_stages import StageListItem, StagePage
from espm_desktop.ui.pages.data_exchange_status import StatusPanel
from espm_desktop.ui.pages.data_exchange_widgets import (
    BADGE_COLOURS,
    MUTED_STYLE,
    StepCard,
    language,
    loc,
    set_badge,
    status_text,
)
from espm_desktop.ui.pages.pickers import PropertyMeterPicker

_UNSAFE_FILENAME = str.maketrans({c: "-" for c in '\\/:*?"<>|'})


def _file_stem(*parts: str) -> str:
    return " - ".join(p.translate(_UNSAFE_FILENAME).strip() for p in parts if p.strip())


class DataExchangePage(QWidget):
    """The assistant for the selected meter; see the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored: StoredSetup | None = None
        self.resume_step_id: str | None = None
        self._gas_meter_id: int | None = None
        heading = QLabel(self.tr("Énergir data exchange"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "Set up ENERGY STAR Portfolio Manager so that Énergir sends this meter's monthly natural-gas "
                "use, step by step as in Énergir's guide, with your own numbers to copy. Where you stopped is "
                "kept per meter."
            )
        )
        subtitle.setStyleSheet(MUTED_STYLE)
        subtitle.setWordWrap(True)
        self.picker = PropertyMeterPicker(ctx, with_meter=True)
        self.picker.changed.connect(self.load_meter)

        self.note = QLabel()
        self.note.setObjectName("assistant_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            f"background: {BADGE_COLOURS['partial'][0]}; color: {BADGE_COLOURS['partial'][1]}; padding: 6px;"
        )
        self.show_gas_button = QPushButton()
        self.show_gas_button.setObjectName("show_gas_meter")
        self.show_gas_button.clicked.connect(self._on_show_gas_meter)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.show_gas_button)

        self.status_frame = StatusPanel()
        self.status_frame.record_next_requested.connect(self._on_record_next)
        self.status_frame.go_back_requested.connect(self._on_go_back)
        self.numbers = NumbersForm()
        self.numbers.save_requested.connect(self._on_save_numbers)
        self.stage_list = QListWidget()
        self.stage_list.setObjectName("stage_list")
        self.stage_list.setMinimumWidth(250)
        self.stage_list.setMaximumWidth(320)
        self.stage_list.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid #E4E8EC; }"
            "QListWidget::item:selected { background: #DCE9F7; border-left: 4px solid #0B5394; }"
        )
        self.stage_stack = QStackedWidget()
        self.stage_pages: dict[str, StagePage] = {}
        self.stage_items: dict[str, StageListItem] = {}
        self.cards: dict[str, StepCard] = {}
        for stage in STAGES:
            page = StagePage(stage, self.numbers if stage.number == 1 else None)
            self.stage_pages[stage.id] = page
            self.stage_stack.addWidget(page)
            self.stage_items[stage.id] = self._add_list_entry(
                stage.id, f"{stage.number}. {loc(stage.title)}", f"stage_badge_{stage.id}"
            )
            for card in page.cards.values():
                self.cards[card.step.id] = card
                card.done_toggled.connect(self._on_step_toggled)
                card.record_requested.connect(self._record)
                for row in card.rows:
                    row.copied.connect(self._on_copied)
        self.reference_ids = ("reference_data_flow", "reference_revoke")
        for ref_id, title, panel in (
            (self.reference_ids[0], self.tr("What data is sent to ESPM"), data_flow_panel()),
            (self.reference_ids[1], self.tr("Removing Énergir's access"), revoke_panel(self.tr("Help"))),
        ):
            self.stage_stack.addWidget(panel)
            set_badge(
                self._add_list_entry(ref_id, title, f"badge_{ref_id}").badge, "todo", self.tr("Reference")
            )
        self.stage_list.currentRowChanged.connect(self.stage_stack.setCurrentIndex)
        self.stage_list.currentRowChanged.connect(self._on_stage_changed)
        self.stage_list.setCurrentRow(0)
        self._fit_stage_items()

        self.guide = QSplitter(Qt.Orientation.Horizontal)
        self.guide.addWidget(self.stage_list)
        self.guide.addWidget(self.stage_stack)
        self.guide.setStretchFactor(1, 1)
        self.guide.setChildrenCollapsible(False)

        self.print_button = QPushButton(self.tr("Print checklist (PDF)…"))
        self.print_button.setObjectName("print_checklist")
        self.print_button.clicked.connect(self._on_print_checklist)
        self.template_button = QPushButton(self.tr("Export ESPM meters template…"))
        self.template_button.setObjectName("export_meters_template")
        self.template_button.setToolTip(
            self.tr(
                "All meters of the property in ESPM's “Add New Meters to Existing Properties” upload file"
            )
        )
        self.template_button.clicked.connect(self._on_export_template)
        self.message = QLabel()
        self.message.setObjectName("assistant_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.template_button)
        bottom.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.picker)
        layout.addLayout(note_row)
        layout.addWidget(self.status_frame)
        layout.addWidget(self.guide, 1)
        layout.addStretch(0)  # keeps the rows together while the guide is hidden (not a gas meter)
        layout.addLayout(bottom)
        self._show_note("", None)

    # -- building ---------------------------------------------------------------------------------------------
    def _add_list_entry(self, entry_id: str, title: str, badge_name: str) -> StageListItem:
        widget = StageListItem(title, badge_name)
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, entry_id)
        self.stage_list.addItem(item)
        self.stage_list.setItemWidget(item, widget)
        return widget

    def _fit_stage_items(self) -> None:
        # Wrapped titles: the height depends on the list's width, which sizeHint() alone does not know.
        width = max(self.stage_list.viewport().width(), 200)
        for row in range(self.stage_list.count()):
            item = self.stage_list.item(row)
            widget = self.stage_list.itemWidget(item)
            if widget is not None:
                height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
                item.setSizeHint(QSize(width, height if height > 0 else widget.sizeHint().height()))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_stage_items()

    # -- loading ----------------------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.picker.reload()
        super().showEvent(event)

    def current_stage_id(self) -> str:
        item = self.stage_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def load_meter(self) -> None:
        """Show the selected meter, after marking its data received if Énergir's bills have arrived."""
        meter_id = self.picker.meter_id
        property_id = self.picker.property_id
        self.template_button.setEnabled(property_id is not None)
        self.status_frame.show_error("")
        if meter_id is None:
            self.stored = None
            self._show_note(
                self.tr("Select a property with a natural-gas meter, or add one in the Meters page."), None
            )
            return
        view = assistant.open_meter_setup(self.ctx.engine, meter_id, date.today())
        stored, arrived, gas_names = view.stored, view.arrived, view.gas_meters
        self.stored = stored
        if not stored.is_natural_gas:
            self._gas_meter_id = next(iter(gas_names), None)
            text = self.tr(
                "“{0}” ({1}) is not a natural-gas meter: Énergir's data exchange only sends natural gas."
            ).format(stored.setup.meter_name, energy_type_label(stored.energy_type))
            if self._gas_meter_id is None:
                text += " " + self.tr("This property has no natural-gas meter; add one in the Meters page.")
            self._show_note(text, gas_names.get(self._gas_meter_id) if self._gas_meter_id else None)
            return
        self._show_note("", None)
        self._show(stored, jump=True, refill=True)
        if arrived:
            self._tell(
                self.tr("Énergir's data has arrived for this meter: status set to “{0}”.").format(
                    status_text(DataExchangeStatus.DATA_RECEIVED)
                )
            )
            self.ctx.data_changed.emit()

    def _show_note(self, text: str, gas_meter_name: str | None) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.show_gas_button.setVisible(gas_meter_name is not None)
        if gas_meter_name is not None:
            self.show_gas_button.setText(self.tr("Open “{0}”").format(gas_meter_name))
        ready = not text and self.stored is not None
        self.status_frame.setVisible(ready)
        self.guide.setVisible(ready)
        self.print_button.setEnabled(ready)

    def _show(self, stored: StoredSetup, jump: bool, refill: bool = False) -> None:
        setup = stored.setup
        completed = completed_step_ids(setup, stored.done_steps)
        point = resume_point_for(setup, stored.done_steps)
        self.resume_step_id = point.step.id if point else None
        rank = status_rank(setup.status)
        ticked = set(stored.done_steps)
        for step_id, card in self.cards.items():
            done = step_id in completed
            reached = card.record_status is not None and rank >= status_rank(card.record_status)
            card.show_state(
                setup, done, done and step_id not in ticked, step_id == self.resume_step_id, reached
            )
        if refill:
            self.numbers.show_setup(setup)
        self.status_frame.show_setup(stored.setup)
        self._show_stage_badges(stored, completed)
        if jump:
            # A stored number ESPM would refuse comes first: everything after it depends on it.
            fix_numbers = self.status_frame.has_number_problems
            stage_id = STAGES[0].id if fix_numbers else (point.stage.id if point else STAGES[-1].id)
            self.stage_list.setCurrentRow([s.id for s in STAGES].index(stage_id))
            if point is not None and not fix_numbers:
                page = self.stage_pages[stage_id]
                QTimer.singleShot(0, lambda: page.scroll_to(point.step.id))

    def _show_stage_badges(self, stored: StoredSetup, completed: frozenset[str]) -> None:
        bad_numbers = self.status_frame.has_number_problems
        for stage in STAGES:
            label = self.stage_items[stage.id].badge
            ids = [step.id for step in stage.steps]
            done = sum(1 for i in ids if i in completed)
            if stage.number == 1 and bad_numbers:
                set_badge(label, "error", self.tr("Check the numbers"))
            elif done == len(ids):
                set_badge(label, "done", self.tr("Done", "step"))
            elif self.resume_step_id in ids:
                set_badge(label, "current", self.tr("Current · {0}/{1}").format(done, len(ids)))
            elif done:
                set_badge(label, "partial", self.tr("{0}/{1} done").format(done, len(ids)))
            else:
                set_badge(label, "todo", self.tr("To do"))
        self._fit_stage_items()

    def _on_stage_changed(self, row: int) -> None:
        self.status_frame.set_numbers_form_shown(row == 0)

    # -- actions ----------------------------------------------------------------------------------------------
    def _meter_id(self) -> int | None:
        return self.stored.setup.meter_id if self.stored is not None else None

    def _tell(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)

    def _on_copied(self, text: str) -> None:
        self._tell(self.tr("Copied “{0}”: paste it in ESPM.").format(text))

    def _on_show_gas_meter(self) -> None:
        if self._gas_meter_id is not None:
            self.ctx.select_meter(self._gas_meter_id)

    def _on_step_toggled(self, step_id: str, done: bool) -> None:
        meter_id = self._meter_id()
        if meter_id is None:
            return
        self.stored = assistant.set_step_done(self.ctx.engine, meter_id, step_id, done)
        self._show(self.stored, jump=False)

    def _on_save_numbers(self, entry: NumbersEntry) -> None:
        meter_id = self._meter_id()
        if meter_id is None:
            return
        self.stored = assistant.save_numbers(
            self.ctx.engine,
            meter_id,
            account_number=entry.account_number,
            invoice_number=entry.invoice_number,
            meter_number=entry.meter_number,
            initial_load_months=entry.initial_load_months,
            share_downstream=entry.share_downstream,
        )
        self.ctx.data_changed.emit()
        self._show(self.stored, jump=False, refill=True)
        self.numbers.show_saved()
        self._tell(self.numbers.result.text())

    def _on_record_next(self, on: date) -> None:
        if self.stored is None:
            return
        rank = status_rank(self.stored.setup.status)
        if rank + 1 < len(STATUS_ORDER):
            self._record(STATUS_ORDER[rank + 1], on)

    def _record(self, status: DataExchangeStatus, on: date) -> None:
        meter_id = self._meter_id()
        if meter_id is None:
            return
        try:
            self.stored = assistant.record_status(self.ctx.engine, meter_id, status, on)
        except SetupTransitionError as exc:
            self.status_frame.show_error(loc(exc.message))
            return
        self.status_frame.show_error("")
        self.ctx.data_changed.emit()
        self._show(self.stored, jump=True)
        self._tell(self.tr("Recorded “{0}” on {1}.").format(status_text(status), on.isoformat()))

    def _on_go_back(self) -> None:
        if self.stored is None:
            return
        rank = status_rank(self.stored.setup.status)
        if rank == 0:
            return
        previous = STATUS_ORDER[rank - 1]
        answer = QMessageBox.question(
            self,
            self.tr("Go back one status"),
            self.tr("Set the status back to “{0}”? The date of “{1}” will be forgotten.").format(
                status_text(previous), status_text(self.stored.setup.status)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a destructive question defaults to No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.stored = assistant.go_back_to(self.ctx.engine, self.stored.setup.meter_id or 0, previous)
        self.status_frame.show_error("")
        self.ctx.data_changed.emit()
        self._show(self.stored, jump=True)
        self._tell(self.tr("Status set back to “{0}”.").format(status_text(previous)))

    def _save_path(self, title: str, stem: str, suffix: str, filter_text: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        chosen = file_dialogs.save_file_name(self, title, str(Path(folder) / f"{stem}{suffix}"), filter_text)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _on_print_checklist(self) -> None:
        if self.stored is None:
            return
        setup = self.stored.setup
        path = self._save_path(
            self.tr("Print checklist (PDF)"),
            _file_stem(setup.property_name, setup.meter_name, self.tr("ESPM setup checklist")),
            ".pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        try:
            assistant.write_checklist(
                path,
                setup,
                lang=language(),
                done_step_ids=self.stored.done_steps,
                protected=(Path(self.ctx.db_path),),
            )
        except OutputError as exc:
            self._tell(exc.message(language()), error=True)
            return
        except OSError as exc:
            self._tell(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc), error=True)
            return
        self._tell(self.tr("Checklist saved to {0}").format(path))

    def _on_export_template(self) -> None:
        property_id = self.picker.property_id
        if property_id is None:
            return
        data = assistant.meters_template_data(self.ctx.engine, property_id)
        if data is None:
            return
        path = self._save_path(
            self.tr("Export ESPM meters template"),
            _file_stem(data.property_name, self.tr("ESPM Add Meters")),
            ".xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path is None:
            return
        try:
            warnings = assistant.write_meters_template(path, data, protected=(Path(self.ctx.db_path),))
        except OutputError as exc:
            self._tell(exc.message(language()), error=True)
            return
        except OSError as exc:
            self._tell(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc), error=True)
            return
        text = self.tr("ESPM meters template saved to {0} ({1} meters).").format(path, len(data.meters))
        if warnings:
            notes = [w.message_fr if language() == "fr" else w.message_en for w in warnings]
            text += "\n" + self.tr("Still to fill in before uploading:") + "\n" + "\n".join(notes)
        self._tell(text, error=False)
