"""The record pages' use cases without a window: properties and meters saved, refused, read and deleted, and the
data-exchange assistant's reads, each in its own transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.app import data_exchange as assistant
from espm_desktop.app.bill_import import ImportCancelled
from espm_desktop.app.bill_import_files import read_import_files
from espm_desktop.app.bills import meter_with_bills
from espm_desktop.app.meters import (
    METER_FIELDS,
    delete_meter,
    meter_form,
    meter_name,
    meter_rows,
    save_meter,
)
from espm_desktop.app.properties import (
    PROPERTY_FIELDS,
    RecordRefused,
    delete_property,
    property_form,
    property_name,
    property_summaries,
    save_property,
)
from espm_desktop.core.unit_change import UnitConversion
from espm_desktop.db import models


def property_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(PROPERTY_FIELDS)
    values.update(street_address="", city="", postal_code="", espm_property_id="")  # as the form gives them
    values.update(
        name="Caisse Saint-Roch", province="QC", property_type="bank_branch", gross_floor_area_m2=1250.0
    )
    values.update(changes)
    return values


def meter_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(METER_FIELDS)
    values.update({key: "" for key in METER_FIELDS if key.startswith(("espm_", "energir_"))})
    values.update(name="Gaz", energy_type="natural_gas", unit="m3", share_downstream=False)
    values.update(changes)
    return values


def test_a_property_is_saved_read_refused_and_deleted(engine: Engine, db_path: Path) -> None:
    first = save_property(engine, property_values(postal_code="h2x1y4", espm_property_id="123"))
    form = property_form(engine, first)
    assert form is not None and form["postal_code"] == "H2X 1Y4" and form["espm_property_id"] == "123"
    save_property(engine, property_values(name="Caisse Limoilou", espm_property_id=""), None)
    assert [p.name for p in property_summaries(db_path)] == ["Caisse Limoilou", "Caisse Saint-Roch"]
    other = property_summaries(db_path)[0].property_id
    with pytest.raises(RecordRefused) as refused:
        save_property(engine, property_values(name="Caisse Limoilou", espm_property_id="123"), other)
    assert refused.value.error.field == "espm_property_id"
    assert property_form(engine, other)["espm_property_id"] is None  # type: ignore[index]
    assert save_property(engine, property_values(name="Saint-Roch"), first) == first
    assert property_name(engine, first) == "Saint-Roch"
    delete_property(engine, first)
    assert property_form(engine, first) is None and property_name(engine, first) is None


def test_a_meter_unit_change_converts_its_bills_in_the_same_save(engine: Engine) -> None:
    property_id = save_property(engine, property_values())
    saved = save_meter(
        engine, meter_values(name="Électricité", energy_type="electric", unit="kwh"), property_id=property_id
    )
    with Session(engine) as s, s.begin():
        s.add(
            models.BillRecord(
                meter_id=saved.meter_id,
                start_date=date(2024, 1, 1),
                end_date=date(2024, 1, 31),
                usage=1500.0,
                cost=Decimal("90"),
            )
        )
    form = meter_form(engine, saved.meter_id)
    assert form is not None and form.property_id == property_id and [b.usage for b in form.bills] == [1500.0]
    conversion = UnitConversion("electric", "kwh", "mwh", Decimal("0.001"))
    changed = save_meter(
        engine,
        {**form.fields, "unit": "mwh"},
        property_id=property_id,
        meter_id=saved.meter_id,
        conversion=conversion,
    )
    assert changed.fields["unit"] == "mwh" and [(u.before, u.after) for u in changed.usages] == [
        (1500.0, 1.5)
    ]
    rows = meter_rows(engine, property_id)
    assert [(r.name, r.unit, r.bill_count) for r in rows] == [("Électricité", "mwh", 1)]
    meter, bills = meter_with_bills(engine, saved.meter_id)
    assert meter is not None and meter.unit == "mwh" and [b.bill.usage for b in bills] == [1.5]
    with pytest.raises(RecordRefused) as refused:
        save_meter(engine, meter_values(name="Électricité"), property_id=property_id)
    assert refused.value.error.code == "meter_name_taken"
    delete_meter(engine, saved.meter_id)
    assert meter_name(engine, saved.meter_id) is None and meter_with_bills(engine, saved.meter_id) == (
        None,
        [],
    )


def test_the_assistant_points_an_electric_meter_to_the_gas_meters(engine: Engine) -> None:
    property_id = save_property(engine, property_values())
    electric = save_meter(
        engine, meter_values(name="Électricité", energy_type="electric", unit="kwh"), property_id=property_id
    )
    gas_b = save_meter(engine, meter_values(name="Gaz B"), property_id=property_id)
    gas_a = save_meter(engine, meter_values(name="Gaz A"), property_id=property_id)
    view = assistant.open_meter_setup(engine, electric.meter_id, date(2024, 6, 1))
    assert not view.stored.is_natural_gas and not view.arrived
    assert list(view.gas_meters.items()) == [(gas_a.meter_id, "Gaz A"), (gas_b.meter_id, "Gaz B")]
    stored = assistant.set_step_done(engine, gas_a.meter_id, "some_step", True)
    assert stored.done_steps == ("some_step",)
    data = assistant.meters_template_data(engine, property_id)
    assert data is not None and len(data.meters) == 3 and len(data.setups) == 2
    assert assistant.meters_template_data(engine, property_id + 99) is None


def test_reading_import_files_stops_when_cancelled(engine: Engine, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        read_import_files(
            engine,
            [tmp_path / "a.csv"],
            {},
            None,
            progress=lambda *a: calls.append(a),
            cancelled=lambda: True,
        )
    assert calls == []
    result = read_import_files(engine, [], {}, None, progress=lambda *a: calls.append(a))
    assert calls == [(0, 1)] and result.plan is not None and not result.plan.bills
