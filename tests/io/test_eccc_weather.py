from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import pytest

from espm_desktop.core.calendarize import Period, month_index
from espm_desktop.core.degree_days import monthly_degree_days, period_degree_days
from espm_desktop.io.eccc_weather import (
    WeatherFileError,
    merge_weather_files,
    parse_eccc_daily,
    read_eccc_daily,
)

CURRENT_HEADER = (
    '"Longitude (x)","Latitude (y)","Station Name","Climate ID","Date/Time","Year","Month","Day",'
    '"Data Quality","Max Temp (°C)","Max Temp Flag","Min Temp (°C)","Min Temp Flag","Mean Temp (°C)",'
    '"Mean Temp Flag","Heat Deg Days (°C)","Heat Deg Days Flag","Cool Deg Days (°C)","Cool Deg Days Flag",'
    '"Total Rain (mm)","Total Rain Flag","Total Snow (cm)","Total Snow Flag","Total Precip (mm)",'
    '"Total Precip Flag","Snow on Grnd (cm)","Snow on Grnd Flag","Dir of Max Gust (10s deg)",'
    '"Dir of Max Gust Flag","Spd of Max Gust (km/h)","Spd of Max Gust Flag"'
)
OLD_PREAMBLE = """"Station Name","MONTREAL/PIERRE ELLIOTT TRUDEAU INTL"
"Province","QUEBEC"
"Latitude","45.47"
"Longitude","-73.74"
"Elevation","32.10"
"Climate Identifier","7025250"
"WMO Identifier","71627"
"TC Identifier","YUL"

"Legend"
"A","Accumulated"
"C","Precipitation occurred, amount uncertain"
"E","Estimated"
"F","Accumulated and estimated"
"L","Precipitation may or may not have occurred"
"M","Missing"
"N","Temperature missing but known to be > 0"
"S","More than one occurrence"
"T","Trace"
"Y","Temperature missing but known to be < 0"
"[empty]","No data available"
"^","The value displayed is based on incomplete data"
"†","Data for this day has undergone only preliminary quality checking"
"‡","Partner data that is not subject to review by the National Climate Archives"

""".replace("\n\n", "\n \n")  # ECCC separates sections with a lone space
OLD_HEADER = CURRENT_HEADER.split('"Date/Time",', 1)[1]
OLD_HEADER = '"Date/Time",' + OLD_HEADER


def mean_temp(day: date) -> float:
    # Montréal-like annual cycle: about −10 °C late January, +21 °C late July.
    return round(5.5 + 15.5 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 112) / 365), 1)


def rows(year: int, current: bool) -> list[str]:
    out = []
    day = date(year, 1, 1)
    while day.year == year:
        mean = mean_temp(day)
        hdd, cdd = round(max(18 - mean, 0), 1), round(max(mean - 18, 0), 1)
        m, mf, h, hf, c, cf = f"{mean}", "", f"{hdd}", "", f"{cdd}", ""
        if day == date(year, 2, 10):  # a missing day
            m, mf, h, hf, c, cf = "", "M", "", "M", "", "M"
        if day == date(year, 3, 5):  # an estimated day
            mf = hf = cf = "E"
        cells = [
            day.isoformat(), str(year), f"{day.month:02d}", f"{day.day:02d}", "†",
            f"{mean + 4:.1f}", "", f"{mean - 4:.1f}", "", m, mf, h, hf, c, cf,
            "0.0", "", "0.0", "T", "0.0", "T", "", "", "", "M", "<31", "",
        ]  # fmt: skip
        if current:
            cells = ["-73.75", "45.47", "MONTREAL INTL A", "7025251", *cells]
        out.append(",".join(f'"{c}"' for c in cells))
        day += timedelta(days=1)
    return out


def write_current(tmp_path: Path, year: int) -> Path:
    p = tmp_path / f"en_climate_daily_QC_7025251_{year}_P1D.csv"
    p.write_bytes(("\n".join([CURRENT_HEADER, *rows(year, True)]) + "\n").encode("utf-8-sig"))
    return p


def write_old(tmp_path: Path, year: int) -> Path:
    p = tmp_path / f"eng-daily-0101{year}-1231{year}.csv"
    p.write_bytes((OLD_PREAMBLE + "\n".join([OLD_HEADER, *rows(year, False)]) + "\n").encode("cp1252"))
    return p


