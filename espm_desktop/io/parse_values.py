"""Turn spreadsheet and CSV cell values into dates, numbers, money and yes/no.

Cells arrive as whatever the reader gives: a date from a date-formatted xlsx cell, a float from a
number cell, or text from CSV files and text-formatted cells ("1 234,56", "03/04/2021", "Not Available").
Text goes through the app's one rule for each kind (core.numbers.number_text: the decimal mark;
core.dates.parse_date_text: dates and the day/month order), as forms and pastes do. Every parser raises
ValueParseError with its reason (a core.i18n Message); the caller adds file/row/column.

The limits a bill's values must respect before they may be stored (finite numbers the model can hold,
plausible dates, names that fit their column) and the one normalisation of property and meter names are
here too, so that every entry point applies the same rule.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from espm_desktop.core.dates import (
    DateOrder,
    DateOrderGuess,
    date_from_serial,
    guess_date_order,
    parse_date_text,
)
from espm_desktop.core.i18n import Message, message
from espm_desktop.core.numbers import DecimalMark, guess_decimal_mark, not_a_number, number_text
from espm_desktop.core.text_values import TextValueError

__all__ = [
    "COST_MAX",
    "ESPM_ID_MAX_CHARS",
    "NAME_MAX_CHARS",
    "USAGE_MAX",
    "CellValue",
    "DateBounds",
    "DateOrder",
    "DateOrderGuess",
    "ValueParseError",
    "check_bill_date",
    "check_cost",
    "check_name",
    "check_usage",
    "decimal_mark_of",
    "guess_date_order",
    "guess_decimal_comma",
    "is_blank",
    "name_key",
    "normalise_label",
    "normalise_name",
    "not_finite",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_yes_no",
    "text_of",
]

CellValue = str | float | int | bool | date | datetime | timedelta | None

ValueParseError = TextValueError
"""A cell that cannot be read as the expected kind of value (the core rules raise it too)."""

# ESPM writes "Not Available" in every empty field of its exports; other tools write N/A or a dash.
BLANK_TEXTS = frozenset(
    {"", "not available", "n/a", "na", "n.d.", "nd", "s.o.", "-", "--", "—", "non disponible"}
)


def is_blank(value: CellValue) -> bool:
    """Empty cell, whitespace, or one of the placeholders ESPM and others write for 'no value'."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().casefold() in BLANK_TEXTS
    return False


def text_of(value: CellValue) -> str:
    """A cell as text: whole floats without '.0' (IDs come out of xlsx as 5766973.0)."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def normalise_label(text: str) -> str:
    """Case-, accent-, space- and punctuation-insensitive form of a header or label."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", no_accents).strip()


# ---------------------------------------------------------------------------------------------- dates


def _missing_date() -> ValueParseError:
    return ValueParseError(message("The date is missing."))


def parse_date(value: CellValue, order: DateOrder | None = None) -> date:
    """A date from a date cell, an Excel serial number, or text read by the one date rule in the file's
    `order` (core.dates.parse_date_text: ISO, DD/MM/YYYY or MM/DD/YYYY, a 5-digit serial)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise _missing_date()
    if isinstance(value, int | float):
        return date_from_serial(float(value), text_of(value))
    if isinstance(value, timedelta):
        raise ValueParseError(message("'{value}' is a duration, not a date.", value=str(value)))
    if is_blank(value):
        raise _missing_date()
    found = parse_date_text(value, order)
    if found is None:
        raise _missing_date()
    return found


# -------------------------------------------------------------------------------------------- numbers


def decimal_mark_of(decimal_comma: bool | None) -> DecimalMark:
    """A file's decimal mark as the readers note it: True for ',', False or None (nothing shown) for '.'."""
    return DecimalMark.COMMA if decimal_comma else DecimalMark.POINT


def not_finite(text: str) -> ValueParseError:
    return ValueParseError(
        message(
            "'{text}' is not a finite number (NaN or infinity, often a spreadsheet formula error). Write the "
            "value as digits, e.g. 1234.5.",
            text=text,
        )
    )


