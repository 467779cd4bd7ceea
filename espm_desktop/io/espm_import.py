"""Import bills from a file: detect what the file is and hand it to the right reader.

    inspect_file(path)                       → FileInspection (kind, headers, proposed mapping) for the dialog
    read_bills_file(path, mapping=, date_order=) → ImportBatch

Errors a whole file causes raise ImportFileError (its message names the file and what was
expected); AmbiguousDateFormat asks the user for DD/MM vs MM/DD; MappingRequired asks for the columns of
a file that is not an ESPM spreadsheet. Row-level problems never raise: they are in ImportBatch.errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from espm_desktop.core.i18n import current_language, message
from espm_desktop.core.numbers import DecimalMark, decimal_mark_for
from espm_desktop.io.bill_fields import Field
from espm_desktop.io.espm_bill_template import is_bill_template, read_bill_template
from espm_desktop.io.espm_meter_entries import plan_meter_entries_sheet, read_meter_entries
from espm_desktop.io.import_types import (
    AmbiguousDateFormat,
    FileKind,
    ImportBatch,
    ImportedMeter,
    ImportedProperty,
    ImportRow,
    MappingRequired,
    RowError,
    SkippedRow,
)
from espm_desktop.io.parse_values import DateOrder, text_of
from espm_desktop.io.sheets import ImportFileError, TableFile, grouped_notices, is_empty_row, read_table_file
from espm_desktop.io.tabular_mapping import ColumnMapping, find_header_row, propose_mapping, read_with_mapping

__all__ = [
    "AmbiguousDateFormat",
    "ColumnMapping",
    "DateOrder",
    "DecimalMark",
    "Field",
    "FileInspection",
    "FileKind",
    "ImportBatch",
    "ImportFileError",
    "ImportRow",
    "ImportedMeter",
    "ImportedProperty",
    "MappingRequired",
    "RowError",
    "SkippedRow",
    "detect_file_kind",
    "inspect_file",
    "propose_mapping",
    "read_bills_file",
    "read_table",
]


@dataclass(frozen=True, slots=True)
class FileInspection:
    """What the import dialog shows before reading: the kind, and for generic files the headers and "
    "a guess."""

    file: str
    kind: FileKind
    sheet_names: tuple[str, ...]
    sheet: str
    header_row: int
    """1-based."""
    headers: tuple[str, ...]
    proposed: dict[str, str]


def read_table(path: Path) -> TableFile:
    """The file's sheets as cell rows (raises ImportFileError for an unreadable or empty file)."""
    table = read_table_file(Path(path))
    if all(is_empty_row(r) for s in table.sheets for r in s.rows):
        raise ImportFileError(
            table.file_name,
            message(
                "The file holds no data. Expected an ESPM 'Meter Entries' export, an ESPM 'Add Bills' "
                "template, or a table of bills with a header row."
            ),
        )
    return table


def detect_file_kind(table: TableFile) -> FileKind:
    if not table.is_csv and is_bill_template(table):
        return FileKind.BILL_TEMPLATE
    for sheet in table.sheets:
        if plan_meter_entries_sheet(sheet) is not None and sheet.name.casefold() not in (
            "properties",
            "meters",
        ):
            return FileKind.METER_ENTRIES
    return FileKind.GENERIC


def inspect_file(path: Path) -> FileInspection:
    table = read_table(path)
    kind = detect_file_kind(table)
    sheet = next((s for s in table.sheets if any(not is_empty_row(r) for r in s.rows)), table.sheets[0])
    header_index = find_header_row(sheet)
    top = sheet.rows[: header_index + 1]
    headers = top[header_index] if header_index < len(top) else []
    return FileInspection(
        file=table.file_name,
        kind=kind,
        sheet_names=tuple(s.name for s in table.sheets),
        sheet=sheet.name,
        header_row=header_index + 1,
        headers=tuple(text_of(h) for h in headers),
        proposed=propose_mapping(headers),
    )


def read_bills_file(
    path: Path,
    *,
    mapping: ColumnMapping | None = None,
    date_order: DateOrder | None = None,
    table: TableFile | None = None,
    decimal_mark: DecimalMark | None = None,
) -> ImportBatch:
    """Every bill of the file. A mapping forces the generic reader; without one an ESPM layout is required.

    `decimal_mark` is the importer's, the mark of the language they use (core.i18n) when None: it reads an
    ambiguous '1,234' in a file whose numbers show no mark (core.numbers, rule 6).
    Raises ImportFileError, AmbiguousDateFormat (call again with `date_order`) or MappingRequired.
    """
    table = table if table is not None else read_table(path)
    mark = decimal_mark if decimal_mark is not None else decimal_mark_for(current_language())
    batch = _read_batch(table, mapping, date_order, mark)
    batch.notices = grouped_notices(table.notices)
    return batch


def _read_batch(
    table: TableFile, mapping: ColumnMapping | None, date_order: DateOrder | None, decimal_mark: DecimalMark
) -> ImportBatch:
    if mapping is not None:
        return read_with_mapping(table, mapping, date_order, decimal_mark)
    kind = detect_file_kind(table)
    if kind is FileKind.BILL_TEMPLATE:
        return read_bill_template(table, date_order, decimal_mark)
    if kind is FileKind.METER_ENTRIES:
        return read_meter_entries(table, date_order, decimal_mark)
    if table.sheet("Meter Entries") is not None:
        return read_meter_entries(table, date_order, decimal_mark)  # raises the precise missing-columns error
    inspection_sheet = next(s for s in table.sheets if any(not is_empty_row(r) for r in s.rows))
    header_index = find_header_row(inspection_sheet)
    headers = inspection_sheet.rows[header_index]
    raise MappingRequired(
        table.file_name, inspection_sheet.name, [text_of(h) for h in headers], propose_mapping(headers)
    )
