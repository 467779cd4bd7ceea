from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.types import BillSource, DataExchangeStatus
from espm_desktop.db import models
from espm_desktop.db.data_exchange import record_status
from espm_desktop.db.demo import populate_demo
from espm_desktop.io.espm_meters_template import HEADERS, SHEET_NAME
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.data_exchange import DataExchangePage


def add_property_with_gas_meter(controller: AppController) -> int:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop = models.Property(
            name="Caisse Saint-Roch", gross_floor_area_m2=900.0, espm_property_id="7654321"
        )
        prop.meters.append(
            models.Meter(
                name="Gaz naturel", energy_type="natural_gas", unit="m3", active_date=date(2020, 5, 1)
            )
        )
        s.add(prop)
        s.flush()
        return prop.meters[0].id


def open_page(controller: AppController) -> DataExchangePage:
    controller.window.show_page("energir")
    page = controller.window.pages["energir"]
    assert isinstance(page, DataExchangePage)
    return page


def click(page: DataExchangePage, name: str, qtbot: QtBot) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(page: DataExchangePage, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def type_number(page: DataExchangePage, key: str, text: str) -> str:
    editor = page.findChild(QLineEdit, f"field_{key}")
    assert editor is not None, key
    editor.setText(text)
    return editor.text()


def set_date(page: DataExchangePage, name: str, day: date) -> None:
    editor = page.findChild(QDateEdit, name)
    assert editor is not None, name
    editor.setDate(QDate(day.year, day.month, day.day))


def test_walk_from_the_bill_numbers_to_share_accepted(controller: AppController, qtbot: QtBot) -> None:
    meter_id = add_property_with_gas_meter(controller)
    page = open_page(controller)
    assert page.resume_step_id == "bill.latest" and page.current_stage_id() == "bill"

    # Too short, then pasted with spaces: the spaces are removed and the user is told.
    type_number(page, "account_number", "12345")
    error = shown(page, "error_account_number")
    assert "“12345” has 5 characters" in error and "10 to 11 characters" in error
    assert type_number(page, "account_number", "123 456 7890") == "1234567890"
    assert "spaces were removed" in shown(page, "notice_account_number")
    assert shown(page, "error_account_number") == ""

    type_number(page, "invoice_number", "12345678901")
    assert "has 11 characters; Énergir requires 12 characters" in shown(page, "error_invoice_number")
    assert type_number(page, "invoice_number", "1234 5678 9012") == "123456789012"
    assert shown(page, "error_invoice_number") == ""

    type_number(page, "meter_number", "123")
    assert "7 to 18 characters" in shown(page, "error_meter_number")
    type_number(page, "meter_number", "7654321")
    assert shown(page, "error_meter_number") == ""

    type_number(page, "initial_load_months", "25")
    assert "whole number of months from 0 to 24" in shown(page, "error_initial_load_months")
    click(page, "save_numbers", qtbot)
    assert "Not saved" in shown(page, "numbers_result")
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.get(models.Meter, meter_id)
        assert meter is not None and meter.energir_account_number is None  # nothing half-written

    type_number(page, "initial_load_months", "12")
    assert shown(page, "error_initial_load_months") == ""
    page.findChild(QCheckBox, "field_share_downstream").setChecked(True)
    click(page, "save_numbers", qtbot)
    assert shown(page, "numbers_result") == "Saved on the meter."
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.get(models.Meter, meter_id)
        assert meter is not None
        assert (meter.energir_account_number, meter.energir_invoice_number, meter.energir_meter_number) == (
            "1234567890",
            "123456789012",
            "7654321",
        )
        assert (meter.initial_load_months, meter.share_downstream) == (12, True)

    # The bill's steps are done once its numbers are valid; the values appear later with a Copy button.
    assert page.resume_step_id == "espm.account"
    assert page.findChild(QLineEdit, "value_s25_account_number").text() == "1234567890"
    page.stage_list.setCurrentRow(4)
    click(page, "copy_s25_invoice_number", qtbot)
    assert QGuiApplication.clipboard().text() == "123456789012"

    page.findChild(QCheckBox, "done_espm.account").click()
    page.findChild(QCheckBox, "done_s01").click()
    assert page.resume_step_id == "s02"

    # Reopening (a new window) resumes at the first step not done.
    controller.switch_language("en")
    page = open_page(controller)
    assert page.resume_step_id == "s02" and page.current_stage_id() == "connect"
    assert page.cards["s02"].here_badge.isVisible()

    set_date(page, "next_status_date", date(2024, 3, 1))
    click(page, "record_next_status", qtbot)
    assert page.stored is not None and page.stored.setup.status is DataExchangeStatus.CONNECTION_REQUESTED
    assert page.current_stage_id() == "meter"  # s07, the next step not done
    # A date before the previous status's date is refused and named.
    set_date(page, "next_status_date", date(2024, 2, 20))
    click(page, "record_next_status", qtbot)
    error = shown(page, "status_error")
    assert "2024-02-20" in error and "2024-03-01" in error
    # The step that says to wait for Énergir has its own button and date.
    set_date(page, "record_date_share.connection_accepted", date(2024, 3, 5))
    page.stage_list.setCurrentRow(4)
    click(page, "record_share.connection_accepted", qtbot)
    assert shown(page, "status_error") == ""
    for day in (date(2024, 3, 6), date(2024, 3, 10)):
        set_date(page, "next_status_date", day)
        click(page, "record_next_status", qtbot)

    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.get(models.Meter, meter_id)
        progress = s.get(models.MeterSetupProgress, meter_id)
        assert meter is not None and progress is not None
        assert meter.data_exchange_status == "share_accepted"
        assert progress.status_dates == {
            "connection_requested": "2024-03-01",
            "connection_accepted": "2024-03-05",
            "meter_shared": "2024-03-06",
            "share_accepted": "2024-03-10",
        }
        assert progress.done_steps == ["espm.account", "s01"]
    assert "2024-03-10" in shown(page, "timeline_share_accepted")

    # Reopened in French: the guide speaks French and waits for the data.
    controller.switch_language("fr")
    page = open_page(controller)
    assert page.resume_step_id == "verify.data" and page.current_stage_id() == "verify"
    assert page.findChild(QCheckBox, "done_verify.data").text() == "Données reçues"


def test_data_received_is_set_when_exchanged_bills_appear(controller: AppController, qtbot: QtBot) -> None:
    meter_id = add_property_with_gas_meter(controller)
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        record_status(s, meter_id, DataExchangeStatus.SHARE_ACCEPTED, date(2024, 3, 10))
        s.add(
            models.BillRecord(
                meter_id=meter_id,
                start_date=date(2024, 3, 1),
                end_date=date(2024, 3, 31),
                usage=812.0,
                source=BillSource.DATA_EXCHANGE.value,
            )
        )
    page = open_page(controller)
    assert page.stored is not None and page.stored.setup.status is DataExchangeStatus.DATA_RECEIVED
    assert "status set to “Data received”" in shown(page, "assistant_message")
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.get(models.Meter, meter_id)
        assert meter is not None and meter.data_exchange_status == "data_received"
    assert page.resume_step_id is None


def test_demo_account_number_of_twelve_characters_is_shown_as_a_problem(
    controller: AppController, qtbot: QtBot
) -> None:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        populate_demo(s)
        bureau = s.scalars(select(models.Property).where(models.Property.name == "Bureau")).one()
        controller.ctx.select_property(bureau.id)
    page = open_page(controller)
    assert page.stage_items["bill"].badge.text() == "Check the numbers"
    # Stage 1 names the problem beside its field; the status panel names it on the other stages (said once).
    assert "has 12 characters" in shown(page, "error_account_number")
    assert shown(page, "numbers_warning") == ""
    page.stage_list.setCurrentRow(3)
    warning = shown(page, "numbers_warning")
    assert "111111111111" in warning and "12 characters" in warning
    assert "ESPM will refuse this value" in page.findChild(QLabel, "problem_s25_account_number").text()
    # The bank branch's electricity meter gets a note and a way to the gas meter.
    bank = page.picker.property_combo.findText("Succursale bancaire (exemple RNCan)")
    page.picker.property_combo.setCurrentIndex(bank)
    electricity = next(
        i
        for i in range(page.picker.meter_combo.count())
        if "Électricité" in page.picker.meter_combo.itemText(i)
    )
    page.picker.meter_combo.setCurrentIndex(electricity)
    assert "is not a natural-gas meter" in shown(page, "assistant_note")
    click(page, "show_gas_meter", qtbot)
    assert page.stored is not None and page.stored.is_natural_gas and shown(page, "assistant_note") == ""


def test_checklist_pdf_and_meters_template_are_written(
    controller: AppController, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meter_id = add_property_with_gas_meter(controller)
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        meter = s.get(models.Meter, meter_id)
        assert meter is not None
        meter.energir_account_number, meter.energir_invoice_number = "1234567890", "123456789012"
        meter.energir_meter_number = "7654321"
    page = open_page(controller)
    target = {"path": ""}
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args, **kw: target["path"])

    target["path"] = str(tmp_path / "checklist")  # no suffix typed: .pdf is added
    click(page, "print_checklist", qtbot)
    pdf = tmp_path / "checklist.pdf"
    assert str(pdf) in shown(page, "assistant_message")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    for value in ("Caisse Saint-Roch", "1234567890", "123456789012", "7654321"):
        assert value in text

    target["path"] = str(tmp_path / "meters.xlsx")
    click(page, "export_meters_template", qtbot)
    assert str(tmp_path / "meters.xlsx") in shown(page, "assistant_message")
    ws = openpyxl.load_workbook(tmp_path / "meters.xlsx")[SHEET_NAME]
    assert tuple(c.value for c in ws[1])[: len(HEADERS)] == HEADERS
    row = [c.value for c in ws[2]]
    assert row[0] == 7654321 and row[1] == "Caisse Saint-Roch" and "1234567890" in row

    # Cancelling the dialog writes nothing and says nothing.
    target["path"] = ""
    before = shown(page, "assistant_message")
    click(page, "print_checklist", qtbot)
    assert shown(page, "assistant_message") == before
