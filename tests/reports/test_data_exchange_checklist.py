from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from espm_desktop.core.data_exchange import EnergirMeterSetup, advance_status
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.reports.data_exchange_checklist import (
    render_data_exchange_checklist,
    write_data_exchange_checklist,
)
from espm_desktop.reports.fonts import HELVETICA, printable, register_fonts

SETUP = advance_status(
    EnergirMeterSetup(
        property_name="Caisse Rosemont & Fils",
        meter_name="Gaz naturel 1",
        account_number="12345678901",
        invoice_number="987654321098",
        meter_number="7654321",
        initial_load_months=18,
        share_downstream=True,
        active_date=date(2021, 4, 16),
    ),
    DataExchangeStatus.CONNECTION_ACCEPTED,
    date(2023, 4, 5),
)


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_values_and_texts_are_in_the_pdf(lang: str) -> None:
    reader, text = _text(render_data_exchange_checklist(SETUP, lang=lang, generated_on=date(2023, 4, 6)))  # type: ignore[arg-type]
    for value in ("12345678901", "987654321098", "7654321", "Caisse Rosemont & Fils", "Gaz naturel 1"):
        assert value in text
    assert "2023-04-05" in text  # date the connection was accepted
    assert "2023-04-06" in text  # prepared on
    n = len(reader.pages)
    assert n >= 2
    if lang == "fr":
        assert "Retirer l'accès" in text and "Numéro de facture" in text and "Oui" in text
        assert f"Page {n} de {n}" in text
        assert "Échange de données" in text
    else:
        assert "Invoice number" in text and "Share Forward" in text and "Yes" in text
        assert f"Page {n} of {n}" in text
        assert "Remove access" in text


def test_paper_sizes(tmp_path: Path) -> None:
    a4 = PdfReader(write_data_exchange_checklist(tmp_path / "a4.pdf", SETUP, paper="A4"))
    us = PdfReader(write_data_exchange_checklist(tmp_path / "us.pdf", SETUP, paper="letter", lang="en"))
    assert round(float(a4.pages[0].mediabox.width)) == 595
    assert round(float(a4.pages[0].mediabox.height)) == 842
    assert round(float(us.pages[0].mediabox.width)) == 612
    assert round(float(us.pages[0].mediabox.height)) == 792


def test_blank_setup_still_prints() -> None:
    blank = EnergirMeterSetup(property_name="Bureau", meter_name="Gaz naturel 1")
    _, text = _text(render_data_exchange_checklist(blank, lang="fr"))
    assert "Bureau" in text and "Récupérez votre facture la plus récente" in text


def test_helvetica_fallback_renders(tmp_path: Path) -> None:
    assert register_fonts([tmp_path]) is HELVETICA
    assert printable("a\u202fb → c", HELVETICA) == "a\u00a0b -> c"
    _, text = _text(render_data_exchange_checklist(SETUP, lang="fr", fonts=HELVETICA))
    assert "987654321098" in text and "Caisse Rosemont & Fils" in text
