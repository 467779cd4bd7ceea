"""The SGÉ workbook's measurement sheets: the billing periods (inputs), the station's daily temperatures, the
degree days per period, the baseline model re-derived with LINEST, the model's parameters and the avoided m³ per
period (reports/sge_workbook.py describes the formulas)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core import formatting as fmt
from espm_desktop.core.i18n import N_, _
from espm_desktop.core.savings import MIN_TEMPERATURE_COVERAGE, PeriodSavings, SavingsResult
from espm_desktop.reports.sge_workbook_layout import (
    APP_FILL,
    CALC,
    CALTRACK,
    COEFFICIENT,
    DAY,
    DEGREE_DAYS,
    DIFFERENCE,
    G14,
    HDD_FORMAT,
    INPUT_FILL,
    INPUTS,
    M3,
    MODEL,
    REGRESSION,
    REPORTING,
    TEMPERATURES,
    TOTAL_FONT,
    WRAP,
    both,
    define_name,
    formats,
    header,
    sheet_ref,
    sheet_title,
    widths,
)


def inputs_sheet(wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]], language: str) -> None:
    """One row per billing period: dates, use, production and non-routine adjustment (inputs)."""
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title(INPUTS, language)
    header(ws, ["Type", both(N_("Start")), both(N_("End")), both(N_("Days")), both(N_("Use"), " (m³)"),
                "Production", both(N_("Non-routine adjustment"), " (m³)"), "Note"])  # fmt: skip
    for i, (kind, row) in enumerate(rows, start=2):
        p = row.period
        production = p.production if p.production is not None else 0
        ws.append([kind, p.start, p.end, f"=C{i}-B{i}+1", row.actual_m3, production, row.adjustment_m3,
                   "; ".join(row.notes)])  # fmt: skip
        for col in "EFG":
            ws[f"{col}{i}"].fill = INPUT_FILL
        formats(ws, i, {"B": DAY, "C": DAY, "E": M3, "G": M3})
    widths(ws, {"A": 20, "E": 16, "G": 22, "H": 45})


def temperature_sheet(wb: Workbook, daily_mean_c: Mapping[date, float], station: str, language: str) -> None:
    """The station's daily mean temperatures (inputs) and each day's HDD at the balance point."""
    ws = wb.create_sheet(sheet_title(TEMPERATURES, language))
    where = f" — {station}" if station else ""
    header(ws, ["Date", both(N_("Mean temperature"), f" (°C){where}"), both(N_("HDD at the balance point"))],
           landscape=False)  # fmt: skip
    for i, day in enumerate(sorted(daily_mean_c), start=2):
        ws.append([day, daily_mean_c[day], f"=MAX(0,BalancePoint-B{i})"])
        ws[f"B{i}"].fill = INPUT_FILL
        formats(ws, i, {"A": DAY, "B": "0.0", "C": "0.00"})
    last, days = len(daily_mean_c) + 1, sheet_ref(TEMPERATURES, language)
    wb.defined_names["DayDate"] = DefinedName("DayDate", attr_text=f"{days}$A$2:$A${last}")
    wb.defined_names["DayHdd"] = DefinedName("DayHdd", attr_text=f"{days}$C$2:$C${last}")
    widths(ws, {"A": 14, "B": 24, "C": 24})


def degree_day_sheet(
    wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]], language: str, *, live: bool
) -> str:
    """HDD per period at the balance point; returns the column of the HDD per day the calculations use."""
    ws = wb.create_sheet(sheet_title(DEGREE_DAYS, language))
    src = sheet_ref(INPUTS, language)
    if not live:
        header(ws, [both(N_("Start")), both(N_("End")), both(N_("HDD per day")), both(N_("HDD total"))])
        for i, (_kind, row) in enumerate(rows, start=2):
            ws.append([f"={src}B{i}", f"={src}C{i}", row.hdd_per_day, f"=C{i}*{src}D{i}"])
            ws[f"C{i}"].fill = INPUT_FILL
            formats(ws, i, {"A": DAY, "B": DAY, "C": "0.00", "D": HDD_FORMAT})
        return "C"
    header(ws, [both(N_("Start")), both(N_("End")), both(N_("Days")), both(N_("Days with a temperature")),
                both(N_("Coverage")), both(N_("HDD of the measured days")), both(N_("HDD per day")),
                both(N_("Period HDD")), both(N_("App's HDD per day")), both(N_("Difference"))])  # fmt: skip
    for i, (_kind, row) in enumerate(rows, start=2):
        bounds = f'DayDate,">="&A{i},DayDate,"<="&B{i}'
        ws.append([f"={src}B{i}", f"={src}C{i}", f"={src}D{i}", f"=COUNTIFS({bounds})", f"=D{i}/C{i}",
                   f"=SUMIFS(DayHdd,{bounds})", f"=IF(D{i}>0,F{i}/D{i},0)", f"=G{i}*C{i}", row.hdd_per_day,
                   f"=G{i}-I{i}"])  # fmt: skip
        ws[f"I{i}"].fill = APP_FILL
        formats(ws, i, {"A": DAY, "B": DAY, "E": "0.0%", "F": HDD_FORMAT, "G": "0.000", "H": HDD_FORMAT,
                        "I": "0.000", "J": DIFFERENCE})  # fmt: skip
    return "G"


def regression_sheet(
    wb: Workbook, n_baseline: int, hdd_column: str, with_hdd: bool, with_production: bool, language: str
) -> dict[str, str]:
    """The weighted baseline fit redone with LINEST; returns the formulas of the re-derived coefficients."""
    ws = wb.create_sheet(sheet_title(REGRESSION, language))
    terms = ["√w"] + ([both(N_("√w·HDD"))] if with_hdd else []) + (["√w·prod."] if with_production else [])
    predicted = N_("Predicted per day")
    header(ws, [both(N_("Start")), both(N_("End")), both(N_("Days = weight w")), both(N_("Coverage")),
                both(N_("Included")), both(N_("Use per day"), " (m³)"), both(N_("HDD per day")),
                "Production " + both(N_("per day")), both(N_("√w·use")), *terms,
                f"{_(predicted, 'fr')} (LINEST) / {predicted}"])  # fmt: skip
    x_first, x_last = "J", get_column_letter(9 + len(terms))
    fitted = get_column_letter(10 + len(terms))
    last = n_baseline + 1
    k = len(terms)
    reg = sheet_ref(REGRESSION, language)
    linest = f"LINEST({reg}$I$2:$I${last},{reg}${x_first}$2:${x_last}${last},0,0)"
    # LINEST lists the coefficients of the x columns in reverse order: [.., HDD, √w (the intercept), 0].
    coefficient = {"Intercept": f"INDEX({linest},1,{k})"}
    if with_hdd:
        coefficient["HddSlope"] = f"INDEX({linest},1,{k - 1})"
    if with_production:
        coefficient["ProdSlope"] = f"INDEX({linest},1,1)"
    weights, y = f"{reg}$C$2:$C${last},{reg}$E$2:$E${last}", f"{reg}$F$2:$F${last}"
    mean = f"SUMPRODUCT({weights},{y})/SUMPRODUCT({weights})"
    coefficient["RSquared"] = (
        f"1-SUMPRODUCT({weights},({y}-{reg}${fitted}$2:${fitted}${last})^2)/SUMPRODUCT({weights},({y}-{mean})^2)"
    )
    src, dd = sheet_ref(INPUTS, language), sheet_ref(DEGREE_DAYS, language)
    for i in range(2, last + 1):
        cells = [f"={src}B{i}", f"={src}C{i}", f"={src}D{i}", f"={dd}E{i}", f"=IF(D{i}>=MinCoverage,1,0)",
                 f"={src}E{i}/C{i}", f"={dd}{hdd_column}{i}", f"={src}F{i}/C{i}", f"=J{i}*F{i}",
                 f"=SQRT(C{i}*E{i})"]  # fmt: skip
        prediction = "=InterceptLinest"
        if with_hdd:
            cells.append(f"=J{i}*G{i}")
            prediction += f"+HddSlopeLinest*G{i}"
        if with_production:
            cells.append(f"=J{i}*H{i}")
            prediction += f"+ProdSlopeLinest*H{i}"
        ws.append([*cells, prediction])
        formats(ws, i, {"A": DAY, "B": DAY, "D": "0.0%", "F": "#,##0.00", "G": "0.000", "H": "0.000",
                        "I": "#,##0.00", fitted: "#,##0.00"}
                | {get_column_letter(c): "0.0000" for c in range(10, 10 + len(terms))})  # fmt: skip
    return coefficient


def model_sheet(
    wb: Workbook, result: SavingsResult, station: str, live: Mapping[str, str] | None, language: str
) -> None:
    """The app's model (values: the predictions use them) beside the coefficients LINEST re-derives."""
    model = result.model
    ws = wb.create_sheet(sheet_title(MODEL, language))
    model_ref = sheet_ref(MODEL, language)
    header(ws, [both(N_("Parameter")), both(N_("App's value")), both(N_("Re-derived (weighted LINEST)")),
                both(N_("Difference")), "Source"])  # fmt: skip
    widths(ws, {"A": 46, "B": 18, "C": 22, "D": 14, "E": 55})
    bp = model.balance_point_c if model.balance_point_c is not None else 18.0
    bp_source = (
        CALTRACK
        if model.balance_point_c is not None
        else both(N_("Model without HDD: 18 °C for information"))
    )
    parameters: list[tuple[str, str | None, object, str, str]] = [
        (both(N_("Model")), None, model.kind, "", CALTRACK),
        (both(N_("Weather station")), None, station or "—", "",
         both(N_("Environment and Climate Change Canada (ECCC) or station linked to the property"))),
        (both(N_("Balance point"), " (°C)"), "BalancePoint", bp, "", bp_source),
        (both(N_("Minimum temperature coverage")), "MinCoverage",
         MIN_TEMPERATURE_COVERAGE, "", fmt.labelled(CALTRACK, both(N_("period left out below")), "fr")),
        (both(N_("Intercept (m³/day)")), "Intercept", model.intercept_m3_per_day, "Intercept", CALTRACK),
        (both(N_("HDD slope (m³/HDD)")), "HddSlope", model.hdd_slope_m3_per_hdd, "HddSlope", CALTRACK),
        (both(N_("Production slope (m³/unit)")), "ProdSlope", model.production_slope_m3_per_unit,
         "ProdSlope", CALTRACK),
        (f"R² ({both(N_('weighted'))})", None, model.r_squared, "RSquared", G14),
        (both(N_("Adjusted R²")), None, model.adjusted_r_squared, "", CALTRACK),
        ("CV(RMSE)", None, model.cv_rmse, "", G14),
        ("NMBE", None, model.nmbe, "", G14),
        (both(N_("Baseline periods")), None, model.n_periods, "", CALTRACK),
        (both(N_("Fractional savings uncertainty"), f" ({result.confidence:.0%})"), None,
         result.fractional_savings_uncertainty, "", G14),
    ]  # fmt: skip
    for r, (label, name, value, live_key, source) in enumerate(parameters, start=2):
        ws.append([label, value, None, None, source])
        ws[f"A{r}"].alignment = ws[f"E{r}"].alignment = WRAP
        if isinstance(value, str):
            ws[f"B{r}"].alignment = WRAP
        if name is not None:
            define_name(wb, name, model_ref, f"B{r}")
            ws[f"B{r}"].fill = INPUT_FILL
        if isinstance(value, float):
            ws[f"B{r}"].number_format = "0%" if name == "MinCoverage" else COEFFICIENT
        if live is not None and live_key:
            ws[f"C{r}"] = f"={live[live_key]}" if live_key in live else 0
            ws[f"D{r}"] = f"=C{r}-B{r}"
            ws[f"C{r}"].number_format = COEFFICIENT
            ws[f"D{r}"].number_format = DIFFERENCE
            if live_key != "RSquared":
                define_name(wb, f"{live_key}Linest", model_ref, f"C{r}")


