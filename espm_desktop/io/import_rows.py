"""One row's cells → a bill (ImportRow), a SkippedRow, or the list of RowErrors (one per bad cell).

A reader finds which column holds which field (io.bill_fields), then hands each row's cells to a
`RowBuilder` made for the sheet. `build` is the rule: every value of an ImportRow is checked here
(parse_values and the core rules hold them): finite numbers within what the database holds, plausible
dates, names in their one normalised form (`normalise_name`) and no longer than their column.

The readers call io.row_reader.RowReader, which stores the rows that pass every check without building them
and hands any other row to `build`. Both read dates and text numbers through the run's DateCells and
NumberCells, which decide the file's formats (io.import_formats).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from espm_desktop.core.energy import UnknownUnitError
from espm_desktop.core.i18n import Message, message
from espm_desktop.core.numbers import DecimalMark
from espm_desktop.io.bill_fields import FIELD_LABELS, NAME_TOO_LONG, Field
from espm_desktop.io.csv_files import unquote
from espm_desktop.io.import_formats import DateCells, NumberCells
from espm_desktop.io.import_types import ImportRow, RowError, SkippedRow
from espm_desktop.io.meter_labels import MeterLabels
from espm_desktop.io.parse_values import (
    ESPM_ID_MAX_CHARS,
    NAME_MAX_CHARS,
    CellValue,
    DateBounds,
    DateOrder,
    ValueParseError,
    check_bill_date,
    check_cost,
    check_name,
    check_usage,
    decimal_mark_of,
    is_blank,
    normalise_name,
    not_finite,
    parse_money,
    parse_number,
    parse_yes_no,
    text_of,
)
from espm_desktop.io.row_checks import row_names_fit, row_value_errors, row_values_fit
from espm_desktop.io.row_store import RowMeter

__all__ = ["FIELD_LABELS", "Field", "RowBuilder", "row_names_fit", "row_value_errors", "row_values_fit"]


@dataclass(slots=True)
class _Kind:
    """A row's energy type and unit as its labels say, with the problems found."""

    energy: str | None
    unit: str | None
    problems: list[tuple[Field, CellValue, Message]]


