from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from espm_desktop.db.engine import (
    current_revision,
    head_revision,
    make_engine,
    run_downgrade,
    upgrade_database,
)
from espm_desktop.db.schema import HEAD_REVISION, ensure_schema, stored_revision


def tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_empty_file_upgrades_to_head_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    assert upgrade_database(path) is None  # nothing to back up in a brand-new file
    assert {"property", "meter", "bill", "alembic_version"} <= tables(path)
    engine = make_engine(path)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    assert list(tmp_path.glob("*pre-upgrade*")) == []


def test_fast_start_up_check_knows_the_head() -> None:
    assert HEAD_REVISION == head_revision()


def test_upgrade_of_an_old_file_makes_a_backup_first(demo_db: Path) -> None:
    # Take the schema back one step, keeping a marker row that must survive in the backup copy.
    run_downgrade(demo_db, "-1")
    before = stored_revision(demo_db)
    assert before != HEAD_REVISION
    con = sqlite3.connect(demo_db)
    con.execute("CREATE TABLE IF NOT EXISTS marker (note TEXT)")
    con.execute("INSERT INTO marker VALUES ('before upgrade')")
    con.commit()
    con.close()

    backup = ensure_schema(demo_db)

    assert backup is not None and backup.exists()
    assert "pre-upgrade" in backup.name
    con = sqlite3.connect(backup)
    assert con.execute("SELECT note FROM marker").fetchone() == ("before upgrade",)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == (
        [(before,)] if before else []
    )
    con.close()
    assert stored_revision(demo_db) == HEAD_REVISION


def test_up_to_date_file_is_left_alone(demo_db: Path) -> None:
    assert ensure_schema(demo_db) is None
    assert list(demo_db.parent.glob("*pre-upgrade*")) == []


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "bills.sqlite"
    bogus.write_bytes(b"%PDF-1.4 not a database")
    with pytest.raises(Exception, match="not a database"):
        ensure_schema(bogus)
    assert bogus.read_bytes() == b"%PDF-1.4 not a database"
