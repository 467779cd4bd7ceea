"""Read a workbook or a CSV file into plain rows of cell values, fast, with clear errors for wrong files.

Workbooks go through python-calamine: it reads the cells actually present, so a sheet whose stored
dimension is wrong or missing (ESPM's PM_Meter_Data.xlsx has none) is still read whole, and it is
about 15 times faster than openpyxl. openpyxl is only opened to read the text of formulas that were saved
without a cached value (see `formula_texts`).

Every file passes `file_limits` first (size, zip directory, each sheet's extent): a reader library must
never see a file that can make it abort the process. Only .xlsx/.xlsm workbooks are read; .xls, .xlsb and
.ods are refused with a message saying to save them as .xlsx, because their cells cannot be bounded
before calamine reads them. Hidden and very hidden sheets are not read: the user never saw their rows.
They are listed in `TableFile.notices`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from espm_desktop.io.file_limits import (
    ImportFileError,
    cannot_open,
    check_csv_file,
    open_checked_zip,
    scan_sheet_extent,
    workbook_sheets,
)
from espm_desktop.io.parse_values import CellValue
from espm_desktop.io.xlsx_slices import read_sheet_in_slices

__all__ = [
    "FileNotice",
    "ImportFileError",
    "Sheet",
    "TableFile",
    "read_csv",
    "read_table_file",
    "read_workbook",
]

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})


@dataclass(frozen=True, slots=True)
class FileNotice:
    """Something the user should know about a file that was read anyway (a hidden sheet left out)."""

    file: str
    sheet: str
    message_en: str
    message_fr: str

    def message(self, language: str) -> str:
        return self.message_fr if language.startswith("fr") else self.message_en


def hidden_sheet_notice(file: str, sheet: str, state: str) -> FileNotice:
    very = state == "veryHidden"
    return FileNotice(
        file,
        sheet,
        f"{file}: sheet '{sheet}' is {'very hidden' if very else 'hidden'} and was not imported. "
        "To import it, unhide it in Excel (right-click a sheet tab > Unhide) and import the file again.",
        f"{file} : la feuille « {sheet} » est {'très masquée' if very else 'masquée'} et n'a pas été "
        "importée. Pour l'importer, affichez-la dans Excel (clic droit sur un onglet > Afficher) et "
        "importez de nouveau le fichier.",
    )


def grouped_notices(notices: tuple[FileNotice, ...] | list[FileNotice]) -> list[FileNotice]:
    """One notice per file: ESPM's own upload template hides ten helper sheets, which is one thing to say."""
    by_file: dict[str, list[FileNotice]] = {}
    for notice in notices:
        by_file.setdefault(notice.file, []).append(notice)
    grouped: list[FileNotice] = []
    for file, items in by_file.items():
        if len(items) == 1:
            grouped.append(items[0])
            continue
        names = ", ".join(f"'{n.sheet}'" for n in items[:6]) + (", …" if len(items) > 6 else "")
        noms = ", ".join(f"« {n.sheet} »" for n in items[:6]) + (", …" if len(items) > 6 else "")
        grouped.append(
            FileNotice(
                file,
                "",
                f"{file}: {len(items)} hidden sheets were not imported ({names}). To import one, unhide it in "
                "Excel (right-click a sheet tab > Unhide) and import the file again.",
                f"{file} : {len(items)} feuilles masquées n'ont pas été importées ({noms}). Pour en importer "
                "une, affichez-la dans Excel (clic droit sur un onglet > Afficher) et importez de nouveau le "
                "fichier.",
            )
        )
    return grouped


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
    notices: tuple[FileNotice, ...] = ()
    """Hidden sheets left out; the import summary should show them."""
    csv_encoding: str = ""
    """The text encoding a CSV file was read with ('utf-8', 'utf-16-le', 'cp1252', 'mac_roman'…)."""

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
        raise cannot_open(path, exc) from None
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


