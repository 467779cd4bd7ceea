"""The consumption charts: each class draws one kind of chart from core.chart_series data into a ChartView."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from espm_desktop.core import formatting
from espm_desktop.core.chart_series import (
    BillSteps,
    DailyScatter,
    EnergyMix,
    MonthlySeries,
    UsePerHdd,
    YearOverYear,
)
from espm_desktop.ui.plots.axes import DATE, MONTH_OF_YEAR, NUMBER, month_label
from espm_desktop.ui.plots.chart_view import ChartView, palette
from espm_desktop.ui.plots.monthly_bars import (
    BAR_WIDTH,
    COST_COLOR,
    ESTIMATED_COLOR,
    USE_COLOR,
    MonthlyBars,
)
from espm_desktop.ui.plots.ticks import month_name


def fmt(view: ChartView, value: float) -> str:
    """A value with as many decimals as its size needs (1 234 / 12,3 / 0,123)."""
    size = abs(value)
    decimals = 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 0.1 else 3
    return formatting.number(value, view.language, decimals)


def money(view: ChartView, value: float) -> str:
    return formatting.money(value, view.language)


def day_text(view: ChartView, day: date) -> str:
    """'1er janv. 2024' / 'Jan 1, 2024'."""
    return formatting.date_text(day, view.language)


def _bars(
    view: ChartView,
    xs: list[float],
    heights: list[float],
    brush: QBrush | QColor | str,
    name: str | None,
    y0: list[float] | None = None,
) -> None:
    if not xs:
        return
    item = pg.BarGraphItem(
        x=xs,
        height=heights,
        width=BAR_WIDTH,
        y0=y0 if y0 is not None else 0,
        brush=brush,
        pen=pg.mkPen("#ffffff", width=0.5),
    )
    view.plot.addItem(item)
    if name:
        view.legend.addItem(item, name)


class MonthlyChart(QObject):
    """Calendarised monthly use as bars, raw bills as steps, estimated bills marked, cost on a second axis."""

    def draw(
        self,
        view: ChartView,
        series: MonthlySeries,
        unit_text: str,
        steps: BillSteps | None,
        show_cost: bool,
        cost_only: bool = False,
    ) -> None:
        view.clear()
        view.bottom_axis.set_kind(DATE)
        bars = MonthlyBars(self)
        if not series.months:
            view.show_message(bars.no_bills_text())
            return
        values = bars.values(series, cost_only)
        for layer in bars.layers(series, cost_only):
            _bars(view, layer.xs, layer.heights, layer.brush, layer.name)
        if steps is not None and not cost_only:
            for estimated, pen, name in (
                (False, pg.mkPen("#222222", width=2), self.tr("Bills (use per average month)")),
                (
                    True,
                    pg.mkPen(ESTIMATED_COLOR, width=2.5, style=Qt.PenStyle.DashLine),
                    self.tr("Estimated bills"),
                ),
            ):
                xs, ys = steps.pairs(estimated)
                if xs:
                    item = pg.PlotDataItem(xs, ys, connect="pairs", pen=pen)
                    view.plot.addItem(item)
                    view.legend.addItem(item, name)
        if cost_only:
            view.left_axis.prefix = ""
        view.plot.setLabel("left", bars.axis_label(unit_text, cost_only))
        if show_cost and not cost_only and series.cost is not None:
            cost_item = pg.PlotDataItem(
                series.x,
                list(series.cost),
                pen=pg.mkPen(COST_COLOR, width=2),
                symbol="o",
                symbolSize=5,
                symbolBrush=COST_COLOR,
                symbolPen=None,
            )
            view.cost_box.addItem(cost_item)
            view.legend.addItem(cost_item, self.tr("Cost ($, right axis)"))
            view.show_cost_axis(self.tr("Cost ($)"), max(series.cost, default=0.0))

        def hover(x: float, y: float) -> str:
            k = series.index_of(math.floor(x))
            lines = []
            if k is not None:
                month = month_label(view.language, series.months[k])
                if cost_only:
                    lines.append(formatting.labelled(month, money(view, values[k]), view.language))
                else:
                    lines.append(
                        self.tr("{0}: {1} {2}").format(month, fmt(view, series.values[k]), unit_text)
                    )
                    if series.cost is not None:
                        lines.append(self.tr("Cost: {0}").format(money(view, series.cost[k])))
                if series.estimated[k]:
                    lines.append(self.tr("Includes an estimated bill"))
                if not series.complete(k):
                    lines.append(
                        self.tr("Bills cover {0} of {1} days").format(series.covered_days[k], series.days[k])
                    )
            if steps is not None and not cost_only:
                b = steps.find(x)
                if b is not None:
                    days = (steps.end[b] - steps.start[b]).days + 1
                    flag = self.tr(" (estimated)") if steps.estimated[b] else ""
                    lines.append(
                        self.tr("Bill {0} – {1}: {2} {3} over {4} days{5}").format(
                            day_text(view, steps.start[b]),
                            day_text(view, steps.end[b]),
                            fmt(view, steps.usage[b]),
                            unit_text,
                            days,
                            flag,
                        )
                    )
            return "\n".join(lines)

        view.set_hover(hover)
        view.finish()


class YearOverYearChart(QObject):
    """The 12 months on x, one line per year, the latest full 12-month period drawn thick."""

    def draw(self, view: ChartView, yoy: YearOverYear, unit_text: str) -> None:
        view.clear()
        if not yoy.lines:
            view.show_message(MonthlyBars(self).no_bills_text())
            return
        view.bottom_axis.set_kind(MONTH_OF_YEAR, yoy.start_month)
        colors = palette(len(yoy.lines) + 1)
        older = [line for line in yoy.lines if not line.highlighted]
        names: list[str] = []
        for k, line in enumerate(yoy.lines):
            name = self._name(view, line.first_month, yoy.start_month)
            if line.highlighted:
                if yoy.chosen:
                    name = self.tr("{0} (chosen period)").format(name)
                else:
                    name = (
                        self.tr("{0} (latest 12 full months)")
                        if yoy.highlighted_is_full
                        else self.tr("{0} (latest year)")
                    ).format(name)
                pen = pg.mkPen(USE_COLOR, width=4)
                brush = USE_COLOR
            else:
                age = len(older) - older.index(line)
                color = QColor(colors[(k + 1) % len(colors)])
                color.setAlpha(max(90, 255 - 40 * (age - 1)))
                pen = pg.mkPen(color, width=1.8)
                brush = color
            names.append(name)
            item = pg.PlotDataItem(
                list(range(12)),
                list(line.values),
                pen=pen,
                connect="finite",
                # Dots only on the highlighted year: ten years of dotted lines are slow to draw and hard to read.
                symbol="o" if line.highlighted else None,
                symbolSize=7,
                symbolBrush=brush,
                symbolPen=None,
            )
            if line.highlighted:
                item.setZValue(10)
            view.plot.addItem(item)
            view.legend.addItem(item, name)
        view.plot.setLabel("left", self.tr("Use ({0})").format(unit_text))

        def hover(x: float, y: float) -> str:
            m = round(x)
            if not 0 <= m <= 11:
                return ""
            lines = [month_name(view.language, (yoy.start_month - 1 + m) % 12 + 1, short=False)]
            for name, line in zip(names, yoy.lines, strict=True):
                v = line.values[m]
                lines.append(f"{name}: " + ("—" if math.isnan(v) else f"{fmt(view, v)} {unit_text}"))
            return "\n".join(lines)

        view.set_hover(hover)
        view.finish(x_range=(-0.4, 11.4))

    def _name(self, view: ChartView, first_month: int, start_month: int) -> str:
        if start_month == 1:
            return str(first_month // 12)
        return (
            f"{month_label(view.language, first_month, short=True)} – "
            f"{month_label(view.language, first_month + 11, short=True)}"
        )


class EnergyMixChart(QObject):
    """Monthly source energy stacked by energy type."""

    def draw(self, view: ChartView, mix: EnergyMix, type_labels: dict[str, str]) -> None:
        view.clear()
        view.bottom_axis.set_kind(DATE)
        if not mix.months:
            view.show_message(MonthlyBars(self).no_bills_text())
            return
        xs = [m + 0.5 for m in mix.months]
        tops = mix.stacked()
        colors = palette(len(mix.energy_types))
        bottom = [0.0] * len(xs)
        for t, energy_type in enumerate(mix.energy_types):
            _bars(
                view, xs, list(mix.values[t]), colors[t], type_labels.get(energy_type, energy_type), y0=bottom
            )
            bottom = tops[t]
        view.plot.setLabel("left", self.tr("Source energy (GJ)"))

        def hover(x: float, y: float) -> str:
            k = math.floor(x) - mix.months[0]
            if not 0 <= k < len(mix.months):
                return ""
            lines = [self.tr("{0}, source energy").format(month_label(view.language, mix.months[k]))]
            for t, energy_type in enumerate(mix.energy_types):
                lines.append(
                    formatting.labelled(
                        type_labels.get(energy_type, energy_type),
                        f"{fmt(view, mix.values[t][k])} GJ",
                        view.language,
                    )
                )
            lines.append(self.tr("Total: {0} GJ").format(fmt(view, tops[-1][k] if tops else 0.0)))
            return "\n".join(lines)

        view.set_hover(hover)
        view.finish()


class UsePerHddChart(QObject):
    """Use per heating degree-day by month, with the month's degree days on the right axis."""

    def draw(self, view: ChartView, data: UsePerHdd, unit_text: str) -> None:
        view.clear()
        view.bottom_axis.set_kind(DATE)
        keep = [k for k, r in enumerate(data.ratio) if not math.isnan(r)]
        if not keep:
            view.show_message(
                self.tr(
                    "No month has both complete bills and enough heating degree-days (30 or more) to compare."
                )
            )
            return
        _bars(
            view,
            [data.months[k] + 0.5 for k in keep],
            [data.ratio[k] for k in keep],
            QColor(USE_COLOR),
            self.tr("Use per HDD"),
        )
        hx = [m + 0.5 for m in data.months]
        hdd_item = pg.PlotDataItem(
            hx,
            list(data.hdd),
            pen=pg.mkPen("#b03a48", width=2),
            connect="finite",
            symbol="s",
            symbolSize=5,
            symbolBrush="#b03a48",
            symbolPen=None,
        )
        view.cost_box.addItem(hdd_item)
        view.legend.addItem(hdd_item, self.tr("Heating degree-days (right axis)"))
        view.show_cost_axis(
            self.tr("HDD (°C·days, base 18 °C)"), max((h for h in data.hdd if not math.isnan(h)), default=0.0)
        )
        view.plot.setLabel("left", self.tr("Use per HDD ({0}/°C·day)").format(unit_text))

        def hover(x: float, y: float) -> str:
            k = math.floor(x) - data.months[0] if data.months else -1
            if not 0 <= k < len(data.months):
                return ""
            head = month_label(view.language, data.months[k])
            h = data.hdd[k]
            lines = [
                head,
                self.tr("Use: {0} {1}").format(fmt(view, data.use[k]), unit_text),
                self.tr("HDD: {0}").format("—" if math.isnan(h) else fmt(view, h)),
            ]
            r = data.ratio[k]
            lines.append(
                self.tr("Use per HDD: {0} {1}/°C·day").format(fmt(view, r), unit_text)
                if not math.isnan(r)
                else self.tr("Use per HDD: not shown (incomplete month or fewer than 30 HDD)")
            )
            return "\n".join(lines)

        view.set_hover(hover)
        view.finish()


