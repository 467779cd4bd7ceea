"""Kill an upgrade at a chosen statement and check what is left on disk: the starting revision, whole, or not.

A trial copies a stored fixture (tests/data/revisions), starts a child Python that counts every statement the
database engines send (a listener on the Engine class: `before_cursor_execute`, plus the COMMIT) and sends
itself SIGKILL just before statement N, then looks at the file as the next start of the app would find it.

    upgrade_kill_trial(fixture, tmp, kill_at) -> "intact" | what went wrong

Run as a script, this file is the child: `upgrade_trials.py run_upgrade|ensure_schema <db> <kill_at>`
(kill_at 0: no kill; it prints `statements=<count>` when the upgrade ends).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DIR = ROOT / "tests" / "data" / "revisions"
CHILD_TIMEOUT_S = 60.0

# A table's rows keyed by primary key; each row maps a column to (SQLite storage type, value), so a value that
# changes type (1.5 → '1.5') counts as changed.
Rows = dict[tuple[Any, ...], dict[str, tuple[str, Any]]]
Snapshot = dict[str, Rows]

# Alembic's `op` and `context` are module-level proxies: two upgrades must not run at once in one process.
_IN_PROCESS_UPGRADE = threading.Lock()


# --- what a file holds ---------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """A plain connection by file name (opening it also rolls back what a killed writer left in the journal)."""
    return sqlite3.connect(str(path), timeout=5.0)


def user_tables(con: sqlite3.Connection) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def _key_columns(con: sqlite3.Connection, table: str) -> list[str]:
    info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
    return [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5] > 0]


def snapshot(path: Path, *, include_version: bool = True) -> Snapshot:
    """Every row of every table, `SELECT * ORDER BY` the primary key."""
    con = _connect(path)
    try:
        result: Snapshot = {}
        for table in user_tables(con):
            if table == "alembic_version" and not include_version:
                continue
            keys = _key_columns(con, table)
            order = ", ".join(f'"{k}"' for k in keys) if keys else "rowid"
            cur = con.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            columns = [d[0] for d in cur.description]
            rows: Rows = {}
            for number, values in enumerate(cur.fetchall()):
                row = {c: (type(v).__name__, v) for c, v in zip(columns, values, strict=True)}
                # A table without a primary key is compared in rowid order.
                rows[tuple(row[k][1] for k in keys) if keys else (number,)] = row
            result[table] = rows
        return result
    finally:
        con.close()


def schema(path: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """Tables, indexes and triggers with their SQL as a sorted set of lines.

    Sorted because Alembic's batch rebuild writes CHECK constraints in an order that changes between runs.
    """
    con = _connect(path)
    try:
        entries = con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return {
            (kind, name, tuple(sorted(line.strip().rstrip(",").strip() for line in (sql or "").splitlines())))
            for kind, name, sql in entries
        }
    finally:
        con.close()


def revision_of(path: Path) -> list[str]:
    con = _connect(path)
    try:
        return [r for (r,) in con.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.OperationalError as exc:
        return [f"<{exc}>"]
    finally:
        con.close()


def health(path: Path) -> list[str]:
    """What `quick_check` and `foreign_key_check` find wrong (empty when the file is sound)."""
    con = _connect(path)
    try:
        problems = []
        checks = [r for (r,) in con.execute("PRAGMA quick_check")]
        if checks != ["ok"]:
            problems.append(f"quick_check: {checks[:3]}")
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:3]}")
        return problems
    finally:
        con.close()


def lost_rows(before: Snapshot, after: Snapshot, *, exact: bool) -> list[str]:
    """Rows of `before` missing or changed in `after`, compared column by column.

    exact: the two hold the same tables, rows and columns. Otherwise `after` may have new tables, new rows
    and new columns (an upgrade adds them); every recorded row must still be there with the same values.
    """
    problems: list[str] = []
    if exact and set(before) != set(after):
        problems.append(f"tables differ: {sorted(set(before) ^ set(after))}")
    for table, rows in before.items():
        if table not in after:
            problems.append(f"table {table} is gone ({len(rows)} rows)")
            continue
        later = after[table]
        missing = [key for key in rows if key not in later]
        if missing:
            problems.append(f"{table}: {len(missing)} of {len(rows)} rows lost, keys {missing[:5]}")
        changed = []
        for key, row in rows.items():
            if key not in later:
                continue
            now = later[key]
            diffs = {c: (v, now.get(c, "<no column>")) for c, v in row.items() if now.get(c) != v}
            if diffs or (exact and set(now) != set(row)):
                changed.append((key, diffs or sorted(set(now) ^ set(row))))
        if changed:
            problems.append(f"{table}: {len(changed)} rows changed, first {changed[:2]}")
        if exact and len(later) != len(rows):
            problems.append(f"{table}: {len(later)} rows instead of {len(rows)}")
    return problems


def fixture_revision(fixture: Path) -> str:
    return fixture.stem


# --- the child ---------------------------------------------------------------------------------------


def _child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    for name, sub in [("CONFIG", "config/settings.ini"), ("LOG_DIR", "log"), ("DATA_DIR", "data")]:
        env[f"ESPM_DESKTOP_{name}"] = str(tmp / "user" / sub)
    env["ESPM_DESKTOP_CACHE_DIR"] = str(tmp / "user" / "cache")
    env["ESPM_DESKTOP_BACKUP_DIR"] = str(tmp / "backups")
    env.pop("ESPM_DESKTOP_DB", None)
    return env


def _child(args: list[str], tmp: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        cwd=ROOT,
        env=_child_env(tmp),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )


def _upgrade_counting(mode: str, db: Path, kill_at: int) -> int:
    """Run the upgrade, counting statements; SIGKILL this process just before statement `kill_at`."""
    from sqlalchemy import Engine, event

    count = 0

    def tick(*_args: Any) -> None:
        nonlocal count
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    # On the class: every engine the code under test makes (the check, the migration engine) is counted.
    event.listen(Engine, "before_cursor_execute", tick)
    event.listen(Engine, "commit", tick)
    if mode == "run_upgrade":
        from espm_desktop.db.engine import run_upgrade

        run_upgrade(db)
    elif mode == "ensure_schema":
        from espm_desktop.db.schema import ensure_schema

        ensure_schema(db)
    elif mode == "old_upgrade":
        old_upgrade(db)
    else:
        raise ValueError(f"unknown mode {mode}")
    return count


def old_upgrade(db: Path, *, foreign_keys: bool = False) -> None:
    """The upgrade as it once ran, for control tests only: Python's sqlite3 deciding where transactions begin,
    so DDL commits as it goes and a kill leaves a half-migrated file. With `foreign_keys` on (as the app's
    engine had them), a batch rebuild's DROP TABLE would also cascade: env.py refuses to run then."""
    import sqlite3 as sqlite

    from alembic import command
    from sqlalchemy import create_engine, event

    from espm_desktop.db.engine import alembic_config

    engine = create_engine("sqlite://", creator=lambda: sqlite.connect(str(db)))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi: Any, _record: Any) -> None:
        dbapi.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")

    try:
        command.upgrade(alembic_config(engine), "head")
    finally:
        engine.dispose()


