"""Plain arrays for the consumption charts, built from calendarised meters, bills and degree days.

The x coordinate of every dated chart is a month index (year * 12 + month - 1, as in core/calendarize.py),
fractional inside a month, so that calendar-month bars and raw bill periods share one axis. Missing values
are NaN so that a plotting library leaves a gap. Everything here is pure: the UI only draws what it gets.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from espm_desktop.core import energy
from espm_desktop.core.calendarize import (
    MeterMonths,
    Period,
    PropertyMonths,
    days_in_month,
    latest_full_period,
    month_index,
)
from espm_desktop.core.degree_days import DailyWeather, MonthlyDegreeDays, daily_degree_days
from espm_desktop.core.types import Bill, MeterData, PropertyData

NAN = math.nan
AVERAGE_MONTH_DAYS = 365.25 / 12
"""Bill steps are drawn as use per average month so that bimonthly bills line up with monthly bars."""
MIN_MONTH_HDD = 30.0
"""Months with fewer heating degree-days give an unstable use/HDD ratio (summer); they are left out."""
MIN_WEATHER_COVERAGE = 0.9
"""A period needs degree days for 90 % of its days (as the savings baseline, core/savings.py)."""


class Basis(StrEnum):
    """What the energy axis shows."""

    NATIVE = "native"
    SITE_GJ = "site_gj"
    SOURCE_GJ = "source_gj"


def date_x(day: date) -> float:
    """Fractional month index of the start of a day."""
    idx = month_index(day)
    return idx + (day.day - 1) / days_in_month(idx)


def _factor(energy_type: str, unit: str, basis: Basis) -> float:
    if basis is Basis.NATIVE:
        return 1.0
    site = energy.site_gj_per_unit(energy_type, unit)
    return site * energy.source_factor(energy_type) if basis is Basis.SOURCE_GJ else site


def _estimated_months(bills: Iterable[Bill]) -> set[int]:
    out: set[int] = set()
    for b in bills:
        if b.estimated:
            out.update(range(month_index(b.start), month_index(b.end) + 1))
    return out


@dataclass(frozen=True, slots=True)
class MonthlySeries:
    """Calendarised use per month (bars), with cost and flags, for a meter or a whole property."""

    label: str
    basis: Basis
    unit: str
    """Unit id: the meter's unit for NATIVE, else "GJ"."""
    energy_type: str | None
    """The meter's energy type (for unit labels); None for a property in GJ."""
    months: tuple[int, ...]
    values: tuple[float, ...]
    cost: tuple[float, ...] | None
    estimated: tuple[bool, ...]
    covered_days: tuple[int, ...]
    """For a meter: days with a bill; for a property: the smallest coverage among meters with data."""
    days: tuple[int, ...]

    @property
    def x(self) -> list[float]:
        """Bar centres."""
        return [m + 0.5 for m in self.months]

    def complete(self, k: int) -> bool:
        return self.covered_days[k] == self.days[k]

    def index_of(self, month: int) -> int | None:
        k = month - self.months[0] if self.months else -1
        return k if 0 <= k < len(self.months) else None


def meter_series(meter: MeterData, cal: MeterMonths, basis: Basis = Basis.NATIVE) -> MonthlySeries:
    """One meter's monthly use in its unit, site GJ or source GJ."""
    f = _factor(meter.energy_type, meter.unit, basis)
    months = tuple(range(cal.first_month, cal.first_month + len(cal.usage)))
    est = _estimated_months(meter.bills)
    return MonthlySeries(
        label=meter.name,
        basis=basis,
        unit=meter.unit if basis is Basis.NATIVE else "GJ",
        energy_type=meter.energy_type,
        months=months,
        values=tuple(u * f for u in cal.usage),
        cost=tuple(float(c) for c in cal.cost) if cal.cost is not None else None,
        estimated=tuple(m in est for m in months),
        covered_days=cal.covered_days,
        days=tuple(days_in_month(m) for m in months),
    )


def property_basis(prop: PropertyData, basis: Basis) -> Basis:
    """NATIVE only when every meter shares one energy type and unit; otherwise site GJ."""
    kinds = {(m.energy_type, m.unit) for m in prop.meters}
    return Basis.SITE_GJ if basis is Basis.NATIVE and len(kinds) != 1 else basis


