"""Size and shape limits checked before any parser sees an imported file.

A reader library trusts the file: python-calamine turns the cells of a sheet into one dense block from
its top-left to its bottom-right cell, so a 2 KB workbook holding A1 and XFD1048576 asks for 16,384 ×
1,048,576 cells (512 GiB) and the process aborts, which Python cannot catch. The checks here read the zip
directory and stream each sheet's XML once, with bounded memory, and raise ImportFileError naming the
file, the limit and the fix. This module checks the file and its zip directory; io/sheet_extent.py
scans each sheet's cells against the limits below.

The limits leave room for a 1.2-million-row ESPM portfolio. Measured (bench/file_limits_sizes.py):
ESPM's own "Meter Entries" export (PM_Meter_Data.xlsx, 39 columns, shared strings) takes 1,470 bytes of
sheet XML per bill row (38 per cell) and compresses 10:1, so 1.2 M rows ≈ 1.8 GB of XML in a ≈ 170 MB
file; the same rows written by openpyxl (inline strings, bench/import_sheet.py) take 2,250 bytes per row
and compress 16:1, so 1.2 M rows ≈ 2.7 GB of XML in a ≈ 170 MB file.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, ClassVar
from xml.etree import ElementTree

from espm_desktop.core.i18n import Message, Number, Shown, message

MB = 1_000_000
GIB = 1 << 30

MAX_WORKBOOK_FILE_BYTES = 250 * MB
"""An .xlsx of 1.2 M ESPM rows is about 170 MB (see above); longer names and notes need the margin."""
MAX_CSV_FILE_BYTES = 800 * MB
"""ESPM's 39 columns saved as CSV take ~505 bytes per row ('Not Available' in every empty field), so
1.2 M rows ≈ 610 MB; the app's own 10-column CSV export is ~120 MB for as many bills."""
MAX_ZIP_ENTRIES = 10_000
"""Excel writes one part per sheet, drawing and image: ESPM's templates hold about 40."""
MAX_ENTRY_BYTES = 3 * GIB
"""Uncompressed size of one part: 1.2 M rows are 1.8 GB (ESPM) to 2.7 GB (openpyxl) of sheet XML."""
MAX_TOTAL_BYTES = 4 * GIB
"""Uncompressed size of all parts together."""
MAX_COMPRESSION_RATIO = 200
"""Sheets compress 10:1 (ESPM) to 25:1 (ESPM's validation lists); deflate's own limit is 1032:1."""
RATIO_MIN_BYTES = 1 * MB
"""The ratio is only checked for parts bigger than this: tiny parts of repeated markup compress far."""
MAX_SHEET_COLUMNS = 200
"""ESPM's Meter Entries export has 39 columns (A-AM), its bill template 26."""
MAX_SHEET_ROWS = 2_000_000
"""A 1.2 M-row portfolio plus its title rows, with room to grow."""
MIN_AREA_CELLS = 4_000_000
"""Any sheet may span this many cells (rows × columns from A1): ~130 MB in calamine, ~40 MB in Python."""
MIN_XML_BYTES_PER_CELL = 8
"""A bigger sheet needs this much XML per cell of its area: real sheets have 20-60 bytes per cell
(ESPM 38, openpyxl 58), so a sheet's memory stays in proportion to its data and a few stray cells cannot
span millions of empty ones."""
SMALL_PART_MAX_BYTES = 64 * MB
"""workbook.xml and the .rels parts are parsed whole; ESPM's are under 4 KB."""

_CHUNK = 4 << 20


class ImportFileError(Shown, Exception):
    """A file that cannot be imported at all (unreadable, wrong kind, over a limit, no usable sheet).

    `reason` says why and what to do, in no language yet (core.i18n); `message(language)` renders it.
    """

    _shown_attribute: ClassVar[str] = "reason"

    def __init__(self, file: str, reason: Message) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {self.text('en')}")

    def message(self, language: str) -> str:
        return self.text(language)


def size_message(value: int) -> Message:
    if value < MB:
        return message("{size} KB", size=Number(value / 1000))
    if value < 1000 * MB:
        return message("{size} MB", size=Number(value / MB))
    return message("{size} GB", size=Number(value / (1000 * MB), 1))


def check_csv_file(path: Path) -> None:
    """Refuse a CSV file bigger than MAX_CSV_FILE_BYTES before it is read."""
    size = _file_size(path)
    if size > MAX_CSV_FILE_BYTES:
        raise ImportFileError(
            path.name,
            message(
                "The file is {size}; ESPM Desktop reads CSV files of at most {limit}. Split it into several "
                "files (by year or by property) and import them one after the other.",
                size=size_message(size),
                limit=size_message(MAX_CSV_FILE_BYTES),
            ),
        )


def cannot_open(path: Path, exc: OSError) -> ImportFileError:
    """The error for a file the system won't let us open or read."""
    return ImportFileError(
        path.name,
        message(
            "The file cannot be opened ({reason}). Check that it exists and is not open elsewhere.",
            reason=str(exc.strerror or exc),
        ),
    )


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise cannot_open(path, exc) from None


@dataclass(frozen=True, slots=True)
class SheetPart:
    """A worksheet as workbook.xml lists it: its name, its XML part and 'visible'/'hidden'/'veryHidden'."""

    name: str
    member: str | None
    state: str


_RESAVE_FIX = message(
    "Open it in Excel or LibreOffice and save it again as .xlsx, or export it again from Portfolio Manager."
)


def damaged(path: Path, detail: Message) -> ImportFileError:
    return ImportFileError(
        path.name,
        message(
            "The file is not a readable Excel workbook ({detail}). {fix}", detail=detail, fix=_RESAVE_FIX
        ),
    )


