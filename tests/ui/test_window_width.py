"""The window fits the smallest screen we support (1366 × 768) with a window frame around it, whichever pages and
tabs were opened: a page's minimum width is the window's from then on (the pages share one stack)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from espm_desktop.ui.app import AppController
from tests.ui.conftest import open_window

WIDEST = 1366 - 2 * 8 - 16
"""The screen's width less a window frame (8 px a side on Windows) and room to spare."""


@pytest.fixture(params=["fr", "en"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db, request.param)


def test_every_page_and_tab_leaves_the_window_narrow_enough(window: AppController, qtbot: QtBot) -> None:
    widths: dict[str, int] = {}
    for page in list(window.window.page_order):
        window.window.show_page(page)
        qtbot.wait(20)
        for tabs in window.window.page(page).findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                qtbot.wait(20)
        QApplication.processEvents()
        widths[page] = window.window.minimumSizeHint().width()
    assert max(widths.values()) <= WIDEST, widths
