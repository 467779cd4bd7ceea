from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.types import Bill
from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.bills_model import (
    COST,
    END,
    START,
    USAGE,
    next_bill_period,
    parse_date_text,
    parse_pasted_bills,
)
from espm_desktop.ui.pages.bills import BillsPage

JAN = (date(2024, 1, 1), date(2024, 1, 31), 1500.0)
FEB = (date(2024, 2, 1), date(2024, 2, 29), 1200.0)
MAR = (date(2024, 3, 1), date(2024, 3, 31), 900.0)


def seed(controller: AppController, bills: list[tuple[date, date, float]]) -> int:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop = models.Property(name="Caisse Saint-Roch", gross_floor_area_m2=1250.0)
        s.add(prop)
        s.flush()
        meter = models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3")
        s.add(meter)
        s.flush()
        for start, end, usage in bills:
            s.add(
                models.BillRecord(
                    meter_id=meter.id, start_date=start, end_date=end, usage=usage, cost=Decimal("100")
                )
            )
        return meter.id


def open_page(controller: AppController) -> BillsPage:
    controller.window.show_page("bills")
    page = controller.window.pages["bills"]
    assert isinstance(page, BillsPage)
    return page


def stored(controller: AppController) -> list[tuple[date, date, float]]:
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        rows = s.scalars(select(models.BillRecord).order_by(models.BillRecord.start_date)).all()
        return [(b.start_date, b.end_date, b.usage) for b in rows]


def type_cell(page: BillsPage, qtbot: QtBot, row: int, column: int, text: str) -> None:
    """Type into a cell through the real editor and press Return."""
    table = page.table
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None, timeout=2000)


