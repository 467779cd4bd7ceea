"""The data checks' quick paths give what the plain rules give, on varied meters: bills in and out of order,
gaps, overlaps, shared days, long entries, negative usage, spikes, drops, zeros and partly billed months."""

from __future__ import annotations

import math
import random
import statistics
from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import pytest

from espm_desktop.core import checks, energy, spikes
from espm_desktop.core.calendarize import MeterMonths, calendarize_meter, month_end, month_start
from espm_desktop.core.checks import check_meter
from espm_desktop.core.findings import Finding
from espm_desktop.core.overlaps import bill_overlap
from espm_desktop.core.spikes import usage_spikes
from espm_desktop.core.types import Bill, BillTable, MeterData


def plain_bill_findings(name: str, meter_bills: Sequence[Bill]) -> list[Finding]:
    """Each bill alone, then each bill against the one reaching furthest before it, on the sorted bills."""
    bills = sorted(meter_bills, key=lambda b: (b.start, b.end))
    out: list[Finding] = []
    for b in bills:
        out.extend(checks._bill_alone_findings(name, b))
    covered_until, reaching = bills[0].end, bills[0]
    for b in bills[1:]:
        if b.start > covered_until + timedelta(days=1):
            out.append(checks._gap_finding(name, covered_until, b.start))
        elif b.start <= covered_until:
            clash = bill_overlap(b.start, b.end, reaching.start, reaching.end)
            if clash is not None:
                out.append(checks._overlap_finding(name, clash))
        if b.end > covered_until:
            covered_until, reaching = b.end, b
    return out


def spikes_by(
    cal: MeterMonths, typical_of: Callable[[list[tuple[int, float]], int, float], float]
) -> list[Finding]:
    """The spike rule spelled out: every fully billed month against `typical_of` (the median of the same calendar
    month in the other years), the farthest found first, then searched again without it."""
    by_month: dict[int, list[tuple[int, float]]] = {}
    for k, full in enumerate(cal.full_flags()):
        if full:
            by_month.setdefault((cal.first_month + k) % 12, []).append((cal.first_month + k, cal.usage[k]))
    unit = energy.unit(cal.energy_type, cal.unit)
    unit_name = energy.DataText(unit.label_en.split(" (")[0], french=unit.label_fr.split(" (")[0])
    out = []
    for pool in by_month.values():
        while len(pool) > spikes.MIN_OTHER_YEARS:
            best: tuple[float, tuple[int, float, float, int]] | None = None
            for idx, value in pool:
                typical = typical_of(pool, idx, value)
                if typical <= 0 or typical / spikes.SPIKE_FACTOR <= value <= spikes.SPIKE_FACTOR * typical:
                    continue
                distance = math.inf if value <= 0 else abs(math.log(value / typical))
                if best is None or distance > best[0]:
                    best = (distance, (idx, value, typical, len(pool) - 1))
            if best is None:
                break
            out.append(spikes._spike_finding(cal.meter_name, unit_name, *best[1]))
            pool = [p for p in pool if p[0] != best[1][0]]
    return sorted(out, key=lambda f: f.start or date.min)


def plain_spikes(cal: MeterMonths) -> list[Finding]:
    """Each month against statistics.median of the same calendar month in the other years."""
    return spikes_by(cal, lambda pool, idx, _value: statistics.median(v for i, v in pool if i != idx))


def previous_median(pool: list[tuple[int, float]], _idx: int, value: float) -> float:
    """usage_spikes's median before its quick paths: the pool sorted, the median of the others taken from the three
    that can apply (what statistics.median gives for ordinary numbers, tested above)."""
    ordered = sorted(v for _i, v in pool)
    below, at, above = spikes._medians_without(ordered)
    mid = (len(ordered) - 1) // 2
    k = bisect_left(ordered, value)
    return below if k < mid else at if k == mid else above


def plain_longest_run(full: list[bool], first_month: int) -> tuple[int, int | None]:
    best, best_first = 0, None
    for k in range(len(full)):
        run = 0
        while k + run < len(full) and full[k + run]:
            run += 1
        if run > best:
            best, best_first = run, first_month + k
    return best, best_first


def random_bills(rng: random.Random) -> list[Bill]:
    """A few years of bills, mostly back to back, with the odd gap, overlap, shared day, long or bad entry."""
    bills = []
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(60))
    for _ in range(rng.randrange(1, 70)):
        length = rng.choice([28, 30, 31, 33, 1, 70]) if rng.random() < 0.2 else rng.randrange(27, 35)
        end = day + timedelta(days=length - 1)
        if rng.random() < 0.03:
            end = day - timedelta(days=2)  # ends before it starts
        usage = rng.choice([0.0, -5.0, 1e4, 0.5]) if rng.random() < 0.1 else rng.uniform(50, 150)
        bills.append(Bill(day, end, usage))
        step = rng.random()
        if step < 0.06:
            day = end + timedelta(days=rng.randrange(2, 40))  # gap
        elif step < 0.12:
            day = end - timedelta(days=rng.randrange(0, 5))  # shared day or overlap
        else:
            day = max(end, day) + timedelta(days=1)
    if rng.random() < 0.3:
        rng.shuffle(bills)
    return bills


