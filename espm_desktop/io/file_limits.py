"""Size and shape limits checked before any parser sees an imported file.

A reader library trusts the file: python-calamine turns the cells of a sheet into one dense block from
its top-left to its bottom-right cell, so a 2 KB workbook holding A1 and XFD1048576 asks for 16,384 ×
1,048,576 cells (512 GiB) and the process aborts, which Python cannot catch. The checks here read the zip
directory and stream each sheet's XML once, with bounded memory, and raise ImportFileError naming the
file, the limit and the fix.

The limits leave room for a 1.2-million-row ESPM portfolio. Measured (bench/file_limits_sizes.py):
ESPM's own "Meter Entries" export (PM_Meter_Data.xlsx, 39 columns, shared strings) takes 1,470 bytes of
sheet XML per bill row (38 per cell) and compresses 10:1, so 1.2 M rows ≈ 1.8 GB of XML in a ≈ 170 MB
file; the same rows written by openpyxl (inline strings, bench/import_sheet.py) take 2,250 bytes per row
and compress 16:1, so 1.2 M rows ≈ 2.7 GB of XML in a ≈ 170 MB file.
"""

from __future__ import annotations

import posixpath
import re
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


def _size(value: int) -> Message:
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
                size=_size(size),
                limit=_size(MAX_CSV_FILE_BYTES),
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


@dataclass(frozen=True, slots=True)
class SheetExtent:
    """The bottom-right cell holding a value (1-based row and column), found by `scan_sheet_extent`."""

    rows: int
    columns: int
    cell: str
    """Its reference, e.g. 'XFD1048576'; '' when the sheet has no cell."""


_RESAVE_FIX = message(
    "Open it in Excel or LibreOffice and save it again as .xlsx, or export it again from Portfolio Manager."
)


def _damaged(path: Path, detail: Message) -> ImportFileError:
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
                size=_size(size),
                limit=_size(MAX_WORKBOOK_FILE_BYTES),
            ),
        )
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(path, message("damaged zip: {error}", error=str(exc)[:80])) from None
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
                    size=_size(info.file_size),
                    compressed=_size(info.compress_size),
                    ratio=Number(ratio),
                    limit=_size(MAX_ENTRY_BYTES),
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
                size=_size(total),
                limit=_size(MAX_TOTAL_BYTES),
            ),
        )


