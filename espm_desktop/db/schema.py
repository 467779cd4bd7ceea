"""A fast start-up check of the schema version; Alembic is only imported when an upgrade is needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from espm_desktop.db.sqlite_files import connect_read_only

# Every revision this version of the app knows, oldest first; keep in step with db/migrations/versions (a test
# checks it). A file at a revision not listed here was made by a newer version of the app.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def stored_revision(db_path: Path) -> str | None:
    if not db_path.is_file():
        return None
    con = connect_read_only(db_path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return str(row[0]) if row else None


def ensure_schema(db_path: Path) -> Path | None:
    """Upgrade the database to HEAD_REVISION if needed; returns the backup copy made before an upgrade."""
    if stored_revision(db_path) == HEAD_REVISION:
        return None
    from espm_desktop.db.engine import upgrade_database

    return upgrade_database(db_path)
