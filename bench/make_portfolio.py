"""Build a big portfolio database fast: 1,000 properties × 3 meters × 120 monthly bills = 360,000 bills.

    python bench/make_portfolio.py OUT.sqlite [--bills 360000] [--properties 1000] [--stations 3]

The properties are linked in turn to `--stations` weather stations, each with daily rows from 2013 through 2024
(what a consultant who imported ECCC files has), so the Score and Weather pages work from station degree days.

The schema comes from the app's own migrations (db.engine.upgrade_database); the rows go in with sqlite3
executemany in one transaction, stored as the app stores them (ISO dates, REAL usage, NUMERIC(14, 2) cost,
0/1 flags). About 1 in 5 bills has no cost and 1 in 10 is estimated; every third meter is grid electricity,
propane deliveries (start = end) are mixed in, so every sheet of the ESPM template gets rows.

Unless --no-sge, the app's demo SGÉ participant is added too (db/demo_sge.py: an industrial plant with its gas
meter, 3 years of bills, a station of daily temperatures and a participant's whole file), so that the SGÉ page opens
on a real file and its measured savings, as a consultant's does: one more property, meter and station.
"""

from __future__ import annotations

import argparse
import math
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


STATIONS = (
    ("7025251", "MONTREAL/PIERRE ELLIOTT TRUDEAU INTL", 45.47, -73.74),
    ("7016294", "QUEBEC/JEAN LESAGE INTL", 46.79, -71.39),
    ("7028124", "SHERBROOKE A", 45.43, -71.68),
)


def weather_days(years: range) -> list[tuple[str, float | None, float | None, float | None, str]]:
    """Daily rows (day, mean °C, HDD, CDD, flags) over `years`: a seasonal curve, a missing day now and then."""
    rows: list[tuple[str, float | None, float | None, float | None, str]] = []
    day, last = date(years.start, 1, 1), date(years.stop - 1, 12, 31)
    k = 0
    while day <= last:
        k += 1
        mean = round(6.0 - 16.0 * ((day.month - 7) ** 2 / 36.0 - 0.5) + (k % 7) * 0.3, 1)
        if k % 97 == 0:
            rows.append((day.isoformat(), None, None, None, "M"))
        else:
            hdd, cdd = round(max(18.0 - mean, 0.0), 1), round(max(mean - 18.0, 0.0), 1)
            rows.append((day.isoformat(), mean, hdd, cdd, "E" if k % 53 == 0 else ""))
        day += timedelta(days=1)
    return rows


def build(
    path: Path,
    bills: int = 360_000,
    properties: int = 1_000,
    stations: int = 3,
    usage_kind: str = "seasonal",
    sge: bool = True,
) -> int:
    """Create `path` (replaced if it exists) with `bills` bills over `properties` properties; returns bills.

    usage_kind "seasonal": each meter's use per day follows the seasons with ±15 % noise, as real bills do;
    "random": any amount from 100 to 20,000 a bill (what this script made before: the data checks then flag
    about 39 spikes and drops a property).
    """
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
                (p - 1) % stations + 1 if stations else None,
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
            per_day = rng.uniform(20, 700)
            swing = 0.15 if kind == "electricity_grid" else 0.8  # heating fuels follow the winter
            for _ in range(min(per_meter, bills - len(bill_rows))):
                days = 0 if kind == "propane" and rng.random() < 0.5 else rng.randint(27, 33)
                end = start + timedelta(days=days)
                if usage_kind == "random":
                    usage = round(rng.uniform(100, 20_000), 1)
                else:
                    season = 1 + swing * math.cos(2 * math.pi * (start.month - 1) / 12)
                    usage = round(per_day * season * max(days, 30) * rng.uniform(0.85, 1.15), 1)
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
    days = weather_days(range(2013, 2025)) if stations else []
    con = sqlite3.connect(path)
    with con:
        for sid in range(1, stations + 1):
            climate_id, name, lat, lon = STATIONS[(sid - 1) % len(STATIONS)]
            suffix = f" {sid}" if sid > len(STATIONS) else ""
            con.execute(
                "INSERT INTO weather_station (id, climate_id, name, province, latitude, longitude, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sid, climate_id + suffix.strip(), name + suffix, "QUEBEC", lat, lon, STAMP),
            )
            con.executemany(
                "INSERT INTO weather_day (station_id, day, mean_temp_c, hdd, cdd, flags) VALUES (?, ?, ?, ?, ?, ?)",
                [(sid, *row) for row in days],
            )
        con.executemany(
            "INSERT INTO property (id, name, street_address, city, province, postal_code, espm_property_id, "
            "property_type, gross_floor_area_m2, workers, weekly_hours, computers, percent_heated, percent_cooled, "
            "months_in_operation, weather_station_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
    if sge:
        from sqlalchemy.orm import Session

        from espm_desktop.db.demo_sge import populate_demo_sge
        from espm_desktop.db.engine import make_engine

        engine = make_engine(path)
        with Session(engine) as session, session.begin():
            populate_demo_sge(session)
        engine.dispose()
    return len(bill_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--bills", type=int, default=360_000)
    parser.add_argument("--properties", type=int, default=1_000)
    parser.add_argument("--stations", type=int, default=3, help="weather stations with 2013–2024 daily rows")
    parser.add_argument("--usage", choices=("seasonal", "random"), default="seasonal", help="see build()")
    parser.add_argument("--no-sge", action="store_true", help="without the demo SGÉ participant")
    args = parser.parse_args()
    t0 = time.perf_counter()
    count = build(args.out, args.bills, args.properties, args.stations, args.usage, sge=not args.no_sge)
    print(f"{count:,} bills in {args.out} in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
