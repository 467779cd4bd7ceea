from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core import chart_series as cs
from espm_desktop.core.calendarize import calendarize_property, month_index, property_rows
from espm_desktop.db import models
from espm_desktop.db.demo import BANK_BRANCH_NAME, BANK_ELECTRICITY_KWH_BY_MONTH, BUREAU_NAME
from espm_desktop.db.repo import property_data
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.pages.charts import CHART_IDS, ChartsPage
from espm_desktop.ui.plots.export import chart_layout, export_svg, png_bytes


def property_id(ctx: AppContext, name: str) -> int:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return s.scalars(select(models.Property.id).where(models.Property.name == name)).one()


def meter_id(ctx: AppContext, prop: int, name: str) -> int:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return s.scalars(
            select(models.Meter.id).where(models.Meter.property_id == prop, models.Meter.name == name)
        ).one()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ChartsPage:
    ctx.select_property(property_id(ctx, BANK_BRANCH_NAME))
    widget = ChartsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    qtbot.waitExposed(widget)
    # As a person sees it: the interactive chart in place of the painted one.
    qtbot.waitUntil(widget.interactive)
    return widget


def plotted_bars(page: ChartsPage) -> dict[float, float]:
    """x -> top of every bar drawn (stacked bars give their top)."""
    import pyqtgraph as pg

    out: dict[float, float] = {}
    for item in page.view.plot.items:
        if isinstance(item, pg.BarGraphItem):
            opts = item.opts
            y0 = opts.get("y0")
            for k, (x, h) in enumerate(zip(opts["x"], opts["height"], strict=True)):
                base = y0[k] if isinstance(y0, list | tuple) else (y0 or 0)
                out[float(x)] = max(out.get(float(x), 0.0), float(base) + float(h))
    return out


def test_whole_property_bars_equal_calendarised_gj(page: ChartsPage, ctx: AppContext) -> None:
    assert page.whole_property and page.picker.meter_combo.currentIndex() == 0
    page.set_chart("monthly")
    page.set_basis(cs.Basis.SOURCE_GJ)
    with Session(ctx.engine, expire_on_commit=False) as s:
        rows = property_rows(calendarize_property(property_data(s, property_id(ctx, BANK_BRANCH_NAME))))
    bars = plotted_bars(page)
    expected = {month_index(r.month) + 0.5: r.source_gj for r in rows}
    assert bars.keys() == expected.keys()
    assert list(bars.values()) == pytest.approx(list(expected.values()))
    page.set_chart("mix")  # stacked tops are the same totals
    assert list(plotted_bars(page).values()) == pytest.approx(list(expected.values()))


def test_meter_bars_in_native_unit_and_hover_text(page: ChartsPage, ctx: AppContext) -> None:
    prop = property_id(ctx, BANK_BRANCH_NAME)
    ctx.select_meter(meter_id(ctx, prop, "Électricité"))
    assert not page.whole_property and page.selected_meter() is not None
    page.set_chart("monthly")
    page.set_basis(cs.Basis.NATIVE)
    assert sorted(plotted_bars(page).values()) == sorted(float(v) for v in BANK_ELECTRICITY_KWH_BY_MONTH)
    march = month_index(date(2025, 3, 1)) + 0.5
    text = page.view.hover_at(march, 1000.0)
    assert "March 2025: 13,900 kWh" in text
    assert "Bill Mar 1, 2025 – Mar 31, 2025: 13,900 kWh over 31 days" in text.replace("\u00a0", " ")
    # The same text through the real mouse path: a scene position over the bar.
    scene_pos = page.view.plot.vb.mapViewToScene(QPointF(march, 1000.0))
    assert page.view.on_scene_hover(scene_pos) == text
    assert page.view.hover_item.isVisible()


def test_hover_in_french_formats_numbers(qtbot: QtBot, ctx: AppContext) -> None:
    from espm_desktop.core import i18n

    # French as the language menu sets it: the one catalog's language, and QLocale for Qt's own texts.
    old, old_language = QLocale(), i18n.current_language()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    i18n.set_language("fr")
    try:
        prop = property_id(ctx, BANK_BRANCH_NAME)
        ctx.select_property(prop)
        widget = ChartsPage(ctx)
        qtbot.addWidget(widget)
        widget.show()
        ctx.select_meter(meter_id(ctx, prop, "Électricité"))
        widget.set_chart("monthly")
        text = widget.view.hover_at(month_index(date(2025, 1, 1)) + 0.5, 0.0)
        assert text.startswith("janvier 2025")
        assert "15\u00a0200 kWh" in text
        assert widget.view.bottom_axis.tickStrings([float(month_index(date(2025, 3, 1)))], 1.0, 1.0) == [
            "Mars\n2025"
        ]
    finally:
        i18n.set_language(old_language)
        QLocale.setDefault(old)


