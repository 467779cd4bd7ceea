"""Use cases on a meter: a unit change put back exactly (undo/redo). The pickers' choices: app/choices.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.db import meter_units
from espm_desktop.db.meter_units import MeterChangedError, UsageChange

__all__ = ["MeterChangedError", "UsageChange", "restore_meter_change"]


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
