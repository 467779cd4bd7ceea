"""Engine, sessions and migrations: SQLite with foreign keys and WAL, a backup before every upgrade.

Connections are made by `sqlite3.connect` on the plain file name, never through a URL or a `file:` URI built by
string formatting: a folder named "Building #3" or "Q?" must open the file the user chose and no other.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool, StaticPool

from espm_desktop.db.sqlite_files import BUSY_TIMEOUT_S, connect_read_only, sqlite_uri

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["BUSY_TIMEOUT_S", "connect_read_only", "make_engine", "sqlite_uri", "upgrade_database"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class MigrationIntegrityError(Exception):
    """An upgrade would leave rows pointing at rows that do not exist; it was rolled back."""

    def __init__(self, violations: list[tuple[Any, ...]]) -> None:
        self.violations = violations
        super().__init__(f"foreign_key_check found {len(violations)} broken reference(s): {violations[:5]}")


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _connector(db_path: Path | str, read_only: bool) -> Callable[[], sqlite3.Connection]:
    if str(db_path) == ":memory:":
        return lambda: sqlite3.connect(":memory:", check_same_thread=False)
    path = str(Path(db_path))
    if read_only:
        return lambda: connect_read_only(path, check_same_thread=False)
    return lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def make_engine(db_path: Path | str, *, read_only: bool = False) -> Engine:
    """An engine on a SQLite file (or ':memory:') with foreign keys on and WAL journaling.

    `read_only` opens the file with SQLite's read-only mode: every write is refused by SQLite itself.
    """
    memory = str(db_path) == ":memory:"
    engine = create_engine(
        "sqlite://",
        creator=_connector(db_path, read_only),
        poolclass=StaticPool if memory else QueuePool,
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    return engine


def _migration_engine(db_path: Path) -> Engine:
    """An engine for upgrades: foreign keys off (a table rebuild must not cascade), one explicit transaction.

    Python's sqlite3 module runs DDL outside any transaction unless told otherwise; with isolation_level=None
    and our own BEGIN IMMEDIATE, every statement of the upgrade is in one transaction that SQLite undoes as a
    whole if the process dies.
    """
    path = str(db_path)

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        return con

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# Alembic is imported inside the functions that need it: it costs ~0.3 s at start-up and is only needed
# when the schema must change.
def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def run_upgrade(db_path: Path | str, target: str = "head") -> None:
    """Run the migrations up to `target` in one transaction, foreign keys off, checked before commit."""
    from alembic import command

    engine = _migration_engine(Path(db_path))
    try:
        command.upgrade(alembic_config(engine), target)
    finally:
        engine.dispose()


def run_downgrade(db_path: Path | str, target: str) -> None:
    """Take the schema back to `target` (tests and support only), under the same rules as an upgrade."""
    from alembic import command

    engine = _migration_engine(Path(db_path))
    try:
        command.downgrade(alembic_config(engine), target)
    finally:
        engine.dispose()


def upgrade_database(db_path: Path | str, backup_folder: Path | None = None) -> Path | None:
    """Bring the database to the newest schema. Returns the backup taken, if an existing file was upgraded."""
    path = Path(db_path)
    if str(db_path) == ":memory:":
        run_upgrade(path)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        current = current_revision(engine)
        needs_backup = current is not None or _has_user_tables(engine)
    finally:
        engine.dispose()
    head = head_revision()
    if current == head:
        return None
    backup: Path | None = None
    if needs_backup:
        backup = _reusable_pre_upgrade_backup(path, current, backup_folder)
        if backup is None:
            from espm_desktop.db.backups import make_backup

            backup = make_backup(path, kind="pre-upgrade", folder=backup_folder).path
        log.info("Database %s backed up to %s before upgrade %s -> %s", path, backup, current, head)
    run_upgrade(path)
    return backup


def _reusable_pre_upgrade_backup(path: Path, revision: str | None, folder: Path | None) -> Path | None:
    """A pre-upgrade backup of this same revision made after the file last changed (an upgrade that failed and
    is tried again): a retry must not write another full copy every time."""
    from espm_desktop.db.backups import list_backups

    try:
        changed = max(
            (p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()),
            default=0.0,
        )
        for info in list_backups(path, folder):
            if (
                info.kind == "pre-upgrade"
                and info.revision == revision
                and info.path.stat().st_mtime >= changed
            ):
                return info.path
    except OSError:
        return None
    return None


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return bool(rows)
