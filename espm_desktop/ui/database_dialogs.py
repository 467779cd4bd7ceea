"""Opening a database from the window: a clear dialog for each problem, with the ways out the user has."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from espm_desktop.app.database import DatabaseProblem, OpenedDatabase, open_database
from espm_desktop.ui.file_dialogs import open_file_name, save_file_name
from espm_desktop.ui.settings import AppSettings

log = logging.getLogger(__name__)

DATABASE_FILTER = "ESPM Desktop (*.sqlite *.db);;*"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ui_language() -> str:
    from espm_desktop.core.i18n import current_language as language

    return language()


def problem_title(kind: str) -> str:
    titles = {
        "directory": tr("This is a folder"),
        "missing": tr("Database not found"),
        "no_access": tr("Access refused"),
        "not_database": tr("Not a database"),
        "other_database": tr("Not an ESPM Desktop database"),
        "newer": tr("Made by a newer version"),
        "corrupt": tr("Damaged database"),
        "locked": tr("Database in use"),
        "read_only_upgrade": tr("Read-only database"),
        "disk_full": tr("Disk full"),
        "upgrade_failed": tr("Upgrade failed"),
    }
    return titles.get(kind, tr("Cannot open the database"))


def backup_folder_for(settings: AppSettings, db_path: Path) -> Path:
    """This database's backup folder: under the folder chosen in the settings, or the default one."""
    # (paths, not db.backups: opening a database at start-up needs the folder, not the backup machinery)
    from espm_desktop.paths import database_backup_dir

    return database_backup_dir(db_path, settings.backup_folder())


def choose_database_to_open(parent: QWidget | None) -> Path | None:
    chosen = open_file_name(parent, tr("Open a database"), "", DATABASE_FILTER)
    return Path(chosen) if chosen else None


def choose_new_database(parent: QWidget | None, folder: Path) -> Path | None:
    chosen = save_file_name(parent, tr("New database"), str(folder / "espm.sqlite"), DATABASE_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".sqlite")


class DatabaseOpener:
    """Runs the checks of `open_database` and lets the user choose what to do about each problem."""

    def __init__(self, parent: QWidget | None, settings: AppSettings, cancel_text: str | None = None) -> None:
        self.parent = parent
        self.settings = settings
        self.cancel_text = cancel_text or tr("Quit")
        self.last_problem: DatabaseProblem | None = None

    def open(self, path: Path, *, create: bool = True, defer_check: bool = False) -> OpenedDatabase | None:
        """The database at `path` once the user has dealt with any problem, or None if they gave up. With
        `defer_check`, a file at the newest schema may come back with its damaged-file check still to run."""
        while True:
            try:
                opened = open_database(
                    path,
                    create=create,
                    backup_folder=backup_folder_for(self.settings, path),
                    defer_check=defer_check,
                )
            except DatabaseProblem as problem:
                log.warning("Database %s refused: %s (%s)", path, problem.kind, problem.detail)
                self.last_problem = problem
                next_path = self._ask(problem)
                if next_path is None:
                    return None
                path = next_path
                create = False
                continue
            if opened.backup is not None:
                self._tell_upgraded(opened)
            moved = self._check_location(opened)
            if moved is not None:
                path = moved
                continue
            return opened

    # -- problems ----------------------------------------------------------------------------------------------
    def _ask(self, problem: DatabaseProblem) -> Path | None:
        """Shows the problem; returns the path to try next (the same one after a restore or a retry) or None."""
        from espm_desktop.app.backups import latest_good_backup

        box = QMessageBox(self.parent)
        box.setObjectName(f"database_problem_{problem.kind}")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(problem_title(problem.kind))
        box.setText(f"<b>{problem_title(problem.kind)}</b>")
        box.setInformativeText(problem.message(ui_language()))
        if problem.technical:
            box.setDetailedText(problem.technical)
        retry = restore = None
        restore_from: Path | None = None
        if problem.kind in ("locked", "disk_full", "upgrade_failed"):
            retry = box.addButton(tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        if problem.kind == "corrupt":
            good = latest_good_backup(problem.path, backup_folder_for(self.settings, problem.path))
            if good is not None:
                restore_from = good.path
                restore = box.addButton(
                    tr("Restore the backup of {0}").format(good.created.strftime("%Y-%m-%d %H:%M")),
                    QMessageBox.ButtonRole.AcceptRole,
                )
        elif problem.backup is not None and problem.kind == "upgrade_failed":
            restore_from = problem.backup
            restore = box.addButton(
                tr("Restore the copy made before the upgrade"), QMessageBox.ButtonRole.ActionRole
            )
        other = box.addButton(tr("Open another database…"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.cancel_text, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry or restore or other)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry and retry is not None:
            return problem.path
        if clicked is restore and restore is not None and restore_from is not None:
            return self._restore(restore_from, problem.path)
        if clicked is other:
            return choose_database_to_open(self.parent)
        return None

    def _restore(self, backup: Path, db_path: Path) -> Path | None:
        from espm_desktop.app.backups import BackupError, restore_backup

        try:
            kept = restore_backup(backup, db_path, backup_folder_for(self.settings, db_path))
        except BackupError as exc:
            QMessageBox.warning(self.parent, tr("Restore failed"), exc.message(ui_language()))
            return None
        QMessageBox.information(
            self.parent,
            tr("Backup restored"),
            tr(
                "The database was restored from {0}.\n\nThe file as it was before is kept as a backup:\n{1}"
            ).format(backup, kept.path),
        )
        return db_path

    def _tell_upgraded(self, opened: OpenedDatabase) -> None:
        QMessageBox.information(
            self.parent,
            tr("Database upgraded"),
            tr(
                "{0} was upgraded to this version of ESPM Desktop. A copy of it as it was before is kept at:\n{1}"
            ).format(opened.path, opened.backup),
        )

    # -- where the file lives ----------------------------------------------------------------------------------
    def _check_location(self, opened: OpenedDatabase) -> Path | None:
        """Warns about a network or cloud-synced folder; returns the new path if the user moved the file."""
        from espm_desktop.app.database import storage_warning

        if opened.read_only or self.settings.location_accepted(opened.path):
            return None
        warning = storage_warning(opened.path, ui_language())
        if warning is None:
            return None
        box = QMessageBox(self.parent)
        box.setObjectName("database_location_warning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Database in a shared folder"))
        box.setText(f"<b>{tr('Database in a shared folder')}</b>")
        box.setInformativeText(warning)
        move = box.addButton(tr("Copy it to a folder on this computer"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(tr("Keep it here"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(move)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is not move:
            self.settings.accept_location(opened.path)
            return None
        return self._copy_to_local(opened.path)

    def _copy_to_local(self, path: Path) -> Path | None:
        from espm_desktop import paths
        from espm_desktop.app.database import copy_database

        target = choose_new_database(self.parent, paths.data_dir())
        if target is None:
            return None
        try:
            copy_database(path, target)
        except (OSError, DatabaseProblem) as exc:
            text = exc.message(ui_language()) if isinstance(exc, DatabaseProblem) else str(exc)
            QMessageBox.warning(self.parent, tr("Copy failed"), text)
            return None
        QMessageBox.information(
            self.parent,
            tr("Database copied"),
            tr(
                "Your database is now {0}.\n\nThe file in the shared folder was left as it was: stop using it."
            ).format(target),
        )
        return target
