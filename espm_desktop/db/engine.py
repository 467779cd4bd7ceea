"""Engine, sessions and migrations: SQLite with foreign keys and WAL, a backup before every upgrade."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(db_path: Path | str) -> Engine:
    """An engine on a SQLite file (or ':memory:') with foreign keys on and WAL journaling."""
    url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{Path(db_path)}"
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
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


def backup_database(db_path: Path, reason: str = "pre-upgrade") -> Path:
    """Copy the database to a timestamped file beside it, using SQLite's online backup (WAL-safe)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = db_path.with_name(f"{db_path.stem}.{reason}-{stamp}{db_path.suffix or '.sqlite'}")
    src = sqlite3.connect(str(db_path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_database(db_path: Path | str) -> Path | None:
    """Bring the database to the newest schema. Returns the backup taken, if an existing file was upgraded."""
    path = Path(db_path)
    if str(db_path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    backup: Path | None = None
    try:
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return None
        if current is not None or _has_user_tables(engine):
            backup = backup_database(path)
            log.info("Database %s backed up to %s before upgrade %s -> %s", path, backup, current, head)
        from alembic import command

        command.upgrade(alembic_config(engine), "head")
    finally:
        engine.dispose()
    return backup


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return bool(rows)
