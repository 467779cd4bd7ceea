"""The energy committee's annual report (seed 001, Tableau 6, step 1 « Rapport annuel du comité Énergie »).

The guide asks for at least: each IPÉ's objectives and results, the eligible measures in place and to come,
the gas saved, and the method and calculations behind the savings. Charts are drawn with reportlab.graphics
so the report needs no Qt and no matplotlib.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from espm_desktop.core.i18n import N_, _, message
from espm_desktop.core.numbers import format_number
from espm_desktop.core.savings import (
    BaselineModel,
    NonRoutineAdjustment,
    ProgramYearSavings,
    SavingsResult,
    cusum,
)
from espm_desktop.fs.atomic_files import atomic_write
from espm_desktop.reports.fonts import FontFamily, printable, register_fonts

_ACCENT = colors.HexColor("#1F4E79")
_LIGHT = colors.HexColor("#E8EEF5")
_ACTUAL = colors.HexColor("#e07b1a")


@dataclass(frozen=True, slots=True)
class ReportIndicator:
    name: str
    significant_use: str
    unit: str
    baseline_value: float | None
    objective_value: float | None
    objective_year: int | None
    results: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReportMeasure:
    name: str
    significant_use: str
    done: bool
    planned_date: date | None
    done_date: date | None
    expected_m3: float | None


@dataclass(frozen=True, slots=True)
class ReportMember:
    name: str
    role: str
    energy_manager: bool = False


@dataclass(frozen=True, slots=True)
class AnnualReportData:
    company_name: str
    site_address: str
    energir_file_number: str
    meter_name: str
    station_name: str
    baseline_start: date
    baseline_end: date
    reporting_start: date
    model: BaselineModel
    baseline: SavingsResult  # the model on its own baseline periods (residuals)
    reporting: SavingsResult
    by_program_year: tuple[ProgramYearSavings, ...]
    members: tuple[ReportMember, ...] = ()
    indicators: tuple[ReportIndicator, ...] = ()
    measures: tuple[ReportMeasure, ...] = ()
    adjustments: tuple[NonRoutineAdjustment, ...] = ()
    aid_lines: tuple[str, ...] = ()  # savings follow-up aid per year, explained (core/sge/aid)
    report_date: date = field(default_factory=date.today)


# The report's texts, English catalog ids (their French is in resources/translations/espm_desktop_fr.po).
TEXTS: dict[str, str] = {
    "title": N_("Energy committee annual report"),
    "subtitle": N_("Énergir's energy management system (SGÉ) component – phase 5, savings follow-up"),
    "company": N_("Company"),
    "site": N_("Site"),
    "file": N_("Énergir file no."),
    "date": N_("Report date"),
    "committee": N_("Energy committee"),
    "manager": N_("energy manager"),
    "ipe": N_("1. Energy performance indicators (IPÉ): objectives and results"),
    "ipe_cols": N_("IPÉ|Significant use|Unit|Baseline|Objective|Results|Met?"),
    "met": N_("Yes"),
    "not_met": N_("Not yet"),
    "none": N_("None"),
    "measures": N_("2. Energy savings measures"),
    "done": N_("Measures in place"),
    "to_come": N_("Measures to come"),
    "measure_cols": N_("Measure|Significant use|Date|Expected savings (m³/yr)"),
    "saved": N_("3. Natural gas saved"),
    "year_cols": N_("Program year|From|To|Gas avoided (m³)|Claim"),
    "total": N_("Total since the reporting start"),
    "uncertainty": N_("Fractional savings uncertainty (ASHRAE Guideline 14, {conf}): ± {fsu}"),
    "aid": N_("Savings follow-up aid ($0.10/m³, at most $175,000)"),
    "method": N_("4. Method and calculations"),
    "method_text": N_(
        "IPMVP Option C (whole-site meter), CalTRACK 2.0 billing method in °C: each billing period's use "
        "per day is regressed, weighted by its days, on the average heating degree-days per day at a "
        "balance point searched within the observed temperatures. The chosen model has positive "
        "coefficients and the best adjusted R². A period's savings = use the model predicts with that "
        "period's weather (+ non-routine adjustments) − actual use."
    ),
    "inputs": N_(
        "Meter: {meter}. Weather station: {station}. Baseline period: {b0} to {b1}. Reporting since {r0}."
    ),
    "model": N_("Model"),
    "equation": N_("Use per day (m³) = {a} + {b} × HDD per day ({bp})"),
    "equation0": N_("Use per day (m³) = {a} (intercept-only model)"),
    "prod": N_("+ {c} × production per day"),
    "stat_cols": N_("Statistic|Value|Criterion"),
    "periods": N_("Calculation per reporting period"),
    "period_cols": N_("Start|End|Days|HDD/day|Predicted (m³)|Adjustment (m³)|Actual (m³)|Avoided (m³)"),
    "adjustments": N_("Non-routine adjustments"),
    "adj_cols": N_("From|To|m³/day|Note"),
    "chart1": N_("Use per day: baseline model and actual"),
    "chart2": N_("Cumulative savings (CUSUM, m³)"),
    "predicted": N_("Adjusted baseline (model)"),
    "actual": N_("Actual"),
    "n": N_("Baseline periods"),
}


def texts(language: str) -> dict[str, str]:
    """The report's texts in `language` ('fr' or 'en')."""
    return {key: _(text, language) for key, text in TEXTS.items()}


