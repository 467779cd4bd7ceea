"""The payment invoice a participant sends Énergir to be paid the aid (seed 001, Annexe D).

The beneficiary invoices Énergir for the aid amount plus GST and QST. Numbers run in sequence per
beneficiary and are never reused; once sent an invoice is frozen and corrected by a credit note.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import SgeInputError, to_cents, to_decimal
from espm_desktop.core.sge.rules import Phase

DEFAULT_NUMBER_PREFIX = "SGE-"
DEFAULT_NUMBER_WIDTH = 4


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
class PaymentInvoice:
    """An invoice (positive amount) or a credit note (negative amount, `corrects` = original number)."""

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

    @property
    def is_credit_note(self) -> bool:
        return self.corrects is not None

    @property
    def gst(self) -> Decimal:
        return to_cents(self.aid_amount * rules.GST_RATE)

    @property
    def qst(self) -> Decimal:
        return to_cents(self.aid_amount * rules.QST_RATE)

    @property
    def total(self) -> Decimal:
        return self.aid_amount + self.gst + self.qst

    @property
    def grantor(self) -> str:
        return rules.GRANTOR_NAME

    def description(self, language: str | None = None) -> str:
        """« Aide financière relative au volet SGÉ » followed by the phase (Annexe D)."""
        lang = language or self.language
        base = rules.INVOICE_DESCRIPTION_EN if lang == "en" else rules.INVOICE_DESCRIPTION_FR
        return f"{base} – {rules.phase_name(self.phase, lang)}"


class InvoiceLockedError(SgeInputError):
    """A sent or paid invoice was about to change."""


def _locked(invoice: PaymentInvoice) -> InvoiceLockedError:
    return InvoiceLockedError(
        "status",
        f"La facture {invoice.invoice_number} est « {invoice.status.value} » : elle ne peut plus être "
        "modifiée. Émettez une note de crédit puis une nouvelle facture.",
        f"Invoice {invoice.invoice_number} is '{invoice.status.value}' and can no longer be edited. "
        "Issue a credit note, then a new invoice.",
    )


def _require_text(value: str, field: str) -> str:
    if not value.strip():
        raise SgeInputError(
            field,
            f"Le champ « {field} » est obligatoire sur la facture (Annexe D du guide SGÉ).",
            f"Field '{field}' is required on the invoice (SGÉ guide, Appendix D).",
        )
    return value.strip()


def validate_invoice(invoice: PaymentInvoice) -> PaymentInvoice:
    """Check every item Annexe D requires; raise SgeInputError naming the first bad field."""
    _require_text(invoice.beneficiary.name, "beneficiary.name")
    _require_text(invoice.beneficiary.address, "beneficiary.address")
    _require_text(invoice.beneficiary.gst_number, "beneficiary.gst_number")
    _require_text(invoice.beneficiary.qst_number, "beneficiary.qst_number")
    _require_text(invoice.work_address, "work_address")
    _require_text(invoice.energir_file_number, "energir_file_number")
    _require_text(invoice.invoice_number, "invoice_number")
    if invoice.language not in ("fr", "en"):
        raise SgeInputError(
            "language",
            f"Langue « {invoice.language} » inconnue : utilisez « fr » ou « en ».",
            f"Unknown language '{invoice.language}': use 'fr' or 'en'.",
        )
    if invoice.aid_amount != to_cents(invoice.aid_amount):
        raise SgeInputError(
            "aid_amount",
            f"Le montant d'aide {invoice.aid_amount} a plus de deux décimales : inscrivez le montant en "
            "dollars et cents de l'avis d'acceptation.",
            f"The aid amount {invoice.aid_amount} has more than two decimals: enter the dollars-and-cents "
            "amount of the acceptance notice.",
        )
    if invoice.is_credit_note and invoice.aid_amount >= 0:
        raise SgeInputError(
            "aid_amount",
            "Une note de crédit porte un montant négatif.",
            "A credit note carries a negative amount.",
        )
    if not invoice.is_credit_note and invoice.aid_amount <= 0:
        raise SgeInputError(
            "aid_amount",
            f"Le montant d'aide doit être positif (reçu : {invoice.aid_amount}).",
            f"The aid amount must be positive (got {invoice.aid_amount}).",
        )
    return invoice


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
    if invoice.status is not InvoiceStatus.DRAFT:
        raise _locked(invoice)
    return replace(validate_invoice(invoice), status=InvoiceStatus.SENT)


def mark_paid(invoice: PaymentInvoice) -> PaymentInvoice:
    if invoice.status is not InvoiceStatus.SENT:
        raise SgeInputError(
            "status",
            f"Seule une facture envoyée peut être marquée payée (la facture {invoice.invoice_number} est "
            f"« {invoice.status.value} »).",
            f"Only a sent invoice can be marked paid (invoice {invoice.invoice_number} is "
            f"'{invoice.status.value}').",
        )
    return replace(invoice, status=InvoiceStatus.PAID)


def credit_note(
    original: PaymentInvoice, number: str, note_date: date, amount: Decimal | None = None
) -> PaymentInvoice:
    """A draft credit note cancelling `amount` (default: all) of a sent or paid invoice."""
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
    credited = original.aid_amount if amount is None else abs(amount)
    if credited > original.aid_amount or credited == 0:
        raise SgeInputError(
            "amount",
            f"Le montant crédité ({credited}) doit être entre 0,01 et {original.aid_amount}.",
            f"The credited amount ({credited}) must be between 0.01 and {original.aid_amount}.",
        )
    return validate_invoice(
        replace(
            original,
            invoice_number=number,
            invoice_date=note_date,
            aid_amount=-credited,
            status=InvoiceStatus.DRAFT,
            corrects=original.invoice_number,
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
            f"« {field} » doit être un texte (reçu : {value!r}).",
            f"'{field}' must be a string (got {value!r}).",
        )
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
        raise SgeInputError(
            unknown[0],
            f"Champ inconnu « {unknown[0]} » : les champs permis sont {', '.join(sorted(_TOP_LEVEL_KEYS))}.",
            f"Unknown field '{unknown[0]}': allowed fields are {', '.join(sorted(_TOP_LEVEL_KEYS))}.",
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
            f"« invoice_date » doit être une date AAAA-MM-JJ (reçu : {raw_date!r}).",
            f"'invoice_date' must be a YYYY-MM-DD date (got {raw_date!r}).",
        ) from None
    raw_phase = _text(data, "phase", "phase")
    try:
        phase = Phase(raw_phase)
    except ValueError:
        allowed = ", ".join(p.value for p in Phase)
        raise SgeInputError(
            "phase",
            f"Phase « {raw_phase} » inconnue : utilisez {allowed}.",
            f"Unknown phase '{raw_phase}': use one of {allowed}.",
        ) from None
    if "aid_amount" not in data:
        raise SgeInputError("aid_amount", "Champ « aid_amount » manquant.", "Field 'aid_amount' is missing.")
    aid_amount = to_decimal(data["aid_amount"], "aid_amount")
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
    except json.JSONDecodeError as exc:
        raise SgeInputError(
            "(json)",
            f"JSON invalide, ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}.",
            f"Invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
        ) from None
    return parse_invoice_data(data, existing_numbers)
