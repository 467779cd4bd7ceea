"""A sent invoice is stored as sent and never recomputed; invoices are checked against the aid statement when
sent; a participant with sent invoices is archived, not deleted; revision 0004 freezes invoices already sent."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge import taxes
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import InvoiceStatus
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.db import sge_invoices, sge_participants
from espm_desktop.db.engine import make_engine, run_upgrade
from espm_desktop.db.models_sge import SgeInvoice, SgeParticipant
from espm_desktop.reports.sge_invoice import render_invoice_pdf
from tests.reliability.upgrade_trials import FIXTURE_DIR

SENT_ON = date(2025, 3, 4)


def pdf_text(invoice: object, language: str | None = None) -> str:
    buffer = io.BytesIO()
    render_invoice_pdf(invoice, buffer, language)  # type: ignore[arg-type]
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages)


def participant(s: Session) -> int:
    """A participant whose statement allows 75 000 $ of metering in year 1, Énergir having accepted 43 750 $."""
    pid = sge_participants.save_participant(
        s,
        sge_records.ParticipantInfo(
            company_name="Acier Exemple ltée",
            company_address="1, rue A, Montréal",
            site_address="2, rue B, Laval",
            energir_file_number="D-77",
            gst_number="123456789 RT 0001",
            qst_number="1234567890 TQ 0001",
        ),
    )
    sge_participants.save_expense(
        s, pid, sge_records.StoredExpense(ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Débitmètres",
                                                D("150000")), program_year=1)
    )  # fmt: skip
    sge_participants.save_expense(
        s,
        pid,
        sge_records.StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.CONSULTANT, "Firme", D("40000"))),
    )
    sge_participants.save_phase(
        s, pid, sge_records.PhaseDates(Phase.IMPLEMENTATION_METERING, accepted_aid_amount=D("43750.00"))
    )
    sge_participants.save_phase(
        s, pid, sge_records.PhaseDates(Phase.DIAGNOSTIC, accepted_aid_amount=D("20000.00"))
    )
    return pid


def sent_invoice(
    s: Session, pid: int, phase: Phase, amount: str, year: int | None = 1
) -> sge_records.StoredInvoice:
    created = sge_invoices.create_invoice(s, pid, phase, D(amount), date(2025, 3, 3), "fr", year)
    return sge_invoices.mark_invoice_sent(s, created.invoice_id, SENT_ON)


def test_a_reprint_after_the_participant_changed_is_the_document_first_printed(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        sent = sent_invoice(s, pid, Phase.IMPLEMENTATION_METERING, "43750.00")
    first = pdf_text(sent.invoice)
    with Session(engine) as s, s.begin():
        info = sge_participants.load_participant(s, pid).info
        sge_participants.save_participant(s, replace(info, company_address="999, boul. Nouveau, Québec",
                                          gst_number="987654321 RT 0009", company_name="Acier Renommé inc."))  # fmt: skip
    with Session(engine) as s:
        (reloaded,) = sge_participants.load_participant(s, pid).invoices
    reprint = pdf_text(reloaded.invoice)
    assert reprint == first
    assert "1, rue A, Montréal" in reprint and "123456789 RT 0001" in reprint and "999, boul." not in reprint
    assert reprint == pdf_text(reloaded.invoice, "en")  # a sent invoice prints in the language it was sent in
    assert "BROUILLON" not in reprint


def test_the_stored_totals_are_read_never_recomputed(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        sent_invoice(s, pid, Phase.DIAGNOSTIC, "1000.00")
        draft = sge_invoices.create_invoice(
            s, pid, Phase.IMPLEMENTATION_METERING, D("1000.00"), date(2025, 3, 3)
        )
    monkeypatch.setattr(
        taxes, "TAX_RATES", (*taxes.TAX_RATES, taxes.TaxRate("qst", D("0.10"), date(2025, 1, 1), "test"))
    )
    with Session(engine) as s:
        sent, still_draft = sge_participants.load_participant(s, pid).invoices
    assert (sent.invoice.qst, sent.invoice.total) == (D("99.75"), D("1149.75"))
    assert "99,75" in pdf_text(sent.invoice) and "100,00" not in pdf_text(sent.invoice)
    assert still_draft.invoice_id == draft.invoice_id and still_draft.invoice.qst == D("100.00")


def test_amounts_are_checked_when_sent_and_a_refused_invoice_stays_a_draft(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        draft = sge_invoices.create_invoice(
            s, pid, Phase.IMPLEMENTATION_METERING, D("60000.00"), date(2025, 3, 3), "fr", 1
        )
        problem = sge_invoices.invoice_send_problem(s, draft.invoice_id)
        assert problem is not None
        assert "Il reste 43 750,00 $ d'aide acceptée pour la phase 4 – mesurage en continu, année 1." in (
            problem.message("fr").replace("\u00a0", " ")
        )
    with Session(engine) as s, pytest.raises(SgeInputError), s.begin():
        sge_invoices.mark_invoice_sent(s, draft.invoice_id, SENT_ON)
    with Session(engine) as s:
        row = s.get(SgeInvoice, draft.invoice_id)
        assert row is not None and row.status == "draft" and row.frozen is None and row.sent_on is None


def test_a_second_diagnostic_invoice_is_refused(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        first = sent_invoice(s, pid, Phase.DIAGNOSTIC, "20000.00")
        second = sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, D("1.00"), date(2025, 3, 5))
        with pytest.raises(SgeInputError) as caught:
            sge_invoices.mark_invoice_sent(s, second.invoice_id, SENT_ON + timedelta(days=1))
        assert first.invoice.invoice_number in caught.value.message("fr")
        # Once fully credited (the credit note sent), the diagnostic can be invoiced again.
        note = sge_invoices.issue_credit_note(s, first.invoice_id, date(2025, 3, 5))
        sge_invoices.mark_invoice_sent(s, note.invoice_id, date(2025, 3, 5))
        sge_invoices.mark_invoice_sent(s, second.invoice_id, date(2025, 3, 5))


def test_an_accepted_aid_above_the_cap_is_refused(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        with pytest.raises(SgeInputError) as caught:
            sge_participants.save_phase(
                s, pid, sge_records.PhaseDates(Phase.IMPLEMENTATION_METERING, accepted_aid_amount=D("80000"))
            )
    assert "75 000,00 $" in caught.value.message("fr").replace("\u00a0", " ")


def test_sent_and_paid_dates_are_the_users_and_never_in_the_future(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        draft = sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, D("100.00"), date(2025, 3, 3))
        with pytest.raises(SgeInputError):
            sge_invoices.mark_invoice_sent(s, draft.invoice_id, date.today() + timedelta(days=1))
        with pytest.raises(SgeInputError):
            sge_invoices.mark_invoice_sent(s, draft.invoice_id, date(2025, 3, 2))
        sge_invoices.mark_invoice_sent(s, draft.invoice_id, SENT_ON)
        with pytest.raises(SgeInputError):
            sge_invoices.mark_invoice_paid(s, draft.invoice_id, SENT_ON - timedelta(days=1))
        sge_invoices.mark_invoice_paid(s, draft.invoice_id, date(2025, 4, 1))
    with Session(engine) as s:
        row = s.get(SgeInvoice, draft.invoice_id)
        assert row is not None and (row.sent_on, row.paid_on) == (SENT_ON, date(2025, 4, 1))


def test_a_credit_note_names_the_original_with_its_date_and_its_own_wording(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        sent = sent_invoice(s, pid, Phase.IMPLEMENTATION_METERING, "20000.00")
        note = sge_invoices.issue_credit_note(s, sent.invoice_id, date(2025, 3, 10), D("5000.00"))
        with pytest.raises(SgeInputError):  # more than what is left to credit
            sge_invoices.issue_credit_note(s, sent.invoice_id, date(2025, 3, 10), D("15000.01"))
    text = pdf_text(note.invoice)
    assert "SGE-0001 du 3 mars 2025" in text
    assert "Transmettre cette facture" not in text and "note de crédit" in text.lower()
    assert "BROUILLON" in text  # a draft credit note


def test_a_participant_with_sent_invoices_and_a_credit_note_is_archived_not_deleted(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        sent = sent_invoice(s, pid, Phase.IMPLEMENTATION_METERING, "20000.00")
        note = sge_invoices.issue_credit_note(s, sent.invoice_id, date(2025, 3, 10))
        sge_invoices.mark_invoice_sent(s, note.invoice_id, date(2025, 3, 10))
        other = sge_participants.save_participant(
            s, sge_records.ParticipantInfo(company_name="Brouillons seulement")
        )
    with Session(engine) as s, s.begin():
        assert sge_participants.delete_participant(s, pid, today=date(2025, 6, 1)) is True
        assert sge_participants.delete_participant(s, other) is False
    with Session(engine) as s:
        assert sge_participants.list_participants(s) == []
        assert sge_participants.list_participants(s, include_archived=True) == [(pid, "Acier Exemple ltée")]
        assert sge_participants.archived_participants(s) == {pid: date(2025, 6, 1)}
        assert len(s.scalars(select(SgeInvoice).where(SgeInvoice.participant_id == pid)).all()) == 2
        assert s.get(SgeParticipant, other) is None
    with Session(engine) as s, s.begin():
        sge_participants.restore_participant(s, pid)
    with Session(engine) as s:
        assert sge_participants.list_participants(s) == [(pid, "Acier Exemple ltée")]


def test_a_participant_with_only_drafts_is_deleted_with_them(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = participant(s)
        sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, D("100.00"), date(2025, 3, 3))
    with Session(engine) as s, s.begin():
        assert sge_participants.delete_participant(s, pid) is False
    with Session(engine) as s:
        assert s.scalars(select(SgeInvoice)).all() == []


def test_revision_0004_freezes_the_invoices_already_sent_as_they_printed(tmp_path: Path) -> None:
    db = tmp_path / "0003.sqlite"
    shutil.copyfile(FIXTURE_DIR / "0003.sqlite", db)
    run_upgrade(db)
    engine = make_engine(db)
    try:
        with Session(engine) as s:
            invoices = sge_participants.load_participant(s, 1).invoices
            rows = {r.id: r for r in s.scalars(select(SgeInvoice))}
        by_number = {i.invoice.invoice_number: i for i in invoices}
        paid, sent, note, draft = (by_number[n] for n in ("SGE-0001", "SGE-0002", "SGE-0003", "SGE-0004"))
        assert draft.invoice.document is None and rows[4].frozen is None
        doc = sent.invoice.document
        assert doc is not None and doc.language == "en"
        # As 0003 printed it: the participant's fields and the stored amounts, GST number as it was typed.
        assert (doc.beneficiary_name, doc.gst_number, doc.work_address) == (
            "Usine Bécancour inc.", "123456789 RT0001", "Même adresse")  # fmt: skip
        assert (doc.aid_amount, doc.gst, doc.qst, doc.total) == (D("20000.00"), D("1000.00"), D("1995.00"),
                                                                 D("22995.00"))  # fmt: skip
        assert paid.invoice.status is InvoiceStatus.PAID and paid.invoice.qst == D("1660.84")
        assert note.invoice.document is not None
        assert (note.invoice.document.corrects, note.invoice.document.corrects_date) == (
            "SGE-0002",
            date(2024, 6, 1),
        )
        before = pdf_text(sent.invoice)
        with Session(engine) as s, s.begin():
            info = sge_participants.load_participant(s, 1).info
            sge_participants.save_participant(
                s, replace(info, company_name="Autre nom", site_address="Ailleurs")
            )
        with Session(engine) as s:
            again = next(
                i for i in sge_participants.load_participant(s, 1).invoices if i.invoice_id == sent.invoice_id
            )
        assert pdf_text(again.invoice) == before
    finally:
        engine.dispose()
