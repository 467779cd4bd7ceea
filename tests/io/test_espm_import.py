from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from espm_desktop.io.espm_import import (
    AmbiguousDateFormat,
    ColumnMapping,
    DateOrder,
    FileKind,
    ImportFileError,
    MappingRequired,
    inspect_file,
    propose_mapping,
    read_bills_file,
)
from espm_desktop.io.espm_meter_entries import read_meters_sheet, read_properties_sheet
from espm_desktop.io.sheets import Sheet
from tests.samples import SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason="ESPM sample spreadsheets not available")


def test_pm_meter_data_export() -> None:
    batch = read_bills_file(SAMPLES / "PM_Meter_Data.xlsx")
    assert batch.kind is FileKind.METER_ENTRIES
    assert len(batch.rows) == 88 and not batch.errors and not batch.skipped
    assert Counter((r.energy_type, r.unit) for r in batch.rows) == {
        ("electricity_grid", "kBtu"): 14,
        ("natural_gas", "kBtu"): 4,
        ("electricity_grid", "kWh"): 35,
        ("natural_gas", "therms"): 35,
    }
    first = batch.rows[0]
    assert (first.row_number, first.property_key, first.meter_key) == (7, "5766973", "5766973-0")
    assert (first.start, first.end, first.usage, first.cost) == (
        date(2016, 1, 1),
        date(2016, 2, 1),
        597478.9,
        None,
    )
    assert first.consumption_id == "809588892"
    gas = next(r for r in batch.rows if r.row_number == 60)
    assert (gas.unit, gas.usage, gas.cost) == ("therms", 508.0, Decimal("606.8"))
    # Meter names repeat across meters ("Electric Grid Meter" is also the gas meter): keys are ESPM meter IDs.
    assert len({r.meter_key for r in batch.rows}) == 6
    assert batch.rows[-1].row_number == 94


def test_small_meter_entries_export() -> None:
    batch = read_bills_file(SAMPLES / "example-pm-monthly-meter-usage.xlsx")
    assert len(batch.rows) == 8 and not batch.errors
    assert Counter(r.energy_type for r in batch.rows) == {"electricity_grid": 4, "natural_gas": 4}


def test_add_bills_template() -> None:
    batch = read_bills_file(SAMPLES / "Add_Bills_to_Meters.xlsx")
    assert batch.kind is FileKind.BILL_TEMPLATE
    assert len(batch.rows) == 579 and not batch.errors and not batch.skipped
    assert Counter((r.sheet, r.energy_type) for r in batch.rows) == {
        ("Add Bills-Electricity", "electricity_grid"): 324,
        ("Add Bills-Non Electric", "natural_gas"): 252,
        ("Add Bills-Non Electric", "district_steam"): 3,
    }
    row2 = batch.rows[0]
    assert (row2.row_number, row2.usage, row2.start, row2.end) == (
        2,
        274925.3,
        date(2019, 1, 1),
        date(2019, 1, 31),
    )
    assert row2.meter_key == "139067318" and row2.property_key == "22178843"
    # H4 holds =G5-1: the end date is the day before the next bill's start.
    row4 = next(r for r in batch.rows if r.sheet == "Add Bills-Electricity" and r.row_number == 4)
    assert row4.end == date(2019, 3, 31)


def test_add_meters_template_is_not_bills() -> None:
    with pytest.raises(MappingRequired) as info:
        read_bills_file(SAMPLES / "Add_Meters.xlsx")
    assert info.value.file == "Add_Meters.xlsx"


