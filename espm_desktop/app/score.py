"""Score a property: what the Score page, the score report and the portfolio report show (no Qt, no ORM).

`score_property` reads the property in one short read-only connection (the sqlite3 module: SQLAlchemy is not
needed, so the Score page can be the first screen), calendarises its bills once, checks them, takes the period
(the latest 12 full months unless another end is asked for) and scores it. What it returns is core objects.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING

from espm_desktop.app.reading import PropertyNotFound, read_connection
from espm_desktop.core.calendarize import (
    Period,
    PeriodTotals,
    PropertyMonths,
    calendarize_property,
    latest_full_period,
    month_complete,
    month_index,
    month_start,
    period_ending,
    period_totals,
)
from espm_desktop.core.checks import Finding, check_property
from espm_desktop.core.degree_days import MonthlyDegreeDays, PropertyDegreeDaysResult
from espm_desktop.core.i18n import message
from espm_desktop.core.score.bank_branch import BankBranchResult, compute_score, inputs_from_property
from espm_desktop.core.score.weather_station import StationView, station_warnings
from espm_desktop.core.types import PropertyData, PropertyType
from espm_desktop.db.property_reads import (
    StationRecord,
    degree_days_for_period,
    property_record,
    station_record,
    typed_degree_days,
)
from espm_desktop.db.station_months import monthly_degree_days

if TYPE_CHECKING:
    from espm_desktop.app.reading import DatabaseSource


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """Whether the 12 months ending `end` can give a score, and if not the first reason why.

    reason: None (they can), "meter_without_bills" (`meter_name`), "months_not_covered" (`meter_name`
    lacks `months_missing` of the 12 months; empty name when no meter has data) or "no_degree_days".
    """

    end: date
    reason: str | None = None
    meter_name: str = ""
    months_missing: int = 0


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A property's score for one period, with everything the Score page and the score report show."""

    prop: PropertyData
    months: PropertyMonths
    """Its bills in calendar months, as the score was computed from them (reports reuse them)."""
    is_bank_branch: bool
    latest: Period | None
    period: Period | None
    period_ends: tuple[date, ...]
    """Every month end that closes 12 months of the data, latest first (what the user may pick)."""
    totals: PeriodTotals | None
    degree_days: PropertyDegreeDaysResult | None
    result: BankBranchResult | None
    findings: tuple[Finding, ...]
    period_statuses: tuple[PeriodStatus, ...] = ()
    """One per entry of `period_ends`, same order."""
    station: StationView | None = None


def first_bank_branch_id(db: DatabaseSource) -> int | None:
    """The first bank branch by name (what the Score page opens on when nothing is chosen yet)."""
    with read_connection(db) as con:
        row = con.execute(
            "SELECT id FROM property WHERE property_type = ? ORDER BY name LIMIT 1",
            (PropertyType.BANK_BRANCH.value,),
        ).fetchone()
    return None if row is None else int(row[0])


def score_property(db: DatabaseSource, property_id: int, period_end: date | None = None) -> ScoreResult:
    """Read, calendarise, check, take the period (latest 12 full months unless `period_end` is given) and score.

    Raises PropertyNotFound for an unknown id.
    """
    with read_connection(db) as con:
        return score_property_on(con, property_id, period_end)


