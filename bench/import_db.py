"""Time bill imports into an empty database against their floors, with peak memory: what the user waits for.

    python bench/import_db.py [--formats xlsx,csv] [--large] [--properties 100] [--meters 10] [--years 10]
                              [--repeat 5] [--large-properties 1000] [--large-repeat 5]

Cases: an ESPM Meter Entries workbook (bench/import_sheet.py `generate`, 39 columns) and the same bills as the
app's CSV export writes them (`generate_csv`, 11 columns), 100 properties x 10 meters x 10 years = 120,000 rows;
with --large also a CSV file of 1,000 properties = 1,200,000 rows (bench/run_all.py passes it).

Ours = what the Import dialog and `espm-desktop import` run, from the file's path to the committed transaction:
the engine opened on the database, io.espm_import.read_bills_file (file checks, layout and formats detected,
every cell parsed and checked), app.bill_import.import_into_database (properties and meters matched or created,
stored bills loaded for the duplicate, conflict and overlap checks, bills inserted, data-exchange progress,
commit), the engine closed.

Floors, the least work that puts the file's bills into the same indexed `bill` table, as issue 17 defines them:
  xlsx  python-calamine reads the sheet (`get_sheet_by_name`, `iter_rows`), the header row is found by its
        'Property Name' cell;
  csv   the csv module reads the file (`csv.reader` over the open file);
then sqlite3 `executemany` of one bill per data row as the reader hands it out (meter, start, end, usage, cost and
the same constant columns; the meter a number from a dict of ESPM meter IDs, the meters inserted after the bills
with the foreign key checked at commit), with db.engine's pragmas (foreign keys on, WAL, synchronous NORMAL), in
one transaction. The floors parse, check and convert nothing (the CSV floor stores the texts as they are) and
hold no row: the least work, and the least memory.

Each run is its own process on a fresh migrated database (made before the run, not timed); its time is measured
inside it from the first step above to the last (interpreter and module start-up left out, for both); its peak
RSS is its own (os.wait4). Runs are interleaved (floor, ours, ours, floor, …: each pair's order alternates) and
the medians reported, with each run. Both must insert the same number of bills.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
STAMP = "2024-01-01 00:00:00.000000"
CSV_COLUMNS = ("Portfolio Manager Meter ID", "Start Date", "End Date", "Usage/Quantity", "Cost ($)")
_BILL_INSERT = (
    "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, 0, 'import', ?, ?)"
)


def _fresh_db(path: Path) -> None:
    from espm_desktop.db.engine import upgrade_database

    upgrade_database(path)


def _floor_insert(db: Path, bill_rows: Iterable[Any], to_bill: Any) -> int:
    """One bill per row, streamed into executemany; the meters seen are inserted after them, the foreign key
    being checked at commit (`defer_foreign_keys`), so that the rows are read once and never held."""
    meters: dict[Any, int] = {}
    conn = sqlite3.connect(db)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):  # as db.engine sets them
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    conn.execute("PRAGMA defer_foreign_keys=ON")
    cursor = conn.executemany(_BILL_INSERT, (to_bill(meters, r) for r in bill_rows))
    bills = cursor.rowcount
    conn.execute(
        "INSERT INTO property (id, name, street_address, city, province, postal_code, property_type, "
        "gross_floor_area_m2, created_at, updated_at) VALUES (1, 'p', '', '', 'QC', '', 'other', 0, ?, ?)",
        (STAMP, STAMP),
    )
    conn.executemany(
        "INSERT INTO meter (id, property_id, name, energy_type, unit, data_exchange_status, created_at, "
        "updated_at) VALUES (?, 1, ?, 'natural_gas', 'm3', 'not_started', ?, ?)",
        ((k, f"m{k}", STAMP, STAMP) for k in meters.values()),
    )
    conn.commit()
    conn.close()
    return bills


def floor_xlsx(path: Path, db: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("Meter Entries").iter_rows()
    header = next(r for r in rows if r and r[0] == "Property Name")
    meter_col, start_col, end_col, usage_col, cost_col = (header.index(h) for h in CSV_COLUMNS)

    def to_bill(meters: dict[Any, int], r: list[Any]) -> tuple[Any, ...]:
        meter = meters.setdefault(r[meter_col], len(meters) + 1)
        start, end = r[start_col].isoformat(), r[end_col].isoformat()
        return (meter, start, end, r[usage_col], r[cost_col], STAMP, STAMP)

    bills = _floor_insert(db, rows, to_bill)
    book.close()
    return bills


def floor_csv(path: Path, db: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        meter_col, start_col, end_col, usage_col, cost_col = (header.index(h) for h in CSV_COLUMNS)

        def to_bill(meters: dict[Any, int], r: list[str]) -> tuple[Any, ...]:
            meter = meters.setdefault(r[meter_col], len(meters) + 1)
            return (meter, r[start_col], r[end_col], r[usage_col], r[cost_col], STAMP, STAMP)

        return _floor_insert(db, reader, to_bill)


def ours(path: Path, db: Path) -> int:
    from espm_desktop.app.bill_import import import_into_database
    from espm_desktop.db.engine import make_engine
    from espm_desktop.io.espm_import import read_bills_file

    engine = make_engine(db)
    plan = import_into_database(engine, [read_bills_file(path)])
    engine.dispose()
    assert not plan.errors, plan.errors[:3]
    return len(plan.bills)


def _child(kind: str, path: Path, db: Path) -> None:
    """Runs in the child process: one timed run, its result as one JSON line."""
    if kind == "ours":
        # Imported before the clock starts, as the floor's modules are: start-up is the same for both.
        import espm_desktop.app.bill_import  # noqa: F401
        import espm_desktop.db.engine  # noqa: F401
        import espm_desktop.io.espm_import  # noqa: F401
    else:
        import python_calamine  # noqa: F401
    run = ours if kind == "ours" else floor_csv if path.suffix == ".csv" else floor_xlsx
    t0 = time.perf_counter()
    bills = run(path, db)
    seconds = time.perf_counter() - t0
    stored = sqlite3.connect(db).execute("SELECT count(*) FROM bill").fetchone()[0]
    assert stored == bills, (stored, bills)
    print(json.dumps({"s": seconds, "bills": bills}))


def _run(kind: str, path: Path, db: Path, script: str) -> dict[str, float]:
    """One run of `script --child kind` on a fresh database; its JSON line, with its own peak RSS."""
    _fresh_db(db)
    with tempfile.TemporaryFile() as out:
        cmd = [sys.executable, script, "--child", kind, "--file", str(path), "--db", str(db)]
        proc = subprocess.Popen(cmd, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        text = out.read().decode()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{kind} failed on {path.name}: exit {os.waitstatus_to_exitcode(status)}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    result: dict[str, float] = json.loads(text.strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024
    return result


def measure(what: str, path: Path, repeat: int, tmp: Path, script: str = __file__) -> dict[str, Any]:
    """`repeat` runs of the floor and ours, interleaved (each pair's order alternating), as one RESULT dict."""
    runs: dict[str, list[dict[str, float]]] = {"floor": [], "ours": []}
    for n in range(repeat):
        for kind in ("floor", "ours") if n % 2 == 0 else ("ours", "floor"):
            runs[kind].append(_run(kind, path, tmp / f"{kind}.sqlite", script))
    bills = {kind: {int(r["bills"]) for r in results} for kind, results in runs.items()}
    assert bills["floor"] == bills["ours"] and len(bills["ours"]) == 1, bills
    med = {kind: statistics.median(r["s"] for r in results) for kind, results in runs.items()}
    peak = {kind: max(r["peak_mb"] for r in results) for kind, results in runs.items()}
    for kind, results in runs.items():
        times = ", ".join(f"{r['s']:.2f}" for r in results)
        print(f"  {kind:5}: median {med[kind]:.2f} s (runs {times}); peak RSS {peak[kind]:.0f} MB")
    print(f"  ratio ours/floor {med['ours'] / med['floor']:.2f}")
    return {
        "what": f"{what} ({bills['ours'].pop():,} rows, median of {repeat})",
        "ours_s": med["ours"],
        "floor_s": med["floor"],
        "peak_mb": peak["ours"],
        "floor_peak_mb": peak["floor"],
        "ours_runs_s": [r["s"] for r in runs["ours"]],
        "floor_runs_s": [r["s"] for r in runs["floor"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="xlsx,csv", help="comma-separated: xlsx, csv")
    parser.add_argument("--large", action="store_true", help="also the 1.2-million-row CSV file")
    parser.add_argument("--properties", type=int, default=100)
    parser.add_argument("--meters", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, interleaved; medians reported")
    parser.add_argument("--large-properties", type=int, default=1000)
    parser.add_argument("--large-repeat", type=int, default=5)
    parser.add_argument("--child", choices=("floor", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.file, args.db)
        return
    sys.path.insert(0, str(BENCH_DIR))
    from import_sheet import generate, generate_csv  # type: ignore[import-not-found]

    cases: list[tuple[str, str, int, int]] = []
    formats = args.formats.split(",")
    if "xlsx" in formats:
        cases.append(("xlsx", "import Meter Entries xlsx", args.properties, args.repeat))
    if "csv" in formats:
        cases.append(("csv", "import bills CSV", args.properties, args.repeat))
    if args.large:
        cases.append(("csv", "import bills CSV", args.large_properties, args.large_repeat))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for kind, what, properties, repeat in cases:
            path = tmp / f"bills_{properties}.{kind}"
            make = generate if kind == "xlsx" else generate_csv
            rows = make(path, properties, args.meters, args.years)
            print(f"{what}: {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB", flush=True)
            print("RESULT " + json.dumps(measure(what, path, max(1, repeat), tmp)), flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
