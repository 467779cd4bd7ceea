"""Money helpers and the input error shared by the SGÉ modules."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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
            f"« {field} » ne peut pas être négatif ({amount}). Entrez un montant positif ou zéro.",
            f"'{field}' cannot be negative ({amount}). Enter zero or a positive amount.",
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
