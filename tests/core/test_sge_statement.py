"""The aid statement: the guide's cases where the page, the schedule and the documents used to disagree, and the
invariants every statement keeps (payments add up to their part, parts to their phase, phases to the total)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.statement import (
    AidStatement,
    DiagnosticInput,
    ImplementationInput,
    Part,
    PartInput,
    SavingsFollowUpInput,
    SavingsYearInput,
    StatementInput,
    StatementPhase,
    aid_statement,
    locate,
    remaining,
    whole_m3,
)


def statement(
    metering: list[str] = [],  # noqa: B006 — never mutated
    other: list[str] = [],  # noqa: B006
    grants: str = "0",
    diagnostic: tuple[str, str] = ("0", "0"),
    years: list[tuple[str, bool]] = [],  # noqa: B006
) -> AidStatement:
    return aid_statement(
        StatementInput(
            DiagnosticInput(D(diagnostic[0]), D(diagnostic[1])),
            ImplementationInput(
                PartInput(tuple(D(c) for c in metering)), PartInput(tuple(D(c) for c in other)), D(grants)
            ),
            SavingsFollowUpInput(tuple(SavingsYearInput(D(m3), new) for m3, new in years)),
        )
    )


def amounts(payments: object) -> list[D]:
    return [p.aid.amount for p in payments]  # type: ignore[attr-defined]


def check_invariants(s: AidStatement) -> None:
    d, i, f = s.diagnostic, s.implementation, s.savings_follow_up
    assert sum(amounts(d.payments), D(0)) == d.aid.amount
    for part in i.parts:
        assert sum(amounts(part.payments), D(0)) == part.aid.amount, part.part
        assert all(p.aid.amount >= 0 for p in part.payments)
        assert part.aid.amount == part.aid_before_stacking.amount - part.reduction
        assert 0 <= part.reduction <= part.aid_before_stacking.amount
    assert i.metering.aid.amount + i.other_components.aid.amount == i.aid.amount
    assert sum((y.aid.amount for y in f.years), D(0)) == f.aid.amount
    assert d.aid.amount + i.aid.amount + f.aid.amount == s.total.amount
    for amount in (d.aid.amount, i.aid.amount, f.aid.amount, s.total.amount):
        assert amount == amount.quantize(D("0.01")) and amount.as_tuple().exponent == -2
    # the guide's caps (Tableau 1) and « Cumul des aides financières »
    assert d.aid.amount <= rules.DIAGNOSTIC_CAP
    assert (
        i.metering.aid.amount <= rules.METERING_CAP
        and i.other_components.aid.amount <= rules.OTHER_COMPONENTS_CAP
    )
    assert f.aid.amount <= rules.SAVINGS_CAP
    assert d.aid.amount + d.other_grants <= max(d.stacking.ceiling, d.other_grants)
    assert i.aid.amount + i.other_grants <= max(i.stacking.ceiling, i.other_grants)
    other = i.other_components.payments
    if other:
        assert other[0].aid.amount <= rules.OTHER_COMPONENTS_FIRST_YEAR_CAP
    assert len([p for p in i.metering.payments if p.aid.amount]) <= rules.METERING_MAX_PAYMENT_YEARS
    assert all(y.aid.amount == 0 for y in f.years if y.year > rules.SAVINGS_MAX_YEARS or not y.new_measures)


# --- the cases that disagreed ---------------------------------------------------------------------------------
def test_145_500_of_year_1_costs_schedule_pays_the_aid_shown() -> None:
    # Before: the schedule paid 50 000 + 11 000 = 61 000 $ beside a headline aid of 75 000 $.
    s = statement(other=["145500", "22000"])
    other = s.implementation.other_components
    assert other.aid.amount == D("75000.00")
    assert amounts(other.payments) == [D("50000.00"), D("25000.00")]
    assert "carried over" in other.payments[0].aid.explanation_en
    assert s.total.amount == D("75000.00")
    check_invariants(s)


def test_stacking_100_000_costs_60_000_grant_schedule_follows_the_reduced_aid() -> None:
    # Before: "Stacking: 15 000 $" beside a schedule total of 50 000 $.
    s = statement(other=["100000"], grants="60000")
    other = s.implementation.other_components
    assert s.implementation.aid.amount == other.aid.amount == D("15000.00")
    assert amounts(other.payments) == [D("15000.00")]
    assert s.implementation.client_share == D("25000.00")  # 25 % of 100 000 $
    check_invariants(s)


def test_year_1_costs_above_the_year_1_cap_carry_over() -> None:
    # Before: aid 75 000 $, schedule 50 000 + 10 000 + 10 000 = 70 000 $.
    s = statement(other=["120000", "20000", "20000"])
    other = s.implementation.other_components
    assert other.aid.amount == D("75000.00")
    assert amounts(other.payments) == [D("50000.00"), D("20000.00"), D("5000.00")]
    check_invariants(s)


def test_year_1_costs_alone_carry_over_into_a_year_2_payment() -> None:
    s = statement(other=["120000"])
    other = s.implementation.other_components
    assert other.aid.amount == D("60000.00")
    assert amounts(other.payments) == [D("50000.00"), D("10000.00")]
    assert "no new cost this year" in other.payments[1].aid.explanation_en
    check_invariants(s)


def test_stacking_is_per_phase_metering_and_other_components_together() -> None:
    # Before: metering 50 000 $ + other components max(0, 75 000 − 60 000) = 15 000 $ → 65 000 $.
    s = statement(metering=["100000"], other=["100000"], grants="60000")
    i = s.implementation
    assert i.stacking.ceiling == D("150000.00")
    assert i.aid.amount == D("90000.00")
    # the 10 000 $ cut is shared in proportion to each part's aid (50 000 $ each)
    assert (i.metering.reduction, i.other_components.reduction) == (D("5000.00"), D("5000.00"))
    assert amounts(i.metering.payments) == [D("45000.00")]
    assert amounts(i.other_components.payments) == [D("45000.00")]
    assert s.total.amount == D("90000.00")
    check_invariants(s)


def test_reduction_spread_rounds_to_the_cent_with_the_remainder_on_the_last_part() -> None:
    # aids 33 333,33 $ and 50 000 $; ceiling 75 % × 166 666,66 = 125 000 $; grants 42 000,01 $ → cut 333,34 $
    s = statement(metering=["66666.66"], other=["100000"], grants="42000.01")
    i = s.implementation
    assert i.aid.amount == D("82999.99")
    assert i.metering.reduction + i.other_components.reduction == D("333.34")
    assert i.metering.reduction == D("133.34")  # 333,34 × 33 333,33 / 83 333,33 = 133,336 → 133,34
    check_invariants(s)


def test_savings_year_2_without_new_measures_pays_nothing() -> None:
    s = statement(years=[("184646", True), ("140345", False)])
    years = s.savings_follow_up.years
    assert [y.aid.amount for y in years] == [D("18464.60"), D("0.00")]
    assert s.savings_follow_up.aid.amount == D("18464.60")
    assert "no new eligible savings measure" in years[1].aid.explanation_en
    check_invariants(s)


def test_savings_m3_are_counted_whole_as_the_reports_print_them() -> None:
    # The demo's year 1 is 184 646,41 m³: the aid is 184 646 × 0,10 $, not 18 464,64 $.
    s = statement(years=[("184646.41", True)])
    assert s.savings_follow_up.years[0].avoided_m3 == D("184646")
    assert s.savings_follow_up.aid.amount == D("18464.60")
    assert whole_m3(D("0.5")) == 1 and whole_m3(D("-0.4")) == 0


def test_savings_cap_of_175_000_across_years_in_year_order() -> None:
    s = statement(years=[("1000000", True), ("1000000", True), ("1000000", True)])
    assert [y.aid.amount for y in s.savings_follow_up.years] == [D("100000.00"), D("75000.00"), D("0.00")]
    assert s.savings_follow_up.years[1].aid.limited_by_cap
    check_invariants(s)


def test_savings_four_year_window() -> None:
    s = statement(years=[("10000", True)] * 6)
    assert [y.aid.amount for y in s.savings_follow_up.years] == [D("1000.00")] * 4 + [D("0.00")] * 2
    assert "at most 4 years" in s.savings_follow_up.years[4].aid.explanation_en
    check_invariants(s)


def test_metering_five_payment_years_and_costs_after_them_not_counted() -> None:
    s = statement(metering=["10"] * 7)
    metering = s.implementation.metering
    assert metering.eligible_costs == D("50")
    assert amounts(metering.payments) == [D("5.00")] * 5 + [D("0.00")] * 2
    assert "not counted" in metering.payments[6].aid.explanation_en
    check_invariants(s)


def test_metering_total_cap_within_the_years() -> None:
    s = statement(metering=["140000", "20000"])
    assert amounts(s.implementation.metering.payments) == [D("70000.00"), D("5000.00")]
    check_invariants(s)


def test_diagnostic_stacked_on_its_own() -> None:
    s = statement(diagnostic=("38200", "12000"), other=["10000"], grants="0")
    assert s.diagnostic.aid.amount == D("16650.00")  # 75 % × 38 200 − 12 000
    assert amounts(s.diagnostic.payments) == [D("16650.00")]
    assert s.implementation.aid.amount == D("5000.00")  # the diagnostic's grant does not touch phase 4
    check_invariants(s)


def test_remaining_for_the_invoice_checks() -> None:
    s = statement(diagnostic=("60000", "0"), other=["120000", "20000", "20000"], years=[("100000", True)])
    assert remaining(s, "diagnostic", None, None) == D("25000.00")
    assert remaining(s, StatementPhase.IMPLEMENTATION, Part.OTHER_COMPONENTS, 1) == D("50000.00")
    assert remaining(s, "implementation", "other_components", 2) == D("70000.00")
    assert remaining(s, "implementation", "other_components", 2, already_invoiced=D("50000")) == D("20000.00")
    assert remaining(s, "implementation", None, None) == D("75000.00")
    assert remaining(s, "savings_follow_up", None, 1, D("10000.01")) == D("-0.01")  # invoiced too much
    assert locate(Phase.IMPLEMENTATION_OTHER) == (StatementPhase.IMPLEMENTATION, Part.OTHER_COMPONENTS)
    with pytest.raises(SgeInputError):
        remaining(s, "phase_9", None, 1)


def test_negative_costs_name_the_field() -> None:
    with pytest.raises(SgeInputError) as info:
        statement(other=["1", "-2"])
    assert info.value.field == "implementation.other_components.eligible_costs_by_year[1]"


def test_an_empty_file_owes_nothing() -> None:
    s = aid_statement(StatementInput())
    assert s.total.amount == D("0.00")
    check_invariants(s)


# --- property: the invariants hold for any figures --------------------------------------------------------------
cents = st.decimals(min_value=0, max_value=400000, places=2, allow_nan=False, allow_infinity=False)
costs = st.lists(cents, max_size=7).map(tuple)
years = st.lists(
    st.tuples(st.decimals(min_value=-200000, max_value=3000000, places=2), st.booleans()), max_size=6
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    diag=cents,
    diag_grants=cents,
    metering=costs,
    other=costs,
    grants=cents,
    saved=years,
)
def test_invariants_hold_for_any_figures(
    diag: D,
    diag_grants: D,
    metering: tuple[D, ...],
    other: tuple[D, ...],
    grants: D,
    saved: list[tuple[D, bool]],
) -> None:
    s = aid_statement(
        StatementInput(
            DiagnosticInput(diag, diag_grants),
            ImplementationInput(PartInput(metering), PartInput(other), grants),
            SavingsFollowUpInput(tuple(SavingsYearInput(m3, new) for m3, new in saved)),
        )
    )
    check_invariants(s)
    # without other grants, each part is paid min(75 000 $, 50 % of its costs in years 1–5)
    if grants == 0:
        for part, cost in ((s.implementation.metering, metering), (s.implementation.other_components, other)):
            expected = min(
                D("75000"), (sum(cost[:5], D(0)) / 2).quantize(D("0.01"), rounding="ROUND_HALF_UP")
            )
            assert part.aid.amount == expected
