"""The score report's drawings: the 1–100 scale with the property's score, and the monthly source energy chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from espm_desktop.reports.pdf_doc import MUTED, monthly_bar_chart
from espm_desktop.reports.score_report_texts import energy_label

if TYPE_CHECKING:  # annotations only: score_report.py draws with these functions
    from espm_desktop.reports.score_report import ScoreDoc

_SERIES = (
    colors.HexColor("#1F77B4"),
    colors.HexColor("#E07B1A"),
    colors.HexColor("#2CA02C"),
    colors.HexColor("#9467BD"),
    colors.HexColor("#8C564B"),
    colors.HexColor("#7F7F7F"),
)


def score_bar(doc: ScoreDoc, width: float, score: int | None) -> Drawing:
    """The 1–100 scale as a coloured bar, 50 and 75 marked, and a pointer at the score."""
    t, f = doc.t, doc.f
    height = 32 * mm
    d = Drawing(width, height, initialFontName=f.regular)
    x0, x1, y0, bar_h = 6 * mm, width - 6 * mm, 12 * mm, 7 * mm

    def x_of(v: float) -> float:
        return float(x0 + (v - 1) / 99 * (x1 - x0))

    steps = 33
    for i in range(steps):
        frac = i / (steps - 1)
        colour = colors.Color(0.85 - 0.65 * frac, 0.3 + 0.45 * frac, 0.25, 1)
        left = x0 + i * (x1 - x0) / steps
        d.add(Rect(left, y0, (x1 - x0) / steps + 0.3, bar_h, fillColor=colour, strokeColor=None))
    d.add(Rect(x0, y0, x1 - x0, bar_h, fillColor=None, strokeColor=colors.black, strokeWidth=0.5))
    for v in (1, 25, 50, 75, 100):
        d.add(Line(x_of(v), y0 - 1.5 * mm, x_of(v), y0, strokeWidth=0.5))
        d.add(String(x_of(v), y0 - 5 * mm, doc.n(v), fontName=f.regular, fontSize=7.5, textAnchor="middle"))
    for v, text in ((50, t["median"]), (75, t["certifiable"])):
        # The marks cross the bar; their labels sit under the scale, clear of the pointer above it.
        d.add(Line(x_of(v), y0, x_of(v), y0 + bar_h, strokeWidth=1.2, strokeDashArray=(2, 1.5)))
        d.add(
            String(
                x_of(v),
                y0 - 9 * mm,
                doc.s(text),
                fontName=f.regular,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    if score is None:
        d.add(
            String(
                width / 2,
                y0 + bar_h + 8 * mm,
                doc.s(t["no_score"]),
                fontName=f.bold,
                fontSize=10,
                textAnchor="middle",
            )
        )
        return d
    sx = x_of(score)
    d.add(
        Polygon(
            [sx, y0 + bar_h, sx - 2.2 * mm, y0 + bar_h + 4 * mm, sx + 2.2 * mm, y0 + bar_h + 4 * mm],
            fillColor=colors.black,
            strokeColor=None,
        )
    )
    d.add(String(sx, y0 + bar_h + 5.5 * mm, doc.n(score), fontName=f.bold, fontSize=14, textAnchor="middle"))
    return d


def monthly_chart(doc: ScoreDoc, width: float) -> Drawing:
    data, f = doc.data, doc.f
    height = 72 * mm
    d = Drawing(width, height, initialFontName=f.regular)
    chart = monthly_bar_chart(
        doc,
        (16 * mm, 18 * mm, width - 22 * mm, height - 26 * mm),
        [m.month for m in data.monthly],
        [[m.source_gj[i] for m in data.monthly] for i in range(len(data.energy_types))],
    )
    chart.categoryAxis.style = "stacked"
    chart.barSpacing = 0
    chart.groupSpacing = 4
    legend_pairs = []
    for i, et in enumerate(data.energy_types):
        colour = _SERIES[i % len(_SERIES)]
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
        legend_pairs.append((colour, doc.s(energy_label(et, doc.lang))))
    d.add(chart)
    d.add(
        String(
            2 * mm,
            height - 4 * mm,
            doc.s(doc.t["chart_unit"]),
            fontName=f.regular,
            fontSize=7.5,
            fillColor=MUTED,
        )
    )
    legend = Legend()
    legend.x, legend.y = 16 * mm, 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 45 * mm
    legend.fontName, legend.fontSize = f.regular, 7.5
    legend.colorNamePairs = legend_pairs
    d.add(legend)
    return d
