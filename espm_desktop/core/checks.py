"""Data checks on a property's meters and bills, mirroring the alerts ESPM raises (DOMAIN.md).

Errors stop metrics (ESPM would not compute them); warnings are worth a look; info is for context. A finding
(core/findings.py), the spike check (core/spikes.py) and the overlap rule (core/overlaps.py) have modules of their
own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from espm_desktop.core.calendarize import (
    MeterMonths,
    PropertyMonths,
    calendarize_meter,
    latest_full_period,
    month_start,
)
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import message
from espm_desktop.core.overlaps import BillOverlap, bill_overlap
from espm_desktop.core.spikes import usage_spikes
from espm_desktop.core.types import Bill, BillTable, MeterData, PropertyData

MAX_ENTRY_DAYS = 65
"""ESPM alert: a single entry of more than 65 days."""
MIN_FULL_MONTHS = 12


_ORDINAL = date.toordinal


def _longest_full_run(full: list[bool], first_month: int) -> tuple[int, int | None]:
    """(length, first month index) of the longest run of consecutive full months (`full`: MeterMonths.full_flags);
    the earliest of the longest."""
    runs = bytes(full).split(b"\x00")  # the runs of full months, each as that many 1 bytes
    longest = max(runs, key=len)
    if not longest:
        return 0, None
    k = runs.index(longest)  # the first run that long: runs of one length are equal
    return len(longest), first_month + sum(map(len, runs[:k])) + k


def check_meter(
    meter: MeterData, cal: MeterMonths | None = None, full: list[bool] | None = None
) -> list[Finding]:
    """Findings for one meter: bad dates, negative usage, overlaps, gaps, long entries, short history.

    `cal`: the meter calendarised, and `full` its MeterMonths.full_flags(), when the caller has them.
    """
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
    # Bills are usually stored and read in date order: checked while walking them, sorted only when not.
    table = BillTable.of(meter.bills)
    found = _bill_findings(name, table)
    if found is None:
        table = table.in_order()
        found = _bill_findings(name, table)
        assert found is not None
    out.extend(found)
    first_start = table.starts[0]
    if meter.active_date is not None and meter.active_date != first_start:
        out.append(
            Finding(
                "active_date_mismatch",
                "warning",
                name,
                meter.active_date,
                first_start,
                message(
                    "Meter '{meter}' became active on {active} but its first bill starts on {first}. Align the "
                    "active date with the first bill.",
                    meter=name,
                    active=meter.active_date.isoformat(),
                    first=first_start.isoformat(),
                ),
            )
        )
    cal = cal if cal is not None else calendarize_meter(meter)
    if full is None:
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


def _bill_findings(name: str, table: BillTable) -> list[Finding] | None:
    """Each bill's own problems (bad dates, negative usage, long entry), then the gaps and overlaps between them,
    for bills in (start, end) order; None as soon as a bill comes before the one listed ahead of it.

    Dates are compared as day ordinals: integer sums and comparisons, no date arithmetic per bill. A `Bill` is
    made only for a bill with a problem of its own.
    """
    alone: list[Finding] = []
    between: list[Finding] = []
    starts, ends = table.starts, table.ends
    start_days, end_days = list(map(_ORDINAL, starts)), list(map(_ORDINAL, ends))
    last_start, last_end = start_days[0], end_days[0]
    usages = table.usages
    if not (usages[0] >= 0 and 0 <= last_end - last_start < MAX_ENTRY_DAYS):
        alone.extend(_bill_alone_findings(name, table[0]))
    covered_until = last_end
    # The bill reaching furthest so far (it ends on covered_until): starts and ends of accepted bills both
    # increase, so a bill that does not clash with it clashes with no earlier bill.
    reaching = 0
    for i in range(1, len(start_days)):
        start, end = start_days[i], end_days[i]
        if start <= last_start and (start < last_start or end < last_end):
            return None
        last_start, last_end = start, end
        if not (usages[i] >= 0 and 0 <= end - start < MAX_ENTRY_DAYS):
            alone.extend(_bill_alone_findings(name, table[i]))
        if start > covered_until + 1:
            between.append(_gap_finding(name, ends[reaching], starts[i]))
        elif (
            start <= covered_until
            and (clash := bill_overlap(starts[i], ends[i], starts[reaching], ends[reaching])) is not None
        ):
            # ESPM's rule (core.overlaps.bill_overlap): only the end date may equal the next start date.
            between.append(_overlap_finding(name, clash))
        if end > covered_until:
            covered_until = end
            reaching = i
    alone.extend(between)
    return alone


def _bill_alone_findings(name: str, b: Bill) -> list[Finding]:
    out: list[Finding] = []
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
    return out


def _gap_finding(name: str, covered_until: date, next_start: date) -> Finding:
    gap_start, gap_end = covered_until + timedelta(days=1), next_start - timedelta(days=1)
    gap_days = (gap_end - gap_start).days + 1
    return Finding(
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


def _overlap_finding(name: str, clash: BillOverlap) -> Finding:
    return Finding(
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


def check_property(
    prop: PropertyData,
    months: PropertyMonths | None = None,
    *,
    has_common_period: bool | None = None,
    full_flags: Sequence[list[bool]] | None = None,
) -> list[Finding]:
    """All findings for a property: floor area, meters, then each meter, then a common 12-month period.

    `has_common_period`: whether latest_full_period(months) found a period, when the caller already knows;
    `full_flags`: each meter's MeterMonths.full_flags() (`months` in the same order), when the caller has them.
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
    if full_flags is None or months is None:
        full_flags = [cal.full_flags() for cal in cals]
    for meter, cal, full in zip(prop.meters, cals, full_flags, strict=True):
        out.extend(check_meter(meter, cal, full))
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
