"""Comfort defects found in use: each test failed before its fix."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, QPoint, Qt, QThread
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.bills_model import END, START, USAGE
from espm_desktop.ui.forms import FieldSpec, FormWidget
from espm_desktop.ui.i18n import LanguageManager
from tests.ui.conftest import when_dialog_opens


def press_ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def error_text(dialog: QDialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"error_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def seed_property(controller: AppController, name: str = "Caisse Saint-Roch", **values: object) -> int:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop = models.Property(name=name, gross_floor_area_m2=12345.5, **values)
        s.add(prop)
        s.flush()
        return prop.id


def seed_meter(controller: AppController, property_id: int) -> int:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        meter = models.Meter(property_id=property_id, name="Gaz", energy_type="natural_gas", unit="m3")
        s.add(meter)
        s.flush()
        return meter.id


# -- 1. numbers are shown and read in the form's language ------------------------------------------------------
def test_english_property_edit_accepts_the_year_and_area_it_shows(
    controller: AppController, qtbot: QtBot
) -> None:
    pid = seed_property(controller, year_built=1988, computers=1200)
    page = controller.window.pages["properties"]
    page.refresh()
    page.select_id(pid)
    seen: dict[str, str] = {}

    def accept_as_filled(dialog: QDialog) -> None:
        seen["year"] = dialog.findChild(QLineEdit, "field_year_built").text()
        seen["area"] = dialog.findChild(QLineEdit, "field_gross_floor_area_m2").text()
        seen["computers"] = dialog.findChild(QLineEdit, "field_computers").text()
        press_ok(dialog)
        if dialog.isVisible():  # refused: note why and leave
            seen["error"] = error_text(dialog, "year_built") + error_text(dialog, "computers")
            dialog.reject()

    when_dialog_opens(accept_as_filled, qtbot)
    qtbot.mouseClick(page.findChild(QPushButton, "properties_edit"), Qt.MouseButton.LeftButton)
    assert seen.get("error", "") == ""
    assert seen["year"] == "1988"  # a year has no thousands separator
    assert seen["area"] == "12,345.50" and seen["computers"] == "1,200"
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        prop = s.get(models.Property, pid)
        assert prop is not None
        assert (prop.year_built, prop.gross_floor_area_m2, prop.computers) == (1988, 12345.5, 1200)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_indicator_form_reads_back_what_it_shows(qtbot: QtBot, language: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = LanguageManager(app)
    languages.apply(language)
    try:
        form = FormWidget(
            [
                FieldSpec("baseline_value", "Baseline value", kind="float"),
                FieldSpec("objective_value", "Objective", kind="float"),
                FieldSpec("objective_year", "Objective year", kind="int"),
            ]
        )
        qtbot.addWidget(form)
        form.set_value("baseline_value", 12345)
        form.set_value("objective_value", Decimal("1234567.25"))
        form.set_value("objective_year", 2026)
        assert form.raw_text("objective_year") == "2026"
        values, errors = form.values()
    finally:
        languages.apply("en")
    assert errors == []
    assert values == {"baseline_value": 12345.0, "objective_value": 1234567.25, "objective_year": 2026}


# -- 2. a replaced window's pages no longer hear the shared context -------------------------------------------
def test_after_a_language_switch_the_old_pages_no_longer_follow_the_selection(
    controller: AppController, qtbot: QtBot
) -> None:
    first = seed_property(controller, "A")
    second = seed_property(controller, "B")
    seed_meter(controller, first)
    second_meter = seed_meter(controller, second)
    window = controller.window
    reloads: list[str] = []
    for page_id in ("charts", "score", "weather"):
        window.show_page(page_id)
        picker = window.pages[page_id].picker
        # Once the old window is deleted, this reload is what raised "QComboBox already deleted".
        picker.reload = lambda page_id=page_id: reloads.append(page_id)  # type: ignore[method-assign]
    charts = window.pages["charts"]
    charts._on_meter_selected = lambda _id: reloads.append("charts meter")  # type: ignore[method-assign]
    window.language_actions["fr"].trigger()
    french = controller.window
    assert french is not window
    assert not window.isVisible()
    controller.ctx.select_property(second)
    controller.ctx.select_meter(second_meter)
    controller.ctx.select_property(first)
    controller.ctx.data_changed.emit()
    assert reloads == []
    french.show_page("charts")
    assert french.pages["charts"].picker.property_id == first  # the new window follows
    french.language_actions["en"].trigger()


# -- 4. the Properties page follows imports and the property chosen elsewhere ------------------------------------
def test_properties_page_refreshes_after_data_changes_and_shows_the_chosen_property(
    controller: AppController, qtbot: QtBot
) -> None:
    window = controller.window
    first = seed_property(controller, "A")
    second = seed_property(controller, "B")
    window.show_page("meters")
    window.show_page("properties")
    page = window.pages["properties"]
    page.select_id(first)
    assert controller.ctx.property_id == first
    # A property stored by someone else's action (an import): the visible page lists it after data_changed.
    third = seed_property(controller, "C")
    controller.ctx.data_changed.emit()
    assert third in page._ids
    # Chosen on another page, then back to Properties: the choice stays.
    window.show_page("bills")
    controller.ctx.select_property(second)
    window.show_page("properties")
    assert page.selected_id() == second
    assert controller.ctx.property_id == second


# -- 3. the import dialog always closes, however its threads end -------------------------------------------------
def _bills_file(path: Path, meter: str, year: int) -> Path:
    lines = ["Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units"]
    for month in range(1, 13):
        last = (date(year + (month == 12), month % 12 + 1, 1) - date.resolution).day
        lines.append(
            f"Tour A,{meter},Natural Gas,{year}-{month:02d}-01,{year}-{month:02d}-{last},{100 + month},"
            "cm (cubic meters)"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_dialog_closes_after_every_import(
    controller: AppController, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from espm_desktop.ui.pages import import_dialog
    from espm_desktop.ui.pages.import_dialog import ImportDialog

    real_start = import_dialog.start_in_thread

    def quick_worker(*args: Any, **kwargs: Any) -> QThread:
        # The race made certain: the worker reports and its thread ends before the dialog has seen it start.
        thread = real_start(*args, **kwargs)
        qtbot.waitUntil(thread.isFinished, timeout=10000)
        return thread

    monkeypatch.setattr(import_dialog, "start_in_thread", quick_worker)
    for attempt in range(12):
        files = [_bills_file(tmp_path / f"{attempt}_{m}.csv", m, 2000 + attempt) for m in ("Gaz 1", "Gaz 2")]
        dialog = ImportDialog(controller.ctx, files, controller.window)
        dialog.show()
        with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
            dialog.start_preview()
        with qtbot.waitSignal(dialog.import_finished, timeout=10000):
            dialog.import_button.click()
        assert "24 bills imported" in dialog.message.text()
        qtbot.wait(attempt % 3 * 5)  # the threads end at different moments relative to the close
        if attempt % 2:
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), attempt
        assert all(shiboken6.isValid(t) for t, _ in dialog._threads)
        dialog.deleteLater()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert len(s.scalars(select(models.BillRecord)).all()) == 12 * 24


# -- 5. new meters, dates, the bills grid and confirmations -----------------------------------------------------
def test_new_gas_meter_defaults_to_m3_and_its_dates_are_typed(
    controller: AppController, qtbot: QtBot
) -> None:
    pid = seed_property(controller)
    window = controller.window
    controller.ctx.select_property(pid)
    window.show_page("meters")
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        seen["unit"] = dialog.findChild(QComboBox, "field_unit").currentData()
        active = dialog.findChild(QDateEdit, "field_active_date")
        calendar = active.calendarWidget()
        active.setFocus()
        arrow = QPoint(active.width() - 6, active.height() // 2)  # the drop-down arrow opens the calendar
        qtbot.mouseClick(active, Qt.MouseButton.LeftButton, pos=arrow)
        seen["page"] = (calendar.yearShown(), calendar.monthShown())
        seen["popup"] = calendar.isVisible()
        calendar.window().close()
        active.setFocus()
        qtbot.keyClicks(active, "16/04/2021")
        active.interpretText()
        seen["typed"] = active.text()
        inactive = dialog.findChild(QDateEdit, "field_inactive_date")
        inactive.setFocus()
        qtbot.keyClicks(inactive, "2024-05-31")
        inactive.interpretText()
        dialog.findChild(QLineEdit, "field_name").setText("Gaz naturel")
        press_ok(dialog)

    when_dialog_opens(fill, qtbot)
    qtbot.mouseClick(window.pages["meters"].findChild(QPushButton, "meters_new"), Qt.MouseButton.LeftButton)
    today = QDate.currentDate()
    assert seen["unit"] == "m3"
    assert seen["popup"] and seen["page"] == (today.year(), today.month())  # not January 1900
    assert seen["typed"] == "2021-04-16"  # not "—20210416"
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.scalars(select(models.Meter)).one()
        assert (meter.unit, meter.active_date, meter.inactive_date) == (
            "m3",
            date(2021, 4, 16),
            date(2024, 5, 31),
        )


def test_add_bill_saves_when_the_usage_is_typed_and_the_grid_shows_whole_dates(
    controller: AppController, qtbot: QtBot
) -> None:
    from tests.ui.test_bills_table import open_page, stored, type_cell

    pid = seed_property(controller)
    seed_meter(controller, pid)
    page = open_page(controller)
    page.findChild(QPushButton, "bills_new").click()
    assert stored(controller) == []  # nothing saved by the click
    assert page.model.rowCount() == 1 and page.model.index(0, USAGE).data() == ""
    metrics = page.table.fontMetrics()
    for column in (START, END):
        assert page.table.columnWidth(column) > metrics.horizontalAdvance("2023-01-31")
    assert page.table.columnWidth(USAGE) > metrics.horizontalAdvance("123 456,78")
    start, end = page.model.rows[0].bill.start, page.model.rows[0].bill.end
    type_cell(page, qtbot, 0, USAGE, "1 234,5")
    assert stored(controller) == [(start, end, 1234.5)]
    assert page.model.rowCount() == 1


def test_destructive_confirmations_default_to_no(
    controller: AppController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = seed_property(controller)
    page = controller.window.pages["properties"]
    page.refresh()
    page.select_id(pid)
    defaults: list[object] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        defaults.append(args[4] if len(args) > 4 else None)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page.findChild(QPushButton, "properties_delete").click()
    assert defaults == [QMessageBox.StandardButton.No]
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert s.get(models.Property, pid) is not None
