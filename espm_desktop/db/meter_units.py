"""A meter's unit change written with its bills' converted usages, and put back exactly, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from espm_desktop.core.unit_change import UnitConversion
from espm_desktop.db import models


@dataclass(frozen=True, slots=True)
class UsageChange:
    """One bill's usage before and after a unit change, exactly as stored (undo writes `before` back)."""

    bill_id: int
    before: float
    after: float


class MeterChangedError(RuntimeError):
    """The meter or one of its bills changed since the unit change, so it can't be undone or redone safely."""


def convert_meter_bills(session: Session, meter_id: int, conversion: UnitConversion) -> list[UsageChange]:
    """Convert every bill of the meter inside the caller's transaction; returns what changed, for undo."""
    rows = session.scalars(
        select(models.BillRecord).where(models.BillRecord.meter_id == meter_id).order_by(models.BillRecord.id)
    )
    changes: list[UsageChange] = []
    for row in rows:
        new = conversion.convert(row.usage)
        changes.append(UsageChange(row.id, row.usage, new))
        row.usage = new
    return changes


def restore_meter_change(
    session: Session,
    meter_id: int,
    expected_unit: str,
    fields: Mapping[str, Any],
    usages: Sequence[tuple[int, float, float]],
) -> None:
    """Set the meter's fields and each bill's usage (id, expected now, to write), inside the caller's transaction.

    Raises MeterChangedError when the meter's unit is not `expected_unit` or a bill does not hold the expected
    usage any more (edited or deleted since): nothing is then written.
    """
    meter = session.get(models.Meter, meter_id)
    if meter is None or meter.unit != expected_unit:
        raise MeterChangedError(meter_id)
    for key, value in fields.items():
        setattr(meter, key, value)
    for bill_id, expected, target in usages:
        done = session.execute(
            update(models.BillRecord)
            .where(
                models.BillRecord.id == bill_id,
                models.BillRecord.meter_id == meter_id,
                models.BillRecord.usage == expected,
            )
            .values(usage=target, updated_at=models.utcnow())
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            raise MeterChangedError(bill_id)
    session.flush()
