"""Weather page: import Environment Canada daily files, see stations' monthly degree days, link a property to a
station, and type degree days for a property's 12-month period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import weather
from espm_desktop.app.weather import WeatherFileError
from espm_desktop.core.calendarize import month_end, month_index
from espm_desktop.core.degree_days import ATTRIBUTION, MonthlyDegreeDays
from espm_desktop.core.i18n import _, current_language
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import ERROR_STYLE
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.weather_tables import RIGHT, fill_table, read_only_table
from espm_desktop.ui.pages.weather_typed import DegreeDaysDialog
from espm_desktop.ui.table_filter import TableFilter

OK_STYLE = "color: #1b5e20;"


class WeatherPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        heading = QLabel(self.tr("Weather"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel(
            self.tr(
                "Degree days base 18 °C for the score. Import Environment Canada daily climate files "
                "(climate.weather.gc.ca, one station and one year a file) and link the property to its station, "
                "or type the degree days ESPM shows for the property's 12 months; typed values win."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: #555;")
        self.import_button = QPushButton(self.tr("Import ECCC daily files…"))
        self.import_button.setObjectName("weather_import")
        self.import_message = QLabel()
        self.import_message.setObjectName("weather_import_message")
        self.import_message.setWordWrap(True)
        self.import_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addWidget(self.import_message, 1)

        self.stations_table = read_only_table(
            "stations_table",
            [
                self.tr("Station"),
                self.tr("Climate ID"),
                self.tr("Period imported"),
                self.tr("Days"),
            ],
        )
        self.months_table = read_only_table(
            "station_months_table",
            [
                self.tr("Month"),
                self.tr("HDD"),
                self.tr("CDD"),
                self.tr("Days with data"),
                self.tr("Missing days"),
                self.tr("Estimated days"),
            ],
        )
        stations_header = self.stations_table.horizontalHeader()
        stations_header.setStretchLastSection(False)
        stations_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sorted by a header click, filtered by the box above; rows carry their station id (UserRole).
        self.stations_filter = TableFilter(self.stations_table, "weather/stations")
        self.months_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Widths are set once per fill from the longest texts: ResizeToContents re-measured every column on each
        # setItem, which made a station with decades of months take seconds to show (quadratic in its months).
        self.months_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        attribution = QLabel(_(ATTRIBUTION, current_language()))
        attribution.setObjectName("weather_attribution")
        attribution.setStyleSheet("color: #555; font-style: italic;")
        stations_box = QGroupBox(self.tr("Stations imported"))
        stations_layout = QVBoxLayout(stations_box)
        stations_layout.addWidget(self.stations_filter.edit)
        stations_layout.addWidget(self.stations_table)
        months_box = QGroupBox(self.tr("Monthly degree days of the selected station (base 18 °C)"))
        months_layout = QVBoxLayout(months_box)
        months_layout.addWidget(self.months_table)
        months_layout.addWidget(attribution)

        self.picker = PropertyMeterPicker(ctx, with_meter=False)
        self.link_label = QLabel()
        self.link_label.setObjectName("linked_station_label")
        self.link_button = QPushButton(self.tr("Link to the selected station"))
        self.link_button.setObjectName("weather_link")
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setObjectName("weather_unlink")
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        self.typed_table = read_only_table(
            "typed_degree_days_table",
            [self.tr("12 months ending"), self.tr("HDD"), self.tr("CDD"), self.tr("Note")],
        )
        self.typed_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_typed = QPushButton(self.tr("Type degree days…"))
        self.add_typed.setObjectName("typed_new")
        self.edit_typed = QPushButton(self.tr("Edit…"))
        self.edit_typed.setObjectName("typed_edit")
        self.delete_typed = QPushButton(self.tr("Delete"))
        self.delete_typed.setObjectName("typed_delete")
        typed_buttons = QHBoxLayout()
        typed_buttons.addWidget(QLabel(self.tr("Typed degree days:")))
        typed_buttons.addStretch(1)
        for button in (self.add_typed, self.edit_typed, self.delete_typed):
            typed_buttons.addWidget(button)
        property_box = QGroupBox(self.tr("Property"))
        property_layout = QVBoxLayout(property_box)
        property_layout.addWidget(self.picker)
        property_layout.addLayout(link_row)
        property_layout.addLayout(typed_buttons)
        property_layout.addWidget(self.typed_table)

        # Stations and the property on the left, the selected station's months (and the attribution) on the right.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(stations_box)
        left.addWidget(property_box)
        left.setSizes([300, 360])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(left)
        bottom.addWidget(months_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([560, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(import_row)
        layout.addWidget(bottom, 1)

        self._station_ids: list[int] = []
        self._typed_ids: list[int] = []
        # What the monthly table shows (station, language, months): a refresh that changes none of them keeps it.
        self._months_shown: tuple[int | None, str, list[MonthlyDegreeDays]] | None = None
        self.import_button.clicked.connect(self._on_import)
        self.stations_table.itemSelectionChanged.connect(self._on_station_selected)
        self.picker.changed.connect(self._refresh_property)
        self.link_button.clicked.connect(self._on_link)
        self.unlink_button.clicked.connect(self._on_unlink)
        self.add_typed.clicked.connect(self._on_add_typed)
        self.edit_typed.clicked.connect(self._on_edit_typed)
        self.typed_table.itemDoubleClicked.connect(lambda _item: self._on_edit_typed())
        self.delete_typed.clicked.connect(self._on_delete_typed)
        self.typed_table.itemSelectionChanged.connect(self._update_buttons)

    # -- refresh --------------------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._refresh_stations()
        self.picker.reload()

    def selected_station_id(self) -> int | None:
        rows = self.stations_table.selectionModel().selectedRows()
        item = self.stations_table.item(rows[0].row(), 0) if rows else None
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_station(self, station_id: int) -> None:
        for r in range(self.stations_table.rowCount()):
            item = self.stations_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == station_id:
                self.stations_table.selectRow(r)
                return

    def _refresh_stations(self) -> None:
        keep = self.selected_station_id()
        language = current_language()
        summaries = weather.station_summaries(self.ctx.db_path)
        self._station_ids = [st.station_id for st in summaries]
        self.stations_table.blockSignals(True)
        fill_table(
            self.stations_table,
            [
                [
                    st.name,
                    st.climate_id,
                    f"{st.first_day} → {st.last_day}" if st.first_day else "",
                    fixed(st.days, language, 0),
                ]
                for st in summaries
            ],
            right_from=2,
        )
        for r, st in enumerate(summaries):
            self.stations_table.item(r, 0).setData(Qt.ItemDataRole.UserRole, st.station_id)
            self.stations_table.item(r, 0).setToolTip(
                f"{st.name} — {st.province}" if st.province else st.name
            )
        self.stations_filter.apply()
        self.stations_table.blockSignals(False)
        if keep in self._station_ids:
            self.select_station(keep)
        elif self._station_ids:
            self.stations_table.selectRow(0)
        self._on_station_selected()

    def _on_station_selected(self) -> None:
        sid = self.selected_station_id()
        language = current_language()
        months: list[MonthlyDegreeDays] = []
        if sid is not None:
            months = weather.station_months(self.ctx.db_path, sid)
        shown = (sid, language, months)
        if shown != self._months_shown:
            self._fill_months(months, language)
            self._months_shown = shown
        self._update_buttons()

    def _fill_months(self, months: Sequence[MonthlyDegreeDays], language: str) -> None:
        """The selected station's months, newest first, in one pass with the table's updates off."""
        table = self.months_table
        rows = [
            (
                m.month.strftime("%Y-%m"),
                fixed(m.hdd, language, 1),
                fixed(m.cdd, language, 1),
                str(m.days_with_data),
                str(m.missing_days),
                str(m.estimated_days),
                m.missing_days,
            )
            for m in reversed(months)
        ]
        missing_tip = self.tr("{0} day(s) without data in this month")
        table.setUpdatesEnabled(False)
        try:
            table.clearContents()
            table.setRowCount(len(rows))
            for r, (*cells, missing) in enumerate(rows):
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if c >= 1:
                        item.setTextAlignment(RIGHT)
                    if c == 4 and missing:
                        item.setForeground(Qt.GlobalColor.darkRed)
                        item.setToolTip(missing_tip.format(missing))
                    table.setItem(r, c, item)
            self._fit_month_columns([cells for *cells, _missing in rows])
        finally:
            table.setUpdatesEnabled(True)

    def _fit_month_columns(self, rows: Sequence[Sequence[str]]) -> None:
        """Each column as wide as its title or its longest text, measured once (not per cell as Qt would)."""
        table = self.months_table
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        padding = (
            2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 12
        )
        for c in range(table.columnCount()):
            longest = max((row[c] for row in rows), key=len, default="")
            header.resizeSection(
                c,
                max(header.sectionSizeFromContents(c).width(), metrics.horizontalAdvance(longest) + padding),
            )

    def _refresh_property(self) -> None:
        pid = self.picker.property_id
        language = current_language()
        rows: list[tuple[int, date, float, float, str]] = []
        linked = None
        if pid is not None:
            found = weather.property_weather(self.ctx.db_path, pid)
            linked = found.linked_station
            rows = [(r.record_id, r.period_end, r.hdd, r.cdd, r.note) for r in found.typed]
        self.link_label.setText(
            self.tr("Linked station: {0}").format(linked) if linked else self.tr("Linked station: none")
        )
        self._typed_ids = [r[0] for r in rows]
        fill_table(
            self.typed_table,
            [
                [
                    r[1].isoformat(),
                    fixed(r[2], language, 0 if float(r[2]).is_integer() else 1),
                    fixed(r[3], language, 0 if float(r[3]).is_integer() else 1),
                    r[4],
                ]
                for r in rows
            ],
        )
        for r in range(self.typed_table.rowCount()):
            self.typed_table.item(r, 3).setTextAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
        self._update_buttons()

    def _selected_typed_id(self) -> int | None:
        rows = self.typed_table.selectionModel().selectedRows()
        return self._typed_ids[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        has_property = self.picker.property_id is not None
        self.link_button.setEnabled(has_property and self.selected_station_id() is not None)
        self.unlink_button.setEnabled(has_property)
        self.add_typed.setEnabled(has_property)
        has_typed = self._selected_typed_id() is not None
        self.edit_typed.setEnabled(has_typed)
        self.delete_typed.setEnabled(has_typed)

    # -- import ---------------------------------------------------------------------------------------------
    def _on_import(self) -> None:
        names = file_dialogs.open_file_names(
            self,
            self.tr("Import Environment Canada daily climate files"),
            "",
            self.tr("ECCC daily climate CSV (*.csv);;All files (*)"),
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: Sequence[Path]) -> bool:
        """Import the files in one transaction; on any error nothing is stored and the message names the file."""
        language = current_language()
        try:
            results = weather.import_weather(self.ctx.engine, paths)
        except WeatherFileError as exc:
            self.import_message.setStyleSheet(ERROR_STYLE)
            self.import_message.setText(
                self.tr("Nothing was imported. {0}").format(
                    exc.message_fr if language == "fr" else exc.message_en
                )
            )
            return False
        parts = [
            self.tr("{0} ({1}): {2} new day(s), {3} updated, {4} already there").format(
                r.name, r.climate_id, r.days_added, r.days_updated, r.days_unchanged
            )
            for r in results
        ]
        self.import_message.setStyleSheet(OK_STYLE)
        self.import_message.setText(self.tr("Imported {0} file(s). ").format(len(paths)) + "; ".join(parts))
        self.ctx.data_changed.emit()
        self._refresh_stations()
        if results:
            self.select_station(results[0].station_id)
        return True

    def _clear_message(self) -> None:
        """After a later success, an earlier "Nothing was imported" no longer describes the page: it goes."""
        if self.import_message.styleSheet() == ERROR_STYLE:
            self.import_message.clear()
            self.import_message.setStyleSheet("")

    # -- linking and typed values ---------------------------------------------------------------------------
    def _on_link(self) -> None:
        pid, sid = self.picker.property_id, self.selected_station_id()
        if pid is None or sid is None:
            return
        weather.link_station(self.ctx.engine, pid, sid)
        self._clear_message()
        self.ctx.data_changed.emit()
        self._refresh_property()

    def _on_unlink(self) -> None:
        pid = self.picker.property_id
        if pid is None:
            return
        weather.link_station(self.ctx.engine, pid, None)
        self._clear_message()
        self.ctx.data_changed.emit()
        self._refresh_property()

    def _save_typed(self, dialog: DegreeDaysDialog, replaced_id: int | None) -> bool:
        pid = self.picker.property_id
        if pid is None or not dialog.exec():
            return False
        values = dialog.result_values
        # A 12-month period ends on the last day of its last month, whatever day was picked.
        end = month_end(month_index(values["period_end"]))
        weather.save_typed_degree_days(
            self.ctx.engine, pid, end, values["hdd"], values["cdd"], values["note"] or "", replaced_id
        )
        self._clear_message()
        self.ctx.data_changed.emit()
        self._refresh_property()
        return True

    def _on_add_typed(self) -> None:
        dialog = DegreeDaysDialog(self.tr("Type degree days"), self)
        today = date.today()
        dialog.form.set_value("period_end", month_end(month_index(today) - 1))
        self._save_typed(dialog, None)

    def _on_edit_typed(self) -> None:
        rid = self._selected_typed_id()
        if rid is None:
            return
        row = weather.typed_degree_days(self.ctx.engine, rid)
        if row is None:
            return
        dialog = DegreeDaysDialog(self.tr("Edit degree days"), self)
        for key in ("period_end", "hdd", "cdd", "note"):
            dialog.form.set_value(key, getattr(row, key))
        self._save_typed(dialog, rid)

    def _on_delete_typed(self) -> None:
        rid = self._selected_typed_id()
        if rid is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete these typed degree days?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a destructive question defaults to No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        weather.delete_typed_degree_days(self.ctx.engine, rid)
        self._clear_message()
        self.ctx.data_changed.emit()
        self._refresh_property()
