"""Properties: the buildings, with the use details the ENERGY STAR score needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from espm_desktop.app.properties import (
    PROPERTY_FIELDS,
    delete_property,
    property_form,
    property_name,
    property_summaries,
    save_property,
)
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number
from espm_desktop.core.types import PropertyType, property_type_label
from espm_desktop.core.validation import validate_property
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.base import RecordTablePage
from espm_desktop.ui.report_actions import ReportButtons, ReportRequest

# This page is the first screen: it reads with sqlite3 (app.properties) and loads the ORM only to write.

PROVINCES = ["QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC", "YT", "NT", "NU"]


class PropertyDialog(FormDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        specs = [
            FieldSpec("name", self.tr("Name"), required=True),
            FieldSpec("street_address", self.tr("Street address")),
            FieldSpec("city", self.tr("City")),
            FieldSpec("province", self.tr("Province"), kind="combo", choices=[(p, p) for p in PROVINCES]),
            FieldSpec("postal_code", self.tr("Postal code"), placeholder="H2X 1Y4"),
            FieldSpec("espm_property_id", self.tr("ESPM property ID")),
            FieldSpec(
                "property_type",
                self.tr("Property type"),
                kind="combo",
                choices=[(t.value, property_type_label(t.value)) for t in PropertyType],
            ),
            FieldSpec("gross_floor_area_m2", self.tr("Gross floor area (m²)"), kind="float", required=True),
            FieldSpec("year_built", self.tr("Year built"), kind="int"),
            FieldSpec("workers", self.tr("Workers on the main shift"), kind="float"),
            FieldSpec("weekly_hours", self.tr("Weekly operating hours"), kind="float"),
            FieldSpec("computers", self.tr("Number of computers"), kind="int"),
            FieldSpec("percent_heated", self.tr("% of floor area heated"), kind="float"),
            FieldSpec("percent_cooled", self.tr("% of floor area cooled"), kind="float"),
            FieldSpec("months_in_operation", self.tr("Months in operation (last 12)"), kind="int"),
        ]
        super().__init__(title, specs, parent)

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        return validate_property(
            name=values["name"],
            postal_code=values["postal_code"],
            gross_floor_area_m2=values["gross_floor_area_m2"] or 0.0,
            year_built=values["year_built"],
            workers=values["workers"],
            weekly_hours=values["weekly_hours"],
            computers=values["computers"],
            percent_heated=values["percent_heated"],
            percent_cooled=values["percent_cooled"],
            months_in_operation=values["months_in_operation"],
        )


class PropertiesPage(RecordTablePage):
    page_id = "properties"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading.setText(self.tr("Properties"))
        self.subtitle.setText(self.tr("Buildings you manage. Select one to see its meters, bills and score."))
        self.record_activated.connect(ctx.select_property)
        ctx.data_changed.connect(self._on_data_changed)
        # The portfolio report: one row per property of the list.
        self.report_buttons = ReportButtons(ctx, lambda: ReportRequest("portfolio"))
        self.report_buttons.setContentsMargins(12, 0, 0, 0)  # set apart from the buttons that act on one row
        self.toolbar.insertWidget(self.toolbar.indexOf(self.delete_button) + 1, self.report_buttons)
        self._refreshing = False

    def _on_data_changed(self) -> None:
        # Hidden, the page is refreshed when shown (the window calls refresh()); an edit here refreshes itself.
        if self.isVisible() and not self._refreshing:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list and select the property chosen anywhere in the window (ctx.property_id)."""
        wanted = self.ctx.property_id
        self._refreshing = True
        try:
            if wanted is not None:
                # Not the row selected before: restoring it would select that property again for every page.
                self.table.blockSignals(True)
                self.table.clearSelection()
                self.table.blockSignals(False)
            super().refresh()
            if wanted is not None and wanted != self.selected_id():
                self.select_id(wanted)
        finally:
            self._refreshing = False

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("City"),
            self.tr("Type"),
            self.tr("Floor area (m²)"),
            self.tr("ESPM ID"),
            self.tr("Meters"),
        ]

    def rows(self) -> list[tuple[int, list[Any]]]:
        language = current_language()
        return [
            (
                p.property_id,
                [
                    p.name,
                    p.city,
                    property_type_label(p.property_type),
                    format_number(p.gross_floor_area_m2, language),
                    p.espm_property_id or "",
                    p.meter_count,
                ],
            )
            for p in property_summaries(self.ctx.db_path)
        ]

    def describe(self, record_id: int) -> str:
        name = property_name(self.ctx.engine, record_id)
        return self.tr("the property “{0}” with all its meters and bills").format(name or "")

    def create_record(self) -> int | None:
        dialog = PropertyDialog(self.tr("New property"), self)
        dialog.form.set_value("months_in_operation", 12)
        dialog.form.set_value("percent_heated", 100)
        return self.save_with_dialog(dialog, lambda values: save_property(self.ctx.engine, values))

    def edit_record(self, record_id: int) -> bool:
        stored = property_form(self.ctx.engine, record_id)
        if stored is None:
            return False
        dialog = PropertyDialog(self.tr("Edit property"), self)
        for key in PROPERTY_FIELDS:
            dialog.form.set_value(key, stored[key])
        saved = self.save_with_dialog(
            dialog, lambda values: save_property(self.ctx.engine, values, record_id)
        )
        return saved is not None

    def delete_record(self, record_id: int) -> None:
        with self.ctx.saving():
            delete_property(self.ctx.engine, record_id)
