"""Acknowledged findings live in the database: they follow the file and its backups, survive a meter's rename,
do not leak into another database whose meter has the same id, and a refused write puts the tick back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import espm_desktop.db.engine as engine_module
from espm_desktop.app.findings import acknowledge_finding, acknowledged_findings
from espm_desktop.db.backups import make_backup, restore_backup
from espm_desktop.db.engine import make_engine, upgrade_database
from espm_desktop.ui.app import AppController
from tests.ui.test_bills_table import JAN, open_page, seed

MAR = (JAN[0].replace(month=3), JAN[1].replace(month=3, day=31), 1400.0)
GAP = ("gap", "2024-02-01", "2024-02-29")


def gap_item(controller: AppController):  # type: ignore[no-untyped-def]
    page = open_page(controller)
    return next(i for i in page.findings.items() if "gap" in i.text() or "manque" in i.text())


def stored_ticks(db: Path) -> list[tuple[int, str, str, str]]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT meter_id, code, period_start, period_end FROM finding_acknowledgement ORDER BY id"
        ).fetchall()


def test_a_tick_is_stored_and_untick_removes_it(controller: AppController, db_path: Path) -> None:
    meter_id = seed(controller, [JAN, MAR])
    item = gap_item(controller)
    item.setCheckState(Qt.CheckState.Checked)
    assert stored_ticks(db_path) == [(meter_id, *GAP)]
    open_page(controller).findings.show_acknowledged.setChecked(True)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert stored_ticks(db_path) == []


def test_ticks_follow_a_rename_and_a_restore_not_another_database(
    controller: AppController, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    meter_id = seed(controller, [JAN, MAR])
    gap_item(controller).setCheckState(Qt.CheckState.Checked)
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE meter SET name = 'Gaz naturel — chaufferie' WHERE id = ?", (meter_id,))
    assert acknowledged_findings(controller.ctx.engine, meter_id) == {GAP}

    backup = make_backup(db_path, folder=tmp_path / "backups")
    acknowledge_finding(controller.ctx.engine, meter_id, GAP, False)
    assert stored_ticks(db_path) == []
    controller.ctx.dispose()
    restore_backup(backup.path, db_path, folder=tmp_path / "backups")
    assert stored_ticks(db_path) == [(meter_id, *GAP)]

    # Another database with a meter of the same id and the same gap: nothing ticked there.
    other = tmp_path / "other.sqlite"
    upgrade_database(other)
    engine = make_engine(other)
    try:
        assert acknowledged_findings(engine, meter_id) == set()
    finally:
        engine.dispose()


def test_a_read_only_database_offers_no_tick(controller: AppController) -> None:
    seed(controller, [JAN, MAR])
    controller.ctx.read_only = True  # what opening a read-only file sets (db/opening.py)
    item = gap_item(controller)
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "read-only" in open_page(controller).findings.hint.text()


def test_a_refused_write_puts_the_tick_back_and_says_why(
    controller: AppController, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(controller, [JAN, MAR])
    item = gap_item(controller)
    controller.ctx.dispose()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.3)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        item.setCheckState(Qt.CheckState.Checked)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert item.checkState() == Qt.CheckState.Unchecked
    assert stored_ticks(db_path) == []
    hint = open_page(controller).findings.hint.text()
    assert "not kept" in hint and "another program" in hint
