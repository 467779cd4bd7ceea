"""Where a chart's axis puts its ticks and what they say, without pyqtgraph.

The interactive charts' axes (`axes.ChartAxis`) and the first chart drawn with Qt's painter (`first_chart`) share
these, so the chart a user sees first has the ticks and labels of the one that replaces it.
"""

from __future__ import annotations

import math

from espm_desktop.core import formatting

MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
"""Months between two date labels: the first whose labels are about 75 px apart wins."""


def month_name(language: str, month: int, short: bool = True) -> str:
    """Month 1–12 in the language ('janv.' / 'Jan'), capitalised as a chart label."""
    name = formatting.month_name(month, language, short)
    return name[:1].upper() + name[1:]


def decimals_for(spacing: float) -> int:
    """Enough decimals to tell ticks (or values) `spacing` apart, at most 3."""
    if spacing <= 0 or not math.isfinite(spacing):
        return 0
    return max(0, min(3, -math.floor(math.log10(spacing) + 1e-9)))


def major_spacing(low: float, high: float, size: float) -> float:
    """The distance between two major ticks of a value axis `size` pixels long showing `low`..`high`.

    The same rule as pyqtgraph's axes (AxisItem.tickSpacing, its first level): at least 2.25 intervals, more on
    a longer axis; the interval 1, 2 or 5 times a power of ten.
    """
    span = abs(high - low)
    if span == 0 or not math.isfinite(span):
        return 0.0
    intervals = max(2.25, 2.25 * math.sqrt(size / 300.0))
    largest = span / intervals
    _mantissa, exp2 = math.frexp(largest)
    unit = 10.0 ** (math.floor((exp2 - 1) / 3.32192809488736) - 1)
    if 100.0 * unit <= largest:
        return 100.0 * unit
    factor = next((f for f in (50, 20, 10) if f * unit <= largest), 10)
    return factor * unit


def number_ticks(low: float, high: float, size: float) -> tuple[float, list[float]]:
    """(spacing, values) of the major ticks of a value axis, as pyqtgraph places them."""
    low, high = sorted((low, high))
    spacing = major_spacing(low, high, size)
    if spacing <= 0:
        return 0.0, []
    start = math.ceil(low / spacing) * spacing
    count = int((high - start) / spacing) + 1
    return spacing, [start + k * spacing for k in range(max(count, 0))]


def number_tick_strings(values: list[float], spacing: float, language: str, prefix: str = "") -> list[str]:
    """Numbers grouped in the language (300 000 / 300,000), never '-0', with the decimals `spacing` needs."""
    decimals = decimals_for(spacing)
    return [prefix + formatting.number(v, language, decimals) for v in values]


def date_ticks(low: float, high: float, size: float) -> tuple[float, list[float]]:
    """(months between labels, values) of a date axis (x = month index, fractional inside a month).

    Labels sit under the middle of their month (or of their year), where the bar is.
    """
    span = high - low
    fits = max(size / 75.0, 1.0)  # about 75 px per label
    step = next((s for s in MONTH_STEPS if span / s <= fits), MONTH_STEPS[-1])
    centre = 6.0 if step >= 12 else 0.5
    first = math.ceil((low - centre) / step) * step
    values = [v + centre for v in range(int(first), int(math.floor(high - centre)) + 1, step)]
    return float(step), values


def date_tick_strings(values: list[float], spacing: float, language: str) -> list[str]:
    """Years alone when labels are a year or more apart; else month names, with the year under each January
    and under the first label."""
    out = []
    for k, v in enumerate(values):
        idx = math.floor(v)
        if spacing >= 12:
            out.append(str(idx // 12))
        elif idx % 12 == 0 or k == 0:
            out.append(f"{month_name(language, idx % 12 + 1)}\n{idx // 12}")
        else:
            out.append(month_name(language, idx % 12 + 1))
    return out
