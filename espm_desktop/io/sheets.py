"""Read a workbook or a CSV file into plain rows of cell values, fast, with clear errors for wrong files.

Workbooks go through python-calamine: it reads the cells actually present, so a sheet whose stored
dimension is wrong or missing (ESPM's PM_Meter_Data.xlsx has none) is still read whole, and it is
about 15 times faster than openpyxl. openpyxl is only opened to read the text of formulas that were saved
without a cached value (see `formula_texts`).

CSV files are read by io.csv_files (streamed); this module reads workbooks and picks the reader by content.

Every file passes `file_limits` first (size, zip directory, each sheet's extent): a reader library must
never see a file that can make it abort the process. Only .xlsx/.xlsm workbooks are read; .xls, .xlsb and
.ods are refused with a message saying to save them as .xlsx, because their cells cannot be bounded
before calamine reads them. Hidden and very hidden sheets are not read: the user never saw their rows.
They are listed in `TableFile.notices`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from espm_desktop.core.i18n import Message, message
from espm_desktop.io.csv_files import detect_text_encoding, read_csv
from espm_desktop.io.file_limits import ImportFileError, open_checked_zip, workbook_sheets
from espm_desktop.io.parse_values import CellValue
from espm_desktop.io.sheet_extent import scan_sheet_extent
from espm_desktop.io.tables import (
    CSV_SUFFIXES,
    WORKBOOK_SUFFIXES,
    FileNotice,
    Sheet,
    TableFile,
    grouped_notices,
    hidden_sheet_notice,
    is_empty_row,
    is_reader_crash,
    reader_failure,
    sniff_kind,
    wrong_file,
)
from espm_desktop.io.xlsx_slices import read_sheet_in_slices

__all__ = [
    "CSV_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "FileNotice",
    "ImportFileError",
    "Sheet",
    "TableFile",
    "detect_text_encoding",
    "grouped_notices",
    "hidden_sheet_notice",
    "is_empty_row",
    "read_csv",
    "read_table_file",
    "read_workbook",
]


def _clean(value: Any) -> CellValue:
    if isinstance(value, time):
        return None if value == time(0) else value.isoformat()
    if isinstance(value, str | float | int | bool | date | timedelta) or value is None:
        return value
    return str(value)


_PLAIN_TYPES = frozenset({str, float, int, bool, date, datetime, timedelta})
_SHARED_TYPES = (str, date)
"""Kinds of cells kept once per distinct value: a date equals no other kind of cell, a string neither."""
_SHARED_MAX = 200_000


class _CellValues(dict[Any, Any]):
    """Each distinct string or date of a sheet kept once, read through `dict.__getitem__` at C speed.

    calamine makes a new Python object per cell: an ESPM export repeats 'Not Available' and the property,
    meter and unit labels in every row, which made the cells of a 120,000-row sheet take ~250 MB. Numbers
    are not shared (1.0 == True would mix kinds) and only looked at here to clean odd cell types.
    """

    def __missing__(self, value: Any) -> CellValue:
        kind = type(value)
        if kind in _SHARED_TYPES:
            if len(self) < _SHARED_MAX:
                self[value] = value
            return value  # type: ignore[no-any-return]
        if kind in _PLAIN_TYPES:
            return value  # type: ignore[no-any-return]
        return _clean(value)


def _row_converter() -> Callable[[list[Any]], list[CellValue]]:
    shared = _CellValues().__getitem__

    def convert(row: list[Any]) -> list[CellValue]:
        return list(map(shared, row))

    return convert


def _refuse_format(path: Path, what: Message) -> ImportFileError:
    return ImportFileError(
        path.name,
        message(
            "This is {what}; ESPM Desktop reads Excel .xlsx workbooks and CSV files. Open it in Excel or "
            "LibreOffice and save it as an Excel workbook (.xlsx), then import that file.",
            what=what,
        ),
    )


def _other_zip_format(path: Path, names: set[str]) -> ImportFileError:
    if "mimetype" in names or "content.xml" in names:
        return _refuse_format(path, message("an OpenDocument spreadsheet (.ods)"))
    if any(n.endswith(".bin") and "workbook" in n for n in names):
        return _refuse_format(path, message("an Excel binary workbook (.xlsb)"))
    return wrong_file(path, "no workbook inside the zip")


_XLS = message("an Excel 97-2003 workbook (.xls)")


def read_workbook(path: Path, only: Iterable[str] | None = None) -> TableFile:
    """The visible sheets (or the named ones) of an .xlsx workbook, by calamine, after `file_limits`."""
    kind = sniff_kind(path)
    if kind == "text":
        raise wrong_file(path, "it contains plain text")
    if kind == "ole":
        raise _refuse_format(path, _XLS)
    try:
        return _read_checked_workbook(path, only)
    except BaseException as exc:
        if not is_reader_crash(exc):
            raise
        raise reader_failure(path, exc) from None


def _read_checked_workbook(path: Path, only: Iterable[str] | None) -> TableFile:
    wanted = set(only) if only is not None else None
    with open_checked_zip(path) as zf:
        parts = workbook_sheets(path, zf)
        if not parts:
            raise _other_zip_format(path, set(zf.NameToInfo))
        notices: list[FileNotice] = []
        to_read = []
        for part in parts:
            if wanted is not None and part.name not in wanted:
                continue
            if part.state in ("hidden", "veryHidden"):
                notices.append(hidden_sheet_notice(path.name, part.name, part.state))
                continue
            scan_sheet_extent(path, zf, part)
            to_read.append(part.name)
    book = CalamineWorkbook.from_path(str(path))
    sheets: list[Sheet] = []
    try:
        known = set(book.sheet_names)
        for name in to_read:
            if name not in known:
                continue
            convert = _row_converter()
            rows = read_sheet_in_slices(path, name, convert)
            if rows is None:
                raw = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                rows = [convert(row) for row in raw]
                del raw
            sheets.append(Sheet(name, rows))
    finally:
        book.close()
    if not sheets and notices:
        raise ImportFileError(
            path.name,
            message(
                "Every sheet of the workbook is hidden; nothing was imported. Unhide the sheet of bills in "
                "Excel (right-click a sheet tab > Unhide), save, and import the file again."
            ),
        )
    return TableFile(path, sheets, notices=tuple(notices))


def sheet_names(path: Path) -> list[str]:
    """The names of the visible sheets (the file's stem for a CSV file)."""
    kind = sniff_kind(path)
    if kind == "text":
        return [path.stem]
    if kind == "ole":
        raise _refuse_format(path, _XLS)
    try:
        with open_checked_zip(path) as zf:
            parts = workbook_sheets(path, zf)
            if not parts:
                raise _other_zip_format(path, set(zf.NameToInfo))
    except BaseException as exc:
        if not is_reader_crash(exc):
            raise
        raise reader_failure(path, exc) from None
    return [p.name for p in parts if p.state not in ("hidden", "veryHidden")]


def read_table_file(path: Path) -> TableFile:
    """A workbook or a CSV file by its content (a renamed file is still recognised)."""
    kind = sniff_kind(path)
    if kind == "text":
        return read_csv(path)
    return read_workbook(path)


def formula_texts(path: Path, sheet: str, cells: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The formula text ('=G5-1') of the given (row, column) cells, both 1-based, read by openpyxl.

    Only needed for formulas saved without a cached value (files written by scripts); calamine shows
    those as empty cells.
    """
    import openpyxl

    if not cells:
        return {}
    wanted = set(cells)
    max_row = max(r for r, _ in cells)
    found: dict[tuple[int, int], str] = {}
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        ws = book[sheet]
        for r_index, row in enumerate(ws.iter_rows(max_row=max_row), start=1):
            for cell in row:
                col = getattr(cell, "column", None)
                if col is None or (r_index, col) not in wanted:
                    continue
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    found[(r_index, col)] = cell.value
    finally:
        book.close()
    return found
