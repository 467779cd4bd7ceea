"""Use cases of the Meters page: the property's meters, one meter's form, save (with a unit change converting its
bills in the same transaction), delete, and a unit change put back exactly (undo/redo). The pickers' choices:
app/choices.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from espm_desktop.app.records import RecordRefused, refused_as_field_error
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message
from espm_desktop.core.types import Bill
from espm_desktop.core.unit_change import UnitConversion
from espm_desktop.core.validation import ENERGIR_NUMBER_FIELDS, check_energir_number
from espm_desktop.db import meter_units, models
from espm_desktop.db.bills_store import load_meter_bills
from espm_desktop.db.meter_units import MeterChangedError, UsageChange

__all__ = [
    "METER_FIELDS",
    "MeterChangedError",
    "MeterForm",
    "MeterRow",
    "MeterSaved",
    "RecordRefused",
    "UsageChange",
    "apply_meter_values",
    "delete_meter",
    "meter_form",
    "meter_name",
    "meter_rows",
    "restore_meter_change",
    "save_meter",
]

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
"""The fields of the meter form, as the model names them."""


@dataclass(frozen=True, slots=True)
class MeterRow:
    """A line of the Meters page."""

    meter_id: int
    name: str
    energy_type: str
    unit: str
    active_date: date | None
    espm_meter_id: str | None
    bill_count: int
    data_exchange_status: str


@dataclass(frozen=True, slots=True)
class MeterForm:
    """A stored meter as its form shows it, with its bills (a unit change converts them)."""

    meter_id: int
    property_id: int
    fields: dict[str, Any]
    bills: list[Bill]


@dataclass(frozen=True, slots=True)
class MeterSaved:
    """A saved meter: its id, its fields as stored, and each bill usage a unit change converted (for undo)."""

    meter_id: int
    fields: dict[str, Any]
    usages: list[UsageChange]


def apply_meter_values(row: models.Meter, values: Mapping[str, Any]) -> None:
    """The form's values on a row, in their stored form (numbers without spaces, no empty texts)."""
    for key in METER_FIELDS:
        value = values[key]
        if isinstance(value, str) and key in ENERGIR_NUMBER_FIELDS:
            # Numbers copied from a bill often carry spaces (also no-break ones); ESPM wants none. The
            # assistant's check cleans them the same way.
            value = check_energir_number(ENERGIR_NUMBER_FIELDS[key], value).value or None
        elif isinstance(value, str) and key != "name":
            value = value.replace(" ", "") or None
        setattr(row, key, value)


def meter_rows(engine: Engine, property_id: int) -> list[MeterRow]:
    """The property's meters by name, each with its number of bills."""
    with Session(engine) as s:
        counts = dict(
            s.execute(
                select(models.BillRecord.meter_id, func.count())
                .join(models.Meter)
                .where(models.Meter.property_id == property_id)
                .group_by(models.BillRecord.meter_id)
            ).all()
        )
        meters = s.scalars(
            select(models.Meter).where(models.Meter.property_id == property_id).order_by(models.Meter.name)
        ).all()
        return [
            MeterRow(
                m.id,
                m.name,
                m.energy_type,
                m.unit,
                m.active_date,
                m.espm_meter_id,
                int(counts.get(m.id, 0)),
                m.data_exchange_status,
            )
            for m in meters
        ]


def meter_form(engine: Engine, meter_id: int) -> MeterForm | None:
    """The stored meter's form values and bills, or None when it is gone."""
    with Session(engine) as s:
        row = s.get(models.Meter, meter_id)
        if row is None:
            return None
        bills = [b.bill for b in load_meter_bills(s, meter_id)]
        return MeterForm(row.id, row.property_id, {key: getattr(row, key) for key in METER_FIELDS}, bills)


def meter_name(engine: Engine, meter_id: int) -> str | None:
    with Session(engine) as s:
        row = s.get(models.Meter, meter_id)
        return None if row is None else row.name


def _conflict() -> FieldError:
    return FieldError(
        "name", message("This property already has a meter with this name."), "meter_name_taken"
    )


def save_meter(
    engine: Engine,
    values: Mapping[str, Any],
    *,
    property_id: int,
    meter_id: int | None = None,
    conversion: UnitConversion | None = None,
) -> MeterSaved:
    """One transaction: a new meter of the property (`meter_id` None) or the edited one, and with `conversion`
    every bill's usage in the new unit.

    Raises RecordRefused, with the error to show under a field, when the database refuses a value (a name the
    property's other meter has, a rule of the table); nothing is then saved. A meter deleted since its form was
    read is stored again under its id.
    """
    with refused_as_field_error(models.Meter, _conflict(), list(values)):
        with Session(engine) as s, s.begin():
            row = s.get(models.Meter, meter_id) if meter_id is not None else None
            if row is None:
                row = models.Meter(
                    id=meter_id, property_id=property_id, name="", energy_type="natural_gas", unit="m3"
                )
            apply_meter_values(row, values)
            s.add(row)
            s.flush()
            usages = meter_units.convert_meter_bills(s, row.id, conversion) if conversion is not None else []
            s.flush()
            return MeterSaved(row.id, {key: getattr(row, key) for key in METER_FIELDS}, usages)


def delete_meter(engine: Engine, meter_id: int) -> None:
    """One transaction: the meter with all its bills."""
    with Session(engine) as s, s.begin():
        row = s.get(models.Meter, meter_id)
        if row is not None:
            s.delete(row)


def restore_meter_change(
    engine: Engine,
    meter_id: int,
    expected_unit: str,
    fields: Mapping[str, Any],
    steps: Sequence[tuple[int, float, float]],
) -> None:
    """One transaction: the meter's fields and its bills' usages as they were (MeterChangedError if they moved)."""
    with Session(engine) as session, session.begin():
        meter_units.restore_meter_change(session, meter_id, expected_unit, fields, steps)
