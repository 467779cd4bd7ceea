"""Chart exports and printing: the SVG drawn by a second renderer looks like the PNG, every export carries its
title, the chart prints through QPrinter, a PDF report prints page by page, and drag to pan moves every chart."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core import chart_series as cs
from espm_desktop.db import models
from espm_desktop.db.demo import BANK_BRANCH_NAME
from espm_desktop.ui import printing
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.pages.charts import CHART_IDS, ChartsPage
from espm_desktop.ui.plots.export import chart_layout
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_charts import add_station

RSVG = shutil.which("rsvg-convert")
EXPORT_WIDTH = 1200


def property_id(ctx: AppContext, name: str) -> int:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return s.scalars(select(models.Property.id).where(models.Property.name == name)).one()


def make_page(qtbot: QtBot, ctx: AppContext) -> ChartsPage:
    ctx.select_property(property_id(ctx, BANK_BRANCH_NAME))
    widget = ChartsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    qtbot.waitExposed(widget)
    # As a person sees it: the interactive chart in place of the painted one.
    qtbot.waitUntil(widget.interactive)
    return widget


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ChartsPage:
    widget = make_page(qtbot, ctx)
    widget.set_chart("monthly")
    widget.set_basis(cs.Basis.SITE_GJ)
    return widget


def rgb(image: QImage) -> np.ndarray:
    """H × W × 3 floats of an image, whatever its format."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return raw[:, : width * 3].reshape(height, width, 3).astype(float)


def use_mask(pixels: np.ndarray) -> np.ndarray:
    """Where the bars' "use" blue is: by its hue, so a grid line drawn across a bar still counts as bar."""
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return (blue - red > 60) & (blue - green > 30)


def grey_small(image: QImage, width: int = 300) -> np.ndarray:
    small = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    return rgb(small).mean(axis=2)


def rsvg_render(svg: Path, width: int, height: int) -> QImage:
    assert RSVG is not None
    out = svg.with_suffix(".rsvg.png")
    subprocess.run(
        [RSVG, "-w", str(width), "-h", str(height), "-o", str(out), str(svg)], check=True, timeout=60
    )
    return QImage(str(out))


def to_image(page: ChartsPage, scale: float, x: float, y: float) -> tuple[int, int]:
    """Where a data point of the main view lands in an exported image `scale` image pixels per screen pixel."""
    widget = page.view.plot_widget
    layout = chart_layout(widget, page.chart_title())
    scene = page.view.plot.vb.mapViewToScene(QPointF(x, y))
    return (
        round((scene.x() - layout.source.left()) * scale),
        round((layout.title_height + scene.y() - layout.source.top()) * scale),
    )


@pytest.mark.skipif(
    RSVG is None, reason="rsvg-convert is not installed (Debian: apt-get install librsvg2-bin)"
)
def test_svg_drawn_by_rsvg_looks_like_the_png(page: ChartsPage, tmp_path: Path) -> None:
    png = QImage(str(page.export_png_to(tmp_path / "chart.png", EXPORT_WIDTH)))
    svg = page.export_svg_to(tmp_path / "chart.svg")
    drawn = rsvg_render(svg, png.width(), png.height())
    assert (drawn.width(), drawn.height()) == (png.width(), png.height())

    # The whole picture: downscaled grey levels differ by a few levels at most (text is hinted differently).
    difference = float(np.abs(grey_small(png) - grey_small(drawn)).mean())
    assert difference < 3.0, difference

    # The bars: the same blue pixels in both (the old SVG's bars were 22 px wide instead of 57).
    png_use, svg_use = use_mask(rgb(png)), use_mask(rgb(drawn))
    overlap = float((png_use & svg_use).sum() / (png_use | svg_use).sum())
    assert overlap > 0.9, overlap

    # Each bar where the axes say it is: from zero to its value, centred on its month, nothing beyond.
    scale = png.width() / chart_layout(page.view.plot_widget, page.chart_title()).size.width()
    series, _unit = page.current_series()
    half_bar = 0.3  # of a month; bars are 0.8 wide
    for x, value in zip(series.x, series.values, strict=True):
        px, top = to_image(page, scale, x, value)
        left, zero = to_image(page, scale, x - half_bar, 0.0)
        right, _ = to_image(page, scale, x + half_bar, 0.0)
        for column in (left, px, right):
            inside = svg_use[top + 4 : zero - 3, column]
            assert inside.all(), (x, column)
            assert not svg_use[max(top - 8, 0) : top - 3, column].any(), (x, "above its value")
            assert not svg_use[zero + 3 : zero + 20, column].any(), (x, "below zero")


