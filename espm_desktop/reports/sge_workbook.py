"""The Excel calculation file of the SGÉ guide (Annexe B « Fournir le fichier de calculs en format Excel »).

Every result is a live formula, so a reviewer who changes an input (yellow cells) sees every result move:

* `Temperatures` holds the station's daily mean temperatures (values) and each day's HDD at the named
  `BalancePoint`; `Degree days` sums them per billing period by date (SUMIFS/COUNTIFS) and averages over the
  days that have a temperature, as core.savings.weather_from_daily does, beside the app's HDD per day.
* `Regression` re-derives the baseline model with LINEST. CalTRACK's fit is weighted least squares (weight =
  days); LINEST is unweighted, so each row is multiplied by √(days) and the constant becomes a √(days) column
  fitted without LINEST's own constant: that is exactly the weighted fit. A period the app left out (under
  90 % of its days with a temperature) gets weight 0, i.e. a row of zeros, which adds nothing to the fit.
  `Model` shows those coefficients beside the app's (values, which the predictions use) and the difference.
* `Calculations` predicts and avoids m³ per period; `Annual split` splits each reporting period's avoided m³
  over the program years by its days; `Aid per year` turns each year's m³ into aid by the guide's rule:
  IF(new measures AND year ≤ AidYears, ROUND(MAX(0, MIN(ROUND(ROUND(m³, 0) × AidRate, 2), AidCap − aid of
  earlier years)), 2), 0) — whole m³ half up then cents, as core/sge/statement.py, whose amounts stand beside.

Without daily temperatures (an older caller) the HDD per day are the app's values and no regression is shown.
The sheets are named in the reader's language (French: Entrées, Températures, Degrés-jours, Régression,
Modèle, Calculs, Répartition annuelle, Aide par année), the formulas naming them likewise. The sheets are built
in reports/sge_workbook_model.py (measurements, model, avoided m³) and reports/sge_workbook_aid.py (the aid).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core import formatting as fmt
from espm_desktop.core.i18n import N_, current_language
from espm_desktop.core.savings import HDD, PeriodSavings, ProgramYearSavings, SavingsResult
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.statement import SavingsFollowUpStatement
from espm_desktop.fs.atomic_files import atomic_workbook_path
from espm_desktop.reports.sge_workbook_aid import (
    AID_AMOUNT_COLUMN,
    AID_STATEMENT_COLUMN,
    AID_TOTAL_LABEL,
    NO,
    YES,
    aid_sheet,
    aid_total_row,
    split_column,
    split_sheet,
    split_total_row,
)
from espm_desktop.reports.sge_workbook_layout import (
    AID,
    CALC,
    DAY,
    DEGREE_DAYS,
    INPUT_FILL,
    INPUTS,
    MODEL,
    MONEY,
    REGRESSION,
    REPORTING,
    SPLIT,
    TEMPERATURES,
    TOTAL_FONT,
    WRAP,
    both,
    define_name,
    fit_heights,
    sheet_ref,
    sheet_title,
)
from espm_desktop.reports.sge_workbook_model import (
    calc_sheet,
    degree_day_sheet,
    inputs_sheet,
    model_sheet,
    regression_sheet,
    temperature_sheet,
)

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

__all__ = [
    "AID",
    "CAP_CITATION",
    "NEW_MEASURES_CITATION",
    "RATE_CITATION",
    "START_CITATION",
    "YEARS_CITATION",
    "AID_AMOUNT_COLUMN",
    "AID_STATEMENT_COLUMN",
    "AID_TOTAL_LABEL",
    "CALC",
    "DEGREE_DAYS",
    "INPUTS",
    "MODEL",
    "NO",
    "REGRESSION",
    "SPLIT",
    "TEMPERATURES",
    "YES",
    "aid_total_row",
    "sheet_title",
    "split_column",
    "split_total_row",
    "total_row",
    "write_savings_workbook",
]


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
    language: str | None = None,
) -> None:
    """Write the calculation file; `baseline` (the model run on its baseline periods) adds residual rows.

    `daily_mean_c` (the station's days the model used) makes the degree days and the model live formulas;
    `aid` (the statement's phase 5) adds the aid per program year, year 1 starting on `program_start` (the
    acceptance of the first phase-4 deliverables; default: `program_years`' year 1, else the first reporting
    period); `program_years` also say which years can be claimed.

    The sheets are named in `language` (default: the app's current language, core.i18n); their labels are in
    French and English both, for the participant and Énergir's reviewers alike.

    A path is written whole or not at all and never over `protected` (the open database): io.atomic_files.
    """
    language = current_language() if language is None else "fr" if fmt.is_french(language) else "en"
    wb = Workbook()
    wb.calculation = CalcProperties(fullCalcOnLoad=True)  # no cached values: spreadsheets compute on opening
    rows: list[tuple[str, PeriodSavings]] = []
    if baseline is not None:
        rows += [(both(N_("Baseline")), r) for r in baseline.periods]
    rows += [(both(REPORTING), r) for r in result.periods]
    n_baseline = len(baseline.periods) if baseline is not None else 0

    inputs_sheet(wb, rows, language)
    hdd_column = "C"
    if daily_mean_c:
        temperature_sheet(wb, daily_mean_c, station_name, language)
        hdd_column = degree_day_sheet(wb, rows, language, live=True)
    else:
        degree_day_sheet(wb, rows, language, live=False)
    regression = None
    if daily_mean_c and baseline is not None:
        with_hdd = result.model.kind == HDD
        regression = regression_sheet(wb, n_baseline, hdd_column, with_hdd, use_production, language)
    model_sheet(wb, result, station_name, regression, language)
    ws_c = calc_sheet(wb, rows, hdd_column, language)
    if aid is not None:
        if program_start is None:
            first = [y.start for y in program_years if y.year == 1]
            program_start = first[0] if first else result.periods[0].period.start
        n_years = max([len(aid.years), *(y.year for y in program_years)])
        split_sheet(wb, n_baseline, len(result.periods), n_years, language)
        ws_aid = aid_sheet(wb, aid, program_start, program_years, len(result.periods), language)
        _guide_parameters(wb, ws_aid, aid_total_row(aid) + 2, program_start, language)
    for ws in wb.worksheets:
        fit_heights(ws)
    wb.active = wb.index(ws_c)
    if isinstance(out, (str, os.PathLike)):
        with atomic_workbook_path(out, protected=protected) as partial:
            wb.save(str(partial))
    else:
        wb.save(out)


def _guide_parameters(
    wb: Workbook, ws: Worksheet, first: int, program_start: date | None, language: str
) -> None:
    """The guide's inputs below the aid, named so its formulas read AidRate, AidCap, AidYears and ProgramStart,
    each beside the guide's own words."""
    ws[f"A{first}"] = both(N_("Program parameters"))
    ws[f"A{first}"].font = TOTAL_FONT
    inputs: list[tuple[str, str | None, object, str, str]] = [
        (both(N_("Start of year 1")), "ProgramStart", program_start, DAY, START_CITATION),
        (both(N_("Rate"), " ($/m³)"), "AidRate", float(rules.SAVINGS_RATE_PER_M3), MONEY, RATE_CITATION),
        (both(N_("Cap"), " ($)"), "AidCap", float(rules.SAVINGS_CAP), MONEY, CAP_CITATION),
        (both(N_("Payable years")), "AidYears", rules.SAVINGS_MAX_YEARS, "0", YEARS_CITATION),
        (both(N_("New measures (column G)")), None, None, "", NEW_MEASURES_CITATION),
    ]
    for r, (label, name, value, number_format, citation) in enumerate(inputs, start=first + 1):
        ws[f"A{r}"] = label
        ws.merge_cells(f"A{r}:C{r}")
        ws[f"E{r}"] = citation
        ws.merge_cells(f"E{r}:M{r}")
        ws[f"A{r}"].alignment = ws[f"E{r}"].alignment = WRAP
        if name is not None:
            ws[f"D{r}"] = value
            ws[f"D{r}"].number_format = number_format
            ws[f"D{r}"].fill = INPUT_FILL
            define_name(wb, name, sheet_ref(AID, language), f"D{r}")


# Cells of the calculation sheet's total row, for readers of the file (tests, the app's preview).
def total_row(result: SavingsResult, baseline: SavingsResult | None = None) -> int:
    count = len(result.periods) + (len(baseline.periods) if baseline is not None else 0)
    return count + 3
