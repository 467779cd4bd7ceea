"""Load and store a meter's Énergir data-exchange setup: its numbers on models.Meter, its progress on
models.MeterSetupProgress (status dates as ISO strings, ticked step ids).

Every function takes the caller's session and leaves committing to it (one session per user action).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.data_exchange import (
    INITIAL_LOAD_DEFAULT_MONTHS,
    STATUS_ORDER,
    EnergirMeterSetup,
    advance_if_data_received,
    advance_status,
    revert_status,
    status_rank,
)
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.db import models
from espm_desktop.db.repo import meter_bills

NATURAL_GAS = "natural_gas"


@dataclass(frozen=True)
class StoredSetup:
    """A meter's setup as stored, with the step ids the user ticked and the meter's energy type."""

    setup: EnergirMeterSetup
    done_steps: tuple[str, ...]
    energy_type: str

    @property
    def is_natural_gas(self) -> bool:
        return self.energy_type == NATURAL_GAS


def _status_of(code: str | None) -> DataExchangeStatus:
    try:
        return DataExchangeStatus(code or DataExchangeStatus.NOT_STARTED.value)
    except ValueError:
        return DataExchangeStatus.NOT_STARTED


def _dates_of(raw: dict[str, str] | None, status: DataExchangeStatus) -> dict[str, date]:
    """Dates of the statuses up to `status`; unreadable entries and dates past the status are ignored."""
    rank = status_rank(status)
    dates: dict[str, date] = {}
    for key, value in (raw or {}).items():
        try:
            reached = DataExchangeStatus(key)
            day = date.fromisoformat(value)
        except (ValueError, TypeError):
            continue
        if reached is not DataExchangeStatus.NOT_STARTED and status_rank(reached) <= rank:
            dates[reached.value] = day
    return dates


def _progress_row(session: Session, meter_id: int) -> models.MeterSetupProgress | None:
    return session.get(models.MeterSetupProgress, meter_id)


def _meter_row(session: Session, meter_id: int) -> models.Meter:
    meter = session.get(models.Meter, meter_id)
    if meter is None:
        raise LookupError(f"No meter with id {meter_id}")
    return meter


def load_meter_setup(session: Session, meter_id: int) -> StoredSetup:
    """The meter's setup from its row and progress row (LookupError if the meter does not exist).

    Numbers are returned as stored, even when they break the guide's rules, so the assistant can show
    the problem; a missing initial load gets the guide's default and a missing share-downstream "no".
    """
    meter = _meter_row(session, meter_id)
    progress = _progress_row(session, meter_id)
    status = _status_of(meter.data_exchange_status)
    setup = EnergirMeterSetup(
        property_name=meter.property.name,
        meter_name=meter.name,
        account_number=meter.energir_account_number or "",
        invoice_number=meter.energir_invoice_number or "",
        meter_number=meter.energir_meter_number or "",
        initial_load_months=(
            INITIAL_LOAD_DEFAULT_MONTHS if meter.initial_load_months is None else meter.initial_load_months
        ),
        share_downstream=bool(meter.share_downstream),
        active_date=meter.active_date,
        status=status,
        status_dates=_dates_of(progress.status_dates if progress else None, status),
        meter_id=meter.id,
    )
    done = tuple(progress.done_steps) if progress and progress.done_steps else ()
    return StoredSetup(setup, done, meter.energy_type)


def save_meter_setup(
    session: Session, meter_id: int, setup: EnergirMeterSetup, done_steps: Iterable[str]
) -> None:
    """Write the setup's numbers, status, status dates and ticked steps to the meter and its progress row.

    Empty numbers are stored as NULL. The caller validates the numbers first (core.data_exchange.validate_*).
    """
    meter = _meter_row(session, meter_id)
    meter.energir_account_number = setup.account_number or None
    meter.energir_invoice_number = setup.invoice_number or None
    meter.energir_meter_number = setup.meter_number or None
    meter.initial_load_months = setup.initial_load_months
    meter.share_downstream = setup.share_downstream
    meter.data_exchange_status = setup.status.value
    progress = _progress_row(session, meter_id)
    if progress is None:
        progress = models.MeterSetupProgress(meter_id=meter_id)
        session.add(progress)
    # Ordered by status so the stored JSON reads like the guide.
    progress.status_dates = {
        s.value: setup.status_dates[s.value].isoformat()
        for s in STATUS_ORDER
        if s.value in setup.status_dates
    }
    progress.done_steps = sorted(set(done_steps))
    session.flush()


def save_numbers(
    session: Session,
    meter_id: int,
    *,
    account_number: str,
    invoice_number: str,
    meter_number: str,
    initial_load_months: int,
    share_downstream: bool,
) -> StoredSetup:
    """Store the five values of stage 1 (already checked by the validators) and return the new setup."""
    stored = load_meter_setup(session, meter_id)
    setup = replace(
        stored.setup,
        account_number=account_number,
        invoice_number=invoice_number,
        meter_number=meter_number,
        initial_load_months=initial_load_months,
        share_downstream=share_downstream,
    )
    save_meter_setup(session, meter_id, setup, stored.done_steps)
    return replace(stored, setup=setup)


def record_status(session: Session, meter_id: int, to: DataExchangeStatus, on: date) -> StoredSetup:
    """Move the meter forward to `to` on `on` (core.data_exchange.advance_status rules).

    Raises core.data_exchange.SetupTransitionError, with the message in both languages, for a step back or
    a date before the current status's date; nothing is written then.
    """
    stored = load_meter_setup(session, meter_id)
    setup = advance_status(stored.setup, to, on)
    save_meter_setup(session, meter_id, setup, stored.done_steps)
    return replace(stored, setup=setup)


def go_back_to(session: Session, meter_id: int, to: DataExchangeStatus) -> StoredSetup:
    """Return the meter to an earlier status (a mistake, or access revoked), forgetting later dates."""
    stored = load_meter_setup(session, meter_id)
    setup = revert_status(stored.setup, to)
    save_meter_setup(session, meter_id, setup, stored.done_steps)
    return replace(stored, setup=setup)


def set_step_done(session: Session, meter_id: int, step_id: str, done: bool) -> StoredSetup:
    """Tick or untick one step of the assistant for this meter."""
    stored = load_meter_setup(session, meter_id)
    steps = set(stored.done_steps)
    if done:
        steps.add(step_id)
    else:
        steps.discard(step_id)
    save_meter_setup(session, meter_id, stored.setup, steps)
    return replace(stored, done_steps=tuple(sorted(steps)))


def refresh_data_received(session: Session, meter_id: int, today: date) -> bool:
    """Mark a shared meter DATA_RECEIVED (dated `today`) once bills from the data exchange or an import
    of ESPM's entries are stored for it; True when the status changed.

    Import code calls this after adding bills; the assistant calls it whenever it loads a meter.
    """
    stored = load_meter_setup(session, meter_id)
    setup = stored.setup
    if setup.status is DataExchangeStatus.DATA_RECEIVED:
        return False
    if status_rank(setup.status) < status_rank(DataExchangeStatus.METER_SHARED):
        return False
    updated = advance_if_data_received(setup, meter_bills(session, meter_id), today)
    if updated.status is setup.status:
        return False
    save_meter_setup(session, meter_id, updated, stored.done_steps)
    return True


def natural_gas_meter_ids(session: Session, property_id: int) -> list[int]:
    """Ids of the property's natural-gas meters, by name: the meters Énergir's data exchange serves."""
    return list(
        session.scalars(
            select(models.Meter.id)
            .where(models.Meter.property_id == property_id, models.Meter.energy_type == NATURAL_GAS)
            .order_by(models.Meter.name)
        )
    )
