"""The checks of a payment invoice: every item Annexe D requires (`validate_invoice`), and the amount rules
against the participant's aid statement (what remains of the aid, one payment for the diagnostic, the dates)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import SgeInputError, money, to_cents
from espm_desktop.core.sge.invoice_model import (
    BIDI_CONTROLS,
    MAX_AID_AMOUNT,
    MAX_TEXT_CHARS,
    PHASE_CAPS,
    TEXT_LIMITS,
    ZERO,
    PaymentInvoice,
    label_message,
    phase_where,
)
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.statement import AidStatement, locate, remaining
from espm_desktop.core.sge.taxes import normalise_registration_number, rates_on


def require_text(value: str, field: str) -> str:
    if not value.strip():
        raise SgeInputError(
            field,
            message(
                "The {label} is required on the invoice (SGÉ guide, Appendix D).", label=label_message(field)
            ),
        )
    return value.strip()


def shown_value(value: object, limit: int = 40) -> str:
    """A value quoted in a message, shortened so that a huge input does not make a huge message."""
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def money_shown(amount: Decimal) -> object:
    """An amount in a message: formatted for the language when it is a plausible amount, else quoted."""
    if amount.is_finite() and abs(amount) < MAX_AID_AMOUNT * 1000:
        return money(amount) if amount == to_cents(amount) else shown_value(amount)
    return shown_value(amount)


def check_text(value: str, field: str) -> None:
    """Refuse control characters, unpaired surrogates and text longer than the field's limit."""
    per_line, max_lines = TEXT_LIMITS.get(field, (MAX_TEXT_CHARS, 1))
    label = label_message(field)
    for char in value:
        allowed_break = max_lines > 1 and char in "\r\n"
        if allowed_break:
            continue
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or char in BIDI_CONTROLS:
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
        check_text(require_text(value, field), field)
    if invoice.language not in ("fr", "en"):
        raise SgeInputError(
            "language",
            message("Unknown language {value}: use 'fr' or 'en'.", value=shown_value(invoice.language)),
        )
    amount = invoice.aid_amount
    if not amount.is_finite() or abs(amount) >= MAX_AID_AMOUNT:
        raise SgeInputError(
            "aid_amount",
            message(
                "The aid amount {amount} is not plausible: it must be under {limit}. Enter the amount of "
                "Énergir's acceptance notice.",
                amount=shown_value(amount),
                limit=money(MAX_AID_AMOUNT),
            ),
        )
    if amount != to_cents(amount):
        raise SgeInputError(
            "aid_amount",
            message(
                "The aid amount {amount} has more than two decimals: enter the dollars-and-cents amount of the "
                "acceptance notice.",
                amount=shown_value(amount),
            ),
        )
    if invoice.is_credit_note and amount >= 0:
        raise SgeInputError("aid_amount", message("A credit note carries a negative amount."))
    if not invoice.is_credit_note and amount <= 0:
        raise SgeInputError(
            "aid_amount",
            message("The aid amount must be positive (got {amount}).", amount=money_shown(amount)),
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
    where = phase_where(phase, None)
    if amount < 0 or amount != to_cents(amount):
        raise SgeInputError(
            "accepted_aid_amount",
            message(
                "Accepted aid of {amount} for {phase}: enter a positive dollars-and-cents amount, the one of "
                "Énergir's acceptance notice.",
                amount=money_shown(amount),
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
    where = phase_where(phase, year)
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
