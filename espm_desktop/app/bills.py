"""Use cases on a meter's bills as the bills page edits them: read them, write a step of edits in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.core.types import MeterData
from espm_desktop.db import bills_store, models
from espm_desktop.db.bills_store import BillWrite, StaleBillError, StoredBill

__all__ = ["BillWrite", "StaleBillError", "StoredBill", "meter_bills", "meter_with_bills", "write_bills"]


def meter_bills(engine: Engine, meter_id: int) -> list[StoredBill]:
    with Session(engine) as session:
        return bills_store.load_meter_bills(session, meter_id)


def meter_with_bills(engine: Engine, meter_id: int) -> tuple[MeterData | None, list[StoredBill]]:
    """The meter (without bills: they come stored, with their ids) and its bills; (None, []) when it is gone."""
    with Session(engine) as session:
        row = session.get(models.Meter, meter_id)
        if row is None:
            return None, []
        meter = MeterData(row.name, row.energy_type, row.unit, (), row.id, row.active_date, row.inactive_date)
        return meter, bills_store.load_meter_bills(session, meter_id)


def write_bills(engine: Engine, meter_id: int, writes: Sequence[BillWrite]) -> list[int | None]:
    """Every write or none (StaleBillError when a bill changed since it was read); the ids written, in order."""
    with Session(engine) as session, session.begin():
        return bills_store.apply_bill_writes(session, meter_id, writes)
