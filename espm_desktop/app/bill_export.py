"""Export properties with their bills: the properties and meters as core objects, the bills streamed in order.

The bills are never loaded as ORM objects: each meter's bills come from one SELECT on the raw sqlite3
connection (the unique index on (meter, start, end) hands them out in order, without a sort), row tuples go
straight to the writer, so memory stays flat whatever the size of the portfolio.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from espm_desktop.core.types import MeterData
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
_BILL_COUNTS_SQL = "SELECT meter_id, COUNT(*) FROM bill GROUP BY meter_id"

ProgressCallback = Callable[[int, int], None]
"""(bills handed to the writer so far, bills to write)."""


class ExportCancelled(Exception):
    """The caller's `cancelled()` said stop: the partial file was removed and the target left as it was."""


@dataclass(frozen=True, slots=True)
class MeterWithoutEspmId:
    """A meter whose bills ESPM's upload would refuse: the template row has no Portfolio Manager Meter ID."""

    property_name: str
    meter_name: str


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


def _has_espm_id(prop: ExportProperty, meter: MeterData) -> bool:
    return bool(prop.meter_espm_ids.get(meter.name))


def template_coverage(
    engine: Engine, property_ids: list[int] | None = None
) -> tuple[list[MeterWithoutEspmId], int]:
    """For the ESPM upload template of these properties (or all): the meters it would write without an ESPM
    meter ID, and how many meters there are in all."""
    with Session(engine) as s:
        properties = export_properties(s, property_ids)
    return meters_without_espm_id(properties), sum(len(p.data.meters) for p in properties)


def meters_without_espm_id(properties: Iterable[ExportProperty]) -> list[MeterWithoutEspmId]:
    """The meters the ESPM upload template would write without a meter ID, in export order."""
    return [
        MeterWithoutEspmId(prop.data.name, meter.name)
        for prop in properties
        for meter in prop.data.meters
        if not _has_espm_id(prop, meter)
    ]


def _stored_bills(
    con: sqlite3.Connection, meter_id: int | None, on_rows: Callable[[int], None] | None = None
) -> Iterator[StoredBill]:
    cursor = con.execute(_METER_BILLS_SQL, (meter_id,))
    try:
        while rows := cursor.fetchmany(FETCH_ROWS):
            if on_rows is not None:
                on_rows(len(rows))
            yield from rows
    finally:
        cursor.close()


def stream_meter_bills(
    con: sqlite3.Connection,
    properties: Iterable[ExportProperty],
    on_rows: Callable[[int], None] | None = None,
) -> Iterator[MeterBills]:
    """Each meter of the properties with its stored bills, read as the writer asks for them.

    `on_rows(n)` is called before each batch of n bills goes to the writer; an exception it raises stops the
    writer (its atomic write then removes the partial file).
    """
    for prop in properties:
        for meter in prop.data.meters:
            yield MeterBills(prop, meter, _stored_bills(con, meter.meter_id, on_rows))


def _without_meters_lacking_espm_id(properties: list[ExportProperty]) -> list[ExportProperty]:
    kept: list[ExportProperty] = []
    for prop in properties:
        meters = tuple(m for m in prop.data.meters if _has_espm_id(prop, m))
        kept.append(replace(prop, data=replace(prop.data, meters=meters)))
    return kept


class _Watch:
    """Counts the bills handed to the writer, reports them and stops the export when asked to."""

    def __init__(
        self, total: int, progress: ProgressCallback | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        self.cancelled = cancelled

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def rows(self, count: int) -> None:
        self.done += count
        self.check()

    def meters(self, meters: Iterable[MeterBills]) -> Iterator[MeterBills]:
        # Checked between meters too (a meter without bills fetches no batch), and once more after the last
        # one: the writer only renames its partial file over the target once this stream has ended.
        for line in meters:
            self.check()
            yield line
        self.check()


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
    skip_meters_without_espm_id: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the export; returns the number of bills written.

    The engine's database (and any `protected` path) is refused as `out` before it is read: OutputRefused.
    `skip_meters_without_espm_id` leaves out the meters `meters_without_espm_id` lists (ESPM refuses their
    template rows). `progress(done, total)` counts bills; when `cancelled()` turns true the export stops with
    ExportCancelled, leaving neither the file nor a partial file.
    """
    guarded = [*engine_database_files(engine), *protected]
    check_output_target(out, guarded)
    with engine.connect() as con:
        # One read transaction: the properties and every bill come from the same snapshot even though the
        # bills are read while the file is written. The session joins it and leaves it open when closed.
        con.exec_driver_sql("BEGIN")
        with Session(bind=con) as session:
            properties = export_properties(session, property_ids)
        if skip_meters_without_espm_id:
            properties = _without_meters_lacking_espm_id(properties)
        raw = con.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        if progress is None and cancelled is None:
            meters: Iterable[MeterBills] = stream_meter_bills(raw, properties)
        else:
            counts = dict(raw.execute(_BILL_COUNTS_SQL).fetchall())
            total = sum(counts.get(m.meter_id, 0) for p in properties for m in p.data.meters)
            watch = _Watch(total, progress, cancelled)
            meters = watch.meters(stream_meter_bills(raw, properties, watch.rows))
        if fmt is ExportFormat.XLSX:
            return stream_portfolio_workbook(out, properties, meters, protected=guarded)
        writer = {ExportFormat.ESPM_BILLS: stream_bill_template, ExportFormat.CSV: stream_bills_csv}[fmt]
        return writer(out, meters, protected=guarded)
