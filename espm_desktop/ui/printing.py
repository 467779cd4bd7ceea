"""Printing from the window: the print dialog, a chart on paper or in a PDF, and a PDF report on a printer.

A chart is painted on the QPrinter as vectors, exactly as on screen (plots.export.paint_chart), its title on
top and a footer with the date and the page number. A PDF that already exists (a report made by reportlab) is
printed page by page as images: pdfium renders each page at the printer's resolution, capped at
PDF_RENDER_DPI_MAX, which is finer than any office printer prints text and keeps a page in memory small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from espm_desktop.core import formatting
from espm_desktop.core.i18n import current_language
from espm_desktop.fs.atomic_files import atomic_output_path, check_output_target, display_path

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    import pyqtgraph as pg

PDF_RENDER_DPI_MAX = 300
FOOTER_POINT_SIZE = 8.0
PRINT_HEIGHT_MAX_RATIO = 0.75
PAGE_MARGIN_MM = 12.7  # half an inch: inside what every printer can reach

PrintRender = Callable[[QPrinter], int]
"""Paints a document on a printer that is set up and returns the number of pages printed."""


class PrintFailed(Exception):
    """Nothing, or not everything, was printed; `str()` says why in the user's language."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


# -- printers -------------------------------------------------------------------------------------------------
def new_printer(*, landscape: bool = False, title: str = "") -> QPrinter:
    """A high-resolution printer on Letter paper (the North American default), half-inch margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title or "ESPM Desktop")
    printer.setCreator("ESPM Desktop")
    return printer


def pdf_printer(path: Path, *, landscape: bool = False, title: str = "") -> QPrinter:
    """new_printer writing a PDF (vectors, fonts embedded) to `path`."""
    printer = new_printer(landscape=landscape, title=title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _begin(painter: QPainter, printer: QPrinter) -> None:
    if not painter.begin(printer):
        where = printer.outputFileName() or printer.printerName()
        raise PrintFailed(
            _tr("The printer {0} could not be started; check that it is connected.").format(where)
        )


def _paper_rect(printer: QPrinter) -> QRectF:
    """Where to paint, in the painter's device pixels: inside the margins, or the whole sheet (full page)."""
    layout = printer.pageLayout()
    if printer.fullPage():
        return QRectF(layout.fullRectPixels(printer.resolution()))
    paint = layout.paintRectPixels(printer.resolution())
    # The painter's origin is the corner of the margins.
    return QRectF(0, 0, paint.width(), paint.height())


