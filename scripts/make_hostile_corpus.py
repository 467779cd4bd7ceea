"""Write the hostile and unusual import files of tests/data/hostile/ (each under 50 KB).

    python scripts/make_hostile_corpus.py [--out tests/data/hostile]

Every file must be refused with a message naming it (exit 2) or imported (exit 0), fast and in little
memory: tests/io/test_hostile_files.py runs each one through `espm-desktop import`. Files that must be
big to be hostile (a zip bomb of > 2 GB, 20,000 zip entries) are made at test time by `big_files`.
"""

from __future__ import annotations

import argparse
import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

from espm_desktop.io.sheet_extent import column_letters

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "hostile"

HEADERS = (
    "Property Name",
    "Portfolio Manager ID",
    "Portfolio Manager Meter ID",
    "Meter Name",
    "Meter Type",
    "Start Date",
    "End Date",
    "Usage/Quantity",
    "Usage Units",
    "Cost ($)",
)
ROWS = (
    ("Énergir Montréal", "7001", "7001-1", "Compteur gaz", "Natural Gas", "2023-01-01", "2023-01-31", "1250",
     "cm (cubic meters)", "410.5"),
    ("Énergir Montréal", "7001", "7001-1", "Compteur gaz", "Natural Gas", "2023-02-01", "2023-02-28", "1100",
     "cm (cubic meters)", "380.25"),
)  # fmt: skip

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Meter Entries" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_MEMBER = "xl/worksheets/sheet1.xml"


def _cell(ref: str, value: str) -> str:
    text = value.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def espm_rows_xml() -> str:
    """The header and bill rows of a tiny Meter Entries sheet, as sheetData rows."""
    out = []
    for r, values in enumerate((HEADERS, *ROWS), start=1):
        cells = "".join(_cell(f"{column_letters(c)}{r}", v) for c, v in enumerate(values, start=1))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def sheet_xml(rows_xml: str, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{dim}<sheetData>{rows_xml}</sheetData></worksheet>'
    ).encode()


def write_workbook(path: Path, sheet: bytes) -> None:
    """A one-sheet .xlsx ('Meter Entries') whose sheet XML is given as is."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr(SHEET_MEMBER, sheet)


def _stray_cell_row() -> str:
    return f'<row r="1048576">{_cell("XFD1048576", "stray")}</row>'


def deflate_repeated(block: bytes, times: int) -> bytes:
    """A raw deflate stream of `block` repeated `times` times, made without building the whole input."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(
        zlib.Z_FULL_FLUSH
    )  # same bytes each time after a full flush
    return first + again * (times - 2) + packer.compress(block) + packer.flush()


def write_bomb(
    path: Path, block: bytes, times: int, declared_size: int | None = None, *, with_crc: bool = True
) -> None:
    """A workbook whose sheet part inflates to len(block) × times bytes (or claims `declared_size`)."""
    stream = deflate_repeated(block, times)
    crc = 0
    if with_crc:
        for _ in range(times):
            crc = zlib.crc32(block, crc)
    write_workbook(path, sheet_xml(espm_rows_xml()))
    # Rewrite the zip by hand so the sheet part carries the prepared stream (zipfile would deflate it).
    _replace_member(path, SHEET_MEMBER, stream, len(block) * times, crc, declared_size)


def _replace_member(
    path: Path, member: str, stream: bytes, size: int, crc: int, declared: int | None
) -> None:
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist() if i.filename != member]
    out = io.BytesIO()
    central = []
    for info, data in parts:
        comp = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = comp.compress(data) + comp.flush()
        central.append(_local(out, info.filename, packed, len(data), zlib.crc32(data), len(data)))
    central.append(_local(out, member, stream, size, crc, declared if declared is not None else size))
    start = out.tell()
    for record in central:
        out.write(record)
    end = out.tell()
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), end - start, start, 0))
    path.write_bytes(out.getvalue())


def _local(out: io.BytesIO, name: str, packed: bytes, size: int, crc: int, declared: int) -> bytes:
    encoded = name.encode()
    offset = out.tell()
    size32 = min(declared, 0xFFFFFFFF)
    out.write(
        struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(packed), size32, len(encoded), 0)
    )
    out.write(encoded)
    out.write(packed)
    return struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(packed), size32, len(encoded), 0, 0, 0, 0, 0,
        offset,
    ) + encoded  # fmt: skip


def write_many_entries(path: Path, count: int) -> None:
    write_workbook(path, sheet_xml(espm_rows_xml()))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        for k in range(count):
            z.writestr(f"x/{k}", b"")


