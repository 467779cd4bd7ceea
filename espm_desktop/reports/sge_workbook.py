"""The Excel calculation file of the SGÉ guide (Annexe B « Fournir le fichier de calculs en format Excel »).

Every result is a live formula, so a reviewer who changes an input (yellow cells) sees every result move:

* `Températures` holds the station's daily mean temperatures (values) and each day's HDD at the named
  `BalancePoint`; `Degrés-jours` sums them per billing period by date (SUMIFS/COUNTIFS) and averages over the
  days that have a temperature, as core.savings.weather_from_daily does, beside the app's HDD per day.
* `Régression` re-derives the baseline model with LINEST. CalTRACK's fit is weighted least squares (weight =
  days); LINEST is unweighted, so each row is multiplied by √(days) and the constant becomes a √(days) column
  fitted without LINEST's own constant: that is exactly the weighted fit. A period the app left out (under
  90 % of its days with a temperature) gets weight 0, i.e. a row of zeros, which adds nothing to the fit.
  `Modèle` shows those coefficients beside the app's (values, which the predictions use) and the difference.
* `Calculs` predicts and avoids m³ per period; `Répartition annuelle` splits each reporting period's avoided m³
  over the program years by its days; `Aide par année` turns each year's m³ into aid by the guide's rule:
  IF(new measures AND year ≤ AidYears, ROUND(MAX(0, MIN(ROUND(ROUND(m³, 0) × AidRate, 2), AidCap − aid of
  earlier years)), 2), 0) — whole m³ half up then cents, as core/sge/statement.py, whose amounts stand beside.

Without daily temperatures (an older caller) the HDD per day are the app's values and no regression is shown.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core.i18n import N_, _, message
from espm_desktop.core.savings import (
    HDD,
    MIN_TEMPERATURE_COVERAGE,
    ClaimStatus,
    PeriodSavings,
    ProgramYearSavings,
    SavingsResult,
)
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.statement import SavingsFollowUpStatement
from espm_desktop.fs.atomic_files import atomic_workbook_path

INPUTS = "Entrées"
TEMPERATURES = "Températures"
DEGREE_DAYS = "Degrés-jours"
REGRESSION = "Régression"
MODEL = "Modèle"
CALC = "Calculs"
SPLIT = "Répartition annuelle"
AID = "Aide par année"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells a reviewer may change
_APP_FILL = PatternFill("solid", fgColor="E7E6E6")  # the app's own figures, for comparison
_TOTAL_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
M3 = "#,##0"
MONEY = '#,##0.00 "$"'
DAY = "yyyy-mm-dd"
# The type of a reporting period's row; the totals sum the rows whose type starts with its French.
REPORTING = N_("Reporting")
HDD_FORMAT = "#,##0.0"
COEFFICIENT = "#,##0.0000"
DIFFERENCE = "0.00E+00"

# Columns of the « Aide par année » sheet that readers of the file (tests, the agreement check) look up.
AID_AMOUNT_COLUMN = "J"  # the live formula
AID_STATEMENT_COLUMN = "K"  # the app's statement, as values
YES, NO = "oui", "non"


def _both(text: str, unit: str = "") -> str:
    """A label for French and English reviewers alike, « Début / Start »: the catalog's French, then the English
    (`text`, a catalog id); `unit` ends it: « Consommation / Use (m³) »."""
    return f"{_(text, 'fr')} / {text}{unit}"


AID_TOTAL_LABEL = _both(N_("Total aid"))

# The guide's words (seed 001, phase 5 « Aide financière » and « Remarque ») beside the inputs they set.
_GUIDE = rules.SAVINGS_AID.text("fr")
RATE_CITATION = f"« 0,10 $/m³ de gaz naturel économisé » — {_GUIDE}"
CAP_CITATION = f"« le plus petit des montants suivants : 175 000 $ sur une période maximale de quatre (4) ans » — {_GUIDE}"
YEARS_CITATION = f"« versée sur une base annuelle sur une période maximale de quatre (4) ans » — {_GUIDE}"
NEW_MEASURES_CITATION = (
    "« Une aide financière […] peut être versée à chacune des années de cette phase seulement si de nouvelles "
    f"mesures d'économies d'énergie admissibles sont mises en place chaque année » — {_GUIDE}"
)
START_CITATION = (
    "« À partir de la date d'acceptation des premiers livrables de la phase Élaboration et mise en œuvre, le "
    f"participant dispose de quatre (4) ans » : l'année 1 commence ce jour-là — {_GUIDE}"
)
CALTRACK = "CalTRACK 2.0, " + _both(N_("billing method"))
G14 = "ASHRAE Guideline 14-2014"


def _header(ws: Worksheet, labels: Sequence[str], *, landscape: bool = True) -> None:
    """Header row 1 (frozen, repeated on every printed page) and a page fit to one page wide."""
    ws.append(list(labels))
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"
    for index, label in enumerate(labels, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(len(label) * 0.6 + 2, 24))
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A — &P / &N"


def _widths(ws: Worksheet, widths: Mapping[str, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[column].width = width


def _fit_heights(ws: Worksheet) -> None:
    """Rows tall enough for their wrapped text: spreadsheets do not grow rows written by openpyxl on opening."""
    spans = {r.start_cell.coordinate: r.max_col - r.min_col + 1 for r in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not (isinstance(cell.value, str) and cell.alignment.wrap_text) or cell.value.startswith("="):
                continue
            width = sum(
                ws.column_dimensions[get_column_letter(cell.column + k)].width or 13
                for k in range(spans.get(cell.coordinate, 1))
            )
            per_line = max(1.0, width * (0.75 if cell.font.bold else 0.85))  # words wrap early; bold is wider
            lines = max(lines, sum(-(-len(part) // int(per_line)) or 1 for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 13.5 * lines + 3


def _name(wb: Workbook, name: str, sheet: str, cell: str) -> None:
    column, row = coordinate_from_string(cell)
    wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!${column}${row}")


def _formats(ws: Worksheet, row: int, formats: Mapping[str, str]) -> None:
    for column, number_format in formats.items():
        ws[f"{column}{row}"].number_format = number_format


def write_savings_workbook(
    result: SavingsResult,
    out: Path | BinaryIO,
    baseline: SavingsResult | None = None,
    *,
    protected: Sequence[Path] = (),
    aid: SavingsFollowUpStatement | None = None,
    program_years: Sequence[ProgramYearSavings] = (),
    daily_mean_c: Mapping[date, float] | None = None,
    program_start: date | None = None,
    station_name: str = "",
    use_production: bool = False,
) -> None:
    """Write the calculation file; `baseline` (the model run on its baseline periods) adds residual rows.

    `daily_mean_c` (the station's days the model used) makes the degree days and the model live formulas;
    `aid` (the statement's phase 5) adds the aid per program year, year 1 starting on `program_start` (the
    acceptance of the first phase-4 deliverables; default: `program_years`' year 1, else the first reporting
    period); `program_years` also say which years can be claimed.

    A path is written whole or not at all and never over `protected` (the open database): io.atomic_files.
    """
    wb = Workbook()
    wb.calculation = CalcProperties(fullCalcOnLoad=True)  # no cached values: spreadsheets compute on opening
    rows: list[tuple[str, PeriodSavings]] = []
    if baseline is not None:
        rows += [(_both(N_("Baseline")), r) for r in baseline.periods]
    rows += [(_both(REPORTING), r) for r in result.periods]
    n_baseline = len(baseline.periods) if baseline is not None else 0

    _inputs_sheet(wb, rows)
    hdd_column = "C"
    if daily_mean_c:
        _temperature_sheet(wb, daily_mean_c, station_name)
        hdd_column = _degree_day_sheet(wb, rows, live=True)
    else:
        _degree_day_sheet(wb, rows, live=False)
    regression = None
    if daily_mean_c and baseline is not None:
        regression = _regression_sheet(wb, n_baseline, hdd_column, result.model.kind == HDD, use_production)
    _model_sheet(wb, result, station_name, regression)
    ws_c = _calc_sheet(wb, rows, hdd_column)
    if aid is not None:
        if program_start is None:
            first = [y.start for y in program_years if y.year == 1]
            program_start = first[0] if first else result.periods[0].period.start
        n_years = max([len(aid.years), *(y.year for y in program_years)])
        _split_sheet(wb, n_baseline, len(result.periods), n_years)
        _aid_sheet(wb, aid, program_start, program_years, len(result.periods))
    for ws in wb.worksheets:
        _fit_heights(ws)
    wb.active = wb.index(ws_c)
    if isinstance(out, (str, os.PathLike)):
        with atomic_workbook_path(out, protected=protected) as partial:
            wb.save(str(partial))
    else:
        wb.save(out)


def _inputs_sheet(wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]]) -> None:
    """One row per billing period: dates, use, production and non-routine adjustment (inputs)."""
    ws = wb.active
    assert ws is not None
    ws.title = INPUTS
    _header(ws, ["Type", _both(N_("Start")), _both(N_("End")), _both(N_("Days")), _both(N_("Use"), " (m³)"),
                 "Production", _both(N_("Non-routine adjustment"), " (m³)"), "Note"])  # fmt: skip
    for i, (kind, row) in enumerate(rows, start=2):
        p = row.period
        production = p.production if p.production is not None else 0
        ws.append([kind, p.start, p.end, f"=C{i}-B{i}+1", row.actual_m3, production, row.adjustment_m3,
                   "; ".join(row.notes)])  # fmt: skip
        for col in "EFG":
            ws[f"{col}{i}"].fill = _INPUT_FILL
        _formats(ws, i, {"B": DAY, "C": DAY, "E": M3, "G": M3})
    _widths(ws, {"A": 20, "E": 16, "G": 22, "H": 45})


def _temperature_sheet(wb: Workbook, daily_mean_c: Mapping[date, float], station: str) -> None:
    """The station's daily mean temperatures (inputs) and each day's HDD at the balance point."""
    ws = wb.create_sheet(TEMPERATURES)
    where = f" — {station}" if station else ""
    _header(ws, ["Date", _both(N_("Mean temperature"), f" (°C){where}"), _both(N_("HDD at the balance point"))],
            landscape=False)  # fmt: skip
    for i, day in enumerate(sorted(daily_mean_c), start=2):
        ws.append([day, daily_mean_c[day], f"=MAX(0,BalancePoint-B{i})"])
        ws[f"B{i}"].fill = _INPUT_FILL
        _formats(ws, i, {"A": DAY, "B": "0.0", "C": "0.00"})
    last = len(daily_mean_c) + 1
    wb.defined_names["DayDate"] = DefinedName("DayDate", attr_text=f"'{TEMPERATURES}'!$A$2:$A${last}")
    wb.defined_names["DayHdd"] = DefinedName("DayHdd", attr_text=f"'{TEMPERATURES}'!$C$2:$C${last}")
    _widths(ws, {"A": 14, "B": 24, "C": 24})


def _degree_day_sheet(wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]], *, live: bool) -> str:
    """HDD per period at the balance point; returns the column of the HDD per day the calculations use."""
    ws = wb.create_sheet(DEGREE_DAYS)
    src = f"'{INPUTS}'!"
    if not live:
        _header(ws, [_both(N_("Start")), _both(N_("End")), _both(N_("HDD per day")), _both(N_("HDD total"))])
        for i, (_kind, row) in enumerate(rows, start=2):
            ws.append([f"={src}B{i}", f"={src}C{i}", row.hdd_per_day, f"=C{i}*{src}D{i}"])
            ws[f"C{i}"].fill = _INPUT_FILL
            _formats(ws, i, {"A": DAY, "B": DAY, "C": "0.00", "D": HDD_FORMAT})
        return "C"
    _header(ws, [_both(N_("Start")), _both(N_("End")), _both(N_("Days")), _both(N_("Days with a temperature")),
                 _both(N_("Coverage")), _both(N_("HDD of the measured days")), _both(N_("HDD per day")),
                 _both(N_("Period HDD")), _both(N_("App's HDD per day")), _both(N_("Difference"))])  # fmt: skip
    for i, (_kind, row) in enumerate(rows, start=2):
        bounds = f'DayDate,">="&A{i},DayDate,"<="&B{i}'
        ws.append([f"={src}B{i}", f"={src}C{i}", f"={src}D{i}", f"=COUNTIFS({bounds})", f"=D{i}/C{i}",
                   f"=SUMIFS(DayHdd,{bounds})", f"=IF(D{i}>0,F{i}/D{i},0)", f"=G{i}*C{i}", row.hdd_per_day,
                   f"=G{i}-I{i}"])  # fmt: skip
        ws[f"I{i}"].fill = _APP_FILL
        _formats(ws, i, {"A": DAY, "B": DAY, "E": "0.0%", "F": HDD_FORMAT, "G": "0.000", "H": HDD_FORMAT,
                         "I": "0.000", "J": DIFFERENCE})  # fmt: skip
    return "G"


def _regression_sheet(
    wb: Workbook, n_baseline: int, hdd_column: str, with_hdd: bool, with_production: bool
) -> dict[str, str]:
    """The weighted baseline fit redone with LINEST; returns the formulas of the re-derived coefficients."""
    ws = wb.create_sheet(REGRESSION)
    terms = ["√w"] + ([_both(N_("√w·HDD"))] if with_hdd else []) + (["√w·prod."] if with_production else [])
    predicted = N_("Predicted per day")
    _header(ws, [_both(N_("Start")), _both(N_("End")), _both(N_("Days = weight w")), _both(N_("Coverage")),
                 _both(N_("Included")), _both(N_("Use per day"), " (m³)"), _both(N_("HDD per day")),
                 "Production " + _both(N_("per day")), _both(N_("√w·use")), *terms,
                 f"{_(predicted, 'fr')} (LINEST) / {predicted}"])  # fmt: skip
    x_first, x_last = "J", get_column_letter(9 + len(terms))
    fitted = get_column_letter(10 + len(terms))
    last = n_baseline + 1
    k = len(terms)
    reg = f"'{REGRESSION}'!"
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
    src, dd = f"'{INPUTS}'!", f"'{DEGREE_DAYS}'!"
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
        _formats(ws, i, {"A": DAY, "B": DAY, "D": "0.0%", "F": "#,##0.00", "G": "0.000", "H": "0.000",
                         "I": "#,##0.00", fitted: "#,##0.00"}
                 | {get_column_letter(c): "0.0000" for c in range(10, 10 + len(terms))})  # fmt: skip
    return coefficient


def _model_sheet(wb: Workbook, result: SavingsResult, station: str, live: Mapping[str, str] | None) -> None:
    """The app's model (values: the predictions use them) beside the coefficients LINEST re-derives."""
    model = result.model
    ws = wb.create_sheet(MODEL)
    _header(ws, [_both(N_("Parameter")), _both(N_("App's value")), _both(N_("Re-derived (weighted LINEST)")),
                 _both(N_("Difference")), "Source"])  # fmt: skip
    _widths(ws, {"A": 46, "B": 18, "C": 22, "D": 14, "E": 55})
    bp = model.balance_point_c if model.balance_point_c is not None else 18.0
    bp_source = CALTRACK if model.balance_point_c is not None else "Modèle sans DJC : 18 °C pour information"
    parameters: list[tuple[str, str | None, object, str, str]] = [
        (_both(N_("Model")), None, model.kind, "", CALTRACK),
        (_both(N_("Weather station")), None, station or "—", "", "Environnement et Changement climatique "
         "Canada (ECCC) ou " + _both(N_("station linked to the property"))),
        (_both(N_("Balance point"), " (°C)"), "BalancePoint", bp, "", bp_source),
        (_both(N_("Minimum temperature coverage")), "MinCoverage",
         MIN_TEMPERATURE_COVERAGE, "", f"{CALTRACK} : " + _both(N_("period left out below"))),
        (_both(N_("Intercept"), " (m³/jour)"), "Intercept", model.intercept_m3_per_day, "Intercept", CALTRACK),
        (_both(N_("HDD slope"), " (m³/DJC)"), "HddSlope", model.hdd_slope_m3_per_hdd, "HddSlope", CALTRACK),
        (_both(N_("Production slope"), " (m³/unité)"), "ProdSlope", model.production_slope_m3_per_unit,
         "ProdSlope", CALTRACK),
        (f"R² ({_both(N_('weighted'))})", None, model.r_squared, "RSquared", G14),
        (_both(N_("Adjusted R²")), None, model.adjusted_r_squared, "", CALTRACK),
        ("CV(RMSE)", None, model.cv_rmse, "", G14),
        ("NMBE", None, model.nmbe, "", G14),
        (_both(N_("Baseline periods")), None, model.n_periods, "", CALTRACK),
        (_both(N_("Fractional savings uncertainty"), f" ({result.confidence:.0%})"), None,
         result.fractional_savings_uncertainty, "", G14),
    ]  # fmt: skip
    for r, (label, name, value, live_key, source) in enumerate(parameters, start=2):
        ws.append([label, value, None, None, source])
        ws[f"A{r}"].alignment = ws[f"E{r}"].alignment = _WRAP
        if isinstance(value, str):
            ws[f"B{r}"].alignment = _WRAP
        if name is not None:
            _name(wb, name, MODEL, f"B{r}")
            ws[f"B{r}"].fill = _INPUT_FILL
        if isinstance(value, float):
            ws[f"B{r}"].number_format = "0%" if name == "MinCoverage" else COEFFICIENT
        if live is not None and live_key:
            ws[f"C{r}"] = f"={live[live_key]}" if live_key in live else 0
            ws[f"D{r}"] = f"=C{r}-B{r}"
            ws[f"C{r}"].number_format = COEFFICIENT
            ws[f"D{r}"].number_format = DIFFERENCE
            if live_key != "RSquared":
                _name(wb, f"{live_key}Linest", MODEL, f"C{r}")


def _calc_sheet(wb: Workbook, rows: Sequence[tuple[str, PeriodSavings]], hdd_column: str) -> Worksheet:
    """Predicted, adjusted, actual and avoided m³ per period (the app's coefficients), and the totals."""
    ws = wb.create_sheet(CALC)
    _header(ws, ["Type", _both(N_("Start")), _both(N_("End")), _both(N_("Days")), _both(N_("HDD per day")),
                 _both(N_("Predicted"), " (m³)"), _both(N_("Adjustment"), " (m³)"), _both(N_("Actual"), " (m³)"),
                 _both(N_("Avoided"), " (m³)")])  # fmt: skip
    src = f"'{INPUTS}'!"
    for i in range(2, len(rows) + 2):
        ws.append([f"={src}A{i}", f"={src}B{i}", f"={src}C{i}", f"={src}D{i}", f"='{DEGREE_DAYS}'!{hdd_column}{i}",
                   f"=D{i}*(Intercept+HddSlope*E{i}+ProdSlope*{src}F{i}/D{i})", f"={src}G{i}", f"={src}E{i}",
                   f"=F{i}+G{i}-H{i}"])  # fmt: skip
        _formats(ws, i, {"B": DAY, "C": DAY, "E": "0.000", "F": M3, "G": M3, "H": M3, "I": M3})
    last = len(rows) + 1
    total = last + 2
    ws[f"A{total}"] = _both(N_("Reporting total"))
    reporting = _(REPORTING, "fr")
    for col in "FGHI":
        ws[f"{col}{total}"] = f'=SUMIF($A$2:$A${last},"{reporting}*",{col}$2:{col}${last})'
        ws[f"{col}{total}"].number_format = M3
    ws[f"A{total + 1}"] = _both(N_("Savings fraction"))
    ws[f"I{total + 1}"] = f"=I{total}/(F{total}+G{total})"
    ws[f"I{total + 1}"].number_format = "0.0%"
    for col in "AFGHI":
        ws[f"{col}{total}"].font = _TOTAL_FONT
    _widths(ws, {"A": 30, "F": 16, "H": 16, "I": 16})
    return ws


def _split_sheet(wb: Workbook, n_baseline: int, n_reporting: int, n_years: int) -> None:
    """Each reporting period's avoided m³ spread over the program years by its days (savings_by_program_year).

    Year y runs from EDATE(ProgramStart, 12(y − 1)) to the day before EDATE(ProgramStart, 12y), as
    core/sge/deadlines.py program_year_bounds; days before year 1 belong to no program year.
    """
    ws = wb.create_sheet(SPLIT)
    years = [
        f"{label.text('fr')} / {label.text('en')} (m³)"
        for label in (message("Year {year}", year=str(y)) for y in range(1, n_years + 1))
    ]
    _header(ws, [_both(N_("Start")), _both(N_("End")), _both(N_("Days")), _both(N_("Avoided"), " (m³)"),
                 _both(N_("Before year 1"), " (m³)"), *years])  # fmt: skip
    calc = f"'{CALC}'!"
    for i in range(2, n_reporting + 2):
        c = i + n_baseline
        per_day = f"$D{i}/$C{i}"
        cells: list[object] = [f"={calc}B{c}", f"={calc}C{c}", f"={calc}D{c}", f"={calc}I{c}",
                               f"={per_day}*MAX(0,MIN($B{i},ProgramStart-1)-$A{i}+1)"]  # fmt: skip
        for y in range(1, n_years + 1):
            start, end = f"EDATE(ProgramStart,{12 * (y - 1)})", f"EDATE(ProgramStart,{12 * y})-1"
            cells.append(f"={per_day}*MAX(0,MIN($B{i},{end})-MAX($A{i},{start})+1)")
        ws.append(cells)
        _formats(ws, i, {get_column_letter(c): M3 for c in range(4, 6 + n_years)} | {"A": DAY, "B": DAY})
    total = split_total_row(n_reporting)
    ws[f"A{total}"] = "Total"
    ws[f"A{total}"].font = _TOTAL_FONT
    for index in range(4, 6 + n_years):
        col = get_column_letter(index)
        ws[f"{col}{total}"] = f"=SUM({col}2:{col}{n_reporting + 1})"
        ws[f"{col}{total}"].number_format = M3
        ws[f"{col}{total}"].font = _TOTAL_FONT


def split_column(year: int) -> str:
    """Column of the « Répartition annuelle » sheet that holds program year `year`'s avoided m³."""
    column: str = get_column_letter(5 + year)
    return column


def split_total_row(n_reporting: int) -> int:
    """Row of the « Répartition annuelle » sheet that holds each program year's avoided m³."""
    return n_reporting + 3


def _aid_sheet(
    wb: Workbook,
    aid: SavingsFollowUpStatement,
    program_start: date | None,
    program_years: Sequence[ProgramYearSavings],
    n_reporting: int,
) -> None:
    """Phase-5 aid per program year as live formulas, the app's statement beside, and the guide's inputs."""
    ws = wb.create_sheet(AID)
    _header(ws, [_both(N_("Program year")), _both(N_("From")), _both(N_("To")), _both(N_("Avoided"), " (m³)"),
                 _both(N_("Year complete (yes/no)")), _both(N_("Counted, whole m³")),
                 _both(N_("New measures (yes/no)")), _both(N_("m³ × rate"), " ($)"), _both(N_("Cap left"), " ($)"),
                 _both(N_("Aid"), " ($)"), _both(N_("App's aid"), " ($)"), _both(N_("Difference"), " ($)"),
                 _both(N_("Rule the app applied"))])  # fmt: skip
    _widths(ws, {"A": 11, "B": 12, "C": 12, "D": 14, "E": 13, "F": 14, "G": 14, "H": 15, "I": 15, "J": 15,
                 "K": 15, "L": 12, "M": 55})  # fmt: skip
    choice = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False)
    ws.add_data_validation(choice)
    split_row = split_total_row(n_reporting)
    status = {y.year: y for y in program_years}
    for i, year in enumerate(aid.years, start=2):
        earlier = "AidCap" if i == 2 else f"AidCap-SUM($J$2:J{i - 1})"
        eligible = f'AND(G{i}="{YES}",A{i}<=AidYears)'
        span = status.get(year.year)
        # A year the app cannot claim yet (bills missing, under 12 months of metering) counts no m³.
        complete = span is None or span.status in (ClaimStatus.CLAIMABLE, ClaimStatus.BEYOND_WINDOW)
        rule = f"{year.aid.explanation('fr')} / {year.aid.explanation('en')}"
        if span is not None and not span.claimable:
            rule = f"{span.status_message('fr')} / {span.status_message('en')} — {rule}"
        ws.append([
            year.year,
            f"=EDATE(ProgramStart,12*(A{i}-1))",
            f"=EDATE(ProgramStart,12*A{i})-1",
            f"='{SPLIT}'!{split_column(year.year)}{split_row}",
            YES if complete else NO,
            f'=IF(E{i}="{YES}",ROUND(D{i},0),0)',
            YES if year.new_measures else NO,
            f"=ROUND(MAX(0,F{i})*AidRate,2)",
            f"=MAX(0,{earlier})",
            f"=IF({eligible},ROUND(MAX(0,MIN(H{i},I{i})),2),0)",
            float(year.aid.amount),
            f"=J{i}-K{i}",
            rule,
        ])  # fmt: skip
        for cell in ws[i]:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column_letter == "M")
        for col in "EG":
            choice.add(f"{col}{i}")
            ws[f"{col}{i}"].fill = _INPUT_FILL
        ws[f"K{i}"].fill = _APP_FILL
        _formats(ws, i, {"B": DAY, "C": DAY, "D": "#,##0.00", "F": M3, "H": MONEY, "I": MONEY, "J": MONEY,
                         "K": MONEY, "L": MONEY})  # fmt: skip
    last = len(aid.years) + 1
    total = aid_total_row(aid)
    ws[f"A{total}"] = AID_TOTAL_LABEL
    ws[f"J{total}"] = f"=SUM(J2:J{last})"
    ws[f"K{total}"] = float(aid.aid.amount)
    ws[f"L{total}"] = f"=J{total}-K{total}"
    ws[f"M{total}"] = f"{aid.aid.explanation('fr')} / {aid.aid.explanation('en')}"
    ws[f"M{total}"].alignment = _WRAP
    ws[f"K{total}"].fill = _APP_FILL
    for col in "JKL":
        ws[f"{col}{total}"].number_format = MONEY
    for col in "AJK":
        ws[f"{col}{total}"].font = _TOTAL_FONT
    # The guide's inputs, named so the formulas above read AidRate, AidCap, AidYears and ProgramStart.
    first = total + 2
    ws[f"A{first}"] = _both(N_("Program parameters"))
    ws[f"A{first}"].font = _TOTAL_FONT
    inputs: list[tuple[str, str | None, object, str, str]] = [
        (_both(N_("Start of year 1")), "ProgramStart", program_start, DAY, START_CITATION),
        (_both(N_("Rate"), " ($/m³)"), "AidRate", float(rules.SAVINGS_RATE_PER_M3), MONEY, RATE_CITATION),
        (_both(N_("Cap"), " ($)"), "AidCap", float(rules.SAVINGS_CAP), MONEY, CAP_CITATION),
        (_both(N_("Payable years")), "AidYears", rules.SAVINGS_MAX_YEARS, "0", YEARS_CITATION),
        (_both(N_("New measures (column G)")), None, None, "", NEW_MEASURES_CITATION),
    ]
    for r, (label, name, value, number_format, citation) in enumerate(inputs, start=first + 1):
        ws[f"A{r}"] = label
        ws.merge_cells(f"A{r}:C{r}")
        ws[f"E{r}"] = citation
        ws.merge_cells(f"E{r}:M{r}")
        ws[f"A{r}"].alignment = ws[f"E{r}"].alignment = _WRAP
        if name is not None:
            ws[f"D{r}"] = value
            ws[f"D{r}"].number_format = number_format
            ws[f"D{r}"].fill = _INPUT_FILL
            _name(wb, name, AID, f"D{r}")


def aid_total_row(aid: SavingsFollowUpStatement) -> int:
    """Row of the « Aide par année » sheet that holds the total aid (AID_AMOUNT_COLUMN, AID_STATEMENT_COLUMN)."""
    return len(aid.years) + 3


# Cells of the calculation sheet's total row, for readers of the file (tests, the app's preview).
def total_row(result: SavingsResult, baseline: SavingsResult | None = None) -> int:
    count = len(result.periods) + (len(baseline.periods) if baseline is not None else 0)
    return count + 3
