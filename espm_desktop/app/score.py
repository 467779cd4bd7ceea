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
from functools import partial
from operator import attrgetter, not_
from typing import TYPE_CHECKING, NamedTuple

from espm_desktop.app.reading import PropertyNotFound, read_connection
from espm_desktop.core.calendarize import (
    Period,
    PeriodTotals,
    PropertyMonths,
    calendarize_property,
    latest_full_period,
    month_complete,
    month_end_dates,
    month_index,
    month_start,
    period_ending,
    period_totals,
)
from espm_desktop.core.checks import check_property
from espm_desktop.core.degree_days import MonthlyDegreeDays, PropertyDegreeDaysResult
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import message
from espm_desktop.core.score.bank_branch import BankBranchResult, compute_score, inputs_from_property
from espm_desktop.core.score.weather_station import StationView, station_warnings
from espm_desktop.core.types import PropertyData, PropertyType
from espm_desktop.db.property_reads import (
    StationRecord,
    degree_days_for_period,
    property_record,
    typed_degree_days,
)
from espm_desktop.db.station_months import monthly_degree_days

if TYPE_CHECKING:
    from espm_desktop.app.reading import DatabaseSource


class PeriodStatus(NamedTuple):
    """Whether the 12 months ending `end` can give a score, and if not the first reason why.

    reason: None (they can), "meter_without_bills" (`meter_name`), "months_not_covered" (`meter_name`
    lacks `months_missing` of the 12 months; empty name when no meter has data) or "no_degree_days".
    A named tuple rather than a frozen dataclass: a property has one per month of its data, and a tuple is made in
    a third of the time.
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
    typed = typed_degree_days(con, property_id) if record.has_typed_degree_days else {}
    station = record.station
    # The station's months are read once, for the period's degree days and for the period statuses.
    monthly = (
        monthly_degree_days(con, station.station_id)
        if station is not None and (is_bank or (period is not None and period.end not in typed))
        else None
    )
    # Each meter's full months, for the data checks and the period statuses.
    full_flags = [m.full_flags() for m in months.meters]
    findings = check_property(prop, months, has_common_period=latest is not None, full_flags=full_flags)
    totals = dd = result = None
    if period is not None:
        totals = period_totals(months, period)
        findings.extend(_period_findings(months, totals))
        dd = degree_days_for_period(con, period, typed.get(period.end), station, monthly)
        if is_bank:
            findings.extend(_degree_day_findings(dd))
        result = compute_score(inputs_from_property(prop, totals, dd.hdd, dd.cdd))
        # The analytical filters describe bank branches; they mean nothing for other types.
        for w in result.warnings if is_bank else ():
            findings.append(Finding(w.code, "warning", None, None, None, w.message))
    ends = _period_ends(months)
    statuses = _period_statuses(
        prop, months, ends, is_bank, set(typed), monthly if is_bank else None, full_flags
    )
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
    ends = month_end_dates(span[0], len(span))
    ends.reverse()
    return tuple(ends)


def _period_findings(months: PropertyMonths, totals: PeriodTotals) -> list[Finding]:
    out = []
    period = totals.period
    # totals.complete: every month of the period is complete (calendarize.period_is_complete), nothing to list.
    incomplete = (
        []
        if totals.complete
        else [month_start(i) for i in period.month_indexes() if not month_complete(months, i)]
    )
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


# Multiplying a row of month flags, read as one base-256 number, by 256^11 + … + 256 + 1 adds each flag to the 11
# before it, digit by digit: no carry, a sum being at most 12. One multiplication instead of a sum per window.
_TWELVE_ONES = int.from_bytes(b"\x01" * 12, "big")


def _window_counts(flags: bytes) -> bytes:
    """How many of each 12 consecutive flags (bytes of 0 or 1) are set: out[a] counts flags[a : a + 12]."""
    n = len(flags)
    if n < 12:
        return b""
    return (int.from_bytes(flags, "big") * _TWELVE_ONES).to_bytes(n + 11, "big")[11:n]


def _months_without_weather(monthly: Sequence[MonthlyDegreeDays], first: int, count: int) -> bytes:
    """For each of `count` months from month index `first`, 1 when the station has no day of data in it.

    `monthly`: one row per month from the station's first to its last, as db.station_months gives them.
    """
    if not monthly:
        return b"\x01" * count
    m0 = month_index(monthly[0].month)
    lo, hi = max(first, m0), min(first + count, m0 + len(monthly))
    if lo >= hi:
        return b"\x01" * count
    inner = bytes(map(not_, map(_DAYS_WITH_DATA, monthly[lo - m0 : hi - m0])))
    return b"\x01" * (lo - first) + inner + b"\x01" * (first + count - hi)


_DAYS_WITH_DATA = attrgetter("days_with_data")
# Month flags are bytes of 0 or 1, one per month, so that a meter's flags are combined with the others' as one
# integer (its bytes): a bitwise or over every month at once.
_NEGATED = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def _period_statuses(
    prop: PropertyData,
    months: PropertyMonths,
    ends: tuple[date, ...],
    is_bank: bool,
    typed: set[date],
    monthly: Sequence[MonthlyDegreeDays] | None,
    full_flags: Sequence[list[bool]] | None = None,
) -> tuple[PeriodStatus, ...]:
    """One status per period end; the month tests (calendarize.month_complete, MeterMonths.is_full and
    is_required, degree_days.period_degree_days's months without data) are made once per month, not per period.

    `monthly`: the station's months, one row per month from its first (db.station_months); `full_flags`: each
    meter's MeterMonths.full_flags(), when the caller has them.
    """
    if not ends:
        return ()
    without_bills = next((m.name for m in prop.meters if not m.bills), None)
    if without_bills is not None:
        return tuple(PeriodStatus(end, "meter_without_bills", without_bills) for end in ends)
    span = months.month_range()
    lo = span[0] - 11  # the earliest period starts 11 months before the first month with data
    n = span[-1] + 1 - lo
    if full_flags is None:
        full_flags = [m.full_flags() for m in months.meters]
    any_full = any_lacking = 0
    lacking: list[
        bytes
    ] = []  # lacking[m][k]: 1 when meter m is required in month lo + k but lacks some of it
    for m, flags in zip(months.meters, full_flags, strict=True):
        # Every meter has bills here, so its months lie within the n months from lo.
        k0 = m.first_month - lo
        full = bytes(k0) + bytes(flags) + bytes(n - k0 - len(flags))
        first = 0 if m.required_from is None else min(max(m.required_from - lo, 0), n)
        last = n if m.required_until is None else min(max(m.required_until - lo + 1, first), n)
        lack = bytes(first) + full[first:last].translate(_NEGATED) + bytes(n - last)
        any_full |= int.from_bytes(full, "big")
        any_lacking |= int.from_bytes(lack, "big")
        lacking.append(lack)
    # calendarize.month_complete: at least one meter covers the month and every meter required in it does.
    every_month = int.from_bytes(b"\x01" * n, "big")
    incomplete = ((any_full ^ every_month) | any_lacking).to_bytes(n, "big")
    # `ends` are the last days of the months lo + 11 … lo + n - 1, latest first: the j-th closes the 12 months
    # [a, a + 12) with a = n - 12 - j, whose counts are the j-th of each window list reversed.
    counts = _window_counts(incomplete)[::-1]
    if is_bank:
        dark = _months_without_weather(monthly, lo, n) if monthly is not None else b"\x01" * n
        without_weather = _window_counts(dark)[::-1]
    else:
        without_weather = bytes(len(ends))
    lacking_counts: list[tuple[str, bytes]] | None = None
    statuses: list[PeriodStatus] = []
    new = _new_status
    for j, (end, count, no_weather) in enumerate(zip(ends, counts, without_weather, strict=True)):
        if count:
            if lacking_counts is None:
                lacking_counts = [
                    (m.meter_name, _window_counts(row)[::-1])
                    for m, row in zip(months.meters, lacking, strict=True)
                ]
            name = ""
            for meter_name, missing in lacking_counts:
                if missing[j]:
                    name, count = meter_name, missing[j]
                    break
            statuses.append(new((end, "months_not_covered", name, count)))
        elif no_weather and end not in typed:
            statuses.append(new((end, "no_degree_days", "", 0)))
        else:
            statuses.append(new((end, None, "", 0)))
    return tuple(statuses)


# A status from its four values, made as a plain tuple is: PeriodStatus(...) goes through a Python-level __new__,
# three times as long, and a property has a status per month of its data.
_new_status = partial(tuple.__new__, PeriodStatus)


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
