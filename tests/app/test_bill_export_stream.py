"""The streamed exports write exactly what the previous (whole-portfolio ORM) exports wrote.

`_old_*` below is a copy of the implementation before streaming (db.bill_export.export_properties loading
every bill through the ORM, and io.espm_export's writers over those objects); each format is written by both
from the same database and compared: CSV byte for byte, xlsx member by member (docProps/core.xml holds the
time of writing and is left out).
"""

from __future__ import annotations

import csv
import random
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.app.bill_export import ExportFormat, export_to_file
from espm_desktop.core.types import Bill, MeterData
from espm_desktop.db import models
from espm_desktop.db.engine import make_engine
from espm_desktop.db.repo import property_data
from espm_desktop.fs.atomic_files import atomic_workbook_path, atomic_write
from espm_desktop.io.espm_bill_template import (
    OTHER_TEMPLATE_HEADERS,
    SHEET_DELIVERY,
    SHEET_ELECTRICITY,
    SHEET_ORDER,
    TEMPLATE_HEADERS,
    TEMPLATE_TITLE,
    TEMPLATE_VERSION,
)
from espm_desktop.io.espm_export import (
    BILL_HEADERS,
    METER_HEADERS,
    PROPERTY_HEADERS,
    ExportProperty,
    _cells,
    _csv_value,
    _id_value,
    meter_type_label,
    template_sheet_for,
    unit_label,
)

# ---- the previous implementation, as it was ------------------------------------------------------------


def _old_export_properties(session: Session, property_ids: list[int] | None = None) -> list[ExportProperty]:
    query = select(models.Property).order_by(models.Property.name, models.Property.id)
    if property_ids is not None:
        query = query.where(models.Property.id.in_(property_ids))
    return [
        ExportProperty(
            data=property_data(session, row.id),
            espm_id=row.espm_property_id,
            meter_espm_ids={m.name: m.espm_meter_id for m in row.meters if m.espm_meter_id},
            street_address=row.street_address,
            city=row.city,
            province=row.province,
        )
        for row in session.scalars(query)
    ]


@dataclass(frozen=True, slots=True)
class _BillLine:
    prop: ExportProperty
    meter: MeterData
    bill: Bill

    @property
    def meter_espm_id(self) -> str | None:
        return self.prop.meter_espm_ids.get(self.meter.name)


def _lines(properties: Iterable[ExportProperty]) -> Iterator[_BillLine]:
    for prop in properties:
        for meter in prop.data.meters:
            for bill in sorted(meter.bills, key=lambda b: (b.start, b.end)):
                yield _BillLine(prop, meter, bill)


def _template_row(line: _BillLine, sheet: str) -> list[Any]:
    meter, bill = line.meter, line.bill
    common: list[Any] = [
        _id_value(line.meter_espm_id),
        None,
        _id_value(line.prop.espm_id),
        line.prop.data.name,
        meter.name,
        meter_type_label(meter.energy_type, for_template=True),
    ]
    cost = float(bill.cost) if bill.cost is not None else None
    estimation = "Yes" if bill.estimated else "No"
    unit = unit_label(meter.energy_type, meter.unit)
    if sheet == SHEET_DELIVERY:
        return common + [bill.start, bill.usage, unit, cost, estimation]
    if sheet == SHEET_ELECTRICITY:
        return common + [bill.start, bill.end, bill.usage, unit, cost, None, None, estimation, "No"]
    return common + [bill.start, bill.end, bill.usage, unit, cost, estimation]


