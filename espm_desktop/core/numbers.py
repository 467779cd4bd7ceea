"""Numbers as people type, paste and import them in Québec and elsewhere: '1 234,5', '1,234.5', '12 %', '$1,200'.

The one decimal-mark rule (`number_text`), for the forms, the bills grid, a paste and every imported file:

1. Spaces of every kind (no-break, narrow, thin), apostrophes, currency signs ($, CAD, CA$, USD, €) and % are
   ignored; '(12)' and '-12' are negative.
2. A text holding both ',' and '.' takes the one written last as its decimal mark: 1,234.5 and 1.234,5 both read
   1234.5 (the other mark must group thousands by three).
3. One mark written more than once groups thousands: 1,234,567 and 1.234.567 are 1234567.
4. One mark written once is the decimal mark (1,5 · 1234,567 · 0,250 · 12.5) — except when it is followed by
   exactly three digits after one to three digits that are not a lone 0: '1,234' or '12.500' is a thousands
   group in one language and a decimal in the other. That text alone cannot tell, so the *context's* decimal mark
   decides: written in the context's mark it is the decimal mark, written in the other it groups thousands.
5. Scientific notation, as spreadsheets and JSON write very large and small numbers (1.5E+3, 2e-4), is read as
   written, with '.' decimals.
6. The context's decimal mark is the one its unambiguous numbers show (`guess_decimal_mark`), else the user's
   language (`decimal_mark_for`: French ',' and English '.'):
   - a form field: the language of the form (a field holds one number: nothing else to show a mark);
   - a paste: the pasted block's numbers, else the language;
   - an import: the file's numbers (and a ';'-separated CSV file is French Excel's, with ','), else the language of
     the person importing (core.i18n: the window's language, the command line's --lang).

So `1,234` typed in an English form, pasted among English numbers and imported from an English file is 1234;
in French, or beside 1,5 or 1 234,56, it is 1.234 everywhere. No regular expression runs for plain ASCII numbers
(1234, 1234.5, -3): they are by far the most frequent in files, and the rule reads them as float() does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from espm_desktop.core.formatting import number
from espm_desktop.core.i18n import message
from espm_desktop.core.text_values import TextValueError


class DecimalMark(StrEnum):
    """The character a context writes before decimals."""

    COMMA = ","
    POINT = "."


SHOWS_NOTHING = ""
"""`read_number_text`: the text has no decimal part, or an unambiguous one written with this mark."""
AMBIGUOUS = "?"
"""`read_number_text`: a lone '1,234' or '1.234', read with the context's mark (rule 4)."""

_SCIENTIFIC = re.compile(r"(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+")
_IGNORED = re.compile(r"(?i)ca\$|\$ca|cad|usd|[$€%\s\u00a0\u202f\u2009']")


def decimal_mark_for(language: str) -> DecimalMark:
    """The decimal mark a person writing `language` uses: ',' in French, '.' otherwise."""
    return DecimalMark.COMMA if language.startswith("fr") else DecimalMark.POINT


def not_a_number(text: str) -> TextValueError:
    return TextValueError(
        message(
            "'{text}' is not a number. Write digits with one decimal separator, e.g. 1234.5 or 1 234,5.",
            text=text,
        )
    )


def _is_group(head: str, tail: str) -> bool:
    """'1,234' / '12.500': a mark after 1–3 digits (not a lone 0) followed by exactly 3 — rule 4's ambiguity."""
    return len(tail) == 3 and 0 < len(head) <= 3 and head != "0"


_POINT = DecimalMark.POINT


def read_number_text(text: str, decimal_mark: DecimalMark) -> tuple[str, str]:
    """The rule: ('-1234.5', what the text shows of its decimal mark: ',' '.' SHOWS_NOTHING or AMBIGUOUS).

    The first item is the number as float() and Decimal() read it; TextValueError when the text is no number.
    """
    # Plain ASCII digits with at most one point, by far the most frequent, need no regular expression.
    head, point, tail = text.partition(".")
    if head.isdigit() and head.isascii():
        if not point:
            return text, SHOWS_NOTHING
        if tail.isdigit() and tail.isascii():
            if len(tail) != 3 or len(head) > 3 or head == "0":
                return text, "."
            if decimal_mark is _POINT:
                return text, AMBIGUOUS
    return _read_written_number(text.strip(), decimal_mark)


