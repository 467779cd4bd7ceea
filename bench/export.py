"""Time the CSV, xlsx and ESPM-template exports against their floors, with peak memory.

    python bench/export.py [--bills 360000] [--runs 5] [--db PATH] [--formats csv,xlsx,espm-bills]

Ours = db.bill_export.export_to_file on a bench/make_portfolio.py database (1,000 properties).
Floors, the least work that writes the same rows from the same database:
  csv        one SELECT joining property, meter and bill in export order, csv.writer.writerows of the row
             tuples as sqlite3 hands them out, to a UTF-8-with-BOM file that is fsynced (no labels, no formats);
  xlsx       openpyxl Workbook(write_only=True) with the same sheets and cells (Properties, Meters, Bills: dates as
             date objects, the rest as stored), from one SELECT per sheet;
  espm-bills the same for the template: Instructions plus every template sheet with its headers, each bill
             appended to its sheet (chosen in the SELECT).
Each run is a fresh process; its time is measured inside it (import time left out, for both), its peak RSS is
its own (os.wait4 — RUSAGE_CHILDREN would be the highest of all children so far). Runs are interleaved
(ours, floor, ours, floor, …) and the medians reported, since the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
FORMATS = ("csv", "xlsx", "espm-bills")
_ORDER = "ORDER BY p.name, p.id, m.name, b.start_date, b.end_date"
_BILLS = (
    "SELECT p.name, p.espm_property_id, m.espm_meter_id, m.name, m.energy_type, b.start_date, b.end_date, "
    "b.usage, m.unit, b.cost, CASE WHEN b.estimated THEN 'Yes' ELSE 'No' END "
    f"FROM bill b JOIN meter m ON m.id = b.meter_id JOIN property p ON p.id = m.property_id {_ORDER}"
)


def floor_csv(db: Path, out: Path) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["h"] * 11)
        cur = con.execute(_BILLS)
        writer.writerows(cur)
        fh.flush()
        os.fsync(fh.fileno())
    return int(con.execute("SELECT count(*) FROM bill").fetchone()[0])


def floor_xlsx(db: Path, out: Path) -> int:
    import sqlite3

    from openpyxl import Workbook

    con = sqlite3.connect(db)
    to_date = date.fromisoformat
    book = Workbook(write_only=True)
    ws = book.create_sheet("Properties")
    ws.append(["h"] * 14)
    for row in con.execute(
        "SELECT espm_property_id, name, property_type, street_address, city, province, postal_code, "
        "gross_floor_area_m2, workers, weekly_hours, computers, percent_heated, percent_cooled, "
        "months_in_operation FROM property ORDER BY name, id"
    ):
        ws.append(row)
    ws = book.create_sheet("Meters")
    ws.append(["h"] * 8)
    for a, b, c, d, e, f, g, h in con.execute(
        "SELECT p.espm_property_id, p.name, m.espm_meter_id, m.name, m.energy_type, m.unit, m.active_date, "
        "m.inactive_date FROM meter m JOIN property p ON p.id = m.property_id ORDER BY p.name, p.id, m.name"
    ):
        ws.append([a, b, c, d, e, f, g and to_date(g), h and to_date(h)])
    ws = book.create_sheet("Bills")
    ws.append(["h"] * 11)
    count = 0
    for a, b, c, d, e, start, end, h, i, j, k in con.execute(_BILLS):
        ws.append([a, b, c, d, e, to_date(start), to_date(end), h, i, j, k])
        count += 1
    book.save(out)
    return count


def floor_template(db: Path, out: Path) -> int:
    import sqlite3

    from openpyxl import Workbook

    from espm_desktop.io.espm_bill_template import OTHER_TEMPLATE_HEADERS, SHEET_ORDER, TEMPLATE_HEADERS

    con = sqlite3.connect(db)
    to_date = date.fromisoformat
    book = Workbook(write_only=True)
    intro = book.create_sheet("Instructions")
    intro.append(["title"])
    intro.append(["Template Version", "v"])
    sheets = {}
    for name in SHEET_ORDER:
        ws = sheets[name] = book.create_sheet(name)
        ws.append(list(TEMPLATE_HEADERS.get(name) or OTHER_TEMPLATE_HEADERS[name]))
    count = 0
    electric, delivery, other = (sheets[n] for n in SHEET_ORDER[:3])
    for kind, mid, pid, pname, mname, mtype, start, end, usage, unit, cost, est in con.execute(
        "SELECT CASE WHEN m.energy_type = 'electricity_grid' THEN 0 WHEN b.start_date = b.end_date THEN 1 ELSE 2 "
        "END, m.espm_meter_id, p.espm_property_id, p.name, m.name, m.energy_type, b.start_date, b.end_date, "
        "b.usage, m.unit, b.cost, CASE WHEN b.estimated THEN 'Yes' ELSE 'No' END "
        f"FROM bill b JOIN meter m ON m.id = b.meter_id JOIN property p ON p.id = m.property_id {_ORDER}"
    ):
        # The demo SGÉ plant has no ESPM ids: an empty cell, as the app writes it.
        common = [
            None if mid is None else int(mid),
            None,
            None if pid is None else int(pid),
            pname,
            mname,
            mtype,
        ]
        if kind == 0:
            electric.append([*common, to_date(start), to_date(end), usage, unit, cost, None, None, est, "No"])
        elif kind == 1:
            delivery.append([*common, to_date(start), usage, unit, cost, est])
        else:
            other.append([*common, to_date(start), to_date(end), usage, unit, cost, est])
        count += 1
    book.save(out)
    return count


def ours(fmt: str, db: Path, out: Path) -> int:
    from espm_desktop.app.bill_export import ExportFormat, export_to_file
    from espm_desktop.db.engine import make_engine

    engine = make_engine(db, read_only=True)
    try:
        return export_to_file(engine, ExportFormat(fmt), out)
    finally:
        engine.dispose()


def _child(kind: str, fmt: str, db: Path, out: Path) -> None:
    import openpyxl  # noqa: F401  (imported before timing, for both)

    import espm_desktop.app.bill_export  # noqa: F401

    floors = {"csv": floor_csv, "xlsx": floor_xlsx, "espm-bills": floor_template}
    t0 = time.perf_counter()
    rows = ours(fmt, db, out) if kind == "ours" else floors[fmt](db, out)
    print(json.dumps({"seconds": time.perf_counter() - t0, "rows": rows}))


def run_child(kind: str, fmt: str, db: Path, out: Path) -> dict[str, float]:
    """One run in a fresh process: its seconds, rows and own peak RSS in MB."""
    cmd = [sys.executable, __file__, "--child", kind, "--formats", fmt, "--db", str(db), "--out", str(out)]
    with tempfile.TemporaryFile() as stdout:
        proc = subprocess.Popen(cmd, stdout=stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{kind} {fmt} failed ({proc.returncode})")
        stdout.seek(0)
        result: dict[str, float] = json.loads(stdout.read().decode().strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    result["peak_mb"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bills", type=int, default=360_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing database (else one is made with --bills)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--child", choices=("ours", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    formats = args.formats.split(",")
    if args.child:
        _child(args.child, formats[0], args.db, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            sys.path.insert(0, str(BENCH_DIR))
            from make_portfolio import build  # type: ignore[import-not-found]

            db = Path(tmp) / "portfolio.sqlite"
            print(f"made {build(db, args.bills):,} bills", file=sys.stderr)
        runs: dict[tuple[str, str], list[dict[str, float]]] = {}
        for n in range(max(1, args.runs)):
            for fmt in formats:
                for kind in ("ours", "floor") if n % 2 == 0 else ("floor", "ours"):
                    suffix = ".csv" if fmt == "csv" else ".xlsx"
                    runs.setdefault((fmt, kind), []).append(
                        run_child(kind, fmt, db, Path(tmp) / f"out{suffix}")
                    )
        for fmt in formats:
            mine, floor = runs[(fmt, "ours")], runs[(fmt, "floor")]
            assert {r["rows"] for r in mine} == {r["rows"] for r in floor}, (
                "ours and the floor wrote other rows"
            )
            ours_s = statistics.median(r["seconds"] for r in mine)
            floor_s = statistics.median(r["seconds"] for r in floor)
            result = {
                "what": f"export {fmt} ({int(mine[0]['rows']):,} bills)",
                "ours_s": ours_s,
                "floor_s": floor_s,
                "peak_mb": max(r["peak_mb"] for r in mine),
                "floor_peak_mb": max(r["peak_mb"] for r in floor),
            }
            print(
                f"{result['what']}: ours {ours_s:.2f} s, floor {floor_s:.2f} s, ratio {ours_s / floor_s:.2f}; "
                f"peak RSS ours {result['peak_mb']:.0f} MB, floor {result['floor_peak_mb']:.0f} MB "
                f"(medians of {len(mine)})"
            )
            print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
