"""Another program holds the write lock: the window waits, then says the change was not saved and why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import espm_desktop.db.engine as engine_module
from espm_desktop.ui.app import AppController
from tests.ui.test_bills_table import JAN, USAGE, message, open_page, seed, stored, type_cell


def test_an_edit_while_another_program_writes_is_refused_with_the_reason(
    controller: AppController, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(controller, [JAN])
    page = open_page(controller)
    controller.ctx.dispose()  # new connections take the shorter wait below
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.3)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_cell(page, qtbot, 0, USAGE, "1234")
        text = message(page)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "not saved" in text and "another program" in text
    assert stored(controller) == [JAN]  # nothing half-written
    type_cell(page, qtbot, 0, USAGE, "1234")  # once the other program is done, the same edit goes through
    assert stored(controller)[0][2] == 1234.0
