"""The connection a read-only use case reads through: a file's pooled sqlite3 connection, or an engine's or a
session's own. Reads made this way need no SQLAlchemy, so the first screen can be filled before it is loaded."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from espm_desktop.db.sqlite_files import pooled_read_connection

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    DatabaseSource: TypeAlias = str | os.PathLike[str] | Engine | Session
    """A database file, an engine on it, or a session whose own connection (and unsaved changes) is read."""


class PropertyNotFound(LookupError):
    """No property has this id (deleted since it was listed, or a wrong id given to the CLI)."""


@contextmanager
def read_connection(db: DatabaseSource) -> Iterator[sqlite3.Connection]:
    """A sqlite3 connection for one use case's reads: read-only on a file (one snapshot), else the engine's or
    the session's own."""
    if isinstance(db, str | os.PathLike):
        with pooled_read_connection(Path(db)) as con:
            yield con
    elif hasattr(db, "raw_connection"):
        proxy = db.raw_connection()
        try:
            yield cast(sqlite3.Connection, proxy.dbapi_connection)
        finally:
            proxy.close()
    else:
        # A session: its own connection, so that what it has written and not yet committed is seen.
        yield cast(sqlite3.Connection, db.connection().connection.dbapi_connection)
