"""Use cases of the Énergir data-exchange assistant: open a meter's setup (marking its data received once
Énergir's bills are in), tick a step, save the numbers, record or undo a status, and write the checklist PDF and
ESPM's meters template.

Each write is one transaction and returns the meter's setup as stored (db.data_exchange.StoredSetup).
SetupTransitionError (core.data_exchange) says why a status can't be recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.data_exchange import EnergirMeterSetup, Language
from espm_desktop.core.types import DataExchangeStatus, MeterData
from espm_desktop.db import data_exchange as store
from espm_desktop.db import models
from espm_desktop.db.data_exchange import StoredSetup
from espm_desktop.db.repo import property_data

if TYPE_CHECKING:
    from espm_desktop.io.espm_meters_template import TemplateWarning

__all__ = [
    "MeterSetupView",
    "MetersTemplateData",
    "StoredSetup",
    "go_back_to",
    "meters_template_data",
    "open_meter_setup",
    "record_status",
    "save_numbers",
    "set_step_done",
    "write_checklist",
    "write_meters_template",
]


@dataclass(frozen=True, slots=True)
class MeterSetupView:
    """What the assistant shows for a meter: its setup, whether its data just arrived, and the property's
    natural-gas meters (id → name, by name) to point to when this one is not one."""

    stored: StoredSetup
    arrived: bool
    gas_meters: dict[int, str]


@dataclass(frozen=True, slots=True)
class MetersTemplateData:
    """What ESPM's “Add meters” template is written from: the property and its meters' setups."""

    property_name: str
    espm_property_id: str
    meters: tuple[MeterData, ...]
    setups: tuple[EnergirMeterSetup, ...]


def open_meter_setup(engine: Engine, meter_id: int, today: date) -> MeterSetupView:
    """One transaction: the meter's data marked received if Énergir's bills have arrived, then its setup."""
    with Session(engine) as s, s.begin():
        arrived = store.refresh_data_received(s, meter_id, today)
        stored = store.load_meter_setup(s, meter_id)
        meter = s.get(models.Meter, meter_id)
        gas_ids = store.natural_gas_meter_ids(s, meter.property_id if meter is not None else -1)
        query = select(models.Meter.id, models.Meter.name).where(models.Meter.id.in_(gas_ids))
        names: dict[int, str] = {mid: name for mid, name in s.execute(query)}
    return MeterSetupView(stored, arrived, {mid: names[mid] for mid in gas_ids if mid in names})


def set_step_done(engine: Engine, meter_id: int, step_id: str, done: bool) -> StoredSetup:
    with Session(engine) as s, s.begin():
        return store.set_step_done(s, meter_id, step_id, done)


def save_numbers(
    engine: Engine,
    meter_id: int,
    *,
    account_number: str,
    invoice_number: str,
    meter_number: str,
    initial_load_months: int,
    share_downstream: bool,
) -> StoredSetup:
    """The five values of stage 1 (already checked by the form)."""
    with Session(engine) as s, s.begin():
        return store.save_numbers(
            s,
            meter_id,
            account_number=account_number,
            invoice_number=invoice_number,
            meter_number=meter_number,
            initial_load_months=initial_load_months,
            share_downstream=share_downstream,
        )


def record_status(engine: Engine, meter_id: int, status: DataExchangeStatus, on: date) -> StoredSetup:
    """Move forward to `status` on `on` (SetupTransitionError, nothing written, when the rules refuse it)."""
    with Session(engine) as s, s.begin():
        return store.record_status(s, meter_id, status, on)


def go_back_to(engine: Engine, meter_id: int, status: DataExchangeStatus) -> StoredSetup:
    with Session(engine) as s, s.begin():
        return store.go_back_to(s, meter_id, status)


def meters_template_data(engine: Engine, property_id: int) -> MetersTemplateData | None:
    """The property's meters and natural-gas setups, or None when the property is gone."""
    with Session(engine) as s:
        prop = s.get(models.Property, property_id)
        if prop is None:
            return None
        meters = property_data(s, property_id).meters
        setups = tuple(
            store.load_meter_setup(s, mid).setup for mid in store.natural_gas_meter_ids(s, property_id)
        )
        return MetersTemplateData(prop.name, prop.espm_property_id or "", tuple(meters), setups)


def write_meters_template(
    path: Path, data: MetersTemplateData, *, protected: Sequence[Path] = ()
) -> list[TemplateWarning]:
    """Write ESPM's meters template (.xlsx; openpyxl is loaded here); what is still to fill in before uploading."""
    from espm_desktop.io.espm_meters_template import write_meters_template as write_template

    return write_template(
        path, data.property_name, data.espm_property_id, data.meters, data.setups, protected=protected
    )


def write_checklist(
    path: Path,
    setup: EnergirMeterSetup,
    *,
    lang: Language,
    done_step_ids: Iterable[str] = (),
    protected: Sequence[Path] = (),
) -> Path:
    """The setup checklist PDF (reportlab is loaded here, when a checklist is asked for)."""
    from espm_desktop.reports.data_exchange_checklist import write_data_exchange_checklist

    return write_data_exchange_checklist(
        path, setup, lang=lang, done_step_ids=done_step_ids, protected=protected
    )
