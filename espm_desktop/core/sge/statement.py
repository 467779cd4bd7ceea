"""A participant's SGÉ aid statement: every amount Énergir pays, per phase, part, program year and payment.

This is the one place that turns a participant's figures into aid. The page, the payment schedule, the Excel
calculation file, the annual report, the command line and the invoice checks all read an `AidStatement`; none
of them adds up aid on its own. Each amount is an `AidAmount` (amount + the rule written out with its numbers
+ the guide's section) so a reader can redo the arithmetic.

Rules, as the guide (seed 001) writes them and as they are applied here:

* Phase 2 – Diagnostic (« Aide financière »): min(25 000 $, 50 % of the eligible costs), one payment.
* Phase 4 – Élaboration et mise en œuvre (Tableau 3), two parts, each min(75 000 $, 50 % of its eligible
  costs):
  - continuous metering: paid over at most 5 program years, 50 % of each year's costs, within the part's aid;
  - other components: 5 payments at most; « premier versement pour la première année : 50 % des coûts
    admissibles jusqu'à concurrence de 50 000 $ », then four yearly payments « jusqu'à concurrence du montant
    maximal de 75 000 $ ». Year-1 costs above what year 1 may pay are not lost: they carry over. Both parts
    use one cumulative rule: payment of year y = min(50 % of the costs of years 1..y, the part's aid) − what
    earlier years paid, and for the other components year 1 is also ≤ 50 000 $. A year with no new cost
    still pays what was carried over (so [120 000, 20 000, 20 000] pays 50 000 + 20 000 + 5 000 = 75 000 $,
    and [120 000] alone pays 50 000 $ in year 1 and 10 000 $ in year 2). Costs entered for a year after the
    last possible payment (year 6 and later) are not counted: nothing can pay them.
* « Cumul des aides financières »: all grants together ≤ 75 % of the costs « pour les phases Diagnostic et
  Élaboration et mise en œuvre du SGÉ », Énergir's aid « réduite en fonction des contributions … attribuables
  à chacune des phases ». The test is made per PHASE: the diagnostic alone; phase 4 on the costs and grants
  of its two parts together (a grant given for metering or for the other components is a phase-4 grant).
  The phase-4 reduction is spread over the two parts in proportion to each part's aid before the reduction,
  rounded to the cent (half up) with the remainder on the last part (other components), so the parts add up
  to the phase exactly. Why in proportion to the aid: the guide reduces « l'aide financière prévue » of the
  phase and says nothing of parts; sharing the cut in the ratio of the planned aid leaves each part's share
  of Énergir's phase-4 aid as it was, never takes a part below zero (a share of costs could, when a part is
  capped at 75 000 $), and does not bring back a per-part test through which part a grantor named. A part's
  reduced aid then replaces its cap in the cumulative rule above: payments run as they would and stop once
  the reduced aid is paid (the cut comes off the last payments, no payment is ever larger than unreduced).
* Phase 5 – Suivi des économies: 0,10 $ per m³ saved in each program year, only in a year in which new
  eligible measures were put in place (« Remarque »), program years 1 to 4 only, at most 175 000 $ in all,
  the cap applied in year order. A year's avoided m³ is counted in whole m³ (half up) — the figure the
  savings tab and the annual report print — so the aid can be redone from the printed m³. A year with more
  gas used than predicted earns nothing; it is not clawed back.

Money is Decimal. Rounding to the cent (ROUND_HALF_UP, `common.to_cents`) happens where the guide shows
money: 50 % of costs, 75 % of costs (the stacking ceiling), each part's share of a reduction and 0,10 $ × m³.
Sums of cent amounts need no rounding, so payments add up to their part, parts to their phase and phases to
`total`, to the cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import (
    AidAmount,
    AidPayment,
    SavingsYear,
    diagnostic_aid,
    metering_aid,
    other_components_aid,
    savings_follow_up_payments,
)
from espm_desktop.core.sge.common import SgeInputError, joined, money, require_non_negative, to_cents
from espm_desktop.core.sge.rules import Citation, Phase
from espm_desktop.core.sge.stacking import OtherGrant, StackingResult, apply_stacking

ZERO = Decimal("0")
WHOLE_M3 = Decimal("1")

TABLE_1 = Citation(N_("Table 1 “Key phases and Énergir's support”"))
IMPLEMENTATION_TITLE = N_("Phase 4 – EnMS development and implementation")


class StatementPhase(StrEnum):
    """The phases that pay aid; phase 4 has two parts (Tableau 3)."""

    DIAGNOSTIC = "diagnostic"
    IMPLEMENTATION = "implementation"
    SAVINGS_FOLLOW_UP = "savings_follow_up"


class Part(StrEnum):
    METERING = "metering"
    OTHER_COMPONENTS = "other_components"


PART_RULE_PHASE: dict[Part, Phase] = {
    Part.METERING: Phase.IMPLEMENTATION_METERING,
    Part.OTHER_COMPONENTS: Phase.IMPLEMENTATION_OTHER,
}


def locate(phase: Phase) -> tuple[StatementPhase, Part | None]:
    """Where an invoice's phase (rules.Phase) sits in the statement."""
    return {
        Phase.DIAGNOSTIC: (StatementPhase.DIAGNOSTIC, None),
        Phase.IMPLEMENTATION_METERING: (StatementPhase.IMPLEMENTATION, Part.METERING),
        Phase.IMPLEMENTATION_OTHER: (StatementPhase.IMPLEMENTATION, Part.OTHER_COMPONENTS),
        Phase.SAVINGS_FOLLOW_UP: (StatementPhase.SAVINGS_FOLLOW_UP, None),
    }[phase]