def calc_sheet(
    wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]], hdd_column: str, language: str
) -> Worksheet:
    """Predicted, adjusted, actual and avoided m³ per period (the app's coefficients), and the totals."""
    ws = wb.create_sheet(sheet_title(CALC, language))
    header(ws, ["Type", both(N_("Start")), both(N_("End")), both(N_("Days")), both(N_("HDD per day")),
                both(N_("Predicted"), " (m³)"), both(N_("Adjustment"), " (m³)"), both(N_("Actual"), " (m³)"),
                both(N_("Avoided"), " (m³)")])  # fmt: skip
    src, dd = sheet_ref(INPUTS, language), sheet_ref(DEGREE_DAYS, language)
    for i in range(2, len(rows) + 2):
        ws.append([f"={src}A{i}", f"={src}B{i}", f"={src}C{i}", f"={src}D{i}", f"={dd}{hdd_column}{i}",
                   f"=D{i}*(Intercept+HddSlope*E{i}+ProdSlope*{src}F{i}/D{i})", f"={src}G{i}", f"={src}E{i}",
                   f"=F{i}+G{i}-H{i}"])  # fmt: skip
        formats(ws, i, {"B": DAY, "C": DAY, "E": "0.000", "F": M3, "G": M3, "H": M3, "I": M3})
    last = len(rows) + 1
    total = last + 2
    ws[f"A{total}"] = both(N_("Reporting total"))
    reporting = _(REPORTING, "fr")
    for col in "FGHI":
        ws[f"{col}{total}"] = f'=SUMIF($A$2:$A${last},"{reporting}*",{col}$2:{col}${last})'
        ws[f"{col}{total}"].number_format = M3
    ws[f"A{total + 1}"] = both(N_("Savings fraction"))
    ws[f"I{total + 1}"] = f"=I{total}/(F{total}+G{total})"
    ws[f"I{total + 1}"].number_format = "0.0%"
    for col in "AFGHI":
        ws[f"{col}{total}"].font = TOTAL_FONT
    widths(ws, {"A": 30, "F": 16, "H": 16, "I": 16})
    return ws
