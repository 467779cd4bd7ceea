"""Read one large xlsx sheet with python-calamine a slice of rows at a time, so memory stays bounded.

python-calamine loads a whole sheet into Rust memory (about 100 bytes per cell with its strings) before
Python sees a cell: a 120,000-row ESPM export of 39 columns peaks near 470 MB. Here the sheet's XML is
streamed out of the zip and cut at row ends into slices of a few MB; each slice becomes a one-sheet
in-memory workbook that keeps the file's workbook.xml, styles and shared strings, so dates, the 1904 date
system and shared strings read exactly as in a whole read, and calamine still reads every cell. Rows keep
their Excel numbers (the `r` attributes are untouched), so the rows put together equal calamine's
`to_python(skip_empty_area=False)` of the whole sheet.

calamine parses without holding the GIL, so one worker thread parses the next slice while the rows of the
current one are turned into Python values.

The caller checks the file with `file_limits` first: a slice is a calamine read like any other.

`read_sheet_in_slices` returns None whenever the sheet is not a plain xlsx worksheet it can cut safely
(small, rows without `r` or out of order, a slice calamine refuses): the caller then reads the sheet
whole, which gives the real error of a damaged file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

SLICE_BYTES = 4 << 20
"""Uncompressed sheet XML per slice: calamine needs ~1.7 times that while it reads a slice."""
STREAM_MIN_BYTES = 16 << 20
"""Smaller sheets are read whole: slicing only pays off when the whole read would be large."""

_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(/?)>")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*>")
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)[\s/>]")
_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:row|c)\b([^>]*)>")
_HAS_R = re.compile(rb"\sr\s*=")
_REL_TYPES_KEPT = ("/styles", "/sharedStrings")

RowConverter = Callable[[list[Any]], list[Any]]


class _CannotSlice(Exception):
    """The sheet's rows are not in order: read it whole."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rels(zf: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(Id, Type, target member) of a part's relationships."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(zf.read(rels_name))
    except KeyError:
        return []
    found = []
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        member = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found.append((rel.get("Id", ""), rel.get("Type", ""), member))
    return found


def _workbook_parts(zf: zipfile.ZipFile, sheet: str) -> tuple[str, dict[str, bytes]] | None:
    """The sheet's XML member and the members every slice workbook needs besides it."""
    workbook = next((m for _, t, m in _rels(zf, "") if t.endswith("/officeDocument")), None)
    if workbook is None:
        return None
    relations = _rels(zf, workbook)
    by_id = {rid: member for rid, _, member in relations}
    sheet_member = None
    for element in ElementTree.fromstring(zf.read(workbook)).iter():
        if _local(element.tag) != "sheet" or element.get("name") != sheet:
            continue
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        sheet_member = by_id.get(rid or "")
        break
    if sheet_member is None:
        return None
    folder, name = posixpath.split(workbook)
    kept = ["[Content_Types].xml", "_rels/.rels", workbook, posixpath.join(folder, "_rels", name + ".rels")]
    kept += [m for _, t, m in relations if t.endswith(_REL_TYPES_KEPT)]
    parts = {m: zf.read(m) for m in kept if m in zf.NameToInfo}
    return sheet_member, parts


def _slice_book(parts: dict[str, bytes], member: str, xml: bytes) -> io.BytesIO:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        out.writestr(member, xml)
    buf.seek(0)
    return buf


