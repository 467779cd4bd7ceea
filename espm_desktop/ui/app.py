"""Start-up: logging, error dialog, translations, database upgrade, main window, language switching."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from espm_desktop import paths
from espm_desktop.db.schema import ensure_schema
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.i18n import LanguageManager
from espm_desktop.ui.main_window import MainWindow
from espm_desktop.ui.settings import AppSettings

log = logging.getLogger("espm_desktop")


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "espm-desktop.log"
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "espm_desktop_log", False)]:
        root.removeHandler(handler)
        handler.close()
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.espm_desktop_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return log_file


class ErrorReporter:
    """Uncaught exceptions go to the log file and to a dialog; the app keeps running."""

    def __init__(self, log_file: Path, interactive: bool = True) -> None:
        self.log_file = log_file
        self.interactive = interactive
        self.count = 0

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.count += 1
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception:\n%s", text)
        if not self.interactive or QApplication.instance() is None:
            sys.stderr.write(text)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QApplication.translate("ErrorReporter", "Unexpected error"),
            QApplication.translate(
                "ErrorReporter",
                "Something went wrong: {0}\n\nYour data is safe: every change is "
                "saved in one step or not at all. Details were written to:\n{1}",
            ).format(exc, self.log_file),
        )
        box.setDetailedText(text)
        box.exec()


class AppController:
    """Owns the main window; rebuilds it when the user switches language."""

    def __init__(
        self, app: QApplication, ctx: AppContext, settings: AppSettings, languages: LanguageManager
    ) -> None:
        self.app = app
        self.ctx = ctx
        self.settings = settings
        self.languages = languages
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.ctx, self.settings, self.languages.language)
        window.language_switch_requested.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        old = self.window
        page = old.current_page_id()
        self.settings.set_geometry(old.saveGeometry())
        self.settings.language = language
        self.languages.apply(language)
        self.window = self._make_window()
        self.window.show_page(page)
        self.window.show()
        old.close()
        old.deleteLater()


def _preload_database_layer() -> None:
    import espm_desktop.db.models  # noqa: F401
    import espm_desktop.db.repo  # noqa: F401


def run_gui(db_path: Path, language: str | None = None, quit_after_start: bool = False) -> int:
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("ESPM Desktop")
    app.setOrganizationName("ESPM Desktop")
    log_file = setup_logging()
    reporter = ErrorReporter(log_file, interactive=not quit_after_start)
    sys.excepthook = reporter
    settings = AppSettings()
    languages = LanguageManager(app)
    languages.apply(language or settings.language)
    try:
        backup = ensure_schema(db_path)
    except Exception as exc:  # noqa: BLE001 — any failure to open the file is reported, never swallowed
        log.exception("Could not open database %s", db_path)
        if not quit_after_start:
            QMessageBox.critical(
                None,
                app.translate("AppController", "Cannot open the database"),
                app.translate("AppController", "The database {0} could not be opened:\n{1}").format(
                    db_path, exc
                ),
            )
        return 2
    if backup is not None:
        log.info("Backed up %s to %s before upgrading it", db_path, backup)
    ctx = AppContext(str(db_path))
    controller = AppController(app, ctx, settings, languages)
    if quit_after_start:

        def _done() -> None:
            elapsed = time.perf_counter() - started
            print(f"first-screen-seconds {elapsed:.3f}", flush=True)
            app.quit()

        controller.window.first_page_shown.connect(lambda: QTimer.singleShot(0, _done))
    else:
        # Load the database layer while the user reads the first screen, so the first click is quick.
        controller.window.first_page_shown.connect(lambda: QTimer.singleShot(400, _preload_database_layer))
    controller.window.show()
    code = app.exec()
    if reporter.count and quit_after_start:
        return 1
    return code
