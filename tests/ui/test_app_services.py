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
    from espm_desktop.core import i18n as catalog

    mo = catalog.catalog_dir() / "espm_desktop_fr.mo"
    assert mo.is_file() and mo.stat().st_size > 1000
    manager = i18n.LanguageManager(QCoreApplication.instance())  # type: ignore[arg-type]
    manager.apply("fr")
    try:
        assert QCoreApplication.translate("MainWindow", "Properties") == "Propriétés"
    finally:
        manager.apply("en")
    assert QCoreApplication.translate("MainWindow", "Properties") == "Properties"


def test_the_window_reads_the_one_catalog(qtbot: QtBot) -> None:
    translator = i18n.CatalogTranslator("fr")
    assert not translator.isEmpty()
    assert translator.translate("MainWindow", "&Language") == "&Langue"
    # Qt's disambiguation is the gettext context: one English word, two French ones.
    assert translator.translate("DataExchangePage", "Done", "step") == "Terminé"
    assert translator.translate("MeasuresTab", "Done") == "Réalisée"
    # No answer (None, not ""): Qt then asks the next translator, e.g. its own catalog for the file dialogs.
    assert translator.translate("MainWindow", "no such text") is None
