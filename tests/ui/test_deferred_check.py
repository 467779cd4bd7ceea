"""The window opens a database at the newest schema before its damaged-file check has run (the first screen does
not wait for it); the check then runs on another thread, nothing is written before it passes, and a file that
fails it is handled as one refused at start: the user restores a backup or leaves."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from espm_desktop.app.database import DatabaseProblem, IntegrityCheck, open_database
from espm_desktop.db.backups import make_backup
from espm_desktop.ui.app import AppController, context_for
from espm_desktop.ui.database_dialogs import backup_folder_for
from espm_desktop.ui.i18n import LanguageManager
from espm_desktop.ui.settings import AppSettings
from tests.db.test_backups import corrupt_middle
from tests.ui.conftest import when_dialog_opens


def bill_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM bill").fetchone()[0])
    finally:
        con.close()


def test_open_with_the_check_deferred_leaves_it_to_run(demo_db: Path) -> None:
    opened = open_database(demo_db, defer_check=True)
    assert opened.check_pending
    assert not open_database(demo_db).check_pending
    assert IntegrityCheck(demo_db).start().wait() is None


def test_a_damaged_file_fails_the_deferred_check_and_the_engine_refuses_it(demo_db: Path) -> None:
    corrupt_middle(demo_db)
    opened = open_database(demo_db, defer_check=True)  # the header and schema are readable
    ctx = context_for(opened)
    assert ctx.integrity is not None
    with pytest.raises(DatabaseProblem) as refused:
        ctx.engine  # noqa: B018 (asking for the engine runs the check and waits for it)
    assert refused.value.kind == "corrupt"
    with pytest.raises(DatabaseProblem):
        open_database(demo_db)  # the check in line finds the same


def test_a_damaged_file_found_after_the_first_screen_is_restored_from_its_backup(
    qtbot: QtBot, demo_db: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = AppSettings()
    languages = LanguageManager(app)
    languages.apply("en")
    bills = bill_count(demo_db)
    make_backup(demo_db, kind="manual", folder=backup_folder_for(settings, demo_db))
    corrupt_middle(demo_db)

    opened = open_database(demo_db, backup_folder=backup_folder_for(settings, demo_db), defer_check=True)
    ctrl = AppController(app, context_for(opened), settings, languages)
    first = ctrl.window  # replaced (and deleted) once the backup is restored
    first.show()
    assert first.current_page_id() and first.isVisible()  # the first screen is up before the check ran
    seen: list[str] = []

    def restore(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.objectName())
        when_dialog_opens(lambda done: (seen.append("restored"), done.accept()), qtbot)
        (button,) = [b for b in box.buttons() if b.text().startswith("Restore the backup of")]
        button.click()

    when_dialog_opens(restore, qtbot)
    ctrl.check_integrity_later()
    qtbot.waitUntil(lambda: ctrl.window is not first, timeout=15_000)
    qtbot.addWidget(ctrl.window)
    assert seen == ["database_problem_corrupt", "restored"]
    assert bill_count(demo_db) == bills
    assert ctrl.ctx.integrity is None or ctrl.ctx.integrity.wait() is None
    ctrl.window.close()
    ctrl.ctx.dispose()


def start_to_first_screen(db: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app on `db` up to its first screen (`--quit-after-start`), in a fresh process with its own settings and
    log folder."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ESPM_DESKTOP_CONFIG": str(tmp_path / "settings.ini"),
        "ESPM_DESKTOP_LOG_DIR": str(tmp_path / "log"),
    }
    return subprocess.run(
        [sys.executable, "-m", "espm_desktop", "--db", str(db), "--quit-after-start", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_start_up_check_exits_3_for_a_damaged_file_after_its_first_screen(
    demo_db: Path, tmp_path: Path
) -> None:
    corrupt_middle(demo_db)
    before = demo_db.read_bytes()
    result = start_to_first_screen(demo_db, tmp_path, "--lang", "fr")
    assert result.returncode == 3, result.stderr
    assert "first-screen-seconds" in result.stdout
    assert "est endommagé" in result.stderr and "Traceback" not in result.stderr
    assert demo_db.read_bytes() == before  # nothing was written to it


def test_a_first_screen_read_that_meets_the_damage_leaves_it_to_the_check(
    demo_db: Path, tmp_path: Path
) -> None:
    """The SGÉ page reads the participant's file before the check has run; on this damaged copy that read fails.
    The user gets the check's message (and exit 3), not an unexpected-error report or a traceback."""
    corrupt_middle(demo_db)
    result = start_to_first_screen(demo_db, tmp_path, "--page", "sge", "--lang", "en")
    assert result.returncode == 3, result.stderr
    assert "first-page sge" in result.stdout
    assert "is damaged" in result.stderr and "Traceback" not in result.stderr
    log = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "log").glob("*.log"))
    assert "A read met a damaged file while its check runs" in log  # the read did meet the damage
