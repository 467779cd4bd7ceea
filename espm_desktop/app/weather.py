"""Use cases of the Weather page and of the score's degree days: import Environment Canada daily files, list
stations and their monthly degree days, link a property to its station, and the degree days a user typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.degree_days import MonthlyDegreeDays
from espm_desktop.db import models
from espm_desktop.db import weather as stored
from espm_desktop.db.weather import StationImport, StationSummary
from espm_desktop.io.eccc_weather import (
    ATTRIBUTION,
    ATTRIBUTION_FR,
    WeatherFile,
    WeatherFileError,
    read_eccc_daily,
)

__all__ = [
    "ATTRIBUTION",
    "ATTRIBUTION_FR",
    "PropertyWeather",
    "StationImport",
    "StationSummary",
    "TypedDegreeDays",
    "WeatherFileError",
    "delete_typed_degree_days",
    "import_weather",
    "link_station",
    "property_weather",
    "read_weather_files",
    "save_typed_degree_days",
    "station_months",
    "station_summaries",
    "typed_degree_days",
]


@dataclass(frozen=True, slots=True)
class TypedDegreeDays:
    """Degree days a user typed for a property's 12 months ending on `period_end`."""

    record_id: int
    period_end: date
    hdd: float
    cdd: float
    note: str


@dataclass(frozen=True, slots=True)
class PropertyWeather:
    linked_station: str | None  # "Name (climate id)", or None when the property has no station
    typed: tuple[TypedDegreeDays, ...]  # newest first


def read_weather_files(paths: Sequence[Path]) -> list[WeatherFile]:
    """Parse every file first, so that one bad file stops the import before anything is written.

    Raises WeatherFileError naming the file (and the line when a row is wrong).
    """
    out: list[WeatherFile] = []
    for path in paths:
        try:
            parsed = read_eccc_daily(path)
        except OSError as exc:
            raise WeatherFileError(
                f"{path.name}: the file cannot be read ({exc.strerror or exc}).",
                f"{path.name} : le fichier ne peut pas être lu ({exc.strerror or exc}).",
            ) from exc
        if not parsed.station.climate_id:
            raise WeatherFileError(
                f"{path.name}: no 'Climate ID' / 'Climate Identifier' found; download the daily CSV "
                "from climate.weather.gc.ca without editing it.",
                f"{path.name} : aucun « Climate ID » / « Climate Identifier » trouvé; téléchargez le CSV "
                "quotidien sur climat.meteo.gc.ca sans le modifier.",
            )
        if not parsed.days:
            raise WeatherFileError(
                f"{path.name}: the file has a header but no daily rows.",
                f"{path.name} : le fichier a un en-tête mais aucune ligne quotidienne.",
            )
        out.append(parsed)
    return out


def import_weather(engine: Engine, paths: Sequence[Path]) -> list[StationImport]:
    """Read every file, then store them all in one transaction: a bad file stops it before anything is written."""
    files = read_weather_files(paths)
    with Session(engine) as session, session.begin():
        return stored.import_weather_files(session, files)


def station_summaries(engine: Engine) -> list[StationSummary]:
    with Session(engine) as session:
        return stored.stations(session)


def station_months(engine: Engine, station_id: int) -> list[MonthlyDegreeDays]:
    with Session(engine) as session:
        return stored.station_monthly_degree_days(session, station_id)


def property_weather(engine: Engine, property_id: int) -> PropertyWeather:
    with Session(engine) as session:
        prop = session.get(models.Property, property_id)
        station = (
            session.get(models.WeatherStation, prop.weather_station_id)
            if prop is not None and prop.weather_station_id
            else None
        )
        typed = tuple(
            TypedDegreeDays(r.id, r.period_end, r.hdd, r.cdd, r.note)
            for r in session.scalars(
                select(models.PropertyDegreeDays)
                .where(models.PropertyDegreeDays.property_id == property_id)
                .order_by(models.PropertyDegreeDays.period_end.desc())
            )
        )
    return PropertyWeather(f"{station.name} ({station.climate_id})" if station else None, typed)


def link_station(engine: Engine, property_id: int, station_id: int | None) -> None:
    """Link a property to a station (None: unlink)."""
    with Session(engine) as session, session.begin():
        stored.link_property_to_station(session, property_id, station_id)


def typed_degree_days(engine: Engine, record_id: int) -> TypedDegreeDays | None:
    with Session(engine) as session:
        row = session.get(models.PropertyDegreeDays, record_id)
        return None if row is None else TypedDegreeDays(row.id, row.period_end, row.hdd, row.cdd, row.note)


def save_typed_degree_days(
    engine: Engine,
    property_id: int,
    period_end: date,
    hdd: float,
    cdd: float,
    note: str = "",
    replaced_id: int | None = None,
) -> None:
    """One transaction: the values for the 12 months ending on `period_end`, replacing `replaced_id` if its
    period moved (an edit that changes the end date must not leave the old period behind)."""
    with Session(engine) as session, session.begin():
        if replaced_id is not None:
            old = session.get(models.PropertyDegreeDays, replaced_id)
            if old is not None and old.period_end != period_end:
                session.delete(old)
                session.flush()
        stored.set_typed_degree_days(session, property_id, period_end, hdd, cdd, note)


def delete_typed_degree_days(engine: Engine, record_id: int) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(models.PropertyDegreeDays, record_id)
        if row is not None:
            session.delete(row)
