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
from espm_desktop.core.score.bank_branch import BankBranchResult, compute_score, inputs_from_property
from espm_desktop.core.types import PropertyData, PropertyType
from espm_desktop.db import models
from espm_desktop.db.repo import property_data
from espm_desktop.db.weather import PropertyDegreeDaysResult, property_degree_days


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
            months = ", ".join(d.strftime("%Y-%m") for d in m.missing_months)
            out.append(
                Finding(
                    "period_incomplete",
                    "error",
                    m.meter_name,
                    totals.period.start,
                    totals.period.end,
                    f"Meter '{m.meter_name}' does not cover these months of the chosen period: {months}. "
                    "Add the bills or choose another period.",
                    f"Le compteur « {m.meter_name} » ne couvre pas ces mois de la période choisie : {months}. "
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


def load_score_view(session: Session, property_id: int, period_end: date | None = None) -> ScoreView:
    """Calendarise, check, take the period (latest 12 full months unless `period_end` is given) and score."""
    prop = property_data(session, property_id)
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
    return ScoreView(prop, is_bank, latest, period, _period_ends(months), totals, dd, result, tuple(findings))
