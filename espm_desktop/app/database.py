"""Use cases on the database file itself: open it (checked, upgraded), the engine a window or a command works
through, a copy of it, a warning about where it lives, and the demo database.

Opening and the location check use sqlite3 alone: SQLAlchemy (~0.2 s to import) is loaded only when an engine
is asked for, so that start-up and a command line refused early do not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from espm_desktop.db.opening import (
    DatabaseProblem,
    IntegrityCheck,
    OpenedDatabase,
    copy_database,
    open_database,
    save_error_message,
    sqlite_error_kind,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

P = ParamSpec("P")
T = TypeVar("T")

__all__ = [
    "DatabaseProblem",
    "IntegrityCheck",
    "OpenedDatabase",
    "copy_database",
    "create_demo_database",
    "database_engine",
    "in_session",
    "in_transaction",
    "open_database",
    "preload_database_layer",
    "read_met_damage",
    "save_error_message",
    "storage_warning",
]


def database_engine(db_path: Path | str, *, read_only: bool = False) -> Engine:
    """The engine of an opened database (db/opening.py checked it): foreign keys on, busy timeout, WAL."""
    from espm_desktop.db.engine import make_engine

    return make_engine(db_path, read_only=read_only)


def in_transaction(
    engine: Engine, change: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """`change(session, *args)` in a transaction of its own: committed when it returns, rolled back if it raises.
    SQLAlchemy loads with the first use case that needs it, not with a page that only reads."""
    from sqlalchemy.orm import Session

    with Session(engine) as session, session.begin():
        return change(session, *args, **kwargs)


def in_session(
    engine: Engine, read: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """`read(session, *args)` through the ORM, with nothing written."""
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        return read(session, *args, **kwargs)


def read_met_damage(exc: BaseException) -> bool:
    """Whether the error is SQLite finding the file damaged (what its integrity check reports)."""
    return sqlite_error_kind(exc) == "corrupt"


def preload_database_layer() -> None:
    """Load SQLAlchemy and the models (~0.2 s) while the user reads the first screen, so the first click that
    needs them does not wait."""
    import espm_desktop.db.models  # noqa: F401
    import espm_desktop.db.repo  # noqa: F401


def storage_warning(db_path: Path | str, language: str) -> str | None:
    """Why the database should not stay where it is (a network share, a cloud-synced folder); None if it may."""
    from espm_desktop.io.storage_location import detect_location, risk_message

    risk = detect_location(Path(db_path))
    return None if risk is None else risk_message(risk, language)


def create_demo_database(db_path: Path, overwrite: bool = True) -> Path:
    """Create (or re-create) the demo database file at db_path."""
    from espm_desktop.db.demo import create_demo_database as create

    return create(db_path, overwrite)
