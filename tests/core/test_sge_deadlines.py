from __future__ import annotations

from datetime import date

from espm_desktop.core.sge.deadlines import (
    DeadlineStatus,
    add_months,
    diagnostic_deadline,
    implementation_deliverables_deadline,
    participant_deadlines,
    savings_claims_deadline,
)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2024, 1, 15), 18) == date(2025, 7, 15)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)


def test_diagnostic_six_months_and_days_left() -> None:
    deadline = diagnostic_deadline(date(2024, 3, 1))
    assert deadline.due == date(2024, 9, 1)
    assert deadline.days_left(date(2024, 8, 1)) == 31
    assert deadline.status(date(2024, 8, 1)) is DeadlineStatus.OPEN
    assert deadline.status(date(2024, 8, 2)) is DeadlineStatus.DUE_SOON
    assert deadline.days_left(date(2024, 9, 1)) == 0
    assert deadline.status(date(2024, 9, 2)) is DeadlineStatus.OVERDUE
    assert "en retard de 1 jours" in deadline.describe(date(2024, 9, 2), "fr")
    assert "Tableau 2" in deadline.citation.text("fr")


def test_implementation_eighteen_months_and_savings_four_years() -> None:
    assert implementation_deliverables_deadline(date(2024, 1, 10)).due == date(2025, 7, 10)
    assert savings_claims_deadline(date(2025, 6, 30)).due == date(2029, 6, 30)


def test_participant_deadlines_sorted_and_partial() -> None:
    found = participant_deadlines(
        diagnostic_acceptance=date(2024, 1, 1), implementation_acceptance=date(2022, 12, 1)
    )
    assert [d.key for d in found] == ["implementation_deliverables", "diagnostic_completion"]
    assert participant_deadlines() == ()