# -- dialogs --------------------------------------------------------------------------------------------------
def print_document(
    parent: QWidget | None,
    render: PrintRender,
    *,
    title: str = "",
    landscape: bool = False,
    printer: QPrinter | None = None,
) -> int:
    """Show the print dialog; if the user prints, `render(printer)` paints. The pages printed (0: cancelled).

    Raises PrintFailed when the printer can't be started or the document can't be read.
    """
    printer = printer if printer is not None else new_printer(landscape=landscape, title=title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print {0}").format(title) if title else _tr("Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return render(printer)
    finally:
        QGuiApplication.restoreOverrideCursor()


def save_pdf(
    path: Path,
    render: PrintRender,
    *,
    title: str = "",
    landscape: bool = False,
    protected: Sequence[Path] = (),
) -> int:
    """`render` into a PDF at `path`, written whole or not at all (OutputRefused, OutputFailed, PrintFailed)."""
    check_output_target(path, protected)
    with atomic_output_path(path, protected=protected) as partial:
        return render(pdf_printer(partial, landscape=landscape, title=title))


def _tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def print_pdf_with_dialog(parent: QWidget | None, pdf_path: Path) -> int:
    """Print an existing PDF through the print dialog; the pages printed (0: cancelled or failed, then said)."""
    try:
        landscape = _first_page_is_landscape(pdf_path)
        return print_document(
            parent,
            lambda printer: print_pdf_file(printer, pdf_path),
            title=pdf_path.stem,
            landscape=landscape,
        )
    except PrintFailed as exc:
        _tell(parent, _tr("Print"), str(exc))
        return 0


# -- charts ---------------------------------------------------------------------------------------------------
def print_chart(printer: QPrinter, plot_widget: pg.GraphicsView, title: str, language: str = "") -> int:
    """The chart on one page, as vectors: title on top, as large as the page allows, date and page below."""
    from espm_desktop.ui.plots.export import chart_height, chart_layout, paint_chart

    language = language or current_language()
    painter = QPainter()
    _begin(painter, printer)
    try:
        area = _paper_rect(printer)
        footer_font = QFont(QGuiApplication.font())
        footer_font.setPointSizeF(FOOTER_POINT_SIZE)
        painter.setFont(footer_font)
        footer_height = painter.fontMetrics().height() * 2.0
        room = QRectF(area.left(), area.top(), area.width(), area.height() - footer_height)
        on_screen = chart_layout(plot_widget, title)
        # As wide as on screen (same text and line sizes relative to the chart), but as tall as the page allows:
        # a screen's wide chart would leave half a landscape sheet blank. Never taller than 3/4 of its width.
        width = on_screen.size.width()
        page_height = room.height() * width / room.width() - on_screen.title_height
        height = max(on_screen.chart.height(), min(page_height, width * PRINT_HEIGHT_MAX_RATIO))
        with chart_height(plot_widget, height):
            size = chart_layout(plot_widget, title).size
            scale = min(room.width() / size.width(), room.height() / size.height())
            left = room.left() + (room.width() - size.width() * scale) / 2
            paint_chart(painter, QTransform(scale, 0, 0, scale, left, room.top()), plot_widget, title)
        _footer(painter, area, footer_font, 1, 1, language)
    finally:
        painter.end()
    return 1


def _footer(painter: QPainter, area: QRectF, font: QFont, page: int, pages: int, language: str) -> None:
    painter.save()
    painter.resetTransform()
    painter.setClipping(False)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    line = QRectF(area.left(), area.bottom() - painter.fontMetrics().height(), area.width(), area.height())
    align_top = Qt.AlignmentFlag.AlignTop
    painter.drawText(
        line,
        int(Qt.AlignmentFlag.AlignLeft | align_top),
        _tr("ESPM Desktop, printed {0}").format(formatting.date_text(date.today(), language)),
    )
    painter.drawText(
        line, int(Qt.AlignmentFlag.AlignRight | align_top), _tr("Page {0} of {1}").format(page, pages)
    )
    painter.restore()


# -- existing PDF files ---------------------------------------------------------------------------------------
def _open_pdf(pdf_path: Path) -> pdfium.PdfDocument:
    # Imported here: only printing an existing PDF needs pdfium; the charts page and its exports do not.
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(pdf_path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PrintFailed(
            _tr("{0} could not be read as a PDF ({1}); save the report again, then print it.").format(
                display_path(pdf_path), exc
            )
        ) from exc


def _first_page_is_landscape(pdf_path: Path) -> bool:
    pdf = _open_pdf(pdf_path)
    try:
        if len(pdf) == 0:
            return False
        width, height = pdf[0].get_size()
        return bool(width > height)
    finally:
        pdf.close()


def _page_image(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=True)
    try:
        fmt = QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
        # copy(): the QImage must own its pixels, pdfium frees the bitmap's below.
        return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
    finally:
        bitmap.close()


def print_pdf_file(printer: QPrinter, pdf_path: Path) -> int:
    """Print every page of `pdf_path` on `printer`, each fitted to the printable area; the pages printed."""
    pdf = _open_pdf(pdf_path)
    painter = QPainter()
    try:
        pages = len(pdf)
        if pages == 0:
            raise PrintFailed(_tr("{0} has no page to print.").format(display_path(pdf_path)))
        dpi = float(min(printer.resolution(), PDF_RENDER_DPI_MAX))
        # The whole sheet: a report has margins of its own, and printed at its own size it reads as saved.
        printer.setFullPage(True)
        _begin(painter, printer)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in range(pages):
            if index and not printer.newPage():
                raise PrintFailed(_tr("The printer stopped after page {0}.").format(index))
            area = _paper_rect(printer)
            page = pdf[index]
            try:
                width_pt, height_pt = page.get_size()
                image = _page_image(page, dpi)
            finally:
                page.close()
            # The page at its own size if it fits (a Letter report on Letter paper), else shrunk to fit.
            to_device = printer.resolution() / 72.0
            scale = min(1.0, area.width() / (width_pt * to_device), area.height() / (height_pt * to_device))
            width, height = width_pt * to_device * scale, height_pt * to_device * scale
            target = QRectF(
                area.left() + (area.width() - width) / 2,
                area.top() + (area.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(target, image)
        return pages
    finally:
        if painter.isActive():
            painter.end()
        pdf.close()
