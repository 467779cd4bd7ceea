"""Money helpers, field labels and the input error shared by the SGÉ modules."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from espm_desktop.core.numbers import parse_decimal_text

CENT = Decimal("0.01")
NBSP = "\u00a0"  # keeps "25 000,00 $" on one line


class SgeInputError(ValueError):
    """A value a user typed or a file gave is unusable; names the field in French and English."""

    def __init__(self, field: str, message_fr: str, message_en: str) -> None:
        super().__init__(f"{field}: {message_en}")
        self.field = field
        self.message_fr = message_fr
        self.message_en = message_en

    def message(self, language: str = "fr") -> str:
        return self.message_en if language == "en" else self.message_fr

    def user_message(self, language: str = "fr") -> str:
        """The message as a window shows it: field keys in the user's words, amounts in their format.

        `message` keeps the key (the command line's JSON input names its fields by key, and its tests rely
        on it); a form's user never saw "beneficiary.gst_number", so the window shows its label.
        """
        return user_text(self.message(language), language)


# The keys the SGÉ rules name fields by, in the words of the forms (French, English). An indexed key
# ("…eligible_costs_by_year[2]") is labelled by its base key and the program year (index + 1).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "beneficiary.name": ("Nom du bénéficiaire", "Beneficiary's name"),
    "beneficiary.address": ("Adresse du bénéficiaire", "Beneficiary's address"),
    "beneficiary.gst_number": ("Numéro de TPS du bénéficiaire", "Beneficiary's GST number"),
    "beneficiary.qst_number": ("Numéro de TVQ du bénéficiaire", "Beneficiary's QST number"),
    "work_address": ("Adresse des travaux", "Address of the work"),
    "energir_file_number": ("Numéro de dossier Énergir", "Énergir file number"),
    "invoice_number": ("Numéro de facture", "Invoice number"),
    "invoice_date": ("Date de la facture", "Invoice date"),
    "phase": ("Phase", "Phase"),
    "aid_amount": ("Montant de l'aide", "Aid amount"),
    "amount": ("Montant", "Amount"),
    "language": ("Langue", "Language"),
    "status": ("Statut", "Status"),
    "corrects": ("Facture corrigée", "Corrected invoice"),
    "annual_gas_m3": ("Consommation annuelle de gaz naturel (m³)", "Annual natural gas use (m³)"),
    "other_grants": ("Autres aides financières", "Other grants"),
    "diagnostic.eligible_costs": ("Dépenses admissibles du diagnostic", "Diagnostic eligible expenses"),
    "implementation.implementation_metering.eligible_costs_by_year": (
        "Dépenses admissibles du mesurage en continu",
        "Continuous metering eligible expenses",
    ),
    "implementation.implementation_other.eligible_costs_by_year": (
        "Dépenses admissibles des autres composantes",
        "Other components eligible expenses",
    ),
    "yearly_eligible": ("Dépenses admissibles de l'année", "Eligible expenses of the year"),
    "year": ("Année du suivi", "Follow-up year"),
    "hours": ("Heures", "Hours"),
    "hourly_rate": ("Taux horaire", "Hourly rate"),
    "cost": ("Coût", "Cost"),
}
_INDEXED_KEY = re.compile(r"^(?P<base>[\w.]+)\[(?P<index>\d+)\]$")


def field_label(field: str, language: str = "fr") -> str:
    """A field key in the user's words; an unknown key comes back unchanged."""
    indexed = _INDEXED_KEY.match(field)
    base = indexed["base"] if indexed else field
    labels = FIELD_LABELS.get(base)
    if labels is None:
        return field
    label = labels[1] if language == "en" else labels[0]
    if indexed:
        year = int(indexed["index"]) + 1
        label += f", year {year}" if language == "en" else f", année {year}"
    return label


# An amount written as Python prints a Decimal ("20000.00", "-5.10"): digits, a point, exactly two decimals,
# not part of a longer number, a date or a version.
_RAW_AMOUNT = re.compile(r"(?<![\w.,])-?\d+\.\d{2}(?!\w|[.,]\d)")
_QUOTED_KEY = re.compile(r"«\s?(?P<fr>[\w.\[\]]+)\s?»|'(?P<en>[\w.\[\]]+)'")


def user_text(text: str, language: str = "fr") -> str:
    """A rule's message for a person: quoted field keys become labels, raw amounts become money."""

    def label(match: re.Match[str]) -> str:
        key = match["fr"] or match["en"]
        shown = field_label(key, language)
        if shown == key:
            return match[0]
        return f"« {shown} »" if match["fr"] else f"“{shown}”"

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
            field,
            f"« {field} » doit être un nombre (reçu : {value!r}).",
            f"'{field}' must be a number (got {value!r}).",
        )
    try:
        # Accepts "1 234,56" (French) and "1,234.56" (English), like every number field of the app.
        parsed = parse_decimal_text(str(value))
    except ValueError:
        parsed = None
    if parsed is None:
        raise SgeInputError(
            field,
            f"« {field} » doit être un nombre (reçu : {value!r}).",
            f"'{field}' must be a number (got {value!r}).",
        ) from None
    result = parsed
    if not result.is_finite():
        raise SgeInputError(
            field,
            f"« {field} » doit être un nombre fini (reçu : {value!r}).",
            f"'{field}' must be a finite number (got {value!r}).",
        )
    return result


def require_non_negative(amount: Decimal, field: str) -> Decimal:
    if amount < 0:
        raise SgeInputError(
            field,
            f"« {field} » ne peut pas être négatif ({format_quantity(amount, 'fr', _places(amount))}). "
            "Entrez un montant positif ou zéro.",
            f"'{field}' cannot be negative ({format_quantity(amount, 'en', _places(amount))}). "
            "Enter zero or a positive amount.",
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