def test_current_layout_utf8_bom(tmp_path: Path) -> None:
    wf = read_eccc_daily(write_current(tmp_path, 2023))
    assert wf.station.name == "MONTREAL INTL A" and wf.station.climate_id == "7025251"
    assert wf.station.latitude == 45.47 and wf.station.longitude == -73.75
    assert len(wf.days) == 365
    missing = [d for d in wf.days if d.day == date(2023, 2, 10)][0]
    assert missing.mean_temp_c is None and missing.hdd is None
    months = monthly_degree_days(wf.days)
    assert len(months) == 12
    feb = months[1]
    assert (feb.days, feb.days_with_data, feb.missing_days) == (28, 27, 1)
    assert months[2].estimated_days == 1
    expected_jan = sum(max(18 - mean_temp(date(2023, 1, d)), 0) for d in range(1, 32))
    assert months[0].hdd == pytest.approx(expected_jan, abs=0.1)
    year = period_degree_days(months, Period(month_index(date(2023, 1, 1))))
    # A Montréal-like year: a little above 4,000 HDD, a small number of CDD.
    assert 3500 < year.hdd < 5000 and 0 < year.cdd < 400
    assert year.missing_days == 1 and year.hdd_filled > year.hdd


def test_old_layout_windows_1252_preamble(tmp_path: Path) -> None:
    wf = read_eccc_daily(write_old(tmp_path, 2022))
    s = wf.station
    assert (s.name, s.climate_id, s.province, s.wmo_id, s.tc_id) == (
        "MONTREAL/PIERRE ELLIOTT TRUDEAU INTL",
        "7025250",
        "QUEBEC",
        "71627",
        "YUL",
    )
    assert (s.latitude, s.longitude, s.elevation_m) == (45.47, -73.74, 32.10)
    assert len(wf.days) == 365 and wf.days[0].day == date(2022, 1, 1)
    assert wf.days[0].mean_temp_c == mean_temp(date(2022, 1, 1))


def test_latin1_bytes_decode() -> None:
    text = OLD_PREAMBLE.replace("†", "+").replace("‡", "+") + "\n".join([OLD_HEADER, *rows(2021, False)])
    wf = parse_eccc_daily(text.replace("†", "").encode("latin-1"), "old.csv")
    assert wf.station.climate_id == "7025250" and len(wf.days) == 365
    assert monthly_degree_days(wf.days)[0].hdd > 0


def test_mean_temperature_used_when_degree_days_absent() -> None:
    header = '"Date/Time","Year","Month","Day","Mean Temp (°C)","Mean Temp Flag"'
    body = ['"2023-07-01","2023","07","01","25.5",""', '"2023-07-02","2023","07","02","10.0",""']
    wf = parse_eccc_daily("\n".join([header, *body]), "juillet.csv")
    (july,) = monthly_degree_days(wf.days)
    assert (july.hdd, july.cdd, july.days_with_data, july.missing_days) == (8.0, 7.5, 2, 29)


def test_period_across_two_files(tmp_path: Path) -> None:
    merged = merge_weather_files(
        [read_eccc_daily(write_old(tmp_path, 2022)), parse_eccc_daily(rows_as_old_station(2023))]
    )
    months = monthly_degree_days(merged.days)
    period = Period(month_index(date(2022, 7, 1)))
    dd = period_degree_days(months, period)
    assert dd.missing_days == 1 and dd.months_without_data == ()
    assert dd.hdd == pytest.approx(sum(m.hdd for m in months[6:18]))
    short = period_degree_days(months, Period(month_index(date(2023, 7, 1))))
    assert len(short.months_without_data) == 6


def rows_as_old_station(year: int) -> str:
    return OLD_PREAMBLE + "\n".join([OLD_HEADER, *rows(year, False)])


def test_errors_name_file_and_line() -> None:
    with pytest.raises(WeatherFileError) as err:
        parse_eccc_daily(b"a,b,c\n1,2,3\n", "facture.csv")
    assert "facture.csv" in err.value.message_en and "facture.csv" in err.value.message_fr
    bad = "\n".join([CURRENT_HEADER, '"-73.75","45.47","X","1","2023-13-01"' + ',""' * 26])
    with pytest.raises(WeatherFileError) as err:
        parse_eccc_daily(bad, "meteo.csv")
    assert "line 2" in err.value.message_en and "2023-13-01" in err.value.message_en
    with pytest.raises(WeatherFileError):
        merge_weather_files(
            [
                parse_eccc_daily(rows_as_old_station(2022)),
                parse_eccc_daily("\n".join([CURRENT_HEADER, *rows(2023, True)])),
            ]
        )
