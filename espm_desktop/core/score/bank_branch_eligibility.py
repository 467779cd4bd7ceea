"""Figure 1 of seed 002: which filters block a bank-branch score and which only warn.

Building-type and program filters are eligibility rules (a score is not given); analytical filters
removed outliers from the reference data, so here they only raise a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from espm_desktop.core.numbers import format_number
from espm_desktop.core.score import bank_branch_model as model
from espm_desktop.core.types import PropertyType

if TYPE_CHECKING:
    from espm_desktop.core.score.bank_branch import BankBranchInputs


@dataclass(frozen=True, slots=True)
class ScoreNote:
    """Why a score is blocked (reason) or to be read with care (warning), in both languages."""

    code: str
    message_en: str
    message_fr: str


def note(code: str, en: str, fr: str) -> ScoreNote:
    return ScoreNote(code, en, fr)


def eligibility(inp: BankBranchInputs, site_by_type: dict[str, float]) -> list[ScoreNote]:
    """Figure 1's building-type and program filters that block a score, each with its fix."""
    out: list[ScoreNote] = []
    if inp.property_type != PropertyType.BANK_BRANCH.value:
        out.append(
            note(
                "property_type",
                f"The score applies to bank branches only; this property is '{inp.property_type}'. "
                "Set the primary function to Bank Branch if more "
                "than 50 % of the floor area is a bank branch.",
                "La cote s'applique seulement aux succursales bancaires; "
                f"cette propriété est « {inp.property_type} ». "
                "Choisissez Succursale bancaire si plus de 50 % de la superficie en est une.",
            )
        )
    if site_by_type.get("electricity_grid", 0.0) <= 0.0:
        out.append(
            note(
                "no_electricity",
                "No electricity use in the 12 months: a bank branch must "
                "report electricity. Add the electric meter's bills.",
                "Aucune consommation d'électricité sur les 12 mois "
                ": une succursale bancaire doit déclarer son "
                "électricité. Ajoutez les factures du compteur électrique.",
            )
        )
    gfa = inp.gross_floor_area_m2
    if gfa < model.MIN_FLOOR_AREA_M2:
        out.append(
            note(
                "floor_area",
                f"Gross floor area {gfa:g} m² is below {model.MIN_FLOOR_AREA_M2} "
                "m² (1,000 ft²). Check the floor area.",
                f"La superficie brute de {gfa:g} m² est inférieure "
                f"à {model.MIN_FLOOR_AREA_M2} m² (1 000 pi²). "
                "Vérifiez la superficie.",
            )
        )
    missing = [
        (key, en, fr)
        for key, en, fr, value in (
            ("workers", "workers", "travailleurs", inp.workers),
            ("weekly_hours", "weekly hours", "heures par semaine", inp.weekly_hours),
            ("computers", "computers", "ordinateurs", inp.computers),
            ("percent_heated", "percent heated", "pourcentage chauffé", inp.percent_heated),
            ("percent_cooled", "percent cooled", "pourcentage refroidi", inp.percent_cooled),
            ("months_in_operation", "months in operation", "mois d'exploitation", inp.months_in_operation),
            ("hdd", "heating degree days", "degrés-jours de chauffage", inp.hdd),
            ("cdd", "cooling degree days", "degrés-jours de refroidissement", inp.cdd),
        )
        if value is None
    ]
    for key, en, fr in missing:
        out.append(
            note(f"missing_{key}", f"Enter the {en} of the property.", f"Saisissez les {fr} de la propriété.")
        )
    h = inp.weekly_hours
    if h is not None and not (model.MIN_WEEKLY_HOURS <= h < model.MAX_WEEKLY_HOURS_EXCLUSIVE):
        out.append(
            note(
                "weekly_hours",
                f"Weekly hours {h:g} must be at least 30 and less than 168. Check the operating hours.",
                f"Les heures par semaine ({h:g}) doivent être d'au "
                "moins 30 et de moins de 168. Vérifiez les heures.",
            )
        )
    if inp.workers is not None and inp.workers < model.MIN_WORKERS:
        out.append(
            note(
                "workers",
                f"Workers on the main shift = {inp.workers:g}: at least one worker is required.",
                f"Travailleurs sur le quart principal = {inp.workers:g} : il faut au moins un travailleur.",
            )
        )
    if inp.computers is not None and inp.computers < model.MIN_COMPUTERS:
        out.append(
            note(
                "computers",
                f"Computers = {inp.computers}: at least one computer is required.",
                f"Ordinateurs = {inp.computers} : il faut au moins un ordinateur.",
            )
        )
    if inp.months_in_operation is not None and inp.months_in_operation < model.MIN_MONTHS_IN_OPERATION:
        out.append(
            note(
                "months_in_operation",
                f"Months in operation = {inp.months_in_operation}: "
                "the branch must operate at least 10 months a year.",
                f"Mois d'exploitation = {inp.months_in_operation} : "
                "la succursale doit être exploitée au moins 10 mois.",
            )
        )
    ph = inp.percent_heated
    if ph is not None and not ph > model.MIN_PERCENT_HEATED_EXCLUSIVE:
        out.append(
            note(
                "percent_heated",
                f"Percent heated = {ph:g} %: more than 50 % of the "
                "building must be heated (enter a percentage, 0–100).",
                f"Pourcentage chauffé = {ph:g} % : plus de 50 % du "
                "bâtiment doit être chauffé (pourcentage de 0 à 100).",
            )
        )
    if gfa > 0 and inp.parking_area_m2 is not None:
        share = inp.parking_area_m2 / (gfa + inp.parking_area_m2)
        if share >= model.MAX_PARKING_SHARE_EXCLUSIVE:
            out.append(
                note(
                    "parking",
                    f"Enclosed parking is {share:.0%} of the floor "
                    "area including parking; it must be under 50 %.",
                    f"Le stationnement fermé représente {share:.0%} "
                    "de la superficie incluant le stationnement; "
                    "il doit être inférieur à 50 %.",
                )
            )
    if (
        gfa > 0
        and inp.vacant_area_m2 is not None
        and inp.vacant_area_m2 / gfa >= model.MAX_VACANT_SHARE_EXCLUSIVE
    ):
        out.append(
            note(
                "vacant",
                f"Vacant space is {inp.vacant_area_m2 / gfa:.0%} of the floor area; it must be under 50 %.",
                f"L'espace vacant représente {inp.vacant_area_m2 / gfa:.0%} "
                "de la superficie; il doit être inférieur à 50 %.",
            )
        )
    return out


