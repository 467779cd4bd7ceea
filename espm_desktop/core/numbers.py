"""Numbers as people type them in Québec and elsewhere: '1 234,5', '1,234.5', '1234.5', '12 %', '$1,200'."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from espm_desktop.core.formatting import number

_SPACES = (" ", "\u00a0", "\u202f", "\u2009", "'")


def parse_decimal_text(text: str) -> Decimal | None:
    """Parse a number typed with French or English separators; empty → None; raises ValueError otherwise."""
    s = text.strip()
    for token in ("$", "%", "€"):
        s = s.replace(token, "")
    for space in _SPACES:
        s = s.replace(space, "")
    if not s:
        return None
    negative = s.startswith("(") and s.endswith(")")
    if negative:
        s = s[1:-1]
    if "," in s and "." in s:
        # The separator that comes last is the decimal one.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        # '1,234' with exactly three digits after a single comma is an English thousands separator only when
        # another comma group precedes it; a lone comma is the French decimal mark.
        if s.count(",") > 1:
            s = s.replace(",", "")
        else:
            s = f"{head}.{tail}"
    try:
        value = Decimal(s)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return -value if negative else value


def format_number(value: float | Decimal, language: str, decimals: int = 0) -> str:
    """1234.5 → '1 234,5' in French, '1,234.5' in English (core.formatting.number: no negative zero)."""
    return number(value, language, decimals)
