"""Export a property's meters to ESPM's "Add New Meters to Existing Properties" upload template.

Layout copied from ESPM's own template (espm-samples/Add_Meters.xlsx, template v2.0): sheet
`Create Meters (Energy)`, headers in row 1 (text and order below are the template's, character for
character, line breaks and trailing space included), one meter per row from row 2. Meter types and unit
labels are ESPM's, from resources/energy_units.csv through core.energy. The Énergir account, invoice and
meter numbers go in the Custom Meter ID 1–3 name/value columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from espm_desktop.core import energy
from espm_desktop.core.data_exchange import EnergirMeterSetup
from espm_desktop.core.i18n import Message, Shown, message
from espm_desktop.core.types import MeterData
from espm_desktop.fs.atomic_files import atomic_workbook_path

SHEET_NAME = "Create Meters (Energy)"
VALIDATION_SHEET_NAME = "Validation"
HEADER_ROW = 1
FIRST_DATA_ROW = 2

HEADERS: tuple[str, ...] = (
    "Portfolio Manager ID (Pre-filled)",
    "Property Name\n(Pre-filled)",
    "Meter Type\n(Pre-filled)",
    'Other Meter Type Description (Required, if you\'ve selected a Meter Type of "Other") ',
    "Meter Name (Required)",
    "Units\n(Required)",
    "Date Meter Became Active (Required)",
    "In Use? (Required)",
    "Date Meter Became Inactive (Required,\n if Meter NOT In Use)",
    "Bulk or Metered? (Required)",
    "Include in Property Metrics? (Required)",
    "Custom Meter ID 1 Name (Required if you want to add one Custom ID)",
    "Custom Meter ID 1 Value (Required if you want to add one Custom ID)",
    "Custom Meter ID 2 Name (Required if you want to add two Custom IDs)",
    "Custom Meter ID 2 Value (Required if you want to add two Custom IDs)",
    "Custom Meter ID 3 Name (Required if you want to add three Custom IDs)",
    "Custom Meter ID 3 Value (Required if you want to add three Custom IDs)",
)
# Column widths of the template, so the file looks like the one ESPM hands out.
_WIDTHS = (
    14.8,
    19.8,
    39.5,
    30.2,
    15.8,
    15.5,
    17.5,
    10.8,
    28.5,
    17.7,
    19.2,
    20.2,
    17.7,
    17.5,
    18.7,
    18.3,
    18.5,
)
_HEADER_HEIGHT = 64.0

COL_PM_ID, COL_PROPERTY, COL_TYPE, COL_OTHER, COL_NAME, COL_UNITS = 1, 2, 3, 4, 5, 6
COL_ACTIVE, COL_IN_USE, COL_INACTIVE, COL_BULK, COL_METRICS = 7, 8, 9, 10, 11
COL_CUSTOM_FIRST = 12

CUSTOM_ID_NAMES = ("Énergir account", "Énergir invoice", "Énergir meter")

# Validation lists of the template (sheet "Validation", named ranges Boolean and BulkMetered).
_BOOLEAN = ("Yes", "No")
_BULK_METERED = ("Bulk ", "Metered")  # sic: the template's "Bulk " ends with a space

_VALIDATED_COLUMNS = (
    ("C", "EnergyMeters"),
    ("F", "AllEnergyUnits"),
    ("H", "Boolean"),
    ("J", "BulkMetered"),
    ("K", "Boolean"),
)

# A spreadsheet runs text starting with these as a formula (CSV/Excel injection, OWASP).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class TemplateWarning(Shown):
    """Something the user must fill in ESPM or here before uploading; names the row and meter."""

    _shown_attribute: ClassVar[str] = "message"

    row: int
    meter_name: str
    message: Message


def _set_text(cell: Cell, text: str | None) -> None:
    """Write text that no spreadsheet will evaluate, even when it starts with '=', '+', '-' or '@'."""
    cell.value = text
    if text is None:
        return
    cell.data_type = "s"
    if text.startswith(_FORMULA_PREFIXES):
        cell.quotePrefix = True


def _property_id_value(espm_property_id: str) -> int | str:
    # ESPM writes the ID as a number; keep anything else as text rather than lose it.
    cleaned = espm_property_id.strip()
    return int(cleaned) if cleaned.isdigit() else cleaned


def _setup_for(meter: MeterData, setups: Sequence[EnergirMeterSetup]) -> EnergirMeterSetup | None:
    for setup in setups:
        if meter.meter_id is not None and setup.meter_id == meter.meter_id:
            return setup
    for setup in setups:
        if setup.meter_id is None and setup.meter_name == meter.name:
            return setup
    return None


def _custom_ids(setup: EnergirMeterSetup | None) -> list[tuple[str, str]]:
    if setup is None:
        return []
    values = (setup.account_number, setup.invoice_number, setup.meter_number)
    return [(name, value) for name, value in zip(CUSTOM_ID_NAMES, values, strict=True) if value]


def _all_espm_unit_labels() -> list[str]:
    labels: list[str] = []
    for et in energy.energy_types():
        for u in et.units:
            if u.espm_label not in labels:
                labels.append(u.espm_label)
    return labels


def _add_validation_lists(wb: Workbook, last_row: int) -> None:
    """Drop-down lists like the template's: a hidden Validation sheet and named ranges."""
    sheet = wb.create_sheet(VALIDATION_SHEET_NAME)
    sheet.sheet_state = "hidden"
    lists = {
        "AllEnergyUnits": _all_espm_unit_labels(),
        "Boolean": list(_BOOLEAN),
        "BulkMetered": list(_BULK_METERED),
        "EnergyMeters": [et.espm_meter_type for et in energy.energy_types()],
    }
    for col, (name, values) in enumerate(lists.items(), start=2):
        _set_text(sheet.cell(row=1, column=col), name)
        for i, value in enumerate(values, start=2):
            _set_text(sheet.cell(row=i, column=col), value)
        letter = sheet.cell(row=1, column=col).column_letter
        ref = f"{VALIDATION_SHEET_NAME}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    ws = wb[SHEET_NAME]
    # Like the template, the lists cover empty rows too, so the user can add a meter by hand.
    end = max(last_row, FIRST_DATA_ROW + 99)
    for column, list_name in _VALIDATED_COLUMNS:
        dv = DataValidation(type="list", formula1=list_name, allow_blank=True)
        dv.add(f"{column}{FIRST_DATA_ROW}:{column}{end}")
        ws.add_data_validation(dv)


