"""Meter edits through the real dialog: unit changes convert bills (and undo), Énergir numbers and initial load are
checked under their field, and the Bills grid refuses a one-day bill inside another."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from espm_desktop.core.data_exchange import SetupField, validate_initial_load, validate_invoice_number
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message as i18n_message
from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.bills_model import END, UNIT
from espm_desktop.ui.pages.bills import BillsPage
from espm_desktop.ui.pages.data_exchange_numbers import NumbersForm
from espm_desktop.ui.pages.meters import MetersPage
from tests.ui.conftest import type_into, when_dialog_opens
from tests.ui.test_bills_table import message, stored, type_cell

BILLS = [
    (date(2024, 1, 1), date(2024, 1, 31), 273.0, Decimal("41.20")),
    (date(2024, 2, 1), date(2024, 2, 29), 1234.5, Decimal("150.00")),
    (date(2024, 3, 1), date(2024, 3, 31), 0.7, None),
]


def seed_meter(controller: AppController, energy_type: str = "electricity_grid", unit: str = "kWh") -> int:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop = models.Property(name="Caisse Saint-Roch", gross_floor_area_m2=1250.0)
        s.add(prop)
        s.flush()
        meter = models.Meter(property_id=prop.id, name="Électricité", energy_type=energy_type, unit=unit)
        s.add(meter)
        s.flush()
        for start, end, usage, cost in BILLS:
            s.add(
                models.BillRecord(meter_id=meter.id, start_date=start, end_date=end, usage=usage, cost=cost)
            )
        return meter.id


def meter_state(controller: AppController) -> tuple[str, str, list[tuple[float, Decimal | None]]]:
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.scalars(select(models.Meter)).one()
        bills = s.scalars(select(models.BillRecord).order_by(models.BillRecord.start_date)).all()
        return meter.energy_type, meter.unit, [(b.usage, b.cost) for b in bills]


def press_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def error_text(dialog: QDialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"error_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def choose(dialog: QDialog, key: str, data: str) -> None:
    combo = dialog.findChild(QComboBox, f"field_{key}")
    assert combo is not None
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def when_message_box(action: Callable[[QMessageBox], None]) -> None:
    """Run `action` on the next message box (it opens over the meter dialog, which is modal too)."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            action(box)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def open_meters(controller: AppController) -> MetersPage:
    controller.window.show_page("meters")
    page = controller.window.pages["meters"]
    assert isinstance(page, MetersPage)
    page.table.selectRow(0)
    return page


def open_bills(controller: AppController) -> BillsPage:
    controller.window.show_page("bills")
    page = controller.window.pages["bills"]
    assert isinstance(page, BillsPage)
    return page


def edit_meter(page: MetersPage, qtbot: QtBot, fill: Callable[[QDialog], None]) -> None:
    when_dialog_opens(fill, qtbot)
    qtbot.mouseClick(page.findChild(QPushButton, "meters_edit"), Qt.MouseButton.LeftButton)


def test_unit_change_kwh_to_mwh_converts_every_bill_and_undo_puts_them_back(
    controller: AppController, qtbot: QtBot
) -> None:
    seed_meter(controller)
    bills_page = open_bills(controller)
    assert bills_page.model.index(0, UNIT).data() == "kWh"
    page = open_meters(controller)
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def fill(dialog: QDialog) -> None:
        choose(dialog, "unit", "MWh")
        when_message_box(answer_yes)
        press_ok(dialog)

    edit_meter(page, qtbot, fill)
    assert len(asked) == 1
    assert "Convert 3 bills from kWh to MWh?" in asked[0]
    assert "2024-01-01 → 2024-01-31: 273 kWh becomes 0.273 MWh" in asked[0]
    assert "Costs are not changed" in asked[0]
    assert meter_state(controller) == (
        "electricity_grid",
        "MWh",
        [(0.273, Decimal("41.20")), (1.2345, Decimal("150.00")), (0.0007, None)],
    )
    # The grid, already loaded with this meter, follows the new unit.
    bills_page = open_bills(controller)
    assert [bills_page.model.index(r, UNIT).data() for r in range(3)] == ["MWh"] * 3
    assert bills_page.model.index(0, 3).data() == "0.273"

    page = open_meters(controller)
    undo = page.findChild(QPushButton, "meters_undo")
    assert undo.isEnabled()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    # The exact stored values come back, not a re-conversion.
    assert meter_state(controller) == (
        "electricity_grid",
        "kWh",
        [(273.0, Decimal("41.20")), (1234.5, Decimal("150.00")), (0.7, None)],
    )
    bills_page = open_bills(controller)
    assert bills_page.model.index(0, UNIT).data() == "kWh"
    page = open_meters(controller)
    qtbot.mouseClick(page.findChild(QPushButton, "meters_redo"), Qt.MouseButton.LeftButton)
    assert meter_state(controller)[1] == "MWh"
    assert meter_state(controller)[2][0] == (0.273, Decimal("41.20"))


