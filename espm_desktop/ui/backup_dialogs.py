"""Backups from the window: automatic ones while the app runs, Back up now…, and Restore from backup…."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.ui.context import AppContext
from espm_desktop.ui.database_dialogs import backup_folder_for, ui_language
from espm_desktop.ui.settings import AppSettings

if TYPE_CHECKING:
    from espm_desktop.app.backups import BackupInfo
    from espm_desktop.ui.app import AppController

log = logging.getLogger(__name__)

# How often the window checks whether a day has passed since the last backup.
DAILY_CHECK_MS = 60 * 60 * 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def kind_label(kind: str) -> str:
    return {
        "auto": tr("automatic"),
        "manual": tr("manual"),
        "pre-upgrade": tr("before an upgrade"),
        "pre-restore": tr("before a restore"),
    }.get(kind, kind)


def counts_text(info: BackupInfo) -> str:
    if info.properties is None:
        return tr("unreadable")
    locale = QLocale()
    return tr("{0} properties, {1} meters, {2} bills").format(
        locale.toString(info.properties), locale.toString(info.meters or 0), locale.toString(info.bills or 0)
    )


class AutoBackup(QObject):
    """A backup when the app starts (if the file changed since the last one), then once a day while open."""

    finished = Signal(object, str)  # BackupInfo or None, error message ("" when it went well)

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.controller = controller
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(lambda: self.run(daily=True))
        self.finished.connect(self._on_finished)
        self._busy = False

    def start(self) -> None:
        QTimer.singleShot(2000, lambda: self.run(daily=False))
        self.timer.start()

    def run(self, daily: bool) -> None:
        if self._busy:
            return
        self._busy = True
        db_path = Path(self.controller.ctx.db_path)
        folder = backup_folder_for(self.controller.settings, db_path)
        keep_last, keep_monthly = self.controller.settings.backup_counts()
        language = ui_language()

        def work() -> None:
            from espm_desktop.app.backups import BackupError, automatic_backup

            try:
                info = automatic_backup(
                    db_path, folder, keep_last=keep_last, keep_monthly=keep_monthly, daily=daily
                )
                self.finished.emit(info, "")
            except BackupError as exc:
                log.warning("Automatic backup of %s failed: %s", db_path, exc)
                self.finished.emit(None, exc.message(language))
            except Exception as exc:  # noqa: BLE001 — a failed backup is reported, never fatal
                log.exception("Automatic backup of %s failed", db_path)
                self.finished.emit(None, str(exc))

        threading.Thread(target=work, name="auto-backup", daemon=True).start()

    def _on_finished(self, info: object, error: str) -> None:
        self._busy = False
        window = self.controller.window
        if error:
            window.statusBar().showMessage(tr("Automatic backup failed: {0}").format(error), 15000)
        elif info is not None:
            window.statusBar().showMessage(tr("Backup made: {0}").format(Path(str(info.path)).name), 5000)


def back_up_now(parent: QWidget, ctx: AppContext, settings: AppSettings) -> BackupInfo | None:
    """File → Back up now…: a verified copy in the backup folder, named to the user."""
    from espm_desktop.app.backups import BackupError, manual_backup

    db_path = Path(ctx.db_path)
    folder = backup_folder_for(settings, db_path)
    keep_last, keep_monthly = settings.backup_counts()
    QCoreApplication.processEvents()
    try:
        info = manual_backup(db_path, folder, keep_last=keep_last, keep_monthly=keep_monthly)
    except BackupError as exc:
        QMessageBox.warning(parent, tr("Backup failed"), exc.message(ui_language()))
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("Backup made"),
        tr("A verified copy of the database was saved:\n{0}\n\n{1}, {2}.").format(
            info.path, counts_text(info), QLocale().formattedDataSize(info.size_bytes)
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("backup_made")
    box.exec()
    return info


class RestoreDialog(QDialog):
    """File → Restore from backup…: every backup with its date, size and counts; the chosen one replaces the data."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, settings: AppSettings) -> None:
        super().__init__(parent)
        from espm_desktop.app.backups import list_backups

        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.ctx = ctx
        self.settings = settings
        self.restored = False
        self.db_path = Path(ctx.db_path)
        self.folder = backup_folder_for(settings, self.db_path)
        self.backups = list_backups(self.db_path, self.folder)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Choose a backup to bring back. What the database holds now is first kept as a backup, so a "
                "restore can itself be undone.\nBackups of {0} are kept in {1}."
            ).format(self.db_path.name, self.folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 6)
        self.table.setObjectName("backup_table")
        self.table.setHorizontalHeaderLabels(
            [tr("Date"), tr("Kind"), tr("Size"), tr("Properties"), tr("Meters"), tr("Bills")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        locale = QLocale()
        for row, info in enumerate(self.backups):
            numbers = (info.properties, info.meters, info.bills)
            cells = [
                info.created.strftime("%Y-%m-%d %H:%M:%S"),
                kind_label(info.kind),
                locale.formattedDataSize(info.size_bytes),
                *("—" if n is None else locale.toString(n) for n in numbers),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(tr("There is no backup of this database yet. Use File → Back up now…."))
        self.empty_label.setVisible(not self.backups)
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(tr("Restore…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self.resize(760, 420)

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _on_restore(self) -> None:
        from espm_desktop.app.backups import BackupError, restore_backup

        info = self.selected_backup()
        if info is None:
            return
        confirm = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Restore this backup?"),
            tr(
                "Replace everything in {0} with the backup of {1} ({2})?\n\nWhat the database holds now is kept "
                "as a backup first."
            ).format(self.db_path.name, info.created.strftime("%Y-%m-%d %H:%M"), counts_text(info)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm.setObjectName("restore_confirm")
        go = confirm.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.exec()
        if confirm.clickedButton() is not go:
            return
        self.ctx.dispose()
        try:
            kept = restore_backup(info.path, self.db_path, self.folder)
        except BackupError as exc:
            QMessageBox.warning(self, tr("Restore failed"), exc.message(ui_language()))
            return
        self.restored = True
        done = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Backup restored"),
            tr("The database now holds the backup of {0}.\n\nWhat it held before is kept as:\n{1}").format(
                info.created.strftime("%Y-%m-%d %H:%M"), kept.path
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        done.setObjectName("restore_done")
        done.exec()
        self.accept()
