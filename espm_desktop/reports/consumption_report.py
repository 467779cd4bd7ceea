"""The consumption report: per meter, the latest 12 full calendar months of use (native unit, GJ, cost) as a
table and a bar chart, use per heating degree-day where weather exists, the data findings, and the bills.

The data come from the database through the Qt-free helpers (db.repo.property_data, core.calendarize, the
charts' core.chart_series and the checks of core.checks), in one short session; the page template (property
name, date, page n of N; DejaVu embedded; Letter or A4) is the score report's, shared here as `ReportDoc` and
`write_pdf` so the portfolio report uses it too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from espm_desktop.core import energy
from espm_desktop.core import formatting as fmt
from espm_desktop.core.calendarize import (
    MeterMonths,
    Period,
    month_start,
)
from espm_desktop.core.chart_series import UsePerHdd
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import N_, _, pgettext
from espm_desktop.core.types import Bill
from espm_desktop.reports.fonts import register_fonts
from espm_desktop.reports.pdf_doc import MUTED, ReportDoc, monthly_bar_chart, page_size_of, write_pdf
from espm_desktop.reports.score_report_texts import severity_label

_BAR = colors.HexColor("#1F77B4")


@dataclass(frozen=True, slots=True)
class MonthUse:
    """One calendar month of one meter."""

    month: date
    usage: float
    """Native unit."""
    site_gj: float
    cost: Decimal | None
    hdd: float | None
    """Heating degree-days of the month (scaled up for missing days); None without enough weather."""
    use_per_hdd: float | None
    """Native units per HDD; None where the charts leave it out (incomplete month, few degree days)."""


@dataclass(frozen=True, slots=True)
class MeterReport:
    """What the report shows for one meter."""

    name: str
    energy_type: str
    unit: str
    period: Period | None
    """The meter's latest 12 full calendar months; None when it has none (then `months` are its last 12)."""
    months: tuple[MonthUse, ...]
    usage: float
    site_gj: float
    cost: Decimal | None
    findings: tuple[Finding, ...]
    bills: tuple[Bill, ...]


@dataclass(frozen=True, slots=True)
class ConsumptionReportData:
    """One property's consumption report."""

    property_id: int
    name: str
    address: str
    meters: tuple[MeterReport, ...]
    station: str | None
    """Name of the linked weather station, if any."""
    language: str
    report_date: date = field(default_factory=date.today)


def month_use(cal: MeterMonths, index: int, per_hdd: UsePerHdd | None) -> MonthUse:
    """One month of a meter as the report lists it: use, GJ, cost, and use per degree-day where weather exists."""
    hdd = ratio = None
    if per_hdd is not None and index in per_hdd.months:
        k = per_hdd.months.index(index)
        hdd = None if math.isnan(per_hdd.hdd[k]) else per_hdd.hdd[k]
        ratio = None if math.isnan(per_hdd.ratio[k]) else per_hdd.ratio[k]
    return MonthUse(
        month_start(index), cal.usage_in(index), cal.site_gj_in(index), cal.cost_in(index), hdd, ratio
    )


