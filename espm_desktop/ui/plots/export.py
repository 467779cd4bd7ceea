"""Charts to files and bytes: PNG of a requested width, SVG, and PNG bytes of an exact size for PDF reports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from espm_desktop.fs.atomic_files import OutputFailed, atomic_write, check_output_target


def _hide_hover(plot_widget: pg.GraphicsView) -> list[pg.GraphicsObject]:
    hidden = [
        i
        for i in plot_widget.scene().items()
        if isinstance(i, pg.TextItem) and i.isVisible() and i.zValue() >= 1000
    ]
    for item in hidden:
        item.hide()
    return hidden


def _image_png(image: QImage, path: Path) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    if not saved:
        raise OutputFailed("io", path, "the chart could not be encoded as PNG")
    return bytes(data.data())


def export_png(
    plot_widget: pg.GraphicsView, path: Path, width: int, *, protected: Sequence[Path] = ()
) -> Path:
    """Save the chart as PNG, `width` pixels wide (height keeps the on-screen proportions).

    Written whole or not at all, never over `protected` (the open database): OutputRefused, OutputFailed.
    """
    check_output_target(path, protected)
    hidden = _hide_hover(plot_widget)
    try:
        # The whole scene, not the PlotItem: the cost axis has its own view box outside the PlotItem.
        exporter = pyqtgraph.exporters.ImageExporter(plot_widget.scene())
        params = exporter.parameters()
        params["width"] = int(width)
        # Rounding can leave the linked height fractional or off by one; set both exactly.
        view = plot_widget.rect()
        height = max(1, round(width * view.height() / max(view.width(), 1)))
        params.param("height").setValue(height, blockSignal=exporter.heightChanged)
        params["background"] = QColor("white")
        image = exporter.export(toBytes=True)
    finally:
        for item in hidden:
            item.show()
    data = _image_png(image, path)
    with atomic_write(path, protected=protected) as fh:
        fh.write(data)
    return path


def export_svg(
    plot_widget: pg.GraphicsView, path: Path, title: str = "", *, protected: Sequence[Path] = ()
) -> Path:
    """Save the chart as SVG (vector) at its on-screen size.

    pyqtgraph's SVGExporter cannot parse the path syntax Qt 6.12 writes, so Qt's own SVG generator paints the
    scene, as the screen does, into memory; the file is then written whole or not at all (io.atomic_files).
    """
    check_output_target(path, protected)
    hidden = _hide_hover(plot_widget)
    central = plot_widget.centralWidget
    rect = central.geometry()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    try:
        painter = QPainter(generator)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor("white"))
        plot_widget.scene().render(
            painter,
            QRectF(0, 0, rect.width(), rect.height()),
            central.mapRectToScene(QRectF(0, 0, rect.width(), rect.height())),
        )
        painter.end()
    finally:
        buffer.close()
        for item in hidden:
            item.show()
    if data.isEmpty():
        raise OutputFailed("io", path, "the chart could not be drawn as SVG")
    with atomic_write(path, protected=protected) as fh:
        fh.write(bytes(data.data()))
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
