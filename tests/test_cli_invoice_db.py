"""`espm-desktop invoice --db …` records invoices in the register with the next number; without --db the number
must be given (it used to default to SGE-0001 for every invoice)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from espm_desktop.cli_invoice import main
from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice import InvoiceStatus
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.db import sge_participants
from espm_desktop.db.engine import make_engine


@pytest.fixture
def register(db_path: Path) -> tuple[Path, int]:
    engine = make_engine(db_path)
    with Session(engine) as s, s.begin():
        pid = sge_participants.save_participant(
            s,
            sge_records.ParticipantInfo(
                company_name="Usine CLI inc.",
                company_address="1, rue A",
                site_address="2, rue B",
                energir_file_number="F-1",
                gst_number="123456789RT0001",
                qst_number="1234567890TQ0001",
            ),  # fmt: skip
        )
        sge_participants.save_expense(s, pid, sge_records.StoredExpense(
            ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Compteurs", D("150000")), program_year=1))  # fmt: skip
        sge_participants.save_phase(
            s, pid, sge_records.PhaseDates(Phase.IMPLEMENTATION_METERING, accepted_aid_amount=D("43750"))
        )
    engine.dispose()
    return db_path, pid


def invoices(db: Path, pid: int) -> list[sge_records.StoredInvoice]:
    engine = make_engine(db)
    try:
        with Session(engine) as s:
            return list(sge_participants.load_participant(s, pid).invoices)
    finally:
        engine.dispose()


def test_numbers_follow_the_register_and_a_credit_note_names_the_original(
    register: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, pid = register
    common = ["--db", str(db), "--participant", str(pid)]
    args = [
        *common,
        "--phase",
        "implementation_metering",
        "--amount",
        "20000",
        "--year",
        "1",
        "--date",
        "2025-03-03",
    ]
    assert main([*args, "--out", str(tmp_path / "a.pdf")]) == 0
    assert capsys.readouterr().out.strip() == "SGE-0001"
    assert main([*args, "--sent", "2025-03-04", "--out", str(tmp_path / "b.pdf")]) == 0
    assert capsys.readouterr().out.strip() == "SGE-0002"
    note = [
        *common,
        "--credit-note-for",
        "SGE-0002",
        "--date",
        "2025-03-05",
        "--out",
        str(tmp_path / "c.pdf"),
    ]
    assert main(note) == 0
    assert capsys.readouterr().out.strip() == "SGE-0003"
    stored = invoices(db, pid)
    assert [(i.invoice.invoice_number, i.invoice.status) for i in stored] == [
        ("SGE-0001", InvoiceStatus.DRAFT), ("SGE-0002", InvoiceStatus.SENT), ("SGE-0003", InvoiceStatus.DRAFT)]  # fmt: skip
    assert stored[1].sent_on == date(2025, 3, 4) and stored[1].invoice.document is not None
    assert (stored[2].invoice.corrects, stored[2].invoice.aid_amount) == ("SGE-0002", D("-20000.00"))
    assert all((tmp_path / f"{n}.pdf").stat().st_size > 1000 for n in "abc")


def test_an_amount_the_statement_refuses_is_not_recorded(
    register: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, pid = register
    out = tmp_path / "x.pdf"
    code = main(["--db", str(db), "--participant", str(pid), "--phase", "implementation_metering", "--amount",
                 "60000", "--year", "1", "--date", "2025-03-03", "--sent", "--lang", "fr", "--out", str(out)])  # fmt: skip
    assert code == 2
    assert "Il reste 43 750,00 $" in capsys.readouterr().err.replace("\u00a0", " ")
    assert invoices(db, pid) == [] and not out.exists()
    huge = ["--db", str(db), "--participant", str(pid), "--phase", "diagnostic", "--amount", "1000000000000"]
    assert main([*huge, "--out", str(out)]) == 2


def test_a_missing_database_exits_3(tmp_path: Path) -> None:
    code = main(["--db", str(tmp_path / "none.sqlite"), "--participant", "1", "--phase", "diagnostic",
                 "--amount", "10", "--out", str(tmp_path / "x.pdf")])  # fmt: skip
    assert code == 3


def json_invoice(tmp_path: Path, number: str | None) -> Path:
    data: dict[str, object] = {
        "beneficiary": {"name": "Fonderie", "address": "1 rue A", "gst_number": "123456789 RT0001",
                        "qst_number": "1234567890 TQ0001"},
        "work_address": "1 rue A", "energir_file_number": "F-9", "invoice_date": "2025-03-03",
        "phase": "diagnostic", "aid_amount": "1000.00",
    }  # fmt: skip
    if number is not None:
        data["invoice_number"] = number
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_without_a_database_the_number_is_required(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "j.pdf"
    assert main(["--json", str(json_invoice(tmp_path, None)), "--out", str(out)]) == 2
    assert "--number" in capsys.readouterr().err and not out.exists()
    assert (
        main(["--json", str(json_invoice(tmp_path, None)), "--number", "F-2025-17", "--out", str(out)]) == 0
    )
    assert "F-2025-17" in capsys.readouterr().out
    assert main(["--json", str(json_invoice(tmp_path, "F-2025-18")), "--out", str(out)]) == 0
    assert "F-2025-18" in capsys.readouterr().out
