"""The calculation file recalculated by LibreOffice shows, to the cent, what the app shows.

openpyxl writes formulas without cached values; LibreOffice computes them when it loads the file (and the
private profile below also tells it to always recalculate Excel 2007+ files on load), then saves the values.
Each test makes one `soffice --convert-to xlsx` call per file, with its own profile so parallel runs don't clash.

Tolerances: the aid is compared to the cent and the counted m³ exactly (they are what the guide pays on). HDD
per period to 0.1 HDD. The re-derived model coefficients to a relative 1e-6: LibreOffice's LINEST (QR
decomposition) and the app's weighted least squares (normal equations, Gaussian elimination) solve the same
problem on the same doubles, so they differ only by solver rounding — about cond(XᵀWX) × 1e-16 ≲ 1e-12 for
monthly data — and 1e-6 of an intercept of a few thousand m³/day is still under 0.01 m³/day.
"""

from __future__ import annotations

import math
import random
import shutil
import subprocess
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from espm_desktop.core.savings import (
    BillingPeriod,
    ClaimStatus,
    NonRoutineAdjustment,
    PeriodSavings,
    SavingsResult,
    compute_savings,
    fit_baseline,
    savings_by_program_year,
    weather_from_daily,
)
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.deadlines import add_months
from espm_desktop.core.sge.statement import (
    SavingsFollowUpInput,
    SavingsFollowUpStatement,
    SavingsYearInput,
    StatementInput,
    aid_statement,
)
from espm_desktop.reports.sge_workbook import (
    AID,
    AID_AMOUNT_COLUMN,
    AID_STATEMENT_COLUMN,
    CALC,
    DEGREE_DAYS,
    MODEL,
    SPLIT,
    aid_total_row,
    sheet_title,
    split_column,
    split_total_row,
    total_row,
    write_savings_workbook,
)

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the workbook's formulas cannot be recalculated",
)

CENT = Decimal("0.01")
# org.openoffice.Office.Calc/Formula/Load: 0 = always recalculate on load (1 = never, 2 = ask).
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def recalculated(source: Path, work: Path) -> Path:
    """`source` loaded, recalculated and saved by LibreOffice (one soffice call, a private profile)."""
    profile = work / f"lo-profile-{source.stem}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = work / f"recalculated-{source.stem}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out / source.name


def assert_every_formula_computed(source: Path, computed: Path) -> Any:
    """Every formula cell of `source` holds a value (no error) once recalculated; returns the values."""
    formulas = load_workbook(source)
    values = load_workbook(computed, data_only=True)
    count = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = values[ws.title][cell.coordinate].value
                    where = f"{ws.title}!{cell.coordinate} {cell.value}"
                    assert value is not None, f"not computed: {where}"
                    assert not (isinstance(value, str) and value.startswith(("#", "Err:"))), (
                        f"{value}: {where}"
                    )
                    count += 1
    assert count > 100
    return values


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def assert_same_as_app(
    values: Any,
    result: SavingsResult,
    baseline: SavingsResult,
    aid: SavingsFollowUpStatement,
    language: str = "en",
) -> None:
    """Aid per year and total to the cent, counted m³, HDD per period, avoided m³ and LINEST vs the app."""
    sheet = values[sheet_title(AID, language)]
    for i, year in enumerate(aid.years, start=2):
        assert sheet[f"A{i}"].value == year.year
        assert Decimal(str(sheet[f"F{i}"].value)) == year.avoided_m3, f"year {year.year} m³"
        assert money(sheet[f"{AID_AMOUNT_COLUMN}{i}"].value) == year.aid.amount, f"year {year.year} aid"
        assert money(sheet[f"{AID_STATEMENT_COLUMN}{i}"].value) == year.aid.amount
    total = aid_total_row(aid)
    assert sheet[f"A{total}"].value == "Total de l'aide / Total aid"
    assert money(sheet[f"{AID_AMOUNT_COLUMN}{total}"].value) == aid.aid.amount
    # degree days per period: the workbook's SUMIFS over the daily sheet vs the app's weather_from_daily
    rows: list[PeriodSavings] = [*baseline.periods, *result.periods]
    dd = values[sheet_title(DEGREE_DAYS, language)]
    for i, row in enumerate(rows, start=2):
        assert dd[f"H{i}"].value == pytest.approx(row.hdd_per_day * row.period.days, abs=0.1), (
            f"{DEGREE_DAYS}!H{i}"
        )
        assert dd[f"G{i}"].value == pytest.approx(row.hdd_per_day, abs=1e-9)
    # the model re-derived by LINEST (weighted) beside the app's coefficients
    model_sheet = values[sheet_title(MODEL, language)]
    by_label = {model_sheet[f"A{r}"].value: r for r in range(2, 20)}
    model = result.model
    for label, app_value in [
        ("Ordonnée (m³/jour) / Intercept (m³/day)", model.intercept_m3_per_day),
        ("Pente DJC (m³/DJC) / HDD slope (m³/HDD)", model.hdd_slope_m3_per_hdd),
        ("R² (pondéré / weighted)", model.r_squared),
    ]:
        r = by_label[label]
        assert model_sheet[f"B{r}"].value == pytest.approx(app_value, rel=1e-12)
        assert model_sheet[f"C{r}"].value == pytest.approx(app_value, rel=1e-6), label
        assert abs(model_sheet[f"D{r}"].value) <= 1e-6 * abs(app_value)
    # avoided m³: the reporting total and each program year's sum
    calc = values[sheet_title(CALC, language)]
    assert calc[f"I{total_row(result, baseline)}"].value == pytest.approx(result.avoided_m3, rel=1e-9)


