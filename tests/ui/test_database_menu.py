"""File → New, Open, Open recent, Back up now, Restore from backup: through the real window and dialogs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from espm_desktop.db.backups import list_backups
from espm_desktop.ui import database_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.backup_dialogs import RestoreDialog
from tests.ui.conftest import open_window, when_dialog_opens


def bills(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM bill").fetchone()[0])
    finally:
        con.close()


def click_button(box: QMessageBox, text: str) -> None:
    for button in box.buttons():
        if text in button.text():
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


@pytest.fixture
def demo_window(qtbot: QtBot, demo_db: Path):  # type: ignore[no-untyped-def]
    yield from open_window(qtbot, demo_db)


def test_title_names_the_file_and_new_database_switches_to_it(
    demo_window: AppController, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_window.window.windowTitle().startswith("demo.sqlite — ")
    target = tmp_path / "client B.sqlite"
    monkeypatch.setattr(database_dialogs, "save_file_name", lambda *a, **k: str(target))
    old_window = demo_window.window
    old_window._on_new_database()
    assert demo_window.window is not old_window
    assert demo_window.window.windowTitle().startswith("client B.sqlite — ")
    assert target.exists() and bills(target) == 0
    recent = [a.text() for a in demo_window.window.recent_menu.actions()]
    assert any(text.endswith("demo.sqlite") for text in recent)
    # Open recent brings the demo back.
    demo_window.window.recent_menu.actions()[0].trigger()
    assert demo_window.window.windowTitle().startswith("demo.sqlite — ")
    demo_window.window.close()


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(
    demo_window: AppController, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"hello" * 300)
    monkeypatch.setattr(database_dialogs, "open_file_name", lambda *a, **k: str(junk))
    seen: dict[str, str] = {}

    def read_and_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["name"] = dialog.objectName()
        seen["text"] = dialog.informativeText()
        click_button(dialog, "Cancel")

    window = demo_window.window
    when_dialog_opens(read_and_cancel, qtbot)
    window._on_open_database()
    assert seen["name"] == "database_problem_not_database"
    assert "not an ESPM Desktop database" in seen["text"]
    assert demo_window.window is window  # still on the demo
    assert junk.read_bytes() == b"hello" * 300


def test_back_up_now_then_restore_brings_the_old_bills_back(
    demo_window: AppController, qtbot: QtBot, demo_db: Path
) -> None:
    window = demo_window.window
    before = bills(demo_db)
    when_dialog_opens(lambda d: d.accept(), qtbot)
    window._on_backup_now()
    made = list_backups(demo_db, database_dialogs.backup_folder_for(demo_window.settings, demo_db))
    assert len(made) == 1 and made[0].bills == before and made[0].kind == "manual"

    con = sqlite3.connect(demo_db)
    con.execute("DELETE FROM bill")
    con.commit()
    con.close()
    assert bills(demo_db) == 0

    dialog = RestoreDialog(window, demo_window.ctx, demo_window.settings)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 5).text() == str(before)
    dialog.table.selectRow(0)

    def confirm(box: QDialog) -> None:
        assert box.objectName() == "restore_confirm"
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        when_dialog_opens(lambda done: done.accept(), qtbot)
        click_button(box, "Restore")

    when_dialog_opens(confirm, qtbot)
    dialog.restore_button.click()
    assert dialog.restored
    assert bills(demo_db) == before
    kinds = [b.kind for b in list_backups(demo_db, dialog.folder)]
    assert sorted(kinds) == ["manual", "pre-restore"]
    pre_restore = next(b for b in list_backups(demo_db, dialog.folder) if b.kind == "pre-restore")
    assert pre_restore.bills == 0


def test_a_read_only_database_shows_a_banner_and_disables_editing(qtbot: QtBot, demo_db: Path) -> None:
    from espm_desktop.db.opening import OpenedDatabase
    from espm_desktop.ui.app import context_for

    ctx = context_for(OpenedDatabase(demo_db, read_only=True, read_only_reason="file"))
    assert ctx.read_only
    from espm_desktop.ui.i18n import LanguageManager
    from espm_desktop.ui.settings import AppSettings

    app = qtbot  # noqa: F841 — the QApplication exists through pytest-qt
    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    controller = AppController(qapp, ctx, AppSettings(), LanguageManager(qapp))
    qtbot.addWidget(controller.window)
    controller.window.show()
    banner = controller.window.read_only_banner
    assert banner.isVisible() and "Read-only" in banner.text()
    assert not controller.window.import_action.isEnabled()
    properties = controller.window.pages["properties"]
    assert not properties.new_button.isEnabled()
    controller.window.close()
    ctx.dispose()


def test_automatic_backups_only_when_the_file_changed(
    demo_window: AppController, qtbot: QtBot, demo_db: Path
) -> None:
    auto = demo_window.auto_backup
    folder = database_dialogs.backup_folder_for(demo_window.settings, demo_db)

    def run_and_wait(daily: bool) -> None:
        with qtbot.waitSignal(auto.finished, timeout=20000):
            auto.run(daily=daily)

    run_and_wait(daily=False)
    assert [b.kind for b in list_backups(demo_db, folder)] == ["auto"]
    run_and_wait(daily=False)  # nothing changed since: no second copy
    assert len(list_backups(demo_db, folder)) == 1
    con = sqlite3.connect(demo_db)
    con.execute("DELETE FROM bill WHERE id = (SELECT min(id) FROM bill)")
    con.commit()
    con.close()
    run_and_wait(daily=True)  # changed, but the last backup is not a day old yet
    assert len(list_backups(demo_db, folder)) == 1
    run_and_wait(daily=False)  # a start after a change: a new copy
    newest = list_backups(demo_db, folder)[0]
    assert len(list_backups(demo_db, folder)) == 2 and newest.bills == bills(demo_db)
