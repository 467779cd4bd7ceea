from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from espm_desktop.app.weather import read_weather_files
from espm_desktop.core.calendarize import period_ending
from espm_desktop.db import models
from espm_desktop.db.weather import (
    import_weather_files,
    link_property_to_station,
    property_degree_days,
    set_typed_degree_days,
    station_monthly_degree_days,
    stations,
)
from espm_desktop.io.eccc_weather import WeatherFileError

HEADER_TAIL = (
    '"Date/Time","Year","Month","Day","Data Quality","Max Temp (°C)","Max Temp Flag","Min Temp (°C)",'
    '"Min Temp Flag","Mean Temp (°C)","Mean Temp Flag","Heat Deg Days (°C)","Heat Deg Days Flag",'
    '"Cool Deg Days (°C)","Cool Deg Days Flag"'
)
CURRENT_HEADER = '"Longitude (x)","Latitude (y)","Station Name","Climate ID",' + HEADER_TAIL
OLD_PREAMBLE = (
    '"Station Name","SHERBROOKE"\n"Province","QUEBEC"\n"Latitude","45.43"\n"Longitude","-71.68"\n'
    '"Elevation","241.40"\n"Climate Identifier","7028123"\n \n"Legend"\n"E","Estimated"\n"M","Missing"\n \n'
)


def mean_for(day: date) -> float:
    # Cold in winter, warm in July: enough to give both HDD and CDD.
    return {1: -10.0, 2: -8.0, 7: 22.0}.get(day.month, 5.0)


def day_cells(day: date, missing: bool = False) -> list[str]:
    mean = mean_for(day)
    hdd, cdd = max(18 - mean, 0), max(mean - 18, 0)
    if missing:
        return [day.isoformat(), str(day.year), f"{day.month:02d}", f"{day.day:02d}", "", "", "", "", "",
                "", "M", "", "M", "", "M"]  # fmt: skip
    return [day.isoformat(), str(day.year), f"{day.month:02d}", f"{day.day:02d}", "", f"{mean + 4}", "",
            f"{mean - 4}", "", f"{mean}", "", f"{hdd}", "", f"{cdd}", ""]  # fmt: skip


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def write_current(
    folder: Path, first: date, last: date, missing: tuple[date, ...] = (), name: str = "current.csv"
) -> Path:
    """An ECCC daily file in today's layout (station columns on every row), UTF-8 with BOM."""
    lines = [CURRENT_HEADER]
    for d in days_between(first, last):
        cells = ["-71.68", "45.43", "SHERBROOKE A", "7028124", *day_cells(d, d in missing)]
        lines.append(",".join(f'"{c}"' for c in cells))
    path = folder / name
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    return path


def write_old(folder: Path, first: date, last: date, name: str = "old.csv") -> Path:
    """An ECCC daily file in the older layout (station preamble, then a Date/Time header), Windows-1252."""
    lines = [HEADER_TAIL] + [",".join(f'"{c}"' for c in day_cells(d)) for d in days_between(first, last)]
    path = folder / name
    path.write_bytes((OLD_PREAMBLE + "\n".join(lines) + "\n").encode("cp1252"))
    return path


def counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as s:
        return (
            s.scalar(select(func.count(models.WeatherStation.id))) or 0,
            s.scalar(select(func.count(models.WeatherDay.id))) or 0,
        )


def test_import_both_layouts_and_reimport_adds_nothing(tmp_path: Path, engine: Engine) -> None:
    current = write_current(tmp_path, date(2025, 1, 1), date(2025, 3, 31), missing=(date(2025, 2, 10),))
    old = write_old(tmp_path, date(2024, 12, 1), date(2024, 12, 31))
    files = read_weather_files([current, old])
    with Session(engine) as s, s.begin():
        first = import_weather_files(s, files)
    assert [(r.climate_id, r.created, r.days_added) for r in first] == [
        ("7028124", True, 90),
        ("7028123", True, 31),
    ]
    assert counts(engine) == (2, 121)
    with Session(engine) as s:
        listed = {st.climate_id: st for st in stations(s)}
        assert listed["7028124"].name == "SHERBROOKE A" and listed["7028124"].days == 90
        assert listed["7028123"].province == "QUEBEC"
        assert (listed["7028123"].first_day, listed["7028123"].last_day) == (
            date(2024, 12, 1),
            date(2024, 12, 31),
        )
        months = station_monthly_degree_days(s, listed["7028124"].station_id)
        assert [m.month for m in months] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
        assert months[0].hdd == pytest.approx(31 * 28.0)
        assert (months[1].days_with_data, months[1].missing_days) == (27, 1)

    with Session(engine) as s, s.begin():
        again = import_weather_files(s, read_weather_files([current, old]))
    assert [(r.created, r.days_added, r.days_updated, r.days_unchanged) for r in again] == [
        (False, 0, 0, 90),
        (False, 0, 0, 31),
    ]
    assert counts(engine) == (2, 121)


