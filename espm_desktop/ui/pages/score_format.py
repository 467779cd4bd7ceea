"""Numbers shown the way seed 002's worked example prints them, with the user's decimal mark.

Every number goes through core.formatting (grouping, decimal mark, no negative zero)."""

from __future__ import annotations

import math

from espm_desktop.core.formatting import number as format_number


def fixed(value: float | None, language: str, decimals: int) -> str:
    """1497.84 → '1 497,8' (fr) / '1,497.8' (en); None → '–'."""
    if value is None:
        return "–"
    return format_number(value, language, decimals)


def significant(value: float | None, language: str, digits: int = 4) -> str:
    """Four significant figures as in the example: -0.677 → '-0,6770', 784 → '784,0', 4766 → '4 766'."""
    if value is None:
        return "–"
    if value == 0:
        return format_number(0.0, language, digits - 1)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return format_number(value, language, decimals)


def scientific(value: float, language: str, decimals: int = 3) -> str:
    """3.6e-3 → '3,600E-03' in French, '3.600E-03' in English (the example's factor notation)."""
    text = f"{value:.{decimals}E}"
    return text.replace(".", ",") if language.startswith("fr") else text


def factor(value: float, language: str) -> str:
    """Site multipliers below 0.01 in scientific notation, others with three decimals (1,830)."""
    if value != 0 and abs(value) < 0.01:
        return scientific(value, language)
    return format_number(value, language, 3)


def plain(text: str) -> str:
    """The text with no-break spaces as ordinary spaces (for comparisons and tooltips)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")
