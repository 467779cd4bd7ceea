"""A property's core data and degree days read with the sqlite3 module alone (no SQLAlchemy, no ORM objects).

The Score page, its reports and the first screen read through here: a meter's bills become one `BillTable` (a
column per field, each converted in one pass; no `Bill` per row until one is asked for), where ORM objects took ten
times as long. Values are turned into what the models' column types give: ISO dates, the NUMERIC(14, 2) cost as a
Decimal with two decimals, 0/1 flags as booleans. Writes go through the ORM.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from espm_desktop.core.calendarize import Period, month_index
from espm_desktop.core.degree_days import MonthlyDegreeDays, PropertyDegreeDaysResult, period_degree_days
from espm_desktop.core.types import Bill, BillSource, BillTable, MeterData, PropertyData
from espm_desktop.db.station_months import monthly_degree_days
from espm_desktop.db.stored_values import cents_value, date_value, optional_date_value


@dataclass(frozen=True, slots=True)
class PropertyRecord:
    """A property as core data, with what locates it: its province and the weather station it is linked to."""

    data: PropertyData
    province: str
    weather_station_id: int | None
    station: StationRecord | None = None
    """The linked station (read with the property)."""
    has_typed_degree_days: bool = True
    """Whether degree days are typed for some period of the property (read with it: most have none)."""


@dataclass(frozen=True, slots=True)
class TypedDegreeDays:
    """Degree days the user typed for the 12 months ending `period_end`."""

    period_end: date
    hdd: float
    cdd: float
    note: str


@dataclass(frozen=True, slots=True)
class StationRecord:
    station_id: int
    climate_id: str
    name: str
    province: str
    latitude: float | None
    longitude: float | None


class _Sources(dict[str, BillSource]):
    def __missing__(self, value: str) -> BillSource:
        return BillSource(value)  # raises ValueError for a value the app never stores


_SOURCES = _Sources({s.value: s for s in BillSource})
_FLOAT_ONLY = frozenset((float,))


# The ix_bill_meter_values index gives the rows in order and holds every value read (migration 0006): no sort, no
# look-up in the table. One query per meter: a meter's rows need not say which meter they belong to, nor be grouped.
_BILLS_SQL = (
    "SELECT start_date, end_date, usage, cost, estimated, source FROM bill WHERE meter_id = ? "
    "ORDER BY start_date, end_date"
)
# The exact read takes a bill's source and estimated flag as one small number, 2 × the source's place in BillSource
# + 1 when estimated: no text to make per row, a fifth less time per bill. NULL for a source or a flag the app does
# not write: that read is then left for the tolerant one (which refuses an unknown source, as before).
_FLAGS_SQL = (
    "CASE source "
    + " ".join(f"WHEN '{s.value}' THEN {2 * k}" for k, s in enumerate(BillSource))
    + " END + CASE estimated WHEN 0 THEN 0 WHEN 1 THEN 1 END"
)
_EXACT_BILLS_SQL = (
    f"SELECT start_date, end_date, usage, cost, {_FLAGS_SQL} FROM bill WHERE meter_id = ? "
    "ORDER BY start_date, end_date"
)
_ESTIMATED_OF_FLAGS = tuple(estimated for _source in BillSource for estimated in (False, True))
_SOURCE_OF_FLAGS = tuple(source for source in BillSource for _estimated in (False, True))


def _meter_bills(con: sqlite3.Connection, meter_id: int, exact: bool) -> Sequence[Bill]:
    """The meter's bills by start date.

    `exact`: the stored values are what the app writes (ISO dates, numbers, a known source, a 0/1 flag): read as
    columns, a bill table (each column converted in one pass, no `Bill` made); ValueError when they are not.
    Else each value goes through the tolerant converters (a date with a time of day, a cost stored as text).
    """
    if exact:
        rows = con.execute(_EXACT_BILLS_SQL, (meter_id,)).fetchall()
        if not rows:
            return ()
        starts, ends, usages, costs, flags = zip(*rows, strict=True)
        if None in flags:
            raise ValueError("a bill's source or estimated flag is not one the app writes")
        day = date.fromisoformat
        return BillTable(
            list(map(day, starts)),
            list(map(day, ends)),
            usages if _FLOAT_ONLY.issuperset(map(type, usages)) else list(map(float, usages)),
            [None if cost is None else Decimal(f"{cost:.2f}") for cost in costs],
            list(map(_ESTIMATED_OF_FLAGS.__getitem__, flags)),
            list(map(_SOURCE_OF_FLAGS.__getitem__, flags)),
        )
    sources = _SOURCES
    return tuple(
        Bill(
            date_value(start),
            date_value(end),
            usage if type(usage) is float else float(usage),
            None if cost is None else cents_value(cost),
            bool(estimated),
            sources[source],
        )
        for start, end, usage, cost, estimated, source in con.execute(_BILLS_SQL, (meter_id,))
    )


def property_record(
    con: sqlite3.Connection, property_id: int, *, with_bills: bool = True
) -> PropertyRecord | None:
    """The property with its meters (by name) and their bills (by start date); None when there is no such id."""
    row = con.execute(
        "SELECT p.name, p.property_type, p.gross_floor_area_m2, p.workers, p.weekly_hours, p.computers, "
        "p.percent_heated, p.percent_cooled, p.months_in_operation, p.postal_code, p.province, "
        "p.weather_station_id, EXISTS (SELECT 1 FROM property_degree_days d WHERE d.property_id = p.id), "
        f"{_STATION_COLUMNS} FROM property p LEFT JOIN weather_station s ON s.id = p.weather_station_id "
        "WHERE p.id = ?",
        (property_id,),
    ).fetchone()
    if row is None:
        return None
    meter_rows = con.execute(
        "SELECT id, name, energy_type, unit, active_date, inactive_date FROM meter WHERE property_id = ? "
        "ORDER BY name, id",
        (property_id,),
    ).fetchall()
    bills: dict[int, Sequence[Bill]] = {m[0]: () for m in meter_rows}
    if with_bills:
        try:
            for mid in bills:
                bills[mid] = _meter_bills(con, mid, exact=True)
        except ValueError:  # a date with a time of day, a cost as text: read as the ORM's types do
            for mid in bills:
                bills[mid] = _meter_bills(con, mid, exact=False)
    meters = tuple(
        MeterData(
            name=name,
            energy_type=energy_type,
            unit=unit,
            bills=bills[mid],
            meter_id=mid,
            active_date=optional_date_value(active),
            inactive_date=optional_date_value(inactive),
        )
        for mid, name, energy_type, unit, active, inactive in meter_rows
    )
    values, has_typed, station_values = row[:12], row[12], row[13:]
    (name, ptype, area, workers, hours, computers, heated, cooled, months, postal, province, station) = values
    data = PropertyData(
        name=name,
        property_type=ptype,
        gross_floor_area_m2=area,
        workers=workers,
        weekly_hours=hours,
        computers=computers,
        percent_heated=heated,
        percent_cooled=cooled,
        months_in_operation=months,
        postal_code=postal,
        meters=meters,
        property_id=property_id,
    )
    return PropertyRecord(data, province, station, _station(station_values), bool(has_typed))


def typed_degree_days(con: sqlite3.Connection, property_id: int) -> dict[date, TypedDegreeDays]:
    """The degree days typed for the property, by the last day of their 12 months."""
    out: dict[date, TypedDegreeDays] = {}
    for end, hdd, cdd, note in con.execute(
        "SELECT period_end, hdd, cdd, note FROM property_degree_days WHERE property_id = ? ORDER BY period_end",
        (property_id,),
    ):
        day = date.fromisoformat(end[:10])
        out[day] = TypedDegreeDays(day, hdd, cdd, note or "")
    return out


def station_record(con: sqlite3.Connection, station_id: int) -> StationRecord | None:
    row = con.execute(
        f"SELECT {_STATION_COLUMNS} FROM weather_station s WHERE s.id = ?", (station_id,)
    ).fetchone()
    return _station(row)


_STATION_COLUMNS = "s.id, s.climate_id, s.name, s.province, s.latitude, s.longitude"


def _station(row: tuple[Any, ...] | None) -> StationRecord | None:
    """A StationRecord from the _STATION_COLUMNS of a row; None when there is no such station."""
    if row is None or row[0] is None:
        return None
    station_id, climate_id, name, province, latitude, longitude = row
    return StationRecord(station_id, climate_id, name, province or "", latitude, longitude)


def degree_days_for_period(
    con: sqlite3.Connection,
    period: Period,
    typed: TypedDegreeDays | None,
    station: StationRecord | None,
    monthly: Sequence[MonthlyDegreeDays] | None = None,
) -> PropertyDegreeDaysResult:
    """Typed degree days for the period's end win; else the linked station's, with missing days counted.

    `monthly`: the station's months (db.station_months.monthly_degree_days), when the caller has read them.
    """
    if typed is not None:
        return PropertyDegreeDaysResult(period, "typed", typed.hdd, typed.cdd, note=typed.note)
    if station is None:
        return PropertyDegreeDaysResult(period, "none", None, None)
    if monthly is None:
        monthly = monthly_degree_days(con, station.station_id)
    # The station's months run without a gap from the first: hand over only the period's (the others are not read).
    k = period.first_month - month_index(monthly[0].month) if monthly else 0
    detail = period_degree_days(monthly[max(k, 0) : max(k + period.months, 0)], period)
    # A whole month without data cannot be scaled up: the sum would silently miss it, so no value is given.
    usable = not detail.months_without_data
    return PropertyDegreeDaysResult(
        period,
        "station" if usable else "none",
        detail.hdd_filled if usable else None,
        detail.cdd_filled if usable else None,
        station_id=station.station_id,
        station_name=station.name,
        climate_id=station.climate_id,
        missing_days=detail.missing_days,
        months_without_data=detail.months_without_data,
        detail=detail,
    )


def property_degree_days(
    con: sqlite3.Connection, property_id: int, period: Period
) -> PropertyDegreeDaysResult:
    """The property's degree days for `period` (typed, else from its station)."""
    row = con.execute(
        "SELECT hdd, cdd, note FROM property_degree_days WHERE property_id = ? AND period_end = ?",
        (property_id, period.end.isoformat()),
    ).fetchone()
    typed = TypedDegreeDays(period.end, row[0], row[1], row[2] or "") if row is not None else None
    station = None
    if typed is None:
        found = con.execute("SELECT weather_station_id FROM property WHERE id = ?", (property_id,)).fetchone()
        if found is not None and found[0] is not None:
            station = station_record(con, found[0])
    return degree_days_for_period(con, period, typed, station)
