from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from espm_desktop.ui import file_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages import import_dialog
from espm_desktop.ui.pages.import_dialog import ImportDialog, mapping_key
from espm_desktop.ui.settings import AppSettings


def _bills(db: Path) -> list[tuple[str, str, float, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT start_date, end_date, usage, source FROM bill ORDER BY start_date"
        ).fetchall()
    finally:
        con.close()


def _file_with_errors(tmp_path: Path) -> Path:
    path = tmp_path / "factures.csv"
    path.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,douze,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-03-01,2023-03-31,80,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-03-10,2023-04-09,70,cm (cubic meters)\n",
        encoding="utf-8",
    )
    return path


def test_dialog_previews_errors_and_imports_the_good_rows(
    qtbot: QtBot, controller: AppController, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file_with_errors(tmp_path)
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(path)])
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 0)  # open_import_dialog runs it modally
    changed: list[bool] = []
    controller.ctx.data_changed.connect(lambda: changed.append(True))
    dialog = import_dialog.open_import_dialog(controller.ctx, controller.window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.counts.text().startswith("2 new bills, 0 duplicates")
    table = dialog.error_table
    assert table.rowCount() == 2
    assert [table.item(r, 2).text() for r in range(2)] == ["3", "5"]
    assert table.item(0, 4).text() == "douze"
    assert "overlaps" in table.item(1, 5).text()
    saved = tmp_path / "errors.csv"
    dialog.save_errors(saved)
    with saved.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["File", "Sheet", "Row", "Column", "Value", "Reason"] and len(rows) == 3
    assert _bills(db_path) == []  # the preview wrote nothing
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        dialog.import_button.click()
    assert _bills(db_path) == [
        ("2023-01-01", "2023-01-31", 100.0, "import"),
        ("2023-03-01", "2023-03-31", 80.0, "import"),
    ]
    assert changed and "2 bills imported" in dialog.message.text()
    # Again: everything is a duplicate now, nothing to import.
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()
    assert dialog.counts.text().startswith("0 new bills, 2 duplicates")
    assert not dialog.import_button.isEnabled()


def test_generic_file_asks_for_columns_and_remembers_them(
    qtbot: QtBot, controller: AppController, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "gaz.csv"
    path.write_text("Du;Au;Volume m3\n2023-01-01;2023-01-31;1 234,5\n", encoding="utf-8")
    dialog = ImportDialog(controller.ctx, [path], controller.window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()
    panel = dialog.mapping_panel
    assert not panel.isHidden() and "gaz.csv" in dialog.message.text()
    for field, header in (("start", "Du"), ("end", "Au"), ("usage", "Volume m3")):
        combo = panel.findChild(QComboBox, f"map_{field}")
        combo.setCurrentIndex(combo.findData(header))
    for field, value in (
        ("property_name", "Tour B"),
        ("meter_name", "Gaz"),
        ("meter_type", "Natural Gas"),
        ("unit", "m3"),
    ):
        panel.findChild(QLineEdit, f"fixed_{field}").setText(value)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()
    assert panel.isHidden() and dialog.counts.text().startswith("1 new bills")
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        dialog.start_import()
    assert _bills(db_path) == [("2023-01-01", "2023-01-31", 1234.5, "import")]
    stored = AppSettings().value(mapping_key(["Du", "Au", "Volume m3"]))
    assert stored and '"Volume m3"' in str(stored)
    # A second file with the same headers gets the remembered mapping proposed.
    other = tmp_path / "gaz2.csv"
    other.write_text("Du;Au;Volume m3\n2023-02-01;2023-02-28;10\n", encoding="utf-8")
    second = ImportDialog(controller.ctx, [other], controller.window)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.preview_ready, timeout=10000):
        second.start_preview()
    assert second.mapping_panel.findChild(QLineEdit, "fixed_property_name").text() == "Tour B"


def test_ambiguous_dates_ask_for_the_order(qtbot: QtBot, controller: AppController, tmp_path: Path) -> None:
    path = tmp_path / "slash.csv"
    path.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,01/02/2023,05/02/2023,100,cm (cubic meters)\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(controller.ctx, [path], controller.window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()
    assert "Choose the order" in dialog.message.text() and dialog.plan is not None and not dialog.plan.bills
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("dmy"))
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()
    assert dialog.plan is not None and dialog.plan.bills[0].row.start.isoformat() == "2023-02-01"