def test_unit_change_answered_no_changes_nothing(controller: AppController, qtbot: QtBot) -> None:
    seed_meter(controller)
    page = open_meters(controller)

    def fill(dialog: QDialog) -> None:
        choose(dialog, "unit", "GJ")
        when_message_box(lambda box: box.button(QMessageBox.StandardButton.No).click())
        press_ok(dialog)
        assert dialog.isVisible()  # still open: the user may pick another unit or cancel
        dialog.reject()

    edit_meter(page, qtbot, fill)
    assert meter_state(controller) == (
        "electricity_grid",
        "kWh",
        [(273.0, Decimal("41.20")), (1234.5, Decimal("150.00")), (0.7, None)],
    )


def test_electricity_in_kwh_cannot_become_m3_with_bills(controller: AppController, qtbot: QtBot) -> None:
    seed_meter(controller)
    page = open_meters(controller)
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        # m³ is not an electricity unit: only a gas meter offers it, and the bills are electricity.
        electricity_units = dialog.findChild(QComboBox, "field_unit")
        assert electricity_units.findData("m3") < 0
        choose(dialog, "energy_type", "natural_gas")
        choose(dialog, "unit", "m3")
        press_ok(dialog)
        seen["type"] = error_text(dialog, "energy_type")
        seen["name"] = error_text(dialog, "name")
        dialog.reject()

    edit_meter(page, qtbot, fill)
    assert "3 bill(s) of Electricity (grid)" in seen["type"] and "Create a new meter" in seen["type"]
    assert seen["name"] == ""
    assert meter_state(controller)[:2] == ("electricity_grid", "kWh")
    assert meter_state(controller)[2][0] == (273.0, Decimal("41.20"))


def test_initial_load_36_is_shown_under_its_field(controller: AppController, qtbot: QtBot) -> None:
    seed_meter(controller, "natural_gas", "m3")
    page = open_meters(controller)
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_into(dialog, "initial_load_months", "36")
        press_ok(dialog)
        seen["load"] = error_text(dialog, "initial_load_months")
        seen["name"] = error_text(dialog, "name")
        dialog.reject()

    edit_meter(page, qtbot, fill)
    expected = validate_initial_load(36).error
    assert expected is not None
    assert seen["load"] == expected.en and "0 to 24" in seen["load"]
    assert seen["name"] == ""
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert s.scalars(select(models.Meter.initial_load_months)).one() is None


def test_short_energir_numbers_are_refused_with_the_assistants_text(
    controller: AppController, qtbot: QtBot
) -> None:
    seed_meter(controller, "natural_gas", "m3")
    page = open_meters(controller)
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_into(dialog, "energir_invoice_number", "12345")
        type_into(dialog, "energir_meter_number", "1234")
        press_ok(dialog)
        seen["invoice"] = error_text(dialog, "energir_invoice_number")
        seen["meter"] = error_text(dialog, "energir_meter_number")
        dialog.reject()

    edit_meter(page, qtbot, fill)
    assistant = NumbersForm()
    qtbot.addWidget(assistant)
    assistant.editors[SetupField.INVOICE_NUMBER].setText("12345")
    assistant.editors[SetupField.METER_NUMBER].setText("1234")
    assert seen["invoice"] == assistant.errors[SetupField.INVOICE_NUMBER].text() != ""
    assert seen["meter"] == assistant.errors[SetupField.METER_NUMBER].text() != ""
    expected = validate_invoice_number("12345").error
    assert expected is not None and seen["invoice"] == expected.en
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.scalars(select(models.Meter)).one()
        assert (meter.energir_invoice_number, meter.energir_meter_number) == (None, None)


