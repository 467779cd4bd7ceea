"""Use cases of the Weather page and of the score's degree days: import Environment Canada daily files, list
stations and their monthly degree days, link a property to its station, and the degree days a user typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from espm_desktop.app.reading import read_connection
from espm_desktop.core.degree_days import MonthlyDegreeDays
from espm_desktop.core.i18n import message
from espm_desktop.db import station_months as months_store
from espm_desktop.db.station_months import StationSummary
from espm_desktop.io.eccc_weather import (
    WeatherFile,
    WeatherFileError,
    read_eccc_daily,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.app.reading import DatabaseSource
    from espm_desktop.db.weather import StationImport

# The reads (stations, their months, a property's weather) need no SQLAlchemy: the Weather page can be the first
# screen before it is loaded. The writes load it (and the ORM) when first called.

__all__ = [
    "PropertyWeather",
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
                message(
                    "{file}: the file cannot be read ({reason}).",
                    file=path.name,
                    reason=str(exc.strerror or exc),
                )
            ) from exc
        if not parsed.station.climate_id:
            raise WeatherFileError(
                message(
                    "{file}: no 'Climate ID' / 'Climate Identifier' found; download the daily CSV from "
                    "climate.weather.gc.ca without editing it.",
                    file=path.name,
                )
            )
        if not parsed.days:
            raise WeatherFileError(
                message("{file}: the file has a header but no daily rows.", file=path.name)
            )
        out.append(parsed)
    return out


def import_weather(engine: Engine, paths: Sequence[Path]) -> list[StationImport]:
    """Read every file, then store them all in one transaction: a bad file stops it before anything is written."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import weather as stored

    files = read_weather_files(paths)
    with Session(engine) as session, session.begin():
        return stored.import_weather_files(session, files)


def station_summaries(db: DatabaseSource) -> list[StationSummary]:
    with read_connection(db) as con:
        return months_store.station_summaries(con)


def station_months(db: DatabaseSource, station_id: int) -> list[MonthlyDegreeDays]:
    with read_connection(db) as con:
        return list(months_store.monthly_degree_days(con, station_id))


def property_weather(db: DatabaseSource, property_id: int) -> PropertyWeather:
    with read_connection(db) as con:
        station = con.execute(
            "SELECT s.name, s.climate_id FROM property p JOIN weather_station s ON s.id = p.weather_station_id "
            "WHERE p.id = ?",
            (property_id,),
        ).fetchone()
        typed = tuple(
            TypedDegreeDays(rid, date.fromisoformat(end[:10]), hdd, cdd, note)
            for rid, end, hdd, cdd, note in con.execute(
                "SELECT id, period_end, hdd, cdd, note FROM property_degree_days WHERE property_id = ? "
                "ORDER BY period_end DESC",
                (property_id,),
            )
        )
    return PropertyWeather(f"{station[0]} ({station[1]})" if station else None, typed)


def link_station(engine: Engine, property_id: int, station_id: int | None) -> None:
    """Link a property to a station (None: unlink)."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import weather as stored

    with Session(engine) as session, session.begin():
        stored.link_property_to_station(session, property_id, station_id)


def typed_degree_days(engine: Engine, record_id: int) -> TypedDegreeDays | None:
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

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
    from sqlalchemy.orm import Session

    from espm_desktop.db import models
    from espm_desktop.db import weather as stored

    with Session(engine) as session, session.begin():
        if replaced_id is not None:
            old = session.get(models.PropertyDegreeDays, replaced_id)
            if old is not None and old.period_end != period_end:
                session.delete(old)
                session.flush()
        stored.set_typed_degree_days(session, property_id, period_end, hdd, cdd, note)


def delete_typed_degree_days(engine: Engine, record_id: int) -> None:
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

    with Session(engine) as session, session.begin():
        row = session.get(models.PropertyDegreeDays, record_id)
        if row is not None:
            session.delete(row)