def test_year_over_year_and_weather_message(page: ChartsPage, ctx: AppContext) -> None:
    ctx.select_property(property_id(ctx, BUREAU_NAME))
    page.set_chart("year_over_year")
    assert not page.view.showing_message()
    series, _unit = page.current_series()
    cal = page.calendarised()
    yoy = cs.year_over_year(series, cs.highlight_period(cal))
    highlighted = [line for line in yoy.lines if line.highlighted]
    assert len(highlighted) == 1 and yoy.highlighted_is_full
    drawn = [item for item in page.view.plot.listDataItems() if item.zValue() == 10]
    assert len(drawn) == 1
    assert list(drawn[0].yData) == pytest.approx(list(highlighted[0].values))
    page.set_chart("weather_per_hdd")
    assert page.view.showing_message()
    assert "climate.weather.gc.ca" in page.view.message.text()


def add_station(ctx: AppContext, prop: int) -> None:
    with Session(ctx.engine, expire_on_commit=False) as s, s.begin():
        station = models.WeatherStation(climate_id="7024745", name="MONTREAL/PIERRE ELLIOTT TRUDEAU")
        d = date(2025, 1, 1)
        while d <= date(2025, 12, 31):
            hdd = max(18.0 - (-10 + 30 * (1 - abs(d.timetuple().tm_yday - 200) / 200)), 0.0)
            station.days.append(models.WeatherDay(day=d, mean_temp_c=18 - hdd, hdd=hdd, cdd=0.0, flags=""))
            d += timedelta(days=1)
        s.add(station)
        s.flush()
        s.get(models.Property, prop).weather_station_id = station.id


def test_weather_charts_with_a_station(page: ChartsPage, ctx: AppContext) -> None:
    prop = property_id(ctx, BANK_BRANCH_NAME)
    add_station(ctx, prop)
    ctx.data_changed.emit()
    combo = page.picker.meter_combo
    combo.setCurrentIndex(combo.findData(meter_id(ctx, prop, "Gaz naturel")))
    assert not page.whole_property
    page.set_chart("weather_scatter")
    assert not page.view.showing_message()
    scatter = [i for i in page.view.plot.items if i.__class__.__name__ == "ScatterPlotItem"][0]
    xs, ys = scatter.getData()
    assert len(xs) == 12
    assert ys[0] == pytest.approx(1750 / 31)
    text = page.view.hover_at(float(xs[0]), float(ys[0]))
    assert "56.5 m³/day at" in text and "Jan 1, 2025 – Jan 31, 2025" in text.replace("\u00a0", " ")
    page.set_chart("weather_per_hdd")
    assert not page.view.showing_message()


def test_export_png_svg_and_bytes(page: ChartsPage, tmp_path: Path) -> None:
    for chart in CHART_IDS[:3]:
        page.set_chart(chart)
    page.cost_check.setChecked(True)
    page.set_chart("monthly")
    png = page.export_png_to(tmp_path / "chart.png", 1200)
    image = QImage(str(png))
    assert image.width() == 1200
    # The chart's on-screen proportions, plus the band of its title (tests/ui/test_chart_exports.py).
    layout = chart_layout(page.view.plot_widget, page.chart_title())
    assert layout.title_height > 0
    assert image.height() == round(1200 * layout.size.height() / layout.size.width())
    svg = export_svg(page.view.plot_widget, tmp_path / "chart.svg")
    assert "<svg" in svg.read_text(encoding="utf-8")
    data = png_bytes(page.view.plot_widget, 800, 450, scale=2.0)
    image = QImage.fromData(data, "PNG")
    assert (image.width(), image.height()) == (800, 450)
    assert page.view.plot_widget.width() < 2000  # the chart on screen kept its size


def test_follows_selection_and_redraws_on_data_change(page: ChartsPage, ctx: AppContext) -> None:
    bureau = property_id(ctx, BUREAU_NAME)
    ctx.select_property(bureau)
    assert page.picker.property_id == bureau and page.data is not None
    assert page.data.prop.name == BUREAU_NAME
    page.set_chart("monthly")
    before = sum(plotted_bars(page).values())
    with Session(ctx.engine, expire_on_commit=False) as s, s.begin():
        meter = s.scalars(select(models.Meter).where(models.Meter.property_id == bureau)).one()
        meter.bills.append(
            models.BillRecord(start_date=date(2023, 4, 9), end_date=date(2023, 5, 8), usage=300.0)
        )
    ctx.data_changed.emit()
    assert sum(plotted_bars(page).values()) > before


def test_year_over_year_highlights_the_period_the_user_picks(
    page: ChartsPage, ctx: AppContext, qtbot: QtBot
) -> None:
    ctx.select_property(property_id(ctx, BUREAU_NAME))  # 23 monthly readings: several 12-month periods
    page.set_chart("year_over_year")
    combo = page.period_combo
    assert combo.isVisibleTo(page) and combo.currentData() is None  # latest 12 full months by default
    ends = [combo.itemData(i) for i in range(1, combo.count())]
    assert ends == sorted(ends, reverse=True) and len(ends) >= 2
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    chosen_last = combo.currentData()
    series, _unit = page.current_series()
    from espm_desktop.core import chart_series as cs
    from espm_desktop.core.calendarize import Period

    expected = cs.year_over_year(series, Period(chosen_last - 11, 12), True)
    highlighted = [line for line in expected.lines if line.highlighted]
    assert [line.first_month for line in highlighted] == [chosen_last - 11]
    legend_names = [label.text for _sample, label in page.view.legend.items]
    assert any("chosen period" in name for name in legend_names)
