"""Load and save an SGÉ participant's file (models_sge): the participant, its contacts, phases, expenses, grants,
measures, indicators, adjustments and production. Rows never leave this module: callers get sge_records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.i18n import message
from espm_desktop.core.savings import (
    NonRoutineAdjustment,
)
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.common import joined
from espm_desktop.core.sge.invoice import (
    Beneficiary,
    InvoiceDocument,
    InvoiceStatus,
    PaymentInvoice,
    check_accepted_aid,
)
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.core.validation import FieldError
from espm_desktop.db.models_sge import (
    SgeContact,
    SgeExpense,
    SgeIndicator,
    SgeInvoice,
    SgeMeasure,
    SgeOtherGrant,
    SgeParticipant,
    SgePhase,
    SgeProduction,
    SgeSavingsAdjustment,
)
from espm_desktop.db.sge_records import (
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


# --- participant -------------------------------------------------------------------------------------------
def list_participants(session: Session, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, company name) of the participants; archived ones only when asked (`archived_participants`)."""
    query = select(SgeParticipant.id, SgeParticipant.company_name).order_by(SgeParticipant.company_name)
    if not include_archived:
        query = query.where(SgeParticipant.archived_on.is_(None))
    return [(int(pid), str(name)) for pid, name in session.execute(query)]


def archived_participants(session: Session) -> dict[int, date]:
    """Archived participants' ids with the day each was archived."""
    rows = session.execute(
        select(SgeParticipant.id, SgeParticipant.archived_on).where(SgeParticipant.archived_on.is_not(None))
    )
    return {int(pid): day for pid, day in rows if day is not None}


def participant_row(session: Session, participant_id: int) -> SgeParticipant:
    row = session.get(SgeParticipant, participant_id)
    if row is None:
        raise StoreError(message("No SGÉ participant {number}.", number=str(participant_id)))
    return row


def participant_info(row: SgeParticipant) -> ParticipantInfo:
    return ParticipantInfo(
        company_name=row.company_name,
        company_address=row.company_address,
        site_address=row.site_address,
        energir_file_number=row.energir_file_number,
        gst_number=row.gst_number,
        qst_number=row.qst_number,
        industrial=row.industrial,
        annual_gas_m3=row.annual_gas_m3,
        property_id=row.property_id,
        gas_meter_id=row.gas_meter_id,
        exclusions=dict(row.exclusions or {}),
        baseline_start=row.baseline_start,
        baseline_end=row.baseline_end,
        reporting_start=row.reporting_start,
        use_production=row.use_production,
        notes=row.notes,
        participant_id=row.id,
        archived_on=row.archived_on,
    )


def stored_invoice(row: SgeInvoice, info: ParticipantInfo, rows: dict[int, SgeInvoice]) -> StoredInvoice:
    """A stored invoice: a sent or paid one as frozen when sent; a draft with the participant's current fields."""
    original = rows.get(row.credit_for_id) if row.credit_for_id is not None else None
    if row.frozen is not None:
        doc = InvoiceDocument.from_json(row.frozen)
        inv = PaymentInvoice(
            beneficiary=Beneficiary(
                doc.beneficiary_name, doc.beneficiary_address, doc.gst_number, doc.qst_number
            ),
            work_address=doc.work_address,
            energir_file_number=doc.energir_file_number,
            invoice_number=doc.invoice_number,
            invoice_date=doc.invoice_date,
            phase=Phase(row.phase),
            aid_amount=doc.aid_amount,
            language=doc.language,
            status=InvoiceStatus(row.status),
            corrects=doc.corrects,
            corrects_date=doc.corrects_date,
            program_year=doc.program_year,
            document=doc,
        )
        return StoredInvoice(inv, row.id, row.credit_for_id, row.sent_on, row.paid_on)
    rates = None
    if original is not None and original.frozen is not None:
        # A credit note reverses the tax at the rates its original was sent with.
        sent = InvoiceDocument.from_json(original.frozen)
        rates = (sent.gst_rate, sent.qst_rate)
    inv = PaymentInvoice(
        beneficiary=info.beneficiary(),
        work_address=info.site_address,
        energir_file_number=info.energir_file_number,
        invoice_number=row.number,
        invoice_date=row.invoice_date,
        phase=Phase(row.phase),
        aid_amount=row.aid_amount,
        language=row.language,
        status=InvoiceStatus(row.status),
        corrects=original.number if original is not None else None,
        corrects_date=original.invoice_date if original is not None else None,
        program_year=row.program_year,
        rates=rates,
    )
    return StoredInvoice(inv, row.id, row.credit_for_id, row.sent_on, row.paid_on)