def test_title_drawn_in_svg_and_png(page: ChartsPage, tmp_path: Path) -> None:
    title = page.chart_title()
    assert title == f"{BANK_BRANCH_NAME} — Monthly use — Jan 2025 to Dec 2025"
    svg = page.export_svg_to(tmp_path / "chart.svg")
    root = ET.parse(svg).getroot()
    texts = " ".join(
        "".join(element.itertext()) for element in root.iter() if element.tag.endswith("}text")
    ).replace("\u00a0", " ")
    assert title in texts  # drawn as text, not only in the file's <title>

    png = QImage(str(page.export_png_to(tmp_path / "chart.png", EXPORT_WIDTH)))
    layout = chart_layout(page.view.plot_widget, title)
    band = int(layout.title_height * png.width() / layout.size.width())
    assert band > 20
    grey = rgb(png).mean(axis=2)
    ink = grey[:band] < 128
    assert ink.sum() > 500  # the title's letters
    columns = np.flatnonzero(ink.any(axis=0))
    # Centred above the chart.
    assert abs((columns[0] + columns[-1]) / 2 - png.width() / 2) < png.width() * 0.05


@contextmanager
def french() -> Iterator[None]:
    """The window's language set to French as the language menu does (the catalog's language and QLocale)."""
    from espm_desktop.core import i18n

    old_locale, old_language = QLocale(), i18n.current_language()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    i18n.set_language("fr")
    try:
        yield
    finally:
        i18n.set_language(old_language)
        QLocale.setDefault(old_locale)


def test_title_period_in_french(qtbot: QtBot, ctx: AppContext) -> None:
    with french():
        widget = make_page(qtbot, ctx)
        widget.set_chart("monthly")
        title = widget.chart_title()
    assert title.startswith(f"{BANK_BRANCH_NAME} — ")
    assert "janv. 2025" in title and title.endswith("déc. 2025")


def pdf_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()).replace("\u00a0", " ") for p in PdfReader(path).pages]


def test_chart_prints_to_a_pdf_as_vectors(page: ChartsPage, tmp_path: Path) -> None:
    printer = printing.pdf_printer(tmp_path / "printed.pdf", landscape=True)
    assert page.print_to(printer) == 1
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(792, abs=1)  # Letter, landscape
    text = pdf_text(tmp_path / "printed.pdf")[0]
    assert page.chart_title() in text
    assert "Page 1 of 1" in text and "Use (GJ)" in text
    resources = reader.pages[0]["/Resources"]
    pictures = [x.get_object() for x in resources.get("/XObject", {}).values()]
    assert not [x for x in pictures if x["/Subtype"] == "/Image"]  # vectors, no picture of the chart

    # Save as PDF…: the same through a temporary file beside the target, renamed over it.
    folder = tmp_path / "out"
    folder.mkdir()
    saved = page.save_pdf_to(folder / "saved.pdf")
    assert pdf_text(saved)[0] == text
    assert [p.name for p in folder.iterdir()] == ["saved.pdf"]


def test_print_dialog_prints_the_chart(page: ChartsPage, qtbot: QtBot, tmp_path: Path) -> None:
    printer = printing.pdf_printer(tmp_path / "dialog.pdf", landscape=True)
    when_dialog_opens(lambda dialog: dialog.accept(), qtbot)
    assert printing.print_document(page, page.print_to, title=page.chart_title(), printer=printer) == 1
    assert len(PdfReader(tmp_path / "dialog.pdf").pages) == 1

    when_dialog_opens(lambda dialog: dialog.reject(), qtbot)
    other = printing.pdf_printer(tmp_path / "cancelled.pdf")
    assert printing.print_document(page, page.print_to, printer=other) == 0
    assert not (tmp_path / "cancelled.pdf").exists()


def make_report(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pagesize=letter)
    for number in range(1, pages + 1):
        drawing.setFont("Helvetica", 28)
        drawing.drawString(72, 680, f"Report page {number}")
        drawing.rect(36, 36, letter[0] - 72, letter[1] - 72)
        drawing.showPage()
    drawing.save()
    return path


