"""The rules a bill typed or pasted in the Bills grid must meet, and the reading of a block pasted from a
spreadsheet: dates and numbers by the one rule each (core.dates, core.numbers), ESPM's bill rules (core.validation).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from espm_desktop.core.dates import DateOrder, typed_date_order
from espm_desktop.core.dates import parse_date_text as read_date_text
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import N_, Message, current_language, message
from espm_desktop.core.numbers import DecimalMark, decimal_mark_for, guess_decimal_mark, parse_decimal_text
from espm_desktop.core.types import Bill, BillSource
from espm_desktop.core.validation import validate_bill

START, END, DAYS, USAGE, UNIT, COST, ESTIMATED, SOURCE = range(8)
"""The grid's columns (a pasted problem names the column it is in)."""


def parse_date_text(text: str, order: DateOrder | None = None) -> date | None:
    """A date typed or pasted, by the one date rule (core.dates): '2024-01-31', '31/01/2024', '12/25/2024'; a
    text both orders read is day first (as in Québec) unless `order` (the pasted block's) says otherwise;
    empty → None; else ValueError."""
    return read_date_text(text, order, ambiguous_as=DateOrder.DMY)


def bad_date(text: str) -> FieldError:
    return FieldError(
        "date",
        message(
            "“{text}” is not a date. Type it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-01-31 or 31/01/2024.",
            text=text,
        ),
    )


def bad_number(text: str) -> FieldError:
    return FieldError(
        "number", message("“{text}” is not a number. Type digits, e.g. 1300, 1 300,5 or 1,300.5.", text=text)
    )


def missing(what: Message) -> FieldError:
    """`what` is the whole sentence ("The start date is required."), as French puts the field first."""
    return FieldError("required", what)


def add_one_month(day: date) -> date:
    """The same day one month later, clipped to the month's end (Jan 31 → Feb 29)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_bill_period(bills: Sequence[Bill], today: date | None = None) -> tuple[date, date]:
    """Where a new bill goes: the day after the last bill ends, one month long; else last month."""
    if bills:
        start = max(b.end for b in bills) + timedelta(days=1)
    else:
        first_this_month = (today or date.today()).replace(day=1)
        start = (first_this_month - timedelta(days=1)).replace(day=1)
    return start, add_one_month(start) - timedelta(days=1)


def check_bill(candidate: Bill, others: Sequence[Bill], dates_changed: bool) -> list[FieldError]:
    """ESPM's rules for one bill; overlaps only count when its dates change, so an old overlap never blocks a
    usage fix (the data checks beside the table still report it)."""
    errors = validate_bill(candidate.start, candidate.end, candidate.usage, list(others))
    if not dates_changed:
        errors = [e for e in errors if e.field == "usage"]
    return errors


@dataclass(frozen=True, slots=True)
class PasteProblem:
    """A pasted line that was not saved: its number in the pasted text, the column, the value and the rule."""

    line: int
    column: int
    value: str
    error: FieldError


def parse_pasted_bills(text: str, existing: Sequence[Bill]) -> tuple[list[Bill], list[PasteProblem]]:
    """Rows copied from a spreadsheet (tab-separated: start, end, usage[, cost]); a header line is skipped.

    Each row is checked against the meter's bills and the rows pasted before it.
    """
    accepted: list[Bill] = []
    problems: list[PasteProblem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A paste is one context (core.numbers rule 6, core.dates): its own dates and numbers prove their order and
    # decimal mark, else day first and the language's mark.
    rows = [[c.strip() for c in line.split("\t")] for line in lines if line.strip()]
    order = typed_date_order(c for cells in rows for c in cells[:2])
    mark = guess_decimal_mark(c for cells in rows for c in cells[2:4]) or decimal_mark_for(current_language())
    first = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        is_first, first = first, False
        try:
            parse_date_text(cells[0], order)
        except ValueError:
            if is_first:
                continue  # a header line: 'Start date  End date  Usage'
        if len(cells) < 3 or not any(cells[:3]):
            problems.append(
                PasteProblem(
                    number,
                    START,
                    line.replace("\t", " | "),
                    FieldError(
                        "columns",
                        message(
                            "A pasted row needs start date, end date and usage (and may add the cost), separated "
                            "by tabs as Excel copies them."
                        ),
                    ),
                )
            )
            continue
        bill, problem = _pasted_bill(number, cells, order, mark)
        if problem is not None:
            problems.append(problem)
            continue
        assert bill is not None
        errors = check_bill(bill, [*existing, *accepted], dates_changed=True)
        if errors:
            column = (
                USAGE if errors[0].field == "usage" else (END if errors[0].field == "end_date" else START)
            )
            problems.append(PasteProblem(number, column, cells[column if column != USAGE else 2], errors[0]))
            continue
        accepted.append(bill)
    return accepted, problems


def _pasted_bill(
    number: int, cells: list[str], order: DateOrder | None, mark: DecimalMark
) -> tuple[Bill | None, PasteProblem | None]:
    dates: list[date] = []
    for column, required in (
        (START, N_("The start date is required.")),
        (END, N_("The end date is required.")),
    ):
        text = cells[column]
        try:
            day = parse_date_text(text, order)
        except ValueError:
            return None, PasteProblem(number, column, text, bad_date(text))
        if day is None:
            return None, PasteProblem(number, column, text, missing(message(required)))
        dates.append(day)
    numbers: list[Decimal | None] = []
    for column, cell in ((USAGE, 2), (COST, 3)):
        text = cells[cell] if cell < len(cells) else ""
        try:
            numbers.append(parse_decimal_text(text, mark))
        except ValueError:
            return None, PasteProblem(number, column, text, bad_number(text))
    usage, cost = numbers
    if usage is None:
        return None, PasteProblem(number, USAGE, "", missing(message("The usage is required.")))
    bill = Bill(
        start=dates[0],
        end=dates[1],
        usage=float(usage),
        cost=None if cost is None else cost.quantize(Decimal("0.01")),
        source=BillSource.MANUAL,
    )
    return bill, None
