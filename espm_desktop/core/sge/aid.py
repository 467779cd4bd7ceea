"""Énergir's SGÉ aid per phase, each amount with the rule (and guide section) that produced it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import (
    SgeInputError,
    format_money,
    format_percent,
    format_quantity,
    require_non_negative,
    to_cents,
)
from espm_desktop.core.sge.rules import Citation, ExpenseKind, Phase

ZERO = Decimal("0")


@dataclass(frozen=True, slots=True)
class AidAmount:
    """An amount of aid and the rule that produced it, written out with the numbers used."""

    amount: Decimal
    explanation_fr: str
    explanation_en: str
    citation: Citation
    limited_by_cap: bool = False

    def explanation(self, language: str = "fr") -> str:
        text = self.explanation_en if language == "en" else self.explanation_fr
        return f"{text} — {self.citation.text(language)}"


@dataclass(frozen=True, slots=True)
class AidPayment:
    """One payment of a schedule (year 1 = first year of the phase)."""

    year: int
    aid: AidAmount


@dataclass(frozen=True, slots=True)
class ExpenseLine:
    """An expense a participant enters for a phase; internal time is hours × hourly rate."""

    phase: Phase
    kind: ExpenseKind
    description: str
    amount: Decimal = ZERO
    hours: Decimal | None = None
    hourly_rate: Decimal | None = None

    @property
    def cost(self) -> Decimal:
        if self.kind is ExpenseKind.INTERNAL_HOURS:
            if self.hours is None or self.hourly_rate is None:
                raise SgeInputError(
                    "hours",
                    f"La ligne « {self.description} » (spécialistes internes) doit indiquer les heures et le "
                    "taux horaire.",
                    f"Line '{self.description}' (internal specialists) needs hours and an hourly rate.",
                )
            require_non_negative(self.hours, "hours")
            require_non_negative(self.hourly_rate, "hourly_rate")
            return to_cents(self.hours * self.hourly_rate)
        return require_non_negative(self.amount, "amount")


@dataclass(frozen=True, slots=True)
class RejectedExpense:
    line: ExpenseLine
    message_fr: str
    message_en: str


@dataclass(frozen=True, slots=True)
class ExpenseSummary:
    phase: Phase
    eligible_total: Decimal
    accepted: tuple[ExpenseLine, ...]
    rejected: tuple[RejectedExpense, ...]


def summarize_expenses(phase: Phase, lines: Sequence[ExpenseLine]) -> ExpenseSummary:
    """Add up the lines of `phase` whose kind the guide accepts for it; say why the others are left out."""
    allowed = rules.ELIGIBLE_EXPENSE_KINDS[phase]
    accepted: list[ExpenseLine] = []
    rejected: list[RejectedExpense] = []
    phase_fr, phase_en = rules.PHASE_NAMES[phase]
    for line in lines:
        if line.phase is not phase:
            continue
        kind_fr, kind_en = rules.EXPENSE_KIND_NAMES[line.kind]
        if line.kind in allowed:
            accepted.append(line)
        else:
            rejected.append(
                RejectedExpense(
                    line,
                    f"« {line.description} » ({kind_fr}) n'est pas une dépense admissible de la {phase_fr}. "
                    "Rattachez-la à la bonne phase ou retirez-la.",
                    f"'{line.description}' ({kind_en}) is not an eligible expense of {phase_en}. "
                    "Attach it to the right phase or remove it.",
                )
            )
    total = sum((line.cost for line in accepted), ZERO)
    return ExpenseSummary(phase, total, tuple(accepted), tuple(rejected))


def _capped_share(
    eligible: Decimal, cap: Decimal, share: Decimal, citation: Citation, field: str = "eligible_expenses"
) -> AidAmount:
    require_non_negative(eligible, field)
    by_share = to_cents(eligible * share)
    amount = min(cap, by_share)
    cap_fr, cap_en = format_money(cap, "fr"), format_money(cap, "en")
    sh_fr, sh_en = format_percent(share, "fr"), format_percent(share, "en")
    return AidAmount(
        amount=amount,
        explanation_fr=(
            f"Le moindre de {cap_fr} et de {sh_fr} des dépenses admissibles "
            f"({sh_fr} × {format_money(eligible, 'fr')} = {format_money(by_share, 'fr')}) : "
            f"{format_money(amount, 'fr')}"
        ),
        explanation_en=(
            f"The lesser of {cap_en} and {sh_en} of eligible expenses "
            f"({sh_en} × {format_money(eligible, 'en')} = {format_money(by_share, 'en')}): "
            f"{format_money(amount, 'en')}"
        ),
        citation=citation,
        limited_by_cap=by_share > cap,
    )


def diagnostic_aid(eligible_expenses: Decimal) -> AidAmount:
    """min(25 000 $, 50 % of eligible expenses), paid in one payment."""
    return _capped_share(
        eligible_expenses, rules.DIAGNOSTIC_CAP, rules.DIAGNOSTIC_SHARE, rules.DIAGNOSTIC_AID
    )


def metering_aid(eligible_expenses: Decimal) -> AidAmount:
    """Continuous metering: min(75 000 $, 50 %), paid over at most 5 years."""
    return _capped_share(
        eligible_expenses, rules.METERING_CAP, rules.METERING_SHARE, rules.IMPLEMENTATION_AID
    )


def other_components_aid(eligible_expenses: Decimal) -> AidAmount:
    """Other SGÉ components: min(75 000 $, 50 %), first-year payment at most 50 000 $."""
    return _capped_share(
        eligible_expenses,
        rules.OTHER_COMPONENTS_CAP,
        rules.OTHER_COMPONENTS_SHARE,
        rules.IMPLEMENTATION_AID,
    )


def phase_aid(phase: Phase, eligible_expenses: Decimal) -> AidAmount:
    """Total aid of an expense-based phase."""
    if phase is Phase.DIAGNOSTIC:
        return diagnostic_aid(eligible_expenses)
    if phase is Phase.IMPLEMENTATION_METERING:
        return metering_aid(eligible_expenses)
    if phase is Phase.IMPLEMENTATION_OTHER:
        return other_components_aid(eligible_expenses)
    raise SgeInputError(
        "phase",
        "Le suivi des économies est payé au m³ économisé : utilisez savings_follow_up_payments.",
        "Savings follow-up is paid per m³ saved: use savings_follow_up_payments.",
    )


def implementation_payment_schedule(
    phase: Phase, yearly_eligible: Sequence[Decimal]
) -> tuple[AidPayment, ...]:
    """Yearly payments of a phase 4 part from each year's eligible expenses (Tableau 3).

    Each year pays 50 % of that year's eligible expenses, within the part's 75 000 $ total; for the other
    components the first payment is at most 50 000 $ and four more payments follow (five in all); metering
    is paid over at most five years. The guide does not say that expenses above a year's cap carry over,
    so they do not: Énergir interprets the terms (p. 4 footer).
    """
    if phase is Phase.IMPLEMENTATION_METERING:
        total_cap, share, first_cap = rules.METERING_CAP, rules.METERING_SHARE, None
        max_years = rules.METERING_MAX_PAYMENT_YEARS
    elif phase is Phase.IMPLEMENTATION_OTHER:
        total_cap, share = rules.OTHER_COMPONENTS_CAP, rules.OTHER_COMPONENTS_SHARE
        first_cap = rules.OTHER_COMPONENTS_FIRST_YEAR_CAP
        max_years = 1 + rules.OTHER_COMPONENTS_LATER_PAYMENTS
    else:
        raise SgeInputError(
            "phase",
            "Seule la phase Élaboration et mise en œuvre est payée par versements annuels.",
            "Only the development and implementation phase is paid in yearly payments.",
        )
    payments: list[AidPayment] = []
    paid = ZERO
    for index, expenses in enumerate(yearly_eligible, start=1):
        require_non_negative(expenses, f"yearly_eligible[{index}]")
        by_share = to_cents(expenses * share)
        capped = False
        if index > max_years:
            amount = ZERO
            fr = f"Année {index} : aucun versement, au plus {max_years} versements annuels"
            en = f"Year {index}: no payment, at most {max_years} yearly payments"
        else:
            remaining = total_cap - paid
            year_cap = min(first_cap, remaining) if (index == 1 and first_cap is not None) else remaining
            amount = max(ZERO, min(by_share, year_cap))
            capped = amount < by_share
            fr = (
                f"Année {index} : le moindre de {format_percent(share, 'fr')} × "
                f"{format_money(expenses, 'fr')} = {format_money(by_share, 'fr')} et du plafond de l'année "
                f"{format_money(year_cap, 'fr')}"
            )
            en = (
                f"Year {index}: the lesser of {format_percent(share, 'en')} × "
                f"{format_money(expenses, 'en')} = "
                f"{format_money(by_share, 'en')} and this year's cap {format_money(year_cap, 'en')}"
            )
            if index == 1 and first_cap is not None:
                fr += f" (1er versement plafonné à {format_money(first_cap, 'fr')})"
                en += f" (first payment capped at {format_money(first_cap, 'en')})"
            else:
                fr += f" (total plafonné à {format_money(total_cap, 'fr')}, "
                fr += f"déjà versé {format_money(paid, 'fr')})"
                en += f" (total capped at {format_money(total_cap, 'en')}, "
                en += f"already paid {format_money(paid, 'en')})"
            fr += f" : {format_money(amount, 'fr')}"
            en += f": {format_money(amount, 'en')}"
        paid += amount
        payments.append(
            AidPayment(index, AidAmount(amount, fr, en, rules.IMPLEMENTATION_AID, limited_by_cap=capped))
        )
    return tuple(payments)


@dataclass(frozen=True, slots=True)
class SavingsYear:
    """A savings follow-up year: m³ saved and whether new eligible measures were put in place in it."""

    year: int
    saved_m3: Decimal
    new_measures_in_year: bool


def savings_follow_up_payments(years: Sequence[SavingsYear]) -> tuple[AidPayment, ...]:
    """0.10 $/m³ saved, at most 175 000 $ over at most 4 yearly payments, only in years with new measures."""
    payments: list[AidPayment] = []
    paid = ZERO
    rate = rules.SAVINGS_RATE_PER_M3
    cap = rules.SAVINGS_CAP
    for item in sorted(years, key=lambda y: y.year):
        if item.year < 1:
            raise SgeInputError(
                "year",
                f"L'année du suivi doit être 1 ou plus (reçu : {item.year}).",
                f"The follow-up year must be 1 or more (got {item.year}).",
            )
        saved = max(item.saved_m3, ZERO)  # an increase in use earns nothing, it is not clawed back
        by_rate = to_cents(saved * rate)
        m3_fr, m3_en = format_quantity(saved, "fr"), format_quantity(saved, "en")
        capped = False
        if item.year > rules.SAVINGS_MAX_YEARS:
            amount = ZERO
            fr = f"Année {item.year} : aucune aide, au plus {rules.SAVINGS_MAX_YEARS} ans de suivi"
            en = f"Year {item.year}: no aid, at most {rules.SAVINGS_MAX_YEARS} years of follow-up"
        elif not item.new_measures_in_year:
            amount = ZERO
            fr = (
                f"Année {item.year} : aucune aide, aucune nouvelle mesure d'économie admissible "
                "mise en place cette année"
            )
            en = f"Year {item.year}: no aid, no new eligible savings measure was put in place this year"
        else:
            remaining = cap - paid
            amount = max(ZERO, min(by_rate, remaining))
            capped = amount < by_rate
            fr = (
                f"Année {item.year} : le moindre de {m3_fr} m³ × 0,10 $/m³ = "
                f"{format_money(by_rate, 'fr')} et du "
                f"solde du plafond de {format_money(cap, 'fr')} ({format_money(remaining, 'fr')}) : "
                f"{format_money(amount, 'fr')}"
            )
            en = (
                f"Year {item.year}: the lesser of {m3_en} m³ × $0.10/m³ = "
                f"{format_money(by_rate, 'en')} and what "
                f"is left of the {format_money(cap, 'en')} cap ({format_money(remaining, 'en')}): "
                f"{format_money(amount, 'en')}"
            )
        paid += amount
        payments.append(
            AidPayment(item.year, AidAmount(amount, fr, en, rules.SAVINGS_AID, limited_by_cap=capped))
        )
    return tuple(payments)


def total_paid(payments: Sequence[AidPayment]) -> Decimal:
    return sum((p.aid.amount for p in payments), ZERO)
