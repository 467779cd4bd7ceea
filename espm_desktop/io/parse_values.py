"""Turn spreadsheet and CSV cell values into dates, numbers, money and yes/no.

Cells arrive as whatever the reader gives: a date from a date-formatted xlsx cell, a float from a
number cell, or text from CSV files and text-formatted cells ("1 234,56", "03/04/2021", "Not Available").
Every parser raises ValueParseError with a reason in English and French; the caller adds file/row/column.

The limits a bill's values must respect before they may be stored (finite numbers the model can hold,
plausible dates, names that fit their column) and the one normalisation of property and meter names are
here too, so that every entry point applies the same rule.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

CellValue = str | float | int | bool | date | datetime | timedelta | None

# ESPM writes "Not Available" in every empty field of its exports; other tools write N/A or a dash.
_BLANK_TEXTS = frozenset(
    {"", "not available", "n/a", "na", "n.d.", "nd", "s.o.", "-", "--", "—", "non disponible"}
)

# Excel's day 0 (the 1900 system with its phantom 29 Feb 1900: serial 60); serials before 61 are not bills.
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 61, 2958465

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_SLASH = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$"
)
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.0+)?$")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"(?i)\$|cad|ca\$|\$ca|€|usd")


class ValueParseError(ValueError):
    """A cell that cannot be read as the expected kind of value."""

    def __init__(self, reason_en: str, reason_fr: str) -> None:
        super().__init__(reason_en)
        self.reason_en = reason_en
        self.reason_fr = reason_fr


class DateOrder(StrEnum):
    """How a file writes day and month in dates like 03/04/2021."""

    DMY = "dmy"
    MDY = "mdy"


@dataclass(frozen=True, slots=True)
class DateOrderGuess:
    """What a file's slash dates say about their order: a decided order, or None with ambiguous examples."""

    order: DateOrder | None
    ambiguous_examples: tuple[str, ...] = ()
    conflicting: bool = False


def is_blank(value: CellValue) -> bool:
    """Empty cell, whitespace, or one of the placeholders ESPM and others write for 'no value'."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().casefold() in _BLANK_TEXTS
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


def _slash_parts(text: str) -> tuple[int, int, int] | None:
    m = _SLASH.match(text.strip())
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def guess_date_order(values: list[CellValue]) -> DateOrderGuess:
    """Decide DD/MM vs MM/DD from all the text dates of one file.

    A first number above 12 proves day-first, a second number above 12 proves month-first; a file where
    no date decides (every one like 03/04/2021) is ambiguous and the user must choose.
    """
    dmy = mdy = False
    ambiguous: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        parts = _slash_parts(value)
        if parts is None:
            continue
        a, b, _ = parts
        if a > 12 and b <= 12:
            dmy = True
        elif b > 12 and a <= 12:
            mdy = True
        elif a <= 12 and b <= 12 and a != b and len(ambiguous) < 5 and value.strip() not in ambiguous:
            ambiguous.append(value.strip())
    if dmy and mdy:
        return DateOrderGuess(None, tuple(ambiguous), conflicting=True)
    if dmy:
        return DateOrderGuess(DateOrder.DMY)
    if mdy:
        return DateOrderGuess(DateOrder.MDY)
    return DateOrderGuess(None, tuple(ambiguous))


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueParseError(
            f"'{text}' is not a real calendar date.",
            f"« {text} » n'est pas une date de calendrier valide.",
        ) from None


def parse_date(value: CellValue, order: DateOrder | None = None) -> date:
    """A date from a date cell, an Excel serial, ISO text, or DD/MM/YYYY or MM/DD/YYYY text (per `order`)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueParseError("The date is missing.", "La date est manquante.")
    if isinstance(value, int | float):
        return _from_serial(float(value), text_of(value))
    if isinstance(value, timedelta):
        raise ValueParseError(
            f"'{value}' is a duration, not a date.", f"« {value} » est une durée, pas une date."
        )
    text = value.strip()
    if is_blank(text):
        raise ValueParseError("The date is missing.", "La date est manquante.")
    if m := _ISO.match(text):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    if parts := _slash_parts(text):
        a, b, year = parts
        if order is None:
            if a > 12:
                order = DateOrder.DMY
            elif b > 12:
                order = DateOrder.MDY
            elif a == b:
                return _make_date(year, a, b, text)
            else:
                raise ValueParseError(
                    f"'{text}' could be day/month or month/day; choose the file's date format.",
                    f"« {text} » peut se lire jour/mois ou mois/jour; choisissez le format de date du "
                    "fichier.",
                )
        day, month = (a, b) if order is DateOrder.DMY else (b, a)
        return _make_date(year, month, day, text)
    if _SERIAL_TEXT.match(text):
        return _from_serial(float(text), text)
    raise ValueParseError(
        f"'{text}' is not a date. Write it as YYYY-MM-DD (e.g. 2023-01-31) or DD/MM/YYYY.",
        f"« {text} » n'est pas une date. Écrivez-la AAAA-MM-JJ (p. ex. 2023-01-31) ou JJ/MM/AAAA.",
    )


