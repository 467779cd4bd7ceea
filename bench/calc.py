"""Benchmark: calendarise and score 1,000 properties x 3 meters x 10 years of monthly bills.

Run: python bench/calc.py  — prints the time; the target is 1 s or less on a desktop machine.
"""

from __future__ import annotations

import json
import random
import resource
import time
from datetime import date, timedelta
from decimal import Decimal

from espm_desktop.core.calendarize import calendarize_property, latest_full_period, period_totals
from espm_desktop.core.score.bank_branch import compute_score, inputs_from_property
from espm_desktop.core.types import Bill, MeterData, PropertyData

PROPERTIES = 1_000
YEARS = 10


def mid_month_bills(rng: random.Random, first: date, months: int, per_day: float) -> tuple[Bill, ...]:
    # Real bills are read on a roughly fixed day that drifts a little; end = next start (one-day overlap).
    bills = []
    start = first
    for _ in range(months):
        end = start + timedelta(days=rng.randint(28, 33))
        days = (end - start).days
        usage = per_day * days * rng.uniform(0.7, 1.3)
        bills.append(
            Bill(start, end, round(usage, 1), Decimal(round(usage * 0.09, 2)).quantize(Decimal("0.01")))
        )
        start = end
    return tuple(bills)


def build(rng: random.Random) -> list[PropertyData]:
    props = []
    for i in range(PROPERTIES):
        first = date(2014, 1, 1) + timedelta(days=rng.randint(0, 20))
        meters = (
            MeterData(
                "Électricité", "electricity_grid", "kWh", mid_month_bills(rng, first, YEARS * 12, 450.0)
            ),
            MeterData("Gaz", "natural_gas", "m3", mid_month_bills(rng, first, YEARS * 12, 26.0)),
            MeterData(
                "Électricité 2", "electricity_grid", "kWh", mid_month_bills(rng, first, YEARS * 12, 40.0)
            ),
        )
        props.append(
            PropertyData(
                f"Succursale {i}",
                "bank_branch",
                gross_floor_area_m2=rng.uniform(400, 2000),
                workers=rng.randint(5, 30),
                weekly_hours=rng.uniform(35, 60),
                computers=rng.randint(5, 40),
                percent_heated=100,
                percent_cooled=rng.choice([50, 80, 100]),
                months_in_operation=12,
                meters=meters,
            )
        )
    return props


def main() -> None:
    props = build(random.Random(42))
    bills = sum(len(m.bills) for p in props for m in p.meters)
    t0 = time.perf_counter()
    scores = []
    for p in props:
        months = calendarize_property(p)
        period = latest_full_period(months)
        assert period is not None
        totals = period_totals(months, period)
        result = compute_score(inputs_from_property(p, totals, hdd=4500.0, cdd=200.0))
        scores.append(result.score)
    elapsed = time.perf_counter() - t0
    scored = sum(1 for s in scores if s is not None)
    print(
        f"{len(props)} properties, {bills} bills: calendarised and scored in {elapsed:.3f} s "
        f"({scored} scored, median score {sorted(s for s in scores if s is not None)[scored // 2]})"
    )
    what = f"calendarise + score ({bills:,} bills; goal 1 s)"
    print(
        "RESULT "
        + json.dumps(
            {
                "what": what,
                "ours_s": elapsed,
                "floor_s": None,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
