"""A fast start-up check of the schema version; Alembic is only imported when an upgrade is needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Keep in step with the newest file in db/migrations/versions (a test checks it).
HEAD_REVISION = "0003"


def stored_revision(db_path: Path) -> str | None:
    if not db_path.exists():
        return None
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
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
