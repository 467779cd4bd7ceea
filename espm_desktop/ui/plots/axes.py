"""Chart axes in the user's language: month names, dates and grouped numbers from core.formatting."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLocale

from espm_desktop.core import formatting

DATE = "date"  # x = month index (year * 12 + month - 1), fractional inside a month
MONTH_OF_YEAR = "month_of_year"  # x = 0..11, month `start_month` first
NUMBER = "number"

_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


def locale_for(language: str) -> QLocale:
    return QLocale(
        QLocale.Language.French if language == "fr" else QLocale.Language.English, QLocale.Country.Canada
    )


def month_name(language: str, month: int, short: bool = True) -> str:
    """Month 1–12 in the language ('janv.' / 'Jan'), capitalised as a chart label."""
    name = formatting.month_name(month, language, short)
    return name[:1].upper() + name[1:]


def month_label(language: str, month_index: int, short: bool = False) -> str:
    """'March 2025' / 'mars 2025' for a month index."""
    return formatting.month_year(month_index // 12, month_index % 12 + 1, language, short)


def number_text(value: float, language: str, decimals: int = 0) -> str:
    """An axis or tooltip number: grouped in the language (300 000 / 300,000), never '-0'."""
    return formatting.number(value, language, decimals)


def decimals_for(spacing: float) -> int:
    """Enough decimals to tell ticks (or values) `spacing` apart, at most 3."""
    if spacing <= 0 or not math.isfinite(spacing):
        return 0
    return max(0, min(3, -math.floor(math.log10(spacing) + 1e-9)))


class ChartAxis(pg.AxisItem):
    """One axis class for every chart: its `kind` says how values become text."""

    def __init__(self, orientation: str, language: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.language = language
        self.kind = NUMBER
        self.start_month = 1
        self.prefix = ""
        self.enableAutoSIPrefix(False)

    def set_kind(self, kind: str, start_month: int = 1) -> None:
        self.kind = kind
        self.start_month = start_month
        if self.orientation == "bottom":
            # Two-line date labels (month, then year) need the room pyqtgraph would not reserve by itself.
            self.setHeight({DATE: 46, MONTH_OF_YEAR: 30}.get(kind))
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N802 (pyqtgraph API)
        if self.kind == MONTH_OF_YEAR:
            return [
                (1.0, [float(v) for v in range(max(0, math.ceil(minVal)), min(11, math.floor(maxVal)) + 1)])
            ]
        if self.kind != DATE or maxVal <= minVal:
            # Major ticks only: minor grid lines make a print look grey.
            return list(super().tickValues(minVal, maxVal, size))[:1]
        span = maxVal - minVal
        fits = max(size / 75.0, 1.0)  # about 75 px per label
        step = next((s for s in _MONTH_STEPS if span / s <= fits), _MONTH_STEPS[-1])
        # Labels sit under the middle of their month (or of their year), where the bar is.
        centre = 6.0 if step >= 12 else 0.5
        first = math.ceil((minVal - centre) / step) * step
        values = [v + centre for v in range(int(first), int(math.floor(maxVal - centre)) + 1, step)]
        return [(float(step), values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.kind == MONTH_OF_YEAR:
            return [month_name(self.language, (self.start_month - 1 + int(v)) % 12 + 1) for v in values]
        if self.kind == DATE:
            out = []
            for k, v in enumerate(values):
                idx = math.floor(v)
                if spacing >= 12:
                    out.append(str(idx // 12))
                elif idx % 12 == 0 or k == 0:
                    out.append(f"{month_name(self.language, idx % 12 + 1)}\n{idx // 12}")
                else:
                    out.append(month_name(self.language, idx % 12 + 1))
            return out
        decimals = decimals_for(spacing * scale)
        return [self.prefix + number_text(v * scale, self.language, decimals) for v in values]


class NumberAxis(pg.AxisItem):
    """A value axis with grouped numbers in the UI language (300 000 / 300,000), no SI prefix."""

    def __init__(self, orientation: str, language: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.language = language
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        decimals = decimals_for(spacing * scale)
        return [number_text(v * scale, self.language, decimals) for v in values]


class TimestampAxis(pg.DateAxisItem):
    """pyqtgraph's date axis (x in POSIX seconds) with month names and dates in the UI language."""

    def __init__(self, language: str, orientation: str = "bottom", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.language = language

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        day = 86400.0
        out = []
        for v in values:
            try:
                when = datetime.fromtimestamp(v).date()
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            if spacing >= 300 * day:
                out.append(str(when.year))
            elif spacing >= 25 * day:
                out.append(month_label(self.language, when.year * 12 + when.month - 1, short=True))
            else:
                out.append(formatting.day_month(when, self.language))
        return out
