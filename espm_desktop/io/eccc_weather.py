"""Read Environment and Climate Change Canada daily climate CSV files (climate.weather.gc.ca).

Two layouts exist. Current files put station columns on every row, with a header starting
"Longitude (x)". Older files carry ~25 lines of station preamble ("Station Name", "Climate Identifier",
a legend) before a "Date/Time" header. Fields are quoted; a flag column follows each value
(M missing, E estimated, …). Files are UTF-8 (often with a BOM) or Latin-1.

Data Source: Environment and Climate Change Canada (free reuse with this attribution).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from espm_desktop.core.degree_days import DailyWeather
from espm_desktop.core.i18n import Message, Shown, message


class WeatherFileError(Shown, ValueError):
    """A file that is not an ECCC daily climate CSV, or a row that cannot be read.

    `reason` names the file (and the line) and says why, in no language yet (core.i18n).
    """

    _shown_attribute: ClassVar[str] = "reason"

    def __init__(self, reason: Message) -> None:
        self.reason = reason
        super().__init__(self.text("en"))

    def message(self, language: str) -> str:
        return self.text(language)


@dataclass(frozen=True, slots=True)
class StationInfo:
    name: str
    climate_id: str
    province: str = ""
    latitude: float | None = None
    longitude: float | None = None
    elevation_m: float | None = None
    wmo_id: str = ""
    tc_id: str = ""


@dataclass(frozen=True, slots=True)
class WeatherFile:
    station: StationInfo
    days: tuple[DailyWeather, ...]
    source_name: str = ""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; older downloads are Windows-1252/Latin-1 (° as byte 0xB0)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _key(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


# Column names by normalised prefix, English then French download.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("datetime", "dateheure"),
    "mean": ("meantemp", "tempmoy"),
    "mean_flag": ("meantempflag", "tempmoyindicateur"),
    "hdd": ("heatdegdays", "degrésjoursdechauffe", "djc"),
    "hdd_flag": ("heatdegdaysflag", "degrésjoursdechauffeindicateur"),
    "cdd": ("cooldegdays", "degrésjoursdeclimatisation", "djr"),
    "cdd_flag": ("cooldegdaysflag", "degrésjoursdeclimatisationindicateur"),
    "station": ("stationname", "nomdelastation"),
    "climate_id": ("climateid", "idclimatologique"),
    "lon": ("longitudex",),
    "lat": ("latitudey",),
}


def _find_columns(header: Sequence[str]) -> dict[str, int]:
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for name, prefixes in _COLUMNS.items():
        is_flag = name.endswith("_flag")
        for i, k in enumerate(keys):
            flagged = k.endswith("flag") or k.endswith("indicateur")
            if flagged == is_flag and any(k.startswith(p) for p in prefixes):
                found[name] = i
                break
    return found


def _float(text: str, where: Message, source: str | Message) -> float | None:
    """`where` names the place: message("line {line}, latitude", line="42")."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise WeatherFileError(
            message("{source}: {where}: '{value}' is not a number.", source=source, where=where, value=text)
        ) from None


def _cell(row: Sequence[str], idx: int | None) -> str:
    return row[idx].strip() if idx is not None and idx < len(row) else ""


def _value(
    row: Sequence[str],
    header: Sequence[str],
    cols: dict[str, int],
    name: str,
    line: int,
    source: str | Message,
) -> tuple[float | None, str]:
    """A value and its flag; flag M (missing) gives None even if a number is present."""
    idx = cols.get(name)
    flag = _cell(row, cols.get(f"{name}_flag"))
    if idx is None:
        return None, flag
    where = message("line {line}, column '{column}'", line=str(line), column=header[idx])
    v = _float(_cell(row, idx), where, source)
    return (None if flag == "M" else v), flag


