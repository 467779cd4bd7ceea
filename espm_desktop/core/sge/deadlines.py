"""The guide's deadlines, counted from Énergir's acceptance dates, with the days left."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from espm_desktop.core.i18n import N_, Message, _, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.rules import Citation


def add_months(start: date, months: int) -> date:
    """Same day `months` later; a day the target month lacks becomes its last day (31 Aug + 6 → 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def program_year_bounds(first_deliverables_acceptance: date, year: int) -> tuple[date, date]:
    """First and last day (inclusive) of savings program year `year` (1, 2, …).

    Program years count from Énergir's acceptance of the first deliverables of the phase Élaboration et mise
    en œuvre (guide, phase 5: « À partir de la date d'acceptation des premiers livrables … quatre (4) ans »):
    year 1 starts that day, each year ends the day before the next anniversary. The only place that turns the
    acceptance date into program years: the savings per year, the claim window and the aid statement use it.
    """
    if year < 1:
        raise ValueError("program years start at 1")
    start = add_months(first_deliverables_acceptance, 12 * (year - 1))
    return start, add_months(first_deliverables_acceptance, 12 * year) - timedelta(days=1)


def program_year_of(first_deliverables_acceptance: date, day: date) -> int | None:
    """The program year holding `day`; None before the acceptance date."""
    if day < first_deliverables_acceptance:
        return None
    year = (day.year - first_deliverables_acceptance.year) + 1
    while year > 1 and program_year_bounds(first_deliverables_acceptance, year)[0] > day:
        year -= 1
    while program_year_bounds(first_deliverables_acceptance, year)[1] < day:
        year += 1
    return year


def savings_claim_window_end(first_deliverables_acceptance: date) -> date:
    """Last day to present a savings claim: the fourth anniversary of the acceptance (guide, phase 5), the day
    after program year 4 ends."""
    last_year_end = program_year_bounds(first_deliverables_acceptance, rules.SAVINGS_CLAIM_WINDOW_YEARS)[1]
    return last_year_end + timedelta(days=1)


class DeadlineStatus(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"  # 30 days or fewer
    OVERDUE = "overdue"


DUE_SOON_DAYS = 30


@dataclass(frozen=True, slots=True)
class Deadline:
    key: str
    label: str  # English, the catalog's id
    due: date
    citation: Citation

    @property
    def label_en(self) -> str:
        return self.label

    @property
    def label_fr(self) -> str:
        return _(self.label, "fr")

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
        if left >= 0:
            when = message("{days} days left", days=str(left))
        else:
            when = message("{days} days overdue", days=str(-left))
        described = message(
            "{label}: {due} ({when})", label=Message(self.label), due=self.due.isoformat(), when=when
        )
        return described.text("en" if language == "en" else "fr")


def diagnostic_deadline(acceptance: date) -> Deadline:
    """Six months from acceptance of the Diagnostic aid to carry out the phase (Tableau 2, step 3)."""
    return Deadline(
        "diagnostic_completion",
        N_("Complete the Diagnostic phase"),
        add_months(acceptance, rules.DIAGNOSTIC_DEADLINE_MONTHS),
        rules.DIAGNOSTIC_DEADLINE,
    )


def implementation_deliverables_deadline(acceptance: date) -> Deadline:
    """Eighteen months from acceptance of the phase 4 aid to present the deliverables (Tableau 5, step 5)."""
    return Deadline(
        "implementation_deliverables",
        N_("Present the development and implementation deliverables"),
        add_months(acceptance, rules.IMPLEMENTATION_DELIVERABLES_MONTHS),
        rules.IMPLEMENTATION_DEADLINE,
    )


def savings_claims_deadline(first_deliverables_acceptance: date) -> Deadline:
    """Four years from acceptance of the first phase 4 deliverables to claim savings follow-up aid."""
    return Deadline(
        "savings_claims",
        N_("Submit the savings follow-up aid claims"),
        savings_claim_window_end(first_deliverables_acceptance),
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
