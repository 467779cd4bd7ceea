from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from espm_desktop.core.calendarize import (
    calendarize_bills,
    calendarize_meter,
    calendarize_property,
    latest_full_period,
    month_index,
    period_ending,
    period_totals,
    property_rows,
)
from espm_desktop.core.types import Bill, BillTable, MeterData, PropertyData


def monthly(first: date, n: int, usage: float = 100.0) -> tuple[Bill, ...]:
    bills = []
    y, m = first.year, first.month
    for _ in range(n):
        start = date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        bills.append(Bill(start, date(y, m, 1) - timedelta(days=1), usage))
    return tuple(bills)


def test_bill_spread_evenly_end_inclusive() -> None:
    # 31 days: 16 in January (16–31), 15 in February (1–15).
    months = calendarize_bills([Bill(date(2023, 1, 16), date(2023, 2, 15), 310.0)])
    assert months == {date(2023, 1, 1): pytest.approx(160.0), date(2023, 2, 1): pytest.approx(150.0)}


def test_one_day_overlap_day_goes_to_later_bill() -> None:
    bills = [
        Bill(date(2023, 1, 1), date(2023, 1, 31), 30.0),
        Bill(date(2023, 1, 31), date(2023, 2, 28), 29.0),
    ]
    months = calendarize_bills(bills)
    # January bill spread over its 30 days (1–30); Jan 31 belongs to the second bill (29 days → 1/day).
    assert months[date(2023, 1, 1)] == pytest.approx(31.0)
    assert months[date(2023, 2, 1)] == pytest.approx(28.0)
    cal = calendarize_meter(MeterData("m", "natural_gas", "m3", tuple(bills)))
    assert cal.is_full(month_index(date(2023, 1, 1))) and cal.is_full(month_index(date(2023, 2, 1)))


@st.composite
def bill_lists(draw: st.DrawFn) -> list[Bill]:
    start = draw(st.dates(date(2000, 1, 1), date(2030, 1, 1)))
    bills = []
    for _ in range(draw(st.integers(1, 15))):
        days = draw(st.integers(1, 100))
        end = start + timedelta(days=days - 1)
        bills.append(Bill(start, end, draw(st.floats(0, 1e6)), Decimal(draw(st.integers(0, 100000))) / 100))
        step = draw(st.sampled_from([0, 1, 1, 1, 5]))  # 0 = one-day overlap, 1 = contiguous, 5 = gap
        start = end + timedelta(days=step)
    return bills


@given(bill_lists())
@settings(max_examples=200, deadline=None)
def test_calendarisation_conserves_usage_and_cost(bills: list[Bill]) -> None:
    cal = calendarize_meter(MeterData("m", "electricity_grid", "kWh", tuple(bills)))
    assert sum(cal.usage) == pytest.approx(sum(b.usage for b in bills), rel=1e-9, abs=1e-6)
    assert cal.cost is not None
    assert abs(sum(cal.cost) - sum(b.cost or 0 for b in bills)) < Decimal("1e-10")
    for c in cal.covered_days:
        assert 0 <= c <= 31


def test_thirteen_mid_month_bills_give_twelve_full_months() -> None:
    bills = []
    start = date(2022, 1, 15)
    for _ in range(13):
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 15)
        bills.append(Bill(start, nxt - timedelta(days=1), 100.0))
        start = nxt
    prop = PropertyData(
        "p", gross_floor_area_m2=100, meters=(MeterData("g", "natural_gas", "m3", tuple(bills)),)
    )
    period = latest_full_period(calendarize_property(prop))
    assert period is not None
    assert (period.start, period.end) == (date(2022, 2, 1), date(2023, 1, 31))
    twelve = PropertyData("p", meters=(MeterData("g", "natural_gas", "m3", tuple(bills[:12])),))
    assert latest_full_period(calendarize_property(twelve)) is None


