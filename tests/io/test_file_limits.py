"""Files over a limit are refused before a reader library sees them; CSV encodings and hidden sheets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from espm_desktop.io import file_limits
from espm_desktop.io.espm_import import ImportFileError, read_bills_file, read_table
from espm_desktop.io.file_limits import SheetPart
from espm_desktop.io.sheet_extent import _exact_extent, _rows_up_to, scan_sheet_extent
from espm_desktop.io.sheets import detect_text_encoding

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import make_hostile_corpus as corpus  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "espm-samples"


def _book(tmp_path: Path, name: str, extra_rows: str, dimension: str | None = None) -> Path:
    path = tmp_path / name
    corpus.write_workbook(path, corpus.sheet_xml(corpus.espm_rows_xml() + extra_rows, dimension))
    return path


def _refusal(path: Path) -> ImportFileError:
    with pytest.raises(ImportFileError) as info:
        read_bills_file(path)
    assert info.value.file == path.name and info.value.message_fr
    return info.value


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from espm_desktop.io.espm_import import ImportFileError, read_bills_file
out = {}
for name in sys.argv[1:]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    try:
        read_bills_file(Path(name))
        message = None
    except ImportFileError as exc:
        message = exc.message_en
    out[name] = {"seconds": time.perf_counter() - t, "message": message,
                 "extra_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before}
print(json.dumps(out))
"""


def test_a_stray_cell_at_xfd1048576_is_refused_fast_in_little_memory(tmp_path: Path) -> None:
    stray = f'<row r="1048576">{corpus._cell("XFD1048576", "x")}</row>'
    files = [
        _book(tmp_path, "with_dimension.xlsx", stray, "A1:XFD1048576"),
        _book(tmp_path, "no_dimension.xlsx", stray),
    ]
    only = tmp_path / "only_cell.xlsx"
    corpus.write_workbook(only, corpus.sheet_xml(stray))
    files.append(only)
    assert all(f.stat().st_size < 3000 for f in files)
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    results = json.loads(run.stdout)
    for name, result in results.items():
        assert result["seconds"] < 2, (name, result)
        assert result["extra_kb"] < 100 * 1024, (name, result)
        assert "16,384 columns × 1,048,576 rows" in result["message"]
        assert "Remove the stray cell (XFD1048576)" in result["message"]


def test_a_declared_dimension_alone_is_not_refused(tmp_path: Path) -> None:
    # calamine sizes a sheet by its cells, not by <dimension>: Excel leaves stale dimensions behind.
    path = _book(tmp_path, "stale_dimension.xlsx", "", "A1:XFD1048576")
    assert len(read_bills_file(path).rows) == 2


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ('<row r="1999999"><c r="GR1999999"><v>1</v></c></row>', "200 columns × 1,999,999 rows"),
        ('<row r="7"><c r="GS7"><v>1</v></c></row>', "201 columns"),
        ('<row r="7"><c r="A2000001"><v>1</v></c></row>', "2,000,001 rows"),
        ('<row r="7"><c r="A1" r="XFD7"><v>1</v></c></row>', "16,384 columns"),  # calamine takes the last r
        ('<row r="7"><c r="xfd7"><v>1</v></c></row>', "16,384 columns"),  # lower case is read too
        ('<row r="7"><c  r="XFD7"><v>1</v></c></row>', "16,384 columns"),
        ("<row r=\"7\"><c r='XFD7'><v>1</v></c></row>", "16,384 columns"),
        ('<row r="7"><x:c r="XFD7"><x:v>1</x:v></x:c></row>', "16,384 columns"),
        ('<row r="7"><c s="1" r="XFD7"><v>1</v></c></row>', "16,384 columns"),
        ("<row>" + "<c><v>1</v></c>" * 201 + "</row>", "201 columns"),
        ('<row r="3000000"><c><v>1</v></c></row>', "3,000,000 rows"),
    ],
)
def test_far_cells_are_found_however_they_are_written(tmp_path: Path, rows: str, expected: str) -> None:
    assert expected in _refusal(_book(tmp_path, "far.xlsx", rows)).message_en


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="9"><c r="XFD9" s="3"/></row>',  # an empty styled cell: calamine places no value
        '<row r="90"><c r="AM90" t="inlineStr"><is><t>note</t></is></c></row>',
        '<row r="9"><c r="BZ9" cm="1"><v>2</v></c></row>',  # an unusual attribute, inside the limits
        "<row><c><v>1</v></c><c><v>2</v></c></row>",  # cells without references
    ],
)
def test_cells_within_the_limits_are_read(tmp_path: Path, rows: str) -> None:
    assert len(read_bills_file(_book(tmp_path, "ok.xlsx", rows)).rows) == 2


