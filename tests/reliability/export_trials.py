"""Single fault trials for exports: `python -m espm_desktop export` in a real child process, killed with SIGKILL.

Each trial has its own folder: a copy of a big database, the output folder holding a previous good export, and
the child's TMPDIR (openpyxl's scratch files would land there). After the kill, the output must be byte-identical
to the previous export or be a complete new one, the output folder may hold at most one partial entry that
`espm_desktop.fs.atomic_files.is_partial_name` recognises, and the child's TMPDIR must be empty.

The pytest tests run a few trials; a campaign script can loop over `csv_export_trial` and `xlsx_export_trial`.
Each returns "intact", or a sentence saying what went wrong.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.fs.atomic_files import find_partials
from espm_desktop.io.espm_export import BILL_HEADERS
from tests.reliability.backup_trials import make_big_database

REPO = Path(__file__).resolve().parents[2]
# Sizes that make one export take about 0.5-2 s in a child (start-up included).
BILLS = {"csv": 20_000, "xlsx": 3_000}
OUT_NAMES = {"csv": "bills.csv", "xlsx": "portfolio.xlsx"}
OLD_BILLS = 10  # the previous good export: a small database, so it can't be mistaken for the new one


@dataclass(frozen=True)
class _Template:
    db: Path
    bills: int
    old_export: bytes


_TEMPLATES: dict[tuple[str, str], _Template] = {}


def _export_in_process(db: Path, fmt: str, out: Path) -> None:
    from espm_desktop.app.bill_export import ExportFormat, export_to_file
    from espm_desktop.db.engine import make_engine

    engine = make_engine(db, read_only=True)
    try:
        export_to_file(engine, ExportFormat(fmt), out)
    finally:
        engine.dispose()


def template(fmt: str, folder: Path) -> _Template:
    """The big database and the bytes of a previous good export, made once per folder and format."""
    key = (fmt, str(folder))
    if key not in _TEMPLATES:
        folder.mkdir(parents=True, exist_ok=True)
        db = make_big_database(folder / f"{fmt}-big.sqlite", BILLS[fmt])
        small = make_big_database(folder / f"{fmt}-small.sqlite", OLD_BILLS)
        old = folder / f"old.{fmt}"
        _export_in_process(small, fmt, old)
        _TEMPLATES[key] = _Template(db, BILLS[fmt], old.read_bytes())
    return _TEMPLATES[key]


@dataclass(frozen=True)
class _Trial:
    db: Path
    out: Path
    scratch: Path


def _setup(tmp: Path, fmt: str, tpl: _Template) -> _Trial:
    (tmp / "db").mkdir(parents=True)
    (tmp / "out").mkdir()
    (tmp / "systemp").mkdir()
    db = tmp / "db" / "live.sqlite"
    shutil.copyfile(tpl.db, db)  # nothing is connected to the template
    out = tmp / "out" / OUT_NAMES[fmt]
    out.write_bytes(tpl.old_export)
    return _Trial(db, out, tmp / "systemp")


def _start(trial: _Trial, fmt: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        TMPDIR=str(trial.scratch),
        ESPM_DESKTOP_BACKUP_DIR=str(trial.scratch.parent / "backups"),
    )
    args = ["export", "--db", str(trial.db), "--format", fmt, "--out", str(trial.out)]
    return subprocess.Popen(
        [sys.executable, "-m", "espm_desktop", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def export_duration(tmp: Path, fmt: str, template_folder: Path) -> tuple[float, float]:
    """(seconds until the partial file appears, seconds until the child exits) for one whole export."""
    tpl = template(fmt, template_folder)
    trial = _setup(tmp, fmt, tpl)
    start = time.perf_counter()
    child = _start(trial, fmt)
    first_partial: float | None = None
    while child.poll() is None:
        if first_partial is None and find_partials(trial.out.parent):
            first_partial = time.perf_counter() - start
        time.sleep(0.002)
    done = time.perf_counter() - start
    assert child.stderr is not None
    errors = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"the timing export failed ({child.returncode}): {errors}")
    problem = _check(trial, fmt, tpl)
    if problem != "intact":
        raise RuntimeError(f"the timing export is wrong: {problem}")
    if trial.out.read_bytes() == tpl.old_export:
        raise RuntimeError("the timing export did not replace the old file")
    return (first_partial if first_partial is not None else done * 0.5), done


def _count_rows(out: Path, fmt: str) -> tuple[int, str]:
    """(data rows, '' or what is wrong) of a finished export."""
    if fmt == "csv":
        text = out.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if not rows or tuple(rows[0]) != BILL_HEADERS:
            return 0, "the CSV header is missing"
        if any(len(r) != len(BILL_HEADERS) for r in rows):
            return 0, "a CSV line is cut short"
        return len(rows) - 1, ""
    import openpyxl

    try:
        book = openpyxl.load_workbook(out, read_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to load is the finding
        return 0, f"openpyxl can't load it ({type(exc).__name__}: {exc})"
    try:
        if book.sheetnames != ["Properties", "Meters", "Bills"]:
            return 0, f"the sheets are {book.sheetnames}"
        rows = list(book["Bills"].iter_rows(values_only=True))
    finally:
        book.close()
    if not rows or tuple(rows[0]) != BILL_HEADERS:
        return 0, "the Bills header is missing"
    return len(rows) - 1, ""


def _check(trial: _Trial, fmt: str, tpl: _Template) -> str:
    if not trial.out.exists():
        return f"{trial.out.name} is gone"
    extra = [p.name for p in trial.out.parent.iterdir() if p != trial.out]
    partials = find_partials(trial.out.parent)
    strangers = [n for n in extra if n not in {p.name for p in partials}]
    if strangers:
        return f"files the cleanup rule does not recognise were left: {strangers}"
    if len(partials) > 1:
        return f"{len(partials)} partial files were left: {[p.name for p in partials]}"
    leaked = sorted(os.listdir(trial.scratch))
    if leaked:
        return f"temporary files were left in TMPDIR: {leaked}"
    if trial.out.read_bytes() == tpl.old_export:
        return "intact"
    count, problem = _count_rows(trial.out, fmt)
    if problem:
        return f"{trial.out.name} is neither the old export nor a whole new one: {problem}"
    if count != tpl.bills:
        return f"{trial.out.name} holds {count} bills instead of {tpl.bills}"
    return "intact"


def _wait_for_first_write(child: subprocess.Popen[bytes], folder: Path) -> None:
    while child.poll() is None and not find_partials(folder):
        time.sleep(0.001)


def export_trial_outcome(
    tmp: Path, fmt: str, delay_s: float, template_folder: Path, *, from_first_write: bool = False
) -> tuple[str, str]:
    """Run one trial; returns ("intact" or the problem, the state: old/new, plus "+partial" if one was left).

    `delay_s` counts from the start of the child, or with `from_first_write` from the moment its partial file
    appears (the kill then lands in the write whatever the machine's load).
    """
    tpl = template(fmt, template_folder)
    trial = _setup(tmp, fmt, tpl)
    child = _start(trial, fmt)
    try:
        if from_first_write:
            _wait_for_first_write(child, trial.out.parent)
        time.sleep(delay_s)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        assert child.stderr is not None
        child.stderr.close()
    result = _check(trial, fmt, tpl)
    state = "old" if trial.out.exists() and trial.out.read_bytes() == tpl.old_export else "new"
    if find_partials(trial.out.parent):
        state += "+partial"
    if child.returncode not in (0, -signal.SIGKILL):
        result = f"the export exited with {child.returncode}" if result == "intact" else result
    if result == "intact":
        shutil.rmtree(tmp, ignore_errors=True)  # a campaign runs thousands; keep only the failures
    return result, state


def csv_export_trial(
    tmp: Path, delay_s: float, template_folder: Path | None = None, *, from_first_write: bool = False
) -> str:
    """A CSV export (20 000 bills) killed `delay_s` after it starts; "intact" or what went wrong."""
    folder = template_folder or tmp.parent / "templates"
    return export_trial_outcome(tmp, "csv", delay_s, folder, from_first_write=from_first_write)[0]


def xlsx_export_trial(
    tmp: Path, delay_s: float, template_folder: Path | None = None, *, from_first_write: bool = False
) -> str:
    """A portfolio workbook export (3 000 bills) killed `delay_s` after it starts; "intact" or what went wrong."""
    folder = template_folder or tmp.parent / "templates"
    return export_trial_outcome(tmp, "xlsx", delay_s, folder, from_first_write=from_first_write)[0]
