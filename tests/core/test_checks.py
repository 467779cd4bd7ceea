from __future__ import annotations

from datetime import date, timedelta

from espm_desktop.core.checks import check_meter, check_property
from espm_desktop.core.types import Bill, MeterData, PropertyData


def months_of_bills(start: date, n: int) -> list[Bill]:
    bills = []
    for _ in range(n):
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, start.day)
        bills.append(Bill(start, nxt - timedelta(days=1), 100.0))
        start = nxt
    return bills


def codes(bills: list[Bill], **kw: object) -> list[str]:
    return [f.code for f in check_meter(MeterData("Gaz", "natural_gas", "m3", tuple(bills), **kw))]  # type: ignore[arg-type]


def test_clean_year_has_no_findings() -> None:
    assert codes(months_of_bills(date(2022, 1, 1), 12)) == []


def test_one_day_overlap_allowed_two_day_flagged() -> None:
    a = Bill(date(2022, 1, 1), date(2022, 1, 31), 1.0)
    assert "overlap" not in codes([a, Bill(date(2022, 1, 31), date(2022, 2, 28), 1.0)])
    findings = check_meter(
        MeterData("Gaz", "natural_gas", "m3", (a, Bill(date(2022, 1, 30), date(2022, 2, 28), 1.0)))
    )
    overlap = [f for f in findings if f.code == "overlap"]
    assert len(overlap) == 1 and overlap[0].severity == "error"
    assert (overlap[0].start, overlap[0].end) == (date(2022, 1, 30), date(2022, 1, 31))
    assert "Gaz" in overlap[0].message_en and "Gaz" in overlap[0].message_fr


def test_gap_flagged_with_dates() -> None:
    bills = months_of_bills(date(2022, 1, 1), 12)
    del bills[5]
    gap = [f for f in check_meter(MeterData("E", "electricity_grid", "kWh", tuple(bills))) if f.code == "gap"]
    assert len(gap) == 1 and (gap[0].start, gap[0].end) == (date(2022, 6, 1), date(2022, 6, 30))


def test_long_entry_over_65_days() -> None:
    start = date(2022, 1, 1)
    assert "long_entry" in codes([Bill(start, start + timedelta(days=65), 1.0)])  # 66 days
    assert "long_entry" not in codes([Bill(start, start + timedelta(days=64), 1.0)])  # 65 days


def test_fewer_than_twelve_full_months_and_mid_month_thirteen() -> None:
    assert "fewer_than_12_months" in codes(months_of_bills(date(2022, 1, 15), 12))
    assert "fewer_than_12_months" not in codes(months_of_bills(date(2022, 1, 15), 13))


def test_negative_usage_and_active_date() -> None:
    bills = months_of_bills(date(2022, 1, 1), 12)
    bills[3] = Bill(bills[3].start, bills[3].end, -5.0)
    found = codes(bills, active_date=date(2021, 12, 1))
    assert "negative_usage" in found and "active_date_mismatch" in found
    warn = [
        f
        for f in check_meter(MeterData("G", "natural_gas", "m3", tuple(bills), active_date=date(2021, 12, 1)))
    ]
    assert {f.severity for f in warn if f.code == "active_date_mismatch"} == {"warning"}


def test_property_level_findings() -> None:
    found = check_property(PropertyData("Succursale", gross_floor_area_m2=0.0))
    assert [f.code for f in found] == ["zero_floor_area", "no_meters"]
    assert all(f.severity == "error" and f.message_fr for f in found)
    e = MeterData("E", "electricity_grid", "kWh", tuple(months_of_bills(date(2021, 1, 1), 12)))
    g = MeterData("G", "natural_gas", "m3", tuple(months_of_bills(date(2022, 1, 1), 12)))
    assert [f.code for f in check_property(PropertyData("P", gross_floor_area_m2=500, meters=(e, g)))] == [
        "no_common_period"
    ]
