"""The payment invoice's data: what the beneficiary invoices Énergir (seed 001, Annexe D), its fields' names and
limits, and the `InvoiceDocument` a sent invoice is frozen into (core/sge/invoice.py tells the whole story)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from espm_desktop.core.i18n import N_, Message, _, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import joined, to_cents
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.taxes import rates_on

ZERO = Decimal("0")

MAX_AID_AMOUNT = Decimal("1000000000")
"""Refused at and above: far beyond the largest SGÉ cap (rules.SAVINGS_CAP, 175 000 $), and within the 28
digits decimal arithmetic keeps exact, so the cents, taxes and total are computed without rounding."""
MAX_AMOUNT_CHARS = 50
"""Characters of an amount written as text ("1 000,50"), like a JSON number (io/json_input.py)."""
MAX_TEXT_CHARS = 2000
"""Any text of the JSON file, before the field limits below."""
# Per field: (characters per line, lines). Annexe D needs a name, postal addresses and registration numbers;
# GST numbers have 17 characters ("123456789 RT 0001"), QST numbers 18.
TEXT_LIMITS: dict[str, tuple[int, int]] = {
    "beneficiary.name": (200, 1),
    "beneficiary.address": (200, 6),
    "beneficiary.gst_number": (40, 1),
    "beneficiary.qst_number": (40, 1),
    "work_address": (200, 6),
    "energir_file_number": (60, 1),
    "invoice_number": (40, 1),
}
# What a person calls each field (messages never show the internal names).
FIELD_LABELS: dict[str, str] = {
    "beneficiary.name": N_("recipient's name"),
    "beneficiary.address": N_("recipient's address"),
    "beneficiary.gst_number": N_("GST number"),
    "beneficiary.qst_number": N_("QST number"),
    "work_address": N_("address of the work"),
    "energir_file_number": N_("Énergir file number"),
    "invoice_number": N_("invoice number"),
    "invoice_date": N_("invoice date"),
    "language": N_("language of the invoice"),
    "aid_amount": N_("aid amount"),
    "phase": N_("phase"),
}
# Invisible characters that reorder text (bidirectional overrides) could make a number read differently.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# A phase as a sentence names it: « pour la phase 4 – mesurage en continu, année 1 ».
PHASE_SHORT_NAMES: dict[Phase, str] = {
    Phase.DIAGNOSTIC: N_("phase 2 – diagnostic"),
    Phase.IMPLEMENTATION_METERING: N_("phase 4 – continuous metering"),
    Phase.IMPLEMENTATION_OTHER: N_("phase 4 – other components"),
    Phase.SAVINGS_FOLLOW_UP: N_("phase 5 – savings follow-up"),
}
PHASE_CAPS: dict[Phase, tuple[Decimal, rules.Citation]] = {
    Phase.DIAGNOSTIC: (rules.DIAGNOSTIC_CAP, rules.DIAGNOSTIC_AID),
    Phase.IMPLEMENTATION_METERING: (rules.METERING_CAP, rules.IMPLEMENTATION_AID),
    Phase.IMPLEMENTATION_OTHER: (rules.OTHER_COMPONENTS_CAP, rules.IMPLEMENTATION_AID),
    Phase.SAVINGS_FOLLOW_UP: (rules.SAVINGS_CAP, rules.SAVINGS_AID),
}
CREDIT_DESCRIPTION = N_("Credit on the financial aid invoiced (SGÉ component)")


def _lang(language: str) -> str:
    return "en" if language == "en" else "fr"


def label_message(field: str) -> Message | str:
    """A field as a message names it; an unknown key is shown as it is."""
    label = FIELD_LABELS.get(field)
    return field if label is None else Message(label)


def field_label(field: str, language: str = "fr") -> str:
    label = FIELD_LABELS.get(field)
    return field if label is None else _(label, _lang(language))


def phase_where(phase: Phase, year: int | None) -> Message:
    """« phase 4 – mesurage en continu, année 1 »: the phase (and program year) as a sentence names it."""
    name = Message(PHASE_SHORT_NAMES[phase])
    if year is None or phase is Phase.DIAGNOSTIC:
        return name
    return message("{label}, year {year}", label=name, year=str(year))


def phase_short_name(phase: Phase, year: int | None, language: str = "fr") -> str:
    return phase_where(phase, year).text(_lang(language))


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class Beneficiary:
    """The client receiving the aid, registered for GST and QST."""

    name: str
    address: str
    gst_number: str
    qst_number: str


@dataclass(frozen=True, slots=True)
class InvoiceDocument:
    """Every field an invoice prints, as printed: stored once when it is sent, and what every reprint draws."""

    language: str
    invoice_number: str
    invoice_date: date
    beneficiary_name: str
    beneficiary_address: str
    gst_number: str
    qst_number: str
    work_address: str
    energir_file_number: str
    grantor_name: str
    grantor_address: tuple[str, ...]
    send_to_email: str
    phase: str
    program_year: int | None
    description: str
    aid_amount: Decimal
    gst_rate: Decimal
    qst_rate: Decimal
    gst: Decimal
    qst: Decimal
    total: Decimal
    corrects: str | None = None  # the original invoice's number, on a credit note
    corrects_date: date | None = None
    draft: bool = False  # only on the document of a draft, drawn but never stored

    @property
    def is_credit_note(self) -> bool:
        return self.corrects is not None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values: amounts and rates as exact decimal text, dates as ISO text."""
        out: dict[str, Any] = {"version": 1}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        del out["draft"]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InvoiceDocument:
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "draft":
                continue
            raw = data.get(f.name)
            if f.name in ("invoice_date", "corrects_date"):
                values[f.name] = date.fromisoformat(raw) if raw else None
            elif f.name in ("aid_amount", "gst_rate", "qst_rate", "gst", "qst", "total"):
                values[f.name] = Decimal(str(raw))
            elif f.name == "grantor_address":
                values[f.name] = tuple(str(line) for line in raw or ())
            else:
                values[f.name] = raw
        return cls(**values)


