"""The payment invoice a participant sends Énergir to be paid the aid (seed 001, Annexe D).

The beneficiary invoices Énergir for the aid amount plus GST and QST. Numbers run in sequence per
beneficiary and are never reused; once sent an invoice is frozen and corrected by a credit note.

Sending freezes the document: every printed field (names, addresses, registration numbers, file number, number and
date, the description in the invoice's language, the amount, the tax rates and amounts, the total and, for a credit
note, the original's number and date) is kept in an `InvoiceDocument`, stored once with the invoice, and every
reprint is drawn from it. Nothing of a sent invoice is recomputed: not the taxes (the rates change), not the
names (the participant's file changes).

An invoice is checked against the participant's aid statement (core/sge/statement.py) when it is marked sent:
its amount may not exceed what remains of the aid for its phase, part and program year (the lesser of what the
statement allows and Énergir's accepted aid, less what sent invoices already claimed, credit notes deducted), and
the diagnostic, paid « en un seul versement », takes one invoice. A draft may be saved over the remaining amount:
it is a working copy; it can't be sent until it fits.

The invoice's parts, one concept each: its data and frozen document (invoice_model), the checks of Annexe D and
of the aid statement (invoice_checks), its life from number to credit note (invoice_lifecycle), and the command
line's JSON input (invoice_json). Callers import them from here.
"""

from __future__ import annotations

from espm_desktop.core.sge.invoice_checks import (
    InvoicedSoFar,
    check_accepted_aid,
    check_invoice_amount,
    check_status_date,
    validate_invoice,
)
from espm_desktop.core.sge.invoice_json import (
    parse_invoice_data,
    parse_invoice_json,
)
from espm_desktop.core.sge.invoice_lifecycle import (
    DEFAULT_NUMBER_PREFIX,
    DEFAULT_NUMBER_WIDTH,
    InvoiceLockedError,
    credit_note,
    edit_invoice,
    mark_paid,
    mark_sent,
    next_invoice_number,
)
from espm_desktop.core.sge.invoice_model import (
    CREDIT_DESCRIPTION,
    FIELD_LABELS,
    MAX_AID_AMOUNT,
    MAX_AMOUNT_CHARS,
    MAX_TEXT_CHARS,
    PHASE_CAPS,
    PHASE_SHORT_NAMES,
    TEXT_LIMITS,
    ZERO,
    Beneficiary,
    InvoiceDocument,
    InvoiceStatus,
    PaymentInvoice,
    field_label,
    invoice_document,
    phase_short_name,
)

__all__ = [
    "Beneficiary",
    "CREDIT_DESCRIPTION",
    "DEFAULT_NUMBER_PREFIX",
    "DEFAULT_NUMBER_WIDTH",
    "FIELD_LABELS",
    "InvoiceDocument",
    "InvoiceLockedError",
    "InvoiceStatus",
    "InvoicedSoFar",
    "MAX_AID_AMOUNT",
    "MAX_AMOUNT_CHARS",
    "MAX_TEXT_CHARS",
    "PHASE_CAPS",
    "PHASE_SHORT_NAMES",
    "PaymentInvoice",
    "TEXT_LIMITS",
    "ZERO",
    "check_accepted_aid",
    "check_invoice_amount",
    "check_status_date",
    "credit_note",
    "edit_invoice",
    "field_label",
    "invoice_document",
    "mark_paid",
    "mark_sent",
    "next_invoice_number",
    "parse_invoice_data",
    "parse_invoice_json",
    "phase_short_name",
    "validate_invoice",
]
