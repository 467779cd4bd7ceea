"""Backups of a database file through SQLite's online backup API, verified before they are kept, and restores.

The live database is only ever read and written through SQLite, never with Python's file functions: closing any
descriptor of a file drops every POSIX lock this process holds on it, including the locks of open connections,
and another program could then checkpoint or delete the WAL under them.

The backup folder (names, contents, pruning, index.json) is db/backup_folder.py; the errors, db/backup_errors.py.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from espm_desktop.db.backup_errors import (
    SQLITE_BUSY,
    SQLITE_CORRUPT,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    BackupError,
    as_backup_error,
    sqlite_primary_code,
)
from espm_desktop.db.backup_folder import (
    KINDS,
    BackupInfo,
    backup_files,
    check_backup,
    default_backup_folder,
    fingerprint,
    index_key,
    inspect_backup,
    latest_good_backup,
    list_backups,
    new_target,
    open_immutable,
    partial_path,
    prune_backups,
    quick_check,
    read_contents,
    read_index,
    record_backup,
    remove_partial,
    remove_stale_partials,
    sibling,
)
from espm_desktop.db.sqlite_files import BUSY_TIMEOUT_S, connect_read_only
from espm_desktop.fs import fsync_file, fsync_folder

__all__ = [
    "KINDS",
    "LOCK_WAIT_S",
    "BackupError",
    "BackupInfo",
    "backup_if_changed",
    "check_backup",
    "default_backup_folder",
    "fingerprint",
    "latest_good_backup",
    "list_backups",
    "make_backup",
    "prune_backups",
    "restore_backup",
]

# How long a backup or restore waits for another program's write to finish before it gives up.
LOCK_WAIT_S = BUSY_TIMEOUT_S


def make_backup(db_path: Path, *, kind: str = "manual", folder: Path | None = None) -> BackupInfo:
    """A verified copy of the database (readable and writable by others meanwhile) in its backup folder."""
    return _make_backup(Path(db_path), kind, folder, require_ok=True)


def backup_if_changed(
    db_path: Path,
    folder: Path | None = None,
    *,
    kind: str = "auto",
    keep_last: int = 10,
    keep_monthly: int = 12,
    min_age: timedelta | None = None,
) -> BackupInfo | None:
    """A backup when the database changed since the last one (and that one is older than `min_age`), then prune."""
    db_path = Path(db_path)
    folder = Path(folder) if folder else default_backup_folder(db_path)
    files = backup_files(db_path, folder)
    recorded = read_index(folder).get(index_key(db_path), {})
    recorded_exists = any(path.name == recorded.get("backup") for path, _, _ in files)
    if recorded_exists and tuple(recorded.get("fingerprint", ())) == fingerprint(db_path):
        return None
    if min_age is not None and files and datetime.now() - files[0][1] < min_age:
        return None
    info = make_backup(db_path, kind=kind, folder=folder)
    prune_backups(db_path, folder, keep_last=keep_last, keep_monthly=keep_monthly)
    return info


def restore_backup(backup: Path, db_path: Path, folder: Path | None = None) -> BackupInfo:
    """Replace the database's content with the backup's, in one transaction; the current content is kept first.

    Returns the "pre-restore" backup. The restored backup may be of an older schema: the caller upgrades the
    database afterwards, as when opening it, and disposes its engine (after a file replacement it would still
    read the old file).
    """
    backup, db_path = Path(backup), Path(db_path)
    if not check_backup(backup) or read_contents(backup)[3] is None:
        raise BackupError("not_verified", backup, operation="restore")
    if not db_path.is_file():
        raise BackupError("unreadable_source", db_path, operation="restore")
    pre_restore = _keep_current(db_path, folder)
    try:
        if not _restore_into_live(backup, db_path):
            _replace_database_file(backup, db_path)
    except Exception as exc:
        raise as_backup_error(exc, db_path, "restore") from exc
    # Figures cached from the content that was just replaced must not outlive it.
    from espm_desktop.db.weather import forget_monthly_degree_days

    forget_monthly_degree_days()
    return pre_restore


# --- making a backup ---------------------------------------------------------------------------------------


def _make_backup(db_path: Path, kind: str, folder: Path | None, *, require_ok: bool) -> BackupInfo:
    try:
        before = fingerprint(db_path)
    except OSError as exc:
        raise BackupError("unreadable_source", db_path, detail=str(exc)) from exc
    info = _write_backup(
        db_path, folder, kind, lambda partial: _copy_with_sqlite(db_path, partial, require_ok)
    )
    record_backup(info.path.parent, db_path, before, info.path)
    return info


def _write_backup(
    db_path: Path, folder: Path | None, kind: str, copy: Callable[[Path], object]
) -> BackupInfo:
    """`copy` writes the partial file; it is fsynced and renamed, or deleted on any failure."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = Path(folder) if folder else default_backup_folder(db_path)
    target, created = new_target(db_path, folder, kind)
    partial = partial_path(target)
    try:
        copy(partial)
        fsync_file(partial)
        os.replace(partial, target)
    except BaseException as exc:
        remove_partial(partial)
        if isinstance(exc, Exception):
            raise as_backup_error(exc, target, "backup") from exc
        raise
    fsync_folder(folder)
    return inspect_backup(target, created, kind)


