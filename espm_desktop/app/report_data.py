"""What the score and portfolio reports show, gathered from the database the way the Score page gathers it.

Each property goes through `app.score.score_property` (calendarise, check, period, degree days, score) on the
session's own connection; the reports (reports/score_report.py, reports/portfolio_report.py) only draw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from espm_desktop.app.score import score_property
from espm_desktop.core.calendarize import (
    Period,
    PropertyMonths,
    calendarize_meter,
    latest_full_period,
    meter_total,
    month_complete,
    month_start,
)
from espm_desktop.core.chart_series import Basis, meter_series, use_per_hdd
from espm_desktop.core.checks import check_meter
from espm_desktop.core.score.bank_branch_target import find_target
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.db import models
from espm_desktop.db.repo import property_data
from espm_desktop.db.weather import station_monthly_degree_days
from espm_desktop.reports.consumption_report import ConsumptionReportData, MeterReport, month_use
from espm_desktop.reports.portfolio_report import OPEN_SEVERITIES, PortfolioReportData, PortfolioRow
from espm_desktop.reports.score_report import TARGET_SCORE, MonthSource, ScoreReportData


def score_report_data(
    session_or_engine: Session | Engine, property_id: int, language: str, period_end: date | None = None
) -> ScoreReportData:
    """Load, calendarise, check and score like the Score page; raises NoResultFound for an unknown id."""
    if isinstance(session_or_engine, Engine):
        with Session(session_or_engine) as session:
            return _score_report(session, property_id, language, period_end)
    return _score_report(session_or_engine, property_id, language, period_end)


def _score_report(
    session: Session, property_id: int, language: str, period_end: date | None
) -> ScoreReportData:
    row = session.get(models.Property, property_id)
    if row is None:
        raise NoResultFound(f"No property {property_id}")
    view = score_property(session, property_id, period_end)
    address = ", ".join(
        p for p in (row.street_address, row.city, f"{row.province} {row.postal_code}".strip()) if p
    )
    types: list[str] = []
    monthly: list[MonthSource] = []
    if view.period is not None:
        for m in view.months.meters:
            if m.energy_type not in types:
                types.append(m.energy_type)
        for i in view.period.month_indexes():
            sums = [0.0] * len(types)
            for m in view.months.meters:
                sums[types.index(m.energy_type)] += m.source_gj_in(i)
            monthly.append(MonthSource(month_start(i), tuple(sums)))
    result = view.result
    target = None
    if result is not None and result.score is not None:
        target = find_target(result, TARGET_SCORE)
    meters = tuple((m.meter_name, m.energy_type) for m in view.totals.meters) if view.totals else ()
    return ScoreReportData(
        property_id=property_id,
        name=row.name,
        address=address,
        espm_property_id=row.espm_property_id,
        property_type=row.property_type,
        is_bank_branch=view.is_bank_branch,
        gross_floor_area_m2=row.gross_floor_area_m2,
        period=view.period,
        result=result,
        degree_days=view.degree_days,
        station=view.station,
        findings=view.findings,
        energy_types=tuple(types),
        monthly=tuple(monthly),
        meters=meters,
        target=target,
        language=language,
    )


def portfolio_report_data(
    session_or_engine: Session | Engine, language: str, property_ids: Sequence[int] | None = None
) -> PortfolioReportData:
    """Every property (or those of `property_ids`), by name."""
    if isinstance(session_or_engine, Engine):
        with Session(session_or_engine) as session:
            return _portfolio_report(session, language, property_ids)
    return _portfolio_report(session_or_engine, language, property_ids)


def _portfolio_report(
    session: Session, language: str, property_ids: Sequence[int] | None
) -> PortfolioReportData:
    query = select(models.Property).order_by(models.Property.name, models.Property.id)
    if property_ids is not None:
        query = query.where(models.Property.id.in_(property_ids))
    rows = []
    # A finding the user acknowledged in the window (db/findings.py) is not an open one.
    acknowledged: dict[int, set[tuple[str, str, str]]] = {}
    for meter_id, code, start, end in session.execute(
        select(
            models.FindingAcknowledgement.meter_id,
            models.FindingAcknowledgement.code,
            models.FindingAcknowledgement.period_start,
            models.FindingAcknowledgement.period_end,
        )
    ):
        acknowledged.setdefault(meter_id, set()).add((code, start, end))
    for prop_row in session.scalars(query).all():
        view = score_property(session, prop_row.id)
        seen = {(m.name, key) for m in prop_row.meters for key in acknowledged.get(m.id, ())}
        months = view.months
        if view.period is not None:
            window = view.period.month_indexes()
        else:
            span = months.month_range()
            window = range(max(span.start, span.stop - 12), span.stop) if span else range(0)
        statuses = Counter(m.data_exchange_status for m in prop_row.meters)
        rows.append(
            PortfolioRow(
                property_id=prop_row.id,
                name=prop_row.name,
                property_type=prop_row.property_type,
                gross_floor_area_m2=prop_row.gross_floor_area_m2,
                period=view.period,
                site_gj=view.totals.site_gj if view.totals else None,
                source_gj=view.totals.source_gj if view.totals else None,
                score=view.result.score if view.result is not None and view.is_bank_branch else None,
                months_with_bills=sum(1 for i in window if month_complete(months, i)),
                exchange=tuple((s.value, statuses[s.value]) for s in DataExchangeStatus if statuses[s.value]),
                open_findings=sum(
                    1
                    for f in view.findings
                    if f.severity in OPEN_SEVERITIES and (f.meter_name, f.key) not in seen
                ),
            )
        )
    return PortfolioReportData(tuple(rows), language)


def consumption_report_data(
    session_or_engine: Session | Engine, property_id: int, language: str
) -> ConsumptionReportData:
    """Load and calendarise one property's meters; raises NoResultFound for an unknown id."""
    if isinstance(session_or_engine, Engine):
        with Session(session_or_engine) as session:
            return _consumption_report(session, property_id, language)
    return _consumption_report(session_or_engine, property_id, language)


def _consumption_report(session: Session, property_id: int, language: str) -> ConsumptionReportData:
    prop = property_data(session, property_id)
    row = session.get(models.Property, property_id)
    assert row is not None  # property_data raised otherwise
    address = ", ".join(
        p for p in (row.street_address, row.city, f"{row.province} {row.postal_code}".strip()) if p
    )
    station = None
    monthly_dd = []
    if row.weather_station_id is not None:
        found = session.get(models.WeatherStation, row.weather_station_id)
        station = found.name if found is not None else None
        monthly_dd = station_monthly_degree_days(session, row.weather_station_id)
    meters = []
    for meter in prop.meters:
        cal = calendarize_meter(meter)
        period = latest_full_period(PropertyMonths(prop.name, (cal,)))
        shown = period or (Period(cal.last_month - 11) if cal.usage else None)
        per_hdd = use_per_hdd(meter_series(meter, cal, Basis.NATIVE), monthly_dd) if monthly_dd else None
        months = tuple(month_use(cal, i, per_hdd) for i in shown.month_indexes()) if shown else ()
        total = meter_total(cal, shown) if shown else None
        meters.append(
            MeterReport(
                name=meter.name,
                energy_type=meter.energy_type,
                unit=meter.unit,
                period=period,
                months=months,
                usage=total.usage if total else 0.0,
                site_gj=total.site_gj if total else 0.0,
                cost=total.cost if total else None,
                findings=tuple(check_meter(meter, cal)),
                bills=tuple(meter.bills),
            )
        )
    return ConsumptionReportData(property_id, row.name, address, tuple(meters), station, language)
