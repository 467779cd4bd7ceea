from __future__ import annotations

from decimal import Decimal as D

import pytest

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import (
    ExpenseLine,
    SavingsYear,
    diagnostic_aid,
    implementation_payment_schedule,
    metering_aid,
    other_components_aid,
    phase_aid,
    savings_follow_up_payments,
    summarize_expenses,
    total_paid,
)
from espm_desktop.core.sge.common import SgeInputError, to_decimal
from espm_desktop.core.sge.rules import ExpenseKind, Phase


def test_guide_figures() -> None:
    # Tableau 1: 25 000 $, 150 000 $ (= 75 000 + 75 000), 175 000 $; notes 2-3: 50 %, 0,10 $/m³
    assert rules.DIAGNOSTIC_CAP == D("25000")
    assert rules.METERING_CAP + rules.OTHER_COMPONENTS_CAP == D("150000")
    assert rules.SAVINGS_CAP == D("175000")
    assert rules.SAVINGS_RATE_PER_M3 == D("0.10")
    assert rules.DIAGNOSTIC_SHARE == rules.METERING_SHARE == rules.OTHER_COMPONENTS_SHARE == D("0.5")
    assert rules.STACKING_MAX_TOTAL_SHARE + rules.CLIENT_MIN_SHARE == 1


@pytest.mark.parametrize(
    ("expenses", "aid", "capped"),
    [("40000", "20000.00", False), ("50000", "25000.00", False), ("60000", "25000", True), ("0", "0", False)],
)
def test_diagnostic_below_at_above_cap(expenses: str, aid: str, capped: bool) -> None:
    result = diagnostic_aid(D(expenses))
    assert result.amount == D(aid)
    assert result.limited_by_cap is capped
    assert "Phase 2 – Diagnostic" in result.explanation("fr")
    assert "Guide du participant SGÉ" in result.explanation("fr")
    assert "lesser of $25,000.00" in result.explanation("en")


@pytest.mark.parametrize("func", [metering_aid, other_components_aid])
@pytest.mark.parametrize(
    ("expenses", "aid"),
    [("149999.99", "75000"), ("150000", "75000"), ("150002", "75000"), ("1000.01", "500.01")],
)
def test_implementation_parts_cap(func: object, expenses: str, aid: str) -> None:
    assert callable(func)
    result = func(D(expenses))
    assert result.amount == D(aid)
    assert "Tableau 3" in result.explanation("fr")


def test_phase_aid_dispatch_and_savings_rejected() -> None:
    assert phase_aid(Phase.DIAGNOSTIC, D("100000")).amount == D("25000")
    with pytest.raises(SgeInputError):
        phase_aid(Phase.SAVINGS_FOLLOW_UP, D("1"))


def test_negative_expense_names_field() -> None:
    with pytest.raises(SgeInputError) as info:
        diagnostic_aid(D("-1"))
    assert info.value.field == "eligible_expenses"
    assert "négatif" in info.value.message_fr


def test_expense_lines_per_phase() -> None:
    lines = [
        ExpenseLine(
            Phase.IMPLEMENTATION_OTHER,
            ExpenseKind.INTERNAL_HOURS,
            "Gestionnaire énergie",
            hours=D("120"),
            hourly_rate=D("85.50"),
        ),
        ExpenseLine(Phase.IMPLEMENTATION_OTHER, ExpenseKind.CONSULTANT, "Accompagnement", amount=D("30000")),
        ExpenseLine(Phase.IMPLEMENTATION_OTHER, ExpenseKind.ISO_50001, "Audit ISO 50001", amount=D("8000")),
        ExpenseLine(Phase.IMPLEMENTATION_OTHER, ExpenseKind.EQUIPMENT, "Débitmètre", amount=D("5000")),
        ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Débitmètre", amount=D("5000")),
    ]
    other = summarize_expenses(Phase.IMPLEMENTATION_OTHER, lines)
    assert other.eligible_total == D("120") * D("85.50") + D("38000")
    assert len(other.accepted) == 3
    assert len(other.rejected) == 1 and "Débitmètre" in other.rejected[0].message_fr
    metering = summarize_expenses(Phase.IMPLEMENTATION_METERING, lines)
    assert metering.eligible_total == D("5000") and not metering.rejected
    iso_in_diag = summarize_expenses(
        Phase.DIAGNOSTIC, [ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.ISO_50001, "ISO", amount=D("1"))]
    )
    assert iso_in_diag.eligible_total == 0 and iso_in_diag.rejected


