"""The page every PDF report shares: styles, fonts, number helpers, tables, and the page frame (the property's name
and the date on every page, "page n of N", fonts embedded), written atomically.

The score, consumption and portfolio reports build their story with a `ReportDoc` and hand it to `write_pdf`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from espm_desktop.core import formatting as fmt
from espm_desktop.core.calendarize import Period
from espm_desktop.fs.atomic_files import atomic_output_path
from espm_desktop.reports.fonts import FontFamily, printable

PAGE_SIZES = {"letter": LETTER, "a4": A4}
ACCENT = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#E8EEF5")
MUTED = colors.HexColor("#555555")
GRID = colors.HexColor("#B0B8C4")
MARGIN = 16 * mm


def page_size_of(name: str) -> tuple[float, float]:
    """The size of "letter" (the default in Canada) or "a4", in points; anything else is refused."""
    if name not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, got {name!r}")
    w, h = PAGE_SIZES[name]
    return float(w), float(h)


class ReportDoc:
    """Styles, fonts, tables and the number helpers of one rendering, in one language."""

    def __init__(self, language: str, family: FontFamily) -> None:
        self.lang, self.f = "fr" if fmt.is_french(language) else "en", family
        base = ParagraphStyle("base", fontName=family.regular, fontSize=9, leading=11.5)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.h1 = ParagraphStyle(
            "h1", parent=base, fontName=family.bold, fontSize=16, leading=20, textColor=ACCENT
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontName=family.bold, fontSize=11.5, leading=14, textColor=ACCENT,
            spaceBefore=8, spaceAfter=4,
        )  # fmt: skip

    def s(self, text: str) -> str:
        """Text the embedded font can draw (characters it lacks replaced)."""
        return printable(text, self.f)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped); `**` is not parsed: use `pm` for markup."""
        return Paragraph(escape(self.s(text)), style or self.body)

    def pm(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(self.s(markup), style or self.body)

    def n(self, value: float | Decimal | None, decimals: int = 0) -> str:
        return "—" if value is None else fmt.number(value, self.lang, decimals)

    def q(self, value: float | None, unit: str, decimals: int = 0) -> str:
        return "—" if value is None else fmt.quantity(value, unit, self.lang, decimals)

    def money(self, value: Decimal | None) -> str:
        return "—" if value is None else fmt.money(value, self.lang)

    def d(self, day: date) -> str:
        return fmt.date_text(day, self.lang)

    def lab(self, name: str, value: str) -> str:
        return fmt.labelled(name, value, self.lang)

    def period(self, period: Period, t: dict[str, str]) -> str:
        return t["period_value"].format(start=self.d(period.start), end=self.d(period.end))

    def table(
        self, rows: Sequence[Sequence[Any]], widths: Sequence[float], header: bool = True, right_from: int = 99,
        bold_last: bool = False, right_to: int = 99,
    ) -> Table:  # fmt: skip
        """A grid of cells; columns `right_from` to `right_to` (inclusive) aligned right, for numbers."""
        right = ParagraphStyle("r", parent=self.cell, alignment=2)
        cells = [
            [
                self.p(c, right if right_from <= j <= right_to else self.cell) if isinstance(c, str) else c
                for j, c in enumerate(r)
            ]
            for r in rows
        ]
        t = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Table sets its cells' font even for paragraphs; Helvetica here would be a font not embedded.
            ("FONT", (0, 0), (-1, -1), self.f.regular, 8),
            ("GRID", (0, 0), (-1, -1), 0.3, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
        if bold_last:
            style.append(("BACKGROUND", (0, -1), (-1, -1), LIGHT))
        t.setStyle(TableStyle(style))
        return t


def numbered_canvas(draw_footer: Callable[[Canvas, int, int], None], font: str) -> type[Canvas]:
    """A canvas that holds every page until the end, so each footer can say "page n of N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this, every page names Helvetica (reportlab's default), a font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def write_pdf(
    doc: ReportDoc,
    story: list[Any],
    out: Path | str,
    size: tuple[float, float],
    name: str,
    title: str,
    day: date,
    page_text: str,
    protected: Iterable[Path | str] = (),
    *,
    document_title: str | None = None,
) -> None:
    """Build `story` into `out` atomically; every page shows `name`, `title`, `day` and "page n of N"
    (`page_text`: "Page {n} of {total}"). `document_title` names the PDF in a viewer (default: `title`)."""
    f, margin = doc.f, MARGIN
    header_left, header_right, footer_left = name, f"{title} – {doc.d(day)}", f"{name} – {doc.d(day)}"

    def header(canvas: Canvas, _doc: Any) -> None:
        w, h = size
        canvas.saveState()
        canvas.setFont(f.bold, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(margin, h - 10 * mm, doc.s(header_left))
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(w - margin, h - 10 * mm, doc.s(header_right))
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.5)
        canvas.line(margin, h - 11.5 * mm, w - margin, h - 11.5 * mm)
        canvas.restoreState()

    def footer(canvas: Canvas, page: int, total: int) -> None:
        w, _ = size
        canvas.saveState()
        canvas.setFont(f.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, 9 * mm, doc.s(footer_left))
        canvas.drawRightString(w - margin, 9 * mm, doc.s(page_text.format(n=doc.n(page), total=doc.n(total))))
        canvas.restoreState()

    with atomic_output_path(out, protected=protected) as partial:
        pdf = SimpleDocTemplate(
            str(partial), pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=16 * mm,
            bottomMargin=16 * mm, title=doc.s(f"{document_title or title} – {name}"), author="ESPM Desktop",
            lang=doc.lang,
        )  # fmt: skip
        pdf.build(
            story, onFirstPage=header, onLaterPages=header, canvasmaker=numbered_canvas(footer, f.regular)
        )


def monthly_bar_chart(
    doc: ReportDoc, box: tuple[float, float, float, float], months: Sequence[date], data: list[list[float]]
) -> VerticalBarChart:
    """A bar per month (x, y, width, height in points): months named '{month}\n{yy}' in the report's language,
    values in its number format from zero, light grid; the caller sets colours, stacking and spacing."""
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = box
    chart.data = data
    chart.categoryAxis.categoryNames = [
        doc.s(f"{fmt.month_name(month.month, doc.lang)}\n{month.year % 100:02d}") for month in months
    ]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = doc.f.regular, 7
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: doc.s(doc.n(v))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    return chart
