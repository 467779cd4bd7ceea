"""Run the row builder over the data rows of one or more sheets, after deciding the file's formats.

Formats are decided once per file, from every text cell of its date and number columns: DD/MM vs
MM/DD (AmbiguousDateFormat when no date decides and the caller did not choose) and the decimal
separator (a ';'-separated CSV from French Excel uses decimal commas).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from espm_desktop.io.import_rows import Field, RowBuilder
from espm_desktop.io.import_types import AmbiguousDateFormat, ImportBatch, ImportRow, SkippedRow
from espm_desktop.io.parse_values import CellValue, DateOrder, guess_date_order, guess_decimal_comma, text_of
from espm_desktop.io.sheets import Sheet, TableFile, is_empty_row

_DATE_FIELDS = (Field.START, Field.END, Field.DELIVERY_DATE)
_NUMBER_FIELDS = (Field.USAGE, Field.COST)


@dataclass(slots=True)
class SheetPlan:
    """Where a sheet's header and data are and which column holds which field."""

    sheet: Sheet
    header_index: int
    """0-based index of the header row in sheet.rows."""
    columns: dict[Field, int]
    fixed: dict[Field, str] = field(default_factory=dict)
    skip_existing_entries: bool = False

    @property
    def headers(self) -> list[str]:
        return [text_of(h).replace("\n", " ") for h in self.sheet.rows[self.header_index]]

    def data_rows(self) -> list[tuple[int, list[CellValue]]]:
        """(row number as Excel shows it, cells) of every non-empty row below the header."""
        rows = self.sheet.rows
        return [
            (i + 1, rows[i]) for i in range(self.header_index + 1, len(rows)) if not is_empty_row(rows[i])
        ]

    def column_values(self, fields: tuple[Field, ...]) -> list[CellValue]:
        indexes = [self.columns[f] for f in fields if f in self.columns]
        rows = self.sheet.rows
        values: list[CellValue] = []
        if not indexes:
            return values
        reach = max(indexes) + 1
        pick = itemgetter(*indexes, indexes[0])  # two or more indexes: always a tuple
        for i in range(self.header_index + 1, len(rows)):
            row = rows[i]
            if len(row) >= reach:
                values.extend([v for v in pick(row)[:-1] if isinstance(v, str)])
            else:
                values.extend([row[j] for j in indexes if j < len(row) and isinstance(row[j], str)])
        return values


def decide_formats(
    table: TableFile, plans: list[SheetPlan], date_order: DateOrder | None
) -> tuple[DateOrder | None, bool | None]:
    """The file's date order and decimal-comma style; raises AmbiguousDateFormat when the user must choose."""
    if date_order is None:
        texts: list[CellValue] = []
        for plan in plans:
            texts.extend(plan.column_values(_DATE_FIELDS))
            for f in _DATE_FIELDS:
                if f in plan.fixed:
                    texts.append(plan.fixed[f])
        guess = guess_date_order(texts)
        if guess.order is None and (guess.ambiguous_examples or guess.conflicting):
            raise AmbiguousDateFormat(table.file_name, guess.ambiguous_examples, guess.conflicting)
        date_order = guess.order
    numbers: list[CellValue] = []
    for plan in plans:
        numbers.extend(plan.column_values(_NUMBER_FIELDS))
    decimal_comma = guess_decimal_comma(numbers)
    if decimal_comma is None and table.is_csv and table.csv_delimiter == ";":
        decimal_comma = True
    return date_order, decimal_comma


def run_plans(
    batch: ImportBatch, table: TableFile, plans: list[SheetPlan], date_order: DateOrder | None
) -> None:
    """Fill `batch` with the rows, errors and skipped rows of every planned sheet."""
    order, decimal_comma = decide_formats(table, plans, date_order)
    batch.date_order = order
    batch.decimal_comma = decimal_comma
    for plan in plans:
        builder = RowBuilder(
            file=table.file_name,
            sheet=plan.sheet.name,
            columns=plan.columns,
            headers=plan.headers,
            date_order=order,
            decimal_comma=decimal_comma,
            fixed=plan.fixed,
            skip_existing_entries=plan.skip_existing_entries,
        )
        for number, row in plan.data_rows():
            result = builder.build(row, number)
            if isinstance(result, ImportRow):
                batch.rows.append(result)
            elif isinstance(result, SkippedRow):
                batch.skipped.append(result)
            else:
                batch.errors.extend(result)
