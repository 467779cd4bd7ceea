"""Payment invoices in the database: numbering, the amount rules against the participant's one aid statement,
sent and paid dates, credit notes. The rules are core/sge/invoice.py's; this module makes them stick.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.i18n import message
from espm_desktop.core.savings import (
    SavingsInputError,
)
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import (
    InvoicedSoFar,
    InvoiceStatus,
    PaymentInvoice,
    check_invoice_amount,
    check_status_date,
    credit_note,
    edit_invoice,
    mark_paid,
    mark_sent,
    next_invoice_number,
    validate_invoice,
)
from espm_desktop.core.sge.participant_statement import participant_statement
from espm_desktop.core.sge.records import StoredInvoice, StoreError
from espm_desktop.core.sge.rules import Phase
from espm_desktop.db import sge_reads
from espm_desktop.db.models_sge import (
    SgeInvoice,
)
from espm_desktop.db.sge_child_records import child_row
from espm_desktop.db.sge_participants import flushed_connection, load_participant, participant_info
from espm_desktop.db.sge_savings import savings_analysis


# --- invoices ------------------------------------------------------------------------------------------------
def _store_amounts(row: SgeInvoice, invoice: PaymentInvoice) -> None:
    row.number, row.invoice_date, row.phase = (
        invoice.invoice_number,
        invoice.invoice_date,
        invoice.phase.value,
    )
    row.aid_amount, row.gst, row.qst, row.total = invoice.aid_amount, invoice.gst, invoice.qst, invoice.total
    row.language, row.status = invoice.language, invoice.status.value
    row.program_year = invoice.program_year
    if invoice.document is not None and row.frozen is None:  # written once, when sent; never rewritten
        row.frozen = invoice.document.to_json()


def _load_invoice(session: Session, invoice_id: int) -> tuple[SgeInvoice, StoredInvoice]:
    row = child_row(session, SgeInvoice, invoice_id)
    assert isinstance(row, SgeInvoice)
    stored = next(i for i in load_participant(session, row.participant_id).invoices if i.invoice_id == row.id)
    return row, stored


def next_number(session: Session, participant_id: int) -> str:
    """The next invoice number of the participant: every number ever stored counts, gaps are not refilled."""
    return next_invoice_number(sge_reads.invoice_numbers(flushed_connection(session), participant_id))


def invoice_by_number(session: Session, participant_id: int, number: str) -> StoredInvoice:
    """The participant's invoice or credit note numbered `number`; StoreError naming the numbers there are."""
    found = next(
        (i for i in load_participant(session, participant_id).invoices if i.invoice.invoice_number == number),
        None,
    )
    if found is None:
        raise StoreError(
            message(
                "Participant {participant} has no invoice number {number}.",
                participant=str(participant_id),
                number=number,
            )
        )
    return found


def create_invoice(
    session: Session,
    participant_id: int,
    phase: Phase,
    aid_amount: Decimal,
    invoice_date: date,
    language: str = "fr",
    program_year: int | None = None,
) -> StoredInvoice:
    """A new draft invoice numbered next in the participant's sequence, checked against Annexe D.

    A draft may claim more than the aid that remains: the amount rules apply when it is marked sent
    (`invoice_send_problem` says now what would stop it).
    """
    info = participant_info(session, participant_id)
    if info.archived_on is not None:
        raise StoreError(
            message(
                "Participant '{name}' is archived: restore it before invoicing.",
                name=info.company_name,
            )
        )
    invoice = validate_invoice(
        PaymentInvoice(
            beneficiary=info.beneficiary(),
            work_address=info.site_address,
            energir_file_number=info.energir_file_number,
            invoice_number=next_number(session, participant_id),
            invoice_date=invoice_date,
            phase=phase,
            aid_amount=aid_amount,
            language=language,
            program_year=program_year,
        )
    )
    row = SgeInvoice(participant_id=participant_id)
    _store_amounts(row, invoice)
    session.add(row)
    session.flush()
    return StoredInvoice(invoice, row.id)


def edit_draft_invoice(session: Session, invoice_id: int, **changes: Any) -> StoredInvoice:
    """Change a draft's date, phase, year, amount or language; a sent or paid invoice raises InvoiceLockedError."""
    row, stored = _load_invoice(session, invoice_id)
    changed = edit_invoice(stored.invoice, **changes)
    _store_amounts(row, changed)
    session.flush()
    return StoredInvoice(changed, row.id, row.credit_for_id, row.sent_on, row.paid_on)


