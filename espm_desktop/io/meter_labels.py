"""What a file's meter-type and unit labels mean: energy or not, which energy type, which unit.

The answers come from core.energy (ESPM's labels); `MeterLabels` remembers them for one import run, since
the same few labels fill every row of a file.
"""

from __future__ import annotations

from espm_desktop.core.energy import UnknownUnitError, energy_type_from_espm_label, unit_from_espm_label
from espm_desktop.io.parse_values import normalise_label

# Meter types ESPM uses for water, waste, IT and flow meters: not energy, left out of the import.
_NON_ENERGY_WORDS = (
    "water",
    "waste",
    "disposed",
    "recycled",
    "composted",
    "donated",
    "reused",
    "potable",
    "reclaimed",
    "wastewater",
    "influent",
    "effluent",
    "flow",
    "uninterruptible",
    "power distribution unit",
    "it equipment",
    "eau",
    "dechets",
    "irrigation",
)
_ENERGY_EXCEPTIONS = ("hot water", "chilled water", "eau chaude", "eau refroidie")
_NON_ENERGY_KEYS = tuple(normalise_label(w) for w in _NON_ENERGY_WORDS)
_ENERGY_EXCEPTION_KEYS = tuple(normalise_label(e) for e in _ENERGY_EXCEPTIONS)


def is_non_energy_meter_type(label: str) -> bool:
    """A water, waste, IT or flow meter type (hot and chilled water are energy)."""
    key = normalise_label(label)
    if any(e in key for e in _ENERGY_EXCEPTION_KEYS):
        return False
    return any(w in key for w in _NON_ENERGY_KEYS)


class MeterLabels:
    """The meaning of each meter-type and unit label met in one import run, looked up once each."""

    __slots__ = ("_energy", "_non_energy", "_units")

    def __init__(self) -> None:
        self._non_energy: dict[str, bool] = {}
        self._energy: dict[str, str | UnknownUnitError] = {}
        self._units: dict[tuple[str, str | None], tuple[str | None, str] | UnknownUnitError] = {}

    def is_non_energy(self, label: str) -> bool:
        found = self._non_energy.get(label)
        if found is None:
            found = self._non_energy[label] = is_non_energy_meter_type(label)
        return found

    def energy_type(self, label: str) -> str:
        """core.energy.energy_type_from_espm_label; raises its UnknownUnitError."""
        found = self._energy.get(label)
        if found is None:
            try:
                found = energy_type_from_espm_label(label)
            except UnknownUnitError as exc:
                found = exc
            self._energy[label] = found
        if isinstance(found, UnknownUnitError):
            raise found.with_traceback(None)  # the one answer, told again without the old traceback
        return found

    def unit(self, label: str, energy_type: str | None) -> tuple[str | None, str]:
        """(energy type the unit implies, unit): core.energy.unit_from_espm_label; raises UnknownUnitError."""
        key = (label, energy_type)
        found = self._units.get(key)
        if found is None:
            try:
                found = unit_from_espm_label(label, energy_type)
            except UnknownUnitError as exc:
                found = exc
            self._units[key] = found
        if isinstance(found, UnknownUnitError):
            raise found.with_traceback(None)  # the one answer, told again without the old traceback
        return found
