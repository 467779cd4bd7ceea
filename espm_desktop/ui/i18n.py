"""Qt translations: .ts sources in resources/translations, compiled to .qm by a build step.

`scripts/build_translations.py` writes the .qm files (run by `dev.py` and by the PyInstaller spec). At run time
the app only reads: the .qm when it is at least as new as its .ts, else the .ts itself through TsTranslator. It
never runs lrelease and never writes into its own folder (which an installed app may not own).
"""

from __future__ import annotations

import logging
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)


def _translations_dir() -> Path:
    return Path(str(resources.files("espm_desktop.resources") / "translations"))


def ts_path(language: str) -> Path:
    return _translations_dir() / f"espm_desktop_{language}.ts"


def compiled_qm(language: str) -> Path | None:
    """The built .qm for a language, or None when it is missing or older than its .ts (a source edit not rebuilt)."""
    qm = _translations_dir() / f"espm_desktop_{language}.qm"
    if not qm.is_file():
        return None
    source = ts_path(language)
    if source.is_file() and qm.stat().st_mtime < source.stat().st_mtime:
        log.warning("%s is older than %s: run scripts/build_translations.py; reading the .ts", qm, source)
        return None
    return qm


class TsTranslator(QTranslator):
    """Reads a .ts file directly: the fallback when no up-to-date .qm was built."""

    def __init__(self, source: Path) -> None:
        super().__init__()
        self._table: dict[tuple[str, str], str] = {}
        root = ET.parse(source).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                self._table[(name, message.findtext("source") or "")] = translation.text or ""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString), not "": Qt asks the next translator only after a null answer, and an empty
        # string here hid every text of Qt's own catalog (the file dialog's "Look in:" came back blank).
        return self._table.get((context, source_text)) or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._table


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
        QLocale.setDefault(
            QLocale(
                QLocale.Language.French if language == "fr" else QLocale.Language.English,
                QLocale.Country.Canada,
            )
        )
        if language == "en":
            return
        app_tr: QTranslator | None = None
        qm = compiled_qm(language)
        if qm is not None:
            candidate = QTranslator()
            if candidate.load(str(qm)):
                app_tr = candidate
        if app_tr is None and ts_path(language).exists():
            app_tr = TsTranslator(ts_path(language))
        qt_tr = qt_translator(language)
        if qt_tr is not None:
            self._installed.append(qt_tr)
        if app_tr is not None:
            self._installed.append(app_tr)
        for tr in self._installed:
            self._app.installTranslator(tr)
