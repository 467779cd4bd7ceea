"""Data checks on a property's meters and bills, mirroring the alerts ESPM raises (DOMAIN.md).

Errors stop metrics (ESPM would not compute them); warnings are worth a look; info is for context.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter
from typing import ClassVar, Literal

from espm_desktop.core import energy, formatting
from espm_desktop.core.calendarize import (
    MeterMonths,
    PropertyMonths,
    calendarize_meter,
    latest_full_period,
    month_end,
    month_start,
)
from espm_desktop.core.i18n import N_, Message, Number, Shown, message
from espm_desktop.core.types import MeterData, PropertyData
from espm_desktop.core.validation import bill_overlap

Severity = Literal["error", "warning", "info"]

MAX_ENTRY_DAYS = 65
"""ESPM alert: a single entry of more than 65 days."""
MIN_FULL_MONTHS = 12
SPIKE_FACTOR = 3.0
"""A month above 3 × (or below a third of) the median of the same calendar month in other years is flagged."""
MIN_OTHER_YEARS = 2
"""The comparison needs the same calendar month, fully billed, in at least two other years."""


@dataclass(frozen=True, slots=True)
class Finding(Shown):
    """One problem found in the data, with where it is and how to fix it (`message`, for any language)."""

    _shown_attribute: ClassVar[str] = "message"

    code: str
    severity: Severity
    meter_name: str | None
    start: date | None
    end: date | None
    message: Message = field(hash=False)

    @property
    def key(self) -> FindingKey:
        """What stays the same while the finding does: its code and period (other dates: another finding)."""
        return (
            self.code,
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
        )


# (code, ISO start or '', ISO end or ''): how an acknowledged finding is kept (db/findings.py).
FindingKey = tuple[str, str, str]

_START_END = attrgetter("start", "end")
_ONE_DAY = timedelta(days=1)


def _longest_full_run(full: list[bool], first_month: int) -> tuple[int, int | None]:
    """(length, first month index) of the longest run of consecutive full months (`full`: MeterMonths.full_flags)."""
    best, best_first, run, first = 0, None, 0, 0
    for k, is_full in enumerate(full):
        if is_full:
            if run == 0:
                first = first_month + k
            run += 1
            if run > best:
                best, best_first = run, first
        else:
            run = 0
    return best, best_first


def check_meter(meter: MeterData, cal: MeterMonths | None = None) -> list[Finding]:
    """Findings for one meter: bad dates, negative usage, overlaps, gaps, long entries, short history."""
    name = meter.name
    out: list[Finding] = []
    if not meter.bills:
        out.append(
            Finding(
                "no_bills",
                "error",
                name,
                None,
                None,
                message(
                    "Meter '{meter}' has no bills. Enter or import at least 12 months of bills.", meter=name
                ),
            )
        )
        return out
    bills = sorted(meter.bills, key=_START_END)
    for b in bills:
        if b.end < b.start:
            out.append(
                Finding(
                    "end_before_start",
                    "error",
                    name,
                    b.start,
                    b.end,
                    message(
                        "Meter '{meter}': the bill from {start} ends on {end}, before it starts. Fix the dates.",
                        meter=name,
                        start=b.start.isoformat(),
                        end=b.end.isoformat(),
                    ),
                )
            )
        if b.usage < 0:
            out.append(
                Finding(
                    "negative_usage",
                    "error",
                    name,
                    b.start,
                    b.end,
                    message(
                        "Meter '{meter}': the bill {start} to {end} has negative usage ({usage}). Enter the usage "
                        "as a positive number.",
                        meter=name,
                        start=b.start.isoformat(),
                        end=b.end.isoformat(),
                        usage=f"{b.usage:g}",
                    ),
                )
            )
        days = (b.end - b.start).days + 1
        if days > MAX_ENTRY_DAYS:
            out.append(
                Finding(
                    "long_entry",
                    "warning",
                    name,
                    b.start,
                    b.end,
                    message(
                        "Meter '{meter}': the bill {start} to {end} covers {days} days (more than 65). Split it "
                        "into monthly bills if you have them.",
                        meter=name,
                        start=b.start.isoformat(),
                        end=b.end.isoformat(),
                        days=str(days),
                    ),
                )
            )
    covered_until = bills[0].end
    # The bill reaching furthest so far: starts and ends of accepted bills both increase, so a bill that
    # does not clash with it clashes with no earlier bill.
    reaching = bills[0]
    for b in bills[1:]:
        if b.start > covered_until + _ONE_DAY:
            gap_start, gap_end = covered_until + timedelta(days=1), b.start - timedelta(days=1)
            gap_days = (gap_end - gap_start).days + 1
            out.append(
                Finding(
                    "gap",
                    "warning",
                    name,
                    gap_start,
                    gap_end,
                    message(
                        "Meter '{meter}' has a gap of {days} day(s) from {start} to {end}. Add the missing bill.",
                        meter=name,
                        days=str(gap_days),
                        start=gap_start.isoformat(),
                        end=gap_end.isoformat(),
                    ),
                )
            )
        elif (
            b.start <= covered_until
            and (clash := bill_overlap(b.start, b.end, reaching.start, reaching.end)) is not None
        ):
            # ESPM's rule (core.validation.bill_overlap): only the end date may equal the next start date.
            out.append(
                Finding(
                    "overlap",
                    "error",
                    name,
                    clash.start,
                    clash.end,
                    message(
                        "Meter '{meter}': bills overlap by {days} days from {start} to {end} (only the end date "
                        "may equal the next start date). Fix or delete one of the bills.",
                        meter=name,
                        days=str(clash.days),
                        start=clash.start.isoformat(),
                        end=clash.end.isoformat(),
                    ),
                )
            )
        if b.end > covered_until:
            covered_until = b.end
            reaching = b
    if meter.active_date is not None and meter.active_date != bills[0].start:
        out.append(
            Finding(
                "active_date_mismatch",
                "warning",
                name,
                meter.active_date,
                bills[0].start,
                message(
                    "Meter '{meter}' became active on {active} but its first bill starts on {first}. Align the "
                    "active date with the first bill.",
                    meter=name,
                    active=meter.active_date.isoformat(),
                    first=bills[0].start.isoformat(),
                ),
            )
        )
    cal = cal if cal is not None else calendarize_meter(meter)
    full = cal.full_flags()
    out.extend(usage_spikes(cal, full))
    run, first = _longest_full_run(full, cal.first_month)
    if run < MIN_FULL_MONTHS:
        start = month_start(first) if first is not None else None
        out.append(
            Finding(
                "fewer_than_12_months",
                "error",
                name,
                start,
                (month_start(first + run) - timedelta(days=1)) if first is not None else None,
                message(
                    "Meter '{meter}' has {run} full calendar month(s) in a row; metrics need 12 (first day of a "
                    "month to the last day of the 12th). With mid-month billing, enter 13 bills.",
                    meter=name,
                    run=str(run),
                ),
            )
        )
    return out


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


def _most_unusual(pool: list[tuple[int, float]]) -> tuple[int, float, float, int] | None:
    """(month index, value, median of the others, how many others) of the month furthest outside the band."""
    best: tuple[float, tuple[int, float, float, int]] | None = None
    ordered = sorted(v for _i, v in pool)
    below, at, above = _medians_without(ordered)
    low, high = min(below, at, above), max(below, at, above)
    if low > 0 and high / SPIKE_FACTOR <= ordered[0] and ordered[-1] <= SPIKE_FACTOR * low:
        return None  # every month within the band of whichever median applies to it (most pools)
    mid = (len(ordered) - 1) // 2
    others = len(pool) - 1
    for idx, value in pool:
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
    by_month: dict[int, list[tuple[int, float]]] = {}
    first, usage = cal.first_month, cal.usage
    for k, is_full in enumerate(cal.full_flags() if full is None else full):
        if is_full:
            by_month.setdefault((first + k) % 12, []).append((first + k, usage[k]))
    unit = energy.unit(cal.energy_type, cal.unit)
    unit_name = energy.DataText(unit.label_en.split(" (")[0], french=unit.label_fr.split(" (")[0])
    out: list[Finding] = []
    for pool in by_month.values():
        while len(pool) > MIN_OTHER_YEARS and (found := _most_unusual(pool)) is not None:
            out.append(_spike_finding(cal.meter_name, unit_name, *found))
            pool = [p for p in pool if p[0] != found[0]]
    out.sort(key=lambda f: f.start or date.min)
    return out


def _month_text(idx: int, with_year: bool) -> energy.DataText:
    """'January 2024' / 'janvier 2024' (or the month alone), as core.formatting writes them."""
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


def check_property(
    prop: PropertyData, months: PropertyMonths | None = None, *, has_common_period: bool | None = None
) -> list[Finding]:
    """All findings for a property: floor area, meters, then each meter, then a common 12-month period.

    `has_common_period`: whether latest_full_period(months) found a period, when the caller already knows.
    """
    out: list[Finding] = []
    if prop.gross_floor_area_m2 <= 0:
        out.append(
            Finding(
                "zero_floor_area",
                "error",
                None,
                None,
                None,
                message(
                    "Property '{property}' has a gross floor area of {area} m². Enter its gross floor area.",
                    property=prop.name,
                    area=f"{prop.gross_floor_area_m2:g}",
                ),
            )
        )
    if not prop.meters:
        out.append(
            Finding(
                "no_meters",
                "error",
                None,
                None,
                None,
                message(
                    "Property '{property}' has no energy meters for metrics. Add a meter and its bills.",
                    property=prop.name,
                ),
            )
        )
        return out
    cals = months.meters if months is not None else tuple(calendarize_meter(m) for m in prop.meters)
    for meter, cal in zip(prop.meters, cals, strict=True):
        out.extend(check_meter(meter, cal))
    if has_common_period is None:
        has_common_period = latest_full_period(PropertyMonths(prop.name, cals)) is not None
    if not has_common_period:
        out.append(
            Finding(
                "no_common_period",
                "error",
                None,
                None,
                None,
                message(
                    "Property '{property}': there are no 12 full calendar months in which every meter has data. "
                    "Fill the gaps so all meters cover the same 12 months.",
                    property=prop.name,
                ),
            )
        )
    return out
