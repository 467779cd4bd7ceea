"""What a reader calls for each data row of a sheet: a clean row goes straight into the run's RowStore.

`RowReader.add` reads each distinct property and meter (names, meter-type and unit labels) once per run, then a
row's own cells — dates through the run's DateCells, text numbers by the one decimal-mark rule — and stores the
row when every check passes. Any other row (a bad cell, a skipped meter, a fuel delivery, a fixed value for a
blank cell) goes to the rule, io.import_rows.RowBuilder.build, which says what it is; tests hold that what the
reader stores is what the rule builds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import Any

from espm_desktop.io.bill_fields import Field
from espm_desktop.io.csv_files import unquote
from espm_desktop.io.import_formats import DateCells, NumberCells
from espm_desktop.io.import_rows import RowBuilder
from espm_desktop.io.import_types import ImportRow, RowError, SkippedRow
from espm_desktop.io.parse_values import COST_MAX, USAGE_MAX, CellValue, is_blank, parse_yes_no, text_of
from espm_desktop.io.row_store import ESTIMATED, RowStore, exact_cost

# The fields that name a row's property and meter: read once per distinct combination of their cells.
_METER_FIELDS = (
    Field.PROPERTY_ID,
    Field.PROPERTY_NAME,
    Field.METER_ID,
    Field.METER_NAME,
    Field.METER_TYPE,
    Field.UNIT,
)
_COST_LIMIT = float(COST_MAX)
_DIGITS = frozenset("0123456789")
_MEMO_MAX = 100_000


@dataclass(slots=True)
class ReadRows:
    """What the rows of a run gave: bills, errors, skipped rows."""

    rows: RowStore = field(default_factory=RowStore)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


@dataclass(slots=True)
class RowReader:
    """Reads one sheet's rows into `out` for the `rule` made for the sheet."""

    rule: RowBuilder
    out: ReadRows
    _width: int = field(init=False, default=0)
    _nones: list[CellValue] = field(init=False, default_factory=list)
    _extra: list[CellValue] = field(init=False, default_factory=list)
    """The fixed value (or None) of each field the sheet has no column for, read as cells after its own."""
    _consumption_at: int = field(init=False, default=0)
    _start_at: int = field(init=False, default=0)
    _end_at: int = field(init=False, default=0)
    _usage_at: int = field(init=False, default=0)
    _cost_at: int = field(init=False, default=0)
    _estimated_at: int = field(init=False, default=0)
    _meter_cells: Any = field(init=False, default=None)
    _meters: dict[Any, int | None] = field(init=False, default_factory=dict)
    """The store's number of each combination of meter cells met (None: `build` must say what is wrong)."""
    _yes_no: dict[Any, bool] = field(init=False, default_factory=dict)
    _lowest: int = field(init=False, default=0)
    _highest: int = field(init=False, default=0)
    _dates: DateCells = field(init=False)
    _numbers: NumberCells = field(init=False)
    _fixed_consumption: CellValue = field(init=False, default=None)
    _fixed_cost: CellValue = field(init=False, default=None)
    _fixed_estimated: CellValue = field(init=False, default=None)

    def __post_init__(self) -> None:
        columns = self.rule.columns
        self._width = max(columns.values(), default=-1) + 1
        self._nones = [None] * self._width
        self._extra = [self.rule.default(f) for f in Field if f not in columns]
        absent = iter(range(self._width, self._width + len(self._extra)))
        at = {f: columns[f] if f in columns else next(absent) for f in Field}
        self._meter_cells = itemgetter(*(at[f] for f in _METER_FIELDS))
        self._consumption_at = at[Field.CONSUMPTION_ID]
        self._start_at, self._end_at = at[Field.START], at[Field.END]
        self._usage_at, self._cost_at = at[Field.USAGE], at[Field.COST]
        self._estimated_at = at[Field.ESTIMATED]
        bounds = self.rule.bounds
        self._lowest, self._highest = bounds.earliest.toordinal(), bounds.latest.toordinal()
        self._dates, self._numbers = self.rule.date_cells, self.rule.number_cells
        self._fixed_consumption = self.rule.default(Field.CONSUMPTION_ID)
        self._fixed_cost = self.rule.default(Field.COST)
        self._fixed_estimated = self.rule.default(Field.ESTIMATED)

    def add(self, row: list[CellValue], number: int) -> None:
        """Put the row into `out`: as a bill when every check passes, else as the rule decides."""
        width = self._width
        if len(row) != width:
            row = row[:width] if len(row) > width else [*row, *self._nones[len(row) :]]
        if self._extra:
            row = [*row, *self._extra]
        try:
            if self._stored(row, number):
                return
        except ValueError:  # ValueParseError and UnknownUnitError: `build` says which cell and why
            pass
        result = self.rule.build(row, number)
        if isinstance(result, ImportRow):
            self.out.rows.append(result)
        elif isinstance(result, SkippedRow):
            self.out.skipped.append(result)
        else:
            self.out.errors.extend(result)

    def _meter_number(self, row: list[CellValue]) -> int | None:
        key = self._meter_cells(row)
        found = self._meters.get(key, -1)
        if found == -1:
            meter = self.rule.row_meter(row)
            found = None if meter is None else self.out.rows.meter_number(meter)
            if len(self._meters) < _MEMO_MAX:
                self._meters[key] = found
        return found

    def _stored(self, row: list[CellValue], number: int) -> bool:
        """True when the row passed every check and is in the store; False (or a ValueError) for the rule."""
        meter = self._meter_number(row)
        if meter is None:
            return False
        consumption_id: str | None = None
        cell = row[self._consumption_at]
        if cell is None or is_blank(cell):
            if self._fixed_consumption is not None:
                return False
        else:
            rule = self.rule
            consumption_id = (
                text_of(unquote(cell) if rule.unquote and isinstance(cell, str) else cell) or None
            )
            if consumption_id and rule.skip_existing_entries:
                return False
        dates = self._dates
        start_cell, end_cell = row[self._start_at], row[self._end_at]
        start = dates.ordinals.get(start_cell) or dates.ordinal(start_cell)
        end = dates.ordinals.get(end_cell) or dates.ordinal(end_cell)
        if not self._lowest <= start <= end <= self._highest:
            return False
        usage_cell = row[self._usage_at]
        if type(usage_cell) is str:
            usage = float(self._numbers.text(usage_cell))
        elif type(usage_cell) is float:
            usage = usage_cell
        else:
            return False
        if not 0.0 <= usage <= USAGE_MAX:  # also False for NaN
            return False
        cost_cell = row[self._cost_at]
        exact: Decimal | None = None
        if cost_cell is None or (
            type(cost_cell) is str and cost_cell[:1] not in _DIGITS and is_blank(cost_cell)
        ):
            if self._fixed_cost is not None:
                return False
            cost = math.nan
        else:
            if type(cost_cell) is str:
                canonical = self._numbers.text(cost_cell)
                cost = float(canonical)
                if len(canonical) > 16:  # perhaps more digits than a float keeps
                    exact = exact_cost(canonical)
            elif type(cost_cell) is float and cost_cell == cost_cell:
                cost = cost_cell
            else:
                return False
            if not -_COST_LIMIT < cost < _COST_LIMIT:
                return False
        estimated_cell = row[self._estimated_at]
        estimated = self._yes_no.get(estimated_cell)
        if estimated is None:
            blank = is_blank(estimated_cell)
            estimated = parse_yes_no(self._fixed_estimated if blank else estimated_cell)
            if len(self._yes_no) < 1000:
                self._yes_no[estimated_cell] = estimated
        flags = ESTIMATED if estimated else 0
        self.out.rows.add(meter, number, start, end, usage, cost, flags, consumption_id, exact)
        return True
