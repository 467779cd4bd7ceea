"""Generate large bill files, and time what the Import dialog makes the user wait for before it shows its preview.

    python bench/import_sheet.py [--formats xlsx,csv] [--properties 100] [--meters 10] [--years 10] [--repeat 5]
                                 [--keep DIR]

100 properties x 10 meters x 10 years of monthly bills = 120,000 rows. `generate` writes ESPM's 'Meter
Entries' workbook layout (title rows, header row with 'Property Name', 39 columns, 'Not Available' in empty
fields); `generate_csv` writes the same bills in the layout of the app's own CSV export (ESPM's column names,
11 columns, ISO dates, '.' decimals, UTF-8 with BOM): what a 1.2-million-bill CSV file usually is. The
database benchmark (bench/import_db.py) imports both.

Ours = the dialog's first step: io.espm_import.read_bills_file, then app.bill_import.preview_import against an
empty database (the plan the dialog shows). Floor = reading the file alone: python-calamine's `iter_rows` of the
sheet, or the csv module's reader over the file. Runs are separate processes, interleaved, medians of --repeat
(bench/import_db.measure), each with its own peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from espm_desktop.io.espm_export import BILL_HEADERS

HEADERS = [
    "Property Name",
    "Portfolio Manager ID",
    "Portfolio Manager Meter ID",
    "Meter Name",
    "Meter Type",
    "Meter Consumption ID",
    "Start Date",
    "End Date",
    "Delivery Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
    "Estimation?",
    "Demand (kW)",
    "Demand Cost ($)",
    "Last Modified Date",
    "Last Modified By",
    "Green Power",
    "Green Power Quantity",
    "Fuel Source -Biogas %",
    "Fuel Source -Biomass %",
    "Fuel Source - Geothermal %",
    "Fuel Source - Small Hydropower %",
    "Fuel Source - Solar %",
    "Fuel Souce - Wind %",
    "Fuel Source - Unknown %",
    "Green Power Generation Location",
    "Generation Facility ID",
    "Generation Facility Name",
    "eGRID Subregion or Province",
    "On-Site Renewable System Energy Used On-Site",
    "Onsite Renewable System Energy Used Onsite Units",
    "Onsite Renewable System Energy Exported Offsite",
    "Onsite Renewable System Energy Exported Offsite Units",
    "REC Ownership",
    "Disposed Waste - Landfill %",
    "Disposed Waste - Incineration %",
    "Disposed Waste - Waste to Energy %",
    "Disposed Waste - Don't Know %",
]
METER_KINDS = [("Electric - Grid", "kWh (thousand Watt-hours)"), ("Natural Gas", "cm (cubic meters)")]


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def generate(path: Path, properties: int, meters: int, years: int) -> int:
    book = Workbook(write_only=True)
    ws = book.create_sheet("Meter Entries")
    ws.append(["My Portfolio: Benchmark"])
    ws.append(["01/01/2024 09:00 AM EST"])
    ws.append([f"Total Properties: {properties}"])
    ws.append([])
    ws.append([])
    ws.append(HEADERS)
    na = ["Not Available"] * (len(HEADERS) - 17)
    rows = 0
    consumption = 100_000_000
    for p in range(properties):
        pm_id = 5_000_000 + p
        for m in range(meters):
            meter_type, unit = METER_KINDS[m % 2]
            for k in range(years * 12):
                start = _month_start(2014, k + 1)
                end = _month_start(2014, k + 2) - timedelta(days=1)
                consumption += 1
                ws.append(
                    [
                        f"Building {p}",
                        pm_id,
                        f"{pm_id}-{m}",
                        f"Meter {m}",
                        meter_type,
                        consumption,
                        start,
                        end,
                        "Not Available",
                        1000.0 + (k * 37 + m) % 900,
                        unit,
                        round(100 + k * 1.25, 2),
                        "No",
                        "Not Available",
                        "Not Available",
                        date(2024, 1, 1),
                        "bench",
                        "No",
                        *na,
                    ]
                )
                rows += 1
    book.save(path)
    return rows


CSV_HEADERS = list(BILL_HEADERS)  # ESPM's Meter Entries export, as the app writes it


def generate_csv(path: Path, properties: int, meters: int, years: int) -> int:
    """The bills of `generate` as the app's CSV export writes them; returns the number of rows."""
    rows = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADERS)
        months = [
            (
                _month_start(2014, k + 1).isoformat(),
                (_month_start(2014, k + 2) - timedelta(days=1)).isoformat(),
            )
            for k in range(years * 12)
        ]
        for p in range(properties):
            pm_id = 5_000_000 + p
            for m in range(meters):
                meter_type, unit = METER_KINDS[m % 2]
                prefix = (f"Building {p}", pm_id, f"{pm_id}-{m}", f"Meter {m}", meter_type)
                for k, (start, end) in enumerate(months):
                    usage = 1000.0 + (k * 37 + m) % 900 + (p % 100) / 100
                    cost = round(100 + k * 1.25 + p / 100, 2)
                    writer.writerow((*prefix, start, end, repr(usage), unit, f"{cost:.2f}", "No"))
                    rows += 1
    return rows


def _child(kind: str, path: Path, db: Path) -> None:
    """Runs in the child process: one timed run, its result as one JSON line."""
    if kind == "ours":
        from espm_desktop.app.bill_import import preview_import
        from espm_desktop.db.engine import make_engine
        from espm_desktop.io.espm_import import read_bills_file

        t0 = time.perf_counter()
        engine = make_engine(db)
        plan = preview_import(engine, [read_bills_file(path)])
        engine.dispose()
        rows = len(plan.bills)
    elif path.suffix == ".csv":
        t0 = time.perf_counter()
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
    else:
        from python_calamine import CalamineWorkbook

        t0 = time.perf_counter()
        book = CalamineWorkbook.from_path(str(path))
        cells = book.get_sheet_by_name("Meter Entries").iter_rows()
        rows = len([r for r in cells]) - 6  # the title rows and the header
        book.close()
    print(json.dumps({"s": time.perf_counter() - t0, "bills": rows}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="xlsx,csv", help="comma-separated: xlsx, csv")
    parser.add_argument("--properties", type=int, default=100)
    parser.add_argument("--meters", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, interleaved; medians reported")
    parser.add_argument("--keep", type=Path, help="write the files in this folder instead of a temporary one")
    parser.add_argument("--child", choices=("floor", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.file, args.db)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from import_db import measure  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        for kind in args.formats.split(","):
            path = folder / f"bills_{args.properties}.{kind}"
            t0 = time.perf_counter()
            make = generate if kind == "xlsx" else generate_csv
            rows = make(path, args.properties, args.meters, args.years)
            print(
                f"generated {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s"
            )
            what = f"read and preview {kind} (the Import dialog's first step)"
            print(
                "RESULT " + json.dumps(measure(what, path, max(1, args.repeat), Path(name), __file__)),
                flush=True,
            )


if __name__ == "__main__":
    main()