def test_latest_period_needs_every_meter() -> None:
    elec = MeterData("e", "electricity_grid", "kWh", monthly(date(2020, 1, 1), 48, 1000.0))
    gas = MeterData("g", "natural_gas", "m3", monthly(date(2020, 1, 1), 30, 100.0))
    months = calendarize_property(PropertyData("p", meters=(elec, gas)))
    period = latest_full_period(months)
    assert period is not None and period.end == date(2022, 6, 30) and period.start == date(2021, 7, 1)
    totals = period_totals(months, period)
    assert totals.complete
    assert totals.site_gj == pytest.approx(12 * 1000 * 0.0036 + 12 * 100 * 0.03843)
    assert totals.source_gj == pytest.approx(12 * 1000 * 0.0036 * 1.83 + 12 * 100 * 0.03843 * 1.06)
    chosen = period_totals(months, period_ending(date(2023, 12, 1)))
    assert not chosen.complete
    assert chosen.meters[1].missing_months[0] == date(2023, 1, 1)
    rows = property_rows(months)
    assert rows[0].month == date(2020, 1, 1) and rows[0].covered_days == 2


def test_inactive_meter_not_required_after_its_inactive_date() -> None:
    old = MeterData(
        "old", "natural_gas", "m3", monthly(date(2020, 1, 1), 12), inactive_date=date(2020, 12, 31)
    )
    new = MeterData("new", "natural_gas", "m3", monthly(date(2021, 1, 1), 12), active_date=date(2021, 1, 1))
    period = latest_full_period(calendarize_property(PropertyData("p", meters=(old, new))))
    assert period is not None and period.start == date(2021, 1, 1)


def day_by_day_months(bills: list[Bill]) -> tuple[dict[int, float], dict[int, int]]:
    """The plain reading of the rule, one day at a time: usage and covered days per month index.

    Each bill's usage is spread evenly over its days; a bill ending on the day the next bill (by start, then end)
    starts gives that day up, unless it lasts that one day only.
    """
    ordered = sorted(bills, key=lambda b: (b.start, b.end))
    usage: dict[int, float] = {}
    covered: set[date] = set()
    for i, b in enumerate(ordered):
        last = b.end
        if i + 1 < len(ordered) and ordered[i + 1].start == b.end and b.end > b.start:
            last = b.end - timedelta(days=1)
        days = (last - b.start).days + 1
        day = b.start
        while day <= last:
            idx = day.year * 12 + day.month - 1
            usage[idx] = usage.get(idx, 0.0) + b.usage / days
            covered.add(day)
            day += timedelta(days=1)
    counts: dict[int, int] = {}
    for day in covered:
        idx = day.year * 12 + day.month - 1
        counts[idx] = counts.get(idx, 0) + 1
    return usage, counts


@given(bill_lists(), st.randoms(use_true_random=False))
@settings(max_examples=200, deadline=None)
def test_calendarisation_matches_the_day_by_day_rule_in_any_order_and_as_columns(
    bills: list[Bill], rng: random.Random
) -> None:
    shuffled = list(bills)
    rng.shuffle(shuffled)
    as_bills = calendarize_meter(MeterData("m", "electricity_grid", "kWh", tuple(bills)))
    # The database read gives a meter's bills as columns (a BillTable), in any order here.
    table = BillTable(*BillTable.of(shuffled).columns())
    assert calendarize_meter(MeterData("m", "electricity_grid", "kWh", table)) == as_bills
    assert table._bills is None  # calendarised from the columns: no Bill made
    usage, counts = day_by_day_months(bills)
    for k, (u, c) in enumerate(zip(as_bills.usage, as_bills.covered_days, strict=True)):
        idx = as_bills.first_month + k
        assert u == pytest.approx(usage.get(idx, 0.0), rel=1e-9, abs=1e-6)
        assert c == counts.get(idx, 0)


def test_month_end_is_the_day_before_the_next_month_inside_and_outside_the_table() -> None:
    from espm_desktop.core import calendarize

    first_kept = calendarize._BASE
    past_last = calendarize._BASE + len(calendarize._MONTH_START) - 1
    for idx in [
        *range(first_kept - 14, first_kept + 14),
        *range(past_last - 14, past_last + 14),
        2024 * 12 + 1,
    ]:
        assert calendarize.month_end(idx) == calendarize.month_start(idx + 1) - timedelta(days=1), idx
        assert calendarize.month_end_dates(idx, 3) == [calendarize.month_end(idx + k) for k in range(3)]
    assert calendarize.month_end(2024 * 12 + 1) == date(2024, 2, 29)
