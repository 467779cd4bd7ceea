"""File → Export… on the demo database: each format read back, Cancel mid-export, the meters without an ESPM
meter ID listed and left out, the open database refused, and a write error worded for the user."""

from __future__ import annotations

import csv
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from espm_desktop.app import bill_export
from espm_desktop.fs.atomic_files import find_partials
from espm_desktop.io.espm_bill_template import SHEET_ORDER
from espm_desktop.ui import desktop_open, export_worker, file_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.export_dialog import ExportDialog
from tests.ui.conftest import open_window

BANK = "Succursale bancaire (exemple RNCan)"


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppController]:
    monkeypatch.setenv(desktop_open.NO_OPEN_ENV, "1")
    yield from open_window(qtbot, demo_db)


def _db_count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def _dialog(qtbot: QtBot, ctrl: AppController, target: Path, monkeypatch: pytest.MonkeyPatch) -> ExportDialog:
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(target))
    dialog = ExportDialog(ctrl.ctx, ctrl.settings, ctrl.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _done_box(ctrl: AppController) -> QMessageBox:
    boxes = [b for b in ctrl.window.findChildren(QMessageBox, "export_done") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def _xlsx_rows(path: Path, sheets: tuple[str, ...]) -> list[tuple[str, tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return [(name, row) for name in sheets for row in list(book[name].iter_rows(values_only=True))[1:]]
    finally:
        book.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_csv_and_workbook_of_every_property(
    qtbot: QtBot,
    window: AppController,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    target = tmp_path / "out" / f"bills.{fmt}"
    target.parent.mkdir()
    dialog = _dialog(qtbot, window, target, monkeypatch)
    qtbot.mouseClick(dialog.findChild(type(dialog.scope_all), "scope_all"), Qt.MouseButton.LeftButton)
    dialog.format_buttons[bill_export.ExportFormat(fmt)].click()
    assert dialog.missing_box.isHidden()  # only the ESPM template needs meter IDs
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running() and target.exists(), timeout=10000)
    bills = _db_count(demo_db, "SELECT COUNT(*) FROM bill")
    if fmt == "csv":
        with target.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))[1:]
        assert len(rows) == bills
        assert {r[0] for r in rows} == {BANK, "Bureau", "Usine de démonstration SGÉ"}
    else:
        assert len(_xlsx_rows(target, ("Bills",))) == bills
        assert len(_xlsx_rows(target, ("Properties",))) == _db_count(demo_db, "SELECT COUNT(*) FROM property")
        assert len(_xlsx_rows(target, ("Meters",))) == _db_count(demo_db, "SELECT COUNT(*) FROM meter")
    box = _done_box(window)
    assert f"{bills} rows written to {target}" in box.text()
    show = next(b for b in box.buttons() if b.objectName() == "show_folder")
    show.click()
    assert desktop_open.skipped[-1] == target.parent
    assert find_partials(target.parent) == []


def test_espm_template_lists_and_skips_meters_without_id(
    qtbot: QtBot, window: AppController, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "upload.xlsx"
    dialog = _dialog(qtbot, window, target, monkeypatch)
    dialog.scope_all.click()
    dialog.format_buttons[bill_export.ExportFormat.ESPM_BILLS].click()
    # The demo: only the office's meter has an ESPM meter ID.
    assert dialog.missing_box.isVisible()
    assert "ESPM would refuse these rows" in dialog.missing_intro.text()
    table = dialog.missing_list
    listed = [
        (table.topLevelItem(i).text(0), table.topLevelItem(i).text(1))
        for i in range(table.topLevelItemCount())
    ]
    assert sorted(listed) == [
        ("Gaz naturel", BANK),
        ("Gaz naturel – entrée principale", "Usine de démonstration SGÉ"),
        ("Électricité", BANK),
    ]
    assert [table.headerItem().text(c) for c in (0, 1)] == ["Meter", "Property"]
    assert dialog.export_button.text() == "Skip them and export"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running() and target.exists(), timeout=10000)
    rows = _xlsx_rows(target, SHEET_ORDER)
    with_id = _db_count(
        demo_db,
        "SELECT COUNT(*) FROM bill JOIN meter ON meter.id = bill.meter_id WHERE meter.espm_meter_id <> ''",
    )
    assert len(rows) == with_id == 23
    # Column 1 holds the Portfolio Manager Meter ID, column 5 the meter's name.
    assert {row[0] for _, row in rows} == {157127890}
    assert {row[4] for _, row in rows} == {"Gaz naturel1"}
    assert "Left out: the bills of 3 meters" in _done_box(window).text()


def test_template_of_a_property_without_any_meter_id_is_not_offered(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.ctx.select_property(1)  # the bank branch: none of its meters has an ESPM ID
    dialog = _dialog(qtbot, window, tmp_path / "upload.xlsx", monkeypatch)
    assert dialog.scope_current.isChecked() and BANK in dialog.scope_current.text()
    assert dialog.missing_list.topLevelItemCount() == 2
    assert "the template would be empty" in dialog.missing_intro.text()
    assert not dialog.export_button.isEnabled()
    dialog.format_buttons[bill_export.ExportFormat.CSV].click()
    assert dialog.export_button.isEnabled() and dialog.missing_box.isHidden()


def test_cancel_mid_export_leaves_no_file_and_no_partial(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "portfolio.xlsx"
    target.parent.mkdir()
    reached, release = threading.Event(), threading.Event()
    real_export = bill_export.export_to_file

    def held_export(*args: Any, progress: Any, **kwargs: Any) -> int:
        def held_progress(done: int, total: int) -> None:
            progress(done, total)
            if done > 0 and not reached.is_set():
                reached.set()  # some bills are in the partial file: hold the writer here until Cancel
                release.wait(10)

        return real_export(*args, progress=held_progress, **kwargs)

    monkeypatch.setattr(export_worker, "export_to_file", held_export)
    dialog = _dialog(qtbot, window, target, monkeypatch)
    dialog.format_buttons[bill_export.ExportFormat.XLSX].click()
    dialog.scope_all.click()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    assert find_partials(target.parent) != []  # the export is really under way
    qtbot.waitUntil(dialog.progress.isVisible)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10000)
    assert dialog.status.text() == "Export cancelled: no file was written."
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert dialog.isVisible()  # still open: the user may export again


def test_the_open_database_is_refused(
    qtbot: QtBot, window: AppController, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_db.read_bytes()
    dialog = _dialog(qtbot, window, demo_db.with_suffix(".csv"), monkeypatch)
    dialog.format_buttons[bill_export.ExportFormat.CSV].click()
    dialog.target = demo_db  # as if typed: the dialog's own suffix rule would otherwise rename it
    dialog.start_export()
    assert not dialog.running()
    assert dialog.failure_box is not None
    assert "is the database ESPM Desktop has open" in dialog.failure_box.text()
    assert "choose another file name" in dialog.failure_box.text()
    assert demo_db.read_bytes() == before


def test_a_write_error_names_the_file_and_the_fix(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing-folder" / "bills.csv"
    dialog = _dialog(qtbot, window, target, monkeypatch)
    dialog.format_buttons[bill_export.ExportFormat.CSV].click()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running() and dialog.failure_box is not None, timeout=10000)
    assert dialog.failure_box is not None
    text = dialog.failure_box.text()
    assert str(target) in text and "check that the folder exists" in text
    assert "Traceback" not in text


def test_file_menu_opens_the_export_dialog(
    qtbot: QtBot, window: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.window.export_action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Export"
