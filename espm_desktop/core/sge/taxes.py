"""GST and QST rates with the date each took effect: the one table every invoice takes its rates from.

An invoice is taxed at the rates in force on its invoice date (Annexe D of the SGÉ guide says GST and QST apply,
not at which rate; ../shared/DOMAIN.md « Taxes »). A sent invoice keeps the rates and amounts it was sent with
(core/sge/invoice.py freezes them); this table is only read for drafts and at the moment of sending.
An invoice dated before the first rate listed here is refused: no earlier rate is recorded (the SGÉ conditions
are in force since 2019-10-01, so no SGÉ invoice predates them). To record a new rate, append a row with its
start date and source; never edit a row in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.sge.common import SgeInputError, percent


@dataclass(frozen=True, slots=True)
class TaxRate:
    """One rate of one tax, in force from `since` until the next row of the same tax."""

    tax: str  # "gst" | "qst"
    rate: Decimal
    since: date
    source: str


TAX_RATES: tuple[TaxRate, ...] = (
    TaxRate(
        "gst",
        Decimal("0.05"),
        date(2008, 1, 1),
        "Excise Tax Act (R.S.C. 1985, c. E-15), s. 165(1); 6 % → 5 % from 2008-01-01 by S.C. 2007, c. 35 "
        "(Budget and Economic Statement Implementation Act, 2007). Rate also in DOMAIN.md « Taxes ».",
    ),
    TaxRate(
        "qst",
        Decimal("0.09975"),
        date(2013, 1, 1),
        "Act respecting the Québec sales tax (CQLR c. T-0.1), s. 16; 9.975 % on the price without GST from "
        "2013-01-01 (harmonisation with the GST, S.Q. 2012, c. 28). Rate also in DOMAIN.md « Taxes ».",
    ),
)

_NAMES = {"gst": N_("GST"), "qst": N_("QST")}


@dataclass(frozen=True, slots=True)
class RatesOnDate:
    gst: Decimal
    qst: Decimal


def rate_on(tax: str, day: date) -> Decimal:
    """The rate of `tax` in force on `day`; SgeInputError when `day` is before the first recorded rate."""
    rows = sorted((r for r in TAX_RATES if r.tax == tax), key=lambda r: r.since)
    in_force = [r for r in rows if r.since <= day]
    if not in_force:
        first = rows[0]
        raise SgeInputError(
            "invoice_date",
            message(
                "The invoice date {day} is before the {tax} rate the application knows ({rate} since {since}): "
                "enter the date the invoice is issued.",
                day=day.isoformat(),
                tax=Message(_NAMES[tax]),
                rate=percent(first.rate),
                since=first.since.isoformat(),
            ),
        )
    return in_force[-1].rate


def rates_on(day: date) -> RatesOnDate:
    """GST and QST rates in force on an invoice date."""
    return RatesOnDate(rate_on("gst", day), rate_on("qst", day))


# --- registration numbers printed on the invoice (Annexe D: « Numéro d'inscription à la TPS et à la TVQ ») --------
# GST: the 9-digit business number, program identifier RT, 4-digit reference (Canada Revenue Agency).
# QST: 10 digits, TQ, 4 digits (Revenu Québec). Spaces are optional when typed; stored as "123456789 RT 0001".
GST_FORMAT = "123456789 RT 0001"
QST_FORMAT = "1234567890 TQ 0001"
_PATTERNS = {
    "gst": (re.compile(r"^(\d{9})\s*RT\s*(\d{4})$", re.IGNORECASE), "RT", GST_FORMAT, 9),
    "qst": (re.compile(r"^(\d{10})\s*TQ\s*(\d{4})$", re.IGNORECASE), "TQ", QST_FORMAT, 10),
}


def normalise_registration_number(tax: str, text: str, field: str | None = None) -> str:
    """A GST or QST registration number written the one way the app stores and prints it; SgeInputError if not
    of the expected form (the message shows the form)."""
    pattern, program, example, digits = _PATTERNS[tax]
    compact = " ".join(text.split())
    match = pattern.match(compact)
    if match is None:
        shown = compact if len(compact) <= 30 else compact[:29] + "…"
        raise SgeInputError(
            field or f"beneficiary.{tax}_number",
            message(
                "{tax} number '{number}' is not valid: expected {example} ({digits} digits, {program}, 4 digits; "
                "spaces are optional).",
                tax=Message(_NAMES[tax]),
                number=shown,
                example=example,
                digits=str(digits),
                program=program,
            ),
        )
    return f"{match.group(1)} {program} {match.group(2)}"
