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
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from espm_desktop.core.i18n import N_, Message, _, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import SgeInputError, joined, money, to_cents, to_decimal
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.statement import AidStatement, locate, remaining
from espm_desktop.core.sge.taxes import normalise_registration_number, rates_on

DEFAULT_NUMBER_PREFIX = "SGE-"
DEFAULT_NUMBER_WIDTH = 4
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
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

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


def _label(field: str) -> Message | str:
    """A field as a message names it; an unknown key is shown as it is."""
    label = FIELD_LABELS.get(field)
    return field if label is None else Message(label)


def field_label(field: str, language: str = "fr") -> str:
    label = FIELD_LABELS.get(field)
    return field if label is None else _(label, _lang(language))


def _phase_where(phase: Phase, year: int | None) -> Message:
    """« phase 4 – mesurage en continu, année 1 »: the phase (and program year) as a sentence names it."""
    name = Message(PHASE_SHORT_NAMES[phase])
    if year is None or phase is Phase.DIAGNOSTIC:
        return name
    return message("{label}, year {year}", label=name, year=str(year))


def phase_short_name(phase: Phase, year: int | None, language: str = "fr") -> str:
    return _phase_where(phase, year).text(_lang(language))


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


def _require_text(value: str, field: str) -> str:
    if not value.strip():
        raise SgeInputError(
            field,
            message("The {label} is required on the invoice (SGÉ guide, Appendix D).", label=_label(field)),
        )
    return value.strip()


def _shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message, shortened so that a huge input does not make a huge message."""
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _money_shown(amount: Decimal) -> object:
    """An amount in a message: formatted for the language when it is a plausible amount, else quoted."""
    if amount.is_finite() and abs(amount) < MAX_AID_AMOUNT * 1000:
        return money(amount) if amount == to_cents(amount) else _shown(amount)
    return _shown(amount)


def _check_text(value: str, field: str) -> None:
    """Refuse control characters, unpaired surrogates and text longer than the field's limit."""
    per_line, max_lines = TEXT_LIMITS.get(field, (MAX_TEXT_CHARS, 1))
    label = _label(field)
    for char in value:
        allowed_break = max_lines > 1 and char in "\r\n"
        if allowed_break:
            continue
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or char in _BIDI_CONTROLS:
            if char in "\r\n":
                problem = message(
                    "The {label} contains a control or invisible character (U+{code}): remove it (a line break "
                    "is allowed only in an address).",
                    label=label,
                    code=f"{code:04X}",
                )
            else:
                problem = message(
                    "The {label} contains a control or invisible character (U+{code}): remove it.",
                    label=label,
                    code=f"{code:04X}",
                )
            raise SgeInputError(field, problem)
    lines = [line for line in value.splitlines() if line.strip()] if max_lines > 1 else [value]
    if len(lines) > max_lines:
        raise SgeInputError(
            field,
            message(
                "The {label} has {lines} lines; at most {most} are allowed.",
                label=label,
                lines=str(len(lines)),
                most=str(max_lines),
            ),
        )
    longest = max((len(line) for line in lines), default=0)
    if longest > per_line:
        if max_lines > 1:
            problem = message(
                "The {label}: a line of {length} characters; at most {most} are allowed.",
                label=label,
                length=str(longest),
                most=str(per_line),
            )
        else:
            problem = message(
                "The {label}: {length} characters; at most {most} are allowed.",
                label=label,
                length=str(longest),
                most=str(per_line),
            )
        raise SgeInputError(field, problem)


