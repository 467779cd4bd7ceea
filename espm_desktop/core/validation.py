"""Field checks for what a user types in a form. Each error names the field, the rule and what was typed, in FR and EN."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from espm_desktop.core.types import Bill


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message_en: str
    message_fr: str

    def message(self, language: str) -> str:
        return self.message_fr if language.startswith("fr") else self.message_en


def _required(field: str, label_en: str, label_fr: str, value: str) -> FieldError | None:
    if not value.strip():
        return FieldError(field, f"{label_en} is required.", f"{label_fr} est obligatoire.")
    return None


def _range(
    field: str, label_en: str, label_fr: str, value: float | None, low: float, high: float | None = None
) -> FieldError | None:
    if value is None:
        return None
    if value < low or (high is not None and value > high):
        if high is None:
            return FieldError(
                field,
                f"{label_en} must be {low:g} or more (you entered {value:g}).",
                f"{label_fr} doit être d'au moins {low:g} (vous avez saisi {value:g}).",
            )
        return FieldError(
            field,
            f"{label_en} must be between {low:g} and {high:g} (you entered {value:g}).",
            f"{label_fr} doit être entre {low:g} et {high:g} (vous avez saisi {value:g}).",
        )
    return None


CANADIAN_POSTAL_CODE_LETTERS = set("ABCEGHJKLMNPRSTVXY")


def normalise_postal_code(value: str) -> str:
    """'h2x1y4' → 'H2X 1Y4'; anything that does not look Canadian is returned stripped and upper-cased."""
    compact = value.replace(" ", "").upper()
    if len(compact) == 6:
        return f"{compact[:3]} {compact[3:]}"
    return value.strip().upper()


def validate_property(
    *,
    name: str,
    postal_code: str,
    gross_floor_area_m2: float,
    year_built: int | None,
    workers: float | None,
    weekly_hours: float | None,
    computers: int | None,
    percent_heated: float | None,
    percent_cooled: float | None,
    months_in_operation: int | None,
    today: date | None = None,
) -> list[FieldError]:
    errors: list[FieldError] = []
    if e := _required("name", "Property name", "Le nom de la propriété", name):
        errors.append(e)
    code = normalise_postal_code(postal_code)
    if code:
        compact = code.replace(" ", "")
        pattern_ok = (
            len(compact) == 6
            and compact[0] in CANADIAN_POSTAL_CODE_LETTERS
            and compact[1].isdigit()
            and compact[2].isalpha()
            and compact[3].isdigit()
            and compact[4].isalpha()
            and compact[5].isdigit()
        )
        if not pattern_ok:
            errors.append(
                FieldError(
                    "postal_code",
                    f"Postal code must look like A1A 1A1 (you entered “{postal_code}”).",
                    f"Le code postal doit avoir la forme A1A 1A1 (vous avez saisi « {postal_code} »).",
                )
            )
    year = (today or date.today()).year
    checks = [
        _range(
            "gross_floor_area_m2", "Gross floor area (m²)", "La superficie brute (m²)", gross_floor_area_m2, 0
        ),
        _range(
            "year_built",
            "Year built",
            "L'année de construction",
            None if year_built is None else float(year_built),
            1600,
            year + 5,
        ),
        _range("workers", "Workers on the main shift", "Le nombre de travailleurs", workers, 0),
        _range(
            "weekly_hours",
            "Weekly operating hours",
            "Les heures d'exploitation par semaine",
            weekly_hours,
            0,
            168,
        ),
        _range(
            "computers",
            "Number of computers",
            "Le nombre d'ordinateurs",
            None if computers is None else float(computers),
            0,
        ),
        _range(
            "percent_heated", "% of floor area heated", "Le % de superficie chauffée", percent_heated, 0, 100
        ),
        _range(
            "percent_cooled", "% of floor area cooled", "Le % de superficie refroidie", percent_cooled, 0, 100
        ),
        _range(
            "months_in_operation",
            "Months in operation",
            "Le nombre de mois d'exploitation",
            None if months_in_operation is None else float(months_in_operation),
            0,
            12,
        ),
    ]
    errors.extend(e for e in checks if e is not None)
    return errors


def validate_meter(
    *, name: str, energy_type: str, unit: str, active_date: date | None, inactive_date: date | None
) -> list[FieldError]:
    errors: list[FieldError] = []
    if e := _required("name", "Meter name", "Le nom du compteur", name):
        errors.append(e)
    if e := _required("energy_type", "Energy type", "Le type d'énergie", energy_type):
        errors.append(e)
    if e := _required("unit", "Unit", "L'unité", unit):
        errors.append(e)
    if active_date and inactive_date and inactive_date < active_date:
        errors.append(
            FieldError(
                "inactive_date",
                f"The date the meter became inactive ({inactive_date}) is before the date it became active "
                f"({active_date}).",
                f"La date d'inactivité du compteur ({inactive_date}) précède sa date d'activation ({active_date}).",
            )
        )
    return errors


def validate_bill(start: date, end: date, usage: float | None, others: list[Bill]) -> list[FieldError]:
    """Checks a bill against ESPM's rules and the meter's other bills (a one-day overlap is allowed).

    usage is None when the form could not read it (that error is reported by the form itself).
    """
    errors: list[FieldError] = []
    if end < start:
        errors.append(
            FieldError(
                "end_date",
                f"End date {end} is before start date {start}.",
                f"La date de fin {end} précède la date de début {start}.",
            )
        )
        return errors
    if usage is not None and usage < 0:
        errors.append(
            FieldError(
                "usage",
                f"Usage must be zero or more (you entered {usage:g}).",
                f"La consommation doit être positive ou nulle (vous avez saisi {usage:g}).",
            )
        )
    for other in others:
        if other.start == start and other.end == end:
            errors.append(
                FieldError(
                    "start_date",
                    f"This meter already has a bill from {start} to {end}.",
                    f"Ce compteur a déjà une facture du {start} au {end}.",
                )
            )
            continue
        # ESPM allows exactly one shared day: the end date of one bill may be the start of the next.
        overlap_start = max(start, other.start)
        overlap_end = min(end, other.end)
        overlap_days = (overlap_end - overlap_start + timedelta(days=1)).days
        if overlap_days > 1:
            errors.append(
                FieldError(
                    "start_date",
                    f"This bill overlaps the bill from {other.start} to {other.end} by {overlap_days} days; "
                    "ESPM allows one shared day at most. Fix the dates of one of the two bills.",
                    f"Cette facture chevauche celle du {other.start} au {other.end} de {overlap_days} jours; "
                    "ESPM permet au plus un jour commun. Corrigez les dates de l'une des deux factures.",
                )
            )
    return errors
