"""Every file of tests/data/hostile/ (and the big ones made here) through `espm-desktop import`.

Each must be imported (exit 0) or refused (exit 2) with a message naming it: no traceback, under 10 s and
500 MB, and a refused file leaves the database as it was. The children run four at a time; each one's
peak memory is its own `os.wait4` rusage.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"
sys.path.insert(0, str(ROOT / "scripts"))
import make_hostile_corpus as corpus  # noqa: E402

TIMEOUT_S = 30
MAX_SECONDS = 10
MAX_RSS_MB = 500

EXPECTED_EXIT = {
    "binary_junk.csv": 2,
    "binary_junk_no_nul.csv": 2,
    "cells_without_references_300_columns.xlsx": 2,
    "cp1252_semicolon.csv": 0,
    "dimension_a1_xfd1048576_cells_small.xlsx": 0,
    "empty.csv": 2,
    "empty.xlsx": 2,
    "header_only.csv": 0,
    "hidden_and_very_hidden_sheets.xlsx": 0,
    "long_cells_10000_chars.csv": 0,
    "mac_roman_comma.csv": 0,
    "namespaced_stray_cell.xlsx": 2,
    "nul_bytes.csv": 2,
    "only_cell_xfd1048576.xlsx": 2,
    "opendocument.ods": 2,
    "really_a_pdf.xlsx": 2,
    "stray_cell_within_limits_gr1999999.xlsx": 2,
    "stray_cell_xfd1048576_no_dimension.xlsx": 2,
    "stray_cell_xfd1048576_with_dimension.xlsx": 2,
    "truncated.xlsx": 2,
    "utf16be_bom_tab.csv": 0,
    "utf16le_bom_tab.csv": 0,
    "utf16le_no_bom_tab.csv": 0,
    "utf8_bom_comma.csv": 0,
    "utf8_tab.csv": 0,
    "xls_97_2003.xls": 2,
    "zip_bomb_lying_size.xlsx": 2,
    "zip_bomb_ratio_1000.xlsx": 2,
    "zip_bomb_2_3_gb.xlsx": 2,
    "zip_20000_entries.xlsx": 2,
}


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    seconds: float
    peak_rss_mb: float
    db_before: tuple[int, str]
    db_after: tuple[int, str]


def _db_state(path: Path) -> tuple[int, str]:
    with sqlite3.connect(path) as conn:
        bills = conn.execute("SELECT count(*) FROM bill").fetchone()[0]
    conn.close()
    return bills, hashlib.sha256(path.read_bytes()).hexdigest()


def _run_one(file: Path, template_db: Path, work: Path) -> Run:
    db = work / f"{file.name}.sqlite"
    shutil.copyfile(template_db, db)
    before = _db_state(db)
    out = work / f"{file.name}.out"
    t0 = time.perf_counter()
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "espm_desktop", "import", "--db", str(db), str(file)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        killer = threading.Timer(TIMEOUT_S, lambda: os.kill(proc.pid, signal.SIGKILL))
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    return Run(
        proc.returncode,
        out.read_text(encoding="utf-8", errors="replace"),
        seconds,
        usage.ru_maxrss / 1024,
        before,
        _db_state(db),
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    from espm_desktop.db.engine import upgrade_database

    work = tmp_path_factory.mktemp("hostile")
    template = work / "template.sqlite"
    upgrade_database(template)
    big = work / "big"
    big.mkdir()
    corpus.write_bomb(big / "zip_bomb_2_3_gb.xlsx", b" " * (1 << 20), 2200, with_crc=False)
    corpus.write_many_entries(big / "zip_20000_entries.xlsx", 20_000)
    files = sorted(p for p in HOSTILE.iterdir() if p.is_file() and p.name != "README.md")
    files += sorted(big.iterdir())
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda f: (f.name, _run_one(f, template, work)), files)
        return dict(results)


def test_the_corpus_is_up_to_date(tmp_path: Path) -> None:
    made = {p.name: p.read_bytes() for p in corpus.make_corpus(tmp_path)}
    stored = {p.name for p in HOSTILE.iterdir() if p.is_file() and p.name != "README.md"}
    assert set(made) == stored, "run scripts/make_hostile_corpus.py"
    assert set(EXPECTED_EXIT) >= stored


@pytest.mark.parametrize("name", sorted(EXPECTED_EXIT))
def test_hostile_file_through_the_cli(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.code in (0, 2), run.output
    assert run.code == EXPECTED_EXIT[name], run.output
    assert "Traceback" not in run.output and "panicked" not in run.output, run.output
    assert run.seconds < MAX_SECONDS, run.seconds
    assert run.peak_rss_mb < MAX_RSS_MB, run.peak_rss_mb
    if run.code == 2:
        assert name in run.output, run.output
        assert run.db_after == run.db_before
    else:
        assert run.db_after[0] >= run.db_before[0]
