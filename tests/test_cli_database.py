"""The command line on wrong database files (exit 3, a sentence, no traceback) and on any legal path."""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from espm_desktop.cli import main
from espm_desktop.db.summaries import property_summaries


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bill_csv(folder: Path) -> Path:
    path = folder / "bills.csv"
    path.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,120,cm (cubic meters)\n",
        encoding="utf-8",
    )
    return path


def test_a_newer_database_gives_exit_3_and_is_untouched(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0042'")
    con.commit()
    con.close()
    before = digest(db_path)
    assert main(["import", "--db", str(db_path), str(bill_csv(tmp_path))]) == 3
    err = capsys.readouterr().err
    assert "newer version" in err and "Traceback" not in err
    assert main(["export", "--db", str(db_path), "--format", "csv", "--out", str(tmp_path / "o.csv")]) == 3
    assert digest(db_path) == before
    assert not (tmp_path / "o.csv").exists()


def test_a_damaged_database_gives_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    assert main(["import", "--db", str(junk), str(bill_csv(tmp_path)), "--lang", "fr"]) == 3
    err = capsys.readouterr().err
    assert "n'est pas une base de données" in err and "Traceback" not in err


def test_export_onto_the_database_is_refused(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_db)
    for target in (demo_db, Path(str(demo_db) + "-wal")):
        assert main(["export", "--db", str(demo_db), "--format", "csv", "--out", str(target)]) == 2
        assert "database itself" in capsys.readouterr().err
    assert digest(demo_db) == before


NAMES = ["with space", "accentué élève", "Building #3", "what?", "100%41", "x" * 120]


@pytest.mark.parametrize("name", NAMES)
def test_any_legal_folder_name_works(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / name
    folder.mkdir()
    db = folder / f"{name[:40]}.sqlite"
    assert main(["init-demo", "--db", str(db)]) == 0
    assert main(["import", "--db", str(db), str(bill_csv(tmp_path))]) == 0
    out = folder / "export.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert any("Tour A" in row for row in rows)
    names = {s.name for s in property_summaries(db)}
    assert "Tour A" in names and len(names) >= 4
    # Only the database (and its WAL companions), the export and the backups' absence: no stray file elsewhere.
    assert {p.name for p in tmp_path.iterdir()} - {"user"} == {name, "bills.csv"}
    assert {p.name for p in folder.iterdir()} <= {db.name, db.name + "-wal", db.name + "-shm", "export.csv"}


@pytest.mark.parametrize("name", ["Building #3", "what?", "100%41"])
def test_the_window_opens_on_any_legal_folder_name(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    db = folder / "espm.sqlite"
    assert main(["init-demo", "--db", str(db)]) == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "espm_desktop", "--db", str(db), "--quit-after-start", "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "first-screen-seconds" in result.stdout
    assert {p.name for p in folder.iterdir()} <= {"espm.sqlite", "espm.sqlite-wal", "espm.sqlite-shm"}


def test_an_import_into_a_database_another_program_is_writing_exits_3(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import espm_desktop.db.engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.3)
    before = sqlite3.connect(demo_db).execute("SELECT count(*) FROM bill").fetchone()[0]
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = main(["import", "--db", str(demo_db), str(bill_csv(tmp_path))])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 3, err
    assert "another program" in err and "Traceback" not in err
    assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM bill").fetchone()[0] == before