def _is_reader_crash(exc: BaseException) -> bool:
    """An error from a reader library; a Rust panic reaches Python as pyo3's PanicException, a BaseException."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _reader_failure(path: Path, exc: BaseException) -> ImportFileError:
    if isinstance(exc, ImportFileError):
        return exc
    if isinstance(exc, MemoryError):
        return ImportFileError(
            path.name,
            "The file needs more memory than this computer has free. Close other programs, or split the "
            "bills into several files.",
            "Le fichier demande plus de mémoire que cet ordinateur n'en a de libre. Fermez d'autres "
            "programmes ou répartissez les factures dans plusieurs fichiers.",
        )
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return _wrong_file(path, detail)


def _refuse_format(path: Path, what_en: str, what_fr: str) -> ImportFileError:
    return ImportFileError(
        path.name,
        f"This is {what_en}; ESPM Desktop reads Excel .xlsx workbooks and CSV files. Open it in Excel or "
        "LibreOffice and save it as an Excel workbook (.xlsx), then import that file.",
        f"Ce fichier est {what_fr}; ESPM Desktop lit les classeurs Excel .xlsx et les fichiers CSV. "
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en classeur Excel (.xlsx), puis importez ce "
        "fichier.",
    )


def _other_zip_format(path: Path, names: set[str]) -> ImportFileError:
    if "mimetype" in names or "content.xml" in names:
        return _refuse_format(path, "an OpenDocument spreadsheet (.ods)", "un classeur OpenDocument (.ods)")
    if any(n.endswith(".bin") and "workbook" in n for n in names):
        return _refuse_format(path, "an Excel binary workbook (.xlsb)", "un classeur binaire Excel (.xlsb)")
    return _wrong_file(path, "no workbook inside the zip")


def read_workbook(path: Path, only: Iterable[str] | None = None) -> TableFile:
    """The visible sheets (or the named ones) of an .xlsx workbook, by calamine, after `file_limits`."""
    kind = _sniff_kind(path)
    if kind == "text":
        raise _wrong_file(path, "it contains plain text")
    if kind == "ole":
        raise _refuse_format(path, "an Excel 97-2003 workbook (.xls)", "un classeur Excel 97-2003 (.xls)")
    try:
        return _read_checked_workbook(path, only)
    except BaseException as exc:
        if not _is_reader_crash(exc):
            raise
        raise _reader_failure(path, exc) from None


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
            "Every sheet of the workbook is hidden; nothing was imported. Unhide the sheet of bills in Excel "
            "(right-click a sheet tab > Unhide), save, and import the file again.",
            "Toutes les feuilles du classeur sont masquées; rien n'a été importé. Affichez la feuille des "
            "factures dans Excel (clic droit sur un onglet > Afficher), enregistrez et importez de nouveau "
            "le fichier.",
        )
    return TableFile(path, sheets, notices=tuple(notices))


def sheet_names(path: Path) -> list[str]:
    """The names of the visible sheets (the file's stem for a CSV file)."""
    kind = _sniff_kind(path)
    if kind == "text":
        return [path.stem]
    if kind == "ole":
        raise _refuse_format(path, "an Excel 97-2003 workbook (.xls)", "un classeur Excel 97-2003 (.xls)")
    try:
        with open_checked_zip(path) as zf:
            parts = workbook_sheets(path, zf)
            if not parts:
                raise _other_zip_format(path, set(zf.NameToInfo))
    except BaseException as exc:
        if not _is_reader_crash(exc):
            raise
        raise _reader_failure(path, exc) from None
    return [p.name for p in parts if p.state not in ("hidden", "veryHidden")]


_SAMPLE_BYTES = 64 * 1024
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAC_ROMAN_TELLS = frozenset("Žˆ‰™žƒ")
"""cp1252's reading of Mac Roman's é à â ô û É: letters no French or English CSV writes in cp1252."""
_CP1252_ACCENTS = re.compile("[À-ÿ]")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the sample is NUL (ASCII text in UTF-16)."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nul = head[0 : pairs * 2 : 2].count(0)
    odd_nul = head[1 : pairs * 2 : 2].count(0)
    if odd_nul >= 0.6 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def detect_text_encoding(data: bytes) -> str:
    """The encoding of a CSV file's bytes; raises ValueError when they are not text.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or NUL every other byte: Excel's "Unicode Text") are
    recognised. Anything else is cp1252: it is what Excel for Windows writes for "CSV" in Québec (and
    Latin-1 bytes read the same for letters). Mac Roman (Excel for Mac's old "CSV") is recognised when its
    bytes are not valid cp1252 (è ç ê ë î) or read as Ž ˆ ™ ž with no cp1252 accent at all ("MontrŽal");
    a Mac Roman file that passes both tests is read as cp1252 with wrong accents.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    utf16 = _utf16_without_bom(data[:_SAMPLE_BYTES])
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise ValueError("NUL bytes")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return "mac_roman"
    if any(ch in _MAC_ROMAN_TELLS for ch in text) and not _CP1252_ACCENTS.search(text):
        return "mac_roman"
    return "cp1252"


def _not_text(path: Path) -> ImportFileError:
    return ImportFileError(
        path.name,
        "The file does not look like a text CSV file (it holds binary data). Expected a CSV file saved from "
        "a spreadsheet, or an .xlsx workbook.",
        "Le fichier ne ressemble pas à un fichier CSV texte (il contient des données binaires). Attendu : "
        "un fichier CSV enregistré depuis un tableur, ou un classeur .xlsx.",
    )


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and its encoding; ImportFileError when it is not text."""
    try:
        encoding = detect_text_encoding(data)
        text = data.decode(encoding)
    except (ValueError, UnicodeDecodeError):
        raise _not_text(path) from None
    sample = text[:_SAMPLE_BYTES]
    if "\x00" in text or len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000):
        raise _not_text(path)
    return text.removeprefix("\ufeff"), encoding.removesuffix("-sig")