def validate_invoice(invoice: PaymentInvoice) -> PaymentInvoice:
    """Check every item Annexe D requires; raise SgeInputError naming the first bad field.

    Returns the invoice with its GST and QST numbers written the one way they are stored and printed.
    """
    for value, field in (
        (invoice.beneficiary.name, "beneficiary.name"),
        (invoice.beneficiary.address, "beneficiary.address"),
        (invoice.beneficiary.gst_number, "beneficiary.gst_number"),
        (invoice.beneficiary.qst_number, "beneficiary.qst_number"),
        (invoice.work_address, "work_address"),
        (invoice.energir_file_number, "energir_file_number"),
        (invoice.invoice_number, "invoice_number"),
    ):
        _check_text(_require_text(value, field), field)
    if invoice.language not in ("fr", "en"):
        raise SgeInputError(
            "language", message("Unknown language {value}: use 'fr' or 'en'.", value=_shown(invoice.language))
        )
    amount = invoice.aid_amount
    if not amount.is_finite() or abs(amount) >= MAX_AID_AMOUNT:
        raise SgeInputError(
            "aid_amount",
            message(
                "The aid amount {amount} is not plausible: it must be under {limit}. Enter the amount of "
                "Énergir's acceptance notice.",
                amount=_shown(amount),
                limit=money(MAX_AID_AMOUNT),
            ),
        )
    if amount != to_cents(amount):
        raise SgeInputError(
            "aid_amount",
            message(
                "The aid amount {amount} has more than two decimals: enter the dollars-and-cents amount of the "
                "acceptance notice.",
                amount=_shown(amount),
            ),
        )
    if invoice.is_credit_note and amount >= 0:
        raise SgeInputError("aid_amount", message("A credit note carries a negative amount."))
    if not invoice.is_credit_note and amount <= 0:
        raise SgeInputError(
            "aid_amount",
            message("The aid amount must be positive (got {amount}).", amount=_money_shown(amount)),
        )
    if invoice.program_year is not None and not 1 <= invoice.program_year <= 5:
        raise SgeInputError(
            "program_year",
            message("Program year {year}: enter a year from 1 to 5.", year=str(invoice.program_year)),
        )
    if invoice.document is None and invoice.rates is None:
        rates_on(invoice.invoice_date)  # refuses a date before the known tax rates
    gst_number = normalise_registration_number("gst", invoice.beneficiary.gst_number)
    qst_number = normalise_registration_number("qst", invoice.beneficiary.qst_number)
    return replace(
        invoice, beneficiary=replace(invoice.beneficiary, gst_number=gst_number, qst_number=qst_number)
    )


# --- the amount rules, against the participant's aid statement ------------------------------------------------
@dataclass(frozen=True, slots=True)
class InvoicedSoFar:
    """What sent and paid invoices of one phase already claimed (credit notes deducted), for the checks."""

    amount: Decimal = ZERO
    one_payment_taken_by: str | None = None  # the number of an uncredited invoice of a one-payment phase


def check_accepted_aid(phase: Phase, amount: Decimal | None) -> None:
    """Énergir's accepted aid for a phase can't be negative nor above the phase's cap (the guide's Tableau 1/3)."""
    if amount is None:
        return
    cap, source = PHASE_CAPS[phase]
    where = _phase_where(phase, None)
    if amount < 0 or amount != to_cents(amount):
        raise SgeInputError(
            "accepted_aid_amount",
            message(
                "Accepted aid of {amount} for {phase}: enter a positive dollars-and-cents amount, the one of "
                "Énergir's acceptance notice.",
                amount=_money_shown(amount),
                phase=where,
            ),
        )
    if amount > cap:
        raise SgeInputError(
            "accepted_aid_amount",
            message(
                "The accepted aid of {amount} is above the {cap} cap of {phase} ({source}). Check Énergir's "
                "acceptance notice.",
                amount=money(amount),
                cap=money(cap),
                phase=where,
                source=source.message,
            ),
        )


