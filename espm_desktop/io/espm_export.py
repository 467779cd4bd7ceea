"""Write bills: ESPM's "Add Bills to Existing Meters" upload template, CSV, and a whole-portfolio workbook.

Inputs are core objects (PropertyData with its MeterData and Bills) plus the ESPM IDs the database keeps.
Text that starts with '=', '+', '-' or '@' never becomes a formula: xlsx cells are forced to string type
and CSV cells get a leading single quote (OWASP "CSV injection"); the CSV reader removes that quote again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from espm_desktop.core.energy import energy_type as energy_type_info
from espm_desktop.core.energy import unit as unit_info
from espm_desktop.core.types import Bill, MeterData, PropertyData
from espm_desktop.io.atomic_files import atomic_workbook_path, atomic_write
from espm_desktop.io.espm_bill_template import (
    OTHER_TEMPLATE_HEADERS,
    SHEET_DELIVERY,
    SHEET_ELECTRICITY,
    SHEET_NON_ELECTRIC,
    SHEET_ORDER,
    TEMPLATE_HEADERS,
    TEMPLATE_TITLE,
    TEMPLATE_VERSION,
)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# ESPM's own label for grid electricity on the Add Bills template (the meter templates say "Electric - Grid").
_TEMPLATE_METER_TYPE = {"electricity_grid": "Electricity - Grid Purchase"}
# Fuels ESPM records as deliveries (one date) rather than billing periods.
DELIVERY_ENERGY_TYPES = frozenset(
    {
        "propane",
        "fuel_oil_1",
        "fuel_oil_2",
        "fuel_oil_4",
        "fuel_oil_5_6",
        "diesel",
        "kerosene",
        "wood",
        "coal_anthracite",
        "coal_bituminous",
        "coke",
    }
)
DATE_FORMAT = "yyyy-mm-dd"

# Meter Entries headers (ESPM's export) so an exported CSV or Bills sheet reads back with the same reader.
BILL_HEADERS = (
    "Property Name",
    "Portfolio Manager ID",
    "Portfolio Manager Meter ID",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
    "Estimation?",
)
PROPERTY_HEADERS = (
    "Portfolio Manager ID",
    "Property Name",
    "Property Type",
    "Street Address",
    "City",
    "Province",
    "Postal Code",
    "Gross Floor Area (m²)",
    "Workers",
    "Weekly Hours",
    "Computers",
    "Percent Heated",
    "Percent Cooled",
    "Months in Operation",
)
METER_HEADERS = (
    "Portfolio Manager ID",
    "Property Name",
    "Portfolio Manager Meter ID",
    "Meter Name",
    "Meter Type",
    "Usage Units",
    "Date Meter Became Active",
    "Date Meter Became Inactive",
)


@dataclass(frozen=True, slots=True)
class ExportProperty:
    """A property to export with the ESPM IDs and address the database holds beside PropertyData."""

    data: PropertyData
    espm_id: str | None = None
    meter_espm_ids: Mapping[str, str] = field(default_factory=dict)
    """Meter name → ESPM meter ID."""
    street_address: str = ""
    city: str = ""
    province: str = ""


@dataclass(frozen=True, slots=True)
class _BillLine:
    prop: ExportProperty
    meter: MeterData
    bill: Bill

    @property
    def meter_espm_id(self) -> str | None:
        return self.prop.meter_espm_ids.get(self.meter.name)


def _lines(properties: Iterable[ExportProperty]) -> Iterator[_BillLine]:
    for prop in properties:
        for meter in prop.data.meters:
            for bill in sorted(meter.bills, key=lambda b: (b.start, b.end)):
                yield _BillLine(prop, meter, bill)


def _id_value(espm_id: str | None) -> int | str | None:
    """ESPM IDs as numbers when they are digits, as ESPM's own files store them."""
    if not espm_id:
        return None
    return int(espm_id) if espm_id.isdigit() else espm_id


