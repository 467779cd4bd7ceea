"""ESPM "Meter Entries" export (PM_Meter_Data.xlsx) and its `Properties` / `Meters` sheets.

Title rows come first ("My Portfolio: …", the export time, "Total Properties: 2"); the header row is the
one with a `Property Name` cell. Columns are found by header text wherever they are, with the aliases of
older exports (`Property Id` for `Portfolio Manager ID`). Every empty field reads `Not Available`.
"""

from __future__ import annotations

from espm_desktop.core.energy import UnknownUnitError
from espm_desktop.core.i18n import message
from espm_desktop.core.numbers import DecimalMark
from espm_desktop.io.bill_fields import Field, match_headers
from espm_desktop.io.file_limits import ImportFileError
from espm_desktop.io.import_plan import SheetPlan, run_plans
from espm_desktop.io.import_types import FileKind, ImportBatch, ImportedMeter, ImportedProperty
from espm_desktop.io.meter_labels import MeterLabels
from espm_desktop.io.parse_values import (
    CellValue,
    DateOrder,
    ValueParseError,
    is_blank,
    normalise_label,
    parse_date,
    parse_number,
    text_of,
)
from espm_desktop.io.tables import Sheet, TableFile, is_empty_row

HEADER_SCAN_ROWS = 60
_PROPERTY_NAME = normalise_label("Property Name")
SQ_FT_TO_M2 = 0.09290304
"""Exact: 1 ft = 0.3048 m."""


def find_header_row(sheet: Sheet, scan: int = HEADER_SCAN_ROWS) -> int | None:
    """0-based index of the first row holding a `Property Name` cell, or None."""
    for i, row in enumerate(sheet.rows[:scan]):
        for value in row:
            if isinstance(value, str) and normalise_label(value) == _PROPERTY_NAME:
                return i
    return None


def plan_meter_entries_sheet(sheet: Sheet) -> SheetPlan | None:
    """A plan when the sheet looks like Meter Entries (Property Name header + dates + usage)."""
    header = find_header_row(sheet)
    if header is None:
        return None
    columns = match_headers(sheet.rows[header])
    has_dates = Field.START in columns or Field.DELIVERY_DATE in columns
    if not has_dates or Field.USAGE not in columns:
        return None
    return SheetPlan(sheet, header, columns)


def missing_columns_error(file: str, sheet: Sheet) -> ImportFileError:
    header = find_header_row(sheet)
    found = match_headers(sheet.rows[header]) if header is not None else {}
    needed = {
        Field.START: "Start Date",
        Field.END: "End Date",
        Field.USAGE: "Usage/Quantity",
        Field.UNIT: "Usage Units",
        Field.METER_TYPE: "Meter Type",
    }
    missing = [label for f, label in needed.items() if f not in found]
    if header is None:
        missing.insert(0, "Property Name")
    names = ", ".join(missing)
    return ImportFileError(
        file,
        message(
            "Sheet '{sheet}' has no column {names}. Expected an ESPM 'Meter Entries' export with the "
            "columns Property Name, Meter Type, Start Date, End Date, Usage/Quantity and Usage Units.",
            sheet=sheet.name,
            names=names,
        ),
    )


def read_meter_entries(
    table: TableFile, date_order: DateOrder | None = None, decimal_mark: DecimalMark = DecimalMark.POINT
) -> ImportBatch:
    """Bills of every Meter Entries sheet, plus properties and meters of `Properties`/`Meters` sheets.

    `decimal_mark` is the importer's, for numbers the file shows no mark in (io.import_plan.run_plans).
    """
    batch = ImportBatch(table.file_name, FileKind.METER_ENTRIES)
    plans: list[SheetPlan] = []
    for sheet in table.sheets:
        if normalise_label(sheet.name) in ("properties", "meters"):
            continue
        plan = plan_meter_entries_sheet(sheet)
        if plan is not None:
            plans.append(plan)
    if not plans:
        named = table.sheet("Meter Entries")
        if named is not None:
            raise missing_columns_error(table.file_name, named)
        raise ImportFileError(
            table.file_name,
            message(
                "No sheet has a 'Property Name' header with start dates and usage. Expected an ESPM "
                "'Meter Entries' export (sheet 'Meter Entries')."
            ),
        )
    run_plans(batch, table, plans, date_order, decimal_mark)
    properties = table.sheet("Properties")
    if properties is not None:
        batch.properties = read_properties_sheet(properties)
    meters = table.sheet("Meters")
    if meters is not None:
        batch.meters = read_meters_sheet(meters, batch.date_order)
    return batch