def open_checked_zip(path: Path) -> zipfile.ZipFile:
    """The workbook's zip, opened after its file size, entry count and declared part sizes passed.

    Only the zip directory is read: a zip bomb is refused by its declared sizes and ratios, never
    inflated. Declared sizes that lie are caught when a part is streamed (`inflate_part`).
    """
    size = _file_size(path)
    if size > MAX_WORKBOOK_FILE_BYTES:
        raise ImportFileError(
            path.name,
            message(
                "The workbook is {size}; ESPM Desktop reads workbooks of at most {limit}. Save it as CSV, or "
                "split the bills into several workbooks.",
                size=size_message(size),
                limit=size_message(MAX_WORKBOOK_FILE_BYTES),
            ),
        )
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged(path, message("damaged zip: {error}", error=str(exc)[:80])) from None
    try:
        _check_directory(path, zf.infolist())
    except BaseException:
        zf.close()
        raise
    return zf


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportFileError(
            path.name,
            message(
                "The workbook holds {parts} parts; ESPM Desktop reads workbooks of at most {limit} parts. {fix}",
                parts=len(infos),
                limit=MAX_ZIP_ENTRIES,
                fix=_RESAVE_FIX,
            ),
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_ENTRY_BYTES or (
            info.file_size > RATIO_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO
        ):
            raise ImportFileError(
                path.name,
                message(
                    "The workbook's part {part} unpacks to {size} from {compressed} ({ratio} to 1); ESPM Desktop "
                    "reads parts of at most {limit} compressed at most {max_ratio} to 1. This looks like a "
                    "damaged or malicious file (a zip bomb). {fix}",
                    part=info.filename,
                    size=size_message(info.file_size),
                    compressed=size_message(info.compress_size),
                    ratio=Number(ratio),
                    limit=size_message(MAX_ENTRY_BYTES),
                    max_ratio=MAX_COMPRESSION_RATIO,
                    fix=_RESAVE_FIX,
                ),
            )
        if info.flag_bits & 0x1:
            raise ImportFileError(
                path.name,
                message(
                    "The workbook is protected by a password. Open it in Excel, remove the password "
                    "(File > Info > Protect Workbook) and save it again."
                ),
            )
    if total > MAX_TOTAL_BYTES:
        raise ImportFileError(
            path.name,
            message(
                "The workbook unpacks to {size}; ESPM Desktop reads workbooks of at most {limit} unpacked. "
                "Split the bills into several workbooks.",
                size=size_message(total),
                limit=size_message(MAX_TOTAL_BYTES),
            ),
        )


def inflate_part(path: Path, zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The part's bytes in chunks of at most ~4 MB, inflated here so that its true size is what counts.

    The zip directory may lie about a part's size (the reader library inflates the whole stream): the
    stream is cut at the declared size + 1 byte and a mismatch refuses the file.
    """
    info = zf.getinfo(member)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise damaged(
            path,
            message(
                "part {part} uses compression method {method}", part=member, method=str(info.compress_type)
            ),
        )
    with path.open("rb") as raw:
        raw.seek(info.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise damaged(path, message("part {part} is missing", part=member))
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw.seek(info.header_offset + 30 + name_len + extra_len)
        produced = 0
        for chunk in _raw_chunks(raw, info):
            produced += len(chunk)
            if produced > info.file_size:
                break
            yield chunk
    if produced != info.file_size:
        raise damaged(path, message("part {part} does not have the size the zip declares", part=member))


def _raw_chunks(raw: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    left = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        while left > 0:
            block = raw.read(min(_CHUNK, left))
            if not block:
                return
            left -= len(block)
            yield block
        return
    inflater = zlib.decompressobj(-15)
    limit = info.file_size + 1
    out = 0
    while left > 0 and out < limit and not inflater.eof:
        block = raw.read(min(_CHUNK, left))
        if not block:
            return
        left -= len(block)
        data = block
        while data and out < limit:
            try:
                chunk = inflater.decompress(data, _CHUNK)
            except zlib.error:
                yield b"\x00" * (limit - out)  # a broken stream: the size check refuses it
                return
            out += len(chunk)
            yield chunk
            data = inflater.unconsumed_tail


def read_small_part(path: Path, zf: zipfile.ZipFile, member: str) -> bytes:
    """A part parsed whole (workbook.xml, .rels), refused above SMALL_PART_MAX_BYTES."""
    info = zf.getinfo(member)
    if info.file_size > SMALL_PART_MAX_BYTES:
        raise damaged(path, message("part {part} is {size}", part=member, size=size_message(info.file_size)))
    return b"".join(inflate_part(path, zf, member))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rels(path: Path, zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id → (Type, target member) of a part's relationships."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in zf.NameToInfo:
        return {}
    root = ElementTree.fromstring(read_small_part(path, zf, rels_name))
    found: dict[str, tuple[str, str]] = {}
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        member = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found[rel.get("Id", "")] = (rel.get("Type", ""), member)
    return found


def workbook_sheets(path: Path, zf: zipfile.ZipFile) -> list[SheetPart]:
    """The sheets workbook.xml lists, in order; [] when the zip is not an XML workbook (.xlsb, .ods)."""
    try:
        workbook = next(
            (m for t, m in _rels(path, zf, "").values() if t.endswith("/officeDocument")), "xl/workbook.xml"
        )
        if workbook not in zf.NameToInfo or not workbook.endswith(".xml"):
            return []
        relations = _rels(path, zf, workbook)
        root = ElementTree.fromstring(read_small_part(path, zf, workbook))
    except ElementTree.ParseError as exc:
        raise damaged(path, message("workbook.xml: {error}", error=str(exc))) from None
    sheets: list[SheetPart] = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
        member = relations.get(rid, ("", None))[1]
        sheets.append(SheetPart(element.get("name", ""), member, element.get("state", "visible")))
    return sheets
