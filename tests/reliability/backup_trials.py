"""Single fault trials for backups and restores: a real child process killed with SIGKILL at a chosen moment.

The pytest tests run a few of them; a longer campaign script can call `backup_trial` and `restore_trial` in a
loop. Each trial works in its own folder and returns "intact", or a sentence saying what was lost.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from espm_desktop.db.backups import check_backup, list_backups, make_backup

REPO = Path(__file__).resolve().parents[2]
BILL_ROWS = 20_000  # about 4 MB: long enough (tens of ms) to be killed in the middle

_CHILD = """
import sys
from pathlib import Path
from espm_desktop.db.backups import make_backup, restore_backup
args = [Path(a) for a in sys.argv[2:]]
print("ready", flush=True)
if sys.argv[1] == "backup":
    make_backup(args[0], kind="manual", folder=args[1])
else:
    restore_backup(args[0], args[1], folder=args[2])
print("done", flush=True)
"""


def make_big_database(path: Path, bills: int = BILL_ROWS) -> Path:
    """A migrated database with one property, ten meters and `bills` bills, written quickly with executemany."""
    from espm_desktop.db.engine import upgrade_database

    upgrade_database(path, backup_folder=path.parent / "upgrade-backups")
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(
                "INSERT INTO property (id, name, street_address, city, province, postal_code, property_type,"
                " gross_floor_area_m2, created_at, updated_at) VALUES (1, 'Tour', '', 'Montréal', 'QC', '',"
                " 'office', 5000, '2024-01-01', '2024-01-01')"
            )
            con.executemany(
                "INSERT INTO meter (id, property_id, name, energy_type, unit, data_exchange_status, created_at,"
                " updated_at) VALUES (?, 1, ?, 'natural_gas', 'm3', 'not_started', '2024-01-01', '2024-01-01')",
                [(m, f"Compteur {m}") for m in range(1, 11)],
            )
            start = date(1900, 1, 1)
            con.executemany(
                "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, 0, 'manual', '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
                (
                    (
                        1 + i % 10,
                        (start + timedelta(days=i // 10)).isoformat(),
                        (start + timedelta(days=i // 10)).isoformat(),
                        float(i % 997),
                        f"{i % 5000}.{i % 100:02d}",
                    )
                    for i in range(bills)
                ),
            )
    finally:
        con.close()
    return path


def bill_rows(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM bill ORDER BY id").fetchall()
    finally:
        con.close()


def quick_check(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return "; ".join(str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall())
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()


def journal_mode(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        con.close()


Rows = list[tuple[object, ...]]
_ROWS_CACHE: dict[tuple[str, int] | None, tuple[Rows, Rows]] = {}


@dataclass(frozen=True)
class RestoreSetup:
    db: Path
    folder: Path
    backup: Path
    old_rows: list[tuple[object, ...]]
    backup_rows: list[tuple[object, ...]]


def prepare_restore(tmp: Path, template: Path | None = None, *, damaged: bool = False) -> RestoreSetup:
    """A live database, a backup of it, then changes (deletes, updates, inserts) so the two differ.

    `damaged`: the live file's first page is then overwritten, so that SQLite can't open it (old_rows is []).
    """
    tmp.mkdir(parents=True, exist_ok=True)
    db = tmp / "live.sqlite"
    if template is None:
        make_big_database(db)
    else:
        shutil.copyfile(template, db)  # the template is not connected: copying its bytes is safe
    folder = tmp / "backups"
    backup = make_backup(db, kind="manual", folder=folder).path
    key = (str(template), template.stat().st_mtime_ns) if template else None
    backup_rows = _ROWS_CACHE[key][0] if key in _ROWS_CACHE else bill_rows(db)
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        with con:
            con.execute("DELETE FROM bill WHERE id % 3 = 0")
            con.execute("UPDATE bill SET usage = usage + 1000 WHERE id % 3 = 1")
            con.execute(
                "INSERT INTO bill (meter_id, start_date, end_date, usage, estimated, source, created_at, updated_at)"
                " SELECT meter_id, date(end_date, '+50000 days'), date(end_date, '+50000 days'), 7, 1, 'manual',"
                " created_at, updated_at FROM bill WHERE id % 3 = 2 AND id < 3000"
            )
    finally:
        con.close()
    old_rows = _ROWS_CACHE[key][1] if key in _ROWS_CACHE else bill_rows(db)
    if key is not None:  # the same template and the same changes give the same rows: read them once
        _ROWS_CACHE[key] = (backup_rows, old_rows)
    if damaged:
        with open(db, "r+b") as fh:  # nothing is connected to it
            fh.write(b"\xff" * 4096)
        old_rows = []
    return RestoreSetup(db, folder, backup, old_rows, backup_rows)


def run_killed_child(args: list[str], delay_s: float | None) -> float | None:
    """Run the child and SIGKILL it `delay_s` after it is ready (None: let it finish).

    Returns the seconds from ready to done when the child finished, None when it was killed first.
    """
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args], stdout=subprocess.PIPE, cwd=REPO, env=env, text=True
    )
    assert child.stdout is not None
    try:
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError("the child process did not start")
        start = time.perf_counter()
        if delay_s is None:
            done = child.stdout.readline().strip() == "done"
            return time.perf_counter() - start if done else None
        time.sleep(delay_s)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.stdout.close()
        child.wait()
    return None


def _finished_backups_problems(db: Path, folder: Path, expected: dict[str, list[tuple[object, ...]]]) -> str:
    """Every file named like a finished backup passes quick_check and holds the rows of its kind."""
    for info in list_backups(db, folder):
        if info.path.name.startswith("."):
            return f"list_backups shows the partial file {info.path.name}"
        if not check_backup(info.path):
            return f"the finished backup {info.path.name} fails quick_check"
        if info.kind in expected and bill_rows(info.path) != expected[info.kind]:
            return f"the {info.kind} backup {info.path.name} does not hold the rows it should"
    return ""


def backup_duration(tmp: Path, template: Path | None = None) -> float:
    """Seconds one backup of the trial database takes in a child process (to spread the kill times)."""
    db = _trial_db(tmp, template)
    elapsed = run_killed_child(["backup", str(db), str(tmp / "timing-backups")], None)
    if elapsed is None:
        raise RuntimeError("the timing backup failed")
    return elapsed


def backup_trial(tmp: Path, delay_s: float, template: Path | None = None) -> str:
    db = _trial_db(tmp, template)
    rows = bill_rows(db)
    folder = tmp / "backups"
    run_killed_child(["backup", str(db), str(folder)], delay_s)
    if (check := quick_check(db)) != "ok":
        return f"the database fails quick_check after the kill: {check}"
    if bill_rows(db) != rows:
        return "the database's bills changed although only a backup was made"
    return _finished_backups_problems(db, folder, {"manual": rows}) or "intact"


def restore_duration(tmp: Path, template: Path | None = None) -> float:
    setup = prepare_restore(tmp, template)
    elapsed = run_killed_child(["restore", str(setup.backup), str(setup.db), str(setup.folder)], None)
    if elapsed is None:
        raise RuntimeError("the timing restore failed")
    return elapsed


def restore_trial_outcome(
    tmp: Path, delay_s: float, template: Path | None = None, *, damaged: bool = False
) -> tuple[str, str]:
    """("intact" or what was lost, which content the database holds: "old" or "restored").

    `damaged`: the live file can't be opened by SQLite, so the restore replaces the file (the fallback path).
    """
    setup = prepare_restore(tmp, template, damaged=damaged)
    old_bytes = setup.db.read_bytes() if damaged else b""
    run_killed_child(["restore", str(setup.backup), str(setup.db), str(setup.folder)], delay_s)
    if damaged:
        return _damaged_restore_outcome(setup, old_bytes)
    if (check := quick_check(setup.db)) != "ok":
        return f"the database fails quick_check after the kill: {check}", "?"
    rows = bill_rows(setup.db)
    if rows == setup.old_rows:
        state = "old"
    elif rows == setup.backup_rows:
        state = "restored"
    else:
        return f"the database holds a mix: {len(rows)} bills, neither the old nor the backup's", "mix"
    if (mode := journal_mode(setup.db)) != "wal":
        return f"the database is left in journal_mode {mode}", state
    expected = {"manual": setup.backup_rows, "pre-restore": setup.old_rows}
    return _finished_backups_problems(setup.db, setup.folder, expected) or "intact", state


def _damaged_restore_outcome(setup: RestoreSetup, old_bytes: bytes) -> tuple[str, str]:
    for info in list_backups(setup.db, setup.folder):
        if info.kind == "pre-restore" and info.path.read_bytes() != old_bytes:
            return f"the pre-restore copy {info.path.name} is not the damaged file's bytes", "?"
    if setup.db.read_bytes() == old_bytes:
        return "intact", "old"
    if (check := quick_check(setup.db)) != "ok":
        return f"the database is neither the old file nor a sound restore: {check}", "mix"
    if bill_rows(setup.db) != setup.backup_rows:
        return "the replaced database does not hold the backup's rows", "mix"
    if (mode := journal_mode(setup.db)) != "wal":
        return f"the database is left in journal_mode {mode}", "restored"
    return "intact", "restored"


def restore_trial(tmp: Path, delay_s: float, template: Path | None = None, *, damaged: bool = False) -> str:
    return restore_trial_outcome(tmp, delay_s, template, damaged=damaged)[0]


def _trial_db(tmp: Path, template: Path | None) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    db = tmp / "live.sqlite"
    if not db.exists():
        if template is None:
            make_big_database(db)
        else:
            shutil.copyfile(template, db)
    return db
