"""The SGÉ workbook's aid sheets: each reporting period's avoided m³ split over the program years, and the
phase-5 aid per program year by the guide's rule, with the guide's words beside the inputs they set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core.i18n import N_, message
from espm_desktop.core.savings import ClaimStatus, ProgramYearSavings
from espm_desktop.core.sge.statement import SavingsFollowUpStatement
from espm_desktop.reports.sge_workbook_layout import (
    AID,
    APP_FILL,
    CALC,
    DAY,
    INPUT_FILL,
    M3,
    MONEY,
    SPLIT,
    TOTAL_FONT,
    WRAP,
    both,
    formats,
    header,
    sheet_ref,
    sheet_title,
    widths,
)

# Columns of the « Aide par année » sheet that readers of the file (tests, the agreement check) look up.
AID_AMOUNT_COLUMN = "J"  # the live formula
AID_STATEMENT_COLUMN = "K"  # the app's statement, as values
YES, NO = "oui", "non"


AID_TOTAL_LABEL = both(N_("Total aid"))


def split_sheet(wb: Workbook, n_baseline: int, n_reporting: int, n_years: int, language: str) -> None:
    """Each reporting period's avoided m³ spread over the program years by its days (savings_by_program_year).

    Year y runs from EDATE(ProgramStart, 12(y − 1)) to the day before EDATE(ProgramStart, 12y), as
    core/sge/deadlines.py program_year_bounds; days before year 1 belong to no program year.
    """
    ws = wb.create_sheet(sheet_title(SPLIT, language))
    years = [
        f"{label.text('fr')} / {label.text('en')} (m³)"
        for label in (message("Year {year}", year=str(y)) for y in range(1, n_years + 1))
    ]
    header(ws, [both(N_("Start")), both(N_("End")), both(N_("Days")), both(N_("Avoided"), " (m³)"),
                both(N_("Before year 1"), " (m³)"), *years])  # fmt: skip
    calc = sheet_ref(CALC, language)
    for i in range(2, n_reporting + 2):
        c = i + n_baseline
        per_day = f"$D{i}/$C{i}"
        cells: list[object] = [f"={calc}B{c}", f"={calc}C{c}", f"={calc}D{c}", f"={calc}I{c}",
                               f"={per_day}*MAX(0,MIN($B{i},ProgramStart-1)-$A{i}+1)"]  # fmt: skip
        for y in range(1, n_years + 1):
            start, end = f"EDATE(ProgramStart,{12 * (y - 1)})", f"EDATE(ProgramStart,{12 * y})-1"
            cells.append(f"={per_day}*MAX(0,MIN($B{i},{end})-MAX($A{i},{start})+1)")
        ws.append(cells)
        formats(ws, i, {get_column_letter(c): M3 for c in range(4, 6 + n_years)} | {"A": DAY, "B": DAY})
    total = split_total_row(n_reporting)
    ws[f"A{total}"] = "Total"
    ws[f"A{total}"].font = TOTAL_FONT
    for index in range(4, 6 + n_years):
        col = get_column_letter(index)
        ws[f"{col}{total}"] = f"=SUM({col}2:{col}{n_reporting + 1})"
        ws[f"{col}{total}"].number_format = M3
        ws[f"{col}{total}"].font = TOTAL_FONT


def split_column(year: int) -> str:
    """Column of the SPLIT sheet that holds program year `year`'s avoided m³."""
    column: str = get_column_letter(5 + year)
    return column


def split_total_row(n_reporting: int) -> int:
    """Row of the SPLIT sheet that holds each program year's avoided m³."""
    return n_reporting + 3


def aid_sheet(
    wb: Workbook,
    aid: SavingsFollowUpStatement,
    program_start: date | None,
    program_years: Sequence[ProgramYearSavings],
    n_reporting: int,
    language: str,
) -> Worksheet:
    """Phase-5 aid per program year as live formulas, the app's statement beside (the guide's inputs go below:
    sge_workbook.py)."""
    ws = wb.create_sheet(sheet_title(AID, language))
    header(ws, [both(N_("Program year")), both(N_("From")), both(N_("To")), both(N_("Avoided"), " (m³)"),
                both(N_("Year complete (yes/no)")), both(N_("Counted, whole m³")),
                both(N_("New measures (yes/no)")), both(N_("m³ × rate"), " ($)"), both(N_("Cap left"), " ($)"),
                both(N_("Aid"), " ($)"), both(N_("App's aid"), " ($)"), both(N_("Difference"), " ($)"),
                both(N_("Rule the app applied"))])  # fmt: skip
    widths(ws, {"A": 11, "B": 12, "C": 12, "D": 14, "E": 13, "F": 14, "G": 14, "H": 15, "I": 15, "J": 15,
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
            f"={sheet_ref(SPLIT, language)}{split_column(year.year)}{split_row}",
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
            ws[f"{col}{i}"].fill = INPUT_FILL
        ws[f"K{i}"].fill = APP_FILL
        formats(ws, i, {"B": DAY, "C": DAY, "D": "#,##0.00", "F": M3, "H": MONEY, "I": MONEY, "J": MONEY,
                        "K": MONEY, "L": MONEY})  # fmt: skip
    last = len(aid.years) + 1
    total = aid_total_row(aid)
    ws[f"A{total}"] = AID_TOTAL_LABEL
    ws[f"J{total}"] = f"=SUM(J2:J{last})"
    ws[f"K{total}"] = float(aid.aid.amount)
    ws[f"L{total}"] = f"=J{total}-K{total}"
    ws[f"M{total}"] = f"{aid.aid.explanation('fr')} / {aid.aid.explanation('en')}"
    ws[f"M{total}"].alignment = WRAP
    ws[f"K{total}"].fill = APP_FILL
    for col in "JKL":
        ws[f"{col}{total}"].number_format = MONEY
    for col in "AJK":
        ws[f"{col}{total}"].font = TOTAL_FONT
    return ws


def aid_total_row(aid: SavingsFollowUpStatement) -> int:
    """Row of the AID sheet that holds the total aid (AID_AMOUNT_COLUMN, AID_STATEMENT_COLUMN)."""
    return len(aid.years) + 3
