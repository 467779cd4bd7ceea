"""Load and save an SGÉ participant's file (models_sge): the participant and its archive, and the whole file read
at once (contacts, phases, expenses, grants, measures, indicators, invoices, adjustments and production). Its child
records are saved in sge_child_records, whose functions callers also reach here. Rows never leave these modules:
callers get sge_records.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.i18n import message
from espm_desktop.core.savings import NonRoutineAdjustment
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice import Beneficiary, InvoiceDocument, InvoiceStatus, PaymentInvoice
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
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.db.models_sge import SgeInvoice, SgeParticipant
from espm_desktop.db.sge_child_records import (
    child_row,
    delete_record,
    production_problems,
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
    "stored_invoice",
]


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
