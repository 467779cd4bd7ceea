"""Énergir's SGÉ aid per phase, each amount with the rule (and guide section) that produced it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from espm_desktop.core.i18n import Message, Shown, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import (
    SgeInputError,
    joined,
    money,
    percent,
    quantity,
    require_non_negative,
    to_cents,
)
from espm_desktop.core.sge.rules import Citation, ExpenseKind, Phase

ZERO = Decimal("0")


@dataclass(frozen=True, slots=True)
class AidAmount:
    """An amount of aid and the rule that produced it, written out with the numbers used."""

    amount: Decimal
    rule: Message  # the rule written out with its numbers
    citation: Citation
    limited_by_cap: bool = False

    @property
    def explanation_en(self) -> str:
        return self.rule.text("en")

    @property
    def explanation_fr(self) -> str:
        return self.rule.text("fr")

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
                    message(
                        "Line '{description}' (internal specialists) needs hours and an hourly rate.",
                        description=self.description,
                    ),
                )
            require_non_negative(self.hours, "hours")
            require_non_negative(self.hourly_rate, "hourly_rate")
            return to_cents(self.hours * self.hourly_rate)
        return require_non_negative(self.amount, "amount")


@dataclass(frozen=True, slots=True)
class RejectedExpense(Shown):
    _shown_attribute: ClassVar[str] = "message"

    line: ExpenseLine
    message: Message


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
    for line in lines:
        if line.phase is not phase:
            continue
        if line.kind in allowed:
            accepted.append(line)
        else:
            rejected.append(
                RejectedExpense(
                    line,
                    message(
                        "'{description}' ({kind}) is not an eligible expense of {phase}. "
                        "Attach it to the right phase or remove it.",
                        description=line.description,
                        kind=Message(rules.EXPENSE_KIND_NAMES[line.kind]),
                        phase=Message(rules.PHASE_NAMES[phase]),
                    ),
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
    return AidAmount(
        amount=amount,
        rule=message(
            "The lesser of {cap} and {share} of eligible expenses ({share} × {eligible} = {by_share}): {amount}",
            cap=money(cap),
            share=percent(share),
            eligible=money(eligible),
            by_share=money(by_share),
            amount=money(amount),
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
        "phase", message("Savings follow-up is paid per m³ saved: use savings_follow_up_payments.")
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
            "phase", message("Only the development and implementation phase is paid in yearly payments.")
        )
    payments: list[AidPayment] = []
    paid = ZERO
    for index, expenses in enumerate(yearly_eligible, start=1):
        require_non_negative(expenses, f"yearly_eligible[{index}]")
        by_share = to_cents(expenses * share)
        capped = False
        if index > max_years:
            amount = ZERO
            rule = message(
                "Year {year}: no payment, at most {most} yearly payments",
                year=str(index),
                most=str(max_years),
            )
        else:
            remaining = total_cap - paid
            year_cap = min(first_cap, remaining) if (index == 1 and first_cap is not None) else remaining
            amount = max(ZERO, min(by_share, year_cap))
            capped = amount < by_share
            lesser = message(
                "Year {year}: the lesser of {share} × {expenses} = {by_share} and this year's cap {year_cap}",
                year=str(index),
                share=percent(share),
                expenses=money(expenses),
                by_share=money(by_share),
                year_cap=money(year_cap),
            )
            if index == 1 and first_cap is not None:
                cap_note = message(" (first payment capped at {cap})", cap=money(first_cap))
            else:
                cap_note = message(
                    " (total capped at {cap}, already paid {paid})", cap=money(total_cap), paid=money(paid)
                )
            rule = joined(lesser, cap_note, message(": {amount}", amount=money(amount)))
        paid += amount
        payments.append(
            AidPayment(index, AidAmount(amount, rule, rules.IMPLEMENTATION_AID, limited_by_cap=capped))
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
                "year", message("The follow-up year must be 1 or more (got {year}).", year=str(item.year))
            )
        saved = max(item.saved_m3, ZERO)  # an increase in use earns nothing, it is not clawed back
        by_rate = to_cents(saved * rate)
        capped = False
        year = str(item.year)
        if item.year > rules.SAVINGS_MAX_YEARS:
            amount = ZERO
            rule = message(
                "Year {year}: no aid, at most {most} years of follow-up",
                year=year,
                most=str(rules.SAVINGS_MAX_YEARS),
            )
        elif not item.new_measures_in_year:
            amount = ZERO
            rule = message(
                "Year {year}: no aid, no new eligible savings measure was put in place this year", year=year
            )
        else:
            remaining = cap - paid
            amount = max(ZERO, min(by_rate, remaining))
            capped = amount < by_rate
            rule = message(
                "Year {year}: the lesser of {m3} m³ × $0.10/m³ = {by_rate} and what is left of the {cap} cap "
                "({remaining}): {amount}",
                year=year,
                m3=quantity(saved),
                by_rate=money(by_rate),
                cap=money(cap),
                remaining=money(remaining),
                amount=money(amount),
            )
        paid += amount
        payments.append(
            AidPayment(item.year, AidAmount(amount, rule, rules.SAVINGS_AID, limited_by_cap=capped))
        )
    return tuple(payments)


def total_paid(payments: Sequence[AidPayment]) -> Decimal:
    return sum((p.aid.amount for p in payments), ZERO)
