"""Time a 120,000-row Meter Entries import into an empty database against the floor, with peak memory.

    python bench/import_db.py [--workbook PATH] [--properties 100] [--meters 10] [--years 10] [--repeat 3]

Floor = the least work that puts the sheet's bills into the database, as the issue defines it: python-calamine
reads the sheet (`get_sheet_by_name`, then `iter_rows`, its cheapest way to hand rows to Python), the header
row is found by its 'Property Name' cell, and sqlite3 `executemany` inserts one bill per data row (start,
end, usage, cost) into the same schema, with the same pragmas as db.engine (foreign keys on, WAL), in one
transaction. Its only "matching" is a dict from the ESPM meter ID to a meter number, so that the (meter,
start, end) key stays unique; it parses, checks and converts nothing. Its memory is what calamine needs to
hold the whole sheet, plus the rows as Python lists.

Ours = read_bills_file + db.bill_import.import_into_database: header and column detection, date and number
formats, every cell checked, properties and meters matched or created, duplicate and overlap checks,
setup progress, one transaction.

Each run is its own process, so its peak RSS (`resource.getrusage(RUSAGE_SELF).ru_maxrss`) is its own, and
starts from an empty migrated database. Both are run `--repeat` times, alternating; the best time and the
highest peak RSS of each are reported (the machine may be shared: the best time is the least disturbed).
Both must insert the same number of bills.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
STAMP = "2024-01-01 00:00:00.000000"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fresh_db(path: Path) -> None:
    from espm_desktop.db.engine import upgrade_database

    upgrade_database(path)


def run_floor(workbook: Path, db: Path) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    book = CalamineWorkbook.from_path(str(workbook))
    rows = list(book.get_sheet_by_name("Meter Entries").iter_rows())
    book.close()
    t1 = time.perf_counter()
    top = next(i for i, r in enumerate(rows) if r and r[0] == "Property Name")
    meter_col, start_col, end_col, usage_col, cost_col = (
        rows[top].index(h)
        for h in ("Portfolio Manager Meter ID", "Start Date", "End Date", "Usage/Quantity", "Cost ($)")
    )
    data = rows[top + 1 :]
    meters: dict[Any, int] = {}
    for r in data:
        meters.setdefault(r[meter_col], len(meters) + 1)
    conn = sqlite3.connect(db)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):  # as db.engine sets them
        conn.execute(f"PRAGMA {pragma}")
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
    conn.executemany(
        "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                meters[r[meter_col]],
                r[start_col].isoformat(),
                r[end_col].isoformat(),
                r[usage_col],
                r[cost_col],
                0,
                "import",
                STAMP,
                STAMP,
            )
            for r in data
        ),
    )
    conn.commit()
    t2 = time.perf_counter()
    count = conn.execute("SELECT count(*) FROM bill").fetchone()[0]
    conn.close()
    return {"read_s": t1 - t0, "insert_s": t2 - t1, "total_s": t2 - t0, "rows": count, "peak_mb": _peak_mb()}


def run_ours(workbook: Path, db: Path) -> dict[str, float]:
    from espm_desktop.db.bill_import import import_into_database
    from espm_desktop.db.engine import make_engine
    from espm_desktop.io.espm_import import read_bills_file

    engine = make_engine(db)
    t0 = time.perf_counter()
    batch = read_bills_file(workbook)
    t1 = time.perf_counter()
    plan = import_into_database(engine, [batch])
    t2 = time.perf_counter()
    engine.dispose()
    conn = sqlite3.connect(db)
    count = conn.execute("SELECT count(*) FROM bill").fetchone()[0]
    conn.close()
    assert count == len(plan.bills) and not plan.errors, (count, plan.errors[:3])
    return {"read_s": t1 - t0, "insert_s": t2 - t1, "total_s": t2 - t0, "rows": count, "peak_mb": _peak_mb()}


def _child(kind: str, workbook: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--workbook", str(workbook), "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", type=Path, help="an existing Meter Entries workbook (else generated)")
    parser.add_argument("--properties", type=int, default=100)
    parser.add_argument("--meters", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best time is reported")
    parser.add_argument("--child", choices=("floor", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = run_floor if args.child == "floor" else run_ours
        print(json.dumps(run(args.workbook, args.db)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        workbook = args.workbook
        if workbook is None:
            sys.path.insert(0, str(BENCH_DIR))
            from import_sheet import generate  # type: ignore[import-not-found]

            workbook = Path(tmp) / "meter_entries.xlsx"
            rows = generate(workbook, args.properties, args.meters, args.years)
            print(f"generated {rows:,} rows in {workbook}")
        runs: dict[str, list[dict[str, float]]] = {"floor": [], "ours": []}
        for n in range(max(1, args.repeat)):
            for kind in ("floor", "ours"):
                db = Path(tmp) / f"{kind}{n}.sqlite"
                _fresh_db(db)
                runs[kind].append(_child(kind, workbook, db))
                db.unlink()
        best = {}
        for kind, results in runs.items():
            r = best[kind] = min(results, key=lambda x: x["total_s"])
            peak = max(x["peak_mb"] for x in results)
            times = ", ".join(f"{x['total_s']:.2f}" for x in results)
            print(
                f"{kind:5}: read {r['read_s']:.2f} s + database {r['insert_s']:.2f} s = {r['total_s']:.2f} s "
                f"for {int(r['rows']):,} rows (runs: {times} s); peak RSS {peak:.0f} MB"
            )
        assert best["floor"]["rows"] == best["ours"]["rows"], "floor and ours must insert the same bills"
        ratio = best["ours"]["total_s"] / best["floor"]["total_s"]
        print(
            f"ratio ours/floor: {ratio:.2f} (limit 2.0); peak RSS ours "
            f"{max(x['peak_mb'] for x in runs['ours']):.0f} MB (limit 400)"
        )
        result = {
            "what": f"import Meter Entries ({int(best['ours']['rows']):,} rows, best of {args.repeat})",
            "ours_s": best["ours"]["total_s"],
            "floor_s": best["floor"]["total_s"],
            "peak_mb": max(x["peak_mb"] for x in runs["ours"]),
        }
        print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
