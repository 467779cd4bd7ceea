from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from espm_desktop.core.savings import (
    NonRoutineAdjustment,
    SavingsResult,
    balance_point_grid,
    compute_savings,
    fit_baseline,
    savings_by_program_year,
    weather_from_daily,
)
from espm_desktop.core.sge import rules
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
    CALC,
    DEGREE_DAYS,
    INPUTS,
    MODEL,
    REGRESSION,
    SPLIT,
    TEMPERATURES,
    aid_total_row,
    sheet_title,
    total_row,
    write_savings_workbook,
)

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: cannot recalculate the workbook",
)


def scenario(factor: float, scale: float = 1.0) -> tuple[SavingsResult, SavingsResult]:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
    from test_savings import daily_temps, monthly_bills  # synthetic bills from a known model

    rng = random.Random(5)
    temps = daily_temps(date(2021, 1, 1), 1200, rng)
    baseline_periods = monthly_bills(date(2021, 1, 12), 12, temps, rng)
    reporting_periods = monthly_bills(date(2022, 1, 12), 12, temps, rng, factor=factor)
    # scale turns the plant into a larger one (same weather response, larger volumes)
    baseline_periods = [replace(p, usage_m3=p.usage_m3 * scale) for p in baseline_periods]
    reporting_periods = [replace(p, usage_m3=p.usage_m3 * scale) for p in reporting_periods]
    grid = balance_point_grid(10, 20, 1)
    base_weather = weather_from_daily(baseline_periods, temps, grid)
    model = fit_baseline(baseline_periods, base_weather).model
    adjustment = NonRoutineAdjustment(
        date(2022, 3, 1), date(2022, 3, 31), 200.0, "Four ajouté / furnace added"
    )
    result = compute_savings(
        model, reporting_periods, weather_from_daily(reporting_periods, temps, grid), [adjustment]
    )
    return result, compute_savings(model, baseline_periods, base_weather)


def statement_years(result: SavingsResult) -> SavingsFollowUpStatement:
    """Phase 5 of the aid statement on the result's program years, new measures in every year."""
    years = savings_by_program_year(result, result.periods[0].period.start)
    data = SavingsFollowUpInput(tuple(SavingsYearInput(Decimal(str(y.avoided_m3)), True) for y in years))
    return aid_statement(StatementInput(savings_follow_up=data)).savings_follow_up


def recalculated(tmp_path: Path, result: SavingsResult, baseline: SavingsResult) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "calcul.xlsx"
    write_savings_workbook(result, path, baseline, aid=statement_years(result))
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out / "calcul.xlsx"


@needs_soffice
@pytest.mark.parametrize(("factor", "scale"), [(0.9, 1.0), (0.5, 20.0)])  # 10 % saved; far past the cap
def test_recalculated_totals_equal_python(tmp_path: Path, factor: float, scale: float) -> None:
    result, baseline = scenario(factor, scale)
    wb = load_workbook(recalculated(tmp_path, result, baseline), data_only=True)
    calc = wb[CALC]
    row = total_row(result, baseline)
    assert calc[f"A{row}"].value == "Total du suivi / Reporting total"
    assert calc[f"F{row}"].value == pytest.approx(sum(r.predicted_m3 for r in result.periods), rel=1e-9)
    assert calc[f"G{row}"].value == pytest.approx(200.0 * 31)
    assert calc[f"H{row}"].value == pytest.approx(sum(r.actual_m3 for r in result.periods), rel=1e-9)
    assert calc[f"I{row}"].value == pytest.approx(result.avoided_m3, rel=1e-9)
    # The aid is paid per program year (statement), not per billing period: the calculation sheet has no
    # aid column any more (it used to pay 0,10 $/m³ on every period, ignoring the new-measure rule).
    assert calc["J1"].value is None and calc[f"J{row}"].value is None
    aid = statement_years(result)
    sheet = wb[AID]
    for i, year in enumerate(aid.years, start=2):
        assert sheet[f"A{i}"].value == year.year
        assert (
            Decimal(str(sheet[f"{AID_AMOUNT_COLUMN}{i}"].value)).quantize(Decimal("0.01")) == year.aid.amount
        )
    total = Decimal(str(sheet[f"{AID_AMOUNT_COLUMN}{aid_total_row(aid)}"].value)).quantize(Decimal("0.01"))
    assert total == aid.aid.amount
    if scale > 1:
        assert total == rules.SAVINGS_CAP
    # baseline rows have predicted values too (residual check)
    first = calc["F2"].value
    assert first == pytest.approx(baseline.periods[0].predicted_m3, rel=1e-9)


@needs_soffice
def test_formulas_are_live(tmp_path: Path) -> None:
    result, baseline = scenario(0.9)
    path = tmp_path / "calcul.xlsx"
    write_savings_workbook(result, path, baseline)
    wb = load_workbook(path)
    calc = wb[CALC]
    row = len(baseline.periods) + 2
    assert str(calc[f"F{row}"].value).startswith("=D") and "Intercept" in str(calc[f"F{row}"].value)
    assert {"Intercept", "HddSlope", "ProdSlope"} <= set(
        wb.defined_names
    )  # the aid's names come with its sheet
    # a reviewer lowering the model's intercept sees the avoided m³ move after recalculation
    model = wb[MODEL]
    intercept_row = next(
        r for r in range(2, 20) if model[f"A{r}"].value == "Ordonnée (m³/jour) / Intercept (m³/day)"
    )
    intercept = float(model[f"B{intercept_row}"].value)
    model[f"B{intercept_row}"].value = intercept - 100.0
    wb.save(path)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    values = load_workbook(out / "calcul.xlsx", data_only=True)[CALC]
    total = total_row(result, baseline)
    days = sum(r.period.days for r in result.periods)
    assert values[f"I{total}"].value == pytest.approx(result.avoided_m3 - 100.0 * days, rel=1e-9)


