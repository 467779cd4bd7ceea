"""The Score page's period list: every month end and its status, as the plain rules give them period by period."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

import pytest

from espm_desktop.app.score import PeriodStatus, _period_ends, _period_statuses
from espm_desktop.core.calendarize import (
    PropertyMonths,
    calendarize_property,
    days_in_month,
    month_complete,
    month_end,
    month_end_dates,
    month_index,
    month_start,
    period_ending,
)
from espm_desktop.core.degree_days import MonthlyDegreeDays, period_degree_days
from espm_desktop.core.types import Bill, MeterData, PropertyData


def plain_statuses(
    prop: PropertyData,
    months: PropertyMonths,
    ends: Sequence[date],
    is_bank: bool,
    typed: set[date],
    monthly: Sequence[MonthlyDegreeDays] | None,
) -> tuple[PeriodStatus, ...]:
    """Each period on its own: month_complete, MeterMonths.is_required and is_full, period_degree_days."""
    without_bills = next((m.name for m in prop.meters if not m.bills), None)
    out = []
    for end in ends:
        if without_bills is not None:
            out.append(PeriodStatus(end, "meter_without_bills", without_bills))
            continue
        period = period_ending(end)
        incomplete = [i for i in period.month_indexes() if not month_complete(months, i)]
        if incomplete:
            name, count = "", len(incomplete)
            for m in months.meters:
                missing = [i for i in period.month_indexes() if m.is_required(i) and not m.is_full(i)]
                if missing:
                    name, count = m.meter_name, len(missing)
                    break
            out.append(PeriodStatus(end, "months_not_covered", name, count))
        elif (
            is_bank
            and end not in typed
            and (monthly is None or period_degree_days(monthly, period).months_without_data)
        ):
            out.append(PeriodStatus(end, "no_degree_days"))
        else:
            out.append(PeriodStatus(end))
    return tuple(out)


def random_meter(rng: random.Random, name: str) -> MeterData:
    """Bills of about a month from some month of 2015–2016 for 0 to 9 years, with gaps; sometimes active or
    inactive dates."""
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(100))
    bills = []
    for _ in range(rng.choice([0, 5, 13, 40]) if rng.random() < 0.2 else rng.randrange(60, 110)):
        end = day + timedelta(days=rng.randrange(26, 36))
        bills.append(Bill(day, end, rng.uniform(10, 100)))
        day = end + timedelta(days=1 if rng.random() < 0.97 else rng.choice([0, 20, 90]))
    active = bills[0].start + timedelta(days=rng.randrange(-90, 90)) if bills and rng.random() < 0.3 else None
    inactive = day - timedelta(days=rng.randrange(0, 400)) if rng.random() < 0.3 else None
    return MeterData(name, "natural_gas", "m3", tuple(bills), active_date=active, inactive_date=inactive)


def random_station(rng: random.Random) -> tuple[MonthlyDegreeDays, ...]:
    """One row per month from a month of 2013–2018 to one of 2019–2026, some months without data."""
    first = month_index(date(2013 + rng.randrange(6), rng.randrange(1, 13), 1))
    last = month_index(date(2019 + rng.randrange(8), rng.randrange(1, 13), 1))
    return tuple(
        MonthlyDegreeDays(
            month_start(i), 300.0, 5.0, days_in_month(i), 0 if rng.random() < 0.05 else days_in_month(i), 0
        )
        for i in range(first, last + 1)
    )


def test_period_statuses_match_the_plain_rules() -> None:
    for seed in range(400):
        _period_statuses_match_the_plain_rules(seed)


def _period_statuses_match_the_plain_rules(seed: int) -> None:
    rng = random.Random(seed)
    meters = tuple(random_meter(rng, f"Compteur {k}") for k in range(rng.randrange(1, 4)))
    prop = PropertyData("Caisse", meters=meters)
    months = calendarize_property(prop)
    ends = _period_ends(months)
    span = months.month_range()
    assert ends == (tuple(month_end(i) for i in reversed(span)) if len(span) >= 12 else ())
    monthly = rng.choice([None, (), random_station(rng)])
    typed = set(rng.sample(ends, min(len(ends), rng.randrange(3)))) if ends else set()
    is_bank = rng.random() < 0.8
    expected = plain_statuses(prop, months, ends, is_bank, typed, monthly)
    got = _period_statuses(prop, months, ends, is_bank, typed, monthly)
    assert got == expected
    # Named tuples, as the Score page and the reports read them (by field name).
    assert all(type(s) is PeriodStatus for s in got)
    assert [(s.end, s.reason, s.meter_name, s.months_missing) for s in got] == [tuple(s) for s in expected]
    full = [m.full_flags() for m in months.meters]
    assert _period_statuses(prop, months, ends, is_bank, typed, monthly, full) == expected


@pytest.mark.parametrize(
    "first", [month_index(date(1900, 1, 1)), month_index(date(2024, 5, 1)), 2199 * 12 + 6]
)
def test_month_end_dates_are_month_ends(first: int) -> None:
    count = 30
    assert month_end_dates(first, count) == [month_end(first + k) for k in range(count)]
    assert month_end_dates(first - 20, 5) == [month_end(first - 20 + k) for k in range(5)]


@pytest.mark.parametrize("length", [0, 11, 12, 13, 40, 600])
def test_window_counts_are_the_sums_of_twelve_flags(length: int) -> None:
    from espm_desktop.app.score import _window_counts

    rng = random.Random(length)
    for flags in (bytes(length), b"\x01" * length, bytes(rng.randrange(2) for _ in range(length))):
        expected = [sum(flags[a : a + 12]) for a in range(length - 11)]
        assert list(_window_counts(flags)) == expected
