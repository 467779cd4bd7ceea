"""The window's translations: the app's own texts from the one message catalog (core/i18n.py, gettext), and Qt's
own catalog for the texts Qt draws itself (file dialogs' "Look in:", standard buttons).

`self.tr("…")` stays the way widgets ask for a text: `CatalogTranslator` answers Qt's questions from the compiled
.mo that core/i18n.py reads, so the window, the command line and the documents share one catalog. Nothing here
compiles or writes a catalog: `scripts/build_translations.py` does, when the app is installed or frozen.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from espm_desktop.core import i18n as catalog

log = logging.getLogger(__name__)


class CatalogTranslator(QTranslator):
    """Qt's translator interface over the app's gettext catalog; Qt's disambiguation is the gettext context."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self._empty = catalog.lookup("Properties", language) is None

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString), not "": Qt asks the next translator (Qt's own) only after a null answer.
        return catalog.lookup(source_text, self.language, disambiguation or None)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return self._empty


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own catalogs (qtbase_fr.qm: file dialogs, standard buttons) may be, in order.

    Qt's configured folder first; then the PySide6 wheel's own Qt/translations, which is where they are when
    Qt's folder points elsewhere: in the PyInstaller bundle QtCore is loaded from the bundle's top folder, so
    Qt looks for translations beside it, and they are not there.
    """
    import PySide6

    folders = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own catalog for a language, or None (then Qt's dialogs stay in English, and the log says so).

    `qt_fr.qm` is a meta catalog that also needs qtmultimedia_fr.qm, which the PySide6 wheel does not ship, so
    it only loads where a full Qt is installed; `qtbase_fr.qm` has every text the app's dialogs use.
    """
    for folder in qt_translation_dirs():
        for name in (f"qt_{language}", f"qtbase_{language}"):
            translator = QTranslator()
            if translator.load(name, str(folder)):
                return translator
    log.warning("Qt's own %s translations were not found in %s", language, qt_translation_dirs())
    return None


class LanguageManager:
    """Installs the app's and Qt's own translators for one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        self.language = language
        catalog.set_language(language)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.French if language == "fr" else QLocale.Language.English,
                QLocale.Country.Canada,
            )
        )
        if language == "en":
            return
        qt_tr = qt_translator(language)
        if qt_tr is not None:
            self._installed.append(qt_tr)
        app_tr = CatalogTranslator(language)
        if app_tr.isEmpty():
            log.warning("no %s catalog: run scripts/build_translations.py", language)
        self._installed.append(app_tr)
        for tr in self._installed:
            self._app.installTranslator(tr)
