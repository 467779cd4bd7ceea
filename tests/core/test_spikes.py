"""Spike and drop findings: a month against the median of the same calendar month in other years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from espm_desktop.core.calendarize import calendarize_meter
from espm_desktop.core.checks import check_meter
from espm_desktop.core.findings import Finding
from espm_desktop.core.spikes import usage_spikes
from espm_desktop.core.types import Bill, MeterData


def monthly_bills(first_year: int, years: int, usage: dict[date, float], base: float = 100.0) -> list[Bill]:
    """One bill per calendar month for `years` years; `usage` overrides some months (keyed by first day)."""
    bills = []
    for k in range(years * 12):
        start = date(first_year + k // 12, k % 12 + 1, 1)
        end = date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1)
        bills.append(Bill(start, end, usage.get(start, base)))
    return bills


def spikes(bills: list[Bill], unit: str = "m3", energy_type: str = "natural_gas") -> list[Finding]:
    return usage_spikes(calendarize_meter(MeterData("Gaz", energy_type, unit, tuple(bills))))


# (years of data, overrides, expected (code, month) findings)
CASES = [
    pytest.param(3, {}, [], id="flat-usage"),
    pytest.param(3, {date(2022, 3, 1): 301.0}, [("usage_spike", date(2022, 3, 1))], id="just-above-3x"),
    pytest.param(3, {date(2022, 3, 1): 300.0}, [], id="exactly-3x-not-flagged"),
    pytest.param(3, {date(2023, 7, 1): 33.0}, [("usage_drop", date(2023, 7, 1))], id="below-a-third"),
    pytest.param(3, {date(2023, 7, 1): 100 / 3}, [], id="exactly-a-third-not-flagged"),
    pytest.param(2, {date(2022, 3, 1): 1000.0}, [], id="one-other-year-is-not-enough"),
    pytest.param(3, {date(2024, 1, 1): 0.0}, [("usage_drop", date(2024, 1, 1))], id="zero-month-is-a-drop"),
    pytest.param(
        4,
        {date(2022, 2, 1): 0.0, date(2023, 2, 1): 0.0, date(2024, 2, 1): 0.0, date(2025, 2, 1): 50.0},
        [],
        id="median-zero-no-comparison",
    ),
    pytest.param(
        3,
        {date(2023, 1, 1): 900.0},
        [("usage_spike", date(2023, 1, 1))],
        id="one-spike-does-not-make-the-two-normal-years-drops",
    ),
    pytest.param(
        4,
        {date(2022, 5, 1): 500.0, date(2023, 5, 1): 500.0},
        [("usage_spike", date(2022, 5, 1)), ("usage_spike", date(2023, 5, 1))],
        id="two-high-years-of-four-are-the-spikes",
    ),
    pytest.param(
        5,
        {date(2022, 5, 1): 150.0, date(2023, 5, 1): 250.0, date(2024, 5, 1): 80.0},
        [],
        id="ordinary-spread-not-flagged",
    ),
    pytest.param(
        4,
        {date(2025, 12, 1): 1000.0, date(2022, 6, 1): 10.0},
        [("usage_drop", date(2022, 6, 1)), ("usage_spike", date(2025, 12, 1))],
        id="spike-and-drop-in-date-order",
    ),
]


@pytest.mark.parametrize(("years", "overrides", "expected"), CASES)
def test_spike_table(years: int, overrides: dict[date, float], expected: list[tuple[str, date]]) -> None:
    found = spikes(monthly_bills(2022, years, overrides))
    assert [(f.code, f.start) for f in found] == expected
    for f in found:
        assert f.severity == "warning" and f.meter_name == "Gaz"
        assert f.end is not None and f.start is not None and f.end.month == f.start.month


def test_message_names_value_month_and_median_in_both_languages() -> None:
    (f,) = spikes(monthly_bills(2022, 3, {date(2022, 3, 1): 1234.0}))
    assert "March 2022" in f.message_en and "1,234 m³" in f.message_en
    assert "12.3 times the median of March in the 2 other years (100 m³)" in f.message_en
    assert "mars 2022" in f.message_fr and "1\u00a0234 m³" in f.message_fr
    assert "12,3 fois la médiane de mars des 2 autres années (100 m³)" in f.message_fr
    (d,) = spikes(
        monthly_bills(2022, 3, {date(2024, 3, 1): 20.0}), unit="kWh", energy_type="electricity_grid"
    )
    assert "less than a third of the median" in d.message_en and "20 kWh" in d.message_en
    assert "moins du tiers de la médiane" in d.message_fr


def test_partly_billed_month_is_not_compared() -> None:
    bills = monthly_bills(2022, 3, {})
    # March 2024 billed only from the 15th: the half month is not a drop.
    bills = [b for b in bills if b.start != date(2024, 3, 1)] + [
        Bill(date(2024, 3, 15), date(2024, 3, 31), 5.0)
    ]
    assert spikes(bills) == []


def test_check_meter_reports_spikes_with_the_other_findings() -> None:
    meter = MeterData("Gaz", "natural_gas", "m3", tuple(monthly_bills(2022, 3, {date(2023, 1, 1): 900.0})))
    assert [f.code for f in check_meter(meter)] == ["usage_spike"]


def test_median_of_the_others_matches_statistics_median_wherever_the_month_falls() -> None:
    """The three medians `_most_unusual` picks from are the median of the pool without the month, for odd and
    even pools, with ties and zeros."""
    import random
    import statistics
    from bisect import bisect_left

    from espm_desktop.core.spikes import _medians_without

    rng = random.Random(7)
    for _ in range(3000):
        size = rng.randint(3, 14)
        ordered = sorted(float(rng.choice([rng.randint(0, 4), rng.random() * 10])) for _ in range(size))
        below, at, above = _medians_without(ordered)
        mid = (size - 1) // 2
        for value in ordered:
            k = bisect_left(ordered, value)
            others = list(ordered)
            others.remove(value)
            assert (below if k < mid else at if k == mid else above) == statistics.median(others)