def score_property_on(
    con: sqlite3.Connection, property_id: int, period_end: date | None = None
) -> ScoreResult:
    """`score_property` on an open connection (a portfolio scores every property in one)."""
    record = property_record(con, property_id)
    if record is None:
        raise PropertyNotFound(property_id)
    prop = record.data
    is_bank = prop.property_type == PropertyType.BANK_BRANCH.value
    months = calendarize_property(prop)
    latest = latest_full_period(months)
    period = period_ending(period_end) if period_end is not None else latest
    if period is not None and month_index(period.end) not in months.month_range():
        period = latest
    typed = typed_degree_days(con, property_id)
    station = (
        station_record(con, record.weather_station_id) if record.weather_station_id is not None else None
    )
    findings = check_property(prop, months, has_common_period=latest is not None)
    totals = dd = result = None
    if period is not None:
        totals = period_totals(months, period)
        findings.extend(_period_findings(months, totals))
        dd = degree_days_for_period(con, period, typed.get(period.end), station)
        if is_bank:
            findings.extend(_degree_day_findings(dd))
        result = compute_score(inputs_from_property(prop, totals, dd.hdd, dd.cdd))
        # The analytical filters describe bank branches; they mean nothing for other types.
        for w in result.warnings if is_bank else ():
            findings.append(Finding(w.code, "warning", None, None, None, w.message))
    ends = _period_ends(months)
    monthly = monthly_degree_days(con, station.station_id) if is_bank and station is not None else None
    statuses = _period_statuses(prop, months, ends, is_bank, set(typed), monthly)
    return ScoreResult(
        prop=prop,
        months=months,
        is_bank_branch=is_bank,
        latest=latest,
        period=period,
        period_ends=ends,
        totals=totals,
        degree_days=dd,
        result=result,
        findings=tuple(findings),
        period_statuses=statuses,
        station=_station_view(record.province, prop.postal_code, station),
    )


def _period_ends(months: PropertyMonths) -> tuple[date, ...]:
    span = months.month_range()
    if len(span) < 12:
        return ()
    # month_end(i) for each month, latest first, as ordinals: one date made per month.
    return tuple(
        date.fromordinal(month_start(i + 1).toordinal() - 1) for i in range(span[-1], span[0] - 1, -1)
    )


def _period_findings(months: PropertyMonths, totals: PeriodTotals) -> list[Finding]:
    out = []
    period = totals.period
    incomplete = [month_start(i) for i in period.month_indexes() if not month_complete(months, i)]
    if incomplete:
        out.append(
            Finding(
                "period_months_incomplete",
                "error",
                None,
                period.start,
                period.end,
                message(
                    "The 12 months ending {end} are not all covered by bills: {months}. Choose another period "
                    "or add the missing bills.",
                    end=period.end.isoformat(),
                    months=", ".join(d.strftime("%Y-%m") for d in incomplete),
                ),
            )
        )
    for m in totals.meters:
        if m.missing_months:
            out.append(
                Finding(
                    "period_incomplete",
                    "error",
                    m.meter_name,
                    period.start,
                    period.end,
                    message(
                        "Meter '{meter}' does not cover these months of the chosen period: {months}. Add the "
                        "bills or choose another period.",
                        meter=m.meter_name,
                        months=", ".join(d.strftime("%Y-%m") for d in m.missing_months),
                    ),
                )
            )
    return out


def _degree_day_findings(dd: PropertyDegreeDaysResult) -> list[Finding]:
    start, end = dd.period.start, dd.period.end
    # ISO dates, as the Weather page and the period list write them.
    iso = end.isoformat()
    if dd.origin == "none" and dd.station_name and dd.months_without_data:
        text = message(
            "Station {station} has no weather data for {months}. Import that station's daily files for these "
            "months, or type the degree days of the 12 months ending {end} on the Weather page.",
            station=dd.station_name,
            months=", ".join(d.strftime("%Y-%m") for d in dd.months_without_data),
            end=iso,
        )
        return [Finding("degree_days_station_gap", "error", None, start, end, text)]
    if dd.origin == "none":
        text = message(
            "No degree days for the 12 months ending {end}. On the Weather page, type them (ESPM shows them for "
            "the property) or link the property to a station whose daily files you imported.",
            end=iso,
        )
        return [Finding("degree_days_missing", "error", None, start, end, text)]
    if dd.origin == "station" and dd.missing_days:
        text = message(
            "Station {station} misses {days} day(s) in the 12 months ending {end}; each month was scaled up for "
            "its missing days.",
            station=dd.station_name,
            days=dd.missing_days,
            end=iso,
        )
        return [Finding("degree_days_missing_days", "warning", None, start, end, text)]
    return []


