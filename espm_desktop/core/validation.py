"""Field checks for what a user types in a form. Each error names the field, the rule and what was typed.

One rule, one function, called by every entry point (form, grid, paste, assistant, import, data checks):
- Énergir numbers: `check_energir_number` / `energir_number_error` (formats of seed 000, notes ¹–³, kept in
  data_exchange_reference.py and checked by data_exchange.py);
- initial load: `initial_load_error` (seed 000, note ⁴: 0 to 24 months; the meter table's CHECK says the same);
- bill overlaps: `overlap_error` (the message a form shows) for the rule in core/overlaps.py.
A field's error is a `FieldError` (core/field_errors.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from espm_desktop.core.data_exchange import (
    FieldCheck,
    SetupField,
    validate_account_number,
    validate_initial_load,
    validate_invoice_number,
    validate_meter_number,
)
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.overlaps import bill_overlap
from espm_desktop.core.types import Bill


def _required(field: str, problem: Message, value: str) -> FieldError | None:
    if not value.strip():
        return FieldError(field, problem)
    return None


def _range(
    field: str, value: float | None, low: float, high: float | None, template: str
) -> FieldError | None:
    """`template` says the rule with {low}, {high} (when there is a top) and {value}, as the form wrote them."""
    if value is None:
        return None
    if value < low or (high is not None and value > high):
        values = {"low": f"{low:g}", "value": f"{value:g}"}
        if high is not None:
            values["high"] = f"{high:g}"
        return FieldError(field, Message(template, values))
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
    if e := _required("name", message("Property name is required."), name):
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
                    message("Postal code must look like A1A 1A1 (you entered “{value}”).", value=postal_code),
                )
            )
    year = (today or date.today()).year
    checks = [
        _range(
            "gross_floor_area_m2",
            gross_floor_area_m2,
            0,
            None,
            N_("Gross floor area (m²) must be {low} or more (you entered {value})."),
        ),
        _range(
            "year_built",
            None if year_built is None else float(year_built),
            1600,
            year + 5,
            N_("Year built must be between {low} and {high} (you entered {value})."),
        ),
        _range(
            "workers",
            workers,
            0,
            None,
            N_("Workers on the main shift must be {low} or more (you entered {value})."),
        ),
        _range(
            "weekly_hours",
            weekly_hours,
            0,
            168,
            N_("Weekly operating hours must be between {low} and {high} (you entered {value})."),
        ),
        _range(
            "computers",
            None if computers is None else float(computers),
            0,
            None,
            N_("Number of computers must be {low} or more (you entered {value})."),
        ),
        _range(
            "percent_heated",
            percent_heated,
            0,
            100,
            N_("% of floor area heated must be between {low} and {high} (you entered {value})."),
        ),
        _range(
            "percent_cooled",
            percent_cooled,
            0,
            100,
            N_("% of floor area cooled must be between {low} and {high} (you entered {value})."),
        ),
        _range(
            "months_in_operation",
            None if months_in_operation is None else float(months_in_operation),
            0,
            12,
            N_("Months in operation must be between {low} and {high} (you entered {value})."),
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
        outcome.error,
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
        outcome.error,
        "initial_load_range",
        {"value": str(months).strip(), "min": 0, "max": 24},
    )


# --- Bill overlaps (the rule: core/overlaps.py) ---------------------------------------------------------------


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
    shown = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "other_start": other_start.isoformat(),
        "other_end": other_end.isoformat(),
        "days": str(found.days),
    }
    if start == other_start and end == other_end:
        return FieldError(
            column,
            message(
                "This meter already has a bill from {start} to {end}.", start=shown["start"], end=shown["end"]
            ),
            "bill_duplicate",
            values,
        )
    if found.contained:
        return FieldError(
            column,
            Message(
                N_(
                    "This bill ({start} to {end}) overlaps the bill from {other_start} to {other_end} by {days} "
                    "day(s): one of them lies inside the other. ESPM only lets a bill's end date be the next "
                    "bill's start date. Fix the dates of one of the two bills."
                ),
                shown,
            ),
            "bill_overlap",
            values,
        )
    return FieldError(
        column,
        message(
            "This bill overlaps the bill from {other_start} to {other_end} by {days} days; ESPM allows one shared "
            "day at most. Fix the dates of one of the two bills.",
            other_start=shown["other_start"],
            other_end=shown["other_end"],
            days=shown["days"],
        ),
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
    if e := _required("name", message("Meter name is required."), name):
        errors.append(e)
    if e := _required("energy_type", message("Energy type is required."), energy_type):
        errors.append(e)
    if e := _required("unit", message("Unit is required."), unit):
        errors.append(e)
    if active_date and inactive_date and inactive_date < active_date:
        errors.append(
            FieldError(
                "inactive_date",
                message(
                    "The date the meter became inactive ({inactive}) is before the date it became active ({active}).",
                    inactive=inactive_date.isoformat(),
                    active=active_date.isoformat(),
                ),
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
                message(
                    "End date {end} is before start date {start}.",
                    end=end.isoformat(),
                    start=start.isoformat(),
                ),
            )
        )
        return errors
    if usage is not None and usage < 0:
        errors.append(
            FieldError(
                "usage", message("Usage must be zero or more (you entered {value}).", value=f"{usage:g}")
            )
        )
    for other in others:
        if e := overlap_error(start, end, other.start, other.end):
            errors.append(e)
    return errors
