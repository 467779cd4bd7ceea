"""Weather stations and degree days in the database.

Imported Environment and Climate Change Canada daily files become WeatherStation/WeatherDay rows; a
property's degree days for a 12-month period come from what the user typed (PropertyDegreeDays) or,
failing that, from the days of the station the property is linked to. The reads that the first screen needs
(monthly degree days, a property's degree days) live in db/station_months.py and db/property_reads.py, without
SQLAlchemy; the functions here hand them the session's own connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.calendarize import Period
from espm_desktop.core.degree_days import DailyWeather, MonthlyDegreeDays
from espm_desktop.core.degree_days import PropertyDegreeDaysResult as PropertyDegreeDaysResult
from espm_desktop.db import models, property_reads, station_months
from espm_desktop.db.station_months import StationSummary as StationSummary

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
    return station_months.station_summaries(_dbapi(session))


def station_days(session: Session, station_id: int) -> list[DailyWeather]:
    """A station's days in order, read as plain rows (no ORM objects: a station holds decades of days)."""
    return station_months.station_days(_dbapi(session), station_id)


def _dbapi(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection: raw reads see what the session has written and not committed."""
    return cast(sqlite3.Connection, session.connection().connection.dbapi_connection)


def forget_monthly_degree_days(station_id: int | None = None) -> None:
    """Drop cached monthly degree days: one station's (in every database) or all (e.g. after a restore)."""
    station_months.forget(station_id)


def station_monthly_degree_days(session: Session, station_id: int) -> list[MonthlyDegreeDays]:
    """Monthly HDD/CDD base 18 °C of a station, with missing and estimated days per month (cached)."""
    return list(station_months.monthly_degree_days(_dbapi(session), station_id))


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
        raise ValueError(f"No property {property_id}")  # a caller's bug, for the log: never shown
    prop.weather_station_id = station_id
    session.flush()


def property_degree_days(session: Session, property_id: int, period: Period) -> PropertyDegreeDaysResult:
    """Typed degree days for the period's end win; else the linked station's, with missing days counted."""
    return property_reads.property_degree_days(_dbapi(session), property_id, period)
