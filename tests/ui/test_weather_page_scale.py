"""The Weather page's monthly table on years of daily data: the same values as a day-by-day sum, filled once."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.app.weather import read_weather_files
from espm_desktop.core.degree_days import DailyWeather, monthly_degree_days
from espm_desktop.db import models
from espm_desktop.db.weather import (
    forget_monthly_degree_days,
    import_weather_files,
    station_monthly_degree_days,
)
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.weather import WeatherPage
from tests.db.test_weather import write_current


def add_station(db: Path, climate_id: str, name: str, first: date, last: date) -> int:
    """A station with every kind of day: the file's own HDD/CDD, a mean only, no data, estimated."""
    rows = []
    day, k = first, 0
    while day <= last:
        k += 1
        mean = round(-12.0 + 30.0 * ((day.month - 1) % 12) / 11 + (k % 5) * 0.7, 1)
        if k % 41 == 0:
            rows.append((day.isoformat(), None, None, None, "M"))
        elif k % 13 == 0:  # mean temperature only: degree days derived from it
            rows.append((day.isoformat(), mean, None, None, ""))
        else:
            own = (max(18.0 - mean, 0.0) + 0.1, max(mean - 18.0, 0.0))
            rows.append((day.isoformat(), mean, *own, "E" if k % 17 == 0 else ""))
        day += timedelta(days=1)
    con = sqlite3.connect(db)
    with con:
        sid = con.execute(
            "INSERT INTO weather_station (climate_id, name, province, created_at) VALUES (?, ?, '', ?)",
            (climate_id, name, "2025-01-01 00:00:00"),
        ).lastrowid
        con.executemany(
            "INSERT INTO weather_day (station_id, day, mean_temp_c, hdd, cdd, flags) VALUES (?, ?, ?, ?, ?, ?)",
            [(sid, *r) for r in rows],
        )
    con.close()
    return int(sid or 0)


def day_by_day(controller: AppController, station_id: int) -> list[list[str]]:
    """The table as the page showed it before: core's per-day sums over the station's ORM rows, newest first."""
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        days = [
            DailyWeather(r.day, r.mean_temp_c, r.hdd, r.cdd, mean_temp_flag=r.flags)
            for r in s.scalars(
                select(models.WeatherDay)
                .where(models.WeatherDay.station_id == station_id)
                .order_by(models.WeatherDay.day)
            )
        ]
    return [
        [
            m.month.strftime("%Y-%m"),
            fixed(m.hdd, "en", 1),
            fixed(m.cdd, "en", 1),
            str(m.days_with_data),
            str(m.missing_days),
            str(m.estimated_days),
        ]
        for m in reversed(monthly_degree_days(days))
    ]


def shown(page: WeatherPage) -> list[list[str]]:
    table = page.months_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Station ids the monthly table was filled for, one entry per fill."""
    fills: list[int] = []
    fill = WeatherPage._fill_months

    def counting(page: WeatherPage, *args: object, **kwargs: object) -> None:
        fills.append(page.selected_station_id() or 0)
        fill(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(WeatherPage, "_fill_months", counting)
    return fills


def test_months_match_a_day_by_day_sum_and_are_filled_once_per_selection(
    controller: AppController, db_path: Path, counted: list[int]
) -> None:
    long_id = add_station(db_path, "7028124", "A LONG STATION", date(2001, 3, 15), date(2024, 12, 31))
    short_id = add_station(db_path, "7028123", "B SHORT STATION", date(2023, 11, 1), date(2024, 2, 10))
    controller.window.show_page("weather")
    page = controller.window.pages["weather"]
    assert isinstance(page, WeatherPage)
    page.refresh()  # the main window and the page may both refresh on showing: still one fill
    assert page.selected_station_id() == long_id
    assert counted == [long_id]

    expected = day_by_day(controller, long_id)
    assert len(expected) == 12 * 24 - 2 and shown(page) == expected
    red = [
        r
        for r in range(page.months_table.rowCount())
        if page.months_table.item(r, 4).foreground().color() == Qt.GlobalColor.darkRed
    ]
    assert red and red == [r for r, row in enumerate(expected) if row[4] != "0"]
    assert "without data" in page.months_table.item(red[0], 4).toolTip()
    assert page.months_table.horizontalHeaderItem(4).text() == "Missing\ndays"

    page.select_station(short_id)
    assert counted == [long_id, short_id]
    assert shown(page) == day_by_day(controller, short_id)
    page.select_station(long_id)
    page.refresh()
    assert counted == [long_id, short_id, long_id]
    assert shown(page) == expected


def test_degree_days_are_summed_once_and_a_reimport_that_changes_a_day_is_seen(
    controller: AppController, db_path: Path, tmp_path: Path, counted: list[int]
) -> None:
    first = write_current(tmp_path, date(2025, 2, 1), date(2025, 2, 28), missing=(date(2025, 2, 10),))
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        (result,) = import_weather_files(s, read_weather_files([first]))
    forget_monthly_degree_days()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        before = station_monthly_degree_days(s, result.station_id)
        again = station_monthly_degree_days(s, result.station_id)
    assert all(a is b for a, b in zip(before, again, strict=True))  # the same objects: nothing summed again
    assert (before[0].days_with_data, before[0].missing_days) == (27, 1)

    controller.window.show_page("weather")
    page = controller.window.pages["weather"]
    assert isinstance(page, WeatherPage)
    assert counted == [result.station_id]
    # The corrected file fills the missing day: same number of days and same last day, other values.
    assert page.import_files([write_current(tmp_path, date(2025, 2, 1), date(2025, 2, 28), name="fixed.csv")])
    assert (page.months_table.item(0, 3).text(), page.months_table.item(0, 4).text()) == ("28", "0")
    assert counted == [result.station_id, result.station_id]