# --- input --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DiagnosticInput:
    eligible_costs: Decimal = ZERO
    other_grants: Decimal = ZERO  # other bodies' aid for the diagnostic, all grantors together
    grantors: tuple[str, ...] = ()  # their names, only to warn about Transition énergétique Québec


@dataclass(frozen=True, slots=True)
class PartInput:
    eligible_costs_by_year: tuple[Decimal, ...] = ()  # index 0 = program year 1


@dataclass(frozen=True, slots=True)
class ImplementationInput:
    metering: PartInput = field(default_factory=PartInput)
    other_components: PartInput = field(default_factory=PartInput)
    other_grants: Decimal = ZERO  # other bodies' aid for phase 4 (either part), all grantors together
    grantors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SavingsYearInput:
    avoided_m3: Decimal
    new_measures: bool


@dataclass(frozen=True, slots=True)
class SavingsFollowUpInput:
    years: tuple[SavingsYearInput, ...] = ()  # index 0 = program year 1


@dataclass(frozen=True, slots=True)
class StatementInput:
    """A participant's figures, as plain values: what the statement is computed from."""

    diagnostic: DiagnosticInput = field(default_factory=DiagnosticInput)
    implementation: ImplementationInput = field(default_factory=ImplementationInput)
    savings_follow_up: SavingsFollowUpInput = field(default_factory=SavingsFollowUpInput)


# --- output -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DiagnosticStatement:
    eligible_costs: Decimal
    other_grants: Decimal
    aid_before_stacking: AidAmount  # min(25 000 $, 50 %)
    stacking: StackingResult
    aid: AidAmount  # after stacking
    payments: tuple[AidPayment, ...]  # one payment

    @property
    def client_share(self) -> Decimal:
        return self.stacking.client_share


@dataclass(frozen=True, slots=True)
class PartStatement:
    part: Part
    eligible_costs_by_year: tuple[Decimal, ...]
    eligible_costs: Decimal  # costs of the years that can be paid (1 to 5)
    aid_before_stacking: AidAmount  # min(75 000 $, 50 %)
    reduction: Decimal  # this part's share of the phase's stacking reduction
    aid: AidAmount
    payments: tuple[AidPayment, ...]

    @property
    def rule_phase(self) -> Phase:
        return PART_RULE_PHASE[self.part]


@dataclass(frozen=True, slots=True)
class ImplementationStatement:
    metering: PartStatement
    other_components: PartStatement
    eligible_costs: Decimal
    other_grants: Decimal
    stacking: StackingResult  # on the whole phase
    aid: AidAmount

    @property
    def parts(self) -> tuple[PartStatement, PartStatement]:
        return (self.metering, self.other_components)

    @property
    def client_share(self) -> Decimal:
        return self.stacking.client_share


