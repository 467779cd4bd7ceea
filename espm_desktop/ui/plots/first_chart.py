"""The first chart a user sees on the Charts page, drawn with Qt's own painter.

pyqtgraph and numpy take longer to load than the whole window (about 2.6 × a bare window on its own), so the
Charts page paints its opening chart, the monthly use of the whole property, with QPainter, and swaps in the
interactive chart (hover, pan, zoom, export) as soon as that is loaded, right after this first paint. The look
follows the interactive chart's: the same bar layers (`monthly_bars`), tick rules and labels (`ticks`), colours,
axes, grid and legend, so the swap changes nothing the user can read.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QStackedLayout, QWidget

from espm_desktop.ui.plots.chart_style import (
    DATE_AXIS_HEIGHT,
    GRID_ALPHA,
    LEGEND_COLUMNS,
    LEGEND_POINT_SIZE,
    LEGEND_SPACING,
    MARGIN,
    ZOOM_PADDING,
    message_label,
)
from espm_desktop.ui.plots.monthly_bars import BAR_WIDTH, BarLayer
from espm_desktop.ui.plots.ticks import date_tick_strings, date_ticks, number_tick_strings, number_ticks

# Sizes in pixels, as the interactive chart (pyqtgraph) lays itself out with chart_style's measures.
TICK = 5
TICK_TEXT_GAP = 5
TICK_TEXT_WIDTH = 30
"""The room kept for a value axis's labels at least."""
LEGEND_GAP = 17.5
LEGEND_SAMPLE = 18
LEGEND_ROW = 24
LEGEND_BOTTOM = 4.5
LEGEND_PADDING = 9
LEGEND_SAMPLE_COLUMN = 20
LEGEND_LABEL_MARGIN = 4
GRID_COLOR = QColor(0, 0, 0, round(255 * GRID_ALPHA))