def _number_cell_text(value: CellValue, mark: DecimalMark) -> str:
    """The canonical '1234.5' of a cell: the number of a number cell, the rule's reading of a text."""
    if isinstance(value, bool) or value is None or isinstance(value, date | timedelta):
        raise not_a_number(text_of(value))
    if isinstance(value, int | float):
        return repr(float(value))
    return number_text(value, mark)


def parse_number(value: CellValue, decimal_comma: bool | None = None) -> float:
    """A finite float from a number cell or text such as '1 234,56', '1,234.56', '1234,5', '$ 12.30'.

    `decimal_comma` is the file's decimal mark (core.numbers, rule 6): True ',', else '.'. NaN, infinities
    and numbers too large for a float (400 digits, 1e400) raise ValueParseError.
    """
    if type(value) is float:
        if value - value == 0.0:  # False for NaN and ±inf only: cheaper than math.isfinite
            return value
        raise not_finite(text_of(value))
    try:
        number = float(_number_cell_text(value, decimal_mark_of(decimal_comma)))
    except OverflowError:  # an int cell beyond float's range
        raise not_finite(text_of(value)) from None
    if not math.isfinite(number):
        raise not_finite(text_of(value))
    return number


def parse_money(value: CellValue, decimal_comma: bool | None = None) -> Decimal:
    """Money as a finite Decimal; float cells go through their shortest repr so 34.85 stays 34.85."""
    try:
        money = Decimal(_number_cell_text(value, decimal_mark_of(decimal_comma)))
    except InvalidOperation:
        raise not_a_number(text_of(value)) from None
    except OverflowError:
        raise not_finite(text_of(value)) from None
    if not money.is_finite():
        raise not_finite(text_of(value))
    return money


def guess_decimal_comma(values: Iterable[CellValue]) -> bool | None:
    """True when the text numbers show a decimal comma, False a decimal point, None when none or both do."""
    mark = guess_decimal_mark(values)
    return None if mark is None else mark is DecimalMark.COMMA


_YES = frozenset({"yes", "y", "true", "1", "oui", "o", "vrai", "x", "estimated", "estimee", "estime"})
_NO = frozenset({"no", "n", "false", "0", "non", "faux", "actual", "reel", "reelle"})


def parse_yes_no(value: CellValue) -> bool:
    """Yes/No in English or French (blank is No, as in ESPM's 'Estimation' column)."""
    if isinstance(value, bool):
        return value
    if is_blank(value):
        return False
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
    else:
        quick = value.strip().casefold() if isinstance(value, str) else ""
        key = quick if quick in _YES or quick in _NO else normalise_label(text_of(value))
        if key in _YES:
            return True
        if key in _NO:
            return False
    raise ValueParseError(message("'{value}' is not Yes or No.", value=text_of(value)))


# ------------------------------------------------------------------------------- limits of stored values

USAGE_MAX = 1e15
"""Largest usage accepted, in the file's unit. The column is a float, so the limit is one of sense and of
arithmetic: 1e15 kWh is about forty times the world's yearly electricity, and a year of such bills stays
far from float overflow when it is summed, converted to GJ (x 1000 for Wh-based units) or divided by floor
area."""
COST_MAX = Decimal("1e12")
"""Costs must stay strictly below this: db.models.BillRecord.cost is Numeric(14, 2), 12 digits before the point."""
NAME_MAX_CHARS = 200
"""Longest property or meter name: db.models Property.name and Meter.name are String(200)."""
ESPM_ID_MAX_CHARS = 20
"""Longest ESPM property or meter ID: db.models espm_property_id and espm_meter_id are String(20)."""
EARLIEST_BILL_DATE = date(1900, 1, 1)
"""No bill predates electricity billing; earlier dates are typing or format errors (0001-01-01)."""
LATEST_BILL_DAYS_AHEAD = 365
"""A bill may end at most this many days after today (estimated or budget bills run ahead a little)."""