@dataclass(frozen=True, slots=True)
class SavingsYearStatement:
    year: int
    avoided_m3: Decimal  # whole m³, as counted
    new_measures: bool
    aid: AidAmount


@dataclass(frozen=True, slots=True)
class SavingsFollowUpStatement:
    years: tuple[SavingsYearStatement, ...]
    aid: AidAmount

    @property
    def payments(self) -> tuple[AidPayment, ...]:
        return tuple(AidPayment(y.year, y.aid) for y in self.years)


@dataclass(frozen=True, slots=True)
class AidStatement:
    diagnostic: DiagnosticStatement
    implementation: ImplementationStatement
    savings_follow_up: SavingsFollowUpStatement
    total: AidAmount

    @property
    def warnings(self) -> tuple[Message, ...]:
        return self.diagnostic.stacking.warnings + self.implementation.stacking.warnings

    @property
    def warnings_fr(self) -> tuple[str, ...]:
        return tuple(w.text("fr") for w in self.warnings)

    @property
    def warnings_en(self) -> tuple[str, ...]:
        return tuple(w.text("en") for w in self.warnings)


# --- computing ----------------------------------------------------------------------------------------------
def _cents(aid: AidAmount) -> AidAmount:
    """The same amount written with its two decimals (25000 → 25000.00), as every amount of the statement."""
    return replace(aid, amount=to_cents(aid.amount))


def _stack(
    phase: Phase, costs: Decimal, before: Decimal, grants: Decimal, names: Sequence[str]
) -> StackingResult:
    """The guide's stacking rule (stacking.apply_stacking) on one phase's costs, grants and planned aid.

    apply_stacking matches grants to one `Phase` value; phase 4 is passed under its first part's value with
    the grants of both parts, so the arithmetic is the phase's. Names carry no amount: they only let the rule
    warn about a grantor that may not be combined.
    """
    require_non_negative(grants, "other_grants")
    listed = [OtherGrant("", phase, grants)] + [OtherGrant(name, phase, ZERO) for name in names]
    planned = AidAmount(before, joined(), rules.STACKING)
    return apply_stacking(phase, costs, planned, listed)


def _diagnostic(data: DiagnosticInput) -> DiagnosticStatement:
    costs = require_non_negative(data.eligible_costs, "diagnostic.eligible_costs")
    before = _cents(diagnostic_aid(costs))
    stacked = _stack(Phase.DIAGNOSTIC, costs, before.amount, data.other_grants, data.grantors)
    aid = before if stacked.reduction == 0 else _cents(stacked.energir_aid)
    payment = AidAmount(
        aid.amount,
        message("Single payment (“granted in one payment”): {amount}", amount=money(aid.amount)),
        rules.DIAGNOSTIC_AID,
    )
    return DiagnosticStatement(costs, data.other_grants, before, stacked, aid, (AidPayment(1, payment),))


def _part_limits(part: Part) -> tuple[int, Decimal | None]:
    if part is Part.METERING:
        return rules.METERING_MAX_PAYMENT_YEARS, None
    return 1 + rules.OTHER_COMPONENTS_LATER_PAYMENTS, rules.OTHER_COMPONENTS_FIRST_YEAR_CAP


def _part_before(part: Part, costs_by_year: Sequence[Decimal]) -> tuple[Decimal, AidAmount]:
    max_years, _ = _part_limits(part)
    for index, cost in enumerate(costs_by_year):
        require_non_negative(cost, f"implementation.{part.value}.eligible_costs_by_year[{index}]")
    counted = sum(costs_by_year[:max_years], ZERO)
    aid = metering_aid(counted) if part is Part.METERING else other_components_aid(counted)
    return counted, _cents(aid)