def _copy_with_sqlite(db_path: Path, partial: Path, require_ok: bool) -> None:
    try:
        src = connect_read_only(db_path)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                _backup_all(src, dst)
                # The copied header says WAL; a backup is one self-contained file that readers never write.
                dst.execute("PRAGMA journal_mode=DELETE")
                if not quick_check(dst) and require_ok:
                    raise BackupError("not_verified", db_path)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        # Only the source can be "not a database" or corrupt (the copy is new); a locked or unopenable file
        # is an "io" error, so a restore never treats a sound database as unreadable and copies its bytes.
        if sqlite_primary_code(exc) in (SQLITE_NOTADB, SQLITE_CORRUPT):
            raise BackupError("unreadable_source", db_path, detail=str(exc)) from exc
        raise


def _backup_all(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """The whole copy in one step: one read transaction on `src` (a consistent snapshot while WAL writers go
    on) and one write transaction on `dst`. Python retries a busy step forever; this gives up after a while."""
    deadline = time.monotonic() + LOCK_WAIT_S

    def give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
        if status in (SQLITE_BUSY, SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    src.backup(dst, pages=-1, progress=give_up_when_busy)


def _keep_current(db_path: Path, folder: Path | None) -> BackupInfo:
    """The current content as a "pre-restore" backup, damaged or not: it is the user's data.

    Its errors are a backup's ("not enough space to write the backup …-pre-restore.sqlite"): nothing is restored.
    """
    try:
        return _make_backup(db_path, "pre-restore", folder, require_ok=False)
    except BackupError as exc:
        if exc.reason != "unreadable_source":
            raise
    # SQLite can't read the file, so nothing is connected to it: its bytes are copied as they are.
    return _write_backup(db_path, folder, "pre-restore", lambda partial: shutil.copyfile(db_path, partial))


# --- restoring ---------------------------------------------------------------------------------------------


def _restore_into_live(backup: Path, db_path: Path) -> bool:
    """Copy the backup into the live database with the backup API; False when that file is no database."""
    src = open_immutable(backup)
    try:
        try:
            dst = sqlite3.connect(str(db_path), timeout=LOCK_WAIT_S)
        except sqlite3.Error:
            return False
        try:
            try:
                (mode,) = dst.execute("PRAGMA journal_mode").fetchone()
                dst.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                if sqlite_primary_code(exc) in (SQLITE_NOTADB, SQLITE_CORRUPT):
                    return False
                raise
            # One step is one write transaction on the destination: a kill leaves the old content, readers
            # see old or new, and SQLite bumps the schema cookie so open connections reload the schema.
            _backup_all(src, dst)
            (after,) = dst.execute("PRAGMA journal_mode").fetchone()
            if mode == "wal" and after != "wal":
                dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()
    return True


def _replace_database_file(backup: Path, db_path: Path) -> None:
    """For a file SQLite can't open: a fresh copy beside it, then a rename over it."""
    tmp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")
    remove_stale_partials(db_path.parent, f".{db_path.name}.restore-")
    try:
        src = open_immutable(backup)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                _backup_all(src, dst)
                dst.execute("PRAGMA journal_mode=WAL")  # the app's databases are in WAL mode
            finally:
                dst.close()  # the last connection checkpoints and removes tmp-wal
        finally:
            src.close()
        fsync_file(tmp)
        # A journal left beside the old file would be replayed into the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            sibling(db_path, suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except BaseException:
        remove_partial(tmp)
        raise
    fsync_folder(db_path.parent)
