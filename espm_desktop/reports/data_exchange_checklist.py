"""Printable checklist of the ESPM setup and Énergir data exchange for one meter (PDF, French or English).

Every step of Énergir's guide (seed 000) with a check box, the meter's own values filled in (blank lines
to write on when a value is not known yet), the data-exchange status with its dates, what data flows and
the four ways to revoke Énergir's access. Header with property and meter on every page; "page x of y".
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _reportlab_mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from espm_desktop.core.data_exchange import (
    DATA_FLOW_PARAGRAPHS,
    DATA_FLOW_TITLE,
    FIELD_LABELS,
    REVOKE_INTRO,
    REVOKE_METHODS,
    REVOKE_TITLE,
    STAGES,
    STATUS_LABELS,
    STATUS_ORDER,
    SUPPORT_LINES,
    EnergirMeterSetup,
    GuideStep,
    Language,
    SetupField,
    completed_step_ids,
    field_value,
    resume_point_for,
    status_rank,
)
from espm_desktop.core.i18n import N_, _
from espm_desktop.fs.atomic_files import atomic_write
from espm_desktop.reports.fonts import FontFamily, printable, register_fonts

PaperSize = Literal["A4", "letter"]

# reportlab is untyped; a typed millimetre keeps the layout arithmetic float.
mm: float = float(_reportlab_mm)

_PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "letter": letter}
_MARGIN_X = 18 * mm
_MARGIN_TOP = 24 * mm
_MARGIN_BOTTOM = 18 * mm

_INK = colors.HexColor("#1F2933")
_MUTED_HEX = "#616E7C"
_MUTED = colors.HexColor(_MUTED_HEX)
_RULE = colors.HexColor("#CBD2D9")
_ACCENT = colors.HexColor("#0B5394")
_VALUE_BG = colors.HexColor("#F0F4F8")
_DONE = colors.HexColor("#2F855A")

_BLANK = "_" * 22
_SEP = "&nbsp;&nbsp;&nbsp;·&nbsp;&nbsp;&nbsp;"
_SUMMARY_FIELDS = (
    SetupField.PROPERTY_NAME,
    SetupField.METER_NAME,
    SetupField.ACCOUNT_NUMBER,
    SetupField.INVOICE_NUMBER,
    SetupField.METER_NUMBER,
    SetupField.INITIAL_LOAD_MONTHS,
    SetupField.SHARE_DOWNSTREAM,
    SetupField.ACTIVE_DATE,
    SetupField.UNIT,
)
_COL_BOX = 8 * mm
_COL_REF = 12 * mm
_COL_GUIDE = 20 * mm
_COL_DATE = 26 * mm

# The page's own texts, English catalog ids (their French is in resources/translations/espm_desktop_fr.po).
_CHROME: dict[str, str] = {
    "title": N_("ESPM setup and Énergir data exchange"),
    "kicker": N_("Checklist"),
    "property": N_("Property"),
    "meter": N_("Meter"),
    "prepared": N_("Prepared on"),
    "values": N_("Your values to enter in ESPM"),
    "progress": N_("Data-exchange progress"),
    "next": N_("Next step"),
    "all_done": N_("All steps are done."),
    "guide_step": N_("Guide: {n}"),
    "waits": N_("waiting for Énergir"),
    "page": N_("Page {x} of {y}"),
    "source": N_(
        "Source: Énergir, “Guide de création de compte — Plateforme ENERGY STAR Portfolio Manager (ESPM)”, "
        "June 8, 2023 (English text: our translation)."
    ),
    "help": N_("Help"),
    "header": N_("Énergir data exchange · ESPM"),
}


def _t(key: str, lang: Language) -> str:
    return _(_CHROME[key], lang)


@dataclass(frozen=True, slots=True)
class _Styles:
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


def _styles(fonts: FontFamily) -> _Styles:
    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = dict(fontName=fonts.regular, fontSize=9.5, leading=13, textColor=_INK)
        base.update(kw)
        return ParagraphStyle(name, alignment=TA_LEFT, **base)

    return _Styles(
        title=style("title", fontName=fonts.bold, fontSize=18, leading=22, spaceAfter=4),
        kicker=style(
            "kicker", fontName=fonts.bold, fontSize=8.5, leading=11, textColor=_ACCENT, spaceAfter=2
        ),
        meta=style("meta", fontSize=9.5, leading=13, textColor=_MUTED),
        h1=style(
            "h1",
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            textColor=_ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h2=style("h2", fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=4, spaceAfter=2),
        body=style("body"),
        para=style("para", spaceAfter=4),
        small=style("small", fontSize=8, leading=10.5, textColor=_MUTED),
        step_title=style("step_title", fontName=fonts.bold, fontSize=9.5, leading=12.5),
        ref=style("ref", fontName=fonts.bold, fontSize=9.5, leading=12.5, textColor=_ACCENT),
        label=style("label", fontSize=8.5, leading=11, textColor=_MUTED),
        value=style("value", fontName=fonts.bold, fontSize=9.5, leading=12),
    )


class _CheckBox(Flowable):  # type: ignore[misc]
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
        c.setStrokeColor(_INK)
        c.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.checked:
            s = self.size
            c.setStrokeColor(_DONE)
            c.setLineWidth(1.4)
            path = c.beginPath()
            path.moveTo(0.2 * s, 0.52 * s)
            path.lineTo(0.42 * s, 0.25 * s)
            path.lineTo(0.82 * s, 0.8 * s)
            c.drawPath(path, stroke=1, fill=0)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
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
            self.setFillColor(_MUTED)
            width = self._pagesize[0]
            text = self._page_label.format(x=self._pageNumber, y=total)
            self.drawRightString(width - _MARGIN_X, _MARGIN_BOTTOM - 9 * mm, text)
            super().showPage()
        super().save()


class _Doc:
    """Builds the story; kept as a class so the page decorations share the texts."""

    def __init__(
        self,
        setup: EnergirMeterSetup,
        lang: Language,
        paper: PaperSize,
        generated_on: date,
        done: frozenset[str],
        fonts: FontFamily,
    ) -> None:
        self.setup = setup
        self.lang = lang
        self.pagesize = _PAGE_SIZES[paper]
        self.generated_on = generated_on
        self.done = done
        self.fonts = fonts
        self.s = _styles(fonts)
        self.width: float = float(self.pagesize[0] - 2 * _MARGIN_X)

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain text (escaped) in the given style."""
        return Paragraph(escape(self._typeset(text)), style)

    def markup(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(self._typeset(markup), style)

    def _typeset(self, text: str) -> str:
        # French puts a no-break space before ":" and inside « »; keep them from breaking at line ends.
        if self.lang == "fr":
            text = text.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
        return printable(text, self.fonts)

    # --- page decorations ---

    def on_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        w, h = self.pagesize
        canvas.saveState()
        canvas.setFont(self.fonts.bold, 8.5)
        canvas.setFillColor(_ACCENT)
        canvas.drawString(_MARGIN_X, h - 13 * mm, printable(_t("header", self.lang), self.fonts))
        canvas.setFont(self.fonts.regular, 8.5)
        canvas.setFillColor(_MUTED)
        right = f"{self.setup.property_name} — {self.setup.meter_name}"
        canvas.drawRightString(w - _MARGIN_X, h - 13 * mm, printable(right, self.fonts))
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.6)
        canvas.line(_MARGIN_X, h - 15.5 * mm, w - _MARGIN_X, h - 15.5 * mm)
        canvas.line(_MARGIN_X, _MARGIN_BOTTOM - 5 * mm, w - _MARGIN_X, _MARGIN_BOTTOM - 5 * mm)
        canvas.setFont(self.fonts.regular, 8)
        prepared = f"{_t('prepared', self.lang)} {self.generated_on.isoformat()}"
        canvas.drawString(_MARGIN_X, _MARGIN_BOTTOM - 9 * mm, printable(prepared, self.fonts))
        canvas.restoreState()

    def _labelled(self, key: str, value: str) -> str:
        """Markup "<b>Label</b> : value", with the colon spacing of the language."""
        colon = "</b> :" if self.lang == "fr" else ":</b>"
        return f"<b>{escape(_t(key, self.lang))}{colon} {escape(value)}"

    # --- story ---

    def story(self) -> list[Flowable]:
        lang = self.lang
        out: list[Flowable] = [
            self.p(_t("kicker", lang).upper(), self.s.kicker),
            self.p(_t("title", lang), self.s.title),
            self.markup(
                f"{self._labelled('property', self.setup.property_name)}{_SEP}"
                f"{self._labelled('meter', self.setup.meter_name)}{_SEP}"
                f"{escape(_t('prepared', lang))}&nbsp;{self.generated_on.isoformat()}",
                self.s.meta,
            ),
            Spacer(1, 6 * mm),
        ]
        out.append(self._summary())
        for stage in STAGES:
            out += self._stage_flowables(stage.number, stage.title.get(lang), stage.steps)
        out += self._reference()
        return out

    def _summary(self) -> Flowable:
        """Values and progress side by side, above the steps."""
        lang = self.lang
        half = (self.width - 6 * mm) / 2
        rows = [
            [
                self.p(FIELD_LABELS[key].get(lang), self.s.label),
                self.p(field_value(self.setup, key, lang) or _BLANK, self.s.value),
            ]
            for key in _SUMMARY_FIELDS
        ]
        values = Table(rows, colWidths=[half * 0.5, half * 0.5])
        values.setStyle(_box_style(len(rows)))

        rank = status_rank(self.setup.status)
        status_rows: list[list[Flowable]] = []
        for status in STATUS_ORDER[1:]:
            when = self.setup.date_of(status)
            reached = status_rank(status) <= rank
            status_rows.append(
                [
                    _CheckBox(reached),
                    self.p(STATUS_LABELS[status].get(lang), self.s.body),
                    self.p(when.isoformat() if when else "_" * 12, self.s.value if when else self.s.label),
                ]
            )
        point = resume_point_for(self.setup, self.done)
        if point is None:
            next_text = _t("all_done", lang)
        else:
            next_text = (
                f"{point.stage.number}.{point.stage.steps.index(point.step) + 1} {point.step.title.get(lang)}"
            )
        status_table = Table(status_rows, colWidths=[7 * mm, half - 7 * mm - _COL_DATE, _COL_DATE])
        status_table.setStyle(_box_style(len(status_rows), first_col_valign="MIDDLE"))

        left = [self.p(_t("values", lang), self.s.h2), values]
        right = [
            self.p(_t("progress", lang), self.s.h2),
            status_table,
            Spacer(1, 2 * mm),
            self.markup(self._labelled("next", next_text), self.s.small),
        ]
        outer = Table([[left, right]], colWidths=[half + 6 * mm, half])
        outer.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm),
                    ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ]
            )
        )
        return outer

    def _step_cell(self, step: GuideStep) -> list[Flowable]:
        lang = self.lang
        title = escape(step.title.get(lang))
        if step.waits:
            title += f' <font color="{_MUTED_HEX}" size="8">({escape(_t("waits", lang))})</font>'
        cell: list[Flowable] = [
            self.markup(title, self.s.step_title),
            self.p(step.instruction.get(lang), self.s.body),
        ]
        if step.fields:
            rows = [
                [
                    self.p(FIELD_LABELS[f].get(lang), self.s.label),
                    self.p(field_value(self.setup, f, lang) or _BLANK, self.s.value),
                ]
                for f in step.fields
            ]
            text_width = self._text_width()
            values = Table(rows, colWidths=[text_width * 0.45, text_width * 0.55 - 4 * mm])
            values.setStyle(_box_style(len(rows)))
            cell += [Spacer(1, 1.5 * mm), values]
        return cell

    def _text_width(self) -> float:
        return self.width - _COL_BOX - _COL_REF - _COL_GUIDE - 4 * mm

    def _stage_flowables(self, stage_number: int, title: str, steps: Iterable[GuideStep]) -> list[Flowable]:
        """The stage heading and one small table per step, so no step is cut across two pages."""
        lang = self.lang
        tables: list[Flowable] = []
        for i, step in enumerate(steps, start=1):
            guide = ", ".join(str(n) for n in step.seed_steps)
            row = [
                _CheckBox(step.id in self.done),
                self.p(f"{stage_number}.{i}", self.s.ref),
                self._step_cell(step),
                self.p(_t("guide_step", lang).format(n=guide), self.s.small) if guide else "",
            ]
            table = Table([row], colWidths=[_COL_BOX, _COL_REF, self._text_width() + 4 * mm, _COL_GUIDE])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                        ("LEFTPADDING", (0, 0), (0, -1), 0),
                        ("LEFTPADDING", (1, 0), (1, -1), 2),
                        ("TOPPADDING", (0, 0), (0, -1), 6.5),
                        ("LINEABOVE", (0, 0), (-1, 0), 0.4, _RULE if i > 1 else colors.white),
                    ]
                )
            )
            tables.append(table)
        heading = self.p(f"{stage_number}. {title}", self.s.h1)
        return [KeepTogether([heading, tables[0]]), *tables[1:]]

    def _reference(self) -> list[Flowable]:
        lang = self.lang
        flow: list[Flowable] = [self.p(DATA_FLOW_TITLE.get(lang), self.s.h1)]
        flow += [self.p(par.get(lang), self.s.para) for par in DATA_FLOW_PARAGRAPHS]
        revoke: list[Flowable] = [
            self.p(REVOKE_TITLE.get(lang), self.s.h1),
            self.p(REVOKE_INTRO.get(lang), self.s.body),
            Spacer(1, 2 * mm),
        ]
        rows = [
            [
                self.p(str(m.number), self.s.ref),
                [self.p(m.title.get(lang), self.s.step_title), self.p(m.action.get(lang), self.s.body)],
            ]
            for m in REVOKE_METHODS
        ]
        table = Table(rows, colWidths=[8 * mm, self.width - 8 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, _RULE),
                ]
            )
        )
        revoke.append(table)
        help_block: list[Flowable] = [self.p(_t("help", lang), self.s.h1)]
        help_block += [self.p(line.get(lang), self.s.body) for line in SUPPORT_LINES]
        help_block += [Spacer(1, 4 * mm), self.p(_t("source", lang), self.s.small)]
        return [KeepTogether(flow), KeepTogether(revoke), KeepTogether(help_block)]


