"""Chart axes in the user's language: month names, dates and grouped numbers from core.formatting."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pyqtgraph as pg

from espm_desktop.core import formatting
from espm_desktop.ui.plots.chart_style import DATE_AXIS_HEIGHT
from espm_desktop.ui.plots.ticks import (
    date_tick_strings,
    date_ticks,
    month_name,
    number_tick_strings,
    number_ticks,
)

DATE = "date"  # x = month index (year * 12 + month - 1), fractional inside a month
MONTH_OF_YEAR = "month_of_year"  # x = 0..11, month `start_month` first
NUMBER = "number"


def month_label(language: str, month_index: int, short: bool = False) -> str:
    """'March 2025' / 'mars 2025' for a month index."""
    return formatting.month_year(month_index // 12, month_index % 12 + 1, language, short)


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
            self.setHeight({DATE: DATE_AXIS_HEIGHT, MONTH_OF_YEAR: 30}.get(kind))
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N802 (pyqtgraph API)
        if self.kind == MONTH_OF_YEAR:
            return [
                (1.0, [float(v) for v in range(max(0, math.ceil(minVal)), min(11, math.floor(maxVal)) + 1)])
            ]
        if self.kind != DATE or maxVal <= minVal:
            # Major ticks only (minor grid lines make a print look grey), by pyqtgraph's rule as ticks.py spells
            # it, which the painted first chart uses too.
            spacing, values = number_ticks(minVal, maxVal, size)
            return [(spacing, values)] if spacing else []
        return [date_ticks(minVal, maxVal, size)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.kind == MONTH_OF_YEAR:
            return [month_name(self.language, (self.start_month - 1 + int(v)) % 12 + 1) for v in values]
        if self.kind == DATE:
            return date_tick_strings(values, spacing, self.language)
        return number_tick_strings([v * scale for v in values], spacing * scale, self.language, self.prefix)


class NumberAxis(pg.AxisItem):
    """A value axis with grouped numbers in the UI language (300 000 / 300,000), no SI prefix."""

    def __init__(self, orientation: str, language: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.language = language
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return number_tick_strings([v * scale for v in values], spacing * scale, self.language)


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
