"""The portfolio report: one row per property — its latest 12 full months in GJ, site and source EUI, the
ENERGY STAR score where one exists, completeness, the Énergir data-exchange status of its meters and its open
findings — with totals.

Each property is gathered the way the score report gathers it (app/report_data.py: `portfolio_report_data`);
the page template is the consumption report's (`ReportDoc`, `write_pdf`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm

from espm_desktop.core import formatting as fmt
from espm_desktop.core.calendarize import Period
from espm_desktop.core.data_exchange_reference import STATUS_LABELS
from espm_desktop.core.i18n import N_, _
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.reports.fonts import register_fonts
from espm_desktop.reports.pdf_doc import ReportDoc, page_size_of, write_pdf

OPEN_SEVERITIES = ("error", "warning")
"""Findings counted as open: information notes are context, not something to fix."""


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    """One property of the portfolio."""

    property_id: int
    name: str
    property_type: str
    gross_floor_area_m2: float
    period: Period | None
    """The latest 12 full calendar months in which every meter has data."""
    site_gj: float | None
    source_gj: float | None
    score: int | None
    months_with_bills: int
    """Of the 12 months of `period`, else of the last 12 months with data: those every meter covers."""
    exchange: tuple[tuple[str, int], ...]
    """(DataExchangeStatus value, number of meters) for the property's meters, in the order of the statuses."""
    open_findings: int

    @property
    def site_eui_gj_per_m2(self) -> float | None:
        return _per_m2(self.site_gj, self.gross_floor_area_m2)

    @property
    def source_eui_gj_per_m2(self) -> float | None:
        return _per_m2(self.source_gj, self.gross_floor_area_m2)


def _per_m2(gj: float | None, area_m2: float) -> float | None:
    return gj / area_m2 if gj is not None and area_m2 > 0 else None


@dataclass(frozen=True, slots=True)
class PortfolioReportData:
    rows: tuple[PortfolioRow, ...]
    language: str
    report_date: date = field(default_factory=date.today)

    @property
    def site_gj(self) -> float:
        return sum(r.site_gj or 0.0 for r in self.rows)

    @property
    def source_gj(self) -> float:
        return sum(r.source_gj or 0.0 for r in self.rows)

    @property
    def area_with_period_m2(self) -> float:
        """Floor area of the properties that have 12 full months (the EUI totals divide by it)."""
        return sum(r.gross_floor_area_m2 for r in self.rows if r.site_gj is not None)


# --- texts -----------------------------------------------------------------------------------------------------
# The report's texts, English catalog ids (their French is in resources/translations/espm_desktop_fr.po).
TEXTS: dict[str, str] = {
    "title": N_("Portfolio Report"),
    "portfolio": N_("Portfolio"),
    "intro": N_(
        "Properties: {count}. Each row covers the property's latest 12 full calendar months (every meter "
        "has data); the ENERGY STAR score is computed for bank branches only (NRCan method)."
    ),
    "col_property": N_("Property"),
    "col_period": N_("Latest 12 full months"),
    "col_site": N_("Site (GJ)"),
    "col_site_eui": N_("Site EUI (GJ/m²)"),
    "col_source_eui": N_("Source EUI (GJ/m²)"),
    "col_score": N_("Score"),
    "col_complete": N_("Months with bills"),
    "col_exchange": N_("Énergir data exchange"),
    "col_findings": N_("Open findings"),
    "total": N_("Total ({count} properties)"),
    "no_period": N_("no period"),
    "no_meter": N_("no meter"),
    "notes": N_(
        "EUI: energy use intensity = energy ÷ gross floor area; in the total, the energy and floor area "
        "of the properties that have 12 full months. Months with bills: months of the period (or of the "
        "last 12 months of data) that every meter covers. Open findings: errors and warnings of the data "
        "checks, less those acknowledged in the window."
    ),
    "empty": N_("No property in the database."),
    "page": N_("Page {n} of {total}"),
}


def texts(language: str) -> dict[str, str]:
    """The report's texts in `language` ('fr' or 'en')."""
    return {key: _(text, language) for key, text in TEXTS.items()}


def _exchange(doc: ReportDoc, row: PortfolioRow, t: dict[str, str]) -> str:
    if not row.exchange:
        return t["no_meter"]
    return "; ".join(
        f"{STATUS_LABELS[DataExchangeStatus(s)].get('fr' if doc.lang == 'fr' else 'en')} ({doc.n(n)})"
        for s, n in row.exchange
    )


def render_portfolio_report(
    data: PortfolioReportData,
    out: Path | str,
    language: str,
    page_size: str = "letter",
    protected: Iterable[Path | str] = (),
) -> None:
    """Write the portfolio report PDF (landscape) to `out` atomically; `page_size` is "letter" or "a4"."""
    size = landscape(page_size_of(page_size))
    doc = ReportDoc(language, register_fonts())
    t = texts(doc.lang)
    width = size[0] - 32 * mm
    story: list[Any] = [doc.p(t["title"], doc.h1), doc.p(t["intro"].format(count=doc.n(len(data.rows))))]
    if not data.rows:
        story.append(doc.p(t["empty"]))
    else:
        cols = ("col_property", "col_period", "col_site", "col_site_eui", "col_source_eui", "col_score",
                "col_complete", "col_findings", "col_exchange")  # fmt: skip
        table_rows: list[list[Any]] = [[t[c] for c in cols]]
        for r in data.rows:
            period = (
                f"{fmt.month_year(r.period.start.year, r.period.start.month, doc.lang, short=True)} – {fmt.month_year(r.period.end.year, r.period.end.month, doc.lang, short=True)}"
                if r.period
                else t["no_period"]
            )
            table_rows.append(
                [
                    r.name,
                    period,
                    doc.n(r.site_gj, 1),
                    doc.n(r.site_eui_gj_per_m2, 3),
                    doc.n(r.source_eui_gj_per_m2, 3),
                    doc.n(r.score),
                    f"{doc.n(r.months_with_bills)} / {doc.n(12)}",
                    doc.n(r.open_findings),
                    _exchange(doc, r, t),
                ]
            )
        area = data.area_with_period_m2
        table_rows.append(
            [
                t["total"].format(count=doc.n(len(data.rows))),
                "",
                doc.n(data.site_gj, 1),
                doc.n(data.site_gj / area if area > 0 else None, 3),
                doc.n(data.source_gj / area if area > 0 else None, 3),
                "",
                f"{doc.n(sum(r.months_with_bills for r in data.rows))} / {doc.n(12 * len(data.rows))}",
                doc.n(sum(r.open_findings for r in data.rows)),
                "",
            ]
        )
        share = (0.2, 0.13, 0.09, 0.08, 0.09, 0.05, 0.08, 0.07, 0.21)
        story.append(
            doc.table(table_rows, [x * width for x in share], right_from=2, right_to=7, bold_last=True)
        )
        story.append(doc.p(t["notes"], doc.small))
    write_pdf(doc, story, out, size, t["portfolio"], t["title"], data.report_date, t["page"], protected)
