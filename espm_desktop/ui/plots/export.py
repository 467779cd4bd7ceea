"""Charts to files and bytes: PNG of a requested width, SVG, and PNG bytes of an exact size for PDF reports.

PNG, SVG and print share `paint_chart`: the title above, then the scene painted through
`vector_paint.flattened_painter`, so that every output draws what the screen draws, at any size.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QTransform
from PySide6.QtSvg import QSvgGenerator

from espm_desktop.fs.atomic_files import OutputFailed, atomic_write, check_output_target
from espm_desktop.ui.plots.vector_paint import default_dpi, export_mode, flattened_painter

TITLE_POINT_SIZE = 12.0
TITLE_MARGIN_PX = 8.0
_TITLE_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class ChartLayout:
    """Where the title and the chart go, in screen pixels: the chart keeps its on-screen size."""

    size: QSizeF
    title_height: float
    chart: QRectF
    source: QRectF


def _hide_hover(plot_widget: pg.GraphicsView) -> list[pg.GraphicsObject]:
    hidden = [
        i
        for i in plot_widget.scene().items()
        if isinstance(i, pg.TextItem) and i.isVisible() and i.zValue() >= 1000
    ]
    for item in hidden:
        item.hide()
    return hidden


def title_font() -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(TITLE_POINT_SIZE)
    font.setBold(True)
    return font


def chart_layout(plot_widget: pg.GraphicsView, title: str) -> ChartLayout:
    # The layout item, not the view: the cost axis has its own view box, stacked inside it.
    source = plot_widget.centralWidget.sceneBoundingRect()
    width = max(source.width(), 1.0)
    band = 0.0
    if title:
        # Measured at the resolution the chart is laid out at, so the band fits the title on every output.
        metrics = QFontMetricsF(title_font(), QImage(1, 1, QImage.Format.Format_ARGB32))
        room = QRectF(0, 0, width - 2 * TITLE_MARGIN_PX, 10_000)
        band = math.ceil(
            metrics.boundingRect(room, int(_TITLE_FLAGS), title).height() + 1.5 * TITLE_MARGIN_PX
        )
    chart = QRectF(0, band, width, max(source.height(), 1.0))
    return ChartLayout(QSizeF(width, band + chart.height()), band, chart, source)


@contextmanager
def chart_height(plot_widget: pg.GraphicsView, height: float) -> Iterator[None]:
    """The chart laid out `height` screen pixels tall, same width, while painting; then as it was on screen."""
    central = plot_widget.centralWidget
    old = central.geometry()
    central.setGeometry(QRectF(old.x(), old.y(), old.width(), height))
    try:
        yield
    finally:
        central.setGeometry(old)


def paint_chart(target: QPainter, base: QTransform, plot_widget: pg.GraphicsView, title: str) -> ChartLayout:
    """Paint the title and the chart on `target`; `base` maps screen pixels to the target's coordinates."""
    layout = chart_layout(plot_widget, title)
    hidden = _hide_hover(plot_widget)
    try:
        with export_mode(plot_widget), flattened_painter(target, base, layout.size) as painter:
            painter.fillRect(QRectF(0, 0, layout.size.width(), layout.size.height()), QColor("white"))
            if title:
                painter.setFont(title_font())
                painter.setPen(QColor("black"))
                room = QRectF(
                    TITLE_MARGIN_PX,
                    TITLE_MARGIN_PX,
                    layout.size.width() - 2 * TITLE_MARGIN_PX,
                    layout.title_height,
                )
                painter.drawText(room, int(_TITLE_FLAGS), title)
            plot_widget.scene().render(painter, layout.chart, layout.source)
    finally:
        for item in hidden:
            item.show()
    return layout


def _image_png(image: QImage, path: Path) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    if not saved:
        raise OutputFailed("io", path, "the chart could not be encoded as PNG")
    return bytes(data.data())


def chart_image(plot_widget: pg.GraphicsView, width: int, title: str = "") -> QImage:
    """The titled chart `width` pixels wide, drawn as on screen and enlarged (lines and text alike)."""
    layout = chart_layout(plot_widget, title)
    scale = width / layout.size.width()
    image = QImage(int(width), max(1, round(layout.size.height() * scale)), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QTransform.fromScale(scale, scale), plot_widget, title)
    finally:
        painter.end()
    return image


def export_png(
    plot_widget: pg.GraphicsView, path: Path, width: int, title: str = "", *, protected: Sequence[Path] = ()
) -> Path:
    """Save the chart as PNG, `width` pixels wide (the height keeps the on-screen proportions, title added).

    Written whole or not at all, never over `protected` (the open database): OutputRefused, OutputFailed.
    """
    check_output_target(path, protected)
    data = _image_png(chart_image(plot_widget, width, title), path)
    with atomic_write(path, protected=protected) as fh:
        fh.write(data)
    return path


def svg_bytes(plot_widget: pg.GraphicsView, title: str = "") -> bytes:
    """The titled chart as SVG 1.1, one unit per screen pixel, every shape in page coordinates."""
    layout = chart_layout(plot_widget, title)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1 rather than Tiny 1.2: Tiny has no clip paths, and a zoomed chart must not spill over its axes.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    # The screen's resolution: font point sizes become the same pixel sizes as on screen.
    generator.setResolution(default_dpi())
    generator.setSize(QSize(math.ceil(layout.size.width()), math.ceil(layout.size.height())))
    generator.setViewBox(QRectF(0, 0, layout.size.width(), layout.size.height()))
    generator.setTitle(title)
    try:
        painter = QPainter(generator)
        try:
            paint_chart(painter, QTransform(), plot_widget, title)
        finally:
            painter.end()
    finally:
        buffer.close()
    return bytes(data.data())


def export_svg(
    plot_widget: pg.GraphicsView, path: Path, title: str = "", *, protected: Sequence[Path] = ()
) -> Path:
    """Save the chart as SVG (vector) at its on-screen size, title added; written whole or not at all."""
    check_output_target(path, protected)
    data = svg_bytes(plot_widget, title)
    if not data:
        raise OutputFailed("io", path, "the chart could not be drawn as SVG")
    with atomic_write(path, protected=protected) as fh:
        fh.write(data)
    return path


def render_image(plot_widget: pg.GraphicsView, width: int, height: int, scale: float = 1.0) -> QImage:
    """The chart laid out for width/scale × height/scale and painted at exactly width × height pixels.

    The layout is changed only for the duration of the paint, so a chart on screen does not move; `scale` > 1
    gives print resolution (bigger pixels count, same text size relative to the chart).
    """
    central = plot_widget.centralWidget
    old = central.geometry()
    logical = QRectF(0, 0, width / scale, height / scale)
    hidden = _hide_hover(plot_widget)
    image = QImage(int(width), int(height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    try:
        central.setGeometry(logical)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        plot_widget.scene().render(painter, QRectF(0, 0, width, height), central.mapRectToScene(logical))
        painter.end()
    finally:
        central.setGeometry(old)
        for item in hidden:
            item.show()
    return image


def png_bytes(plot_widget: pg.GraphicsView, width: int, height: int, scale: float = 1.0) -> bytes:
    """PNG bytes of exactly width × height pixels, for reportlab (`ImageReader(io.BytesIO(data))`)."""
    return _image_png(render_image(plot_widget, width, height, scale), Path("chart.png"))
