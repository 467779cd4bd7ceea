"""The guide's deadlines, counted from Énergir's acceptance dates, with the days left."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.rules import Citation


def add_months(start: date, months: int) -> date:
    """Same day `months` later; a day the target month lacks becomes its last day (31 Aug + 6 → 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


class DeadlineStatus(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"  # 30 days or fewer
    OVERDUE = "overdue"


DUE_SOON_DAYS = 30


@dataclass(frozen=True, slots=True)
class Deadline:
    key: str
    label_fr: str
    label_en: str
    due: date
    citation: Citation

    def days_left(self, today: date) -> int:
        """Days from `today` to the due date; 0 on the day itself, negative once past."""
        return (self.due - today).days

    def status(self, today: date) -> DeadlineStatus:
        left = self.days_left(today)
        if left < 0:
            return DeadlineStatus.OVERDUE
        return DeadlineStatus.DUE_SOON if left <= DUE_SOON_DAYS else DeadlineStatus.OPEN

    def describe(self, today: date, language: str = "fr") -> str:
        left = self.days_left(today)
        if language == "en":
            when = f"{left} days left" if left >= 0 else f"{-left} days overdue"
            return f"{self.label_en}: {self.due.isoformat()} ({when})"
        when = f"{left} jours restants" if left >= 0 else f"en retard de {-left} jours"
        return f"{self.label_fr} : {self.due.isoformat()} ({when})"


def diagnostic_deadline(acceptance: date) -> Deadline:
    """Six months from acceptance of the Diagnostic aid to carry out the phase (Tableau 2, step 3)."""
    return Deadline(
        "diagnostic_completion",
        "Réaliser la phase Diagnostic",
        "Complete the Diagnostic phase",
        add_months(acceptance, rules.DIAGNOSTIC_DEADLINE_MONTHS),
        rules.DIAGNOSTIC_DEADLINE,
    )


def implementation_deliverables_deadline(acceptance: date) -> Deadline:
    """Eighteen months from acceptance of the phase 4 aid to present the deliverables (Tableau 5, step 5)."""
    return Deadline(
        "implementation_deliverables",
        "Présenter les livrables de la phase Élaboration et mise en œuvre",
        "Present the development and implementation deliverables",
        add_months(acceptance, rules.IMPLEMENTATION_DELIVERABLES_MONTHS),
        rules.IMPLEMENTATION_DEADLINE,
    )


def savings_claims_deadline(first_deliverables_acceptance: date) -> Deadline:
    """Four years from acceptance of the first phase 4 deliverables to claim savings follow-up aid."""
    return Deadline(
        "savings_claims",
        "Présenter les demandes d'aide pour le suivi des économies",
        "Submit the savings follow-up aid claims",
        add_months(first_deliverables_acceptance, 12 * rules.SAVINGS_CLAIM_WINDOW_YEARS),
        rules.SAVINGS_AID,
    )


def participant_deadlines(
    diagnostic_acceptance: date | None = None,
    implementation_acceptance: date | None = None,
    first_deliverables_acceptance: date | None = None,
) -> tuple[Deadline, ...]:
    """The deadlines known from the acceptance dates entered so far, soonest first."""
    found: list[Deadline] = []
    if diagnostic_acceptance is not None:
        found.append(diagnostic_deadline(diagnostic_acceptance))
    if implementation_acceptance is not None:
        found.append(implementation_deliverables_deadline(implementation_acceptance))
    if first_deliverables_acceptance is not None:
        found.append(savings_claims_deadline(first_deliverables_acceptance))
    return tuple(sorted(found, key=lambda d: d.due))