def _payments(part: Part, costs_by_year: Sequence[Decimal], part_aid: Decimal) -> tuple[AidPayment, ...]:
    """The cumulative rule: year y pays min(50 % × costs of years 1..y, part aid[, 50 000 $ in year 1]) − paid."""
    max_years, first_cap = _part_limits(part)
    share = rules.METERING_SHARE if part is Part.METERING else rules.OTHER_COMPONENTS_SHARE
    out: list[AidPayment] = []
    paid = cumulative = ZERO
    year = 1
    while year <= max_years and (year <= len(costs_by_year) or paid < part_aid):
        cumulative += costs_by_year[year - 1] if year <= len(costs_by_year) else ZERO
        by_share = to_cents(cumulative * share)
        due = min(by_share, part_aid)  # what years 1..y may pay in all
        year_cap = first_cap if year == 1 else None
        amount = to_cents(max(ZERO, (due if year_cap is None else min(due, year_cap)) - paid))
        clauses: list[Message] = [
            message(
                "Year {year}: the lesser of 50% of the cumulative eligible costs (50% × {cumulative} = {by_share}) "
                "and the part's aid ({aid})",
                year=str(year),
                cumulative=money(cumulative),
                by_share=money(by_share),
                aid=money(part_aid),
            )
        ]
        if year_cap is not None:
            clauses.append(message(", first payment capped at {cap}", cap=money(year_cap)))
        if paid:
            clauses.append(message(", less earlier payments ({paid})", paid=money(paid)))
        clauses.append(message(": {amount}", amount=money(amount)))
        carried = due - paid - amount
        if carried > 0:
            clauses.append(message(" ({carried} carried over to the next payments)", carried=money(carried)))
        if year > len(costs_by_year):
            clauses.append(message(" — no new cost this year: payment of the amount carried over"))
        capped = amount < by_share - paid
        out.append(
            AidPayment(
                year, AidAmount(amount, joined(*clauses), rules.IMPLEMENTATION_AID, limited_by_cap=capped)
            )
        )
        paid += amount
        year += 1
    for late in range(max_years + 1, len(costs_by_year) + 1):
        rule = message(
            "Year {year}: no payment, at most {most} yearly payments ({cost} not counted)",
            year=str(late),
            most=str(max_years),
            cost=money(costs_by_year[late - 1]),
        )
        out.append(AidPayment(late, AidAmount(to_cents(ZERO), rule, rules.IMPLEMENTATION_AID)))
    return tuple(out)


def _spread(reduction: Decimal, before: Sequence[Decimal]) -> list[Decimal]:
    """Shares of `reduction` in proportion to `before`, to the cent (half up), remainder on the last one."""
    total = sum(before, ZERO)
    if total == 0:
        return [ZERO for _ in before]
    shares = [to_cents(reduction * b / total) for b in before[:-1]]
    return [*shares, reduction - sum(shares, ZERO)]


def _implementation(data: ImplementationInput) -> ImplementationStatement:
    inputs = {Part.METERING: data.metering, Part.OTHER_COMPONENTS: data.other_components}
    before = {part: _part_before(part, item.eligible_costs_by_year) for part, item in inputs.items()}
    costs = sum((counted for counted, _ in before.values()), ZERO)
    planned = sum((aid.amount for _, aid in before.values()), ZERO)
    stacked = _stack(Phase.IMPLEMENTATION_METERING, costs, planned, data.other_grants, data.grantors)
    cuts = dict(
        zip(before, _spread(stacked.reduction, [aid.amount for _, aid in before.values()]), strict=True)
    )
    parts: dict[Part, PartStatement] = {}
    for part, (counted, part_before) in before.items():
        cut = cuts[part]
        aid = part_before
        if stacked.reduction > 0:
            after = part_before.amount - cut
            rule = message(
                "{before} − its share of the phase-4 reduction ({reduction} × {before} / {planned} = {cut}, in "
                "proportion to each part's aid; the last part takes the rounding difference): {after}",
                before=money(part_before.amount),
                reduction=money(stacked.reduction),
                planned=money(planned),
                cut=money(cut),
                after=money(after),
            )
            aid = AidAmount(after, rule, rules.STACKING, limited_by_cap=True)
        costs_by_year = inputs[part].eligible_costs_by_year
        parts[part] = PartStatement(
            part, costs_by_year, counted, part_before, cut, aid, _payments(part, costs_by_year, aid.amount)
        )
    phase_aid = _cents(stacked.energir_aid) if stacked.reduction > 0 else _sum_parts(parts, planned)
    return ImplementationStatement(
        parts[Part.METERING], parts[Part.OTHER_COMPONENTS], costs, data.other_grants, stacked, phase_aid
    )


