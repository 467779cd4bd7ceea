"""Heating and cooling degree days (base 18 °C, as in Canada) per calendar month and per period.

Daily values come from Environment and Climate Change Canada files (io/eccc_weather.py). The file's own
Heat/Cool Deg Days are used when present (ECCC computes them at base 18 °C); otherwise they are derived
from the mean temperature: HDD = max(base − mean, 0), CDD = max(mean − base, 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from espm_desktop.core.calendarize import Period, days_in_month, month_index, month_start
from espm_desktop.core.i18n import N_

ATTRIBUTION = N_("Data Source: Environment and Climate Change Canada")
"""ECCC's required attribution wherever its data is shown, in English; show it with core.i18n's `_()` in the
reader's language."""

BASE_C = 18.0
"""Degree-day base temperature used by ESPM in Canada (DOMAIN.md)."""


@dataclass(frozen=True, slots=True)
class DailyWeather:
    """One day at one station. Values are None when missing (flag M or empty)."""

    day: date
    mean_temp_c: float | None
    hdd: float | None = None
    cdd: float | None = None
    mean_temp_flag: str = ""
    hdd_flag: str = ""
    cdd_flag: str = ""

    @property
    def estimated(self) -> bool:
        return "E" in (self.mean_temp_flag + self.hdd_flag + self.cdd_flag)


def daily_degree_days(day: DailyWeather, base_c: float = BASE_C) -> tuple[float, float] | None:
    """(HDD, CDD) of one day, or None when the day has no usable value."""
    if base_c == BASE_C and day.hdd is not None and day.cdd is not None:
        return day.hdd, day.cdd
    if day.mean_temp_c is None:
        return None
    return max(base_c - day.mean_temp_c, 0.0), max(day.mean_temp_c - base_c, 0.0)


@dataclass(frozen=True, slots=True)
class MonthlyDegreeDays:
    """Degree days of one calendar month, with how many days had no data or were estimated."""

    month: date
    hdd: float
    cdd: float
    days: int
    days_with_data: int
    estimated_days: int

    @property
    def missing_days(self) -> int:
        return self.days - self.days_with_data


def monthly_degree_days(days: Iterable[DailyWeather], base_c: float = BASE_C) -> list[MonthlyDegreeDays]:
    """Monthly sums from the first to the last month present; duplicate days keep the first seen."""
    hdd: dict[int, float] = {}
    cdd: dict[int, float] = {}
    have: dict[int, int] = {}
    est: dict[int, int] = {}
    seen: set[date] = set()
    for d in days:
        if d.day in seen:
            continue
        seen.add(d.day)
        idx = month_index(d.day)
        have.setdefault(idx, 0)
        dd = daily_degree_days(d, base_c)
        if dd is None:
            continue
        hdd[idx] = hdd.get(idx, 0.0) + dd[0]
        cdd[idx] = cdd.get(idx, 0.0) + dd[1]
        have[idx] += 1
        if d.estimated:
            est[idx] = est.get(idx, 0) + 1
    if not have:
        return []
    return [
        MonthlyDegreeDays(
            month_start(idx),
            hdd.get(idx, 0.0),
            cdd.get(idx, 0.0),
            days_in_month(idx),
            have.get(idx, 0),
            est.get(idx, 0),
        )
        for idx in range(min(have), max(have) + 1)
    ]


@dataclass(frozen=True, slots=True)
class PeriodDegreeDays:
    """Degree days summed over a period. `*_filled` scale each month up for its missing days."""

    period: Period
    hdd: float
    cdd: float
    hdd_filled: float
    cdd_filled: float
    missing_days: int
    months_without_data: tuple[date, ...]

    @property
    def complete(self) -> bool:
        return self.missing_days == 0


def period_degree_days(monthly: Iterable[MonthlyDegreeDays], period: Period) -> PeriodDegreeDays:
    """Sum a period's months (e.g. the 12 months of the score) and count the days without data."""
    by_month = {month_index(m.month): m for m in monthly}
    hdd = cdd = hdd_f = cdd_f = 0.0
    missing = 0
    empty: list[date] = []
    for idx in period.month_indexes():
        m = by_month.get(idx)
        if m is None or m.days_with_data == 0:
            missing += days_in_month(idx)
            empty.append(month_start(idx))
            continue
        hdd += m.hdd
        cdd += m.cdd
        scale = m.days / m.days_with_data
        hdd_f += m.hdd * scale
        cdd_f += m.cdd * scale
        missing += m.missing_days
    return PeriodDegreeDays(period, hdd, cdd, hdd_f, cdd_f, missing, tuple(empty))


@dataclass(frozen=True, slots=True)
class PropertyDegreeDaysResult:
    """Degree days for a property's 12-month period and where they come from.

    origin is "typed" (PropertyDegreeDays for that period end), "station" (linked station's days; the
    months are scaled up for their missing days) or "none" (hdd/cdd None; `station_name` and
    `months_without_data` say why when a station is linked).
    """

    period: Period
    origin: str
    hdd: float | None
    cdd: float | None
    note: str = ""
    station_id: int | None = None
    station_name: str = ""
    climate_id: str = ""
    missing_days: int = 0
    months_without_data: tuple[date, ...] = ()
    detail: PeriodDegreeDays | None = None
