from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from espm_desktop.core.savings import (
    NonRoutineAdjustment,
    SavingsResult,
    balance_point_grid,
    compute_savings,
    fit_baseline,
    weather_from_daily,
)
from espm_desktop.core.sge import rules
from espm_desktop.reports.sge_workbook import CALC, MODEL, total_row, write_savings_workbook

pytestmark = pytest.mark.skipif(
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


def recalculated(tmp_path: Path, result: SavingsResult, baseline: SavingsResult) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "calcul.xlsx"
    write_savings_workbook(result, path, baseline)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out / "calcul.xlsx"


def expected_aid(result: SavingsResult) -> Decimal:
    per_period = sum(
        (
            (Decimal(str(max(r.avoided_m3, 0.0))) * rules.SAVINGS_RATE_PER_M3).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            for r in result.periods
        ),
        Decimal(0),
    )
    return min(per_period, rules.SAVINGS_CAP)


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
    assert Decimal(str(calc[f"L{row}"].value)).quantize(Decimal("0.01")) == expected_aid(result)
    if scale > 1:
        assert calc[f"L{row}"].value == pytest.approx(175000)
    # baseline rows have predicted values too (residual check), but no aid
    first = calc["F2"].value
    assert first == pytest.approx(baseline.periods[0].predicted_m3, rel=1e-9)
    assert calc["J2"].value is None


def test_formulas_are_live(tmp_path: Path) -> None:
    result, baseline = scenario(0.9)
    path = tmp_path / "calcul.xlsx"
    write_savings_workbook(result, path, baseline)
    wb = load_workbook(path)
    calc = wb[CALC]
    row = len(baseline.periods) + 2
    assert str(calc[f"F{row}"].value).startswith("=D") and "Intercept" in str(calc[f"F{row}"].value)
    assert str(calc[f"J{row}"].value).startswith("=ROUND(") and "AidRate" in str(calc[f"J{row}"].value)
    assert "AidCap" in str(calc[f"K{row}"].value)
    assert {"Intercept", "HddSlope", "ProdSlope", "AidRate", "AidCap"} <= set(wb.defined_names)
    # a reviewer halving the aid rate sees the aid move after recalculation
    model = wb[MODEL]
    rate_row = next(r for r in range(2, 20) if model[f"A{r}"].value == "Aide / Aid ($/m³)")
    model[f"B{rate_row}"].value = 0.05
    wb.save(path)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    values = load_workbook(out / "calcul.xlsx", data_only=True)[CALC]
    total = total_row(result, baseline)
    assert values[f"L{total}"].value == pytest.approx(float(expected_aid(result)) / 2, abs=0.07)
