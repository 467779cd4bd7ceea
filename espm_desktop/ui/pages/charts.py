"""Charts of the selected property or meter: monthly use, year over year, cost, weather and energy mix."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.charts import ChartData, chart_data
from espm_desktop.core import chart_series as cs
from espm_desktop.core import formatting
from espm_desktop.core.calendarize import (
    Period,
    PropertyMonths,
    calendarize_property,
    month_index,
    month_start,
)
from espm_desktop.core.degree_days import monthly_degree_days
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number
from espm_desktop.core.types import MeterData, PropertyData
from espm_desktop.fs.atomic_files import OutputError
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.labels import energy_type_label, unit_label
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from espm_desktop.ui.plots.first_chart import FirstChart
from espm_desktop.ui.plots.monthly_bars import MonthlyBars
from espm_desktop.ui.report_actions import ReportButtons, ReportRequest

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from espm_desktop.ui.plots.chart_view import ChartView

log = logging.getLogger(__name__)

CHART_IDS = ("monthly", "year_over_year", "cost", "weather_per_hdd", "weather_scatter", "mix")
BASES = (cs.Basis.NATIVE, cs.Basis.SITE_GJ, cs.Basis.SOURCE_GJ)
EXPORT_WIDTH_PX = 1600
LAYOUT_SETTLE_MS = 30


def load_chart_data(ctx: AppContext, property_id: int) -> ChartData:
    return chart_data(ctx.db_path, property_id)


class ChartsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = current_language()
        self.whole_property = True
        # Connected before the picker's own slot, so a meter chosen elsewhere leaves whole-property mode first.
        ctx.meter_selected.connect(self._on_meter_selected)
        heading = QLabel(self.tr("Charts"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "Bars are calendar months (bills spread over their days, as ESPM does); lines are the bills as "
                "received. Hover for exact values; drag to pan, scroll to zoom."
            )
        )
        subtitle.setStyleSheet("color: #555;")
        subtitle.setWordWrap(True)
        self.picker = PropertyMeterPicker(ctx, with_meter=True)
        self.chart_combo = QComboBox()
        self.chart_combo.setObjectName("chart_kind")
        for chart_id, label in zip(
            CHART_IDS,
            (
                self.tr("Monthly use"),
                self.tr("Year over year"),
                self.tr("Cost"),
                self.tr("Weather: use per HDD"),
                self.tr("Weather: use/day vs HDD/day"),
                self.tr("Energy mix (source)"),
            ),
            strict=True,
        ):
            self.chart_combo.addItem(label, chart_id)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("chart_unit")
        for basis, label in zip(
            BASES, (self.tr("Meter unit"), self.tr("GJ (site)"), self.tr("GJ (source)")), strict=True
        ):
            self.unit_combo.addItem(label, basis.value)
        # Year over year: which 12 months to highlight (the latest full ones unless the user picks another end).
        self.period_label = QLabel(self.tr("Highlight:"))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("chart_period")
        self.cost_check = QCheckBox(self.tr("Show cost"))
        self.cost_check.setObjectName("chart_show_cost")
        self.reset_button = QPushButton(self.tr("Reset zoom"))
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.svg_button = QPushButton(self.tr("Export SVG…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Chart:")))
        controls.addWidget(self.chart_combo)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("Units:")))
        controls.addWidget(self.unit_combo)
        controls.addSpacing(8)
        controls.addWidget(self.cost_check)
        controls.addStretch(1)
        controls.addWidget(self.reset_button)
        # The opening chart is painted with Qt (first_chart); the interactive one (pyqtgraph) replaces it
        # right after, or at once when the user asks for what only it does.
        self.first_chart = FirstChart(self.language)
        self.first_chart.painted.connect(self._on_first_chart_painted)
        self.first_chart.stack.currentChanged.connect(self._on_view_switched)
        self._view: ChartView | None = None
        self.chart_area = QStackedWidget()
        # Every chart laid out, the current one on top: the interactive chart settles under the painted one.
        stack = self.chart_area.layout()
        assert isinstance(stack, QStackedLayout)
        stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self.chart_area.addWidget(self.first_chart)
        self.note = QLabel()
        self.note.setObjectName("chart_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.picker)
        layout.addLayout(controls)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period_combo)
        period_row.addStretch(1)
        # A row of their own: beside the chart choices they made the page wider than a 1366-pixel screen.
        for button in (self.png_button, self.svg_button, self.print_button, self.pdf_button):
            period_row.addWidget(button)
        # The property's consumption report (every meter, 12 months, bills appendix): print it or save it as PDF.
        self.report_actions = ReportButtons(
            ctx,
            lambda: (
                None
                if self.picker.property_id is None
                else ReportRequest("consumption", self.picker.property_id)
            ),
        )
        self.report_actions.hide()  # its two buttons live in the menu below
        self.report_button = QToolButton()
        self.report_button.setObjectName("consumption_report_button")
        self.report_button.setText(self.tr("Consumption report"))
        self.report_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        report_menu = QMenu(self.report_button)
        report_menu.addAction(self.tr("Print the consumption report…"), self.report_actions.print_report)
        report_menu.addAction(self.tr("Save the consumption report as PDF…"), self.report_actions.save_as_pdf)
        self.report_button.setMenu(report_menu)
        period_row.addSpacing(8)
        period_row.addWidget(self.report_button)
        layout.addLayout(period_row)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.chart_area, 1)
        layout.addWidget(self.note)
        self.data: ChartData | None = None
        self.drawn_months: tuple[int, int] | None = None
        """First and last month index of what the chart shows, for its title."""
        self._cal: PropertyMonths | None = None
        self._cal_for: PropertyData | None = None
        self._stale = True
        self.picker.changed.connect(self._on_picker_changed)
        self.chart_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.cost_check.toggled.connect(lambda _on: self.redraw())
        self.period_combo.activated.connect(lambda _i: self.redraw())
        self.reset_button.clicked.connect(lambda: self.view.reset_zoom())
        self.png_button.clicked.connect(self._on_export_png)
        self.svg_button.clicked.connect(self._on_export_svg)
        self.print_button.clicked.connect(self._on_print)
        self.pdf_button.clicked.connect(self._on_save_pdf)
        ctx.data_changed.connect(self._on_data_changed)

    # -- the chart shown -----------------------------------------------------------------------------------
    @property
    def view(self) -> ChartView:
        """The interactive chart, made (and drawn) on first use."""
        if self._view is None:
            self._make_interactive()
            self.redraw()
        assert self._view is not None
        return self._view

    def interactive(self) -> bool:
        """Whether the interactive chart has replaced the painted one."""
        return self._view is not None and self.chart_area.currentWidget() is self._view

    def _make_interactive(self, under_first_chart: bool = False) -> ChartView:
        """Make the interactive chart and show it, or with `under_first_chart` lay it out under the painted chart
        (see `_upgrade`)."""
        from espm_desktop.ui.plots.chart_view import ChartView
        from espm_desktop.ui.plots.charts import (
            EnergyMixChart,
            MonthlyChart,
            UsePerHddChart,
            WeatherScatterChart,
            YearOverYearChart,
        )

        view = ChartView(self.language)
        self.drawers = (
            MonthlyChart(self),
            YearOverYearChart(self),
            EnergyMixChart(self),
            UsePerHddChart(self),
            WeatherScatterChart(self),
        )
        self._view = view
        # A message in place of the chart has nothing to export or print.
        view.stack.currentChanged.connect(self._on_view_switched)
        self.chart_area.addWidget(view)
        if under_first_chart:
            self.first_chart.raise_()
        else:
            self._show_interactive(view)
        return view

    def _on_first_chart_painted(self) -> None:
        if self._view is None:
            # After the paint, not in it: the user sees the chart while the interactive one loads.
            QTimer.singleShot(0, self._upgrade)

    def _upgrade(self) -> None:
        """Replace the painted chart by the interactive one, drawn and laid out under it first: pyqtgraph places
        its axes and legend over a few turns of the event loop, which the user should not see. Once made (a
        paint may have asked twice, or the user first), there is nothing to do."""
        if self._view is None:
            view = self._make_interactive(under_first_chart=True)
            self.redraw()
            QTimer.singleShot(LAYOUT_SETTLE_MS, lambda: self._show_interactive(view))

    def _show_interactive(self, view: ChartView) -> None:
        if self.chart_area.currentWidget() is not view:
            self.chart_area.setCurrentWidget(view)
            self.first_chart.hide()
            self._on_view_switched(0)
            log.info("Charts page: the interactive chart is shown")

    def _surface(self, paintable: bool) -> ChartView | FirstChart:
        """Where to draw: the interactive chart once made; before that, the painted chart for what it can draw
        (`paintable`) and the messages."""
        if self._view is not None:
            return self._view
        return self.first_chart if paintable else self._make_interactive()

    # -- selection -----------------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # Hidden, the page skipped the property switches and data changes since its last visit.
        if self._stale or self.picker.selection_stale:
            self.picker.reload()

    def _on_meter_selected(self, _meter_id: int) -> None:
        self.whole_property = False

    def _on_picker_changed(self) -> None:
        combo = self.picker.meter_combo
        if combo.count() and combo.itemData(0) is None:
            # The user chose in our combo: index 0 is "whole property".
            self.whole_property = combo.currentIndex() == 0
        else:
            combo.blockSignals(True)
            combo.insertItem(0, self.tr("Whole property (all meters)"), None)
            if self.whole_property or combo.count() == 1:
                combo.setCurrentIndex(0)
            combo.blockSignals(False)
        pid = self.picker.property_id
        if pid is None:
            self.data = None
        elif self._stale or self.data is None or self.data.prop.property_id != pid:
            self.data = load_chart_data(self.ctx, pid)
        self._stale = False
        self.redraw()

    def _on_data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.picker.reload()

    def set_data(self, data: ChartData) -> None:
        """Show already-loaded data (the benchmark and tests load it themselves)."""
        self.data = data
        self._stale = False

    def selected_meter(self) -> MeterData | None:
        if self.whole_property or self.data is None:
            return None
        mid = self.picker.meter_id
        return next((m for m in self.data.prop.meters if m.meter_id == mid), None)

    def set_chart(self, chart_id: str) -> None:
        self.chart_combo.setCurrentIndex(CHART_IDS.index(chart_id))

    def set_basis(self, basis: cs.Basis) -> None:
        self.unit_combo.setCurrentIndex(BASES.index(basis))

    # -- drawing -------------------------------------------------------------------------------------------
    def calendarised(self) -> PropertyMonths:
        assert self.data is not None
        if self._cal is None or self._cal_for is not self.data.prop:
            self._cal = calendarize_property(self.data.prop)
            self._cal_for = self.data.prop
        return self._cal

    def current_series(self) -> tuple[cs.MonthlySeries, str]:
        """The monthly series drawn now, with its unit as shown."""
        assert self.data is not None
        basis = cs.Basis(self.unit_combo.currentData())
        cal = self.calendarised()
        meter = self.selected_meter()
        if meter is not None:
            mm = cal.meters[self.data.prop.meters.index(meter)]
            series = cs.meter_series(meter, mm, basis)
        else:
            series = cs.property_series(self.data.prop, cal, basis)
        return series, self.unit_text(series)

    def unit_text(self, series: cs.MonthlySeries) -> str:
        if series.basis is cs.Basis.NATIVE and series.energy_type is not None:
            # Axis labels and hover text want the symbol: "m³", not "m³ (cubic metres)".
            return unit_label(series.energy_type, series.unit).split(" (")[0]
        return self.tr("GJ source") if series.basis is cs.Basis.SOURCE_GJ else "GJ"

    def redraw(self) -> None:
        self._draw()
        self._on_view_switched(0)

    def _draw(self) -> None:
        chart = CHART_IDS[max(self.chart_combo.currentIndex(), 0)]
        self.cost_check.setEnabled(chart == "monthly")
        self.period_label.setVisible(chart == "year_over_year")
        self.period_combo.setVisible(chart == "year_over_year")
        self.unit_combo.setEnabled(chart not in ("cost", "mix"))
        self.note.clear()
        self.drawn_months = None
        if self.data is None:
            self._surface(True).show_message(self.tr("No property yet: create one on the Properties page."))
            return
        if not self.data.prop.meters:
            self._surface(True).show_message(
                self.tr("This property has no meters yet: add them on the Meters page.")
            )
            return
        series, unit = self.current_series()
        asked = cs.Basis(self.unit_combo.currentData())
        if asked is cs.Basis.NATIVE and series.basis is not asked and chart not in ("cost", "mix"):
            self.note.setText(self.tr("The meters use different units: the property total is shown in GJ."))
        meter = self.selected_meter()
        self.drawn_months = _month_span(series.months)
        if chart == "cost" and series.cost is None:
            self._surface(True).show_message(
                self.tr(
                    "No bill has a cost: type the amounts on the Bills page (Cost column) to see this chart."
                )
            )
            return
        # Bars alone (no bill steps, no cost line): what the painted chart draws too.
        bars_only = chart == "cost" or (
            chart == "monthly" and meter is None and not self.cost_check.isChecked()
        )
        view = self._surface(bars_only)
        if isinstance(view, FirstChart):
            self._paint_bars(series, unit, cost_only=chart == "cost")
            return
        monthly, yoy, mix, per_hdd, scatter = self.drawers
        if chart == "monthly":
            steps = cs.bill_steps(meter, series.basis) if meter is not None else None
            monthly.draw(view, series, unit, steps, self.cost_check.isChecked())
        elif chart == "cost":
            monthly.draw(view, series, unit, None, False, cost_only=True)
        elif chart == "year_over_year":
            cal = self.calendarised()
            latest = cs.highlight_period(cal.meters[self.data.prop.meters.index(meter)] if meter else cal)
            period = self._fill_period_choices(series, latest)
            chosen = self.period_combo.currentData() is not None
            yoy.draw(view, cs.year_over_year(series, period, chosen), unit)
        elif chart == "mix":
            mix_data = cs.energy_mix(self.calendarised())
            self.drawn_months = _month_span(mix_data.months)
            mix.draw(view, mix_data, {t: energy_type_label(t) for t in mix_data.energy_types})
        elif not self.data.weather:
            view.show_message(self.no_weather_message())
        else:
            degree_days = monthly_degree_days(self.data.weather)
            if chart == "weather_per_hdd":
                per_hdd_data = cs.use_per_hdd(series, degree_days)
                self.drawn_months = _month_span(
                    [
                        m
                        for m, r in zip(per_hdd_data.months, per_hdd_data.ratio, strict=True)
                        if not math.isnan(r)
                    ]
                )
                per_hdd.draw(view, per_hdd_data, unit)
            else:
                points = (
                    cs.bill_scatter(meter, cs.daily_hdd(self.data.weather), series.basis)
                    if meter is not None
                    else cs.month_scatter(series, degree_days)
                )
                self.drawn_months = (
                    (month_index(min(points.start)), month_index(max(points.end))) if points.start else None
                )
                scatter.draw(view, points, unit, per_month=meter is None)

    def _paint_bars(self, series: cs.MonthlySeries, unit: str, cost_only: bool) -> None:
        bars = MonthlyBars(self)
        if not series.months:
            self.first_chart.show_message(bars.no_bills_text())
        else:
            self.first_chart.draw_bars(bars.layers(series, cost_only), bars.axis_label(unit, cost_only))

    def _fill_period_choices(self, series: cs.MonthlySeries, latest: Period | None) -> Period | None:
        """Offer every month that ends 12 months of data; keep the user's pick while it still exists."""
        chosen = self.period_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        locale = QLocale()
        if latest is not None:
            self.period_combo.addItem(self.tr("Latest 12 full months"), None)
        ends = [m for m in series.months if m - 11 >= series.months[0]] if series.months else []
        for last in reversed(ends):
            first_day = month_start(last)
            label = locale.toString(QDate(first_day.year, first_day.month, 1), "MMM yyyy")
            self.period_combo.addItem(self.tr("12 months ending {0}").format(label), last)
        index = self.period_combo.findData(chosen) if chosen is not None else 0
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)
        last = self.period_combo.currentData()
        return latest if last is None else Period(last - 11, 12)

    def no_weather_message(self) -> str:
        how = self.tr(
            "The weather charts need daily degree-days: download the daily data of the weather station nearest "
            "the building from Environment and Climate Change Canada (climate.weather.gc.ca, CSV, one file per "
            "year), import it on the Weather page, and link the station to this property there."
        )
        assert self.data is not None
        if self.data.annual_degree_days:
            end, hdd, cdd = self.data.annual_degree_days[-1]
            typed = self.tr(
                "This property only has degree days typed for 12 months (HDD {0}, CDD {1}, "
                "12 months ending {2}), not month by month."
            ).format(format_number(hdd, self.language), format_number(cdd, self.language), end.isoformat())
            return f"{typed}\n\n{how}"
        return self.tr("No degree days for this property.") + "\n\n" + how

    # -- export --------------------------------------------------------------------------------------------
    def chart_title(self) -> str:
        """« Siège social — Consommation mensuelle — janv. 2024 à déc. 2024 »: what every export carries."""
        parts = [self.data.prop.name] if self.data is not None else []
        meter = self.selected_meter()
        if meter is not None:
            parts.append(meter.name)
        parts.append(self.chart_combo.currentText())
        if self.drawn_months is not None:
            first, last = (
                formatting.month_year(m // 12, m % 12 + 1, self.language, short=True)
                for m in self.drawn_months
            )
            parts.append(first if first == last else self.tr("{0} to {1}").format(first, last))
        return " — ".join(parts)

    def export_png_to(self, path: Path, width: int = EXPORT_WIDTH_PX) -> Path:
        from espm_desktop.ui.plots.export import export_png

        return export_png(
            self.view.plot_widget, path, width, self.chart_title(), protected=(Path(self.ctx.db_path),)
        )

    def export_svg_to(self, path: Path) -> Path:
        from espm_desktop.ui.plots.export import export_svg

        return export_svg(
            self.view.plot_widget, path, self.chart_title(), protected=(Path(self.ctx.db_path),)
        )

    def print_to(self, printer: QPrinter) -> int:
        """The chart on one page of `printer` (set up by the print dialog, or a PDF printer)."""
        from espm_desktop.ui import printing

        return printing.print_chart(printer, self.view.plot_widget, self.chart_title(), self.language)

    def save_pdf_to(self, path: Path) -> Path:
        from espm_desktop.ui import printing

        printing.save_pdf(
            path, self.print_to, title=self.chart_title(), landscape=True, protected=(Path(self.ctx.db_path),)
        )
        return path

    def _export(self, write: Callable[[Path], Path], path: Path, title: str) -> None:
        """Write the file; a refusal or a failure is told in the user's language (the file is then untouched)."""
        from espm_desktop.ui import printing

        try:
            write(path)
        except OutputError as exc:
            QMessageBox.warning(self, title, exc.message(current_language()))
        except printing.PrintFailed as exc:
            QMessageBox.warning(self, title, str(exc))

    def _file_name(self, suffix: str) -> str:
        name = self.data.prop.name if self.data else "chart"
        return f"{name} - {self.chart_combo.currentText()}.{suffix}".replace("/", "-").replace(":", "")

    def _on_export_png(self) -> None:
        path = file_dialogs.save_file_name(
            self, self.tr("Export PNG"), self._file_name("png"), self.tr("PNG image (*.png)")
        )
        if path:
            self._export(self.export_png_to, Path(path), self.tr("Export PNG"))

    def _on_export_svg(self) -> None:
        path = file_dialogs.save_file_name(
            self, self.tr("Export SVG"), self._file_name("svg"), self.tr("SVG drawing (*.svg)")
        )
        if path:
            self._export(self.export_svg_to, Path(path), self.tr("Export SVG"))

    def _on_save_pdf(self) -> None:
        path = file_dialogs.save_file_name(
            self, self.tr("Save as PDF"), self._file_name("pdf"), self.tr("PDF document (*.pdf)")
        )
        if path:
            self._export(self.save_pdf_to, Path(path), self.tr("Save as PDF"))

    def _on_print(self) -> None:
        from espm_desktop.ui import printing

        try:
            printing.print_document(self, self.print_to, title=self.chart_title(), landscape=True)
        except printing.PrintFailed as exc:
            QMessageBox.warning(self, self.tr("Print"), str(exc))

    def _on_view_switched(self, _index: int) -> None:
        shown = self._view if self.interactive() else self.first_chart
        drawn = not shown.showing_message()
        for button in (
            self.reset_button,
            self.png_button,
            self.svg_button,
            self.print_button,
            self.pdf_button,
        ):
            button.setEnabled(drawn)


def _month_span(months: Sequence[int]) -> tuple[int, int] | None:
    return (min(months), max(months)) if months else None
