from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from espm_desktop.core.savings import compute_savings, fit_baseline
from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge.rules import Phase
from espm_desktop.db import sge_invoices, sge_participants, sge_savings
from espm_desktop.reports.sge_workbook import CALC, total_row
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.sge_page import SgePage
from tests.ui.conftest import open_window, type_into, when_dialog_opens


def fill_and_accept(qtbot: QtBot, values: dict[str, str], combos: dict[str, str] | None = None) -> None:
    def act(dialog: QDialog) -> None:
        for key, text in values.items():
            type_into(dialog, key, text)
        for key, data in (combos or {}).items():
            combo = dialog.findChild(QComboBox, f"field_{key}")
            assert combo is not None, key
            combo.setCurrentIndex(combo.findData(data))
        dialog._on_accept()  # type: ignore[attr-defined]

    when_dialog_opens(act, qtbot)


def sge_page(controller: AppController) -> SgePage:
    window = controller.window
    window.show_page("sge")
    page = window.page("sge")
    assert isinstance(page, SgePage)
    return page


def test_participant_expenses_aid_invoice_sent_locked_and_credited(
    qtbot: QtBot, controller: AppController, db_path: Path
) -> None:
    page = sge_page(controller)
    assert "New participant" in page.summary.text()
    fill_and_accept(qtbot, {"company_name": "Papeterie Test", "site_address": "5, rue du Moulin",
                            "energir_file_number": "F-12"})  # fmt: skip
    page.new_button.click()
    assert page.participant_combo.currentText() == "Papeterie Test"
    pid = page.participant_id
    assert pid is not None

    phases = page.phases_tab
    page.tabs.setCurrentWidget(phases)  # a tab fills its tables when it is shown
    fill_and_accept(qtbot, {"description": "Firme", "amount": "30000"},
                    {"phase": "diagnostic", "kind": "consultant"})  # fmt: skip
    phases.add_expense.click()
    fill_and_accept(qtbot, {"description": "Équipe", "hours": "100", "hourly_rate": "80"},
                    {"phase": "diagnostic", "kind": "internal_hours"})  # fmt: skip
    phases.add_expense.click()
    assert phases.expenses.rowCount() == 2
    aid = phases.aid_view.toPlainText()
    # 30 000 + 100 h × 80 $ = 38 000 $ eligible; 50 % = 19 000 $ < 25 000 $ cap
    assert "$38,000.00" in aid and "$19,000.00" in aid
    assert "Phase 2 – Diagnostic, “Financial aid” and Table 1" in aid  # the rule's citation
    assert "Stacking" in aid

    # An invoice with Annexe D's fields: the participant needs the tax numbers first.
    tab = page.participant_tab
    page.tabs.setCurrentWidget(tab)
    type_into(tab.form, "gst_number", "123456789 RT 0001")
    type_into(tab.form, "qst_number", "1234567890 TQ 0001")
    type_into(tab.form, "company_address", "5, rue du Moulin")
    tab.save_button.click()
    invoices = page.invoices_tab
    page.tabs.setCurrentWidget(invoices)
    # Énergir's acceptance notice: the aid accepted for the diagnostic, which a sent invoice may not exceed.
    with Session(controller.ctx.engine) as s, s.begin():
        sge_participants.save_phase(
            s, pid, sge_records.PhaseDates(Phase.DIAGNOSTIC, accepted_aid_amount=Decimal("19000.00"))
        )
    invoices.ask_status_date = lambda *_a: date.today()  # type: ignore[method-assign]
    with Session(controller.ctx.engine) as s:
        expected_number = sge_invoices.next_number(s, pid)
    assert expected_number == "SGE-0001"
    fill_and_accept(qtbot, {"aid_amount": "19000"}, {"phase": "diagnostic"})
    invoices.buttons["new"].click()
    assert invoices.invoices.rowCount() == 1
    assert invoices.invoices.item(0, 0).text() == expected_number
    assert invoices.invoices.item(0, 6).text() == "$21,845.25"  # 19 000 + 950 GST + 1 895.25 QST
    invoices.invoices.selectRow(0)
    assert invoices.buttons["edit"].isEnabled()
    invoices.buttons["sent"].click()
    invoices.invoices.selectRow(0)
    assert invoices.invoices.item(0, 7).text() == "Sent"
    assert not invoices.buttons["edit"].isEnabled()
    invoices._on_edit()  # what a double-click would do: refused with the reason
    assert "can no longer be edited" in invoices.message.text()
    assert invoices.buttons["credit"].isEnabled()
    fill_and_accept(qtbot, {})
    invoices.buttons["credit"].click()
    assert invoices.invoices.rowCount() == 2
    assert invoices.invoices.item(1, 0).text() == "SGE-0002"
    assert invoices.invoices.item(1, 8).text().startswith(expected_number)  # the original's number and date
    assert invoices.invoices.item(1, 3).text() == "-$19,000.00"
    with Session(controller.ctx.engine) as s:
        f = sge_participants.load_participant(s, pid)
    assert [i.invoice.aid_amount for i in f.invoices] == [Decimal("19000.00"), Decimal("-19000.00")]

    # Print the credit note in English.
    invoices.invoices.selectRow(1)
    invoices.print_language.setCurrentIndex(invoices.print_language.findData("en"))
    target = db_path.parent / "note.pdf"
    invoices.ask_save_path = lambda *_a: str(target)  # type: ignore[method-assign]
    invoices.buttons["print"].click()
    assert target.exists() and target.stat().st_size > 1000