def _csv_text(delimiter: str) -> str:
    lines = [delimiter.join(HEADERS)] + [delimiter.join(r) for r in ROWS]
    return "\r\n".join(lines) + "\r\n"


def _hidden_sheets_book(path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Meter Entries"
    for row in (HEADERS, *ROWS):
        ws.append(list(row))
    old = book.create_sheet("Old bills")
    old.append(list(HEADERS))
    old.append(["Hidden Tower", "9001", "9001-1", "Old meter", "Natural Gas", "2020-01-01", "2020-01-31", "9",
                "cm (cubic meters)", "1"])  # fmt: skip
    old.sheet_state = "hidden"
    secret = book.create_sheet("Lists")
    secret.append(["kWh", "cm (cubic meters)"])
    secret.sheet_state = "veryHidden"
    book.save(path)


def make_corpus(out: Path) -> list[Path]:
    """Write every small hostile file into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    espm = espm_rows_xml()
    stray = _stray_cell_row()
    files: dict[str, bytes | None] = {}

    write_workbook(
        out / "stray_cell_xfd1048576_with_dimension.xlsx", sheet_xml(espm + stray, "A1:XFD1048576")
    )
    write_workbook(out / "stray_cell_xfd1048576_no_dimension.xlsx", sheet_xml(espm + stray))
    write_workbook(out / "only_cell_xfd1048576.xlsx", sheet_xml(stray))
    write_workbook(out / "dimension_a1_xfd1048576_cells_small.xlsx", sheet_xml(espm, "A1:XFD1048576"))
    far = f'<row r="1999999">{_cell("GR1999999", "far")}</row>'
    write_workbook(out / "stray_cell_within_limits_gr1999999.xlsx", sheet_xml(espm + far))
    no_r = "<row>" + "".join("<c><v>1</v></c>" for _ in range(300)) + "</row>"
    write_workbook(out / "cells_without_references_300_columns.xlsx", sheet_xml(espm + no_r))
    prefixed = '<row r="5"><x:c xmlns:x="urn:x" r="XFD5"><x:v>1</x:v></x:c></row>'
    write_workbook(out / "namespaced_stray_cell.xlsx", sheet_xml(espm + prefixed))

    write_bomb(out / "zip_bomb_ratio_1000.xlsx", b" " * (1 << 20), 40)
    write_bomb(out / "zip_bomb_lying_size.xlsx", b" " * (1 << 20), 40, declared_size=2_000)

    write_workbook(out / "truncated.xlsx", sheet_xml(espm))
    data = (out / "truncated.xlsx").read_bytes()
    files["truncated.xlsx"] = data[: len(data) // 2]
    files["really_a_pdf.xlsx"] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
    rng = random.Random(20240101)
    files["binary_junk.csv"] = bytes(rng.randrange(256) for _ in range(4096))
    files["binary_junk_no_nul.csv"] = bytes(rng.randrange(1, 32) for _ in range(4096))
    files["utf16le_bom_tab.csv"] = b"\xff\xfe" + _csv_text("\t").encode("utf-16-le")
    files["utf16be_bom_tab.csv"] = b"\xfe\xff" + _csv_text("\t").encode("utf-16-be")
    files["utf16le_no_bom_tab.csv"] = _csv_text("\t").encode("utf-16-le")
    files["utf8_bom_comma.csv"] = b"\xef\xbb\xbf" + _csv_text(",").encode()
    files["utf8_tab.csv"] = _csv_text("\t").encode()
    files["cp1252_semicolon.csv"] = _csv_text(";").encode("cp1252")
    files["mac_roman_comma.csv"] = _csv_text(",").encode("mac_roman")
    files["nul_bytes.csv"] = _csv_text(",").encode().replace(b"Natural", b"Nat\x00ural", 1)
    long_rows = [",".join(HEADERS)] + [",".join((*r[:9], "x" * 10_000)) for r in ROWS]
    files["long_cells_10000_chars.csv"] = ("\n".join(long_rows) + "\n").encode()
    files["empty.csv"] = b""
    files["empty.xlsx"] = b""
    files["header_only.csv"] = (",".join(HEADERS) + "\n").encode()
    files["xls_97_2003.xls"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    files["opendocument.ods"] = ods.getvalue()
    for name, content in files.items():
        if content is not None:
            (out / name).write_bytes(content)
    _hidden_sheets_book(out / "hidden_and_very_hidden_sheets.xlsx")
    written = sorted(p for p in out.iterdir() if p.is_file() and p.name != "README.md")
    for p in written:
        assert p.stat().st_size < 50_000, (p.name, p.stat().st_size)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for path in make_corpus(args.out):
        print(f"{path.stat().st_size:>7,}  {path.name}")


if __name__ == "__main__":
    main()
