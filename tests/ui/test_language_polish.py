"""French and English polish: Qt's own texts, one language per message, French typography, readable states."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.demo import populate_demo
from espm_desktop.io.eccc_weather import WeatherFileError, parse_eccc_daily
from espm_desktop.ui import i18n
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.data_exchange import DataExchangePage
from espm_desktop.ui.pages.energy_table import EnergyFactorsTable
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.sge_page import SgePage
from espm_desktop.ui.pages.weather import WeatherPage
from espm_desktop.ui.pages.weather_tables import header_text
from espm_desktop.ui.plots import charts
from espm_desktop.ui.plots.axes import NumberAxis
from tests.ui.conftest import open_window

NB = "\u00a0"


@pytest.fixture
def french(qtbot: QtBot) -> Iterator[i18n.LanguageManager]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = i18n.LanguageManager(app)
    yield languages
    languages.apply("en")


@pytest.fixture
def french_window(qtbot: QtBot, db_path: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, db_path, "fr")


@pytest.fixture
def french_demo(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db, "fr")


# -- 1. Qt's own texts (file dialogs) ---------------------------------------------------------------------------
def test_qt_file_dialog_texts_are_french_beside_the_apps_catalog(french: i18n.LanguageManager) -> None:
    # The app's translator answers None for Qt's texts, so Qt's own catalog is asked next.
    french.apply("fr")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == f"Voir dans{NB}:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == f"Fichiers de type{NB}:"
    assert QCoreApplication.translate("MainWindow", "Properties") == "Propriétés"


def test_qt_catalog_is_found_in_the_pyside6_folder_when_qt_looks_elsewhere(
    french: i18n.LanguageManager, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # As in the frozen bundle, where QtCore is loaded from the bundle's top folder.
    class ElsewhereLibraryInfo(i18n.QLibraryInfo):  # type: ignore[misc]
        @staticmethod
        def path(_which: object) -> str:
            return str(tmp_path)

    monkeypatch.setattr(i18n, "QLibraryInfo", ElsewhereLibraryInfo)
    french.apply("fr")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == f"Voir dans{NB}:"


# -- 2. One language per message --------------------------------------------------------------------------------
def test_weather_file_error_is_all_french() -> None:
    text = (
        '"Longitude (x)","Latitude (y)","Station Name","Climate ID","Date/Time","Year","Month","Day",'
        '"Data Quality","Max Temp (°C)","Max Temp Flag","Min Temp (°C)","Min Temp Flag","Mean Temp (°C)",'
        '"Mean Temp Flag","Heat Deg Days (°C)","Heat Deg Days Flag","Cool Deg Days (°C)","Cool Deg Days Flag"\n'
        '"-71.7","45.4","SHERBROOKE","7028123","2025-01-01","2025","01","01","","-5","","-15","","abc","",'
        '"28.0","","0.0",""\n'
    )
    with pytest.raises(WeatherFileError) as caught:
        parse_eccc_daily(text, "janvier.csv")
    assert "ligne 2, colonne « Mean Temp (°C) »" in caught.value.message_fr
    assert "line" not in caught.value.message_fr and "column" not in caught.value.message_fr
    assert "line 2, column 'Mean Temp (°C)'" in caught.value.message_en


def test_energy_factor_sources_are_french_in_french(french: i18n.LanguageManager, qtbot: QtBot) -> None:
    french.apply("fr")
    table = EnergyFactorsTable()
    qtbot.addWidget(table)
    sources = [table.item(r, 4).text() for r in range(table.rowCount())]
    assert all(s for s in sources)
    assert not any("Thermal Energy Conversions" in s or "source factor:" in s for s in sources)
    assert any("conversions d'énergie thermique" in s for s in sources)
    french.apply("en")
    english = EnergyFactorsTable()
    qtbot.addWidget(english)
    assert "Thermal Energy Conversions" in english.item(0, 4).text()


# -- 3. French typography in the score pages and the charts -----------------------------------------------------
def test_numbers_have_no_negative_zero_and_dates_say_1er() -> None:
    assert fixed(-0.001, "fr", 2) == "0,00"
    assert fixed(-0.001, "en", 2) == "0.00"
    view = SimpleNamespace(language="fr")
    assert charts.day_text(view, date(2024, 1, 1)) == f"1er{NB}janv.{NB}2024"  # type: ignore[arg-type]
    assert charts.money(view, 12345.67) == f"12{NB}345,67{NB}$"  # type: ignore[arg-type]
    english = SimpleNamespace(language="en")
    assert charts.day_text(english, date(2024, 1, 1)) == f"Jan{NB}1, 2024"  # type: ignore[arg-type]


def test_energy_mix_tooltip_puts_a_space_before_the_colon_in_french(qtbot: QtBot) -> None:
    from espm_desktop.core.chart_series import EnergyMix
    from espm_desktop.ui.plots.chart_view import ChartView

    view = ChartView("fr")
    qtbot.addWidget(view)
    mix = EnergyMix(months=(2024 * 12,), energy_types=("natural_gas",), values=((9.1,),))
    charts.EnergyMixChart().draw(view, mix, {"natural_gas": "Gaz naturel"})
    text = view.hover_at(2024 * 12 + 0.5, 1.0)
    assert f"Gaz naturel{NB}: 9,10 GJ" in text


# -- 4. Weather page ---------------------------------------------------------------------------------------------
def test_weather_headers_break_between_words_only(french_window: AppController) -> None:
    assert header_text("Identifiant climatologique") == "Identifiant\nclimatologique"
    french_window.window.show_page("weather")
    page = french_window.window.pages["weather"]
    assert isinstance(page, WeatherPage)
    for table in (page.stations_table, page.months_table, page.typed_table):
        for c in range(table.columnCount()):
            title = table.horizontalHeaderItem(c).text()
            words = set(title.replace("\n", " ").split())
            assert all(line in words or " " in line for line in title.split("\n")), title
            assert all(set(line.split()) <= words for line in title.split("\n")), title


def test_weather_error_goes_after_a_later_success(controller: AppController, tmp_path: Path) -> None:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        s.add(models.Property(name="Caisse", property_type="bank_branch", gross_floor_area_m2=900.0))
    controller.window.show_page("weather")
    page = controller.window.pages["weather"]
    assert isinstance(page, WeatherPage)
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing here\n", encoding="utf-8")
    assert not page.import_files([bad])
    assert "Nothing was imported" in page.import_message.text()
    page.picker.reload()
    assert page.picker.property_id is not None
    page._on_unlink()  # a later success on the same page
    assert page.import_message.text() == ""


# -- 5. SGÉ savings chart and deadlines ---------------------------------------------------------------------------
def test_cusum_axis_groups_thousands_in_the_ui_language(qtbot: QtBot) -> None:
    assert NumberAxis("left", "fr").tickStrings([300000.0], 1.0, 100000.0) == [f"300{NB}000"]
    assert NumberAxis("left", "en").tickStrings([300000.0], 1.0, 100000.0) == ["300,000"]


def test_savings_legend_is_outside_the_plot_and_deadlines_are_not_repeated(
    french_demo: AppController,
) -> None:
    french_demo.window.show_page("sge")
    page = french_demo.window.pages["sge"]
    assert isinstance(page, SgePage)
    tab = page.savings_tab
    assert tab.analysis is not None
    page.tabs.setCurrentWidget(tab)  # the chart is drawn when its tab is first shown
    QApplication.processEvents()
    legend = tab.use_legend
    assert legend.parentItem() is not tab.use_plot.vb and legend.parentItem() is not tab.use_plot
    assert len(legend.items) == 2
    legend_rect = legend.sceneBoundingRect()
    for plot in (tab.use_plot, tab.cusum_plot):
        assert not legend_rect.intersects(plot.vb.sceneBoundingRect())
    left = tab.cusum_plot.getAxis("left")
    assert isinstance(left, NumberAxis) and left.language == "fr"
    lines = [line for line in page.summary.text().split("<br>") if line.startswith("•")]
    assert lines and len(lines) == len(set(lines))
    assert all(f"{NB}:" in line for line in lines)


def test_identical_deadlines_are_listed_once(
    french_demo: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from espm_desktop.ui.pages import sge_page

    french_demo.window.show_page("sge")
    page = french_demo.window.pages["sge"]
    assert isinstance(page, SgePage) and page.file is not None
    rows = sge_page.deadline_rows(page.file)
    assert rows
    monkeypatch.setattr(sge_page, "deadline_rows", lambda _file: [rows[0], rows[0]])
    page._show_summary()
    lines = [line for line in page.summary.text().split("<br>") if line.startswith("•")]
    assert len(lines) == 1


# -- 6. Énergir assistant ----------------------------------------------------------------------------------------
def _assistant(controller: AppController) -> DataExchangePage:
    controller.window.show_page("energir")
    page = controller.window.pages["energir"]
    assert isinstance(page, DataExchangePage)
    return page


def test_done_steps_are_readable_and_no_longer_wait_for_energir(french_demo: AppController) -> None:
    page = _assistant(french_demo)
    waiting = [card for card in page.cards.values() if card.waiting_badge is not None]
    assert waiting
    for card in page.cards.values():
        done = card.check.isChecked()
        assert card.done_badge.isVisibleTo(card) == done
        if card.waiting_badge is not None:
            assert card.waiting_badge.isVisibleTo(card) == (not done)
        if done:
            assert "#14532D" in card.check.styleSheet() and "background: #EDF8F0" in card.styleSheet()


def test_a_stored_number_problem_is_said_once_per_screen(controller: AppController) -> None:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        populate_demo(s)
        bureau = s.scalars(select(models.Property).where(models.Property.name == "Bureau")).one()
        controller.ctx.select_property(bureau.id)
    page = _assistant(controller)
    assert page.current_stage_id() == "bill"

    def saying_it() -> list[str]:
        return [
            label.objectName()
            for label in page.findChildren(QLabel)
            if label.isVisible() and "12 characters" in label.text()
        ]

    assert saying_it() == ["error_account_number"]  # beside the field of stage 1's form
    page.stage_list.setCurrentRow(3)
    assert saying_it() == ["numbers_warning"]  # in the status panel on the other stages
    problems = [
        label.text()
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.objectName().startswith("problem_")
    ]
    assert all("12 characters" not in text for text in problems)
