"""Queries that turn stored rows into the plain core objects the calculations take."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from espm_desktop.core.types import Bill, BillSource, MeterData, PropertyData
from espm_desktop.db import models


def bill_data(row: models.BillRecord) -> Bill:
    return Bill(
        start=row.start_date,
        end=row.end_date,
        usage=row.usage,
        cost=row.cost,
        estimated=row.estimated,
        source=BillSource(row.source),
    )


def meter_data(row: models.Meter, with_bills: bool = True) -> MeterData:
    return MeterData(
        name=row.name,
        energy_type=row.energy_type,
        unit=row.unit,
        bills=tuple(bill_data(b) for b in row.bills) if with_bills else (),
        meter_id=row.id,
        active_date=row.active_date,
        inactive_date=row.inactive_date,
    )


def property_data(session: Session, property_id: int) -> PropertyData:
    """The property with its meters and all their bills, ordered by start date."""
    row = session.execute(
        select(models.Property)
        .where(models.Property.id == property_id)
        .options(selectinload(models.Property.meters).selectinload(models.Meter.bills))
    ).scalar_one()
    return property_from_row(row)


def property_from_row(row: models.Property, *, with_bills: bool = True) -> PropertyData:
    """A stored property as core data; without bills, its meters come without theirs (exports stream them)."""
    return PropertyData(
        name=row.name,
        property_type=row.property_type,
        gross_floor_area_m2=row.gross_floor_area_m2,
        workers=row.workers,
        weekly_hours=row.weekly_hours,
        computers=row.computers,
        percent_heated=row.percent_heated,
        percent_cooled=row.percent_cooled,
        months_in_operation=row.months_in_operation,
        postal_code=row.postal_code,
        meters=tuple(meter_data(m, with_bills=with_bills) for m in row.meters),
        property_id=row.id,
    )


def meter_bills(session: Session, meter_id: int) -> list[Bill]:
    rows = session.scalars(
        select(models.BillRecord)
        .where(models.BillRecord.meter_id == meter_id)
        .order_by(models.BillRecord.start_date)
    )
    return [bill_data(r) for r in rows]
