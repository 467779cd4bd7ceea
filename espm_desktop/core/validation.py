"""Field checks for what a user types in a form. Each error names the field, the rule and what was typed, in FR and EN.

One rule, one function, called by every entry point (form, grid, paste, assistant, import, data checks):
- Énergir numbers: `check_energir_number` / `energir_number_error` (formats of seed 000, notes ¹–³, kept in
  data_exchange_reference.py and checked by data_exchange.py);
- initial load: `initial_load_error` (seed 000, note ⁴: 0 to 24 months; the meter table's CHECK says the same);
- bill overlaps: `bill_overlap` (the rule) and `overlap_error` (the message a form shows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from espm_desktop.core.data_exchange import (
    FieldCheck,
    SetupField,
    validate_account_number,
    validate_initial_load,
    validate_invoice_number,
    validate_meter_number,
)
from espm_desktop.core.types import Bill


@dataclass(frozen=True, slots=True)
class FieldError:
    """An error on one field: the rule's id (`code`) and the values it names, with the text in both languages."""

    field: str
    message_en: str
    message_fr: str
    code: str = ""
    values: Mapping[str, object] = dataclass_field(default_factory=dict, hash=False)

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


# --- Énergir numbers and initial load (seed 000) ---------------------------------------------------------------

# The meter table's columns and the assistant's fields are the same three numbers.
ENERGIR_NUMBER_FIELDS: dict[str, SetupField] = {
    "energir_account_number": SetupField.ACCOUNT_NUMBER,
    "energir_invoice_number": SetupField.INVOICE_NUMBER,
    "energir_meter_number": SetupField.METER_NUMBER,
}

_ENERGIR_CHECKS: dict[SetupField, Callable[[str], FieldCheck]] = {
    SetupField.ACCOUNT_NUMBER: validate_account_number,
    SetupField.INVOICE_NUMBER: validate_invoice_number,
    SetupField.METER_NUMBER: validate_meter_number,
    SetupField.INITIAL_LOAD_MONTHS: validate_initial_load,
}


def check_energir_number(number: SetupField, typed: str) -> FieldCheck:
    """The format Énergir requires for an account, invoice or meter number (or the initial load), as typed.

    Spaces a bill puts between digit groups are removed (the cleaned value is `FieldCheck.value`, with a notice).
    """
    return _ENERGIR_CHECKS[number](typed)


def energir_number_error(column: str, typed: str | None) -> FieldError | None:
    """The error for an Énergir number typed in a form field `column` (e.g. 'energir_invoice_number').

    An empty number is not an error: a manager may save what the bill in hand shows and finish later.
    """
    if typed is None or not typed.strip():
        return None
    outcome = check_energir_number(ENERGIR_NUMBER_FIELDS[column], typed)
    if outcome.error is None:
        return None
    cleaned = str(outcome.value or "")
    return FieldError(
        column,
        outcome.error.en,
        outcome.error.fr,
        "energir_number_format",
        {"number": ENERGIR_NUMBER_FIELDS[column].value, "value": cleaned, "length": len(cleaned)},
    )


def initial_load_error(column: str, months: int | str | None) -> FieldError | None:
    """The error for an initial load (months of history on the first share): a whole number from 0 to 24.

    Empty (None) is allowed in the meter form; the assistant asks for it.
    """
    if months is None or (isinstance(months, str) and not months.strip()):
        return None
    outcome = validate_initial_load(months)
    if outcome.error is None:
        return None
    return FieldError(
        column,
        outcome.error.en,
        outcome.error.fr,
        "initial_load_range",
        {"value": str(months).strip(), "min": 0, "max": 24},
    )


# --- Bill overlaps (ESPM help; DOMAIN.md) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BillOverlap:
    """Two bills that ESPM refuses together: the days they share and whether one lies inside the other."""

    start: date
    end: date
    days: int
    contained: bool


def bill_overlap(start: date, end: date, other_start: date, other_end: date) -> BillOverlap | None:
    """The overlap ESPM refuses between two bills (end dates inclusive), or None when they may coexist.

    ESPM lets one bill end on the day the next one starts (that day belongs to the later bill). Any other
    shared day is an overlap, and so is a bill lying inside another, even a one-day bill on that shared day.
    """
    low, high = max(start, other_start), min(end, other_end)
    if low > high:
        return None
    days = (high - low).days + 1
    first, second = sorted(((start, end), (other_start, other_end)))
    # One shared day that ends the first bill and starts the second, each bill also having days of its own.
    if days == 1 and first[1] == second[0] and first[0] < second[0] and second[1] > first[1]:
        return None
    contained = (start >= other_start and end <= other_end) or (other_start >= start and other_end <= end)
    return BillOverlap(low, high, days, contained)


def overlap_error(
    start: date, end: date, other_start: date, other_end: date, column: str = "start_date"
) -> FieldError | None:
    """The form error for the bill [start, end] against another bill of the meter, per `bill_overlap`."""
    found = bill_overlap(start, end, other_start, other_end)
    if found is None:
        return None
    values = {
        "start": start,
        "end": end,
        "other_start": other_start,
        "other_end": other_end,
        "days": found.days,
        "overlap_start": found.start,
        "overlap_end": found.end,
    }
    if start == other_start and end == other_end:
        return FieldError(
            column,
            f"This meter already has a bill from {start} to {end}.",
            f"Ce compteur a déjà une facture du {start} au {end}.",
            "bill_duplicate",
            values,
        )
    if found.contained:
        return FieldError(
            column,
            f"This bill ({start} to {end}) overlaps the bill from {other_start} to {other_end} by {found.days} "
            "day(s): one of them lies inside the other. ESPM only lets a bill's end date be the next bill's start "
            "date. Fix the dates of one of the two bills.",
            f"Cette facture (du {start} au {end}) chevauche celle du {other_start} au {other_end} de "
            f"{found.days} jour(s) : l'une est comprise dans l'autre. ESPM permet seulement que la date de fin "
            "d'une facture soit la date de début de la suivante. Corrigez les dates de l'une des deux factures.",
            "bill_overlap",
            values,
        )
    return FieldError(
        column,
        f"This bill overlaps the bill from {other_start} to {other_end} by {found.days} days; "
        "ESPM allows one shared day at most. Fix the dates of one of the two bills.",
        f"Cette facture chevauche celle du {other_start} au {other_end} de {found.days} jours; "
        "ESPM permet au plus un jour commun. Corrigez les dates de l'une des deux factures.",
        "bill_overlap",
        values,
    )


# --- Forms ---------------------------------------------------------------------------------------------------


def validate_meter(
    *,
    name: str,
    energy_type: str,
    unit: str,
    active_date: date | None,
    inactive_date: date | None,
    energir_numbers: Mapping[str, str | None] | None = None,
    initial_load_months: int | None = None,
) -> list[FieldError]:
    """The meter form's rules; `energir_numbers` maps the form's Énergir fields to what was typed."""
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
    for column, typed in (energir_numbers or {}).items():
        if e := energir_number_error(column, typed):
            errors.append(e)
    if e := initial_load_error("initial_load_months", initial_load_months):
        errors.append(e)
    return errors


def validate_bill(start: date, end: date, usage: float | None, others: list[Bill]) -> list[FieldError]:
    """Checks a bill against ESPM's rules and the meter's other bills (`bill_overlap` is the overlap rule).

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
        if e := overlap_error(start, end, other.start, other.end):
            errors.append(e)
    return errors