def click(page: BillsPage, qtbot: QtBot, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def message(page: BillsPage) -> str:
    label = page.findChild(QLabel, "bills_message")
    assert label is not None
    return label.text()


def test_a_bill_typed_inline_is_in_the_database(controller: AppController, qtbot: QtBot) -> None:
    seed(controller, [JAN])
    page = open_page(controller)
    click(page, qtbot, "bills_new")
    # The new row starts the day after the last bill and lasts one month.
    assert stored(controller) == [JAN]  # saved once its usage is typed, never as a 0 by the click
    type_cell(page, qtbot, 1, USAGE, "1 234,5")
    type_cell(page, qtbot, 1, END, "28/02/2024")
    type_cell(page, qtbot, 1, COST, "1,050.25")
    assert stored(controller) == [JAN, (date(2024, 2, 1), date(2024, 2, 28), 1234.5)]
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        new = s.scalars(
            select(models.BillRecord).where(models.BillRecord.start_date == date(2024, 2, 1))
        ).one()
        assert (new.cost, new.source) == (Decimal("1050.25"), "manual")
    assert page.model.index(1, 2).data() == "28"  # days, recomputed


def test_an_overlap_of_more_than_one_day_is_refused_and_one_day_accepted(
    controller: AppController, qtbot: QtBot
) -> None:
    seed(controller, [JAN, FEB])
    page = open_page(controller)
    type_cell(page, qtbot, 1, START, "2024-01-29")
    text = message(page)
    assert "Row 2" in text and "Start" in text and "2024-01-29" in text
    assert "overlaps" in text and "3 days" in text and "Not saved" in text
    assert stored(controller) == [JAN, FEB]
    marked = page.model.index(1, START)
    assert marked.data() == "2024-01-29" and marked.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "overlaps" in marked.data(Qt.ItemDataRole.ToolTipRole)
    # ESPM lets the end date of one bill be the start date of the next.
    type_cell(page, qtbot, 1, START, "2024-01-31")
    assert stored(controller) == [JAN, (date(2024, 1, 31), date(2024, 2, 29), 1200.0)]
    assert page.model.index(1, START).data(Qt.ItemDataRole.BackgroundRole) is None
    assert message(page) == ""


def test_bad_dates_and_numbers_are_refused_with_the_rule(controller: AppController, qtbot: QtBot) -> None:
    seed(controller, [JAN])
    page = open_page(controller)
    type_cell(page, qtbot, 0, USAGE, "beaucoup")
    assert "“beaucoup” is not a number" in message(page) and "Usage" in message(page)
    type_cell(page, qtbot, 0, USAGE, "-5")
    assert "zero or more" in message(page) and "-5" in message(page)
    type_cell(page, qtbot, 0, END, "2024-02-30")
    assert "is not a date" in message(page) and "YYYY-MM-DD" in message(page)
    type_cell(page, qtbot, 0, END, "2023-12-01")
    assert "before start date" in message(page)
    assert stored(controller) == [JAN]


def test_paste_saves_valid_rows_reports_the_bad_one_and_undo_redo(
    controller: AppController, qtbot: QtBot
) -> None:
    seed(controller, [JAN])
    page = open_page(controller)
    QApplication.clipboard().setText(
        "Start date\tEnd date\tUsage\tCost\n"
        "2024-02-01\t2024-02-29\t1 200\t150,50\n"
        "2024-03-15\t2024-03-01\t800\n"  # ends before it starts
        "01/03/2024\t31/03/2024\t900\t120.00\n"
    )
    page.table.setFocus()
    click(page, qtbot, "bills_paste")
    assert stored(controller) == [JAN, FEB, MAR]
    text = message(page)
    assert "Pasted 2 bill(s)." in text
    assert "Pasted line 3" in text and "2024-03-01" in text and "before start date" in text
    # Undo takes both pasted rows out of the database in one step; redo puts them back.
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(controller) == [JAN]
    qtbot.keyClick(
        page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored(controller) == [JAN, FEB, MAR]
    click(page, qtbot, "bills_undo")
    assert stored(controller) == [JAN]
    qtbot.keyClick(page.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(controller) == [JAN, FEB, MAR]
    assert page.model.rowCount() == 3


def test_delete_then_undo_brings_the_bill_back(controller: AppController, qtbot: QtBot) -> None:
    seed(controller, [JAN, FEB, MAR])
    page = open_page(controller)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    click(page, qtbot, "bills_delete")
    assert stored(controller) == [JAN, MAR]
    click(page, qtbot, "bills_undo")
    assert stored(controller) == [JAN, FEB, MAR]
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        back = s.scalars(select(models.BillRecord).where(models.BillRecord.start_date == FEB[0])).one()
        assert back.cost == Decimal("100.00")
    # Redo deletes the bill again although it came back under a new row id.
    click(page, qtbot, "bills_redo")
    assert stored(controller) == [JAN, MAR]


def test_undo_of_an_edit_writes_the_previous_value_back(controller: AppController, qtbot: QtBot) -> None:
    seed(controller, [JAN])
    page = open_page(controller)
    emitted: list[int] = []
    controller.ctx.data_changed.connect(lambda: emitted.append(1))
    type_cell(page, qtbot, 0, USAGE, "2000")
    assert stored(controller) == [(JAN[0], JAN[1], 2000.0)]
    click(page, qtbot, "bills_undo")
    assert stored(controller) == [JAN]
    assert page.model.index(0, USAGE).data() == "1,500"
    assert len(emitted) == 2


def test_findings_are_shown_and_can_be_acknowledged(controller: AppController, qtbot: QtBot) -> None:
    meter_id = seed(controller, [JAN, MAR])
    page = open_page(controller)
    items = page.findings.items()
    gap = next(i for i in items if "gap" in i.text())
    assert "2024-02-01" in gap.text() and not gap.isHidden()
    gap.setCheckState(Qt.CheckState.Checked)
    assert gap.isHidden()
    with sqlite3.connect(controller.ctx.db_path) as con:
        kept = con.execute(
            "SELECT code, period_start, period_end FROM finding_acknowledgement WHERE meter_id = ?",
            (meter_id,),
        ).fetchall()
    assert kept == [("gap", "2024-02-01", "2024-02-29")]
    page.findings.show_acknowledged.setChecked(True)
    assert not gap.isHidden() and gap.font().italic()
    # Filling the gap makes the finding go away after the change.
    page.paste_text("2024-02-01\t2024-02-29\t1200")
    assert not any("gap" in i.text() for i in page.findings.items())
    # Undo brings the gap back, still acknowledged.
    click(page, qtbot, "bills_undo")
    again = next(i for i in page.findings.items() if "gap" in i.text())
    assert again.checkState() == Qt.CheckState.Checked


def test_messages_follow_the_language(controller: AppController, qtbot: QtBot) -> None:
    seed(controller, [JAN])
    controller.window.language_actions["fr"].trigger()
    page = open_page(controller)
    type_cell(page, qtbot, 0, USAGE, "abc")
    assert "n'est pas un nombre" in message(page) and "Ligne 1" in message(page)
    assert any("factures" in i.text() or "mois" in i.text() for i in page.findings.items())


def test_pasted_text_parsing_and_new_bill_period() -> None:
    assert parse_date_text("31/01/2024") == date(2024, 1, 31)
    assert parse_date_text("2024-01-31 00:00:00") == date(2024, 1, 31)
    assert parse_date_text(" ") is None
    with pytest.raises(ValueError):
        parse_date_text("2024-13-01")
    existing = [Bill(*JAN)]
    bills, problems = parse_pasted_bills(
        "\n2024-01-31\t2024-02-29\t5\n2024-02-20\t2024-03-31\tx\n\n", existing
    )
    assert [b.start for b in bills] == [date(2024, 1, 31)]
    assert [(p.line, p.column, p.value) for p in problems] == [(3, USAGE, "x")]
    bills, problems = parse_pasted_bills("2024-02-20\t2024-03-31\t7", [*existing, *bills])
    assert not bills and problems[0].column == START and "overlaps" in problems[0].error.message_en
    assert next_bill_period([Bill(*JAN)]) == (date(2024, 2, 1), date(2024, 2, 29))
    assert next_bill_period([], today=date(2024, 3, 15)) == (date(2024, 2, 1), date(2024, 2, 29))