def load_participant(session: Session, participant_id: int) -> ParticipantFile:
    row = participant_row(session, participant_id)
    info = participant_info(row)
    invoice_rows = {i.id: i for i in row.invoices}
    return ParticipantFile(
        info=info,
        contacts=tuple(
            Contact(
                c.name, c.role, c.email, c.phone, c.committee_member, c.committee_role, c.energy_manager, c.id
            )
            for c in sorted(row.contacts, key=lambda c: c.id)
        ),
        phases={
            Phase(p.phase): PhaseDates(
                Phase(p.phase),
                p.request_date,
                p.acceptance_date,
                p.completion_date,
                p.deliverables_accepted_date,
                p.accepted_aid_amount,
                p.status,
                p.notes,
            )
            for p in row.phases
        },
        expenses=tuple(
            StoredExpense(
                ExpenseLine(
                    Phase(e.phase),
                    ExpenseKind(e.kind),
                    e.description,
                    e.amount if e.amount is not None else Decimal("0"),
                    Decimal(str(e.hours)) if e.hours is not None else None,
                    e.hourly_rate,
                ),
                e.incurred_on,
                e.program_year,
                e.id,
            )
            for e in sorted(row.expenses, key=lambda e: e.id)
        ),
        grants=tuple(
            StoredGrant(OtherGrant(g.grantor, Phase(g.phase), g.amount), g.id)
            for g in sorted(row.grants, key=lambda g: g.id)
        ),
        measures=tuple(
            Measure(
                m.name,
                m.significant_use,
                m.status,
                m.planned_date,
                m.done_date,
                m.expected_m3,
                m.notes,
                m.id,
            )
            for m in sorted(row.measures, key=lambda m: (m.planned_date or date.max, m.id))
        ),
        indicators=tuple(
            Indicator(
                i.name,
                i.significant_use,
                i.unit,
                i.baseline_value,
                i.objective_value,
                i.objective_year,
                {int(k): float(v) for k, v in (i.values or {}).items()},
                i.notes,
                i.id,
            )
            for i in sorted(row.indicators, key=lambda i: i.id)
        ),
        invoices=tuple(
            stored_invoice(i, info, invoice_rows) for i in sorted(row.invoices, key=lambda i: i.id)
        ),
        adjustments=tuple(
            StoredAdjustment(NonRoutineAdjustment(a.start_date, a.end_date, a.m3_per_day, a.note), a.id)
            for a in sorted(row.adjustments, key=lambda a: a.start_date)
        ),
        production=tuple(
            ProductionEntry(p.start_date, p.end_date, p.quantity, p.unit, p.id)
            for p in sorted(row.production, key=lambda p: p.start_date)
        ),
    )


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
    return (
        session.scalars(
            select(SgeInvoice.id).where(
                SgeInvoice.participant_id == participant_id,
                SgeInvoice.status.in_((InvoiceStatus.SENT.value, InvoiceStatus.PAID.value)),
            )
        ).first()
        is not None
    )


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


# --- child records -------------------------------------------------------------------------------------------
def child_row(session: Session, model: type[Any], record_id: int) -> Any:
    row = session.get(model, record_id)
    if row is None:
        raise StoreError(message("Record {number} not found.", number=str(record_id)))
    return row


def save_contact(session: Session, participant_id: int, contact: Contact) -> int:
    if not contact.name.strip():
        raise StoreError(message("The contact's name is required."))
    row = (
        SgeContact(participant_id=participant_id, name=contact.name)
        if contact.contact_id is None
        else child_row(session, SgeContact, contact.contact_id)
    )
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
    row = (
        SgeExpense(participant_id=participant_id)
        if expense.expense_id is None
        else child_row(session, SgeExpense, expense.expense_id)
    )
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
    row = (
        SgeOtherGrant(participant_id=participant_id)
        if grant.grant_id is None
        else child_row(session, SgeOtherGrant, grant.grant_id)
    )
    row.grantor, row.phase, row.amount = grant.grant.grantor, grant.grant.phase.value, grant.grant.amount
    session.add(row)
    session.flush()
    return int(row.id)


def save_measure(session: Session, participant_id: int, measure: Measure) -> int:
    if not measure.name.strip():
        raise StoreError(message("The measure's name is required."))
    row = (
        SgeMeasure(participant_id=participant_id)
        if measure.measure_id is None
        else child_row(session, SgeMeasure, measure.measure_id)
    )
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
    row = (
        SgeIndicator(participant_id=participant_id)
        if indicator.indicator_id is None
        else child_row(session, SgeIndicator, indicator.indicator_id)
    )
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
    row = (
        SgeSavingsAdjustment(participant_id=participant_id)
        if item.adjustment_id is None
        else child_row(session, SgeSavingsAdjustment, item.adjustment_id)
    )
    row.start_date, row.end_date, row.m3_per_day, row.note = adj.start, adj.end, adj.m3_per_day, adj.note
    session.add(row)
    session.flush()
    return int(row.id)


def production_problems(entry: ProductionEntry, others: Sequence[ProductionEntry]) -> list[FieldError]:
    """What is wrong with a production period among the participant's others (itself skipped by id)."""
    errors = []
    if entry.end < entry.start:
        errors.append(
            FieldError(
                "end",
                message(
                    "End ({end}) is before the start ({start}): a period must end on or after its start.",
                    end=entry.end.isoformat(),
                    start=entry.start.isoformat(),
                ),
            )
        )
    if entry.quantity < 0:
        errors.append(
            FieldError(
                "quantity",
                message(
                    "Quantity ({quantity}) is negative: production cannot be below zero.",
                    quantity=f"{entry.quantity:g}",
                ),
            )
        )
    if entry.end >= entry.start:
        for o in others:
            if entry.production_id is not None and o.production_id == entry.production_id:
                continue
            shared = (min(entry.end, o.end) - max(entry.start, o.start)).days + 1
            # One shared day is allowed: like bills, a period may start on the day the previous one ends.
            if shared > 1:
                errors.append(
                    FieldError(
                        "start",
                        message(
                            "The period overlaps the period {start} to {end} by {days} days (one day at most): "
                            "change the dates or edit that period.",
                            start=o.start.isoformat(),
                            end=o.end.isoformat(),
                            days=str(shared),
                        ),
                    )
                )
                break
    return errors


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
    row = (
        SgeProduction(participant_id=participant_id)
        if entry.production_id is None
        else child_row(session, SgeProduction, entry.production_id)
    )
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
