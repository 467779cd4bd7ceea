"""How far a worksheet's cells reach, read from its XML before any reader library sees it.

python-calamine makes one dense block from a sheet's top-left to its bottom-right cell, so one stray cell far
away (XFD1048576) asks for billions of cells. `scan_sheet_extent` streams the sheet's XML once, finds its
bottom-right cell and refuses a sheet whose area is out of proportion with its data (io/file_limits.py holds the
limits).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.core.i18n import message
from espm_desktop.io.file_limits import (
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MIN_AREA_CELLS,
    MIN_XML_BYTES_PER_CELL,
    ImportFileError,
    SheetPart,
    damaged,
    inflate_part,
)


@dataclass(frozen=True, slots=True)
class SheetExtent:
    """The bottom-right cell holding a value (1-based row and column), found by `scan_sheet_extent`."""

    rows: int
    columns: int
    cell: str
    """Its reference, e.g. 'XFD1048576'; '' when the sheet has no cell."""


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
        raise damaged(path, message("sheet '{sheet}' has no data part", sheet=sheet.name))
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
            raise damaged(path, message("sheet '{sheet}' is not UTF-8 XML", sheet=sheet.name))
        first = False
        buf = pending + block
        cut = buf.rfind(b"<")
        if cut <= 0:
            end = buf.find(b">")
            if end >= 0:  # a tag, then text without markup: nothing left to carry over
                yield buf[: end + 1]
                pending = b""
            elif len(buf) > _MAX_TAG_BYTES:
                raise damaged(
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
    return SheetExtent(max_row, max_col, f"{column_letters(max_col)}{max_row}" if max_row else "")


def column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
