"""Savings periods and program years (SGÉ phase 5), the exact Student t, and SGÉ messages in the user's words.

Guide (seed 001), phase 5 « Aide financière »: « À partir de la date d'acceptation des premiers livrables de la
phase Élaboration et mise en œuvre, le participant dispose de quatre (4) ans pour présenter des demandes … »;
« 0,10 $/m³ … après une période maximale de mesurage en continu d'un an ».
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from espm_desktop.core.savings import (
    BaselineModel,
    BillingPeriod,
    ClaimStatus,
    PeriodSavings,
    SavingsInputError,
    SavingsResult,
    check_periods,
    continuous_measurement,
    savings_by_program_year,
    t_quantile,
)
from espm_desktop.core.sge.common import SgeInputError, field_label, format_money, to_decimal, user_text
from espm_desktop.core.sge.deadlines import (
    add_months,
    program_year_bounds,
    program_year_of,
    savings_claims_deadline,
)

MODEL = BaselineModel("hdd", 16.0, 100.0, 5.0, 0.0, 12, 2, 0.9, 0.9, 0.05, 0.0, 0.0, 365)


def monthly(
    first: date, last: date, avoided_per_day: float = 10.0, skip: date | None = None
) -> SavingsResult:
    """Reporting rows, one per calendar month from `first` to `last`, each avoiding `avoided_per_day`."""
    rows = []
    start = first
    while start <= last:
        end = add_months(start, 1) - timedelta(days=1)
        period = BillingPeriod(start, end, 1000.0)
        if start != skip:
            rows.append(PeriodSavings(period, 1.0, 1000.0 + avoided_per_day * period.days, 0.0, 1000.0))
        start = end + timedelta(days=1)
    return SavingsResult(MODEL, tuple(rows), 0.90, 0.1)


# --- 1. follow-up after the baseline -----------------------------------------------------------------------
@pytest.mark.parametrize("reporting_start", [date(2023, 3, 1), date(2023, 6, 30), date(2022, 12, 1)])
def test_follow_up_starting_before_or_inside_the_baseline_is_refused_naming_both_dates(
    reporting_start: date,
) -> None:
    with pytest.raises(SavingsInputError) as caught:
        check_periods(date(2022, 7, 1), date(2023, 6, 30), reporting_start)
    fr, en = caught.value.message_fr, caught.value.message_en
    assert fr.startswith(f"Le suivi commence le {reporting_start}, avant la fin de la période de référence "
                         "(2023-06-30).")  # fmt: skip
    assert "2023-07-01" in fr  # the fix: the first day it may start
    assert str(reporting_start) in en and "2023-06-30" in en


def test_follow_up_the_day_after_the_baseline_is_accepted() -> None:
    check_periods(date(2022, 7, 1), date(2023, 6, 30), date(2023, 7, 1))


def test_a_baseline_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(SavingsInputError, match="2022-07-01"):
        check_periods(date(2022, 7, 1), date(2022, 6, 1), date(2023, 7, 1))


# --- 1. program years from the acceptance of the first phase 4 deliverables --------------------------------
def test_program_years_count_from_the_deliverables_acceptance_not_the_reporting_start() -> None:
    accepted = date(2024, 3, 15)
    result = monthly(date(2024, 1, 1), date(2025, 12, 31))
    years = savings_by_program_year(result, accepted)
    assert [(y.year, y.start, y.end) for y in years] == [
        (1, date(2024, 3, 15), date(2025, 3, 14)),
        (2, date(2025, 3, 15), date(2026, 3, 14)),
    ]
    # days before the acceptance belong to no program year: 10 m³/day only from 15 March 2024
    assert years[0].avoided_m3 == pytest.approx(10.0 * 365)
    assert years[0].status is ClaimStatus.CLAIMABLE
    assert years[1].status is ClaimStatus.INCOMPLETE  # bills stop on 2025-12-31, the year ends 2026-03-14
    assert "2025-12-31" in years[1].status_message("fr") and "2026-03-14" in years[1].status_message("en")


def test_program_year_bounds_are_the_one_date_rule() -> None:
    accepted = date(2024, 2, 29)
    assert program_year_bounds(accepted, 1) == (date(2024, 2, 29), date(2025, 2, 27))
    assert program_year_bounds(accepted, 4) == (date(2027, 2, 28), date(2028, 2, 28))
    assert program_year_of(accepted, date(2024, 2, 28)) is None
    assert program_year_of(accepted, date(2025, 2, 27)) == 1
    assert program_year_of(accepted, date(2025, 2, 28)) == 2
    # the claim window closes the day after program year 4
    assert savings_claims_deadline(accepted).due == program_year_bounds(accepted, 4)[1] + timedelta(days=1)


def test_years_after_the_fourth_are_refused() -> None:
    accepted = date(2020, 1, 1)
    years = savings_by_program_year(monthly(date(2020, 1, 1), date(2025, 12, 31)), accepted)
    assert [y.year for y in years] == [1, 2, 3, 4, 5, 6]
    assert [y.status for y in years] == [ClaimStatus.CLAIMABLE] * 4 + [ClaimStatus.BEYOND_WINDOW] * 2
    assert "4" in years[4].status_message("fr") and "Refused" in years[4].status_message("en")


def test_twelve_months_of_continuous_measurement_come_before_a_claim() -> None:
    # Measurement starts 1 Sept 2024, after the acceptance (1 March 2024): year 1 ends 28 Feb 2025 with six
    # months of measurement; it can be claimed once the bills reach 31 Aug 2025.
    accepted = date(2024, 3, 1)
    short = savings_by_program_year(monthly(date(2024, 9, 1), date(2025, 6, 30)), accepted)
    assert short[0].status is ClaimStatus.AWAITING_12_MONTHS
    assert short[0].claimable_from == date(2025, 9, 1)
    assert "2025-09-01" in short[0].status_message("fr")
    enough = savings_by_program_year(monthly(date(2024, 9, 1), date(2025, 8, 31)), accepted)
    assert enough[0].status is ClaimStatus.CLAIMABLE


def test_a_gap_in_the_bills_stops_the_continuous_measurement() -> None:
    result = monthly(date(2024, 1, 1), date(2025, 12, 31), skip=date(2024, 6, 1))
    assert continuous_measurement([r.period for r in result.periods]) == (date(2024, 1, 1), date(2024, 5, 31))
    years = savings_by_program_year(result, date(2024, 1, 1))
    assert [y.status for y in years] == [ClaimStatus.INCOMPLETE, ClaimStatus.INCOMPLETE]


# --- 2. the exact Student t quantile (two-sided at `confidence`, as Guideline 14's uncertainty uses it) ------
@pytest.mark.parametrize(
    ("confidence", "dof", "expected"),
    [
        (0.95, 1, 12.706),  # two-sided 95 %
        (0.90, 1, 6.314),  # two-sided 90 % = one-sided 95 %; the Cornish-Fisher series gave 6.006
        (0.90, 2, 2.920),
        (0.90, 10, 1.812),
        (0.90, 30, 1.697),
        (0.90, math.inf, 1.645),
        (0.95, 5, 2.571),
        (0.99, 3, 5.841),
    ],
)
def test_t_quantile_is_exact(confidence: float, dof: float, expected: float) -> None:
    assert t_quantile(confidence, dof) == pytest.approx(expected, abs=1e-3)


def test_t_quantile_matches_the_closed_forms() -> None:
    # 1 d.f. (Cauchy): tan(π(p − ½)); 2 d.f.: t = (2p − 1)·sqrt(2 / (4p(1 − p))) with p the upper probability
    p = 0.95
    assert t_quantile(0.90, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), abs=1e-9)
    assert t_quantile(0.90, 2) == pytest.approx((2 * p - 1) * math.sqrt(2 / (4 * p * (1 - p))), abs=1e-9)


# --- 3. field names and amounts in the user's words ---------------------------------------------------------
def test_field_keys_become_labels_in_both_languages() -> None:
    with pytest.raises(SgeInputError) as caught:
        to_decimal("x", "beneficiary.gst_number")
    error = caught.value
    assert (
        error.user_message("fr")
        == "«\u00a0Numéro de TPS du bénéficiaire\u00a0» doit être un nombre (reçu : 'x')."
    )
    assert "“Beneficiary's GST number”" in error.user_message("en")
    assert "beneficiary" not in error.user_message("fr") + error.user_message("en")
    assert error.message("en").startswith("'beneficiary.gst_number'")  # the CLI's JSON keeps its key
    assert field_label("implementation.implementation_other.eligible_costs_by_year[1]", "fr") == (
        "Dépenses admissibles des autres composantes, année 2"
    )


def test_raw_amounts_in_messages_are_written_for_the_language() -> None:
    fr = user_text("Le montant crédité (20000.00) doit être entre 0,01 et 19000.00.", "fr")
    assert fr == "Le montant crédité (20\u00a0000,00\u00a0$) doit être entre 0,01 et 19\u00a0000,00\u00a0$."
    en = user_text("The credited amount (20000.00) must be between 0.01 and 19000.00.", "en")
    assert "($20,000.00)" in en and "$19,000.00." in en
    untouched = "Le suivi commence le 2023-03-01; version 1.10.2; 3.14159."
    assert user_text(untouched, "fr") == untouched
    assert format_money(Decimal("12345.67"), "fr") == "12\u00a0345,67\u00a0$"
    assert format_money(Decimal("12345.67"), "en") == "$12,345.67"


def test_negative_amount_message_has_no_raw_decimal() -> None:
    from espm_desktop.core.sge.common import require_non_negative

    with pytest.raises(SgeInputError) as caught:
        require_non_negative(Decimal("-20000.00"), "diagnostic.eligible_costs")
    assert "20000.00" not in caught.value.user_message("fr")
    assert "-20\u00a0000,00" in caught.value.user_message("fr")
    assert "«\u00a0Dépenses admissibles du diagnostic\u00a0»" in caught.value.user_message("fr")


# --- the store and the aid statement use the one rule (demo participant: deliverables accepted 2025-01-05) ---
def _demo(demo_db, change=None):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from sqlalchemy.orm import Session

    from espm_desktop.core.sge.participant_statement import statement_input
    from espm_desktop.db import sge_participants, sge_savings
    from espm_desktop.db.engine import make_engine

    engine = make_engine(demo_db)
    try:
        with Session(engine) as s, s.begin():
            ((pid, _),) = sge_participants.list_participants(s)
            if change is not None:
                change(s, pid, replace)
        with Session(engine) as s:
            file = sge_participants.load_participant(s, pid)
            try:
                analysis = sge_savings.savings_analysis(s, pid)
            except SavingsInputError as exc:
                return file, exc, None
        return file, analysis, statement_input(file, analysis)
    finally:
        engine.dispose()


def test_store_refuses_a_follow_up_inside_the_baseline(demo_db) -> None:  # type: ignore[no-untyped-def]
    def inside(s, pid, replace):  # type: ignore[no-untyped-def]
        from espm_desktop.db import sge_participants

        info = sge_participants.load_participant(s, pid).info
        sge_participants.save_participant(s, replace(info, reporting_start=date(2024, 3, 1)))

    _, error, _ = _demo(demo_db, inside)
    assert isinstance(error, SavingsInputError)
    assert error.message_fr.startswith(
        "Le suivi commence le 2024-03-01, avant la fin de la période de référence (2025-01-04)."
    )


def test_store_program_years_and_the_statement_come_from_the_acceptance_date(demo_db) -> None:  # type: ignore[no-untyped-def]
    file, analysis, statement = _demo(demo_db)
    assert analysis.first_deliverables_accepted == date(2025, 1, 5)
    assert analysis.program_start == date(2025, 1, 5)  # the reporting start, for the CUSUM only
    years = analysis.by_program_year
    assert [(y.year, y.start, y.status) for y in years] == [
        (1, date(2025, 1, 5), ClaimStatus.CLAIMABLE),
        (2, date(2026, 1, 5), ClaimStatus.INCOMPLETE),  # the demo's bills end on 2026-11-04
    ]
    on_or_after = sum(
        r.avoided_m3 * max(0, (r.period.end - max(r.period.start, date(2025, 1, 5))).days + 1) / r.period.days
        for r in analysis.reporting.periods
    )
    assert sum(y.avoided_m3 for y in years) == pytest.approx(on_or_after)
    # the statement gets year 1 only: year 2 is not complete
    assert len(statement.savings_follow_up.years) == 1


def test_without_the_acceptance_date_no_program_year_and_no_claim(demo_db) -> None:  # type: ignore[no-untyped-def]
    def forget(s, pid, replace):  # type: ignore[no-untyped-def]
        from espm_desktop.db import sge_participants

        for phase, dates in sge_participants.load_participant(s, pid).phases.items():
            sge_participants.save_phase(s, pid, replace(dates, phase=phase, deliverables_accepted_date=None))

    _, analysis, statement = _demo(demo_db, forget)
    assert analysis.by_program_year == () and analysis.first_deliverables_accepted is None
    assert analysis.program_years_note is not None
    assert "date d'acceptation des premiers livrables" in analysis.program_years_note.text("fr")
    assert "no savings follow-up aid claim can be computed" in analysis.program_years_note.text("en")
    assert statement.savings_follow_up.years == ()
