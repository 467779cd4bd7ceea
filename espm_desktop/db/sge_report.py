"""The SGÉ annual report's inputs, assembled from a participant's file and its savings analysis (no Qt)."""

from __future__ import annotations

from decimal import Decimal

from espm_desktop.core.sge.aid import SavingsYear, savings_follow_up_payments
from espm_desktop.db import sge_store as store
from espm_desktop.reports.sge_annual_report import (
    AnnualReportData,
    ReportIndicator,
    ReportMeasure,
    ReportMember,
)


def savings_years(analysis: store.SavingsAnalysis, file: store.ParticipantFile) -> list[SavingsYear]:
    """Program years with their m³ and whether a measure was put in place in them (guide, phase 5 note)."""
    out = []
    for y in analysis.by_program_year:
        new = any(m.done_date is not None and y.start <= m.done_date <= y.end for m in file.measures)
        out.append(SavingsYear(y.year, Decimal(str(round(y.avoided_m3))), new))
    return out


def report_data(
    file: store.ParticipantFile, analysis: store.SavingsAnalysis, language: str
) -> AnnualReportData:
    info = file.info
    assert info.baseline_start and info.baseline_end
    payments = savings_follow_up_payments(savings_years(analysis, file))
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
        aid_lines=tuple(p.aid.explanation_en if language == "en" else p.aid.explanation_fr for p in payments),
    )