def _serve(warm_up: Path) -> int:
    """Fork one process per trial read from stdin ("db<TAB>kill_at"); print "<pid status>" per trial.

    Starting Python and importing SQLAlchemy, Alembic and the models takes ~0.9 s, the upgrade ~0.05 s: this
    process pays the imports once (and runs one whole upgrade of a scratch copy, so nothing is left to import
    lazily), then each trial is a fresh fork that registers the counter, upgrades and kills itself.
    """
    from espm_desktop.db.engine import run_upgrade

    with tempfile.TemporaryDirectory() as scratch:
        shutil.copyfile(warm_up, Path(scratch) / warm_up.name)
        run_upgrade(Path(scratch) / warm_up.name)
    for line in sys.stdin:
        db, kill_at = line.rstrip("\n").split("\t")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _upgrade_counting("run_upgrade", Path(db), int(kill_at))
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)
    return 0


def _child_main(argv: list[str]) -> int:
    if argv[0] == "serve":
        return _serve(Path(argv[1]))
    mode, db, kill_at = argv[0], Path(argv[1]), int(argv[2])
    print(f"statements={_upgrade_counting(mode, db, kill_at)}")
    return 0


# --- trials --------------------------------------------------------------------------------------------


def count_statements(fixture: Path, tmp: Path, *, mode: str = "run_upgrade") -> int:
    """Statements (COMMIT included) of a whole upgrade of `fixture`, without a kill."""
    work = Path(tempfile.mkdtemp(prefix=f"{fixture.stem}-count-", dir=tmp))
    db = work / fixture.name
    shutil.copyfile(fixture, db)
    done = _child([mode, str(db), "0"], work)
    if done.returncode != 0 or not done.stdout.startswith("statements="):
        raise RuntimeError(f"upgrade of {fixture.name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return int(done.stdout.strip().split("=")[1])


def _reupgrade(db: Path, before: Snapshot, work: Path) -> list[str]:
    """A plain, un-killed upgrade of what the kill left: it must reach the head with every row."""
    from espm_desktop.db.engine import head_revision, upgrade_database

    with _IN_PROCESS_UPGRADE:
        upgrade_database(db, backup_folder=work / "re-upgrade-backups")
    problems = []
    if revision_of(db) != [head_revision()]:
        problems.append(f"re-upgrade reached {revision_of(db)}, not {head_revision()}")
    problems += [f"re-upgrade: {p}" for p in health(db)]
    problems += [
        f"re-upgrade: {p}" for p in lost_rows(before, snapshot(db, include_version=False), exact=False)
    ]
    return problems


def _prepare(fixture: Path, tmp: Path, kill_at: int) -> tuple[Path, Path]:
    work = Path(tempfile.mkdtemp(prefix=f"{fixture.stem}-kill{kill_at:03d}-", dir=tmp))
    db = work / fixture.name
    shutil.copyfile(fixture, db)
    return work, db


def _judge(
    fixture: Path,
    work: Path,
    db: Path,
    kill_at: int,
    exit_code: int,
    detail: str,
    *,
    reupgrade: bool,
    mode: str,
) -> str:
    if exit_code != -signal.SIGKILL:
        return f"not killed at {kill_at}: exit {exit_code} {detail[-500:]}".strip()
    before = snapshot(fixture)
    problems = health(db)
    start = fixture_revision(fixture)
    if revision_of(db) != [start]:
        problems.append(f"revision {revision_of(db)} instead of {start}")
    if schema(db) != schema(fixture):
        extra = sorted(n for _k, n, _s in schema(db) ^ schema(fixture))
        problems.append(f"schema differs from {start}: {extra[:8]}")
    problems += lost_rows(before, snapshot(db), exact=True)
    if mode == "ensure_schema":
        backups = sorted((work / "backups").rglob("*pre-upgrade*.sqlite"))
        if len(backups) != 1:
            problems.append(f"{len(backups)} pre-upgrade backups instead of 1")
        else:
            problems += [f"backup: {p}" for p in lost_rows(before, snapshot(backups[0]), exact=True)]
    if reupgrade and not problems:
        problems += _reupgrade(db, snapshot(fixture, include_version=False), work)
    if not problems:
        shutil.rmtree(work, ignore_errors=True)  # keep only the files that show a problem
    return "; ".join(problems) or "intact"


def upgrade_kill_trial(
    fixture: Path, tmp: Path, kill_at: int, *, reupgrade: bool = False, mode: str = "run_upgrade"
) -> str:
    """Kill the upgrade of a copy of `fixture` at statement `kill_at`; "intact" or what is wrong with the file.

    Intact: the process died by SIGKILL, the file passes quick_check and foreign_key_check, its revision and
    its schema are exactly the fixture's, and every row is there unchanged. `reupgrade` also upgrades the
    file afterwards and checks that every row reaches the head. `mode="ensure_schema"` kills the app's own
    start-up path (backup first), and checks that the backup holds the fixture's rows. One fresh Python per
    trial (~1 s); `run_trials` runs many faster.
    """
    work, db = _prepare(fixture, tmp, kill_at)
    done = _child([mode, str(db), str(kill_at)], work)
    detail = f"{done.stdout.strip()} {done.stderr.strip()}"
    return _judge(fixture, work, db, kill_at, done.returncode, detail, reupgrade=reupgrade, mode=mode)


def kill_points(total: int, most: int) -> list[int]:
    """1..total, or `most` points spread over it (first and last included) when there are more."""
    if total <= most:
        return list(range(1, total + 1))
    return sorted({1 + round(i * (total - 1) / (most - 1)) for i in range(most)})


def run_trials(
    fixture: Path, tmp: Path, points: Iterable[int], *, reupgrade_every: int = 0, workers: int | None = None
) -> dict[int, str]:
    """`upgrade_kill_trial` of `run_upgrade` at every kill point, through a few forking children at once.

    Every `reupgrade_every`th point also re-upgrades what the kill left.
    """
    points = list(points)
    workers = workers or max(2, os.cpu_count() or 2)
    prepared = {n: _prepare(fixture, tmp, n) for n in points}
    shares = [points[i::workers] for i in range(workers)]

    def judge_at(n: int, code: int, detail: str) -> str:
        reupgrade = bool(reupgrade_every) and n % reupgrade_every == 0
        work, db = prepared[n]
        return _judge(fixture, work, db, n, code, detail, reupgrade=reupgrade, mode="run_upgrade")

    def serve(share: list[int]) -> dict[int, str]:
        if not share:
            return {}
        jobs = "".join(f"{prepared[n][1]}\t{n}\n" for n in share)
        done = _child(["serve", str(fixture)], Path(tmp), stdin=jobs)
        codes = done.stdout.split()
        if done.returncode != 0 or len(codes) != len(share):
            raise RuntimeError(f"trial server failed ({done.returncode}): {done.stderr[-2000:]}")
        return {n: judge_at(n, int(code), done.stderr) for n, code in zip(share, codes, strict=True)}

    results: dict[int, str] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(serve, shares):
            results.update(part)
    return dict(sorted(results.items()))


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