def _num(value: float | None, language: str, decimals: int = 0) -> str:
    return "" if value is None else format_number(value, language, decimals)


def _day_number(day: date) -> float:
    return float(day.toordinal())


def _line_chart(
    series: Sequence[tuple[str, colors.Color, list[tuple[float, float]]]], title: str, family: FontFamily
) -> Drawing:
    """A dated line chart: x = days (ordinal), labelled by year-month; y in m³."""
    width, height = 170 * mm, 62 * mm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title, fontName=family.bold, fontSize=9.5, fillColor=_ACCENT))
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 48, 30, width - 60, height - 62
    plot.data = [points for _name, _colour, points in series]
    for index, (_name, colour, _points) in enumerate(series):
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 1.4
        plot.lines[index].symbol = makeMarker("FilledCircle", size=2.2, fillColor=colour, strokeColor=colour)
    xs = [x for _name, _colour, points in series for x, _y in points]
    ys = [y for _name, _colour, points in series for _x, y in points]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = min(xs), max(xs)
    first, last = date.fromordinal(int(min(xs))), date.fromordinal(int(max(xs)))
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 3 if months <= 30 else 6
    ticks = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if (month - 1) % step == 0:
            ticks.append(_day_number(date(year, month, 1)))
        year, month = (year + month // 12, month % 12 + 1)
    plot.xValueAxis.valueSteps = [t for t in ticks if min(xs) <= t <= max(xs)]
    plot.xValueAxis.labelTextFormat = lambda v: date.fromordinal(int(v)).strftime("%Y-%m")
    plot.xValueAxis.labels.fontName = family.regular
    plot.xValueAxis.labels.fontSize = 7
    low, high = min(ys), max(ys)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = (
        min(low - pad, 0.0 if low >= 0 else low - pad),
        high + pad,
    )
    plot.yValueAxis.labels.fontName = family.regular
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", " ")
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    drawing.add(plot)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = 56, height - 20
        legend.fontName, legend.fontSize = family.regular, 7.5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 150
        legend.colorNamePairs = [(colour, name) for name, colour, _ in series]
        drawing.add(legend)
    return drawing


def _table(rows: list[list[str]], widths: list[float], family: FontFamily, right_from: int = 99) -> Table:
    body = ParagraphStyle("cell", fontName=family.regular, fontSize=7.8, leading=9.6)
    head = ParagraphStyle("head", parent=body, fontName=family.bold, textColor=colors.white)
    cells = [
        [Paragraph(escape(printable(text, family)), head if r == 0 else body) for text in row]
        for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=widths, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), _ACCENT),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b8c4d4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _LIGHT]),
    ]
    if right_from < len(rows[0]):
        style.append(("ALIGN", (right_from, 1), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def render_annual_report(
    data: AnnualReportData, out: Path | BinaryIO, language: str = "fr", *, protected: Sequence[Path] = ()
) -> None:
    """Write the report (Letter, portrait) in French or English.

    A path is written whole or not at all and never over `protected` (the open database): io.atomic_files.
    """
    if isinstance(out, (str, os.PathLike)):
        with atomic_write(out, protected=protected) as fh:
            render_annual_report(data, fh, language)
        return
    lang = "en" if language == "en" else "fr"
    t = texts(lang)
    family = register_fonts()
    h1 = ParagraphStyle("h1", fontName=family.bold, fontSize=16, leading=20, textColor=_ACCENT)
    h2 = ParagraphStyle("h2", fontName=family.bold, fontSize=11.5, leading=15, textColor=_ACCENT, spaceBefore=8,
                        spaceAfter=4)  # fmt: skip
    h3 = ParagraphStyle("h3", fontName=family.bold, fontSize=9.5, leading=12, spaceBefore=4, spaceAfter=2)
    body = ParagraphStyle("body", fontName=family.regular, fontSize=9, leading=12)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(printable(text, family), style)

    def cols(key: str) -> list[str]:
        return t[key].split("|")

    story: list[object] = [
        p(escape(t["title"]), h1),
        p(escape(t["subtitle"])),
        Spacer(1, 4),
        p(f"<b>{t['company']} :</b> {escape(data.company_name)} &nbsp; <b>{t['site']} :</b> "
          f"{escape(data.site_address)}<br/><b>{t['file']} :</b> {escape(data.energir_file_number)} &nbsp; "
          f"<b>{t['date']} :</b> {data.report_date.isoformat()}".replace(" :", ":" if lang == "en" else " :")),
    ]  # fmt: skip
    if data.members:
        members = "; ".join(
            f"{m.name} ({m.role}{', ' + t['manager'] if m.energy_manager and t['manager'].lower() not in m.role.lower() else ''})"
            for m in data.members
        )
        story.append(
            p(f"<b>{t['committee']} :</b> {escape(members)}".replace(" :", ":" if lang == "en" else " :"))
        )

    # 1. IPÉ
    story.append(p(t["ipe"], h2))
    rows = [cols("ipe_cols")]
    for i in data.indicators:
        results = "; ".join(f"{y}: {_num(v, lang, 1)}" for y, v in sorted(i.results.items()))
        met = ""
        if i.results and i.objective_value is not None and i.baseline_value is not None:
            latest = i.results[max(i.results)]
            lower = i.objective_value <= i.baseline_value
            met = (
                t["met"]
                if (latest <= i.objective_value if lower else latest >= i.objective_value)
                else t["not_met"]
            )
        objective = _num(i.objective_value, lang, 1) + (f" ({i.objective_year})" if i.objective_year else "")
        rows.append(
            [i.name, i.significant_use, i.unit, _num(i.baseline_value, lang, 1), objective, results, met]
        )
    if len(rows) == 1:
        rows.append([t["none"], "", "", "", "", "", ""])
    story.append(_table(rows, [36 * mm, 27 * mm, 15 * mm, 21 * mm, 22 * mm, 33 * mm, 20 * mm], family))

    # 2. Measures
    story.append(p(t["measures"], h2))
    for title, done in ((t["done"], True), (t["to_come"], False)):
        story.append(p(title, h3))
        rows = [cols("measure_cols")]
        for m in data.measures:
            if m.done is done:
                when = m.done_date if done else m.planned_date
                rows.append(
                    [m.name, m.significant_use, when.isoformat() if when else "", _num(m.expected_m3, lang)]
                )
        if len(rows) == 1:
            rows.append([t["none"], "", "", ""])
        story.append(_table(rows, [70 * mm, 45 * mm, 22 * mm, 37 * mm], family, right_from=3))

    # 3. Gas saved
    story.append(p(t["saved"], h2))
    rows = [cols("year_cols")]
    for y in data.by_program_year:
        # Whether the year can be claimed yet (complete, 12 months of continuous measurement, within 4 years).
        rows.append(
            [
                str(y.year),
                y.start.isoformat(),
                y.end.isoformat(),
                _num(y.avoided_m3, lang),
                y.status_message(lang),
            ]
        )
    rows.append([t["total"], data.reporting_start.isoformat(), data.reporting.periods[-1].period.end.isoformat(),
                 _num(data.reporting.avoided_m3, lang), ""])  # fmt: skip
    story.append(_table(rows, [28 * mm, 24 * mm, 24 * mm, 28 * mm, 66 * mm], family, right_from=3))
    fsu = data.reporting.fractional_savings_uncertainty
    story.append(Spacer(1, 3))
    story.append(p(t["uncertainty"].format(conf=f"{data.reporting.confidence:.0%}",
                                           fsu=f"{_num(fsu * 100, lang, 1)} %")))  # fmt: skip
    if data.aid_lines:
        story.append(p(t["aid"], h3))
        for line in data.aid_lines:
            story.append(p("• " + escape(line)))
    predicted = [(_day_number(r.period.end), (r.predicted_m3 + r.adjustment_m3) / r.period.days)
                 for r in (*data.baseline.periods, *data.reporting.periods)]  # fmt: skip
    actual = [(_day_number(r.period.end), r.actual_m3 / r.period.days)
              for r in (*data.baseline.periods, *data.reporting.periods)]  # fmt: skip
    story.append(Spacer(1, 4))
    story.append(_line_chart([(t["predicted"], _ACCENT, predicted), (t["actual"], _ACTUAL, actual)],
                             t["chart1"], family))  # fmt: skip
    running = cusum(data.reporting.periods)
    cusum_points = [(_day_number(data.reporting_start), 0.0)] + [(_day_number(d), v) for d, v in running]
    story.append(_line_chart([("CUSUM", colors.HexColor("#2e8b57"), cusum_points)], t["chart2"], family))

    # 4. Method and calculations
    story.append(p(t["method"], h2))
    story.append(p(escape(t["method_text"])))
    story.append(Spacer(1, 3))
    story.append(p(escape(t["inputs"].format(meter=data.meter_name, station=data.station_name,
                                             b0=data.baseline_start.isoformat(), b1=data.baseline_end.isoformat(),
                                             r0=data.reporting_start.isoformat()))))  # fmt: skip
    model = data.model
    if model.balance_point_c is not None:
        equation = t["equation"].format(a=_num(model.intercept_m3_per_day, lang, 1), b=_num(model.hdd_slope_m3_per_hdd, lang, 2),
                                        bp=f"{_num(model.balance_point_c, lang, 1)} °C")  # fmt: skip
    else:
        equation = t["equation0"].format(a=_num(model.intercept_m3_per_day, lang, 1))
    if model.production_slope_m3_per_unit:
        equation += " " + t["prod"].format(c=_num(model.production_slope_m3_per_unit, lang, 3))
    story.append(p(f"<b>{t['model']} :</b> {escape(equation)}".replace(" :", ":" if lang == "en" else " :")))
    rows = [
        cols("stat_cols"),
        ["R²", _num(model.r_squared, lang, 4), ""],
        [_("Adjusted R²", lang), _num(model.adjusted_r_squared, lang, 4), "CalTRACK"],
        ["CV(RMSE)", f"{_num(model.cv_rmse * 100, lang, 2)} %", "≤ 20 % (ASHRAE Guideline 14)"],
        ["NMBE", f"{_num(model.nmbe * 100, lang, 2)} %", "± 5 % (ASHRAE Guideline 14)"],
        [t["n"], message("{periods} ({days} d)", periods=str(model.n_periods), days=str(model.baseline_days)).text(lang),
         _("≥ 365 d", lang)],
    ]  # fmt: skip
    story.append(_table(rows, [50 * mm, 40 * mm, 70 * mm], family, right_from=1))
    story.append(p(t["periods"], h3))
    rows = [cols("period_cols")]
    for r in data.reporting.periods:
        rows.append([r.period.start.isoformat(), r.period.end.isoformat(), str(r.period.days),
                     _num(r.hdd_per_day, lang, 2), _num(r.predicted_m3, lang), _num(r.adjustment_m3, lang),
                     _num(r.actual_m3, lang), _num(r.avoided_m3, lang)])  # fmt: skip
    rows.append([t["total"], "", str(sum(r.period.days for r in data.reporting.periods)), "",
                 _num(sum(r.predicted_m3 for r in data.reporting.periods), lang),
                 _num(sum(r.adjustment_m3 for r in data.reporting.periods), lang),
                 _num(sum(r.actual_m3 for r in data.reporting.periods), lang),
                 _num(data.reporting.avoided_m3, lang)])  # fmt: skip
    story.append(_table(rows, [21 * mm, 21 * mm, 14 * mm, 19 * mm, 24 * mm, 24 * mm, 24 * mm, 23 * mm], family,
                        right_from=2))  # fmt: skip
    if data.adjustments:
        story.append(p(t["adjustments"], h3))
        rows = [cols("adj_cols")] + [
            [a.start.isoformat(), a.end.isoformat(), _num(a.m3_per_day, lang), a.note]
            for a in data.adjustments
        ]
        story.append(_table(rows, [24 * mm, 24 * mm, 22 * mm, 100 * mm], family))

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(family.regular, 7.5)  # type: ignore[attr-defined]
        canvas.setFillColor(colors.HexColor("#666666"))  # type: ignore[attr-defined]
        page = canvas.getPageNumber()  # type: ignore[attr-defined]
        canvas.drawString(18 * mm, 10 * mm, printable(f"{data.company_name} – {t['title']} – {page}", family))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(out, pagesize=LETTER, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=t["title"], author=data.company_name)  # fmt: skip
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