def test_demo_participant_recalculated_equals_statement(demo_db: Path, tmp_path: Path) -> None:
    from espm_desktop.app.sge_documents import write_workbook
    from espm_desktop.core.sge.participant_statement import participant_statement
    from espm_desktop.db import sge_participants, sge_savings
    from espm_desktop.db.engine import make_engine
    from espm_desktop.db.sge_savings import savings_temperatures

    engine = make_engine(demo_db)
    with Session(engine) as s:
        pid = sge_participants.list_participants(s)[0][0]
        file = sge_participants.load_participant(s, pid)
        analysis = sge_savings.savings_analysis(s, pid)
        temps = savings_temperatures(s, file, analysis)
    engine.dispose()
    assert len(temps) > 700  # the baseline's and the reporting's days
    aid = participant_statement(file, analysis).savings_follow_up
    assert aid.years, "the demo has a claimable program year"
    path = tmp_path / "demo.xlsx"
    write_workbook(file, analysis, path, daily_mean_c=temps)
    started = time.monotonic()
    values = assert_every_formula_computed(path, recalculated(path, tmp_path))
    assert time.monotonic() - started < 30
    assert_same_as_app(values, analysis.reporting, analysis.baseline, aid)
    split = values[SPLIT]
    for year in analysis.by_program_year:
        cell = f"{split_column(year.year)}{split_total_row(len(analysis.reporting.periods))}"
        assert split[cell].value == pytest.approx(year.avoided_m3, rel=1e-9)


# --- a synthetic participant: the cap, a year without new measures, program years 5 and 6 ---------------
BASE_M3_PER_DAY = 20_000.0
SLOPE_M3_PER_HDD = 1_200.0
BALANCE_C = 15.0
SAVED_SHARE = 0.10  # about 1.08 million m³ a year: 108 000 $ in year 1, the cap reached in year 3
ACCEPTED = date(2021, 3, 17)  # program year 1 starts mid-period: periods are split between years
NEW_MEASURES = (True, False, True, True, True, True)


def synthetic() -> tuple[SavingsResult, SavingsResult, tuple[Any, ...], dict[date, float]]:
    rng = random.Random(175000)
    first = date(2019, 12, 1)
    temps: dict[date, float] = {}
    for i in range((date(2027, 6, 1) - first).days):
        day = first + timedelta(days=i)
        seasonal = 6.5 - 15.0 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)
        temps[day] = round(seasonal + rng.gauss(0, 3), 1)
    # Missing days: one baseline period under 90 % coverage (left out of the fit), one with two days missing.
    for day in [date(2020, 3, 2) + timedelta(days=i) for i in range(5)] + [
        date(2020, 6, 10),
        date(2020, 6, 11),
    ]:
        del temps[day]

    def bills(start: date, until: date, factor: float) -> list[BillingPeriod]:
        out: list[BillingPeriod] = []
        read = start
        while (end := read + timedelta(days=29 + len(out) % 3)) <= until:  # 30–32 days: reads drift
            use = sum(
                BASE_M3_PER_DAY + SLOPE_M3_PER_HDD * max(BALANCE_C - temps[d], 0.0)
                for d in (read + timedelta(days=k) for k in range((end - read).days + 1))
                if d in temps
            )
            out.append(BillingPeriod(read, end, round(use * factor * (1 + rng.gauss(0, 0.015)))))
            read = end + timedelta(days=1)
        return out

    base = bills(date(2020, 1, 6), date(2021, 1, 15), 1.0)
    # the reporting bills stop within program year 6 (which ends the day before ACCEPTED + 6 years)
    report = bills(
        base[-1].end + timedelta(days=1), add_months(ACCEPTED, 72) - timedelta(days=1), 1 - SAVED_SHARE
    )
    base_weather = weather_from_daily(base, temps)
    grid = tuple(sorted(base_weather[0].hdd_per_day))
    fit = fit_baseline(base, base_weather)
    adjustment = NonRoutineAdjustment(date(2022, 2, 1), date(2022, 2, 14), -3000.0, "Arrêt / shutdown")
    result = compute_savings(fit.model, report, weather_from_daily(report, temps, grid), [adjustment])
    baseline = compute_savings(fit.model, base, base_weather)
    years = savings_by_program_year(result, ACCEPTED)
    return result, baseline, years, temps


