"""Run the row builder over the data rows of one or more sheets, deciding the file's formats as it goes.

Formats are decided once per file, from every text cell of its date and number columns (io.import_formats):
DD/MM vs MM/DD (AmbiguousDateFormat when no date decides and the caller did not choose) and the decimal mark
(core.numbers rule 6: the one the numbers show; a ';'-separated CSV from French Excel uses decimal commas;
else the importer's). The rows are read once; a second time only when the end of the file decided a format
otherwise than its beginning had been read with.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from espm_desktop.core.numbers import DecimalMark
from espm_desktop.io.bill_fields import Field
from espm_desktop.io.csv_files import CsvRows
from espm_desktop.io.import_formats import DateCells, NumberCells
from espm_desktop.io.import_rows import RowBuilder
from espm_desktop.io.import_types import AmbiguousDateFormat, ImportBatch
from espm_desktop.io.meter_labels import MeterLabels
from espm_desktop.io.parse_values import CellValue, DateOrder, text_of
from espm_desktop.io.row_reader import ReadRows, RowReader
from espm_desktop.io.tables import Sheet, TableFile, is_empty_row

_DATE_FIELDS = (Field.START, Field.END, Field.DELIVERY_DATE)


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

    def data_rows(self) -> Iterator[tuple[int, list[CellValue]]]:
        """(row number as Excel shows it, cells) of every non-empty row below the header, as they are read."""
        rows = self.sheet.rows
        start = self.header_index + 1
        found = rows.iter_from(start) if isinstance(rows, CsvRows) else itertools.islice(rows, start, None)
        for number, row in enumerate(found, start=start + 1):
            first = row[0] if row else None
            if (type(first) is str and first and not first.isspace()) or not is_empty_row(row):
                yield number, row


def run_plans(
    batch: ImportBatch,
    table: TableFile,
    plans: list[SheetPlan],
    date_order: DateOrder | None,
    decimal_mark: DecimalMark = DecimalMark.POINT,
) -> None:
    """Fill `batch` with the rows, errors and skipped rows of every planned sheet.

    `date_order` is the one the person chose (None: the file's dates decide); `decimal_mark` the importer's,
    for a file whose numbers show none.
    """
    semicolons = table.is_csv and table.csv_delimiter == ";"
    dates = DateCells(date_order)
    numbers = NumberCells(None, decimal_mark, semicolons)
    while True:
        read = ReadRows()
        labels = MeterLabels()
        for plan in plans:
            for f in _DATE_FIELDS:
                if f in plan.fixed:
                    dates.note(plan.fixed[f])
            rule = RowBuilder(
                file=table.file_name,
                sheet=plan.sheet.name,
                columns=plan.columns,
                headers=plan.headers,
                fixed=plan.fixed,
                skip_existing_entries=plan.skip_existing_entries,
                dates=dates,
                numbers=numbers,
                labels=labels,
                unquote=table.is_csv,
            )
            reader = RowReader(rule, read)
            for number, row in plan.data_rows():
                reader.add(row, number)
        guess = dates.guess()
        if guess.order is None and (guess.ambiguous_examples or guess.conflicting):
            raise AmbiguousDateFormat(table.file_name, guess.ambiguous_examples, guess.conflicting)
        mark, decimal_comma = numbers.decided()
        if dates.consistent(guess.order) and numbers.consistent(mark):
            break
        # The end of the file decided otherwise than its beginning was read with: read it again, decided.
        dates = DateCells(guess.order)
        numbers = NumberCells(mark, decimal_mark, semicolons)
    batch.rows = read.rows
    batch.errors.extend(read.errors)
    batch.skipped.extend(read.skipped)
    batch.date_order = guess.order
    batch.decimal_comma = decimal_comma
