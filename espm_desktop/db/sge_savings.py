"""The measured savings of a participant: the gas meter's bills and the linked station's days, fitted and
compared (core/savings.py), or a message saying what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.savings import (
    BaselineFit,
    BillingPeriod,
    Message,
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
from espm_desktop.core.sge.rules import Phase
from espm_desktop.db import models
from espm_desktop.db.sge_participants import load_participant
from espm_desktop.db.sge_records import ParticipantFile, ProductionEntry


# --- measured savings ----------------------------------------------------------------------------------------
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


def _period_list(periods: Sequence[BillingPeriod], shown: int = 6) -> tuple[str, str]:
    """'start–end' of the first periods, then how many more, in French and in English."""
    fr = ", ".join(f"du {p.start} au {p.end}" for p in periods[:shown])
    en = ", ".join(f"{p.start} to {p.end}" for p in periods[:shown])
    more = len(periods) - shown
    if more > 0:
        fr, en = f"{fr} et {more} autre{'s' if more > 1 else ''}", f"{en} and {more} more"
    return fr, en


def _no_data(fr: str, en: str) -> SavingsInputError:
    return SavingsInputError(fr, en)


def savings_analysis(session: Session, participant_id: int) -> SavingsAnalysis:
    """Fit the baseline on the gas meter's bills and the linked station's days; say what is missing if not."""
    file = load_participant(session, participant_id)
    info = file.info
    meter = session.get(models.Meter, info.gas_meter_id) if info.gas_meter_id is not None else None
    if meter is None:
        raise _no_data(
            "Choisissez le compteur de gaz du site (onglet Économies) pour calculer les économies.",
            "Choose the site's gas meter (Savings tab) to compute the savings.",
        )
    if meter.unit != "m3":
        raise _no_data(
            f"Le compteur « {meter.name} » est en {meter.unit} : le suivi SGÉ se calcule en m³. "
            "Choisissez un compteur de gaz naturel en m³.",
            f"Meter '{meter.name}' is in {meter.unit}: SGÉ follow-up is computed in m³. "
            "Choose a natural-gas meter in m³.",
        )
    if info.baseline_start is None or info.baseline_end is None or info.reporting_start is None:
        raise _no_data(
            "Indiquez le début et la fin de la période de référence et le début de la période de suivi.",
            "Enter the start and end of the baseline period and the start of the reporting period.",
        )
    check_periods(info.baseline_start, info.baseline_end, info.reporting_start)
    prop = meter.property
    station = session.get(models.WeatherStation, prop.weather_station_id) if prop.weather_station_id else None
    if station is None:
        raise _no_data(
            f"La propriété « {prop.name} » n'est liée à aucune station météo. Importez les fichiers quotidiens "
            "d'Environnement Canada (page Météo) et liez-y la propriété.",
            f"Property '{prop.name}' is not linked to a weather station. Import Environment Canada daily files "
            "(Weather page) and link the property to its station.",
        )
    temps = {
        day: t
        for day, t in session.execute(
            select(models.WeatherDay.day, models.WeatherDay.mean_temp_c).where(
                models.WeatherDay.station_id == station.id
            )
        )
        if t is not None
    }
    bills = sorted(meter.bills, key=lambda b: b.start_date)

    def periods(first: date, last: date | None) -> list[BillingPeriod]:
        out = []
        for b in bills:
            if b.start_date >= first and (last is None or b.end_date <= last):
                p = BillingPeriod(b.start_date, b.end_date, b.usage)
                production = _production_in(p, file.production) if info.use_production else None
                out.append(BillingPeriod(p.start, p.end, p.usage_m3, production))
        return out

    base = periods(info.baseline_start, info.baseline_end)
    report = periods(info.reporting_start, None)
    if not base:
        raise _no_data(
            f"Aucune facture du compteur « {meter.name} » entre le {info.baseline_start} et le "
            f"{info.baseline_end} : importez les factures ou changez la période de référence.",
            f"No bill of meter '{meter.name}' between {info.baseline_start} and {info.baseline_end}: "
            "import the bills or change the baseline period.",
        )
    if not report:
        raise _no_data(
            f"Aucune facture du compteur « {meter.name} » depuis le {info.reporting_start} (période de suivi).",
            f"No bill of meter '{meter.name}' since {info.reporting_start} (reporting period).",
        )
    needed = [p.start + timedelta(days=i) for p in base + report for i in range(p.days)]
    if not any(day in temps for day in needed):
        raise _no_data(
            f"La station « {station.name} » n'a aucune température pour les périodes des factures : importez "
            "les années manquantes (page Météo).",
            f"Station '{station.name}' has no temperature for the bills' periods: import the missing years "
            "(Weather page).",
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
        listed_fr, listed_en = _period_list(missing_base)
        raise _no_data(
            f"{exc.message_fr} Périodes de référence sans production : {listed_fr}. Saisissez-la avec "
            "« Production… » (onglet Économies) ou décochez la variable de production.",
            f"{exc.message_en} Baseline periods without production: {listed_en}. Enter it with "
            "'Production…' (Savings tab) or untick the production variable.",
        ) from exc
    missing_report = [p for p in report if info.use_production and p.production is None]
    if missing_report:
        # The model would read no production as zero output and overstate the savings.
        listed_fr, listed_en = _period_list(missing_report)
        raise _no_data(
            f"La variable de production est cochée, mais ces périodes de suivi n'ont pas de production : "
            f"{listed_fr}. Saisissez-la avec « Production… » (onglet Économies) ou décochez la variable.",
            f"The production variable is on, but these reporting periods have no production: {listed_en}. "
            "Enter it with 'Production…' (Savings tab) or untick the variable.",
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
        meter_name=meter.name,
        station_name=station.name,
        program_start=info.reporting_start,
        first_deliverables_accepted=accepted,
        program_years_note=None if accepted else program_years_missing_acceptance(),
    )


def gas_meters(session: Session) -> list[tuple[int, str]]:
    """Every natural-gas meter as (id, "property — meter"), for the savings tab's picker."""
    rows = session.execute(
        select(models.Meter.id, models.Property.name, models.Meter.name)
        .join(models.Property)
        .where(models.Meter.energy_type == "natural_gas")
        .order_by(models.Property.name, models.Meter.name)
    )
    return [(int(mid), f"{pname} — {mname}") for mid, pname, mname in rows]


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