def _sum_parts(parts: dict[Part, PartStatement], amount: Decimal) -> AidAmount:
    rule = message(
        "Continuous metering {metering} + other components {other} = {total}",
        metering=money(parts[Part.METERING].aid.amount),
        other=money(parts[Part.OTHER_COMPONENTS].aid.amount),
        total=money(amount),
    )
    return AidAmount(amount, rule, rules.IMPLEMENTATION_AID)


def whole_m3(avoided_m3: Decimal) -> Decimal:
    """A year's avoided m³ as the aid counts and the reports print it: to the whole m³, half up."""
    return avoided_m3.quantize(WHOLE_M3, rounding=ROUND_HALF_UP)


def _savings(data: SavingsFollowUpInput) -> SavingsFollowUpStatement:
    years = [
        SavingsYear(i, whole_m3(y.avoided_m3), y.new_measures) for i, y in enumerate(data.years, start=1)
    ]
    payments = savings_follow_up_payments(years)
    rows = tuple(
        SavingsYearStatement(
            y.year, y.saved_m3, y.new_measures_in_year, replace(p.aid, amount=to_cents(p.aid.amount))
        )
        for y, p in zip(years, payments, strict=True)
    )
    amount = sum((row.aid.amount for row in rows), to_cents(ZERO))
    listed: list[object] = []
    for p in payments:
        listed += [" + ", money(p.aid.amount)] if listed else [money(p.aid.amount)]
    rule = message(
        "Sum of the yearly payments ({listed}), at most {cap} over at most {years} years: {amount}",
        listed=joined(*listed) if listed else money(ZERO),
        cap=money(rules.SAVINGS_CAP),
        years=str(rules.SAVINGS_MAX_YEARS),
        amount=money(amount),
    )
    return SavingsFollowUpStatement(rows, AidAmount(amount, rule, rules.SAVINGS_AID))


def aid_statement(data: StatementInput) -> AidStatement:
    """Every aid amount of a participant, per phase, part, program year and payment, with its rule."""
    diagnostic = _diagnostic(data.diagnostic)
    implementation = _implementation(data.implementation)
    savings = _savings(data.savings_follow_up)
    amount = diagnostic.aid.amount + implementation.aid.amount + savings.aid.amount
    rule = message(
        "Diagnostic {diagnostic} + development and implementation {implementation} + savings follow-up "
        "{savings} = {total}",
        diagnostic=money(diagnostic.aid.amount),
        implementation=money(implementation.aid.amount),
        savings=money(savings.aid.amount),
        total=money(amount),
    )
    total = AidAmount(amount, rule, TABLE_1)
    return AidStatement(diagnostic, implementation, savings, total)


# --- reading it ---------------------------------------------------------------------------------------------
def payments_of(
    statement: AidStatement, phase: StatementPhase | str, part: Part | str | None = None
) -> tuple[AidPayment, ...]:
    """The payments of a phase, or of one part of phase 4 (both parts when `part` is None)."""
    try:
        which = StatementPhase(phase)
        piece = Part(part) if part is not None else None
    except ValueError:
        raise SgeInputError(
            "phase", message("Unknown phase '{phase}' or part '{part}'.", phase=f"{phase}", part=f"{part}")
        ) from None
    if which is StatementPhase.DIAGNOSTIC:
        return statement.diagnostic.payments
    if which is StatementPhase.SAVINGS_FOLLOW_UP:
        return statement.savings_follow_up.payments
    impl = statement.implementation
    if piece is None:
        return impl.metering.payments + impl.other_components.payments
    return impl.metering.payments if piece is Part.METERING else impl.other_components.payments


def remaining(
    statement: AidStatement,
    phase: StatementPhase | str,
    part: Part | str | None,
    year: int | None,
    already_invoiced: Decimal = ZERO,
) -> Decimal:
    """What may still be invoiced for a phase (or part) up to and including program `year` (None: all years).

    The payments the statement allows for years 1..year, less `already_invoiced` for that phase or part;
    negative when more was invoiced than the statement allows (the invoice check's overrun).
    """
    payments = payments_of(statement, phase, part)
    allowed = sum((p.aid.amount for p in payments if year is None or p.year <= year), ZERO)
    return allowed - already_invoiced
