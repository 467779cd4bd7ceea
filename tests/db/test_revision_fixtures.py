"""Every stored database of a past revision (tests/data/revisions) upgrades to the head with every row intact.

The fixtures are made by scripts/make_revision_fixtures.py; a new migration adds its fixture.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from espm_desktop.db.engine import alembic_config, head_revision, run_upgrade, upgrade_database
from espm_desktop.db.schema import HEAD_REVISION
from tests.reliability.upgrade_trials import (
    FIXTURE_DIR,
    health,
    lost_rows,
    old_upgrade,
    revision_of,
    schema,
    snapshot,
    user_tables,
)


def migration_revisions() -> list[str]:
    """Every revision in the migrations folder, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


FIXTURES = sorted(FIXTURE_DIR.glob("*.sqlite"))
by_revision = pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])


def test_every_revision_has_a_stored_fixture() -> None:
    wanted = {*migration_revisions(), HEAD_REVISION, head_revision()}
    missing = sorted(r for r in wanted if not (FIXTURE_DIR / f"{r}.sqlite").exists())
    assert not missing, f"no stored database for {missing}: run scripts/make_revision_fixtures.py"
    assert {f.stem for f in FIXTURES} <= wanted, "a fixture names a revision the migrations folder lacks"


@by_revision
def test_fixture_has_rows_in_every_table_of_its_revision(fixture: Path, tmp_path: Path) -> None:
    assert revision_of(fixture) == [fixture.stem]
    con = sqlite3.connect(fixture)
    try:
        empty = [t for t in user_tables(con) if t != "alembic_version"]
        empty = [t for t in empty if con.execute(f'SELECT count(*) FROM "{t}"').fetchone() == (0,)]
    finally:
        con.close()
    assert not empty, f"{fixture.name} has no rows in {empty}: add them in scripts/make_revision_fixtures.py"
    # Every table of the revision is in the fixture: the same schema as its migrations make today (which
    # also fails if the migration file of a released revision was edited).
    fresh = tmp_path / "fresh.sqlite"
    run_upgrade(fresh, target=fixture.stem)
    assert schema(fixture) == schema(fresh)


@by_revision
def test_every_row_survives_the_upgrade_and_the_backup_holds_the_original(
    fixture: Path, tmp_path: Path
) -> None:
    db = tmp_path / "Bâtiment #3" / fixture.name  # a folder name a URL would misread
    db.parent.mkdir()
    shutil.copyfile(fixture, db)
    before = snapshot(db)
    start = fixture.stem

    backup = upgrade_database(db, backup_folder=tmp_path / "backups")

    assert revision_of(db) == [head_revision()]
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    # New columns may come with their defaults; every recorded column of every row keeps its value and type.
    before_rows = {t: rows for t, rows in before.items() if t != "alembic_version"}
    assert lost_rows(before_rows, snapshot(db, include_version=False), exact=False) == []
    if start == head_revision():
        assert backup is None  # nothing to upgrade, nothing to back up
        assert lost_rows(before, snapshot(db), exact=True) == []
    else:
        assert backup is not None and "pre-upgrade" in backup.name
        assert revision_of(backup) == [start]
        assert health(backup) == []
        assert lost_rows(before, snapshot(backup), exact=True) == []
        assert schema(backup) == schema(fixture)


def test_an_upgrade_with_foreign_keys_on_is_refused_before_it_can_cascade(tmp_path: Path) -> None:
    """Control: the upgrade as it once ran, on the app's engine with foreign keys on. Rebuilding `property`
    (0002) ends with DROP TABLE property, and ON DELETE CASCADE took every meter and bill with it, while
    foreign_key_check afterwards found nothing wrong (the children were gone). env.py now refuses to run on
    such a connection: the file stays exactly as it was."""
    import pytest

    db = tmp_path / "0001.sqlite"
    shutil.copyfile(FIXTURE_DIR / "0001.sqlite", db)
    before = snapshot(db, include_version=True)
    with pytest.raises(RuntimeError, match="foreign keys off"):
        old_upgrade(db, foreign_keys=True)
    assert snapshot(db, include_version=True) == before
    assert revision_of(db) == ["0001"]
