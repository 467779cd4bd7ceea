"""Use cases on a database's backups: the automatic one, Back up now, the list to restore from, and a restore.

The work is db/backups.py's (SQLite's online backup API, verified copies, kept by date); the window and the
start-up dialogs come through here.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from espm_desktop.db.backups import (
    BackupError,
    BackupInfo,
    backup_if_changed,
    latest_good_backup,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
)

__all__ = [
    "BackupError",
    "BackupInfo",
    "automatic_backup",
    "manual_backup",
    "latest_good_backup",
    "list_backups",
    "restore_backup",
]


def automatic_backup(
    db_path: Path, folder: Path, *, keep_last: int, keep_monthly: int, daily: bool
) -> BackupInfo | None:
    """A backup if the database changed since the last one (`daily`: and that one is a day old), then prune."""
    return backup_if_changed(
        db_path,
        folder,
        kind="auto",
        keep_last=keep_last,
        keep_monthly=keep_monthly,
        min_age=timedelta(days=1) if daily else None,
    )


def manual_backup(db_path: Path, folder: Path, *, keep_last: int, keep_monthly: int) -> BackupInfo:
    """A verified "manual" copy in the backup folder, then the older backups pruned as the settings keep them."""
    info = make_backup(db_path, kind="manual", folder=folder)
    prune_backups(db_path, folder, keep_last=keep_last, keep_monthly=keep_monthly)
    return info
