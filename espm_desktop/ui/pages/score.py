"""ENERGY STAR score page: period, inputs and their origin, data checks, the five steps, the score, the target."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.score import PeriodStatus, ScoreResult, first_bank_branch_id, score_property
from espm_desktop.core.i18n import current_language
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from espm_desktop.ui.pages.score_bar import ScoreBar
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.score_inputs import FindingsList, ScoreInputsTable, month_text, period_text
from espm_desktop.ui.pages.score_steps import ScoreStepsView
from espm_desktop.ui.pages.score_target import ScoreTargetBox
from espm_desktop.ui.report_actions import ReportButtons, ReportRequest

if TYPE_CHECKING:
    from espm_desktop.core.score.bank_branch import BankBranchResult
    from espm_desktop.ui.pages.score_whatif import ScoreWhatIfPanel

BANNER_STYLE = {
    "error": "background: #fdecea; border: 1px solid #e0a8a8; border-radius: 4px; padding: 8px;",
    "info": "background: #e8f0fe; border: 1px solid #a8c0e0; border-radius: 4px; padding: 8px;",
}
WARNING_STYLE = "color: #8a5300;"


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
        # Wrapped, so that the note never makes the window wider than a 1280-pixel screen.
        self.period_note.setWordWrap(True)
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
        # The what-if panel is made when first opened (most visits never open it); its base is kept until then.
        self._whatif_panel: ScoreWhatIfPanel | None = None
        self._whatif_base: tuple[BankBranchResult | None, int | None] = (None, None)
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

        self.target_box = ScoreTargetBox()
        # The finder's parts under the page's names, as before the finder became its own widget.
        self.target_spin = self.target_box.target_spin
        self.target_plain = self.target_box.target_plain
        self.target_assumptions = self.target_box.target_assumptions
        self.target_result = self.target_box.target_result

        self.inputs_table = ScoreInputsTable()
        inputs_box = QGroupBox(self.tr("Inputs and where they come from"))
        QVBoxLayout(inputs_box).addWidget(self.inputs_table)

        self.findings_list = FindingsList()
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
            self.target_box,
            inputs_box,
            findings_box,
            steps_box,
        ):
            body.addWidget(widget)
        body.addStretch(1)
        self._body = body
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
        self.factors_button.clicked.connect(self._on_factors)
        self.whatif_button.toggled.connect(self._on_whatif_toggled)
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
            self.target_box.result = None
            self._show_nothing(self.tr("Create a property first (Properties page)."))
            return
        self.view = score_property(self.ctx.db_path, pid, self.period_combo.currentData())
        self.target_box.result = self.view.result
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
        self.findings_list.show_findings(view)
        self.inputs_table.show_inputs(view)
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
            self.findings_list.show_findings(view)
            self.inputs_table.show_inputs(view)
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
            self._set_whatif_base(result, score)
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
        self.target_box.update_target()

    @property
    def whatif_panel(self) -> ScoreWhatIfPanel:
        """The what-if panel under the score, made on first use with the score shown."""
        if self._whatif_panel is None:
            from espm_desktop.ui.pages.score_whatif import ScoreWhatIfPanel

            panel = ScoreWhatIfPanel()
            panel.hide()
            self._body.insertWidget(self._body.indexOf(self.score_box) + 1, panel)
            panel.set_base(*self._whatif_base)
            self._whatif_panel = panel
        return self._whatif_panel

    def _on_whatif_toggled(self, checked: bool) -> None:
        if checked or self._whatif_panel is not None:
            self.whatif_panel.setVisible(checked)

    def _set_whatif_base(self, result: BankBranchResult | None, score: int | None) -> None:
        self._whatif_base = (result, score)
        if self._whatif_panel is not None:
            self._whatif_panel.setVisible(self.whatif_button.isChecked() and result is not None)
            self._whatif_panel.set_base(result, score)

    def _hide_whatif(self) -> None:
        self.whatif_button.hide()
        self._set_whatif_base(None, None)

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

    def _on_factors(self) -> None:
        from espm_desktop.ui.pages.energy_table import EnergyFactorsDialog

        EnergyFactorsDialog(self).exec()
