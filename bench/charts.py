"""Charts benchmark: GUI-thread time to switch to a property with 100 meters × 10 years of monthly bills and draw.

    python bench/charts.py [--runs 15] [--meters 100] [--years 10]

A temporary database gets the big property (and a small one to switch from). Each run times what the GUI thread
does to show the big property after the small one, as the page does on a property switch: load its meters, bills
and weather from the database (`load_chart_data`, what the page calls once per property or data change),
calendarise and build the series, setData on the plot items and processEvents until the chart is painted. Prints
the median per chart kind and of the load alone (goal: ≤ 100 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def build_database(path: Path, meters: int, years: int) -> tuple[int, int]:
    from sqlalchemy.orm import Session

    from espm_desktop.db import models
    from espm_desktop.db.engine import make_engine, upgrade_database

    upgrade_database(path)
    engine = make_engine(path)
    kinds = [
        ("electricity_grid", "kWh", 12000.0),
        ("natural_gas", "m3", 900.0),
        ("district_steam", "GJ", 40.0),
    ]
    with Session(engine) as s, s.begin():
        big = models.Property(name="Big campus", gross_floor_area_m2=50000.0)
        for k in range(meters):
            energy_type, unit, base = kinds[k % 3] if k % 3 < 2 else kinds[k % 2]
            meter = models.Meter(name=f"Meter {k:03d}", energy_type=energy_type, unit=unit)
            for y in range(2015, 2015 + years):
                for m in range(1, 13):
                    season = 1.0 + 0.4 * abs(6.5 - m) / 5.5
                    meter.bills.append(
                        models.BillRecord(
                            start_date=date(y, m, 1),
                            end_date=month_end(y, m),
                            usage=round(base * season + k, 1),
                            cost=Decimal(round(base * season * 0.1, 2)),
                            estimated=(m == 3 and y % 4 == 0),
                        )
                    )
            big.meters.append(meter)
        small = models.Property(name="Small office", gross_floor_area_m2=500.0)
        small.meters.append(
            models.Meter(
                name="Gas",
                energy_type="natural_gas",
                unit="m3",
                bills=[
                    models.BillRecord(start_date=date(2024, 1, 1), end_date=date(2024, 1, 31), usage=100.0)
                ],
            )
        )
        s.add_all([big, small])
        s.flush()
        ids = big.id, small.id
    engine.dispose()
    return ids


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--meters", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from espm_desktop.ui.context import AppContext
    from espm_desktop.ui.pages.charts import CHART_IDS, ChartsPage, load_chart_data

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        big_id, small_id = build_database(Path(tmp) / "bench.sqlite", args.meters, args.years)
        print(
            f"database: 1 property × {args.meters} meters × {args.years} years of monthly bills "
            f"({args.meters * args.years * 12} bills), built in {time.perf_counter() - t0:.1f} s"
        )
        ctx = AppContext(str(Path(tmp) / "bench.sqlite"))
        page = ChartsPage(ctx)
        page.resize(1100, 700)
        ctx.select_property(small_id)
        page.show()
        app.processEvents()
        small = load_chart_data(ctx, small_id)
        loads: list[float] = []
        results: dict[str, list[float]] = {}
        for chart in CHART_IDS:
            page.set_chart(chart)
            times = []
            for _ in range(args.runs):
                page.set_data(small)
                page.redraw()
                app.processEvents()
                t0 = time.perf_counter()
                big = load_chart_data(ctx, big_id)  # the database load is part of a switch
                loads.append((time.perf_counter() - t0) * 1000)
                page.set_data(big)  # a new property: calendarisation is redone, nothing is cached
                page.redraw()
                app.processEvents()
                times.append((time.perf_counter() - t0) * 1000)
            results[chart] = times
        ctx.dispose()
        page.close()
        page.deleteLater()
        app.processEvents()
    print(f"platform: {app.platformName()}, runs per chart: {args.runs}")
    print(
        f"  loading the property from the database (included below): median {statistics.median(loads):.1f} ms"
    )
    for chart, times in results.items():
        print(f"  {chart:<18} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms")
    worst = max(statistics.median(t) for t in results.values())
    print(f"slowest chart median: {worst:.1f} ms (goal ≤ 100 ms)")
    what = f"slowest chart switch, database load included ({args.meters} meters × {args.years} y; goal 0.1 s)"
    print(
        "RESULT "
        + json.dumps(
            {
                "what": what,
                "ours_s": worst / 1000,
                "floor_s": None,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