class WeatherScatterChart(QObject):
    """Use per day against HDD per day, one point per bill period (or month), with a least-squares line."""

    def draw(self, view: ChartView, data: DailyScatter, unit_text: str, per_month: bool) -> None:
        view.clear()
        view.bottom_axis.set_kind(NUMBER)
        if not data.hdd_per_day:
            view.show_message(
                self.tr(
                    "No bill period has degree days for at least 90 % of its days: import the weather of the "
                    "bills' dates."
                )
            )
            return
        name = self.tr("Calendar months") if per_month else self.tr("Bill periods")
        points = pg.ScatterPlotItem(
            list(data.hdd_per_day),
            list(data.use_per_day),
            size=9,
            brush=pg.mkBrush(USE_COLOR),
            pen=pg.mkPen("w", width=0.5),
        )
        view.plot.addItem(points)
        view.legend.addItem(points, name)
        if data.slope is not None and data.intercept is not None:
            x1 = max(data.hdd_per_day)
            line = pg.PlotDataItem(
                [0.0, x1],
                [data.intercept, data.intercept + data.slope * x1],
                pen=pg.mkPen("#b03a48", width=2, style=Qt.PenStyle.DashLine),
            )
            view.plot.addItem(line)
            r2 = (
                ""
                if data.r_squared is None
                else f", R² = {formatting.number(data.r_squared, view.language, 2)}"
            )
            view.legend.addItem(
                line,
                self.tr("Fit: {0} + {1} × HDD/day{2}").format(
                    fmt(view, data.intercept), fmt(view, data.slope), r2
                ),
            )
        view.plot.setLabel("bottom", self.tr("Heating degree-days per day (°C·day/day, base 18 °C)"))
        view.plot.setLabel("left", self.tr("Use per day ({0}/day)").format(unit_text))

        def hover(x: float, y: float) -> str:
            k = self.nearest(view, data.hdd_per_day, data.use_per_day, x, y)
            if k is None:
                return ""
            return self.tr("{0} – {1}\n{2} {3}/day at {4} HDD/day").format(
                day_text(view, data.start[k]),
                day_text(view, data.end[k]),
                fmt(view, data.use_per_day[k]),
                unit_text,
                fmt(view, data.hdd_per_day[k]),
            )

        view.set_hover(hover)
        view.finish()

    @staticmethod
    def nearest(view: ChartView, xs: Sequence[float], ys: Sequence[float], x: float, y: float) -> int | None:
        """The point nearest (x, y) within 4 % of the visible range, else None."""
        (x0, x1), (y0, y1) = view.plot.vb.viewRange()
        sx, sy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
        best, best_d = None, 0.04**2
        for k, (px, py) in enumerate(zip(xs, ys, strict=True)):
            d = ((px - x) / sx) ** 2 + ((py - y) / sy) ** 2
            if d <= best_d:
                best, best_d = k, d
        return best
