from __future__ import annotations

from datetime import date, timedelta

import pytest

from espm_desktop.core.calendarize import Period, month_index
from espm_desktop.core.degree_days import (
    DailyWeather,
    daily_degree_days,
    monthly_degree_days,
    period_degree_days,
)


def test_daily_uses_file_values_at_base_18_else_mean() -> None:
    d = DailyWeather(date(2023, 1, 1), -6.6, hdd=24.6, cdd=0.0)
    assert daily_degree_days(d) == (24.6, 0.0)
    assert daily_degree_days(d, base_c=15.0) == pytest.approx((21.6, 0.0))
    assert daily_degree_days(DailyWeather(date(2023, 7, 1), 22.0)) == (0.0, 4.0)
    assert daily_degree_days(DailyWeather(date(2023, 7, 1), None)) is None


def test_monthly_counts_missing_and_ignores_duplicates() -> None:
    days = [DailyWeather(date(2023, 1, 1) + timedelta(days=i), 8.0) for i in range(59)]  # Jan + 28 Feb days
    days.append(DailyWeather(date(2023, 1, 1), -40.0))  # duplicate day: first one wins
    days[40] = DailyWeather(days[40].day, None, mean_temp_flag="M")
    jan, feb = monthly_degree_days(days)
    assert (jan.hdd, jan.days_with_data, jan.missing_days) == (310.0, 31, 0)
    assert (feb.hdd, feb.days_with_data, feb.missing_days) == (270.0, 27, 1)
    total = period_degree_days([jan, feb], Period(month_index(date(2023, 1, 1)), 2))
    assert total.hdd == 580.0 and total.hdd_filled == pytest.approx(310 + 270 * 28 / 27)
    assert total.missing_days == 1 and not total.complete
