"""One rule for numbers and one for dates: the same text means the same value in a form, a paste and an import.

Each table row goes through the three entry points a person uses — a form field (ui.forms.parse_form_number,
FormDateEdit's reader), a paste into the bills grid (ui.bills_model.parse_pasted_bills) and a CSV file imported
(io.espm_import.read_bills_file) — in the person's language, and each must give the row's value (or refuse the
text). The rules themselves are stated in core.numbers (the decimal mark) and core.dates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from espm_desktop.core import i18n
from espm_desktop.core.dates import DateOrder
from espm_desktop.core.numbers import DecimalMark, decimal_mark_for, parse_decimal_text
from espm_desktop.io.espm_import import AmbiguousDateFormat, read_bills_file
from espm_desktop.ui.bills_model import parse_date_text, parse_pasted_bills
from espm_desktop.ui.forms import parse_form_number

HEADERS = [
    "Property Name",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
]

# (language, text, the number it is; None: no number)
NUMBERS: list[tuple[str, str, float | None]] = [
    ("en", "1234", 1234),
    ("fr", "1234", 1234),
    ("en", "1,234", 1234),  # the ambiguous text: the language's mark decides
    ("fr", "1,234", 1.234),
    ("en", "1.234", 1.234),
    ("fr", "1.234", 1234),
    ("en", "12,500", 12500),
    ("fr", "12,500", 12.5),
    ("en", "1,5", 1.5),  # a comma before one or two digits is a decimal mark in any language
    ("fr", "1,5", 1.5),
    ("en", "1,25", 1.25),
    ("fr", "1.5", 1.5),
    ("en", "0,250", 0.25),  # a lone 0 never groups thousands
    ("fr", "0.250", 0.25),
    ("en", "1234,567", 1234.567),  # four digits before: not a thousands group
    ("fr", "1 234,5", 1234.5),
    ("en", "1 234,5", 1234.5),
    ("en", "1\u00a0234,56", 1234.56),
    ("fr", "1\u202f234,56", 1234.56),
    ("en", "1,234.5", 1234.5),  # both marks: the last one is the decimal mark
    ("fr", "1,234.5", 1234.5),
    ("en", "1.234,5", 1234.5),
    ("fr", "1.234,5", 1234.5),
    ("en", "1,234,567", 1234567),  # one mark repeated groups thousands
    ("fr", "1.234.567", 1234567),
    ("en", "$1,200", 1200),
    ("fr", "1 200 $", 1200),
    ("en", "1.5E+3", 1500),  # scientific notation, as spreadsheets write big and small numbers
    ("fr", "2e-4", 0.0002),
    ("en", "1,2,3", None),
    ("fr", "1,23,456", None),
    ("en", "1.234,5,6", None),
    ("fr", "douze", None),
    ("en", "12a", None),
]


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    before = i18n.current_language()
    yield
    i18n.set_language(before)


def _csv(path: Path, start: str, end: str, usage: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerow(["Tour A", "Gaz", "Natural Gas", start, end, usage, "cm (cubic meters)"])
    return path


def _form(language: str, text: str) -> float | None:
    try:
        value = parse_form_number(text, language)
    except ValueError:
        return None
    return None if value is None else float(value)


def _paste(language: str, text: str) -> float | None:
    i18n.set_language(language)
    bills, problems = parse_pasted_bills(f"2024-01-01\t2024-01-31\t{text}", [])
    assert len(bills) + len(problems) == 1
    return bills[0].usage if bills else None


def _import(language: str, text: str, tmp_path: Path) -> float | None:
    i18n.set_language(language)
    batch = read_bills_file(_csv(tmp_path / "bills.csv", "2024-01-01", "2024-01-31", text))
    assert len(batch.rows) + len({e.row for e in batch.errors}) == 1
    return batch.rows[0].usage if batch.rows else None


@pytest.mark.parametrize(
    ("language", "text", "expected"), NUMBERS, ids=[f"{lang}:{t}" for lang, t, _ in NUMBERS]
)
def test_a_number_is_the_same_in_a_form_a_paste_and_an_import(
    language: str, text: str, expected: float | None, tmp_path: Path
) -> None:
    found = {
        "form": _form(language, text),
        "paste": _paste(language, text),
        "import": _import(language, text, tmp_path),
    }
    assert found == dict.fromkeys(found, expected if expected is None else pytest.approx(expected))


def test_the_context_shows_its_mark_before_the_language_decides(tmp_path: Path) -> None:
    """A paste or a file whose other numbers show a mark reads an ambiguous one with it (rule 6)."""
    i18n.set_language("en")
    bills, _ = parse_pasted_bills("2024-01-01\t2024-01-31\t1,234\n2024-02-01\t2024-02-29\t2,5", [])
    assert [b.usage for b in bills] == [1.234, 2.5]
    path = tmp_path / "bills.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerow(["Tour A", "Gaz", "Natural Gas", "2024-01-01", "2024-01-31", "1,234", "m3"])
        writer.writerow(["Tour A", "Gaz", "Natural Gas", "2024-02-01", "2024-02-29", "2,5", "m3"])
    assert [r.usage for r in read_bills_file(path).rows] == [1.234, 2.5]
    # The file decided after its first row was read: that row is read again with the file's mark.
    assert [r.usage for r in read_bills_file(path, decimal_mark=DecimalMark.POINT).rows] == [1.234, 2.5]


def test_the_shared_function_is_the_rule() -> None:
    assert parse_decimal_text("1,234", decimal_mark_for("fr")) == Decimal("1.234")
    assert parse_decimal_text("1,234", decimal_mark_for("en")) == Decimal("1234")
    assert parse_decimal_text("  ") is None


# (text, the date it is; None: no date). Forms and pastes assume day first for a text both orders read; an
# import asks, and the person's choice here is day first too.
DATES: list[tuple[str, date | None]] = [
    ("2024-01-31", date(2024, 1, 31)),
    ("2024/01/31", date(2024, 1, 31)),
    ("2024.1.31", date(2024, 1, 31)),
    ("2024-01-31 00:00:00", date(2024, 1, 31)),
    ("31/01/2024", date(2024, 1, 31)),
    ("31-01-2024", date(2024, 1, 31)),
    ("31.1.2024", date(2024, 1, 31)),
    ("12/25/2023", date(2023, 12, 25)),  # the text proves month first
    ("03/04/2024", date(2024, 4, 3)),  # both orders read it: day first
    ("05/05/2024", date(2024, 5, 5)),
    ("45000", date(2023, 3, 15)),  # an Excel serial day, as a General cell shows a date
    ("2024-02-30", None),
    ("31/02/2024", None),
    ("13/13/2024", None),
    ("hier", None),
]


def _import_date(text: str, tmp_path: Path) -> date | None:
    path = _csv(tmp_path / "dates.csv", text, text, "10")
    try:
        batch = read_bills_file(path)
    except AmbiguousDateFormat:
        batch = read_bills_file(path, date_order=DateOrder.DMY)
    return batch.rows[0].start if batch.rows else None


def _form_date(text: str) -> date | None:
    try:
        return parse_date_text(text)
    except ValueError:
        return None


def _paste_date(text: str) -> date | None:
    bills, _ = parse_pasted_bills(f"Start\tEnd\tUsage\n{text}\t{text}\t10", [])
    return bills[0].start if bills else None


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_a_date_is_the_same_in_a_form_a_paste_and_an_import(
    text: str, expected: date | None, tmp_path: Path
) -> None:
    found = {"form": _form_date(text), "paste": _paste_date(text), "import": _import_date(text, tmp_path)}
    assert found == dict.fromkeys(found, expected)


def test_a_paste_and_a_file_prove_their_order_with_their_own_dates(tmp_path: Path) -> None:
    bills, _ = parse_pasted_bills("03/01/2024\t03/31/2024\t10\n04/01/2024\t04/30/2024\t10", [])
    assert [b.start for b in bills] == [date(2024, 3, 1), date(2024, 4, 1)]
    path = tmp_path / "mdy.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerow(["Tour A", "Gaz", "Natural Gas", "03/01/2024", "03/31/2024", "10", "m3"])
        writer.writerow(["Tour A", "Gaz", "Natural Gas", "04/01/2024", "04/30/2024", "10", "m3"])
    assert [r.start for r in read_bills_file(path).rows] == [date(2024, 3, 1), date(2024, 4, 1)]
