"""The savings per SGÉ program year and whether each year can be claimed (guide, phase 5): THE savings-year rule,
applied to a `SavingsResult` of core/savings.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from espm_desktop.core.i18n import N_, Message, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.deadlines import add_months, program_year_bounds, program_year_of

if TYPE_CHECKING:  # annotations only: core/savings.py imports this module to offer its names
    from espm_desktop.core.savings import BillingPeriod, SavingsResult


class ClaimStatus(StrEnum):
    """Whether a program year's savings can be claimed (see `savings_by_program_year`)."""

    CLAIMABLE = "claimable"
    INCOMPLETE = "incomplete"  # the metered data does not run, without a gap, to the year's last day
    AWAITING_12_MONTHS = "awaiting_12_months"  # fewer than 12 months of continuous measurement so far
    BEYOND_WINDOW = "beyond_window"  # after program year 4: no claim


@dataclass(frozen=True, slots=True)
class ProgramYearSavings:
    year: int
    start: date
    end: date  # inclusive
    avoided_m3: float
    status: ClaimStatus = ClaimStatus.CLAIMABLE
    metered_through: date | None = None  # last day of continuous metered reporting data
    claimable_from: date | None = None  # first day a claim for the year has its data (12 months, whole year)

    @property
    def claimable(self) -> bool:
        return self.status is ClaimStatus.CLAIMABLE

    @property
    def status_note(self) -> Message:
        """Why the year can or cannot be claimed, with the dates that decide it."""
        values = {
            "through": self.metered_through.isoformat() if self.metered_through else "—",
            "ready": self.claimable_from.isoformat() if self.claimable_from else "—",
            "end": self.end.isoformat(),
            "limit": str(rules.SAVINGS_CLAIM_WINDOW_YEARS),
        }
        template = {
            ClaimStatus.CLAIMABLE: N_("Can be claimed"),
            ClaimStatus.INCOMPLETE: N_(
                "Year not complete: continuous metered data up to {through}; the year ends on {end}. A claim is "
                "possible from {ready} if the bills follow."
            ),
            ClaimStatus.AWAITING_12_MONTHS: N_(
                "Less than 12 months of continuous measurement (up to {through}): a claim is possible from {ready}."
            ),
            ClaimStatus.BEYOND_WINDOW: N_(
                "Refused: beyond the {limit} years of follow-up counted from the acceptance of the first phase 4 "
                "deliverables."
            ),
        }[self.status]
        return Message(template, values)

    def status_message(self, language: str = "fr") -> str:
        return self.status_note.text("en" if language == "en" else "fr")


def continuous_measurement(periods: Sequence[BillingPeriod]) -> tuple[date, date] | None:
    """First day and last day of the metered data that runs without a gap from the first reporting bill.

    A bill continues the run when it starts no later than the day after the previous bill's end (a one-day
    overlap is allowed, as ESPM allows it; DOMAIN.md « How ESPM treats bills »). The run stops at the first gap.
    """
    ordered = sorted(periods, key=lambda p: p.start)
    if not ordered:
        return None
    first, through = ordered[0].start, ordered[0].end
    for p in ordered[1:]:
        if p.start > through + timedelta(days=1):
            break
        through = max(through, p.end)
    return first, through


def savings_by_program_year(
    result: SavingsResult, first_deliverables_accepted: date
) -> tuple[ProgramYearSavings, ...]:
    """Avoided m³ per program year, with whether each year can be claimed: THE savings-year rule.

    * Program year N runs from the acceptance of the first phase 4 deliverables (core/sge/deadlines.py
      `program_year_bounds`); days before that date belong to no program year and are never claimed.
    * A period across a year's end is split by its days.
    * A year after the 4th is BEYOND_WINDOW: the participant « dispose de quatre (4) ans pour présenter des
      demandes », paid « sur une période maximale de quatre (4) ans » (guide, phase 5, « Aide financière »).
    * Twelve months of continuous measurement (« après une période maximale de mesurage en continu d'un an »,
      same section): a claim for year N needs the reporting bills, without a gap from the first one, to reach
      both the year's last day (a claim covers a whole program year) and the day before the 12-month
      anniversary of the first reporting bill. Otherwise the year is INCOMPLETE or AWAITING_12_MONTHS, its m³
      are shown but not claimed.
    """
    run = continuous_measurement([row.period for row in result.periods])
    totals: dict[int, float] = {}
    for row in result.periods:
        per_day = row.avoided_m3 / row.period.days
        for offset in range(row.period.days):
            year = program_year_of(first_deliverables_accepted, row.period.start + timedelta(days=offset))
            if year is not None:
                totals[year] = totals.get(year, 0.0) + per_day
    twelve_months_end = (
        add_months(run[0], rules.SAVINGS_MAX_BASELINE_MONTHS) - timedelta(days=1) if run else None
    )
    out: list[ProgramYearSavings] = []
    for year in sorted(totals):
        start, end = program_year_bounds(first_deliverables_accepted, year)
        through = run[1] if run else None
        ready = max(end, twelve_months_end) if twelve_months_end else None
        ready_from = ready + timedelta(days=1) if ready else None
        if year > rules.SAVINGS_CLAIM_WINDOW_YEARS:
            status = ClaimStatus.BEYOND_WINDOW
        elif through is None or through < end:
            status = ClaimStatus.INCOMPLETE
        elif twelve_months_end is not None and through < twelve_months_end:
            status = ClaimStatus.AWAITING_12_MONTHS
        else:
            status = ClaimStatus.CLAIMABLE
        out.append(ProgramYearSavings(year, start, end, totals[year], status, through, ready_from))
    return tuple(out)


def program_years_missing_acceptance() -> Message:
    """Said wherever program years are shown when the phase 4 deliverables have no acceptance date."""
    return message(
        "Program years cannot be set: enter the acceptance date of the first phase 4 deliverables (Phases and "
        "aid tab). Without it, no savings follow-up aid claim can be computed."
    )
