"""The PDF reports (score, consumption, portfolio): gathered from the database, then drawn to a file.

Gathering reads in one short session (given, or opened on an engine); drawing needs no database. They are two
steps so that a caller can tell a database problem from a file problem (the CLI's exit codes 3 and 2) and can
stop between them (the window's Cancel). `espm-desktop report` and the window's Print… and Save as PDF… both
come through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from espm_desktop.app.report_data import consumption_report_data, portfolio_report_data, score_report_data
from espm_desktop.db import models
from espm_desktop.reports.consumption_report import ConsumptionReportData, render_consumption_report
from espm_desktop.reports.portfolio_report import PortfolioReportData, render_portfolio_report
from espm_desktop.reports.score_report import ScoreReportData, render_score_report

PAGE_SIZES = ("letter", "a4")
"""Paper sizes every report can be drawn on; Letter is the default (North America)."""

ReportData = ScoreReportData | ConsumptionReportData | PortfolioReportData


class ReportKind(StrEnum):
    SCORE = "score"
    """One property's ENERGY STAR score over 12 full months."""
    CONSUMPTION = "consumption"
    """One property's meters over their latest 12 full months."""
    PORTFOLIO = "portfolio"
    """One row per property, with totals."""


def gather_report(
    session_or_engine: Session | Engine,
    kind: ReportKind | str,
    language: str,
    property_id: int | None = None,
    *,
    period_end: date | None = None,
) -> ReportData:
    """What the report shows, read from the database.

    `property_id` is required for the score and consumption reports and limits a portfolio to that property
    (None: every property). `period_end` picks the score report's 12 months (None: the latest full ones).
    Raises NoResultFound for an unknown property.
    """
    kind = ReportKind(kind)
    if kind is ReportKind.PORTFOLIO:
        return portfolio_report_data(
            session_or_engine, language, None if property_id is None else [property_id]
        )
    if property_id is None:
        raise ValueError(f"the {kind.value} report is about one property: property_id is required")
    if kind is ReportKind.CONSUMPTION:
        return consumption_report_data(session_or_engine, property_id, language)
    return score_report_data(session_or_engine, property_id, language, period_end)


class PropertyNotNamed(LookupError):
    """No property, or more than one, answers to the id or name a command was given (`ids`: those named)."""

    def __init__(self, name: str, ids: Sequence[int] = ()) -> None:
        super().__init__(name)
        self.name = name
        self.ids = tuple(ids)


def find_property(session: Session, ref: str) -> int:
    """The id of the property named by `ref`: an id, else an exact name (case-insensitive if unique).

    Raises PropertyNotNamed when no property, or several, answer to it.
    """
    text = ref.strip()
    if text.isdigit() and session.get(models.Property, int(text)) is not None:
        return int(text)
    ids = list(session.scalars(select(models.Property.id).where(models.Property.name == text)))
    if not ids:
        ids = list(
            session.scalars(
                select(models.Property.id).where(func.lower(models.Property.name) == text.lower())
            )
        )
    if len(ids) == 1:
        return int(ids[0])
    raise PropertyNotNamed(text, [int(i) for i in ids])


def gather_named_report(
    engine: Engine, kind: ReportKind | str, language: str, property_ref: str | None = None
) -> ReportData:
    """`gather_report` for the property an id or name designates (`find_property`), in one read session."""
    with Session(engine) as session:
        property_id = None if property_ref is None else find_property(session, property_ref)
        return gather_report(session, kind, language, property_id)


def render_report(
    data: ReportData,
    out: Path | str,
    language: str,
    *,
    page_size: str = "letter",
    protected: Iterable[Path | str] = (),
) -> None:
    """Draw the report's PDF to `out` atomically; `protected` (the open database) is never written.

    Raises OutputError (a subclass of OSError) when the file can't be written; the target is then untouched.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, got {page_size!r}")
    if isinstance(data, PortfolioReportData):
        render_portfolio_report(data, out, language, page_size=page_size, protected=protected)
    elif isinstance(data, ConsumptionReportData):
        render_consumption_report(data, out, language, page_size=page_size, protected=protected)
    else:
        render_score_report(data, out, language, page_size=page_size, protected=protected)
