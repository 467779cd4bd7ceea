"""Use cases on SGÉ payment invoices, for the Invoices tab and `espm-desktop invoice`: the register (numbers in
sequence, never reused; a draft checked against the aid statement when marked sent, then frozen as sent; credit
notes) and the invoice's PDF. Each change is one transaction; an invoice once sent is printed as sent.

reportlab loads when a PDF is asked for, not when the SGÉ page opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from espm_desktop.app.database import in_session, in_transaction
from espm_desktop.app.reading import read_connection
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import InvoiceDocument, PaymentInvoice, next_invoice_number
from espm_desktop.core.sge.records import StoredInvoice, StoreError
from espm_desktop.core.sge.rules import Phase
from espm_desktop.db import sge_reads
from espm_desktop.db.opening import sqlite_error_kind

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.app.reading import DatabaseSource
    from espm_desktop.reports.pdf_text import TextNote

__all__ = [
    "InvoiceRequest",
    "RecordedInvoice",
    "StoreError",
    "StoredInvoice",
    "create_invoice",
    "edit_draft_invoice",
    "invoice_notes",
    "invoice_send_problem",
    "issue_credit_note",
    "mark_invoice_paid",
    "mark_invoice_sent",
    "next_number",
    "record_invoice",
    "write_invoice_pdf",
]


# --- the register, one transaction each ------------------------------------------------------------------------
def next_number(db: DatabaseSource, participant_id: int) -> str:
    """The number the participant's next invoice will take: every number ever stored counts, gaps are not
    refilled."""
    with read_connection(db) as con:
        return next_invoice_number(sge_reads.invoice_numbers(con, participant_id))


def create_invoice(
    engine: Engine,
    participant_id: int,
    phase: Phase,
    aid_amount: Decimal,
    invoice_date: date,
    language: str = "fr",
    program_year: int | None = None,
) -> StoredInvoice:
    """A new draft numbered next in the participant's sequence (the amount rules apply when it is sent)."""
    from espm_desktop.db import sge_invoices as store

    return in_transaction(
        engine, store.create_invoice, participant_id, phase, aid_amount, invoice_date, language, program_year
    )


def edit_draft_invoice(engine: Engine, invoice_id: int, **changes: Any) -> StoredInvoice:
    """Change a draft's date, phase, year, amount or language; a sent or paid invoice can't be changed."""
    from espm_desktop.db import sge_invoices as store

    return in_transaction(engine, lambda s: store.edit_draft_invoice(s, invoice_id, **changes))


def invoice_send_problem(engine: Engine, invoice_id: int) -> SgeInputError | None:
    """Why a draft could not be marked sent as it is (amount rules, Annexe D fields), or None."""
    from espm_desktop.db import sge_invoices as store

    return in_session(engine, store.invoice_send_problem, invoice_id)


def mark_invoice_sent(engine: Engine, invoice_id: int, on: date) -> StoredInvoice:
    """Send a draft on the day the user chose: checked against the aid statement, then frozen as sent."""
    from espm_desktop.db import sge_invoices as store

    return in_transaction(engine, store.mark_invoice_sent, invoice_id, on)


def mark_invoice_paid(engine: Engine, invoice_id: int, on: date) -> StoredInvoice:
    from espm_desktop.db import sge_invoices as store

    return in_transaction(engine, store.mark_invoice_paid, invoice_id, on)


def issue_credit_note(
    engine: Engine, invoice_id: int, note_date: date, amount: Decimal | None = None
) -> StoredInvoice:
    """A draft credit note for a sent or paid invoice (all of what is not credited yet when `amount` is None)."""
    from espm_desktop.db import sge_invoices as store

    return in_transaction(engine, store.issue_credit_note, invoice_id, note_date, amount)


# --- the PDF -----------------------------------------------------------------------------------------------------
def write_invoice_pdf(
    invoice: PaymentInvoice | InvoiceDocument,
    out: Path | BinaryIO,
    language: str | None = None,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """The invoice as a PDF: a sent one as it was sent, a draft in `language` with a DRAFT mark."""
    from espm_desktop.reports.sge_invoice import render_invoice_pdf

    render_invoice_pdf(invoice, out, language, protected=protected)


def invoice_notes(invoice: PaymentInvoice | InvoiceDocument, language: str | None = None) -> list[TextNote]:
    """What the PDF changes in the user's text to draw it: characters replaced, text shortened."""
    from espm_desktop.reports.sge_invoice import invoice_text_notes

    return invoice_text_notes(invoice, language)


# --- `invoice --db`: recorded and printed together ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class InvoiceRequest:
    """An invoice (phase and amount) or a credit note (`credit_note_for`, the invoice's number) to record."""

    participant_id: int
    invoice_date: date
    language: str = "fr"
    phase: Phase | None = None
    aid_amount: Decimal | None = None
    program_year: int | None = None
    credit_note_for: str | None = None
    sent_on: date | None = None  # mark it sent on this day; None: keep it a draft


@dataclass(frozen=True, slots=True)
class RecordedInvoice:
    stored: StoredInvoice
    send_problem: SgeInputError | None = None  # why the draft could not be sent as it is, None if it can


def record_invoice(
    engine: Engine,
    request: InvoiceRequest,
    out: Path,
    *,
    protected: Sequence[Path] = (),
    on_note: Callable[[TextNote], None] = lambda _note: None,
) -> RecordedInvoice:
    """Record the invoice or credit note (and send it when asked) and write its PDF, in one transaction.

    The PDF is written before the commit, so a PDF that can't be written leaves nothing recorded; when the
    database then refuses the commit (locked, full disk…), the PDF is removed: the invoice it shows was not
    recorded. `on_note` hears each change the PDF makes to the text, before it is written.
    """
    from sqlalchemy.orm import Session

    from espm_desktop.db import sge_invoices
    from espm_desktop.reports.sge_invoice import invoice_text_notes, render_invoice_pdf

    written = False
    try:
        with Session(engine) as s, s.begin():
            if request.credit_note_for is not None:
                original = sge_invoices.invoice_by_number(s, request.participant_id, request.credit_note_for)
                stored = sge_invoices.issue_credit_note(
                    s, original.invoice_id, request.invoice_date, request.aid_amount
                )
            else:
                assert request.phase is not None and request.aid_amount is not None
                stored = sge_invoices.create_invoice(
                    s,
                    request.participant_id,
                    request.phase,
                    request.aid_amount,
                    request.invoice_date,
                    request.language,
                    request.program_year,
                )
            problem = None
            if request.sent_on is not None:
                stored = sge_invoices.mark_invoice_sent(s, stored.invoice_id, request.sent_on)
            else:
                problem = sge_invoices.invoice_send_problem(s, stored.invoice_id)
            for note in invoice_text_notes(stored.invoice, request.language):
                on_note(note)
            render_invoice_pdf(stored.invoice, out, request.language, protected=protected)
            written = True
    except Exception as exc:
        if written and sqlite_error_kind(exc) is not None:
            Path(out).unlink(missing_ok=True)
        raise
    return RecordedInvoice(stored, problem)
