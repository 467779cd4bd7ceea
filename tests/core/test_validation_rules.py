"""One table per rule: Énergir numbers, initial load, bill overlaps, unit changes on a meter with bills."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from espm_desktop.core.checks import check_meter
from espm_desktop.core.data_exchange import (
    SetupField,
    validate_invoice_number,
    validate_meter_number,
)
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.overlaps import bill_overlap
from espm_desktop.core.types import Bill, MeterData
from espm_desktop.core.unit_change import UnitConversion, plan_unit_change
from espm_desktop.core.validation import (
    check_energir_number,
    energir_number_error,
    initial_load_error,
    overlap_error,
    validate_bill,
    validate_meter,
)
from espm_desktop.db import models

D = date.fromisoformat

# --- Énergir numbers (seed 000, notes ¹–³: account 10–11, invoice 12, meter 7–18 characters, no spaces) ----------


@pytest.mark.parametrize(
    ("column", "typed", "ok"),
    [
        ("energir_account_number", "1234567890", True),
        ("energir_account_number", "12345678901", True),
        ("energir_account_number", "123456789", False),
        ("energir_account_number", "123456789012", False),
        ("energir_invoice_number", "123456789012", True),
        ("energir_invoice_number", "3333 3333 3333", True),  # spaces from a PDF bill are removed
        ("energir_invoice_number", "12345", False),
        ("energir_invoice_number", "12345678901", False),
        ("energir_invoice_number", "1234567890123", False),
        ("energir_meter_number", "1234567", True),
        ("energir_meter_number", "123456789012345678", True),
        ("energir_meter_number", "1234", False),
        ("energir_meter_number", "1234567890123456789", False),
        ("energir_meter_number", "", True),  # empty: saved as missing, the assistant asks for it
        ("energir_meter_number", None, True),
    ],
)
def test_energir_number_formats(column: str, typed: str | None, ok: bool) -> None:
    error = energir_number_error(column, typed)
    assert (error is None) is ok
    if error is not None:
        assert error.field == column and error.code == "energir_number_format"
        assert error.values["length"] == len((typed or "").replace(" ", ""))


def test_energir_number_errors_are_the_assistants_text() -> None:
    invoice = energir_number_error("energir_invoice_number", "12345")
    meter = energir_number_error("energir_meter_number", "1234")
    assert invoice is not None and meter is not None
    expected_invoice = validate_invoice_number("12345").error
    expected_meter = validate_meter_number("1234").error
    assert expected_invoice is not None and expected_meter is not None
    assert (invoice.message_en, invoice.message_fr) == (expected_invoice.en, expected_invoice.fr)
    assert (meter.message_en, meter.message_fr) == (expected_meter.en, expected_meter.fr)
    assert "12 characters" in invoice.message_en and "12 caractères" in invoice.message_fr
    assert check_energir_number(SetupField.INVOICE_NUMBER, "12345").error == expected_invoice


# --- Initial load (seed 000, note ⁴; the meter table's CHECK) -----------------------------------------------------


def _db_accepts(months: int) -> bool:
    check = next(c for c in models.Meter.__table__.constraints if str(c.name).endswith("initial_load_range"))
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE TABLE meter (initial_load_months INTEGER CHECK ({check.sqltext}))")  # type: ignore[attr-defined]
    try:
        db.execute("INSERT INTO meter VALUES (?)", (months,))
    except sqlite3.IntegrityError:
        return False
    return True


@pytest.mark.parametrize(
    ("months", "ok"),
    [
        (None, True),
        (0, True),
        (1, True),
        (24, True),
        (25, False),
        (36, False),
        (-1, False),
        ("12", True),
        ("x", False),
    ],
)
def test_initial_load_range(months: int | str | None, ok: bool) -> None:
    error = initial_load_error("initial_load_months", months)
    assert (error is None) is ok
    if error is not None:
        assert error.field == "initial_load_months" and error.code == "initial_load_range"
        assert "0 to 24" in error.message_en and "0 à 24" in error.message_fr


def test_initial_load_rule_matches_the_database_check() -> None:
    for months in range(-3, 40):
        assert (initial_load_error("initial_load_months", months) is None) is _db_accepts(months), months


def test_meter_form_reports_initial_load_under_its_field_not_the_name() -> None:
    errors = validate_meter(
        name="Gaz",
        energy_type="natural_gas",
        unit="m3",
        active_date=None,
        inactive_date=None,
        energir_numbers={"energir_invoice_number": "12345"},
        initial_load_months=36,
    )
    assert {e.field for e in errors} == {"initial_load_months", "energir_invoice_number"}


# --- Bill overlaps (ESPM: a bill's end date may be the next start date; nothing else is shared) --------------

OVERLAPS = [
    # (bill, other, shared days or None when allowed, one inside the other)
    (("2024-02-01", "2024-02-29"), ("2024-01-01", "2024-01-31"), None, False),  # next day
    (("2024-01-31", "2024-02-29"), ("2024-01-01", "2024-01-31"), None, False),  # one shared day
    (("2024-01-01", "2024-01-31"), ("2024-01-31", "2024-02-29"), None, False),  # same, other order
    (("2024-03-05", "2024-03-31"), ("2024-01-01", "2024-01-31"), None, False),  # gap
    (("2024-01-30", "2024-02-29"), ("2024-01-01", "2024-01-31"), 2, False),
    (("2024-01-29", "2024-02-29"), ("2024-01-01", "2024-01-31"), 3, False),
    (("2024-01-15", "2024-01-15"), ("2024-01-01", "2024-01-31"), 1, True),  # one-day bill inside
    (("2024-01-31", "2024-01-31"), ("2024-01-01", "2024-01-31"), 1, True),  # one-day bill on the end date
    (("2024-01-01", "2024-01-01"), ("2024-01-01", "2024-01-31"), 1, True),  # one-day bill on the start date
    (("2024-01-01", "2024-01-31"), ("2024-01-15", "2024-01-15"), 1, True),  # the other one is inside
    (("2024-01-10", "2024-01-20"), ("2024-01-01", "2024-01-31"), 11, True),
    (("2024-01-01", "2024-01-31"), ("2024-01-01", "2024-01-31"), 31, True),  # the same period
    (("2024-01-31", "2024-01-31"), ("2024-01-31", "2024-01-31"), 1, True),
]


@pytest.mark.parametrize(("bill", "other", "days", "contained"), OVERLAPS)
def test_bill_overlap_rule(
    bill: tuple[str, str], other: tuple[str, str], days: int | None, contained: bool
) -> None:
    found = bill_overlap(D(bill[0]), D(bill[1]), D(other[0]), D(other[1]))
    assert (found.days if found else None) == days
    if found is not None:
        assert found.contained is contained
    # The form, the grid and the data checks all follow the same rule.
    assert (overlap_error(D(bill[0]), D(bill[1]), D(other[0]), D(other[1])) is None) is (days is None)
    form = validate_bill(D(bill[0]), D(bill[1]), 1.0, [Bill(D(other[0]), D(other[1]), 1.0)])
    assert (form == []) is (days is None)


def test_one_day_bill_inside_another_is_an_overlap_everywhere() -> None:
    jan = Bill(D("2024-01-01"), D("2024-01-31"), 100.0)
    inside = Bill(D("2024-01-15"), D("2024-01-15"), 5.0)
    errors = validate_bill(inside.start, inside.end, inside.usage, [jan])
    assert [e.code for e in errors] == ["bill_overlap"]
    assert "inside" in errors[0].message_en and errors[0].values["days"] == 1
    on_end = Bill(D("2024-01-31"), D("2024-01-31"), 5.0)
    for extra in (inside, on_end):
        findings = [
            f for f in check_meter(MeterData("Gaz", "natural_gas", "m3", (jan, extra))) if f.code == "overlap"
        ]
        assert len(findings) == 1 and findings[0].start == findings[0].end == extra.start


def test_data_checks_overlap_findings_follow_the_rule() -> None:
    for bill, other, days, _contained in OVERLAPS:
        a = Bill(D(bill[0]), D(bill[1]), 1.0)
        b = Bill(D(other[0]), D(other[1]), 1.0)
        found = [f for f in check_meter(MeterData("Gaz", "natural_gas", "m3", (a, b))) if f.code == "overlap"]
        assert bool(found) is (days is not None), (bill, other)


# --- Unit change of a meter with bills (resources/energy_units.csv) ----------------------------------------------

CONVERSIONS = [
    # (energy type, old unit, new unit, usage, new usage)
    ("electricity_grid", "kWh", "MWh", 273.0, 0.273),
    ("electricity_grid", "MWh", "kWh", 0.273, 273.0),
    ("electricity_grid", "kWh", "GJ", 1000.0, 3.6),
    ("electricity_grid", "kWh", "MWh", 1234.5, 1.2345),
    ("natural_gas", "m3", "GJ", 1000.0, 38.43),
    ("natural_gas", "GJ", "m3", 38.43, 1000.0),
    ("natural_gas", "m3", "kWh", 100.0, 1067.5),
    ("fuel_oil_2", "L", "GJ", 1000.0, 38.8),
    ("propane", "L", "GJ", 100.0, 2.531),
]


@pytest.mark.parametrize(("energy_type", "old", "new", "usage", "expected"), CONVERSIONS)
def test_unit_conversion_table(energy_type: str, old: str, new: str, usage: float, expected: float) -> None:
    plan = plan_unit_change(
        old_energy_type=energy_type, old_unit=old, new_energy_type=energy_type, new_unit=new, bill_count=3
    )
    assert isinstance(plan, UnitConversion)
    assert plan.convert(usage) == pytest.approx(expected, rel=1e-12)


def test_kwh_to_mwh_is_exact() -> None:
    plan = plan_unit_change(
        old_energy_type="electricity_grid",
        old_unit="kWh",
        new_energy_type="electricity_grid",
        new_unit="MWh",
        bill_count=1,
    )
    assert isinstance(plan, UnitConversion) and plan.factor == Decimal("0.001")
    assert plan.convert(273.0) == 0.273 and plan.convert_all([273.0, 1.0]) == [0.273, 0.001]


REFUSALS = [
    # (old type, old unit, new type, new unit, bills, refusal code or None for "nothing to convert")
    ("electricity_grid", "kWh", "electricity_grid", "m3", 3, "unit_change_no_factor"),
    ("electricity_grid", "kWh", "natural_gas", "m3", 3, "unit_change_energy_type"),
    ("electricity_grid", "kWh", "natural_gas", "kWh", 3, "unit_change_energy_type"),
    ("propane", "L", "propane", "cf", 3, "unit_change_factor_not_confirmed"),
    ("propane", "ccf", "propane", "L", 3, "unit_change_factor_not_confirmed"),
    ("electricity_grid", "kWh", "natural_gas", "m3", 0, None),  # no bills: nothing to convert
    ("electricity_grid", "kWh", "electricity_grid", "MWh", 0, None),
    ("electricity_grid", "kWh", "electricity_grid", "kWh", 3, None),  # unit unchanged
]


@pytest.mark.parametrize(("old_type", "old_unit", "new_type", "new_unit", "bills", "code"), REFUSALS)
def test_unit_change_refusals(
    old_type: str, old_unit: str, new_type: str, new_unit: str, bills: int, code: str | None
) -> None:
    plan = plan_unit_change(
        old_energy_type=old_type,
        old_unit=old_unit,
        new_energy_type=new_type,
        new_unit=new_unit,
        bill_count=bills,
    )
    if code is None:
        assert plan is None
        return
    assert isinstance(plan, FieldError) and plan.code == code
    assert plan.field == ("energy_type" if code == "unit_change_energy_type" else "unit")
    assert str(bills) in plan.message_en and str(bills) in plan.message_fr
