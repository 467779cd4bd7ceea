"""The consumption and portfolio PDFs: the demo bank branch's year of gas and electricity in both languages, the
demo's three properties in the portfolio, the page template (name, page n of N, fonts, size), and the
`report consumption|portfolio` commands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.app.report_data import consumption_report_data, portfolio_report_data
from espm_desktop.cli_report import add_report_parser, run_report
from espm_desktop.db import models
from espm_desktop.db.engine import make_engine
from espm_desktop.reports.consumption_report import render_consumption_report
from espm_desktop.reports.portfolio_report import render_portfolio_report

BANK = "Succursale bancaire (exemple RNCan)"
DEMO_PROPERTIES = (BANK, "Bureau", "Usine de démonstration SGÉ")


def _ids(db: Path) -> dict[str, int]:
    engine = make_engine(db)
    try:
        with Session(engine) as s:
            return {name: pid for pid, name in s.execute(select(models.Property.id, models.Property.name))}
    finally:
        engine.dispose()


def _text(reader: PdfReader) -> list[str]:
    # French numbers use no-break spaces; compare with ordinary ones.
    return [
        " ".join((p.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ").split())
        for p in reader.pages
    ]


def _consumption(db: Path, out: Path, lang: str, page_size: str = "letter") -> PdfReader:
    engine = make_engine(db)
    try:
        data = consumption_report_data(engine, _ids(db)[BANK], lang)
    finally:
        engine.dispose()
    render_consumption_report(data, out, lang, page_size=page_size, protected=(db,))
    return PdfReader(out)


def _portfolio(db: Path, out: Path, lang: str) -> PdfReader:
    engine = make_engine(db)
    try:
        data = portfolio_report_data(engine, lang)
    finally:
        engine.dispose()
    render_portfolio_report(data, out, lang, protected=(db,))
    return PdfReader(out)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ("168 000 kWh", "9 600 m³", "604,8", "368,9", "Page 1 de", "Annexe")),
        ("en", ("168,000 kWh", "9,600 m³", "604.8", "368.9", "Page 1 of", "Appendix")),
    ],
)
def test_bank_branch_consumption(demo_db: Path, tmp_path: Path, lang: str, expected: tuple[str, ...]) -> None:
    reader = _consumption(demo_db, tmp_path / f"consumption-{lang}.pdf", lang)
    pages = _text(reader)
    text = " ".join(pages)
    for value in expected:
        assert value in text, value
    for number, page in enumerate(pages, start=1):
        assert BANK in page, f"page {number} lacks the property's name"
        page_of = f"Page {number} de {len(pages)}" if lang == "fr" else f"Page {number} of {len(pages)}"
        assert page_of in page
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)


def test_consumption_data_is_the_year_of_each_meter(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    try:
        data = consumption_report_data(engine, _ids(demo_db)[BANK], "en")
    finally:
        engine.dispose()
    by_unit = {m.unit: m for m in data.meters}
    assert by_unit["kWh"].usage == pytest.approx(168_000)
    assert by_unit["m3"].usage == pytest.approx(9_600)
    for m in data.meters:
        assert m.period is not None and len(m.months) == 12
        assert sum(mu.usage for mu in m.months) == pytest.approx(m.usage)
        assert len(m.bills) == 12


def test_use_per_degree_day_where_weather_exists(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    try:
        data = consumption_report_data(engine, _ids(demo_db)["Usine de démonstration SGÉ"], "en")
    finally:
        engine.dispose()
    assert data.station is not None
    months = data.meters[0].months
    ratios = [mu.use_per_hdd for mu in months if mu.use_per_hdd is not None]
    assert ratios, "a winter month has use per HDD"
    for mu in months:
        if mu.use_per_hdd is not None:
            assert mu.hdd is not None and mu.use_per_hdd == pytest.approx(mu.usage / mu.hdd)


def test_consumption_fonts_embedded_and_a4(demo_db: Path, tmp_path: Path) -> None:
    reader = _consumption(demo_db, tmp_path / "a4.pdf", "fr", page_size="a4")
    for page in reader.pages:
        width, height = (float(v) for v in page.mediabox.upper_right)
        assert (round(width), round(height)) == (595, 842)
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font: Any = ref.get_object()
            assert "DejaVu" in str(font["/BaseFont"]) and "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize(("lang", "total"), [("fr", "Total (3 propriétés)"), ("en", "Total (3 properties)")])
def test_portfolio_lists_the_demo_properties(demo_db: Path, tmp_path: Path, lang: str, total: str) -> None:
    pages = _text(_portfolio(demo_db, tmp_path / f"portfolio-{lang}.pdf", lang))
    text = " ".join(pages)
    for name in DEMO_PROPERTIES:
        assert name in text, name
    assert total in text
    assert ("1,152" if lang == "fr" else "1.152") in text  # the bank branch's source EUI
    assert ("Page 1 de" if lang == "fr" else "Page 1 of") in pages[0]


def test_portfolio_rows(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    try:
        data = portfolio_report_data(engine, "en")
    finally:
        engine.dispose()
    rows = {r.name: r for r in data.rows}
    assert set(rows) == set(DEMO_PROPERTIES)
    bank = rows[BANK]
    assert bank.score == 75
    assert bank.source_eui_gj_per_m2 == pytest.approx(1.152, abs=5e-4)
    assert bank.months_with_bills == 12
    assert rows["Bureau"].score is None
    assert ("data_received", 1) in rows["Bureau"].exchange


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="espm-desktop")
    add_report_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_cli_consumption(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.pdf"
    args = _parse(["report", "consumption", "--db", str(demo_db), "--property", BANK, "--lang", "en",
                   "--page-size", "a4", "--out", str(out)])  # fmt: skip
    assert run_report(args) == 0
    assert "168,000 kWh" in " ".join(_text(PdfReader(out)))
    assert str(out) in capsys.readouterr().out


def test_cli_portfolio_without_property(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    assert run_report(_parse(["report", "portfolio", "--db", str(demo_db), "--out", str(out)])) == 0
    text = " ".join(_text(PdfReader(out)))
    for name in DEMO_PROPERTIES:
        assert name in text


def test_cli_consumption_needs_a_property(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse(
        ["report", "consumption", "--db", str(demo_db), "--lang", "en", "--out", str(tmp_path / "x.pdf")]
    )
    assert run_report(args) == 2
    assert "--property" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
