"""Guided ESPM setup and Énergir data exchange: validation, per-meter progress and the resume point.

The guide's steps are data in data_exchange_text.py and its reference texts and rules in
data_exchange_reference.py (both from seed 000, Énergir, June 2023); this module re-exports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from espm_desktop.core.data_exchange_model import (
    GuideStage,
    GuideStep,
    Language,
    LocalizedText,
    SetupField,
)
from espm_desktop.core.data_exchange_reference import (
    ACCOUNT_NUMBER_RULE,
    DATA_FLOW_PARAGRAPHS,
    DATA_FLOW_TITLE,
    FIELD_LABELS,
    INITIAL_LOAD_DEFAULT_MONTHS,
    INITIAL_LOAD_MAX_MONTHS,
    INVOICE_NUMBER_RULE,
    METER_NUMBER_RULE,
    METER_TYPE_LABEL,
    PROVIDER_NAME,
    REVOKE_INTRO,
    REVOKE_METHODS,
    REVOKE_TITLE,
    STATUS_LABELS,
    SUPPORT_LINES,
    UNIT_M3_LABEL,
    LengthRule,
    RevokeMethod,
)
from espm_desktop.core.data_exchange_text import STAGES
from espm_desktop.core.i18n import _, message
from espm_desktop.core.types import Bill, BillSource, DataExchangeStatus

__all__ = [
    "ACCOUNT_NUMBER_RULE",
    "DATA_FLOW_PARAGRAPHS",
    "DATA_FLOW_TITLE",
    "FIELD_LABELS",
    "INITIAL_LOAD_DEFAULT_MONTHS",
    "INITIAL_LOAD_MAX_MONTHS",
    "INVOICE_NUMBER_RULE",
    "METER_NUMBER_RULE",
    "REVOKE_INTRO",
    "REVOKE_METHODS",
    "REVOKE_TITLE",
    "STAGES",
    "STATUS_LABELS",
    "STATUS_ORDER",
    "SUPPORT_LINES",
    "EnergirMeterSetup",
    "FieldCheck",
    "GuideStage",
    "GuideStep",
    "Language",
    "LengthRule",
    "LocalizedText",
    "ResumePoint",
    "RevokeMethod",
    "SetupField",
    "SetupTransitionError",
    "advance_status",
    "advance_if_data_received",
    "all_steps",
    "completed_step_ids",
    "data_has_arrived",
    "field_value",
    "find_step",
    "resume_point",
    "resume_point_for",
    "revert_status",
    "status_rank",
    "validate_account_number",
    "validate_initial_load",
    "validate_invoice_number",
    "validate_meter_name",
    "validate_meter_number",
    "validate_setup",
]

STATUS_ORDER: tuple[DataExchangeStatus, ...] = tuple(DataExchangeStatus)

# Bills that can only have come from ESPM after Énergir started sending (an ESPM export is an IMPORT).
_EXCHANGED_SOURCES = frozenset({BillSource.DATA_EXCHANGE, BillSource.IMPORT})

# \s covers the no-break and narrow no-break spaces that PDF bills use between digit groups.
_WHITESPACE = re.compile(r"\s+")


def status_rank(status: DataExchangeStatus) -> int:
    return STATUS_ORDER.index(status)


# --- Validation -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """Outcome of checking one typed value: the cleaned value, an error or None, and an optional notice."""

    field: SetupField
    value: str | int | None
    error: LocalizedText | None = None
    notice: LocalizedText | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _strip_spaces(field_key: SetupField, typed: str) -> tuple[str, LocalizedText | None]:
    """Remove every space a bill's layout puts in a number (incl. no-break spaces and tabs)."""
    trimmed = typed.strip()
    cleaned = _WHITESPACE.sub("", trimmed)
    if cleaned == trimmed:
        return cleaned, None
    notice = LocalizedText.of(
        message(
            "{label}: spaces were removed (“{typed}” → “{cleaned}”); ESPM needs the number without spaces.",
            label=FIELD_LABELS[field_key],
            typed=trimmed,
            cleaned=cleaned,
        )
    )
    return cleaned, notice


