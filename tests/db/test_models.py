from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.repo import property_data


def make_property(s: Session) -> models.Property:
    prop = models.Property(name="Siège social", gross_floor_area_m2=1200.0)
    meter = models.Meter(name="Gaz", energy_type="natural_gas", unit="m3")
    prop.meters.append(meter)
    s.add(prop)
    s.flush()
    return prop


def test_duplicate_bill_is_refused(engine: object) -> None:
    with Session(engine) as s:  # type: ignore[arg-type]
        meter = make_property(s).meters[0]
        s.add(
            models.BillRecord(
                meter_id=meter.id, start_date=date(2024, 1, 1), end_date=date(2024, 1, 31), usage=10
            )
        )
        s.flush()
        s.add(
            models.BillRecord(
                meter_id=meter.id, start_date=date(2024, 1, 1), end_date=date(2024, 1, 31), usage=99
            )
        )
        with pytest.raises(IntegrityError, match="UNIQUE"):
            s.flush()


def test_bill_ending_before_it_starts_is_refused(engine: object) -> None:
    with Session(engine) as s:  # type: ignore[arg-type]
        meter = make_property(s).meters[0]
        s.add(
            models.BillRecord(
                meter_id=meter.id, start_date=date(2024, 2, 1), end_date=date(2024, 1, 31), usage=1
            )
        )
        with pytest.raises(IntegrityError, match="CHECK"):
            s.flush()


def test_meter_needs_an_existing_property(engine: object) -> None:
    with Session(engine) as s:  # type: ignore[arg-type]
        s.add(models.Meter(property_id=999, name="Orphan", energy_type="natural_gas", unit="m3"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):
            s.flush()


def test_property_constraints(engine: object) -> None:
    with Session(engine) as s:  # type: ignore[arg-type]
        s.add(models.Property(name="X", gross_floor_area_m2=-5))
        with pytest.raises(IntegrityError, match="CHECK"):
            s.flush()
        s.rollback()
        s.add(models.Property(name="Y", percent_heated=120))
        with pytest.raises(IntegrityError, match="CHECK"):
            s.flush()
        s.rollback()
        s.add_all(
            [
                models.Property(name="A", espm_property_id="123"),
                models.Property(name="B", espm_property_id="123"),
            ]
        )
        with pytest.raises(IntegrityError, match="UNIQUE"):
            s.flush()


def test_meter_name_unique_within_a_property_and_initial_load_bounded(engine: object) -> None:
    with Session(engine) as s:  # type: ignore[arg-type]
        prop = make_property(s)
        s.add(models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3"))
        with pytest.raises(IntegrityError, match="UNIQUE"):
            s.flush()
        s.rollback()
        prop = make_property(s)
        s.add(
            models.Meter(
                property_id=prop.id,
                name="Autre",
                energy_type="natural_gas",
                unit="m3",
                initial_load_months=25,
            )
        )
        with pytest.raises(IntegrityError, match="CHECK"):
            s.flush()


def test_deleting_a_property_removes_its_meters_and_bills(engine: object) -> None:
    with Session(engine) as s, s.begin():  # type: ignore[arg-type]
        meter = make_property(s).meters[0]
        s.add(
            models.BillRecord(
                meter_id=meter.id,
                start_date=date(2024, 1, 1),
                end_date=date(2024, 1, 31),
                usage=5,
                cost=Decimal("12.34"),
            )
        )
    with Session(engine) as s, s.begin():  # type: ignore[arg-type]
        s.delete(s.scalars(select(models.Property)).one())
    with Session(engine) as s:  # type: ignore[arg-type]
        assert s.scalar(select(func.count()).select_from(models.Meter)) == 0
        assert s.scalar(select(func.count()).select_from(models.BillRecord)) == 0


def test_money_round_trips_as_decimal_and_core_objects_come_back(engine: object) -> None:
    with Session(engine) as s, s.begin():  # type: ignore[arg-type]
        prop = make_property(s)
        s.add(
            models.BillRecord(
                meter_id=prop.meters[0].id,
                start_date=date(2024, 1, 1),
                end_date=date(2024, 1, 31),
                usage=321.5,
                cost=Decimal("1234.56"),
                estimated=True,
            )
        )
        pid = prop.id
    with Session(engine) as s:  # type: ignore[arg-type]
        data = property_data(s, pid)
    bill = data.meters[0].bills[0]
    assert bill.cost == Decimal("1234.56")
    assert bill.usage == 321.5 and bill.estimated
    assert data.gross_floor_area_m2 == 1200.0 and data.meters[0].energy_type == "natural_gas"
