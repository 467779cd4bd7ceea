"""The invoice's rules: amounts against the aid statement and Énergir's accepted aid, one payment for the
diagnostic, caps of the accepted aid, dated tax rates, registration-number formats, chosen status dates, credit
notes naming their original, and messages in the user's words with money formatted for the language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from espm_desktop.core.sge import taxes
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import (
    Beneficiary,
    InvoiceDocument,
    InvoicedSoFar,
    InvoiceStatus,
    PaymentInvoice,
    check_accepted_aid,
    check_invoice_amount,
    check_status_date,
    credit_note,
    invoice_document,
    mark_sent,
    validate_invoice,
)
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.statement import (
    DiagnosticInput,
    ImplementationInput,
    PartInput,
    SavingsFollowUpInput,
    SavingsYearInput,
    StatementInput,
    aid_statement,
)

NBSP = "\u00a0"


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def invoice(phase: Phase = Phase.IMPLEMENTATION_METERING, amount: str = "60000.00", year: int | None = 1,
            **changes: object) -> PaymentInvoice:  # fmt: skip
    base = PaymentInvoice(
        beneficiary=Beneficiary(
            "Fonderie Laval inc.", "100, rue de l'Industrie", "123456789 RT 0001", "1234567890 TQ 0001"
        ),  # fmt: skip
        work_address="100, rue de l'Industrie",
        energir_file_number="SGE-2024-0042",
        invoice_number="SGE-0001",
        invoice_date=date(2025, 3, 3),
        phase=phase,
        aid_amount=D(amount),
        program_year=year,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


STATEMENT = aid_statement(
    StatementInput(
        diagnostic=DiagnosticInput(D("40000")),  # 50 % = 20 000 $
        implementation=ImplementationInput(metering=PartInput((D("150000"),))),  # year 1 pays 75 000 $
        savings_follow_up=SavingsFollowUpInput(
            tuple(
                SavingsYearInput(D("1000000"), True) for _ in range(4)
            )  # 4 × 100 000 $, capped at 175 000 $
        ),
    )
)


def test_an_amount_above_the_accepted_aid_is_refused_with_what_remains() -> None:
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(invoice(), STATEMENT, D("43750.00"), InvoicedSoFar())
    assert "Il reste 43 750,00 $ d'aide acceptée pour la phase 4 – mesurage en continu, année 1." in plain(
        caught.value.message("fr")
    )
    assert (
        "$43,750.00 of accepted aid remains for phase 4 – continuous metering, year 1"
        in caught.value.message("en")
    )
    check_invoice_amount(invoice(amount="43750.00"), STATEMENT, D("43750.00"), InvoicedSoFar())


def test_what_was_invoiced_less_credit_notes_is_deducted() -> None:
    so_far = InvoicedSoFar(D("40000.00"))  # e.g. 50 000 invoiced, 10 000 credited
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(invoice(amount="3750.01"), STATEMENT, D("43750.00"), so_far)
    assert "Il reste 3 750,00 $" in plain(caught.value.message("fr"))
    check_invoice_amount(invoice(amount="3750.00"), STATEMENT, D("43750.00"), so_far)


def test_phase_5_above_its_cap_is_refused() -> None:
    big = invoice(Phase.SAVINGS_FOLLOW_UP, "250000.00", year=4)
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(big, STATEMENT, D("175000.00"), InvoicedSoFar())
    assert "Il reste 175 000,00 $ d'aide acceptée pour la phase 5 – suivi des économies, année 4." in plain(
        caught.value.message("fr")
    )


def test_the_statement_limits_an_accepted_aid_it_does_not_support() -> None:
    # Énergir accepted 25 000 $ but the costs entered only support 20 000 $.
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(invoice(Phase.DIAGNOSTIC, "25000.00"), STATEMENT, D("25000.00"), InvoicedSoFar())
    assert "Il reste 20 000,00 $" in plain(caught.value.message("fr"))


def test_a_second_diagnostic_invoice_is_refused_until_the_first_is_credited() -> None:
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(
            invoice(Phase.DIAGNOSTIC, "100.00"),
            STATEMENT,
            D("20000.00"),
            InvoicedSoFar(D("5000"), "SGE-0001"),
        )
    assert "un seul versement" in caught.value.message("fr") and "SGE-0001" in caught.value.message("fr")
    check_invoice_amount(
        invoice(Phase.DIAGNOSTIC, "20000.00"), STATEMENT, D("20000.00"), InvoicedSoFar(D("0"))
    )


def test_no_accepted_aid_means_nothing_can_be_sent() -> None:
    with pytest.raises(SgeInputError) as caught:
        check_invoice_amount(invoice(amount="1.00"), STATEMENT, None, InvoicedSoFar())
    assert "avis d'acceptation" in caught.value.message("fr")


@pytest.mark.parametrize(
    ("phase", "amount", "cap"),
    [
        (Phase.IMPLEMENTATION_METERING, "80000", "75 000,00 $"),
        (Phase.IMPLEMENTATION_OTHER, "75000.01", "75 000,00 $"),
        (Phase.DIAGNOSTIC, "25000.01", "25 000,00 $"),
        (Phase.SAVINGS_FOLLOW_UP, "175000.01", "175 000,00 $"),
    ],
)
def test_an_accepted_aid_above_its_cap_is_refused(phase: Phase, amount: str, cap: str) -> None:
    with pytest.raises(SgeInputError) as caught:
        check_accepted_aid(phase, D(amount))
    assert f"plafond de {cap}" in plain(caught.value.message("fr"))
    check_accepted_aid(phase, D(cap.replace(" ", "").replace(",00$", "")))  # the cap itself is accepted
    check_accepted_aid(phase, None)


def test_taxes_are_taken_at_the_invoice_date_from_the_dated_table() -> None:
    assert taxes.rates_on(date(2025, 1, 1)) == taxes.RatesOnDate(D("0.05"), D("0.09975"))
    assert invoice(amount="1000.00").qst == D("99.75")
    with pytest.raises(SgeInputError) as caught:
        validate_invoice(invoice(amount="1000.00", invoice_date=date(2012, 12, 31)))
    assert "TVQ" in caught.value.message("fr") and "2013-01-01" in caught.value.message("fr")
    assert all(rate.source for rate in taxes.TAX_RATES)


def test_a_sent_invoice_keeps_its_rates_and_amounts_when_the_table_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = mark_sent(invoice(amount="1000.00"))
    monkeypatch.setattr(
        taxes, "TAX_RATES", (*taxes.TAX_RATES, taxes.TaxRate("qst", D("0.10"), date(2025, 1, 1), "test"))
    )
    assert invoice(amount="1000.00").qst == D("100.00")  # a draft follows the table
    assert (sent.qst_rate, sent.qst, sent.total) == (D("0.09975"), D("99.75"), D("1149.75"))
    again = InvoiceDocument.from_json(sent.document.to_json())  # type: ignore[union-attr]
    assert again == sent.document


@pytest.mark.parametrize(
    ("tax", "typed", "stored"),
    [
        ("gst", "123456789RT0001", "123456789 RT 0001"),
        ("gst", "123456789 rt 0001", "123456789 RT 0001"),
        ("gst", " 123456789  RT0001 ", "123456789 RT 0001"),
        ("qst", "1234567890TQ0001", "1234567890 TQ 0001"),
        ("qst", "1234567890 TQ 0001", "1234567890 TQ 0001"),
    ],
)
def test_registration_numbers_are_normalised(tax: str, typed: str, stored: str) -> None:
    assert taxes.normalise_registration_number(tax, typed) == stored


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("gst_number", "111 RT0001", "123456789 RT 0001"),
        ("gst_number", "123456789 TQ 0001", "123456789 RT 0001"),
        ("qst_number", "123456789 TQ 0001", "1234567890 TQ 0001"),
        ("qst_number", "1234567890 RT 0001", "1234567890 TQ 0001"),
    ],
)
def test_bad_registration_numbers_are_refused_with_the_format(field: str, value: str, expected: str) -> None:
    bad = invoice(amount="10.00")
    bad = replace(bad, beneficiary=replace(bad.beneficiary, **{field: value}))
    with pytest.raises(SgeInputError) as caught:
        validate_invoice(bad)
    assert f"format attendu {expected}" in caught.value.message("fr")
    assert f"expected {expected}" in caught.value.message("en")
    assert validate_invoice(invoice(amount="10.00")).beneficiary.gst_number == "123456789 RT 0001"


def test_messages_name_fields_in_the_users_words_and_format_money() -> None:
    missing = invoice(amount="10.00")
    missing = replace(missing, beneficiary=replace(missing.beneficiary, gst_number=" "))
    with pytest.raises(SgeInputError) as caught:
        validate_invoice(missing)
    assert "numéro de TPS" in caught.value.message("fr") and "GST number" in caught.value.message("en")
    assert "beneficiary" not in caught.value.message("fr") + caught.value.message("en")
    sent = mark_sent(invoice(amount="20000.00"))
    with pytest.raises(SgeInputError) as caught:
        credit_note(sent, "SGE-0002", date(2025, 3, 10), D("20000.01"))
    assert "20 000,00 $" in plain(caught.value.message("fr")) and "20000.00" not in caught.value.message("fr")
    assert "$20,000.00" in caught.value.message("en")


def test_a_credit_note_names_the_original_and_its_date_with_its_own_wording() -> None:
    sent = mark_sent(invoice(amount="20000.00"))
    note = credit_note(sent, "SGE-0002", date(2025, 3, 10))
    assert (note.corrects, note.corrects_date) == ("SGE-0001", date(2025, 3, 3))
    assert note.description("fr").startswith("Crédit sur l'aide financière facturée")
    assert note.description("en").startswith("Credit on the financial aid invoiced")
    doc = invoice_document(note)
    assert doc.draft and doc.corrects == "SGE-0001" and doc.corrects_date == date(2025, 3, 3)
    with pytest.raises(SgeInputError):
        credit_note(sent, "SGE-0003", date(2025, 3, 1))  # before the invoice it corrects
    with pytest.raises(SgeInputError):
        credit_note(sent, "SGE-0003", date(2025, 3, 10), already_credited=D("-20000.00"))  # nothing left


def test_sent_and_paid_dates_are_chosen_never_in_the_future_nor_before_the_invoice() -> None:
    today = date(2025, 3, 20)
    draft = invoice(amount="10.00")
    check_status_date("sent", date(2025, 3, 3), draft, today)
    check_status_date("sent", today, draft, today)
    with pytest.raises(SgeInputError) as caught:
        check_status_date("sent", date(2025, 3, 21), draft, today)
    assert "futur" in caught.value.message("fr")
    with pytest.raises(SgeInputError):
        check_status_date("sent", date(2025, 3, 2), draft, today)
    with pytest.raises(SgeInputError):
        check_status_date("paid", date(2025, 3, 4), draft, today, sent_on=date(2025, 3, 5))


def test_a_draft_document_is_marked_and_a_sent_one_is_not() -> None:
    assert invoice_document(invoice(amount="10.00")).draft
    sent = mark_sent(invoice(amount="10.00"))
    assert sent.status is InvoiceStatus.SENT and sent.document is not None and not sent.document.draft
