"""An invoice's life: its number in the beneficiary's sequence, edits while a draft, sent (frozen), paid, and
corrected by a credit note."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.sge.common import SgeInputError, money
from espm_desktop.core.sge.invoice_checks import money_shown, validate_invoice
from espm_desktop.core.sge.invoice_model import ZERO, InvoiceStatus, PaymentInvoice, invoice_document

DEFAULT_NUMBER_PREFIX = "SGE-"
DEFAULT_NUMBER_WIDTH = 4


class InvoiceLockedError(SgeInputError):
    """A sent or paid invoice was about to change."""


_STATUS_NAMES = {
    InvoiceStatus.DRAFT: N_("draft"),
    InvoiceStatus.SENT: N_("sent"),
    InvoiceStatus.PAID: N_("paid"),
}


def _status_name(status: InvoiceStatus) -> Message:
    return Message(_STATUS_NAMES[status])


def _locked(invoice: PaymentInvoice) -> InvoiceLockedError:
    return InvoiceLockedError(
        "status",
        message(
            "Invoice {number} is '{status}' and can no longer be edited. Issue a credit note, then a new invoice.",
            number=invoice.invoice_number,
            status=_status_name(invoice.status),
        ),
    )


_TRAILING_DIGITS = re.compile(r"^(.*?)(\d+)$")


def next_invoice_number(existing_numbers: Iterable[str], prefix: str = DEFAULT_NUMBER_PREFIX) -> str:
    """One past the highest number already used for this beneficiary, keeping its prefix and width.

    Gaps are not filled: a number once issued (even on a cancelled invoice) is never given again.
    """
    best: tuple[int, str, int] | None = None
    for raw in existing_numbers:
        match = _TRAILING_DIGITS.match(raw.strip())
        if match is None:
            continue
        head, digits = match.group(1), match.group(2)
        value = int(digits)
        if best is None or value > best[0]:
            best = (value, head, len(digits))
    if best is None:
        return f"{prefix}{1:0{DEFAULT_NUMBER_WIDTH}d}"
    value, head, width = best
    return f"{head}{value + 1:0{width}d}"


def edit_invoice(invoice: PaymentInvoice, **changes: Any) -> PaymentInvoice:
    """A changed copy of a draft invoice; sent and paid invoices refuse."""
    if invoice.status is not InvoiceStatus.DRAFT:
        raise _locked(invoice)
    if "status" in changes:
        raise SgeInputError("status", message("Change the status with mark_sent or mark_paid."))
    return validate_invoice(replace(invoice, **changes))


def mark_sent(invoice: PaymentInvoice) -> PaymentInvoice:
    """The invoice as sent: checked, with its document frozen (every printed field, rates and amounts)."""
    if invoice.status is not InvoiceStatus.DRAFT:
        raise _locked(invoice)
    sent = replace(validate_invoice(invoice), status=InvoiceStatus.SENT)
    return replace(sent, document=invoice_document(sent))


def mark_paid(invoice: PaymentInvoice) -> PaymentInvoice:
    if invoice.status is not InvoiceStatus.SENT:
        raise SgeInputError(
            "status",
            message(
                "Only a sent invoice can be marked paid (invoice {number} is '{status}').",
                number=invoice.invoice_number,
                status=_status_name(invoice.status),
            ),
        )
    return replace(invoice, status=InvoiceStatus.PAID)


def credit_note(
    original: PaymentInvoice,
    number: str,
    note_date: date,
    amount: Decimal | None = None,
    already_credited: Decimal = ZERO,
) -> PaymentInvoice:
    """A draft credit note cancelling `amount` (default: all that is not credited yet) of a sent or paid invoice.

    It names the original's number and date and reverses the tax at the original's rates.
    """
    if original.status is InvoiceStatus.DRAFT:
        raise SgeInputError(
            "status",
            message(
                "Invoice {number} is a draft: edit it instead of issuing a credit note.",
                number=original.invoice_number,
            ),
        )
    if original.is_credit_note:
        raise SgeInputError("corrects", message("A credit note cannot itself be credited."))
    creditable = original.aid_amount - abs(already_credited)
    credited = creditable if amount is None else abs(amount)
    if credited > creditable or credited <= 0:
        raise SgeInputError(
            "amount",
            message(
                "The credited amount ({amount}) must be between $0.01 and {most}, what remains of invoice {number} "
                "after its credit notes.",
                amount=money_shown(credited),
                most=money(creditable),
                number=original.invoice_number,
            ),
        )
    if note_date < original.invoice_date:
        raise SgeInputError(
            "invoice_date",
            message(
                "The credit note ({day}) cannot be dated before invoice {number} ({original}).",
                day=note_date.isoformat(),
                number=original.invoice_number,
                original=original.invoice_date.isoformat(),
            ),
        )
    return validate_invoice(
        replace(
            original,
            invoice_number=number,
            invoice_date=note_date,
            aid_amount=-credited,
            status=InvoiceStatus.DRAFT,
            corrects=original.invoice_number,
            corrects_date=original.invoice_date,
            rates=(original.gst_rate, original.qst_rate),
            document=None,
        )
    )
