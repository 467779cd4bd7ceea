"""PDF of the SGÉ payment invoice (or credit note) a participant sends Énergir (seed 001, Annexe D).

Everything is drawn from an `InvoiceDocument`: for a sent invoice the one stored when it was sent (so a reprint is
the same document whatever changed since: the participant's file, the tax rates, this app's wording of the
description), for a draft the document as it would be sent now, with a diagonal DRAFT / BROUILLON mark.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from espm_desktop.core import formatting
from espm_desktop.core.i18n import N_, _, pgettext
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import format_money, format_percent
from espm_desktop.core.sge.invoice import InvoiceDocument, PaymentInvoice, invoice_document
from espm_desktop.fs.atomic_files import atomic_write
from espm_desktop.reports.fonts import register_fonts
from espm_desktop.reports.pdf_text import TextNote, drawable, fit_text


def _fonts() -> tuple[str, str]:
    """Regular and bold font names: the bundled DejaVu Sans (reports/fonts.py), else the fallback it picks."""
    family = register_fonts()
    return family.regular, family.bold


# The invoice's own texts, English catalog ids (their French is in resources/translations/espm_desktop_fr.po).
LABELS: dict[str, str] = {
    "invoice": N_("INVOICE"),
    "credit_note": N_("CREDIT NOTE"),
    "number": N_("Invoice no."),
    "credit_number": N_("Credit note no."),
    "file": N_("Énergir file no."),
    "corrects": N_("Corrects invoice no."),
    "of_date": N_("of"),
    "draft": N_("DRAFT"),
    "send_credit_to": N_("Send this credit note to Énergir"),
    "grantor": N_("Billed to (grantor)"),
    "work_address": N_("Address where the work is carried out"),
    "description": N_("Description"),
    "amount": N_("Amount"),
    "aid": N_("Financial aid amount (Énergir acceptance notice)"),
    "credited": N_("Amount credited on invoice no."),
    "gst": N_("GST"),
    "qst": N_("QST"),
    "total": N_("Total"),
    "gst_no": N_("GST no."),
    "qst_no": N_("QST no."),
    "send_to": N_("Send this invoice with the Request for payment of the financial aid"),
    "by_email": N_("By e-mail"),
    "by_mail": N_("By mail"),
}


def labels(language: str) -> dict[str, str]:
    """The invoice's texts in `language` ('fr' or 'en')."""
    t = {key: _(text, language) for key, text in LABELS.items()}
    # The invoice form says « Date de la facture »; Annexe D's model invoice, « Date de facturation ».
    t["date"] = pgettext("SGÉ invoice", "Invoice date", language)
    return t


_ACCENT = colors.HexColor("#1F4E79")
_LIGHT = colors.HexColor("#E8EEF5")


def format_date(day: date, language: str = "fr") -> str:
    """2 mai 2024 / May 2, 2024: an invoice date a reader cannot misread as day/month."""
    month = formatting.month_name(day.month, language, short=False)
    if language == "en":
        return f"{month} {day.day}, {day.year}"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {month} {day.year}"


def _lines(text: str) -> str:
    """Escape for reportlab markup and keep the user's line breaks (addresses)."""
    return "<br/>".join(escape(part.strip()) for part in text.splitlines() if part.strip())


# Where each text the user typed is drawn: (bold, font size, width in points, lines). The limits keep the
# header and the addresses within one page whatever their length; longer text ends with "…".
_TEXT_BOXES: dict[str, tuple[bool, float, float, int]] = {
    "beneficiary.name": (True, 14, 95 * mm - 4, 3),
    "beneficiary.address": (False, 9.5, 95 * mm - 4, 6),
    "beneficiary.gst_number": (False, 8.5, 70 * mm, 1),
    "beneficiary.qst_number": (False, 8.5, 70 * mm, 1),
    "work_address": (False, 9.5, 90 * mm - 10, 6),
    "invoice_number": (True, 9.5, 42 * mm - 4, 2),
    "energir_file_number": (True, 9.5, 42 * mm - 4, 2),
    "corrects": (True, 9.5, 42 * mm - 4, 2),
}