def property_series(prop: PropertyData, cal: PropertyMonths, basis: Basis = Basis.SITE_GJ) -> MonthlySeries:
    """The property's monthly total; meters of `prop` and `cal` are in the same order."""
    basis = property_basis(prop, basis)
    span = cal.month_range()
    months = tuple(span)
    n = len(months)
    values = [0.0] * n
    covered = [days_in_month(m) for m in months]
    any_cost = any(m.cost is not None for m in cal.meters)
    cost = [0.0] * n
    est: set[int] = set()
    for meter, mm in zip(prop.meters, cal.meters, strict=True):
        est |= _estimated_months(meter.bills)
        if not mm.usage:
            continue
        f = _factor(meter.energy_type, meter.unit, basis)
        k0 = mm.first_month - span.start
        for k, u in enumerate(mm.usage):
            values[k0 + k] += u * f
        if mm.cost is not None:
            for k, c in enumerate(mm.cost):
                cost[k0 + k] += float(c)
        for k, m in enumerate(months):
            j = m - mm.first_month
            c_days = mm.covered_days[j] if 0 <= j < len(mm.usage) else 0
            if mm.is_required(m) and c_days < covered[k]:
                covered[k] = c_days
    first = prop.meters[0] if prop.meters else None
    return MonthlySeries(
        label=prop.name,
        basis=basis,
        unit=first.unit if basis is Basis.NATIVE and first else "GJ",
        energy_type=first.energy_type if basis is Basis.NATIVE and first else None,
        months=months,
        values=tuple(values),
        cost=tuple(cost) if any_cost else None,
        estimated=tuple(m in est for m in months),
        covered_days=tuple(covered),
        days=tuple(days_in_month(m) for m in months),
    )


@dataclass(frozen=True, slots=True)
class BillSteps:
    """A meter's raw bill periods: one horizontal step per bill, from its start to the day after its end."""

    x_start: tuple[float, ...]
    x_end: tuple[float, ...]
    per_month: tuple[float, ...]
    """Use per day × AVERAGE_MONTH_DAYS, in the series basis, so steps compare with monthly bars."""
    usage: tuple[float, ...]
    """The bill's total, in the series basis."""
    start: tuple[date, ...]
    end: tuple[date, ...]
    estimated: tuple[bool, ...]

    def pairs(self, estimated: bool) -> tuple[list[float], list[float]]:
        """x, y of line segments (two points per bill) for bills with this estimated flag."""
        xs: list[float] = []
        ys: list[float] = []
        for k, e in enumerate(self.estimated):
            if e is estimated:
                xs += [self.x_start[k], self.x_end[k]]
                ys += [self.per_month[k], self.per_month[k]]
        return xs, ys

    def find(self, x: float) -> int | None:
        """The latest bill whose period holds x."""
        hit = None
        for k, (a, b) in enumerate(zip(self.x_start, self.x_end, strict=True)):
            if a <= x < b:
                hit = k
        return hit


def bill_steps(meter: MeterData, basis: Basis = Basis.NATIVE) -> BillSteps:
    f = _factor(meter.energy_type, meter.unit, basis)
    bills = sorted(meter.bills, key=lambda b: (b.start, b.end))
    days = [max((b.end - b.start).days + 1, 1) for b in bills]
    return BillSteps(
        x_start=tuple(date_x(b.start) for b in bills),
        x_end=tuple(date_x(b.end + timedelta(days=1)) for b in bills),
        per_month=tuple(b.usage * f / d * AVERAGE_MONTH_DAYS for b, d in zip(bills, days, strict=True)),
        usage=tuple(b.usage * f for b in bills),
        start=tuple(b.start for b in bills),
        end=tuple(b.end for b in bills),
        estimated=tuple(b.estimated for b in bills),
    )


@dataclass(frozen=True, slots=True)
class YearLine:
    """Twelve months from `first_month`; NaN where bills do not cover the whole month (a part would mislead)."""

    first_month: int
    values: tuple[float, ...]
    highlighted: bool

    @property
    def period(self) -> Period:
        return Period(self.first_month, 12)


@dataclass(frozen=True, slots=True)
class YearOverYear:
    """The 12 months on x (starting with calendar month `start_month`, 1–12), one line per year."""

    start_month: int
    lines: tuple[YearLine, ...]
    highlighted_is_full: bool
    """True when the highlighted line is a complete 12-month period (ESPM's current period)."""
    chosen: bool = False
    """True when the user picked the highlighted period rather than the latest one."""


