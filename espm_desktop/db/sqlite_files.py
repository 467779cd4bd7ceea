"""sqlite3 connections by path, without SQLAlchemy (the first screen and the start-up checks use these).

A `file:` URI is only ever built by `sqlite_uri`, which escapes every special character: a folder named
"Building #3", "Q?" or "100%" must open the file the user chose and no other.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# How long a write waits for another program's write to finish before it is refused ("database is locked").
BUSY_TIMEOUT_S = 5.0


def sqlite_uri(db_path: Path | str, *, read_only: bool = False, immutable: bool = False) -> str:
    """A `file:` URI for sqlite3 with every special character of the path escaped (`?`, `#`, `%`, accents)."""
    uri = Path(db_path).absolute().as_uri()
    params = []
    if read_only:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    return uri + ("?" + "&".join(params) if params else "")


def connect_read_only(
    db_path: Path | str, *, timeout: float = BUSY_TIMEOUT_S, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-only sqlite3 connection that never creates the file.

    A database in WAL mode needs its `-shm` file even to read; in a read-only folder where that file can't be
    made, the file is read as unchanging (`immutable=1`) instead: nobody can be writing to it there.
    Errors surface here (a first read is made), not at the caller's first query.
    """
    con = sqlite3.connect(
        sqlite_uri(db_path, read_only=True), uri=True, timeout=timeout, check_same_thread=check_same_thread
    )
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        con.close()
        if "unable to open" not in str(exc):
            raise
        con = sqlite3.connect(
            sqlite_uri(db_path, read_only=True, immutable=True),
            uri=True,
            timeout=timeout,
            check_same_thread=check_same_thread,
        )
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        con.close()
        raise
    return con
