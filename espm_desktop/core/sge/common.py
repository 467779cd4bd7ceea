"""Money helpers, field labels and the input error shared by the SGÉ modules."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from espm_desktop.core.i18n import N_, Message, MessageError, Money, Number, Percent, _, message, pgettext
from espm_desktop.core.numbers import parse_decimal_text

CENT = Decimal("0.01")
NBSP = "\u00a0"  # keeps "25 000,00 $" on one line


class SgeInputError(MessageError):
    """A value a user typed or a file gave is unusable: the field's key and what is wrong with it.

    `str(exc)` is "field: English text" (the log and the command line's JSON errors read it).
    """

    def __init__(self, field: str, problem: Message) -> None:
        super().__init__(problem, f"{field}: {problem.text('en')}")
        self.field = field

    def message(self, language: str = "fr") -> str:
        return self.problem.text("en" if language == "en" else "fr")

    def user_message(self, language: str = "fr") -> str:
        """The message as a window shows it: field keys in the user's words, amounts in their format.

        `message` keeps the key (the command line's JSON input names its fields by key, and its tests rely
        on it); a form's user never saw "beneficiary.gst_number", so the window shows its label.
        """
        return user_text(self.message(language), language)


def joined(*parts: object) -> Message:
    """Messages (and glue text kept as is, and values such as `money`) written one after the other: a rule's
    explanation built clause by clause, each clause translated on its own."""
    return Message("".join(f"{{p{i}}}" for i in range(len(parts))), {f"p{i}": p for i, p in enumerate(parts)})


def money(amount: Decimal) -> Money:
    """An amount inside a message, written as `format_money` writes it (to the cent, half up)."""
    return Money(to_cents(amount))


def percent(share: Decimal) -> Percent:
    """A share (0.5) inside a message, written as `format_percent` writes it (50 %, 9,975 %)."""
    pct = (share * 100).normalize()
    return Percent(pct, _places(pct))


def quantity(value: Decimal, places: int = 0) -> Number:
    """A quantity inside a message, written as `format_quantity` writes it."""
    return Number(value, places)


# The keys the SGÉ rules name fields by, in the words of the forms. An indexed key
# ("…eligible_costs_by_year[2]") is labelled by its base key and the program year (index + 1).
FIELD_LABELS: dict[str, str] = {
    "beneficiary.name": N_("Beneficiary's name"),
    "beneficiary.address": N_("Beneficiary's address"),
    "beneficiary.gst_number": N_("Beneficiary's GST number"),
    "beneficiary.qst_number": N_("Beneficiary's QST number"),
    "work_address": N_("Address of the work"),
    "energir_file_number": N_("Énergir file number"),
    "invoice_number": N_("Invoice number"),
    "invoice_date": N_("Invoice date"),
    "phase": N_("Phase"),
    "aid_amount": N_("Aid amount"),
    "amount": N_("Amount"),
    "language": N_("Language"),
    "status": N_("Status"),
    "corrects": N_("Corrected invoice"),
    "annual_gas_m3": N_("Annual natural gas use (m³)"),
    "other_grants": N_("Other grants"),
    "diagnostic.eligible_costs": N_("Diagnostic eligible expenses"),
    "implementation.implementation_metering.eligible_costs_by_year": N_(
        "Continuous metering eligible expenses"
    ),
    "implementation.implementation_other.eligible_costs_by_year": N_("Other components eligible expenses"),
    "yearly_eligible": N_("Eligible expenses of the year"),
    "year": N_("Follow-up year"),
    "hours": N_("Hours"),
    "hourly_rate": N_("Hourly rate"),
    "cost": N_("Cost"),
}
_INDEXED_KEY = re.compile(r"^(?P<base>[\w.]+)\[(?P<index>\d+)\]$")


def field_label(field: str, language: str = "fr") -> str:
    """A field key in the user's words; an unknown key comes back unchanged."""
    indexed = _INDEXED_KEY.match(field)
    base = indexed["base"] if indexed else field
    label = FIELD_LABELS.get(base)
    if label is None:
        return field
    language = "en" if language == "en" else "fr"
    if indexed:
        year = str(int(indexed["index"]) + 1)
        return message("{label}, year {year}", label=Message(label), year=year).text(language)
    return _(label, language)


# An amount written as Python prints a Decimal ("20000.00", "-5.10"): digits, a point, exactly two decimals,
# not part of a longer number, a date or a version.
_RAW_AMOUNT = re.compile(r"(?<![\w.,])-?\d+\.\d{2}(?!\w|[.,]\d)")
_QUOTED_KEY = re.compile(r"«\s?(?P<fr>[\w.\[\]]+)\s?»|'(?P<en>[\w.\[\]]+)'")


def quoted(name: str, language: str = "fr") -> str:
    """A name quoted in a sentence: “name” in English, « name » in French (the catalog holds each language's marks
    and the no-break spaces French puts inside them)."""
    return pgettext("quoted name", "“{name}”", language).format(name=name)


def user_text(text: str, language: str = "fr") -> str:
    """A rule's message for a person: quoted field keys become labels, raw amounts become money."""

    def label(match: re.Match[str]) -> str:
        key = match["fr"] or match["en"]
        shown = field_label(key, language)
        if shown == key:
            return match[0]
        return quoted(shown, "fr" if match["fr"] else "en")  # quoted the way the sentence quotes it

    def amount(match: re.Match[str]) -> str:
        try:
            return format_money(Decimal(match[0]), language)
        except InvalidOperation:
            return match[0]

    text = _QUOTED_KEY.sub(label, text)
    for key in sorted(FIELD_LABELS, key=len, reverse=True):
        if "." in key and key in text:  # a dotted key written bare, e.g. "beneficiary.gst_number: …"
            text = text.replace(key, field_label(key, language))
    return _RAW_AMOUNT.sub(amount, text)


def to_cents(amount: Decimal) -> Decimal:
    """Round to the cent, half up, as amounts are written on cheques and invoices."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(value: object, field: str) -> Decimal:
    """Read a money or quantity value without passing through binary floats."""
    if isinstance(value, bool) or value is None:
        raise SgeInputError(
            field, message("'{field}' must be a number (got {value}).", field=field, value=repr(value))
        )
    try:
        # Accepts "1 234,56" (French) and "1,234.56" (English), like every number field of the app.
        parsed = parse_decimal_text(str(value))
    except ValueError:
        parsed = None
    if parsed is None:
        raise SgeInputError(
            field, message("'{field}' must be a number (got {value}).", field=field, value=repr(value))
        ) from None
    result = parsed
    if not result.is_finite():
        raise SgeInputError(
            field, message("'{field}' must be a finite number (got {value}).", field=field, value=repr(value))
        )
    return result


def require_non_negative(amount: Decimal, field: str) -> Decimal:
    if amount < 0:
        raise SgeInputError(
            field,
            message(
                "'{field}' cannot be negative ({amount}). Enter zero or a positive amount.",
                field=field,
                amount=quantity(amount, _places(amount)),
            ),
        )
    return amount


def format_money(amount: Decimal, language: str = "fr") -> str:
    """25 000,00 $ in French, $25,000.00 in English."""
    cents = to_cents(amount)
    sign = "-" if cents < 0 else ""
    grouped = f"{abs(cents):,.2f}"
    if language == "en":
        return f"{sign}${grouped}"
    french = grouped.replace(",", NBSP).replace(".", ",")
    return f"{sign}{french}{NBSP}$"


def _places(value: Decimal) -> int:
    """How many decimals a value was written with (at least 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_quantity(value: Decimal, language: str = "fr", places: int = 0) -> str:
    grouped = f"{value:,.{places}f}"
    if language == "en":
        return grouped
    return grouped.replace(",", NBSP).replace(".", ",")


def format_percent(share: Decimal, language: str = "fr") -> str:
    pct = (share * 100).normalize()
    text = f"{pct:f}"
    if language == "en":
        return f"{text}%"
    french = text.replace(".", ",")
    return f"{french}{NBSP}%"
