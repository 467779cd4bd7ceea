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

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import SgeInputError, format_money, to_cents, to_decimal
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
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "beneficiary.name": ("nom du bénéficiaire", "recipient's name"),
    "beneficiary.address": ("adresse du bénéficiaire", "recipient's address"),
    "beneficiary.gst_number": ("numéro de TPS", "GST number"),
    "beneficiary.qst_number": ("numéro de TVQ", "QST number"),
    "work_address": ("adresse des travaux", "address of the work"),
    "energir_file_number": ("numéro de dossier Énergir", "Énergir file number"),
    "invoice_number": ("numéro de facture", "invoice number"),
    "invoice_date": ("date de facturation", "invoice date"),
    "language": ("langue de la facture", "language of the invoice"),
    "aid_amount": ("montant de l'aide", "aid amount"),
    "phase": ("phase", "phase"),
}
# Invisible characters that reorder text (bidirectional overrides) could make a number read differently.
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# A phase as a sentence names it: « pour la phase 4 – mesurage en continu, année 1 ».
PHASE_SHORT_NAMES: dict[Phase, tuple[str, str]] = {
    Phase.DIAGNOSTIC: ("phase 2 – diagnostic", "phase 2 – diagnostic"),
    Phase.IMPLEMENTATION_METERING: ("phase 4 – mesurage en continu", "phase 4 – continuous metering"),
    Phase.IMPLEMENTATION_OTHER: ("phase 4 – autres composantes", "phase 4 – other components"),
    Phase.SAVINGS_FOLLOW_UP: ("phase 5 – suivi des économies", "phase 5 – savings follow-up"),
}
PHASE_CAPS: dict[Phase, tuple[Decimal, rules.Citation]] = {
    Phase.DIAGNOSTIC: (rules.DIAGNOSTIC_CAP, rules.DIAGNOSTIC_AID),
    Phase.IMPLEMENTATION_METERING: (rules.METERING_CAP, rules.IMPLEMENTATION_AID),
    Phase.IMPLEMENTATION_OTHER: (rules.OTHER_COMPONENTS_CAP, rules.IMPLEMENTATION_AID),
    Phase.SAVINGS_FOLLOW_UP: (rules.SAVINGS_CAP, rules.SAVINGS_AID),
}
CREDIT_DESCRIPTION_FR = "Crédit sur l'aide financière facturée (volet SGÉ)"
CREDIT_DESCRIPTION_EN = "Credit on the financial aid invoiced (SGÉ component)"


def field_label(field: str, language: str = "fr") -> str:
    fr, en = FIELD_LABELS.get(field, (field, field))
    return en if language == "en" else fr


def phase_short_name(phase: Phase, year: int | None, language: str = "fr") -> str:
    fr, en = PHASE_SHORT_NAMES[phase]
    if year is None or phase is Phase.DIAGNOSTIC:
        return en if language == "en" else fr
    return f"{en}, year {year}" if language == "en" else f"{fr}, année {year}"


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
        lang = language or self.language
        if self.is_credit_note:
            base = CREDIT_DESCRIPTION_EN if lang == "en" else CREDIT_DESCRIPTION_FR
        else:
            base = rules.INVOICE_DESCRIPTION_EN if lang == "en" else rules.INVOICE_DESCRIPTION_FR
        text = f"{base} – {rules.phase_name(self.phase, lang)}"
        if self.program_year is not None and self.phase is not Phase.DIAGNOSTIC:
            text += f", program year {self.program_year}" if lang == "en" else f", année {self.program_year}"
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


def _status_name(status: InvoiceStatus, language: str) -> str:
    names = {InvoiceStatus.DRAFT: ("brouillon", "draft"), InvoiceStatus.SENT: ("envoyée", "sent"),
             InvoiceStatus.PAID: ("payée", "paid")}  # fmt: skip
    fr, en = names[status]
    return en if language == "en" else fr