@pytest.fixture
def demo_window(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db)


def test_savings_tab_on_the_demo_shows_the_model_and_avoided_m3(
    demo_window: AppController, demo_db: Path
) -> None:
    page = sge_page(demo_window)
    tab = page.savings_tab
    page.tabs.setCurrentWidget(tab)  # a tab fills its tables when it is shown
    assert tab.analysis is not None
    with Session(demo_window.ctx.engine) as s:
        analysis = sge_savings.savings_analysis(s, page.participant_id or 0)
    # the same numbers straight from core/savings on the same inputs
    base_periods = [r.period for r in analysis.baseline.periods]
    model = analysis.fit.model
    refit = fit_baseline(base_periods, _weather(demo_window, page, base_periods)).model
    assert refit.intercept_m3_per_day == pytest.approx(model.intercept_m3_per_day)
    text = tab.model_label.text()
    assert f"{model.intercept_m3_per_day:,.1f}" in text and f"{model.hdd_slope_m3_per_hdd:,.2f}" in text
    assert f"R² {model.r_squared:.4f}" in text
    assert f"{analysis.reporting.avoided_m3:,.0f} m³" in text
    assert tab.periods.rowCount() == len(analysis.reporting.periods)
    assert tab.years.rowCount() == len(analysis.by_program_year)
    assert tab.years.item(0, 3).text() == f"{analysis.by_program_year[0].avoided_m3:,.0f}"
    again = compute_savings(model, [r.period for r in analysis.reporting.periods],
                            _weather(demo_window, page, [r.period for r in analysis.reporting.periods]),
                            [a.adjustment for a in tab.file.adjustments] if tab.file else [])  # fmt: skip
    assert again.avoided_m3 == pytest.approx(analysis.reporting.avoided_m3)
    # the phases tab pays the savings follow-up per program year with the guide's rule: the demo's year 1
    # (from the phase 4 deliverables' acceptance, 2025-01-05) has a new measure; year 2 is not complete
    page.tabs.setCurrentWidget(page.phases_tab)
    aid_text = page.phases_tab.aid_view.toPlainText()
    phase5 = aid_text[aid_text.index("Phase 5 – Energy savings follow-up") :]
    assert "Year 1: the lesser of 184,646 m³ × $0.10/m³ = $18,464.60" in phase5 and "Year 2" not in phase5
    assert tab.years.item(0, 5).text() == "Can be claimed" and tab.years.item(1, 5).text().startswith(
        "Year not complete"
    )
    assert "days left" in page.summary.text()

    # the annual report and the calculation file through the same buttons
    report = demo_db.parent / "rapport.pdf"
    tab.ask_save_path = lambda *_a: str(report)  # type: ignore[method-assign]
    tab.report_button.click()
    assert report.exists() and "written" in tab.message.text()
    if shutil.which("soffice") is None:
        return
    xlsx = demo_db.parent / "src" / "calcul.xlsx"
    xlsx.parent.mkdir()
    tab.ask_save_path = lambda *_a: str(xlsx)  # type: ignore[method-assign]
    tab.excel_button.click()
    out = demo_db.parent / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{demo_db.parent}/lo", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(xlsx)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    calc = load_workbook(out / "calcul.xlsx", data_only=True)[CALC]
    row = total_row(analysis.reporting, analysis.baseline)
    assert calc[f"I{row}"].value == pytest.approx(analysis.reporting.avoided_m3, rel=1e-9)
    assert calc[f"F{row}"].value == pytest.approx(
        sum(r.predicted_m3 for r in analysis.reporting.periods), rel=1e-9
    )


def _weather(ctrl: AppController, page: SgePage, periods: list) -> list:  # type: ignore[type-arg]
    """The periods' weather from the demo station's days, on the grid the store used."""
    from sqlalchemy import select

    from espm_desktop.core.savings import weather_from_daily
    from espm_desktop.db import models

    assert page.savings_tab.analysis is not None
    fit = page.savings_tab.analysis.fit
    grid = sorted({c.balance_point_c for c in fit.candidates if c.balance_point_c is not None})
    with Session(ctrl.ctx.engine) as s:
        temps = {d: t for d, t in s.execute(select(models.WeatherDay.day, models.WeatherDay.mean_temp_c))}
    return list(weather_from_daily(periods, temps, grid))


def test_buttons_exist_with_names(demo_window: AppController) -> None:
    page = sge_page(demo_window)
    # Only the participant's tab is made with the page; each other tab when it is first shown.
    assert page.findChild(QPushButton, "sge_excel") is None
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert page.tabs.currentIndex() == index and page.tabs.currentWidget() in page.all_tabs()
    for name in ("sge_excel", "sge_annual_report", "sge_invoice_print", "sge_invoice_credit"):
        assert page.findChild(QPushButton, name) is not None, name