def statement(years: tuple[Any, ...], new_measures: tuple[bool, ...]) -> SavingsFollowUpStatement:
    data = tuple(
        SavingsYearInput(Decimal(str(y.avoided_m3)), new) for y, new in zip(years, new_measures, strict=True)
    )
    return aid_statement(StatementInput(savings_follow_up=SavingsFollowUpInput(data))).savings_follow_up


def test_synthetic_participant_cap_no_new_measures_and_late_years(tmp_path: Path) -> None:
    result, baseline, years, temps = synthetic()
    assert [y.year for y in years] == [1, 2, 3, 4, 5, 6]
    assert [y.status for y in years] == [ClaimStatus.CLAIMABLE] * 4 + [ClaimStatus.BEYOND_WINDOW] * 2
    assert years[1].start == add_months(ACCEPTED, 12)
    aid = statement(years, NEW_MEASURES)
    amounts = [y.aid.amount for y in aid.years]
    # the scenario this test is for: year 1 paid, year 2 without new measures, the cap reached in year 3,
    # nothing left in year 4, nothing after year 4
    assert (
        amounts[0] > 0
        and amounts[1] == 0
        and 0 < amounts[2] < aid.years[2].avoided_m3 * rules.SAVINGS_RATE_PER_M3
    )
    assert amounts[3:] == [Decimal("0.00")] * 3
    assert aid.aid.amount == rules.SAVINGS_CAP
    path = tmp_path / "synthetic.xlsx"
    write_savings_workbook(
        result, path, baseline, aid=aid, program_years=years, daily_mean_c=temps, program_start=ACCEPTED,
        station_name="Station synthétique", language="fr",
    )  # fmt: skip
    # In French: the sheets' names (accents, spaces) are the ones the cross-sheet formulas and names read.
    assert load_workbook(path).sheetnames[-1] == "Aide par année"
    values = assert_every_formula_computed(path, recalculated(path, tmp_path))
    assert_same_as_app(values, result, baseline, aid, "fr")
    dd = values[sheet_title(DEGREE_DAYS, "fr")]
    coverage = [dd[f"E{i}"].value for i in range(2, len(baseline.periods) + 2)]
    assert min(coverage) < 0.9 < sorted(coverage)[1] < 1.0  # one period left out, one with two days missing
    split = values[sheet_title(SPLIT, "fr")]
    for year in years:
        cell = f"{split_column(year.year)}{split_total_row(len(result.periods))}"
        assert split[cell].value == pytest.approx(year.avoided_m3, rel=1e-9)


def test_reviewer_flips_new_measures_and_the_aid_follows(tmp_path: Path) -> None:
    """Year 2 switched to « oui » in the file: the aid moves as the statement with year 2's measures says."""
    result, baseline, years, temps = synthetic()
    path = tmp_path / "flipped.xlsx"
    write_savings_workbook(
        result, path, baseline, aid=statement(years, NEW_MEASURES), program_years=years, daily_mean_c=temps,
        program_start=ACCEPTED,
    )  # fmt: skip
    wb = load_workbook(path)
    assert wb[AID]["G3"].value == "non"
    wb[AID]["G3"].value = "oui"
    wb.save(path)
    values = load_workbook(recalculated(path, tmp_path), data_only=True)[AID]
    flipped = statement(years, replace_at(NEW_MEASURES, 1, True))
    for i, year in enumerate(flipped.years, start=2):
        assert money(values[f"{AID_AMOUNT_COLUMN}{i}"].value) == year.aid.amount
    assert money(values[f"{AID_AMOUNT_COLUMN}{aid_total_row(flipped)}"].value) == rules.SAVINGS_CAP
    assert flipped.years[2].aid.amount != statement(years, NEW_MEASURES).years[2].aid.amount


def replace_at(values: tuple[bool, ...], index: int, value: bool) -> tuple[bool, ...]:
    return tuple(value if i == index else v for i, v in enumerate(values))