def _fitted_texts(doc: InvoiceDocument, regular: str, bold: str) -> tuple[dict[str, str], list[TextNote]]:
    """Each user text as drawn (lines joined by newlines), and a note for each one that had to change."""
    values = {
        "beneficiary.name": doc.beneficiary_name,
        "beneficiary.address": doc.beneficiary_address,
        "beneficiary.gst_number": doc.gst_number,
        "beneficiary.qst_number": doc.qst_number,
        "work_address": doc.work_address,
        "invoice_number": doc.invoice_number,
        "energir_file_number": doc.energir_file_number,
        "corrects": doc.corrects or "",
    }
    shown: dict[str, str] = {}
    notes: list[TextNote] = []
    for field, value in values.items():
        is_bold, size, width, max_lines = _TEXT_BOXES[field]
        font = bold if is_bold else regular
        text, replaced = drawable(value, font)
        lines, shortened = fit_text(text, font, size, width, max_lines)
        shown[field] = "\n".join(lines)
        if replaced or shortened:
            notes.append(TextNote(field, replaced, shortened))
    return shown, notes


def document_to_print(
    invoice: PaymentInvoice | InvoiceDocument, language: str | None = None
) -> InvoiceDocument:
    """What is printed: a sent invoice's stored document (in the language it was sent in, whatever `language`
    asks), else the draft's document in `language` (default: the invoice's)."""
    if isinstance(invoice, InvoiceDocument):
        return invoice
    if invoice.document is not None:
        return invoice.document
    lang = "en" if (language or invoice.language) == "en" else "fr"
    return invoice_document(replace(invoice, language=lang))


def invoice_text_notes(
    invoice: PaymentInvoice | InvoiceDocument, language: str | None = None
) -> list[TextNote]:
    """What `render_invoice_pdf` changes in the user's text to draw it: characters replaced, text shortened."""
    regular, bold = _fonts()
    return _fitted_texts(document_to_print(invoice, language), regular, bold)[1]


def _draft_mark(text: str, font: str) -> Callable[[Canvas, object], None]:
    """A page callback drawing `text` across the page, light, under the content."""

    def draw(canvas: Canvas, _doc: object) -> None:
        width, height = LETTER
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#C62828"))
        canvas.setFillAlpha(0.16)
        canvas.setFont(font, 96)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -30, text)
        canvas.restoreState()

    return draw


