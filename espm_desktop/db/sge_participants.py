"""Load and save an SGÉ participant's file (models_sge): the participant and its archive, and the whole file read
at once (contacts, phases, expenses, grants, measures, indicators, invoices, adjustments and production). Its child
records are saved in sge_child_records, whose functions callers also reach here. Rows never leave these modules:
callers get sge_records. Reads go through db/sge_reads.py (sqlite3 alone, what the SGÉ page's first screen uses)
on the session's own connection, so the store and the page read a file the same way.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import cast

from sqlalchemy.orm import Session

from espm_desktop.core.i18n import message
from espm_desktop.core.sge.production import production_problems
from espm_desktop.core.sge.records import ParticipantFile, ParticipantInfo, StoreError
from espm_desktop.db import sge_reads
from espm_desktop.db.models_sge import SgeParticipant
from espm_desktop.db.sge_child_records import (
    child_row,
    delete_record,
    save_adjustment,
    save_contact,
    save_expense,
    save_grant,
    save_indicator,
    save_measure,
    save_phase,
    save_production,
)

__all__ = [
    "archived_participants",
    "child_row",
    "delete_participant",
    "delete_record",
    "flushed_connection",
    "has_sent_invoices",
    "list_participants",
    "load_participant",
    "participant_info",
    "participant_row",
    "production_problems",
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


# --- participant -------------------------------------------------------------------------------------------
def flushed_connection(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection for db/sge_reads.py, its pending changes flushed first: the reader
    sees what the session has written and not committed."""
    session.flush()
    return cast(sqlite3.Connection, session.connection().connection.dbapi_connection)


def list_participants(session: Session, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, company name) of the participants; archived ones only when asked (`archived_participants`)."""
    return sge_reads.participant_list(flushed_connection(session), include_archived)


def archived_participants(session: Session) -> dict[int, date]:
    """Archived participants' ids with the day each was archived."""
    return sge_reads.archived_participants(flushed_connection(session))


def participant_row(session: Session, participant_id: int) -> SgeParticipant:
    row = session.get(SgeParticipant, participant_id)
    if row is None:
        raise StoreError(message("No SGÉ participant {number}.", number=str(participant_id)))
    return row


def participant_info(session: Session, participant_id: int) -> ParticipantInfo:
    """The participant's own fields; StoreError when there is no such participant."""
    return sge_reads.participant_info(flushed_connection(session), participant_id)


def load_participant(session: Session, participant_id: int) -> ParticipantFile:
    """The participant's whole file, with what the session has changed and not committed."""
    return sge_reads.participant_file(flushed_connection(session), participant_id)


_INFO_FIELDS = (
    "company_name",
    "company_address",
    "site_address",
    "energir_file_number",
    "gst_number",
    "qst_number",
    "industrial",
    "annual_gas_m3",
    "property_id",
    "gas_meter_id",
    "baseline_start",
    "baseline_end",
    "reporting_start",
    "use_production",
    "notes",
)


def save_participant(session: Session, info: ParticipantInfo) -> int:
    """Create (no id) or update the participant's own fields; returns its id."""
    if not info.company_name.strip():
        raise StoreError(message("The company name is required."))
    if (
        info.baseline_start is not None
        and info.baseline_end is not None
        and info.baseline_end < info.baseline_start
    ):
        raise StoreError(
            message(
                "The baseline period ends ({end}) before it starts ({start}).",
                end=info.baseline_end.isoformat(),
                start=info.baseline_start.isoformat(),
            )
        )
    if info.participant_id is None:
        row = SgeParticipant(company_name=info.company_name.strip())
        session.add(row)
    else:
        row = participant_row(session, info.participant_id)
    for name in _INFO_FIELDS:
        setattr(row, name, getattr(info, name))
    row.company_name = info.company_name.strip()
    row.exclusions = dict(info.exclusions)
    session.flush()
    return row.id


def has_sent_invoices(session: Session, participant_id: int) -> bool:
    return sge_reads.has_sent_invoices(flushed_connection(session), participant_id)


def delete_participant(session: Session, participant_id: int, today: date | None = None) -> bool:
    """Delete a participant, or archive it (returns True) when it has sent or paid invoices: a sent invoice is
    kept as sent. An archived participant is hidden from the list and can be restored."""
    row = participant_row(session, participant_id)
    if has_sent_invoices(session, participant_id):
        if row.archived_on is None:
            row.archived_on = today or date.today()
        session.flush()
        return True
    # Credit notes first: their reference to the original is ON DELETE RESTRICT.
    for note in [i for i in row.invoices if i.credit_for_id is not None]:
        row.invoices.remove(note)
        session.delete(note)
    session.flush()
    session.delete(row)
    session.flush()
    return False


def restore_participant(session: Session, participant_id: int) -> None:
    """Bring an archived participant back into the list."""
    participant_row(session, participant_id).archived_on = None
    session.flush()
