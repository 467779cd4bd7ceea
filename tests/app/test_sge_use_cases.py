"""The SGÉ page's and commands' use cases without a window: each change in its own transaction (a refused one keeps
nothing), the file read with why its savings can't be computed, and `invoice --db`'s record-and-print that leaves
either both the record and the PDF or neither."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from espm_desktop.app import sge_invoices, sge_participants
from espm_desktop.app.sge_invoices import InvoiceRequest, record_invoice
from espm_desktop.app.sge_participants import (
    ParticipantInfo,
    PhaseDates,
    ProductionEntry,
    StoredExpense,
    StoreError,
)
from espm_desktop.app.sge_savings import participant_savings
from espm_desktop.core.savings import SavingsInputError
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice import InvoiceStatus
from espm_desktop.core.sge.rules import ExpenseKind, Phase


@pytest.fixture
def participant(engine: Engine) -> int:
    pid = sge_participants.save_participant(
        engine,
        ParticipantInfo(
            company_name="Usine App inc.",
            company_address="1, rue A",
            site_address="2, rue B",
            energir_file_number="F-9",
            gst_number="123456789RT0001",
            qst_number="1234567890TQ0001",
        ),
    )
    sge_participants.save_expense(engine, pid, StoredExpense(
        ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Compteurs", D("150000")), program_year=1))  # fmt: skip
    sge_participants.save_phase(
        engine, pid, PhaseDates(Phase.IMPLEMENTATION_METERING, accepted_aid_amount=D("43750"))
    )
    return pid


@pytest.fixture
def commit_refused() -> Iterator[None]:
    """Every commit fails the way a database locked by another program does."""

    def refuse(_session: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    event.listen(Session, "before_commit", refuse)
    yield
    event.remove(Session, "before_commit", refuse)


def test_a_file_is_read_with_why_its_savings_cannot_be_computed(engine: Engine, participant: int) -> None:
    view = sge_participants.participant_view(engine, participant)
    assert view.file.info.company_name == "Usine App inc."
    assert view.analysis is None and isinstance(view.analysis_error, SavingsInputError)
    choices = sge_participants.participant_choices(engine)
    assert choices.participants == [(participant, "Usine App inc.")] and choices.archived == set()


def test_a_change_a_rule_refuses_keeps_nothing(engine: Engine, participant: int) -> None:
    first = ProductionEntry(date(2024, 1, 1), date(2024, 1, 31), 100.0, "t")
    sge_participants.save_production(engine, participant, first)
    overlapping = ProductionEntry(date(2024, 1, 10), date(2024, 2, 10), 50.0, "t")
    with pytest.raises(StoreError):
        sge_participants.save_production(engine, participant, overlapping)
    assert [(e.start, e.end) for e in sge_participants.participant_production(engine, participant)] == [
        (first.start, first.end)
    ]


def test_an_invoice_is_drafted_sent_and_kept_as_sent(engine: Engine, participant: int) -> None:
    assert sge_invoices.next_number(engine, participant) == "SGE-0001"
    draft = sge_invoices.create_invoice(
        engine, participant, Phase.IMPLEMENTATION_METERING, D("43750"), date(2025, 3, 1)
    )
    assert sge_invoices.invoice_send_problem(engine, draft.invoice_id) is None
    sent = sge_invoices.mark_invoice_sent(engine, draft.invoice_id, date.today())
    assert sent.invoice.status is InvoiceStatus.SENT and sent.invoice.document is not None
    assert sge_invoices.next_number(engine, participant) == "SGE-0002"
    assert sge_participants.has_sent_invoices(engine, participant)
    assert sge_participants.remove_participant(engine, participant)  # archived, its sent invoice kept
    assert sge_participants.archived_participants(engine) == {participant}


def test_record_invoice_writes_the_pdf_and_the_record_together(
    engine: Engine, participant: int, tmp_path: Path
) -> None:
    out = tmp_path / "facture.pdf"
    notes: list[object] = []
    request = InvoiceRequest(participant, date(2025, 3, 1), "fr", Phase.IMPLEMENTATION_METERING, D("50000"))
    recorded = record_invoice(engine, request, out, on_note=notes.append)
    assert out.read_bytes().startswith(b"%PDF")
    assert recorded.stored.invoice.invoice_number == "SGE-0001"
    assert recorded.send_problem is not None  # more than the aid accepted: a draft, not sendable as it is
    assert [i.invoice_id for i in sge_participants.participant_view(engine, participant).file.invoices] == [
        recorded.stored.invoice_id
    ]


def test_a_pdf_that_cannot_be_written_records_nothing(
    engine: Engine, participant: int, tmp_path: Path
) -> None:
    request = InvoiceRequest(participant, date(2025, 3, 1), "fr", Phase.IMPLEMENTATION_METERING, D("43750"))
    with pytest.raises(OSError):
        record_invoice(engine, request, tmp_path / "missing folder" / "facture.pdf")
    assert sge_participants.participant_view(engine, participant).file.invoices == ()
    assert sge_invoices.next_number(engine, participant) == "SGE-0001"


def test_a_record_the_database_refuses_leaves_no_pdf(
    engine: Engine, participant: int, tmp_path: Path, commit_refused: None
) -> None:
    out = tmp_path / "facture.pdf"
    request = InvoiceRequest(participant, date(2025, 3, 1), "fr", Phase.IMPLEMENTATION_METERING, D("43750"))
    with pytest.raises(sqlite3.OperationalError):
        record_invoice(engine, request, out)
    assert not out.exists()


def test_a_command_reads_the_file_and_why_its_savings_are_missing(
    db_path: Path, engine: Engine, participant: int
) -> None:
    read = participant_savings(db_path, participant, with_temperatures=True)
    assert read.file.info.participant_id == participant
    assert read.analysis is None and read.savings_error is not None and read.daily_mean_c == {}
    with pytest.raises(StoreError):
        participant_savings(db_path, participant + 1)
