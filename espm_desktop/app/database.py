"""Use cases on the database file itself: the engine a window or a command works through."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from espm_desktop.db.engine import make_engine


def database_engine(db_path: Path | str, *, read_only: bool = False) -> Engine:
    """The engine of an opened database (db/opening.py checked it): foreign keys on, busy timeout, WAL."""
    return make_engine(db_path, read_only=read_only)
