"""Weather stations and degree days in the database.

Imported Environment and Climate Change Canada daily files become WeatherStation/WeatherDay rows; a
property's degree days for a 12-month period come from what the user typed (PropertyDegreeDays) or,
failing that, from the days of the station the property is linked to.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from espm_desktop.core.calendarize import Period, days_in_month, month_start
from espm_desktop.core.degree_days import (
    BASE_C,
    DailyWeather,
    MonthlyDegreeDays,
    PeriodDegreeDays,
    period_degree_days,
)
from espm_desktop.db import models

_FLAGS_LENGTH = 10


class StationFacts(Protocol):
    """What a weather file says about its station (io/eccc_weather.StationInfo has these)."""

    @property
    def name(self) -> str: ...
    @property
    def climate_id(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


class StationDays(Protocol):
    """A station and its daily rows, as read from one file (io/eccc_weather.WeatherFile)."""

    @property
    def station(self) -> StationFacts: ...
    @property
    def days(self) -> Sequence[DailyWeather]: ...


@dataclass(frozen=True, slots=True)
class StationImport:
    """What one station's import did: days added, days whose values changed, days already identical."""

    station_id: int
    climate_id: str
    name: str
    created: bool
    days_added: int
    days_updated: int
    days_unchanged: int


@dataclass(frozen=True, slots=True)
class StationSummary:
    station_id: int
    climate_id: str
    name: str
    province: str
    first_day: date | None
    last_day: date | None
    days: int


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


def _flags(day: DailyWeather) -> str:
    # Keep each distinct flag once (E, M, T, …) so that "estimated" survives the round trip.
    seen = ""
    for ch in day.mean_temp_flag + day.hdd_flag + day.cdd_flag:
        if ch.strip() and ch not in seen:
            seen += ch
    return seen[:_FLAGS_LENGTH]


def import_weather_files(session: Session, files: Sequence[StationDays]) -> list[StationImport]:
    """Store stations and their days; re-importing the same file changes nothing (days are upserted).

    The caller owns the transaction (`with session.begin():`): several files land together or not at all.
    """
    results: list[StationImport] = []
    by_station: dict[str, list[StationDays]] = {}
    for f in files:
        by_station.setdefault(f.station.climate_id, []).append(f)
    for climate_id, group in by_station.items():
        info = group[0].station
        station = session.scalars(
            select(models.WeatherStation).where(models.WeatherStation.climate_id == climate_id)
        ).one_or_none()
        created = station is None
        if station is None:
            station = models.WeatherStation(climate_id=climate_id, name=info.name or climate_id)
            session.add(station)
        if info.name:
            station.name = info.name
        if info.province:
            station.province = info.province
        if info.latitude is not None:
            station.latitude = info.latitude
        if info.longitude is not None:
            station.longitude = info.longitude
        session.flush()
        existing = {
            d.day: d
            for d in session.scalars(
                select(models.WeatherDay).where(models.WeatherDay.station_id == station.id)
            )
        }
        added = updated = unchanged = 0
        seen: set[date] = set()
        for f in group:
            for d in f.days:
                if d.day in seen:
                    continue
                seen.add(d.day)
                values = (d.mean_temp_c, d.hdd, d.cdd, _flags(d))
                row = existing.get(d.day)
                if row is None:
                    session.add(
                        models.WeatherDay(
                            station_id=station.id,
                            day=d.day,
                            mean_temp_c=values[0],
                            hdd=values[1],
                            cdd=values[2],
                            flags=values[3],
                        )
                    )
                    added += 1
                elif (row.mean_temp_c, row.hdd, row.cdd, row.flags) != values:
                    row.mean_temp_c, row.hdd, row.cdd, row.flags = values
                    updated += 1
                else:
                    unchanged += 1
        session.flush()
        if added or updated:
            # An update keeps the station's row count and last day, which key the cache: forget it here.
            forget_monthly_degree_days(station.id)
        results.append(
            StationImport(station.id, climate_id, station.name, created, added, updated, unchanged)
        )
    return results