class BarsCanvas(QWidget):
    """Bars on a date axis (x = month index) with a value axis, its y grid, and a legend under the plot."""

    painted = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.layers: list[BarLayer] = []
        self.axis_label = ""
        self.setAutoFillBackground(False)

    def set_bars(self, layers: list[BarLayer], axis_label: str) -> None:
        self.layers = layers
        self.axis_label = axis_label
        self.update()

    def ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The x and y ranges shown: every bar, with the interactive chart's padding."""
        xs = [x for layer in self.layers for x in layer.xs]
        heights = [h for layer in self.layers for h in layer.heights]
        x0, x1 = min(xs) - BAR_WIDTH / 2, max(xs) + BAR_WIDTH / 2
        y0, y1 = min(0.0, *heights), max(0.0, *heights)
        if y1 == y0:
            y1 = y0 + 1.0
        pad_x, pad_y = (x1 - x0) * ZOOM_PADDING, (y1 - y0) * ZOOM_PADDING
        return (x0 - pad_x, x1 + pad_x), (y0 - pad_y, y1 + pad_y)

    def legend_entries(self) -> list[BarLayer]:
        return [layer for layer in self.layers if layer.name]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            if any(layer.xs for layer in self.layers):
                self._paint(painter)
        finally:
            painter.end()
        self.painted.emit()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        legend_font = QFont(font)
        legend_font.setPointSizeF(LEGEND_POINT_SIZE)
        legend_metrics = QFontMetricsF(legend_font)
        entries = self.legend_entries()
        legend_rows = -(-len(entries) // LEGEND_COLUMNS)
        legend_height = (LEGEND_GAP + legend_rows * LEGEND_ROW + LEGEND_BOTTOM) if entries else 0
        (x0, x1), (y0, y1) = self.ranges()
        top = MARGIN + 1.0
        bottom = self.height() - MARGIN - legend_height - DATE_AXIS_HEIGHT - 0.5
        # The value axis's labels first: the plot starts where the widest ends.
        spacing, values = number_ticks(y0, y1, max(bottom - top, 1.0))
        texts = number_tick_strings(values, spacing, self.language)
        text_width = max(TICK_TEXT_WIDTH, *(metrics.horizontalAdvance(t) for t in texts))
        label_height = (metrics.height() + 8) * 0.8 if self.axis_label else 0.0
        left = MARGIN + 1 + label_height + text_width + TICK_TEXT_GAP
        right = self.width() - MARGIN - 0.5
        if right - left < 20 or bottom - top < 20:
            return
        plot = QRectF(left, top, right - left, bottom - top)

        def px(x: float) -> float:
            return plot.left() + (x - x0) / (x1 - x0) * plot.width()

        def py(y: float) -> float:
            return plot.bottom() - (y - y0) / (y1 - y0) * plot.height()

        painter.setFont(font)
        painter.save()
        painter.setClipRect(plot)
        bar_pen = QPen(QColor("#ffffff"), 0.5)
        for layer in self.layers:
            painter.setPen(bar_pen)
            painter.setBrush(layer.brush)
            for x, h in zip(layer.xs, layer.heights, strict=True):
                a, b = py(0.0), py(h)
                painter.drawRect(
                    QRectF(
                        px(x - BAR_WIDTH / 2),
                        min(a, b),
                        px(x + BAR_WIDTH / 2) - px(x - BAR_WIDTH / 2),
                        abs(a - b),
                    )
                )
        painter.restore()
        # The y grid over the bars, as the axes draw it.
        painter.setPen(QPen(GRID_COLOR, 1))
        for v in values:
            painter.drawLine(QPointF(plot.left(), py(v)), QPointF(plot.right(), py(v)))
        # The axes: lines, ticks pointing into the plot, labels.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#000000"), 1))
        # Whole pixels, as crisp as the interactive chart's axes.
        axis_x, axis_y = math.floor(plot.left()) - 0.5, math.floor(plot.bottom()) + 0.5
        painter.drawLine(QPointF(axis_x, plot.top()), QPointF(axis_x, axis_y))
        painter.drawLine(QPointF(axis_x, axis_y), QPointF(plot.right(), axis_y))
        for v, text in zip(values, texts, strict=True):
            y = py(v)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.left() + TICK, y))
            box = QRectF(MARGIN + 1 + label_height, y - metrics.height() / 2, text_width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        months, positions = date_ticks(x0, x1, plot.width())
        for v, text in zip(positions, date_tick_strings(positions, months, self.language), strict=True):
            x = px(v)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() - TICK))
            box = QRectF(x - 60, plot.bottom() + 3, 120, DATE_AXIS_HEIGHT - 3)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        if self.axis_label:
            painter.save()
            painter.translate(MARGIN, plot.center().y())
            painter.rotate(-90)
            box = QRectF(-plot.height() / 2, 0, plot.height(), label_height)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.axis_label)
            painter.restore()
        # The legend under the plot, three entries to a row.
        painter.setFont(legend_font)
        legend_top = plot.bottom() + DATE_AXIS_HEIGHT + LEGEND_GAP
        for row in range(legend_rows):
            names = [layer.name or "" for layer in entries[row * LEGEND_COLUMNS : (row + 1) * LEGEND_COLUMNS]]
            widths = legend_label_widths(
                [legend_metrics.horizontalAdvance(name) for name in names], self.width() - 2 * MARGIN
            )
            x = MARGIN + LEGEND_PADDING
            y = legend_top + row * LEGEND_ROW
            for layer, name, width in zip(entries[row * LEGEND_COLUMNS :], names, widths, strict=False):
                painter.setPen(QPen(QColor("#ffffff"), 0.5))
                painter.setBrush(layer.brush)
                painter.drawRect(QRectF(x + 2, y, LEGEND_SAMPLE, LEGEND_SAMPLE))
                painter.setPen(QColor("#000000"))
                label_x = x + LEGEND_SAMPLE_COLUMN + LEGEND_SPACING + LEGEND_LABEL_MARGIN
                painter.drawText(
                    QRectF(label_x, y, width, LEGEND_SAMPLE),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
                x += LEGEND_SAMPLE_COLUMN + LEGEND_SPACING + width + LEGEND_SPACING


def legend_label_widths(text_widths: list[float], legend_width: float) -> list[float]:
    """The width each label of a legend row gets, as the interactive legend's grid gives it: each its text and
    margins at least, and the room left shared in proportion to those."""
    wanted = [w + 2 * LEGEND_LABEL_MARGIN for w in text_widths]
    n = len(wanted)
    room = (
        legend_width
        - 2 * LEGEND_PADDING
        - n * (LEGEND_SAMPLE_COLUMN + LEGEND_SPACING)
        - (n - 1) * LEGEND_SPACING
    )
    total = sum(wanted)
    if total <= 0 or room <= total:
        return wanted
    return [w * room / total for w in wanted]


class FirstChart(QWidget):
    """The painted chart, or a message in its place; `painted` is emitted after each paint of a chart."""

    painted = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_chart")
        self.canvas = BarsCanvas(language)
        self.canvas.setObjectName("first_chart_canvas")
        self.message = message_label()
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.message)
        self.canvas.painted.connect(self.painted)

    def draw_bars(self, layers: list[BarLayer], axis_label: str) -> None:
        self.canvas.set_bars(layers, axis_label)
        self.stack.setCurrentWidget(self.canvas)

    def show_message(self, text: str) -> None:
        self.canvas.set_bars([], "")
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def showing_message(self) -> bool:
        return self.stack.currentWidget() is self.message
