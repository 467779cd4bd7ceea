"""The SGÉ calculation workbook's furniture: its sheets' names in the reader's language, the bilingual labels, the
cell styles and number formats, and the page setup every sheet shares (reports/sge_workbook.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from espm_desktop.core.i18n import N_, _

# The sheets, English catalog ids: the workbook is written in its reader's language (`sheet_title`), and every
# formula that reads another sheet names it in that language (`sheet_ref`).
INPUTS = N_("Inputs")
TEMPERATURES = N_("Temperatures")
DEGREE_DAYS = N_("Degree days")
REGRESSION = N_("Regression")
MODEL = N_("Model")
CALC = N_("Calculations")
SPLIT = N_("Annual split")
AID = N_("Aid per year")

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells a reviewer may change
APP_FILL = PatternFill("solid", fgColor="E7E6E6")  # the app's own figures, for comparison
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
M3 = "#,##0"
MONEY = '#,##0.00 "$"'
DAY = "yyyy-mm-dd"
# The type of a reporting period's row; the totals sum the rows whose type starts with its French.
REPORTING = N_("Reporting")
HDD_FORMAT = "#,##0.0"
COEFFICIENT = "#,##0.0000"
DIFFERENCE = "0.00E+00"


def sheet_title(sheet: str, language: str) -> str:
    """A sheet's name (INPUTS, MODEL…) in the workbook's language."""
    return _(sheet, language)


def sheet_ref(sheet: str, language: str) -> str:
    """The prefix a formula reads another sheet's cells with: 'Model'! (a quote in the name doubled)."""
    quoted = sheet_title(sheet, language).replace("'", "''")
    return f"'{quoted}'!"


def both(text: str, unit: str = "") -> str:
    """A label for French and English reviewers alike, « Début / Start »: the catalog's French, then the English
    (`text`, a catalog id); `unit` ends it: « Consommation / Use (m³) »."""
    return f"{_(text, 'fr')} / {text}{unit}"


CALTRACK = "CalTRACK 2.0, " + both(N_("billing method"))
G14 = "ASHRAE Guideline 14-2014"


def header(ws: Worksheet, labels: Sequence[str], *, landscape: bool = True) -> None:
    """Header row 1 (frozen, repeated on every printed page) and a page fit to one page wide."""
    ws.append(list(labels))
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
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


def widths(ws: Worksheet, widths: Mapping[str, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[column].width = width


def fit_heights(ws: Worksheet) -> None:
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


def define_name(wb: Workbook, name: str, sheet_ref: str, cell: str) -> None:
    """A workbook-wide name for one cell of the sheet `sheet_ref` (`sheet_ref(sheet, language)`) reads."""
    column, row = coordinate_from_string(cell)
    wb.defined_names[name] = DefinedName(name, attr_text=f"{sheet_ref}${column}${row}")


def formats(ws: Worksheet, row: int, formats: Mapping[str, str]) -> None:
    for column, number_format in formats.items():
        ws[f"{column}{row}"].number_format = number_format
