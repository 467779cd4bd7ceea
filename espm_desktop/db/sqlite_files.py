"""sqlite3 connections by path, without SQLAlchemy (the first screen and the start-up checks use these).

A `file:` URI is only ever built by `sqlite_uri`, which escapes every special character: a folder named
"Building #3", "Q?" or "100%" must open the file the user chose and no other.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


def database_file(con: sqlite3.Connection) -> str | None:
    """The SQLite file behind the connection as SQLite names it, or None for an in-memory database."""
    if isinstance(con, ReadConnection):
        return con.main_file
    return _main_file(con)


def _main_file(con: sqlite3.Connection) -> str | None:
    for _seq, name, file in con.execute("PRAGMA database_list"):
        if name == "main":
            return str(file) if file else None
    return None


class ReadConnection(sqlite3.Connection):
    """What `connect_read_only` gives: a sqlite3 connection that knows its file (asked once, not on each read)."""

    main_file: str | None = None


def connect_read_only(
    db_path: Path | str, *, timeout: float = BUSY_TIMEOUT_S, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-only sqlite3 connection that never creates the file.

    A database in WAL mode needs its `-shm` file even to read; in a read-only folder where that file can't be
    made, the file is read as unchanging (`immutable=1`) instead: nobody can be writing to it there.
    Errors surface here (a first read is made), not at the caller's first query.
    """
    try:
        return _first_read(
            sqlite3.connect(
                sqlite_uri(db_path, read_only=True),
                uri=True,
                timeout=timeout,
                check_same_thread=check_same_thread,
                factory=ReadConnection,
            )
        )
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
    return _first_read(
        sqlite3.connect(
            sqlite_uri(db_path, read_only=True, immutable=True),
            uri=True,
            timeout=timeout,
            check_same_thread=check_same_thread,
            factory=ReadConnection,
        )
    )


def _first_read(con: ReadConnection) -> ReadConnection:
    """The connection once it has read its schema and named its file; closed if either fails."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.main_file = _main_file(con)
    except BaseException:
        con.close()
        raise
    return con


# One idle read-only connection per (thread, file), reused by the use cases that read with sqlite3 alone: a new
# connection parses the whole schema on its first statement (about half a millisecond), which a property switch
# or a portfolio would pay again and again. A connection is handed out only while its file is the one it opened
# (same device and inode: a file replaced under it is opened afresh); `release_read_connections` closes them.
_POOL = threading.local()


def _pool_key(db_path: Path | str) -> str:
    """The file's absolute path, as the pool knows it (os.path.abspath: a fifth of Path.absolute's time, on every
    read)."""
    return os.path.abspath(db_path)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@contextmanager
def pooled_read_connection(db_path: Path | str) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one use case's reads, in one read transaction (one snapshot of the file)."""
    path = _pool_key(db_path)
    pool: dict[str, tuple[sqlite3.Connection, tuple[int, int] | None]] = _POOL.__dict__.setdefault("cons", {})
    entry = pool.pop(path, None)
    identity = _identity(path)
    if entry is not None and (identity is None or entry[1] != identity):
        entry[0].close()
        entry = None
    con = entry[0] if entry is not None else connect_read_only(path)
    healthy = True
    try:
        con.execute("BEGIN")
        yield con
    except sqlite3.Error:
        healthy = False
        raise
    finally:
        if healthy:
            try:
                # A cached statement: Connection.rollback() prepares its ROLLBACK anew each time (a third longer).
                if con.in_transaction:
                    con.execute("ROLLBACK")
            except sqlite3.Error:
                healthy = False
        if healthy and path not in pool:  # (a nested use case may have put one back meanwhile)
            pool[path] = (con, identity)
        else:
            con.close()


def release_read_connections(db_path: Path | str | None = None) -> None:
    """Close this thread's idle read connections: to one file (before it is replaced or deleted) or all."""
    pool: dict[str, tuple[sqlite3.Connection, tuple[int, int] | None]] = _POOL.__dict__.get("cons", {})
    wanted = None if db_path is None else _pool_key(db_path)
    for path in [p for p in pool if wanted is None or p == wanted]:
        pool.pop(path)[0].close()
