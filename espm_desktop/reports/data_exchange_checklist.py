"""Printable checklist of the ESPM setup and Énergir data exchange for one meter (PDF, French or English).

Every step of Énergir's guide (seed 000) with a check box, the meter's own values filled in (blank lines
to write on when a value is not known yet), the data-exchange status with its dates, what data flows and
the four ways to revoke Énergir's access. Header with property and meter on every page; "page x of y".
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
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

from espm_desktop.core import formatting as fmt
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
from espm_desktop.reports.data_exchange_checklist_layout import (
    ACCENT,
    COL_BOX,
    COL_DATE,
    COL_GUIDE,
    COL_REF,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    MUTED_HEX,
    PAGE_SIZES,
    RULE,
    CheckBox,
    NumberedCanvas,
    PaperSize,
    box_style,
    make_styles,
    mm,
)
from espm_desktop.reports.fonts import FontFamily, printable, register_fonts

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
        self.pagesize = PAGE_SIZES[paper]
        self.generated_on = generated_on
        self.done = done
        self.fonts = fonts
        self.s = make_styles(fonts)
        self.width: float = float(self.pagesize[0] - 2 * MARGIN_X)

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain text (escaped) in the given style."""
        return Paragraph(escape(self._typeset(text)), style)

    def markup(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(self._typeset(markup), style)

    def _typeset(self, text: str) -> str:
        # French keeps ":", "?", « » and the like with their words at line ends.
        return printable(fmt.french_spacing(text, self.lang), self.fonts)

    # --- page decorations ---

    def on_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        w, h = self.pagesize
        canvas.saveState()
        canvas.setFont(self.fonts.bold, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN_X, h - 13 * mm, printable(_t("header", self.lang), self.fonts))
        canvas.setFont(self.fonts.regular, 8.5)
        canvas.setFillColor(MUTED)
        right = f"{self.setup.property_name} — {self.setup.meter_name}"
        canvas.drawRightString(w - MARGIN_X, h - 13 * mm, printable(right, self.fonts))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, h - 15.5 * mm, w - MARGIN_X, h - 15.5 * mm)
        canvas.line(MARGIN_X, MARGIN_BOTTOM - 5 * mm, w - MARGIN_X, MARGIN_BOTTOM - 5 * mm)
        canvas.setFont(self.fonts.regular, 8)
        prepared = f"{_t('prepared', self.lang)} {self.generated_on.isoformat()}"
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 9 * mm, printable(prepared, self.fonts))
        canvas.restoreState()

    def _labelled(self, key: str, value: str) -> str:
        """Markup "<b>Label:</b> value", the label's colon as its language writes it."""
        return f"<b>{escape(fmt.label(_t(key, self.lang), self.lang))}</b> {escape(value)}"

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
        values.setStyle(box_style(len(rows)))

        rank = status_rank(self.setup.status)
        status_rows: list[list[Flowable]] = []
        for status in STATUS_ORDER[1:]:
            when = self.setup.date_of(status)
            reached = status_rank(status) <= rank
            status_rows.append(
                [
                    CheckBox(reached),
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
        status_table = Table(status_rows, colWidths=[7 * mm, half - 7 * mm - COL_DATE, COL_DATE])
        status_table.setStyle(box_style(len(status_rows), first_col_valign="MIDDLE"))

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
            title += f' <font color="{MUTED_HEX}" size="8">({escape(_t("waits", lang))})</font>'
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
            values.setStyle(box_style(len(rows)))
            cell += [Spacer(1, 1.5 * mm), values]
        return cell

    def _text_width(self) -> float:
        return self.width - COL_BOX - COL_REF - COL_GUIDE - 4 * mm

    def _stage_flowables(self, stage_number: int, title: str, steps: Iterable[GuideStep]) -> list[Flowable]:
        """The stage heading and one small table per step, so no step is cut across two pages."""
        lang = self.lang
        tables: list[Flowable] = []
        for i, step in enumerate(steps, start=1):
            guide = ", ".join(str(n) for n in step.seed_steps)
            row = [
                CheckBox(step.id in self.done),
                self.p(f"{stage_number}.{i}", self.s.ref),
                self._step_cell(step),
                self.p(_t("guide_step", lang).format(n=guide), self.s.small) if guide else "",
            ]
            table = Table([row], colWidths=[COL_BOX, COL_REF, self._text_width() + 4 * mm, COL_GUIDE])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                        ("LEFTPADDING", (0, 0), (0, -1), 0),
                        ("LEFTPADDING", (1, 0), (1, -1), 2),
                        ("TOPPADDING", (0, 0), (0, -1), 6.5),
                        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE if i > 1 else colors.white),
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
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                ]
            )
        )
        revoke.append(table)
        help_block: list[Flowable] = [self.p(_t("help", lang), self.s.h1)]
        help_block += [self.p(line.get(lang), self.s.body) for line in SUPPORT_LINES]
        help_block += [Spacer(1, 4 * mm), self.p(_t("source", lang), self.s.small)]
        return [KeepTogether(flow), KeepTogether(revoke), KeepTogether(help_block)]


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
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{_t('title', lang)} — {setup.property_name} — {setup.meter_name}",
        author="ESPM Desktop",
        subject=_t("kicker", lang),
        lang="fr-CA" if lang == "fr" else "en-CA",
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        doc_data.width,
        doc_data.pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=doc_data.on_page)])
    page_label = _t("page", lang)

    def make_canvas(*args: Any, **kw: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, page_label=page_label, fonts=family, **kw)

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