def parse_eccc_daily(data: bytes | str, source_name: str = "") -> WeatherFile:
    """Parse one ECCC daily file (either layout) into station info and daily records."""
    text = decode(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    source: str | Message = source_name or message("weather file")
    rows = list(csv.reader(io.StringIO(text)))
    preamble: dict[str, str] = {}
    header_at = None
    for i, row in enumerate(rows):
        if not row or not any(c.strip() for c in row):
            continue
        first = _key(row[0])
        if first in ("longitudex", "datetime", "dateheure") and len(row) > 5:
            header_at = i
            break
        if len(row) >= 2:
            preamble[_key(row[0])] = row[1].strip()
    if header_at is None:
        raise WeatherFileError(
            message(
                "{source}: no 'Longitude (x)' or 'Date/Time' header row found; download a daily CSV "
                "from climate.weather.gc.ca.",
                source=source,
            )
        )
    header = rows[header_at]
    cols = _find_columns(header)
    if "date" not in cols or ("mean" not in cols and "hdd" not in cols):
        raise WeatherFileError(
            message(
                "{source}: the header has no 'Date/Time' or no 'Mean Temp (°C)' column; is it a daily file?",
                source=source,
            )
        )
    days: list[DailyWeather] = []
    station_name = preamble.get("stationname", preamble.get("nomdelastation", ""))
    climate_id = preamble.get("climateidentifier", preamble.get("identificationclimatologique", ""))
    lat = lon = None
    for n, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not row or not any(c.strip() for c in row):
            continue
        raw_date = _cell(row, cols["date"])
        try:
            day = date.fromisoformat(raw_date[:10])
        except ValueError:
            raise WeatherFileError(
                message(
                    "{source}, line {line}: '{value}' in column '{column}' is not a date (YYYY-MM-DD).",
                    source=source,
                    line=str(n),
                    value=raw_date,
                    column=header[cols["date"]],
                )
            ) from None

        mean, mean_flag = _value(row, header, cols, "mean", n, source)
        hdd, hdd_flag = _value(row, header, cols, "hdd", n, source)
        cdd, cdd_flag = _value(row, header, cols, "cdd", n, source)
        days.append(DailyWeather(day, mean, hdd, cdd, mean_flag, hdd_flag, cdd_flag))
        if not station_name:
            station_name = _cell(row, cols.get("station"))
            climate_id = _cell(row, cols.get("climate_id"))
            lat = _float(_cell(row, cols.get("lat")), message("line {line}, latitude", line=str(n)), source)
            lon = _float(_cell(row, cols.get("lon")), message("line {line}, longitude", line=str(n)), source)
    if lat is None and "latitude" in preamble:
        lat = _float(preamble["latitude"], message("Latitude"), source)
        lon = _float(preamble.get("longitude", ""), message("Longitude"), source)
    station = StationInfo(
        name=station_name,
        climate_id=climate_id,
        province=preamble.get("province", ""),
        latitude=lat,
        longitude=lon,
        elevation_m=_float(preamble.get("elevation", ""), message("Elevation"), source),
        wmo_id=preamble.get("wmoidentifier", ""),
        tc_id=preamble.get("tcidentifier", ""),
    )
    return WeatherFile(station, tuple(days), source_name)


def read_eccc_daily(path: Path) -> WeatherFile:
    """Read one ECCC daily CSV from disk."""
    return parse_eccc_daily(path.read_bytes(), path.name)


def merge_weather_files(files: Sequence[WeatherFile]) -> WeatherFile:
    """Join several yearly files of one station into one, "
    "days in date order, first file wins on duplicates."""
    if not files:
        raise WeatherFileError(message("No weather file given."))
    ids = {f.station.climate_id for f in files if f.station.climate_id}
    if len(ids) > 1:
        raise WeatherFileError(
            message(
                "The files come from different stations ({stations}); use one station.",
                stations=", ".join(sorted(ids)),
            )
        )
    by_day: dict[date, DailyWeather] = {}
    for f in files:
        for d in f.days:
            by_day.setdefault(d.day, d)
    return WeatherFile(files[0].station, tuple(by_day[k] for k in sorted(by_day)), files[0].source_name)