def check_invoice_amount(
    invoice: PaymentInvoice, statement: AidStatement, accepted_aid: Decimal | None, so_far: InvoicedSoFar
) -> None:
    """Refuse an invoice that claims more than remains of the aid, or a second one for a one-payment phase."""
    if invoice.is_credit_note:
        return
    phase, year = invoice.phase, invoice.program_year
    where = _phase_where(phase, year)
    if accepted_aid is None:
        raise SgeInputError(
            "aid_amount",
            message(
                "No accepted aid is entered for {phase}: enter the amount of Énergir's acceptance notice "
                "('Phases and aid' tab) before sending the invoice (Appendix D).",
                phase=where,
            ),
        )
    if phase is Phase.DIAGNOSTIC and so_far.one_payment_taken_by is not None:
        raise SgeInputError(
            "phase",
            message(
                "The aid of {phase} is 'granted in one payment' ({source}) and invoice {taken} already claims it. "
                "To correct it, issue a credit note on invoice {taken}, then a new invoice.",
                phase=where,
                source=rules.DIAGNOSTIC_AID.message,
                taken=so_far.one_payment_taken_by,
            ),
        )
    which, part = locate(phase)
    allowed = remaining(statement, which, part, 1 if phase is Phase.DIAGNOSTIC else year, ZERO)
    left = min(allowed, accepted_aid) - so_far.amount
    if invoice.aid_amount <= left:
        return
    upto: Message | str = (
        "" if year is None or phase is Phase.DIAGNOSTIC else message(" up to year {year}", year=str(year))
    )
    raise SgeInputError(
        "aid_amount",
        message(
            "Invoice of {asked} refused. {left} of accepted aid remains for {phase}. (Aid accepted by Énergir: "
            "{accepted}; aid per the aid statement{upto}: {allowed}; already invoiced, credit notes deducted: "
            "{done}.) Enter at most {left}.",
            asked=money(invoice.aid_amount),
            left=money(max(left, ZERO)),
            phase=where,
            accepted=money(accepted_aid),
            upto=upto,
            allowed=money(allowed),
            done=money(so_far.amount),
        ),
    )


