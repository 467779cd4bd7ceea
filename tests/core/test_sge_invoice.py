from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import (
    Beneficiary,
    InvoiceLockedError,
    InvoiceStatus,
    PaymentInvoice,
    credit_note,
    edit_invoice,
    mark_paid,
    mark_sent,
    next_invoice_number,
    parse_invoice_json,
)
from espm_desktop.core.sge.rules import Phase


def sample(**changes: Any) -> PaymentInvoice:
    base = PaymentInvoice(
        beneficiary=Beneficiary(
            "Fonderie Laval inc.", "100, rue X, Laval (Québec)", "123456789 RT0001", "1234567890 TQ0001"
        ),
        work_address="200, boul. Y, Laval (Québec)",
        energir_file_number="SGE-2024-017",
        invoice_number="SGE-0001",
        invoice_date=date(2024, 5, 2),
        phase=Phase.DIAGNOSTIC,
        aid_amount=D("12345.67"),
    )
    return edit_invoice(base, **changes) if changes else base


def test_taxes_rounded_half_up_to_cent() -> None:
    inv = sample()
    assert inv.gst == D("617.28")  # 617.2835
    assert inv.qst == D("1231.48")  # 1231.480583
    assert inv.total == D("14194.43")
    half = sample(aid_amount=D("0.10"))
    assert half.gst == D("0.01")  # 0.005 rounds up
    assert half.qst == D("0.01")  # 0.009975


def test_description_names_phase() -> None:
    inv = sample(phase=Phase.SAVINGS_FOLLOW_UP)
    assert (
        inv.description() == "Aide financière relative au volet SGÉ – Phase 5 – Suivi des économies d'énergie"
    )
    assert "savings follow-up" in inv.description("en")


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ([], "SGE-0001"),
        (["SGE-0001", "SGE-0002"], "SGE-0003"),
        (["SGE-0001", "SGE-0005", "SGE-0003"], "SGE-0006"),  # gaps are never refilled
        (["F2024-099"], "F2024-100"),
        (["abc"], "SGE-0001"),
    ],
)
def test_next_invoice_number(existing: list[str], expected: str) -> None:
    assert next_invoice_number(existing) == expected


def test_status_flow_and_lock() -> None:
    sent = mark_sent(sample())
    assert sent.status is InvoiceStatus.SENT
    with pytest.raises(InvoiceLockedError) as info:
        edit_invoice(sent, aid_amount=D("1"))
    assert "note de crédit" in info.value.message_fr
    with pytest.raises(InvoiceLockedError):
        mark_sent(sent)
    paid = mark_paid(sent)
    assert paid.status is InvoiceStatus.PAID
    with pytest.raises(SgeInputError):
        mark_paid(sample())


def test_credit_note_negative_and_references_original() -> None:
    sent = mark_sent(sample())
    note = credit_note(sent, "SGE-0002", date(2024, 6, 1))
    assert note.is_credit_note and note.corrects == "SGE-0001"
    assert note.aid_amount == D("-12345.67")
    assert note.gst == -sent.gst and note.qst == -sent.qst and note.total == -sent.total
    partial = credit_note(sent, "SGE-0003", date(2024, 6, 1), D("100"))
    assert partial.aid_amount == D("-100")
    with pytest.raises(SgeInputError):
        credit_note(sample(), "SGE-0002", date(2024, 6, 1))
    with pytest.raises(SgeInputError):
        credit_note(sent, "SGE-0002", date(2024, 6, 1), D("20000"))


def good_json(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "beneficiary": {
            "name": "Fonderie",
            "address": "1 rue A",
            "gst_number": "123456789 RT 0001",
            "qst_number": "1234567890 TQ 0001",
        },
        "work_address": "2 rue B",
        "energir_file_number": "F-1",
        "invoice_date": "2024-05-02",
        "phase": "implementation_other",
        "aid_amount": 50000.10,
    }
    data.update(overrides)
    return data


def test_parse_json_with_next_number_and_decimal() -> None:
    inv = parse_invoice_json(json.dumps(good_json()), existing_numbers=["SGE-0007"])
    assert inv.invoice_number == "SGE-0008"
    assert inv.aid_amount == D("50000.10")
    assert inv.phase is Phase.IMPLEMENTATION_OTHER and inv.language == "fr"
    en = parse_invoice_json(json.dumps(good_json(invoice_number="A-1", language="en", aid_amount="1 000,50")))
    assert en.invoice_number == "A-1" and en.language == "en" and en.aid_amount == D("1000.50")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"phase": "phase9"}, "phase"),
        ({"invoice_date": "02/05/2024"}, "invoice_date"),
        ({"aid_amount": "beaucoup"}, "aid_amount"),
        ({"aid_amount": -5}, "aid_amount"),
        ({"aid_amount": 1.005}, "aid_amount"),
        ({"work_address": ""}, "work_address"),
        ({"energir_file_number": 12}, "energir_file_number"),
        ({"language": "de"}, "language"),
        ({"aid_amout": 1}, "aid_amout"),
        ({"beneficiary": {"name": "X", "address": "Y", "gst_number": "Z"}}, "beneficiary.qst_number"),
        ({"beneficiary": "X"}, "beneficiary"),
    ],
)
def test_parse_json_errors_name_the_field(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(SgeInputError) as info:
        parse_invoice_json(json.dumps(good_json(**overrides)))
    assert info.value.field == field
    assert field in str(info.value)


def test_parse_json_missing_field_and_bad_json() -> None:
    data = good_json()
    del data["aid_amount"]
    with pytest.raises(SgeInputError) as info:
        parse_invoice_json(json.dumps(data))
    assert info.value.field == "aid_amount"
    with pytest.raises(SgeInputError) as info:
        parse_invoice_json("{")
    assert "line 1" in info.value.message_en