def test_energir_numbers_are_saved_without_spaces(controller: AppController, qtbot: QtBot) -> None:
    seed_meter(controller, "natural_gas", "m3")
    page = open_meters(controller)
    edit_meter(
        page, qtbot, lambda d: (type_into(d, "energir_invoice_number", "3333\u00a03333 3333"), press_ok(d))
    )
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert s.scalars(select(models.Meter.energir_invoice_number)).one() == "333333333333"


def test_a_duplicate_name_is_still_a_name_conflict(controller: AppController, qtbot: QtBot) -> None:
    meter_id = seed_meter(controller, "natural_gas", "m3")
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop_id = s.get(models.Meter, meter_id).property_id  # type: ignore[union-attr]
        s.add(models.Meter(property_id=prop_id, name="Gaz 2", energy_type="natural_gas", unit="m3"))
    page = open_meters(controller)
    page.table.selectRow(page._ids.index(meter_id))
    seen: dict[str, str] = {}

    def read_again(dialog: QDialog) -> None:
        # The save failed: the dialog opens again with the conflict under the name.
        seen["name"] = error_text(dialog, "name")
        dialog.reject()

    def fill(dialog: QDialog) -> None:
        type_into(dialog, "name", "Gaz 2")
        when_dialog_opens(read_again, qtbot)
        press_ok(dialog)

    edit_meter(page, qtbot, fill)
    assert "already has a meter with this name" in seen["name"]


def test_a_check_constraint_is_not_reported_as_a_name_conflict(controller: AppController) -> None:
    """The save's last guard: SQLite's message names the constraint, and the error goes under its column."""
    from espm_desktop.app.records import integrity_field_error

    meter_id = seed_meter(controller, "natural_gas", "m3")
    conflict = FieldError("name", i18n_message("name taken"))
    fields = ["name", "espm_meter_id", "initial_load_months"]
    failures: list[IntegrityError] = []
    for change in ({"initial_load_months": 36}, {"name": None}):
        try:
            with Session(controller.ctx.engine) as s, s.begin():
                meter = s.get(models.Meter, meter_id)
                for key, value in change.items():
                    setattr(meter, key, value)
                s.flush()
        except IntegrityError as exc:
            failures.append(exc)
    check, not_null = (integrity_field_error(e, models.Meter, conflict, fields) for e in failures)
    assert check.field == "initial_load_months" and "initial_load_months" in check.message_en
    assert not_null.field == "name" and not_null.code == "not_null"
    with Session(controller.ctx.engine) as s:
        prop_id = s.get(models.Meter, meter_id).property_id  # type: ignore[union-attr]
    try:
        with Session(controller.ctx.engine) as s, s.begin():
            s.add(models.Meter(property_id=prop_id, name="Électricité", energy_type="natural_gas", unit="m3"))
    except IntegrityError as exc:
        assert integrity_field_error(exc, models.Meter, conflict, fields) is conflict


def test_a_one_day_bill_inside_another_is_refused_in_the_grid(
    controller: AppController, qtbot: QtBot
) -> None:
    meter_id = seed_meter(controller, "natural_gas", "m3")
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        s.add(
            models.BillRecord(
                meter_id=meter_id, start_date=date(2024, 3, 31), end_date=date(2024, 4, 30), usage=9.0
            )
        )
    page = open_bills(controller)
    before = stored(controller)
    # The April bill shares 31 March with the March bill, as ESPM allows; ending it on that day would make it a
    # one-day bill inside March.
    type_cell(page, qtbot, 3, END, "2024-03-31")
    assert "overlaps the bill from 2024-03-01 to 2024-03-31" in message(page) and "Not saved" in message(page)
    assert stored(controller) == before
    # Pasted, the same rule holds.
    page.paste_text("2024-01-15\t2024-01-15\t12")
    assert "overlaps the bill from 2024-01-01 to 2024-01-31" in message(page)
    assert stored(controller) == before


def test_the_bills_grid_follows_a_unit_changed_elsewhere(controller: AppController) -> None:
    meter_id = seed_meter(controller)
    page = open_bills(controller)
    assert page.model.index(0, UNIT).data() == "kWh"
    # Any writer (the Meters page, an import) changes the unit and says so through data_changed.
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        s.get(models.Meter, meter_id).unit = "MWh"  # type: ignore[union-attr]
    controller.ctx.data_changed.emit()
    assert [page.model.index(r, UNIT).data() for r in range(3)] == ["MWh"] * 3
