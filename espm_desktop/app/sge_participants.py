"""Use cases on an SGÉ participant's file, as the SGÉ page works them: the list of participants, a file with its
measured savings, and each change (participant, contact, phase, expense, grant, measure, indicator, adjustment,
production period) in its own transaction. What goes out is the plain records of core/sge/records.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from espm_desktop.app.database import in_transaction
from espm_desktop.app.reading import read_connection
from espm_desktop.core.savings import SavingsInputError
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.production import production_problems
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
from espm_desktop.core.sge.savings_analysis import SavingsAnalysis, analyse_savings
from espm_desktop.db import sge_reads

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.app.reading import DatabaseSource

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


# --- reading (sqlite3: the SGÉ page can be the first screen without SQLAlchemy) ------------------------------
def participant_choices(db: DatabaseSource, include_archived: bool = False) -> ParticipantChoices:
    with read_connection(db) as con:
        participants = sge_reads.participant_list(con, include_archived=include_archived)
        archived = sge_reads.archived_participants(con)
    return ParticipantChoices(participants, set(archived))


def archived_participants(db: DatabaseSource) -> set[int]:
    with read_connection(db) as con:
        return set(sge_reads.archived_participants(con))


def participant_view(db: DatabaseSource, participant_id: int) -> ParticipantView:
    """The file and its savings, read once for every tab (a user error in the savings is returned, not raised)."""
    with read_connection(db) as con:
        file = sge_reads.participant_file(con, participant_id)
        inputs = sge_reads.savings_inputs(con, file)
    try:
        return ParticipantView(file, analyse_savings(file, inputs))
    except USER_ERRORS as exc:
        return ParticipantView(file, None, exc)


def participant_production(db: DatabaseSource, participant_id: int) -> tuple[ProductionEntry, ...]:
    with read_connection(db) as con:
        return sge_reads.participant_file(con, participant_id).production


def has_sent_invoices(db: DatabaseSource, participant_id: int) -> bool:
    with read_connection(db) as con:
        return sge_reads.has_sent_invoices(con, participant_id)


# --- changing, one transaction each ----------------------------------------------------------------------------
def save_participant(engine: Engine, info: ParticipantInfo) -> int:
    """Create (no id) or update the participant's own fields; returns its id."""
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_participant, info)


def remove_participant(engine: Engine, participant_id: int) -> bool:
    """Delete the participant, or archive it (True) when it has sent invoices: those are kept as sent."""
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.delete_participant, participant_id)


def restore_participant(engine: Engine, participant_id: int) -> None:
    from espm_desktop.db import sge_participants as store

    in_transaction(engine, store.restore_participant, participant_id)


def save_contact(engine: Engine, participant_id: int, contact: Contact) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_contact, participant_id, contact)


def save_phase(engine: Engine, participant_id: int, dates: PhaseDates) -> None:
    from espm_desktop.db import sge_participants as store

    in_transaction(engine, store.save_phase, participant_id, dates)


def save_expense(engine: Engine, participant_id: int, expense: StoredExpense) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_expense, participant_id, expense)


def save_grant(engine: Engine, participant_id: int, grant: StoredGrant) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_grant, participant_id, grant)


def save_measure(engine: Engine, participant_id: int, measure: Measure) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_measure, participant_id, measure)


def save_indicator(engine: Engine, participant_id: int, indicator: Indicator) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_indicator, participant_id, indicator)


def save_adjustment(engine: Engine, participant_id: int, item: StoredAdjustment) -> int:
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_adjustment, participant_id, item)


def save_production(engine: Engine, participant_id: int, entry: ProductionEntry) -> int:
    """Add or replace a production period; StoreError when it breaks `production_problems`' rules."""
    from espm_desktop.db import sge_participants as store

    return in_transaction(engine, store.save_production, participant_id, entry)


def delete_record(engine: Engine, kind: str, record_id: int) -> None:
    """Delete a contact, expense, grant, measure, indicator, adjustment or production period; never invoices."""
    from espm_desktop.db import sge_participants as store

    in_transaction(engine, store.delete_record, kind, record_id)
