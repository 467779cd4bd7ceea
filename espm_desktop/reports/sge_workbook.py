"""The Excel calculation file of the SGÉ guide (Annexe B « Fournir le fichier de calculs en format Excel »).

Inputs, degree days and model coefficients are values; predicted use, avoided m³ and the aid at 0.10 $/m³
within the 175 000 $ cap are live formulas, so a reviewer who changes a number sees every result move.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core.savings import PeriodSavings, SavingsResult
from espm_desktop.core.sge import rules

INPUTS = "Entrées"
DEGREE_DAYS = "Degrés-jours"
MODEL = "Modèle"
CALC = "Calculs"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells a reviewer may change
_TOTAL_FONT = Font(bold=True)
M3 = "#,##0"
MONEY = '#,##0.00 "$"'


def _header(ws: Worksheet, labels: list[str]) -> None:
    ws.append(labels)
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32
    for index, label in enumerate(labels, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(12, min(len(label) + 2, 30))


def _name(wb: Workbook, name: str, sheet: str, cell: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!${cell[0]}${cell[1:]}")


def write_savings_workbook(
    result: SavingsResult, out: Path | BinaryIO, baseline: SavingsResult | None = None
) -> None:
    """Write the calculation file; `baseline` (the model run on its baseline periods) adds residual rows."""
    model = result.model
    wb = Workbook()
    rows: list[tuple[str, PeriodSavings]] = []
    if baseline is not None:
        rows += [("Référence / Baseline", r) for r in baseline.periods]
    rows += [("Suivi / Reporting", r) for r in result.periods]

    # --- Inputs: one row per billing period ----------------------------------------------------------------
    ws_in = wb.active
    assert ws_in is not None
    ws_in.title = INPUTS
    _header(
        ws_in,
        [
            "Type",
            "Début / Start",
            "Fin / End",
            "Jours / Days",
            "Consommation / Use (m³)",
            "Production",
            "Ajustement non routinier / Non-routine adjustment (m³)",
            "Note",
        ],
    )
    for i, (kind, row) in enumerate(rows, start=2):
        p = row.period
        ws_in.append(
            [
                kind,
                p.start,
                p.end,
                f"=C{i}-B{i}+1",
                row.actual_m3,
                p.production if p.production is not None else 0,
                row.adjustment_m3,
                "; ".join(row.notes),
            ]
        )
        for col in "EFG":
            ws_in[f"{col}{i}"].fill = _INPUT_FILL
        ws_in[f"B{i}"].number_format = ws_in[f"C{i}"].number_format = "yyyy-mm-dd"
        ws_in[f"E{i}"].number_format = ws_in[f"G{i}"].number_format = M3
    ws_in.column_dimensions["H"].width = 40

    # --- Degree days at the model's balance point ----------------------------------------------------------
    ws_dd = wb.create_sheet(DEGREE_DAYS)
    bp_label = f"{model.balance_point_c:g} °C" if model.balance_point_c is not None else "—"
    _header(
        ws_dd,
        ["Début / Start", "Fin / End", f"DJC par jour / HDD per day ({bp_label})", "DJC / HDD total"],
    )
    for i, (_, row) in enumerate(rows, start=2):
        ws_dd.append([f"='{INPUTS}'!B{i}", f"='{INPUTS}'!C{i}", row.hdd_per_day, f"=C{i}*'{INPUTS}'!D{i}"])
        ws_dd[f"A{i}"].number_format = ws_dd[f"B{i}"].number_format = "yyyy-mm-dd"
        ws_dd[f"C{i}"].fill = _INPUT_FILL
        ws_dd[f"C{i}"].number_format = ws_dd[f"D{i}"].number_format = "0.00"

    # --- Model coefficients and the program's parameters ---------------------------------------------------
    ws_m = wb.create_sheet(MODEL)
    _header(ws_m, ["Paramètre / Parameter", "Valeur / Value", "Source"])
    ws_m.column_dimensions["A"].width = 48
    ws_m.column_dimensions["C"].width = 60
    caltrack = "CalTRACK 2.0, méthode facturation / billing method"
    g14 = "ASHRAE Guideline 14-2014"
    parameters: list[tuple[str, str | None, object, str]] = [
        ("Modèle / Model", None, model.kind, caltrack),
        ("Point d'équilibre / Balance point (°C)", None, model.balance_point_c, caltrack),
        ("Ordonnée / Intercept (m³/jour)", "Intercept", model.intercept_m3_per_day, caltrack),
        ("Pente DJC / HDD slope (m³/DJC)", "HddSlope", model.hdd_slope_m3_per_hdd, caltrack),
        (
            "Pente production / Production slope (m³/unité)",
            "ProdSlope",
            model.production_slope_m3_per_unit,
            caltrack,
        ),
        ("R²", None, model.r_squared, g14),
        ("R² ajusté / Adjusted R²", None, model.adjusted_r_squared, caltrack),
        ("CV(RMSE)", None, model.cv_rmse, g14),
        ("NMBE", None, model.nmbe, g14),
        ("Périodes de référence / Baseline periods", None, model.n_periods, caltrack),
        (
            f"Incertitude relative des économies / Fractional savings uncertainty ({result.confidence:.0%})",
            None,
            result.fractional_savings_uncertainty,
            g14,
        ),
        ("Aide / Aid ($/m³)", "AidRate", float(rules.SAVINGS_RATE_PER_M3), rules.SAVINGS_AID.text("fr")),
        ("Plafond / Cap ($)", "AidCap", float(rules.SAVINGS_CAP), rules.SAVINGS_AID.text("fr")),
    ]
    for r, (label, name, value, source) in enumerate(parameters, start=2):
        ws_m.append([label, value, source])
        if name is not None:
            _name(wb, name, MODEL, f"B{r}")
            ws_m[f"B{r}"].fill = _INPUT_FILL
            if name in ("AidRate", "AidCap"):
                ws_m[f"B{r}"].number_format = MONEY

    # --- Calculations: live formulas per period ------------------------------------------------------------
    ws_c = wb.create_sheet(CALC)
    _header(
        ws_c,
        [
            "Type",
            "Début / Start",
            "Fin / End",
            "Jours / Days",
            "DJC par jour / HDD per day",
            "Prévu / Predicted (m³)",
            "Ajustement / Adjustment (m³)",
            "Réel / Actual (m³)",
            "Évité / Avoided (m³)",
            "Aide à 0,10 $/m³ / Aid at $0.10/m³",
            "Aide cumulée plafonnée / Cumulative capped aid",
            "Aide de la période / Period aid",
        ],
    )
    first_reporting: int | None = None
    for i, (kind, _) in enumerate(rows, start=2):
        src = f"'{INPUTS}'!"
        ws_c.append(
            [
                f"={src}A{i}",
                f"={src}B{i}",
                f"={src}C{i}",
                f"={src}D{i}",
                f"='{DEGREE_DAYS}'!C{i}",
                f"=D{i}*(Intercept+HddSlope*E{i}+ProdSlope*{src}F{i}/D{i})",
                f"={src}G{i}",
                f"={src}E{i}",
                f"=F{i}+G{i}-H{i}",
            ]
        )
        if kind.startswith("Suivi"):
            if first_reporting is None:
                first_reporting = i
            ws_c[f"J{i}"] = f"=ROUND(MAX(0,I{i})*AidRate,2)"
            ws_c[f"K{i}"] = f"=MIN(AidCap,SUM(J${first_reporting}:J{i}))"
            ws_c[f"L{i}"] = f"=K{i}-K{i - 1}" if i > first_reporting else f"=K{i}"
        ws_c[f"B{i}"].number_format = ws_c[f"C{i}"].number_format = "yyyy-mm-dd"
        ws_c[f"E{i}"].number_format = "0.00"
        for col in "FGHI":
            ws_c[f"{col}{i}"].number_format = M3
        for col in "JKL":
            ws_c[f"{col}{i}"].number_format = MONEY
    last = len(rows) + 1
    total = last + 2
    first = first_reporting or 2
    ws_c[f"A{total}"] = "Total du suivi / Reporting total"
    for col in "FGHI":
        ws_c[f"{col}{total}"] = f'=SUMIF($A$2:$A${last},"Suivi*",{col}$2:{col}${last})'
        ws_c[f"{col}{total}"].number_format = M3
    ws_c[f"J{total}"] = f"=SUM(J{first}:J{last})"
    ws_c[f"L{total}"] = f"=SUM(L{first}:L{last})"
    ws_c[f"A{total + 1}"] = "Économie relative / Savings fraction"
    ws_c[f"I{total + 1}"] = f"=I{total}/(F{total}+G{total})"
    ws_c[f"I{total + 1}"].number_format = "0.0%"
    for col in "AFGHIJL":
        ws_c[f"{col}{total}"].font = _TOTAL_FONT
    for col in "JL":
        ws_c[f"{col}{total}"].number_format = MONEY
    ws_c.column_dimensions["A"].width = 30
    wb.active = wb.index(ws_c)
    wb.save(out if not isinstance(out, Path) else str(out))


# Cells of the calculation sheet's total row, for readers of the file (tests, the app's preview).
def total_row(result: SavingsResult, baseline: SavingsResult | None = None) -> int:
    count = len(result.periods) + (len(baseline.periods) if baseline is not None else 0)
    return count + 3
