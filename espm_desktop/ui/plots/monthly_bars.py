"""The monthly chart's bars as layers any painter can draw.

The interactive chart (pyqtgraph, `charts.MonthlyChart`) and the first chart drawn with Qt's own painter
(`first_chart.FirstChart`) draw the same layers, so they show the same bars, colours and legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from espm_desktop.core.chart_series import MonthlySeries

BAR_WIDTH = 0.8
USE_COLOR = "#1f5fa8"
ESTIMATED_COLOR = "#e07b1a"
PARTIAL_COLOR = "#a9c4e6"
COST_COLOR = "#2e8b57"


@dataclass(frozen=True)
class BarLayer:
    """Bars of one look, centred on `xs` (month index + 0.5), drawn in order; `name` is its legend entry."""

    xs: list[float]
    heights: list[float]
    brush: QBrush
    name: str | None


class MonthlyBars(QObject):
    """Calendar months as bars: full months in the use colour (or the cost colour), months with an estimated
    bill hatched in orange, months the bills do not fully cover in a pale blue."""

    def no_bills_text(self) -> str:
        """In place of a chart with no month to show."""
        return self.tr("No bills yet: add bills on the Bills page to see this chart.")

    def values(self, series: MonthlySeries, cost_only: bool) -> list[float]:
        if cost_only and series.cost is not None:
            return [float(c) for c in series.cost]
        return list(series.values)

    def layers(self, series: MonthlySeries, cost_only: bool) -> list[BarLayer]:
        values = self.values(series, cost_only)
        groups: dict[str, tuple[list[float], list[float]]] = {
            "full": ([], []),
            "est": ([], []),
            "part": ([], []),
        }
        for k, x in enumerate(series.x):
            key = "est" if series.estimated[k] else "full" if series.complete(k) else "part"
            groups[key][0].append(x)
            groups[key][1].append(values[k])
        main_name = self.tr("Cost by calendar month") if cost_only else self.tr("Use by calendar month")
        layers = [
            BarLayer(*groups["full"], QBrush(QColor(COST_COLOR if cost_only else USE_COLOR)), main_name),
            BarLayer(
                *groups["est"],
                QBrush(QColor(ESTIMATED_COLOR).lighter(130)),
                self.tr("Month with an estimated bill"),
            ),
            BarLayer(*groups["est"], QBrush(QColor(ESTIMATED_COLOR), Qt.BrushStyle.BDiagPattern), None),
            BarLayer(
                *groups["part"], QBrush(QColor(PARTIAL_COLOR)), self.tr("Month not fully covered by bills")
            ),
        ]
        return [layer for layer in layers if layer.xs]

    def axis_label(self, unit_text: str, cost_only: bool) -> str:
        return self.tr("Cost ($)") if cost_only else self.tr("Use ({0})").format(unit_text)
