"""Energy types, units and their conversion to site and source gigajoules.

The factors live in resources/energy_units.csv (one row per energy type and unit, each citing its
document and saying whether it is confirmed), so a user can see and correct them. This module only
reads that table and answers look-ups; it never guesses a unit.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from espm_desktop.core.i18n import Message, MessageError, current_language, message

GJ_PER_KBTU = 1 / 947.817
"""1 GJ = 947.817 kBtu (ESPM Thermal Energy Conversions)."""

_TABLE_NAME = "energy_units.csv"

# Spellings seen on bills and in other tools that the table does not carry as ESPM labels.
_EXTRA_UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "m3": ("m³", "m3", "cubic meters", "cubic metres", "mètres cubes", "cm"),
    "MBtu": ("MMBtu", "Dth", "dekatherm", "MBtu"),
    "L": ("L", "litres", "liters", "litre", "liter"),
    "kg": ("kg", "kilograms", "kilogrammes", "Kilogram"),
    "lb": ("lb", "lbs", "pounds"),
    "klb": ("klb", "klbs", "kLbs"),
    "Mlb": ("Mlb", "Mlbs", "MLbs"),
    "t": ("t", "tonnes", "metric tons", "Tonnes (metric)"),
    "ton": ("tons", "short tons"),
    "ton_hours": ("ton hours", "ton-hours", "ton_hours"),
    "therms": ("therm", "therms", "thermies"),
    "gal_us": ("gal", "US gallons", "gallons US"),
    "gal_uk": ("UK gallons", "imperial gallons"),
    "kWh": ("kWh",),
    "MWh": ("MWh",),
    "kBtu": ("kBtu",),
}


class UnknownUnitError(MessageError):
    """A unit or energy type that the table does not know, or a unit that does not apply to a type."""


@dataclass(frozen=True)
class DataText(Message):
    """A text the table gives in both languages (a label of resources/energy_units.csv): data, not a catalog
    entry, that a message can name like any of its values."""

    french: str = ""

    def text(self, language: str | None = None) -> str:
        return (
            self.french
            if (language or current_language()).startswith("fr") and self.french
            else self.template
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit accepted for one energy type, with its factor to site GJ."""

    energy_type: str
    unit: str
    label_en: str
    label_fr: str
    espm_label: str
    site_gj_per_unit: float
    source: str
    confirmed: bool
    source_fr: str = ""  # the same citation in French; empty in a table written before the column existed

    @property
    def label(self) -> DataText:
        return DataText(self.label_en, french=self.label_fr)

    def source_text(self, language: str) -> str:
        """Where the factors come from, in the language (English when no French text is given)."""
        return self.source_fr if language.startswith("fr") and self.source_fr else self.source


@dataclass(frozen=True, slots=True)
class EnergyType:
    """An energy type (ESPM meter type) with its source-to-site factor and its units."""

    energy_type: str
    label_en: str
    label_fr: str
    espm_meter_type: str
    espm_aliases: tuple[str, ...]
    source_factor: float
    confirmed: bool
    units: tuple[Unit, ...]

    @property
    def label(self) -> DataText:
        return DataText(self.label_en, french=self.label_fr)


def _norm(label: str) -> str:
    # ESPM spells the same thing "Fuel Oil (No. 2)" and "Fuel Oil No 2"; compare letters and digits only.
    return re.sub(r"[^0-9a-z³éèàç]", "", label.casefold())


@dataclass(frozen=True, slots=True)
class _Tables:
    types: dict[str, EnergyType]
    units: dict[tuple[str, str], Unit]
    type_by_label: dict[str, str]
    unit_ids_by_label: dict[str, str]


def _parse_table(text: str) -> _Tables:
    rows = list(csv.DictReader(io.StringIO(text)))
    units_by_type: dict[str, list[Unit]] = {}
    type_rows: dict[str, dict[str, str]] = {}
    for row in rows:
        et = row["energy_type"]
        type_rows.setdefault(et, row)
        units_by_type.setdefault(et, []).append(
            Unit(
                energy_type=et,
                unit=row["unit"],
                label_en=row["label_en"],
                label_fr=row["label_fr"],
                espm_label=row["espm_label"],
                site_gj_per_unit=float(row["site_gj_per_unit"]),
                source=row["source"],
                confirmed=row["confirmed"].strip().lower() == "yes",
                source_fr=(row.get("source_fr") or "").strip(),
            )
        )
    types: dict[str, EnergyType] = {}
    type_by_label: dict[str, str] = {}
    unit_ids_by_label: dict[str, str] = {}
    units: dict[tuple[str, str], Unit] = {}
    for et, row in type_rows.items():
        aliases = tuple(a for a in row["espm_meter_type_aliases"].split("|") if a)
        type_units = tuple(units_by_type[et])
        types[et] = EnergyType(
            energy_type=et,
            label_en=row["type_label_en"],
            label_fr=row["type_label_fr"],
            espm_meter_type=row["espm_meter_type"],
            espm_aliases=aliases,
            source_factor=float(row["source_factor"]),
            # The source factor is confirmed when at least one row of the type is (all rows share it).
            confirmed=any(u.confirmed for u in type_units),
            units=type_units,
        )
        for label in (et, row["espm_meter_type"], row["type_label_en"], row["type_label_fr"], *aliases):
            type_by_label.setdefault(_norm(label), et)
        for u in type_units:
            units[(et, u.unit)] = u
            for label in (u.unit, u.espm_label, u.label_en):
                unit_ids_by_label.setdefault(_norm(label), u.unit)
    for unit_id, extra in _EXTRA_UNIT_ALIASES.items():
        for label in extra:
            unit_ids_by_label.setdefault(_norm(label), unit_id)
    return _Tables(types, units, type_by_label, unit_ids_by_label)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    text = files("espm_desktop.resources").joinpath(_TABLE_NAME).read_text(encoding="utf-8")
    return _parse_table(text)