def _old_write_bill_template(path: Path, properties: Iterable[ExportProperty]) -> int:
    by_sheet: dict[str, list[list[Any]]] = {name: [] for name in SHEET_ORDER}
    for line in _lines(properties):
        sheet = template_sheet_for(line.meter, line.bill)
        by_sheet[sheet].append(_template_row(line, sheet))
    with atomic_workbook_path(path) as partial:
        book = Workbook(write_only=True)
        intro = book.create_sheet("Instructions")
        intro.append(_cells(intro, [TEMPLATE_TITLE]))
        intro.append(_cells(intro, ["Template Version", TEMPLATE_VERSION]))
        for name in SHEET_ORDER:
            ws = book.create_sheet(name)
            headers = TEMPLATE_HEADERS.get(name) or OTHER_TEMPLATE_HEADERS[name]
            ws.append(_cells(ws, headers))
            for row in by_sheet[name]:
                ws.append(_cells(ws, row))
        book.save(partial)
    return sum(len(rows) for rows in by_sheet.values())


def _bill_row(line: _BillLine) -> list[Any]:
    meter, bill = line.meter, line.bill
    return [
        line.prop.data.name,
        line.prop.espm_id or "",
        line.meter_espm_id or "",
        meter.name,
        meter_type_label(meter.energy_type),
        bill.start,
        bill.end,
        bill.usage,
        unit_label(meter.energy_type, meter.unit),
        bill.cost,
        "Yes" if bill.estimated else "No",
    ]


