"""Generate a large ESPM 'Meter Entries' workbook and time the import parse alone (no database).

    python bench/import_sheet.py [--properties 100] [--meters 10] [--years 10] [--keep PATH]

100 properties x 10 meters x 10 years of monthly bills = 120,000 rows in ESPM's export layout (title rows,
header row with 'Property Name', 39 columns, 'Not Available' in empty fields).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from espm_desktop.io.espm_import import read_bills_file

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--properties", type=int, default=100)
    parser.add_argument("--meters", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="write the workbook here instead of a temporary file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "meter_entries_bench.xlsx"
        t0 = time.perf_counter()
        rows = generate(path, args.properties, args.meters, args.years)
        t1 = time.perf_counter()
        print(f"generated {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB in {t1 - t0:.1f} s")
        t2 = time.perf_counter()
        batch = read_bills_file(path)
        t3 = time.perf_counter()
        assert len(batch.rows) == rows and not batch.errors, (len(batch.rows), batch.errors[:3])
        print(
            f"parsed {len(batch.rows):,} rows ({len(batch.errors)} errors) in {t3 - t2:.2f} s "
            f"= {len(batch.rows) / (t3 - t2):,.0f} rows/s"
        )
        what = f"parse Meter Entries sheet ({rows:,} rows)"
        print(
            "RESULT "
            + json.dumps(
                {
                    "what": what,
                    "ours_s": t3 - t2,
                    "floor_s": None,
                    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                }
            )
        )


if __name__ == "__main__":
    main()