def test_reimport_with_corrected_day_updates_it(tmp_path: Path, engine: Engine) -> None:
    path = write_current(tmp_path, date(2025, 2, 1), date(2025, 2, 28), missing=(date(2025, 2, 10),))
    with Session(engine) as s, s.begin():
        import_weather_files(s, read_weather_files([path]))
    fixed = write_current(tmp_path, date(2025, 2, 1), date(2025, 2, 28), name="fixed.csv")
    with Session(engine) as s, s.begin():
        (result,) = import_weather_files(s, read_weather_files([fixed]))
    assert (result.days_added, result.days_updated, result.days_unchanged) == (0, 1, 27)
    with Session(engine) as s:
        day = s.scalars(select(models.WeatherDay).where(models.WeatherDay.day == date(2025, 2, 10))).one()
        assert (day.hdd, day.flags) == (26.0, "")


def test_bad_file_names_file_and_line_and_nothing_is_stored(tmp_path: Path, engine: Engine) -> None:
    good = write_current(tmp_path, date(2025, 1, 1), date(2025, 1, 31))
    bad = write_current(tmp_path, date(2025, 1, 1), date(2025, 1, 5), name="broken.csv")
    text = bad.read_text(encoding="utf-8-sig").replace('"2025-01-04"', '"2025-13-04"')
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(WeatherFileError) as caught:
        read_weather_files([good, bad])
    assert "broken.csv" in caught.value.message_en and "line 5" in caught.value.message_en
    assert "ligne 5" in caught.value.message_fr
    assert counts(engine) == (0, 0)


def make_property(s: Session) -> int:
    prop = models.Property(name="Caisse", property_type="bank_branch", gross_floor_area_m2=1000.0)
    s.add(prop)
    s.flush()
    return prop.id


def test_degree_days_typed_wins_else_station_with_missing_days(tmp_path: Path, engine: Engine) -> None:
    missing = (date(2025, 2, 10), date(2025, 7, 4))
    path = write_current(tmp_path, date(2025, 1, 1), date(2025, 12, 31), missing=missing)
    period = period_ending(date(2025, 12, 31))
    with Session(engine) as s, s.begin():
        pid = make_property(s)
        assert property_degree_days(s, pid, period).origin == "none"
        (imported,) = import_weather_files(s, read_weather_files([path]))
        link_property_to_station(s, pid, imported.station_id)
    with Session(engine) as s:
        dd = property_degree_days(s, pid, period)
    assert (dd.origin, dd.station_name, dd.missing_days) == ("station", "SHERBROOKE A", 2)
    # Each month is scaled up for its missing days: February's 27 days of 26 HDD count as 28.
    assert dd.hdd == pytest.approx(31 * 28 + 28 * 26 + (365 - 31 - 28 - 31) * 13)
    assert dd.cdd == pytest.approx(31 * 4)

    with Session(engine) as s, s.begin():
        set_typed_degree_days(s, pid, date(2025, 12, 31), 4766, 113, "ESPM")
        set_typed_degree_days(s, pid, date(2025, 12, 31), 4766, 114, "ESPM, corrected")
    with Session(engine) as s:
        typed = property_degree_days(s, pid, period)
        assert (typed.origin, typed.hdd, typed.cdd, typed.note) == ("typed", 4766, 114, "ESPM, corrected")
        # A period the station does not fully cover gives no value, and says which months are empty.
        later = property_degree_days(s, pid, period_ending(date(2026, 1, 31)))
        assert (later.origin, later.hdd, later.months_without_data) == ("none", None, (date(2026, 1, 1),))
