"""Measure what a 1.2-million-row ESPM portfolio weighs as .xlsx, to check the limits of io/file_limits.

    python bench/file_limits_sizes.py [--rows 12000] [--target 1200000]

Two layouts: ESPM's own Meter Entries export (shared strings; PM_Meter_Data.xlsx from the samples) and the
same 39 columns written by openpyxl write_only (inline strings; bench/import_sheet.py). Sizes grow
linearly with rows, so a small sheet is measured and scaled to --target rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_sheet import generate  # noqa: E402

from espm_desktop.io import file_limits  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "espm-samples" / "PM_Meter_Data.xlsx"


def _measure(path: Path, member: str) -> tuple[int, int, int, int]:
    """(file bytes, sheet XML bytes, sheet compressed bytes, data rows) of one sheet."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
        xml = z.read(member)
    rows = len(
        re.findall(rb"<row\b[^>]*>\s*<c\b[^>]*>\s*<v>|<row\b[^>]*><c\b[^>]*t=\"(?:s|inlineStr)\"", xml)
    )
    return path.stat().st_size, info.file_size, info.compress_size, rows


def _report(label: str, file_bytes: int, xml: int, packed: int, rows: int, target: int) -> None:
    scale = target / rows
    print(
        f"{label}: {rows:,} rows, sheet XML {xml / rows:,.0f} B/row, ratio {xml / packed:.1f}:1 -> "
        f"{target:,} rows ≈ {xml * scale / 1e9:.2f} GB of XML in a {file_bytes * scale / 1e6:,.0f} MB file"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=12_000)
    parser.add_argument("--target", type=int, default=1_200_000)
    args = parser.parse_args()
    if SAMPLE.exists():
        # The export pads its sheet with ~900 rows of empty styled cells: measure its bill rows only.
        with zipfile.ZipFile(SAMPLE) as z:
            info = z.getinfo("xl/worksheets/sheet2.xml")
            text = z.read(info.filename)
        bills = [r for r in re.findall(rb"<row\b.*?</row>", text) if r.count(b"<v>") >= 20]
        per_row = sum(map(len, bills)) / len(bills)
        ratio = info.file_size / info.compress_size
        xml = per_row * args.target
        print(
            f"ESPM export (shared strings): {len(bills)} bill rows, {per_row:,.0f} B/row, ratio {ratio:.1f}:1 -> "
            f"{args.target:,} rows ≈ {xml / 1e9:.2f} GB of XML in a ≈ {xml / ratio / 1e6:,.0f} MB file"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        rows = generate(path, properties=max(1, args.rows // 1200), meters=10, years=10)
        size, xml, packed, _ = _measure(path, "xl/worksheets/sheet1.xml")
        _report("openpyxl write_only (inline strings)", size, xml, packed, rows, args.target)
    what = f"xlsx size of {args.target:,} rows (MB; no time)"
    print(
        "RESULT "
        + json.dumps(
            {"what": what, "ours_s": None, "floor_s": None, "size_mb": size * args.target / rows / 1e6}
        )
    )
    print(
        f"limits: file {file_limits.MAX_WORKBOOK_FILE_BYTES / 1e6:,.0f} MB, part "
        f"{file_limits.MAX_ENTRY_BYTES / 1e9:.1f} GB, all parts {file_limits.MAX_TOTAL_BYTES / 1e9:.1f} GB, "
        f"ratio {file_limits.MAX_COMPRESSION_RATIO}:1, {file_limits.MAX_SHEET_COLUMNS} columns, "
        f"{file_limits.MAX_SHEET_ROWS:,} rows"
    )


if __name__ == "__main__":
    main()
