"""The measured savings of an SGÉ participant: its gas meter's bills and its station's daily temperatures, fitted
and compared (core/savings.py), or a message saying what is missing. The store reads the inputs
(db/sge_savings.py); the analysis is made here, from plain records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from espm_desktop.core.i18n import Message, message
from espm_desktop.core.savings import (
    BaselineFit,
    BillingPeriod,
    ProgramYearSavings,
    SavingsInputError,
    SavingsResult,
    check_periods,
    compute_savings,
    cusum,
    fit_baseline,
    program_years_missing_acceptance,
    savings_by_program_year,
    weather_from_daily,
)
from espm_desktop.core.sge.common import joined
from espm_desktop.core.sge.records import ParticipantFile, ProductionEntry
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.types import Bill


@dataclass(frozen=True, slots=True)
class SavingsAnalysis:
    """The baseline fit, its residuals on the baseline, the reporting savings, per program year and CUSUM."""

    fit: BaselineFit
    baseline: SavingsResult
    reporting: SavingsResult
    by_program_year: tuple[ProgramYearSavings, ...]
    cusum: tuple[tuple[date, float], ...]
    meter_name: str
    station_name: str
    program_start: date  # the reporting (follow-up) start: CUSUM and "avoided since" count from it
    # Program years count from this date (earliest phase 4 deliverables acceptance); None: no program year.
    first_deliverables_accepted: date | None = None
    program_years_note: Message | None = None  # why there are no program years, when there are none


IMPLEMENTATION_PHASES = (Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)


def first_deliverables_accepted(file: ParticipantFile) -> date | None:
    """Énergir's earliest acceptance of phase 4 deliverables, over both implementation parts; None if none yet."""
    dates = [
        d.deliverables_accepted_date
        for phase in IMPLEMENTATION_PHASES
        if (d := file.phases.get(phase)) is not None and d.deliverables_accepted_date is not None
    ]
    return min(dates, default=None)


def _production_in(period: BillingPeriod, entries: tuple[ProductionEntry, ...]) -> float | None:
    """Output in the period, each entry spread evenly over its days; None when nothing covers it."""
    total, covered = 0.0, 0
    for e in entries:
        first, last = max(e.start, period.start), min(e.end, period.end)
        overlap = (last - first).days + 1
        if overlap > 0:
            total += e.quantity * overlap / ((e.end - e.start).days + 1)
            covered += overlap
    return total if covered else None


def _period_list(periods: Sequence[BillingPeriod], shown: int = 6) -> Message:
    """'start to end' of the first periods, then how many more."""
    parts: list[object] = []
    for p in periods[:shown]:
        if parts:
            parts.append(", ")
        parts.append(message("{start} to {end}", start=p.start.isoformat(), end=p.end.isoformat()))
    more = len(periods) - shown
    if more == 1:
        parts.append(message(" and 1 more"))
    elif more > 1:
        parts.append(message(" and {count} more", count=str(more)))
    return joined(*parts)


def _no_data(problem: Message) -> SavingsInputError:
    return SavingsInputError(problem)


@dataclass(frozen=True, slots=True)
class SavingsInputs:
    """What the database holds for a participant's savings: its gas meter (meter_name None when none is chosen or
    it no longer exists), the meter's bills, its property, and the property's station (None when not linked)
    with its daily mean temperatures."""

    meter_name: str | None
    meter_unit: str = ""
    property_name: str = ""
    station_name: str | None = None
    bills: tuple[Bill, ...] = ()
    temperatures: Mapping[date, float] = field(default_factory=dict)


