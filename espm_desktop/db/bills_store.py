"""Bills of one meter read and written as a whole change: every step of a change in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from espm_desktop.core.types import Bill
from espm_desktop.db import models
from espm_desktop.db.repo import bill_data


@dataclass(frozen=True, slots=True)
class StoredBill:
    """A bill with the id of its row."""

    bill_id: int
    bill: Bill


@dataclass(frozen=True, slots=True)
class BillWrite:
    """One step of a change: insert (no id), update (id and bill) or delete (id, no bill)."""

    bill_id: int | None
    bill: Bill | None


class StaleBillError(RuntimeError):
    """The bill to update or delete is no longer in the database (changed elsewhere)."""


def load_meter_bills(session: Session, meter_id: int) -> list[StoredBill]:
    rows = session.scalars(
        select(models.BillRecord)
        .where(models.BillRecord.meter_id == meter_id)
        .order_by(models.BillRecord.start_date, models.BillRecord.end_date)
    )
    return [StoredBill(r.id, bill_data(r)) for r in rows]


def _columns(bill: Bill) -> dict[str, object]:
    cost = None if bill.cost is None else Decimal(bill.cost).quantize(Decimal("0.01"))
    return {
        "start_date": bill.start,
        "end_date": bill.end,
        "usage": float(bill.usage),
        "cost": cost,
        "estimated": bill.estimated,
        "source": bill.source.value,
        "updated_at": models.utcnow(),
    }


def apply_bill_writes(session: Session, meter_id: int, writes: Sequence[BillWrite]) -> list[int | None]:
    """Apply the steps inside the caller's transaction; returns the id of each step's bill (None if deleted).

    Deletes run first, then updates, then inserts, so that a change which moves a period from one row to
    another never trips the (meter, start, end) unique key half-way.
    """
    ids: list[int | None] = [w.bill_id for w in writes]
    for i, w in enumerate(writes):
        if w.bill is None and w.bill_id is not None:
            ids[i] = None
            done = session.execute(
                delete(models.BillRecord).where(
                    models.BillRecord.id == w.bill_id, models.BillRecord.meter_id == meter_id
                )
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise StaleBillError(w.bill_id)
    for w in writes:
        if w.bill is not None and w.bill_id is not None:
            done = session.execute(
                update(models.BillRecord)
                .where(models.BillRecord.id == w.bill_id, models.BillRecord.meter_id == meter_id)
                .values(**_columns(w.bill))
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise StaleBillError(w.bill_id)
    for i, w in enumerate(writes):
        if w.bill is not None and w.bill_id is None:
            values = _columns(w.bill) | {"meter_id": meter_id, "created_at": models.utcnow()}
            new_id = session.execute(insert(models.BillRecord).values(**values)).inserted_primary_key  # type: ignore[attr-defined]
            assert new_id is not None
            ids[i] = int(new_id[0])
    return ids
