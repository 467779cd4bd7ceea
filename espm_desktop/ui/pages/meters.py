"""Meters of the selected property, with their Énergir data-exchange numbers and status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QTableWidgetItem, QWidget

from espm_desktop.app.meters import (
    METER_FIELDS,
    MeterSaved,
    delete_meter,
    meter_form,
    meter_name,
    meter_rows,
    save_meter,
)
from espm_desktop.core import energy
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number
from espm_desktop.core.types import Bill
from espm_desktop.core.unit_change import UnitConversion, plan_unit_change, usage_decimals
from espm_desktop.core.validation import ENERGIR_NUMBER_FIELDS, validate_meter
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.labels import STATUS_BADGE_COLOURS, energy_type_label, status_label, unit_label
from espm_desktop.ui.meter_commands import MeterUnitChangeCommand
from espm_desktop.ui.pages.base import RecordTablePage
from espm_desktop.ui.pages.pickers import PropertyMeterPicker

STATUS_COLUMN = 6

ERROR_STYLE = "color: #b00020;"
INFO_STYLE = "color: #1b5e20;"


def short_unit(type_id: str, unit_id: str) -> str:
    """'m³ (cubic metres)' → 'm³', as the Bills grid shows it."""
    return unit_label(type_id, unit_id).split(" (")[0]


class MeterDialog(FormDialog):
    """The meter form; `stored` is the meter's energy type, unit and bills when an existing meter is edited."""

    def __init__(
        self, title: str, parent: QWidget | None = None, stored: tuple[str, str, Sequence[Bill]] | None = None
    ) -> None:
        self.stored = stored
        # The unit change the user confirmed, applied to the bills in the save's transaction.
        self.conversion: UnitConversion | None = None
        language = current_language()
        types = [(t.energy_type, t.label.text(language)) for t in energy.energy_types()]
        specs = [
            FieldSpec("name", self.tr("Meter name"), required=True),
            FieldSpec("energy_type", self.tr("Energy type"), kind="combo", choices=types),
            FieldSpec("unit", self.tr("Unit"), kind="combo"),
            FieldSpec("active_date", self.tr("Date the meter became active"), kind="optional_date"),
            FieldSpec("inactive_date", self.tr("Date the meter became inactive"), kind="optional_date"),
            FieldSpec("espm_meter_id", self.tr("ESPM meter ID")),
            FieldSpec("energir_account_number", self.tr("Énergir account number")),
            FieldSpec("energir_invoice_number", self.tr("Énergir invoice number")),
            FieldSpec("energir_meter_number", self.tr("Énergir meter number")),
            FieldSpec("initial_load_months", self.tr("Initial load (months)"), kind="int"),
            FieldSpec("share_downstream", self.tr("Share Forward"), kind="bool"),
        ]
        super().__init__(title, specs, parent)
        self.type_combo: QComboBox = self.form.editors["energy_type"]  # type: ignore[assignment]
        self.unit_combo: QComboBox = self.form.editors["unit"]  # type: ignore[assignment]
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self._on_type_changed()

    def _on_type_changed(self) -> None:
        type_id = self.type_combo.currentData()
        previous = self.unit_combo.currentData()
        self.unit_combo.clear()
        if type_id:
            for u in energy.units_for(type_id):
                self.unit_combo.addItem(unit_label(type_id, u.unit), u.unit)
        index = self.unit_combo.findData(previous)
        self.unit_combo.setCurrentIndex(max(index, 0))

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        errors = validate_meter(
            name=values["name"],
            energy_type=values["energy_type"] or "",
            unit=values["unit"] or "",
            active_date=values["active_date"],
            inactive_date=values["inactive_date"],
            energir_numbers={key: values[key] for key in ENERGIR_NUMBER_FIELDS},
            initial_load_months=values["initial_load_months"],
        )
        plan = self._unit_plan(values)
        if isinstance(plan, FieldError):
            errors.append(plan)
        return errors

    def _unit_plan(self, values: dict[str, Any]) -> UnitConversion | FieldError | None:
        if self.stored is None or not values["energy_type"] or not values["unit"]:
            return None
        old_type, old_unit, bills = self.stored
        return plan_unit_change(
            old_energy_type=old_type,
            old_unit=old_unit,
            new_energy_type=values["energy_type"],
            new_unit=values["unit"],
            bill_count=len(bills),
        )

    def accept(self) -> None:
        """Values passed every rule: ask before converting the bills to a new unit."""
        plan = self._unit_plan(self.result_values)
        self.conversion = None
        if isinstance(plan, UnitConversion):
            if not self._confirm(plan):
                return
            self.conversion = plan
        super().accept()

    def _confirm(self, plan: UnitConversion) -> bool:
        assert self.stored is not None
        _old_type, _old_unit, bills = self.stored
        language = current_language()
        before = short_unit(plan.energy_type, plan.old_unit)
        after = short_unit(plan.energy_type, plan.new_unit)
        example = min(bills, key=lambda b: (b.start, b.end))
        converted = plan.convert(example.usage)
        text = self.tr(
            "Convert {0} bills from {1} to {2}?\n\nExample: {3} → {4}: {5} {1} becomes {6} {2}.\n\n"
            "Costs are not changed. Undo puts back the unit and every usage exactly."
        ).format(
            len(bills),
            before,
            after,
            example.start.isoformat(),
            example.end.isoformat(),
            format_number(example.usage, language, usage_decimals(example.usage)),
            format_number(converted, language, usage_decimals(converted)),
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Convert the bills"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("convert_bills_question")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


class MetersPage(RecordTablePage):
    page_id = "meters"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading.setText(self.tr("Meters"))
        self.subtitle.setText(self.tr("Energy meters of the property. Each bill belongs to a meter."))
        self.picker = PropertyMeterPicker(ctx, with_meter=False)
        self.header_area.addWidget(self.picker)
        self.picker.changed.connect(self.refresh)
        self.record_activated.connect(ctx.select_meter)
        self._statuses: dict[int, str] = {}
        # Unit changes rewrite every bill of a meter: they can be undone here (Ctrl+Z on the page).
        self.undo_stack = QUndoStack(self)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("meters_undo")
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("meters_redo")
        self.toolbar.insertSpacing(3, 16)
        self.toolbar.insertWidget(4, self.undo_button)
        self.toolbar.insertWidget(5, self.redo_button)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(
                self.tr("Undo: {0} (Ctrl+Z)").format(text) if text else ""
            )
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_button.setToolTip(
                self.tr("Redo: {0} (Ctrl+Y)").format(text) if text else ""
            )
        )
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        for keys, slot in (
            ("Ctrl+Z", self.undo_stack.undo),
            ("Ctrl+Shift+Z", self.undo_stack.redo),
            ("Ctrl+Y", self.undo_stack.redo),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.message = QLabel()
        self.message.setObjectName("meters_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.header_area.addWidget(self.message)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.picker.reload()
        super().showEvent(event)

    def can_create(self) -> bool:
        return self.picker.property_id is not None

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Energy type"),
            self.tr("Unit"),
            self.tr("Active since"),
            self.tr("ESPM meter ID"),
            self.tr("Bills"),
            self.tr("Data exchange"),
        ]

    def decorate_item(self, record_id: int, column: int, item: QTableWidgetItem) -> None:
        if column == STATUS_COLUMN:
            status = self._statuses.get(record_id, "not_started")
            background, foreground = STATUS_BADGE_COLOURS.get(status, STATUS_BADGE_COLOURS["not_started"])
            item.setBackground(QColor(background))
            item.setForeground(QColor(foreground))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def rows(self) -> list[tuple[int, list[Any]]]:
        pid = self.picker.property_id
        if pid is None:
            return []
        meters = meter_rows(self.ctx.engine, pid)
        self._statuses = {m.meter_id: m.data_exchange_status for m in meters}
        return [
            (
                m.meter_id,
                [
                    m.name,
                    energy_type_label(m.energy_type),
                    unit_label(m.energy_type, m.unit),
                    m.active_date.isoformat() if m.active_date else "",
                    m.espm_meter_id or "",
                    m.bill_count,
                    status_label(m.data_exchange_status),
                ],
            )
            for m in meters
        ]

    def describe(self, record_id: int) -> str:
        name = meter_name(self.ctx.engine, record_id)
        return self.tr("the meter “{0}” with all its bills").format(name or "")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def create_record(self) -> int | None:
        pid = self.picker.property_id
        if pid is None:
            return None
        dialog = MeterDialog(self.tr("New meter"), self)
        dialog.form.set_value("energy_type", "natural_gas")
        dialog.form.set_value("unit", "m3")  # Énergir bills gas in m³; ESPM's meters template says the same
        return self.save_with_dialog(
            dialog, lambda values: save_meter(self.ctx.engine, values, property_id=pid).meter_id
        )

    def edit_record(self, record_id: int) -> bool:
        stored = meter_form(self.ctx.engine, record_id)
        if stored is None:
            return False
        before = {key: stored.fields[key] for key in METER_FIELDS}
        dialog = MeterDialog(
            self.tr("Edit meter"), self, stored=(before["energy_type"], before["unit"], stored.bills)
        )
        for key in METER_FIELDS:
            dialog.form.set_value(key, before[key])
        saved: list[MeterSaved] = []

        def save(values: Mapping[str, Any]) -> int:
            # The unit and every converted usage are written in the same transaction.
            result = save_meter(
                self.ctx.engine,
                values,
                property_id=stored.property_id,
                meter_id=record_id,
                conversion=dialog.conversion,
            )
            saved[:] = [result]
            return result.meter_id

        if self.save_with_dialog(dialog, save) is None:
            return False
        after, written = saved[0].fields, saved[0].usages
        if dialog.conversion is not None:
            conversion = dialog.conversion
            old_unit = short_unit(conversion.energy_type, conversion.old_unit)
            new_unit = short_unit(conversion.energy_type, conversion.new_unit)
            text = self.tr("Change the unit of “{0}” from {1} to {2}").format(
                after["name"], old_unit, new_unit
            )
            self.undo_stack.push(
                MeterUnitChangeCommand(
                    self.ctx,
                    record_id,
                    before,
                    after,
                    written,
                    text,
                    self._after_undo_step,
                    self._undo_failed,
                )
            )
            self._say(
                self.tr("Converted {0} bills from {1} to {2}. Undo puts them back (Ctrl+Z).").format(
                    len(written), old_unit, new_unit
                )
            )
        else:
            self._say("")
        return True

    def _after_undo_step(self) -> None:
        self._say("")
        self.ctx.data_changed.emit()
        self.refresh()

    def _undo_failed(self, exc: Exception) -> None:
        self.refresh()
        self._say(
            self.tr(
                "The unit change can't be undone: the meter or its bills changed since ({0}). Nothing was changed."
            ).format(type(exc).__name__),
            error=True,
        )

    def delete_record(self, record_id: int) -> None:
        with self.ctx.saving():
            delete_meter(self.ctx.engine, record_id)
