"""Qt translations: .ts sources in resources/translations, compiled to .qm with lrelease when missing or stale."""

from __future__ import annotations

import logging
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from espm_desktop import paths

log = logging.getLogger(__name__)


def ts_path(language: str) -> Path:
    return Path(
        str(resources.files("espm_desktop.resources") / "translations" / f"espm_desktop_{language}.ts")
    )


def _lrelease() -> str | None:
    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_qm(language: str) -> Path | None:
    """The .qm for a language, built next to the .ts when writable, else in the cache folder."""
    source = ts_path(language)
    if not source.exists():
        return None
    candidates = [
        source.with_suffix(".qm"),
        paths.cache_dir() / "translations" / source.with_suffix(".qm").name,
    ]
    for qm in candidates:
        if qm.exists() and qm.stat().st_mtime >= source.stat().st_mtime:
            return qm
    tool = _lrelease()
    if tool is None:
        return None
    for qm in candidates:
        try:
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [tool, "-silent", str(source), "-qm", str(qm)], check=True, capture_output=True, timeout=60
            )
            if qm.exists():
                return qm
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("Could not compile %s to %s: %s", source, qm, exc)
    return None


class TsTranslator(QTranslator):
    """Reads a .ts file directly: the fallback when lrelease is not available."""

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
    ) -> str:
        return self._table.get((context, source_text), "")

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._table


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
        qt_tr = QTranslator()
        if qt_tr.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt_tr)
        if app_tr is not None:
            self._installed.append(app_tr)
        for tr in self._installed:
            self._app.installTranslator(tr)
