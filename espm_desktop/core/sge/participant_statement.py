"""A participant's one aid statement (core/sge/statement.py) from its file and savings analysis: the page,
the invoices, the Excel file and the annual report all take their amounts from it.
"""

from __future__ import annotations

from decimal import Decimal

from espm_desktop.core.savings import (
    ClaimStatus,
)
from espm_desktop.core.sge.aid import SavingsYear, summarize_expenses
from espm_desktop.core.sge.records import ParticipantFile
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.savings_analysis import SavingsAnalysis
from espm_desktop.core.sge.statement import (
    AidStatement,
    DiagnosticInput,
    ImplementationInput,
    PartInput,
    SavingsFollowUpInput,
    SavingsYearInput,
    StatementInput,
    aid_statement,
)

ZERO = Decimal("0")
IMPLEMENTATION_PARTS = (Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)


def savings_years(analysis: SavingsAnalysis, file: ParticipantFile) -> list[SavingsYear]:
    """Program years with their m³ and whether a measure was put in place in them (guide, phase 5 note)."""
    out = []
    for y in analysis.by_program_year:
        new = any(m.done_date is not None and y.start <= m.done_date <= y.end for m in file.measures)
        out.append(SavingsYear(y.year, Decimal(str(y.avoided_m3)), new))
    return out


def _costs_by_year(file: ParticipantFile, phase: Phase) -> tuple[Decimal, ...]:
    """The phase's eligible costs per program year (an expense without a year counts in year 1)."""
    accepted = summarize_expenses(phase, file.expense_lines()).accepted
    by_year: dict[int, Decimal] = {}
    for e in file.expenses:
        if e.line.phase is phase and e.line in accepted:
            year = e.program_year or 1
            by_year[year] = by_year.get(year, ZERO) + e.line.cost
    return tuple(by_year.get(y, ZERO) for y in range(1, max(by_year, default=0) + 1))


def statement_input(file: ParticipantFile, analysis: SavingsAnalysis | None) -> StatementInput:
    """The plain figures the statement needs: accepted expenses, other grants, and each program year's m³."""
    grants = file.other_grants()
    diagnostic_grants = [g for g in grants if g.phase is Phase.DIAGNOSTIC]
    implementation_grants = [g for g in grants if g.phase in IMPLEMENTATION_PARTS]
    years: list[SavingsYearInput] = []
    if analysis is not None:
        # The years and their claim status come from core.savings.savings_by_program_year, the one rule.
        # Only years whose data is complete reach the statement: a claimable year (1–4) with its m³, and a
        # year after the 4th so the statement marks it « aucune aide ». Years still incomplete or short of
        # 12 months of continuous measurement are shown on the savings tab but claim nothing yet.
        complete = {
            y.year: y
            for y, py in zip(savings_years(analysis, file), analysis.by_program_year, strict=True)
            if py.status in (ClaimStatus.CLAIMABLE, ClaimStatus.BEYOND_WINDOW)
        }
        # A program year without a claimable figure still holds its place: the year number is what counts.
        for number in range(1, max(complete, default=0) + 1):
            y = complete.get(number)
            years.append(
                SavingsYearInput(y.saved_m3, y.new_measures_in_year) if y else SavingsYearInput(ZERO, False)
            )
    return StatementInput(
        diagnostic=DiagnosticInput(
            summarize_expenses(Phase.DIAGNOSTIC, file.expense_lines()).eligible_total,
            sum((g.amount for g in diagnostic_grants), ZERO),
            tuple(g.grantor for g in diagnostic_grants),
        ),
        implementation=ImplementationInput(
            PartInput(_costs_by_year(file, Phase.IMPLEMENTATION_METERING)),
            PartInput(_costs_by_year(file, Phase.IMPLEMENTATION_OTHER)),
            sum((g.amount for g in implementation_grants), ZERO),
            tuple(g.grantor for g in implementation_grants),
        ),
        savings_follow_up=SavingsFollowUpInput(tuple(years)),
    )


def participant_statement(file: ParticipantFile, analysis: SavingsAnalysis | None) -> AidStatement:
    """The participant's aid statement (phase 5 is empty when the savings can't be computed yet)."""
    return aid_statement(statement_input(file, analysis))
