"""A property read with the sqlite3 module alone gives the bills the ORM stored: dates, two-decimal costs, flags,
sources, each meter's bills by start date."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from espm_desktop.core.calendarize import Period, month_index
from espm_desktop.core.types import Bill, BillSource, BillTable
from espm_desktop.db import models
from espm_desktop.db.engine import make_engine
from espm_desktop.db.property_reads import (
    PropertyRecord,
    StationRecord,
    degree_days_for_period,
    property_record,
    station_record,
)
from espm_desktop.db.sqlite_files import ReadConnection, connect_read_only, database_file
from espm_desktop.db.station_months import monthly_degree_days

BILLS = {
    "Électricité": [
        Bill(date(2024, 3, 1), date(2024, 3, 31), 1200.5, Decimal("150.25"), False, BillSource.IMPORT),
        Bill(date(2024, 1, 1), date(2024, 1, 31), 1000.0, Decimal("100"), True, BillSource.MANUAL),
        Bill(date(2024, 2, 1), date(2024, 2, 29), 900.0, None, False, BillSource.DATA_EXCHANGE),
    ],
    "Gaz": [Bill(date(2024, 1, 5), date(2024, 2, 4), 300.0, Decimal("0.10"))],
    "Propane": [],
}


def store(db_path: Path) -> int:
    engine = make_engine(db_path)
    try:
        with Session(engine) as s, s.begin():
            prop = models.Property(name="Caisse", gross_floor_area_m2=900.0)
            s.add(prop)
            s.flush()
            for name, bills in BILLS.items():
                meter = models.Meter(property_id=prop.id, name=name, energy_type="natural_gas", unit="m3")
                s.add(meter)
                s.flush()
                for b in bills:
                    s.add(
                        models.BillRecord(
                            meter_id=meter.id,
                            start_date=b.start,
                            end_date=b.end,
                            usage=b.usage,
                            cost=b.cost,
                            estimated=b.estimated,
                            source=b.source.value,
                        )
                    )
            return prop.id
    finally:
        engine.dispose()


def read_record(db_path: Path, property_id: int) -> PropertyRecord:
    con = sqlite3.connect(db_path)
    try:
        record = property_record(con, property_id)
    finally:
        con.close()
    assert record is not None
    return record


def read(db_path: Path, property_id: int) -> dict[str, list[Bill]]:
    return {m.name: list(m.bills) for m in read_record(db_path, property_id).data.meters}


def test_bills_read_as_stored(db_path: Path) -> None:
    property_id = store(db_path)
    meters = read(db_path, property_id)
    assert meters == {name: sorted(bills, key=lambda b: b.start) for name, bills in BILLS.items()}
    # The cost has two decimals, as NUMERIC(14, 2) gives it: 100 → 100.00.
    assert [str(b.cost) for b in meters["Électricité"]] == ["100.00", "None", "150.25"]
    assert str(meters["Gaz"][0].cost) == "0.10"


def change_stored(db_path: Path, sql: str) -> None:
    """A change made outside the app (another program, a hand edit): one statement, committed."""
    con = sqlite3.connect(db_path)
    try:
        with con:
            con.execute(sql)
    finally:
        con.close()


def test_a_date_with_a_time_of_day_is_read_by_the_tolerant_path(db_path: Path) -> None:
    property_id = store(db_path)
    change_stored(
        db_path,
        "UPDATE bill SET start_date = start_date || ' 00:00:00.000000', cost = '12.5' WHERE usage = 300",
    )
    meters = read(db_path, property_id)
    assert meters["Gaz"] == [Bill(date(2024, 1, 5), date(2024, 2, 4), 300.0, Decimal("12.50"))]
    assert str(meters["Gaz"][0].cost) == "12.50"
    assert meters["Électricité"] == sorted(BILLS["Électricité"], key=lambda b: b.start)


def test_degree_days_from_the_months_the_caller_read(db_path: Path) -> None:
    """degree_days_for_period gives the same whether it reads the station's months or is handed them."""
    con = sqlite3.connect(db_path)
    with con:
        con.execute(
            "INSERT INTO weather_station (id, climate_id, name, province, created_at) "
            "VALUES (1, '7025251', 'YUL', 'QC', '2024-01-01 00:00:00')"
        )
        con.executemany(
            "INSERT INTO weather_day (station_id, day, mean_temp_c, hdd, cdd, flags) VALUES (1, ?, ?, NULL, NULL, '')",
            [
                (date.fromordinal(date(2023, 1, 1).toordinal() + k).isoformat(), -5.0 + k % 30)
                for k in range(500)
            ],
        )
    station = StationRecord(1, "7025251", "YUL", "QC", None, None)
    try:
        monthly = monthly_degree_days(con, 1)
        for end in (date(2023, 12, 31), date(2024, 5, 31), date(2025, 3, 31)):
            period = Period(month_index(end) - 11)
            assert degree_days_for_period(con, period, None, station, monthly) == degree_days_for_period(
                con, period, None, station
            )
    finally:
        con.close()