def _template_sheet(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Add Bills-Non Electric"
    ws.append(
        [
            "Meter ID\n(Pre-filled)",
            "Meter Consumption ID\n(Pre-filled)",
            "Portfolio Manager ID\n(Pre-filled)",
            "Property  Name\n(Pre-filled)",
            "Meter Name\n(Pre-filled)",
            "Meter Type\n(Pre-filled)",
            "Start Date\n(Required)",
            "End Date\n(Required)",
            "Quantity\n(Required)",
            "Meter Unit\n(Pre-filled)",
            "Cost\n(Optional)",
            "Estimation (Required)",
        ]
    )
    for row in rows:
        ws.append(row)
    book.save(path)


def test_uncached_end_date_formulas_are_computed(tmp_path: Path) -> None:
    path = tmp_path / "bills.xlsx"
    _template_sheet(
        path,
        [
            [
                1,
                None,
                10,
                "Siège",
                "Gaz",
                "Natural Gas",
                date(2023, 1, 5),
                "=G3-1",
                "1 234,5",
                "cm (cubic meters)",
                None,
                "No",
            ],
            [
                1,
                None,
                10,
                "Siège",
                "Gaz",
                "Natural Gas",
                date(2023, 2, 6),
                "=G4-1",
                "800",
                "cm (cubic meters)",
                None,
                "No",
            ],
            [
                1,
                None,
                10,
                "Siège",
                "Gaz",
                "Natural Gas",
                date(2023, 3, 7),
                "=H3+30",
                "700",
                "cm (cubic meters)",
                "12.5",
                "Yes",
            ],
            [
                1,
                555,
                10,
                "Siège",
                "Gaz",
                "Natural Gas",
                date(2022, 3, 7),
                date(2022, 4, 6),
                "1",
                "cm (cubic meters)",
                None,
                "No",
            ],
            [
                2,
                None,
                10,
                "Siège",
                "Eau",
                "Municipally Supplied Potable Water - Indoor",
                date(2023, 1, 1),
                date(2023, 1, 31),
                "5",
                "cm (cubic meters)",
                None,
                "No",
            ],
        ],
    )
    batch = read_bills_file(path)
    assert [(r.start, r.end) for r in batch.rows] == [
        (date(2023, 1, 5), date(2023, 2, 5)),
        (date(2023, 2, 6), date(2023, 3, 6)),
        (date(2023, 3, 7), date(2023, 4, 5)),
    ]
    assert batch.rows[0].usage == 1234.5 and batch.rows[0].unit == "m3"
    assert batch.rows[2].estimated and batch.rows[2].cost == Decimal("12.5")
    assert [s.row for s in batch.skipped] == [5, 6]
    assert "555" in batch.skipped[0].reason_en


def test_row_errors_name_row_column_and_value(tmp_path: Path) -> None:
    path = tmp_path / "bills.xlsx"
    _template_sheet(
        path,
        [
            [
                1,
                None,
                10,
                "P",
                "Gaz",
                "Natural Gas",
                date(2023, 1, 1),
                date(2023, 1, 31),
                "beaucoup",
                "cm (cubic meters)",
            ],
            [1, None, 10, "P", "Gaz", "Natural Gas", date(2023, 3, 1), date(2023, 2, 1), "5", "furlongs"],
            [1, None, 10, "P", "Gaz", "Plutonium", date(2023, 3, 1), date(2023, 3, 31), "5", "GJ"],
        ],
    )
    batch = read_bills_file(path)
    assert not batch.rows
    got = {(e.row, e.column.split(" (")[0], e.value) for e in batch.errors}
    assert got == {
        (2, "Quantity", "beaucoup"),
        (3, "End Date", "2023-02-01"),
        (3, "Meter Unit", "furlongs"),
        (4, "Meter Type", "Plutonium"),
    }
    assert all(e.reason_fr and e.reason_en for e in batch.errors)
    assert "ligne 2" in batch.errors[0].message("fr")


def test_meter_entries_with_moved_columns_and_old_header(tmp_path: Path) -> None:
    path = tmp_path / "old_export.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Meter Entries"
    ws.append(["My Portfolio"])
    ws.append([])
    ws.append(
        [
            "Usage Units",
            "Usage/Quantity",
            "End Date",
            "Start Date",
            "Meter Type",
            "Meter Name",
            "Property Id",
            "Property Name",
            "Cost ($)",
            "Estimation?",
        ]
    )
    ws.append(
        [
            "GJ",
            12,
            date(2020, 1, 31),
            date(2020, 1, 1),
            "Natural Gas",
            "Gaz",
            42,
            "Siège",
            "Not Available",
            "Yes",
        ]
    )
    ws.append(
        [
            "Gallons (US)",
            12,
            date(2020, 1, 31),
            date(2020, 1, 1),
            "Municipally Supplied Potable Water - Mixed",
            "Eau",
            42,
            "Siège",
            3,
            "No",
        ]
    )
    book.save(path)
    batch = read_bills_file(path)
    assert [(r.row_number, r.property_key, r.energy_type, r.unit, r.estimated) for r in batch.rows] == [
        (4, "42", "natural_gas", "GJ", True)
    ]
    assert [s.row for s in batch.skipped] == [5]


def test_generic_csv_with_mapping_and_french_numbers(tmp_path: Path) -> None:
    path = tmp_path / "energir.csv"
    path.write_text(
        "Période du;Période au;Consommation (m³);Montant\n"
        "05/01/2023;04/02/2023;1 234,5;456,78 $\n"
        "05/02/2023;06/03/2023;987,0;321,00 $\n",
        encoding="cp1252",
    )
    with pytest.raises(MappingRequired) as info:
        read_bills_file(path)
    proposed = info.value.proposed
    assert proposed == {"start": "Période du", "end": "Période au", "cost": "Montant"}
    mapping = ColumnMapping(
        columns={**proposed, "usage": "Consommation (m³)"},
        fixed={"property_name": "Siège social", "meter_name": "Compteur 1", "unit": "cm (cubic meters)"},
    )
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    with pytest.raises(AmbiguousDateFormat) as amb:
        read_bills_file(path, mapping=mapping)
    assert "05/01/2023" in amb.value.examples and amb.value.message_fr
    batch = read_bills_file(path, mapping=mapping, date_order=DateOrder.DMY)
    assert [(r.start, r.end, r.usage, r.cost, r.energy_type, r.unit) for r in batch.rows] == [
        (date(2023, 1, 5), date(2023, 2, 4), 1234.5, Decimal("456.78"), "natural_gas", "m3"),
        (date(2023, 2, 5), date(2023, 3, 6), 987.0, Decimal("321.00"), "natural_gas", "m3"),
    ]
    assert (
        batch.rows[0].property_key == "Siège social" and batch.rows[0].meter_key == "Compteur 1|natural_gas"
    )


def test_propose_mapping_is_case_and_accent_insensitive() -> None:
    headers: list[object] = [
        "DATE DE DÉBUT",
        "date de fin",
        "Quantité",
        "UNITÉ",
        "Nom du compteur",
        "Immeuble",
        "x",
    ]
    assert propose_mapping(headers) == {  # type: ignore[arg-type]
        "start": "DATE DE DÉBUT",
        "end": "date de fin",
        "usage": "Quantité",
        "unit": "UNITÉ",
        "meter_name": "Nom du compteur",
        "property_name": "Immeuble",
    }


def test_mapping_naming_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("Start,End,Usage\n2023-01-01,2023-01-31,5\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        read_bills_file(
            path,
            mapping=ColumnMapping(
                columns={"start": "Start", "end": "Fin", "usage": "Usage"},
                fixed={"unit": "kWh", "property_name": "P"},
            ),
        )
    assert "'Fin'" in info.value.message_en and "'Fin'" in info.value.message_fr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.xlsx", b"", "empty"),
        ("scan.xlsx", b"%PDF-1.7\n...", "PDF"),
        ("broken.xlsx", b"PK\x03\x04garbage", "not a readable Excel workbook"),
        ("blank.csv", b"\n\n", "no data"),
    ],
)
def test_wrong_files_are_named(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        read_bills_file(path)
    assert info.value.file == name and expected in info.value.message_en and info.value.message_fr


def test_meter_entries_sheet_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Meter Entries"
    ws.append(["Property Name", "Meter Name", "Start Date"])
    ws.append(["P", "M", date(2020, 1, 1)])
    book.save(path)
    with pytest.raises(ImportFileError) as info:
        read_bills_file(path)
    assert "Usage/Quantity" in info.value.message_en and "Meter Entries" in info.value.message_en


def test_inspect_file_reports_kind_and_headers(tmp_path: Path) -> None:
    inspection = inspect_file(SAMPLES / "PM_Meter_Data.xlsx")
    assert inspection.kind is FileKind.METER_ENTRIES
    path = tmp_path / "x.csv"
    path.write_text("titre\n\nDate de début,Date de fin,kWh\n2023-01-01,2023-01-31,5\n", encoding="utf-8")
    generic = inspect_file(path)
    assert (generic.kind, generic.header_row, generic.proposed) == (
        FileKind.GENERIC,
        3,
        {"start": "Date de début", "end": "Date de fin"},
    )


def test_properties_and_meters_sheets() -> None:
    props = Sheet(
        "Properties",
        [
            ["Properties"],
            [
                "Portfolio Manager ID",
                "Property Name",
                "Address 1",
                "City",
                "Postal Code",
                "Property GFA - Self-Reported (ft²)",
            ],
            [123.0, "Siège", "1 rue X", "Montréal", "H2X 1Y4", 10000.0],
        ],
    )
    (p,) = read_properties_sheet(props)
    assert (p.espm_id, p.name, p.city) == ("123", "Siège", "Montréal")
    assert p.gross_floor_area_m2 == pytest.approx(929.0304)
    meters = Sheet(
        "Meters",
        [
            [
                "Portfolio Manager ID",
                "Property Name",
                "Portfolio Manager Meter ID",
                "Meter Name",
                "Meter Type",
                "Usage Units",
                "Date Meter Became Active",
            ],
            [123.0, "Siège", 9.0, "Gaz", "Natural Gas", "cm (cubic meters)", date(2019, 1, 1)],
            [
                123.0,
                "Siège",
                10.0,
                "Eau",
                "Municipally Supplied Potable Water - Indoor",
                "cm (cubic meters)",
                None,
            ],
        ],
    )
    (m,) = read_meters_sheet(meters)
    assert (m.espm_meter_id, m.property_key, m.energy_type, m.unit, m.active_date) == (
        "9",
        "123",
        "natural_gas",
        "m3",
        date(2019, 1, 1),
    )