def _check_length(field_key: SetupField, typed: str, rule: LengthRule) -> FieldCheck:
    cleaned, notice = _strip_spaces(field_key, typed)
    label = FIELD_LABELS[field_key]
    # Counts as str: written as the guide writes them, whatever the language's digit grouping.
    if rule.min_chars == rule.max_chars:
        length = message("{count} characters", count=str(rule.min_chars))
    else:
        length = message("{low} to {high} characters", low=str(rule.min_chars), high=str(rule.max_chars))
    if not cleaned:
        error = LocalizedText.of(
            message(
                "{label}: missing. Copy it from your latest Énergir bill ({length}, no spaces).",
                label=label,
                length=length,
            )
        )
        return FieldCheck(field_key, None, error, notice)
    if not rule.min_chars <= len(cleaned) <= rule.max_chars:
        error = LocalizedText.of(
            message(
                "{label}: “{value}” has {count} characters; Énergir requires {length}, no spaces. "
                "Check the number on your latest bill.",
                label=label,
                value=cleaned,
                count=str(len(cleaned)),
                length=length,
            )
        )
        return FieldCheck(field_key, cleaned, error, notice)
    return FieldCheck(field_key, cleaned, None, notice)


def validate_account_number(typed: str) -> FieldCheck:
    """Énergir account number: 10 to 11 characters, no spaces (guide, note ¹)."""
    return _check_length(SetupField.ACCOUNT_NUMBER, typed, ACCOUNT_NUMBER_RULE)


def validate_invoice_number(typed: str) -> FieldCheck:
    """Number of the latest Énergir invoice: 12 characters, no spaces (guide, note ²)."""
    return _check_length(SetupField.INVOICE_NUMBER, typed, INVOICE_NUMBER_RULE)


def validate_meter_number(typed: str) -> FieldCheck:
    """Number of the measuring device (section A of the bill): 7 to 18 characters, no spaces (note ³)."""
    return _check_length(SetupField.METER_NUMBER, typed, METER_NUMBER_RULE)


def validate_initial_load(typed: str | int) -> FieldCheck:
    """Months of history on the first share: a whole number from 0 to 24 (guide, note ⁴)."""
    label = FIELD_LABELS[SetupField.INITIAL_LOAD_MONTHS]
    text = str(typed).strip()
    months: int | None = None
    if isinstance(typed, int) and not isinstance(typed, bool):
        months = typed
    elif re.fullmatch(r"[+-]?\d+", text):
        months = int(text)
    if months is None or not 0 <= months <= INITIAL_LOAD_MAX_MONTHS:
        error = LocalizedText.of(
            message(
                "{label}: “{value}” is not accepted. Enter a whole number of months from 0 to {most} "
                "(0 for no history).",
                label=label,
                value=text,
                most=str(INITIAL_LOAD_MAX_MONTHS),
            )
        )
        return FieldCheck(SetupField.INITIAL_LOAD_MONTHS, months, error)
    return FieldCheck(SetupField.INITIAL_LOAD_MONTHS, months)


def validate_meter_name(typed: str) -> FieldCheck:
    """The meter's name in ESPM must not be empty."""
    cleaned = typed.strip()
    if not cleaned:
        label = FIELD_LABELS[SetupField.METER_NAME]
        error = LocalizedText.of(
            message("{label}: missing. Give the meter a name (e.g. “Natural gas 1”).", label=label)
        )
        return FieldCheck(SetupField.METER_NAME, None, error)
    return FieldCheck(SetupField.METER_NAME, cleaned)


# --- Per-meter setup and its progress ----------------------------------------------------------------------


