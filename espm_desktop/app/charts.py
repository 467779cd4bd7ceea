"""What the Charts page draws from, for one property: its meters and bills, its station's days and the degree days
typed for it, read in one short read-only connection (sqlite3: no ORM objects, no SQLAlchemy to load)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from espm_desktop.app.reading import PropertyNotFound, read_connection
from espm_desktop.core.degree_days import DailyWeather
from espm_desktop.core.types import PropertyData
from espm_desktop.db.property_reads import property_record, typed_degree_days
from espm_desktop.db.station_months import station_days

if TYPE_CHECKING:
    from espm_desktop.app.reading import DatabaseSource


@dataclass
class ChartData:
    """What the page draws from: loaded from the database once per property or data change."""

    prop: PropertyData
    weather: list[DailyWeather] = field(default_factory=list)
    annual_degree_days: list[tuple[date, float, float]] = field(default_factory=list)
    """Typed degree days: (last day of the 12 months, HDD, CDD)."""


def chart_data(db: DatabaseSource, property_id: int) -> ChartData:
    """The property's data for its charts; raises PropertyNotFound for an unknown id."""
    with read_connection(db) as con:
        record = property_record(con, property_id)
        if record is None:
            raise PropertyNotFound(property_id)
        weather = (
            station_days(con, record.weather_station_id) if record.weather_station_id is not None else []
        )
        annual = [(t.period_end, t.hdd, t.cdd) for t in typed_degree_days(con, property_id).values()]
    return ChartData(record.data, weather, annual)
