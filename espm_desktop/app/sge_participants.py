"""Use cases on an SGÉ participant's file, as the SGÉ page works them: the list of participants, a file with its
measured savings, and each change (participant, contact, phase, expense, grant, measure, indicator, adjustment,
production period) in its own transaction. What goes out is the plain records of core/sge/records.py."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.core.savings import SavingsInputError
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.records import (
    Contact,
    Indicator,
    Measure,
    ParticipantFile,
    ParticipantInfo,
    PhaseDates,
    ProductionEntry,
    StoredAdjustment,
    StoredExpense,
    StoredGrant,
    StoredInvoice,
    StoreError,
)
from espm_desktop.core.sge.savings_analysis import SavingsAnalysis
from espm_desktop.db import sge_participants, sge_savings
from espm_desktop.db.sge_child_records import production_problems

__all__ = [
    "USER_ERRORS",
    "Contact",
    "Indicator",
    "Measure",
    "ParticipantChoices",
    "ParticipantFile",
    "ParticipantInfo",
    "ParticipantView",
    "PhaseDates",
    "ProductionEntry",
    "SavingsAnalysis",
    "StoreError",
    "StoredAdjustment",
    "StoredExpense",
    "StoredGrant",
    "StoredInvoice",
    "archived_participants",
    "delete_record",
    "has_sent_invoices",
    "participant_choices",
    "participant_production",
    "participant_view",
    "production_problems",
    "remove_participant",
    "restore_participant",
    "save_adjustment",
    "save_contact",
    "save_expense",
    "save_grant",
    "save_indicator",
    "save_measure",
    "save_participant",
    "save_phase",
    "save_production",
]

# What a person can cause when changing a file: the store's rules, the SGÉ rules and the savings periods' rules.
USER_ERRORS: tuple[type[Exception], ...] = (StoreError, SgeInputError, SavingsInputError)


@dataclass(frozen=True, slots=True)
class ParticipantChoices:
    """The participant picker's entries, (id, company) by name, and which of them are archived."""

    participants: list[tuple[int, str]]
    archived: set[int]


@dataclass(frozen=True, slots=True)
class ParticipantView:
    """A participant's file and its measured savings, or the error that says why they can't be computed yet."""

    file: ParticipantFile
    analysis: SavingsAnalysis | None
    analysis_error: Exception | None = None


# --- reading ---------------------------------------------------------------------------------------------------
def participant_choices(engine: Engine, include_archived: bool = False) -> ParticipantChoices:
    with Session(engine) as s:
        participants = sge_participants.list_participants(s, include_archived=include_archived)
        archived = sge_participants.archived_participants(s)
    return ParticipantChoices(participants, set(archived))


def archived_participants(engine: Engine) -> set[int]:
    with Session(engine) as s:
        return set(sge_participants.archived_participants(s))


def participant_view(engine: Engine, participant_id: int) -> ParticipantView:
    """The file and its savings, read once for every tab (a user error in the savings is returned, not raised)."""
    with Session(engine) as s:
        file = sge_participants.load_participant(s, participant_id)
        try:
            return ParticipantView(file, sge_savings.savings_analysis(s, participant_id))
        except USER_ERRORS as exc:
            return ParticipantView(file, None, exc)


def participant_production(engine: Engine, participant_id: int) -> tuple[ProductionEntry, ...]:
    with Session(engine) as s:
        return sge_participants.load_participant(s, participant_id).production


def has_sent_invoices(engine: Engine, participant_id: int) -> bool:
    with Session(engine) as s:
        return sge_participants.has_sent_invoices(s, participant_id)


# --- changing, one transaction each ----------------------------------------------------------------------------
def save_participant(engine: Engine, info: ParticipantInfo) -> int:
    """Create (no id) or update the participant's own fields; returns its id."""
    with Session(engine) as s, s.begin():
        return sge_participants.save_participant(s, info)


def remove_participant(engine: Engine, participant_id: int) -> bool:
    """Delete the participant, or archive it (True) when it has sent invoices: those are kept as sent."""
    with Session(engine) as s, s.begin():
        return sge_participants.delete_participant(s, participant_id)


def restore_participant(engine: Engine, participant_id: int) -> None:
    with Session(engine) as s, s.begin():
        sge_participants.restore_participant(s, participant_id)


def save_contact(engine: Engine, participant_id: int, contact: Contact) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_contact(s, participant_id, contact)


def save_phase(engine: Engine, participant_id: int, dates: PhaseDates) -> None:
    with Session(engine) as s, s.begin():
        sge_participants.save_phase(s, participant_id, dates)


def save_expense(engine: Engine, participant_id: int, expense: StoredExpense) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_expense(s, participant_id, expense)


def save_grant(engine: Engine, participant_id: int, grant: StoredGrant) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_grant(s, participant_id, grant)


def save_measure(engine: Engine, participant_id: int, measure: Measure) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_measure(s, participant_id, measure)


def save_indicator(engine: Engine, participant_id: int, indicator: Indicator) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_indicator(s, participant_id, indicator)


def save_adjustment(engine: Engine, participant_id: int, item: StoredAdjustment) -> int:
    with Session(engine) as s, s.begin():
        return sge_participants.save_adjustment(s, participant_id, item)


def save_production(engine: Engine, participant_id: int, entry: ProductionEntry) -> int:
    """Add or replace a production period; StoreError when it breaks `production_problems`' rules."""
    with Session(engine) as s, s.begin():
        return sge_participants.save_production(s, participant_id, entry)


def delete_record(engine: Engine, kind: str, record_id: int) -> None:
    """Delete a contact, expense, grant, measure, indicator, adjustment or production period; never invoices."""
    with Session(engine) as s, s.begin():
        sge_participants.delete_record(s, kind, record_id)