def _locked(invoice: PaymentInvoice) -> InvoiceLockedError:
    return InvoiceLockedError(
        "status",
        f"La facture {invoice.invoice_number} est « {_status_name(invoice.status, 'fr')} » : elle ne peut plus "
        "être modifiée. Émettez une note de crédit puis une nouvelle facture.",
        f"Invoice {invoice.invoice_number} is '{_status_name(invoice.status, 'en')}' and can no longer be edited. "
        "Issue a credit note, then a new invoice.",
    )


def _require_text(value: str, field: str) -> str:
    if not value.strip():
        raise SgeInputError(
            field,
            f"Le champ « {field_label(field, 'fr')} » est obligatoire sur la facture (Annexe D du guide SGÉ).",
            f"The {field_label(field, 'en')} is required on the invoice (SGÉ guide, Appendix D).",
        )
    return value.strip()


def _shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message, shortened so that a huge input does not make a huge message."""
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _money_shown(amount: Decimal, language: str) -> str:
    """An amount in a message: formatted for the language when it is a plausible amount, else quoted."""
    if amount.is_finite() and abs(amount) < MAX_AID_AMOUNT * 1000:
        return format_money(amount, language) if amount == to_cents(amount) else _shown(amount)
    return _shown(amount)


def _check_text(value: str, field: str) -> None:
    """Refuse control characters, unpaired surrogates and text longer than the field's limit."""
    per_line, max_lines = TEXT_LIMITS.get(field, (MAX_TEXT_CHARS, 1))
    fr_name, en_name = field_label(field, "fr"), field_label(field, "en")
    for char in value:
        allowed_break = max_lines > 1 and char in "\r\n"
        if allowed_break:
            continue
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or char in _BIDI_CONTROLS:
            raise SgeInputError(
                field,
                f"Le champ « {fr_name} » contient un caractère de contrôle ou invisible (U+{code:04X}) : "
                "retirez-le"
                + (" (un saut de ligne n'est permis que dans une adresse)." if char in "\r\n" else "."),
                f"The {en_name} contains a control or invisible character (U+{code:04X}): remove it"
                + (" (a line break is allowed only in an address)." if char in "\r\n" else "."),
            )
    lines = [line for line in value.splitlines() if line.strip()] if max_lines > 1 else [value]
    if len(lines) > max_lines:
        raise SgeInputError(
            field,
            f"Le champ « {fr_name} » a {len(lines)} lignes ; au plus {max_lines} sont permises.",
            f"The {en_name} has {len(lines)} lines; at most {max_lines} are allowed.",
        )
    longest = max((len(line) for line in lines), default=0)
    if longest > per_line:
        what_fr, what_en = ("une ligne de ", "a line of ") if max_lines > 1 else ("", "")
        raise SgeInputError(
            field,
            f"Le champ « {fr_name} » : {what_fr}{longest} caractères ; au plus {per_line} sont permis.",
            f"The {en_name}: {what_en}{longest} characters; at most {per_line} are allowed.",
        )


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
            "language",
            f"Langue {_shown(invoice.language)} inconnue : utilisez « fr » ou « en ».",
            f"Unknown language {_shown(invoice.language)}: use 'fr' or 'en'.",
        )
    amount = invoice.aid_amount
    if not amount.is_finite() or abs(amount) >= MAX_AID_AMOUNT:
        raise SgeInputError(
            "aid_amount",
            f"Le montant d'aide {_shown(amount)} n'est pas plausible : il doit être inférieur à "
            f"{format_money(MAX_AID_AMOUNT, 'fr')}. Inscrivez le montant de l'avis d'acceptation d'Énergir.",
            f"The aid amount {_shown(amount)} is not plausible: it must be under "
            f"{format_money(MAX_AID_AMOUNT, 'en')}. Enter the amount of Énergir's acceptance notice.",
        )
    if amount != to_cents(amount):
        raise SgeInputError(
            "aid_amount",
            f"Le montant d'aide {_shown(amount)} a plus de deux décimales : inscrivez le montant en dollars et "
            "cents de l'avis d'acceptation.",
            f"The aid amount {_shown(amount)} has more than two decimals: enter the dollars-and-cents amount of "
            "the acceptance notice.",
        )
    if invoice.is_credit_note and amount >= 0:
        raise SgeInputError(
            "aid_amount",
            "Une note de crédit porte un montant négatif.",
            "A credit note carries a negative amount.",
        )
    if not invoice.is_credit_note and amount <= 0:
        raise SgeInputError(
            "aid_amount",
            f"Le montant d'aide doit être positif (reçu : {_money_shown(amount, 'fr')}).",
            f"The aid amount must be positive (got {_money_shown(amount, 'en')}).",
        )
    if invoice.program_year is not None and not 1 <= invoice.program_year <= 5:
        raise SgeInputError(
            "program_year",
            f"Année de programme {invoice.program_year} : inscrivez une année de 1 à 5.",
            f"Program year {invoice.program_year}: enter a year from 1 to 5.",
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
    where_fr, where_en = phase_short_name(phase, None, "fr"), phase_short_name(phase, None, "en")
    if amount < 0 or amount != to_cents(amount):
        raise SgeInputError(
            "accepted_aid_amount",
            f"Aide acceptée de {_money_shown(amount, 'fr')} pour la {where_fr} : inscrivez un montant positif en "
            "dollars et cents, celui de l'avis d'acceptation d'Énergir.",
            f"Accepted aid of {_money_shown(amount, 'en')} for {where_en}: enter a positive dollars-and-cents "
            "amount, the one of Énergir's acceptance notice.",
        )
    if amount > cap:
        raise SgeInputError(
            "accepted_aid_amount",
            f"L'aide acceptée de {format_money(amount, 'fr')} dépasse le plafond de {format_money(cap, 'fr')} de "
            f"la {where_fr} ({source.text('fr')}). Vérifiez l'avis d'acceptation d'Énergir.",
            f"The accepted aid of {format_money(amount, 'en')} is above the {format_money(cap, 'en')} cap of "
            f"{where_en} ({source.text('en')}). Check Énergir's acceptance notice.",
        )


def check_invoice_amount(
    invoice: PaymentInvoice, statement: AidStatement, accepted_aid: Decimal | None, so_far: InvoicedSoFar
) -> None:
    """Refuse an invoice that claims more than remains of the aid, or a second one for a one-payment phase."""
    if invoice.is_credit_note:
        return
    phase, year = invoice.phase, invoice.program_year
    where_fr, where_en = phase_short_name(phase, year, "fr"), phase_short_name(phase, year, "en")
    if accepted_aid is None:
        raise SgeInputError(
            "aid_amount",
            f"Aucune aide acceptée n'est inscrite pour la {where_fr} : inscrivez le montant de l'avis "
            "d'acceptation d'Énergir (onglet « Phases et aide ») avant d'envoyer la facture (Annexe D).",
            f"No accepted aid is entered for {where_en}: enter the amount of Énergir's acceptance notice "
            "('Phases and aid' tab) before sending the invoice (Appendix D).",
        )
    if phase is Phase.DIAGNOSTIC and so_far.one_payment_taken_by is not None:
        taken = so_far.one_payment_taken_by
        raise SgeInputError(
            "phase",
            f"L'aide de la {where_fr} est « octroyée en un seul versement » ({rules.DIAGNOSTIC_AID.text('fr')}) "
            f"et la facture {taken} la réclame déjà. Pour la corriger, émettez une note de crédit sur la facture "
            f"{taken}, puis une nouvelle facture.",
            f"The aid of {where_en} is 'granted in one payment' ({rules.DIAGNOSTIC_AID.text('en')}) and invoice "
            f"{taken} already claims it. To correct it, issue a credit note on invoice {taken}, then a new invoice.",
        )
    which, part = locate(phase)
    allowed = remaining(statement, which, part, 1 if phase is Phase.DIAGNOSTIC else year, ZERO)
    left = min(allowed, accepted_aid) - so_far.amount
    if invoice.aid_amount <= left:
        return
    shown = max(left, ZERO)
    m = {lang: (format_money(shown, lang), format_money(invoice.aid_amount, lang), format_money(accepted_aid, lang),
                format_money(allowed, lang), format_money(so_far.amount, lang)) for lang in ("fr", "en")}  # fmt: skip
    left_fr, asked_fr, acc_fr, allowed_fr, done_fr = m["fr"]
    left_en, asked_en, acc_en, allowed_en, done_en = m["en"]
    upto_fr = "" if year is None or phase is Phase.DIAGNOSTIC else f" jusqu'à l'année {year}"
    upto_en = "" if year is None or phase is Phase.DIAGNOSTIC else f" up to year {year}"
    raise SgeInputError(
        "aid_amount",
        f"Facture de {asked_fr} refusée. Il reste {left_fr} d'aide acceptée pour la {where_fr}. "
        f"(Aide acceptée par Énergir : {acc_fr} ; aide selon l'état de l'aide{upto_fr} : {allowed_fr} ; "
        f"déjà facturé, notes de crédit déduites : {done_fr}.) Inscrivez au plus {left_fr}.",
        f"Invoice of {asked_en} refused. {left_en} of accepted aid remains for {where_en}. "
        f"(Aid accepted by Énergir: {acc_en}; aid per the aid statement{upto_en}: {allowed_en}; "
        f"already invoiced, credit notes deducted: {done_en}.) Enter at most {left_en}.",
    )


def check_status_date(
    kind: str, on: date, invoice: PaymentInvoice, today: date, sent_on: date | None = None
) -> None:
    """A sent or paid date is chosen by the user: never in the future, never before the invoice (or the sending)."""
    label_fr, label_en = ("envoi", "sending") if kind == "sent" else ("paiement", "payment")
    if on > today:
        raise SgeInputError(
            f"{kind}_on",
            f"La date d'{label_fr} {on.isoformat()} est dans le futur : choisissez une date jusqu'à aujourd'hui "
            f"({today.isoformat()}).",
            f"The {label_en} date {on.isoformat()} is in the future: choose a date up to today ({today.isoformat()}).",
        )
    earliest = max(invoice.invoice_date, sent_on) if sent_on is not None else invoice.invoice_date
    if on < earliest:
        what_fr = "de l'envoi" if sent_on is not None and sent_on > invoice.invoice_date else "de la facture"
        what_en = (
            "it was sent" if sent_on is not None and sent_on > invoice.invoice_date else "the invoice date"
        )
        raise SgeInputError(
            f"{kind}_on",
            f"La date d'{label_fr} {on.isoformat()} précède la date {what_fr} ({earliest.isoformat()}) : "
            "choisissez une date égale ou postérieure.",
            f"The {label_en} date {on.isoformat()} is before {what_en} ({earliest.isoformat()}): choose that date "
            "or a later one.",
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
        raise SgeInputError(
            "status",
            "Changez le statut avec mark_sent ou mark_paid.",
            "Change the status with mark_sent or mark_paid.",
        )
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
            f"Seule une facture envoyée peut être marquée payée (la facture {invoice.invoice_number} est "
            f"« {_status_name(invoice.status, 'fr')} »).",
            f"Only a sent invoice can be marked paid (invoice {invoice.invoice_number} is "
            f"'{_status_name(invoice.status, 'en')}').",
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
            f"La facture {original.invoice_number} est un brouillon : modifiez-la au lieu d'émettre une note "
            "de crédit.",
            f"Invoice {original.invoice_number} is a draft: edit it instead of issuing a credit note.",
        )
    if original.is_credit_note:
        raise SgeInputError(
            "corrects",
            "On ne crédite pas une note de crédit.",
            "A credit note cannot itself be credited.",
        )
    creditable = original.aid_amount - abs(already_credited)
    credited = creditable if amount is None else abs(amount)
    if credited > creditable or credited <= 0:
        fr_max, en_max = format_money(creditable, "fr"), format_money(creditable, "en")
        raise SgeInputError(
            "amount",
            f"Le montant crédité ({_money_shown(credited, 'fr')}) doit être entre 0,01 $ et {fr_max}, ce qui reste "
            f"de la facture {original.invoice_number} après ses notes de crédit.",
            f"The credited amount ({_money_shown(credited, 'en')}) must be between $0.01 and {en_max}, what remains "
            f"of invoice {original.invoice_number} after its credit notes.",
        )
    if note_date < original.invoice_date:
        raise SgeInputError(
            "invoice_date",
            f"La note de crédit ({note_date.isoformat()}) ne peut pas précéder la facture {original.invoice_number} "
            f"({original.invoice_date.isoformat()}).",
            f"The credit note ({note_date.isoformat()}) cannot be dated before invoice {original.invoice_number} "
            f"({original.invoice_date.isoformat()}).",
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
        raise SgeInputError(field, f"Champ « {field} » manquant.", f"Field '{field}' is missing.")
    value = data[key]
    if not isinstance(value, str):
        raise SgeInputError(
            field,
            f"« {field} » doit être un texte (reçu : {_shown(value)}).",
            f"'{field}' must be a string (got {_shown(value)}).",
        )
    if len(value) > MAX_TEXT_CHARS:
        raise SgeInputError(
            field,
            f"« {field} » a {len(value)} caractères ; au plus {MAX_TEXT_CHARS} sont permis.",
            f"'{field}' has {len(value):,} characters; at most {MAX_TEXT_CHARS:,} are allowed.",
        )
    _check_text(value, field)
    return _require_text(value, field)


def parse_invoice_data(data: object, existing_numbers: Iterable[str] = ()) -> PaymentInvoice:
    """Build a draft invoice from the CLI's JSON object; no invoice number means the next in sequence."""
    if not isinstance(data, Mapping):
        raise SgeInputError(
            "(root)",
            "Le fichier JSON doit contenir un objet { ... }.",
            "The JSON file must contain an object { ... }.",
        )
    unknown = sorted(set(map(str, data)) - _TOP_LEVEL_KEYS)
    if unknown:
        key = unknown[0] if len(unknown[0]) <= 60 else f"{unknown[0][:59]}…"
        raise SgeInputError(
            key,
            f"Champ inconnu {_shown(unknown[0])} : les champs permis sont {', '.join(sorted(_TOP_LEVEL_KEYS))}.",
            f"Unknown field {_shown(unknown[0])}: allowed fields are {', '.join(sorted(_TOP_LEVEL_KEYS))}.",
        )
    raw_beneficiary = data.get("beneficiary")
    if not isinstance(raw_beneficiary, Mapping):
        raise SgeInputError(
            "beneficiary",
            "« beneficiary » doit être un objet avec name, address, gst_number et qst_number.",
            "'beneficiary' must be an object with name, address, gst_number and qst_number.",
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
            f"« invoice_date » doit être une date AAAA-MM-JJ (reçu : {_shown(raw_date)}).",
            f"'invoice_date' must be a YYYY-MM-DD date (got {_shown(raw_date)}).",
        ) from None
    raw_phase = _text(data, "phase", "phase")
    try:
        phase = Phase(raw_phase)
    except ValueError:
        allowed = ", ".join(p.value for p in Phase)
        raise SgeInputError(
            "phase",
            f"Phase {_shown(raw_phase)} inconnue : utilisez {allowed}.",
            f"Unknown phase {_shown(raw_phase)}: use one of {allowed}.",
        ) from None
    if "aid_amount" not in data:
        raise SgeInputError("aid_amount", "Champ « aid_amount » manquant.", "Field 'aid_amount' is missing.")
    raw_amount = data["aid_amount"]
    if isinstance(raw_amount, str | int | Decimal) and len(str(raw_amount)) > MAX_AMOUNT_CHARS:
        raise SgeInputError(
            "aid_amount",
            f"« aid_amount » a plus de {MAX_AMOUNT_CHARS} caractères : inscrivez le montant en dollars et cents.",
            f"'aid_amount' has more than {MAX_AMOUNT_CHARS} characters: enter the amount in dollars and cents.",
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
            "(json)",
            "JSON invalide : les tableaux et objets sont imbriqués trop profondément.",
            "Invalid JSON: arrays and objects are nested too deeply.",
        ) from None
    except json.JSONDecodeError as exc:
        raise SgeInputError(
            "(json)",
            f"JSON invalide, ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}.",
            f"Invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
        ) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise SgeInputError(
            "(json)",
            "JSON invalide : un nombre a trop de chiffres.",
            "Invalid JSON: a number has too many digits.",
        ) from None
    return parse_invoice_data(data, existing_numbers)
