"""Write bills: ESPM's "Add Bills to Existing Meters" upload template, CSV, and a whole-portfolio workbook.

Inputs are core objects (PropertyData with its MeterData) plus the ESPM IDs the database keeps, and the bills
as a stream of `MeterBills`: one meter at a time, its bills as the database stores them (`StoredBill`), so an
export of any size is written without holding the portfolio in memory (app.bill_export reads them in order).
Text that starts with '=', '+', '-' or '@' never becomes a formula: xlsx cells are forced to string type
and CSV cells get a leading single quote (OWASP "CSV injection"); the CSV reader removes that quote again.
"""

from __future__ import annotations

import contextlib
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
from espm_desktop.fs.atomic_files import atomic_workbook_path, atomic_write
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


StoredBill = tuple[str, str, float, "Decimal | float | int | None", "bool | int"]
"""A bill as the database stores it: start and end as ISO dates (YYYY-MM-DD), usage in the meter's unit, cost
(a float or int for a stored NUMERIC(14, 2), Decimal from core objects), estimated (0/1 or bool)."""


@dataclass(frozen=True, slots=True)
class MeterBills:
    """One meter of a property and its bills, by start then end date; `bills` is read once."""

    prop: ExportProperty
    meter: MeterData
    bills: Iterable[StoredBill]

    @property
    def meter_espm_id(self) -> str | None:
        return self.prop.meter_espm_ids.get(self.meter.name)


def _stored(bill: Bill) -> StoredBill:
    return (bill.start.isoformat(), bill.end.isoformat(), bill.usage, bill.cost, bill.estimated)


def meter_bills(properties: Iterable[ExportProperty]) -> Iterator[MeterBills]:
    """The bills the core objects hold, meter by meter, in export order."""
    for prop in properties:
        for meter in prop.data.meters:
            ordered = sorted(meter.bills, key=lambda b: (b.start, b.end))
            yield MeterBills(prop, meter, [_stored(b) for b in ordered])


def _cost_text(cost: Decimal | float | int | None) -> str:
    """As the database hands out a Numeric(14, 2): two decimals (a Decimal from core objects as it is)."""
    if cost is None:
        return ""
    if isinstance(cost, Decimal):
        return str(cost)
    return f"{cost:.2f}"


def _cost_number(cost: Decimal | float | int | None) -> float | None:
    if cost is None:
        return None
    if isinstance(cost, Decimal):
        return float(cost)
    # round() is correctly rounded, like the '%.2f' text the database's Decimal is made from.
    return round(float(cost), 2)


def _has_formula_text(values: Iterable[Any]) -> bool:
    """Whether a plain str would become a formula in openpyxl (it must then go through _cells)."""
    return any(isinstance(v, str) and v.startswith("=") for v in values)


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
    return _template_sheet(meter.energy_type, bill.start == bill.end)


def _template_sheet(energy_type_id: str, one_day: bool) -> str:
    if energy_type_id == "electricity_grid":
        return SHEET_ELECTRICITY
    if energy_type_id in DELIVERY_ENERGY_TYPES and one_day:
        return SHEET_DELIVERY
    return SHEET_NON_ELECTRIC


def _template_common(line: MeterBills) -> list[Any]:
    return [
        _id_value(line.meter_espm_id),
        None,
        _id_value(line.prop.espm_id),
        line.prop.data.name,
        line.meter.name,
        meter_type_label(line.meter.energy_type, for_template=True),
    ]


def _template_rows(line: MeterBills) -> Iterator[tuple[str, list[Any]]]:
    """(sheet, row) for each bill of the meter."""
    common = _template_common(line)
    unit = unit_label(line.meter.energy_type, line.meter.unit)
    electric = line.meter.energy_type == "electricity_grid"
    delivery = line.meter.energy_type in DELIVERY_ENERGY_TYPES
    to_date = date.fromisoformat
    for start, end, usage, cost, estimated in line.bills:
        estimation = "Yes" if estimated else "No"
        if electric:
            yield (
                SHEET_ELECTRICITY,
                common
                + [
                    to_date(start),
                    to_date(end),
                    usage,
                    unit,
                    _cost_number(cost),
                    None,
                    None,
                    estimation,
                    "No",
                ],
            )
        elif delivery and start == end:
            yield SHEET_DELIVERY, common + [to_date(start), usage, unit, _cost_number(cost), estimation]
        else:
            yield (
                SHEET_NON_ELECTRIC,
                common + [to_date(start), to_date(end), usage, unit, _cost_number(cost), estimation],
            )


@contextlib.contextmanager
def _sheets_closed_on_error(book: Workbook) -> Iterator[None]:
    """On an error (Cancel included), close the write-only sheets' scratch files before they are deleted.

    Left open, Windows refuses to delete them (the partial folder would stay behind), and elsewhere their
    writers complain about the vanished file when they are garbage-collected.
    """
    try:
        yield
    except BaseException:
        for ws in book.worksheets:
            with contextlib.suppress(Exception):
                ws.close()
        raise


