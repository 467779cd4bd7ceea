"""Start-up: logging, error dialog, translations, database upgrade, main window, language switching."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from espm_desktop import paths
from espm_desktop.app.database import (
    DatabaseProblem,
    IntegrityCheck,
    OpenedDatabase,
    preload_database_layer,
    read_met_damage,
    save_error_message,
)
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.i18n import LanguageManager
from espm_desktop.ui.main_window import MainWindow
from espm_desktop.ui.settings import AppSettings

log = logging.getLogger("espm_desktop")

# Pages whose first screen is read with sqlite3 alone (tests/ui/test_startup_loads.py): opened on one of them, the
# window shows it before the damaged-file check runs; on another page, the check starts at once.
FILLED_WITH_SQLITE3 = frozenset({"properties", "charts", "score", "weather", "sge"})


def setup_logging() -> Path:
    from espm_desktop.logs import log_file
    from espm_desktop.logs import setup_logging as open_log

    return open_log() or log_file()


class ErrorReporter:
    """Uncaught exceptions go to the log file and to a dialog; the app keeps running."""

    def __init__(self, log_file: Path, interactive: bool = True) -> None:
        self.log_file = log_file
        self.interactive = interactive
        self.count = 0
        # Whether a damaged-file check of the open database is running or has failed: its own dialog (or, with
        # --quit-after-start, its message and exit code 3) tells the user what to do.
        self.damage_being_reported: Callable[[], bool] = lambda: False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        if read_met_damage(exc) and self.damage_being_reported():
            # The first screen is read before the check has run: a read that meets the damage is what the check
            # is about to report, with the choices it offers (restore a backup, open another, quit).
            log.warning("A read met a damaged file while its check runs:\n%s", text)
            return
        self.count += 1
        log.error("Uncaught exception:\n%s", text)
        if not self.interactive or QApplication.instance() is None:
            sys.stderr.write(text)
            return
        from PySide6.QtWidgets import QMessageBox

        from espm_desktop.ui.database_dialogs import problem_title, ui_language

        if isinstance(exc, DatabaseProblem):
            # Refused before a write: the file failed its integrity check (the window then offers what to do).
            QMessageBox.warning(
                QApplication.activeWindow(), problem_title(exc.kind), exc.message(ui_language())
            )
            return
        friendly = save_error_message(exc, ui_language())
        if friendly is not None:
            # A save refused by the database file (locked, read-only, disk full): the user can act on it.
            QMessageBox.warning(
                QApplication.activeWindow(),
                QApplication.translate("ErrorReporter", "Not saved"),
                friendly,
            )
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
        from espm_desktop.ui.backup_dialogs import AutoBackup

        self.auto_backup = AutoBackup(self)
        self._integrity_timer = QTimer()
        self._integrity_timer.setInterval(50)
        self._integrity_timer.timeout.connect(self._poll_integrity)

    def check_integrity_later(self) -> None:
        """Run the damaged-file check of a database opened with it deferred, now that the first screen is up."""
        check = self.ctx.integrity
        if check is not None and not check.finished:
            check.start()
            self._integrity_timer.start()

    def _poll_integrity(self) -> None:
        check = self.ctx.integrity
        if check is None or not check.finished:
            return
        self._integrity_timer.stop()
        problem = check.wait()
        if problem is not None:
            self._database_failed(problem)

    def _database_failed(self, problem: DatabaseProblem) -> None:
        """The file failed the check after the first screen: nothing was written; the user chooses what next
        (restore a backup, open another file) as if it had been refused at start."""
        from espm_desktop.ui.database_dialogs import DatabaseOpener

        log.warning("Database %s failed its integrity check: %s", problem.path, problem.detail)
        self.window.hide()
        opened = DatabaseOpener(None, self.settings).open(problem.path, create=False)
        if opened is None:
            self.window.close()
            self.app.quit()
            return
        self.ctx.dispose()
        self._replace_window(context_for(opened))

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.ctx, self.settings, self.languages.language)
        window.language_switch_requested.connect(self.switch_language)
        window.open_database_requested.connect(self.open_database)
        window.reload_requested.connect(self.reload_database)
        return window

    def _replace_window(self, ctx: AppContext | None = None) -> None:
        """A new window on `ctx` (another database), else on the same database and selection."""
        old = self.window
        page = old.current_page_id()
        self.settings.set_geometry(old.saveGeometry())
        # The old pages keep the old context, on which nothing emits again: they stop following the selection now,
        # not when Qt gets round to deleting them.
        self.ctx = ctx if ctx is not None else self.ctx.handover()
        self.window = self._make_window()
        self.window.show_page(page)
        self.window.show()
        old.close()
        old.deleteLater()

    def open_database(self, path: str) -> bool:
        """Switch the window to another database file (checked first; the current one stays open if refused)."""
        from espm_desktop.ui.database_dialogs import DatabaseOpener, tr

        opened = DatabaseOpener(self.window, self.settings, cancel_text=tr("Cancel")).open(Path(path))
        if opened is None:
            return False
        self.settings.remember_database(Path(self.ctx.db_path), open_at_start=False)
        self.ctx.dispose()
        self.settings.remember_database(opened.path)
        self._replace_window(context_for(opened))
        self.auto_backup.start()
        return True

    def reload_database(self) -> None:
        """Reopen the same file (after a restore): every page is built anew from what the file holds."""
        self.ctx.dispose()
        self._replace_window(
            AppContext(self.ctx.db_path, read_only=self.ctx.read_only, read_only_note=self.ctx.read_only_note)
        )

    def switch_language(self, language: str) -> None:
        self.settings.language = language
        self.languages.apply(language)
        self._replace_window()


def context_for(opened: OpenedDatabase) -> AppContext:
    from espm_desktop.ui.database_dialogs import ui_language

    note = opened.read_only_message(ui_language()) if opened.read_only else ""
    ctx = AppContext(str(opened.path), read_only=opened.read_only, read_only_note=note)
    if opened.check_pending:
        ctx.integrity = IntegrityCheck(opened.path)
    return ctx


def run_gui(
    db_path: Path | None,
    language: str | None = None,
    quit_after_start: bool = False,
    remember: bool = True,
    page: str | None = None,
) -> int:
    """Open the window on a database: the one given, else the last one used, else the default one; on `page`
    (a page id: properties, meters, …), else on the page shown last."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("ESPM Desktop")
    app.setOrganizationName("ESPM Desktop")
    app.setWindowIcon(QIcon(str(files("espm_desktop.resources") / "icons" / "espm-desktop.ico")))
    log_file = setup_logging()
    reporter = ErrorReporter(log_file, interactive=not quit_after_start)
    sys.excepthook = reporter
    settings = AppSettings()
    if db_path is None:
        last = settings.last_database()
        db_path = last if last is not None and last.is_file() else paths.default_db_path()
    languages = LanguageManager(app)
    languages.apply(language or settings.language)
    opened = _open_at_start(db_path, settings, quit_after_start)
    if opened is None:
        return 3
    if remember:
        settings.remember_database(opened.path)
    ctx = context_for(opened)
    if page is not None:
        # The window opens on the last page; only the requested one is built before the first screen.
        settings.last_page = page
    if ctx.integrity is not None and settings.last_page not in FILLED_WITH_SQLITE3:
        # This first screen needs the engine, which waits for the check: run it alongside the page's imports.
        ctx.integrity.start()
    # The context the window is made on, then the controller's (a replaced window's own).
    reporter.damage_being_reported = lambda: _check_pending_or_failed(ctx)
    controller = AppController(app, ctx, settings, languages)
    reporter.damage_being_reported = lambda: _check_pending_or_failed(controller.ctx)
    if quit_after_start:

        def _done() -> None:
            elapsed = time.perf_counter() - started
            try:
                print(f"first-screen-seconds {elapsed:.3f}", flush=True)
                # CPU time of this (the GUI) thread since the process started: what a busy machine inflates less.
                print(f"first-screen-cpu {time.thread_time():.4f}", flush=True)
                print(f"first-page {controller.window.current_page_id()}", flush=True)
                check = controller.ctx.integrity
                problem = check.wait() if check is not None else None  # run now if still to run
                if problem is not None:
                    from espm_desktop.ui.database_dialogs import ui_language

                    print(f"error: {problem.message(ui_language())}", file=sys.stderr, flush=True)
                    failed.append(problem)
            finally:
                app.quit()  # even if the reader of the output went away

        failed: list[DatabaseProblem] = []

        controller.window.first_page_shown.connect(lambda: QTimer.singleShot(0, _done))
    else:
        # Load the database layer while the user reads the first screen, so the first click is quick.
        controller.window.first_page_shown.connect(
            lambda: QTimer.singleShot(0, controller.check_integrity_later)
        )
        controller.window.first_page_shown.connect(lambda: QTimer.singleShot(400, preload_database_layer))
    controller.window.show()
    if not quit_after_start:
        controller.auto_backup.start()
    code = app.exec()
    if quit_after_start and failed:
        return 3
    if reporter.count and quit_after_start:
        return 1
    return code


def _check_pending_or_failed(ctx: AppContext) -> bool:
    check = ctx.integrity
    return check is not None and (not check.finished or check.wait() is not None)


def _open_at_start(db_path: Path, settings: AppSettings, quiet: bool) -> OpenedDatabase | None:
    from espm_desktop.app.database import open_database
    from espm_desktop.ui.database_dialogs import DatabaseOpener, backup_folder_for, ui_language

    if quiet:
        try:
            return open_database(
                db_path, backup_folder=backup_folder_for(settings, db_path), defer_check=True
            )
        except DatabaseProblem as exc:
            log.warning("Could not open database %s: %s", db_path, exc.kind)
            print(f"error: {exc.message(ui_language())}", file=sys.stderr, flush=True)
            return None
    return DatabaseOpener(None, settings).open(db_path, defer_check=True)
