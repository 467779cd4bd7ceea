"""Every way a database file can be wrong gets its own answer, and a refused file is never written."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from espm_desktop.db.opening import DatabaseProblem, open_database, save_error_message, sqlite_error_kind
from espm_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS, stored_revision


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*")}


def refused(path: Path, kind: str) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    assert caught.value.kind == kind, caught.value
    for language in ("en", "fr"):
        text = caught.value.message(language)
        assert str(path) in text
        assert "{" not in text
    return caught.value


def test_known_revisions_are_the_migration_files() -> None:
    versions = Path(__file__).resolve().parents[2] / "espm_desktop" / "db" / "migrations" / "versions"
    found = sorted(p.name[:4] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    assert tuple(found) == KNOWN_REVISIONS
    assert HEAD_REVISION == found[-1]


def test_a_new_file_is_created_at_the_head(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "sub" / "new.sqlite")
    assert opened.created and not opened.read_only and opened.backup is None
    assert stored_revision(opened.path) == HEAD_REVISION


def test_a_database_at_the_head_opens_without_a_write(db_path: Path) -> None:
    before = digest(db_path)
    opened = open_database(db_path)
    assert not opened.read_only and opened.backup is None
    assert digest(db_path) == before


def test_a_newer_database_is_refused_without_backup_or_write(
    db_path: Path, isolated_user_folders: Path
) -> None:
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = digest(db_path)
    problem = refused(db_path, "newer")
    assert "0099" in problem.message("en") and "newer version" in problem.message("en")
    assert "plus récente" in problem.message("fr")
    assert digest(db_path) == before
    assert not (isolated_user_folders / "backups").exists()


def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    bogus = tmp_path / "bills.sqlite"
    bogus.write_bytes(b"%PDF-1.4 not a database" * 100)
    before = digest(bogus)
    refused(bogus, "not_database")
    assert digest(bogus) == before
    assert files_in(tmp_path) == {"bills.sqlite"}


def test_a_folder_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, "directory")


def test_another_programs_database_is_not_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    con.commit()
    con.close()
    before = digest(other)
    refused(other, "other_database")
    assert digest(other) == before


def test_noise_in_the_middle_of_the_file_is_detected(demo_db: Path) -> None:
    con = sqlite3.connect(demo_db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    data = bytearray(demo_db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = os.urandom(4096)
    demo_db.write_bytes(bytes(data))
    before = digest(demo_db)
    problem = refused(demo_db, "corrupt")
    assert "damaged" in problem.message("en") and "endommagé" in problem.message("fr")
    assert digest(demo_db) == before


def test_an_old_database_is_upgraded_with_a_backup_named(demo_db: Path) -> None:
    from alembic import command

    from espm_desktop.db.engine import _migration_engine, alembic_config

    engine = _migration_engine(demo_db)
    command.downgrade(alembic_config(engine), KNOWN_REVISIONS[-2])
    engine.dispose()
    opened = open_database(demo_db)
    assert opened.upgraded_from == KNOWN_REVISIONS[-2]
    assert opened.backup is not None and opened.backup.exists()
    assert stored_revision(opened.backup) == KNOWN_REVISIONS[-2]
    assert stored_revision(demo_db) == HEAD_REVISION


def test_a_database_held_by_another_writer_says_locked(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    import espm_desktop.db.sqlite_files as sqlite_files
    from espm_desktop.db.engine import _migration_engine, alembic_config

    engine = _migration_engine(demo_db)
    command.downgrade(alembic_config(engine), KNOWN_REVISIONS[-2])
    engine.dispose()
    monkeypatch.setattr(sqlite_files, "BUSY_TIMEOUT_S", 0.2)
    import espm_desktop.db.engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        problem = refused(demo_db, "locked")
        assert problem.backup is not None  # the copy made before the attempt is named
        refused(demo_db, "locked")  # a retry while still locked makes no second copy
        assert len(list(problem.backup.parent.glob("*.sqlite"))) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "another program" in problem.message("en")
    assert stored_revision(demo_db) == KNOWN_REVISIONS[-2]  # nothing half done
    assert open_database(demo_db).upgraded_from == KNOWN_REVISIONS[-2]  # and it works once free


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder that can't be written: a read-only tmpfs as root (root ignores file modes), else chmod."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)]).returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        yield folder
        folder.chmod(0o755)


def make_read_only(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for p in folder.iterdir():
            p.chmod(0o444)
        folder.chmod(0o555)


def test_a_read_only_folder_opens_read_only_and_refuses_writes(demo_db: Path, read_only_folder: Path) -> None:
    from sqlalchemy import text

    from espm_desktop.db.engine import make_engine

    target = read_only_folder / "demo.sqlite"
    shutil.copy(demo_db, target)
    make_read_only(read_only_folder)
    opened = open_database(target)
    assert opened.read_only
    assert "Read-only" in opened.read_only_message("en") and "lecture seule" in opened.read_only_message("fr")
    engine = make_engine(target, read_only=True)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM bill")).scalar_one() > 0
        with pytest.raises(Exception) as caught, engine.begin() as conn:
            conn.execute(text("DELETE FROM bill"))
        assert sqlite_error_kind(caught.value) == "read_only"
        assert "read-only" in (save_error_message(caught.value, "en") or "")
    finally:
        engine.dispose()


def test_an_old_read_only_database_is_not_upgraded(demo_db: Path, read_only_folder: Path) -> None:
    from alembic import command

    from espm_desktop.db.engine import _migration_engine, alembic_config

    engine = _migration_engine(demo_db)
    command.downgrade(alembic_config(engine), KNOWN_REVISIONS[-2])
    engine.dispose()
    target = read_only_folder / "demo.sqlite"
    shutil.copy(demo_db, target)
    make_read_only(read_only_folder)
    refused(target, "read_only_upgrade")


def test_save_errors_are_named_for_the_user() -> None:
    locked = sqlite3.OperationalError("database is locked")
    assert sqlite_error_kind(locked) == "locked"
    assert "another program" in (save_error_message(locked, "en") or "")
    assert "autre programme" in (save_error_message(locked, "fr") or "")
    full = sqlite3.OperationalError("database or disk is full")
    assert sqlite_error_kind(full) == "disk_full"
    assert save_error_message(ValueError("x"), "en") is None


def test_a_full_disk_during_the_upgrade_changes_nothing(demo_db: Path, tmp_path: Path) -> None:
    from alembic import command

    from espm_desktop.db.engine import _migration_engine, alembic_config

    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    engine = _migration_engine(demo_db)
    command.downgrade(alembic_config(engine), KNOWN_REVISIONS[-2])
    engine.dispose()
    disk = tmp_path / "small"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        target = disk / "demo.sqlite"
        con = sqlite3.connect(demo_db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        shutil.copy(demo_db, target)
        # Leave less free space than one more copy of the database needs.
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - target.stat().st_size // 2))
        before = digest(target)
        problem = refused_with(target, "disk_full", backup_folder=disk / "backups")
        assert "free" in problem.message("en").lower() and "espace" in problem.message("fr")
        assert digest(target) == before
        assert stored_revision(target) == KNOWN_REVISIONS[-2]
        assert not [p for p in (disk / "backups").rglob("*") if p.is_file()]
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def refused_with(path: Path, kind: str, **options: object) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path, **options)  # type: ignore[arg-type]
    assert caught.value.kind == kind, caught.value
    return caught.value
