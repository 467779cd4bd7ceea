from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from tests.ui.conftest import type_into, when_dialog_opens


def press_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def error_text(dialog: QDialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"error_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def test_create_property_meter_and_bill_through_the_window(controller: AppController, qtbot: QtBot) -> None:
    window = controller.window
    seen: dict[str, str] = {}

    # Property: a bad number and a missing name first; the dialog stays open and says which field and why.
    def fill_property(dialog: QDialog) -> None:
        type_into(dialog, "gross_floor_area_m2", "douze")
        press_ok(dialog)
        seen["area"] = error_text(dialog, "gross_floor_area_m2")
        seen["name"] = error_text(dialog, "name")
        type_into(dialog, "name", "Caisse Saint-Roch")
        type_into(dialog, "gross_floor_area_m2", "1 250,5")
        type_into(dialog, "postal_code", "g1k3a5")
        type_into(dialog, "percent_heated", "140")
        press_ok(dialog)
        seen["heated"] = error_text(dialog, "percent_heated")
        type_into(dialog, "percent_heated", "100")
        press_ok(dialog)

    when_dialog_opens(fill_property, qtbot)
    qtbot.mouseClick(
        window.pages["properties"].findChild(QPushButton, "properties_new"), Qt.MouseButton.LeftButton
    )
    assert "not a number" in seen["area"] and "douze" in seen["area"]
    assert "required" in seen["name"]
    assert "between 0 and 100" in seen["heated"] and "140" in seen["heated"]

    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        prop = s.scalars(select(models.Property)).one()
        assert (prop.name, prop.gross_floor_area_m2, prop.postal_code) == (
            "Caisse Saint-Roch",
            1250.5,
            "G1K 3A5",
        )

    window.show_page("meters")

    def fill_meter(dialog: QDialog) -> None:
        type_into(dialog, "name", "Gaz naturel")
        combo = dialog.findChild(QComboBox, "field_energy_type")
        combo.setCurrentIndex(combo.findData("natural_gas"))
        units = dialog.findChild(QComboBox, "field_unit")
        units.setCurrentIndex(units.findData("m3"))
        type_into(dialog, "energir_meter_number", "2222222")
        press_ok(dialog)

    when_dialog_opens(fill_meter, qtbot)
    qtbot.mouseClick(window.pages["meters"].findChild(QPushButton, "meters_new"), Qt.MouseButton.LeftButton)
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        meter = s.scalars(select(models.Meter)).one()
        assert (meter.name, meter.energy_type, meter.unit, meter.energir_meter_number) == (
            "Gaz naturel",
            "natural_gas",
            "m3",
            "2222222",
        )

    window.show_page("bills")
    page = window.pages["bills"]
    table = page.table
    new_bill = page.findChild(QPushButton, "bills_new")

    def type_cell(row: int, column: int, text: str) -> None:
        index = table.model().index(row, column)
        table.setCurrentIndex(index)
        table.edit(index)
        editor = table.indexWidget(index)
        assert isinstance(editor, QLineEdit)
        editor.setText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # The delegate commits Return through a queued call.
        qtbot.waitUntil(lambda: table.indexWidget(index) is None, timeout=2000)

    def fill_bill(row: int, start: str, end: str, usage: str) -> None:
        type_cell(row, 0, start)
        type_cell(row, 1, end)
        type_cell(row, 3, usage)
        type_cell(row, 5, "1 234,56")

    # Bills are typed in the table: "Add bill" adds a row after the last bill, then each cell is typed.
    qtbot.mouseClick(new_bill, Qt.MouseButton.LeftButton)
    fill_bill(0, "2024-01-01", "31/01/2024", "1 500")
    qtbot.mouseClick(new_bill, Qt.MouseButton.LeftButton)
    assert table.model().index(1, 0).data() == "2024-02-01"
    # Moving its start five days into January is refused with ESPM's one-day rule; nothing is stored.
    type_cell(1, 0, "2024-01-27")
    message = page.findChild(QLabel, "bills_message").text()
    assert "overlaps" in message and "5 days" in message and "2024-01-27" in message
    # Sharing exactly one day (end = next start) is allowed.
    fill_bill(1, "2024-01-31", "2024-02-29", "900")

    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        bills = s.scalars(select(models.BillRecord).order_by(models.BillRecord.start_date)).all()
        assert [(b.start_date, b.end_date, b.usage, str(b.cost), b.source) for b in bills] == [
            (date(2024, 1, 1), date(2024, 1, 31), 1500.0, "1234.56", "manual"),
            (date(2024, 1, 31), date(2024, 2, 29), 900.0, "1234.56", "manual"),
        ]
    assert table.model().rowCount() == 2 and table.model().index(0, 3).data() == "1,500"


def test_language_switch_rebuilds_the_window_in_french_and_persists(
    controller: AppController, qtbot: QtBot
) -> None:
    window = controller.window
    assert window.nav.item(0).text() == "Properties"
    window.show_page("bills")
    window.language_actions["fr"].trigger()
    french = controller.window
    assert french is not window
    assert [french.nav.item(i).text() for i in range(3)] == ["Propriétés", "Compteurs", "Factures"]
    assert french.current_page_id() == "bills"
    assert controller.settings.language == "fr"
    assert french.menuBar().actions()[1].text() == "&Langue"
    french.language_actions["en"].trigger()
    assert controller.window.nav.item(0).text() == "Properties"


def test_last_page_and_geometry_are_remembered(controller: AppController, qtbot: QtBot) -> None:
    window = controller.window
    window.resize(790, 540)
    window.show_page("meters")
    window.close()
    assert controller.settings.last_page == "meters"
    from espm_desktop.ui.main_window import MainWindow

    again = MainWindow(controller.ctx, controller.settings, "en")
    qtbot.addWidget(again)
    assert again.current_page_id() == "meters"
    assert (again.width(), again.height()) == (790, 540)


def test_duplicate_espm_id_is_shown_on_the_form_and_nothing_is_saved(
    controller: AppController, qtbot: QtBot
) -> None:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        s.add(models.Property(name="Existing", espm_property_id="5551234"))
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        type_into(dialog, "name", "Copy")
        type_into(dialog, "gross_floor_area_m2", "100")
        type_into(dialog, "espm_property_id", "5551234")
        when_dialog_opens(
            lambda again: (seen.setdefault("id", error_text(again, "espm_property_id")), again.reject()),
            qtbot,
        )
        press_ok(dialog)

    when_dialog_opens(fill, qtbot)
    controller.window.page("properties").findChild(QPushButton, "properties_new").click()
    assert "already has this ESPM property ID" in seen["id"]
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert [p.name for p in s.scalars(select(models.Property))] == ["Existing"]
