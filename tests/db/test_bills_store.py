from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from espm_desktop.core.types import Bill
from espm_desktop.db import models
from espm_desktop.db.bills_store import BillWrite, StaleBillError, apply_bill_writes, load_meter_bills

JAN = Bill(date(2024, 1, 1), date(2024, 1, 31), 100.0, Decimal("12.5"))
FEB = Bill(date(2024, 2, 1), date(2024, 2, 29), 90.0)


def make_meter(engine: Engine) -> int:
    with Session(engine) as s, s.begin():
        prop = models.Property(name="P", gross_floor_area_m2=10.0)
        s.add(prop)
        s.flush()
        meter = models.Meter(property_id=prop.id, name="M", energy_type="natural_gas", unit="m3")
        s.add(meter)
        s.flush()
        return meter.id


def test_insert_update_delete_in_one_transaction(engine: Engine) -> None:
    meter_id = make_meter(engine)
    with Session(engine) as s, s.begin():
        jan_id, feb_id = apply_bill_writes(s, meter_id, [BillWrite(None, JAN), BillWrite(None, FEB)])
    assert jan_id is not None and feb_id is not None
    with Session(engine) as s, s.begin():
        # Moving February's period onto a deleted January row's period in the same change must not trip the key.
        ids = apply_bill_writes(s, meter_id, [BillWrite(jan_id, None), BillWrite(feb_id, JAN)])
    assert ids == [None, feb_id]
    with Session(engine) as s:
        assert [(b.bill_id, b.bill) for b in load_meter_bills(s, meter_id)] == [(feb_id, JAN)]


def test_a_failing_step_leaves_the_database_as_it_was(engine: Engine) -> None:
    meter_id = make_meter(engine)
    with Session(engine) as s, s.begin():
        apply_bill_writes(s, meter_id, [BillWrite(None, JAN)])
    with pytest.raises(StaleBillError), Session(engine) as s, s.begin():
        apply_bill_writes(s, meter_id, [BillWrite(None, FEB), BillWrite(9999, None)])
    with pytest.raises(IntegrityError), Session(engine) as s, s.begin():
        apply_bill_writes(s, meter_id, [BillWrite(None, FEB), BillWrite(None, JAN)])
    with Session(engine) as s:
        assert [b.bill for b in load_meter_bills(s, meter_id)] == [JAN]
