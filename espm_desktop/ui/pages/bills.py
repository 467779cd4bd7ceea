"""Bills (meter entries) of the selected meter."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from espm_desktop.core.numbers import format_number
from espm_desktop.core.types import BillSource
from espm_desktop.core.validation import FieldError, validate_bill
from espm_desktop.db import models
from espm_desktop.db.repo import bill_data
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog, current_language
from espm_desktop.ui.labels import source_label, unit_label
from espm_desktop.ui.pages.base import RecordTablePage
from espm_desktop.ui.pages.pickers import PropertyMeterPicker

BILL_FIELDS = ["start_date", "end_date", "usage", "cost", "estimated"]


class BillDialog(FormDialog):
    def __init__(
        self, title: str, unit: str, others: list[models.Bill], parent: QWidget | None = None
    ) -> None:
        specs = [
            FieldSpec("start_date", self.tr("Start date"), kind="date", required=True),
            FieldSpec("end_date", self.tr("End date"), kind="date", required=True),
            FieldSpec("usage", self.tr("Usage ({0})").format(unit), kind="float", required=True),
            FieldSpec("cost", self.tr("Cost ($)"), kind="float"),
            FieldSpec("estimated", self.tr("Estimated"), kind="bool"),
        ]
        super().__init__(title, specs, parent)
        self.others = [bill_data(b) for b in others]

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        return validate_bill(values["start_date"], values["end_date"], values["usage"], self.others)


class BillsPage(RecordTablePage):
    page_id = "bills"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading.setText(self.tr("Bills"))
        self.subtitle.setText(
            self.tr(
                "Meter entries of the selected meter, as ESPM counts them: a bill's end date may be the next bill's "
                "start date (one shared day); longer overlaps are refused."
            )
        )
        self.picker = PropertyMeterPicker(ctx, with_meter=True)
        self.header_area.addWidget(self.picker)
        self.picker.changed.connect(self.refresh)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.picker.reload()
        super().showEvent(event)

    def can_create(self) -> bool:
        return self.picker.meter_id is not None

    def headers(self) -> list[str]:
        return [
            self.tr("Start"),
            self.tr("End"),
            self.tr("Days"),
            self.tr("Usage"),
            self.tr("Unit"),
            self.tr("Cost ($)"),
            self.tr("Estimated"),
            self.tr("Source"),
        ]

    def _meter(self) -> models.Meter | None:
        mid = self.picker.meter_id
        if mid is None:
            return None
        with self.ctx.session() as s:
            return s.get(models.Meter, mid)

    def rows(self) -> list[tuple[int, list[Any]]]:
        meter = self._meter()
        if meter is None:
            return []
        language = current_language()
        unit = unit_label(meter.energy_type, meter.unit)
        yes = self.tr("Yes")
        with self.ctx.session() as s:
            bills = s.scalars(
                select(models.Bill).where(models.Bill.meter_id == meter.id).order_by(models.Bill.start_date)
            ).all()
        return [
            (
                b.id,
                [
                    b.start_date.isoformat(),
                    b.end_date.isoformat(),
                    (b.end_date - b.start_date).days + 1,
                    format_number(b.usage, language, 0 if float(b.usage).is_integer() else 2),
                    unit,
                    "" if b.cost is None else format_number(b.cost, language, 2),
                    yes if b.estimated else "",
                    source_label(b.source),
                ],
            )
            for b in bills
        ]

    def describe(self, record_id: int) -> str:
        with self.ctx.session() as s:
            row = s.get(models.Bill, record_id)
            if row is None:
                return ""
            return self.tr("the bill from {0} to {1}").format(row.start_date, row.end_date)

    def _others(self, meter_id: int, exclude: int | None) -> list[models.Bill]:
        with self.ctx.session() as s:
            return [
                b
                for b in s.scalars(select(models.Bill).where(models.Bill.meter_id == meter_id))
                if b.id != exclude
            ]

    def _save(self, dialog: BillDialog, row: models.Bill) -> bool:
        if not dialog.exec():
            return False
        values = dialog.result_values
        with self.ctx.session() as s, s.begin():
            target = s.merge(row) if row.id else row
            target.start_date = values["start_date"]
            target.end_date = values["end_date"]
            target.usage = values["usage"]
            target.cost = (
                None if values["cost"] is None else Decimal(str(values["cost"])).quantize(Decimal("0.01"))
            )
            target.estimated = values["estimated"]
            s.add(target)
            s.flush()
            row.id = target.id
        return True

    def create_record(self) -> int | None:
        meter = self._meter()
        if meter is None:
            return None
        others = self._others(meter.id, None)
        dialog = BillDialog(self.tr("New bill"), unit_label(meter.energy_type, meter.unit), others, self)
        if others:
            # The next bill usually starts the day after the latest one ends.
            latest = max(others, key=lambda b: b.end_date)
            dialog.form.set_value("start_date", latest.end_date + timedelta(days=1))
            dialog.form.set_value("end_date", latest.end_date + timedelta(days=30))
        row = models.Bill(
            meter_id=meter.id, start_date=None, end_date=None, usage=0.0, source=BillSource.MANUAL.value
        )
        return row.id if self._save(dialog, row) else None

    def edit_record(self, record_id: int) -> bool:
        with self.ctx.session() as s:
            row = s.get(models.Bill, record_id)
            meter = s.get(models.Meter, row.meter_id) if row else None
        if row is None or meter is None:
            return False
        dialog = BillDialog(
            self.tr("Edit bill"),
            unit_label(meter.energy_type, meter.unit),
            self._others(meter.id, row.id),
            self,
        )
        for key in BILL_FIELDS:
            dialog.form.set_value(key, getattr(row, key))
        return self._save(dialog, row)

    def delete_record(self, record_id: int) -> None:
        with self.ctx.session() as s, s.begin():
            row = s.get(models.Bill, record_id)
            if row is not None:
                s.delete(row)