def _old_write_bills_csv(path: Path, properties: Iterable[ExportProperty]) -> int:
    count = 0
    with atomic_write(path, mode="w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(BILL_HEADERS)
        for line in _lines(properties):
            writer.writerow([_csv_value(v) for v in _bill_row(line)])
            count += 1
    return count


def _old_write_portfolio_workbook(path: Path, properties: Iterable[ExportProperty]) -> int:
    props = list(properties)
    with atomic_workbook_path(path) as partial:
        book = Workbook(write_only=True)
        ws = book.create_sheet("Properties")
        ws.append(_cells(ws, PROPERTY_HEADERS))
        for prop in props:
            d = prop.data
            row = [prop.espm_id or "", d.name, d.property_type, prop.street_address, prop.city, prop.province]
            row += [d.postal_code, d.gross_floor_area_m2, d.workers, d.weekly_hours, d.computers]
            row += [d.percent_heated, d.percent_cooled, d.months_in_operation]
            ws.append(_cells(ws, row))
        ws = book.create_sheet("Meters")
        ws.append(_cells(ws, METER_HEADERS))
        for prop in props:
            for meter in prop.data.meters:
                row = [
                    prop.espm_id or "",
                    prop.data.name,
                    prop.meter_espm_ids.get(meter.name, ""),
                    meter.name,
                ]
                row += [meter_type_label(meter.energy_type), unit_label(meter.energy_type, meter.unit)]
                row += [meter.active_date, meter.inactive_date]
                ws.append(_cells(ws, row))
        ws = book.create_sheet("Bills")
        ws.append(_cells(ws, BILL_HEADERS))
        count = 0
        for line in _lines(props):
            ws.append(_cells(ws, _bill_row(line)))
            count += 1
        book.save(partial)
    return count


_OLD_WRITERS = {
    ExportFormat.CSV: _old_write_bills_csv,
    ExportFormat.XLSX: _old_write_portfolio_workbook,
    ExportFormat.ESPM_BILLS: _old_write_bill_template,
}


def _old_export(engine: Engine, fmt: ExportFormat, out: Path, property_ids: list[int] | None = None) -> int:
    with Session(engine) as session:
        properties = _old_export_properties(session, property_ids)
    return _OLD_WRITERS[fmt](out, properties)


# ---- comparison ----------------------------------------------------------------------------------------


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _assert_same_export(engine: Engine, tmp_path: Path, property_ids: list[int] | None = None) -> int:
    counts = set()
    for fmt in ExportFormat:
        suffix = ".csv" if fmt is ExportFormat.CSV else ".xlsx"
        old, new = tmp_path / f"old-{fmt.value}{suffix}", tmp_path / f"new-{fmt.value}{suffix}"
        old_count = _old_export(engine, fmt, old, property_ids)
        assert export_to_file(engine, fmt, new, property_ids) == old_count
        if fmt is ExportFormat.CSV:
            assert new.read_bytes() == old.read_bytes()
        else:
            old_members, new_members = _members(old), _members(new)
            assert list(new_members) == list(old_members)
            for name, data in old_members.items():
                assert new_members[name] == data, f"{fmt.value}: {name} differs"
        counts.add(old_count)
    (count,) = counts
    return count


def test_demo_database_exports_as_before(demo_db: Path, tmp_path: Path) -> None:
    engine = make_engine(demo_db)
    try:
        assert _assert_same_export(engine, tmp_path) > 0
    finally:
        engine.dispose()


_NAMES = [
    "Siège social",
    '=HYPERLINK("http://x","y")',
    "-Entrepôt",
    "Bureau, 2e étage",
    'Dit "le phare"',
    "@home",
]
_METERS = [
    ("Électricité", "electricity_grid", "kWh"),
    ("Gaz naturel", "natural_gas", "m3"),
    ("+Propane", "propane", "L"),
    ("=Mazout", "fuel_oil_2", "L"),
    ("Vapeur", "district_steam", "GJ"),
]


def _generated_portfolio(engine: Engine, bills: int) -> None:
    """Properties with odd names and IDs, five kinds of meters, costs of every stored shape, deliveries."""
    rng = random.Random(20240601)
    costs: list[Decimal | None] = [None, Decimal("0"), Decimal("1200"), Decimal("0.13"), Decimal("-5.5")]
    made = 0
    with Session(engine) as s:
        n = 0
        while made < bills:
            espm_id = [None, str(22178000 + n), f"X-{n}"][n % 3]
            prop = models.Property(
                name=_NAMES[n % len(_NAMES)] + ("" if n < len(_NAMES) else f" {n // 2}"),
                espm_property_id=espm_id,
                street_address=f"{n} rue Principale",
                city="Montréal",
                postal_code="H2X 1Y4",
                gross_floor_area_m2=1000.0 + n,
                workers=None if n % 2 else 12.5,
                computers=n,
                percent_heated=100.0,
                months_in_operation=12,
            )
            s.add(prop)
            for k, (name, kind, unit) in enumerate(_METERS):
                meter = models.Meter(
                    name=name,
                    energy_type=kind,
                    unit=unit,
                    active_date=date(2015, 1, 1) if k % 2 else None,
                    inactive_date=date(2024, 1, 1) if k == 4 else None,
                    espm_meter_id=str(139067000 + n * 10 + k) if (n + k) % 4 else None,
                )
                prop.meters.append(meter)
                start = date(2016, 1, 1) + timedelta(days=rng.randint(0, 40))
                for _ in range(min(40, bills - made)):
                    days = (
                        0 if kind in ("propane", "fuel_oil_2") and rng.random() < 0.7 else rng.randint(27, 33)
                    )
                    usage = round(rng.uniform(0, 5000), rng.choice([0, 1, 3]))
                    cost = rng.choice([*costs, Decimal(str(round(usage * 0.0917, 2)))])
                    meter.bills.append(
                        models.BillRecord(
                            start_date=start,
                            end_date=start + timedelta(days=days),
                            usage=usage,
                            cost=cost,
                            estimated=rng.random() < 0.2,
                        )
                    )
                    start += timedelta(days=days + 1)
                    made += 1
            n += 1
        # Two properties of the same name: the export orders them by id.
        s.add(models.Property(name=_NAMES[0], espm_property_id=None))
        s.commit()


def test_generated_portfolio_exports_as_before(engine: Engine, tmp_path: Path) -> None:
    _generated_portfolio(engine, 2_000)
    assert _assert_same_export(engine, tmp_path) == 2_000


def test_chosen_properties_export_as_before(engine: Engine, tmp_path: Path) -> None:
    _generated_portfolio(engine, 400)
    assert 0 < _assert_same_export(engine, tmp_path, property_ids=[2, 3, 5]) < 400


def test_empty_database_exports_headers_only(engine: Engine, tmp_path: Path) -> None:
    assert _assert_same_export(engine, tmp_path) == 0
