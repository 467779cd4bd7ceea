"""A page refreshes when shown: a hidden page does no work on a property switch, a visit refreshes once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.bills import BillsPage
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from tests.ui.conftest import open_window


@pytest.fixture
def demo_window(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db)


def property_ids(db: Path) -> list[int]:
    with sqlite3.connect(db) as con:
        return [row[0] for row in con.execute("SELECT id FROM property ORDER BY id")]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts of BillsPage.refresh and of the pickers' reads of the property list (patched before any page)."""
    counts = {"bills": 0, "property_list": 0}
    refresh, read_list = BillsPage.refresh, PropertyMeterPicker._reload_properties

    def counting_refresh(self: BillsPage) -> None:
        counts["bills"] += 1
        refresh(self)

    def counting_read(self: PropertyMeterPicker) -> None:
        counts["property_list"] += 1
        read_list(self)

    monkeypatch.setattr(BillsPage, "refresh", counting_refresh)
    monkeypatch.setattr(PropertyMeterPicker, "_reload_properties", counting_read)
    return counts


def test_a_hidden_page_skips_a_property_switch_and_refreshes_once_when_shown(
    demo_window: AppController, demo_db: Path, counted: dict[str, int]
) -> None:
    window, ctx = demo_window.window, demo_window.ctx
    first, second, *_ = property_ids(demo_db)
    ctx.select_property(first)
    window.show_page("bills")
    assert counted["bills"] == 1  # a visit refreshes once (not by showEvent and by the window)
    page = window.page("bills")
    assert isinstance(page, BillsPage)
    assert page.picker.property_id == first
    window.show_page("properties")
    counted["bills"] = 0
    ctx.select_property(second)
    assert counted["bills"] == 0
    assert page.picker.property_id == first  # not followed while hidden
    assert page.picker.selection_stale
    window.show_page("bills")
    assert counted["bills"] == 1
    assert page.picker.property_id == second
    assert not page.picker.selection_stale


def test_a_visible_page_refreshes_once_per_switch_without_reading_the_property_list(
    demo_window: AppController, demo_db: Path, counted: dict[str, int]
) -> None:
    window, ctx = demo_window.window, demo_window.ctx
    ids = property_ids(demo_db)
    assert len(ids) >= 3
    ctx.select_property(ids[0])
    window.show_page("bills")
    page = window.page("bills")
    assert isinstance(page, BillsPage)
    counted["bills"] = counted["property_list"] = 0
    for pid in ids[1:] + ids[:1]:
        ctx.select_property(pid)
        assert page.picker.property_id == pid
    assert counted["bills"] == len(ids)
    assert counted["property_list"] == 0
    # A change to the data makes the next catch-up read the list again (once).
    ctx.data_changed.emit()
    ctx.select_property(ids[1])
    assert counted["property_list"] == 1
    assert page.picker.property_id == ids[1]


def test_every_page_follows_a_switch_made_while_it_was_hidden(
    demo_window: AppController, demo_db: Path
) -> None:
    window, ctx = demo_window.window, demo_window.ctx
    first, second, *_ = property_ids(demo_db)
    ctx.select_property(first)
    for page_id in window.page_order:
        window.show_page(page_id)
    window.show_page("properties")
    ctx.select_property(second)
    for page_id in ("meters", "bills", "charts", "energir", "score", "weather"):
        window.show_page(page_id)
        picker = getattr(window.page(page_id), "picker", None)
        assert isinstance(picker, PropertyMeterPicker), page_id
        assert picker.property_id == second, page_id


def test_the_page_option_matches_the_window_pages(demo_window: AppController) -> None:
    from espm_desktop.__main__ import PAGES

    assert tuple(demo_window.window.page_order) == PAGES


def test_page_option_opens_the_window_on_that_page(demo_db: Path, isolated_user_folders: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "espm_desktop", "--db", str(demo_db), "--page", "score", "--quit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "first-page score" in result.stdout
    from espm_desktop.ui.settings import AppSettings

    assert AppSettings().last_page == "score"


def test_each_row_of_the_property_list_gives_its_own_property(
    demo_window: AppController, demo_db: Path
) -> None:
    window, ctx = demo_window.window, demo_window.ctx
    window.show_page("bills")
    picker = window.page("bills").picker
    # A property whose name sorts first arrives: every row below it moves down one.
    with sqlite3.connect(demo_db) as con:
        names = dict(con.execute("SELECT id, name FROM property"))
    with Session(ctx.engine) as s, s.begin():
        first = models.Property(name="A - première", property_type="office", gross_floor_area_m2=100)
        s.add(first)
        s.flush()
        new_id = first.id
    names[new_id] = "A - première"
    ctx.data_changed.emit()
    ctx.select_property(new_id)
    combo = picker.property_combo
    assert combo.count() == len(names) and combo.currentIndex() == 0 and picker.property_id == new_id
    for row in range(combo.count()):
        combo.setCurrentIndex(row)
        assert names[picker.property_id] == combo.itemText(row)
        assert ctx.property_id == picker.property_id
