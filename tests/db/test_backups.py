from __future__ import annotations

import builtins
import errno
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from espm_desktop.db import backups, models
from espm_desktop.db.backups import (
    BackupError,
    backup_if_changed,
    check_backup,
    default_backup_folder,
    fingerprint,
    latest_good_backup,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
)
from espm_desktop.db.engine import head_revision, make_engine
from tests.reliability.backup_trials import REPO, bill_rows, journal_mode, make_big_database, quick_check


def counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        row = con.execute(
            "SELECT (SELECT count(*) FROM property), (SELECT count(*) FROM meter), (SELECT count(*) FROM bill)"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])
    finally:
        con.close()


def corrupt_middle(path: Path, seed: int = 7) -> None:
    """Overwrite 4 KB in the middle of a file that nothing is connected to."""
    size = path.stat().st_size
    offset = (size // 2) // 4096 * 4096
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(random.Random(seed).randbytes(4096))


def folder_state(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {
        p.name: (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.iterdir())
    }


def add_bill(db: Path, day: date) -> None:
    engine = make_engine(db)
    try:
        with Session(engine) as s, s.begin():
            meter = s.query(models.Meter).first()
            assert meter is not None
            s.add(models.BillRecord(meter_id=meter.id, start_date=day, end_date=day, usage=1.0))
    finally:
        engine.dispose()


def test_backup_of_the_demo_holds_its_rows_and_passes_quick_check(demo_db: Path) -> None:
    info = make_backup(demo_db)
    assert info.path.parent == default_backup_folder(demo_db)
    assert str(info.path).startswith(os.environ["ESPM_DESKTOP_BACKUP_DIR"])
    assert (info.properties, info.meters, info.bills) == counts(demo_db)
    assert info.properties and info.meters and info.bills
    assert info.kind == "manual" and info.revision == head_revision()
    assert info.size_bytes == info.path.stat().st_size
    assert abs(datetime.now() - info.created) < timedelta(minutes=1)
    assert check_backup(info.path)
    assert info.path.read_bytes()[18:20] == b"\x01\x01"  # journal_mode=DELETE: one self-contained file
    assert [p.name for p in info.path.parent.iterdir() if p.name != "index.json"] == [info.path.name]
    assert list_backups(demo_db) == [info]


def test_reading_backups_changes_nothing_beside_them(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    make_backup(demo_db, folder=folder)
    make_backup(demo_db, folder=folder, kind="auto")
    before = folder_state(folder)
    assert len(list_backups(demo_db, folder)) == 2
    assert latest_good_backup(demo_db, folder) is not None
    assert all(check_backup(p) for p in folder.glob("*.sqlite"))
    assert folder_state(folder) == before


def test_backup_while_another_connection_holds_a_write_transaction(demo_db: Path) -> None:
    engine = make_engine(demo_db)  # the app's engine: WAL mode, open during the backup
    writer = sqlite3.connect(demo_db, isolation_level=None)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM bill").scalar()
        committed = counts(demo_db)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO bill (meter_id, start_date, end_date, usage, estimated, source, created_at, updated_at)"
            " SELECT id, '2030-01-01', '2030-01-31', 5, 0, 'manual', '2030-01-01', '2030-01-01' FROM meter"
        )
        info = make_backup(demo_db)
        assert (info.properties, info.meters, info.bills) == committed  # the snapshot, not the open write
        writer.execute("COMMIT")
        assert check_backup(info.path)
        assert make_backup(demo_db).bills == committed[2] + committed[1]
    finally:
        writer.close()
        engine.dispose()


_INSERTER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], timeout=5)
print("ready", flush=True)
end = time.monotonic() + float(sys.argv[2])
day = 0
while time.monotonic() < end:
    with con:
        con.execute("INSERT INTO bill (meter_id, start_date, end_date, usage, estimated, source, created_at,"
                    " updated_at) VALUES (1, date('2100-01-01', ?), date('2100-01-01', ?), 1, 0, 'manual',"
                    " '2024-01-01', '2024-01-01')", (f"+{day} days", f"+{day} days"))
    day += 1
