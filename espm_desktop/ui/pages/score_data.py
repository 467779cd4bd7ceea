"""What the score page shows for one property and period, gathered in one short session (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.calendarize import (
    Period,
    PeriodTotals,
    PropertyMonths,
    calendarize_property,
    latest_full_period,
    month_complete,
    month_end,
    month_index,
    month_start,
    period_ending,
    period_totals,
)
from espm_desktop.core.checks import Finding, check_property
from espm_desktop.core.degree_days import period_degree_days
from espm_desktop.core.score.bank_branch import BankBranchResult, compute_score, inputs_from_property
from espm_desktop.core.score.weather_station import StationWarning, station_warnings
from espm_desktop.core.types import PropertyData, PropertyType
from espm_desktop.db import models
from espm_desktop.db.repo import property_data
from espm_desktop.db.weather import (
    PropertyDegreeDaysResult,
    property_degree_days,
    station_monthly_degree_days,
)


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """Whether the 12 months ending `end` can give a score, and if not the first reason why.

    reason: None (they can), "meter_without_bills" (`meter_name`), "months_not_covered" (`meter_name`
    lacks `months_missing` of the 12 months; empty name when no meter has data) or "no_degree_days".
    """

    end: date
    reason: str | None = None
    meter_name: str = ""
    months_missing: int = 0


@dataclass(frozen=True, slots=True)
class StationView:
    """The weather station linked to the property, and what looks wrong about it."""

    name: str
    climate_id: str
    province: str
    warnings: tuple[StationWarning, ...]


@dataclass(frozen=True, slots=True)
class ScoreView:
    prop: PropertyData
    is_bank_branch: bool
    latest: Period | None
    period: Period | None
    period_ends: tuple[date, ...]
    """Every month end that closes 12 months of the data, latest first (what the user may pick)."""
    totals: PeriodTotals | None
    degree_days: PropertyDegreeDaysResult | None
    result: BankBranchResult | None
    findings: tuple[Finding, ...]
    period_statuses: tuple[PeriodStatus, ...] = ()
    """One per entry of `period_ends`, same order."""
    station: StationView | None = None


def first_bank_branch_id(session: Session) -> int | None:
    return session.scalars(
        select(models.Property.id)
        .where(models.Property.property_type == PropertyType.BANK_BRANCH.value)
        .order_by(models.Property.name)
        .limit(1)
    ).first()


def _period_ends(months: PropertyMonths) -> tuple[date, ...]:
    span = months.month_range()
    if len(span) < 12:
        return ()
    return tuple(month_end(i) for i in range(span[-1], span[0] - 1, -1))


def _period_findings(months: PropertyMonths, totals: PeriodTotals) -> list[Finding]:
    out = []
    incomplete = [month_start(i) for i in totals.period.month_indexes() if not month_complete(months, i)]
    if incomplete:
        listed = ", ".join(d.strftime("%Y-%m") for d in incomplete)
        out.append(
            Finding(
                "period_months_incomplete",
                "error",
                None,
                totals.period.start,
                totals.period.end,
                f"The 12 months ending {totals.period.end} are not all covered by bills: {listed}. "
                "Choose another period or add the missing bills.",
                f"Les 12 mois se terminant le {totals.period.end} ne sont pas tous couverts par des factures : "
                f"{listed}. Choisissez une autre période ou ajoutez les factures manquantes.",
            )
        )
    for m in totals.meters:
        if m.missing_months:
            gaps = ", ".join(d.strftime("%Y-%m") for d in m.missing_months)
            out.append(
                Finding(
                    "period_incomplete",
                    "error",
                    m.meter_name,
                    totals.period.start,
                    totals.period.end,
                    f"Meter '{m.meter_name}' does not cover these months of the chosen period: {gaps}. "
                    "Add the bills or choose another period.",
                    f"Le compteur « {m.meter_name} » ne couvre pas ces mois de la période choisie : {gaps}. "
                    "Ajoutez les factures ou choisissez une autre période.",
                )
            )
    return out


def _degree_day_findings(dd: PropertyDegreeDaysResult) -> list[Finding]:
    end = dd.period.end.isoformat()
    if dd.origin == "none" and dd.station_name and dd.months_without_data:
        months = ", ".join(d.strftime("%Y-%m") for d in dd.months_without_data)
        return [
            Finding(
                "degree_days_station_gap",
                "error",
                None,
                dd.period.start,
                dd.period.end,
                f"Station {dd.station_name} has no weather data for {months}. Import that station's daily "
                f"files for these months, or type the degree days of the 12 months ending {end} on the "
                "Weather page.",
                f"La station {dd.station_name} n'a aucune donnée pour {months}. Importez ses fichiers "
                f"quotidiens pour ces mois, ou saisissez les degrés-jours des 12 mois se terminant le {end} "
                "à la page Météo.",
            )
        ]
    if dd.origin == "none":
        return [
            Finding(
                "degree_days_missing",
                "error",
                None,
                dd.period.start,
                dd.period.end,
                f"No degree days for the 12 months ending {end}. On the Weather page, type them (ESPM shows "
                "them for the property) or link the property to a station whose daily files you imported.",
                f"Aucun degré-jour pour les 12 mois se terminant le {end}. À la page Météo, saisissez-les "
                "(ESPM les affiche pour la propriété) ou liez la propriété à une station dont vous avez "
                "importé les fichiers quotidiens.",
            )
        ]
    if dd.origin == "station" and dd.missing_days:
        return [
            Finding(
                "degree_days_missing_days",
                "warning",
                None,
                dd.period.start,
                dd.period.end,
                f"Station {dd.station_name} misses {dd.missing_days} day(s) in the 12 months ending {end}; "
                "each month was scaled up for its missing days.",
                f"Il manque {dd.missing_days} jour(s) à la station {dd.station_name} dans les 12 mois se "
                f"terminant le {end}; chaque mois a été majoré pour ses jours manquants.",
            )
        ]
    return []


def _period_statuses(
    session: Session, row: models.Property, prop: PropertyData, months: PropertyMonths, ends: tuple[date, ...]
) -> tuple[PeriodStatus, ...]:
    if not ends:
        return ()
    without_bills = next((m.name for m in prop.meters if not m.bills), None)
    is_bank = prop.property_type == PropertyType.BANK_BRANCH.value
    typed: set[date] = set()
    monthly = None
    if is_bank:
        typed = set(
            session.scalars(
                select(models.PropertyDegreeDays.period_end).where(
                    models.PropertyDegreeDays.property_id == row.id
                )
            )
        )
        if row.weather_station_id is not None:
            monthly = station_monthly_degree_days(session, row.weather_station_id)
    out: list[PeriodStatus] = []
    for end in ends:
        period = period_ending(end)
        if without_bills is not None:
            out.append(PeriodStatus(end, "meter_without_bills", without_bills))
            continue
        lacking = [i for i in period.month_indexes() if not month_complete(months, i)]
        if lacking:
            name, count = "", len(lacking)
            for m in months.meters:
                n = sum(1 for i in period.month_indexes() if m.is_required(i) and not m.is_full(i))
                if n:
                    name, count = m.meter_name, n
                    break
            out.append(PeriodStatus(end, "months_not_covered", name, count))
            continue
        if is_bank and period.end not in typed:
            if monthly is None or period_degree_days(monthly, period).months_without_data:
                out.append(PeriodStatus(end, "no_degree_days"))
                continue
        out.append(PeriodStatus(end))
    return tuple(out)


def _station_view(session: Session, row: models.Property) -> StationView | None:
    if row.weather_station_id is None:
        return None
    station = session.get(models.WeatherStation, row.weather_station_id)
    if station is None:
        return None
    here: tuple[float, float] | None = None
    # The schema keeps no coordinates for a property: only the province check can run until it does.
    there = (
        (station.latitude, station.longitude)
        if station.latitude is not None and station.longitude is not None
        else None
    )
    warnings = station_warnings(row.province, row.postal_code, station.province, here, there)
    return StationView(station.name, station.climate_id, station.province, warnings)


def load_score_view(session: Session, property_id: int, period_end: date | None = None) -> ScoreView:
    """Calendarise, check, take the period (latest 12 full months unless `period_end` is given) and score."""
    prop = property_data(session, property_id)
    row = session.get(models.Property, property_id)
    assert row is not None  # property_data raised otherwise
    months = calendarize_property(prop)
    latest = latest_full_period(months)
    period = period_ending(period_end) if period_end is not None else latest
    if period is not None and month_index(period.end) not in months.month_range():
        period = latest
    findings = list(check_property(prop, months))
    totals = dd = result = None
    is_bank = prop.property_type == PropertyType.BANK_BRANCH.value
    if period is not None:
        totals = period_totals(months, period)
        findings.extend(_period_findings(months, totals))
        dd = property_degree_days(session, property_id, period)
        if is_bank:
            findings.extend(_degree_day_findings(dd))
        result = compute_score(inputs_from_property(prop, totals, dd.hdd, dd.cdd))
        # The analytical filters describe bank branches; they mean nothing for other types.
        for w in result.warnings if is_bank else ():
            findings.append(Finding(w.code, "warning", None, None, None, w.message_en, w.message_fr))
    ends = _period_ends(months)
    return ScoreView(
        prop,
        is_bank,
        latest,
        period,
        ends,
        totals,
        dd,
        result,
        tuple(findings),
        _period_statuses(session, row, prop, months, ends),
        _station_view(session, row),
    )