def test_sheets_print_at_a_readable_width_with_live_formulas(tmp_path: Path) -> None:
    """Without LibreOffice: the layout, the print setup and the formulas the recalculation test relies on."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
    from test_savings import daily_temps

    result, baseline = scenario(0.9)
    temps = daily_temps(date(2021, 1, 1), 1200, random.Random(5))  # the scenario's own days
    path = tmp_path / "calcul.xlsx"
    aid = statement_years(result)
    write_savings_workbook(result, path, baseline, aid=aid, daily_mean_c=temps)
    wb = load_workbook(path)
    assert wb.sheetnames == [INPUTS, TEMPERATURES, DEGREE_DAYS, REGRESSION, MODEL, CALC, SPLIT, AID]
    assert wb.calculation.fullCalcOnLoad
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
        expected = "portrait" if ws.title == TEMPERATURES else "landscape"
        assert ws.page_setup.orientation == expected, ws.title
        assert all(ws.column_dimensions[c].width for c in "ABC"), ws.title
    assert {"BalancePoint", "DayDate", "DayHdd", "AidRate", "AidCap", "AidYears", "ProgramStart",
            "InterceptLinest", "HddSlopeLinest"} <= set(wb.defined_names)  # fmt: skip
    # degree days from the daily sheet, the calculations read them, the model is re-derived by LINEST
    assert wb[TEMPERATURES]["C2"].value == "=MAX(0,BalancePoint-B2)"
    assert wb[DEGREE_DAYS]["F2"].value == '=SUMIFS(DayHdd,DayDate,">="&A2,DayDate,"<="&B2)'
    assert wb[CALC]["E2"].value == f"='{DEGREE_DAYS}'!G2"
    model = wb[MODEL]
    intercept = next(
        r for r in range(2, 20) if model[f"A{r}"].value == "Ordonnée (m³/jour) / Intercept (m³/day)"
    )
    assert (
        "LINEST(" in model[f"C{intercept}"].value
        and model[f"D{intercept}"].value == f"=C{intercept}-B{intercept}"
    )
    # the aid: whole m³ half up, cents, new measures and year ≤ 4, the cap less what earlier years got
    sheet = wb[AID]
    assert sheet["F2"].value == '=IF(E2="oui",ROUND(D2,0),0)'
    assert sheet["H2"].value == "=ROUND(MAX(0,F2)*AidRate,2)"
    assert sheet["I2"].value == "=MAX(0,AidCap)"  # later years: AidCap-SUM($J$2:J<year above>)
    assert sheet["J2"].value == '=IF(AND(G2="oui",A2<=AidYears),ROUND(MAX(0,MIN(H2,I2)),2),0)'
    assert sheet[f"{AID_AMOUNT_COLUMN}{aid_total_row(aid)}"].value == f"=SUM(J2:J{len(aid.years) + 1})"
    assert sheet["G2"].value == "oui" and any(
        "G2" in str(dv.sqref) for dv in sheet.data_validations.dataValidation
    )
    assert sheet["I2"].number_format == '#,##0.00 "$"' and wb[CALC]["I2"].number_format == "#,##0"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["Inputs", "Temperatures", "Degree days", "Regression", "Model", "Calculations", "Annual split",
                "Aid per year"]),
        ("fr", ["Entrées", "Températures", "Degrés-jours", "Régression", "Modèle", "Calculs",
                "Répartition annuelle", "Aide par année"]),
    ],
)  # fmt: skip
def test_sheets_are_named_in_the_readers_language(tmp_path: Path, language: str, names: list[str]) -> None:
    """The sheet names come from the catalog; every formula and defined name reads the sheets by those names."""
    import sys

    from espm_desktop.core import i18n

    sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
    from test_savings import daily_temps

    result, baseline = scenario(0.9)
    temps = daily_temps(date(2021, 1, 1), 1200, random.Random(5))
    aid = statement_years(result)
    path = tmp_path / f"calcul-{language}.xlsx"
    before = i18n.current_language()
    i18n.set_language(language)  # the default: the app's current language
    try:
        write_savings_workbook(result, path, baseline, aid=aid, daily_mean_c=temps)
    finally:
        i18n.set_language(before)
    wb = load_workbook(path)
    assert wb.sheetnames == names
    assert [sheet_title(s, language) for s in (INPUTS, TEMPERATURES, DEGREE_DAYS, REGRESSION, MODEL, CALC,
                                               SPLIT, AID)] == names  # fmt: skip
    assert wb[names[5]]["E2"].value == f"='{names[2]}'!G2"
    assert wb.defined_names["DayDate"].attr_text.startswith(f"'{names[1]}'!$A$2")
    assert wb.defined_names["AidRate"].attr_text.startswith(f"'{names[7]}'!$D$")
    referenced = {
        part.split("'")[0]
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
        for part in cell.value.split("='")[1:] + cell.value.split(",'")[1:]
    }
    assert referenced and referenced <= set(names)
