"""Spike and drop findings: a month's usage against the median of the same calendar month in other years."""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import date
from functools import lru_cache
from itertools import compress

from espm_desktop.core import energy, formatting
from espm_desktop.core.calendarize import MeterMonths, month_end, month_start
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import N_, Message, Number

SPIKE_FACTOR = 3.0
"""A month above 3 × (or below a third of) the median of the same calendar month in other years is flagged."""
MIN_OTHER_YEARS = 2
"""The comparison needs the same calendar month, fully billed, in at least two other years."""

_LARGEST_AVERAGED = 1e300
"""Below this, the average of two values (a median of an even count) is computed without overflow."""


def _within_extremes_band(low: float, high: float) -> bool:
    """For a pool of finite values from `low` to `high` (its smallest and largest): the largest is at most
    SPIKE_FACTOR × the smallest, which is above zero.

    Then every value is within the band of its median: every median of the others lies between the smallest and
    the largest value (an average of two values stays between them).
    """
    return 0 < low and high <= _LARGEST_AVERAGED and high / SPIKE_FACTOR <= low and high <= SPIKE_FACTOR * low


def _medians_without(ordered: list[float]) -> tuple[float, float, float]:
    """statistics.median of `ordered` (sorted) with one value taken out, for the three places it can be taken
    from: (below the middle, at it, above it). Which applies to a value at bisect_left position k: k < mid,
    k == mid, k > mid, with mid = (len(ordered) - 1) // 2."""
    n = len(ordered) - 1
    mid = n // 2
    if n % 2:
        return ordered[mid + 1], ordered[mid + 1], ordered[mid]
    return (
        (ordered[mid] + ordered[mid + 1]) / 2,
        (ordered[mid - 1] + ordered[mid + 1]) / 2,
        (ordered[mid - 1] + ordered[mid]) / 2,
    )


def _band_window(medians: tuple[float, float, float]) -> tuple[float, float]:
    """(from, to): a value in it lies within the band of each of the three medians of `_medians_without`, so of
    whichever applies to it: from the largest / SPIKE_FACTOR to SPIKE_FACTOR × the smallest. Empty when one of
    them is not above zero (each value is then tested on its own)."""
    low, high = min(medians), max(medians)
    return (high / SPIKE_FACTOR, SPIKE_FACTOR * low) if low > 0 else (math.inf, -math.inf)


def _most_unusual(
    pool: list[tuple[int, float]], ordered: list[float] | None = None
) -> tuple[int, float, float, int] | None:
    """(month index, value, median of the others, how many others) of the month furthest outside the band.

    `ordered`: the pool's values sorted, when the caller has them.
    """
    best: tuple[float, tuple[int, float, float, int]] | None = None
    if ordered is None:
        ordered = sorted(v for _i, v in pool)
    medians = _medians_without(ordered)
    below, at, above = medians
    inside_from, inside_to = _band_window(medians)
    mid = (len(ordered) - 1) // 2
    others = len(pool) - 1
    for idx, value in pool:
        if inside_from <= value <= inside_to:
            continue
        k = bisect_left(ordered, value)
        typical = below if k < mid else at if k == mid else above
        if typical <= 0 or typical / SPIKE_FACTOR <= value <= SPIKE_FACTOR * typical:
            continue
        distance = math.inf if value <= 0 else abs(math.log(value / typical))
        if best is None or distance > best[0]:
            best = (distance, (idx, value, typical, others))
    return best[1] if best else None


def usage_spikes(cal: MeterMonths, full: list[bool] | None = None) -> list[Finding]:
    """Months above 3 × or below a third of the median of the same calendar month in other years.

    Only fully billed months are compared (a partly billed month would look like a drop); the median of
    the other years needs at least MIN_OTHER_YEARS of them and must be above zero. The most unusual month
    is taken out before the next is looked for, so that one spike does not make the normal years of a
    short history look like drops. `full`: cal.full_flags(), when the caller has it.
    """
    first, usage = cal.first_month, cal.usage
    flags = cal.full_flags() if full is None else full
    unit_name = _unit_name(cal.energy_type, cal.unit)
    out: list[Finding] = []
    # A sum that is a number: no usage is infinite or not a number, so the smallest and largest of a pool bound it.
    total = sum(usage)
    finite = total - total == 0.0
    every_month_full = all(flags)
    # One pool per calendar month: the meter's months k, k + 12, k + 24 … that are fully billed.
    for k in range(min(12, len(usage))):
        values = usage[k::12] if every_month_full else tuple(compress(usage[k::12], flags[k::12]))
        if len(values) <= MIN_OTHER_YEARS or (finite and _within_extremes_band(min(values), max(values))):
            continue
        ordered = sorted(values)
        window_from, window_to = _band_window(_medians_without(ordered))
        if window_from <= ordered[0] and ordered[-1] <= window_to:
            continue  # every month within the band of whichever median applies to it (most pools)
        pool = [(first + i, usage[i]) for i in range(k, len(usage), 12) if flags[i]]
        pool_ordered: list[float] | None = ordered  # the pool's values sorted, until a month is taken out
        while len(pool) > MIN_OTHER_YEARS and (found := _most_unusual(pool, pool_ordered)) is not None:
            out.append(_spike_finding(cal.meter_name, unit_name, *found))
            pool = [p for p in pool if p[0] != found[0]]
            pool_ordered = None
    # Each finding names its own month: by start, the order is that of the months.
    out.sort(key=lambda f: f.start or date.min)
    return out


@lru_cache(maxsize=256)
def _unit_name(energy_type: str, unit_id: str) -> energy.DataText:
    """The unit's name without its note in brackets, in both languages (made once per unit of the table)."""
    unit = energy.unit(energy_type, unit_id)
    return energy.DataText(unit.label_en.split(" (")[0], french=unit.label_fr.split(" (")[0])


@lru_cache(maxsize=1024)
def _month_text(idx: int, with_year: bool) -> energy.DataText:
    """'January 2024' / 'janvier 2024' (or the month alone), as core.formatting writes them (made once per month:
    a text of both languages, the same for every meter)."""
    year, month = idx // 12, idx % 12 + 1
    if with_year:
        return energy.DataText(
            formatting.month_year(year, month, "en"), french=formatting.month_year(year, month, "fr")
        )
    return energy.DataText(
        formatting.month_name(month, "en", short=False),
        french=formatting.month_name(month, "fr", short=False),
    )


def _spike_finding(name: str, unit: Message, idx: int, value: float, typical: float, years: int) -> Finding:
    values: dict[str, object] = {
        "meter": name,
        "month": _month_text(idx, with_year=True),
        "value": Number(value),
        "unit": unit,
        "month_name": _month_text(idx, with_year=False),
        "years": str(years),
        "typical": Number(typical),
    }
    if value > typical:
        code = "usage_spike"
        text = Message(
            N_(
                "Meter '{meter}': {month} shows {value} {unit}, {ratio} times the median of {month_name} in the "
                "{years} other years ({typical} {unit}). Check that bill: unit, decimal point, an estimated read "
                "caught up."
            ),
            {**values, "ratio": Number(value / typical, 1)},
        )
    else:
        code = "usage_drop"
        text = Message(
            N_(
                "Meter '{meter}': {month} shows {value} {unit}, less than a third of the median of {month_name} "
                "in the {years} other years ({typical} {unit}). Check that bill: unit, decimal point, a missing "
                "part of the month."
            ),
            values,
        )
    return Finding(code, "warning", name, month_start(idx), month_end(idx), text)