@dataclass(frozen=True)
class EnergirMeterSetup:
    """What one natural-gas meter needs for Énergir's data exchange, and how far it has got.

    `status_dates` maps a DataExchangeStatus value to the day that status was reached.
    """

    property_name: str
    meter_name: str
    account_number: str = ""
    invoice_number: str = ""
    meter_number: str = ""
    initial_load_months: int = INITIAL_LOAD_DEFAULT_MONTHS
    share_downstream: bool = False
    active_date: date | None = None
    status: DataExchangeStatus = DataExchangeStatus.NOT_STARTED
    status_dates: Mapping[str, date] = field(default_factory=dict, hash=False, compare=True)
    meter_id: int | None = None

    def date_of(self, status: DataExchangeStatus) -> date | None:
        return self.status_dates.get(status.value)


def validate_setup(setup: EnergirMeterSetup) -> tuple[FieldCheck, ...]:
    """Check every typed value of a setup; the checks with an error are the ones to fix."""
    return (
        validate_meter_name(setup.meter_name),
        validate_account_number(setup.account_number),
        validate_invoice_number(setup.invoice_number),
        validate_meter_number(setup.meter_number),
        validate_initial_load(setup.initial_load_months),
    )


class SetupTransitionError(ValueError):
    """A status change the guide's order does not allow; carries the message in both languages."""

    def __init__(self, message: LocalizedText) -> None:
        super().__init__(message.en)
        self.message = message


def advance_status(setup: EnergirMeterSetup, to: DataExchangeStatus, on: date) -> EnergirMeterSetup:
    """Move a meter forward to `to`, dated `on`; statuses skipped on the way get the same date.

    Raises SetupTransitionError when `to` is behind the current status or `on` is earlier than the
    date of the status already reached.
    """
    current = status_rank(setup.status)
    target = status_rank(to)
    to_label, now_label = STATUS_LABELS[to], STATUS_LABELS[setup.status]
    if target < current:
        raise SetupTransitionError(
            LocalizedText.of(
                message(
                    "Meter “{meter}”: cannot go from “{now}” back to “{to}”; use “go back” to correct the step.",
                    meter=setup.meter_name,
                    now=now_label,
                    to=to_label,
                )
            )
        )
    previous = setup.date_of(setup.status)
    if previous is not None and on < previous:
        raise SetupTransitionError(
            LocalizedText.of(
                message(
                    "Meter “{meter}”: the date of “{to}” ({on}) is before the date of “{now}” ({previous}). "
                    "Correct the date.",
                    meter=setup.meter_name,
                    to=to_label,
                    on=on.isoformat(),
                    now=now_label,
                    previous=previous.isoformat(),
                )
            )
        )
    if target == current:
        return setup
    dates = dict(setup.status_dates)
    for status in STATUS_ORDER[current + 1 : target + 1]:
        dates.setdefault(status.value, on)
    return replace(setup, status=to, status_dates=dates)


def revert_status(setup: EnergirMeterSetup, to: DataExchangeStatus) -> EnergirMeterSetup:
    """Go back to an earlier status (a mistake, or access revoked), forgetting the later dates."""
    target = status_rank(to)
    dates = {k: v for k, v in setup.status_dates.items() if status_rank(DataExchangeStatus(k)) <= target}
    return replace(setup, status=to, status_dates=dates)


def share_date(setup: EnergirMeterSetup) -> date | None:
    """The day the meter was shared with Énergir (or, failing that, the day the share was accepted)."""
    return setup.date_of(DataExchangeStatus.METER_SHARED) or setup.date_of(DataExchangeStatus.SHARE_ACCEPTED)


def data_has_arrived(setup: EnergirMeterSetup, bills: Iterable[Bill]) -> bool:
    """True when the meter holds Énergir data: a DATA_EXCHANGE bill, or an IMPORT bill ending after sharing.

    Imported bills ending before the share day may be the user's own history, so they do not count;
    Énergir's initial load (up to 24 months back) arrives as DATA_EXCHANGE bills.
    """
    shared_on = share_date(setup)
    if shared_on is None:
        return False
    for bill in bills:
        if bill.source == BillSource.DATA_EXCHANGE:
            return True
        if bill.source in _EXCHANGED_SOURCES and bill.end > shared_on:
            return True
    return False


