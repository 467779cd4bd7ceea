"""Why a backup or a restore did not happen: BackupError, with the sentence the user reads in either language."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from espm_desktop.core.formatting import is_french
from espm_desktop.core.i18n import N_, Message, current_language

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 5, 6, 11, 13, 26
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}

# (operation, reason) -> what the user reads (the catalog holds the French); {path} is BackupError.path,
# {detail} what the system said.
_MESSAGES = {
    ("backup", "disk_full"): N_(
        "Not enough free space to write the backup {path}. Free some space on that disk (or choose a backup "
        "folder on another disk), then try again."
    ),
    ("backup", "not_verified"): N_(
        "The backup of {path} failed SQLite's integrity check and was deleted. Check the disk, then try again."
    ),
    ("backup", "unreadable_source"): N_(
        "SQLite can't read the database {path}, so no backup was made. Restore an earlier backup of it."
    ),
    ("backup", "io"): N_(
        "The backup {path} could not be written ({detail}). Check that you may write in its folder, then "
        "try again."
    ),
    ("restore", "disk_full"): N_(
        "Not enough free space to restore {path}; it was not changed. Free some space on that disk, then "
        "restore again."
    ),
    ("restore", "not_verified"): N_(
        "The backup {path} is damaged or is not an ESPM Desktop database; nothing was restored. Choose "
        "another backup."
    ),
    ("restore", "unreadable_source"): N_(
        "The database {path} does not exist, so there is nothing to restore into. Open the backup as a "
        "database instead."
    ),
    ("restore", "io"): N_(
        "The database {path} was not restored ({detail}); it was not changed. Check that you may write in "
        "its folder and that no other program is saving to it, then restore again."
    ),
}


class BackupError(Exception):
    """A backup or restore that did not happen; nothing half-written is left. `message(language)` says why."""

    def __init__(self, reason: str, path: Path, *, operation: str = "backup", detail: str = "") -> None:
        assert (operation, reason) in _MESSAGES, (operation, reason)
        self.reason = reason  # "disk_full" | "not_verified" | "unreadable_source" | "io"
        self.path = Path(path)
        self.operation = operation  # "backup" | "restore"
        self.detail = detail
        super().__init__(self.text("en"))

    def text(self, language: str | None = None) -> str:
        """Why, in `language` (the current one when None)."""
        values = {"path": str(self.path), "detail": self.detail or self.reason}
        language = "fr" if is_french(language or current_language()) else "en"
        return Message(_MESSAGES[(self.operation, self.reason)], values).text(language)

    def message(self, language: str) -> str:
        return self.text(language)


def sqlite_primary_code(exc: BaseException) -> int:
    """The primary result code of an sqlite3 error (0 for other exceptions)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def as_backup_error(exc: Exception, path: Path, operation: str) -> BackupError:
    """The BackupError an exception of a backup or restore of `path` stands for (disk full, else "io")."""
    if isinstance(exc, BackupError):
        return exc
    full = (isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS) or (
        isinstance(exc, sqlite3.Error)
        and (sqlite_primary_code(exc) == SQLITE_FULL or "disk is full" in str(exc))
    )
    return BackupError("disk_full" if full else "io", path, operation=operation, detail=str(exc))