def stations(session: Session) -> list[StationSummary]:
    """Every stored station with its first and last day and number of days, by name."""
    counts = {
        sid: (first, last, n)
        for sid, first, last, n in session.execute(
            select(
                models.WeatherDay.station_id,
                func.min(models.WeatherDay.day),
                func.max(models.WeatherDay.day),
                func.count(models.WeatherDay.id),
            ).group_by(models.WeatherDay.station_id)
        )
    }
    out = []
    for st in session.scalars(select(models.WeatherStation).order_by(models.WeatherStation.name)):
        first, last, n = counts.get(st.id, (None, None, 0))
        out.append(StationSummary(st.id, st.climate_id, st.name, st.province, first, last, int(n)))
    return out


def station_days(session: Session, station_id: int) -> list[DailyWeather]:
    """A station's days in order, read as plain rows (no ORM objects: a station holds decades of days)."""
    day = models.WeatherDay
    rows = session.execute(
        select(day.day, day.mean_temp_c, day.hdd, day.cdd, day.flags)
        .where(day.station_id == station_id)
        .order_by(day.day)
    )
    return [DailyWeather(d, mean, hdd, cdd, mean_temp_flag=flags or "") for d, mean, hdd, cdd, flags in rows]


# Monthly degree days per (database file, station, its row count, its last day): a station's months are summed by
# SQLite once, then reused by every page until the station's days change. import_weather_files forgets a station
# whose days it added or updated (an update keeps the count and the last day).
_MonthlyKey = tuple[str, int, int, date | None]
_MONTHLY_CACHE: OrderedDict[_MonthlyKey, tuple[MonthlyDegreeDays, ...]] = OrderedDict()
_MONTHLY_CACHE_SIZE = 64
_MONTHLY_LOCK = threading.Lock()


def forget_monthly_degree_days(station_id: int | None = None) -> None:
    """Drop cached monthly degree days: one station's (in every database) or all (e.g. after a restore)."""
    with _MONTHLY_LOCK:
        for key in [k for k in _MONTHLY_CACHE if station_id is None or k[1] == station_id]:
            del _MONTHLY_CACHE[key]


def _database_file(session: Session) -> str | None:
    """The SQLite file behind the session, or None for an in-memory database (never cached)."""
    # Engines are made from a connection factory (the URL is a bare "sqlite://"): ask SQLite itself.
    for _seq, name, file in session.connection().exec_driver_sql("PRAGMA database_list"):
        if name == "main":
            return str(file) if file else None
    return None


def _monthly_from_sql(session: Session, station_id: int) -> tuple[MonthlyDegreeDays, ...]:
    """The same sums as core.degree_days.monthly_degree_days, done by one GROUP BY in SQLite."""
    day = models.WeatherDay
    # A day's own HDD/CDD when the file gives both, else derived from its mean temperature; no data otherwise.
    own = and_(day.hdd.is_not(None), day.cdd.is_not(None))
    has_data = or_(own, day.mean_temp_c.is_not(None))
    hdd = case((own, day.hdd), (day.mean_temp_c.is_not(None), func.max(BASE_C - day.mean_temp_c, 0.0)))
    cdd = case((own, day.cdd), (day.mean_temp_c.is_not(None), func.max(day.mean_temp_c - BASE_C, 0.0)))
    month = func.strftime("%Y-%m", day.day)
    rows = session.execute(
        select(
            month,
            func.total(hdd),
            func.total(cdd),
            func.total(case((has_data, 1), else_=0)),
            func.total(case((and_(has_data, func.instr(day.flags, "E") > 0), 1), else_=0)),
        )
        .where(day.station_id == station_id)
        .group_by(month)
        .order_by(month)
    ).all()
    if not rows:
        return ()
    sums = {int(ym[:4]) * 12 + int(ym[5:7]) - 1: (h, c, int(n), int(e)) for ym, h, c, n, e in rows}
    first, last = min(sums), max(sums)
    return tuple(
        MonthlyDegreeDays(month_start(idx), h, c, days_in_month(idx), n, e)
        for idx in range(first, last + 1)
        for h, c, n, e in (sums.get(idx, (0.0, 0.0, 0, 0)),)
    )