def advance_if_data_received(
    setup: EnergirMeterSetup, bills: Iterable[Bill], today: date
) -> EnergirMeterSetup:
    """Mark the meter DATA_RECEIVED (dated `today`) once a shared meter's data has arrived."""
    if status_rank(setup.status) < status_rank(DataExchangeStatus.METER_SHARED):
        return setup
    if setup.status == DataExchangeStatus.DATA_RECEIVED or not data_has_arrived(setup, bills):
        return setup
    last = setup.date_of(setup.status)
    return advance_status(setup, DataExchangeStatus.DATA_RECEIVED, max(today, last) if last else today)


# --- Where to resume ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResumePoint:
    stage: GuideStage
    step: GuideStep


def all_steps() -> tuple[GuideStep, ...]:
    return tuple(step for stage in STAGES for step in stage.steps)


def find_step(step_id: str) -> ResumePoint:
    """The stage and step with this id; KeyError if the guide has no such step."""
    for stage in STAGES:
        for step in stage.steps:
            if step.id == step_id:
                return ResumePoint(stage, step)
    raise KeyError(step_id)


def completed_step_ids(setup: EnergirMeterSetup, done_step_ids: Iterable[str] = ()) -> frozenset[str]:
    """Every step behind this meter: implied by its status, ticked by the user, or its numbers all valid."""
    done = set(done_step_ids)
    numbers = (
        validate_account_number(setup.account_number),
        validate_invoice_number(setup.invoice_number),
        validate_meter_number(setup.meter_number),
    )
    if all(check.ok for check in numbers):
        done.update({"bill.latest", "bill.numbers"})
    rank = status_rank(setup.status)
    done.update(step.id for step in all_steps() if rank >= status_rank(step.done_by))
    return frozenset(done)


def resume_point(status: DataExchangeStatus, done_step_ids: Iterable[str] = ()) -> ResumePoint | None:
    """The first step not yet done, given the status and the steps the user ticked; None when all are done."""
    done = frozenset(done_step_ids)
    rank = status_rank(status)
    for stage in STAGES:
        for step in stage.steps:
            if step.id in done or rank >= status_rank(step.done_by):
                continue
            return ResumePoint(stage, step)
    return None


def resume_point_for(setup: EnergirMeterSetup, done_step_ids: Iterable[str] = ()) -> ResumePoint | None:
    """Like resume_point, also counting the bill's numbers as noted once all three are valid."""
    return resume_point(setup.status, completed_step_ids(setup, done_step_ids))


# --- Values shown next to the steps ---------------------------------------------------------------------


def field_value(setup: EnergirMeterSetup, key: SetupField, lang: Language) -> str:
    """The text to type or pick in ESPM for this field, for this meter ('' when not known yet)."""
    match key:
        case SetupField.PROPERTY_NAME:
            return setup.property_name
        case SetupField.PROVIDER:
            return PROVIDER_NAME
        case SetupField.METER_TYPE:
            return METER_TYPE_LABEL.get(lang)
        case SetupField.METER_COUNT:
            return "1"
        case SetupField.METER_NAME:
            return setup.meter_name
        case SetupField.UNIT:
            return UNIT_M3_LABEL.get(lang)
        case SetupField.ACTIVE_DATE:
            return setup.active_date.isoformat() if setup.active_date else ""
        case SetupField.ACCOUNT_NUMBER:
            return setup.account_number
        case SetupField.INVOICE_NUMBER:
            return setup.invoice_number
        case SetupField.METER_NUMBER:
            return setup.meter_number
        case SetupField.INITIAL_LOAD_MONTHS:
            return str(setup.initial_load_months)
        case SetupField.SHARE_DOWNSTREAM:
            return _("Yes", lang) if setup.share_downstream else _("No", lang)
