"""Load properties for export (core objects plus the ESPM IDs and address the database keeps) and write them."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.repo import property_data
from espm_desktop.io.atomic_files import check_output_target
from espm_desktop.io.espm_export import (
    ExportProperty,
    write_bill_template,
    write_bills_csv,
    write_portfolio_workbook,
)


class ExportFormat(StrEnum):
    ESPM_BILLS = "espm-bills"
    """ESPM's 'Add Bills to Existing Meters' upload template (.xlsx)."""
    CSV = "csv"
    XLSX = "xlsx"
    """Whole-portfolio workbook: Properties, Meters, Bills."""


def export_properties(session: Session, property_ids: list[int] | None = None) -> list[ExportProperty]:
    """Every property (or the given ones), by name, with meters and bills."""
    query = select(models.Property).order_by(models.Property.name, models.Property.id)
    if property_ids is not None:
        query = query.where(models.Property.id.in_(property_ids))
    found: list[ExportProperty] = []
    for row in session.scalars(query):
        found.append(
            ExportProperty(
                data=property_data(session, row.id),
                espm_id=row.espm_property_id,
                meter_espm_ids={m.name: m.espm_meter_id for m in row.meters if m.espm_meter_id},
                street_address=row.street_address,
                city=row.city,
                province=row.province,
            )
        )
    return found


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
    with Session(engine) as session:
        properties = export_properties(session, property_ids)
    writer = {
        ExportFormat.ESPM_BILLS: write_bill_template,
        ExportFormat.CSV: write_bills_csv,
        ExportFormat.XLSX: write_portfolio_workbook,
    }[fmt]
    return writer(out, properties, protected=guarded)
