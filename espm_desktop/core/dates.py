"""Dates as people type, paste and import them: the one date rule (`parse_date_text`) and the day/month order.

A date text is read the same way in a form, the bills grid, a paste and an imported file:
- ISO order, year first: 2024-01-31, 2024/01/31, 2024.01.31 (a time after it is ignored: Excel copies
  '2024-01-31 00:00:00');
- day and month first, year last (31/01/2024, 31-01-2024, 31.1.2024; a time and AM/PM after it ignored), in the
  order the context's dates prove (`guess_date_order`: a first number above 12 is a day, a second one above 12
  is a day): a file's dates, a pasted block's, or the one text typed in a field. A text both orders read
  (03/04/2021) takes the context's proven order, else the order the context assumes: a form, the grid and a
  paste assume day first, as Québec writes; an import assumes nothing and asks the person (AmbiguousDateFormat);
- an Excel serial day number, 5 digits (44259 = 2021-03-04), as a spreadsheet's General format shows a date.
Empty text is no date (None): whether it may be empty is the caller's rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from espm_desktop.core.i18n import message
from espm_desktop.core.text_values import TextValueError


class DateOrder(StrEnum):
    """How a context writes day and month in dates like 03/04/2021."""

    DMY = "dmy"
    MDY = "mdy"


@dataclass(frozen=True, slots=True)
class DateOrderGuess:
    """What some slash dates say about their order: a decided order, or None with ambiguous examples."""

    order: DateOrder | None
    ambiguous_examples: tuple[str, ...] = ()
    conflicting: bool = False


EXCEL_EPOCH = date(1899, 12, 30)
"""Excel's day 0 (the 1900 system with its phantom 29 Feb 1900: serial 60); serials before 61 are no bill's."""
SERIAL_MIN, SERIAL_MAX = 61, 2958465

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_MONTH = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?"
)
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")


def day_month_parts(text: str) -> tuple[int, int, int] | None:
    """(first, second, year) of a '03/04/2021' text, or None when it is not written day/month first."""
    m = _DAY_MONTH.fullmatch(text.strip())
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def guess_date_order(values: Iterable[object]) -> DateOrderGuess:
    """Decide DD/MM vs MM/DD from every day/month text date of one context (other values tell nothing).

    A first number above 12 proves day first, a second number above 12 proves month first; a context where no
    date decides (every one like 03/04/2021) is ambiguous, and both proofs together conflict.
    """
    tally = DateOrderTally()
    for value in values:
        if isinstance(value, str):
            tally.add(value)
    return tally.guess()


class DateOrderTally:
    """`guess_date_order` one text at a time, for a reader that meets its dates while it reads them."""

    __slots__ = ("ambiguous", "dmy", "mdy")

    def __init__(self) -> None:
        self.dmy = self.mdy = False
        self.ambiguous: list[str] = []

    def add(self, text: str) -> None:
        parts = day_month_parts(text)
        if parts is None:
            return
        a, b, _ = parts
        if a > 12 and b <= 12:
            self.dmy = True
        elif b > 12 and a <= 12:
            self.mdy = True
        elif (
            a <= 12 and b <= 12 and a != b and len(self.ambiguous) < 5 and text.strip() not in self.ambiguous
        ):
            self.ambiguous.append(text.strip())

    def guess(self) -> DateOrderGuess:
        if self.dmy and self.mdy:
            return DateOrderGuess(None, tuple(self.ambiguous), conflicting=True)
        if self.dmy:
            return DateOrderGuess(DateOrder.DMY)
        if self.mdy:
            return DateOrderGuess(DateOrder.MDY)
        return DateOrderGuess(None, tuple(self.ambiguous))


def calendar_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise TextValueError(message("'{text}' is not a real calendar date.", text=text)) from None


def date_from_serial(serial: float, text: str) -> date:
    """The date of an Excel serial day number; TextValueError when no bill can carry it."""
    if not (SERIAL_MIN <= serial <= SERIAL_MAX):
        raise TextValueError(message("'{text}' is a number, not a date.", text=text))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def ambiguous_date(text: str) -> TextValueError:
    return TextValueError(
        message("'{text}' could be day/month or month/day; choose the file's date format.", text=text)
    )


def not_a_date(text: str) -> TextValueError:
    return TextValueError(
        message("'{text}' is not a date. Write it as YYYY-MM-DD (e.g. 2023-01-31) or DD/MM/YYYY.", text=text)
    )


def parse_date_text(text: str, order: DateOrder | None, ambiguous_as: DateOrder | None = None) -> date | None:
    """The rule above: the date `text` writes in a context whose dates proved `order` (None: none did), a text
    both orders read taking `ambiguous_as` when nothing proved one; None when empty; else TextValueError."""
    stripped = text.strip()
    if not stripped:
        return None
    # ISO dates, the most frequent in files, are read without a regular expression.
    if len(stripped) == 10 and stripped[4] == "-" and stripped[7] == "-":
        try:
            return date.fromisoformat(stripped)
        except ValueError:
            pass
    if m := _ISO.fullmatch(stripped):
        return calendar_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), stripped)
    if parts := day_month_parts(stripped):
        a, b, year = parts
        if order is None:
            if a > 12:
                order = DateOrder.DMY
            elif b > 12:
                order = DateOrder.MDY
            elif a == b:
                return calendar_date(year, a, b, stripped)
            elif ambiguous_as is not None:
                order = ambiguous_as
            else:
                raise ambiguous_date(stripped)
        day, month = (a, b) if order is DateOrder.DMY else (b, a)
        return calendar_date(year, month, day, stripped)
    if _SERIAL.fullmatch(stripped):
        return date_from_serial(float(stripped), stripped)
    raise not_a_date(stripped)


def typed_date_order(texts: Iterable[str]) -> DateOrder | None:
    """The order a form's or a paste's dates prove (None when they prove none, or both): ambiguous ones then
    take day first (`parse_date_text(..., ambiguous_as=DateOrder.DMY)`)."""
    return guess_date_order(texts).order