def _invoiced_so_far(session: Session, participant_id: int, phase: Phase, skip_id: int) -> InvoicedSoFar:
    """What the participant's sent and paid invoices of `phase` claim, their sent credit notes deducted."""
    rows = session.scalars(
        select(SgeInvoice).where(
            SgeInvoice.participant_id == participant_id,
            SgeInvoice.phase == phase.value,
            SgeInvoice.status.in_((InvoiceStatus.SENT.value, InvoiceStatus.PAID.value)),
            SgeInvoice.id != skip_id,
        )
    ).all()
    amount = sum((r.aid_amount for r in rows), Decimal("0"))
    credited: dict[int, Decimal] = {}
    for r in rows:
        if r.credit_for_id is not None:
            credited[r.credit_for_id] = credited.get(r.credit_for_id, Decimal("0")) + r.aid_amount
    taken = next(
        (
            r.number
            for r in rows
            if r.credit_for_id is None and r.aid_amount + credited.get(r.id, Decimal("0")) > 0
        ),
        None,
    )
    return InvoicedSoFar(amount, taken)


def _check_amount(session: Session, row: SgeInvoice, invoice: PaymentInvoice) -> None:
    """The amount rules of core/sge/invoice.py against the participant's ONE aid statement (core/sge/participant_statement.py)."""

    if invoice.is_credit_note:
        return
    file = load_participant(session, row.participant_id)
    analysis = None
    if invoice.phase is Phase.SAVINGS_FOLLOW_UP:
        try:
            analysis = savings_analysis(session, row.participant_id)
        except SavingsInputError:
            analysis = (
                None  # phase 5 then allows nothing: the message shows 0,00 $ and the statement's figure
            )
    dates = file.phases.get(invoice.phase)
    check_invoice_amount(
        invoice,
        participant_statement(file, analysis),
        dates.accepted_aid_amount if dates is not None else None,
        _invoiced_so_far(session, row.participant_id, invoice.phase, row.id),
    )


def invoice_send_problem(session: Session, invoice_id: int) -> SgeInputError | None:
    """Why a draft could not be marked sent as it is (amount rules, Annexe D fields), or None."""
    row, stored = _load_invoice(session, invoice_id)
    if stored.invoice.status is not InvoiceStatus.DRAFT:
        return None
    try:
        _check_amount(session, row, validate_invoice(stored.invoice))
    except SgeInputError as exc:
        return exc
    return None


def mark_invoice_sent(
    session: Session, invoice_id: int, on: date, today: date | None = None
) -> StoredInvoice:
    """Send a draft on the day the user chose: checked against the aid statement, then frozen as sent."""
    row, stored = _load_invoice(session, invoice_id)
    check_status_date("sent", on, stored.invoice, today or date.today())
    _check_amount(session, row, validate_invoice(stored.invoice))
    sent = mark_sent(stored.invoice)
    _store_amounts(row, sent)
    row.sent_on = on
    session.flush()
    return StoredInvoice(sent, row.id, row.credit_for_id, on, row.paid_on)


def mark_invoice_paid(
    session: Session, invoice_id: int, on: date, today: date | None = None
) -> StoredInvoice:
    row, stored = _load_invoice(session, invoice_id)
    paid = mark_paid(stored.invoice)
    check_status_date("paid", on, stored.invoice, today or date.today(), row.sent_on)
    row.status, row.paid_on = paid.status.value, on
    session.flush()
    return StoredInvoice(paid, row.id, row.credit_for_id, row.sent_on, on)


def issue_credit_note(
    session: Session, invoice_id: int, note_date: date, amount: Decimal | None = None
) -> StoredInvoice:
    """A draft credit note for a sent or paid invoice, numbered next in the sequence, at most what is not
    credited yet (other credit notes, drafts included, deducted)."""
    row, stored = _load_invoice(session, invoice_id)
    credited = sum(
        session.scalars(select(SgeInvoice.aid_amount).where(SgeInvoice.credit_for_id == row.id)), Decimal("0")
    )
    info = participant_info(session, row.participant_id)
    # The note names today's beneficiary (the file may have changed since the invoice was sent).
    original = replace(stored.invoice, beneficiary=info.beneficiary(), work_address=info.site_address,
                       energir_file_number=info.energir_file_number)  # fmt: skip
    note = credit_note(original, next_number(session, row.participant_id), note_date, amount, credited)
    new = SgeInvoice(participant_id=row.participant_id, credit_for_id=row.id)
    _store_amounts(new, note)
    session.add(new)
    session.flush()
    return StoredInvoice(note, new.id, row.id)
