"""Savings tab: the gas meter and periods, the baseline model fitted on the bills and the linked station's days,
the avoided m³ per period and per program year, non-routine adjustments, the chart of baseline vs actual with
the CUSUM, and the Excel calculation file and the committee's annual report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import StoredAdjustment
from espm_desktop.app.sge_savings import SavingsAnalysis, gas_meters
from espm_desktop.core.savings import NonRoutineAdjustment, SavingsInputError, check_periods
from espm_desktop.core.sge.deadlines import savings_claim_window_end
from espm_desktop.core.sge.participant_statement import savings_years
from espm_desktop.fs.atomic_files import OutputError
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    OK_STYLE,
    WARN_STYLE,
    SgeTab,
    day_text,
    error_text,
    fill,
    lang,
    message_label,
    number,
    pydate,
    qdate,
    selected_id,
    show_message,
    table,
)
from espm_desktop.ui.pages.sge_production import ProductionDialog

if TYPE_CHECKING:
    import pyqtgraph as pg


def stamp(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


class SavingsTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.meter_combo = QComboBox()
        self.meter_combo.setObjectName("sge_gas_meter")
        self.meter_combo.setMinimumWidth(260)
        self.baseline_start = self._date_edit("sge_baseline_start")
        self.baseline_end = self._date_edit("sge_baseline_end")
        self.reporting_start = self._date_edit("sge_reporting_start")
        self.use_production = QCheckBox(self.tr("Production variable"))
        self.production_button = QPushButton(self.tr("Production…"))
        self.production_button.setObjectName("sge_production_button")
        self.compute_button = QPushButton(self.tr("Save and compute"))
        self.compute_button.setObjectName("sge_compute_savings")
        # Two rows: the meter's name and the French labels are too wide for one row on a 1280-pixel screen.
        meter_row = QHBoxLayout()
        meter_row.addWidget(QLabel(self.tr("Gas meter:")))
        meter_row.addWidget(self.meter_combo, 1)
        meter_row.addWidget(self.use_production)
        meter_row.addWidget(self.production_button)
        period_row = QHBoxLayout()
        for label, widget in ((self.tr("Baseline from"), self.baseline_start), (self.tr("to"), self.baseline_end),
                              (self.tr("Reporting from"), self.reporting_start)):  # fmt: skip
            period_row.addWidget(QLabel(label))
            period_row.addWidget(widget)
        period_row.addWidget(self.compute_button)
        period_row.addStretch(1)
        settings = QVBoxLayout()
        settings.addLayout(meter_row)
        settings.addLayout(period_row)
        self.model_label = QLabel()
        self.model_label.setObjectName("sge_model")
        self.model_label.setWordWrap(True)
        self.model_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.excel_button = QPushButton(self.tr("Excel calculation file…"))
        self.excel_button.setObjectName("sge_excel")
        self.report_button = QPushButton(self.tr("Annual report (PDF)…"))
        self.report_button.setObjectName("sge_annual_report")
        exports = QHBoxLayout()
        exports.addWidget(self.excel_button)
        exports.addWidget(self.report_button)
        exports.addStretch(1)
        model_box = QGroupBox(self.tr("Baseline model (CalTRACK billing method, °C)"))
        mb = QVBoxLayout(model_box)
        mb.addWidget(self.model_label)
        mb.addLayout(exports)

        self.periods = table(
            "sge_savings_periods",
            [self.tr("Start"), self.tr("End"), self.tr("Days"), self.tr("HDD/day"), self.tr("Predicted (m³)"),
             self.tr("Adjustment (m³)"), self.tr("Actual (m³)"), self.tr("Avoided (m³)"), self.tr("Notes")],
        )  # fmt: skip
        self.years = table(
            "sge_savings_years",
            [self.tr("Program year"), self.tr("From"), self.tr("To"), self.tr("Avoided (m³)"),
             self.tr("New measures in the year"), self.tr("Claim")],
        )  # fmt: skip
        # Where program years count from, or why there are none (no phase 4 deliverables acceptance date).
        self.years_note = message_label("sge_program_years_note")
        years_box = QWidget()
        yl = QVBoxLayout(years_box)
        yl.setContentsMargins(0, 0, 0, 0)
        yl.addWidget(self.years_note)
        yl.addWidget(self.years, 1)
        self.adjustments = table(
            "sge_adjustments", [self.tr("From"), self.tr("To"), self.tr("m³/day"), self.tr("Note")]
        )
        self.add_adjustment = QPushButton(self.tr("Add adjustment…"))
        self.add_adjustment.setObjectName("sge_add_adjustment")
        self.delete_adjustment = QPushButton(self.tr("Delete adjustment"))
        adj_box = QWidget()
        al = QVBoxLayout(adj_box)
        row = QHBoxLayout()
        row.addWidget(self.add_adjustment)
        row.addWidget(self.delete_adjustment)
        row.addStretch(1)
        al.addLayout(row)
        al.addWidget(self.adjustments)
        self.tables = QTabWidget()
        self.tables.addTab(self.periods, self.tr("Per period"))
        self.tables.addTab(years_box, self.tr("Per program year"))
        self.tables.addTab(adj_box, self.tr("Non-routine adjustments"))

        # The chart (pyqtgraph, ~0.3 s to load) is made when the tab is first shown, not when the page opens.
        self.chart_area = QWidget()
        self.chart_area.setObjectName("sge_savings_chart_area")
        QVBoxLayout(self.chart_area).setContentsMargins(0, 0, 0, 0)
        self._chart: pg.GraphicsLayoutWidget | None = None
        self._chart_stale = True

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(model_box)
        ll.addWidget(self.tables, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.chart_area)
        splitter.setSizes([560, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(settings)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.compute_button.clicked.connect(self._on_compute)
        self.production_button.clicked.connect(self._on_production)
        self.add_adjustment.clicked.connect(self._on_add_adjustment)
        self.delete_adjustment.clicked.connect(self._on_delete_adjustment)
        self.excel_button.clicked.connect(self._on_excel)
        self.report_button.clicked.connect(self._on_report)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def refresh(self) -> None:
        if self.file is None:
            return
        info = self.file.info
        meters = gas_meters(self.ctx.db_path)
        self.meter_combo.clear()
        self.meter_combo.addItem(self.tr("(choose the gas meter)"), None)
        for mid, name in meters:
            self.meter_combo.addItem(name, mid)
        self.meter_combo.setCurrentIndex(max(self.meter_combo.findData(info.gas_meter_id), 0))
        today = date.today()
        self.baseline_start.setDate(qdate(info.baseline_start or date(today.year - 2, 1, 1)))
        self.baseline_end.setDate(qdate(info.baseline_end or date(today.year - 2, 12, 31)))
        self.reporting_start.setDate(qdate(info.reporting_start or date(today.year - 1, 1, 1)))
        self.use_production.setChecked(info.use_production)
        fill(
            self.adjustments,
            [[day_text(a.adjustment.start), day_text(a.adjustment.end), number(a.adjustment.m3_per_day),
              a.adjustment.note] for a in self.file.adjustments],
            [a.adjustment_id or 0 for a in self.file.adjustments],
            right=(2,),
        )  # fmt: skip
        analysis = self.analysis
        self.excel_button.setEnabled(analysis is not None)
        self.report_button.setEnabled(analysis is not None)
        self._chart_stale = True
        if self.isVisible():
            self._update_chart()
        if analysis is None:
            show_message(self.message, self.analysis_error, WARN_STYLE)
            self.model_label.setText(self.tr("No model yet."))
            fill(self.periods, [])
            fill(self.years, [])
            show_message(self.years_note, "")
            return
        self.model_label.setText(self.model_text(analysis))
        language = lang()
        rows = []
        for r in analysis.reporting.periods:
            rows.append([day_text(r.period.start), day_text(r.period.end), str(r.period.days), number(r.hdd_per_day, 2),
                         number(r.predicted_m3), number(r.adjustment_m3), number(r.actual_m3), number(r.avoided_m3),
                         "; ".join(r.notes)])  # fmt: skip
        fill(self.periods, rows, right=(2, 3, 4, 5, 6, 7))
        years = savings_years(analysis, self.file)
        fill(
            self.years,
            [[str(y.year), day_text(y.start), day_text(y.end), number(y.avoided_m3),
              self.tr("Yes") if sy.new_measures_in_year else self.tr("No"), y.status_message(language)]
             for y, sy in zip(analysis.by_program_year, years, strict=True)],
            right=(3,),
        )  # fmt: skip
        show_message(self.years_note, self.years_note_text(analysis), WARN_STYLE)

    # -- the chart ------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._chart_stale:
            self._update_chart()

    @property
    def chart(self) -> pg.GraphicsLayoutWidget:
        """The chart widget, made on first use (loads pyqtgraph)."""
        if self._chart is None:
            self._build_chart()
        assert self._chart is not None
        return self._chart

    def _build_chart(self) -> None:
        import pyqtgraph as pg

        from espm_desktop.ui.plots.axes import NumberAxis, TimestampAxis

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        chart = pg.GraphicsLayoutWidget()
        chart.setObjectName("sge_savings_chart")
        language = lang()
        # The legend has a row of its own above the plots: inside, it covered the curves wherever it sat.
        self.use_legend = pg.LegendItem(colCount=2)
        chart.addItem(self.use_legend, row=0, col=0)
        self.use_plot = chart.addPlot(
            row=1, col=0, axisItems={"bottom": TimestampAxis(language), "left": NumberAxis("left", language)}
        )
        self.cusum_plot = chart.addPlot(
            row=2, col=0, axisItems={"bottom": TimestampAxis(language), "left": NumberAxis("left", language)}
        )
        self.cusum_plot.setXLink(self.use_plot)
        for plot in (self.use_plot, self.cusum_plot):
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMenuEnabled(False)
        layout = self.chart_area.layout()
        assert layout is not None
        layout.addWidget(chart)
        self._chart = chart

    def _update_chart(self) -> None:
        """Draw the analysis shown (or clear the chart when there is none)."""
        self.chart  # noqa: B018 (made on first use)
        self._chart_stale = False
        self.use_plot.clear()
        self.cusum_plot.clear()
        self.use_legend.clear()
        if self.analysis is not None:
            self.draw(self.analysis)

    def years_note_text(self, a: SavingsAnalysis) -> str:
        """Where the program years count from, or plainly why there are none."""
        language = lang()
        if a.program_years_note is not None:
            note = a.program_years_note
            return note.text(language)
        assert a.first_deliverables_accepted is not None
        deadline = savings_claim_window_end(a.first_deliverables_accepted)
        return self.tr(
            "Program years count from {0}, Énergir's acceptance of the first phase 4 deliverables; savings "
            "claims until {1} (4 years). A year is claimed once the bills cover it without a gap and after 12 "
            "months of continuous measurement."
        ).format(day_text(a.first_deliverables_accepted), day_text(deadline))

    def model_text(self, a: SavingsAnalysis) -> str:
        m = a.fit.model
        language = lang()
        if m.balance_point_c is not None:
            equation = self.tr("use/day = {0} m³ + {1} m³/HDD × HDD/day at {2} °C").format(
                number(m.intercept_m3_per_day, 1),
                number(m.hdd_slope_m3_per_hdd, 2),
                number(m.balance_point_c, 1),
            )
        else:
            equation = self.tr("use/day = {0} m³ (intercept only)").format(number(m.intercept_m3_per_day, 1))
        if m.production_slope_m3_per_unit:
            equation += self.tr(" + {0} m³ × production/day").format(
                number(m.production_slope_m3_per_unit, 3)
            )
        r = a.reporting
        lines = [
            f"<b>{equation}</b>",
            self.tr("R² {0} · adjusted R² {1} · CV(RMSE) {2} % · NMBE {3} % · {4} baseline periods ({5} days)").format(
                number(m.r_squared, 4), number(m.adjusted_r_squared, 4), number(m.cv_rmse * 100, 2),
                number(m.nmbe * 100, 2), m.n_periods, m.baseline_days),
            self.tr("Meter: {0} · station: {1}").format(a.meter_name, a.station_name),
            "<b>" + self.tr("Avoided since {0}: {1} m³ ± {2} m³ (fractional savings uncertainty {3} % at {4} %)").format(
                day_text(a.program_start), number(r.avoided_m3), number(r.uncertainty_m3),
                number(r.fractional_savings_uncertainty * 100, 1), number(r.confidence * 100)) + "</b>",
        ]  # fmt: skip
        for w in (*a.fit.warnings, *r.warnings):
            lines.append(f"<span style='color:#8a5300'>{w.text(language)}</span>")
        return "<br>".join(lines)

    def draw(self, a: SavingsAnalysis) -> None:
        import pyqtgraph as pg

        rows = [*a.baseline.periods, *a.reporting.periods]
        xs = [stamp(r.period.start + (r.period.end - r.period.start) / 2) for r in rows]
        predicted = [(r.predicted_m3 + r.adjustment_m3) / r.period.days for r in rows]
        actual = [r.actual_m3 / r.period.days for r in rows]
        self.use_plot.setTitle(self.tr("Use per day (m³): baseline model vs actual"))
        model_curve = self.use_plot.plot(xs, predicted, pen=pg.mkPen("#1f5fa8", width=2), symbol="o",
                                         symbolSize=5, symbolBrush="#1f5fa8")  # fmt: skip
        actual_curve = self.use_plot.plot(xs, actual, pen=pg.mkPen("#e07b1a", width=2), symbol="s",
                                          symbolSize=5, symbolBrush="#e07b1a")  # fmt: skip
        self.use_legend.addItem(model_curve, self.tr("Adjusted baseline (model)"))
        self.use_legend.addItem(actual_curve, self.tr("Actual"))
        start_line = pg.InfiniteLine(
            stamp(a.program_start), angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine)
        )
        self.use_plot.addItem(start_line)
        points = [(stamp(a.program_start), 0.0)] + [(stamp(d), v) for d, v in a.cusum]
        self.cusum_plot.setTitle(self.tr("Cumulative savings (CUSUM, m³)"))
        self.cusum_plot.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen("#2e8b57", width=2),
                             symbol="o", symbolSize=5, symbolBrush="#2e8b57", fillLevel=0,
                             brush=pg.mkBrush(46, 139, 87, 50))  # fmt: skip

    # -- actions --------------------------------------------------------------------------------------------
    def _on_compute(self) -> None:
        if self.file is None:
            return
        meter = self.meter_combo.currentData()
        try:
            # refused before anything is saved: the follow-up must start after the baseline
            check_periods(pydate(self.baseline_start.date()), pydate(self.baseline_end.date()),
                          pydate(self.reporting_start.date()))  # fmt: skip
        except SavingsInputError as exc:
            show_message(self.message, error_text(exc))
            return
        info = replace(
            self.file.info,
            gas_meter_id=int(meter) if meter is not None else None,
            baseline_start=pydate(self.baseline_start.date()),
            baseline_end=pydate(self.baseline_end.date()),
            reporting_start=pydate(self.reporting_start.date()),
            use_production=self.use_production.isChecked(),
        )
        self.run(lambda: sge_participants.save_participant(self.ctx.engine, info))

    def _on_production(self) -> None:
        pid = self.participant_id
        if pid is None:
            return
        ProductionDialog(self.ctx, pid, self).exec()
        # The page reloads the file and recomputes the analysis with the production as it now stands.
        self.ctx.data_changed.emit()
        self.changed.emit()

    def _on_add_adjustment(self) -> None:
        pid = self.participant_id
        if pid is None:
            return
        dialog = FormDialog(
            self.tr("Non-routine adjustment"),
            [
                FieldSpec("start", self.tr("From"), kind="date", required=True),
                FieldSpec("end", self.tr("To"), kind="date", required=True),
                FieldSpec("m3_per_day", self.tr("m³ per day added to the baseline (negative to remove)"),
                          kind="float", required=True),
                FieldSpec("note", self.tr("Why (required)"), required=True),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_adjustment_dialog")
        if not dialog.exec():
            return
        v = dialog.result_values
        item = StoredAdjustment(NonRoutineAdjustment(v["start"], v["end"], v["m3_per_day"], v["note"]))
        self.run(lambda: sge_participants.save_adjustment(self.ctx.engine, pid, item))

    def _on_delete_adjustment(self) -> None:
        record_id = selected_id(self.adjustments)
        if record_id is not None:
            self.run(lambda: sge_participants.delete_record(self.ctx.engine, "adjustment", record_id))

    def _on_excel(self) -> None:
        if self.analysis is None or self.file is None:
            return
        path = self.ask_save_path(self.tr("Excel calculation file"),
                                  f"SGE-calculs-{self.file.info.energir_file_number or 'participant'}.xlsx",
                                  "Excel (*.xlsx)")  # fmt: skip
        if not path:
            return
        # openpyxl and reportlab load when a document is asked for, not when the SGÉ page opens.
        from espm_desktop.app.sge_documents import write_participant_workbook

        try:
            # the phase-5 aid per program year comes from the participant's aid statement; the temperatures let
            # the file redo the degree days and the baseline model with live formulas
            write_participant_workbook(
                self.ctx.engine, self.file, self.analysis, Path(path), protected=(Path(self.ctx.db_path),)
            )
        except OutputError as exc:
            show_message(self.message, exc.message(lang()))
            return
        except OSError as exc:
            show_message(self.message, self.tr("The file could not be written to {0}: {1}").format(path, exc))
            return
        show_message(self.message, self.tr("Calculation file written to {0}.").format(path), OK_STYLE)

    def _on_report(self) -> None:
        if self.analysis is None or self.file is None:
            return
        path = self.ask_save_path(
            self.tr("Annual report (PDF)"), "rapport-annuel-comite-energie.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        from espm_desktop.app.sge_documents import write_annual_report

        language = lang()
        try:
            write_annual_report(
                self.file, self.analysis, Path(path), language, protected=(Path(self.ctx.db_path),)
            )
        except OutputError as exc:
            show_message(self.message, exc.message(language))
            return
        except OSError as exc:
            show_message(self.message, self.tr("The file could not be written to {0}: {1}").format(path, exc))
            return
        show_message(self.message, self.tr("Annual report written to {0}.").format(path), OK_STYLE)