def test_bill_findings_match_the_plain_rules() -> None:
    for seed in range(300):
        _bill_findings_match_the_plain_rules(seed)


def _bill_findings_match_the_plain_rules(seed: int) -> None:
    bills = random_bills(random.Random(seed))
    ordered = sorted(bills, key=lambda b: (b.start, b.end))
    found = checks._bill_findings("Gaz", BillTable.of(bills))
    assert found is None or bills == ordered
    assert checks._bill_findings("Gaz", BillTable.of(ordered)) == plain_bill_findings("Gaz", bills)
    # check_meter gives the same whatever the order of the bills it is handed, as Bills or as columns
    shuffled = list(bills)
    random.Random(seed + 1).shuffle(shuffled)
    meter = MeterData("Gaz", "natural_gas", "m3", tuple(bills))
    expected = check_meter(meter)
    assert expected == check_meter(MeterData("Gaz", "natural_gas", "m3", tuple(shuffled)))
    assert expected == check_meter(MeterData("Gaz", "natural_gas", "m3", columns_of(shuffled)))


def columns_of(bills: Sequence[Bill]) -> BillTable:
    """The bills as the database read gives them: columns, no Bill made yet."""
    return BillTable(*BillTable.of(bills).columns())


def monthly_usage_bills(rng: random.Random) -> list[Bill]:
    """Calendar-month bills over 2 to 9 years: seasonal usage with spikes, drops, zeros, a missing month and
    partly billed first and last months."""
    years = rng.randrange(2, 10)
    base = rng.choice([0.0, 1.0, 100.0]) if rng.random() < 0.1 else rng.uniform(10, 1000)
    bills = []
    for k in range(years * 12):
        start = month_start(2014 * 12 + k)
        end = month_end(2014 * 12 + k)
        usage = base * (1.5 + math.sin(k / 12 * 2 * math.pi))
        r = rng.random()
        if r < 0.04:
            usage *= rng.choice([3.0, 3.2, 5.0, 40.0])
        elif r < 0.08:
            usage /= rng.choice([3.0, 3.5, 10.0])
        elif r < 0.1:
            usage = 0.0
        if rng.random() < 0.02:
            continue  # a month without a bill
        if k == 0 and rng.random() < 0.5:
            start += timedelta(days=rng.randrange(1, 20))
        if k == years * 12 - 1 and rng.random() < 0.5:
            end -= timedelta(days=rng.randrange(1, 20))
        bills.append(Bill(start, end, usage))
    return bills


def test_spikes_match_the_plain_rule() -> None:
    for seed in range(300):
        _spikes_match_the_plain_rule(seed)


def _spikes_match_the_plain_rule(seed: int) -> None:
    bills = monthly_usage_bills(random.Random(seed))
    cal = calendarize_meter(MeterData("Gaz", "natural_gas", "m3", tuple(bills)))
    assert usage_spikes(cal) == plain_spikes(cal)
    full = cal.full_flags()
    assert checks._longest_full_run(full, cal.first_month) == plain_longest_run(full, cal.first_month)


NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize(
    "values",
    [
        [100.0, 100.0, NAN, 100.0],
        [NAN, 100.0, 100.0, 100.0],
        [100.0, INF, 100.0, 100.0],
        [INF] * 4,
        [1e308] * 4,
        [1e308, 1e308, 9e307, 1e308, 1e308],
        [-5.0, 100.0, 100.0, 100.0],
        [0.0, 0.0, 1.0, 0.0],
        [1e-300, 1e-300, 5e-300, 1e-300],
    ],
)
def test_spikes_of_unusual_numbers_are_as_before(values: list[float]) -> None:
    """Pools holding a number that is not one, an infinite or a huge one take the long way, as before."""
    bills = [
        Bill(month_start(2014 * 12 + 12 * y), month_end(2014 * 12 + 12 * y), v) for y, v in enumerate(values)
    ]
    cal = calendarize_meter(MeterData("Gaz", "natural_gas", "m3", tuple(bills)))
    try:
        expected: list[Finding] | type[Exception] = spikes_by(cal, previous_median)
    except (ValueError, OverflowError) as exc:
        expected = type(exc)
    if isinstance(expected, list):
        assert repr(usage_spikes(cal)) == repr(expected)  # repr: a value that is not a number equals no other
    else:
        with pytest.raises(expected):
            usage_spikes(cal)