def test_the_station_and_typed_degree_days_are_read_with_the_property(db_path: Path) -> None:
    property_id = store(db_path)
    con = sqlite3.connect(db_path)
    try:
        record = property_record(con, property_id)
        assert record is not None and record.station is None and not record.has_typed_degree_days
        with con:
            con.execute(
                "INSERT INTO weather_station (id, climate_id, name, province, latitude, longitude, created_at) "
                "VALUES (7, '7025251', 'YUL', 'QUEBEC', 45.47, -73.74, '2024-01-01 00:00:00')"
            )
            con.execute("UPDATE property SET weather_station_id = 7 WHERE id = ?", (property_id,))
            con.execute(
                "INSERT INTO property_degree_days (property_id, period_end, hdd, cdd, note, updated_at) "
                "VALUES (?, '2024-12-31', 4000.0, 200.0, '', '2024-01-01 00:00:00')",
                (property_id,),
            )
        record = property_record(con, property_id)
        assert record is not None and record.has_typed_degree_days
        assert (
            record.station
            == station_record(con, 7)
            == StationRecord(7, "7025251", "YUL", "QUEBEC", 45.47, -73.74)
        )
        with con:  # a link to a station that is no longer there: no station, as station_record says
            con.execute("UPDATE property SET weather_station_id = 99 WHERE id = ?", (property_id,))
        record = property_record(con, property_id)
        assert record is not None and record.weather_station_id == 99
        assert record.station is None and station_record(con, 99) is None
    finally:
        con.close()


def test_a_meters_bills_come_as_columns_without_a_bill_per_row(db_path: Path) -> None:
    by_name = {m.name: m.bills for m in read_record(db_path, store(db_path)).data.meters}
    electricity = by_name["Électricité"]
    assert isinstance(electricity, BillTable) and electricity._bills is None
    assert electricity.starts == [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]
    assert electricity.costs == [Decimal("100.00"), None, Decimal("150.25")]
    assert electricity.sources == [BillSource.MANUAL, BillSource.DATA_EXCHANGE, BillSource.IMPORT]
    assert electricity.estimated == [True, False, False]
    assert all(type(u) is float for u in electricity.usages)
    assert electricity._bills is None  # reading the columns made no Bill
    assert by_name["Propane"] == ()


def test_a_read_only_connection_names_its_file_as_sqlite_does(db_path: Path) -> None:
    store(db_path)
    plain = sqlite3.connect(db_path)
    read_only = connect_read_only(db_path)
    try:
        assert isinstance(read_only, ReadConnection)
        assert read_only.main_file is not None
        assert database_file(read_only) == database_file(plain) == read_only.main_file
        assert Path(read_only.main_file).resolve() == db_path.resolve()
    finally:
        plain.close()
        read_only.close()
    memory = sqlite3.connect(":memory:")
    assert database_file(memory) is None
    memory.close()


def test_a_flag_or_a_source_the_app_does_not_write_is_read_as_before(db_path: Path) -> None:
    property_id = store(db_path)
    change_stored(
        db_path, "UPDATE bill SET estimated = 2 WHERE usage = 300"
    )  # not 0/1: true, as bool() reads it
    meters = read(db_path, property_id)
    assert meters["Gaz"][0].estimated is True
    assert meters["Électricité"] == sorted(BILLS["Électricité"], key=lambda b: b.start)
    change_stored(db_path, "UPDATE bill SET source = 'fax' WHERE usage = 300")
    with pytest.raises(ValueError, match="fax"):
        read(db_path, property_id)


def test_a_meters_bills_are_read_from_the_index_alone(db_path: Path) -> None:
    from espm_desktop.db.property_reads import _BILLS_SQL, _EXACT_BILLS_SQL

    store(db_path)
    con = sqlite3.connect(db_path)
    try:
        for sql in (_EXACT_BILLS_SQL, _BILLS_SQL):
            plan = " ".join(row[-1] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", (1,)))
            assert "USING COVERING INDEX ix_bill_meter_values" in plan, plan
            assert "TEMP B-TREE" not in plan, plan  # in date order as stored: no sort
    finally:
        con.close()
