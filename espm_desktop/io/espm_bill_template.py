"""ESPM "Add Bills to Existing Meters – Upload Template" (Add_Bills_to_Meters.xlsx), read and written layout.

Header row 1, header texts with line breaks ("Start Date\\n(Required)"). Energy bills live on three sheets;
the other `Add Bills-…` sheets (water, IT, flow, on-site) are not energy bills and their rows are skipped.
A row carrying a Meter Consumption ID is an entry already in ESPM and is skipped. Usage cells are often
text; end dates are often formulas (`=G5-1`, the day before the next bill starts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from espm_desktop.core.i18n import message
from espm_desktop.core.numbers import DecimalMark
from espm_desktop.io.bill_fields import Field, match_headers
from espm_desktop.io.import_plan import SheetPlan, run_plans
from espm_desktop.io.import_types import FileKind, ImportBatch, SkippedRow
from espm_desktop.io.parse_values import CellValue, DateOrder, ValueParseError, parse_date
from espm_desktop.io.sheets import ImportFileError, Sheet, TableFile, formula_texts, is_empty_row

SHEET_ELECTRICITY = "Add Bills-Electricity"
SHEET_NON_ELECTRIC = "Add Bills-Non Electric"
SHEET_DELIVERY = "Add Bills-Delivery"
ENERGY_SHEETS = (SHEET_ELECTRICITY, SHEET_NON_ELECTRIC, SHEET_DELIVERY)
SHEET_PREFIX = "Add Bills-"

# Header texts exactly as ESPM's template v2.0 writes them (copied from Add_Bills_to_Meters.xlsx).
COMMON_HEADERS = (
    "Meter ID\n(Pre-filled)",
    "Meter Consumption ID\n(Pre-filled)",
    "Portfolio Manager ID\n(Pre-filled)",
    "Property  Name\n(Pre-filled)",
    "Meter Name\n(Pre-filled)",
    "Meter Type\n(Pre-filled)",
)
TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    SHEET_ELECTRICITY: COMMON_HEADERS
    + (
        "Start Date\n(Required)",
        "End Date\n(Required)",
        "Usage\n(Required)",
        "Meter Unit\n(Pre-filled)",
        "Cost\n(Optional)",
        "Demand (kW) (Optional)",
        "Demand Cost ($) (Optional)",
        "Estimation (Required)",
        "Green Power?\n(Required)",
        "Green Power Quantity\n(Required, if Green Power)",
        "Generation Location\n(Required, if you have Green Power)",
        "Generation Facility ID\n(Required, if known)",
        "eGRID Subregion or Province\n(Required, if known)",
        "Fuel Source- Biogas % (Optional)",
        "Fuel Source- Biomass % (Optional)",
        "Fuel Source- Geothermal % (Optional)",
        "Fuel Source- Small Hydropower %  (Optional)",
        "Fuel Source- Solar % (Optional)",
        "Fuel Source - Wind % (Optional)",
        "Fuel Source- Unknown % (Optional)",
    ),
    SHEET_NON_ELECTRIC: COMMON_HEADERS
    + (
        "Start Date\n(Required)",
        "End Date\n(Required)",
        "Quantity\n(Required)",
        "Meter Unit\n(Pre-filled)",
        "Cost\n(Optional)",
        "Estimation (Required)",
    ),
    SHEET_DELIVERY: COMMON_HEADERS
    + (
        "Delivery Date\n(Required)",
        "Quantity\n(Required)",
        "Meter Unit\n(Pre-filled)",
        "Cost\n(Optional)",
        "Estimation (Required)",
    ),
}

# The other bill sheets, in the sample's order, written with their headers so the upload file keeps
# ESPM's layout. Water, IT energy and flow share the Non Electric layout with 'Usage'.
_USAGE_LAYOUT = COMMON_HEADERS + (
    "Start Date\n(Required)",
    "End Date\n(Required)",
    "Usage\n(Required)",
    "Meter Unit\n(Pre-filled)",
    "Cost\n(Optional)",
    "Estimation (Required)",
)
OTHER_TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    "Add Bills-Water": _USAGE_LAYOUT,
    "Add Bills-IT Energy": _USAGE_LAYOUT,
    "Add Bills-Flow": _USAGE_LAYOUT,
    "Add Bills-On-Site": COMMON_HEADERS
    + (
        "Start Date\n(Required)",
        "End Date\n(Required)",
        "Energy Used On-Site\n(Required)",
        "Energy Exported Off-Site\n(Required)",
        "Cost\n(Optional)",
        "Meter Unit\n(Pre-filled)",
        "Estimation (Required)",
        "REC Ownership (Required)",
        "Generation Location\n(Required for Arbitrage)",
        "eGRID Subregion or Province\n"
        "(Required for Arbitrage if your Generation Location is an eGRID region)",
        "Generation Facility ID\n(Required for Arbitrage if your Generation Location is a specific plant)",
    ),
}
SHEET_ORDER = (
    SHEET_ELECTRICITY,
    SHEET_NON_ELECTRIC,
    "Add Bills-Water",
    "Add Bills-IT Energy",
    "Add Bills-Flow",
    "Add Bills-On-Site",
    SHEET_DELIVERY,
)
"""Sheet order of ESPM's template v2.0 (after 'Instructions')."""
TEMPLATE_TITLE = "Add Bills to Existing Meters - Upload Template"
TEMPLATE_VERSION = "v 2.0"

