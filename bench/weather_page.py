"""Weather page benchmark: time to open the page on a station with 3, 6, 12 and 24 years of daily data.

    python bench/weather_page.py [--runs 5] [--years 3,6,12,24]

Each size gets its own temporary database (upgraded by `upgrade_database`, then one station's daily rows written
with sqlite3 executemany). A run builds the real WeatherPage offscreen, shows it, selects the station and processes
events until its monthly table is filled; the sizes are interleaved run by run. "cold" runs first forget the
in-process monthly degree-days cache (the first opening in a session), "warm" runs reuse it. Prints the medians
per size (goal: ≤ 150 ms at 24 years, growing linearly) and one RESULT line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_database(path: Path, years: int) -> int:
    """One station with `years` whole years of daily rows ending 2024-12-31 (a few missing, some estimated)."""
    from espm_desktop.db.engine import upgrade_database

    upgrade_database(path)
    first = date(2025 - years, 1, 1)
    rows = []
    day = first
    k = 0
    while day <= date(2024, 12, 31):
        k += 1
        mean = round(6.0 - 16.0 * ((day.month - 7) ** 2 / 36.0 - 0.5) + (k % 7) * 0.3, 1)
        if k % 97 == 0:  # a day without data now and then: the "missing days" column is not always 0
            rows.append((day.isoformat(), None, None, None, "M"))
        else:
            flags = "E" if k % 53 == 0 else ""
            rows.append((day.isoformat(), mean, max(18.0 - mean, 0.0), max(mean - 18.0, 0.0), flags))
        day += timedelta(days=1)
    con = sqlite3.connect(path)
    with con:
        cur = con.execute(
            "INSERT INTO weather_station (climate_id, name, province, created_at) VALUES (?, ?, ?, ?)",
            ("7028124", "SHERBROOKE A", "QUEBEC", "2025-01-01 00:00:00"),
        )
        station_id = int(cur.lastrowid or 0)
        con.executemany(
            "INSERT INTO weather_day (station_id, day, mean_temp_c, hdd, cdd, flags) VALUES (?, ?, ?, ?, ?, ?)",
            [(station_id, *r) for r in rows],
        )
    con.close()
    return station_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", default="3,6,12,24")
    args = parser.parse_args()
    sizes = [int(y) for y in args.years.split(",")]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from espm_desktop.db import weather as db_weather
    from espm_desktop.ui.context import AppContext
    from espm_desktop.ui.pages.weather import WeatherPage

    forget = getattr(db_weather, "forget_monthly_degree_days", None)
    with tempfile.TemporaryDirectory() as tmp:
        stations: dict[int, tuple[AppContext, int]] = {}
        for years in sizes:
            path = Path(tmp) / f"weather_{years}y.sqlite"
            t0 = time.perf_counter()
            sid = build_database(path, years)
            print(
                f"database: 1 station × {years} years of daily rows, built in {time.perf_counter() - t0:.1f} s"
            )
            stations[years] = (AppContext(str(path)), sid)

        def open_once(years: int, cold: bool) -> float:
            ctx, sid = stations[years]
            if cold and forget is not None:
                forget()
            page = WeatherPage(ctx)
            page.resize(1100, 700)
            t0 = time.perf_counter()
            page.show()
            page.select_station(sid)
            app.processEvents()
            elapsed = (time.perf_counter() - t0) * 1000
            assert page.months_table.rowCount() == years * 12, page.months_table.rowCount()
            page.close()
            page.deleteLater()
            app.processEvents()
            return elapsed

        cold: dict[int, list[float]] = {y: [] for y in sizes}
        warm: dict[int, list[float]] = {y: [] for y in sizes}
        for _ in range(args.runs):
            for years in sizes:
                cold[years].append(open_once(years, cold=True))
                warm[years].append(open_once(years, cold=False))
        for ctx, _sid in stations.values():
            ctx.dispose()
    print(
        f"platform: {app.platformName()}, runs per size: {args.runs}, cache forgotten for cold runs: {bool(forget)}"
    )
    for years in sizes:
        print(
            f"  {years:>2} years ({years * 12:>3} months)   cold median {statistics.median(cold[years]):7.1f} ms"
            f"   warm median {statistics.median(warm[years]):7.1f} ms   max {max(cold[years] + warm[years]):7.1f} ms"
        )
    biggest = max(sizes)
    worst = statistics.median(cold[biggest])
    print(f"opening with {biggest} years (cold): {worst:.1f} ms (goal ≤ 150 ms)")
    print(
        "RESULT "
        + json.dumps(
            {
                "what": f"weather page open, 1 station × {biggest} years of daily data (cold; goal 0.15 s)",
                "ours_s": worst / 1000,
                "floor_s": None,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "medians_ms": {
                    str(y): {"cold": statistics.median(cold[y]), "warm": statistics.median(warm[y])}
                    for y in sizes
                },
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
