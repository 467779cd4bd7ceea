"""Use cases on a meter: the choices a picker offers, a unit change put back exactly (undo/redo)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.db import meter_units, models
from espm_desktop.db.meter_units import MeterChangedError, UsageChange

__all__ = ["MeterChangedError", "UsageChange", "meter_choices", "property_choices", "restore_meter_change"]


def property_choices(engine: Engine) -> list[tuple[int, str]]:
    """(id, name) of every property, by name."""
    with Session(engine) as session:
        rows = session.execute(
            select(models.Property.id, models.Property.name).order_by(models.Property.name)
        )
        return [(int(pid), str(name)) for pid, name in rows]


def meter_choices(engine: Engine, property_id: int) -> list[tuple[int, str, str]]:
    """(id, name, energy type) of a property's meters, by name."""
    with Session(engine) as session:
        rows = session.execute(
            select(models.Meter.id, models.Meter.name, models.Meter.energy_type)
            .where(models.Meter.property_id == property_id)
            .order_by(models.Meter.name)
        )
        return [(int(mid), str(name), str(kind)) for mid, name, kind in rows]


def restore_meter_change(
    engine: Engine,
    meter_id: int,
    expected_unit: str,
    fields: Mapping[str, Any],
    steps: Sequence[tuple[int, float, float]],
) -> None:
    """One transaction: the meter's fields and its bills' usages as they were (MeterChangedError if they moved)."""
    with Session(engine) as session, session.begin():
        meter_units.restore_meter_change(session, meter_id, expected_unit, fields, steps)
