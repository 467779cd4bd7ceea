"""Backups of a database file through SQLite's online backup API, verified before they are kept."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from espm_desktop import paths
from espm_desktop.db.engine import connect_read_only


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    kind: str
    size_bytes: int


def default_backup_folder(db_path: Path, base: Path | None = None) -> Path:
    """One folder per database, named after the file and its full path (two `espm.sqlite` don't mix)."""
    absolute = str(Path(db_path).absolute())
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return (base or paths.backup_dir()) / f"{Path(db_path).stem}-{digest}"


def make_backup(db_path: Path, *, kind: str = "manual", folder: Path | None = None) -> BackupInfo:
    folder = folder or default_backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    target = folder / f"{Path(db_path).stem}-{now:%Y%m%d-%H%M%S-%f}-{kind}.sqlite"
    partial = target.with_name("." + target.name + ".partial")
    try:
        src = connect_read_only(db_path)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                (result,) = dst.execute("PRAGMA quick_check").fetchone()
                if result != "ok":
                    raise sqlite3.DatabaseError(f"backup failed its check: {result}")
            finally:
                dst.close()
        finally:
            src.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupInfo(target, now, kind, target.stat().st_size)