def _find_columns(headers: list[CellValue], aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
    keys = [normalise_label(text_of(h)) for h in headers]
    found: dict[str, int] = {}
    for name, names in aliases.items():
        wanted = [normalise_label(a) for a in names]
        for w in wanted:
            if w in keys:
                found[name] = keys.index(w)
                break
    return found


def _get(row: list[CellValue], columns: dict[str, int], name: str) -> CellValue:
    index = columns.get(name)
    if index is None or index >= len(row) or is_blank(row[index]):
        return None
    return row[index]


_PROPERTY_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("Portfolio Manager ID", "Property Id", "Portfolio Manager Property ID"),
    "name": ("Property Name",),
    "address": ("Address 1", "Street Address", "Address"),
    "city": ("City", "City/Municipality"),
    "province": ("State/Province", "Province", "State"),
    "postal_code": ("Postal Code", "Zip Code", "Postal/Zip Code"),
    "gfa_units": ("Gross Floor Area Units", "GFA Units", "Property GFA Units"),
}


def _floor_area_column(headers: list[CellValue]) -> tuple[int, str] | None:
    """(column, 'ft2'|'m2'|'') of the self-reported gross floor area."""
    for index, header in enumerate(headers):
        text = text_of(header).casefold()
        if ("floor area" in text or "gfa" in text) and "unit" not in text:
            if "ft" in text:
                return index, "ft2"
            if "m²" in text or "m2" in text or "sq. m" in text or "meter" in text or "metre" in text:
                return index, "m2"
            return index, ""
    return None


def read_properties_sheet(sheet: Sheet) -> list[ImportedProperty]:
    header = find_header_row(sheet)
    if header is None:
        return []
    headers = sheet.rows[header]
    columns = _find_columns(headers, _PROPERTY_COLUMNS)
    area = _floor_area_column(headers)
    found: list[ImportedProperty] = []
    for row in sheet.rows[header + 1 :]:
        if is_empty_row(row):
            continue
        name = text_of(_get(row, columns, "name"))
        espm_id = text_of(_get(row, columns, "id")) or None
        if not name and not espm_id:
            continue
        area_m2: float | None = None
        if area is not None and area[0] < len(row) and not is_blank(row[area[0]]):
            unit = area[1] or normalise_label(text_of(_get(row, columns, "gfa_units")))
            try:
                value = parse_number(row[area[0]])
            except ValueParseError:
                value = None
            # A floor area without a stated unit is left out rather than guessed.
            if value is not None and unit.startswith(("ft2", "sq ft", "square feet", "ft")):
                area_m2 = value * SQ_FT_TO_M2
            elif value is not None and unit.startswith(("m2", "sq m", "square met")):
                area_m2 = value
        found.append(
            ImportedProperty(
                espm_id=espm_id,
                name=name or espm_id or "",
                street_address=text_of(_get(row, columns, "address")),
                city=text_of(_get(row, columns, "city")),
                province=text_of(_get(row, columns, "province")),
                postal_code=text_of(_get(row, columns, "postal_code")),
                gross_floor_area_m2=area_m2,
            )
        )
    return found


_METER_COLUMNS: dict[str, tuple[str, ...]] = {
    "property_id": ("Portfolio Manager ID", "Property Id", "Portfolio Manager Property ID"),
    "property_name": ("Property Name",),
    "meter_id": ("Portfolio Manager Meter ID", "Meter ID", "Meter Id"),
    "name": ("Meter Name",),
    "type": ("Meter Type", "Type"),
    "unit": ("Usage Units", "Units", "Meter Units", "Unit", "Meter Unit"),
    "active": ("Date Meter Became Active", "First Bill Date", "Active Date"),
    "inactive": ("Date Meter Became Inactive", "Inactive Date"),
}


def read_meters_sheet(sheet: Sheet, date_order: DateOrder | None = None) -> list[ImportedMeter]:
    """Energy meters of a `Meters` sheet; water and waste meters are left out."""
    header = find_header_row(sheet)
    if header is None:
        return []
    columns = _find_columns(sheet.rows[header], _METER_COLUMNS)
    labels = MeterLabels()
    found: list[ImportedMeter] = []
    for row in sheet.rows[header + 1 :]:
        if is_empty_row(row):
            continue
        type_label = text_of(_get(row, columns, "type"))
        if not type_label or labels.is_non_energy(type_label):
            continue
        energy: str | None
        try:
            energy = labels.energy_type(type_label)
        except UnknownUnitError:
            energy = None
        unit: str | None = None
        unit_label = text_of(_get(row, columns, "unit"))
        if unit_label:
            try:
                unit = labels.unit(unit_label, energy)[1]
            except UnknownUnitError:
                unit = None
        dates = []
        for key in ("active", "inactive"):
            cell = _get(row, columns, key)
            try:
                dates.append(parse_date(cell, date_order) if cell is not None else None)
            except ValueParseError:
                dates.append(None)
        property_key = text_of(_get(row, columns, "property_id")) or text_of(
            _get(row, columns, "property_name")
        )
        found.append(
            ImportedMeter(
                espm_meter_id=text_of(_get(row, columns, "meter_id")) or None,
                property_key=property_key,
                name=text_of(_get(row, columns, "name")),
                meter_type_label=type_label,
                energy_type=energy,
                unit=unit,
                active_date=dates[0],
                inactive_date=dates[1],
            )
        )
    return found