def render_invoice_pdf(
    invoice: PaymentInvoice | InvoiceDocument,
    out: Path | BinaryIO,
    language: str | None = None,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """Write the invoice as a one-page Letter PDF from its document (`document_to_print`): a sent invoice as it
    was sent, a draft in `language` (default: its own) with a DRAFT mark.

    A path is written whole or not at all and never over `protected` (the open database): io.atomic_files.
    """
    if isinstance(out, (str, os.PathLike)):
        with atomic_write(out, protected=protected) as fh:
            render_invoice_pdf(invoice, fh, language)
        return
    doc_data = document_to_print(invoice, language)
    lang = "en" if doc_data.language == "en" else "fr"
    t = labels(lang)
    regular, bold = _fonts()
    shown = _fitted_texts(doc_data, regular, bold)[0]
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13)
    small = ParagraphStyle(
        "small", parent=body, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#333333")
    )
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=8.5, textColor=_ACCENT, spaceAfter=2)
    name_style = ParagraphStyle("name", parent=body, fontName=bold, fontSize=14, leading=18)
    title_style = ParagraphStyle(
        "title", parent=body, fontName=bold, fontSize=20, leading=24, alignment=TA_RIGHT, textColor=_ACCENT
    )
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    right_bold = ParagraphStyle("right_bold", parent=right, fontName=bold)

    colon = " :" if lang == "fr" else ":"
    credit = doc_data.is_credit_note
    title = t["credit_note"] if credit else t["invoice"]
    number_label = t["credit_number"] if credit else t["number"]
    meta_rows = [
        [number_label, shown["invoice_number"]],
        [t["date"], format_date(doc_data.invoice_date, lang)],
        [t["file"], shown["energir_file_number"]],
    ]
    original = ""
    if doc_data.corrects:
        original = shown["corrects"]
        if doc_data.corrects_date is not None:
            original += f" {t['of_date']} {format_date(doc_data.corrects_date, lang)}"
        meta_rows.append([t["corrects"], original])
    meta = Table(
        [[Paragraph(escape(k), small), Paragraph(escape(v), right_bold)] for k, v in meta_rows],
        colWidths=[38 * mm, 42 * mm],
        hAlign="RIGHT",
    )
    meta.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    header = Table(
        [
            [
                [
                    Paragraph(escape(shown["beneficiary.name"]), name_style),
                    Paragraph(_lines(shown["beneficiary.address"]), body),
                    Spacer(1, 2 * mm),
                    Paragraph(
                        f"{escape(t['gst_no'])}{colon} {escape(shown['beneficiary.gst_number'])}<br/>"
                        f"{escape(t['qst_no'])}{colon} {escape(shown['beneficiary.qst_number'])}",
                        small,
                    ),
                ],
                [Paragraph(title, title_style), Spacer(1, 4 * mm), meta],
            ]
        ],
        colWidths=[95 * mm, 85 * mm],
    )
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )

    # The postal lines start with "Énergir", already written in bold as the grantor's name.
    postal_rest = [line for line in doc_data.grantor_address if line != doc_data.grantor_name]
    grantor_lines = "<br/>".join(escape(line) for line in postal_rest)
    parties = Table(
        [
            [
                Paragraph(escape(t["grantor"]).upper(), head),
                Paragraph(escape(t["work_address"]).upper(), head),
            ],
            [
                Paragraph(
                    f"<font name='{bold}'>{escape(doc_data.grantor_name)}</font><br/>{grantor_lines}", body
                ),
                Paragraph(_lines(shown["work_address"]), body),
            ],
        ],
        colWidths=[90 * mm, 90 * mm],
    )
    parties.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )

    aid_note = f"{t['credited']} {original}" if credit else t["aid"]

    def money(value: Decimal) -> str:
        return format_money(value, lang)

    lines_data = [
        [
            Paragraph(t["description"], head),
            Paragraph(t["amount"], ParagraphStyle("ha", parent=head, alignment=TA_RIGHT)),
        ],
        [
            Paragraph(
                f"<font name='{bold}'>{escape(doc_data.description)}</font><br/>"
                f"<font size='8.5'>{escape(aid_note)}</font>",
                body,
            ),
            Paragraph(money(doc_data.aid_amount), right),
        ],
        [
            Paragraph(f"{t['gst']} ({format_percent(doc_data.gst_rate, lang)})", body),
            Paragraph(money(doc_data.gst), right),
        ],
        [
            Paragraph(f"{t['qst']} ({format_percent(doc_data.qst_rate, lang)})", body),
            Paragraph(money(doc_data.qst), right),
        ],
        [
            Paragraph(t["total"], ParagraphStyle("tb", parent=body, fontName=bold, fontSize=11)),
            Paragraph(money(doc_data.total), ParagraphStyle("trb", parent=right_bold, fontSize=11)),
        ],
    ]
    amounts = Table(lines_data, colWidths=[140 * mm, 40 * mm])
    amounts.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, _ACCENT),
                ("LINEBELOW", (0, 1), (-1, 3), 0.3, colors.HexColor("#BBBBBB")),
                ("BACKGROUND", (0, 4), (-1, 4), _LIGHT),
                ("LINEABOVE", (0, 4), (-1, 4), 1, _ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 4), (-1, 4), 4),
                ("RIGHTPADDING", (0, 4), (-1, 4), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )

    postal = ", ".join(escape(line) for line in doc_data.grantor_address)
    send_to = Table(
        [
            [Paragraph(escape(t["send_credit_to"] if credit else t["send_to"]).upper(), head)],
            [
                Paragraph(
                    f"<font name='{bold}'>{t['by_email']}{colon}</font> {escape(doc_data.send_to_email)}",
                    small,
                )
            ],
            [Paragraph(f"<font name='{bold}'>{t['by_mail']}{colon}</font> {postal}", small)],
        ],
        colWidths=[180 * mm],
    )
    send_to.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, _ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), _LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    source = Paragraph(escape(rules.ANNEXE_D.text(lang)), ParagraphStyle("src", parent=small, fontSize=7))

    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{title} {doc_data.invoice_number}" + (f" ({t['draft']})" if doc_data.draft else ""),
        author=doc_data.beneficiary_name,
        subject=doc_data.description,
    )
    mark = _draft_mark(t["draft"], bold) if doc_data.draft else None
    pages = {"onFirstPage": mark, "onLaterPages": mark} if mark is not None else {}
    doc.build(
        [
            header,
            Spacer(1, 10 * mm),
            parties,
            Spacer(1, 10 * mm),
            amounts,
            Spacer(1, 6 * mm),
            Spacer(1, 8 * mm),
            send_to,
            Spacer(1, 4 * mm),
            source,
        ],
        **pages,
    )