def analytical_warnings(inp: BankBranchInputs, eui: float | None) -> list[ScoreNote]:
    out: list[ScoreNote] = []
    gfa = inp.gross_floor_area_m2
    if inp.workers is not None and gfa > 0:
        density = inp.workers / gfa * 100
        if density > model.MAX_WORKER_DENSITY_PER_100M2:
            out.append(
                note(
                    "worker_density",
                    f"Worker density {density:.2f} per 100 m² is above 5, outside the reference data. "
                    "Check workers and floor area.",
                    f"La densité de {format_number(density, 'fr', 2)} travailleurs par 100 "
                    "m² dépasse 5, hors des données de référence. "
                    "Vérifiez les travailleurs et la superficie.",
                )
            )
    if eui is not None and not (model.MIN_SOURCE_EUI_EXCLUSIVE < eui <= model.MAX_SOURCE_EUI):
        out.append(
            note(
                "source_eui",
                f"Source EUI {eui:.3f} GJ/m² is outside 0.15 "
                "(exclusive) to 4.0 GJ/m² seen in the reference data. "
                "Check for missing or duplicated bills and the floor area.",
                f"L'IE à la source de {format_number(eui, 'fr', 3)} GJ/m² est hors de "
                "l'intervalle de référence (plus de 0,15 à 4,0 GJ/m²). "
                "Vérifiez les factures manquantes ou en double et la superficie.",
            )
        )
    return out
