"""Stations and their monthly degree days, read with sqlite3 alone; the months summed by SQLite once and cached
until the station's days change.

The same sums as core.degree_days.monthly_degree_days, done by one GROUP BY. This module needs no SQLAlchemy, so
the first screen (Score, Weather) can read them before the ORM is loaded; db/weather.py hands it the DB-API
connection of a session.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from espm_desktop.core.calendarize import days_in_month, month_start
from espm_desktop.core.degree_days import BASE_C, DailyWeather, MonthlyDegreeDays
from espm_desktop.db.sqlite_files import database_file

# A day's own HDD/CDD when the file gives both, else derived from its mean temperature; no data otherwise.
_MONTHLY_SQL = """
SELECT strftime('%Y-%m', day) AS ym,
       total(CASE WHEN hdd IS NOT NULL AND cdd IS NOT NULL THEN hdd
                  WHEN mean_temp_c IS NOT NULL THEN max(:base - mean_temp_c, 0.0) END),
       total(CASE WHEN hdd IS NOT NULL AND cdd IS NOT NULL THEN cdd
                  WHEN mean_temp_c IS NOT NULL THEN max(mean_temp_c - :base, 0.0) END),
       total(CASE WHEN (hdd IS NOT NULL AND cdd IS NOT NULL) OR mean_temp_c IS NOT NULL THEN 1 ELSE 0 END),
       total(CASE WHEN ((hdd IS NOT NULL AND cdd IS NOT NULL) OR mean_temp_c IS NOT NULL)
                       AND instr(flags, 'E') > 0 THEN 1 ELSE 0 END)
FROM weather_day WHERE station_id = :station GROUP BY ym ORDER BY ym
"""

# Monthly degree days per (database file, station, its newest row id, its last day): reused by every page until the
# station's days change. db/weather.import_weather_files forgets a station whose days it added or updated (an
# update keeps the ids and the last day).
_Key = tuple[str, int, int, str | None]
_CACHE: OrderedDict[_Key, tuple[MonthlyDegreeDays, ...]] = OrderedDict()
_CACHE_SIZE = 64
_LOCK = threading.Lock()


def forget(station_id: int | None = None) -> None:
    """Drop cached monthly degree days: one station's (in every database) or all (e.g. after a restore)."""
    with _LOCK:
        for key in [k for k in _CACHE if station_id is None or k[1] == station_id]:
            del _CACHE[key]


def _summed(con: sqlite3.Connection, station_id: int) -> tuple[MonthlyDegreeDays, ...]:
    rows = con.execute(_MONTHLY_SQL, {"base": BASE_C, "station": station_id}).fetchall()
    if not rows:
        return ()
    sums = {int(ym[:4]) * 12 + int(ym[5:7]) - 1: (h, c, int(n), int(e)) for ym, h, c, n, e in rows}
    first, last = min(sums), max(sums)
    return tuple(
        MonthlyDegreeDays(month_start(idx), h, c, days_in_month(idx), n, e)
        for idx in range(first, last + 1)
        for h, c, n, e in (sums.get(idx, (0.0, 0.0, 0, 0)),)
    )


def monthly_degree_days(con: sqlite3.Connection, station_id: int) -> tuple[MonthlyDegreeDays, ...]:
    """Monthly HDD/CDD base 18 °C of a station, first to last month, with missing and estimated days (cached)."""
    path = database_file(con)
    if path is None:
        return _summed(con, station_id)
    # Two index seeks, not a count of the station's days: an added day (by this or another process) gets a higher
    # id than any before it, and a day added at either end moves the last day too.
    last_id, last = con.execute(
        "SELECT (SELECT max(id) FROM weather_day WHERE station_id = :s), "
        "(SELECT max(day) FROM weather_day WHERE station_id = :s)",
        {"s": station_id},
    ).fetchone()
    key = (path, station_id, -1 if last_id is None else int(last_id), None if last is None else str(last))
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    months = _summed(con, station_id)
    with _LOCK:
        for stale in [k for k in _CACHE if k[:2] == key[:2]]:
            del _CACHE[stale]
        _CACHE[key] = months
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return months


@dataclass(frozen=True, slots=True)
class StationSummary:
    station_id: int
    climate_id: str
    name: str
    province: str
    first_day: date | None
    last_day: date | None
    days: int


def station_summaries(con: sqlite3.Connection) -> list[StationSummary]:
    """Every stored station with its first and last day and number of days, by name."""
    counts = {
        sid: (first, last, n)
        for sid, first, last, n in con.execute(
            "SELECT station_id, min(day), max(day), count(id) FROM weather_day GROUP BY station_id"
        )
    }
    out = []
    for sid, climate_id, name, province in con.execute(
        "SELECT id, climate_id, name, province FROM weather_station ORDER BY name"
    ):
        first, last, n = counts.get(sid, (None, None, 0))
        out.append(
            StationSummary(
                sid,
                climate_id,
                name,
                province,
                None if first is None else date.fromisoformat(first[:10]),
                None if last is None else date.fromisoformat(last[:10]),
                int(n),
            )
        )
    return out


def station_days(con: sqlite3.Connection, station_id: int) -> list[DailyWeather]:
    """A station's days in order, as plain rows (a station holds decades of days)."""
    fromiso = date.fromisoformat
    return [
        DailyWeather(fromiso(d[:10]), mean, hdd, cdd, mean_temp_flag=flags or "")
        for d, mean, hdd, cdd, flags in con.execute(
            "SELECT day, mean_temp_c, hdd, cdd, flags FROM weather_day WHERE station_id = ? ORDER BY day",
            (station_id,),
        )
    ]