def inflate_part(path: Path, zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The part's bytes in chunks of at most ~4 MB, inflated here so that its true size is what counts.

    The zip directory may lie about a part's size (the reader library inflates the whole stream): the
    stream is cut at the declared size + 1 byte and a mismatch refuses the file.
    """
    info = zf.getinfo(member)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _damaged(
            path,
            message(
                "part {part} uses compression method {method}", part=member, method=str(info.compress_type)
            ),
        )
    with path.open("rb") as raw:
        raw.seek(info.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise _damaged(path, message("part {part} is missing", part=member))
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw.seek(info.header_offset + 30 + name_len + extra_len)
        produced = 0
        for chunk in _raw_chunks(raw, info):
            produced += len(chunk)
            if produced > info.file_size:
                break
            yield chunk
    if produced != info.file_size:
        raise _damaged(path, message("part {part} does not have the size the zip declares", part=member))


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
        raise _damaged(path, message("part {part} is {size}", part=member, size=_size(info.file_size)))
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
        raise _damaged(path, message("workbook.xml: {error}", error=str(exc))) from None
    sheets: list[SheetPart] = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
        member = relations.get(rid, ("", None))[1]
        sheets.append(SheetPart(element.get("name", ""), member, element.get("state", "visible")))
    return sheets


# A cell tag whose reference lies in the box every sheet may fill (columns A-AZ, rows up to a bound set
# per sheet) and that carries no other `r` attribute: the only tag calamine could place far away is one
# this pattern does NOT match, so only the rare others are looked at one by one.
_BOX_COLUMNS = 52
_BOX_COLUMN_PATTERN = rb"(?:A?[A-Z])"
_MAX_TAG_BYTES = 8 << 20


def _digits_up_to(limit: str, first: bool) -> bytes:
    """A regex for the numbers of len(limit) digits ≤ limit (the first digit ≥ 1 when `first`)."""
    low = 1 if first else 0
    top = int(limit[0])
    rest = len(limit) - 1
    parts: list[bytes] = []
    if top > low:
        parts.append(b"[%d-%d]" % (low, top - 1) + (rb"\d{%d}" % rest if rest else b""))
    if top >= low:
        parts.append(b"%d" % top + (b"(?:" + _digits_up_to(limit[1:], False) + b")" if rest else b""))
    return b"|".join(parts) or b"(?!)"


def _rows_up_to(limit: int) -> bytes:
    """A regex for the numbers 1..limit written without leading zeros."""
    text = str(limit)
    exact = _digits_up_to(text, True)
    return exact if len(text) == 1 else rb"[1-9]\d{0,%d}|" % (len(text) - 2) + exact


def _inside_box(row_limit: int) -> re.Pattern[bytes]:
    ref = _BOX_COLUMN_PATTERN + rb"(?:" + _rows_up_to(row_limit) + rb")"
    # Excel, LibreOffice, openpyxl and ESPM write r, s, t in this order; other attributes (cm, vm, ph)
    # are rare and only make the cell be looked at by itself.
    return re.compile(rb'<c(?! r="' + ref + rb'"(?: s="\d{1,5}")?(?: t="(?:s|n|b|e|str|inlineStr|d)")?/?>)')


_CELL_TAG = re.compile(rb"<(?:[^\s<>/!?:]+:)?c(?=[\s/>])([^<>]*?)(/?)>")
_TAGS = re.compile(rb"<(/?)(?:[^\s<>/!?:]+:)?(row|c)(?=[\s/>])([^<>]*?)(/?)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)(\d*)")
_NAME_CHAR = re.compile(rb"[\w.:-]")
_PREFIXED_CELL = re.compile(rb"<[^\s<>/!?:]+:c[\s/>]")


def _position(ref: bytes) -> tuple[int, int] | None:
    """(row, column), 1-based, as calamine reads a cell reference; None for one it refuses."""
    m = _REF.fullmatch(ref)
    if m is None or not m.group(2):
        return None
    column = 0
    for ch in m.group(1).upper():
        column = column * 26 + ch - 64
    return int(m.group(2)), column


def _refs(attrs: bytes) -> list[bytes]:
    return [a or b for a, b in _R_ATTR.findall(attrs)]


def allowed_area(xml_bytes: int) -> int:
    """How many cells (rows × columns from A1) a sheet of this much XML may span."""
    return min(MAX_SHEET_ROWS * MAX_SHEET_COLUMNS, max(MIN_AREA_CELLS, xml_bytes // MIN_XML_BYTES_PER_CELL))


def scan_sheet_extent(path: Path, zf: zipfile.ZipFile, sheet: SheetPart) -> None:
    """Refuse the sheet when a cell lies past MAX_SHEET_COLUMNS/ROWS or spans more than `allowed_area`.

    The sheet's XML is streamed once. Cells in the box every sheet may fill are skipped by one regex
    search in C; any other cell tag (far away, without `r`, with odd spacing or a namespace prefix)
    is placed one by one, and a tag the fast scan cannot place sends the sheet to an exact scan that
    places every cell as calamine does.
    """
    if sheet.member is None or sheet.member not in zf.NameToInfo:
        raise _damaged(path, message("sheet '{sheet}' has no data part", sheet=sheet.name))
    area = allowed_area(zf.getinfo(sheet.member).file_size)
    box_rows = max(1, min(MAX_SHEET_ROWS, area // _BOX_COLUMNS))
    extent = _fast_extent(path, zf, sheet, box_rows, area)
    if extent is None:
        extent = _exact_extent(path, zf, sheet)
    _judge(path, sheet, extent, area)


def _judge(path: Path, sheet: SheetPart, extent: SheetExtent, area: int) -> None:
    too_far = extent.rows > MAX_SHEET_ROWS or extent.columns > MAX_SHEET_COLUMNS
    if not too_far and extent.rows * extent.columns <= area:
        return
    limit = message(
        "at most {columns} columns and {rows} rows", columns=MAX_SHEET_COLUMNS, rows=MAX_SHEET_ROWS
    )
    if not too_far:
        limit = message("at most {cells} cells (rows × columns) for a sheet of this size", cells=area)
    raise ImportFileError(
        path.name,
        message(
            "Sheet '{sheet}' spans {columns} columns × {rows} rows (up to cell {cell}); ESPM Desktop reads "
            "{limit}. Remove the stray cell ({cell}) or copy the data to a new sheet, then save the workbook "
            "again.",
            sheet=sheet.name,
            columns=extent.columns,
            rows=extent.rows,
            cell=extent.cell,
            limit=limit,
        ),
    )


def _xml_parts(path: Path, zf: zipfile.ZipFile, sheet: SheetPart) -> Iterator[bytes]:
    """The sheet's XML in pieces that each end just before a '<', so no tag is cut in two."""
    pending = b""
    first = True
    for block in inflate_part(path, zf, sheet.member or ""):
        if first and b"\x00" in block[:4096]:
            raise _damaged(path, message("sheet '{sheet}' is not UTF-8 XML", sheet=sheet.name))
        first = False
        buf = pending + block
        cut = buf.rfind(b"<")
        if cut <= 0:
            end = buf.find(b">")
            if end >= 0:  # a tag, then text without markup: nothing left to carry over
                yield buf[: end + 1]
                pending = b""
            elif len(buf) > _MAX_TAG_BYTES:
                raise _damaged(
                    path, message("sheet '{sheet}' holds a tag of more than 8 MB", sheet=sheet.name)
                )
            else:
                pending = buf
            continue
        yield buf[:cut]
        pending = buf[cut:]
    if pending:
        yield pending


def _fast_extent(
    path: Path, zf: zipfile.ZipFile, sheet: SheetPart, box_rows: int, area: int
) -> SheetExtent | None:
    """An upper bound of the sheet's extent, or None when a cell tag needs the exact scan."""
    inside = _inside_box(box_rows)
    max_row = max_col = 0
    far = (0, 0, "")
    for part in _xml_parts(path, zf, sheet):
        if b":c" in part and _PREFIXED_CELL.search(part):
            return None
        for m in inside.finditer(part):
            nxt = part[m.end() : m.end() + 1]
            if nxt and _NAME_CHAR.match(nxt):
                continue  # <col>, <cols>, <cfRule>…: another element
            tag = _CELL_TAG.match(part, m.start())
            if tag is None or not tag.group(1).startswith(b' r="'):
                return None
            refs = _refs(tag.group(1))
            if len(refs) != 1:
                return None
            pos = _position(refs[0])
            if pos is None or tag.group(2):
                continue  # calamine refuses the reference, or the cell is empty (<c …/>): no value placed
            if pos[0] > far[0] or pos[1] > far[1]:
                far = (max(pos[0], far[0]), max(pos[1], far[1]), refs[0].decode("ascii", "replace"))
            max_row, max_col = max(max_row, pos[0]), max(max_col, pos[1])
    if max_row and (max_row > MAX_SHEET_ROWS or max_col > MAX_SHEET_COLUMNS or max_row * max_col > area):
        return SheetExtent(max_row, max_col, far[2])  # the far cells alone are over a limit
    # The box's own cells are not measured: count the box whole.
    rows, columns = max(max_row, box_rows), max(max_col, _BOX_COLUMNS)
    if rows * columns <= area:
        return SheetExtent(rows, columns, far[2])
    return None


def _exact_extent(path: Path, zf: zipfile.ZipFile, sheet: SheetPart) -> SheetExtent:
    """Every cell placed as calamine places it: by its `r`, else in the current row after the last cell."""
    row = 1  # the current <row>, 1-based: its `r`, else the one after the previous row
    next_col = 1
    max_row = max_col = 0
    for part in _xml_parts(path, zf, sheet):
        for closing, name, attrs, empty in _TAGS.findall(part):
            positions = [p for p in map(_position, _refs(attrs)) if p is not None]
            if name == b"row":
                if closing:
                    row, next_col = row + 1, 1
                    continue
                if positions:
                    row = max(p[0] for p in positions)
                if empty:
                    row, next_col = row + 1, 1
                continue
            if closing:
                continue
            if positions:
                cell_row, cell_col = max(p[0] for p in positions), max(p[1] for p in positions)
            else:
                cell_row, cell_col = row, next_col
            next_col = cell_col + 1
            if not empty:
                max_row, max_col = max(max_row, cell_row), max(max_col, cell_col)
    return SheetExtent(max_row, max_col, f"{_column_letters(max_col)}{max_row}" if max_row else "")


def _column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
