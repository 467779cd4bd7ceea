"""PDF of the SGÉ payment invoice (or credit note) a participant sends Énergir (seed 001, Annexe D)."""

from __future__ import annotations

import importlib
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
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import format_money, format_percent
from espm_desktop.core.sge.invoice import PaymentInvoice

_DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """Regular and bold font names: DejaVu Sans for full French/Unicode text when present, else Helvetica."""
    try:
        shared_fonts = importlib.import_module("espm_desktop.reports.fonts")  # may be written by others
        pair = getattr(shared_fonts, "register_fonts", None)
        if callable(pair):
            result = pair()
            if isinstance(result, tuple) and len(result) == 2:
                return str(result[0]), str(result[1])
    except ImportError:
        pass
    regular, bold = _DEJAVU_DIR / "DejaVuSans.ttf", _DEJAVU_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "invoice": "FACTURE",
        "credit_note": "NOTE DE CRÉDIT",
        "number": "N° de facture",
        "credit_number": "N° de note de crédit",
        "date": "Date de facturation",
        "file": "N° de dossier Énergir",
        "corrects": "Corrige la facture n°",
        "beneficiary": "Bénéficiaire de l'aide financière",
        "grantor": "Facturé à (subventionnaire)",
        "work_address": "Adresse où sont réalisés les travaux",
        "description": "Description",
        "amount": "Montant",
        "aid": "Montant de l'aide financière (avis d'acceptation d'Énergir)",
        "credited": "Montant crédité sur la facture n°",
        "gst": "TPS",
        "qst": "TVQ",
        "total": "Total",
        "tax_numbers": "Numéros d'inscription du bénéficiaire",
        "gst_no": "N° TPS",
        "qst_no": "N° TVQ",
        "send_to": "Transmettre cette facture avec la Demande de versement de l'aide financière",
        "by_email": "Par courriel",
        "by_mail": "Par la poste",
    },
    "en": {
        "invoice": "INVOICE",
        "credit_note": "CREDIT NOTE",
        "number": "Invoice no.",
        "credit_number": "Credit note no.",
        "date": "Invoice date",
        "file": "Énergir file no.",
        "corrects": "Corrects invoice no.",
        "beneficiary": "Recipient of the financial aid",
        "grantor": "Billed to (grantor)",
        "work_address": "Address where the work is carried out",
        "description": "Description",
        "amount": "Amount",
        "aid": "Financial aid amount (Énergir acceptance notice)",
        "credited": "Amount credited on invoice no.",
        "gst": "GST",
        "qst": "QST",
        "total": "Total",
        "tax_numbers": "Recipient's registration numbers",
        "gst_no": "GST no.",
        "qst_no": "QST no.",
        "send_to": "Send this invoice with the Request for payment of the financial aid",
        "by_email": "By e-mail",
        "by_mail": "By mail",
    },
}

_ACCENT = colors.HexColor("#1F4E79")
_LIGHT = colors.HexColor("#E8EEF5")


_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: date, language: str = "fr") -> str:
    """2 mai 2024 / May 2, 2024: an invoice date a reader cannot misread as day/month."""
    if language == "en":
        return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"


def _lines(text: str) -> str:
    """Escape for reportlab markup and keep the user's line breaks (addresses)."""
    return "<br/>".join(escape(part.strip()) for part in text.splitlines() if part.strip())


def render_invoice_pdf(invoice: PaymentInvoice, out: Path | BinaryIO, language: str | None = None) -> None:
    """Write the invoice as a one-page Letter PDF, in the invoice's language unless `language` is given."""
    lang = language or invoice.language
    lang = "en" if lang == "en" else "fr"
    t = LABELS[lang]
    regular, bold = _fonts()
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

    b = invoice.beneficiary
    colon = " :" if lang == "fr" else ":"
    title = t["credit_note"] if invoice.is_credit_note else t["invoice"]
    number_label = t["credit_number"] if invoice.is_credit_note else t["number"]
    meta_rows = [
        [number_label, invoice.invoice_number],
        [t["date"], format_date(invoice.invoice_date, lang)],
        [t["file"], invoice.energir_file_number],
    ]
    if invoice.corrects:
        meta_rows.append([t["corrects"], invoice.corrects])
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
                    Paragraph(escape(b.name), name_style),
                    Paragraph(_lines(b.address), body),
                    Spacer(1, 2 * mm),
                    Paragraph(
                        f"{escape(t['gst_no'])}{colon} {escape(b.gst_number)}<br/>"
                        f"{escape(t['qst_no'])}{colon} {escape(b.qst_number)}",
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
    postal_rest = [line for line in rules.SEND_TO_POSTAL_LINES if line != rules.GRANTOR_NAME]
    grantor_lines = "<br/>".join(escape(line) for line in postal_rest)
    parties = Table(
        [
            [
                Paragraph(escape(t["grantor"]).upper(), head),
                Paragraph(escape(t["work_address"]).upper(), head),
            ],
            [
                Paragraph(
                    f"<font name='{bold}'>{escape(rules.GRANTOR_NAME)}</font><br/>{grantor_lines}", body
                ),
                Paragraph(_lines(invoice.work_address), body),
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

    aid_note = f"{t['credited']} {invoice.corrects}" if invoice.corrects else t["aid"]

    def money(value: Decimal) -> str:
        return format_money(value, lang)

    lines_data = [
        [
            Paragraph(t["description"], head),
            Paragraph(t["amount"], ParagraphStyle("ha", parent=head, alignment=TA_RIGHT)),
        ],
        [
            Paragraph(
                f"<font name='{bold}'>{escape(invoice.description(lang))}</font><br/>"
                f"<font size='8.5'>{escape(aid_note)}</font>",
                body,
            ),
            Paragraph(money(invoice.aid_amount), right),
        ],
        [
            Paragraph(f"{t['gst']} ({format_percent(rules.GST_RATE, lang)})", body),
            Paragraph(money(invoice.gst), right),
        ],
        [
            Paragraph(f"{t['qst']} ({format_percent(rules.QST_RATE, lang)})", body),
            Paragraph(money(invoice.qst), right),
        ],
        [
            Paragraph(t["total"], ParagraphStyle("tb", parent=body, fontName=bold, fontSize=11)),
            Paragraph(money(invoice.total), ParagraphStyle("trb", parent=right_bold, fontSize=11)),
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

    postal = ", ".join(escape(line) for line in rules.SEND_TO_POSTAL_LINES)
    send_to = Table(
        [
            [Paragraph(escape(t["send_to"]).upper(), head)],
            [Paragraph(f"<font name='{bold}'>{t['by_email']}{colon}</font> {rules.SEND_TO_EMAIL}", small)],
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

    target: str | BinaryIO = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(
        target,
        pagesize=LETTER,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{title} {invoice.invoice_number}",
        author=b.name,
        subject=invoice.description(lang),
    )
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
        ]
    )
