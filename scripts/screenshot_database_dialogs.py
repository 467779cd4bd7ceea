"""Screenshots of every database message and of the backup dialogs, in French and English, on a real screen.

Run under Xvfb at the smallest screen we support:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_database_dialogs.py OUT_DIR
Each scenario makes a real file in that state (newer, damaged, locked, read-only, in a shared folder), opens it
the way the app does at start-up, and saves the whole screen when the dialog shows. The network-folder case
reports an NFS mount for the temporary folder, since no network share exists on a build machine.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def grab_then(out: Path, after: Callable[[QWidget], None]) -> None:
    """When a modal dialog shows, save the screen to `out`, then run `after` on the dialog."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(100, attempt)
            return

        def shoot() -> None:
            screen = QApplication.primaryScreen()
            screen.grabWindow(0).save(str(out))
            print(out, flush=True)
            after(dialog)

        QTimer.singleShot(400, shoot)

    QTimer.singleShot(100, attempt)


def press_escape(dialog: QWidget) -> None:
    if isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
        dialog.escapeButton().click()
    elif isinstance(dialog, QDialog):
        dialog.reject()


def main(out_dir: Path) -> int:
    os.environ.setdefault("ESPM_DESKTOP_CONFIG", str(Path(tempfile.mkdtemp()) / "settings.ini"))
    work = Path(tempfile.mkdtemp(prefix="espm-shots-"))
    os.environ["ESPM_DESKTOP_BACKUP_DIR"] = str(work / "backups")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from espm_desktop.db.demo import create_demo_database
    from espm_desktop.ui.database_dialogs import DatabaseOpener
    from espm_desktop.ui.i18n import LanguageManager
    from espm_desktop.ui.settings import AppSettings

    languages = LanguageManager(app)
    settings = AppSettings()
    demo = create_demo_database(work / "demo.sqlite")

    def newer() -> Path:
        path = work / "newer.sqlite"
        path.write_bytes(demo.read_bytes())
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num='0099'")
        con.commit()
        con.close()
        return path

    def corrupt() -> Path:
        from espm_desktop.db.backups import make_backup

        path = work / "damaged.sqlite"
        con = sqlite3.connect(demo)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        path.write_bytes(demo.read_bytes())
        make_backup(path, kind="auto")
        data = bytearray(path.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 4096] = os.urandom(4096)
        path.write_bytes(bytes(data))
        return path

    def not_database() -> Path:
        path = work / "invoice.sqlite"
        path.write_bytes(b"%PDF-1.4\n" * 200)
        return path

    holders: list[sqlite3.Connection] = []

    def locked() -> Path:
        from alembic import command

        from espm_desktop.db.engine import _migration_engine, alembic_config

        path = work / "locked.sqlite"
        path.write_bytes(demo.read_bytes())
        engine = _migration_engine(path)
        command.downgrade(alembic_config(engine), "0002")
        engine.dispose()
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        holders.append(holder)
        return path

    scenarios: dict[str, Callable[[], Path]] = {
        "newer": newer,
        "corrupt": corrupt,
        "not-database": not_database,
        "locked": locked,
    }
    for language in ("en", "fr"):
        languages.apply(language)
        for name, make in scenarios.items():
            path = make()
            grab_then(out_dir / f"db-{name}-{language}.png", press_escape)
            DatabaseOpener(None, settings).open(path)
            for holder in holders:
                holder.close()
            holders.clear()

        # A database in a network folder.
        import espm_desktop.io.storage_location as storage

        real_detect = storage.detect_location
        storage.detect_location = lambda p: storage.StorageRisk("network", "nfs4", str(Path(p).parent))
        try:
            grab_then(out_dir / f"db-network-{language}.png", press_escape)
            DatabaseOpener(None, settings).open(demo)
        finally:
            storage.detect_location = real_detect

        # The window on a read-only database, and the backup dialogs.
        from espm_desktop.db.backups import make_backup
        from espm_desktop.db.opening import OpenedDatabase
        from espm_desktop.ui.app import AppController, context_for

        opened = OpenedDatabase(demo, read_only=True, read_only_reason="folder")
        controller = AppController(app, context_for(opened), settings, languages)
        controller.window.resize(1366, 740)
        controller.window.show()
        QTimer.singleShot(1500, lambda: None)
        loop_until(app, 1.5)
        app.primaryScreen().grabWindow(0).save(str(out_dir / f"window-read-only-{language}.png"))
        controller.window.close()

        make_backup(demo, kind="manual")
        opened = OpenedDatabase(demo)
        controller = AppController(app, context_for(opened), settings, languages)
        controller.window.resize(1366, 740)
        controller.window.show()
        loop_until(app, 1.0)
        grab_then(out_dir / f"backup-now-{language}.png", press_escape)
        controller.window._on_backup_now()

        from espm_desktop.ui.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(controller.window, controller.ctx, settings)
        dialog.table.selectRow(0)

        def confirm_then_cancel(d: QWidget, language: str = language) -> None:
            grab_then(out_dir / f"restore-confirm-{language}.png", press_escape)
            assert isinstance(d, RestoreDialog)
            d.restore_button.click()
            d.reject()

        grab_then(out_dir / f"restore-list-{language}.png", confirm_then_cancel)
        dialog.exec()
        controller.window.close()
    return 0


def loop_until(app: QApplication, seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/espm-shots")))