def _read_written_number(raw: str, decimal_mark: DecimalMark) -> tuple[str, str]:
    text = _IGNORED.sub("", raw)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    sign = "-" if negative else ""
    if _SCIENTIFIC.fullmatch(text):
        return sign + text, "." if "." in text else SHOWS_NOTHING
    if not text or text.strip("0123456789.,") or not text.strip(".,"):
        raise not_a_number(raw)
    commas, points = text.count(","), text.count(".")
    if commas and points:
        mark, other = (".", ",") if text.rfind(".") > text.rfind(",") else (",", ".")
        if text.count(mark) > 1:
            raise not_a_number(raw)
        whole, fraction = text.split(mark)
        groups = whole.split(other)
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]) or not fraction.isdigit():
            raise not_a_number(raw)
        return f"{sign}{''.join(groups)}.{fraction}", mark
    mark = "," if commas else "."
    parts = text.split(mark)
    if len(parts) > 2:
        if not 1 <= len(parts[0]) <= 3 or any(len(g) != 3 for g in parts[1:]):
            raise not_a_number(raw)
        return sign + "".join(parts), SHOWS_NOTHING
    if len(parts) == 1:
        return sign + text, SHOWS_NOTHING
    head, tail = parts
    if _is_group(head, tail):
        if mark == decimal_mark:
            return f"{sign}{head}.{tail}", AMBIGUOUS
        return f"{sign}{head}{tail}", AMBIGUOUS
    return f"{sign}{head or '0'}.{tail or '0'}", mark


def number_text(text: str, decimal_mark: DecimalMark) -> str:
    """'1 234,5' → '1234.5' (the rule above); TextValueError when the text is no number."""
    return read_number_text(text, decimal_mark)[0]


def parse_decimal_text(text: str, decimal_mark: DecimalMark = DecimalMark.POINT) -> Decimal | None:
    """A number typed or pasted with French or English marks, as a finite Decimal; empty → None.

    `decimal_mark` is the context's (rule 6): pass `decimal_mark_for(language)` or the pasted block's mark.
    Raises TextValueError (a ValueError) for any other text.
    """
    if not text.strip():
        return None
    canonical = number_text(text, decimal_mark)
    try:
        value = Decimal(canonical)
    except InvalidOperation:
        raise not_a_number(text) from None
    if not value.is_finite():
        raise not_a_number(text)
    return value


def shown_decimal_mark(text: str) -> DecimalMark | None:
    """The decimal mark `text` shows unambiguously (rule 4), or None (no decimals, ambiguous, or no number)."""
    try:
        shown = read_number_text(text, DecimalMark.POINT)[1]
    except TextValueError:
        return None
    return DecimalMark(shown) if shown in (",", ".") else None


def decimal_mark_shown(commas: int, points: int) -> DecimalMark | None:
    """The context's mark from its counts of numbers showing each: the only one shown, else None (none, or both)."""
    if commas and not points:
        return DecimalMark.COMMA
    if points and not commas:
        return DecimalMark.POINT
    return None


def guess_decimal_mark(texts: Iterable[object]) -> DecimalMark | None:
    """The decimal mark the texts' unambiguous numbers show, when they agree; None when none shows one or both do.

    Items that are not text (number cells) show nothing.
    """
    commas = points = 0
    for text in texts:
        if isinstance(text, str):
            mark = shown_decimal_mark(text)
            commas += mark is DecimalMark.COMMA
            points += mark is DecimalMark.POINT
    return decimal_mark_shown(commas, points)


def format_number(value: float | Decimal, language: str, decimals: int = 0) -> str:
    """1234.5 → '1 234,5' in French, '1,234.5' in English (core.formatting.number: no negative zero)."""
    return number(value, language, decimals)