def check_status_date(
    kind: str, on: date, invoice: PaymentInvoice, today: date, sent_on: date | None = None
) -> None:
    """A sent or paid date is chosen by the user: never in the future, never before the invoice (or the sending)."""
    label = Message(N_("sending") if kind == "sent" else N_("payment"))
    if on > today:
        raise SgeInputError(
            f"{kind}_on",
            message(
                "The {label} date {day} is in the future: choose a date up to today ({today}).",
                label=label,
                day=on.isoformat(),
                today=today.isoformat(),
            ),
        )
    earliest = max(invoice.invoice_date, sent_on) if sent_on is not None else invoice.invoice_date
    if on < earliest:
        if sent_on is not None and sent_on > invoice.invoice_date:
            template = N_(
                "The {label} date {day} is before it was sent ({earliest}): choose that date or a later one."
            )
        else:
            template = N_(
                "The {label} date {day} is before the invoice date ({earliest}): choose that date or a later one."
            )
        raise SgeInputError(
            f"{kind}_on",
            Message(template, {"label": label, "day": on.isoformat(), "earliest": earliest.isoformat()}),
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
                amount=_money_shown(credited),
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


# --- JSON input of `espm-desktop invoice --json FILE` ----------------------------------------------------

_TOP_LEVEL_KEYS = {
    "beneficiary",
    "work_address",
    "energir_file_number",
    "invoice_number",
    "invoice_date",
    "phase",
    "aid_amount",
    "language",
}
_BENEFICIARY_KEYS = ("name", "address", "gst_number", "qst_number")


def _text(data: Mapping[str, object], key: str, field: str) -> str:
    if key not in data:
        raise SgeInputError(field, message("Field '{field}' is missing.", field=field))
    value = data[key]
    if not isinstance(value, str):
        raise SgeInputError(
            field, message("'{field}' must be a string (got {value}).", field=field, value=_shown(value))
        )
    if len(value) > MAX_TEXT_CHARS:
        raise SgeInputError(
            field,
            message(
                "'{field}' has {length} characters; at most {most} are allowed.",
                field=field,
                length=len(value),
                most=MAX_TEXT_CHARS,
            ),
        )
    _check_text(value, field)
    return _require_text(value, field)


def parse_invoice_data(data: object, existing_numbers: Iterable[str] = ()) -> PaymentInvoice:
    """Build a draft invoice from the CLI's JSON object; no invoice number means the next in sequence."""
    if not isinstance(data, Mapping):
        raise SgeInputError("(root)", message("The JSON file must contain an object { ... }."))
    unknown = sorted(set(map(str, data)) - _TOP_LEVEL_KEYS)
    if unknown:
        key = unknown[0] if len(unknown[0]) <= 60 else f"{unknown[0][:59]}…"
        raise SgeInputError(
            key,
            message(
                "Unknown field {name}: allowed fields are {allowed}.",
                name=_shown(unknown[0]),
                allowed=", ".join(sorted(_TOP_LEVEL_KEYS)),
            ),
        )
    raw_beneficiary = data.get("beneficiary")
    if not isinstance(raw_beneficiary, Mapping):
        raise SgeInputError(
            "beneficiary",
            message("'beneficiary' must be an object with name, address, gst_number and qst_number."),
        )
    name, address, gst_number, qst_number = (
        _text(raw_beneficiary, key, f"beneficiary.{key}") for key in _BENEFICIARY_KEYS
    )
    raw_date = _text(data, "invoice_date", "invoice_date")
    try:
        invoice_date = date.fromisoformat(raw_date)
    except ValueError:
        raise SgeInputError(
            "invoice_date",
            message("'invoice_date' must be a YYYY-MM-DD date (got {value}).", value=_shown(raw_date)),
        ) from None
    raw_phase = _text(data, "phase", "phase")
    try:
        phase = Phase(raw_phase)
    except ValueError:
        allowed = ", ".join(p.value for p in Phase)
        raise SgeInputError(
            "phase",
            message("Unknown phase {value}: use one of {allowed}.", value=_shown(raw_phase), allowed=allowed),
        ) from None
    if "aid_amount" not in data:
        raise SgeInputError("aid_amount", message("Field '{field}' is missing.", field="aid_amount"))
    raw_amount = data["aid_amount"]
    if isinstance(raw_amount, str | int | Decimal) and len(str(raw_amount)) > MAX_AMOUNT_CHARS:
        raise SgeInputError(
            "aid_amount",
            message(
                "'aid_amount' has more than {most} characters: enter the amount in dollars and cents.",
                most=str(MAX_AMOUNT_CHARS),
            ),
        )
    aid_amount = to_decimal(raw_amount, "aid_amount")
    number = (
        _text(data, "invoice_number", "invoice_number")
        if data.get("invoice_number") is not None
        else next_invoice_number(existing_numbers)
    )
    language = _text(data, "language", "language") if data.get("language") is not None else "fr"
    return validate_invoice(
        PaymentInvoice(
            beneficiary=Beneficiary(name, address, gst_number, qst_number),
            work_address=_text(data, "work_address", "work_address"),
            energir_file_number=_text(data, "energir_file_number", "energir_file_number"),
            invoice_number=number,
            invoice_date=invoice_date,
            phase=phase,
            aid_amount=aid_amount,
            language=language,
        )
    )


def parse_invoice_json(text: str, existing_numbers: Iterable[str] = ()) -> PaymentInvoice:
    """Parse the CLI's JSON text; numbers are read as Decimal so no cent is lost to floats."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except RecursionError:
        raise SgeInputError(
            "(json)", message("Invalid JSON: arrays and objects are nested too deeply.")
        ) from None
    except json.JSONDecodeError as exc:
        raise SgeInputError(
            "(json)",
            message(
                "Invalid JSON at line {line}, column {column}: {reason}.",
                line=str(exc.lineno),
                column=str(exc.colno),
                reason=exc.msg,
            ),
        ) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise SgeInputError("(json)", message("Invalid JSON: a number has too many digits.")) from None
    return parse_invoice_data(data, existing_numbers)
