from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from espm_desktop.core.types import Bill, MeterData, PropertyData
from espm_desktop.io.espm_bill_template import SHEET_ORDER, TEMPLATE_HEADERS
from espm_desktop.io.espm_export import (
    ExportProperty,
    csv_safe,
    write_bill_template,
    write_bills_csv,
    write_portfolio_workbook,
)
from espm_desktop.io.espm_import import FileKind, ImportRow, read_bills_file
from tests.samples import SAMPLES

EVIL = '=HYPERLINK("http://x","y")'


def _portfolio() -> list[ExportProperty]:
    gas = MeterData(
        "Gaz 1",
        "natural_gas",
        "m3",
        (
            Bill(date(2023, 1, 5), date(2023, 2, 4), 1234.5, Decimal("456.78")),
            Bill(date(2023, 2, 5), date(2023, 3, 6), 987.0, None, estimated=True),
        ),
    )
    power = MeterData(
        "Hydro", "electricity_grid", "kWh", (Bill(date(2023, 1, 1), date(2023, 1, 31), 5000.0),)
    )
    oil = MeterData(
        "-Mazout", "fuel_oil_2", "L", (Bill(date(2023, 1, 15), date(2023, 1, 15), 900.0, Decimal("1200")),)
    )
    return [
        ExportProperty(
            PropertyData("Siège social", gross_floor_area_m2=1300.0, meters=(gas, power)),
            espm_id="22178843",
            meter_espm_ids={"Gaz 1": "139067329", "Hydro": "139067318"},
        ),
        ExportProperty(PropertyData(EVIL, meters=(oil,)), espm_id=None),
    ]


def _key(r: ImportRow) -> tuple[object, ...]:
    return (
        r.property_name,
        r.meter_name,
        r.energy_type,
        r.unit,
        r.start,
        r.end,
        r.usage,
        r.cost,
        r.estimated,
    )


def _expected() -> list[tuple[object, ...]]:
    out = []
    for prop in _portfolio():
        for m in prop.data.meters:
            for b in m.bills:
                out.append(
                    (
                        prop.data.name,
                        m.name,
                        m.energy_type,
                        m.unit,
                        b.start,
                        b.end,
                        b.usage,
                        b.cost,
                        b.estimated,
                    )
                )
    return sorted(out, key=repr)


def test_bill_template_layout_matches_espm(tmp_path: Path) -> None:
    path = tmp_path / "upload.xlsx"
    assert write_bill_template(path, _portfolio()) == 4
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Instructions", *SHEET_ORDER]
    sample = SAMPLES / "Add_Bills_to_Meters.xlsx"
    for name, headers in TEMPLATE_HEADERS.items():
        assert tuple(book.get_sheet_by_name(name).to_python()[0]) == headers
        if sample.exists():
            assert (
                tuple(CalamineWorkbook.from_path(str(sample)).get_sheet_by_name(name).to_python()[0])
                == headers
            )
    electricity = book.get_sheet_by_name("Add Bills-Electricity").to_python()
    assert electricity[1][:10] == [
        139067318.0,
        "",
        22178843.0,
        "Siège social",
        "Hydro",
        "Electricity - Grid Purchase",
        date(2023, 1, 1),
        date(2023, 1, 31),
        5000.0,
        "kWh (thousand Watt-hours)",
    ]
    delivery = book.get_sheet_by_name("Add Bills-Delivery").to_python()
    assert delivery[1][5:9] == ["Fuel Oil (No. 2)", date(2023, 1, 15), 900.0, "Liters"]


def test_round_trip_template_csv_and_portfolio(tmp_path: Path) -> None:
    for name, writer, kind in (
        ("upload.xlsx", write_bill_template, FileKind.BILL_TEMPLATE),
        ("bills.csv", write_bills_csv, FileKind.METER_ENTRIES),
        ("portfolio.xlsx", write_portfolio_workbook, FileKind.METER_ENTRIES),
    ):
        path = tmp_path / name
        writer(path, _portfolio())
        batch = read_bills_file(path)
        assert batch.kind is kind, name
        assert not batch.errors and not batch.skipped, (name, batch.errors)
        assert sorted(map(_key, batch.rows), key=repr) == _expected(), name


def test_portfolio_workbook_reads_back_properties_and_meters(tmp_path: Path) -> None:
    path = tmp_path / "portfolio.xlsx"
    write_portfolio_workbook(path, _portfolio())
    batch = read_bills_file(path)
    assert [(p.espm_id, p.name, p.gross_floor_area_m2) for p in batch.properties] == [
        ("22178843", "Siège social", 1300.0),
        (None, EVIL, 0.0),
    ]
    assert [(m.espm_meter_id, m.name, m.energy_type, m.unit) for m in batch.meters] == [
        ("139067329", "Gaz 1", "natural_gas", "m3"),
        ("139067318", "Hydro", "electricity_grid", "kWh"),
        (None, "-Mazout", "fuel_oil_2", "L"),
    ]


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    xlsx = tmp_path / "portfolio.xlsx"
    write_portfolio_workbook(xlsx, _portfolio())
    write_bill_template(tmp_path / "upload.xlsx", _portfolio())
    for path in (xlsx, tmp_path / "upload.xlsx"):
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, ws.title, cell.coordinate, cell.value)
        texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
        assert EVIL in texts
    csv_path = tmp_path / "bills.csv"
    write_bills_csv(csv_path, _portfolio())
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-Mazout" in text
    assert not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    assert csv_safe("+1") == "'+1" and csv_safe("@SUM(A1)") == "'@SUM(A1)" and csv_safe("Gaz") == "Gaz"
