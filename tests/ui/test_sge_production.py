from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.calendarize import PropertyMonths, calendarize_meter, latest_full_period, period_totals
from espm_desktop.core.sge.annual_gas import annual_gas_use
from espm_desktop.core.types import Bill, MeterData
from espm_desktop.db import models, repo
from espm_desktop.db.models_sge import SgeProduction
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.sge_production import ProductionDialog
from tests.ui.conftest import open_window, type_into, when_dialog_opens
from tests.ui.test_sge_pages import sge_page


@pytest.fixture
def demo_window(qtbot: QtBot, demo_db: Path) -> Iterator[AppController]:
    yield from open_window(qtbot, demo_db)


def set_dates(form: QDialog, start: date, end: date) -> None:
    for key, day in (("start", start), ("end", end)):
        editor = form.findChild(QDateEdit, f"field_{key}")
        assert editor is not None
        editor.setDate(QDate(day.year, day.month, day.day))


def error_of(form: QDialog, key: str) -> str:
    label = form.findChild(QLabel, f"error_{key}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def stored(ctrl: AppController) -> list[tuple[date, date, float, str]]:
    with Session(ctrl.ctx.engine) as s:
        rows = s.scalars(select(SgeProduction).order_by(SgeProduction.start_date))
        return [(r.start_date, r.end_date, r.quantity, r.unit) for r in rows]


def test_production_periods_added_checked_and_deleted_through_the_dialog(
    qtbot: QtBot, demo_window: AppController
) -> None:
    page = sge_page(demo_window)
    tab = page.savings_tab
    seen: dict[str, str] = {}

    def first_period(form: QDialog) -> None:
        set_dates(form, date(2023, 1, 31), date(2023, 1, 1))
        type_into(form, "quantity", "-5")
        form._on_accept()  # type: ignore[attr-defined]
        seen["end"], seen["quantity"] = error_of(form, "end"), error_of(form, "quantity")
        assert form.isVisible()  # refused: the form stays open with the errors
        set_dates(form, date(2023, 1, 1), date(2023, 1, 31))
        type_into(form, "quantity", "1200")
        type_into(form, "unit", "t")
        form._on_accept()  # type: ignore[attr-defined]

    def second_period(form: QDialog) -> None:
        set_dates(form, date(2023, 1, 20), date(2023, 2, 28))
        type_into(form, "quantity", "1100,5")
        form._on_accept()  # type: ignore[attr-defined]
        seen["start"] = error_of(form, "start")
        set_dates(form, date(2023, 1, 31), date(2023, 2, 28))  # one shared day is allowed
        form._on_accept()  # type: ignore[attr-defined]

    def in_dialog(dialog: QDialog) -> None:
        assert isinstance(dialog, ProductionDialog)
        when_dialog_opens(first_period, qtbot)
        dialog.add_button.click()
        when_dialog_opens(second_period, qtbot)
        dialog.add_button.click()
        seen["rows"] = str(dialog.table.rowCount())
        seen["db"] = repr(stored(demo_window))
        dialog.table.selectRow(0)
        dialog.delete_button.click()
        dialog.accept()

    when_dialog_opens(in_dialog, qtbot)
    tab.production_button.click()

    assert "End (2023-01-01) is before the start (2023-01-31)" in seen["end"]
    assert "negative" in seen["quantity"]
    assert "overlaps the period 2023-01-01 to 2023-01-31 by 12 days (one day at most)" in seen["start"]
    assert seen["rows"] == "2"
    assert seen["db"] == repr(
        [
            (date(2023, 1, 1), date(2023, 1, 31), 1200.0, "t"),
            (date(2023, 1, 31), date(2023, 2, 28), 1100.5, "t"),
        ]
    )
    assert stored(demo_window) == [(date(2023, 1, 31), date(2023, 2, 28), 1100.5, "t")]
    # the page reloaded the file (and its analysis) after the dialog closed
    assert tab.file is not None and [p.quantity for p in tab.file.production] == [1100.5]
    assert tab.analysis is not None


def test_annual_gas_use_from_the_demo_gas_meter(demo_window: AppController) -> None:
    page = sge_page(demo_window)
    tab = page.participant_tab
    assert tab.file is not None and tab.file.info.gas_meter_id is not None
    with Session(demo_window.ctx.engine) as s:
        meter = repo.meter_data(s.get(models.Meter, tab.file.info.gas_meter_id))  # type: ignore[arg-type]
    months = PropertyMonths(meter.name, (calendarize_meter(meter),))
    period = latest_full_period(months, 12)
    assert period is not None
    expected = period_totals(months, period).meters[0].usage

    tab.gas_from_meter.click()
    values, errors = tab.form.values()
    assert not errors
    assert values["annual_gas_m3"] == round(expected)
    text = tab.gas_source.text()
    assert f"{round(expected):,} m³" in text and meter.name in text
    assert period.end.strftime("%B %Y") in text and period.start.strftime("%B %Y") in text


def test_annual_gas_use_needs_twelve_full_months() -> None:
    bills = tuple(Bill(date(2024, m, 1), date(2024, m + 1, 1) - date.resolution, 1000.0) for m in range(1, 8))
    use = annual_gas_use(MeterData("Gaz", "natural_gas", "m3", bills))
    assert use.period is None and use.full_months == 7
