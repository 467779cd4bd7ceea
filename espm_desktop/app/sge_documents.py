"""The SGÉ documents a participant hands in: the energy committee's annual report (PDF) and the Excel calculation
file, their amounts from the participant's one aid statement (core/sge/participant_statement.py) so they match the page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from espm_desktop.app.sge_savings import savings_temperatures
from espm_desktop.core.sge.participant_statement import participant_statement
from espm_desktop.core.sge.records import ParticipantFile
from espm_desktop.core.sge.savings_analysis import SavingsAnalysis
from espm_desktop.reports.sge_annual_report import (
    AnnualReportData,
    ReportIndicator,
    ReportMeasure,
    ReportMember,
    render_annual_report,
)
from espm_desktop.reports.sge_workbook import write_savings_workbook


def report_data(file: ParticipantFile, analysis: SavingsAnalysis, language: str) -> AnnualReportData:
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
    file: ParticipantFile,
    analysis: SavingsAnalysis,
    out: Path | BinaryIO,
    language: str,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """The energy committee's annual report (PDF), its aid lines from the participant's statement."""
    render_annual_report(report_data(file, analysis, language), out, language, protected=protected)


def write_workbook(
    file: ParticipantFile,
    analysis: SavingsAnalysis,
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


def write_participant_workbook(
    engine: Engine,
    file: ParticipantFile,
    analysis: SavingsAnalysis,
    out: Path | BinaryIO,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """The Excel calculation file with live formulas, from the daily temperatures the savings model used."""
    write_workbook(
        file,
        analysis,
        out,
        protected=protected,
        daily_mean_c=savings_temperatures(engine, file, analysis),
    )
