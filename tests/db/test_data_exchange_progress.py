from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.core.data_exchange import SetupTransitionError, resume_point_for
from espm_desktop.core.types import BillSource, DataExchangeStatus
from espm_desktop.db import models
from espm_desktop.db.data_exchange import (
    go_back_to,
    load_meter_setup,
    natural_gas_meter_ids,
    record_status,
    refresh_data_received,
    save_numbers,
    set_step_done,
)
from espm_desktop.db.demo import BUREAU_NAME
from espm_desktop.db.engine import make_engine

S = DataExchangeStatus


def add_gas_meter(s: Session) -> int:
    prop = models.Property(name="Caisse Saint-Roch", gross_floor_area_m2=900.0)
    prop.meters.append(models.Meter(name="Électricité", energy_type="electricity_grid", unit="kWh"))
    prop.meters.append(
        models.Meter(name="Gaz naturel", energy_type="natural_gas", unit="m3", active_date=date(2020, 1, 1))
    )
    s.add(prop)
    s.flush()
    return next(m.id for m in prop.meters if m.energy_type == "natural_gas")


def add_bill(s: Session, meter_id: int, start: date, end: date, source: BillSource) -> None:
    s.add(
        models.BillRecord(meter_id=meter_id, start_date=start, end_date=end, usage=100.0, source=source.value)
    )
    s.flush()


def test_fresh_meter_loads_with_defaults_and_no_progress(engine: Engine) -> None:
    with Session(engine) as s:
        meter_id = add_gas_meter(s)
        stored = load_meter_setup(s, meter_id)
    assert stored.is_natural_gas
    assert stored.setup.status is S.NOT_STARTED
    assert stored.setup.status_dates == {}
    assert stored.setup.initial_load_months == 24
    assert stored.setup.share_downstream is False
    assert (stored.setup.property_name, stored.setup.meter_name) == ("Caisse Saint-Roch", "Gaz naturel")
    assert stored.done_steps == ()


def test_numbers_statuses_and_ticks_are_stored_and_read_back(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        meter_id = add_gas_meter(s)
        save_numbers(
            s,
            meter_id,
            account_number="1234567890",
            invoice_number="123456789012",
            meter_number="7654321",
            initial_load_months=12,
            share_downstream=True,
        )
        set_step_done(s, meter_id, "s01", True)
        set_step_done(s, meter_id, "s02", True)
        set_step_done(s, meter_id, "s02", False)
        record_status(s, meter_id, S.CONNECTION_ACCEPTED, date(2024, 3, 5))
    with Session(engine) as s:
        meter = s.get(models.Meter, meter_id)
        assert meter is not None
        assert (meter.energir_account_number, meter.energir_invoice_number, meter.energir_meter_number) == (
            "1234567890",
            "123456789012",
            "7654321",
        )
        assert (meter.initial_load_months, meter.share_downstream) == (12, True)
        assert meter.data_exchange_status == "connection_accepted"
        progress = s.get(models.MeterSetupProgress, meter_id)
        assert progress is not None
        # The skipped "connection requested" gets the same date as the status recorded.
        assert progress.status_dates == {
            "connection_requested": "2024-03-05",
            "connection_accepted": "2024-03-05",
        }
        assert progress.done_steps == ["s01"]
        stored = load_meter_setup(s, meter_id)
    assert stored.setup.date_of(S.CONNECTION_ACCEPTED) == date(2024, 3, 5)
    point = resume_point_for(stored.setup, stored.done_steps)
    assert point is not None and point.step.id == "s07"


def test_a_date_before_the_current_status_is_refused_and_nothing_is_written(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        meter_id = add_gas_meter(s)
        record_status(s, meter_id, S.CONNECTION_REQUESTED, date(2024, 3, 5))
    with Session(engine) as s, s.begin():
        with pytest.raises(SetupTransitionError) as caught:
            record_status(s, meter_id, S.CONNECTION_ACCEPTED, date(2024, 3, 1))
        assert "2024-03-01" in caught.value.message.fr and "2024-03-05" in caught.value.message.en
    with Session(engine) as s:
        assert load_meter_setup(s, meter_id).setup.status is S.CONNECTION_REQUESTED


def test_going_back_forgets_later_dates(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        meter_id = add_gas_meter(s)
        record_status(s, meter_id, S.METER_SHARED, date(2024, 3, 5))
        stored = go_back_to(s, meter_id, S.CONNECTION_ACCEPTED)
    assert stored.setup.status is S.CONNECTION_ACCEPTED
    with Session(engine) as s:
        progress = s.get(models.MeterSetupProgress, meter_id)
        assert progress is not None and "meter_shared" not in progress.status_dates


def test_refresh_data_received_waits_for_a_shared_meter_and_exchanged_bills(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        meter_id = add_gas_meter(s)
        # Typed bills and a meter not yet shared: nothing to do.
        add_bill(s, meter_id, date(2024, 1, 1), date(2024, 1, 31), BillSource.MANUAL)
        assert refresh_data_received(s, meter_id, date(2024, 5, 1)) is False
        add_bill(s, meter_id, date(2024, 2, 1), date(2024, 2, 29), BillSource.DATA_EXCHANGE)
        assert refresh_data_received(s, meter_id, date(2024, 5, 1)) is False  # not shared yet
        record_status(s, meter_id, S.METER_SHARED, date(2024, 4, 2))
        assert refresh_data_received(s, meter_id, date(2024, 5, 1)) is True
        assert refresh_data_received(s, meter_id, date(2024, 5, 2)) is False  # already received
    with Session(engine) as s:
        meter = s.get(models.Meter, meter_id)
        progress = s.get(models.MeterSetupProgress, meter_id)
        assert meter is not None and progress is not None
        assert meter.data_exchange_status == "data_received"
        assert progress.status_dates["data_received"] == "2024-05-01"
        assert progress.status_dates["meter_shared"] == "2024-04-02"


def test_imported_history_before_the_share_does_not_count_but_later_entries_do(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        meter_id = add_gas_meter(s)
        record_status(s, meter_id, S.SHARE_ACCEPTED, date(2024, 4, 2))
        add_bill(s, meter_id, date(2024, 1, 1), date(2024, 1, 31), BillSource.IMPORT)
        assert refresh_data_received(s, meter_id, date(2024, 4, 3)) is False
        add_bill(s, meter_id, date(2024, 4, 1), date(2024, 4, 30), BillSource.IMPORT)
        assert refresh_data_received(s, meter_id, date(2024, 5, 3)) is True


def test_demo_bureau_meter_keeps_its_twelve_character_account_number(demo_db: object) -> None:
    engine = make_engine(str(demo_db))
    try:
        with Session(engine) as s:
            prop_id = s.query(models.Property.id).filter(models.Property.name == BUREAU_NAME).scalar()
            (meter_id,) = natural_gas_meter_ids(s, prop_id)
            stored = load_meter_setup(s, meter_id)
            assert stored.setup.account_number == "111111111111"
            assert stored.setup.status is S.DATA_RECEIVED
            assert stored.setup.date_of(S.SHARE_ACCEPTED) == date(2023, 4, 19)
            assert refresh_data_received(s, meter_id, date(2024, 1, 1)) is False
    finally:
        engine.dispose()
