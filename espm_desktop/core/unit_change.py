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
from espm_desktop.core.validation import FieldError


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
    if old_energy_type != new_energy_type:
        old_type = _type_labels(old_energy_type)
        new_type = _type_labels(new_energy_type)
        return FieldError(
            "energy_type",
            f"This meter has {bill_count} bill(s) of {old_type[0]}: its energy type can't become {new_type[0]}, "
            "because the bills would then count another fuel. Create a new meter for "
            f"{new_type[0]}, or delete the bills first.",
            f"Ce compteur a {bill_count} facture(s) de {old_type[1]} : son type d'énergie ne peut pas devenir "
            f"{new_type[1]}, car les factures compteraient alors une autre énergie. Créez un nouveau compteur "
            f"pour {new_type[1]} ou supprimez d'abord les factures.",
            "unit_change_energy_type",
            values,
        )
    type_en, type_fr = _type_labels(old_energy_type)
    try:
        before = energy.unit(old_energy_type, old_unit)
        after = energy.unit(new_energy_type, new_unit)
    except energy.UnknownUnitError as exc:
        return FieldError(
            "unit",
            f"No conversion factor from {old_unit} to {new_unit} for {type_en}: {exc.message_en} "
            f"The {bill_count} bill(s) stay in {old_unit}.",
            f"Aucun facteur de conversion de {old_unit} à {new_unit} pour {type_fr} : {exc.message_fr} "
            f"Les {bill_count} facture(s) restent en {old_unit}.",
            "unit_change_no_factor",
            values,
        )
    unconfirmed = [u for u in (before, after) if not _site_factor_confirmed(u)]
    if unconfirmed:
        names = ", ".join(u.unit for u in unconfirmed)
        return FieldError(
            "unit",
            f"The factor for {names} of {type_en} is not confirmed for Canada (see the energy table), so the "
            f"{bill_count} bill(s) can't be converted from {old_unit} to {new_unit}. Keep {old_unit}, or delete "
            "the bills and enter them again in the new unit.",
            f"Le facteur pour {names} ({type_fr}) n'est pas confirmé pour le Canada (voir la table des "
            f"énergies) : les {bill_count} facture(s) ne peuvent pas être converties de {old_unit} à {new_unit}. "
            f"Gardez {old_unit}, ou supprimez les factures et saisissez-les de nouveau dans la nouvelle unité.",
            "unit_change_factor_not_confirmed",
            values,
        )
    return UnitConversion(old_energy_type, old_unit, new_unit, _factor(before) / _factor(after))


def _type_labels(energy_type_id: str) -> tuple[str, str]:
    try:
        et = energy.energy_type(energy_type_id)
    except energy.UnknownUnitError:
        return energy_type_id, energy_type_id
    return et.label_en, et.label_fr


def usage_decimals(value: float, most: int = 6) -> int:
    """Decimals needed to show a converted usage without hiding its digits (0.273 → 3), at most `most`."""
    text = f"{value:.{most}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
