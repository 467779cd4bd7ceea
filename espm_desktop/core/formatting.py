"""Numbers, money, percentages, areas, dates and label colons as a reader of each language expects them.

French (Canada, OQLF): 12 345,67 $ · 12,5 % · 92,9 m² · 1er janv. 2024 · « Total : » — the spaces are no-break
spaces (U+00A0), so a value never wraps away from its unit. English (Canada): $12,345.67 · 12.5% · 92.9 m² ·
Jan 1, 2024 · "Total:".

Negative numbers use the ASCII hyphen-minus ("-"), in both languages: it is what people type, what
`core.numbers.parse_decimal_text` and spreadsheets read back, and what the rest of the app already shows. A value
that rounds to zero is shown without a sign ("0,00 %", never "-0,00 %").

Qt-free, so the reports and the command line can use it as well as the window.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

NBSP = "\u00a0"
MINUS = "-"

MONTHS_FR_SHORT = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
MONTHS_FR_LONG = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_EN_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_EN_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def is_french(language: str) -> bool:
    return language.lower().startswith("fr")


def number(value: float | Decimal | int, language: str, decimals: int = 0, grouping: bool = True) -> str:
    """1234.5 → '1 234,5' (fr, no-break space) / '1,234.5' (en); -0.001 with 2 decimals → '0,00'."""
    text = f"{value:{',' if grouping else ''}.{decimals}f}"
    if text.startswith("-"):
        # No "-0,00": a value that rounds to zero has no sign.
        text = text[1:] if not any(ch in "123456789" for ch in text) else MINUS + text[1:]
    if is_french(language):
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def quantity(value: float | Decimal | int, unit: str, language: str, decimals: int = 0) -> str:
    """A number and its unit joined by a no-break space: '9,10 GJ' / '9.10 GJ'."""
    return f"{number(value, language, decimals)}{NBSP}{unit}"


def money(value: float | Decimal | int, language: str, decimals: int = 2) -> str:
    """'12 345,67 $' (fr) / '$12,345.67' (en); a negative amount: '-12,00 $' / '-$12.00'."""
    text = number(value, language, decimals)
    if is_french(language):
        return f"{text}{NBSP}$"
    if text.startswith(MINUS):
        return f"{MINUS}${text[len(MINUS) :]}"
    return f"${text}"


def percent(value: float | Decimal | int, language: str, decimals: int = 0) -> str:
    """A value already in percent (12.5, not 0.125): '12,5 %' (fr) / '12.5%' (en)."""
    text = number(value, language, decimals)
    return f"{text}{NBSP}%" if is_french(language) else f"{text}%"


def area_m2(value: float | Decimal | int, language: str, decimals: int | None = None) -> str:
    """'92,9 m²' / '92.9 m²'; without `decimals`, whole areas get none and others one."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return quantity(value, "m²", language, decimals)


def month_name(month: int, language: str, short: bool = True) -> str:
    """Month 1–12: 'janv.' / 'Jan', or 'janvier' / 'January'."""
    if is_french(language):
        names = MONTHS_FR_SHORT if short else MONTHS_FR_LONG
    else:
        names = MONTHS_EN_SHORT if short else MONTHS_EN_LONG
    return names[month - 1]


def day_month(day: date, language: str, short: bool = True) -> str:
    """'1er janv.' / '15 mars' (fr), 'Jan 1' (en): the first of the month is « 1er » in French."""
    if is_french(language):
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first}{NBSP}{month_name(day.month, language, short)}"
    return f"{month_name(day.month, language, short)}{NBSP}{day.day}"


def date_text(day: date, language: str, short: bool = True) -> str:
    """'1er janv. 2024' (fr) / 'Jan 1, 2024' (en)."""
    if is_french(language):
        return f"{day_month(day, language, short)}{NBSP}{day.year}"
    return f"{day_month(day, language, short)}, {day.year}"


def month_year(year: int, month: int, language: str, short: bool = False) -> str:
    """'mars 2025' / 'March 2025' (short: 'mars 2025' / 'Mar 2025'); an ordinary space: a title may wrap there."""
    return f"{month_name(month, language, short)} {year}"


def label(text: str, language: str) -> str:
    """A label with its colon: « Total : » (a no-break space before the colon in French) / 'Total:'."""
    text = text.rstrip().rstrip(":").rstrip()
    return f"{text}{NBSP}:" if is_french(language) else f"{text}:"


def labelled(name: str, value: str, language: str) -> str:
    """« Gaz naturel : 9,10 GJ » / 'Natural gas: 9.10 GJ'."""
    return f"{label(name, language)} {value}"


# The signs French sets off by a space (OQLF: « : », « ; », « ! », « ? », and inside guillemets).
_SPACE_BEFORE_SIGN = re.compile(r" (?=[:;!?»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"(?<=«) ")


def french_spacing(text: str, language: str) -> str:
    """French text that may wrap (a PDF paragraph): the space before : ; ! ? » and after « becomes a no-break
    space, so the sign never starts a line. Text in another language comes back unchanged."""
    if not is_french(language):
        return text
    return _SPACE_AFTER_GUILLEMET.sub(NBSP, _SPACE_BEFORE_SIGN.sub(NBSP, text))