@dataclass(frozen=True, slots=True)
class PaymentInvoice:
    """An invoice (positive amount) or a credit note (negative amount, `corrects` = original number).

    `document` is set once the invoice is sent: its amounts and texts are then read from it, never recomputed.
    `rates` overrides the rates of the invoice date (a credit note reverses the tax at its original's rates).
    """

    beneficiary: Beneficiary
    work_address: str
    energir_file_number: str
    invoice_number: str
    invoice_date: date
    phase: Phase
    aid_amount: Decimal
    language: str = "fr"
    status: InvoiceStatus = InvoiceStatus.DRAFT
    corrects: str | None = None
    corrects_date: date | None = None
    program_year: int | None = None
    rates: tuple[Decimal, Decimal] | None = None
    document: InvoiceDocument | None = None

    @property
    def is_credit_note(self) -> bool:
        return self.corrects is not None

    @property
    def gst_rate(self) -> Decimal:
        if self.document is not None:
            return self.document.gst_rate
        return self.rates[0] if self.rates is not None else rates_on(self.invoice_date).gst

    @property
    def qst_rate(self) -> Decimal:
        if self.document is not None:
            return self.document.qst_rate
        return self.rates[1] if self.rates is not None else rates_on(self.invoice_date).qst

    @property
    def gst(self) -> Decimal:
        if self.document is not None:
            return self.document.gst
        return to_cents(self.aid_amount * self.gst_rate)

    @property
    def qst(self) -> Decimal:
        if self.document is not None:
            return self.document.qst
        return to_cents(self.aid_amount * self.qst_rate)

    @property
    def total(self) -> Decimal:
        if self.document is not None:
            return self.document.total
        return self.aid_amount + self.gst + self.qst

    @property
    def grantor(self) -> str:
        return rules.GRANTOR_NAME

    def description(self, language: str | None = None) -> str:
        """« Aide financière relative au volet SGÉ » followed by the phase (Annexe D); a credit note says so."""
        lang = _lang(language or self.language)
        base = CREDIT_DESCRIPTION if self.is_credit_note else rules.INVOICE_DESCRIPTION
        text = joined(Message(base), " – ", Message(rules.PHASE_NAMES[self.phase])).text(lang)
        if self.program_year is not None and self.phase is not Phase.DIAGNOSTIC:
            text += message(", program year {year}", year=str(self.program_year)).text(lang)
        return text


def invoice_document(invoice: PaymentInvoice) -> InvoiceDocument:
    """What the invoice prints: its frozen document once sent, else the document as it would be sent now."""
    if invoice.document is not None:
        return invoice.document
    b = invoice.beneficiary
    return InvoiceDocument(
        language=invoice.language,
        invoice_number=invoice.invoice_number,
        invoice_date=invoice.invoice_date,
        beneficiary_name=b.name,
        beneficiary_address=b.address,
        gst_number=b.gst_number,
        qst_number=b.qst_number,
        work_address=invoice.work_address,
        energir_file_number=invoice.energir_file_number,
        grantor_name=rules.GRANTOR_NAME,
        grantor_address=tuple(rules.SEND_TO_POSTAL_LINES),
        send_to_email=rules.SEND_TO_EMAIL,
        phase=invoice.phase.value,
        program_year=invoice.program_year,
        description=invoice.description(),
        aid_amount=invoice.aid_amount,
        gst_rate=invoice.gst_rate,
        qst_rate=invoice.qst_rate,
        gst=invoice.gst,
        qst=invoice.qst,
        total=invoice.total,
        corrects=invoice.corrects,
        corrects_date=invoice.corrects_date,
        draft=invoice.status is InvoiceStatus.DRAFT,
    )
