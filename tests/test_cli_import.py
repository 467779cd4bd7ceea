from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from espm_desktop.cli import main
from tests.samples import SAMPLES


def _bill_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM bill").fetchone()[0])
    finally:
        con.close()


def _with_errors(tmp_path: Path) -> Path:
    path = tmp_path / "bills.csv"
    path.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,douze,cm (cubic meters)\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.skipif(not SAMPLES.exists(), reason="ESPM samples not available")
def test_import_prints_summary_and_reimport_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    files = [str(SAMPLES / "PM_Meter_Data.xlsx"), str(SAMPLES / "Add_Bills_to_Meters.xlsx")]
    assert main(["import", "--db", str(db), *files]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["imported"], summary["duplicates"], summary["skipped"], summary["errors"]) == (
        667,
        0,
        0,
        [],
    )
    assert main(["import", "--db", str(db), *files]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["imported"], summary["duplicates"]) == (0, 667)
    assert _bill_count(db) == 667
    out = tmp_path / "upload.xlsx"
    assert main(["export", "--db", str(db), "--format", "espm-bills", "--out", str(out)]) == 0
    assert "667 bills" in capsys.readouterr().out
    db2 = tmp_path / "second.sqlite"
    assert main(["import", "--db", str(db2), str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 667


def test_row_errors_are_listed_and_strict_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    path = _with_errors(tmp_path)
    assert main(["import", "--db", str(db), "--strict", str(path)]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] == 0 and summary["written"] is False
    assert _bill_count(db) == 0
    assert main(["import", "--db", str(db), "--lang", "fr", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] == 1
    [error] = summary["errors"]
    assert (error["file"], error["sheet"], error["row"], error["column"], error["value"]) == (
        "bills.csv",
        "bills",
        3,
        "Usage/Quantity",
        "douze",
    )
    assert error["reason"]
    assert _bill_count(db) == 1


def test_generic_file_needs_a_mapping_and_accepts_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    path = tmp_path / "gaz.csv"
    path.write_text("Du,Au,Volume\n2023-01-01,2023-01-31,100\n2023-02-01,2023-02-28,90\n", encoding="utf-8")
    assert main(["import", "--db", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "mapping" in err and "Du" in err and "Volume" in err
    mapping = json.dumps(
        {
            "columns": {"start": "Du", "end": "Au", "usage": "Volume"},
            "fixed": {
                "property_name": "Tour A",
                "meter_name": "Gaz",
                "meter_type": "Natural Gas",
                "unit": "m3",
            },
        }
    )
    assert main(["import", "--db", str(db), "--mapping", mapping, str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 2


def test_ambiguous_dates_need_date_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite"
    path = tmp_path / "slash.csv"
    path.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,01/02/2023,05/02/2023,100,cm (cubic meters)\n",
        encoding="utf-8",
    )
    assert main(["import", "--db", str(db), str(path)]) == 2
    assert "--date-order" in capsys.readouterr().err
    assert main(["import", "--db", str(db), "--date-order", "dmy", str(path)]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT start_date, end_date FROM bill").fetchall() == [("2023-02-01", "2023-02-05")]
    con.close()


def test_unreadable_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    good = _with_errors(tmp_path)
    pdf = tmp_path / "facture.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a sheet")
    assert main(["import", "--db", str(db), str(good), str(pdf)]) == 2
    assert "PDF" in capsys.readouterr().err
    assert not db.exists() or _bill_count(db) == 0