def read_sheet_in_slices(
    path: Path,
    sheet: str,
    convert: RowConverter,
    *,
    slice_bytes: int = SLICE_BYTES,
    min_bytes: int = STREAM_MIN_BYTES,
) -> list[list[Any]] | None:
    """The sheet's rows (each passed through `convert`), or None when it should be read whole."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return None
    with zf:
        try:
            found = _workbook_parts(zf, sheet)
        except Exception:  # noqa: BLE001 - not an XML workbook (xlsb, ods) or damaged: read whole
            return None
        if found is None:
            return None
        member, parts = found
        info = zf.NameToInfo.get(member)
        if info is None or not member.endswith(".xml") or info.file_size < min_bytes:
            return None
        # A big shared-string table is parsed again for every slice: slices grow with it.
        strings = max((len(v) for k, v in parts.items() if "sharedstrings" in k.casefold()), default=0)
        slice_bytes = max(slice_bytes, 4 * strings)
        try:
            with zf.open(member) as fh:
                return _read_slices(fh, parts, member, sheet, convert, slice_bytes)
        except BaseException as exc:
            # Any slice calamine refuses (a Rust panic arrives as pyo3's PanicException, a BaseException):
            # the whole read decides, and gives the real error.
            if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
                return None
            raise


def _read_slices(
    fh: Any, parts: dict[str, bytes], member: str, sheet: str, convert: RowConverter, slice_bytes: int
) -> list[list[Any]] | None:
    pending = b""
    start = None
    while start is None:
        block = fh.read(slice_bytes)
        if not block:
            return None
        pending += block
        start = _SHEET_DATA.search(pending)
    if start.group(2):  # <sheetData/>: nothing to cut
        return None
    root = _ROOT.search(pending)
    first = _ROW_OR_CELL.search(pending, start.end())
    # Rows or cells without `r` are numbered by their position, which a slice would restart.
    if root is None or first is None or not _HAS_R.search(first.group(1)):
        return None
    ns = start.group(1)
    slices = _xml_slices(
        fh,
        pending[start.end() :],
        prefix=_DIMENSION.sub(b"", pending[: start.end()]),
        row_end=b"</" + ns + b"row>",
        data_end=b"</" + ns + b"sheetData>",
        root=root.group(1),
        slice_bytes=slice_bytes,
    )
    rows: list[list[Any]] = []
    width = 0
    # calamine parses without the GIL: the next slice is parsed while this one's rows are converted.
    with ThreadPoolExecutor(max_workers=1) as worker:
        parsing: Future[Any] | None = None
        for xml in slices:
            following = worker.submit(_parse_slice, parts, member, sheet, xml)
            del xml
            if parsing is not None:
                width = max(width, _append_slice(rows, parsing.result(), convert))
            parsing = following
        if parsing is not None:
            width = max(width, _append_slice(rows, parsing.result(), convert))
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _xml_slices(
    fh: Any, pending: bytes, *, prefix: bytes, row_end: bytes, data_end: bytes, root: bytes, slice_bytes: int
) -> Iterator[bytes]:
    """Sheet XML documents of whole rows, about `slice_bytes` each, in file order."""
    suffix = data_end + b"</" + root + b">"
    while True:
        block = fh.read(slice_bytes)
        if block:
            pending += block
            cut = pending.rfind(row_end)
            if cut < 0:
                continue
            cut += len(row_end)
        else:
            cut = pending.rfind(data_end)
            if cut < 0:
                raise _CannotSlice()
        yield prefix + pending[:cut] + suffix
        pending = pending[cut:]
        if not block:
            return


def _parse_slice(parts: dict[str, bytes], member: str, sheet: str, xml: bytes) -> Any:
    """calamine's sheet of one slice workbook."""
    with CalamineWorkbook.from_filelike(_slice_book(parts, member, xml)) as book:
        return book.get_sheet_by_name(sheet)


def _append_slice(rows: list[list[Any]], part: Any, convert: RowConverter) -> int:
    """Append the slice's rows at their Excel row numbers; returns the slice's width."""
    origin: tuple[int, int] | None = part.start
    cells: list[list[Any]] = part.to_python(skip_empty_area=True) if origin is not None else []
    if origin is None or not cells:
        return 0
    first_row, first_col = origin
    if first_row < len(rows):
        raise _CannotSlice()
    while len(rows) < first_row:
        rows.append([])  # blank rows between slices; padded to the sheet's width at the end
    lead = [""] * first_col
    for raw in cells:
        row = convert(raw)
        rows.append(lead + row if first_col else row)
    return first_col + max(len(r) for r in cells)