def _from_serial(serial: float, text: str) -> date:
    if not (_SERIAL_MIN <= serial <= _SERIAL_MAX):
        raise ValueParseError(
            f"'{text}' is a number, not a date.",
            f"« {text} » est un nombre, pas une date.",
        )
    return _EXCEL_EPOCH + timedelta(days=int(serial))


# -------------------------------------------------------------------------------------------- numbers


def _not_a_number(text: str) -> ValueParseError:
    return ValueParseError(
        f"'{text}' is not a number. Write digits with one decimal separator, e.g. 1234.5 or 1 234,5.",
        f"« {text} » n'est pas un nombre. Écrivez des chiffres avec un séparateur décimal, p. ex. 1 234,5.",
    )


def _number_text(value: CellValue, decimal_comma: bool | None) -> str:
    """Canonical '1234.5' text of a number written in English or French style."""
    if isinstance(value, bool) or value is None or isinstance(value, date | timedelta):
        raise _not_a_number(text_of(value))
    if isinstance(value, int | float):
        return repr(float(value))
    raw = value.strip()
    text = _CURRENCY.sub("", raw)
    text = _SPACES.sub("", text)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if not text or not re.fullmatch(r"[0-9.,]+", text) or not re.search(r"[0-9]", text):
        raise _not_a_number(raw)
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        # The separator that comes last is the decimal one: 1,234.56 and 1.234,56.
        dec = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if dec == "." else "."
        if text.count(dec) > 1:
            raise _not_a_number(raw)
        int_part, frac = text.split(dec)
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(thousands) + r"\d{3})*", int_part):
            raise _not_a_number(raw)
        text = int_part.replace(thousands, "") + "." + frac
    elif has_comma or has_dot:
        sep = "," if has_comma else "."
        groups = text.split(sep)
        if len(groups) > 2:
            if not all(len(g) == 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
                raise _not_a_number(raw)
            text = "".join(groups)
        else:
            int_part, frac = groups
            if not int_part and not frac:
                raise _not_a_number(raw)
            # "1,234" is a thousands group in English and 1.234 in French: the file's style decides.
            looks_grouped = len(frac) == 3 and 1 <= len(int_part) <= 3 and int_part != "0"
            if sep == ",":
                is_thousands = looks_grouped and decimal_comma is not True
            else:
                is_thousands = looks_grouped and decimal_comma is True
            text = int_part + frac if is_thousands else (int_part or "0") + "." + (frac or "0")
    return ("-" if negative else "") + text


def _not_finite(text: str) -> ValueParseError:
    return ValueParseError(
        f"'{text}' is not a finite number (NaN or infinity, often a spreadsheet formula error). Write the "
        "value as digits, e.g. 1234.5.",
        f"« {text} » n'est pas un nombre fini (NaN ou infini, souvent une erreur de formule). Écrivez la "
        "valeur en chiffres, p. ex. 1 234,5.",
    )


def parse_number(value: CellValue, decimal_comma: bool | None = None) -> float:
    """A finite float from a number cell or text such as '1 234,56', '1,234.56', '1234,5', '$ 12.30'.

    NaN, infinities and numbers too large for a float (400 digits, 1e400) raise ValueParseError.
    """
    if type(value) is float:
        if value - value == 0.0:  # False for NaN and ±inf only: cheaper than math.isfinite
            return value  # what float(repr(value)) would give, without the round trip
        raise _not_finite(text_of(value))
    try:
        number = float(_number_text(value, decimal_comma))
    except OverflowError:  # an int cell beyond float's range
        raise _not_finite(text_of(value)) from None
    if not math.isfinite(number):
        raise _not_finite(text_of(value))
    return number


def parse_money(value: CellValue, decimal_comma: bool | None = None) -> Decimal:
    """Money as a finite Decimal; float cells go through their shortest repr so 34.85 stays 34.85."""
    try:
        money = Decimal(_number_text(value, decimal_comma))
    except InvalidOperation:
        raise _not_a_number(text_of(value)) from None
    except OverflowError:
        raise _not_finite(text_of(value)) from None
    if not money.is_finite():
        raise _not_finite(text_of(value))
    return money


def guess_decimal_comma(values: list[CellValue]) -> bool | None:
    """True when the file's text numbers use a decimal comma, False for a decimal point, None if none tell."""
    comma = point = 0
    for value in values:
        if not isinstance(value, str):
            continue
        text = _SPACES.sub("", _CURRENCY.sub("", value.strip()))
        if "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):
                comma += 1
            else:
                point += 1
        elif m := re.fullmatch(r"-?\d*,(\d+)", text):
            if len(m.group(1)) != 3:
                comma += 1
        elif m := re.fullmatch(r"-?\d*\.(\d+)", text):
            if len(m.group(1)) != 3:
                point += 1
    if comma and not point:
        return True
    if point and not comma:
        return False
    return None


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
    raise ValueParseError(
        f"'{text_of(value)}' is not Yes or No.",
        f"« {text_of(value)} » n'est ni Oui ni Non.",
    )


# ------------------------------------------------------------------------------- limits of stored values

USAGE_MAX = 1e15
"""Largest usage accepted, in the file's unit. The column is a float, so the limit is one of sense and of
arithmetic: 1e15 kWh is about forty times the world's yearly electricity, and a year of such bills stays
far from float overflow when it is summed, converted to GJ (x 1000 for Wh-based units) or divided by floor
area."""
COST_MAX = Decimal("1e12")
"""Costs must stay strictly below this: db.models.Bill.cost is Numeric(14, 2), 12 digits before the point."""
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
            raise _not_finite(text_of(value))
        if value < 0:
            raise ValueParseError(
                "The usage cannot be negative. Write the quantity used (a credit goes in the cost).",
                "La consommation ne peut pas être négative. Écrivez la quantité consommée (un crédit va "
                "dans le coût).",
            )
        raise ValueParseError(
            f"The usage {value:g} is beyond the largest accepted, {USAGE_MAX:g}. Check the unit and the "
            "decimal separator.",
            f"La consommation {value:g} dépasse la plus grande acceptée, {USAGE_MAX:g}. Vérifiez l'unité et "
            "le séparateur décimal.",
        )
    return value


def check_cost(value: Decimal) -> Decimal:
    """The cost if it is finite and within ±COST_MAX (what Numeric(14, 2) holds); else ValueParseError."""
    if not value.is_finite():
        raise _not_finite(str(value))
    if not -COST_MAX < value < COST_MAX:
        raise ValueParseError(
            f"The cost {value} is beyond the largest the database holds (under 1 000 000 000 000 $). "
            "Check the decimal separator and that the column holds dollars.",
            f"Le coût {value} dépasse le plus grand que la base peut garder (moins de 1 000 000 000 000 $). "
            "Vérifiez le séparateur décimal et que la colonne contient des dollars.",
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
            f"The date {value.isoformat()} is before {bounds.earliest.isoformat()}: no bill is that old. "
            "Check the year and the file's date format.",
            f"La date {value.isoformat()} précède le {bounds.earliest.isoformat()} : aucune facture n'est "
            "aussi ancienne. Vérifiez l'année et le format de date du fichier.",
        )
    raise ValueParseError(
        f"The date {value.isoformat()} is more than {LATEST_BILL_DAYS_AHEAD} days in the future (after "
        f"{bounds.latest.isoformat()}). Check the year and the file's date format.",
        f"La date {value.isoformat()} est plus de {LATEST_BILL_DAYS_AHEAD} jours dans le futur (après le "
        f"{bounds.latest.isoformat()}). Vérifiez l'année et le format de date du fichier.",
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


def check_name(name: str, what_en: str, what_fr: str, limit: int = NAME_MAX_CHARS) -> str:
    """The name if it fits its column; else ValueParseError naming the length and the limit."""
    if len(name) > limit:
        raise ValueParseError(
            f"The {what_en} is {len(name)} characters long; the database holds at most {limit}. "
            f"Shorten it in the file (keep it the same in every file).",
            f"Le {what_fr} compte {len(name)} caractères; la base en garde au plus {limit}. "
            "Raccourcissez-le dans le fichier (de la même façon dans tous les fichiers).",
        )
    return name
