"""Build a big portfolio database fast: 1,000 properties × 3 meters × 120 monthly bills = 360,000 bills.

    python bench/make_portfolio.py OUT.sqlite [--bills 360000] [--properties 1000]

The schema comes from the app's own migrations (db.engine.upgrade_database); the rows go in with sqlite3
executemany in one transaction, stored as the app stores them (ISO dates, REAL usage, NUMERIC(14, 2) cost,
0/1 flags). About 1 in 5 bills has no cost and 1 in 10 is estimated; every third meter is grid electricity,
propane deliveries (start = end) are mixed in, so every sheet of the ESPM template gets rows.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

STAMP = "2024-01-01 00:00:00.000000"
METERS = (
    ("Électricité", "electricity_grid", "kWh"),
    ("Gaz naturel", "natural_gas", "m3"),
    ("Propane", "propane", "L"),
)


def build(path: Path, bills: int = 360_000, properties: int = 1_000) -> int:
    """Create `path` (replaced if it exists) with `bills` bills over `properties` properties; returns bills."""
    from espm_desktop.db.engine import upgrade_database

    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    upgrade_database(path)
    rng = random.Random(360)
    per_meter = max(1, -(-bills // (properties * len(METERS))))
    prop_rows, meter_rows, bill_rows = [], [], []
    meter_id = 0
    for p in range(1, properties + 1):
        prop_rows.append(
            (
                p,
                f"Succursale {rng.randint(1, 99999):05d}",
                f"{p} rue Principale",
                "Montréal",
                "QC",
                "H2X 1Y4",
                str(22_000_000 + p),
                "bank_branch",
                800.0 + p,
                12.0,
                50.0,
                10,
                100.0,
                100.0,
                12,
                STAMP,
                STAMP,
            )
        )
        for name, kind, unit in METERS:
            if len(bill_rows) >= bills:
                break
            meter_id += 1
            meter_rows.append(
                (
                    meter_id,
                    p,
                    name,
                    kind,
                    unit,
                    "2014-01-01",
                    str(139_000_000 + meter_id),
                    "not_started",
                    STAMP,
                    STAMP,
                )
            )
            start = date(2014, 1, 1) + timedelta(days=rng.randint(0, 20))
            for _ in range(min(per_meter, bills - len(bill_rows))):
                days = 0 if kind == "propane" and rng.random() < 0.5 else rng.randint(27, 33)
                end = start + timedelta(days=days)
                usage = round(rng.uniform(100, 20_000), 1)
                cost = None if rng.random() < 0.2 else round(usage * 0.0917, 2)
                bill_rows.append(
                    (
                        meter_id,
                        start.isoformat(),
                        end.isoformat(),
                        usage,
                        cost,
                        int(rng.random() < 0.1),
                        "import",
                        STAMP,
                        STAMP,
                    )
                )
                start = end + timedelta(days=1)
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO property (id, name, street_address, city, province, postal_code, espm_property_id, "
            "property_type, gross_floor_area_m2, workers, weekly_hours, computers, percent_heated, percent_cooled, "
            "months_in_operation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            prop_rows,
        )
        con.executemany(
            "INSERT INTO meter (id, property_id, name, energy_type, unit, active_date, espm_meter_id, "
            "data_exchange_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            meter_rows,
        )
        con.executemany(
            "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            bill_rows,
        )
    con.close()
    return len(bill_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--bills", type=int, default=360_000)
    parser.add_argument("--properties", type=int, default=1_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    count = build(args.out, args.bills, args.properties)
    print(f"{count:,} bills in {args.out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
