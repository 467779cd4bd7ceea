from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from espm_desktop.db.engine import make_engine
from espm_desktop.ui.app import AppController
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.i18n import LanguageManager
from espm_desktop.ui.settings import AppSettings


def open_window(qtbot: QtBot, db: Path, language: str = "en") -> Iterator[AppController]:
    """The real main window on a database file, in one language; closed and reset to English afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = AppSettings()
    settings.language = language
    languages = LanguageManager(app)
    languages.apply(language)
    ctx = AppContext(str(db))
    ctrl = AppController(app, ctx, settings, languages)
    qtbot.addWidget(ctrl.window)
    ctrl.window.show()
    yield ctrl
    languages.apply("en")
    ctrl.window.close()
    ctx.dispose()


@pytest.fixture
def ctx(demo_db: Path) -> Iterator[AppContext]:
    """A context on the demo database, with its engine (the chart pages' tests)."""
    engine = make_engine(demo_db)
    yield AppContext(str(demo_db), engine)
    engine.dispose()


@pytest.fixture
def controller(qtbot: QtBot, db_path: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, db_path)


def when_dialog_opens(action: Callable[[QDialog], None], qtbot: QtBot) -> None:
    """Run `action` on the next modal dialog, once it is shown (dialogs block in exec())."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            action(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def type_into(dialog: QWidget, key: str, text: str) -> None:
    editor = dialog.findChild(QLineEdit, f"field_{key}")
    assert editor is not None, key
    editor.setText(text)