print(day, flush=True)
"""


def test_backups_while_another_process_inserts(tmp_path: Path) -> None:
    db = make_big_database(tmp_path / "busy.sqlite", bills=3000)
    start_bills = counts(db)[2]
    child = subprocess.Popen(
        [sys.executable, "-c", _INSERTER, str(db), "1.5"], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    seen = []
    try:
        for _ in range(5):
            info = make_backup(db, folder=tmp_path / "b")
            assert check_backup(info.path)
            assert info.bills is not None
            seen.append(info.bills)
    finally:
        inserted = int(child.stdout.readline())
        child.stdout.close()
        assert child.wait() == 0  # the writer was never refused ("database is locked")
    assert inserted > 0
    assert seen == sorted(seen) and start_bills <= seen[0] and seen[-1] <= start_bills + inserted
    assert counts(db)[2] == start_bills + inserted and quick_check(db) == "ok"


def test_list_and_latest_good_backup_skip_a_damaged_copy_and_foreign_files(
    demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    made = [make_backup(demo_db, folder=folder, kind=k) for k in ("auto", "manual", "auto")]
    (folder / ".demo-20990101-000000-000000-auto.sqlite.partial").write_bytes(b"half")
    (folder / "demo-notes.sqlite").write_bytes(b"foreign")
    (folder / "other-20990101-000000-000000-auto.sqlite").write_bytes(b"another database's")
    listed = list_backups(demo_db, folder)
    assert [b.path for b in listed] == [m.path for m in reversed(made)]
    assert [b.kind for b in listed] == ["auto", "manual", "auto"]
    corrupt_middle(made[-1].path)
    assert not check_backup(made[-1].path)
    good = latest_good_backup(demo_db, folder)
    assert good is not None and good.path == made[1].path
    for m in made[:2]:
        corrupt_middle(m.path)
    assert latest_good_backup(demo_db, folder) is None


def _touch_backup(folder: Path, stem: str, when: datetime, kind: str = "auto") -> Path:
    path = folder / f"{stem}-{when:%Y%m%d-%H%M%S-%f}-{kind}.sqlite"
    path.write_bytes(b"")
    return path


def test_prune_keeps_the_newest_and_one_per_month(tmp_path: Path) -> None:
    db = tmp_path / "espm.sqlite"
    folder = tmp_path / "b"
    folder.mkdir()
    now = datetime(2025, 6, 20, 12, 0)
    first = datetime(2024, 1, 3, 9, 30)
    made = [_touch_backup(folder, "espm", first + timedelta(days=13.3 * i)) for i in range(40)]
    assert (made[0].name[5:11], made[-1].name[5:11]) == ("202401", "202506")  # 40 backups over 18 months
    other = _touch_backup(folder, "other", datetime(2020, 1, 1))
    deleted = prune_backups(db, folder, keep_last=10, keep_monthly=12, now=now)

    newest_first = list(reversed(made))
    window = [(2024, m) for m in range(7, 13)] + [(2025, m) for m in range(1, 7)]
    newest_of_month = [next(p for p in newest_first if p.name[5:11] == f"{y}{m:02d}") for y, m in window]
    expected = set(newest_first[:10]) | set(newest_of_month)
    # The newest 10 cover 2025-02..2025-06; 2025-01 and 2024-07..2024-12 add their newest one each.
    assert len(expected) == 17
    kept = {b.path for b in list_backups(db, folder)}
    assert kept == expected
    assert set(deleted) == set(made) - expected and all(not p.exists() for p in deleted)
    assert other.exists()  # another database's backup is not this prune's business
    assert prune_backups(db, folder, keep_last=10, keep_monthly=12, now=now) == []


def test_backup_if_changed_only_after_a_change(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The live file is never opened by Python's file functions (closing it would drop SQLite's POSIX locks).
    watched = {str(demo_db), str(demo_db) + "-wal"}
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        assert str(file) not in watched, f"opened {file}"
        return real_open(file, *args, **kwargs)

    def guarded_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        assert str(path) not in watched, f"opened {path}"
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)

    first = backup_if_changed(demo_db)
    assert first is not None and first.kind == "auto"
    assert backup_if_changed(demo_db) is None
    assert backup_if_changed(demo_db, min_age=None) is None
    index = json.loads((default_backup_folder(demo_db) / "index.json").read_text())
    assert index["databases"][str(demo_db.absolute())]["backup"] == first.path.name

    add_bill(demo_db, date(2031, 1, 1))
    assert (
        backup_if_changed(demo_db, min_age=timedelta(hours=1)) is None
    )  # changed, but the last one is recent
    second = backup_if_changed(demo_db)
    assert second is not None and second.bills == (first.bills or 0) + 1
    assert backup_if_changed(demo_db) is None
    index = json.loads((default_backup_folder(demo_db) / "index.json").read_text())
    assert tuple(index["databases"][str(demo_db.absolute())]["fingerprint"]) == fingerprint(demo_db)

    for day in (2, 3, 4):
        add_bill(demo_db, date(2031, 1, day))
        assert backup_if_changed(demo_db, keep_last=2, keep_monthly=0) is not None
    assert [b.bills for b in list_backups(demo_db)] == [(first.bills or 0) + 4, (first.bills or 0) + 3]


def test_restore_brings_back_the_old_rows_under_an_open_engine(demo_db: Path) -> None:
    backup = make_backup(demo_db)
    old_rows = bill_rows(demo_db)
    engine = make_engine(demo_db)
    try:
        with Session(engine) as s, s.begin():
            s.delete(s.query(models.BillRecord).order_by(models.BillRecord.id).first())
            meter = s.query(models.Meter).first()
            assert meter is not None
            s.add(
                models.BillRecord(
                    meter_id=meter.id, start_date=date(2032, 1, 1), end_date=date(2032, 1, 2), usage=9
                )
            )
        newer_rows = bill_rows(demo_db)
        assert newer_rows != old_rows

        pre = restore_backup(backup.path, demo_db)

        assert pre.kind == "pre-restore" and check_backup(pre.path)
        assert bill_rows(pre.path) == newer_rows
        with engine.connect() as conn:  # the app's engine, opened before the restore, reads the restored rows
            assert conn.exec_driver_sql("SELECT * FROM bill ORDER BY id").all() == old_rows
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        with Session(engine) as s:
            assert s.query(models.BillRecord).count() == len(old_rows)
    finally:
        engine.dispose()
    assert quick_check(demo_db) == "ok" and journal_mode(demo_db) == "wal"
    assert [b.kind for b in list_backups(demo_db)] == ["pre-restore", "manual"]


def test_restore_refuses_a_damaged_backup(demo_db: Path, tmp_path: Path) -> None:
    backup = make_backup(demo_db, folder=tmp_path / "b")
    corrupt_middle(backup.path)
    rows = bill_rows(demo_db)
    with pytest.raises(BackupError) as caught:
        restore_backup(backup.path, demo_db, tmp_path / "b")
    assert caught.value.reason == "not_verified" and caught.value.path == backup.path
    assert backup.path.name in caught.value.message("fr") and "Choisissez" in caught.value.message("fr")
    assert "Choose another backup" in caught.value.message("en")
    assert bill_rows(demo_db) == rows and [b.kind for b in list_backups(demo_db, tmp_path / "b")] == [
        "manual"
    ]


def test_restore_over_an_unreadable_database_replaces_the_file(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    backup = make_backup(demo_db, folder=folder)
    rows = bill_rows(demo_db)
    with open(demo_db, "r+b") as fh:  # nothing is connected: the header is overwritten
        fh.write(b"\xff" * 4096)
    damaged = demo_db.read_bytes()
    Path(f"{demo_db}-wal").write_bytes(b"stale WAL of the damaged file" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        counts(demo_db)

    pre = restore_backup(backup.path, demo_db, folder)

    assert pre.kind == "pre-restore" and pre.path.read_bytes() == damaged
    assert pre.bills is None and not check_backup(pre.path)
    assert quick_check(demo_db) == "ok" and bill_rows(demo_db) == rows and journal_mode(demo_db) == "wal"
    assert not [p for p in demo_db.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_restore_over_a_damaged_page_goes_through_sqlite(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    backup = make_backup(demo_db, folder=folder)
    rows = bill_rows(demo_db)
    corrupt_middle(demo_db)
    pre = restore_backup(backup.path, demo_db, folder)
    assert not check_backup(pre.path)  # the damaged content is kept as it was
    assert quick_check(demo_db) == "ok" and bill_rows(demo_db) == rows and journal_mode(demo_db) == "wal"


def test_a_full_disk_is_reported_and_leaves_no_file(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(backups, "fsync_file", no_space)
    with pytest.raises(BackupError) as caught:
        make_backup(demo_db)
    assert caught.value.reason == "disk_full"
    assert "Libérez de l'espace" in caught.value.message("fr")
    assert "Free some space" in caught.value.message("en") and caught.value.path.name in caught.value.message(
        "en"
    )
    assert [p.name for p in default_backup_folder(demo_db).iterdir()] == []


def test_backup_of_or_restore_into_a_missing_database_is_refused(demo_db: Path, tmp_path: Path) -> None:
    absent = tmp_path / "absent.sqlite"
    with pytest.raises(BackupError) as caught:
        make_backup(absent, folder=tmp_path / "b")
    assert caught.value.reason == "unreadable_source"
    backup = make_backup(demo_db, folder=tmp_path / "b")
    with pytest.raises(BackupError) as caught:
        restore_backup(backup.path, absent, tmp_path / "b")
    assert caught.value.reason == "unreadable_source" and "n'existe pas" in caught.value.message("fr")
    assert not absent.exists() and not list((tmp_path / "b").glob("absent*"))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounting a tmpfs needs root")
def test_backup_onto_a_full_tmpfs(tmp_path: Path) -> None:
    db = make_big_database(tmp_path / "big.sqlite")  # about 3 MB, three times the folder's room
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"this machine refuses to mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        with pytest.raises(BackupError) as caught:
            make_backup(db, folder=mount)
        assert caught.value.reason == "disk_full", caught.value.detail
        assert list(mount.iterdir()) == []
        assert quick_check(db) == "ok"
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_restore_gives_up_while_another_program_keeps_writing(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "LOCK_WAIT_S", 0.3)
    backup = make_backup(demo_db)
    writer = sqlite3.connect(demo_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM bill")
        with pytest.raises(BackupError) as caught:
            restore_backup(backup.path, demo_db)
        assert caught.value.reason == "io" and "locked" in caught.value.message("en")
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert counts(demo_db)[2] == 0  # the other program's write stands; nothing was half-restored
    assert quick_check(demo_db) == "ok"


def test_a_damaged_database_gives_no_backup(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    corrupt_middle(demo_db)  # a damaged page: SQLite copies it, quick_check on the copy refuses it
    with pytest.raises(BackupError) as caught:
        make_backup(demo_db, folder=folder)
    assert caught.value.reason == "not_verified" and demo_db.name in caught.value.message("en")
    with open(demo_db, "r+b") as fh:  # a damaged header: SQLite can't read the file at all
        fh.write(b"\xff" * 100)
    with pytest.raises(BackupError) as caught:
        make_backup(demo_db, folder=folder)
    assert caught.value.reason == "unreadable_source"
    assert [p.name for p in folder.iterdir()] == []
