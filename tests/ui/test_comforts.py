"""First start (welcome page), sorting and filtering lists, and the help: guide, F1 and glossary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from espm_desktop import paths
from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.help import HelpWindow, help_text
from espm_desktop.ui.pages import import_dialog
from espm_desktop.ui.pages.bills import BillsPage
from tests.ui.conftest import open_window, type_into, when_dialog_opens


def _add_properties(db: Path, rows: list[tuple[str, str, float]]) -> dict[str, int]:
    from sqlalchemy.orm import Session

    from espm_desktop.db.engine import make_engine

    engine = make_engine(db)
    try:
        with Session(engine) as s, s.begin():
            made = [
                models.Property(name=name, city=city, province="QC", gross_floor_area_m2=area)
                for name, city, area in rows
            ]
            s.add_all(made)
            s.flush()
            ids = {p.name: p.id for p in made}
    finally:
        engine.dispose()
    return ids


def _column(table, column: int, visible_only: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        table.item(r, column).text()
        for r in range(table.rowCount())
        if not (visible_only and table.isRowHidden(r))
    ]


def _read_name_then_cancel(dialog: QDialog, seen: dict[str, str]) -> None:
    seen["name"] = dialog.findChild(QLineEdit, "field_name").text()
    dialog.reject()


# -- welcome page ---------------------------------------------------------------------------------------------
def test_welcome_page_on_an_empty_database_then_gone_once_a_property_exists(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    assert window.welcome_shown()
    welcome = window.welcome
    assert welcome is not None and welcome.isVisible()
    for name in ("welcome_demo", "welcome_import", "welcome_create"):
        button = welcome.findChild(QPushButton, name)
        assert button is not None and button.isEnabled()
    assert not window.pages["properties"].isVisible()

    def fill_property(dialog: QDialog) -> None:
        type_into(dialog, "name", "Caisse Saint-Roch")
        type_into(dialog, "gross_floor_area_m2", "1250,5")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(fill_property, qtbot)
    qtbot.mouseClick(welcome.findChild(QPushButton, "welcome_create"), Qt.MouseButton.LeftButton)
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert [p.name for p in s.query(models.Property)] == ["Caisse Saint-Roch"]
    assert not window.welcome_shown()
    properties = window.pages["properties"]
    assert properties.isVisible()
    assert _column(properties.table, 0) == ["Caisse Saint-Roch"]


def test_create_cancelled_keeps_the_welcome_page(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    when_dialog_opens(lambda dialog: dialog.reject(), qtbot)
    window.welcome.create_button.click()
    assert window.welcome_shown()


def test_welcome_import_opens_the_import_dialog(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(import_dialog, "open_import_dialog", lambda ctx, parent: opened.append((ctx, parent)))
    controller.window.welcome.import_button.click()
    assert opened == [(controller.ctx, controller.window)]


def test_welcome_demo_creates_and_opens_the_demo(qtbot: QtBot, controller: AppController) -> None:
    demo = paths.demo_db_path()
    assert not demo.exists()
    old_window = controller.window
    with qtbot.waitSignal(old_window.open_database_requested, timeout=20000) as signal:
        old_window.welcome.demo_button.click()
    assert signal.args == [str(demo)]
    assert demo.is_file()
    # The controller switched to the demo: it has properties, so Properties shows, not the welcome page.
    assert Path(controller.ctx.db_path) == demo
    assert controller.window is not old_window
    assert not controller.window.welcome_shown()
    assert controller.window.pages["properties"].table.rowCount() >= 2
    assert controller.window.findChild(QAction, "open_demo") is not None


def test_read_only_welcome_buttons_say_why(qtbot: QtBot, db_path: Path) -> None:
    from espm_desktop.ui.context import AppContext
    from espm_desktop.ui.pages.welcome import WelcomePage

    page = WelcomePage(AppContext(str(db_path), read_only=True))
    qtbot.addWidget(page)
    assert page.demo_button.isEnabled()
    for button in (page.import_button, page.create_button):
        assert not button.isEnabled() and "Read-only" in button.toolTip()


# -- sorting and filtering ------------------------------------------------------------------------------------
def test_properties_sort_numerically_filter_and_open_the_right_record(qtbot: QtBot, db_path: Path) -> None:
    ids = _add_properties(
        db_path,
        [
            ("Tour Alpha", "Montréal", 950.0),
            ("Bureau Beta", "Québec", 12000.0),
            ("Usine Gamma", "Lévis", 2500.0),
        ],
    )
    for controller in open_window(qtbot, db_path, "fr"):
        window = controller.window
        page = window.pages["properties"]
        assert not window.welcome_shown()
        table = page.table
        # Nothing selected yet: Edit and Delete are disabled and say why.
        assert not page.edit_button.isEnabled() and page.edit_button.toolTip()
        area = 3
        header = table.horizontalHeader()
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(area) + 5, 5),
        )
        # 950 < 2 500 < 12 000 as numbers (as text, "12 000" would come first).
        assert _column(table, 0) == ["Tour Alpha", "Usine Gamma", "Bureau Beta"]
        page.table_filter.sort_by(area, Qt.SortOrder.DescendingOrder)
        assert _column(table, 0) == ["Bureau Beta", "Usine Gamma", "Tour Alpha"]

        # Filtering ignores case and accents.
        page.table_filter.edit.setText("levis")
        assert _column(table, 0) == ["Usine Gamma"]
        page.table_filter.edit.setText("")
        assert len(_column(table, 0)) == 3

        # Selection maps to the record shown on the row, whatever the order.
        table.selectRow(0)
        assert page.selected_id() == ids["Bureau Beta"]
        assert controller.ctx.property_id == ids["Bureau Beta"]
        seen: dict[str, str] = {}
        when_dialog_opens(lambda dialog, seen=seen: _read_name_then_cancel(dialog, seen), qtbot)
        page.edit_button.click()
        assert seen["name"] == "Bureau Beta"


def test_sort_is_remembered_in_a_new_window(qtbot: QtBot, db_path: Path) -> None:
    _add_properties(db_path, [("A", "Laval", 500.0), ("B", "Gatineau", 80.0), ("C", "Sherbrooke", 7000.0)])
    for controller in open_window(qtbot, db_path):
        controller.window.pages["properties"].table_filter.sort_by(3, Qt.SortOrder.DescendingOrder)
    for controller in open_window(qtbot, db_path):
        page = controller.window.pages["properties"]
        assert _column(page.table, 0) == ["C", "A", "B"]
        header = page.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
            3,
            Qt.SortOrder.DescendingOrder,
        )


def test_last_column_no_longer_stretches(qtbot: QtBot, db_path: Path) -> None:
    _add_properties(db_path, [("A", "Laval", 500.0)])
    for controller in open_window(qtbot, db_path):
        header = controller.window.pages["properties"].table.horizontalHeader()
        assert not header.stretchLastSection()
        assert header.sectionResizeMode(0).name == "Stretch"


# -- help -----------------------------------------------------------------------------------------------------
def test_f1_on_the_score_page_opens_the_french_guide_at_the_score_section(
    qtbot: QtBot, db_path: Path
) -> None:
    _add_properties(db_path, [("A", "Laval", 500.0)])
    for controller in open_window(qtbot, db_path, "fr"):
        window = controller.window
        window.show_page("score")
        assert window.guide_action.shortcut().toString() == "F1"
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        if window.findChild(HelpWindow, "help_guide") is None:  # no active window on some platforms
            window.guide_action.trigger()
        viewer = window.findChild(HelpWindow, "help_guide")
        assert viewer is not None and viewer.isVisible()
        assert viewer.section == "score"
        assert "Guide de l'utilisateur" in viewer.browser.toPlainText()
        qtbot.waitUntil(lambda viewer=viewer: viewer.heading_at_top().startswith("Cote ENERGY STAR"))
        viewer.close()


def test_every_page_has_a_guide_section_in_both_languages() -> None:
    from espm_desktop.ui.help import PAGE_SECTIONS

    for language in ("fr", "en"):
        text = help_text("guide", language)
        for section in set(PAGE_SECTIONS.values()) | {"import", "backup"}:
            assert f"{{#{section}}}" in text, (language, section)


@pytest.mark.parametrize(
    ("language", "terms"),
    [
        ("en", ["EUI", "Source energy", "Site energy", "Heating degree days (HDD)", "Cooling degree days (CDD)",
                "Calendarization", "EnPI", "CUSUM", "Baseline", "Balance point", "ENERGY STAR score",
                "ESPM", "SGÉ", "GJ", "m³"]),
        ("fr", ["IÉ", "Énergie à la source", "Énergie au site", "Degrés-jours de chauffage (DJC)",
                "Calendarisation", "IPÉ", "CUSUM", "Année de référence", "Point d'équilibre",
                "Cote ENERGY STAR", "ESPM", "SGÉ", "GJ", "m³"]),
    ],
)  # fmt: skip
def test_glossary_lists_the_terms(qtbot: QtBot, language: str, terms: list[str]) -> None:
    viewer = HelpWindow("glossary", language)
    qtbot.addWidget(viewer)
    text = viewer.browser.toPlainText()
    for term in terms:
        assert term in text, term


def visible_rows(page: BillsPage) -> list[int]:
    return [r for r in range(page.model.rowCount()) if not page.table.isRowHidden(r)]


def test_bills_filter_as_you_type(qtbot: QtBot, demo_db: Path) -> None:
    windows = open_window(qtbot, demo_db, "en")
    ctrl = next(windows)
    ctrl.ctx.select_property(1)
    ctrl.window.show_page("bills")
    page = ctrl.window.pages["bills"]
    assert isinstance(page, BillsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=5000)
    total = page.model.rowCount()
    page.filter_edit.setText("-03-")
    shown = visible_rows(page)
    assert 0 < len(shown) < total
    assert all("-03-" in str(page.model.data(page.model.index(r, 0))) for r in shown)
    page.filter_edit.setText("")
    assert len(visible_rows(page)) == total
    for _ in windows:
        pass


def test_bills_sort_by_usage_and_an_edit_still_reaches_its_bill(qtbot: QtBot, demo_db: Path) -> None:
    import sqlite3

    from PySide6.QtCore import Qt as QtNs

    from espm_desktop.ui.bills_model import USAGE

    windows = open_window(qtbot, demo_db, "en")
    ctrl = next(windows)
    ctrl.ctx.select_property(1)
    ctrl.window.show_page("bills")
    page = ctrl.window.pages["bills"]
    assert isinstance(page, BillsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=5000)
    page.table.sortByColumn(USAGE, QtNs.SortOrder.DescendingOrder)
    usages = [row.bill.usage for row in page.model.rows]
    assert usages == sorted(usages, reverse=True)
    top = page.model.rows[0]
    assert page.model.setData(page.model.index(0, USAGE), "4321", QtNs.ItemDataRole.EditRole)
    con = sqlite3.connect(demo_db)
    assert con.execute("SELECT usage FROM bill WHERE id = ?", (top.bill_id,)).fetchone()[0] == 4321.0
    con.close()
    assert ctrl.settings.table_sort("bills") == (USAGE, True)
    for _ in windows:
        pass