@dataclass(slots=True)
class RowBuilder:
    """Turns one sheet's rows into bills; holds what is constant for the sheet and the run's readers."""

    file: str
    sheet: str
    columns: dict[Field, int]
    headers: list[str]
    date_order: DateOrder | None = None
    decimal_comma: bool | None = None
    fixed: dict[Field, str] = field(default_factory=dict)
    skip_existing_entries: bool = False
    """True for upload templates: a row with a Meter Consumption ID is already in ESPM."""
    today: date | None = None
    """The day dates are judged against (a bill may end up to a year after it); None for the real today."""
    dates: DateCells | None = None
    """The run's date reader; made from `date_order` when None."""
    numbers: NumberCells | None = None
    """The run's number reader; made from `decimal_comma` when None."""
    labels: MeterLabels | None = None
    unquote: bool = False
    """CSV cells: drop the quote written before text that looks like a formula."""
    _dates: DateCells = field(init=False, repr=False)
    _numbers: NumberCells = field(init=False, repr=False)
    _labels: MeterLabels = field(init=False, repr=False)
    _bounds: DateBounds = field(init=False, repr=False)
    _defaults: dict[Field, CellValue] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._dates = self.dates if self.dates is not None else DateCells(self.date_order, guess=False)
        self._numbers = (
            self.numbers
            if self.numbers is not None
            else NumberCells(decimal_mark_of(self.decimal_comma), DecimalMark.POINT)
        )
        self._labels = self.labels if self.labels is not None else MeterLabels()
        self._bounds = DateBounds.around(self.today)
        self._defaults = {f: self.fixed.get(f) or None for f in Field}

    # ------------------------------------------------------------------------------- the rule, cell by cell

    @property
    def date_cells(self) -> DateCells:
        return self._dates

    @property
    def number_cells(self) -> NumberCells:
        return self._numbers

    @property
    def bounds(self) -> DateBounds:
        return self._bounds

    def default(self, f: Field) -> CellValue:
        """What a blank cell of `f` reads as: the field's fixed value, or None."""
        return self._defaults[f]

    def row_meter(self, row: list[CellValue]) -> RowMeter | None:
        """The row's property and meter when `build` would find nothing wrong with them (nor skip the row)."""
        cells = self._cells(row)
        kind = self._kind(cells)
        if isinstance(kind, SkippedRow) or kind.problems:
            return None
        return self._meter(cells, kind, [])

    def _cells(self, row: list[CellValue]) -> dict[Field, CellValue]:
        """Each field's cell; a blank or missing cell gives the fixed value or None."""
        cells: dict[Field, CellValue] = {}
        for f in Field:
            index = self.columns.get(f)
            value = row[index] if index is not None and index < len(row) else None
            if type(value) is str and self.unquote:
                value = unquote(value)
            cells[f] = self._defaults[f] if value is None or is_blank(value) else value
        return cells

    def _column(self, f: Field) -> str:
        index = self.columns.get(f)
        if index is None:
            return FIELD_LABELS[f]
        return self.headers[index] if index < len(self.headers) else f"#{index + 1}"

    def _error(self, number: int, f: Field, value: CellValue, reason: Message) -> RowError:
        return RowError(self.file, self.sheet, number, self._column(f), text_of(value), reason)

    def build(self, row: list[CellValue], number: int) -> ImportRow | SkippedRow | list[RowError]:
        """The row as a bill, a skipped row, or one RowError per bad cell."""
        cells = self._cells(row)
        consumption_id = text_of(cells[Field.CONSUMPTION_ID]) or None
        if self.skip_existing_entries and consumption_id:
            return SkippedRow(
                self.file,
                self.sheet,
                number,
                message(
                    "Meter Consumption ID {id}: this bill is already in Portfolio Manager.", id=consumption_id
                ),
            )
        kind = self._kind(cells)
        if isinstance(kind, SkippedRow):
            self._note_formats(cells)
            return SkippedRow(self.file, self.sheet, number, kind.reason)
        problems = list(kind.problems)
        delivery, start, end = self._period(cells, problems)
        usage = self._usage(cells[Field.USAGE], problems)
        cost: Decimal | None = None
        if cells[Field.COST] is not None:
            try:
                cost = check_cost(self._money(cells[Field.COST]))
            except ValueParseError as exc:
                problems.append((Field.COST, cells[Field.COST], exc.problem))
        estimated = False
        try:
            estimated = parse_yes_no(cells[Field.ESTIMATED])
        except ValueParseError as exc:
            problems.append((Field.ESTIMATED, cells[Field.ESTIMATED], exc.problem))
        meter = self._meter(cells, kind, problems)
        if problems:
            return [self._error(number, f, cell, reason) for f, cell, reason in problems]
        assert meter is not None and usage is not None and start is not None and end is not None
        return ImportRow(
            file=self.file,
            sheet=self.sheet,
            row_number=number,
            property_key=meter.property_key,
            property_name=meter.property_name,
            meter_key=meter.meter_key,
            meter_name=meter.meter_name,
            energy_type=meter.energy_type,
            unit=meter.unit,
            start=start,
            end=end,
            usage=usage,
            cost=cost,
            estimated=estimated,
            consumption_id=consumption_id,
            property_espm_id=meter.property_espm_id,
            meter_espm_id=meter.meter_espm_id,
            delivery=delivery,
        )

    def _note_formats(self, cells: dict[Field, CellValue]) -> None:
        """A skipped row's dates and numbers still tell the file's formats (as every row's do)."""
        for f in (Field.START, Field.END, Field.DELIVERY_DATE):
            self._dates.note(cells[f])
        for f in (Field.USAGE, Field.COST):
            self._numbers.note(cells[f])

    def _kind(self, cells: dict[Field, CellValue]) -> _Kind | SkippedRow:
        """Energy type and unit from the meter-type and unit labels (a non-energy meter is skipped)."""
        problems: list[tuple[Field, CellValue, Message]] = []
        type_cell, unit_cell = cells[Field.METER_TYPE], cells[Field.UNIT]
        type_label = text_of(type_cell)
        energy: str | None = None
        if type_label:
            if self._labels.is_non_energy(type_label):
                return SkippedRow(
                    self.file,
                    self.sheet,
                    0,
                    message(
                        "'{label}' is not an energy meter (water, waste and IT meters are not imported).",
                        label=type_label,
                    ),
                )
            try:
                energy = self._labels.energy_type(type_label)
            except UnknownUnitError as exc:
                problems.append((Field.METER_TYPE, type_cell, exc.problem))
        unit: str | None = None
        unit_label = text_of(unit_cell)
        if not unit_label:
            problems.append(
                (Field.UNIT, unit_cell, message("The unit is missing (e.g. kWh, cm (cubic meters), GJ)."))
            )
        elif not (type_label and energy is None):
            try:
                found_type, unit = self._labels.unit(unit_label, energy)
                if energy is None:
                    energy = found_type
                    if energy is None:
                        problems.append(
                            (
                                Field.METER_TYPE,
                                type_cell,
                                message(
                                    "The energy type is missing and the unit '{unit}' fits several types.",
                                    unit=unit_label,
                                ),
                            )
                        )
            except UnknownUnitError as exc:
                problems.append((Field.UNIT, unit_cell, exc.problem))
        return _Kind(energy, unit, problems)

    def _period(
        self, cells: dict[Field, CellValue], problems: list[tuple[Field, CellValue, Message]]
    ) -> tuple[bool, date | None, date | None]:
        start_cell, end_cell, delivery_cell = cells[Field.START], cells[Field.END], cells[Field.DELIVERY_DATE]
        if start_cell is None and end_cell is None and delivery_cell is not None:
            day = self._date(Field.DELIVERY_DATE, delivery_cell, problems)
            return True, day, day
        start = self._date(Field.START, start_cell, problems)
        end = self._date(Field.END, end_cell, problems)
        if start is not None and end is not None and end < start:
            problems.append(
                (
                    Field.END,
                    end_cell,
                    message(
                        "The end date {end} is before the start date {start}.",
                        end=end.isoformat(),
                        start=start.isoformat(),
                    ),
                )
            )
        return False, start, end

    def _date(
        self, f: Field, cell: CellValue, problems: list[tuple[Field, CellValue, Message]]
    ) -> date | None:
        if cell is None:
            problems.append((f, cell, message("{field} is missing.", field=Message(FIELD_LABELS[f]))))
            return None
        try:
            return check_bill_date(date.fromordinal(self._dates.ordinal(cell)), self._bounds)
        except ValueParseError as exc:
            problems.append((f, cell, exc.problem))
            return None

    def _number(self, cell: CellValue) -> float:
        """A finite float: a number cell as it is, text by the file's decimal mark."""
        if type(cell) is float:
            if cell - cell == 0.0:
                return cell
            raise not_finite(text_of(cell))
        if isinstance(cell, str):
            number = float(self._numbers.text(cell))
            if not math.isfinite(number):
                raise not_finite(text_of(cell))
            return number
        return parse_number(cell)

    def _money(self, cell: CellValue) -> Decimal:
        if isinstance(cell, str):
            money = Decimal(self._numbers.text(cell))
            if not money.is_finite():
                raise not_finite(text_of(cell))
            return money
        return parse_money(cell)

    def _usage(self, cell: CellValue, problems: list[tuple[Field, CellValue, Message]]) -> float | None:
        if cell is None:
            problems.append((Field.USAGE, cell, message("The usage is missing.")))
            return None
        try:
            return check_usage(self._number(cell))
        except ValueParseError as exc:
            problems.append((Field.USAGE, cell, exc.problem))
            return None

    def _meter(
        self, cells: dict[Field, CellValue], kind: _Kind, problems: list[tuple[Field, CellValue, Message]]
    ) -> RowMeter | None:
        """The row's property and meter, names normalised and checked against their columns."""
        texts: dict[Field, str] = {}
        for f in (Field.PROPERTY_ID, Field.PROPERTY_NAME, Field.METER_ID, Field.METER_NAME):
            cell = cells[f]
            texts[f] = normalise_name(cell) if isinstance(cell, str) else text_of(cell)
        property_id, property_name = texts[Field.PROPERTY_ID], texts[Field.PROPERTY_NAME]
        meter_id, meter_name = texts[Field.METER_ID], texts[Field.METER_NAME]
        if not property_id and not property_name:
            problems.append(
                (Field.PROPERTY_NAME, None, message("The property is missing (name or ESPM ID)."))
            )
        for f, limit in (
            (Field.PROPERTY_NAME, NAME_MAX_CHARS),
            (Field.METER_NAME, NAME_MAX_CHARS),
            (Field.PROPERTY_ID, ESPM_ID_MAX_CHARS),
            (Field.METER_ID, ESPM_ID_MAX_CHARS),
        ):
            if len(texts[f]) > limit:
                try:
                    check_name(texts[f], NAME_TOO_LONG[f], limit)
                except ValueParseError as exc:
                    problems.append((f, cells[f], exc.problem))
        if problems or kind.energy is None or kind.unit is None:
            return None
        meter_label = meter_name or kind.energy
        return RowMeter(
            file=self.file,
            sheet=self.sheet,
            property_key=property_id or property_name,
            property_name=property_name or property_id,
            property_espm_id=property_id or None,
            meter_key=meter_id or f"{meter_label}|{kind.energy}",
            meter_name=meter_label,
            energy_type=kind.energy,
            unit=kind.unit,
            meter_espm_id=meter_id or None,
        )
