"""Figure 1 of seed 002: which filters block a bank-branch score and which only warn.

Building-type and program filters are eligibility rules (a score is not given); analytical filters
removed outliers from the reference data, so here they only raise a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from espm_desktop.core.i18n import N_, Message, Number, Shown, message
from espm_desktop.core.score import bank_branch_model as model
from espm_desktop.core.types import PropertyType

if TYPE_CHECKING:
    from espm_desktop.core.score.bank_branch import BankBranchInputs


@dataclass(frozen=True, slots=True)
class ScoreNote(Shown):
    """Why a score is blocked (reason) or to be read with care (warning), for any language."""

    _shown_attribute: ClassVar[str] = "message"

    code: str
    message: Message


def note(code: str, text: Message) -> ScoreNote:
    return ScoreNote(code, text)


def both_languages(text: Message) -> str:
    """'English / French': the text of an error raised to a caller that may show either language."""
    return f"{text.text('en')} / {text.text('fr')}"


_MISSING: dict[str, str] = {
    "workers": N_("Enter the workers of the property."),
    "weekly_hours": N_("Enter the weekly hours of the property."),
    "computers": N_("Enter the computers of the property."),
    "percent_heated": N_("Enter the percent heated of the property."),
    "percent_cooled": N_("Enter the percent cooled of the property."),
    "months_in_operation": N_("Enter the months in operation of the property."),
    "hdd": N_("Enter the heating degree days of the property."),
    "cdd": N_("Enter the cooling degree days of the property."),
}


def eligibility(inp: BankBranchInputs, site_by_type: dict[str, float]) -> list[ScoreNote]:
    """Figure 1's building-type and program filters that block a score, each with its fix."""
    out: list[ScoreNote] = []
    if inp.property_type != PropertyType.BANK_BRANCH.value:
        out.append(
            note(
                "property_type",
                message(
                    "The score applies to bank branches only; this property is '{type}'. Set the primary "
                    "function to Bank Branch if more than 50 % of the floor area is a bank branch.",
                    type=inp.property_type,
                ),
            )
        )
    if site_by_type.get("electricity_grid", 0.0) <= 0.0:
        out.append(
            note(
                "no_electricity",
                message(
                    "No electricity use in the 12 months: a bank branch must report electricity. Add the "
                    "electric meter's bills."
                ),
            )
        )
    gfa = inp.gross_floor_area_m2
    if gfa < model.MIN_FLOOR_AREA_M2:
        out.append(
            note(
                "floor_area",
                message(
                    "Gross floor area {area} m² is below {minimum} m² (1,000 ft²). Check the floor area.",
                    area=f"{gfa:g}",
                    minimum=f"{model.MIN_FLOOR_AREA_M2}",
                ),
            )
        )
    given = {
        "workers": inp.workers,
        "weekly_hours": inp.weekly_hours,
        "computers": inp.computers,
        "percent_heated": inp.percent_heated,
        "percent_cooled": inp.percent_cooled,
        "months_in_operation": inp.months_in_operation,
        "hdd": inp.hdd,
        "cdd": inp.cdd,
    }
    for key, template in _MISSING.items():
        if given[key] is None:
            out.append(note(f"missing_{key}", Message(template)))
    h = inp.weekly_hours
    if h is not None and not (model.MIN_WEEKLY_HOURS <= h < model.MAX_WEEKLY_HOURS_EXCLUSIVE):
        out.append(
            note(
                "weekly_hours",
                message(
                    "Weekly hours {hours} must be at least 30 and less than 168. Check the operating hours.",
                    hours=f"{h:g}",
                ),
            )
        )
    if inp.workers is not None and inp.workers < model.MIN_WORKERS:
        out.append(
            note(
                "workers",
                message(
                    "Workers on the main shift = {workers}: at least one worker is required.",
                    workers=f"{inp.workers:g}",
                ),
            )
        )
    if inp.computers is not None and inp.computers < model.MIN_COMPUTERS:
        out.append(
            note(
                "computers",
                message(
                    "Computers = {computers}: at least one computer is required.",
                    computers=str(inp.computers),
                ),
            )
        )
    if inp.months_in_operation is not None and inp.months_in_operation < model.MIN_MONTHS_IN_OPERATION:
        out.append(
            note(
                "months_in_operation",
                message(
                    "Months in operation = {months}: the branch must operate at least 10 months a year.",
                    months=str(inp.months_in_operation),
                ),
            )
        )
    ph = inp.percent_heated
    if ph is not None and not ph > model.MIN_PERCENT_HEATED_EXCLUSIVE:
        out.append(
            note(
                "percent_heated",
                message(
                    "Percent heated = {percent} %: more than 50 % of the building must be heated (enter a "
                    "percentage, 0–100).",
                    percent=f"{ph:g}",
                ),
            )
        )
    if gfa > 0 and inp.parking_area_m2 is not None:
        share = inp.parking_area_m2 / (gfa + inp.parking_area_m2)
        if share >= model.MAX_PARKING_SHARE_EXCLUSIVE:
            out.append(
                note(
                    "parking",
                    message(
                        "Enclosed parking is {share} of the floor area including parking; it must be under 50 %.",
                        share=f"{share:.0%}",
                    ),
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
                message(
                    "Vacant space is {share} of the floor area; it must be under 50 %.",
                    share=f"{inp.vacant_area_m2 / gfa:.0%}",
                ),
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
                    message(
                        "Worker density {density} per 100 m² is above 5, outside the reference data. Check "
                        "workers and floor area.",
                        density=Number(density, 2),
                    ),
                )
            )
    if eui is not None and not (model.MIN_SOURCE_EUI_EXCLUSIVE < eui <= model.MAX_SOURCE_EUI):
        out.append(
            note(
                "source_eui",
                message(
                    "Source EUI {eui} GJ/m² is outside 0.15 (exclusive) to 4.0 GJ/m² seen in the reference data. "
                    "Check for missing or duplicated bills and the floor area.",
                    eui=Number(eui, 3),
                ),
            )
        )
    return out