# --- texts -----------------------------------------------------------------------------------------------------
# The report's texts, English catalog ids (their French is in resources/translations/espm_desktop_fr.po).
TEXTS: dict[str, str] = {
    "title": N_("Consumption Report"),
    "property": N_("Property"),
    "address": N_("Address"),
    "report_date": N_("Report date"),
    "station": N_("Linked weather station"),
    "none": N_("none"),
    "summary": N_("Meters at a glance (each meter's latest 12 full calendar months)"),
    "col_meter": N_("Meter"),
    "col_energy": N_("Energy"),
    "col_period": N_("Period"),
    "col_use": N_("Use"),
    "col_gj": N_("GJ (site)"),
    "col_cost": N_("Cost"),
    "col_month": N_("Month"),
    "col_hdd": N_("HDD"),
    "col_per_hdd": N_("{unit} per HDD"),
    "total": N_("Total"),
    "period_value": N_("{start} to {end}"),
    "not_full": N_("Not 12 full calendar months: the last 12 months of data are shown, incomplete."),
    "no_data": N_("No bills for this meter."),
    "no_meters": N_("This property has no meters."),
    "chart_unit": N_("Monthly use ({unit})"),
    "hdd_note": N_(
        "Heating degree-days (base 18 °C) of the linked station, scaled up for missing days, as on the "
        "Charts page; use per HDD is left out for an incomplete month or one under 30 HDD. Data Source: "
        "Environment and Climate Change Canada."
    ),
    "no_weather": N_("No linked weather station: no use per degree-day."),
    "findings": N_("Data findings"),
    "no_findings": N_("No problem found in the data."),
    "col_severity": N_("Severity"),
    "col_message": N_("Finding"),
    "appendix": N_("Appendix – Bill list"),
    "col_start": N_("Start"),
    "col_end": N_("End"),
    "col_days": N_("Days"),
    "col_source": N_("Came from"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "src_manual": N_("Typed"),
    "src_import": N_("Imported"),
    "src_data_exchange": N_("Data exchange"),
    "page": N_("Page {n} of {total}"),
}


def texts(language: str) -> dict[str, str]:
    """The report's texts in `language` ('fr' or 'en')."""
    t = {key: _(text, language) for key, text in TEXTS.items()}
    # The window's bill table says "Estimation"; a bill in this list is « Estimée ».
    t["col_estimated"] = pgettext("bill list", "Estimated", language)
    return t


def energy_label(energy_type: str, lang: str) -> str:
    et = energy.energy_type(energy_type)
    return et.label_fr if lang == "fr" else et.label_en


def unit_symbol(energy_type: str, unit: str) -> str:
    """'m³', 'kWh': the unit's label without its explanation in brackets."""
    return energy.unit(energy_type, unit).label_fr.split(" ")[0]


# --- the consumption report --------------------------------------------------------------------------------
def _summary(doc: ReportDoc, t: dict[str, str], data: ConsumptionReportData, width: float) -> list[Any]:
    rows: list[list[Any]] = [
        [t[c] for c in ("col_meter", "col_energy", "col_period", "col_use", "col_gj", "col_cost")]
    ]
    for m in data.meters:
        period = doc.period(m.period, t) if m.period else "—"
        use = doc.q(m.usage, unit_symbol(m.energy_type, m.unit)) if m.months else "—"
        rows.append(
            [
                m.name,
                energy_label(m.energy_type, doc.lang),
                period,
                use,
                doc.n(m.site_gj, 1),
                doc.money(m.cost),
            ]
        )
    widths = [x * width for x in (0.2, 0.16, 0.24, 0.15, 0.11, 0.14)]
    return [doc.p(t["summary"], doc.h2), doc.table(rows, widths, right_from=3)]


def _chart(doc: ReportDoc, t: dict[str, str], m: MeterReport, width: float) -> Drawing:
    f, unit = doc.f, unit_symbol(m.energy_type, m.unit)
    height = 62 * mm
    d = Drawing(width, height, initialFontName=f.regular)
    chart = monthly_bar_chart(
        doc,
        (18 * mm, 12 * mm, width - 24 * mm, height - 20 * mm),
        [mu.month for mu in m.months],
        [[mu.usage for mu in m.months]],
    )
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _BAR, None
    d.add(chart)
    label = t["chart_unit"].format(unit=unit)
    d.add(String(2 * mm, height - 4 * mm, doc.s(label), fontName=f.regular, fontSize=7.5, fillColor=MUTED))
    return d


def _months_table(doc: ReportDoc, t: dict[str, str], m: MeterReport, width: float, weather: bool) -> Table:
    unit = unit_symbol(m.energy_type, m.unit)
    head = [t["col_month"], f"{t['col_use']} ({unit})", t["col_gj"], t["col_cost"]]
    if weather:
        head += [t["col_hdd"], t["col_per_hdd"].format(unit=unit)]
    rows: list[list[Any]] = [head]
    for mu in m.months:
        row = [fmt.month_year(mu.month.year, mu.month.month, doc.lang), doc.n(mu.usage), doc.n(mu.site_gj, 1),
               doc.money(mu.cost)]  # fmt: skip
        if weather:
            row += [doc.n(mu.hdd), doc.n(mu.use_per_hdd, 2)]
        rows.append(row)
    total = [t["total"], doc.n(m.usage), doc.n(m.site_gj, 1), doc.money(m.cost)]
    if weather:
        hdds = [mu.hdd for mu in m.months]
        total += [doc.n(sum(h for h in hdds if h is not None)) if None not in hdds else "—", ""]
    rows.append(total)
    share = (0.22, 0.17, 0.14, 0.15, 0.14, 0.18) if weather else (0.3, 0.25, 0.2, 0.25)
    return doc.table(rows, [x * width for x in share], right_from=1, bold_last=True)


def _findings(doc: ReportDoc, t: dict[str, str], m: MeterReport, width: float) -> list[Any]:
    out: list[Any] = [doc.p(t["findings"], doc.body)]
    if not m.findings:
        return [*out, doc.p(t["no_findings"], doc.small)]
    rows: list[list[Any]] = [[t["col_severity"], t["col_message"]]]
    for f in m.findings:
        rows.append(
            [severity_label(f.severity, doc.lang), f.message_fr if doc.lang == "fr" else f.message_en]
        )
    return [*out, doc.table(rows, (0.16 * width, 0.84 * width))]


def _meter_section(
    doc: ReportDoc, t: dict[str, str], data: ConsumptionReportData, m: MeterReport, width: float
) -> list[Any]:
    head = f"{m.name} – {energy_label(m.energy_type, doc.lang)}"
    out: list[Any] = [doc.p(head, doc.h2)]
    if not m.months:
        return [*out, doc.p(t["no_data"]), *_findings(doc, t, m, width)]
    out.append(doc.p(doc.period(m.period, t) if m.period else t["not_full"], doc.body))
    out.append(_chart(doc, t, m, width))
    out.append(_months_table(doc, t, m, width, data.station is not None))
    out.append(doc.p(t["hdd_note"] if data.station is not None else t["no_weather"], doc.small))
    out.append(Spacer(1, 2 * mm))
    out += _findings(doc, t, m, width)
    return out


def _bills(doc: ReportDoc, t: dict[str, str], data: ConsumptionReportData, width: float) -> list[Any]:
    out: list[Any] = [doc.p(t["appendix"], doc.h2)]
    meter_head = ParagraphStyle("meter", parent=doc.body, fontName=doc.f.bold, spaceBefore=6, spaceAfter=2)
    for m in data.meters:
        out.append(doc.p(f"{m.name} – {energy_label(m.energy_type, doc.lang)}", meter_head))
        if not m.bills:
            out.append(doc.p(t["no_data"], doc.small))
            continue
        unit = unit_symbol(m.energy_type, m.unit)
        cols = ("col_start", "col_end", "col_days", "col_use", "col_cost", "col_estimated", "col_source")
        rows: list[list[Any]] = [[t[c] if c != "col_use" else f"{t[c]} ({unit})" for c in cols]]
        for b in m.bills:
            rows.append([doc.d(b.start), doc.d(b.end), doc.n((b.end - b.start).days + 1), doc.n(b.usage, 0 if float(b.usage).is_integer() else 2),
                         doc.money(b.cost), t["yes"] if b.estimated else t["no"], t[f"src_{b.source.value}"]])  # fmt: skip
        share = (0.15, 0.15, 0.08, 0.17, 0.14, 0.11, 0.2)
        out.append(doc.table(rows, [x * width for x in share], right_from=2, right_to=4))
    return out


def render_consumption_report(
    data: ConsumptionReportData,
    out: Path | str,
    language: str,
    page_size: str = "letter",
    protected: Iterable[Path | str] = (),
) -> None:
    """Write the consumption report PDF to `out` atomically; `page_size` is "letter" or "a4"."""
    size = page_size_of(page_size)
    doc = ReportDoc(language, register_fonts())
    t = texts(doc.lang)
    width = size[0] - 32 * mm
    ident = [
        (t["property"], data.name),
        (t["address"], data.address or "—"),
        (t["station"], data.station or t["none"]),
        (t["report_date"], doc.d(data.report_date)),
    ]
    story: list[Any] = [
        doc.p(t["title"], doc.h1),
        doc.table([[fmt.label(k, doc.lang), v] for k, v in ident], (0.3 * width, 0.7 * width), header=False),
    ]
    if not data.meters:
        story.append(doc.p(t["no_meters"]))
    else:
        story += _summary(doc, t, data, width)
    for m in data.meters:
        section = _meter_section(doc, t, data, m, width)
        story += [KeepTogether(section[:4]), *section[4:]]
    if any(m.bills for m in data.meters):
        story += [PageBreak(), *_bills(doc, t, data, width)]
    write_pdf(doc, story, out, size, data.name, t["title"], data.report_date, t["page"], protected)