def test_print_pdf_file_prints_every_page(tmp_path: Path) -> None:
    report = make_report(tmp_path / "report.pdf", 3)
    printer = printing.pdf_printer(tmp_path / "printed.pdf")
    assert printing.print_pdf_file(printer, report) == 3
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 3
    assert float(reader.pages[0].mediabox.height) == pytest.approx(792, abs=1)  # Letter
    # Each page went through as a picture of the report's page at its own size, rendered at 300 dpi.
    pictures = [x.get_object() for x in reader.pages[1]["/Resources"]["/XObject"].values()]
    widths = [int(x["/Width"]) for x in pictures if x["/Subtype"] == "/Image"]
    assert widths and max(widths) >= 8.5 * printing.PDF_RENDER_DPI_MAX - 2


def test_print_pdf_with_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = make_report(tmp_path / "report.pdf", 2)
    out = tmp_path / "through-dialog.pdf"
    real_new_printer = printing.new_printer

    def pdf_new_printer(*, landscape: bool = False, title: str = "") -> QPrinter:
        printer = real_new_printer(landscape=landscape, title=title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "new_printer", pdf_new_printer)
    when_dialog_opens(lambda dialog: dialog.accept(), qtbot)
    assert printing.print_pdf_with_dialog(None, report) == 2
    assert len(PdfReader(out).pages) == 2

    # A file that is not a PDF: said in a message box, nothing printed.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    seen: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    when_dialog_opens(read_and_close, qtbot)
    assert printing.print_pdf_with_dialog(None, broken) == 0
    assert seen and "broken.pdf" in seen[0]


def drag(page: ChartsPage, by: QPoint) -> None:
    """A real left-button drag across the plot, in small steps, as a hand does."""
    widget = page.view.plot_widget
    viewport = widget.viewport()
    start = widget.mapFromScene(page.view.plot.vb.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 10
    for k in range(1, steps + 1):
        QTest.mouseMove(viewport, start + QPoint(by.x() * k // steps, by.y() * k // steps))
        QApplication.processEvents()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + by)
    QApplication.processEvents()


def test_drag_pans_every_chart(page: ChartsPage, ctx: AppContext) -> None:
    add_station(ctx, property_id(ctx, BANK_BRANCH_NAME))
    ctx.data_changed.emit()
    page.cost_check.setChecked(True)  # the cost box, stacked over the plot, must let the drag through
    for chart in CHART_IDS:
        page.set_chart(chart)
        if page.view.showing_message():
            assert chart == "cost"  # the demo's bank branch has no costs
            assert not page.pdf_button.isEnabled() and not page.png_button.isEnabled()
            continue
        assert page.print_button.isEnabled() and page.svg_button.isEnabled()
        vb = page.view.plot.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        width_px = vb.sceneBoundingRect().width()
        height_px = vb.sceneBoundingRect().height()
        drag(page, QPoint(100, 60))
        (nx0, nx1), (ny0, ny1) = vb.viewRange()
        # Dragged right and down: the data follows the hand, so the view moves left and up in data terms.
        assert nx0 - x0 == pytest.approx(-100 * (x1 - x0) / width_px, rel=0.1), chart
        assert ny0 - y0 == pytest.approx(60 * (y1 - y0) / height_px, rel=0.1), chart
        assert nx1 - nx0 == pytest.approx(x1 - x0), chart  # panned, not zoomed
        page.reset_button.click()
        # Back home (scatter points' pixel margins may shift it by a hair).
        assert vb.viewRange()[0] == pytest.approx([x0, x1], abs=0.02 * (x1 - x0)), chart


def test_hover_text_sits_over_the_cost_line(page: ChartsPage, ctx: AppContext) -> None:
    add_station(ctx, property_id(ctx, BANK_BRANCH_NAME))
    ctx.data_changed.emit()
    page.set_chart("weather_per_hdd")
    view = page.view
    # The degree-day line (cost box) is drawn over the bars, and the hover text over the line.
    assert view.cost_box.zValue() > view.plot_widget.ci.zValue()
    assert view.hover_item.zValue() > view.cost_box.zValue()
    assert isinstance(view.hover_item, pg.TextItem) and view.hover_item.parentItem() is None
