from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from espm_desktop.core import chart_series as cs
from espm_desktop.core.calendarize import (
    calendarize_meter,
    calendarize_property,
    meter_rows,
    month_index,
    property_rows,
)
from espm_desktop.core.degree_days import DailyWeather, monthly_degree_days
from espm_desktop.core.types import Bill, MeterData, PropertyData

ELEC = [15200, 13800, 13900, 12600, 12800, 15100, 17200, 16900, 13600, 12400, 12300, 12200]
GAS = [1750, 1550, 1250, 700, 350, 150, 100, 100, 250, 650, 1150, 1600]


def month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def monthly_meter(name: str, energy_type: str, unit: str, values: list[int], year: int = 2025) -> MeterData:
    bills = tuple(
        Bill(
            date(year + k // 12, k % 12 + 1, 1),
            month_end(year + k // 12, k % 12 + 1),
            float(v),
            cost=Decimal(v) / 10,
            estimated=(k == 2),
        )
        for k, v in enumerate(values)
    )
    return MeterData(name, energy_type, unit, bills)


@pytest.fixture
def bank() -> PropertyData:
    return PropertyData(
        "Bank",
        meters=(
            monthly_meter("Elec", "electricity_grid", "kWh", ELEC),
            monthly_meter("Gas", "natural_gas", "m3", GAS),
        ),
    )


def test_meter_series_matches_calendarised_rows(bank: PropertyData) -> None:
    meter = bank.meters[0]
    cal = calendarize_meter(meter)
    series = cs.meter_series(meter, cal)
    rows = meter_rows(cal)
    assert list(series.values) == [r.usage for r in rows] == [float(v) for v in ELEC]
    assert series.unit == "kWh"
    assert series.months[0] == month_index(date(2025, 1, 1))
    assert series.x[0] == series.months[0] + 0.5
    assert series.estimated == tuple(k == 2 for k in range(12))
    assert series.cost is not None and series.cost[0] == pytest.approx(1520.0)
    gj = cs.meter_series(meter, cal, cs.Basis.SITE_GJ)
    assert gj.values[0] == pytest.approx(15200 * 0.0036)
    src = cs.meter_series(meter, cal, cs.Basis.SOURCE_GJ)
    assert src.values[0] == pytest.approx(15200 * 0.0036 * 1.83)


def test_property_series_sums_meters_in_gj(bank: PropertyData) -> None:
    cal = calendarize_property(bank)
    series = cs.property_series(bank, cal, cs.Basis.NATIVE)
    assert series.basis is cs.Basis.SITE_GJ  # mixed units fall back to GJ
    rows = property_rows(cal)
    assert series.values == pytest.approx([r.site_gj for r in rows])
    source = cs.property_series(bank, cal, cs.Basis.SOURCE_GJ)
    assert source.values == pytest.approx([r.source_gj for r in rows])
    assert all(series.complete(k) for k in range(12))
    assert series.cost is not None and sum(series.cost) == pytest.approx(
        float(sum(r.cost or 0 for r in rows))
    )


def test_bill_steps_scale_to_an_average_month() -> None:
    meter = MeterData(
        "Gas",
        "natural_gas",
        "m3",
        (
            Bill(date(2024, 1, 1), date(2024, 2, 29), 600.0),
            Bill(date(2024, 3, 1), date(2024, 3, 31), 310.0, estimated=True),
        ),
    )
    steps = cs.bill_steps(meter)
    assert steps.x_start[0] == month_index(date(2024, 1, 1))
    assert steps.x_end[0] == month_index(date(2024, 3, 1))
    assert steps.per_month[0] == pytest.approx(600 / 60 * cs.AVERAGE_MONTH_DAYS)
    assert steps.usage == (600.0, 310.0)
    xs, ys = steps.pairs(estimated=True)
    assert len(xs) == 2 and ys[0] == pytest.approx(10 * cs.AVERAGE_MONTH_DAYS)
    assert steps.find(month_index(date(2024, 3, 1)) + 0.5) == 1


def test_year_over_year_aligns_on_the_latest_full_period() -> None:
    # 26 months from 2023-03 to 2025-04: the latest full period is 2024-05 .. 2025-04.
    values = list(range(1, 27))
    meter = MeterData(
        "M",
        "natural_gas",
        "m3",
        tuple(
            Bill(
                date(2023 + (k + 2) // 12, (k + 2) % 12 + 1, 1),
                month_end(2023 + (k + 2) // 12, (k + 2) % 12 + 1),
                float(v),
            )
            for k, v in enumerate(values)
        ),
    )
    cal = calendarize_meter(meter)
    series = cs.meter_series(meter, cal)
    period = cs.highlight_period(cal)
    assert period is not None and period.start == date(2024, 5, 1)
    yoy = cs.year_over_year(series, period)
    assert yoy.start_month == 5
    assert [line.period.start for line in yoy.lines] == [date(2022, 5, 1), date(2023, 5, 1), date(2024, 5, 1)]
    assert [line.highlighted for line in yoy.lines] == [False, False, True]
    assert list(yoy.lines[2].values) == [float(v) for v in values[-12:]]
    assert math.isnan(yoy.lines[0].values[0]) and yoy.lines[0].values[10] == 1.0


def test_year_over_year_without_full_period_uses_calendar_years() -> None:
    meter = monthly_meter("M", "natural_gas", "m3", [5, 6, 7])
    series = cs.meter_series(meter, calendarize_meter(meter))
    yoy = cs.year_over_year(series, None)
    assert yoy.start_month == 1 and not yoy.highlighted_is_full
    assert len(yoy.lines) == 1 and yoy.lines[0].values[:3] == (5.0, 6.0, 7.0)


def test_energy_mix_stacks_source_gj_by_type(bank: PropertyData) -> None:
    cal = calendarize_property(bank)
    mix = cs.energy_mix(cal)
    assert mix.energy_types == ("electricity_grid", "natural_gas")
    rows = property_rows(cal)
    assert mix.stacked()[-1] == pytest.approx([r.source_gj for r in rows])


def _weather(first: date, last: date, hdd_of_month: dict[int, float]) -> list[DailyWeather]:
    out = []
    d = first
    while d <= last:
        out.append(DailyWeather(d, None, hdd=hdd_of_month[d.month], cdd=0.0))
        d += timedelta(days=1)
    return out


def test_use_per_hdd_and_scatter() -> None:
    meter = monthly_meter("Gas", "natural_gas", "m3", GAS)
    per_day_hdd = dict(enumerate([25.0, 22.0, 18.0, 10.0, 4.0, 0.5, 0.0, 0.0, 2.0, 8.0, 15.0, 22.0], start=1))
    days = _weather(date(2025, 1, 1), date(2025, 12, 31), per_day_hdd)
    monthly = monthly_degree_days(days)
    series = cs.meter_series(meter, calendarize_meter(meter))
    per_hdd = cs.use_per_hdd(series, monthly)
    assert per_hdd.hdd[0] == pytest.approx(31 * per_day_hdd[1])
    assert per_hdd.ratio[0] == pytest.approx(1750 / (31 * per_day_hdd[1]))
    assert math.isnan(per_hdd.ratio[6]) and math.isnan(per_hdd.ratio[5])  # summer: too few HDD
    scatter = cs.bill_scatter(meter, cs.daily_hdd(days))
    assert len(scatter.hdd_per_day) == 12
    assert scatter.use_per_day[0] == pytest.approx(1750 / 31)
    assert scatter.hdd_per_day[0] == pytest.approx(per_day_hdd[1])
    assert scatter.slope is not None and scatter.slope > 0
    months = cs.month_scatter(series, monthly)
    assert months.use_per_day == pytest.approx(scatter.use_per_day)


def test_scatter_skips_bills_without_enough_weather() -> None:
    meter = monthly_meter("Gas", "natural_gas", "m3", GAS[:2])
    days = _weather(date(2025, 1, 1), date(2025, 1, 31), {1: 25.0})
    scatter = cs.bill_scatter(meter, cs.daily_hdd(days))
    assert scatter.start == (date(2025, 1, 1),)
    assert scatter.slope is None