def analyse_savings(file: ParticipantFile, inputs: SavingsInputs) -> SavingsAnalysis:
    """Fit the baseline on the gas meter's bills and the station's days; SavingsInputError says what is missing."""
    info = file.info
    if inputs.meter_name is None:
        raise _no_data(message("Choose the site's gas meter (Savings tab) to compute the savings."))
    meter_name = inputs.meter_name
    if inputs.meter_unit != "m3":
        raise _no_data(
            message(
                "Meter '{meter}' is in {unit}: SGÉ follow-up is computed in m³. Choose a natural-gas meter in m³.",
                meter=meter_name,
                unit=inputs.meter_unit,
            )
        )
    if info.baseline_start is None or info.baseline_end is None or info.reporting_start is None:
        raise _no_data(
            message("Enter the start and end of the baseline period and the start of the reporting period.")
        )
    check_periods(info.baseline_start, info.baseline_end, info.reporting_start)
    if inputs.station_name is None:
        raise _no_data(
            message(
                "Property '{property}' is not linked to a weather station. Import Environment Canada daily files "
                "(Weather page) and link the property to its station.",
                property=inputs.property_name,
            )
        )
    station_name = inputs.station_name
    temps = inputs.temperatures
    bills = sorted(inputs.bills, key=lambda b: b.start)

    def periods(first: date, last: date | None) -> list[BillingPeriod]:
        out = []
        for b in bills:
            if b.start >= first and (last is None or b.end <= last):
                p = BillingPeriod(b.start, b.end, b.usage)
                production = _production_in(p, file.production) if info.use_production else None
                out.append(BillingPeriod(p.start, p.end, p.usage_m3, production))
        return out

    base = periods(info.baseline_start, info.baseline_end)
    report = periods(info.reporting_start, None)
    if not base:
        raise _no_data(
            message(
                "No bill of meter '{meter}' between {start} and {end}: import the bills or change the baseline "
                "period.",
                meter=meter_name,
                start=info.baseline_start.isoformat(),
                end=info.baseline_end.isoformat(),
            )
        )
    if not report:
        raise _no_data(
            message(
                "No bill of meter '{meter}' since {start} (reporting period).",
                meter=meter_name,
                start=info.reporting_start.isoformat(),
            )
        )
    needed = [p.start + timedelta(days=i) for p in base + report for i in range(p.days)]
    if not any(day in temps for day in needed):
        raise _no_data(
            message(
                "Station '{station}' has no temperature for the bills' periods: import the missing years "
                "(Weather page).",
                station=station_name,
            )
        )
    # One balance-point grid for both periods, from the temperatures the bills span.
    span = {d: temps[d] for d in needed if d in temps}
    base_weather = weather_from_daily(base, span)
    grid = tuple(sorted(base_weather[0].hdd_per_day))
    missing_base = [p for p in base if info.use_production and p.production is None]
    try:
        fit = fit_baseline(base, base_weather, use_production=info.use_production)
    except SavingsInputError as exc:
        if not missing_base:
            raise
        raise _no_data(
            message(
                "{problem} Baseline periods without production: {periods}. Enter it with 'Production…' "
                "(Savings tab) or untick the production variable.",
                problem=exc.problem,
                periods=_period_list(missing_base),
            )
        ) from exc
    missing_report = [p for p in report if info.use_production and p.production is None]
    if missing_report:
        # The model would read no production as zero output and overstate the savings.
        raise _no_data(
            message(
                "The production variable is on, but these reporting periods have no production: {periods}. "
                "Enter it with 'Production…' (Savings tab) or untick the variable.",
                periods=_period_list(missing_report),
            )
        )
    adjustments = [a.adjustment for a in file.adjustments]
    report_result = compute_savings(fit.model, report, weather_from_daily(report, span, grid), adjustments)
    base_result = compute_savings(fit.model, base, base_weather)
    accepted = first_deliverables_accepted(file)
    return SavingsAnalysis(
        fit=fit,
        baseline=base_result,
        reporting=report_result,
        by_program_year=savings_by_program_year(report_result, accepted) if accepted else (),
        cusum=cusum(report_result.periods),
        meter_name=meter_name,
        station_name=station_name,
        program_start=info.reporting_start,
        first_deliverables_accepted=accepted,
        program_years_note=None if accepted else program_years_missing_acceptance(),
    )
