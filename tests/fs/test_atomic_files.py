"""Output files are written whole or not at all, and never over the database, a backup, a folder or a bad name."""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from espm_desktop import paths
from espm_desktop.core.types import Bill, MeterData, PropertyData
from espm_desktop.fs.atomic_files import (
    STALE_AFTER_S,
    OutputFailed,
    OutputRefused,
    atomic_output_path,
    atomic_workbook_path,
    atomic_write,
    check_output_target,
    database_files,
    find_partials,
    is_partial_name,
)
from espm_desktop.io.espm_export import ExportProperty, write_bills_csv, write_portfolio_workbook

OLD = b"the previous good export\n" * 100


def entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def portfolio(bills: int) -> list[ExportProperty]:
    start = date(2000, 1, 1)
    meter = MeterData(
        "Gaz 1",
        "natural_gas",
        "m3",
        tuple(
            Bill(start + timedelta(days=i), start + timedelta(days=i), float(i), Decimal("12.34"))
            for i in range(bills)
        ),
    )
    return [ExportProperty(PropertyData("Siège social", meters=(meter,)), espm_id="22178843")]


@pytest.fixture
def target(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "bills.csv"
    out.parent.mkdir()
    out.write_bytes(OLD)
    return out


# -- whole or nothing ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_a_write_that_raises_midway_leaves_the_old_file_and_no_partial(
    target: Path, error: type[BaseException]
) -> None:
    with pytest.raises(error):
        with atomic_write(target) as fh:
            fh.write(b"half of a new export" * 10_000)
            fh.flush()
            assert len(find_partials(target.parent)) == 1  # the new bytes went to the partial, not the target
            assert target.read_bytes() == OLD
            raise error()
    assert target.read_bytes() == OLD
    assert entries(target.parent) == ["bills.csv"]


def test_a_library_that_fails_after_writing_its_path_leaves_the_old_file(target: Path) -> None:
    with pytest.raises(ValueError):
        with atomic_output_path(target) as partial:
            partial.write_bytes(b"truncated")
            raise ValueError("the library gave up")
    assert target.read_bytes() == OLD
    assert entries(target.parent) == ["bills.csv"]


def test_a_finished_write_replaces_the_file_and_keeps_its_mode(target: Path) -> None:
    target.chmod(0o640)
    with atomic_write(target, mode="w", encoding="utf-8", newline="") as fh:
        fh.write("new,export\r\n")
    assert target.read_bytes() == b"new,export\r\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert entries(target.parent) == ["bills.csv"]


def test_a_new_file_gets_the_usual_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    out = tmp_path / "new.pdf"
    with atomic_write(out) as fh:
        fh.write(b"%PDF")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_workbook_and_openpyxls_scratch_files_stay_in_one_partial_folder(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = target.with_name("portfolio.xlsx")
    out.write_bytes(OLD)
    seen: list[list[str]] = []
    from openpyxl import Workbook

    real_save = Workbook.save

    def spying_save(self: Workbook, filename: str) -> None:
        seen.append(entries(Path(filename).parent))
        real_save(self, filename)
        raise RuntimeError("killed after the save")

    monkeypatch.setattr(Workbook, "save", spying_save)
    with pytest.raises(RuntimeError):
        write_portfolio_workbook(out, portfolio(50))
    assert out.read_bytes() == OLD
    assert [n for n in seen[0] if n.startswith("sheet.")], seen  # openpyxl's sheets were written beside it
    assert entries(target.parent) == ["bills.csv", "portfolio.xlsx"]


def test_a_write_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(OLD)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


# -- refusals --------------------------------------------------------------------------------------------------
def assert_refused(path: Path, kind: str, protected: list[Path] | None = None) -> OutputRefused:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(OutputRefused) as caught:
        with atomic_write(path, protected=protected or []) as fh:
            fh.write(b"an export")
    assert caught.value.kind == kind
    if before is not None:
        assert path.read_bytes() == before
    assert not find_partials(path.parent)
    return caught.value


def test_the_open_database_and_its_companions_are_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    try:
        assert Path(str(db_path) + "-wal").exists()
        for path in database_files(db_path):  # the -journal does not exist: refused by its name
            assert_refused(path, "database", [db_path])
        error = assert_refused(db_path, "database", [db_path])
        assert str(db_path) in error.message("en") and str(db_path) in error.message("fr")
        assert "base de données" in error.message("fr")
        link = db_path.with_name("alias.csv")
        link.symlink_to(db_path)
        assert_refused(link, "database", [db_path])
        hard = db_path.with_name("hard.csv")
        os.link(db_path, hard)
        assert_refused(hard, "database", [db_path])
    finally:
        con.close()
    assert sqlite3.connect(db_path).execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_any_sqlite_file_a_backup_and_a_folder_are_refused(db_path: Path, tmp_path: Path) -> None:
    assert_refused(db_path, "sqlite_file")  # not the open one: recognised by its header
    backup = paths.backup_dir() / "test" / "export.csv"
    backup.parent.mkdir(parents=True)
    assert_refused(backup, "backup_folder")
    assert not backup.exists()
    assert_refused(paths.backup_dir(), "directory")
    folder = tmp_path / "a folder.csv"
    folder.mkdir()
    error = assert_refused(folder, "directory")
    assert "dossier" in error.message("fr")


def test_the_open_databases_header_is_never_read_so_its_locks_hold(db_path: Path) -> None:
    """Closing any descriptor of a file drops the process's POSIX locks on it: the check must not open it."""
    if sys.platform == "win32":
        pytest.skip("POSIX locks")
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")  # the write lock is then a POSIX lock on the file itself
    probe = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], timeout=0)\n"
        "try:\n    c.execute('BEGIN IMMEDIATE')\nexcept sqlite3.OperationalError:\n    sys.exit(5)\n"
    )

    def another_process_can_write() -> bool:
        done = subprocess.run([sys.executable, "-c", probe, str(db_path)], check=False)
        return done.returncode == 0

    try:
        con.execute("BEGIN IMMEDIATE")
        assert not another_process_can_write()
        with pytest.raises(OutputRefused):
            check_output_target(db_path, [db_path])
        assert not another_process_can_write(), "the check opened the database and dropped its lock"
        with open(db_path, "rb") as fh:  # what reading the header would do
            fh.read(16)
        assert another_process_can_write(), "the probe can't see a dropped lock"
    finally:
        con.close()


