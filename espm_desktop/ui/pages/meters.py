"""Meters of the selected property, with their Énergir data-exchange numbers and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QTableWidgetItem, QWidget
from sqlalchemy import func, select

from espm_desktop.core import energy
from espm_desktop.core.validation import FieldError, validate_meter
from espm_desktop.db import models
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog, current_language
from espm_desktop.ui.labels import STATUS_BADGE_COLOURS, energy_type_label, status_label, unit_label
from espm_desktop.ui.pages.base import RecordTablePage
from espm_desktop.ui.pages.pickers import PropertyMeterPicker

STATUS_COLUMN = 6
METER_FIELDS = [
    "name",
    "energy_type",
    "unit",
    "active_date",
    "inactive_date",
    "espm_meter_id",
    "energir_account_number",
    "energir_invoice_number",
    "energir_meter_number",
    "initial_load_months",
    "share_downstream",
]


def apply_meter_values(row: models.Meter, values: dict[str, Any]) -> None:
    for key in METER_FIELDS:
        value = values[key]
        if isinstance(value, str) and key != "name":
            # Numbers copied from a bill often carry spaces; ESPM wants none.
            value = value.replace(" ", "") or None
        setattr(row, key, value)


class MeterDialog(FormDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        fr = current_language() == "fr"
        types = [(t.energy_type, t.label_fr if fr else t.label_en) for t in energy.energy_types()]
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
            FieldSpec("share_downstream", self.tr("Share downstream"), kind="bool"),
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
        return validate_meter(
            name=values["name"],
            energy_type=values["energy_type"] or "",
            unit=values["unit"] or "",
            active_date=values["active_date"],
            inactive_date=values["inactive_date"],
        )


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
        with self.ctx.session() as s:
            counts = dict(
                s.execute(
                    select(models.Bill.meter_id, func.count())
                    .join(models.Meter)
                    .where(models.Meter.property_id == pid)
                    .group_by(models.Bill.meter_id)
                ).all()
            )
            self._statuses = dict(
                s.execute(
                    select(models.Meter.id, models.Meter.data_exchange_status).where(
                        models.Meter.property_id == pid
                    )
                ).all()
            )
            meters = s.scalars(
                select(models.Meter).where(models.Meter.property_id == pid).order_by(models.Meter.name)
            ).all()
            self._statuses = {m.id: m.data_exchange_status for m in meters}
            return [
                (
                    m.id,
                    [
                        m.name,
                        energy_type_label(m.energy_type),
                        unit_label(m.energy_type, m.unit),
                        m.active_date.isoformat() if m.active_date else "",
                        m.espm_meter_id or "",
                        counts.get(m.id, 0),
                        status_label(m.data_exchange_status),
                    ],
                )
                for m in meters
            ]

    def describe(self, record_id: int) -> str:
        with self.ctx.session() as s:
            row = s.get(models.Meter, record_id)
            return self.tr("the meter “{0}” with all its bills").format(row.name if row else "")

    def _run_dialog(self, dialog: MeterDialog, row: models.Meter) -> bool:
        conflict = FieldError(
            "name",
            "This property already has a meter with this name, or the ESPM meter ID is used by another meter.",
            "Cette propriété a déjà un compteur de ce nom, ou le numéro de compteur ESPM est déjà utilisé.",
        )
        return self.save_with_dialog(dialog, row, apply_meter_values, conflict)

    def create_record(self) -> int | None:
        pid = self.picker.property_id
        if pid is None:
            return None
        dialog = MeterDialog(self.tr("New meter"), self)
        dialog.form.set_value("energy_type", "natural_gas")
        row = models.Meter(property_id=pid, name="", energy_type="natural_gas", unit="m3")
        return row.id if self._run_dialog(dialog, row) else None

    def edit_record(self, record_id: int) -> bool:
        row = self.load_row(models.Meter, record_id)
        if row is None:
            return False
        dialog = MeterDialog(self.tr("Edit meter"), self)
        for key in METER_FIELDS:
            dialog.form.set_value(key, getattr(row, key))
        return self._run_dialog(dialog, row)

    def delete_record(self, record_id: int) -> None:
        self.delete_row(models.Meter, record_id)
