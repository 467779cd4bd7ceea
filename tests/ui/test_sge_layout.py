"""The SGÉ « Phases and aid » tab at the smallest screen we support (1366×768), in English and French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.sge_page import SgePage
from tests.ui.conftest import open_window

SCREEN = (1366, 768)


@pytest.fixture(params=["en", "fr"])
def small_window(request: pytest.FixtureRequest, qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db, request.param)


def phases_tab_at(controller: AppController) -> SgePage:
    window = controller.window
    window.showNormal()
    window.resize(*SCREEN)
    window.show_page("sge")
    page = window.page("sge")
    assert isinstance(page, SgePage)
    page.tabs.setCurrentWidget(page.phases_tab)
    QApplication.processEvents()
    assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]
    return page


def visible_rows(widget: QTableWidget) -> int:
    """Rows whose whole height lies inside the table's viewport."""
    viewport = widget.viewport().height()
    return sum(
        1
        for row in range(widget.rowCount())
        if widget.rowViewportPosition(row) >= 0
        and widget.rowViewportPosition(row) + widget.rowHeight(row) <= viewport
    )


def on_screen(widget: QWidget, window: QWidget) -> bool:
    """The widget's rectangle lies inside the window's."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        widget.isVisible()
        and top_left.x() >= 0
        and top_left.y() >= 0
        and top_left.x() + widget.width() <= window.width()
        and top_left.y() + widget.height() <= window.height()
    )


def test_all_seven_expense_rows_show_at_1366x768(small_window: AppController) -> None:
    page = phases_tab_at(small_window)
    expenses = page.phases_tab.expenses
    assert expenses.rowCount() == 7  # the demo participant's seven expense lines
    assert on_screen(expenses, small_window.window)
    assert visible_rows(expenses) >= 7


def test_aid_and_status_columns_show_at_1366x768(small_window: AppController) -> None:
    page = phases_tab_at(small_window)
    phases = page.phases_tab.phases
    assert on_screen(phases, small_window.window)
    viewport = phases.viewport().width()
    for column in (5, 6):  # « Aid in the acceptance notice », « Status »
        left = phases.columnViewportPosition(column)
        assert left >= 0 and left + phases.columnWidth(column) <= viewport, column
        assert phases.columnWidth(column) >= phases.sizeHintForColumn(column), column
    assert visible_rows(phases) == phases.rowCount()  # the four phases
    assert on_screen(page.phases_tab.aid_view, small_window.window)


def test_savings_tab_refuses_a_follow_up_inside_the_baseline_and_saves_nothing(
    qtbot: QtBot, demo_db: Path
) -> None:
    from datetime import date

    from sqlalchemy.orm import Session

    from espm_desktop.db import sge_participants
    from espm_desktop.ui.pages.sge_common import qdate

    for controller in open_window(qtbot, demo_db, "fr"):
        page = phases_tab_at(controller)
        tab = page.savings_tab
        page.tabs.setCurrentWidget(tab)
        tab.reporting_start.setDate(qdate(date(2024, 3, 1)))
        tab.compute_button.click()
        text = tab.message.text()
        assert "Le suivi commence le 2024-03-01, avant la fin de la période de référence (2025-01-04)" in text
        with Session(controller.ctx.engine) as s:
            assert sge_participants.load_participant(s, page.participant_id).info.reporting_start == date(
                2025, 1, 5
            )
        # the program years say where they count from
        assert "2025-01-05" in tab.years_note.text()


def test_phase_4_dialog_asks_for_the_first_deliverables_acceptance_date(qtbot: QtBot, demo_db: Path) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    from tests.ui.conftest import when_dialog_opens

    for controller in open_window(qtbot, demo_db, "en"):
        page = phases_tab_at(controller)
        labels: list[str] = []

        def read(dialog: QDialog, labels: list[str] = labels) -> None:
            labels.extend(label.text() for label in dialog.findChildren(QLabel))
            dialog.reject()

        when_dialog_opens(read, qtbot)
        page.phases_tab.phases.selectRow(1)  # 4 – Continuous metering
        page.phases_tab.edit_phase.click()
        assert any("Acceptance date of the first deliverables (phase 4)" in t for t in labels)
