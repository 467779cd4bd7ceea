from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from espm_desktop.core.degree_days import ATTRIBUTION
from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.weather import WeatherPage
from tests.db.test_weather import write_current, write_old
from tests.ui.conftest import type_into, when_dialog_opens


def weather_page(controller: AppController) -> WeatherPage:
    controller.window.show_page("weather")
    page = controller.window.pages["weather"]
    assert isinstance(page, WeatherPage)
    return page


def stored(controller: AppController) -> tuple[int, int]:
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        return (
            s.scalar(select(func.count(models.WeatherStation.id))) or 0,
            s.scalar(select(func.count(models.WeatherDay.id))) or 0,
        )


def test_import_both_layouts_list_months_and_reimport_adds_nothing(
    controller: AppController, tmp_path: Path
) -> None:
    page = weather_page(controller)
    current = write_current(tmp_path, date(2025, 1, 1), date(2025, 2, 28), missing=(date(2025, 2, 10),))
    old = write_old(tmp_path, date(2024, 12, 1), date(2024, 12, 31))
    assert page.import_files([current, old])
    assert stored(controller) == (2, 90)
    assert "59 new day(s)" in page.import_message.text() and "31 new day(s)" in page.import_message.text()
    table = page.stations_table
    names = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    assert names == {"SHERBROOKE A": "59", "SHERBROOKE": "31"}
    page.select_station(page._station_ids[[table.item(r, 0).text() for r in range(2)].index("SHERBROOKE A")])
    months = page.months_table
    assert [months.item(r, 0).text() for r in range(months.rowCount())] == ["2025-02", "2025-01"]
    assert (months.item(0, 3).text(), months.item(0, 4).text()) == ("27", "1")
    assert months.item(1, 1).text() == "868.0"
    assert page.findChild(type(page.import_message), "weather_attribution").text() == ATTRIBUTION

    assert page.import_files([current, old])
    assert stored(controller) == (2, 90)
    assert "0 new day(s)" in page.import_message.text() and "59 already there" in page.import_message.text()


def test_bad_file_is_named_with_its_line_and_nothing_is_stored(
    controller: AppController, tmp_path: Path
) -> None:
    page = weather_page(controller)
    good = write_current(tmp_path, date(2025, 1, 1), date(2025, 1, 31))
    bad = write_current(tmp_path, date(2025, 1, 1), date(2025, 1, 10), name="janvier.csv")
    bad.write_text(
        bad.read_text(encoding="utf-8-sig").replace('"-10.0","","28.0"', '"-10.0","","abc"', 1),
        encoding="utf-8",
    )
    assert not page.import_files([good, bad])
    message = page.import_message.text()
    assert "Nothing was imported" in message and "janvier.csv" in message and "line 2" in message
    assert "'abc' is not a number" in message
    assert stored(controller) == (0, 0)
    assert page.stations_table.rowCount() == 0


def test_link_property_and_type_degree_days(controller: AppController, qtbot: QtBot, tmp_path: Path) -> None:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        prop = models.Property(name="Caisse", property_type="bank_branch", gross_floor_area_m2=900.0)
        s.add(prop)
        s.flush()
        pid = prop.id
    page = weather_page(controller)
    assert page.import_files([write_current(tmp_path, date(2025, 1, 1), date(2025, 1, 31))])
    page.link_button.click()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        station = s.get(models.Property, pid).weather_station_id
        assert station is not None
    assert "SHERBROOKE A (7028124)" in page.link_label.text()

    def fill(dialog: QDialog) -> None:
        dialog.findChild(QDateEdit, "field_period_end").setDate(QDate(2025, 12, 15))
        type_into(dialog, "hdd", "4 766")
        type_into(dialog, "cdd", "113")
        type_into(dialog, "note", "ESPM")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(fill, qtbot)
    page.add_typed.click()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        row = s.scalars(select(models.PropertyDegreeDays)).one()
        # Any day of the month stands for the 12 months ending on its last day.
        assert (row.property_id, row.period_end, row.hdd, row.cdd, row.note) == (
            pid,
            date(2025, 12, 31),
            4766.0,
            113.0,
            "ESPM",
        )
    assert (
        page.typed_table.item(0, 0).text() == "2025-12-31" and page.typed_table.item(0, 1).text() == "4,766"
    )
    page.unlink_button.click()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert s.get(models.Property, pid).weather_station_id is None