def test_internal_hours_need_hours_and_rate() -> None:
    line = ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.INTERNAL_HOURS, "Ingénieur", hours=D("10"))
    with pytest.raises(SgeInputError) as info:
        summarize_expenses(Phase.DIAGNOSTIC, [line])
    assert "Ingénieur" in info.value.message_en


def test_other_components_schedule_first_year_cap_then_total_cap() -> None:
    payments = implementation_payment_schedule(
        Phase.IMPLEMENTATION_OTHER, [D("120000"), D("20000"), D("40000"), D("10000"), D("10000"), D("10000")]
    )
    amounts = [p.aid.amount for p in payments]
    # year 1: 50 % × 120 000 = 60 000 > 50 000 cap; year 2: 10 000; year 3: 20 000 > 15 000 left; then nothing
    assert amounts == [D("50000"), D("10000.00"), D("15000"), D("0"), D("0"), D("0")]
    assert total_paid(payments) == rules.OTHER_COMPONENTS_CAP
    assert payments[0].aid.limited_by_cap and "50\u00a0000,00" in payments[0].aid.explanation_fr
    assert "at most 5 yearly payments" in payments[5].aid.explanation_en


def test_other_components_first_year_at_and_below_cap() -> None:
    at = implementation_payment_schedule(Phase.IMPLEMENTATION_OTHER, [D("100000")])
    below = implementation_payment_schedule(Phase.IMPLEMENTATION_OTHER, [D("99999.98")])
    assert at[0].aid.amount == D("50000") and not at[0].aid.limited_by_cap
    assert below[0].aid.amount == D("49999.99")


def test_metering_schedule_no_first_year_cap_and_five_years() -> None:
    payments = implementation_payment_schedule(Phase.IMPLEMENTATION_METERING, [D("140000"), D("20000")])
    assert [p.aid.amount for p in payments] == [D("70000.00"), D("5000")]
    six = implementation_payment_schedule(Phase.IMPLEMENTATION_METERING, [D("10")] * 6)
    assert [p.aid.amount for p in six] == [D("5.00")] * 5 + [D("0")]


def test_schedule_rejects_diagnostic() -> None:
    with pytest.raises(SgeInputError):
        implementation_payment_schedule(Phase.DIAGNOSTIC, [D("1")])


def test_savings_follow_up_rate_cap_years_and_new_measures() -> None:
    payments = savings_follow_up_payments(
        [
            SavingsYear(1, D("600000"), True),  # 60 000 $
            SavingsYear(2, D("500000"), False),  # no new measure: 0
            SavingsYear(3, D("1000000"), True),  # 100 000 $
            SavingsYear(4, D("300000"), True),  # 30 000 $ but only 15 000 $ left of 175 000 $
            SavingsYear(5, D("300000"), True),  # past 4 years
        ]
    )
    assert [p.aid.amount for p in payments] == [D("60000.00"), D("0"), D("100000.00"), D("15000"), D("0")]
    assert total_paid(payments) == rules.SAVINGS_CAP
    assert payments[3].aid.limited_by_cap
    assert not payments[1].aid.limited_by_cap and "aucune nouvelle mesure" in payments[1].aid.explanation_fr
    assert "at most 4 years" in payments[4].aid.explanation_en


def test_savings_at_and_just_below_cap() -> None:
    at = savings_follow_up_payments([SavingsYear(1, D("1750000"), True)])
    assert at[0].aid.amount == D("175000") and not at[0].aid.limited_by_cap
    above = savings_follow_up_payments([SavingsYear(1, D("1750000.1"), True)])
    assert above[0].aid.amount == D("175000") and above[0].aid.limited_by_cap
    below = savings_follow_up_payments([SavingsYear(1, D("1749999.94"), True)])
    assert below[0].aid.amount == D("174999.99")


def test_savings_negative_savings_pay_nothing() -> None:
    assert savings_follow_up_payments([SavingsYear(1, D("-5000"), True)])[0].aid.amount == 0


def test_to_decimal_reads_french_and_english_numbers() -> None:
    assert to_decimal("1 234,56", "x") == D("1234.56")
    assert to_decimal("1,234.56", "x") == D("1234.56")
    assert to_decimal(12.5, "x") == D("12.5")
    with pytest.raises(SgeInputError) as info:
        to_decimal("abc", "aid_amount")
    assert info.value.field == "aid_amount"