def _prefix(flags: Sequence[bool]) -> list[int]:
    """Running counts: out[k] = how many of flags[:k] are true."""
    return list(accumulate(flags, initial=0))


def _period_statuses(
    prop: PropertyData,
    months: PropertyMonths,
    ends: tuple[date, ...],
    is_bank: bool,
    typed: set[date],
    monthly: Sequence[MonthlyDegreeDays] | None,
) -> tuple[PeriodStatus, ...]:
    """One status per period end; the month tests (calendarize.month_complete, MeterMonths.is_full and
    is_required, degree_days.period_degree_days's months without data) are made once per month, not per period."""
    if not ends:
        return ()
    without_bills = next((m.name for m in prop.meters if not m.bills), None)
    if without_bills is not None:
        return tuple(PeriodStatus(end, "meter_without_bills", without_bills) for end in ends)
    span = months.month_range()
    lo = span[0] - 11  # the earliest period starts 11 months before the first month with data
    indexes = range(lo, span[-1] + 1)
    n = len(indexes)
    fulls: list[list[bool]] = []
    lacking: list[
        list[bool]
    ] = []  # lacking[m][k]: meter m is required in month lo + k but doesn't cover all of it
    for m in months.meters:
        # Every meter has bills here, so its months lie within `indexes`.
        k0 = m.first_month - lo
        full = [False] * k0 + m.full_flags() + [False] * (n - k0 - len(m.covered_days))
        first = 0 if m.required_from is None else min(max(m.required_from - lo, 0), n)
        last = n if m.required_until is None else min(max(m.required_until - lo + 1, first), n)
        lack = [False] * first + [not f for f in full[first:last]] + [False] * (n - last)
        fulls.append(full)
        lacking.append(lack)
    # calendarize.month_complete: at least one meter covers the month and every meter required in it does.
    incomplete = [
        not any(f) or any(x)
        for f, x in zip(zip(*fulls, strict=True), zip(*lacking, strict=True), strict=True)
    ]
    incomplete_sum = _prefix(incomplete)
    lacking_sums = [_prefix(row) for row in lacking]
    with_data = {month_index(m.month) for m in monthly if m.days_with_data} if monthly is not None else set()
    no_weather_sum = _prefix([i not in with_data for i in indexes])
    out: list[PeriodStatus] = []
    # `ends` are the last days of the months of `indexes`, latest first: the j-th closes the 12 months [b - 12, b)
    # with b = n - j. Every field is passed: a frozen dataclass fills a default more slowly than an argument.
    for j, end in enumerate(ends):
        b = n - j
        a = b - 12
        count = incomplete_sum[b] - incomplete_sum[a]
        if count:
            name = ""
            for m, sums in zip(months.meters, lacking_sums, strict=True):
                missing = sums[b] - sums[a]
                if missing:
                    name, count = m.meter_name, missing
                    break
            out.append(PeriodStatus(end, "months_not_covered", name, count))
        elif is_bank and end not in typed and (monthly is None or no_weather_sum[b] - no_weather_sum[a]):
            out.append(PeriodStatus(end, "no_degree_days", "", 0))
        else:
            out.append(PeriodStatus(end, None, "", 0))
    return tuple(out)


def _station_view(province: str, postal_code: str, station: StationRecord | None) -> StationView | None:
    if station is None:
        return None
    here: tuple[float, float] | None = None
    # The schema keeps no coordinates for a property: only the province check can run until it does.
    there = (
        (station.latitude, station.longitude)
        if station.latitude is not None and station.longitude is not None
        else None
    )
    warnings = station_warnings(province, postal_code, station.province, here, there)
    return StationView(station.name, station.climate_id, station.province, warnings)
