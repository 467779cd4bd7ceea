"""Print… and Save as PDF… on the score and properties pages of the demo database: the PDF read back, Letter
or A4, Cancel leaving nothing behind, the open database refused, and the portfolio printed through QPrinter."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from espm_desktop.app import reports as app_reports
from espm_desktop.ui import desktop_open, file_dialogs
from espm_desktop.ui.app import AppController
from espm_desktop.ui.report_actions import ReportButtons
from tests.ui.conftest import open_window

BANK = "Succursale bancaire (exemple RNCan)"
DEMO_PROPERTIES = (BANK, "Bureau", "Usine de démonstration SGÉ")
LETTER_WIDTH_PT, A4_WIDTH_PT = 612.0, 595.3


@pytest.fixture
def window(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppController]:
    monkeypatch.setenv(desktop_open.NO_OPEN_ENV, "1")
    # The worker's temporary files go here, so the test sees every one of them (and no other process's).
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    yield from open_window(qtbot, demo_db)


def _text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(
        " ".join((page.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ").split())
        for page in reader.pages
    )


def _answer_save_dialog(
    monkeypatch: pytest.MonkeyPatch, target: Path, paper: str | None = None
) -> list[tuple[Any, ...]]:
    """Replace the save dialog: it answers `target`, with the A4 or Letter filter (None: the one preselected)."""
    asked: list[tuple[Any, ...]] = []

    def answer(parent: Any, title: str, suggested: str, filters: str, selected: str) -> tuple[str, str]:
        asked.append((title, suggested, filters, selected))
        chosen = selected if paper is None else next(f for f in filters.split(";;") if paper in f)
        return str(target), chosen

    monkeypatch.setattr(file_dialogs, "save_file_name_and_filter", answer)
    return asked


def _score_buttons(qtbot: QtBot, ctrl: AppController) -> ReportButtons:
    ctrl.ctx.select_property(1)  # the demo bank branch
    ctrl.window.show_page("score")
    page = ctrl.window.page("score")
    qtbot.waitUntil(lambda: page.score_label.text() == "75", timeout=10000)
    buttons = page.report_buttons  # type: ignore[attr-defined]
    assert isinstance(buttons, ReportButtons)
    return buttons


def test_score_page_saves_the_score_report_and_opens_it(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "score.pdf"
    asked = _answer_save_dialog(monkeypatch, target)
    buttons = _score_buttons(qtbot, window)
    with qtbot.waitSignal(buttons.pdf_saved, timeout=20000):
        qtbot.mouseClick(buttons.pdf_button, Qt.MouseButton.LeftButton)
    title, suggested, filters, selected = asked[0]
    assert title == "Save as PDF"
    assert Path(suggested).name.startswith(f"{BANK} – ENERGY STAR score report")
    assert filters == "PDF, Letter paper (*.pdf);;PDF, A4 paper (*.pdf)"
    assert selected == "PDF, Letter paper (*.pdf)"  # Letter by default
    text = _text(target)
    for value in ("75", "1,497.8", "1.152", "1.420", "0.811", BANK):
        assert value in text, value
    assert float(PdfReader(target).pages[0].mediabox.width) == pytest.approx(LETTER_WIDTH_PT, abs=1)
    assert desktop_open.skipped[-1] == target
    assert list((tmp_path / "scratch").iterdir()) == []


def test_a4_is_offered_and_remembered(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buttons = _score_buttons(qtbot, window)
    target = tmp_path / "score-a4"  # no extension typed: .pdf is added
    _answer_save_dialog(monkeypatch, target, paper="A4")
    with qtbot.waitSignal(buttons.pdf_saved, timeout=20000):
        buttons.save_as_pdf()
    written = target.with_name("score-a4.pdf")
    assert float(PdfReader(written).pages[0].mediabox.width) == pytest.approx(A4_WIDTH_PT, abs=1)
    asked = _answer_save_dialog(monkeypatch, tmp_path / "again.pdf")
    with qtbot.waitSignal(buttons.pdf_saved, timeout=20000):
        buttons.save_as_pdf()
    assert asked[0][3] == "PDF, A4 paper (*.pdf)"


def test_cancel_leaves_no_file_and_no_temporary_file(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "score.pdf"
    target.parent.mkdir()
    _answer_save_dialog(monkeypatch, target)
    reached, release = threading.Event(), threading.Event()
    real_render = app_reports.render_report

    def held_render(*args: Any, **kwargs: Any) -> None:
        real_render(*args, **kwargs)  # the temporary PDF is drawn…
        reached.set()
        release.wait(10)  # …and the worker waits here until Cancel

    monkeypatch.setattr(app_reports, "render_report", held_render)
    buttons = _score_buttons(qtbot, window)
    buttons.save_as_pdf()
    qtbot.waitUntil(reached.is_set, timeout=20000)
    assert list((tmp_path / "scratch").iterdir()) != []
    progress = window.window.findChild(QProgressDialog, "report_progress")
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not buttons.running(), timeout=10000)
    assert list(target.parent.iterdir()) == []
    assert list((tmp_path / "scratch").iterdir()) == []
    assert buttons.pdf_button.isEnabled()


def test_a_file_that_cannot_be_written_is_named_with_the_fix(
    qtbot: QtBot, window: AppController, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_db.read_bytes()
    buttons = _score_buttons(qtbot, window)
    # The database chosen in a PDF dialog becomes "demo.sqlite.pdf": the .pdf rule alone keeps it safe.
    _answer_save_dialog(monkeypatch, demo_db)
    with qtbot.waitSignal(buttons.pdf_saved, timeout=20000):
        buttons.save_as_pdf()
    assert demo_db.read_bytes() == before
    assert demo_db.with_name("demo.sqlite.pdf").is_file()
    folder = tmp_path / "reports.pdf"
    folder.mkdir()
    _answer_save_dialog(monkeypatch, folder)
    buttons.save_as_pdf()
    assert not buttons.running()
    assert buttons.failure_box is not None
    assert buttons.failure_box.text() == f"{folder} is a folder, not a file. Choose a file name inside it."


def _ink(pdf_path: Path, page: int = 0, width_px: int = 440, block_px: int = 8) -> Any:
    """A page drawn by pdfium, `width_px` wide: its ink (0 white, 255 black) averaged over square blocks.

    The blocks absorb what differs between text drawn as vectors and the same page printed as an image (edge
    smoothing, a shift under a point) and keep what a reader sees: which lines and columns hold what.
    """
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        sheet = pdf[page]
        bitmap = sheet.render(scale=width_px / sheet.get_size()[0], grayscale=True)
        grey = np.array(bitmap.to_numpy(), dtype=float).reshape(bitmap.height, bitmap.width, -1)[..., 0]
    finally:
        pdf.close()
    rows, cols = grey.shape[0] // block_px, grey.shape[1] // block_px
    ink = 255.0 - grey[: rows * block_px, : cols * block_px]
    return ink.reshape(rows, block_px, cols, block_px).mean(axis=(1, 3))


def test_properties_page_prints_the_portfolio_through_qprinter(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from espm_desktop.ui import printing

    out = tmp_path / "printed.pdf"
    printer = printing.pdf_printer(out, landscape=True)  # a real QPrinter, PDF format: the paper of this test
    handed: list[tuple[Path, str, int]] = []
    kept = tmp_path / "report.pdf"

    def print_without_dialog(parent: Any, pdf: Path) -> int:
        handed.append((pdf, _text(pdf), len(PdfReader(pdf).pages)))
        shutil.copyfile(pdf, kept)
        # What the dialog's Print button runs: the report painted on the printer.
        return printing.print_pdf_file(printer, pdf)

    monkeypatch.setattr(printing, "print_pdf_with_dialog", print_without_dialog)
    window.window.show_page("properties")
    page = window.window.page("properties")
    buttons = page.report_buttons  # type: ignore[attr-defined]
    with qtbot.waitSignal(buttons.printed, timeout=20000) as printed:
        qtbot.mouseClick(buttons.print_button, Qt.MouseButton.LeftButton)
    source, source_text, source_pages = handed[0]
    for name in DEMO_PROPERTIES:
        assert name in source_text, name
    assert printed.args == [source_pages]
    assert not source.exists() and list((tmp_path / "scratch").iterdir()) == []  # the temporary PDF is gone
    # printing.py paints each report page as an image: the printed PDF holds no text to read back, so its
    # pages are compared, drawn, with the report's (copied aside before it was deleted).
    reader = PdfReader(out)
    assert len(reader.pages) == source_pages
    assert float(reader.pages[0].mediabox.width) == pytest.approx(792.0, abs=1)  # Letter, landscape
    import numpy as np

    for number in range(source_pages):
        expected, got = _ink(kept, number), _ink(out, number)
        assert expected.shape == got.shape
        assert expected.mean() > 2.0  # the page has ink…
        # …where the printed page has it (0.95 here; the report moved down two blocks scores about 0.5).
        assert np.corrcoef(expected.ravel(), got.ravel())[0, 1] > 0.9


def test_charts_page_saves_the_consumption_report(
    qtbot: QtBot, window: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "consumption.pdf"
    asked = _answer_save_dialog(monkeypatch, target)
    window.ctx.select_property(1)  # the demo bank branch: electricity and natural gas
    window.window.show_page("charts")
    page = window.window.page("charts")
    actions = [a.text() for a in page.report_button.menu().actions()]  # type: ignore[attr-defined]
    assert actions == ["Print the consumption report…", "Save the consumption report as PDF…"]
    with qtbot.waitSignal(page.report_actions.pdf_saved, timeout=20000):  # type: ignore[attr-defined]
        page.report_button.menu().actions()[1].trigger()  # type: ignore[attr-defined]
    assert Path(asked[0][1]).name.startswith(f"{BANK} – Consumption report")
    text = _text(target)
    assert "168,000 kWh" in text and "9,600 m³" in text
