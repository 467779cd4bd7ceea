from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader

from espm_desktop.core.sge.invoice import Beneficiary, PaymentInvoice, credit_note, mark_sent
from espm_desktop.core.sge.rules import Phase
from espm_desktop.reports.sge_invoice import render_invoice_pdf


def invoice() -> PaymentInvoice:
    return PaymentInvoice(
        beneficiary=Beneficiary(
            "Fonderie Laval inc.",
            "100, rue de l'Industrie\nLaval (Québec) H7L 1A1",
            "123456789 RT0001",
            "1234567890 TQ0001",
        ),
        work_address="2500, boul. Saint-Élzéar Ouest\nLaval (Québec) H7L 4X1",
        energir_file_number="SGE-2024-017",
        invoice_number="SGE-0007",
        invoice_date=date(2024, 5, 2),
        phase=Phase.DIAGNOSTIC,
        aid_amount=D("12345.67"),
    )


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    raw = reader.pages[0].extract_text()
    # French amounts use non-breaking spaces; compare on plain spaces and single-line text.
    return " ".join(raw.replace("\u00a0", " ").replace("\u202f", " ").split())


def render(inv: PaymentInvoice, language: str | None = None) -> str:
    buffer = io.BytesIO()
    render_invoice_pdf(inv, buffer, language)
    return text_of(buffer.getvalue())


def test_french_invoice_has_every_annexe_d_item(tmp_path: Path) -> None:
    out = tmp_path / "facture.pdf"
    render_invoice_pdf(invoice(), out)
    text = text_of(out.read_bytes())
    for expected in [
        "FACTURE",
        "Fonderie Laval inc.",
        "100, rue de l'Industrie",
        "2500, boul. Saint-Élzéar Ouest",
        "Énergir",
        "SUBVENTIONNAIRE",
        "SGE-0007",
        "2 mai 2024",
        "Aide financière relative au volet SGÉ – Phase 2 – Diagnostic",
        "12 345,67 $",
        "TPS (5 %)",
        "617,28 $",
        "TVQ (9,975 %)",
        "1 231,48 $",
        "14 194,43 $",
        "123456789 RT0001",
        "1234567890 TQ0001",
        "SGE-2024-017",
        "efficaciteenergetique@energir.com",
        "1717, rue du Havre",
        "Montréal (Québec) H2K 2X3",
        "Service Marché du carbone et Efficacité énergétique",
    ]:
        assert expected in text, expected


def test_english_on_request() -> None:
    text = render(invoice(), "en")
    for expected in [
        "INVOICE",
        "May 2, 2024",
        "$12,345.67",
        "GST (5%)",
        "$617.28",
        "QST (9.975%)",
        "$1,231.48",
        "$14,194.43",
    ]:
        assert expected in text, expected


def test_credit_note_shows_negative_amounts_and_original() -> None:
    note = credit_note(mark_sent(invoice()), "SGE-0008", date(2024, 6, 1))
    text = render(note)
    for expected in [
        "NOTE DE CRÉDIT",
        "SGE-0008",
        "SGE-0007",
        "-12 345,67 $",
        "-617,28 $",
        "-1 231,48 $",
        "-14 194,43 $",
    ]:
        assert expected in text, expected