def energy_types() -> list[EnergyType]:
    """All energy types in table order."""
    return list(_tables().types.values())


def energy_type(energy_type_id: str) -> EnergyType:
    """The energy type with this stable id; UnknownUnitError if there is none."""
    try:
        return _tables().types[energy_type_id]
    except KeyError:
        raise UnknownUnitError(
            message(
                "Unknown energy type '{type_id}'. Choose one of: {known}.",
                type_id=energy_type_id,
                known=", ".join(_tables().types),
            )
        ) from None


def units_for(energy_type_id: str) -> list[Unit]:
    """Units accepted for an energy type, in table order."""
    return list(energy_type(energy_type_id).units)


def unit(energy_type_id: str, unit_id: str) -> Unit:
    """The unit row for this type; UnknownUnitError naming both if the unit does not apply."""
    et = energy_type(energy_type_id)
    found = _tables().units.get((energy_type_id, unit_id))
    if found is None:
        accepted = ", ".join(u.unit for u in et.units)
        raise UnknownUnitError(
            message(
                "Unit '{unit}' is not accepted for {type} ({type_id}). Accepted units: {accepted}.",
                unit=unit_id,
                type=et.label,
                type_id=energy_type_id,
                accepted=accepted,
            )
        )
    return found


def site_gj_per_unit(energy_type_id: str, unit_id: str) -> float:
    return unit(energy_type_id, unit_id).site_gj_per_unit


def site_gj(energy_type_id: str, unit_id: str, quantity: float) -> float:
    """Site energy in GJ of a quantity in the given unit."""
    return quantity * unit(energy_type_id, unit_id).site_gj_per_unit


def source_factor(energy_type_id: str) -> float:
    """Source-to-site ratio for Canada."""
    return energy_type(energy_type_id).source_factor


def source_gj(energy_type_id: str, unit_id: str, quantity: float) -> float:
    """Source energy in GJ of a quantity in the given unit."""
    return site_gj(energy_type_id, unit_id, quantity) * source_factor(energy_type_id)


def quantity_from_site_gj(energy_type_id: str, unit_id: str, gj: float) -> float:
    """Inverse of site_gj: how many units make this many site GJ."""
    return gj / unit(energy_type_id, unit_id).site_gj_per_unit


def energy_type_from_espm_label(label: str) -> str:
    """Stable energy-type id for an ESPM meter-type label (e.g. 'Electric - Grid', 'Fuel Oil No 2')."""
    found = _tables().type_by_label.get(_norm(label))
    if found is None:
        known = ", ".join(t.espm_meter_type for t in _tables().types.values())
        raise UnknownUnitError(
            message(
                "Unknown meter type '{label}'. Known ESPM meter types: {known}.", label=label, known=known
            )
        )
    return found


def unit_from_espm_label(label: str, energy_type_id: str | None = None) -> tuple[str | None, str]:
    """(energy type id or None, unit id) for a unit label such as 'cm (cubic meters)' or 'kWh'.

    The energy type is given back when only one type uses the unit (m³ is natural gas); with
    `energy_type_id` the unit must apply to that type, else UnknownUnitError names both.
    """
    tables = _tables()
    unit_id = tables.unit_ids_by_label.get(_norm(label))
    if unit_id is None:
        if energy_type_id:
            problem = message(
                "Unknown unit '{label}' for {type_id}. Use an ESPM unit label such as "
                "'kWh (thousand Watt-hours)', 'cm (cubic meters)' or 'GJ'.",
                label=label,
                type_id=energy_type_id,
            )
        else:
            problem = message(
                "Unknown unit '{label}'. Use an ESPM unit label such as 'kWh (thousand Watt-hours)', "
                "'cm (cubic meters)' or 'GJ'.",
                label=label,
            )
        raise UnknownUnitError(problem)
    if energy_type_id is not None:
        unit(energy_type_id, unit_id)
        return energy_type_id, unit_id
    users = [et for (et, u) in tables.units if u == unit_id]
    return (users[0] if len(users) == 1 else None), unit_id
