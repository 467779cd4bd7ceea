"""What an import reader opens: a file's sheets as rows of cell values, and what it says about the file.

io.sheets reads workbooks, io.csv_files CSV files; both hand back a TableFile. A Sheet's rows are a sequence
of cell lists: a workbook sheet's are in memory, a CSV file's are read from the file each time they are
iterated (io.csv_files.CsvRows), so that a million-line file is never held whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.core.i18n import Message, message
from espm_desktop.io.file_limits import ImportFileError, cannot_open
from espm_desktop.io.parse_values import CellValue

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})


def listed(items: Sequence[Message | str], more: bool = False) -> Message:
    """Items one after the other, comma-separated (', …' after them when `more`), each in the reader's language."""
    template = ", ".join(f"{{i{n}}}" for n in range(len(items))) + (", …" if more else "")
    return Message(template, {f"i{n}": item for n, item in enumerate(items)})


@dataclass(frozen=True, slots=True)
class FileNotice:
    """Something the user should know about a file that was read anyway (a hidden sheet left out)."""

    file: str
    sheet: str
    notice: Message

    def text(self, language: str | None = None) -> str:
        return self.notice.text(None if language is None else "fr" if language.startswith("fr") else "en")

    def message(self, language: str) -> str:
        return self.text(language)

    @property
    def message_en(self) -> str:
        return self.notice.text("en")

    @property
    def message_fr(self) -> str:
        return self.notice.text("fr")


def hidden_sheet_notice(file: str, sheet: str, state: str) -> FileNotice:
    if state == "veryHidden":
        notice = message(
            "{file}: sheet '{sheet}' is very hidden and was not imported. To import it, unhide it in Excel "
            "(right-click a sheet tab > Unhide) and import the file again.",
            file=file,
            sheet=sheet,
        )
    else:
        notice = message(
            "{file}: sheet '{sheet}' is hidden and was not imported. To import it, unhide it in Excel "
            "(right-click a sheet tab > Unhide) and import the file again.",
            file=file,
            sheet=sheet,
        )
    return FileNotice(file, sheet, notice)


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
        names = listed([message("'{sheet}'", sheet=n.sheet) for n in items[:6]], more=len(items) > 6)
        said = message(
            "{file}: {count} hidden sheets were not imported ({names}). To import one, unhide it in Excel "
            "(right-click a sheet tab > Unhide) and import the file again.",
            file=file,
            count=str(len(items)),
            names=names,
        )
        grouped.append(FileNotice(file, "", said))
    return grouped


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet (or a whole CSV file) as rows; rows[i] is spreadsheet row i + 1."""

    name: str
    rows: Sequence[list[CellValue]]


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


def sniff_kind(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise cannot_open(path, exc) from None
    if not head:
        raise ImportFileError(
            path.name,
            message("The file is empty. Export the bills again from Portfolio Manager or your spreadsheet."),
        )
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"%PDF"):
        raise ImportFileError(
            path.name,
            message(
                "This is a PDF document, not a spreadsheet. Import an Excel (.xlsx) or CSV file of the bills; "
                "PDF bills must be typed in."
            ),
        )
    return "text"


def wrong_file(path: Path, detail: str) -> ImportFileError:
    return ImportFileError(
        path.name,
        message(
            "The file is not a readable Excel workbook ({detail}). Expected an .xlsx file exported from "
            "Portfolio Manager or a spreadsheet, or a CSV file.",
            detail=detail,
        ),
    )


def is_reader_crash(exc: BaseException) -> bool:
    """An error from a reader library; a Rust panic reaches Python as pyo3's PanicException, a BaseException."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def reader_failure(path: Path, exc: BaseException) -> ImportFileError:
    if isinstance(exc, ImportFileError):
        return exc
    if isinstance(exc, MemoryError):
        return ImportFileError(
            path.name,
            message(
                "The file needs more memory than this computer has free. Close other programs, or split the "
                "bills into several files."
            ),
        )
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return wrong_file(path, detail)


def is_empty_row(row: Sequence[CellValue]) -> bool:
    for v in row:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        return False
    return True