def write_bill_template(
    path: Path, properties: Iterable[ExportProperty], *, protected: Sequence[Path] = ()
) -> int:
    """ESPM's 'Add Bills to Existing Meters' upload file; returns the number of bill rows written.

    `protected`: the open database, which is never overwritten (see io.atomic_files).
    """
    return stream_bill_template(path, meter_bills(properties), protected=protected)


def stream_bill_template(path: Path, meters: Iterable[MeterBills], *, protected: Sequence[Path] = ()) -> int:
    """write_bill_template from a stream of meters; each bill goes straight to its sheet."""
    with atomic_workbook_path(path, protected=protected) as partial:
        book = Workbook(write_only=True)
        with _sheets_closed_on_error(book):
            intro = book.create_sheet("Instructions")
            intro.append(_cells(intro, [TEMPLATE_TITLE]))
            intro.append(_cells(intro, ["Template Version", TEMPLATE_VERSION]))
            sheets: dict[str, WriteOnlyWorksheet] = {}
            for name in SHEET_ORDER:
                # Write-only sheets each stream to their own file, so rows can go to any sheet in any order.
                ws = sheets[name] = book.create_sheet(name)
                headers = TEMPLATE_HEADERS.get(name) or OTHER_TEMPLATE_HEADERS[name]
                ws.append(_cells(ws, headers))
            count = 0
            for line in meters:
                plain = not _has_formula_text(_template_common(line))
                for sheet, row in _template_rows(line):
                    ws = sheets[sheet]
                    # Plain values are written as _cells would write them (dates get the same yyyy-mm-dd format).
                    ws.append(row if plain else _cells(ws, row))
                    count += 1
            book.save(partial)
    return count


def _bill_prefix(line: MeterBills) -> list[Any]:
    """The Meter Entries columns every bill of the meter shares (before its dates)."""
    return [
        line.prop.data.name,
        line.prop.espm_id or "",
        line.meter_espm_id or "",
        line.meter.name,
        meter_type_label(line.meter.energy_type),
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
    return stream_bills_csv(path, meter_bills(properties), protected=protected)


def stream_bills_csv(path: Path, meters: Iterable[MeterBills], *, protected: Sequence[Path] = ()) -> int:
    """write_bills_csv from a stream of meters."""
    count = 0
    with atomic_write(path, mode="w", encoding="utf-8-sig", newline="", protected=protected) as fh:
        writer = csv.writer(fh)
        writer.writerow(BILL_HEADERS)
        writerow = writer.writerow
        for line in meters:
            prefix = tuple(_csv_value(v) for v in _bill_prefix(line))
            unit = _csv_value(unit_label(line.meter.energy_type, line.meter.unit))
            # Stored dates are already ISO text and floats are written with repr, as _csv_value does.
            for start, end, usage, cost, estimated in line.bills:
                writerow((*prefix, start, end, usage, unit, _cost_text(cost), "Yes" if estimated else "No"))
                count += 1
    return count


def write_portfolio_workbook(
    path: Path, properties: Iterable[ExportProperty], *, protected: Sequence[Path] = ()
) -> int:
    """Properties, Meters and Bills sheets; the Bills sheet reads back as an ESPM Meter Entries export."""
    props = list(properties)
    return stream_portfolio_workbook(path, props, meter_bills(props), protected=protected)


def stream_portfolio_workbook(
    path: Path,
    properties: Sequence[ExportProperty],
    meters: Iterable[MeterBills],
    *,
    protected: Sequence[Path] = (),
) -> int:
    """write_portfolio_workbook with the bills from a stream (the properties' own bills are not read)."""
    with atomic_workbook_path(path, protected=protected) as partial:
        return _fill_portfolio_workbook(partial, properties, meters)


def _fill_portfolio_workbook(
    path: Path, props: Sequence[ExportProperty], meters: Iterable[MeterBills]
) -> int:
    book = Workbook(write_only=True)
    with _sheets_closed_on_error(book):
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
        to_date = date.fromisoformat
        for line in meters:
            prefix = _bill_prefix(line)
            unit = unit_label(line.meter.energy_type, line.meter.unit)
            plain = not _has_formula_text(prefix)
            for start, end, usage, cost, estimated in line.bills:
                row = [
                    *prefix,
                    to_date(start),
                    to_date(end),
                    usage,
                    unit,
                    _cost_number(cost),
                    "Yes" if estimated else "No",
                ]
                # Plain values are written as _cells would write them (dates get the same yyyy-mm-dd format).
                ws.append(row if plain else _cells(ws, row))
                count += 1
        book.save(path)
        return count
