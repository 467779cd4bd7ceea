"""Trials for the lock-loss fault: a file dialog in the window's process must not drop SQLite's locks.

POSIX gives fcntl locks to the process: closing ANY descriptor of the database drops them all (see
`espm_desktop.ui.file_dialogs`). The window runs in a child process so /proc/locks shows only its own locks
and it can be killed like a real crash:

    python -m tests.reliability.dialog_trials locks DB              -> JSON: the window's locks before/after
    python -m tests.reliability.dialog_trials window DB safe|plain  -> "ready", reads "save", "saved", waits

`dialog_probe_trial` is the end-to-end probe (window + CLI import + 3 saves + SIGKILL) for campaign scripts.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from select import select as fd_select
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PROC_LOCKS = Path("/proc/locks")
PROPERTY, METER = "Tour A", "Gaz"
BASE_BILLS = 100
# The bills the window saves after the other program has run: one session and commit each, as a page does.
WINDOW_BILLS = [(date(2040, m, 1), date(2040, m, 28), 10.0 * m) for m in (1, 2, 3)]
WAIT_S = 20.0


# -- the database ------------------------------------------------------------------------------------------
def _bills_csv(path: Path, months: range) -> Path:
    rows = ["Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units"]
    for i in months:
        year, month = 2010 + i // 12, i % 12 + 1
        end = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        rows.append(
            f"{PROPERTY},{METER},Natural Gas,{date(year, month, 1)},{date.fromordinal(end)},{100 + i},"
            "cm (cubic meters)"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def make_bills_database(folder: Path, bills: int = BASE_BILLS) -> Path:
    """A database of `bills` monthly gas bills for one meter, written by the CLI import."""
    from espm_desktop import cli

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bills.sqlite"
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["import", "--db", str(db), str(_bills_csv(folder / "base.csv", range(bills)))])
    assert code == 0, f"setup import failed with exit code {code}"
    return db


def bill_periods(db: Path) -> set[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return {(str(s), str(e)) for s, e in con.execute("SELECT start_date, end_date FROM bill")}
    finally:
        con.close()


# -- /proc/locks -------------------------------------------------------------------------------------------
def locks_held(pid: int, paths: list[Path]) -> dict[str, list[str]]:
    """The POSIX locks `pid` holds on each of `paths` (by device and inode), as '/proc/locks' shows them."""
    wanted: dict[tuple[int, int, int], str] = {}
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            st = p.stat()
            wanted[(os.major(st.st_dev), os.minor(st.st_dev), st.st_ino)] = p.name
    held: dict[str, list[str]] = {name: [] for name in wanted.values()}
    for line in PROC_LOCKS.read_text().splitlines():
        fields = line.replace("->", "").split()
        # "1: POSIX  ADVISORY  READ 1234 fd:01:567 128 128"
        if len(fields) < 8 or fields[1] != "POSIX" or int(fields[4]) != pid:
            continue
        major, minor, inode = fields[5].split(":")
        name = wanted.get((int(major, 16), int(minor, 16), int(inode)))
        if name is not None:
            held[name].append(f"{fields[3]} {fields[6]}-{fields[7]}")
    return held


# -- the window's side (child process) ---------------------------------------------------------------------
def _show_dialog_and_wait(folder: Path, safe: bool) -> Any:
    """Show a non-modal file dialog on `folder` and return once its model has listed it and painted."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    from espm_desktop.ui.file_dialogs import build_file_dialog

    app = QApplication.instance() or QApplication([])
    if safe:
        dialog = build_file_dialog(None, "Import bills", str(folder), "All files (*)")
    else:  # what QFileDialog.getOpenFileName shows on Linux: Qt's widget dialog, Qt's default icon provider
        dialog = QFileDialog(None, "Import bills", str(folder), "All files (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    loop = QEventLoop()
    loaded: list[str] = []

    def on_loaded(path: str) -> None:
        if Path(path) == folder:
            loaded.append(path)
            loop.quit()

    model.directoryLoaded.connect(on_loaded)
    dialog.show()
    if not loaded:
        QTimer.singleShot(int(WAIT_S * 1000), loop.quit)
        loop.exec()
    assert loaded, f"the dialog never listed {folder}"
    # The icon and type of each row are asked for when the view paints, on the GUI thread: let it paint.
    _pump(app, 0.3)
    dialog.grab()
    _pump(app, 0.2)
    return dialog


def _pump(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _open_app_engine(db: Path) -> Any:
    """The app's engine with one pooled connection that has read the database (SQLite holds its locks)."""
    from sqlalchemy import func, select

    from espm_desktop.db import models
    from espm_desktop.db.engine import make_engine

    engine = make_engine(db)
    with engine.connect() as conn:
        conn.execute(select(func.count()).select_from(models.BillRecord)).scalar_one()
    return engine


def _files_of(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def child_locks(db: Path) -> None:
    """Print the window's locks: after opening, after the safe dialog, after Qt's default dialog."""
    engine = _open_app_engine(db)
    report = {"before": locks_held(os.getpid(), _files_of(db))}
    dialogs = [_show_dialog_and_wait(db.parent, safe=True)]
    report["after_safe_dialog"] = locks_held(os.getpid(), _files_of(db))
    dialogs.append(_show_dialog_and_wait(db.parent, safe=False))
    report["after_default_dialog"] = locks_held(os.getpid(), _files_of(db))
    print(json.dumps(report), flush=True)
    engine.dispose()


def child_window(db: Path, safe: bool) -> None:
    """The window: open, show a dialog on the folder, 'ready'; on 'save' store 3 bills, 'saved'; then idle."""
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

    engine = _open_app_engine(db)
    dialog = _show_dialog_and_wait(db.parent, safe)
    app = QApplication.instance()
    print("ready", flush=True)
    while True:  # keep the event loop turning, as the window would, while the other program runs
        _pump(app, 0.02)
        readable, _, _ = fd_select([sys.stdin], [], [], 0)
        if readable and sys.stdin.readline().strip() == "save":
            break
    with Session(engine) as s:
        meter_id = s.scalars(select(models.Meter.id).where(models.Meter.name == METER)).one()
    for start, end, usage in WINDOW_BILLS:
        with Session(engine) as s, s.begin():
            s.add(models.BillRecord(meter_id=meter_id, start_date=start, end_date=end, usage=usage))
    with Session(engine) as s:  # the window shows them: they are committed as far as it can tell
        shown = s.scalars(
            select(models.BillRecord.id).where(models.BillRecord.start_date >= date(2040, 1, 1))
        ).all()
    print(f"saved {len(shown)}", flush=True)
    while dialog.isVisible():
        _pump(app, 0.05)


# -- the test's side ---------------------------------------------------------------------------------------
def _child(args: list[str], tmp: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.dialog_trials", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=(tmp / "child-stderr.txt").open("w"),
        text=True,
        bufsize=1,
    )


def _line_reader(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.strip())
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _expect(lines: queue.Queue[str], prefix: str, tmp: Path) -> str:
    try:
        line = lines.get(timeout=WAIT_S)
    except queue.Empty:
        line = "(nothing)"
    if not line.startswith(prefix):
        stderr = (tmp / "child-stderr.txt").read_text()[-2000:]
        raise AssertionError(f"window said {line!r}, expected {prefix!r}; its stderr:\n{stderr}")
    return line


def window_locks(tmp: Path) -> dict[str, dict[str, list[str]]]:
    """Run `child_locks` on a fresh database in `tmp`: the window's locks before and after each dialog."""
    db = make_bills_database(tmp, bills=3)
    proc = _child(["locks", str(db)], tmp)
    out, _ = proc.communicate(timeout=WAIT_S * 2)
    assert proc.returncode == 0, (tmp / "child-stderr.txt").read_text()[-2000:]
    result: dict[str, dict[str, list[str]]] = json.loads(out.strip().splitlines()[-1])
    return result


def dialog_probe_trial(tmp: Path, use_safe_dialog: bool = True) -> str:
    """One probe: the window shows a dialog on the database's folder, the CLI imports into the same file,
    the window saves 3 bills, the window is killed. "intact", or what was lost."""
    db = make_bills_database(tmp)
    cli_csv = _bills_csv(tmp / "cli.csv", range(BASE_BILLS, BASE_BILLS + 1))
    proc = _child(["window", str(db), "safe" if use_safe_dialog else "plain"], tmp)
    try:
        lines = _line_reader(proc)
        _expect(lines, "ready", tmp)
        cli = subprocess.run(
            [sys.executable, "-m", "espm_desktop", "import", "--db", str(db), str(cli_csv)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=WAIT_S * 2,
        )
        assert cli.returncode == 0, cli.stderr
        assert json.loads(cli.stdout)["imported"] == 1, cli.stdout
        assert proc.stdin is not None
        proc.stdin.write("save\n")
        proc.stdin.flush()
        saved = _expect(lines, "saved", tmp)
        assert saved == f"saved {len(WINDOW_BILLS)}", saved
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=WAIT_S)
    found = bill_periods(db)
    window = {(str(s), str(e)) for s, e, _ in WINDOW_BILLS}
    lost_window = len(window - found)
    lost_cli = 1 - len(found & bill_periods_of_csv(cli_csv))
    expected = BASE_BILLS + 1 + len(WINDOW_BILLS)
    if not lost_window and not lost_cli and len(found) == expected:
        return "intact"
    return (
        f"lost {lost_window} of {len(WINDOW_BILLS)} bills the window saved and {lost_cli} of 1 imported: "
        f"{len(found)} bills instead of {expected}"
    )


def bill_periods_of_csv(path: Path) -> set[tuple[str, str]]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {(r.split(",")[3], r.split(",")[4]) for r in rows if r}


def main(argv: list[str]) -> int:
    if argv[0] == "locks":
        child_locks(Path(argv[1]))
    elif argv[0] == "window":
        child_window(Path(argv[1]), safe=argv[2] == "safe")
    else:
        raise SystemExit(f"unknown trial step {argv[0]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
