"""Score page comforts: what-if panel, target in plain words, periods that cannot give a score, weather station."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QGroupBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from espm_desktop.core.score.bank_branch import BankBranchInputs, EnergyUse, compute_score
from espm_desktop.core.score.bank_branch_target import apply_cut
from espm_desktop.core.score.target import round_up_significant, target_in_plain_words
from espm_desktop.core.score.weather_station import (
    haversine_km,
    province_code,
    province_from_postal_code,
    station_warnings,
)
from espm_desktop.db import models
from espm_desktop.db.demo import BANK_BRANCH_NAME, BUREAU_NAME
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages import score as score_module
from espm_desktop.ui.pages.score import ScorePage
from espm_desktop.ui.pages.score_format import plain
from tests.ui.conftest import open_window

# French for the page's new sentences, as the lead is asked to put them in the .ts (the test installs them
# itself so that it checks how the sentence is put together, whatever the state of the catalogue).
FRENCH = {
    "To reach {0}, use {1} less: about {2} a year.": "Pour atteindre {0}, consommez {1} de moins : environ {2} par année.",
    "{0} m³ of natural gas": "{0} m³ de gaz naturel",
    "{0} kWh of electricity": "{0} kWh d'électricité",
    " or ": " ou ",
    "Your score {0} already reaches {1}.": "Votre cote {0} atteint déjà {1}.",
}


class ProposedFrench(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return FRENCH.get(source, "") if context == "ScorePage" else ""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def demo_inputs() -> BankBranchInputs:
    return BankBranchInputs(
        1300,
        24,
        55,
        30,
        100,
        100,
        12,
        4766,
        113,
        (EnergyUse("electricity_grid", 168_000, "kWh"), EnergyUse("natural_gas", 9600, "m3")),
    )


def open_score(qtbot: QtBot, db: Path, language: str) -> Iterator[AppController]:
    for ctrl in open_window(qtbot, db, language):
        ctrl.window.show_page("score")
        yield ctrl


@pytest.fixture
def demo_en(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_score(qtbot, demo_db, "en")


def page_of(ctrl: AppController) -> ScorePage:
    page = ctrl.window.pages["score"]
    assert isinstance(page, ScorePage)
    return page


def dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def bank_id(ctrl: AppController) -> int:
    with Session(ctrl.ctx.engine, expire_on_commit=False) as s:
        return s.scalars(select(models.Property.id).where(models.Property.name == BANK_BRANCH_NAME)).one()


# -- what-if ----------------------------------------------------------------------------------------------------
def test_what_if_changes_the_shown_score_and_saves_nothing(
    demo_en: AppController, demo_db: Path, qtbot: QtBot
) -> None:
    page = page_of(demo_en)
    before = dump(demo_db)
    saved: list[bool] = []
    demo_en.ctx.data_changed.connect(lambda: saved.append(True))
    assert not page.whatif_panel.isVisibleTo(page)
    qtbot.mouseClick(page.whatif_button, Qt.MouseButton.LeftButton)
    assert page.whatif_panel.isVisibleTo(page)
    panel = page.whatif_panel
    assert plain(panel.result_label.text()) == "Current 75 → what-if 75"
    assert (
        panel.floor_area.value() == 1300 and panel.workers.value() == 24 and panel.weekly_hours.value() == 55
    )

    assert panel.base is not None
    gas = panel.energy_spins[[u.energy_type for u in panel.base.inputs.energy].index("natural_gas")]
    gas.setValue(-50)
    assert panel.what_if_score() == 87
    assert plain(panel.result_label.text()) == "Current 75 → what-if 87"
    assert "4,800 m³ a year" in plain(panel.findChild(QLabel, "whatif_energy_result_natural_gas").text())
    # A use detail too: fewer workers lower the predicted EUI, so the score drops.
    panel.workers.setValue(10)
    assert panel.what_if_score() is not None and panel.what_if_score() < 87
    # Below the 30 h program filter: no score, and the panel says why.
    panel.weekly_hours.setValue(20)
    assert panel.what_if_score() is None
    assert "No score with these values" in panel.result_detail.text() and "20" in panel.result_detail.text()
    # The page's own score is untouched.
    assert page.score_label.text() == "75" and page.score_bar.score == 75

    panel.reset_button.click()
    assert plain(panel.result_label.text()) == "Current 75 → what-if 75"
    assert gas.value() == 0 and panel.workers.value() == 24 and panel.weekly_hours.value() == 55
    assert saved == [] and dump(demo_db) == before


# -- target finder in plain words -----------------------------------------------------------------------------
def test_target_sentence_for_the_demo_in_english(demo_en: AppController) -> None:
    page = page_of(demo_en)
    assert plain(page.target_plain.text()) == "Your score 75 already reaches 75."
    page.target_spin.setValue(90)
    assert plain(page.target_plain.text()).split("\n") == [
        "Your score 75 already reaches 75.",
        "To reach 90, use 17 % less: about 6,210 m³ of natural gas or 38,400 kWh of electricity a year.",
    ]
    assert "one energy type alone" in page.target_assumptions.text()
    page.target_spin.setValue(99)
    # The gas would have to fall below zero: only electricity is offered.
    assert plain(page.target_plain.text()).endswith(
        "To reach 99, use 38 % less: about 86,400 kWh of electricity a year."
    )


def test_target_sentence_for_the_demo_in_french(qtbot: QtBot, demo_db: Path) -> None:
    translator = ProposedFrench()
    for ctrl in open_score(qtbot, demo_db, "fr"):
        QCoreApplication.installTranslator(translator)
        try:
            page = page_of(ctrl)
            page.target_spin.setValue(90)
            assert plain(page.target_plain.text()).split("\n") == [
                "Votre cote 75 atteint déjà 75.",
                "Pour atteindre 90, consommez 17 % de moins : environ 6 210 m³ de gaz naturel ou 38 400 kWh "
                "d'électricité par année.",
            ]
            assert "6\u00a0210" in page.target_plain.text() and "17\u00a0%" in page.target_plain.text()
        finally:
            QCoreApplication.removeTranslator(translator)


def test_rounded_cuts_reach_the_target() -> None:
    result = compute_score(demo_inputs())
    for target in (76, 80, 90, 95, 100):
        words = target_in_plain_words(result, target)
        assert words.cuts
        for cut in words.cuts:
            after = compute_score(apply_cut(result.inputs, cut.energy_type, cut.unit, cut.quantity))
            assert after.score is not None and after.score >= target, (target, cut)
    assert [round_up_significant(v) for v in (869.2, 15_053, 870.0000001, 0.4, 0)] == [870, 15_100, 870, 1, 0]


# -- periods that cannot give a score -------------------------------------------------------------------------
def _add_month(meter: models.Meter, year: int, month: int, usage: float) -> None:
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    meter.bills.append(models.BillRecord(start_date=start, end_date=end, usage=usage))


def test_periods_without_a_score_are_disabled_with_the_reason(demo_en: AppController) -> None:
    page = page_of(demo_en)
    pid = bank_id(demo_en)
    with Session(demo_en.ctx.engine, expire_on_commit=False) as s, s.begin():
        meters = {m.name: m for m in s.scalars(select(models.Meter).where(models.Meter.property_id == pid))}
        _add_month(meters["Électricité"], 2026, 1, 14_000)
        _add_month(meters["Gaz naturel"], 2026, 1, 1500)
        _add_month(meters["Gaz naturel"], 2026, 2, 1400)
    demo_en.ctx.data_changed.emit()
    combo = page.period_combo
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    by_end = {combo.itemData(i): i for i in range(1, combo.count())}
    feb, jan, dec = by_end[date(2026, 2, 28)], by_end[date(2026, 1, 31)], by_end[date(2025, 12, 31)]
    assert not model.item(feb).isEnabled()
    assert "meter “Électricité” lacks 1 of the 12 months" in combo.itemText(feb)
    assert "lacks 1 of the 12 months" in combo.itemData(feb, 3)  # ToolTipRole
    assert not model.item(jan).isEnabled() and "no weather (degree days)" in combo.itemText(jan)
    assert model.item(dec).isEnabled() and combo.itemText(dec) == "Dec 2025"
    # Before 2025 there are no bills: a period ending mid-2025 lacks the months before January.
    jun = by_end[date(2025, 6, 30)]
    assert not model.item(jun).isEnabled() and "no bills for 6 of the 12 months" in combo.itemText(jun)
    assert "13 of 14 periods cannot give a score" in page.period_note.text()

    # A meter without any bill: no period can give a score.
    with Session(demo_en.ctx.engine, expire_on_commit=False) as s, s.begin():
        s.add(models.Meter(property_id=pid, name="Mazout", energy_type="fuel_oil_2", unit="L"))
    demo_en.ctx.data_changed.emit()
    reasons = [combo.itemText(i) for i in range(1, combo.count())]
    assert reasons and all("meter “Mazout” has no bills" in r for r in reasons)
    assert not any(model.item(i).isEnabled() for i in range(1, combo.count()))


# -- the weather station behind the degree days ---------------------------------------------------------------
def _link_station(ctrl: AppController, province: str, lat: float, lon: float) -> None:
    pid = bank_id(ctrl)
    with Session(ctrl.ctx.engine, expire_on_commit=False) as s, s.begin():
        station = models.WeatherStation(
            climate_id="TEST1", name="TEST STATION", province=province, latitude=lat, longitude=lon
        )
        s.add(station)
        s.flush()
        day = date(2025, 1, 1)
        while day.year == 2025:
            s.add(
                models.WeatherDay(
                    station_id=station.id, day=day, mean_temp_c=5.0, hdd=13.0, cdd=0.0, flags=""
                )
            )
            day += timedelta(days=1)
        s.execute(delete(models.PropertyDegreeDays).where(models.PropertyDegreeDays.property_id == pid))
        s.get(models.Property, pid).weather_station_id = station.id
    ctrl.ctx.data_changed.emit()


def test_station_in_another_province_is_named_with_a_warning(demo_en: AppController) -> None:
    page = page_of(demo_en)
    assert "typed for the 12 months ending 2025-12-31" in page.station_label.text()
    assert not page.station_warning.isVisibleTo(page)
    _link_station(demo_en, "ONTARIO", 45.32, -75.67)
    assert page.view is not None and page.view.degree_days is not None
    assert page.view.degree_days.origin == "station"
    assert "TEST STATION (Climate ID TEST1, ONTARIO)" in page.station_label.text()
    assert page.station_warning.isVisibleTo(page)
    assert "another province (ON) than the property (QC)" in page.station_warning.text()


def test_station_in_the_same_province_has_no_warning(demo_en: AppController) -> None:
    page = page_of(demo_en)
    _link_station(demo_en, "QUEBEC", 45.44, -71.69)
    assert "TEST STATION" in page.station_label.text()
    assert not page.station_warning.isVisibleTo(page)


def test_station_checks_in_core() -> None:
    montreal, quebec, sherbrooke = (45.47, -73.74), (46.79, -71.39), (45.44, -71.69)
    assert haversine_km(*montreal, *quebec) == pytest.approx(233, abs=3)
    assert haversine_km(*sherbrooke, *sherbrooke) == 0
    assert [
        province_code(t) for t in ("QC", "Québec", "QUEBEC", "british columbia", "Nouvelle-Écosse", "Mars")
    ] == [
        "QC",
        "QC",
        "QC",
        "BC",
        "NS",
        None,
    ]
    assert province_from_postal_code("j1h 1p1") == "QC" and province_from_postal_code("K1A 0B1") == "ON"
    assert station_warnings("QC", "", "QUEBEC", sherbrooke, montreal)[0].code == "far"
    assert station_warnings("QC", "", "QUEBEC", montreal, (45.50, -73.57)) == ()
    # No province typed: the postal code says where the property is.
    (w,) = station_warnings("", "K1A 0B1", "QUEBEC")
    assert (w.code, w.property_province, w.station_province) == ("other_province", "ON", "QC")
    # Unknown province on either side: no warning rather than a wrong one.
    assert station_warnings("", "", "ONTARIO") == () and station_warnings("QC", "", "") == ()


# -- one computation per visit --------------------------------------------------------------------------------
def test_the_score_is_loaded_once_per_visit(
    qtbot: QtBot, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = score_module.score_property

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[1:])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(score_module, "score_property", counting)
    for ctrl in open_window(qtbot, demo_db, "en"):
        ctrl.window.show_page("score")
        assert len(calls) == 1
        ctrl.window.show_page("bills")
        ctrl.window.show_page("score")
        assert len(calls) == 2


def test_the_what_if_panel_is_made_when_first_opened_under_the_score(
    demo_en: AppController, qtbot: QtBot
) -> None:
    page = page_of(demo_en)
    assert page.whatif_button.isVisibleTo(page)
    assert page.findChild(QGroupBox, "whatif_panel") is None  # most visits never open it
    qtbot.mouseClick(page.whatif_button, Qt.MouseButton.LeftButton)
    panel = page.findChild(QGroupBox, "whatif_panel")
    assert panel is page.whatif_panel and panel.isVisibleTo(page)
    assert plain(panel.result_label.text()) == "Current 75 → what-if 75"
    qtbot.waitUntil(lambda: panel.height() > 0 and page.target_box.y() > panel.y())
    assert page.score_box.y() < panel.y() < page.target_box.y()
    # Another property without a score hides it; back on the bank branch, it shows again from its inputs.
    with Session(demo_en.ctx.engine, expire_on_commit=False) as s:
        office = s.scalars(select(models.Property.id).where(models.Property.name == BUREAU_NAME)).one()
    demo_en.ctx.select_property(office)
    assert not page.whatif_button.isVisibleTo(page) and not panel.isVisibleTo(page) and panel.base is None
    demo_en.ctx.select_property(bank_id(demo_en))
    assert panel.isVisibleTo(page) and plain(panel.result_label.text()) == "Current 75 → what-if 75"
    qtbot.mouseClick(page.whatif_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisibleTo(page)
