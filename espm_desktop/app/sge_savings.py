"""Use cases on a participant's measured savings: the gas meters to choose from, the chosen meter's bills, the
daily temperatures the model used, a participant's file read with its savings for a command. The one aid statement
the page, the documents and the invoices take their amounts from is core/sge/participant_statement.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from espm_desktop.app.database import database_engine, in_session
from espm_desktop.app.reading import read_connection
from espm_desktop.core.savings import SavingsInputError
from espm_desktop.core.sge.records import ParticipantFile, StoreError
from espm_desktop.core.sge.savings_analysis import (
    IMPLEMENTATION_PHASES,
    SavingsAnalysis,
    first_deliverables_accepted,
)
from espm_desktop.core.types import MeterData
from espm_desktop.db import sge_reads

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.app.reading import DatabaseSource

__all__ = [
    "IMPLEMENTATION_PHASES",
    "ParticipantSavings",
    "SavingsAnalysis",
    "StoreError",
    "first_deliverables_accepted",
    "gas_meter_data",
    "gas_meters",
    "participant_savings",
    "savings_temperatures",
]


def gas_meters(db: DatabaseSource) -> list[tuple[int, str]]:
    """Every natural-gas meter as (id, "property — meter"), for the savings tab's picker."""
    with read_connection(db) as con:
        return sge_reads.gas_meters(con)


def gas_meter_data(engine: Engine, meter_id: int | None) -> MeterData | None:
    """The chosen gas meter with its bills (None when none is chosen or it is gone)."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import models, repo

    if meter_id is None:
        return None
    with Session(engine) as s:
        row = s.get(models.Meter, meter_id)
        return repo.meter_data(row) if row is not None else None


def savings_temperatures(
    engine: Engine, file: ParticipantFile, analysis: SavingsAnalysis
) -> dict[date, float]:
    """The daily mean temperatures the savings model used (the Excel file redoes the model from them)."""
    from espm_desktop.db import sge_savings as store

    return in_session(engine, store.savings_temperatures, file, analysis)


@dataclass(frozen=True, slots=True)
class ParticipantSavings:
    """A participant's file, its savings analysis (None with `savings_error` when they can't be computed) and
    the daily mean temperatures the model used (when asked for)."""

    file: ParticipantFile
    analysis: SavingsAnalysis | None
    savings_error: SavingsInputError | None = None
    daily_mean_c: dict[date, float] = field(default_factory=dict)


def participant_savings(
    db_path: Path | str, participant_id: int, *, read_only: bool = False, with_temperatures: bool = False
) -> ParticipantSavings:
    """A command's read of an opened database: the participant's file and savings (StoreError: no such
    participant; a database error is raised as it came)."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import sge_participants, sge_savings

    engine = database_engine(db_path, read_only=read_only)
    try:
        with Session(engine) as s:
            file = sge_participants.load_participant(s, participant_id)
            try:
                analysis = sge_savings.savings_analysis(s, participant_id)
                temperatures = (
                    sge_savings.savings_temperatures(s, file, analysis) if with_temperatures else {}
                )
            except SavingsInputError as exc:
                return ParticipantSavings(file, None, exc)
            return ParticipantSavings(file, analysis, None, temperatures)
    finally:
        engine.dispose()
