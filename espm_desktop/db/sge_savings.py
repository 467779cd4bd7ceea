"""What a participant's measured savings are computed from: the gas meter's bills and the linked station's days
(the analysis itself: core/sge/savings_analysis.py); the savings tab's meter picker; the temperatures the model
used, for the calculation file."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.sge.records import ParticipantFile
from espm_desktop.core.sge.savings_analysis import SavingsAnalysis, SavingsInputs, analyse_savings
from espm_desktop.db import models, sge_reads
from espm_desktop.db.sge_participants import flushed_connection, load_participant


def savings_inputs(session: Session, file: ParticipantFile) -> SavingsInputs:
    """The participant's gas meter, its bills, its property and that property's station with its daily mean
    temperatures, as core/sge/savings_analysis.py takes them."""
    return sge_reads.savings_inputs(flushed_connection(session), file)


def savings_analysis(session: Session, participant_id: int) -> SavingsAnalysis:
    """The participant's savings analysis (core/sge/savings_analysis.py) from what the database holds."""
    file = load_participant(session, participant_id)
    return analyse_savings(file, savings_inputs(session, file))


def gas_meters(session: Session) -> list[tuple[int, str]]:
    """Every natural-gas meter as (id, "property — meter"), for the savings tab's picker."""
    return sge_reads.gas_meters(flushed_connection(session))


def savings_temperatures(
    session: Session, file: ParticipantFile, analysis: SavingsAnalysis
) -> dict[date, float]:
    """The daily mean temperatures the savings model used: the linked station's days inside the bills' periods.

    The same days as savings_analysis reads (the gas meter's property's station, days with a mean
    temperature), so the calculation file's degree days and regression redo the app's from its own inputs.
    """
    meter = session.get(models.Meter, file.info.gas_meter_id) if file.info.gas_meter_id is not None else None
    station_id = meter.property.weather_station_id if meter is not None else None
    rows = analysis.baseline.periods + analysis.reporting.periods
    if station_id is None or not rows:
        return {}
    days = {r.period.start + timedelta(days=i) for r in rows for i in range(r.period.days)}
    found = session.execute(
        select(models.WeatherDay.day, models.WeatherDay.mean_temp_c).where(
            models.WeatherDay.station_id == station_id,
            models.WeatherDay.day >= min(days),
            models.WeatherDay.day <= max(days),
            models.WeatherDay.mean_temp_c.is_not(None),
        )
    )
    return {day: t for day, t in found if day in days and t is not None}