def check_usage(value: float) -> float:
    """The usage if it is finite, not negative and at most USAGE_MAX; else ValueParseError."""
    if not 0.0 <= value <= USAGE_MAX:  # also False for NaN
        if value != value or value in (math.inf, -math.inf):
            raise not_finite(text_of(value))
        if value < 0:
            raise ValueParseError(
                message("The usage cannot be negative. Write the quantity used (a credit goes in the cost).")
            )
        raise ValueParseError(
            message(
                "The usage {value} is beyond the largest accepted, {most}. Check the unit and the decimal "
                "separator.",
                value=f"{value:g}",
                most=f"{USAGE_MAX:g}",
            )
        )
    return value


def check_cost(value: Decimal) -> Decimal:
    """The cost if it is finite and within ±COST_MAX (what Numeric(14, 2) holds); else ValueParseError."""
    if not value.is_finite():
        raise not_finite(str(value))
    if not -COST_MAX < value < COST_MAX:
        raise ValueParseError(
            message(
                "The cost {value} is beyond the largest the database holds (under 1 000 000 000 000 $). "
                "Check the decimal separator and that the column holds dollars.",
                value=str(value),
            )
        )
    return value


@dataclass(frozen=True, slots=True)
class DateBounds:
    """The plausible dates of a bill, from EARLIEST_BILL_DATE to LATEST_BILL_DAYS_AHEAD after `today`."""

    earliest: date
    latest: date

    @classmethod
    def around(cls, today: date | None = None) -> DateBounds:
        today = today if today is not None else date.today()
        return cls(EARLIEST_BILL_DATE, today + timedelta(days=LATEST_BILL_DAYS_AHEAD))


def check_bill_date(value: date, bounds: DateBounds) -> date:
    """The date if a bill can carry it; else ValueParseError naming the accepted range."""
    if bounds.earliest <= value <= bounds.latest:
        return value
    if value < bounds.earliest:
        raise ValueParseError(
            message(
                "The date {date} is before {earliest}: no bill is that old. Check the year and the file's "
                "date format.",
                date=value.isoformat(),
                earliest=bounds.earliest.isoformat(),
            )
        )
    raise ValueParseError(
        message(
            "The date {date} is more than {days} days in the future (after {latest}). Check the year and the "
            "file's date format.",
            date=value.isoformat(),
            days=str(LATEST_BILL_DAYS_AHEAD),
            latest=bounds.latest.isoformat(),
        )
    )


_WHITESPACE_RUN = re.compile(r"\s+")
_LEADING_QUOTES = re.compile(r"^[\s']+")


def normalise_name(text: str) -> str:
    """The one form a property or meter name is stored and matched in (applying it again changes nothing).

    Inner runs of whitespace (tabs, line breaks, no-break spaces) made one space, surrounding whitespace
    trimmed, the apostrophe Excel puts in front of text removed (every leading one, so the result is
    stable), then Unicode NFC: an accent typed as a combining mark equals the precomposed letter.
    Matching also ignores case (`name_key`).
    """
    if "  " in text or not text.isprintable():  # tabs, line breaks and no-break spaces are not printable
        text = _WHITESPACE_RUN.sub(" ", text)
    text = text.strip()
    if text.startswith("'"):
        text = _LEADING_QUOTES.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def name_key(text: str) -> str:
    """The key two names are the same under: normalise_name, then case ignored."""
    return normalise_name(text).casefold()


def check_name(name: str, too_long: str, limit: int = NAME_MAX_CHARS) -> str:
    """The name if it fits its column; else ValueParseError naming the length and the limit.

    `too_long` is what to say then, an English template with {length} and {limit} (io.bill_fields.NAME_TOO_LONG).
    """
    if len(name) > limit:
        raise ValueParseError(Message(too_long, {"length": str(len(name)), "limit": str(limit)}))
    return name
