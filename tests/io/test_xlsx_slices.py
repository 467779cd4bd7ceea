"""A large sheet read by slices gives exactly the rows of a whole read, for every kind of cell and layout."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from espm_desktop.io import xlsx_slices
from espm_desktop.io.espm_import import read_bills_file
from espm_desktop.io.sheets import _row_converter, read_workbook
from espm_desktop.io.xlsx_slices import read_sheet_in_slices

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "espm-samples"


def _whole(path: Path, sheet: str) -> list[list[object]]:
    with CalamineWorkbook.from_path(str(path)) as book:
        convert = _row_converter()
        return [convert(r) for r in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]


def _assert_same(whole: list[list[object]], sliced: list[list[object]] | None) -> None:
    assert sliced is not None
    assert sliced == whole
    for a, b in zip(whole, sliced, strict=True):
        assert [type(v) for v in a] == [type(v) for v in b]


@pytest.fixture
def messy_book(tmp_path: Path) -> Path:
    """Gaps between rows, rows starting in column C, dates, datetimes, times, booleans, shared strings."""
    book = Workbook()
    ws = book.active
    ws.title = "Data"
    for r in range(1, 400):
        if r % 37 == 0:
            continue  # a blank row
        offset = 3 if 100 <= r < 140 else 1
        ws.cell(r, offset, f"Building {r % 7}")
        ws.cell(r, offset + 1, r * 1.5)
        ws.cell(r, offset + 2, date(2020, 1, 1 + r % 28))
        ws.cell(r, offset + 3, datetime(2021, 2, 3, 4, 5) if r % 3 else time(6, 30))
        ws.cell(r, offset + 4, r % 2 == 0)
        ws.cell(r, offset + 5, "Not Available")
    ws.cell(420, 12, "last, far right")
    book.create_sheet("Other").append(["kept apart"])
    path = tmp_path / "messy.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("slice_bytes", [300, 2000, 50_000])
def test_slices_equal_whole_read(messy_book: Path, slice_bytes: int) -> None:
    sliced = read_sheet_in_slices(messy_book, "Data", _row_converter(), slice_bytes=slice_bytes, min_bytes=0)
    _assert_same(_whole(messy_book, "Data"), sliced)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="ESPM samples not present")
@pytest.mark.parametrize("name", ["PM_Meter_Data.xlsx", "Add_Bills_to_Meters.xlsx", "Add_Meters.xlsx"])
def test_espm_samples_read_by_slices(name: str) -> None:
    path = SAMPLES / name
    with CalamineWorkbook.from_path(str(path)) as book:
        names = list(book.sheet_names)
    for sheet in names:
        sliced = read_sheet_in_slices(path, sheet, _row_converter(), slice_bytes=1500, min_bytes=0)
        if sliced is not None:
            _assert_same(_whole(path, sheet), sliced)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="ESPM samples not present")
def test_import_reads_the_same_bills_by_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    path = SAMPLES / "PM_Meter_Data.xlsx"
    whole = read_bills_file(path)
    monkeypatch.setattr(xlsx_slices, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_slices, "SLICE_BYTES", 2000)
    monkeypatch.setattr(
        "espm_desktop.io.sheets.read_sheet_in_slices",
        lambda p, s, c: read_sheet_in_slices(p, s, c, slice_bytes=2000, min_bytes=0),
    )
    sliced = read_bills_file(path)
    assert sliced.rows == whole.rows and sliced.errors == whole.errors and sliced.skipped == whole.skipped
    assert sliced.properties == whole.properties and sliced.meters == whole.meters


def test_small_sheets_are_read_whole(messy_book: Path) -> None:
    assert read_sheet_in_slices(messy_book, "Data", _row_converter()) is None
    assert read_workbook(messy_book).sheet("Data") is not None


def _rewrite_sheet(path: Path, edit: dict[bytes, bytes]) -> Path:
    out = path.with_name("edited.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for old, new in edit.items():
                    data = data.replace(old, new)
            dst.writestr(info.filename, data)
    return out


def test_rows_without_numbers_are_read_whole(messy_book: Path) -> None:
    edited = _rewrite_sheet(messy_book, {b'<row r="': b'<row x="'})
    assert read_sheet_in_slices(edited, "Data", _row_converter(), slice_bytes=300, min_bytes=0) is None


def test_rows_out_of_order_are_read_whole(messy_book: Path) -> None:
    # Row 1 written last: a slice would start above rows already read.
    with zipfile.ZipFile(messy_book) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    first = xml[xml.index(b'<row r="1"') : xml.index(b'<row r="2"')]
    edited = _rewrite_sheet(messy_book, {first: b"", b"</sheetData>": first + b"</sheetData>"})
    assert read_sheet_in_slices(edited, "Data", _row_converter(), slice_bytes=300, min_bytes=0) is None
    assert read_workbook(edited).sheet("Data") is not None


def test_cell_kinds_are_kept_apart_when_values_are_shared(tmp_path: Path) -> None:
    # 1.0 == True and 0.0 == False: sharing equal values must not turn a number into a yes/no or back.
    book = Workbook()
    ws = book.active
    ws.title = "Data"
    for value in (True, 1.0, 1, False, 0.0, "Not Available", "Not Available", date(2020, 1, 1), time(0)):
        ws.append([value, value])
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    rows = read_workbook(path).sheets[0].rows
    assert [type(r[0]) for r in rows] == [bool, float, float, bool, float, str, str, date, type(None)]
    assert rows[0][0] is True and rows[3][0] is False
    assert rows[5][0] is rows[6][1]  # the same text is kept once


def test_a_damaged_sheet_is_left_to_the_whole_read(messy_book: Path) -> None:
    from espm_desktop.io.sheets import ImportFileError

    with zipfile.ZipFile(messy_book) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    number = xml[xml.index(b'<c r="B300"') :]
    number = number[: number.index(b"</c>")]
    edited = _rewrite_sheet(messy_book, {number: number.replace(b"<v>", b"<v>4x")})
    assert read_sheet_in_slices(edited, "Data", _row_converter(), slice_bytes=300, min_bytes=0) is None
    with pytest.raises(ImportFileError):
        read_workbook(edited)


def test_binary_workbooks_are_read_whole(tmp_path: Path) -> None:
    # An .xlsb keeps its workbook and sheets as binary parts: nothing to cut.
    path = tmp_path / "book.xlsb"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        )
        z.writestr("xl/workbook.bin", b"\x83\x01\x00\x80\x01\x00")
    assert read_sheet_in_slices(path, "Sheet1", _row_converter(), min_bytes=0) is None
