from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from espm_desktop.app.sge_documents import report_data
from espm_desktop.core.numbers import format_number
from espm_desktop.core.sge import records as sge_records
from espm_desktop.db import sge_participants, sge_savings
from espm_desktop.db.engine import make_engine
from espm_desktop.reports.sge_annual_report import AnnualReportData, render_annual_report


@pytest.fixture(scope="module")
def demo_inputs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[sge_records.ParticipantFile, sge_savings.SavingsAnalysis]:
    from espm_desktop.db.demo import create_demo_database

    db = create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    engine = make_engine(db)
    with Session(engine) as s:
        ((pid, _),) = sge_participants.list_participants(s)
        result = sge_participants.load_participant(s, pid), sge_savings.savings_analysis(s, pid)
    engine.dispose()
    return result


def report(
    file: sge_records.ParticipantFile, a: sge_savings.SavingsAnalysis, language: str
) -> AnnualReportData:
    """The report's inputs as the app assembles them, on a fixed date."""
    return replace(report_data(file, a, language), report_date=date(2026, 11, 23))


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_report_holds_objectives_results_measures_savings_and_the_model(
    tmp_path: Path,
    demo_inputs: tuple[sge_records.ParticipantFile, sge_savings.SavingsAnalysis],
    language: str,
) -> None:
    file, analysis = demo_inputs
    out = tmp_path / f"report_{language}.pdf"
    render_annual_report(report(file, analysis, language), out, language)
    # table cells wrap: compare with every run of white space made one space
    text = " ".join(text_of(out).replace("\u00a0", " ").replace("\u202f", " ").split())

    def n(value: float, decimals: int = 0) -> str:
        return format_number(value, language, decimals).replace("\u00a0", " ")

    assert (
        "Rapport annuel du comité Énergie" if language == "fr" else "Energy committee annual report"
    ) in text
    assert "Marie Tremblay" in text and file.info.energir_file_number in text
    for indicator in file.indicators:
        assert indicator.name in text
        assert n(indicator.objective_value or 0, 1) in text
        for value in indicator.results.values():
            assert n(value, 1) in text
    for measure in file.measures:
        assert measure.name in text
    assert n(analysis.reporting.avoided_m3) in text
    for year in analysis.by_program_year:
        assert n(year.avoided_m3) in text
    model = analysis.fit.model
    assert n(model.intercept_m3_per_day, 1) in text and n(model.hdd_slope_m3_per_hdd, 2) in text
    assert n(model.r_squared, 4) in text and f"{n(model.cv_rmse * 100, 2)} %" in text
    assert "CalTRACK" in text and "CUSUM" in text
    first = analysis.reporting.periods[0]
    assert n(first.predicted_m3) in text and n(first.actual_m3) in text
    assert "Arrêt de la ligne 2" in text  # the non-routine adjustment's note
    assert len(PdfReader(str(out)).pages) >= 2