def _delimiter(text: str) -> str:
    """, ; or tab, sniffed on the first 50 lines (at most 64 KB), else the most frequent in them."""
    sample = "\n".join(text[:_SAMPLE_BYTES].splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", ";", "\t")}
        return max(counts, key=lambda d: counts[d])


_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _unquote(value: str) -> str:
    # Our CSV export (and OWASP advice) prefixes a quote to text a spreadsheet would run as a formula.
    return (
        value[1:]
        if value.startswith("'") and value[1:2].startswith(_FORMULA_TRIGGERS) and len(value) > 1
        else value
    )


def read_csv(path: Path) -> TableFile:
    """A CSV file as one sheet of text cells; the encoding and the delimiter (, ; tab) are detected."""
    kind = _sniff_kind(path)
    if kind != "text":
        raise ImportFileError(
            path.name,
            "The file has a .csv name but holds a workbook or binary data. Rename it to .xlsx or export it "
            "again as CSV.",
            "Le fichier porte l'extension .csv mais contient un classeur ou des données binaires. "
            "Renommez-le en .xlsx ou exportez-le à nouveau en CSV.",
        )
    check_csv_file(path)
    try:
        text, encoding = _decode(path, path.read_bytes())
        delimiter = _delimiter(text)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows: list[list[CellValue]] = []
        try:
            for r in reader:
                rows.append([_unquote(v) for v in r])
        except csv.Error as exc:
            raise ImportFileError(
                path.name,
                f"Line {reader.line_num} cannot be read as CSV ({exc}). Check that line in a text editor "
                "(a cell longer than 128,000 characters or a stray quote) and save the file again.",
                f"La ligne {reader.line_num} ne peut pas être lue en CSV ({exc}). Vérifiez cette ligne "
                "dans un éditeur de texte (une cellule de plus de 128 000 caractères ou un guillemet "
                "égaré) et enregistrez de nouveau le fichier.",
            ) from None
    except BaseException as exc:
        if not _is_reader_crash(exc):
            raise
        raise _reader_failure(path, exc) from None
    return TableFile(
        path, [Sheet(path.stem, rows)], is_csv=True, csv_delimiter=delimiter, csv_encoding=encoding
    )


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
