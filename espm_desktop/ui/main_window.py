"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop import __version__
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.settings import AppSettings

if TYPE_CHECKING:
    from espm_desktop.ui.help import HelpWindow

# A page is given as "module:Class" so that its module (and what it imports: SQLAlchemy, pyqtgraph, …) is
# only loaded when the user first opens it; start-up stays fast. A ready widget or a factory also works.
PageSpec = str | QWidget | Callable[[AppContext], QWidget]


def refreshes_itself_when_shown(page: QWidget) -> bool:
    """A page with its own showEvent catches up there; the window calling refresh() too would do it twice."""
    return type(page).showEvent is not QWidget.showEvent


class MainWindow(QMainWindow):
    language_switch_requested = Signal(str)
    first_page_shown = Signal()
    open_database_requested = Signal(str)
    reload_requested = Signal()

    def __init__(self, ctx: AppContext, settings: AppSettings, language: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.language = language
        name = Path(ctx.db_path).name
        self.setWindowTitle(self.tr("{0} — ESPM Desktop").format(name) if name else self.tr("ESPM Desktop"))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(280)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        # The pages, or (on a database with no property yet) the welcome page in place of Properties.
        self.content = QStackedWidget()
        self.content.addWidget(self.stack)
        self.welcome: QWidget | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.content)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 960])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_only_banner = QLabel(ctx.read_only_note)
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border-bottom: 1px solid #e0c36a; padding: 6px 10px; }"
        )
        self.read_only_banner.setVisible(ctx.read_only)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, QWidget] = {}
        self._page_specs: dict[str, PageSpec] = {}
        self.page_order: list[str] = []
        self.add_page("properties", self.tr("Properties"), "espm_desktop.ui.pages.properties:PropertiesPage")
        self.add_page("meters", self.tr("Meters"), "espm_desktop.ui.pages.meters:MetersPage")
        self.add_page("bills", self.tr("Bills"), "espm_desktop.ui.pages.bills:BillsPage")
        self.add_page("charts", self.tr("Charts"), "espm_desktop.ui.pages.charts:ChartsPage")
        self.add_page(
            "energir",
            self.tr("Énergir exchange"),
            "espm_desktop.ui.pages.data_exchange:DataExchangePage",
        )
        self.add_page("score", self.tr("ENERGY STAR score"), "espm_desktop.ui.pages.score:ScorePage")
        self.add_page("weather", self.tr("Weather"), "espm_desktop.ui.pages.weather:WeatherPage")
        self.add_page("sge", self.tr("SGÉ program"), "espm_desktop.ui.pages.sge_page:SgePage")
        self.nav.currentRowChanged.connect(self._on_nav_changed)
        self._build_menus()
        self.db_label = QLabel(self.tr("Database: {0}").format(ctx.db_path))
        self.statusBar().addPermanentWidget(self.db_label)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.data_changed.connect(self._update_welcome)
        ctx.saving_started.connect(self._on_saving_started)
        geometry = settings.geometry()
        if (
            geometry is None
            or not self.restoreGeometry(geometry)
            or self.width() < 600
            or self.height() < 400
        ):
            self.resize(1180, 760)
        last = settings.last_page
        self.show_page(last if last in self._page_specs else "properties")

    def add_page(self, page_id: str, title: str, spec: PageSpec) -> None:
        self._page_specs[page_id] = spec
        self.page_order.append(page_id)
        # An empty holder keeps the stack's order; the real page replaces it on first use.
        holder = QWidget()
        holder.setObjectName(f"holder_{page_id}")
        self.stack.addWidget(holder)
        if isinstance(spec, QWidget):
            self._install_page(page_id, spec)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        self.nav.addItem(item)

    def page(self, page_id: str) -> QWidget:
        """The page widget, built on first use."""
        if page_id not in self.pages:
            spec = self._page_specs[page_id]
            if isinstance(spec, str):
                module_name, _, class_name = spec.partition(":")
                widget = getattr(importlib.import_module(module_name), class_name)(self.ctx)
            elif isinstance(spec, QWidget):
                widget = spec
            else:
                widget = spec(self.ctx)
            self._install_page(page_id, widget)
        return self.pages[page_id]

    def _install_page(self, page_id: str, widget: QWidget) -> None:
        index = self.page_order.index(page_id)
        holder = self.stack.widget(index)
        widget.setObjectName(f"page_{page_id}")
        self.pages[page_id] = widget
        self.stack.insertWidget(index, widget)
        if holder is not None and holder is not widget:
            self.stack.removeWidget(holder)
            holder.deleteLater()

    def show_page(self, page_id: str) -> None:
        self.nav.setCurrentRow(self.page_order.index(page_id))

    def current_page_id(self) -> str:
        return self.page_order[self.stack.currentIndex()]

    def _on_nav_changed(self, row: int) -> None:
        if row < 0:
            return
        page_id = self.page_order[row]
        page = self.page(page_id)
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        if callable(refresh) and not refreshes_itself_when_shown(page):
            refresh()
        self.settings.last_page = page_id
        self._update_welcome()

    # -- welcome (first start) ---------------------------------------------------------------------------------
    def has_properties(self) -> bool:
        from espm_desktop.app.choices import has_properties

        try:
            return has_properties(self.ctx.db_path)
        except Exception:  # noqa: BLE001 (an unreadable file shows the Properties page and its own message)
            return True

    def welcome_shown(self) -> bool:
        return self.welcome is not None and self.content.currentWidget() is self.welcome

    def _update_welcome(self) -> None:
        """The welcome page stands in for Properties while the database has no property."""
        on_properties = self.nav.currentRow() >= 0 and self.page_order[self.nav.currentRow()] == "properties"
        if on_properties and not self.has_properties():
            if self.welcome is None:
                from espm_desktop.ui.pages.welcome import WelcomePage

                welcome = WelcomePage(self.ctx)
                welcome.demo_requested.connect(self._on_open_demo)
                welcome.import_requested.connect(self._on_import_bills)
                welcome.create_requested.connect(self._on_create_first_property)
                self.content.addWidget(welcome)
                self.welcome = welcome
            self.content.setCurrentWidget(self.welcome)
        else:
            self.content.setCurrentWidget(self.stack)

    def _on_create_first_property(self) -> None:
        """Go to Properties and open its New dialog; the welcome page comes back if the user cancels."""
        page = self.page("properties")
        self.content.setCurrentWidget(self.stack)
        self.stack.setCurrentWidget(page)
        new = getattr(page, "_on_new", None)
        if callable(new):
            new()
        self._update_welcome()

    def _on_open_demo(self) -> None:
        from espm_desktop import paths
        from espm_desktop.app.database import create_demo_database

        target = paths.demo_db_path()
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            with self.ctx.saving():
                create_demo_database(target, overwrite=False)
        self.open_database_requested.emit(str(target))

    def _on_saving_started(self) -> None:
        self.statusBar().showMessage(
            self.tr("Saving… (waiting if another program is writing to the database)"), 6000
        )
        # Painted at once, without running the event loop: no other edit can start inside this one.
        self.statusBar().repaint()

    def _on_data_changed(self) -> None:
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_db = file_menu.addAction(self.tr("&New database…"), self._on_new_database)
        new_db.setShortcut(QKeySequence.StandardKey.New)
        open_db = file_menu.addAction(self.tr("&Open database…"), self._on_open_database)
        open_db.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recent_menu")
        current = Path(self.ctx.db_path).absolute()
        for path in self.settings.recent_databases():
            if path == current:
                continue
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=str(path): self.open_database_requested.emit(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())
        self.demo_action = file_menu.addAction(self.tr("Open the &demo"), self._on_open_demo)
        self.demo_action.setObjectName("open_demo")
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Back up now…"), self._on_backup_now)
        self.restore_action = file_menu.addAction(self.tr("Re&store from backup…"), self._on_restore)
        self.restore_action.setEnabled(not self.ctx.read_only)
        file_menu.addSeparator()
        self.import_action = file_menu.addAction(self.tr("&Import bills…"), self._on_import_bills)
        self.import_action.setEnabled(not self.ctx.read_only)
        # Exports only read: a read-only database can still be exported.
        self.export_action = file_menu.addAction(self.tr("&Export…"), self._on_export)
        self.export_action.setObjectName("export_action")
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("fr", "Français"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.language)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self._on_language_chosen(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._help_windows: dict[str, QWidget] = {}
        self.guide_action = help_menu.addAction(self.tr("&User guide"), lambda: self.show_guide())
        self.guide_action.setObjectName("help_guide")
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.glossary_action = help_menu.addAction(self.tr("&Glossary"), lambda: self.show_glossary())
        self.glossary_action.setObjectName("help_glossary")
        help_menu.addSeparator()
        energir = "energir_fr" if self.language == "fr" else "energir_en"
        for key, text in (
            ("espm", self.tr("ENERGY STAR Portfolio Manager (web)")),
            ("benchmark", self.tr("ENERGY STAR: benchmark your building (web)")),
            (energir, self.tr("Énergir: energy efficiency programs (web)")),
        ):
            action = help_menu.addAction(text)
            action.setObjectName(f"help_link_{key}")
            action.triggered.connect(lambda _checked=False, k=key: self._on_program_link(k))
        help_menu.addSeparator()
        about = QAction(self.tr("&About ESPM Desktop"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _on_new_database(self) -> None:
        from espm_desktop.ui.database_dialogs import choose_new_database

        target = choose_new_database(self, Path(self.ctx.db_path).parent)
        if target is None:
            return
        if target.exists():
            from PySide6.QtWidgets import QMessageBox

            # The save dialog asked before replacing; an existing database is opened, never emptied.
            QMessageBox.information(
                self,
                self.tr("New database"),
                self.tr("{0} already exists: it will be opened as it is.").format(target),
            )
        self.open_database_requested.emit(str(target))

    def _on_open_database(self) -> None:
        from espm_desktop.ui.database_dialogs import choose_database_to_open

        chosen = choose_database_to_open(self)
        if chosen is not None:
            self.open_database_requested.emit(str(chosen))

    def _on_backup_now(self) -> None:
        from espm_desktop.ui.backup_dialogs import back_up_now

        back_up_now(self, self.ctx, self.settings)

    def _on_restore(self) -> None:
        from espm_desktop.ui.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self, self.ctx, self.settings)
        if dialog.exec() and dialog.restored:
            self.reload_requested.emit()

    def _on_import_bills(self) -> None:
        from espm_desktop.ui.pages.import_dialog import open_import_dialog

        open_import_dialog(self.ctx, self)

    def _on_export(self) -> None:
        from espm_desktop.ui.export_dialog import open_export_dialog

        open_export_dialog(self.ctx, self.settings, self)

    # -- help ------------------------------------------------------------------------------------------------
    def current_help_page(self) -> str:
        return "welcome" if self.welcome_shown() else self.current_page_id()

    def show_guide(self, section: str | None = None) -> QWidget:
        """The user guide, at the section of the current page (or the one given), in the window's language."""
        from espm_desktop.ui.help import GUIDE, section_for_page

        viewer = self._help_window(GUIDE)
        viewer.show_section(section or section_for_page(self.current_help_page()))
        return viewer

    def show_glossary(self) -> QWidget:
        from espm_desktop.ui.help import GLOSSARY

        viewer = self._help_window(GLOSSARY)
        viewer.show_section("")
        return viewer

    def _help_window(self, kind: str) -> HelpWindow:
        from espm_desktop.ui.help import HelpWindow

        window = self._help_windows.get(kind)
        if not isinstance(window, HelpWindow):
            window = self._help_windows[kind] = HelpWindow(kind, self.language, self)
        return window

    def _on_program_link(self, key: str) -> None:
        from espm_desktop.ui.help import open_program_page

        open_program_page(key)

    def _on_language_chosen(self, code: str) -> None:
        if code != self.language:
            self.language_switch_requested.emit(code)

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from espm_desktop import paths

        # Two messages, so the first keeps its existing translation; the folders help support find the files.
        QMessageBox.about(
            self,
            self.tr("About ESPM Desktop"),
            self.tr(
                "ESPM Desktop {0}\n\nENERGY STAR Portfolio Manager companion for building managers and "
                "energy consultants in Québec and Canada.\n\nDatabase: {1}\nBackups: {2}"
            ).format(__version__, self.ctx.db_path, self._backup_folder())
            + "\n"
            + self.tr("Data folder: {0}\nLog file: {1}").format(
                paths.data_dir(), paths.log_dir() / "espm-desktop.log"
            ),
        )

    def _backup_folder(self) -> Path:
        from espm_desktop.ui.database_dialogs import backup_folder_for

        return backup_folder_for(self.settings, Path(self.ctx.db_path))

    def showEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.first_page_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.settings.set_geometry(self.saveGeometry())
        self.settings.last_page = self.current_page_id()
        self.settings.sync()
        super().closeEvent(event)
