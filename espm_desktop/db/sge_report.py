"""A participant's aid statement and the SGÉ documents built from it: the annual report's inputs, the Excel
calculation file and the report itself, assembled from a participant's file and its savings analysis (no Qt).

The window and the command line both call these functions, so a document holds the same amounts as the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.savings import ClaimStatus
from espm_desktop.core.sge.aid import SavingsYear, summarize_expenses
from espm_desktop.core.sge.rules import Phase
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
from espm_desktop.db import models
from espm_desktop.db import sge_store as store
from espm_desktop.reports.sge_annual_report import (
    AnnualReportData,
    ReportIndicator,
    ReportMeasure,
    ReportMember,
    render_annual_report,
)
from espm_desktop.reports.sge_workbook import write_savings_workbook

ZERO = Decimal("0")
IMPLEMENTATION_PARTS = (Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)


def savings_years(analysis: store.SavingsAnalysis, file: store.ParticipantFile) -> list[SavingsYear]:
    """Program years with their m³ and whether a measure was put in place in them (guide, phase 5 note)."""
    out = []
    for y in analysis.by_program_year:
        new = any(m.done_date is not None and y.start <= m.done_date <= y.end for m in file.measures)
        out.append(SavingsYear(y.year, Decimal(str(y.avoided_m3)), new))
    return out


def _costs_by_year(file: store.ParticipantFile, phase: Phase) -> tuple[Decimal, ...]:
    """The phase's eligible costs per program year (an expense without a year counts in year 1)."""
    accepted = summarize_expenses(phase, file.expense_lines()).accepted
    by_year: dict[int, Decimal] = {}
    for e in file.expenses:
        if e.line.phase is phase and e.line in accepted:
            year = e.program_year or 1
            by_year[year] = by_year.get(year, ZERO) + e.line.cost
    return tuple(by_year.get(y, ZERO) for y in range(1, max(by_year, default=0) + 1))


def statement_input(file: store.ParticipantFile, analysis: store.SavingsAnalysis | None) -> StatementInput:
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


def participant_statement(
    file: store.ParticipantFile, analysis: store.SavingsAnalysis | None
) -> AidStatement:
    """The participant's aid statement (phase 5 is empty when the savings can't be computed yet)."""
    return aid_statement(statement_input(file, analysis))


def report_data(
    file: store.ParticipantFile, analysis: store.SavingsAnalysis, language: str
) -> AnnualReportData:
    info = file.info
    assert info.baseline_start and info.baseline_end
    savings = participant_statement(file, analysis).savings_follow_up
    lines = [y.aid for y in savings.years] + [savings.aid]
    return AnnualReportData(
        company_name=info.company_name,
        site_address=info.site_address,
        energir_file_number=info.energir_file_number,
        meter_name=analysis.meter_name,
        station_name=analysis.station_name,
        baseline_start=info.baseline_start,
        baseline_end=info.baseline_end,
        reporting_start=analysis.program_start,
        model=analysis.fit.model,
        baseline=analysis.baseline,
        reporting=analysis.reporting,
        by_program_year=analysis.by_program_year,
        members=tuple(
            ReportMember(c.name, c.committee_role or c.role, c.energy_manager)
            for c in file.contacts
            if c.committee_member
        ),  # fmt: skip
        indicators=tuple(
            ReportIndicator(
                i.name,
                i.significant_use,
                i.unit,
                i.baseline_value,
                i.objective_value,
                i.objective_year,
                dict(i.results),
            )
            for i in file.indicators
        ),  # fmt: skip
        measures=tuple(
            ReportMeasure(
                m.name, m.significant_use, m.status == "done", m.planned_date, m.done_date, m.expected_m3
            )
            for m in file.measures
        ),  # fmt: skip
        adjustments=tuple(a.adjustment for a in file.adjustments),
        aid_lines=tuple(a.explanation_en if language == "en" else a.explanation_fr for a in lines),
    )


def write_annual_report(
    file: store.ParticipantFile,
    analysis: store.SavingsAnalysis,
    out: Path | BinaryIO,
    language: str,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """The energy committee's annual report (PDF), its aid lines from the participant's statement."""
    render_annual_report(report_data(file, analysis, language), out, language, protected=protected)


def savings_temperatures(
    session: Session, file: store.ParticipantFile, analysis: store.SavingsAnalysis
) -> dict[date, float]:
    """The daily mean temperatures the savings model used: the linked station's days inside the bills' periods.

    The same days as sge_store.savings_analysis reads (the gas meter's property's station, days with a mean
    temperature), so the calculation file's degree days and regression redo the app's from its own inputs.
    """
    meter = session.get(models.Meter, file.info.gas_meter_id) if file.info.gas_meter_id is not None else None
    station_id = meter.property.weather_station_id if meter is not None else None
    rows = analysis.baseline.periods + analysis.reporting.periods
    if station_id is None or not rows:
        return {}
    days = {r.period.start + timedelta(days=i) for r in rows for i in range(r.period.days)}
    found = session.execute(
        select(models.WeatherDay.day, models.WeatherDay.mean_temp_c).where(
            models.WeatherDay.station_id == station_id,
            models.WeatherDay.day >= min(days),
            models.WeatherDay.day <= max(days),
            models.WeatherDay.mean_temp_c.is_not(None),
        )
    )
    return {day: t for day, t in found if day in days and t is not None}


def write_workbook(
    file: store.ParticipantFile,
    analysis: store.SavingsAnalysis,
    out: Path | BinaryIO,
    *,
    protected: Sequence[Path] = (),
    daily_mean_c: Mapping[date, float] | None = None,
) -> None:
    """The Excel calculation file, its phase-5 aid per program year from the participant's statement.

    With `daily_mean_c` (`savings_temperatures`) the degree days and the baseline model are live formulas.
    """
    savings = participant_statement(file, analysis).savings_follow_up
    write_savings_workbook(
        analysis.reporting,
        out,
        analysis.baseline,
        protected=protected,
        aid=savings,
        program_years=analysis.by_program_year,
        daily_mean_c=daily_mean_c,
        program_start=analysis.first_deliverables_accepted,
        station_name=analysis.station_name,
        use_production=file.info.use_production,
    )
