"""The Charts page's first chart, painted with Qt while the interactive chart (pyqtgraph) loads.

It must show what the interactive chart shows (same bars, ticks, labels and legend, in the same places), give way
to it right after its first paint, and give way at once when the user asks for what only the interactive chart
does.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from espm_desktop.db.demo import BANK_BRANCH_NAME, BUREAU_NAME
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.pages.charts import ChartsPage
from espm_desktop.ui.plots.ticks import date_tick_strings, date_ticks, number_ticks


def property_id(ctx: AppContext, name: str) -> int:
    import sqlite3

    with sqlite3.connect(ctx.db_path) as con:
        (pid,) = con.execute("select id from property where name = ?", (name,)).fetchone()
    return int(pid)


def bank_branch(ctx: AppContext) -> int:
    return property_id(ctx, BANK_BRANCH_NAME)


def opened(qtbot: QtBot, ctx: AppContext, pid: int | None = None) -> ChartsPage:
    ctx.select_property(pid if pid is not None else bank_branch(ctx))
    page = ChartsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    return page


def differing_share(a: QImage, b: QImage) -> float:
    """The share of pixels of `a` (every third, each way) with no pixel of about its colour at most one pixel
    away in `b`: antialiased edges may fall a pixel apart, a missing or moved bar, tick or text does not."""
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)

    def close(p: QColor, q: QColor) -> bool:
        return max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) <= 60

    seen = differ = 0
    for y in range(1, a.height() - 1, 3):
        for x in range(1, a.width() - 1, 3):
            p = QColor(a.pixel(x, y))
            seen += 1
            if not any(close(p, QColor(b.pixel(x + i, y + j))) for i in (0, -1, 1) for j in (0, -1, 1)):
                differ += 1
    return differ / seen


@pytest.mark.parametrize(
    ("name", "width", "legend_entries"), [(BANK_BRANCH_NAME, 1100, 1), (BUREAU_NAME, 900, 2)]
)
def test_the_first_chart_is_painted_then_the_interactive_one_takes_its_place(
    qtbot: QtBot, ctx: AppContext, name: str, width: int, legend_entries: int
) -> None:
    page = opened(qtbot, ctx, property_id(ctx, name))
    page.resize(width, 680)
    page.show()  # lays the page out and fills it; its first paint waits for the event loop
    assert not page.interactive()
    assert page.chart_area.currentWidget() is page.first_chart
    painted = page.first_chart.grab().toImage()  # paints it: the interactive chart is asked for after
    assert not page.first_chart.showing_message()
    assert len(page.first_chart.canvas.legend_entries()) == legend_entries
    assert all(b.isEnabled() for b in (page.png_button, page.svg_button, page.print_button, page.pdf_button))
    qtbot.waitUntil(page.interactive, timeout=10_000)
    assert page.chart_area.currentWidget() is page.view
    interactive = page.view.grab().toImage()
    # The same chart: bars, axes, ticks, labels and legend in the same places, to within a pixel or two where a
    # tick or a bar's edge is rounded (0.3 % and 1.1 % of pixels; another property's chart differs by about 24 %).
    share = differing_share(painted, interactive)
    assert share < 0.02, f"{share:.2%} of the pixels differ"


def test_painted_and_interactive_charts_differ_where_the_data_does(qtbot: QtBot, ctx: AppContext) -> None:
    """The comparison above can fail: the painted chart of another property differs from this one's."""
    page = opened(qtbot, ctx)
    page.show()
    other = page.first_chart.grab().toImage()
    qtbot.waitUntil(page.interactive, timeout=10_000)
    combo = page.picker.property_combo
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
    assert page.picker.property_id != bank_branch(ctx)
    share = differing_share(other, page.view.grab().toImage())
    assert share > 0.05


def test_what_only_the_interactive_chart_does_makes_it_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    page = opened(qtbot, ctx)
    page.picker.reload()
    assert not page.interactive()
    page.set_chart("year_over_year")  # lines, not bars: drawn by the interactive chart
    assert page.interactive()
    assert page.chart_area.currentWidget() is page.view
    assert not page.view.showing_message()


def test_a_meter_with_its_bills_or_the_cost_line_needs_the_interactive_chart(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = opened(qtbot, ctx)
    page.picker.reload()
    page.cost_check.setChecked(True)
    assert page.interactive()


def test_a_message_in_place_of_the_chart_leaves_nothing_to_export(qtbot: QtBot, tmp_path: Path) -> None:
    from espm_desktop.db.schema import ensure_schema

    db = tmp_path / "empty.sqlite"
    ensure_schema(db)
    ctx = AppContext(str(db))
    page = ChartsPage(ctx)
    qtbot.addWidget(page)
    page.picker.reload()
    assert not page.interactive()
    assert page.first_chart.showing_message()
    assert "No property yet" in page.first_chart.message.text()
    assert not any(
        b.isEnabled() for b in (page.png_button, page.svg_button, page.print_button, page.pdf_button)
    )


def test_value_ticks_follow_pyqtgraphs_rule_for_both_charts() -> None:
    """ticks.number_ticks spells pyqtgraph's own rule (its AxisItem's first level), to the bit; the interactive
    axes use it as the painted chart does."""
    import pyqtgraph as pg

    from espm_desktop.ui.plots.axes import ChartAxis

    pyqtgraph_axis, ours_axis = pg.AxisItem("left"), ChartAxis("left", "en")
    rng = random.Random(17)
    for _ in range(2_000):
        low = rng.choice([0.0, -(rng.uniform(0, 10) ** rng.uniform(-2, 6))])
        high = rng.uniform(0.001, 10) ** rng.uniform(-2, 7)
        size = rng.uniform(60, 1400)
        (spacing, values), *_ = pyqtgraph_axis.tickValues(low, high, size)
        assert number_ticks(low, high, size) == (spacing, list(values)), (low, high, size)
        assert ours_axis.tickValues(low, high, size) == [(spacing, list(values))], (low, high, size)
    assert ours_axis.tickValues(5.0, 5.0, 300.0) == pyqtgraph_axis.tickValues(5.0, 5.0, 300.0) == []


def test_date_ticks_say_month_and_year() -> None:
    step, values = date_ticks(24_300.0, 24_330.0, 1000.0)  # 30 months on 1,000 pixels: every 3rd month
    assert step == 3.0
    assert all((v - 0.5) % 3 == 0 for v in values)
    labels = date_tick_strings([24_300.5, 24_303.5, 24_312.5], 3.0, "fr")
    assert labels == ["Janv.\n2025", "Avr.", "Janv.\n2026"]
    assert date_tick_strings([24_306.0], 12.0, "en") == ["2025"]
