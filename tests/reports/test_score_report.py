"""The score report PDF: the demo bank branch's figures in both languages, on every page its name, fonts
embedded, the page size, and the `report` command's exit codes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.app.report_data import score_report_data
from espm_desktop.cli_report import add_report_parser, run_report
from espm_desktop.db import models
from espm_desktop.db.engine import make_engine
from espm_desktop.reports.score_report import render_score_report

BANK = "Succursale bancaire (exemple RNCan)"


def _bank_id(db: Path) -> int:
    engine = make_engine(db)
    try:
        with Session(engine) as s:
            found = s.scalar(select(models.Property.id).where(models.Property.name == BANK))
            assert found is not None
            return found
    finally:
        engine.dispose()


def _write(db: Path, out: Path, lang: str, page_size: str = "letter") -> PdfReader:
    engine = make_engine(db)
    try:
        data = score_report_data(engine, _bank_id(db), lang)
    finally:
        engine.dispose()
    render_score_report(data, out, lang, page_size=page_size, protected=(db,))
    return PdfReader(out)


def _pages_text(reader: PdfReader) -> list[str]:
    # French numbers use no-break spaces; compare with ordinary ones.
    return [" ".join((p.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ").split()) for p in
            reader.pages]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ("75", "1 497,8 GJ", "1,152", "1,420", "0,811", "Étape 5")),
        ("en", ("75", "1,497.8 GJ", "1.152", "1.420", "0.811", "Step 5")),
    ],
)
def test_demo_bank_branch_figures(
    demo_db: Path, tmp_path: Path, lang: str, expected: tuple[str, ...]
) -> None:
    reader = _write(demo_db, tmp_path / f"score-{lang}.pdf", lang)
    pages = _pages_text(reader)
    text = " ".join(pages)
    for value in expected:
        assert value in text, value
    assert ("1,152 GJ/m²" if lang == "fr" else "1.152 GJ/m²") in text
    assert ("1,420 GJ/m²" if lang == "fr" else "1.420 GJ/m²") in text
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert BANK in page, f"page {number} lacks the property's name"
        assert (
            f"Page {number} de {len(pages)}" if lang == "fr" else f"Page {number} of {len(pages)}"
        ) in page
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)  # Letter by default


def test_fonts_are_embedded_truetype_subsets(demo_db: Path, tmp_path: Path) -> None:
    reader = _write(demo_db, tmp_path / "score.pdf", "fr")
    fonts = {}
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        assert font["/Subtype"] == "/TrueType", font
        base = str(font["/BaseFont"])
        assert base[7:8] == "+" and "DejaVu" in base, base  # ABCDEF+DejaVuSans: a subset
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_a4(demo_db: Path, tmp_path: Path) -> None:
    reader = _write(demo_db, tmp_path / "score-a4.pdf", "en", page_size="a4")
    for page in reader.pages:
        width, height = (float(v) for v in page.mediabox.upper_right)
        assert (round(width), round(height)) == (595, 842)


def test_unknown_page_size_is_refused(demo_db: Path, tmp_path: Path) -> None:
    engine = make_engine(demo_db)
    try:
        data = score_report_data(engine, _bank_id(demo_db), "en")
    finally:
        engine.dispose()
    with pytest.raises(ValueError):
        render_score_report(data, tmp_path / "x.pdf", "en", page_size="legal")
    assert not (tmp_path / "x.pdf").exists()


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="espm-desktop")
    add_report_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_cli_writes_the_report_by_name(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.pdf"
    args = _parse(["report", "score", "--db", str(demo_db), "--property", BANK, "--lang", "en",
                   "--page-size", "a4", "--out", str(out)])  # fmt: skip
    assert run_report(args) == 0
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.upper_right[0])) == 595
    assert "0.811" in " ".join(_pages_text(reader))


def test_cli_by_id(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "id.pdf"
    args = _parse(["report", "score", "--db", str(demo_db), "--property", str(_bank_id(demo_db)),
                   "--out", str(out)])  # fmt: skip
    assert run_report(args) == 0
    assert "0,811" in " ".join(_pages_text(PdfReader(out)))


def test_cli_unknown_property(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse(["report", "score", "--db", str(demo_db), "--property", "Nope", "--lang", "en",
                   "--out", str(tmp_path / "x.pdf")])  # fmt: skip
    assert run_report(args) == 2
    err = capsys.readouterr().err
    assert "Nope" in err and err.count("\n") == 1


def test_cli_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse(["report", "score", "--db", str(tmp_path / "none.sqlite"), "--property", "1",
                   "--out", str(tmp_path / "x.pdf")])  # fmt: skip
    assert run_report(args) == 3
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_refuses_to_overwrite_the_database(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_db.read_bytes()
    args = _parse(["report", "score", "--db", str(demo_db), "--property", BANK, "--out", str(demo_db)])
    assert run_report(args) == 2
    assert demo_db.read_bytes() == before
