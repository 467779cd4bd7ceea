from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from espm_desktop.core.data_exchange import EnergirMeterSetup
from espm_desktop.core.energy import UnknownUnitError
from espm_desktop.core.types import Bill, MeterData
from espm_desktop.io.espm_meters_template import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HEADERS,
    SHEET_NAME,
    write_meters_template,
)
from tests.samples import SAMPLES

SAMPLE = SAMPLES / "Add_Meters.xlsx"
needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason="ESPM sample template not available")

GAS = MeterData(
    name="Gaz naturel 1", energy_type="natural_gas", unit="m3", meter_id=7, active_date=date(2021, 4, 16)
)
POWER = MeterData(
    name="Hydro-Québec",
    energy_type="electricity_grid",
    unit="kWh",
    bills=(Bill(start=date(2022, 1, 5), end=date(2022, 2, 3), usage=1000.0),),
)
SETUP = EnergirMeterSetup(
    property_name="Caisse Rosemont",
    meter_name="Gaz naturel 1",
    account_number="11111111111",
    invoice_number="333333333333",
    meter_number="2222222",
    meter_id=7,
)


def _write(tmp_path: Path, meters: list[MeterData], **kw: object) -> tuple[openpyxl.Workbook, list]:  # type: ignore[type-arg]
    out = tmp_path / "meters.xlsx"
    warnings = write_meters_template(out, "Caisse Rosemont", "9244122", meters, [SETUP], **kw)  # type: ignore[arg-type]
    return openpyxl.load_workbook(out), warnings


@needs_sample
def test_sheet_name_and_headers_equal_the_sample(tmp_path: Path) -> None:
    sample = openpyxl.load_workbook(SAMPLE, read_only=True)[SHEET_NAME]
    sample_headers = tuple(c.value for c in next(sample.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW)))
    wb, _ = _write(tmp_path, [GAS])
    assert wb.sheetnames[0] == SHEET_NAME
    ours = tuple(c.value for c in wb[SHEET_NAME][HEADER_ROW])
    assert ours == sample_headers == HEADERS


@needs_sample
def test_unit_and_type_labels_are_in_the_sample_lists(tmp_path: Path) -> None:
    sample = openpyxl.load_workbook(SAMPLE)["Validation"]
    all_units = {c.value for c in sample["B"][1:22] if c.value}  # named range AllEnergyUnits, B2:B22
    meter_types = {c.value for c in sample["F"][1:] if c.value}
    wb, _ = _write(tmp_path, [GAS, POWER])
    ws = wb[SHEET_NAME]
    assert ws["F2"].value == "cm (cubic meters)"
    assert ws["F3"].value == "kWh (thousand Watt-hours)"
    for row in (2, 3):
        assert ws[f"F{row}"].value in all_units
        assert ws[f"C{row}"].value in meter_types
    ours = {c.value for c in wb["Validation"]["B"][1:] if c.value}
    assert ours <= all_units


def test_values_in_the_right_columns(tmp_path: Path) -> None:
    wb, warnings = _write(tmp_path, [GAS, POWER])
    ws = wb[SHEET_NAME]
    assert FIRST_DATA_ROW == 2
    row = [c.value for c in ws[2]]
    assert row[:11] == [
        9244122,
        "Caisse Rosemont",
        "Natural Gas",
        None,
        "Gaz naturel 1",
        "cm (cubic meters)",
        datetime(2021, 4, 16),
        "Yes",
        None,
        "Metered",
        "Yes",
    ]
    assert row[11:17] == [
        "Énergir account",
        "11111111111",
        "Énergir invoice",
        "333333333333",
        "Énergir meter",
        "2222222",
    ]
    assert ws["L2"].data_type == "s" and ws["M2"].data_type == "s"  # numbers kept as text, no 1.1E+10
    power = [c.value for c in ws[3]]
    assert power[2] == "Electric - Grid"
    assert power[6] == datetime(2022, 1, 5)  # no active date: the first bill's start
    assert power[11:17] == [None] * 6
    assert ws.max_row == 3
    assert warnings == []


def test_missing_active_date_and_inactive_meter(tmp_path: Path) -> None:
    old = MeterData(name="Ancien", energy_type="natural_gas", unit="m3", inactive_date=date(2020, 12, 31))
    wb, warnings = _write(tmp_path, [old])
    ws = wb[SHEET_NAME]
    assert ws["G2"].value is None
    assert ws["H2"].value == "No" and ws["I2"].value == datetime(2020, 12, 31)
    assert len(warnings) == 1
    assert (
        warnings[0].row == 2 and "Ancien" in warnings[0].message_fr and "column G" in warnings[0].message_en
    )


def test_text_starting_like_a_formula_stays_text(tmp_path: Path) -> None:
    evil = MeterData(
        name='=HYPERLINK("http://x")', energy_type="natural_gas", unit="m3", active_date=date(2023, 1, 1)
    )
    plus = MeterData(name="+1-555", energy_type="natural_gas", unit="m3", active_date=date(2023, 1, 1))
    out = tmp_path / "m.xlsx"
    write_meters_template(out, "@Property", "9244122", [evil, plus])
    ws = openpyxl.load_workbook(out)[SHEET_NAME]
    assert ws["E2"].value == '=HYPERLINK("http://x")' and ws["E2"].data_type == "s"
    assert ws["E2"].quotePrefix
    assert ws["E3"].quotePrefix and ws["B2"].quotePrefix
    assert not ws["F2"].quotePrefix


def test_unknown_unit_is_refused(tmp_path: Path) -> None:
    bad = MeterData(name="X", energy_type="natural_gas", unit="kg")
    with pytest.raises(UnknownUnitError):
        write_meters_template(tmp_path / "x.xlsx", "P", "1", [bad])
