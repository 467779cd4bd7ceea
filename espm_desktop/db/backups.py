"""Backups of a database file through SQLite's online backup API, verified before they are kept, and restores.

The live database is only ever read and written through SQLite, never with Python's file functions: closing any
descriptor of a file drops every POSIX lock this process holds on it, including the locks of open connections,
and another program could then checkpoint or delete the WAL under them.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from espm_desktop import paths
from espm_desktop.core.formatting import is_french
from espm_desktop.core.i18n import N_, Message, current_language
from espm_desktop.db.sqlite_files import BUSY_TIMEOUT_S, connect_read_only, sqlite_uri
from espm_desktop.fs import fsync_file, fsync_folder

log = logging.getLogger(__name__)

KINDS = ("auto", "manual", "pre-upgrade", "pre-restore")
INDEX_NAME = "index.json"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<kind>auto|manual|pre-upgrade|pre-restore)\.sqlite$"
)
_STAMP = "%Y%m%d-%H%M%S-%f"
# A partial file this old belongs to a process that died; a live backup of our databases takes seconds.
_STALE_PARTIAL_S = 3600.0
_INDEX_MAX_BYTES = 1_000_000
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 5, 6, 11, 13, 26
# How long a backup or restore waits for another program's write to finish before it gives up.
LOCK_WAIT_S = BUSY_TIMEOUT_S
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_COUNTED_TABLES = ("property", "meter", "bill")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local time, from the file name
    kind: str
    size_bytes: int
    properties: int | None = None  # counted in the backup; None when it can't be read
    meters: int | None = None
    bills: int | None = None
    revision: str | None = None  # alembic_version of the backup


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


def default_backup_folder(db_path: Path, base: Path | None = None) -> Path:
    """One folder per database, named after the file and its full path (two `espm.sqlite` don't mix)."""
    return paths.database_backup_dir(db_path, base)


def make_backup(db_path: Path, *, kind: str = "manual", folder: Path | None = None) -> BackupInfo:
    """A verified copy of the database (readable and writable by others meanwhile) in its backup folder."""
    return _make_backup(Path(db_path), kind, folder, require_ok=True)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The finished backups of this database, newest first, with what each one holds."""
    return [_inspect(path, created, kind) for path, created, kind in _backup_files(Path(db_path), folder)]


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick_check."""
    for path, created, kind in _backup_files(Path(db_path), folder):
        if check_backup(path):
            return _inspect(path, created, kind)
    return None


def check_backup(path: Path) -> bool:
    """True when the file is a SQLite database that passes quick_check (read without changing it)."""
    try:
        con = _open_immutable(path)
    except sqlite3.Error:
        return False
    try:
        return _quick_check(con)
    finally:
        con.close()


def prune_backups(
    db_path: Path,
    folder: Path | None = None,
    *,
    keep_last: int = 10,
    keep_monthly: int = 12,
    now: datetime | None = None,
) -> list[Path]:
    """Keep the newest `keep_last` backups and the newest of each of the last `keep_monthly` months."""
    files = _backup_files(Path(db_path), folder)
    now = now or datetime.now()
    this_month = now.year * 12 + now.month - 1
    months = {divmod(this_month - i, 12) for i in range(keep_monthly)}  # (year, month - 1)
    keep = {path for path, _, _ in files[:keep_last]}
    seen: set[tuple[int, int]] = set()
    for path, created, _ in files:  # newest first: the first one met in a month is its newest
        ym = (created.year, created.month - 1)
        if ym in months and ym not in seen:
            seen.add(ym)
            keep.add(path)
    deleted = []
    for path, _, _ in files:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def fingerprint(db_path: Path) -> tuple[int, ...]:
    """Size and modification time of the database and its WAL, from os.stat only (the file is never opened)."""
    st = os.stat(db_path)
    wal = (0, 0)
    try:
        wst = os.stat(_sibling(Path(db_path), "-wal"))
        if wst.st_size:  # an empty WAL (made by a reader, or after a checkpoint) holds nothing
            wal = (wst.st_size, wst.st_mtime_ns)
    except FileNotFoundError:
        pass
    return (st.st_size, st.st_mtime_ns, *wal)


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
    files = _backup_files(db_path, folder)
    recorded = _read_index(folder).get(_index_key(db_path), {})
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
    if not check_backup(backup) or _read_contents(backup)[3] is None:
        raise BackupError("not_verified", backup, operation="restore")
    if not db_path.is_file():
        raise BackupError("unreadable_source", db_path, operation="restore")
    pre_restore = _keep_current(db_path, folder)
    try:
        if not _restore_into_live(backup, db_path):
            _replace_database_file(backup, db_path)
    except Exception as exc:
        raise _as_error(exc, db_path, "restore") from exc
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
    _record(info.path.parent, db_path, before, info.path)
    return info


def _write_backup(
    db_path: Path, folder: Path | None, kind: str, copy: Callable[[Path], object]
) -> BackupInfo:
    """`copy` writes the partial file; it is fsynced and renamed, or deleted on any failure."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = Path(folder) if folder else default_backup_folder(db_path)
    target, created = _new_target(db_path, folder, kind)
    partial = _partial(target)
    try:
        copy(partial)
        fsync_file(partial)
        os.replace(partial, target)
    except BaseException as exc:
        _remove_partial(partial)
        if isinstance(exc, Exception):
            raise _as_error(exc, target, "backup") from exc
        raise
    fsync_folder(folder)
    return _inspect(target, created, kind)


def _copy_with_sqlite(db_path: Path, partial: Path, require_ok: bool) -> None:
    try:
        src = connect_read_only(db_path)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                _backup_all(src, dst)
                # The copied header says WAL; a backup is one self-contained file that readers never write.
                dst.execute("PRAGMA journal_mode=DELETE")
                if not _quick_check(dst) and require_ok:
                    raise BackupError("not_verified", db_path)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        # Only the source can be "not a database" or corrupt (the copy is new); a locked or unopenable file
        # is an "io" error, so a restore never treats a sound database as unreadable and copies its bytes.
        if _primary_code(exc) in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
            raise BackupError("unreadable_source", db_path, detail=str(exc)) from exc
        raise


def _backup_all(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """The whole copy in one step: one read transaction on `src` (a consistent snapshot while WAL writers go
    on) and one write transaction on `dst`. Python retries a busy step forever; this gives up after a while."""
    deadline = time.monotonic() + LOCK_WAIT_S

    def give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED) and time.monotonic() > deadline:
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
    src = _open_immutable(backup)
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
                if _primary_code(exc) in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
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
    _remove_stale_partials(db_path.parent, f".{db_path.name}.restore-")
    try:
        src = _open_immutable(backup)
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
            _sibling(db_path, suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except BaseException:
        _remove_partial(tmp)
        raise
    fsync_folder(db_path.parent)


# --- reading backups ---------------------------------------------------------------------------------------


def _backup_files(db_path: Path, folder: Path | None) -> list[tuple[Path, datetime, str]]:
    folder = Path(folder) if folder else default_backup_folder(db_path)
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    found = []
    for path in entries:
        parsed = _parse(path, db_path.stem)
        if parsed is not None and path.is_file():
            found.append((path, parsed[0], parsed[1]))
    found.sort(key=lambda item: (item[1], item[0].name), reverse=True)
    return found


def _parse(path: Path, stem: str) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    try:
        return datetime.strptime(match["stamp"], _STAMP), match["kind"]
    except ValueError:
        return None


def _inspect(path: Path, created: datetime, kind: str) -> BackupInfo:
    properties, meters, bills, revision = _read_contents(path)
    return BackupInfo(path, created, kind, path.stat().st_size, properties, meters, bills, revision)


def _read_contents(path: Path) -> tuple[int | None, int | None, int | None, str | None]:
    try:
        con = _open_immutable(path)
    except sqlite3.Error:
        return None, None, None, None
    try:
        properties, meters, bills = (_scalar(con, f'SELECT count(*) FROM "{t}"') for t in _COUNTED_TABLES)
        revision = _scalar(con, "SELECT version_num FROM alembic_version")
        return properties, meters, bills, revision
    finally:
        con.close()


def _scalar(con: sqlite3.Connection, sql: str) -> Any:
    try:
        row = con.execute(sql).fetchone()
    except sqlite3.Error:
        return None  # a damaged page, or a table this file doesn't have
    return row[0] if row else None


def _open_immutable(path: Path) -> sqlite3.Connection:
    """A backup is read as unchanging: no lock, no -wal or -shm beside it, the file never modified."""
    return sqlite3.connect(sqlite_uri(path, read_only=True, immutable=True), uri=True)


def _quick_check(con: sqlite3.Connection) -> bool:
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


# --- files -------------------------------------------------------------------------------------------------


def _new_target(db_path: Path, folder: Path, kind: str) -> tuple[Path, datetime]:
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(folder)
    created = datetime.now()
    while True:
        target = folder / f"{db_path.stem}-{created.strftime(_STAMP)}-{kind}.sqlite"
        if not target.exists() and not _partial(target).exists():
            return target, created
        created += timedelta(microseconds=1)


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_partial(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            _sibling(partial, suffix).unlink(missing_ok=True)
        except OSError:
            log.warning("Could not delete %s%s", partial, suffix)


def _remove_stale_partials(folder: Path, prefix: str = "") -> None:
    """Files of a backup whose process was killed; recent ones may belong to a backup running right now."""
    limit = time.time() - _STALE_PARTIAL_S
    for path in folder.glob(".*"):
        if (prefix and path.name.startswith(prefix)) or (
            not prefix and (".partial" in path.name or path.name.startswith(f".{INDEX_NAME}."))
        ):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass


def _primary_code(exc: BaseException) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _as_error(exc: Exception, path: Path, operation: str) -> BackupError:
    if isinstance(exc, BackupError):
        return exc
    full = (isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS) or (
        isinstance(exc, sqlite3.Error) and (_primary_code(exc) == _SQLITE_FULL or "disk is full" in str(exc))
    )
    return BackupError("disk_full" if full else "io", path, operation=operation, detail=str(exc))


# --- index.json: the fingerprint of the database at its last backup ----------------------------------------


def _index_key(db_path: Path) -> str:
    return str(Path(db_path).absolute())


def _read_index(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / INDEX_NAME
    try:
        if path.stat().st_size > _INDEX_MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    databases = data.get("databases") if isinstance(data, dict) else None
    return databases if isinstance(databases, dict) else {}


def _record(folder: Path, db_path: Path, before: tuple[int, ...], target: Path) -> None:
    """Best effort: without it the next automatic backup is merely not skipped."""
    databases = _read_index(folder)
    databases[_index_key(db_path)] = {"fingerprint": list(before), "backup": target.name}
    tmp = folder / f".{INDEX_NAME}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"version": 1, "databases": databases}, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / INDEX_NAME)
        fsync_folder(folder)
    except OSError:
        tmp.unlink(missing_ok=True)
        log.warning("Could not record the backup of %s in %s", db_path, folder / INDEX_NAME, exc_info=True)
