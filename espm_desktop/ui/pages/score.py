"""ENERGY STAR score page: period, inputs and their origin, data checks, the five steps, the score, the target."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.score import PeriodStatus, ScoreResult, first_bank_branch_id, score_property
from espm_desktop.app.weather import ATTRIBUTION, ATTRIBUTION_FR
from espm_desktop.core import formatting
from espm_desktop.core.calendarize import Period
from espm_desktop.core.checks import Finding
from espm_desktop.core.score.bank_branch_target import TargetResult, find_target
from espm_desktop.core.score.target import PlainTarget, target_in_plain_words
from espm_desktop.core.types import property_type_label
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import current_language
from espm_desktop.ui.labels import energy_type_label
from espm_desktop.ui.pages.energy_table import EnergyFactorsDialog
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from espm_desktop.ui.pages.score_bar import ScoreBar
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.score_steps import ScoreStepsView, StepTable, energy_order, short_unit
from espm_desktop.ui.pages.score_whatif import ScoreWhatIfPanel
from espm_desktop.ui.report_actions import ReportButtons, ReportRequest

BANNER_STYLE = {
    "error": "background: #fdecea; border: 1px solid #e0a8a8; border-radius: 4px; padding: 8px;",
    "info": "background: #e8f0fe; border: 1px solid #a8c0e0; border-radius: 4px; padding: 8px;",
}
WARNING_STYLE = "color: #8a5300;"
CERTIFICATION_SCORE = 75


def month_text(day: date, language: str) -> str:
    return f"{formatting.month_name(day.month, language)} {day.year}"


def period_text(period: Period, language: str) -> str:
    return f"{month_text(period.start, language)} – {month_text(period.end, language)}"


class ScorePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ScoreResult | None = None
        self._shown_property_id: int | None = None
        # The main window calls refresh() after showing the page, which already refreshed: once per visit.
        self._refreshed_this_visit = False
        heading = QLabel(self.tr("ENERGY STAR score"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "The Canadian ENERGY STAR score for bank branches (NRCan technical reference, August 2023), computed "
                "in the five steps of its worked example from 12 full calendar months of bills."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: #555;")
        self.picker = PropertyMeterPicker(ctx, with_meter=False)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period_combo")
        self.period_combo.setMinimumWidth(300)
        self.period_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period_combo.setMinimumContentsLength(34)
        self.period_note = QLabel()
        self.period_note.setObjectName("period_note")
        self.period_note.setStyleSheet("color: #555;")
        self.factors_button = QPushButton(self.tr("Energy factors…"))
        self.factors_button.setObjectName("energy_factors_button")
        # The report of what the page shows: this property, the chosen 12 months.
        self.report_buttons = ReportButtons(ctx, self._report_request)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.report_buttons)
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("12 months ending:")))
        period_row.addWidget(self.period_combo)
        period_row.addWidget(self.period_note, 1)
        period_row.addWidget(self.factors_button)

        self.banner = QLabel()
        self.banner.setObjectName("score_banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.score_label = QLabel()
        self.score_label.setObjectName("score_value")
        self.score_label.setStyleSheet("font-size: 22pt; font-weight: 700;")
        self.score_caption = QLabel()
        self.score_caption.setObjectName("score_caption")
        self.score_caption.setWordWrap(True)
        self.score_bar = ScoreBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("station_label")
        self.station_label.setWordWrap(True)
        self.station_warning = QLabel()
        self.station_warning.setObjectName("station_warning")
        self.station_warning.setWordWrap(True)
        self.station_warning.setStyleSheet(WARNING_STYLE)
        self.station_warning.hide()
        self.whatif_button = QPushButton(self.tr("What if…"))
        self.whatif_button.setObjectName("whatif_button")
        self.whatif_button.setCheckable(True)
        self.whatif_button.setToolTip(
            self.tr("Try other floor area, use details or energy use without saving")
        )
        self.whatif_panel = ScoreWhatIfPanel()
        self.whatif_panel.hide()
        score_box = QGroupBox(self.tr("Score (1–100)"))
        score_box.setObjectName("score_box")
        score_layout = QVBoxLayout(score_box)
        score_head = QHBoxLayout()
        score_head.addWidget(self.score_label)
        score_head.addWidget(self.score_caption, 1)
        score_head.addWidget(self.whatif_button, 0, Qt.AlignmentFlag.AlignTop)
        score_layout.addLayout(score_head)
        score_layout.addWidget(self.score_bar)
        score_layout.addWidget(self.station_label)
        score_layout.addWidget(self.station_warning)
        self.score_box = score_box

        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("target_spin")
        self.target_spin.setRange(1, 100)
        self.target_spin.setValue(75)
        self.target_plain = QLabel()
        self.target_plain.setObjectName("target_plain")
        self.target_plain.setWordWrap(True)
        self.target_plain.setStyleSheet("font-size: 11pt;")
        self.target_plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.target_assumptions = QLabel(
            self.tr(
                "Assumptions: each quantity is the whole cut taken on that one energy type alone; floor area, use "
                "details and degree days stay as they are. The percentage is of the total source energy. "
                "Quantities are rounded up."
            )
        )
        self.target_assumptions.setObjectName("target_assumptions")
        self.target_assumptions.setWordWrap(True)
        self.target_assumptions.setStyleSheet("color: #555;")
        self.target_result = QLabel()
        self.target_result.setObjectName("target_result")
        self.target_result.setWordWrap(True)
        self.target_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        target_box = QGroupBox(self.tr("Target finder"))
        target_layout = QVBoxLayout(target_box)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Target score:")))
        target_row.addWidget(self.target_spin)
        target_row.addWidget(QLabel(self.tr("(75 = certification threshold)")))
        target_row.addStretch(1)
        target_layout.addLayout(target_row)
        target_layout.addWidget(self.target_plain)
        target_layout.addWidget(self.target_assumptions)
        details_title = QLabel(self.tr("Details"))
        details_title.setStyleSheet("font-weight: 600; margin-top: 4px;")
        target_layout.addWidget(details_title)
        target_layout.addWidget(self.target_result)
        self.target_box = target_box

        self.inputs_table = StepTable(
            "inputs_table", [self.tr("Input"), self.tr("Value"), self.tr("Origin")], right_columns={1}
        )
        self.inputs_table.horizontalHeader().setSectionResizeMode(
            0, self.inputs_table.horizontalHeader().ResizeMode.ResizeToContents
        )
        self.inputs_table.horizontalHeader().setSectionResizeMode(
            2, self.inputs_table.horizontalHeader().ResizeMode.Stretch
        )
        inputs_box = QGroupBox(self.tr("Inputs and where they come from"))
        QVBoxLayout(inputs_box).addWidget(self.inputs_table)

        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findings_list")
        self.findings_list.setWordWrap(True)
        self.findings_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        findings_box = QGroupBox(self.tr("Data checks"))
        QVBoxLayout(findings_box).addWidget(self.findings_list)

        self.steps = ScoreStepsView()
        steps_box = QGroupBox(self.tr("The five steps of the calculation"))
        QVBoxLayout(steps_box).addWidget(self.steps)
        self.steps_box = steps_box

        content = QWidget()
        body = QVBoxLayout(content)
        for widget in (
            self.banner,
            score_box,
            self.whatif_panel,
            target_box,
            inputs_box,
            findings_box,
            steps_box,
        ):
            body.addWidget(widget)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(top)
        layout.addLayout(period_row)
        layout.addWidget(scroll, 1)

        self.picker.changed.connect(self._on_property_changed)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh_view())
        self.target_spin.valueChanged.connect(lambda _v: self._update_target())
        self.factors_button.clicked.connect(self._on_factors)
        self.whatif_button.toggled.connect(self.whatif_panel.setVisible)
        ctx.data_changed.connect(self._on_data_changed)

    def _report_request(self) -> ReportRequest | None:
        pid = self.picker.property_id
        return None if pid is None else ReportRequest("score", pid, self.period_combo.currentData())

    # -- loading --------------------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self._refreshed_this_visit = False
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._refreshed_this_visit and self.isVisible():
            return
        self._refreshed_this_visit = self.isVisible()
        if self.ctx.property_id is None:
            # Opening on the score with nothing chosen yet: a bank branch is what the score is about.
            self.ctx.property_id = first_bank_branch_id(self.ctx.db_path)
        self.picker.reload()

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh_view()

    def _on_property_changed(self) -> None:
        # The picker also reports a plain reload; only a different property resets the period.
        if self.picker.property_id != self._shown_property_id:
            self._shown_property_id = self.picker.property_id
            self._fill_periods(None)
        self.refresh_view()

    def _fill_periods(self, ends: tuple[date, ...] | None) -> None:
        language = current_language()
        keep = self.period_combo.currentData() if ends else None
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("Latest 12 full months"), None)
        for end in ends or ():
            self.period_combo.addItem(month_text(end, language), end)
        self.period_combo.setCurrentIndex(max(self._period_index(keep), 0))
        self.period_combo.blockSignals(False)

    def select_period_end(self, end: date | None) -> None:
        """Choose the 12 months ending in the month of `end` (None = latest 12 full months)."""
        index = self._period_index(end)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def _period_index(self, end: date | None) -> int:
        # findData does not match Python dates reliably once stored as QVariant; compare them here.
        if end is None:
            return 0
        wanted = (end.year, end.month)
        for i in range(1, self.period_combo.count()):
            data = self.period_combo.itemData(i)
            if data is not None and (data.year, data.month) == wanted:
                return i
        return -1

    def refresh_view(self) -> None:
        pid = self.picker.property_id
        if pid is None:
            self.view = None
            self._show_nothing(self.tr("Create a property first (Properties page)."))
            return
        self.view = score_property(self.ctx.db_path, pid, self.period_combo.currentData())
        if (
            self.view.period_ends
            and tuple(self.period_combo.itemData(i) for i in range(1, self.period_combo.count()))
            != self.view.period_ends
        ):
            self._fill_periods(self.view.period_ends)
        self._show_period_states(self.view)
        self._show(self.view)

    # -- display --------------------------------------------------------------------------------------------
    def _set_banner(self, text: str, kind: str = "error") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNER_STYLE[kind])
        self.banner.setVisible(bool(text))

    def _show_nothing(self, text: str) -> None:
        self._set_banner(text, "info")
        for box in (self.score_box, self.target_box, self.steps_box):
            box.hide()
        self._hide_whatif()
        self.inputs_table.set_rows([])
        self.findings_list.clear()

    def _show(self, view: ScoreResult) -> None:
        language = current_language()
        self._fill_findings(view)
        self._fill_inputs(view)
        if view.period is not None:
            combo_first = (
                self.tr("Latest 12 full months ({0})").format(period_text(view.latest, language))
                if view.latest
                else self.tr("Latest 12 full months (none)")
            )
            self.period_combo.setItemText(0, combo_first)
        self._fit_period_combo()
        result = view.result
        if view.period is None or result is None:
            self._show_nothing(
                self.tr(
                    "There are no 12 full calendar months in which every meter has bills, so nothing can be "
                    "totalled yet. See the data checks below."
                )
            )
            self._fill_findings(view)
            self._fill_inputs(view)
            return
        self.steps_box.show()
        period = period_text(view.period, language)
        if not view.is_bank_branch:
            self._set_banner(
                self.tr(
                    "The Canadian ENERGY STAR score computed here exists for bank branches only; this property is "
                    "not a bank branch. Its energy totals for {0} and its data checks are shown below."
                ).format(period),
                "info",
            )
            self.score_box.hide()
            self.target_box.hide()
            self._hide_whatif()
            self.steps_box.setTitle(self.tr("Energy totals (steps 1 and 2 of the calculation)"))
            self.steps.show_result(result, energy_only=True)
            return
        self.score_box.show()
        self.steps_box.setTitle(self.tr("The five steps of the calculation"))
        self.steps.show_result(result)
        complete = view.totals is not None and view.totals.complete
        if not complete:
            self._set_banner(
                self.tr(
                    "No score: some meters do not cover every month of {0}. See the data checks below."
                ).format(period)
            )
        elif not result.eligible:
            reasons = "\n".join(
                f"• {r.message_fr if language == 'fr' else r.message_en}" for r in result.reasons
            )
            self._set_banner(self.tr("Not eligible for a score yet:") + "\n" + reasons)
        else:
            self._set_banner("")
        score = result.score if complete else None
        self.score_bar.set_score(score)
        self._show_station(view)
        if complete:
            self.whatif_button.show()
            self.whatif_panel.setVisible(self.whatif_button.isChecked())
            self.whatif_panel.set_base(result, score)
        else:
            self._hide_whatif()
        if score is None:
            self.score_label.setText("–")
            self.score_caption.setText(self.tr("No score for {0}.").format(period))
            self.target_box.hide()
            return
        self.score_label.setText(str(score))
        self.score_caption.setText(
            self.tr(
                "ENERGY STAR score for {0}: source energy {1} GJ, source EUI {2} GJ/m², predicted {3} GJ/m², "
                "ratio {4}. 50 is the median of similar buildings; 75 or more can be certified."
            ).format(
                period,
                fixed(result.source_energy_gj, language, 1),
                fixed(result.source_eui_gj_per_m2, language, 3),
                fixed(result.predicted_source_eui_gj_per_m2, language, 3),
                fixed(result.efficiency_ratio, language, 3),
            )
        )
        self.target_box.show()
        self._update_target()

    def _hide_whatif(self) -> None:
        self.whatif_button.hide()
        self.whatif_panel.hide()
        self.whatif_panel.set_base(None, None)

    def period_reason(self, status: PeriodStatus) -> str:
        """Why the 12 months ending `status.end` cannot give a score ("" when they can)."""
        if status.reason == "meter_without_bills":
            return self.tr("meter “{0}” has no bills").format(status.meter_name)
        if status.reason == "months_not_covered" and status.meter_name:
            return self.tr("meter “{0}” lacks {1} of the 12 months").format(
                status.meter_name, status.months_missing
            )
        if status.reason == "months_not_covered":
            return self.tr("no bills for {0} of the 12 months").format(status.months_missing)
        if status.reason == "no_degree_days":
            return self.tr("no weather (degree days) for these months")
        return ""

    def _show_period_states(self, view: ScoreResult) -> None:
        """Grey out the periods that cannot give a score, saying why in the item and its tooltip."""
        language = current_language()
        model = self.period_combo.model()
        by_end = {s.end: s for s in view.period_statuses}
        blocked = 0
        for i in range(1, self.period_combo.count()):
            end = self.period_combo.itemData(i)
            status = by_end.get(end)
            reason = self.period_reason(status) if status is not None else ""
            text = month_text(end, language)
            item = model.item(i) if hasattr(model, "item") else None
            if reason:
                blocked += 1
                text += " — " + self.tr("no score: {0}").format(reason)
            self.period_combo.setItemText(i, text)
            self.period_combo.setItemData(
                i, self.tr("No score: {0}").format(reason) if reason else None, Qt.ItemDataRole.ToolTipRole
            )
            if item is not None:
                item.setEnabled(not reason)
        self.period_note.setText(
            self.tr("{0} of {1} periods cannot give a score (greyed out, with the reason)").format(
                blocked, self.period_combo.count() - 1
            )
            if blocked
            else ""
        )
        self.period_combo.view().setMinimumWidth(self.period_combo.view().sizeHintForColumn(0) + 24)

    def _fit_period_combo(self) -> None:
        # The closed combo shows the chosen item whole ("Latest 12 full months (Jan 2025 – Dec 2025)").
        current = self.period_combo.fontMetrics().horizontalAdvance(self.period_combo.currentText())
        self.period_combo.setMinimumWidth(max(300, current + 48))

    def _show_station(self, view: ScoreResult) -> None:
        dd = view.degree_days
        station = view.station
        warnings: list[str] = []
        if dd is not None and dd.origin == "typed":
            text = self.tr("Degree days: typed for the 12 months ending {0}").format(
                dd.period.end.isoformat()
            )
            if dd.note:
                text += f" ({dd.note})"
        elif station is not None:
            text = self.tr("Degree days from weather station {0} (Climate ID {1}, {2})").format(
                station.name, station.climate_id, station.province or self.tr("province unknown")
            )
            for w in station.warnings:
                if w.code == "other_province":
                    warnings.append(
                        self.tr(
                            "⚠ This station is in another province ({0}) than the property ({1}): its degree days "
                            "describe another climate. Link a station near the property on the Weather page."
                        ).format(w.station_province, w.property_province)
                    )
                elif w.code == "far" and w.distance_km is not None:
                    warnings.append(
                        self.tr(
                            "⚠ This station is {0} km from the property (more than 100 km): its degree days may "
                            "describe another climate."
                        ).format(fixed(w.distance_km, current_language(), 0))
                    )
        else:
            text = self.tr("Degree days: no weather station linked (Weather page)")
        self.station_label.setText(text)
        self.station_warning.setText("\n".join(warnings))
        self.station_warning.setVisible(bool(warnings))

    def _fill_findings(self, view: ScoreResult) -> None:
        language = current_language()
        self.findings_list.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        findings: list[Finding] = list(view.findings)
        if not findings:
            item = QListWidgetItem(
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                self.tr("No problem found in the bills, meters and floor area."),
            )
            self.findings_list.addItem(item)
        order = {"error": 0, "warning": 1, "info": 2}
        for f in sorted(findings, key=lambda f: order[f.severity]):
            item = QListWidgetItem(icons[f.severity], f.message_fr if language == "fr" else f.message_en)
            item.setData(Qt.ItemDataRole.UserRole, f.code)
            self.findings_list.addItem(item)
        # Show every finding without an inner scroll bar (the page scrolls).
        self.findings_list.doItemsLayout()
        height = sum(self.findings_list.sizeHintForRow(i) for i in range(self.findings_list.count()))
        self.findings_list.setFixedHeight(max(height, 24) + 2 * self.findings_list.frameWidth() + 4)

    def _fill_inputs(self, view: ScoreResult) -> None:
        language = current_language()
        prop = view.prop
        record = self.tr("Property record")
        missing = self.tr("Missing: enter it on the Properties page")

        def val(value: float | None, suffix: str = "", decimals: int = 0) -> str:
            return "–" if value is None else fixed(value, language, decimals) + suffix

        rows: list[list[str]] = [
            [self.tr("Property type"), property_type_label(prop.property_type), record],
            [
                self.tr("Gross floor area"),
                val(
                    prop.gross_floor_area_m2, " m²", 0 if float(prop.gross_floor_area_m2).is_integer() else 1
                ),
                record if prop.gross_floor_area_m2 > 0 else missing,
            ],
        ]
        if view.is_bank_branch:
            for label, value, suffix in (
                (self.tr("Workers on the main shift"), prop.workers, ""),
                (self.tr("Weekly operating hours"), prop.weekly_hours, " h"),
                (self.tr("Computers"), prop.computers, ""),
                (self.tr("Percent heated"), prop.percent_heated, " %"),
                (self.tr("Percent cooled"), prop.percent_cooled, " %"),
                (self.tr("Months in operation"), prop.months_in_operation, ""),
            ):
                rows.append([label, val(value, suffix), record if value is not None else missing])
        if view.totals is not None and view.period is not None:
            period = period_text(view.period, language)
            for m in sorted(view.totals.meters, key=lambda m: (energy_order(m.energy_type), m.meter_name)):
                origin = self.tr("Bills of meter “{0}”, {1}").format(m.meter_name, period)
                if m.missing_months:
                    origin += " — " + self.tr("{0} month(s) not covered").format(len(m.missing_months))
                rows.append(
                    [
                        energy_type_label(m.energy_type),
                        f"{fixed(m.usage, language, 0)} {short_unit(m.energy_type, m.unit)}",
                        origin,
                    ]
                )
        dd = view.degree_days
        if dd is not None and view.is_bank_branch:
            end = dd.period.end.isoformat()
            if dd.origin == "typed":
                origin = self.tr("Typed for the 12 months ending {0}").format(end)
                if dd.note:
                    origin += f" ({dd.note})"
            elif dd.origin == "station":
                origin = self.tr("From station {0} ({1}), {2} missing day(s)").format(
                    dd.station_name, dd.climate_id, dd.missing_days
                )
                origin += " — " + (ATTRIBUTION_FR if language == "fr" else ATTRIBUTION)
            elif dd.station_name:
                origin = self.tr("Station {0} lacks whole months: type them on the Weather page").format(
                    dd.station_name
                )
            else:
                origin = self.tr("Missing: type them or link a station on the Weather page")
            rows.append([self.tr("Heating degree days (HDD, 18 °C)"), val(dd.hdd), origin])
            rows.append([self.tr("Cooling degree days (CDD, 18 °C)"), val(dd.cdd), origin])
        self.inputs_table.set_rows(rows)

    def _update_target(self) -> None:
        view = self.view
        if view is None or view.result is None or view.result.score is None:
            self.target_result.setText("")
            self.target_plain.setText("")
            return
        target = find_target(view.result, self.target_spin.value())
        self.target_result.setText(self.target_text(target))
        wanted = [CERTIFICATION_SCORE]
        if self.target_spin.value() != CERTIFICATION_SCORE:
            wanted.append(self.target_spin.value())
        self.target_plain.setText(
            "\n".join(self.target_sentence(target_in_plain_words(view.result, score)) for score in wanted)
        )

    def target_sentence(self, t: PlainTarget) -> str:
        """« Pour atteindre 75, consommez 9 % de moins : environ 870 m³ de gaz naturel ou … par année »."""
        language = current_language()
        if t.already_met:
            return self.tr("Your score {0} already reaches {1}.").format(t.current_score, t.target_score)
        amounts = []
        for cut in t.cuts:
            quantity = fixed(cut.quantity, language, 0)
            if cut.energy_type == "natural_gas" and cut.unit == "m3":
                amounts.append(self.tr("{0} m³ of natural gas").format(quantity))
            elif cut.energy_type == "electricity_grid" and cut.unit == "kWh":
                amounts.append(self.tr("{0} kWh of electricity").format(quantity))
            else:
                amounts.append(
                    f"{quantity} {short_unit(cut.energy_type, cut.unit)} ({energy_type_label(cut.energy_type)})"
                )
        percent = f"{t.percent_less}\u00a0%"
        if not amounts:
            return self.tr(
                "To reach {0}, use {1} less: more than any one energy type can give; combine cuts."
            ).format(t.target_score, percent)
        return self.tr("To reach {0}, use {1} less: about {2} a year.").format(
            t.target_score, percent, self.tr(" or ").join(amounts)
        )

    def target_text(self, t: TargetResult) -> str:
        language = current_language()
        if t.already_met:
            return self.tr("The current score {0} already reaches {1}: no cut is needed.").format(
                t.current_score, t.target_score
            )
        lines = [
            self.tr(
                "To reach {0}, the ratio must fall below {1} (source EUI {2} GJ/m²): cut {3} GJ of source energy a "
                "year ({4} of the total). For example:"
            ).format(
                t.target_score,
                fixed(t.target_row.ratio_max, language, 4),
                fixed(t.target_source_eui_gj_per_m2, language, 3),
                fixed(t.source_cut_gj, language, 1),
                fixed(t.source_cut_fraction * 100, language, 1) + "\u00a0%",
            )
        ]
        for option in t.options:
            text = self.tr("• {0}: {1} {2} less a year").format(
                energy_type_label(option.energy_type),
                fixed(option.quantity, language, 0),
                short_unit(option.energy_type, option.unit),
            )
            if not option.feasible:
                text += " " + self.tr("(more than the building uses: combine with other cuts)")
            lines.append(text)
        return "\n".join(lines)

    def _on_factors(self) -> None:
        EnergyFactorsDialog(self).exec()
