"""A pyqtgraph plot with what every ESPM chart needs: localised axes, hover text, a second (cost) axis,
a reset-zoom, and a message in place of the chart when there is nothing to draw."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStackedLayout, QWidget

from espm_desktop.ui.plots.axes import ChartAxis
from espm_desktop.ui.plots.chart_style import (
    GRID_ALPHA,
    LEGEND_COLUMNS,
    LEGEND_POINT_SIZE,
    LEGEND_SPACING,
    MARGIN,
    ZOOM_PADDING,
    message_label,
)

pg.setConfigOptions(antialias=True, background="w", foreground="k")

HoverFunction = Callable[[float, float], str]


class OverlayViewBox(pg.ViewBox):  # type: ignore[misc]  # pyqtgraph has no type information
    """A view box stacked over the main one (the cost axis): drawn on top, but every drag, click and wheel
    goes through to the main view box underneath.

    pyqtgraph offers a drag to the items under the mouse, topmost first, and a ViewBox accepts every drag even
    with its mouse disabled: without this, the cost box swallowed the drag and "drag to pan" did nothing.
    """

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:  # noqa: N802 (pyqtgraph API)
        ev.ignore()

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 (pyqtgraph API)
        ev.ignore()

    def wheelEvent(self, ev: Any, axis: int | None = None) -> None:  # noqa: N802 (Qt override)
        ev.ignore()


class ChartView(QWidget):
    """Drawers call `clear()`, add items to `plot` (and `cost_box`), then `set_hover()` and `finish()`."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.bottom_axis = ChartAxis("bottom", language)
        self.left_axis = ChartAxis("left", language)
        self.right_axis = ChartAxis("right", language)
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot_widget.setObjectName("chart_plot")
        self.plot_widget.ci.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.plot: pg.PlotItem = self.plot_widget.addPlot(
            row=0,
            col=0,
            axisItems={"bottom": self.bottom_axis, "left": self.left_axis, "right": self.right_axis},
        )
        self.plot.showGrid(x=False, y=True, alpha=GRID_ALPHA)
        self.plot.hideAxis("right")
        self.plot.setMenuEnabled(False)
        # The legend sits under the plot, never over the data.
        self.legend = pg.LegendItem(
            colCount=LEGEND_COLUMNS, labelTextSize=f"{LEGEND_POINT_SIZE:g}pt", horSpacing=LEGEND_SPACING
        )
        self.plot_widget.addItem(self.legend, row=1, col=0)
        # The cost axis has its own view box, stacked on the main one and sharing its x range.
        self.cost_box = OverlayViewBox()
        self.cost_box.setMouseEnabled(x=False, y=False)
        # Drawn over the whole plot (so the cost line is not hidden by bars): it is a scene item of its own, so
        # its z-value counts against the plot layout's, not the main view box's.
        self.cost_box.setZValue(self.plot_widget.ci.zValue() + 1)
        self.cost_box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.cost_top: float | None = None
        self.home_x: tuple[float, float] | None = None
        self.plot.scene().addItem(self.cost_box)
        self.right_axis.linkToView(self.cost_box)
        self.cost_box.setXLink(self.plot.vb)
        self.plot.vb.sigResized.connect(self._sync_cost_box)
        self.hover_item = pg.TextItem(color="k", fill=pg.mkBrush(255, 255, 240, 235), border=pg.mkPen("#888"))
        # A scene item over the cost box too, placed in scene coordinates: the cost line never crosses it.
        self.hover_item.setZValue(1000)
        self.plot.scene().addItem(self.hover_item)
        self.hover_text = ""
        self._hover: HoverFunction | None = None
        self.plot.scene().sigMouseMoved.connect(self.on_scene_hover)
        self.message = message_label()
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.message)

    # -- drawing -------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.plot.clear()
        self.cost_box.clear()
        self.cost_top = None
        self.home_x = None
        self.legend.clear()
        self.plot.setLabel("left", "")
        self.plot.setLabel("bottom", "")
        self.plot.getAxis("bottom").showLabel(False)
        self.plot.hideAxis("right")
        self.plot.setTitle(None)
        self.hover_text = ""
        self._hover = None
        self.hover_item.hide()
        self.stack.setCurrentWidget(self.plot_widget)

    def show_cost_axis(self, label: str, top: float | None = None) -> None:
        self.cost_top = top
        self.plot.showAxis("right")
        self.right_axis.setGrid(False)  # one grid only, the left axis's
        self.plot.setLabel("right", label)
        self._sync_cost_box()

    def set_hover(self, function: HoverFunction) -> None:
        self._hover = function

    def finish(self, x_range: tuple[float, float] | None = None) -> None:
        """Show the whole chart; `x_range` fixes the x axis (Reset zoom comes back to it)."""
        self.home_x = x_range
        self.reset_zoom()

    def show_message(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def showing_message(self) -> bool:
        return self.stack.currentWidget() is self.message

    def reset_zoom(self) -> None:
        self.plot.enableAutoRange()
        self.plot.autoRange(padding=ZOOM_PADDING)
        if self.home_x is not None:
            self.plot.setXRange(*self.home_x, padding=0)
        if self.cost_top is not None:
            # Money and degree days start at zero, as the bars do: a floating axis would exaggerate changes.
            # Both axes put their zero at the same height, so the line never seems to dip below the bars' zero.
            bottom, top = self.plot.vb.viewRange()[1]
            zero_at = (0.0 - bottom) / (top - bottom) if top > bottom and bottom < 0 < top else 0.0
            right_top = self.cost_top * 1.06
            right_bottom = -zero_at * right_top / (1.0 - zero_at) if zero_at < 1.0 else 0.0
            self.cost_box.setYRange(right_bottom, right_top, padding=0)
        else:
            self.cost_box.enableAutoRange(axis=pg.ViewBox.YAxis)

    def _sync_cost_box(self) -> None:
        self.cost_box.setGeometry(self.plot.vb.sceneBoundingRect())
        self.cost_box.linkedViewChanged(self.plot.vb, self.cost_box.XAxis)

    # -- hover ---------------------------------------------------------------------------------------------
    def hover_at(self, x: float, y: float) -> str:
        """The hover text for a point in data coordinates ('' when nothing is there)."""
        return self._hover(x, y) if self._hover is not None else ""

    def on_scene_hover(self, scene_pos: QPointF) -> str:
        """Show the value under the mouse; returns the text shown."""
        vb = self.plot.vb
        text = ""
        if self._hover is not None and vb.sceneBoundingRect().contains(scene_pos):
            point = vb.mapSceneToView(scene_pos)
            text = self.hover_at(point.x(), point.y())
            if text:
                (x0, x1), (y0, y1) = vb.viewRange()
                right = point.x() > (x0 + x1) / 2
                top = point.y() > (y0 + y1) / 2
                self.hover_item.setAnchor((1.0 if right else 0.0, 0.0 if top else 1.0))
                self.hover_item.setText(text)
                self.hover_item.setPos(scene_pos)
        self.hover_item.setVisible(bool(text))
        self.hover_text = text
        return text


def palette(n: int) -> list[QColor]:
    """Distinct colours that read on white and in greyscale print."""
    base = ["#1f5fa8", "#e07b1a", "#2e8b57", "#b03a48", "#6a4c93", "#8c6d31", "#17a2b8", "#7f7f7f"]
    return [QColor(base[k % len(base)]) for k in range(n)]
