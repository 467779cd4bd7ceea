from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from espm_desktop.ui import i18n
from espm_desktop.ui.app import ErrorReporter, setup_logging


def test_uncaught_exception_is_logged_with_its_traceback(qtbot: QtBot) -> None:
    log_file = setup_logging()
    reporter = ErrorReporter(log_file, interactive=False)
    try:
        {}["missing meter"]  # noqa: B018
    except KeyError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Uncaught exception" in text and "KeyError: 'missing meter'" in text
    assert reporter.count == 1


def test_french_translation_is_compiled_and_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    qm = i18n.compiled_qm("fr")
    assert qm is not None and qm.stat().st_size > 1000
    manager = i18n.LanguageManager(QCoreApplication.instance())  # type: ignore[arg-type]
    manager.apply("fr")
    try:
        assert QCoreApplication.translate("MainWindow", "Properties") == "Propriétés"
    finally:
        manager.apply("en")
    assert QCoreApplication.translate("MainWindow", "Properties") == "Properties"


def test_ts_fallback_translator_reads_the_source_file(qtbot: QtBot) -> None:
    translator = i18n.TsTranslator(i18n.ts_path("fr"))
    assert not translator.isEmpty()
    assert translator.translate("MainWindow", "&Language") == "&Langue"
    # No answer (None, not ""): Qt then asks the next translator, e.g. its own catalog for the file dialogs.
    assert translator.translate("MainWindow", "no such text") is None
