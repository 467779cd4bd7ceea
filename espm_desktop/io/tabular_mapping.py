"""Any CSV or workbook of bills, read through a ColumnMapping (field → column header) the UI remembers.

`propose_mapping` guesses the mapping from the headers (case/accent-insensitive, French and English);
`fixed` values fill fields the file does not carry (e.g. every row is the natural-gas meter 'Compteur 1',
unit m³), so a utility's one-meter CSV imports without editing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from espm_desktop.core.i18n import message
from espm_desktop.core.numbers import DecimalMark
from espm_desktop.io.bill_fields import Field, field_for_header, field_labels, header_key
from espm_desktop.io.file_limits import ImportFileError
from espm_desktop.io.import_plan import SheetPlan, run_plans
from espm_desktop.io.import_types import FileKind, ImportBatch
from espm_desktop.io.parse_values import CellValue, DateOrder, text_of
from espm_desktop.io.tables import Sheet, TableFile, is_empty_row

HEADER_SCAN_ROWS = 30


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which source column (by its header text) holds each field, plus fixed values for absent fields."""

    columns: dict[str, str] = field(default_factory=dict)
    """Field value (e.g. 'start') → header text as in the file."""
    fixed: dict[str, str] = field(default_factory=dict)
    """Field value → text used on every row (e.g. 'unit' → 'cm (cubic meters)')."""
    sheet: str | None = None
    header_row: int | None = None
    """1-based row of the headers; None = found automatically."""

    def to_json(self) -> str:
        return json.dumps(
            {
                "columns": self.columns,
                "fixed": self.fixed,
                "sheet": self.sheet,
                "header_row": self.header_row,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        data = json.loads(text)
        return cls(
            columns={str(k): str(v) for k, v in dict(data.get("columns", {})).items()},
            fixed={str(k): str(v) for k, v in dict(data.get("fixed", {})).items()},
            sheet=data.get("sheet"),
            header_row=data.get("header_row"),
        )


def propose_mapping(headers: list[CellValue]) -> dict[str, str]:
    """Field value → header text, for every header that names a known field (first match wins)."""
    proposed: dict[str, str] = {}
    for header in headers:
        f = field_for_header(header)
        if f is not None and f.value not in proposed:
            proposed[f.value] = text_of(header)
    return proposed


def find_header_row(sheet: Sheet, scan: int = HEADER_SCAN_ROWS) -> int:
    """0-based index of the row naming the most known fields; the first non-empty row if none does."""
    best, best_score = None, 0
    first_non_empty = None
    for i, row in enumerate(sheet.rows[:scan]):
        if is_empty_row(row):
            continue
        if first_non_empty is None:
            first_non_empty = i
        score = len(propose_mapping(row))
        if score > best_score:
            best, best_score = i, score
    if best is not None:
        return best
    return first_non_empty if first_non_empty is not None else 0


def _pick_sheet(table: TableFile, name: str | None) -> Sheet:
    if name is not None:
        sheet = table.sheet(name)
        if sheet is None:
            raise ImportFileError(
                table.file_name,
                message(
                    "The sheet '{sheet}' is not in the file (sheets: {sheets}).",
                    sheet=name,
                    sheets=", ".join(s.name for s in table.sheets),
                ),
            )
        return sheet
    for sheet in table.sheets:
        if any(not is_empty_row(r) for r in sheet.rows):
            return sheet
    raise ImportFileError(
        table.file_name, message("The file holds no data. Expected a table of bills with a header row.")
    )


def _field_of(key: str, file: str) -> Field:
    try:
        return Field(key)
    except ValueError:
        raise ImportFileError(
            file, message("Unknown field '{key}' in the column mapping.", key=key)
        ) from None


def plan_with_mapping(table: TableFile, mapping: ColumnMapping) -> SheetPlan:
    sheet = _pick_sheet(table, mapping.sheet)
    header_index = mapping.header_row - 1 if mapping.header_row else find_header_row(sheet)
    top = sheet.rows[: header_index + 1]
    headers = top[header_index] if header_index < len(top) else []
    by_key = {header_key(h): i for i, h in reversed(list(enumerate(headers))) if text_of(h)}
    columns: dict[Field, int] = {}
    missing: list[str] = []
    for key, header in mapping.columns.items():
        if not header:
            continue
        f = _field_of(key, table.file_name)
        index = by_key.get(header_key(header))
        if index is None:
            missing.append(header)
        else:
            columns[f] = index
    if missing:
        raise ImportFileError(
            table.file_name,
            message(
                "Sheet '{sheet}' has no column {columns} (row {row} was read as the header row). Choose the "
                "columns again.",
                sheet=sheet.name,
                columns=", ".join(repr(m) for m in missing),
                row=str(header_index + 1),
            ),
        )
    fixed = {_field_of(k, table.file_name): v for k, v in mapping.fixed.items() if v}
    has_dates = Field.DELIVERY_DATE in columns or all(
        f in columns or f in fixed for f in (Field.START, Field.END)
    )
    absent = [f for f in (Field.USAGE, Field.UNIT) if f not in columns and f not in fixed] + (
        [] if has_dates else [Field.START, Field.END]
    )
    if (
        Field.PROPERTY_NAME not in columns
        and Field.PROPERTY_ID not in columns
        and not (Field.PROPERTY_NAME in fixed or Field.PROPERTY_ID in fixed)
    ):
        absent.append(Field.PROPERTY_NAME)
    if absent:
        raise ImportFileError(
            table.file_name,
            message(
                "The mapping gives no column or value for: {fields}. Choose a column or type a value for each.",
                fields=field_labels(absent),
            ),
        )
    return SheetPlan(sheet, header_index, columns, fixed=fixed)


def read_with_mapping(
    table: TableFile,
    mapping: ColumnMapping,
    date_order: DateOrder | None = None,
    decimal_mark: DecimalMark = DecimalMark.POINT,
) -> ImportBatch:
    """Bills of one sheet read through `mapping`."""
    batch = ImportBatch(table.file_name, FileKind.GENERIC)
    run_plans(batch, table, [plan_with_mapping(table, mapping)], date_order, decimal_mark)
    return batch
