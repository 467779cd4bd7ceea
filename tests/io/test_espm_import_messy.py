"""Generated messy sheets written to real xlsx/CSV files: every valid row arrives, every bad row is reported."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from espm_desktop.io.espm_import import DateOrder, read_bills_file

NBSP = "\u00a0"
COLUMNS = [
    "Property Name",
    "Portfolio Manager ID",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
    "Junk",
]


@st.composite
def bill_rows(draw: st.DrawFn) -> dict[str, Any]:
    # Bills may end at most a year after today (parse_values.LATEST_BILL_DAYS_AHEAD): stay in the past.
    start = draw(st.dates(min_value=date(2005, 1, 1), max_value=date(2024, 12, 1)))
    end = start + timedelta(days=draw(st.integers(0, 40)))
    usage = draw(st.integers(0, 10_000_000)) / 10
    bad = draw(st.sampled_from([None, None, None, "usage", "start", "unit", "order"]))
    return {
        "start": start,
        "end": end,
        "usage": usage,
        "bad": bad,
        "date_style": draw(st.sampled_from(["cell", "iso", "dmy", "serial"])),
        "num_style": draw(st.sampled_from(["cell", "en", "fr", "nbsp"])),
        "junk": draw(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8)),
        "blank_before": draw(st.booleans()),
    }


def _date(value: date, style: str, is_csv: bool) -> Any:
    if style == "iso" or (style == "cell" and is_csv):
        return value.isoformat()
    if style == "dmy":
        return value.strftime("%d/%m/%Y")
    if style == "serial":
        return str((value - date(1899, 12, 30)).days) if is_csv else float((value - date(1899, 12, 30)).days)
    return value


def _number(value: float, style: str, is_csv: bool) -> Any:
    whole, frac = divmod(round(value * 10), 10)
    grouped = f"{whole:,}"
    if style == "en":
        return f"{grouped}.{frac}"
    if style == "fr":
        return f"{grouped.replace(',', ' ')},{frac}"
    if style == "nbsp":
        return grouped.replace(",", NBSP) + f",{frac} $"
    return repr(value) if is_csv else value


def write_messy_file(
    folder: Path, rows: list[dict[str, Any]], order: list[str], is_csv: bool, title_rows: int
) -> tuple[Path, set[tuple[int, date, date, float]], set[int]]:
    """Write the generated rows as a real file; returns it with the valid rows and the bad row numbers."""
    table: list[list[Any]] = [[f"Title {i}"] for i in range(title_rows)]
    table.append(list(order))
    valid: set[tuple[int, date, date, float]] = set()
    invalid: set[int] = set()
    for r in rows:
        if r["blank_before"]:
            table.append([])
        values: dict[str, Any] = {
            "Property Name": "Siège",
            "Portfolio Manager ID": 42,
            "Meter Name": "Gaz",
            "Meter Type": "Natural Gas",
            "Start Date": _date(r["start"], r["date_style"], is_csv),
            "End Date": _date(r["end"], r["date_style"], is_csv),
            "Usage/Quantity": _number(r["usage"], r["num_style"], is_csv),
            "Usage Units": "cm (cubic meters)",
            "Cost ($)": "Not Available",
            "Junk": r["junk"],
        }
        start, end = r["start"], r["end"]
        if r["bad"] == "usage":
            values["Usage/Quantity"] = "n/d kWh"
        elif r["bad"] == "start":
            values["Start Date"] = "31/02/2020"
        elif r["bad"] == "unit":
            values["Usage Units"] = "furlongs"
        elif r["bad"] == "order":
            start, end = end + timedelta(days=1), end
            values["Start Date"] = _date(start, r["date_style"], is_csv)
        table.append([values[c] for c in order])
        number = len(table)
        if r["bad"]:
            invalid.add(number)
        else:
            valid.add((number, start, end, r["usage"]))
    path = folder / ("messy.csv" if is_csv else "messy.xlsx")
    if is_csv:
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(table)
    else:
        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws.title = "Meter Entries"
        for row in table:
            ws.append(row)
        book.save(path)
    return path, valid, invalid


MESSY_SHEETS = {
    "rows": st.lists(bill_rows(), min_size=1, max_size=25),
    "order": st.permutations(COLUMNS),
    "is_csv": st.booleans(),
    "title_rows": st.integers(0, 4),
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**MESSY_SHEETS)
def test_messy_sheet(rows: list[dict[str, Any]], order: list[str], is_csv: bool, title_rows: int) -> None:
    with TemporaryDirectory() as tmp:
        path, valid, invalid = write_messy_file(Path(tmp), rows, order, is_csv, title_rows)
        batch = read_bills_file(path, date_order=DateOrder.DMY)
    assert {(r.row_number, r.start, r.end, r.usage) for r in batch.rows} == valid
    assert {e.row for e in batch.errors} == invalid
    assert all(
        r.energy_type == "natural_gas" and r.unit == "m3" and r.property_key == "42" for r in batch.rows
    )