def build_meters_workbook(
    property_name: str,
    espm_property_id: str,
    meters: Sequence[MeterData],
    setups: Iterable[EnergirMeterSetup] = (),
) -> tuple[Workbook, list[TemplateWarning]]:
    """The filled template in memory, and what is still missing (e.g. a meter without an active date).

    `setups` carry the Énergir numbers; one is matched to a meter by meter_id, else by meter name.
    Raises core.energy.UnknownUnitError for a meter whose energy type or unit the table does not know.
    """
    setup_list = list(setups)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_NAME
    header_font = Font(name="Calibri", size=11, bold=True)
    header_fill = PatternFill("solid", fgColor="FFD9E1F2")
    thin = Side(style="thin")
    for col, text in enumerate(HEADERS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col)
        _set_text(cell, text)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws.column_dimensions[cell.column_letter].width = _WIDTHS[col - 1]
    ws.row_dimensions[HEADER_ROW].height = _HEADER_HEIGHT
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"

    warnings: list[TemplateWarning] = []
    pm_id = _property_id_value(espm_property_id)
    for row, meter in enumerate(meters, start=FIRST_DATA_ROW):
        et = energy.energy_type(meter.energy_type)
        unit = energy.unit(meter.energy_type, meter.unit)
        if isinstance(pm_id, int):
            ws.cell(row=row, column=COL_PM_ID, value=pm_id)
        else:
            _set_text(ws.cell(row=row, column=COL_PM_ID), pm_id)
        _set_text(ws.cell(row=row, column=COL_PROPERTY), property_name)
        _set_text(ws.cell(row=row, column=COL_TYPE), et.espm_meter_type)
        if meter.energy_type == "other":
            _set_text(ws.cell(row=row, column=COL_OTHER), meter.name)
        _set_text(ws.cell(row=row, column=COL_NAME), meter.name)
        _set_text(ws.cell(row=row, column=COL_UNITS), unit.espm_label)
        active = meter.active_date or _first_bill_start(meter)
        if active is None:
            warnings.append(
                TemplateWarning(
                    row,
                    meter.name,
                    message(
                        "Row {row}, meter “{meter}”: ESPM requires the date the meter became active. "
                        "Enter it on the meter or in the file (column G).",
                        row=str(row),
                        meter=meter.name,
                    ),
                )
            )
        else:
            _set_date(ws.cell(row=row, column=COL_ACTIVE), active)
        in_use = meter.inactive_date is None
        _set_text(ws.cell(row=row, column=COL_IN_USE), "Yes" if in_use else "No")
        if meter.inactive_date is not None:
            _set_date(ws.cell(row=row, column=COL_INACTIVE), meter.inactive_date)
        _set_text(ws.cell(row=row, column=COL_BULK), "Metered")
        _set_text(ws.cell(row=row, column=COL_METRICS), "Yes")
        for i, (name, value) in enumerate(_custom_ids(_setup_for(meter, setup_list))):
            _set_text(ws.cell(row=row, column=COL_CUSTOM_FIRST + 2 * i), name)
            _set_text(ws.cell(row=row, column=COL_CUSTOM_FIRST + 2 * i + 1), value)
    _add_validation_lists(wb, FIRST_DATA_ROW + len(meters) - 1)
    return wb, warnings


def _first_bill_start(meter: MeterData) -> date | None:
    # ESPM warns when the active date does not match the first bill, so the first bill is the best guess.
    return min((b.start for b in meter.bills), default=None)


def _set_date(cell: Cell, day: date) -> None:
    cell.value = day
    cell.number_format = "yyyy-mm-dd"


def write_meters_template(
    path: Path,
    property_name: str,
    espm_property_id: str,
    meters: Sequence[MeterData],
    setups: Iterable[EnergirMeterSetup] = (),
    *,
    protected: Sequence[Path] = (),
) -> list[TemplateWarning]:
    """Write the template to `path` (.xlsx) and return what is still missing.

    `protected`: the open database, never overwritten (io.atomic_files: OutputRefused, OutputFailed).
    """
    wb, warnings = build_meters_workbook(property_name, espm_property_id, meters, setups)
    with atomic_workbook_path(path, protected=protected) as partial:
        wb.save(partial)
    return warnings
