"""The readers' fast path agrees with the rule, a file's formats are decided by all its rows, CSV files stream.

`RowReader.add` puts a clean row straight into the run's RowStore and hands every other row to
`RowBuilder.build`, the rule: for any cells, what the reader stores must be what the rule builds. A file read once with formats its end
contradicts is read again. A CSV file's rows are read from the file, never all held, and its errors still name
their line.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from espm_desktop.io.bill_fields import Field
from espm_desktop.io.csv_files import HEAD_ROWS, CsvRows, read_csv
from espm_desktop.io.espm_import import ImportFileError, read_bills_file
from espm_desktop.io.import_rows import RowBuilder
from espm_desktop.io.import_types import ImportRow, SkippedRow
from espm_desktop.io.parse_values import DateOrder
from espm_desktop.io.row_reader import ReadRows, RowReader
from espm_desktop.io.row_store import RowStore

TODAY = date(2026, 6, 15)
HEADERS = [
    "Property Name",
    "Portfolio Manager Meter ID",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
    "Estimation?",
    "Meter Consumption ID",
]
COLUMNS = {
    Field.PROPERTY_NAME: 0,
    Field.METER_ID: 1,
    Field.METER_NAME: 2,
    Field.METER_TYPE: 3,
    Field.START: 4,
    Field.END: 5,
    Field.USAGE: 6,
    Field.UNIT: 7,
    Field.COST: 8,
    Field.ESTIMATED: 9,
    Field.CONSUMPTION_ID: 10,
}

CELLS: dict[str, st.SearchStrategy[Any]] = {
    "Property Name": st.sampled_from(["Tour A", " 'Tour A ", "", "Not Available", "P" * 201, None]),
    "Portfolio Manager Meter ID": st.sampled_from([None, "Not Available", 777.0, "'=777", "9" * 21]),
    "Meter Name": st.sampled_from(["Gaz", "Gaz\u00a0 1", "", None]),
    "Meter Type": st.sampled_from(["Natural Gas", "Water", "?", "", "Electric - Grid"]),
    "Start Date": st.one_of(
        st.sampled_from(
            ["2024-01-01", "01/02/2024", "31/01/2024", "2024-13-01", "Not Available", "45000", None]
        ),
        st.dates(min_value=date(1899, 1, 1), max_value=date(2028, 1, 1)),
        st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2027, 1, 1)),
    ),
    "End Date": st.one_of(
        st.sampled_from(["2024-01-31", "02/03/2024", "2024-02-30", "", None]),
        st.dates(min_value=date(1899, 1, 1), max_value=date(2028, 1, 1)),
    ),
    "Usage/Quantity": st.one_of(
        st.sampled_from(["100", "1,234", "1 234,5", "-5", "NaN", "1e5", "", "Not Available", "'-5"]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-5, max_value=10**20),
        st.text(alphabet="0123456789.,- $", max_size=10),
    ),
    "Usage Units": st.sampled_from(["cm (cubic meters)", "GJ", "kWh (thousand Watt-hours)", "?", ""]),
    "Cost ($)": st.one_of(
        st.sampled_from(["12.50", "", "Not Available", "(4,5)", "999999999999.999999", "1e12", None, True]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(alphabet="0123456789.,-", max_size=18),
    ),
    "Estimation?": st.sampled_from(["Yes", "No", "", None, "peut-être", 1.0, True]),
    "Meter Consumption ID": st.sampled_from(
        [None, "", "Not Available", "809588892", 809588892.0, "A-1", "0012"]
    ),
}


def _builder(**options: Any) -> RowBuilder:
    options.setdefault("date_order", DateOrder.DMY)
    options.setdefault("decimal_comma", True)
    return RowBuilder(
        file="bills.csv", sheet="bills", columns=COLUMNS, headers=HEADERS, today=TODAY, **options
    )


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=6),
    unquote=st.booleans(),
    skip=st.booleans(),
    short=st.integers(min_value=0, max_value=3),
    order=st.sampled_from([DateOrder.DMY, DateOrder.MDY, None]),
    comma=st.sampled_from([True, False, None]),
)
def test_the_fast_path_stores_what_the_rule_builds(
    rows: list[dict[str, Any]],
    unquote: bool,
    skip: bool,
    short: int,
    order: DateOrder | None,
    comma: bool | None,
) -> None:
    options: dict[str, Any] = {"unquote": unquote, "skip_existing_entries": skip, "date_order": order}
    rule = _builder(decimal_comma=comma, **options)
    fast = _builder(decimal_comma=comma, **options)
    out = ReadRows()
    reader = RowReader(fast, out)
    expected = ReadRows()
    for number, cells in enumerate(rows, start=2):
        row = [cells[h] for h in HEADERS][: len(HEADERS) - short]  # a short CSV line lacks its last cells
        result = rule.build(list(row), number)
        if isinstance(result, ImportRow):
            expected.rows.append(result)
        elif isinstance(result, SkippedRow):
            expected.skipped.append(result)
        else:
            expected.errors.extend(result)
        reader.add(list(row), number)
    assert list(out.rows) == list(expected.rows)
    assert out.errors == expected.errors and out.skipped == expected.skipped


def test_a_store_gives_back_the_rows_made_by_other_means() -> None:
    store = RowStore()
    built = _builder().build(
        [
            "Tour A",
            5766973.0,
            "Gaz",
            "Natural Gas",
            "01/02/2024",
            "28/02/2024",
            "1 234,5",
            "GJ",
            "12,345678901234567",
            "Oui",
            "0012",
        ],
        7,
    )
    assert isinstance(built, ImportRow)
    store.append(built)
    assert store[0] == built and store[-1:] == [built] and store == [built]
    assert (built.cost, built.consumption_id, built.meter_espm_id) == (
        Decimal("12.345678901234567"),
        "0012",
        "5766973",
    )


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(
            ["Property Name", "Meter Type", "Start Date", "End Date", "Usage/Quantity", "Usage Units"]
        )
        writer.writerows(rows)
    return path


def test_dates_read_before_the_file_proves_its_order_are_read_again(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mdy.csv",
        [
            ["Tour A", "Natural Gas", "01/02/2024", "01/03/2024", "10", "GJ"],  # both orders read these
            ["Tour A", "Natural Gas", "01/15/2024", "01/20/2024", "10", "GJ"],  # month first, proved
        ],
    )
    batch = read_bills_file(path)
    assert batch.date_order is DateOrder.MDY
    assert [(r.start, r.end) for r in batch.rows] == [
        (date(2024, 1, 2), date(2024, 1, 3)),
        (date(2024, 1, 15), date(2024, 1, 20)),
    ]


def test_a_csv_file_is_streamed_and_its_bad_line_named(tmp_path: Path) -> None:
    rows = [
        ["Tour A", "Natural Gas", f"2020-01-{d:02d}", f"2020-01-{d:02d}", "1", "GJ"] for d in range(1, 29)
    ]
    path = _write(tmp_path / "long.csv", rows * 5)
    table = read_csv(path)
    (sheet,) = table.sheets
    assert isinstance(sheet.rows, CsvRows) and len(sheet.rows.head) == HEAD_ROWS
    assert sum(1 for _ in sheet.rows) == 141 and sheet.rows[140][2] == "2020-01-28"
    with path.open("a", encoding="utf-8", newline="") as fh:
        fh.write('Tour A,Natural Gas,2020-02-01,2020-02-01,"1,GJ\n' + "x" * 200_000 + "\n")
    with pytest.raises(ImportFileError) as info:
        read_bills_file(path)
    assert "Line 143" in info.value.message_en  # the quoted cell runs from line 142 into 143


def test_a_semicolon_file_reads_decimal_commas(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "fr.csv", [["Tour A", "Natural Gas", "2024-01-01", "2024-01-31", "1,234", "GJ"]], ";"
    )
    batch = read_bills_file(path)
    assert (batch.decimal_comma, batch.rows[0].usage) == (True, 1.234)
