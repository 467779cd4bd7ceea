"""What a bill import reads from and writes to the database: stored properties, meters and bill periods; new
properties, meters and bills; replaced bills. Every write names its columns.

A bill is written as a `NewBill` (a TypedDict whose keys are the `bill` table's columns): the INSERT and the order
its values are bound in are both built from those keys, so adding a column is adding a key, never matching an
order by hand. Bills go in with sqlite3's
`executemany` inside the session's transaction (the ORM is ~80 times slower for a 120,000-bill portfolio);
properties and meters go in with one INSERT … RETURNING each, through the ORM for the model's defaults; a
`NewProperty` or `NewMeter`'s fields are the model's attribute names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from operator import itemgetter
from typing import TypedDict

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.base import utcnow


class NewBill(TypedDict):
    """A row of the `bill` table as an import writes it: dates as ISO text, as SQLite holds them."""

    meter_id: int
    start_date: str
    end_date: str
    usage: float
    cost: float | None
    estimated: bool
    source: str
    created_at: str
    updated_at: str


class BillReplacement(TypedDict):
    """The new values of a stored bill an import replaces (the bill keeps its id and period)."""

    id: int
    usage: float
    cost: float | None
    estimated: bool
    source: str
    updated_at: str


_NEW_BILL_COLUMNS = tuple(NewBill.__annotations__)
INSERT_BILL = (
    f"INSERT INTO bill ({', '.join(_NEW_BILL_COLUMNS)}) VALUES ({', '.join('?' * len(_NEW_BILL_COLUMNS))})"
)
_IN_COLUMN_ORDER = itemgetter(*_NEW_BILL_COLUMNS)
"""A NewBill's values in the order INSERT_BILL names its columns: both come from the same tuple of names.
(sqlite3 binds `:name` parameters ~25 % slower, which a million-bill import notices.)"""
REPLACE_BILL = "UPDATE bill SET {} WHERE id = :id".format(
    ", ".join(f"{column} = :{column}" for column in BillReplacement.__annotations__ if column != "id")
)


@dataclass(frozen=True, slots=True)
class StoredProperty:
    id: int
    name: str
    espm_id: str | None


@dataclass(frozen=True, slots=True)
class StoredMeter:
    id: int
    property_id: int
    name: str
    energy_type: str
    unit: str
    espm_id: str | None


@dataclass(frozen=True, slots=True)
class StoredPeriod:
    """A stored bill as the duplicate, conflict and overlap checks see it; dates as day ordinals."""

    meter_id: int
    start: int
    end: int
    bill_id: int
    usage: float
    cost: float | None


@dataclass(frozen=True, slots=True)
class NewProperty:
    name: str
    espm_property_id: str | None
    street_address: str
    city: str
    province: str
    postal_code: str
    gross_floor_area_m2: float


@dataclass(frozen=True, slots=True)
class NewMeter:
    property_id: int
    name: str
    energy_type: str
    unit: str
    espm_meter_id: str | None
    active_date: date | None
    inactive_date: date | None


def write_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection of the session, inside a write transaction taken now.

    BEGIN IMMEDIATE makes an import's reads and writes one transaction: no other writer can slip in.
    """
    dbapi = driver_connection(session)
    if not dbapi.in_transaction:
        dbapi.execute("BEGIN IMMEDIATE")
    return dbapi


def driver_connection(session: Session) -> sqlite3.Connection:
    dbapi = session.connection().connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi


def stored_properties(session: Session) -> list[StoredProperty]:
    rows = session.execute(select(models.Property.id, models.Property.name, models.Property.espm_property_id))
    return [StoredProperty(id=pid, name=name, espm_id=espm) for pid, name, espm in rows]


def stored_meters(session: Session) -> list[StoredMeter]:
    rows = session.execute(
        select(
            models.Meter.id,
            models.Meter.property_id,
            models.Meter.name,
            models.Meter.energy_type,
            models.Meter.unit,
            models.Meter.espm_meter_id,
        )
    )
    return [
        StoredMeter(id=mid, property_id=pid, name=name, energy_type=etype, unit=unit, espm_id=espm)
        for mid, pid, name, etype, unit, espm in rows
    ]


def stored_periods(session: Session, meter_ids: Iterable[int]) -> Iterator[StoredPeriod]:
    """The stored bills of the meters, through the raw driver: SQLAlchemy's row and Date processing doubled a
    120,000-bill re-import's planning. SQLite holds dates as ISO text (the ORM and `insert_bills` write them so)
    and the cost as a float; each date text is read once."""
    dbapi = driver_connection(session)
    ids = list(meter_ids)
    days: dict[str, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = dbapi.execute(
            "SELECT meter_id, start_date, end_date, id, usage, cost FROM bill WHERE meter_id IN "
            f"({','.join('?' * len(chunk))})",
            chunk,
        )
        for meter_id, start_text, end_text, bill_id, usage, cost in rows:
            start = days.get(start_text)
            if start is None:
                start = days[start_text] = date.fromisoformat(start_text).toordinal()
            end = days.get(end_text)
            if end is None:
                end = days[end_text] = date.fromisoformat(end_text).toordinal()
            yield StoredPeriod(
                meter_id=meter_id, start=start, end=end, bill_id=bill_id, usage=usage, cost=cost
            )


def insert_bills(connection: sqlite3.Connection, bills: Iterable[NewBill]) -> None:
    connection.executemany(INSERT_BILL, map(_IN_COLUMN_ORDER, bills))


def replace_bills(connection: sqlite3.Connection, bills: Iterable[BillReplacement]) -> None:
    connection.executemany(REPLACE_BILL, bills)


def timestamp() -> str:
    """Now, as the `created_at` and `updated_at` columns hold it."""
    return utcnow().isoformat(sep=" ", timespec="microseconds")


def insert_properties(session: Session, properties: list[NewProperty]) -> list[int]:
    """The new properties' ids, in order: one INSERT … RETURNING for all, the model's defaults applied."""
    if not properties:
        return []
    statement = insert(models.Property).returning(models.Property.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, [asdict(p) for p in properties]))


def insert_meters(session: Session, meters: list[NewMeter]) -> list[int]:
    """The new meters' ids, in order (one INSERT … RETURNING)."""
    if not meters:
        return []
    statement = insert(models.Meter).returning(models.Meter.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, [asdict(m) for m in meters]))


def set_property_espm_id(session: Session, property_id: int, espm_id: str | None) -> None:
    session.get_one(models.Property, property_id).espm_property_id = espm_id


def set_meter_espm_id(session: Session, meter_id: int, espm_id: str | None) -> None:
    session.get_one(models.Meter, meter_id).espm_meter_id = espm_id
