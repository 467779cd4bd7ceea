"""Is the weather station behind a property's degree days a plausible one? Province and distance checks.

ESPM maps a postal code to a nearby station (DOMAIN.md); a station in another province, or more than
MAX_STATION_DISTANCE_KM away, gives degree days of another climate and so another predicted EUI.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_STATION_DISTANCE_KM = 100.0
EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG)."""

# Canada Post: the first letter of a postal code names the province or territory (X is NT or NU).
_POSTAL_FIRST_LETTER = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "Y": "YT",
}
# ECCC files name the province in full, in English ("QUEBEC"); users may type codes or French names.
_PROVINCE_NAMES = {
    "NL": ("NEWFOUNDLAND", "NEWFOUNDLAND AND LABRADOR", "TERRE-NEUVE", "TERRE-NEUVE-ET-LABRADOR"),
    "NS": ("NOVA SCOTIA", "NOUVELLE-ECOSSE"),
    "PE": ("PRINCE EDWARD ISLAND", "ILE-DU-PRINCE-EDOUARD"),
    "NB": ("NEW BRUNSWICK", "NOUVEAU-BRUNSWICK"),
    "QC": ("QUEBEC", "PQ"),
    "ON": ("ONTARIO",),
    "MB": ("MANITOBA",),
    "SK": ("SASKATCHEWAN",),
    "AB": ("ALBERTA",),
    "BC": ("BRITISH COLUMBIA", "COLOMBIE-BRITANNIQUE"),
    "YT": ("YUKON", "YUKON TERRITORY"),
    "NT": ("NORTHWEST TERRITORIES", "TERRITOIRES DU NORD-OUEST"),
    "NU": ("NUNAVUT",),
}
_CODE_BY_NAME = {name: code for code, names in _PROVINCE_NAMES.items() for name in (code, *names)}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=256)
def province_code(text: str) -> str | None:
    """'QC', 'Québec', 'QUEBEC', 'British Columbia' → two-letter code; None when not recognised (a portfolio
    names a few provinces, each read once)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper().strip()
    plain = " ".join(plain.replace(".", "").split())
    return _CODE_BY_NAME.get(plain) or _CODE_BY_NAME.get(plain.replace(" ", "-"))


def province_from_postal_code(postal_code: str) -> str | None:
    first = postal_code.strip()[:1].upper()
    return _POSTAL_FIRST_LETTER.get(first)


@dataclass(frozen=True, slots=True)
class StationWarning:
    """`other_province` (values: property's, station's code) or `far` (value: distance in km)."""

    code: str
    property_province: str | None = None
    station_province: str | None = None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class StationView:
    """The weather station linked to a property, and what looks wrong about it (shown and printed with the score)."""

    name: str
    climate_id: str
    province: str
    warnings: tuple[StationWarning, ...]


def station_warnings(
    property_province: str,
    property_postal_code: str,
    station_province: str,
    property_lat_lon: tuple[float, float] | None = None,
    station_lat_lon: tuple[float, float] | None = None,
) -> tuple[StationWarning, ...]:
    """Warnings about a station: in another province than the property, or farther than 100 km.

    The property's province is its own field, else the first letter of its postal code. A province that
    cannot be read on either side gives no province warning; the distance needs both coordinates.
    """
    out: list[StationWarning] = []
    mine = province_code(property_province) or province_from_postal_code(property_postal_code)
    theirs = province_code(station_province)
    if mine and theirs and mine != theirs:
        out.append(StationWarning("other_province", mine, theirs))
    if property_lat_lon is not None and station_lat_lon is not None:
        km = haversine_km(*property_lat_lon, *station_lat_lon)
        if km > MAX_STATION_DISTANCE_KM:
            out.append(StationWarning("far", distance_km=km))
    return tuple(out)
