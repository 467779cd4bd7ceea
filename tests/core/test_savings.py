from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from espm_desktop.core.savings import (
    HDD,
    INTERCEPT_ONLY,
    BillingPeriod,
    NonRoutineAdjustment,
    PeriodWeather,
    SavingsInputError,
    balance_point_grid,
    compute_savings,
    cusum,
    fit_baseline,
    savings_by_program_year,
    t_quantile,
    weather_from_daily,
)

BASE = 500.0  # m³/day
SLOPE = 40.0  # m³ per HDD
BALANCE = 15.0  # °C


def daily_temps(start: date, days: int, rng: random.Random) -> dict[date, float]:
    """Montréal-like year: mean 6.5 °C, ±15 °C seasonal swing, ±3 °C day to day."""
    temps = {}
    for i in range(days):
        day = start + timedelta(days=i)
        seasonal = 6.5 - 15.0 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)
        temps[day] = seasonal + rng.gauss(0, 3)
    return temps


def monthly_bills(
    start: date, months: int, temps: dict[date, float], rng: random.Random, factor: float = 1.0
) -> list[BillingPeriod]:
    """Meter read on the 12th of each month; use = base + slope × HDD(15 °C), ±2 % noise."""
    periods = []
    read = start
    for _ in range(months):
        nxt = date(read.year + (read.month // 12), read.month % 12 + 1, read.day)
        end = nxt - timedelta(days=1)
        true = sum(
            BASE + SLOPE * max(BALANCE - temps[read + timedelta(days=i)], 0)
            for i in range((end - read).days + 1)
        )
        periods.append(BillingPeriod(read, end, true * factor * (1 + rng.gauss(0, 0.02))))
        read = nxt
    return periods


def true_use(period: BillingPeriod, temps: dict[date, float]) -> float:
    return sum(
        BASE + SLOPE * max(BALANCE - temps[period.start + timedelta(days=i)], 0) for i in range(period.days)
    )


@pytest.fixture(scope="module")
def scenario() -> tuple[list[BillingPeriod], list[BillingPeriod], dict[date, float]]:
    rng = random.Random(7)
    temps = daily_temps(date(2021, 1, 1), 1200, rng)
    baseline = monthly_bills(date(2021, 1, 12), 24, temps, rng)
    reporting = monthly_bills(date(2023, 1, 12), 12, temps, rng, factor=0.88)  # 12 % step change
    return baseline, reporting, temps


def test_fit_recovers_known_parameters(
    scenario: tuple[list[BillingPeriod], list[BillingPeriod], dict[date, float]],
) -> None:
    baseline, _, temps = scenario
    weather = weather_from_daily(baseline, temps, balance_point_grid(8, 22, 0.5))
    fit = fit_baseline(baseline, weather)
    model = fit.model
    assert model.kind == HDD
    assert model.balance_point_c is not None and abs(model.balance_point_c - BALANCE) <= 1.5
    assert model.intercept_m3_per_day == pytest.approx(BASE, rel=0.15)
    assert model.hdd_slope_m3_per_hdd == pytest.approx(SLOPE, rel=0.1)
    assert model.r_squared > 0.98
    assert model.cv_rmse < 0.05  # Guideline 14: ≤ 15 % for monthly data
    assert abs(model.nmbe) < 0.005
    assert any(c.kind == INTERCEPT_ONLY for c in fit.candidates)
    assert not fit.warnings


def test_savings_of_step_change_within_stated_uncertainty(
    scenario: tuple[list[BillingPeriod], list[BillingPeriod], dict[date, float]],
) -> None:
    baseline, reporting, temps = scenario
    grid = balance_point_grid(8, 22, 0.5)
    model = fit_baseline(baseline, weather_from_daily(baseline, temps, grid)).model
    result = compute_savings(model, reporting, weather_from_daily(reporting, temps, grid))
    true_savings = sum(true_use(p, temps) - p.usage_m3 for p in reporting)
    assert true_savings > 0
    assert 0 < result.fractional_savings_uncertainty < 0.5
    assert abs(result.avoided_m3 - true_savings) <= result.uncertainty_m3
    assert result.avoided_m3 / result.adjusted_baseline_m3 == pytest.approx(0.12, abs=0.02)
    series = cusum(result.periods)
    assert len(series) == 12 and series[-1][1] == pytest.approx(result.avoided_m3)
    assert all(b[1] > a[1] for a, b in zip(series, series[1:], strict=False))


def test_program_years_split_periods_by_day(
    scenario: tuple[list[BillingPeriod], list[BillingPeriod], dict[date, float]],
) -> None:
    baseline, reporting, temps = scenario
    grid = balance_point_grid(8, 22, 1)
    model = fit_baseline(baseline, weather_from_daily(baseline, temps, grid)).model
    result = compute_savings(model, reporting, weather_from_daily(reporting, temps, grid))
    years = savings_by_program_year(result, date(2023, 7, 1))
    assert [y.year for y in years] == [1]
    assert years[0].start == date(2023, 7, 1) and years[0].end == date(2024, 6, 30)
    in_year = [r for r in result.periods if r.period.start >= date(2023, 7, 1)]
    partial = next(r for r in result.periods if r.period.start < date(2023, 7, 1) <= r.period.end)
    share = (partial.period.end - date(2023, 7, 1)).days + 1
    expected = sum(r.avoided_m3 for r in in_year) + partial.avoided_m3 * share / partial.period.days
    assert years[0].avoided_m3 == pytest.approx(expected)


def test_non_routine_adjustment_adds_to_baseline_with_note(
    scenario: tuple[list[BillingPeriod], list[BillingPeriod], dict[date, float]],
) -> None:
    baseline, reporting, temps = scenario
    grid = (14.0, 15.0, 16.0)
    model = fit_baseline(baseline, weather_from_daily(baseline, temps, grid)).model
    weather = weather_from_daily(reporting, temps, grid)
    plain = compute_savings(model, reporting, weather)
    adj = NonRoutineAdjustment(date(2023, 6, 1), date(2023, 6, 30), 100.0, "Nouvelle ligne de peinture")
    adjusted = compute_savings(model, reporting, weather, [adj])
    assert adjusted.avoided_m3 - plain.avoided_m3 == pytest.approx(3000.0)
    noted = [r for r in adjusted.periods if r.notes]
    assert {r.notes for r in noted} == {("Nouvelle ligne de peinture",)}
    assert sum(r.adjustment_m3 for r in noted) == pytest.approx(3000.0)


def test_negative_slope_disqualified_leaves_intercept_only() -> None:
    rng = random.Random(3)
    temps = daily_temps(date(2021, 1, 1), 800, rng)
    periods = []
    for m in range(1, 13):
        start, end = date(2021, m, 1), date(2021 + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        use = sum(1000 - 5 * max(18 - temps[start + timedelta(days=i)], 0) for i in range(30))
        periods.append(BillingPeriod(start, end, use * (end - start).days / 30))
    fit = fit_baseline(periods, weather_from_daily(periods, temps, (10.0, 15.0, 18.0)))
    assert fit.model.kind == INTERCEPT_ONLY
    assert fit.model.hdd_slope_m3_per_hdd == 0 and fit.model.balance_point_c is None
    assert all(not c.qualifies for c in fit.candidates if c.kind == HDD)


def test_production_variable_recovered() -> None:
    rng = random.Random(11)
    temps = daily_temps(date(2021, 1, 1), 800, rng)
    periods = []
    for m in range(1, 25):
        start = date(2021 + (m - 1) // 12, (m - 1) % 12 + 1, 1)
        end = date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1)
        tonnes = rng.uniform(200, 600)
        use = sum(
            300 + 30 * max(16 - temps[start + timedelta(days=i)], 0) for i in range((end - start).days + 1)
        )
        periods.append(BillingPeriod(start, end, use + 50 * tonnes, production=tonnes))
    fit = fit_baseline(
        periods, weather_from_daily(periods, temps, balance_point_grid(10, 20, 1)), use_production=True
    )
    assert fit.model.production_slope_m3_per_unit == pytest.approx(50, rel=0.05)
    assert fit.model.balance_point_c == 16.0


def test_missing_temperatures_and_short_baseline_warn() -> None:
    periods = [BillingPeriod(date(2022, m, 1), date(2022, m, 28), 1000.0 + 10 * m) for m in range(1, 7)]
    weather = [PeriodWeather.from_totals({18.0: 300.0 - 40 * m}, 28) for m in range(1, 7)]
    weather[0] = PeriodWeather({18.0: 5.0}, coverage=0.5)
    fit = fit_baseline(periods, weather)
    text = " ".join(w.text("en") for w in fit.warnings)
    assert "left out" in text and "365 days" in text
    assert fit.model.n_periods == 5


def test_too_few_periods_raise() -> None:
    periods = [BillingPeriod(date(2022, 1, 1), date(2022, 1, 31), 100.0)]
    with pytest.raises(SavingsInputError):
        fit_baseline(periods, [PeriodWeather({18.0: 10.0})])


def test_t_quantile_matches_tables() -> None:
    assert t_quantile(0.90, 10) == pytest.approx(1.812, abs=2e-3)
    assert t_quantile(0.90, 22) == pytest.approx(1.717, abs=1e-3)
    assert t_quantile(0.95, 5) == pytest.approx(2.571, abs=1e-2)


def test_grid_steps_bounded() -> None:
    assert balance_point_grid(10, 12, 1) == (10.0, 11.0, 12.0)
    with pytest.raises(ValueError):
        balance_point_grid(10, 20, 2)
