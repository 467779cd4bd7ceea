"""Read a workbook or a CSV file into plain rows of cell values, fast, with clear errors for wrong files.

Workbooks go through python-calamine: it reads the cells actually present, so a sheet whose stored
dimension is wrong or missing (ESPM's PM_Meter_Data.xlsx has none) is still read whole, and it is
about 15 times faster than openpyxl. openpyxl is only opened to read the text of formulas that were saved
without a cached value (see `formula_texts`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from espm_desktop.io.parse_values import CellValue
from espm_desktop.io.xlsx_slices import read_sheet_in_slices

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})


class ImportFileError(Exception):
    """A file that cannot be imported at all (unreadable, wrong kind, no usable sheet)."""

    def __init__(self, file: str, message_en: str, message_fr: str) -> None:
        super().__init__(f"{file}: {message_en}")
        self.file = file
        self.message_en = message_en
        self.message_fr = message_fr

    def message(self, language: str) -> str:
        return self.message_fr if language.startswith("fr") else self.message_en


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet (or a whole CSV file) as rows; rows[i] is spreadsheet row i + 1."""

    name: str
    rows: list[list[CellValue]]


@dataclass(frozen=True, slots=True)
class TableFile:
    """A file opened for import: its path, its sheets, and whether text numbers use a decimal comma."""

    path: Path
    sheets: list[Sheet]
    is_csv: bool = False
    csv_delimiter: str = ","

    @property
    def file_name(self) -> str:
        return self.path.name

    def sheet(self, name: str) -> Sheet | None:
        for s in self.sheets:
            if s.name == name:
                return s
        return None


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


def _sniff_kind(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ImportFileError(
            path.name,
            f"The file cannot be opened ({exc.strerror or exc}). Check that it exists and is not open "
            "elsewhere.",
            f"Le fichier ne peut pas être ouvert ({exc.strerror or exc}). Vérifiez qu'il existe et qu'il "
            "n'est pas ouvert ailleurs.",
        ) from None
    if not head:
        raise ImportFileError(
            path.name,
            "The file is empty. Export the bills again from Portfolio Manager or your spreadsheet.",
            "Le fichier est vide. Exportez à nouveau les factures depuis Portfolio Manager ou votre tableur.",
        )
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"%PDF"):
        raise ImportFileError(
            path.name,
            "This is a PDF document, not a spreadsheet. Import an Excel (.xlsx) or CSV file of the bills; "
            "PDF bills must be typed in.",
            "Ce fichier est un document PDF, pas un tableur. Importez un fichier Excel (.xlsx) ou CSV des "
            "factures; les factures PDF doivent être saisies à la main.",
        )
    return "text"


def _wrong_file(path: Path, detail: str) -> ImportFileError:
    return ImportFileError(
        path.name,
        f"The file is not a readable Excel workbook ({detail}). Expected an .xlsx file exported from "
        "Portfolio Manager or a spreadsheet, or a CSV file.",
        f"Le fichier n'est pas un classeur Excel lisible ({detail}). Attendu : un fichier .xlsx exporté "
        "de Portfolio Manager ou d'un tableur, ou un fichier CSV.",
    )


def read_workbook(path: Path, only: Iterable[str] | None = None) -> TableFile:
    """All sheets (or the named ones) of a workbook, by calamine."""
    kind = _sniff_kind(path)
    if kind == "text":
        raise _wrong_file(path, "it contains plain text")
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several private error types
        raise _wrong_file(path, str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__) from None
    wanted = set(only) if only is not None else None
    sheets: list[Sheet] = []
    try:
        for name in book.sheet_names:
            if wanted is not None and name not in wanted:
                continue
            convert = _row_converter()
            rows = read_sheet_in_slices(path, name, convert) if kind == "zip" else None
            if rows is None:
                raw = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                rows = [convert(row) for row in raw]
                del raw
            sheets.append(Sheet(name, rows))
    except Exception as exc:
        raise _wrong_file(path, str(exc)[:120]) from None
    finally:
        book.close()
    return TableFile(path, sheets)


def sheet_names(path: Path) -> list[str]:
    kind = _sniff_kind(path)
    if kind == "text":
        return [path.stem]
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise _wrong_file(path, str(exc)[:120]) from None
    names = list(book.sheet_names)
    book.close()
    return names


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _unquote(value: str) -> str:
    # Our CSV export (and OWASP advice) prefixes a quote to text a spreadsheet would run as a formula.
    return (
        value[1:]
        if value.startswith("'") and value[1:2].startswith(_FORMULA_TRIGGERS) and len(value) > 1
        else value
    )


def read_csv(path: Path) -> TableFile:
    """A CSV file as one sheet of text cells; the delimiter (, ; tab) is detected."""
    kind = _sniff_kind(path)
    if kind != "text":
        raise ImportFileError(
            path.name,
            "The file has a .csv name but holds a workbook or binary data. Rename it to .xlsx or export it "
            "again as CSV.",
            "Le fichier porte l'extension .csv mais contient un classeur ou des données binaires. "
            "Renommez-le en .xlsx ou exportez-le à nouveau en CSV.",
        )
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise _wrong_file(path, "binary data")
    sample = "\n".join(text.splitlines()[:50])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", ";", "\t")}
        delimiter = max(counts, key=lambda d: counts[d])
    rows: list[list[CellValue]] = [
        [_unquote(v) for v in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    return TableFile(path, [Sheet(path.stem, rows)], is_csv=True, csv_delimiter=delimiter)


def read_table_file(path: Path) -> TableFile:
    """A workbook or a CSV file by its content (a renamed file is still recognised)."""
    kind = _sniff_kind(path)
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


def is_empty_row(row: list[CellValue]) -> bool:
    for v in row:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        return False
    return True