_SIMPLE_FORMULA = re.compile(r"^=\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*(?:([+-])\s*(\d+(?:\.0+)?))?\s*$")


def is_bill_template(table: TableFile) -> bool:
    for name in ENERGY_SHEETS:
        sheet = table.sheet(name)
        if sheet is not None and sheet.rows:
            columns = match_headers(sheet.rows[0])
            if Field.METER_ID in columns and (Field.START in columns or Field.DELIVERY_DATE in columns):
                return True
    return False


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def evaluate_simple_formula(
    formula: str, rows: Sequence[list[CellValue]], formulas: dict[tuple[int, int], str], depth: int = 0
) -> date | None:
    """Value of `=<cell>±N` on a date cell; None for any other formula or a missing referenced date."""
    m = _SIMPLE_FORMULA.match(formula)
    if m is None or depth > 20:
        return None
    row, col = int(m.group(2)) - 1, _column_index(m.group(1))
    offset = int(float(m.group(4))) if m.group(4) else 0
    if m.group(3) == "-":
        offset = -offset
    referenced: CellValue = rows[row][col] if row < len(rows) and col < len(rows[row]) else None
    base: date | None = None
    if (referenced is None or referenced == "") and (row + 1, col + 1) in formulas:
        base = evaluate_simple_formula(formulas[(row + 1, col + 1)], rows, formulas, depth + 1)
    elif referenced not in (None, ""):
        try:
            base = parse_date(referenced)
        except ValueParseError:
            base = None
    return base + timedelta(days=offset) if base is not None else None


def fill_uncached_formulas(table: TableFile, sheet: Sheet, columns: list[int], header_index: int) -> None:
    """Compute date formulas saved without a cached value (calamine shows them as empty cells).

    ESPM and Excel save cached values, so this only costs an openpyxl pass for files written by scripts.
    """
    blanks: list[tuple[int, int]] = []
    for i in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[i]
        if is_empty_row(row):
            continue
        for c in columns:
            if c >= len(row) or row[c] is None or row[c] == "":
                blanks.append((i + 1, c + 1))
    if not blanks or table.is_csv:
        return
    # Referenced cells may be formulas too (a chain of end dates): read every formula of those columns.
    formulas = formula_texts(table.path, sheet.name, blanks)
    for (r, c), text in formulas.items():
        value = evaluate_simple_formula(text, sheet.rows, formulas)
        if value is not None:
            row = sheet.rows[r - 1]
            while len(row) < c:
                row.append("")
            row[c - 1] = value


def read_bill_template(
    table: TableFile, date_order: DateOrder | None = None, decimal_mark: DecimalMark = DecimalMark.POINT
) -> ImportBatch:
    """Bills of the three energy sheets of an 'Add Bills to Existing Meters' template."""
    batch = ImportBatch(table.file_name, FileKind.BILL_TEMPLATE)
    plans: list[SheetPlan] = []
    for sheet in table.sheets:
        if not sheet.name.startswith(SHEET_PREFIX) or not sheet.rows:
            continue
        if sheet.name not in ENERGY_SHEETS:
            reason = message(
                "Sheet '{sheet}' does not hold energy bills (water, IT, flow and on-site generation are not "
                "imported).",
                sheet=sheet.name,
            )
            for number, row in enumerate(sheet.rows[1:], start=2):
                if not is_empty_row(row):
                    batch.skipped.append(SkippedRow(table.file_name, sheet.name, number, reason))
            continue
        columns = match_headers(sheet.rows[0])
        needed = [Field.USAGE, Field.UNIT] + (
            [Field.DELIVERY_DATE] if sheet.name == SHEET_DELIVERY else [Field.START, Field.END]
        )
        missing = [f for f in needed if f not in columns]
        if missing:
            expected = ", ".join(h.split("\n")[0] for h in TEMPLATE_HEADERS[sheet.name][6:10])
            raise ImportFileError(
                table.file_name,
                message(
                    "Sheet '{sheet}' lacks the columns {columns}. Expected ESPM's 'Add Bills to Existing Meters' "
                    "template with headers in row 1 ({expected}…).",
                    sheet=sheet.name,
                    columns=", ".join(missing),
                    expected=expected,
                ),
            )
        date_columns = [columns[f] for f in (Field.START, Field.END, Field.DELIVERY_DATE) if f in columns]
        fill_uncached_formulas(table, sheet, date_columns, 0)
        plans.append(SheetPlan(sheet, 0, columns, skip_existing_entries=True))
    run_plans(batch, table, plans, date_order, decimal_mark)
    return batch