def _text_cell(ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    # openpyxl turns any string starting with '=' into a formula; keep every text a plain string.
    cell.data_type = "s"
    return cell


def _cells(ws: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            out.append(_text_cell(ws, value))
        elif isinstance(value, date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT
            out.append(cell)
        elif isinstance(value, Decimal):
            out.append(float(value))
        else:
            out.append(value)
    return out


def meter_type_label(energy_type_id: str, for_template: bool = False) -> str:
    if for_template and energy_type_id in _TEMPLATE_METER_TYPE:
        return _TEMPLATE_METER_TYPE[energy_type_id]
    return energy_type_info(energy_type_id).espm_meter_type


def unit_label(energy_type_id: str, unit_id: str) -> str:
    return unit_info(energy_type_id, unit_id).espm_label


def template_sheet_for(meter: MeterData, bill: Bill) -> str:
    if meter.energy_type == "electricity_grid":
        return SHEET_ELECTRICITY
    if meter.energy_type in DELIVERY_ENERGY_TYPES and bill.start == bill.end:
        return SHEET_DELIVERY
    return SHEET_NON_ELECTRIC


def _template_row(line: _BillLine, sheet: str) -> list[Any]:
    meter, bill = line.meter, line.bill
    common: list[Any] = [
        _id_value(line.meter_espm_id),
        None,
        _id_value(line.prop.espm_id),
        line.prop.data.name,
        meter.name,
        meter_type_label(meter.energy_type, for_template=True),
    ]
    cost = float(bill.cost) if bill.cost is not None else None
    estimation = "Yes" if bill.estimated else "No"
    unit = unit_label(meter.energy_type, meter.unit)
    if sheet == SHEET_DELIVERY:
        return common + [bill.start, bill.usage, unit, cost, estimation]
    if sheet == SHEET_ELECTRICITY:
        return common + [bill.start, bill.end, bill.usage, unit, cost, None, None, estimation, "No"]
    return common + [bill.start, bill.end, bill.usage, unit, cost, estimation]


def write_bill_template(
    path: Path, properties: Iterable[ExportProperty], *, protected: Sequence[Path] = ()
) -> int:
    """ESPM's 'Add Bills to Existing Meters' upload file; returns the number of bill rows written.

    `protected`: the open database, which is never overwritten (see io.atomic_files).
    """
    by_sheet: dict[str, list[list[Any]]] = {name: [] for name in SHEET_ORDER}
    for line in _lines(properties):
        sheet = template_sheet_for(line.meter, line.bill)
        by_sheet[sheet].append(_template_row(line, sheet))
    with atomic_workbook_path(path, protected=protected) as partial:
        book = Workbook(write_only=True)
        intro = book.create_sheet("Instructions")
        intro.append(_cells(intro, [TEMPLATE_TITLE]))
        intro.append(_cells(intro, ["Template Version", TEMPLATE_VERSION]))
        for name in SHEET_ORDER:
            ws = book.create_sheet(name)
            headers = TEMPLATE_HEADERS.get(name) or OTHER_TEMPLATE_HEADERS[name]
            ws.append(_cells(ws, headers))
            for row in by_sheet[name]:
                ws.append(_cells(ws, row))
        book.save(partial)
    return sum(len(rows) for rows in by_sheet.values())


def _bill_row(line: _BillLine) -> list[Any]:
    meter, bill = line.meter, line.bill
    return [
        line.prop.data.name,
        line.prop.espm_id or "",
        line.meter_espm_id or "",
        meter.name,
        meter_type_label(meter.energy_type),
        bill.start,
        bill.end,
        bill.usage,
        unit_label(meter.energy_type, meter.unit),
        bill.cost,
        "Yes" if bill.estimated else "No",
    ]


def csv_safe(text: str) -> str:
    """OWASP: a leading quote keeps spreadsheet programs from running the cell as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return csv_safe(value)
    return str(value)


def write_bills_csv(
    path: Path, properties: Iterable[ExportProperty], *, protected: Sequence[Path] = ()
) -> int:
    """One bill a line, ESPM Meter Entries column names, ISO dates, '.' decimals, UTF-8 with BOM for Excel."""
    count = 0
    with atomic_write(path, mode="w", encoding="utf-8-sig", newline="", protected=protected) as fh:
        writer = csv.writer(fh)
        writer.writerow(BILL_HEADERS)
        for line in _lines(properties):
            writer.writerow([_csv_value(v) for v in _bill_row(line)])
            count += 1
    return count


def write_portfolio_workbook(
    path: Path, properties: Iterable[ExportProperty], *, protected: Sequence[Path] = ()
) -> int:
    """Properties, Meters and Bills sheets; the Bills sheet reads back as an ESPM Meter Entries export."""
    props = list(properties)
    with atomic_workbook_path(path, protected=protected) as partial:
        return _fill_portfolio_workbook(partial, props)


def _fill_portfolio_workbook(path: Path, props: list[ExportProperty]) -> int:
    book = Workbook(write_only=True)
    ws = book.create_sheet("Properties")
    ws.append(_cells(ws, PROPERTY_HEADERS))
    for prop in props:
        d = prop.data
        ws.append(
            _cells(
                ws,
                [
                    prop.espm_id or "",
                    d.name,
                    d.property_type,
                    prop.street_address,
                    prop.city,
                    prop.province,
                    d.postal_code,
                    d.gross_floor_area_m2,
                    d.workers,
                    d.weekly_hours,
                    d.computers,
                    d.percent_heated,
                    d.percent_cooled,
                    d.months_in_operation,
                ],
            )
        )
    ws = book.create_sheet("Meters")
    ws.append(_cells(ws, METER_HEADERS))
    for prop in props:
        for meter in prop.data.meters:
            ws.append(
                _cells(
                    ws,
                    [
                        prop.espm_id or "",
                        prop.data.name,
                        prop.meter_espm_ids.get(meter.name, ""),
                        meter.name,
                        meter_type_label(meter.energy_type),
                        unit_label(meter.energy_type, meter.unit),
                        meter.active_date,
                        meter.inactive_date,
                    ],
                )
            )
    ws = book.create_sheet("Bills")
    ws.append(_cells(ws, BILL_HEADERS))
    count = 0
    for line in _lines(props):
        ws.append(_cells(ws, _bill_row(line)))
        count += 1
    book.save(path)
    return count
