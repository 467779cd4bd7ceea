"""A gas meter's annual use from its bills, offered for the participant's "annual gas use" (eligibility: at least
2,000,000 m³ a year). Loaded when the user asks for it, not with the SGÉ page."""

from __future__ import annotations

from dataclasses import dataclass

from espm_desktop.core.calendarize import (
    Period,
    PropertyMonths,
    calendarize_meter,
    latest_full_period,
    period_totals,
)
from espm_desktop.core.types import MeterData


@dataclass(frozen=True, slots=True)
class AnnualGasUse:
    """A meter's use over its latest 12 full calendar months; `period` is None when it has fewer in a row."""

    meter_name: str
    period: Period | None
    usage: float
    full_months: int


def annual_gas_use(meter: MeterData) -> AnnualGasUse:
    """The meter's latest 12 whole calendar months, bills spread over their days the way ESPM does."""
    months = PropertyMonths(meter.name, (calendarize_meter(meter),))
    period = latest_full_period(months, 12)
    usage = period_totals(months, period).meters[0].usage if period is not None else 0.0
    return AnnualGasUse(meter.name, period, usage, len(months.meters[0].full_months()))