def station_monthly_degree_days(session: Session, station_id: int) -> list[MonthlyDegreeDays]:
    """Monthly HDD/CDD base 18 °C of a station, with missing and estimated days per month (cached)."""
    path = _database_file(session)
    if path is None:
        return list(_monthly_from_sql(session, station_id))
    day = models.WeatherDay
    # Both come from the (station_id, day) unique index: a cheap check that the station's days are unchanged.
    count, last = session.execute(
        select(func.count(), func.max(day.day)).where(day.station_id == station_id)
    ).one()
    key = (path, station_id, int(count), last)
    with _MONTHLY_LOCK:
        cached = _MONTHLY_CACHE.get(key)
        if cached is not None:
            _MONTHLY_CACHE.move_to_end(key)
            return list(cached)
    months = _monthly_from_sql(session, station_id)
    with _MONTHLY_LOCK:
        for stale in [k for k in _MONTHLY_CACHE if k[:2] == key[:2]]:
            del _MONTHLY_CACHE[stale]
        _MONTHLY_CACHE[key] = months
        while len(_MONTHLY_CACHE) > _MONTHLY_CACHE_SIZE:
            _MONTHLY_CACHE.popitem(last=False)
    return list(months)


def set_typed_degree_days(
    session: Session, property_id: int, period_end: date, hdd: float, cdd: float, note: str = ""
) -> models.PropertyDegreeDays:
    """Create or replace the typed degree days of a property for the 12 months ending on `period_end`."""
    row = session.scalars(
        select(models.PropertyDegreeDays).where(
            models.PropertyDegreeDays.property_id == property_id,
            models.PropertyDegreeDays.period_end == period_end,
        )
    ).one_or_none()
    if row is None:
        row = models.PropertyDegreeDays(
            property_id=property_id, period_end=period_end, hdd=hdd, cdd=cdd, note=note
        )
        session.add(row)
    else:
        row.hdd, row.cdd, row.note = hdd, cdd, note
    session.flush()
    return row


def link_property_to_station(session: Session, property_id: int, station_id: int | None) -> None:
    prop = session.get(models.Property, property_id)
    if prop is None:
        raise ValueError(f"No property {property_id} / aucune propriété {property_id}")
    prop.weather_station_id = station_id
    session.flush()


def property_degree_days(session: Session, property_id: int, period: Period) -> PropertyDegreeDaysResult:
    """Typed degree days for the period's end win; else the linked station's, with missing days counted."""
    typed = session.scalars(
        select(models.PropertyDegreeDays).where(
            models.PropertyDegreeDays.property_id == property_id,
            models.PropertyDegreeDays.period_end == period.end,
        )
    ).one_or_none()
    if typed is not None:
        return PropertyDegreeDaysResult(period, "typed", typed.hdd, typed.cdd, note=typed.note)
    prop = session.get(models.Property, property_id)
    station = (
        session.get(models.WeatherStation, prop.weather_station_id)
        if prop and prop.weather_station_id
        else None
    )
    if station is None:
        return PropertyDegreeDaysResult(period, "none", None, None)
    detail = period_degree_days(station_monthly_degree_days(session, station.id), period)
    # A whole month without data cannot be scaled up: the sum would silently miss it, so no value is given.
    usable = not detail.months_without_data
    return PropertyDegreeDaysResult(
        period,
        "station" if usable else "none",
        detail.hdd_filled if usable else None,
        detail.cdd_filled if usable else None,
        station_id=station.id,
        station_name=station.name,
        climate_id=station.climate_id,
        missing_days=detail.missing_days,
        months_without_data=detail.months_without_data,
        detail=detail,
    )
