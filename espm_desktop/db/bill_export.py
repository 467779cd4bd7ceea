"""Export properties with their bills: the properties and meters as core objects, the bills streamed in order.

The bills are never loaded as ORM objects: each meter's bills come from one SELECT on the raw sqlite3
connection (the unique index on (meter, start, end) hands them out in order, without a sort), row tuples go
straight to the writer, so memory stays flat whatever the size of the portfolio.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from espm_desktop.db import models
from espm_desktop.db.repo import property_from_row
from espm_desktop.fs.atomic_files import check_output_target
from espm_desktop.io.espm_export import (
    ExportProperty,
    MeterBills,
    StoredBill,
    stream_bill_template,
    stream_bills_csv,
    stream_portfolio_workbook,
)

# The order db.repo gives (Meter.bills by start date) with the end date as tie-break, as the writers sort.
_METER_BILLS_SQL = "SELECT start_date, end_date, usage, cost, estimated FROM bill WHERE meter_id = ? ORDER BY start_date, end_date"
FETCH_ROWS = 2_000


class ExportFormat(StrEnum):
    ESPM_BILLS = "espm-bills"
    """ESPM's 'Add Bills to Existing Meters' upload template (.xlsx)."""
    CSV = "csv"
    XLSX = "xlsx"
    """Whole-portfolio workbook: Properties, Meters, Bills."""


def export_properties(session: Session, property_ids: list[int] | None = None) -> list[ExportProperty]:
    """Every property (or the given ones), by name, with its meters by name; the bills are not loaded."""
    query = (
        select(models.Property)
        .order_by(models.Property.name, models.Property.id)
        .options(selectinload(models.Property.meters))
    )
    if property_ids is not None:
        query = query.where(models.Property.id.in_(property_ids))
    found: list[ExportProperty] = []
    for row in session.scalars(query):
        data = property_from_row(row, with_bills=False)
        found.append(
            ExportProperty(
                data=data,
                espm_id=row.espm_property_id,
                meter_espm_ids={m.name: m.espm_meter_id for m in row.meters if m.espm_meter_id},
                street_address=row.street_address,
                city=row.city,
                province=row.province,
            )
        )
    return found


def _stored_bills(con: sqlite3.Connection, meter_id: int | None) -> Iterator[StoredBill]:
    cursor = con.execute(_METER_BILLS_SQL, (meter_id,))
    try:
        while rows := cursor.fetchmany(FETCH_ROWS):
            yield from rows
    finally:
        cursor.close()


def stream_meter_bills(con: sqlite3.Connection, properties: Iterable[ExportProperty]) -> Iterator[MeterBills]:
    """Each meter of the properties with its stored bills, read as the writer asks for them."""
    for prop in properties:
        for meter in prop.data.meters:
            yield MeterBills(prop, meter, _stored_bills(con, meter.meter_id))


def engine_database_files(engine: Engine) -> list[Path]:
    """The database files an engine has open, as SQLite names them (none for an in-memory database)."""
    with engine.connect() as con:
        rows = con.exec_driver_sql("PRAGMA database_list").all()
    return [Path(str(row[2])) for row in rows if row[2]]


def export_to_file(
    engine: Engine,
    fmt: ExportFormat,
    out: Path,
    property_ids: list[int] | None = None,
    *,
    protected: Sequence[Path] = (),
) -> int:
    """Write the export; returns the number of bills written.

    The engine's database (and any `protected` path) is refused as `out` before it is read: OutputRefused.
    """
    guarded = [*engine_database_files(engine), *protected]
    check_output_target(out, guarded)
    with engine.connect() as con:
        # One read transaction: the properties and every bill come from the same snapshot even though the
        # bills are read while the file is written. The session joins it and leaves it open when closed.
        con.exec_driver_sql("BEGIN")
        with Session(bind=con) as session:
            properties = export_properties(session, property_ids)
        raw = con.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        meters = stream_meter_bills(raw, properties)
        if fmt is ExportFormat.XLSX:
            return stream_portfolio_workbook(out, properties, meters, protected=guarded)
        writer = {ExportFormat.ESPM_BILLS: stream_bill_template, ExportFormat.CSV: stream_bills_csv}[fmt]
        return writer(out, meters, protected=guarded)