def test_a_name_the_file_system_cant_encode_is_refused_before_anything_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    bad = folder / "facture-\ud800.pdf"
    with pytest.raises(OutputRefused) as caught:
        with atomic_write(bad) as fh:
            fh.write(b"%PDF")
    assert caught.value.kind == "bad_name"
    assert entries(folder) == []
    caught.value.message("fr").encode("utf-8")  # printable: the surrogate is shown escaped
    with pytest.raises(OutputRefused):
        check_output_target(tmp_path / "a\x00b.csv")


def test_an_invoice_that_fails_to_render_leaves_the_previous_pdf(tmp_path: Path) -> None:
    from espm_desktop.core.sge.invoice import Beneficiary, PaymentInvoice
    from espm_desktop.core.sge.rules import Phase
    from espm_desktop.reports.sge_invoice import render_invoice_pdf

    out = tmp_path / "out" / "SGE-0007.pdf"
    out.parent.mkdir()
    out.write_bytes(OLD)
    bad = PaymentInvoice(
        beneficiary=Beneficiary("Fonderie \ud800 inc.", "100, rue de l'Industrie", "1", "2"),
        work_address="2500, boul. Saint-Élzéar Ouest",
        energir_file_number="SGE-2024-017",
        invoice_number="SGE-\ud800",
        invoice_date=date(2024, 5, 2),
        phase=Phase.DIAGNOSTIC,
        aid_amount=Decimal("12345.67"),
    )
    with pytest.raises(Exception):  # noqa: B017 - whatever reportlab raises, the old file stays
        render_invoice_pdf(bad, out)
    assert out.read_bytes() == OLD
    assert entries(out.parent) == ["SGE-0007.pdf"]


def test_an_export_onto_the_engines_database_is_refused_without_being_told(db_path: Path) -> None:
    from espm_desktop.app.bill_export import ExportFormat, export_to_file
    from espm_desktop.db.engine import make_engine

    before = db_path.read_bytes()
    engine = make_engine(db_path)
    try:
        for fmt in ExportFormat:
            with pytest.raises(OutputRefused) as caught:
                export_to_file(engine, fmt, db_path)
            assert caught.value.kind == "database"
    finally:
        engine.dispose()
    assert db_path.read_bytes() == before


# -- failures --------------------------------------------------------------------------------------------------
def test_a_missing_folder_fails_with_a_message_naming_the_file(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "bills.csv"
    with pytest.raises(OutputFailed) as caught:
        write_bills_csv(out, portfolio(3))
    assert caught.value.reason == "io"
    assert str(out) in caught.value.message("en") and str(out) in caught.value.message("fr")
    assert isinstance(caught.value, OSError)  # callers catching OSError keep working


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs (root only)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if made.returncode != 0:
        pytest.skip(f"mount failed: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        gc.collect()  # openpyxl's abandoned sheet writers hold files open until collected
        if subprocess.run(["umount", str(mount)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], check=False)


# openpyxl's abandoned sheet writers complain when they are collected after the disk filled up.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_fails_clearly_and_keeps_the_previous_export(tiny_disk: Path) -> None:
    out = tiny_disk / "bills.csv"
    assert write_bills_csv(out, portfolio(100)) == 100
    good = out.read_bytes()
    with pytest.raises(OutputFailed) as caught:
        write_bills_csv(out, portfolio(30_000))  # about 2 MB
    assert caught.value.reason == "disk_full"
    assert "not enough free space" in caught.value.message("en")
    assert "espace libre" in caught.value.message("fr") and str(out) in caught.value.message("fr")
    assert out.read_bytes() == good
    assert entries(tiny_disk) == ["bills.csv"]
    with pytest.raises(OutputFailed) as caught:
        write_portfolio_workbook(out.with_suffix(".xlsx"), portfolio(60_000))
    assert caught.value.reason == "disk_full"
    assert entries(tiny_disk) == ["bills.csv"]


# -- stale partials --------------------------------------------------------------------------------------------
def test_stale_partials_are_recognised_and_cleaned_by_the_next_write(target: Path) -> None:
    folder = target.parent
    stale = folder / ".bills.csv.k3j_9x2a.partial"
    fresh = folder / ".bills.csv.zzzzzzzz.partial"
    other = folder / ".other.csv.abcdefgh.partial"
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert (
        is_partial_name(stale.name) and not is_partial_name("bills.csv") and not is_partial_name(".partial")
    )
    assert find_partials(folder, "bills.csv") == sorted([stale, fresh])
    with atomic_write(target) as fh:
        fh.write(b"new")
    assert not stale.exists() and fresh.exists() and other.exists()
    with atomic_workbook_path(folder / "other.csv") as inner:
        inner.write_bytes(b"x")
    assert not other.exists()
