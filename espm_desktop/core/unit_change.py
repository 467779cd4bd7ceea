"""Changing a meter's unit when it already has bills: convert every usage, or refuse and say why.

A bill's usage means nothing without its unit, so a new unit relabels nothing: the usages are converted with the
site-energy factors of resources/energy_units.csv (new = old × GJ per old unit ÷ GJ per new unit), in Decimal so
that 273 kWh becomes exactly 0.273 MWh. Costs are money and never change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from espm_desktop.core import energy
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import Message, message


@dataclass(frozen=True, slots=True)
class UnitConversion:
    """How the usages of one meter change from `old_unit` to `new_unit` of the same energy type."""

    energy_type: str
    old_unit: str
    new_unit: str
    factor: Decimal
    """new usage = old usage × factor."""

    def convert(self, usage: float) -> float:
        """The usage in the new unit, as bills store it (a float), computed in Decimal."""
        return float(Decimal(repr(float(usage))) * self.factor)

    def convert_all(self, usages: Sequence[float]) -> list[float]:
        return [self.convert(u) for u in usages]


def _site_factor_confirmed(u: energy.Unit) -> bool:
    # The table marks a site factor it could not confirm in the "site:" part of its source (e.g. propane in
    # cubic feet, a US value): such a factor is fine for a first estimate, not for rewriting stored bills.
    site_part = u.source.split("|")[0]
    return "NOT CONFIRMED" not in site_part.upper()


def _factor(u: energy.Unit) -> Decimal:
    return Decimal(repr(u.site_gj_per_unit))


def plan_unit_change(
    *, old_energy_type: str, old_unit: str, new_energy_type: str, new_unit: str, bill_count: int
) -> UnitConversion | FieldError | None:
    """What a meter edit does to its bills: None (nothing to convert), the conversion to ask about, or why not.

    Refused, with the reason, when the meter has bills and the energy type changes (the bills measure another
    fuel), when the new unit is not one of the type's units, or when a factor of the table is not confirmed.
    """
    if bill_count == 0 or (old_energy_type == new_energy_type and old_unit == new_unit):
        return None
    values: dict[str, object] = {
        "bills": bill_count,
        "old_energy_type": old_energy_type,
        "new_energy_type": new_energy_type,
        "old_unit": old_unit,
        "new_unit": new_unit,
    }
    bills = str(bill_count)
    if old_energy_type != new_energy_type:
        return FieldError(
            "energy_type",
            message(
                "This meter has {bills} bill(s) of {old_type}: its energy type can't become {new_type}, because "
                "the bills would then count another fuel. Create a new meter for {new_type}, or delete the bills "
                "first.",
                bills=bills,
                old_type=_type_label(old_energy_type),
                new_type=_type_label(new_energy_type),
            ),
            "unit_change_energy_type",
            values,
        )
    old_type = _type_label(old_energy_type)
    try:
        before = energy.unit(old_energy_type, old_unit)
        after = energy.unit(new_energy_type, new_unit)
    except energy.UnknownUnitError as exc:
        return FieldError(
            "unit",
            message(
                "No conversion factor from {old_unit} to {new_unit} for {type}: {reason} The {bills} bill(s) stay "
                "in {old_unit}.",
                old_unit=old_unit,
                new_unit=new_unit,
                type=old_type,
                reason=exc.problem,
                bills=bills,
            ),
            "unit_change_no_factor",
            values,
        )
    unconfirmed = [u for u in (before, after) if not _site_factor_confirmed(u)]
    if unconfirmed:
        return FieldError(
            "unit",
            message(
                "The factor for {names} of {type} is not confirmed for Canada (see the energy table), so the "
                "{bills} bill(s) can't be converted from {old_unit} to {new_unit}. Keep {old_unit}, or delete the "
                "bills and enter them again in the new unit.",
                names=", ".join(u.unit for u in unconfirmed),
                type=old_type,
                bills=bills,
                old_unit=old_unit,
                new_unit=new_unit,
            ),
            "unit_change_factor_not_confirmed",
            values,
        )
    return UnitConversion(old_energy_type, old_unit, new_unit, _factor(before) / _factor(after))


def _type_label(energy_type_id: str) -> Message | str:
    """The energy type's label in the table, or its id when the table does not know it."""
    try:
        return energy.energy_type(energy_type_id).label
    except energy.UnknownUnitError:
        return energy_type_id


def usage_decimals(value: float, most: int = 6) -> int:
    """Decimals needed to show a converted usage without hiding its digits (0.273 → 3), at most `most`."""
    text = f"{value:.{most}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