def _box_style(n_rows: int, first_col_valign: str = "TOP") -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), _VALUE_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 0), (0, -1), first_col_valign),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, n_rows - 2), 0.4, colors.white),
        ]
    )


def render_data_exchange_checklist(
    setup: EnergirMeterSetup,
    *,
    lang: Language = "fr",
    paper: PaperSize = "letter",
    generated_on: date | None = None,
    done_step_ids: Iterable[str] = (),
    fonts: FontFamily | None = None,
) -> bytes:
    """The checklist as PDF bytes; steps done by status or in `done_step_ids` come ticked."""
    family = fonts or register_fonts()
    doc_data = _Doc(
        setup,
        lang,
        paper,
        generated_on or date.today(),
        completed_step_ids(setup, done_step_ids),
        family,
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=doc_data.pagesize,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=f"{_t('title', lang)} — {setup.property_name} — {setup.meter_name}",
        author="ESPM Desktop",
        subject=_t("kicker", lang),
        lang="fr-CA" if lang == "fr" else "en-CA",
    )
    frame = Frame(
        _MARGIN_X,
        _MARGIN_BOTTOM,
        doc_data.width,
        doc_data.pagesize[1] - _MARGIN_TOP - _MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=doc_data.on_page)])
    page_label = _t("page", lang)

    def make_canvas(*args: Any, **kw: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, page_label=page_label, fonts=family, **kw)

    doc.build(doc_data.story(), canvasmaker=make_canvas)
    return buffer.getvalue()


def write_data_exchange_checklist(
    path: Path,
    setup: EnergirMeterSetup,
    *,
    lang: Language = "fr",
    paper: PaperSize = "letter",
    generated_on: date | None = None,
    done_step_ids: Iterable[str] = (),
    protected: Sequence[Path] = (),
) -> Path:
    """Write the checklist PDF to `path` and return it (whole or not at all, never over `protected`)."""
    data = render_data_exchange_checklist(
        setup, lang=lang, paper=paper, generated_on=generated_on, done_step_ids=done_step_ids
    )
    with atomic_write(path, protected=protected) as fh:
        fh.write(data)
    return path
