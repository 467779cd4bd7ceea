"""The import dialog lists conflicts with both values and a choice each, and the import applies them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from espm_desktop.ui import file_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages import import_dialog
from espm_desktop.ui.pages.import_dialog import CONFLICT_COLUMNS, ImportDialog

HEADER = "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units,Cost ($)\n"


def _bills(db: Path) -> list[tuple[int, str, float, float | None]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, start_date, usage, cost FROM bill ORDER BY start_date").fetchall()
    finally:
        con.close()


def _write(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def _import(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_preview()


def test_conflicts_are_listed_and_each_choice_is_applied(
    qtbot: QtBot, controller: AppController, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = _write(
        tmp_path / "seed.csv",
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters),10",
        "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,90,cm (cubic meters),9",
        "Tour A,Gaz,Natural Gas,2023-03-01,2023-03-31,80,cm (cubic meters),8",
    )
    first = ImportDialog(controller.ctx, [seed], controller.window)
    qtbot.addWidget(first)
    _import(qtbot, first)
    with qtbot.waitSignal(first.import_finished, timeout=10000):
        first.import_button.click()
    stored = _bills(db_path)
    assert [b[2] for b in stored] == [100.0, 90.0, 80.0]

    corrected = _write(
        tmp_path / "corrected.csv",
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,105.5,cm (cubic meters),10.55",  # row 2: replace
        "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,95,cm (cubic meters),9",  # row 3: keep
        "Tour A,Gaz,Natural Gas,2023-03-01,2023-03-31,80,cm (cubic meters),8",  # a duplicate
        "Tour A,Gaz,Natural Gas,2023-04-01,2023-04-30,70,cm (cubic meters),7",  # new
    )
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(corrected)])
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 0)
    dialog = import_dialog.open_import_dialog(controller.ctx, controller.window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.counts.text().startswith("1 new bills, 1 duplicates")
    assert "2 rows differ from the stored bills" in dialog.counts.text()
    assert not dialog.conflict_box.isHidden() and dialog.import_button.isEnabled()
    table = dialog.conflict_table
    assert table.rowCount() == 2

    def cell(row: int, column: str) -> str:
        return table.item(row, CONFLICT_COLUMNS.index(column)).text()

    assert [cell(0, c) for c in CONFLICT_COLUMNS[:-1]] == [
        "corrected.csv",
        "2",
        "Tour A — Gaz",
        "2023-01-01 – 2023-01-31",
        "100 m3",
        "10.00",
        "105.5 m3",
        "10.55",
    ]
    assert (cell(1, "row"), cell(1, "stored_usage"), cell(1, "file_usage")) == ("3", "90 m3", "95 m3")
    # Every row starts on Keep; the buttons set all of them; then one row at a time.
    combos = [dialog.findChild(QComboBox, f"conflict_choice_{r}") for r in range(2)]
    assert all(c is not None and c.currentData() == "keep" for c in combos)
    dialog.replace_all_button.click()
    assert [c.currentData() for c in combos] == ["replace", "replace"]
    dialog.keep_all_button.click()
    assert [c.currentData() for c in combos] == ["keep", "keep"]
    combos[0].setCurrentIndex(combos[0].findData("replace"))
    assert _bills(db_path) == stored  # the preview wrote nothing
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        dialog.import_button.click()
    after = _bills(db_path)
    assert after[:3] == [
        (stored[0][0], "2023-01-01", 105.5, 10.55),  # replaced in place
        stored[1],  # kept
        stored[2],
    ]
    assert after[3][1:] == ("2023-04-01", 70.0, 7.0)
    assert "1 bills imported, 1 stored bills replaced" in dialog.message.text()
    # Previewed again: January now equals the file, February still differs.
    _import(qtbot, dialog)
    assert dialog.conflict_table.rowCount() == 1 and dialog.conflict_table.item(0, 1).text() == "3"


def test_a_conflict_that_appears_after_the_preview_refuses_the_import(
    qtbot: QtBot, controller: AppController, db_path: Path, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "bills.csv", "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters),10"
    )
    dialog = ImportDialog(controller.ctx, [path], controller.window)
    qtbot.addWidget(dialog)
    _import(qtbot, dialog)
    assert dialog.conflict_box.isHidden()
    # Meanwhile another program stores January with another value.
    other = _write(
        tmp_path / "other.csv", "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,111,cm (cubic meters),11"
    )
    second = ImportDialog(controller.ctx, [other], controller.window)
    qtbot.addWidget(second)
    _import(qtbot, second)
    with qtbot.waitSignal(second.import_finished, timeout=10000):
        second.import_button.click()
    refused: list[object] = []
    dialog.import_finished.connect(refused.append)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Nothing was stored" in dialog.message.text(), timeout=10000)
    assert not refused
    assert [b[2] for b in _bills(db_path)] == [111.0]
    assert dialog.conflict_table.rowCount() == 1 and not dialog.conflict_box.isHidden()
