"""Save an SGÉ participant's child records (models_sge): contacts, phases, expenses, grants, measures,
indicators, non-routine adjustments and production periods, each by the rules of its kind, and delete them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.i18n import message
from espm_desktop.core.sge.common import joined
from espm_desktop.core.sge.invoice import check_accepted_aid
from espm_desktop.core.sge.production import production_problems
from espm_desktop.core.sge.records import (
    Contact,
    Indicator,
    Measure,
    PhaseDates,
    ProductionEntry,
    StoredAdjustment,
    StoredExpense,
    StoredGrant,
    StoreError,
)
from espm_desktop.core.sge.rules import ExpenseKind
from espm_desktop.db.models_sge import (
    SgeContact,
    SgeExpense,
    SgeIndicator,
    SgeMeasure,
    SgeOtherGrant,
    SgePhase,
    SgeProduction,
    SgeSavingsAdjustment,
)


def child_row(session: Session, model: type[Any], record_id: int) -> Any:
    row = session.get(model, record_id)
    if row is None:
        raise StoreError(message("Record {number} not found.", number=str(record_id)))
    return row


def new_or_stored(session: Session, model: type[Any], participant_id: int, record_id: int | None) -> Any:
    """A new row of the participant's (record_id None) or the stored one to change (StoreError if it is gone)."""
    if record_id is None:
        return model(participant_id=participant_id)
    return child_row(session, model, record_id)


def save_contact(session: Session, participant_id: int, contact: Contact) -> int:
    if not contact.name.strip():
        raise StoreError(message("The contact's name is required."))
    row = new_or_stored(session, SgeContact, participant_id, contact.contact_id)
    if contact.energy_manager:
        # One energy manager per site (Annexe B names « le gestionnaire Énergie »).
        for other in session.scalars(
            select(SgeContact).where(SgeContact.participant_id == participant_id, SgeContact.energy_manager)
        ):
            if other is not row:
                other.energy_manager = False
    row.name, row.role, row.email, row.phone = (
        contact.name.strip(),
        contact.role,
        contact.email,
        contact.phone,
    )
    row.committee_member, row.committee_role = contact.committee_member, contact.committee_role
    row.energy_manager = contact.energy_manager
    session.add(row)
    session.flush()
    return int(row.id)


def save_phase(session: Session, participant_id: int, dates: PhaseDates) -> None:
    """Create or replace the dates and accepted aid of one phase (the accepted aid within the phase's cap)."""
    check_accepted_aid(dates.phase, dates.accepted_aid_amount)
    row = session.scalars(
        select(SgePhase).where(SgePhase.participant_id == participant_id, SgePhase.phase == dates.phase.value)
    ).one_or_none()
    if row is None:
        row = SgePhase(participant_id=participant_id, phase=dates.phase.value)
        session.add(row)
    row.request_date, row.acceptance_date = dates.request_date, dates.acceptance_date
    row.completion_date, row.deliverables_accepted_date = (
        dates.completion_date,
        dates.deliverables_accepted_date,
    )
    row.accepted_aid_amount, row.status, row.notes = dates.accepted_aid_amount, dates.status, dates.notes
    session.flush()


def save_expense(session: Session, participant_id: int, expense: StoredExpense) -> int:
    line = expense.line
    line.cost  # noqa: B018 — raises SgeInputError naming the field when hours or rate are missing
    row = new_or_stored(session, SgeExpense, participant_id, expense.expense_id)
    row.phase, row.kind, row.description = line.phase.value, line.kind.value, line.description
    if line.kind is ExpenseKind.INTERNAL_HOURS:
        row.amount, row.hours, row.hourly_rate = None, float(line.hours or 0), line.hourly_rate
    else:
        row.amount, row.hours, row.hourly_rate = line.amount, None, None
    row.incurred_on, row.program_year = expense.incurred_on, expense.program_year
    session.add(row)
    session.flush()
    return int(row.id)


def save_grant(session: Session, participant_id: int, grant: StoredGrant) -> int:
    row = new_or_stored(session, SgeOtherGrant, participant_id, grant.grant_id)
    row.grantor, row.phase, row.amount = grant.grant.grantor, grant.grant.phase.value, grant.grant.amount
    session.add(row)
    session.flush()
    return int(row.id)


def save_measure(session: Session, participant_id: int, measure: Measure) -> int:
    if not measure.name.strip():
        raise StoreError(message("The measure's name is required."))
    row = new_or_stored(session, SgeMeasure, participant_id, measure.measure_id)
    row.name, row.significant_use, row.status = measure.name.strip(), measure.significant_use, measure.status
    row.planned_date, row.done_date, row.expected_m3 = (
        measure.planned_date,
        measure.done_date,
        measure.expected_m3,
    )
    row.notes = measure.notes
    session.add(row)
    session.flush()
    return int(row.id)


def save_indicator(session: Session, participant_id: int, indicator: Indicator) -> int:
    if not indicator.name.strip():
        raise StoreError(message("The indicator's name is required."))
    row = new_or_stored(session, SgeIndicator, participant_id, indicator.indicator_id)
    row.name, row.significant_use, row.unit = (
        indicator.name.strip(),
        indicator.significant_use,
        indicator.unit,
    )
    row.baseline_value, row.objective_value = indicator.baseline_value, indicator.objective_value
    row.objective_year, row.notes = indicator.objective_year, indicator.notes
    row.values = {str(y): v for y, v in sorted(indicator.results.items())}
    session.add(row)
    session.flush()
    return int(row.id)


def save_adjustment(session: Session, participant_id: int, item: StoredAdjustment) -> int:
    adj = item.adjustment
    if adj.end < adj.start:
        raise StoreError(
            message(
                "The adjustment ends ({end}) before it starts ({start}).",
                end=adj.end.isoformat(),
                start=adj.start.isoformat(),
            )
        )
    if not adj.note.strip():
        raise StoreError(
            message("Explain the non-routine adjustment in the note (e.g. 'new production line').")
        )
    row = new_or_stored(session, SgeSavingsAdjustment, participant_id, item.adjustment_id)
    row.start_date, row.end_date, row.m3_per_day, row.note = adj.start, adj.end, adj.m3_per_day, adj.note
    session.add(row)
    session.flush()
    return int(row.id)


def save_production(session: Session, participant_id: int, entry: ProductionEntry) -> int:
    """Add or replace (by `production_id`) a production period; the rules of `production_problems` apply."""
    others = [
        ProductionEntry(r.start_date, r.end_date, r.quantity, r.unit, r.id)
        for r in session.scalars(select(SgeProduction).where(SgeProduction.participant_id == participant_id))
    ]
    problems = production_problems(entry, others)
    if problems:
        parts: list[object] = []
        for p in problems:
            parts += [" ", p.problem] if parts else [p.problem]
        raise StoreError(joined(*parts))
    row = new_or_stored(session, SgeProduction, participant_id, entry.production_id)
    row.start_date, row.end_date, row.quantity, row.unit = entry.start, entry.end, entry.quantity, entry.unit
    session.add(row)
    session.flush()
    return int(row.id)


_DELETABLE: dict[str, type[Any]] = {
    "contact": SgeContact,
    "expense": SgeExpense,
    "grant": SgeOtherGrant,
    "measure": SgeMeasure,
    "indicator": SgeIndicator,
    "adjustment": SgeSavingsAdjustment,
    "production": SgeProduction,
}


def delete_record(session: Session, kind: str, record_id: int) -> None:
    """Delete a contact, expense, grant, measure, indicator, adjustment or production period; never invoices."""
    session.delete(child_row(session, _DELETABLE[kind], record_id))
    session.flush()
