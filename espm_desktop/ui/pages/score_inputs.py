"""What the Score page computes from: its inputs with where each comes from, and the data checks on them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QWidget

from espm_desktop.app.score import ScoreResult
from espm_desktop.core import formatting
from espm_desktop.core.calendarize import Period
from espm_desktop.core.degree_days import ATTRIBUTION
from espm_desktop.core.findings import SEVERITY_ORDER, Finding
from espm_desktop.core.i18n import _, current_language
from espm_desktop.core.types import property_type_label
from espm_desktop.ui.labels import energy_type_label
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.score_steps import StepTable, energy_order, short_unit
from espm_desktop.ui.severity_icons import severity_icon


def month_text(day: date, language: str) -> str:
    return f"{formatting.month_name(day.month, language)} {day.year}"


def period_text(period: Period, language: str) -> str:
    return f"{month_text(period.start, language)} – {month_text(period.end, language)}"


class ScorePageTexts:
    """For the Score page's parts: their texts keep the page's translation context, as when the page built them."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("ScorePage", text, disambiguation, n)


class FindingsList(ScorePageTexts, QListWidget):
    """The data checks, worst first, each with its severity's icon; as tall as its items (the page scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings_list")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_findings(self, view: ScoreResult) -> None:
        language = current_language()
        self.clear()
        findings: list[Finding] = list(view.findings)
        if not findings:
            item = QListWidgetItem(
                severity_icon("ok"), self.tr("No problem found in the bills, meters and floor area.")
            )
            self.addItem(item)
        for f in sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity]):
            item = QListWidgetItem(
                severity_icon(f.severity), f.message_fr if language == "fr" else f.message_en
            )
            item.setData(Qt.ItemDataRole.UserRole, f.code)
            self.addItem(item)
        self._fit_height()

    def _fit_height(self) -> None:
        """Show every finding without an inner scroll bar (the page scrolls)."""
        self.doItemsLayout()
        # The laid-out rows: a wrapped finding's row is taller than its size hint says.
        height = sum(self.visualItemRect(self.item(i)).height() for i in range(self.count()))
        self.setFixedHeight(max(height, 24) + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped findings take more lines in a narrower list (the page's own scroll bar appearing, the window
        # made narrower): the height follows the width.
        if event.size().width() != event.oldSize().width() and self.count():
            self._fit_height()


class ScoreInputsTable(ScorePageTexts, StepTable):
    """Each input of the score (property record, meters' bills, degree days) with its value and its origin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "inputs_table", [self.tr("Input"), self.tr("Value"), self.tr("Origin")], parent, right_columns={1}
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)

    def show_inputs(self, view: ScoreResult) -> None:
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
                origin += " — " + _(ATTRIBUTION, language)
            elif dd.station_name:
                origin = self.tr("Station {0} lacks whole months: type them on the Weather page").format(
                    dd.station_name
                )
            else:
                origin = self.tr("Missing: type them or link a station on the Weather page")
            rows.append([self.tr("Heating degree days (HDD, 18 °C)"), val(dd.hdd), origin])
            rows.append([self.tr("Cooling degree days (CDD, 18 °C)"), val(dd.cdd), origin])
        self.set_rows(rows)
