"""The checklist's page furniture: paper sizes, margins, colours, paragraph styles, the printed check box, the
"page x of y" canvas and the value boxes (reports/data_exchange_checklist.py lays the content out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle

from espm_desktop.reports.fonts import FontFamily, register_fonts

PaperSize = Literal["A4", "letter"]

# reportlab is untyped; a typed millimetre keeps the layout arithmetic float.
mm: float = float(_reportlab_mm)

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "letter": letter}
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 18 * mm

INK = colors.HexColor("#1F2933")
MUTED_HEX = "#616E7C"
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor("#CBD2D9")
ACCENT = colors.HexColor("#0B5394")
VALUE_BG = colors.HexColor("#F0F4F8")
DONE = colors.HexColor("#2F855A")

COL_BOX = 8 * mm
COL_REF = 12 * mm
COL_GUIDE = 20 * mm
COL_DATE = 26 * mm


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    kicker: ParagraphStyle
    meta: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    para: ParagraphStyle
    small: ParagraphStyle
    step_title: ParagraphStyle
    ref: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle


def make_styles(fonts: FontFamily) -> Styles:
    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = dict(fontName=fonts.regular, fontSize=9.5, leading=13, textColor=INK)
        base.update(kw)
        return ParagraphStyle(name, alignment=TA_LEFT, **base)

    return Styles(
        title=style("title", fontName=fonts.bold, fontSize=18, leading=22, spaceAfter=4),
        kicker=style("kicker", fontName=fonts.bold, fontSize=8.5, leading=11, textColor=ACCENT, spaceAfter=2),
        meta=style("meta", fontSize=9.5, leading=13, textColor=MUTED),
        h1=style(
            "h1",
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h2=style("h2", fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=4, spaceAfter=2),
        body=style("body"),
        para=style("para", spaceAfter=4),
        small=style("small", fontSize=8, leading=10.5, textColor=MUTED),
        step_title=style("step_title", fontName=fonts.bold, fontSize=9.5, leading=12.5),
        ref=style("ref", fontName=fonts.bold, fontSize=9.5, leading=12.5, textColor=ACCENT),
        label=style("label", fontSize=8.5, leading=11, textColor=MUTED),
        value=style("value", fontName=fonts.bold, fontSize=9.5, leading=12),
    )


class CheckBox(Flowable):  # type: ignore[misc]
    """A printed box, ticked when the step is already done."""

    def __init__(self, checked: bool, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.width = size
        self.height = size

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.setStrokeColor(INK)
        c.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.checked:
            s = self.size
            c.setStrokeColor(DONE)
            c.setLineWidth(1.4)
            path = c.beginPath()
            path.moveTo(0.2 * s, 0.52 * s)
            path.lineTo(0.42 * s, 0.25 * s)
            path.lineTo(0.82 * s, 0.8 * s)
            c.drawPath(path, stroke=1, fill=0)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end so the footer can say "page x of y"."""

    def __init__(self, *args: Any, page_label: str = "", fonts: FontFamily | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._saved: list[dict[str, Any]] = []
        self._page_label = page_label
        self._fonts = fonts or register_fonts()

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont(self._fonts.regular, 8)
            self.setFillColor(MUTED)
            width = self._pagesize[0]
            text = self._page_label.format(x=self._pageNumber, y=total)
            self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 9 * mm, text)
            super().showPage()
        super().save()


def box_style(n_rows: int, first_col_valign: str = "TOP") -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), VALUE_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 0), (0, -1), first_col_valign),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, n_rows - 2), 0.4, colors.white),
        ]
    )
