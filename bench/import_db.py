"""Time a 120,000-row Meter Entries import into an empty database against the floor, with peak memory.

    python bench/import_db.py [--workbook PATH] [--properties 100] [--meters 10] [--years 10]

Floor = python-calamine reading the sheet + sqlite3 `executemany` inserting the rows into the same schema.
Ours = read_bills_file + db.bill_import.import_into_database (matching, duplicate and overlap checks,
one transaction). Each runs in its own process so that its peak RSS (resource.getrusage) is its own.
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

BENCH_DIR = Path(__file__).resolve().parent


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fresh_db(path: Path) -> None:
    from espm_desktop.db.engine import upgrade_database

    upgrade_database(path)


def run_floor(workbook: Path, db: Path) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    book = CalamineWorkbook.from_path(str(workbook))
    rows = book.get_sheet_by_name("Meter Entries").to_python(skip_empty_area=False)
    book.close()
    t1 = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "INSERT INTO property (id, name, street_address, city, province, postal_code, property_type, "
        "gross_floor_area_m2, created_at, updated_at) VALUES (1, 'p', '', '', 'QC', '', 'other', 0, "
        "'2024-01-01', '2024-01-01')"
    )
    data = rows[6:]
    # The floor does no matching: one meter per 120 rows keeps the unique key (meter, start, end).
    meters = (len(data) + 119) // 120
    conn.executemany(
        "INSERT INTO meter (id, property_id, name, energy_type, unit, data_exchange_status, created_at, "
        "updated_at) VALUES (?, 1, ?, 'natural_gas', 'm3', 'not_started', '2024-01-01', '2024-01-01')",
        ((k + 1, f"m{k}") for k in range(meters)),
    )
    values = (
        (
            1 + i // 120,
            r[6].isoformat(),
            r[7].isoformat(),
            r[9],
            r[11],
            0,
            "import",
            "2024-01-01",
            "2024-01-01",
        )
        for i, r in enumerate(data)
    )
    conn.executemany(
        "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values,
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
        results = {}
        for kind in ("floor", "ours"):
            db = Path(tmp) / f"{kind}.sqlite"
            _fresh_db(db)
            results[kind] = _child(kind, workbook, db)
            r = results[kind]
            print(
                f"{kind:5}: read {r['read_s']:.2f} s + database {r['insert_s']:.2f} s = {r['total_s']:.2f} s "
                f"for {int(r['rows']):,} rows; peak RSS {r['peak_mb']:.0f} MB"
            )
        ratio = results["ours"]["total_s"] / results["floor"]["total_s"]
        print(
            f"ratio ours/floor: {ratio:.2f} (limit 2.0); peak RSS ours {results['ours']['peak_mb']:.0f} MB "
            "(limit 400)"
        )


if __name__ == "__main__":
    main()
