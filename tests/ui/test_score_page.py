from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.demo import BANK_BRANCH_NAME, BUREAU_NAME
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.score import ScorePage
from espm_desktop.ui.pages.score_format import plain
from tests.ui.conftest import open_window, when_dialog_opens


def open_demo(qtbot: QtBot, demo_db: Path, language: str) -> Iterator[AppController]:
    for ctrl in open_window(qtbot, demo_db, language):
        ctrl.window.show_page("score")
        yield ctrl


@pytest.fixture
def demo_en(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_demo(qtbot, demo_db, "en")


@pytest.fixture
def demo_fr(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_demo(qtbot, demo_db, "fr")


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [plain(table.item(r, c).text()) if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def score_page(ctrl: AppController) -> ScorePage:
    page = ctrl.window.pages["score"]
    assert isinstance(page, ScorePage)
    return page


def test_demo_bank_branch_five_steps_in_french(demo_fr: AppController) -> None:
    page = score_page(demo_fr)
    # Nothing was selected: the page opens on the bank branch, the property the score is about.
    assert page.picker.property_combo.currentText() == BANK_BRANCH_NAME
    steps = page.steps
    assert cells(steps.energy_table) == [["Électricité (réseau)", "168 000 kWh"], ["Gaz naturel", "9 600 m³"]]
    assert [row[1] for row in cells(steps.details_table)] == ["1 300", "24", "100 %", "100 %", "113", "4 766"]
    assert cells(steps.step2_table)[:2] == [
        ["Électricité (réseau)", "168 000 kWh", "3,600E-03", "604,8", "1,830", "1 106,8"],
        ["Gaz naturel", "9 600 m³", "3,843E-02", "368,9", "1,060", "391,1"],
    ]
    step2 = cells(steps.step2_table)
    assert step2[-2][-1] == "1 497,8" and step2[-1][-1] == "1,152"
    step3 = cells(steps.step3_table)
    assert step3[0][1:] == ["–", "–", "–", "1,509", "1,509"]
    assert step3[1][1:] == ["1,846", "2,523", "-0,6768", "0,1874", "-0,1268"]
    assert step3[2][1:] == ["113,0", "186,1", "-73,10", "2,052E-03", "-0,1500"]
    assert step3[3][1:] == ["4 766", "3 982", "784,0", "2,395E-04", "0,1878"]
    assert step3[-1][-1] == "1,420"
    assert "1,152 ÷ 1,420 = 0,811" in plain(steps.step4_label.text())
    assert "0,8114" in steps.step5_label.text() and "0,8094" in steps.step5_label.text()
    assert steps.step5_label.text().endswith("75.")
    assert page.score_label.text() == "75" and page.score_bar.score == 75
    assert "1 497,8 GJ" in plain(page.score_caption.text())
    origins = {row[0]: row[2] for row in cells(page.inputs_table)}
    assert any("2025-12-31" in text for text in origins.values())
    assert page.banner.isHidden()
    # French mode: the page's own words are French.
    assert page.target_box.title() == "Recherche de cible"


def test_target_finder_updates_with_the_target_score(demo_en: AppController, qtbot: QtBot) -> None:
    page = score_page(demo_en)
    assert page.target_spin.value() == 75
    assert "already reaches 75" in page.target_result.text()
    page.target_spin.setValue(90)
    text = plain(page.target_result.text())
    assert "To reach 90" in text and "0.6747" in text
    assert "Natural gas: 6,201 m³" in text and "Electricity (grid): 38,343 kWh" in text
    page.target_spin.setValue(40)
    assert "already reaches 40" in page.target_result.text()


def test_office_says_the_score_is_for_bank_branches_only(demo_en: AppController) -> None:
    page = score_page(demo_en)
    with Session(demo_en.ctx.engine, expire_on_commit=False) as s:
        bureau = s.scalars(select(models.Property.id).where(models.Property.name == BUREAU_NAME)).one()
    demo_en.ctx.select_property(bureau)
    assert page.picker.property_combo.currentText() == BUREAU_NAME
    assert "bank branches only" in page.banner.text() and page.banner.isVisibleTo(page)
    assert not page.score_box.isVisibleTo(page) and not page.target_box.isVisibleTo(page)
    step2 = cells(page.steps.step2_table)
    assert step2[0][:2] == ["Natural gas", "2,990 m³"]
    assert page.findings_list.count() >= 1


def test_not_eligible_shows_the_reasons_and_other_period(demo_en: AppController) -> None:
    page = score_page(demo_en)
    with Session(demo_en.ctx.engine, expire_on_commit=False) as s, s.begin():
        bank = s.scalars(select(models.Property).where(models.Property.name == BANK_BRANCH_NAME)).one()
        bank.weekly_hours = 20
    demo_en.ctx.data_changed.emit()
    assert "Not eligible" in page.banner.text() and "Weekly hours 20" in page.banner.text()
    assert page.score_label.text() == "–" and page.score_bar.score is None
    # Another year-ending month: the bills do not cover 2024, so the checks say which months are missing.
    page.select_period_end(date(2025, 6, 30))
    assert page.view is not None and page.view.period is not None
    assert page.view.period.end == date(2025, 6, 30)
    texts = [page.findings_list.item(i).text() for i in range(page.findings_list.count())]
    assert any("2024-07" in t for t in texts)
    assert any("No degree days for the 12 months ending 2025-06-30" in t for t in texts)


def test_energy_factors_dialog_lists_the_units_table(demo_en: AppController, qtbot: QtBot) -> None:
    page = score_page(demo_en)
    seen: dict[str, list[list[str]]] = {}

    def look(dialog: QDialog) -> None:
        table = dialog.findChild(QTableWidget, "energy_factors_table")
        seen["rows"] = cells(table)
        dialog.reject()

    when_dialog_opens(look, qtbot)
    page.findChild(QPushButton, "energy_factors_button").click()
    rows = seen["rows"]
    gas_m3 = [r for r in rows if r[0] == "Natural gas" and r[1].startswith("m³")][0]
    assert (
        gas_m3[2:4] == ["3.843E-02", "1.06"]
        and "NRCan, ENERGY STAR score for bank branches" in gas_m3[4]
        and gas_m3[5] == "Yes"
    )
    assert any(r[5] == "Not confirmed" for r in rows)


def test_every_finding_shows_without_an_inner_scroll_bar(demo_fr: AppController, qtbot: QtBot) -> None:
    page = score_page(demo_fr)
    page.select_period_end(date(2025, 6, 30))  # months not covered, no degree days: several findings
    findings = page.findings_list
    assert findings.count() >= 2

    def all_shown() -> bool:
        last = findings.visualItemRect(findings.item(findings.count() - 1))
        return findings.verticalScrollBar().maximum() == 0 and last.bottom() < findings.viewport().height()

    qtbot.wait(50)
    assert all_shown()  # as laid out in the window
    for width in (700, 450):  # narrower: the findings wrap onto more lines, and the list grows with them
        findings.resize(width, findings.height())
        assert findings.width() == width and all_shown(), width
    # The rows are taller once wrapped; the list grew with them.
    assert max(findings.visualItemRect(findings.item(i)).height() for i in range(findings.count())) > 26
