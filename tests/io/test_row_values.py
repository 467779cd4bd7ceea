"""Every value of a bill row is checked before it can be matched or stored, and the row is named.

Table-driven: one bad (or borderline) cell per case through the real RowBuilder; then a row with several
bad cells (counted once); then property-based fuzzing of the row conversion and the plan.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from espm_desktop.app.bill_import import ConflictChoice, ImportPlan, preview_import
from espm_desktop.db import models
from espm_desktop.io.import_rows import Field, RowBuilder, row_value_errors
from espm_desktop.io.import_types import FileKind, ImportBatch, ImportRow, RowError
from espm_desktop.io.parse_values import (
    COST_MAX,
    NAME_MAX_CHARS,
    USAGE_MAX,
    DateBounds,
    normalise_name,
)

TODAY = date(2026, 6, 15)
HEADERS = [
    "Property Name",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
    "Portfolio Manager ID",
]
COLUMN = {name: i for i, name in enumerate(HEADERS)}
FIELDS = {
    Field.PROPERTY_NAME: 0,
    Field.METER_NAME: 1,
    Field.METER_TYPE: 2,
    Field.START: 3,
    Field.END: 4,
    Field.USAGE: 5,
    Field.UNIT: 6,
    Field.COST: 7,
    Field.PROPERTY_ID: 8,
}
GOOD: dict[str, Any] = {
    "Property Name": "Tour A",
    "Meter Name": "Gaz",
    "Meter Type": "Natural Gas",
    "Start Date": "2023-01-01",
    "End Date": "2023-01-31",
    "Usage/Quantity": "100",
    "Usage Units": "cm (cubic meters)",
    "Cost ($)": "12.50",
    "Portfolio Manager ID": None,
}


def _builder(today: date = TODAY) -> RowBuilder:
    return RowBuilder(file="bills.csv", sheet="bills", columns=FIELDS, headers=HEADERS, today=today)


def _build(today: date = TODAY, **cells: Any) -> ImportRow | list[RowError]:
    values = dict(GOOD)
    values.update({k.replace("_", " "): v for k, v in cells.items()})
    row = [values[h] for h in HEADERS]
    result = _builder(today).build(row, 7)
    assert not isinstance(result, list) or all(isinstance(e, RowError) for e in result)
    assert isinstance(result, ImportRow | list)
    return result


def _cells(column: str, value: Any) -> dict[str, Any]:
    return {column.replace(" ", "_"): value}


LONG_200 = "B" * 200
LONG_201 = "B" * 201

# (column, cell value, words the refusal must contain, or None when the row is accepted)
CASES: list[tuple[str, Any, str | None]] = [
    ("Usage/Quantity", "NaN", "not a number"),
    ("Usage/Quantity", "nan", "not a number"),
    ("Usage/Quantity", "inf", "not a number"),
    ("Usage/Quantity", "-inf", "not a number"),
    ("Usage/Quantity", "1e400", "not a finite number"),  # scientific notation is read: 1e400 is inf
    ("Usage/Quantity", float("nan"), "not a finite number"),
    ("Usage/Quantity", float("inf"), "not a finite number"),
    ("Usage/Quantity", float("-inf"), "not a finite number"),
    ("Usage/Quantity", float("1e400"), "not a finite number"),  # an xlsx cell beyond float: inf
    ("Usage/Quantity", 10**400, "not a finite number"),  # an int cell float() cannot hold
    ("Usage/Quantity", "9" * 400, "not a finite number"),  # 400 digits of text overflow to inf
    ("Usage/Quantity", 1e16, "beyond the largest accepted, 1e+15"),
    ("Usage/Quantity", "10000000000000000", "beyond the largest accepted"),
    ("Usage/Quantity", 1e15, None),
    ("Usage/Quantity", -1.0, "cannot be negative"),
    ("Usage/Quantity", 0.0, None),
    ("Cost ($)", float("nan"), "not a finite number"),
    ("Cost ($)", "inf", "not a number"),
    ("Cost ($)", float("-inf"), "not a finite number"),
    ("Cost ($)", 1e12, "beyond the largest the database holds"),
    ("Cost ($)", "-1 000 000 000 000,00", "beyond the largest the database holds"),
    ("Cost ($)", "999999999999.99", None),
    ("Cost ($)", "-45.10", None),  # a credit
    ("Start Date", "0001-01-01", "before 1900-01-01"),
    ("Start Date", date(1, 1, 1), "before 1900-01-01"),
    ("Start Date", "1899-12-31", "before 1900-01-01"),
    ("Start Date", "1900-01-01", None),
    ("End Date", "9999-12-31", "more than 365 days in the future"),
    ("End Date", datetime(9999, 12, 31), "more than 365 days in the future"),
    ("End Date", (TODAY + timedelta(days=366)).isoformat(), "after 2027-06-15"),
    ("End Date", (TODAY + timedelta(days=365)).isoformat(), None),
    ("Property Name", LONG_200, None),
    ("Property Name", LONG_201, "201 characters long; the database holds at most 200"),
    ("Meter Name", LONG_201, "meter name is 201 characters"),
    ("Meter Name", "M" * 250, "250 characters"),
    ("Portfolio Manager ID", "9" * 21, "at most 20"),
]


@pytest.mark.parametrize(("column", "value", "refusal"), CASES, ids=[f"{c}={v!r:.30}" for c, v, _ in CASES])
def test_each_value_is_checked_and_the_row_named(column: str, value: Any, refusal: str | None) -> None:
    result = _build(**_cells(column, value))
    if refusal is None:
        assert isinstance(result, ImportRow), result
        return
    assert isinstance(result, list), result
    (error,) = result
    assert (error.file, error.sheet, error.row, error.column) == ("bills.csv", "bills", 7, column)
    assert refusal in error.reason_en, error.reason_en
    assert error.reason_fr and error.reason_fr != error.reason_en
    message = error.message("en")
    assert "bills.csv" in message and "row 7" in message and column in message


def test_the_date_limit_follows_today() -> None:
    later = _build(today=TODAY + timedelta(days=1), End_Date=(TODAY + timedelta(days=366)).isoformat())
    assert isinstance(later, ImportRow)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("'Tour A", "Tour A"),  # the apostrophe Excel uses to force text
        ("  Tour   A \t", "Tour A"),  # surrounding whitespace and inner runs
        ("Tour\u00a0A", "Tour A"),  # a no-break space
        ("Tour A\n", "Tour A"),
        (unicodedata.normalize("NFD", "Château Frontenac"), "Château Frontenac"),  # NFD accents become NFC
        ("' Siège social ", "Siège social"),
    ],
)
def test_names_are_normalised_once(written: str, stored: str) -> None:
    result = _build(Property_Name=written, Meter_Name=written)
    assert isinstance(result, ImportRow)
    assert result.property_name == result.property_key == stored
    assert result.meter_name == stored
    assert unicodedata.is_normalized("NFC", result.property_name)
    assert normalise_name(written) == stored


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(["a", "é", "e", "\u0301", " ", "'", "\t", "\n", "\u00a0", "\u2000", "Å"])
    )
)
def test_normalising_a_name_twice_changes_nothing(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
    assert unicodedata.is_normalized("NFC", once) and once == once.strip() and not once.startswith("'")


def test_a_name_at_the_limit_after_normalisation_is_accepted() -> None:
    padded = "  '" + LONG_200 + "   "
    result = _build(Property_Name=padded)
    assert isinstance(result, ImportRow) and result.property_name == LONG_200


def test_several_bad_cells_make_one_invalid_row() -> None:
    row = dict(GOOD)
    row.update({"Usage/Quantity": "NaN", "Start Date": "0001-01-01", "Cost ($)": float("inf")})
    batch = ImportBatch(file="bills.csv", kind=FileKind.GENERIC)
    builder = _builder()
    for number, cells in ((2, row), (3, GOOD)):
        result = builder.build([cells[h] for h in HEADERS], number)
        if isinstance(result, list):
            batch.errors.extend(result)
        else:
            assert isinstance(result, ImportRow)
            batch.rows.append(result)
    assert [(e.row, e.column) for e in batch.errors] == [
        (2, "Start Date"),
        (2, "Usage/Quantity"),
        (2, "Cost ($)"),
    ]
    engine = _memory_engine()
    plan = preview_import(engine, [batch], today=TODAY)
    summary = plan.summary()
    assert (summary["invalid"], summary["new_bills"], len(summary["errors"])) == (1, 1, 3)


# --------------------------------------------------------------------------------------- plan-level check


def _row(**values: Any) -> ImportRow:
    base: dict[str, Any] = {
        "file": "made.csv",
        "sheet": "made",
        "row_number": 4,
        "property_key": "Tour A",
        "property_name": "Tour A",
        "meter_key": "Gaz|natural_gas",
        "meter_name": "Gaz",
        "energy_type": "natural_gas",
        "unit": "m3",
        "start": date(2023, 1, 1),
        "end": date(2023, 1, 31),
        "usage": 10.0,
        "cost": None,
    }
    base.update(values)
    return ImportRow(**base)


def test_rows_made_by_other_means_are_checked_by_the_plan_before_matching() -> None:
    engine = _memory_engine()
    rows = [
        _row(row_number=2, usage=math.nan),
        _row(row_number=3, usage=math.inf, cost=Decimal("NaN")),
        _row(row_number=4, start=date(1, 1, 1), end=date(9999, 12, 31)),
        _row(row_number=5, property_key="P" * 250, property_name="P" * 250),
        _row(row_number=6, cost=Decimal("1e12")),
        _row(row_number=7, property_key="  'Tour  A ", property_name="  'Tour  A "),
    ]
    batch = ImportBatch(file="made.csv", kind=FileKind.GENERIC, rows=rows)
    plan = preview_import(engine, [batch], today=TODAY)
    assert plan.invalid_rows == 5
    assert [(e.row, e.column) for e in plan.errors] == [
        (2, "Usage"),
        (3, "Usage"),
        (3, "Cost ($)"),
        (4, "Start date"),
        (4, "End date"),
        (5, "Property name"),
        (6, "Cost ($)"),
    ]
    assert "250 characters" in plan.errors[5].reason_en and "200" in plan.errors[5].reason_en
    (bill,) = plan.bills
    assert (bill.row.row_number, bill.meter.prop.name, bill.usage) == (7, "Tour A", 10.0)
    assert not plan.new_properties[1:]  # the 250-character name made no property
    assert row_value_errors(rows[5], DateBounds.around(TODAY)) == []


# ------------------------------------------------------------------------------------------- fuzzing


def _memory_engine() -> Engine:
    engine = create_engine("sqlite://")
    from espm_desktop.db.base import schema_metadata

    schema_metadata().create_all(engine)
    return engine


_FUZZ_ENGINE: Engine | None = None


def _seeded_engine() -> Engine:
    """One in-memory database for every example: Tour A / Gaz with bills stored for January to June
    2023, so that rows for those periods become duplicates or conflicts. Previews only read it."""
    global _FUZZ_ENGINE
    if _FUZZ_ENGINE is None:
        _FUZZ_ENGINE = _memory_engine()
        with Session(_FUZZ_ENGINE) as s, s.begin():
            prop = models.Property(name="Tour A")
            s.add(prop)
            s.flush()
            meter = models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3")
            s.add(meter)
            s.flush()
            for month in range(1, 7):  # the year's second half is new: rows there plan bills
                start = date(2023, month, 1)
                end = date(2023 + month // 12, month % 12 + 1, 1) - timedelta(days=1)
                s.add(
                    models.BillRecord(
                        meter_id=meter.id, start_date=start, end_date=end, usage=100.0, cost=Decimal("10")
                    )
                )
    return _FUZZ_ENGINE


WILD_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=2e15),
    st.integers(min_value=-(10**20), max_value=10**400),
    st.sampled_from(["NaN", "nan", "inf", "-inf", "1e400", "1 234,5", "12.30", "", "Not Available"]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=12),
)
TAME_NUMBERS = st.one_of(st.sampled_from([100.0, 100, "100", 120.5]), st.floats(min_value=0, max_value=1e6))
WILD_DATES = st.one_of(
    st.dates(),
    st.dates().map(date.isoformat),
    st.datetimes(),
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "31/02/2020", "45000", (TODAY + timedelta(days=366)).isoformat()]
    ),
)
WILD_NAMES = st.one_of(
    st.text(max_size=30),
    st.text(
        alphabet=st.sampled_from(["a", "é", " ", "'", "\u0301", "\t", "\u00a0"]), min_size=195, max_size=210
    ),
)
TAME_PROPERTIES = st.sampled_from(["Tour A", " tour a ", "'Tour A", "Tour\u00a0A", "Tour B"])
TAME_METERS = st.sampled_from(["Gaz", "Gaz ", "'gaz", unicodedata.normalize("NFD", "Gaz é"), "Gaz é"])


WILD: dict[str, st.SearchStrategy[Any]] = {
    "Property Name": WILD_NAMES,
    "Meter Name": WILD_NAMES,
    "Meter Type": st.sampled_from(["Water", "?", ""]),
    "Start Date": WILD_DATES,
    "End Date": WILD_DATES,
    "Usage/Quantity": WILD_NUMBERS,
    "Usage Units": st.sampled_from(["GJ", "?", "kWh (thousand Watt-hours)"]),
    "Cost ($)": WILD_NUMBERS,
    "Portfolio Manager ID": st.sampled_from(["777", "'777", "9" * 25, " "]),
}


@st.composite
def bill_cells(draw: st.DrawFn) -> dict[str, Any]:
    """One row's cells: a plausible 2023 gas bill with none, one or several fields drawn from anything."""
    month = draw(st.integers(1, 12))
    start = date(2023, month, 1)
    end = date(2023 + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    cells: dict[str, Any] = {
        "Property Name": draw(TAME_PROPERTIES),
        "Meter Name": draw(TAME_METERS),
        "Meter Type": "Natural Gas",
        "Start Date": draw(st.sampled_from([start, start.isoformat()])),
        "End Date": draw(st.sampled_from([end, end.isoformat()])),
        "Usage/Quantity": draw(TAME_NUMBERS),
        "Usage Units": "cm (cubic meters)",
        "Cost ($)": draw(st.sampled_from([None, "10", 10.0, "12.34", 1e11])),
        "Portfolio Manager ID": None,
    }
    # Half the rows stay plausible (they reach matching, duplicates and conflicts); the others go wild.
    wild = draw(st.one_of(st.just([]), st.lists(st.sampled_from(sorted(WILD)), min_size=1, max_size=9)))
    for column in wild:
        cells[column] = draw(WILD[column])
    return cells


ROWS = st.lists(bill_cells(), min_size=1, max_size=8)


def _assert_plan_is_clean(plan: ImportPlan) -> None:
    bounds = DateBounds.around(TODAY)
    planned = [(b.meter, b.row, b.usage) for b in plan.bills] + [
        (b.meter, b.row, b.usage) for b in plan.replaced
    ]
    for meter, row, usage in planned:
        assert math.isfinite(usage) and 0 <= usage <= USAGE_MAX
        assert row.cost is None or (row.cost.is_finite() and -COST_MAX < row.cost < COST_MAX)
        assert bounds.earliest <= row.start <= row.end <= bounds.latest
        for name in (meter.name, meter.prop.name):
            assert name == normalise_name(name) and len(name) <= NAME_MAX_CHARS
            assert unicodedata.is_normalized("NFC", name)
    for conflict in plan.conflicts:
        assert math.isfinite(conflict.file_usage)
    summary = plan.summary()
    assert summary["invalid"] == len({(e["file"], e["sheet"], e["row"]) for e in summary["errors"]})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ROWS, choice=st.sampled_from(list(ConflictChoice)))
def test_fuzzed_rows_never_raise_and_plan_only_clean_bills(
    rows: list[dict[str, Any]], choice: ConflictChoice
) -> None:
    builder = _builder()
    batch = ImportBatch(file="fuzz.csv", kind=FileKind.GENERIC)
    for number, cells in enumerate(rows, start=2):
        result = builder.build([cells[h] for h in HEADERS], number)
        if isinstance(result, ImportRow):
            batch.rows.append(result)
        elif isinstance(result, list):
            assert result and all(e.row == number and e.reason_en and e.reason_fr for e in result)
            batch.errors.extend(result)
        else:
            batch.skipped.append(result)
    plan = preview_import(_seeded_engine(), [batch], on_conflict=choice, today=TODAY)
    _assert_plan_is_clean(plan)
    event("some bills planned" if plan.bills else "no bill planned")
    event("a conflict" if plan.conflicts else "no conflict")


@pytest.fixture(autouse=True, scope="module")
def _dispose_fuzz_engine() -> Iterator[None]:
    yield
    global _FUZZ_ENGINE
    if _FUZZ_ENGINE is not None:
        _FUZZ_ENGINE.dispose()
        _FUZZ_ENGINE = None