def test_the_fast_scan_and_the_exact_scan_agree(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{r}"><c r="C{r}"><v>1</v></c><c><v>2</v></c></row>' for r in range(10, 60))
    path = _book(tmp_path, "mixed.xlsx", rows)
    with zipfile.ZipFile(path) as zf:
        extent = _exact_extent(path, zf, SheetPart("Meter Entries", corpus.SHEET_MEMBER, "visible"))
    assert (extent.rows, extent.columns) == (59, 10)


def test_row_bound_patterns_match_exactly() -> None:
    for limit in (1, 9, 10, 99, 100, 76_923, 1_999_999, 2_000_000):
        pattern = re.compile(rb"(?:" + _rows_up_to(limit) + rb")")
        numbers = [*range(1, 2100), *range(max(1, limit - 300), limit + 300)]
        assert all(bool(pattern.fullmatch(b"%d" % n)) == (n <= limit) for n in numbers), limit


def test_a_zip_bomb_is_refused_by_its_declared_sizes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    corpus.write_bomb(path, b" " * (1 << 20), 2200, with_crc=False)  # 2.3 GB from 2 MB
    message = _refusal(path).message_en
    assert "zip bomb" in message and "xl/worksheets/sheet1.xml" in message and "2.3 GB" in message


def test_a_part_larger_than_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    corpus.write_bomb(path, b" " * (1 << 20), 4, declared_size=500)
    assert "does not have the size the zip declares" in _refusal(path).message_en


def test_too_many_parts_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_limits, "MAX_ZIP_ENTRIES", 50)
    path = tmp_path / "many.xlsx"
    corpus.write_many_entries(path, 60)
    assert "65 parts" in _refusal(path).message_en


def test_size_limits_are_checked_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_limits, "MAX_WORKBOOK_FILE_BYTES", 100)
    monkeypatch.setattr(file_limits, "MAX_CSV_FILE_BYTES", 100)
    book = _book(tmp_path, "big.xlsx", "")
    assert "workbooks of at most 0 KB" in _refusal(book).message_en
    csv_file = tmp_path / "big.csv"
    csv_file.write_text("a,b\n" * 100, encoding="utf-8")
    assert "CSV files of at most" in _refusal(csv_file).message_en


def test_other_workbook_formats_are_refused_with_the_fix(tmp_path: Path) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "(.xls)" in _refusal(xls).message_en and "save it as an Excel workbook" in _refusal(xls).message_en
    ods = tmp_path / "sheet.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "(.ods)" in _refusal(ods).message_en


ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("cp1252", b""),
    ("mac_roman", b""),
]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters_read_accents_right(
    tmp_path: Path, encoding: str, bom: bytes, delimiter: str
) -> None:
    path = tmp_path / "bills.csv"
    path.write_bytes(bom + corpus._csv_text(delimiter).encode(encoding))
    table = read_table(path)
    assert table.csv_delimiter == delimiter
    assert table.sheets[0].rows[1][0] == "Énergir Montréal"
    batch = read_bills_file(path)
    assert [r.property_name for r in batch.rows] == ["Énergir Montréal"] * 2 and not batch.errors


def test_encoding_detection_rules() -> None:
    assert detect_text_encoding("Montréal".encode("cp1252")) == "cp1252"
    assert detect_text_encoding("Montréal".encode()) == "utf-8"
    assert detect_text_encoding("Montréal".encode("mac_roman")) == "mac_roman"  # 'MontrŽal' in cp1252
    assert detect_text_encoding("Trois-Rivières".encode("mac_roman")) == "mac_roman"  # è is not cp1252
    with pytest.raises(ValueError):
        detect_text_encoding(b"abc\x00\x01\x02\xff\x00\x00\x00\x00")


@pytest.mark.parametrize(
    "content", [bytes(range(256)) * 4, b"Start,End\n2023\x00,1\n", bytes(range(1, 32)) * 40]
)
def test_binary_junk_is_not_a_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    assert "does not look like a text CSV file" in _refusal(path).message_en


def test_hidden_sheets_are_left_out_with_a_notice(tmp_path: Path) -> None:
    corpus.make_corpus(tmp_path)
    table = read_table(tmp_path / "hidden_and_very_hidden_sheets.xlsx")
    assert [s.name for s in table.sheets] == ["Meter Entries"]
    assert [n.sheet for n in table.notices] == ["Old bills", "Lists"]
    assert "sheet 'Old bills' is hidden and was not imported" in table.notices[0].message("en")
    assert "sheet 'Lists' is very hidden and was not imported" in table.notices[1].message("en")
    assert "est masquée et n'a pas été importée" in table.notices[0].message("fr")
    assert {
        r.property_name for r in read_bills_file(tmp_path / "hidden_and_very_hidden_sheets.xlsx").rows
    } == {"Énergir Montréal"}


@pytest.mark.skipif(not SAMPLES.exists(), reason="ESPM samples not present")
def test_espm_template_hidden_sheets_are_reported(tmp_path: Path) -> None:
    table = read_table(SAMPLES / "Add_Bills_to_Meters.xlsx")
    assert {n.sheet for n in table.notices} >= {"Lists", "Validation", "Add Bills-Delivery"}
    assert [s.name for s in table.sheets] == [
        "Instructions",
        "Add Bills-Electricity",
        "Add Bills-Non Electric",
    ]


def test_every_sheet_hidden_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "all_hidden.xlsx"
    corpus.write_workbook(path, corpus.sheet_xml(corpus.espm_rows_xml()))
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'sheetId="1"', b'sheetId="1" state="hidden"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert "Every sheet of the workbook is hidden" in _refusal(path).message_en


def test_scan_refuses_a_sheet_without_a_part(tmp_path: Path) -> None:
    path = _book(tmp_path, "ok.xlsx", "")
    with zipfile.ZipFile(path) as zf, pytest.raises(ImportFileError):
        scan_sheet_extent(path, zf, SheetPart("Ghost", None, "visible"))
