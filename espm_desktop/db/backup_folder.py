"""The backup folder of a database: the backups' names, what each holds, which to keep, and the index of the
database's fingerprint at its last backup. Backups are read as unchanging files (immutable), never locked.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from espm_desktop import paths
from espm_desktop.db.sqlite_files import sqlite_uri
from espm_desktop.fs import fsync_folder

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


def default_backup_folder(db_path: Path, base: Path | None = None) -> Path:
    """One folder per database, named after the file and its full path (two `espm.sqlite` don't mix)."""
    return paths.database_backup_dir(db_path, base)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The finished backups of this database, newest first, with what each one holds."""
    return [
        inspect_backup(path, created, kind) for path, created, kind in backup_files(Path(db_path), folder)
    ]


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick_check."""
    for path, created, kind in backup_files(Path(db_path), folder):
        if check_backup(path):
            return inspect_backup(path, created, kind)
    return None


def check_backup(path: Path) -> bool:
    """True when the file is a SQLite database that passes quick_check (read without changing it)."""
    try:
        con = open_immutable(path)
    except sqlite3.Error:
        return False
    try:
        return quick_check(con)
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
    files = backup_files(Path(db_path), folder)
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
        wst = os.stat(sibling(Path(db_path), "-wal"))
        if wst.st_size:  # an empty WAL (made by a reader, or after a checkpoint) holds nothing
            wal = (wst.st_size, wst.st_mtime_ns)
    except FileNotFoundError:
        pass
    return (st.st_size, st.st_mtime_ns, *wal)


# --- reading backups ---------------------------------------------------------------------------------------


def backup_files(db_path: Path, folder: Path | None) -> list[tuple[Path, datetime, str]]:
    """(file, created, kind) of each finished backup of the database in its folder, newest first."""
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


def inspect_backup(path: Path, created: datetime, kind: str) -> BackupInfo:
    """A backup file with its size and what it holds."""
    properties, meters, bills, revision = read_contents(path)
    return BackupInfo(path, created, kind, path.stat().st_size, properties, meters, bills, revision)


def read_contents(path: Path) -> tuple[int | None, int | None, int | None, str | None]:
    """Properties, meters, bills and schema revision of a backup; None for what can't be read."""
    try:
        con = open_immutable(path)
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


def open_immutable(path: Path) -> sqlite3.Connection:
    """A backup is read as unchanging: no lock, no -wal or -shm beside it, the file never modified."""
    return sqlite3.connect(sqlite_uri(path, read_only=True, immutable=True), uri=True)


def quick_check(con: sqlite3.Connection) -> bool:
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


# --- files -------------------------------------------------------------------------------------------------


def new_target(db_path: Path, folder: Path, kind: str) -> tuple[Path, datetime]:
    """A name for a new backup, not taken (nor by a partial file), and the time it carries."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(folder)
    created = datetime.now()
    while True:
        target = folder / f"{db_path.stem}-{created.strftime(_STAMP)}-{kind}.sqlite"
        if not target.exists() and not partial_path(target).exists():
            return target, created
        created += timedelta(microseconds=1)


def partial_path(target: Path) -> Path:
    """Where a backup is written before it is renamed to `target`."""
    return target.with_name(f".{target.name}.partial")


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def remove_partial(partial: Path) -> None:
    """Delete a partial file and the journals SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            sibling(partial, suffix).unlink(missing_ok=True)
        except OSError:
            log.warning("Could not delete %s%s", partial, suffix)


def remove_stale_partials(folder: Path, prefix: str = "") -> None:
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


# --- index.json: the fingerprint of the database at its last backup ----------------------------------------


def index_key(db_path: Path) -> str:
    """How index.json names a database."""
    return str(Path(db_path).absolute())


def read_index(folder: Path) -> dict[str, dict[str, Any]]:
    """index.json's databases (fingerprint and last backup of each); empty when missing or unreadable."""
    path = folder / INDEX_NAME
    try:
        if path.stat().st_size > _INDEX_MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    databases = data.get("databases") if isinstance(data, dict) else None
    return databases if isinstance(databases, dict) else {}


def record_backup(folder: Path, db_path: Path, before: tuple[int, ...], target: Path) -> None:
    """Best effort: without it the next automatic backup is merely not skipped."""
    databases = read_index(folder)
    databases[index_key(db_path)] = {"fingerprint": list(before), "backup": target.name}
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