def year_over_year(series: MonthlySeries, period: Period | None, chosen: bool = False) -> YearOverYear:
    """Lines for every 12-month window aligned on `period` (or on calendar years when None)."""
    if not series.months:
        return YearOverYear(1, (), False, chosen)
    first, last = series.months[0], series.months[-1]
    full = period is not None
    anchor = period.first_month if period is not None else (last // 12) * 12
    start = anchor - 12 * ((anchor - first + 11) // 12)
    lines = []
    for f in range(start, last + 1, 12):
        values = []
        for m in range(f, f + 12):
            k = series.index_of(m)
            values.append(series.values[k] if k is not None and series.complete(k) else NAN)
        if f == anchor or any(not math.isnan(v) for v in values):
            lines.append(YearLine(f, tuple(values), f == anchor))
    return YearOverYear(anchor % 12 + 1, tuple(lines), full, chosen)


def highlight_period(cal: PropertyMonths | MeterMonths) -> Period | None:
    """The latest 12 full months of a property or meter, or None."""
    months = cal if isinstance(cal, PropertyMonths) else PropertyMonths("", (cal,))
    return latest_full_period(months)


@dataclass(frozen=True, slots=True)
class EnergyMix:
    """Monthly source GJ stacked by energy type (types in the energy table's order)."""

    months: tuple[int, ...]
    energy_types: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    """values[t][k]: source GJ of energy type t in month k."""

    def stacked(self) -> list[list[float]]:
        """Cumulative tops: stacked()[t][k] = sum of types 0..t in month k."""
        out: list[list[float]] = []
        running = [0.0] * len(self.months)
        for row in self.values:
            running = [a + b for a, b in zip(running, row, strict=True)]
            out.append(running)
        return out


def energy_mix(cal: PropertyMonths) -> EnergyMix:
    span = cal.month_range()
    months = tuple(span)
    order = {t.energy_type: k for k, t in enumerate(energy.energy_types())}
    types = sorted({m.energy_type for m in cal.meters if m.usage}, key=lambda t: (order.get(t, 999), t))
    rows = {t: [0.0] * len(months) for t in types}
    for mm in cal.meters:
        if not mm.usage:
            continue
        row = rows[mm.energy_type]
        f = mm.site_gj_per_unit * mm.source_factor
        k0 = mm.first_month - span.start
        for k, u in enumerate(mm.usage):
            row[k0 + k] += u * f
    return EnergyMix(months, tuple(types), tuple(tuple(rows[t]) for t in types))


@dataclass(frozen=True, slots=True)
class UsePerHdd:
    """Use per heating degree-day by month; NaN where the month is incomplete or has few degree days."""

    months: tuple[int, ...]
    use: tuple[float, ...]
    hdd: tuple[float, ...]
    """HDD of the month, scaled up for days without weather data; NaN without data."""
    ratio: tuple[float, ...]


def _filled_hdd(m: MonthlyDegreeDays) -> float:
    if m.days_with_data < MIN_WEATHER_COVERAGE * m.days:
        return NAN
    return m.hdd * m.days / m.days_with_data


def use_per_hdd(series: MonthlySeries, monthly: Sequence[MonthlyDegreeDays]) -> UsePerHdd:
    by_month = {month_index(m.month): m for m in monthly}
    hdd: list[float] = []
    ratio: list[float] = []
    for k, m in enumerate(series.months):
        dd = by_month.get(m)
        h = _filled_hdd(dd) if dd is not None else NAN
        hdd.append(h)
        ok = series.complete(k) and not math.isnan(h) and h >= MIN_MONTH_HDD
        ratio.append(series.values[k] / h if ok else NAN)
    return UsePerHdd(series.months, series.values, tuple(hdd), tuple(ratio))


@dataclass(frozen=True, slots=True)
class DailyScatter:
    """Use per day against HDD per day, one point per bill period (or per month for a property)."""

    start: tuple[date, ...]
    end: tuple[date, ...]
    hdd_per_day: tuple[float, ...]
    use_per_day: tuple[float, ...]
    intercept: float | None
    """Least-squares line use/day = intercept + slope × HDD/day (None with fewer than 3 points)."""
    slope: float | None
    r_squared: float | None


def _fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    n = len(xs)
    if n < 3:
        return None, None, None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None, None, None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
    return intercept, slope, (1 - ss_res / ss_tot) if ss_tot else None


def daily_hdd(days: Iterable[DailyWeather]) -> dict[date, float]:
    """HDD (base 18 °C) of each day that has a value; the first of duplicate days wins."""
    out: dict[date, float] = {}
    for d in days:
        if d.day not in out:
            dd = daily_degree_days(d)
            if dd is not None:
                out[d.day] = dd[0]
    return out


def _make_scatter(points: list[tuple[date, date, float, float]]) -> DailyScatter:
    a, b, r2 = _fit([p[2] for p in points], [p[3] for p in points])
    return DailyScatter(
        tuple(p[0] for p in points),
        tuple(p[1] for p in points),
        tuple(p[2] for p in points),
        tuple(p[3] for p in points),
        a,
        b,
        r2,
    )


def bill_scatter(
    meter: MeterData, hdd_by_day: dict[date, float], basis: Basis = Basis.NATIVE
) -> DailyScatter:
    """One point per bill whose days have degree days for at least 90 % of them."""
    f = _factor(meter.energy_type, meter.unit, basis)
    points = []
    for b in sorted(meter.bills, key=lambda b: b.start):
        n = (b.end - b.start).days + 1
        if n <= 0:
            continue
        found = [hdd_by_day[d] for d in (b.start + timedelta(days=i) for i in range(n)) if d in hdd_by_day]
        if len(found) < MIN_WEATHER_COVERAGE * n:
            continue
        points.append((b.start, b.end, sum(found) / len(found), b.usage * f / n))
    return _make_scatter(points)


def month_scatter(series: MonthlySeries, monthly: Sequence[MonthlyDegreeDays]) -> DailyScatter:
    """One point per complete calendar month (for a whole property, whose meters bill on different days)."""
    by_month = {month_index(m.month): m for m in monthly}
    points = []
    for k, m in enumerate(series.months):
        dd = by_month.get(m)
        if dd is None or not series.complete(k):
            continue
        h = _filled_hdd(dd)
        if math.isnan(h):
            continue
        start = date(m // 12, m % 12 + 1, 1)
        end = start + timedelta(days=series.days[k] - 1)
        points.append((start, end, h / series.days[k], series.values[k] / series.days[k]))
    return _make_scatter(points)
