"""The bills read from one file, kept by column: a `Sequence[ImportRow]` of about 45 bytes a row.

A million ImportRow objects (with their Decimal costs and row numbers) take ~400 MB; a file's rows differ in
their dates, usage and cost, while the property and meter they name (`RowMeter`) repeat on every row. So a
RowStore keeps one RowMeter per distinct property and meter, and each row's own values in arrays; indexing
gives the row back as an ImportRow, equal to the one the reader read. The import plan reads the columns.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import overload

from espm_desktop.io.import_types import ImportRow

ESTIMATED = 1
"""`RowStore.flags` bit of an estimated bill."""
DELIVERY = 2
"""`RowStore.flags` bit of a fuel delivery (start == end == the delivery date)."""
_NO_ID = -1
_EXACT_DIGITS = 15
"""A decimal of at most 15 significant digits comes back from its float unchanged (DBL_DIG)."""


@dataclass(frozen=True, slots=True)
class RowMeter:
    """The property and meter a row names, in their checked, normalised form (ImportRow's fields)."""

    file: str
    sheet: str
    property_key: str
    property_name: str
    property_espm_id: str | None
    meter_key: str
    meter_name: str
    energy_type: str
    unit: str
    meter_espm_id: str | None

    @classmethod
    def of(cls, row: ImportRow) -> RowMeter:
        return cls(
            file=row.file,
            sheet=row.sheet,
            property_key=row.property_key,
            property_name=row.property_name,
            property_espm_id=row.property_espm_id,
            meter_key=row.meter_key,
            meter_name=row.meter_name,
            energy_type=row.energy_type,
            unit=row.unit,
            meter_espm_id=row.meter_espm_id,
        )


def _fits_float(canonical: str) -> bool:
    digits = len(canonical) - canonical.count("-") - canonical.count(".")
    return digits <= _EXACT_DIGITS


class RowStore(Sequence[ImportRow]):
    """Rows by column. `meter_of[i]` indexes `meters`; dates are day ordinals; a missing cost is NaN."""

    __slots__ = (
        "_exact_costs",
        "_has_ids",
        "_ids",
        "_meter_numbers",
        "consumption_ids",
        "costs",
        "ends",
        "flags",
        "meter_of",
        "meters",
        "numbers",
        "starts",
        "usages",
    )

    def __init__(self) -> None:
        self.meters: list[RowMeter] = []
        self._meter_numbers: dict[RowMeter, int] = {}
        self.meter_of = array("i")
        self.numbers = array("i")
        """Row numbers as Excel shows them."""
        self.starts = array("i")
        self.ends = array("i")
        self.usages = array("d")
        """In the row's unit (RowMeter.unit)."""
        self.costs = array("d")
        self.flags = bytearray()
        self.consumption_ids = array("q")
        """Beside each row once any row has one (-1: none, or one of `_ids`)."""
        self._has_ids = False
        self._ids: dict[int, str] = {}
        """Consumption IDs that are not plain numbers, by row."""
        self._exact_costs: dict[int, Decimal] = {}
        """Costs a float cannot give back digit for digit, by row."""

    def meter_number(self, meter: RowMeter) -> int:
        """The index of `meter` in `meters`, added when new."""
        found = self._meter_numbers.get(meter)
        if found is None:
            found = self._meter_numbers[meter] = len(self.meters)
            self.meters.append(meter)
        return found

    def add(
        self,
        meter: int,
        number: int,
        start: int,
        end: int,
        usage: float,
        cost: float,
        flags: int,
        consumption_id: str | None,
        exact_cost: Decimal | None = None,
    ) -> None:
        """One row: `cost` NaN for none, `flags` from `row_flags`; `exact_cost` when a float would round it."""
        if exact_cost is not None:
            self._exact_costs[len(self.numbers)] = exact_cost
        self.meter_of.append(meter)
        self.numbers.append(number)
        self.starts.append(start)
        self.ends.append(end)
        self.usages.append(usage)
        self.costs.append(cost)
        self.flags.append(flags)
        if consumption_id is None:
            if self._has_ids:
                self.consumption_ids.append(_NO_ID)
            return
        if not self._has_ids:
            self._has_ids = True
            self.consumption_ids.extend([_NO_ID] * (len(self.numbers) - 1))
        if _plain_id(consumption_id):
            self.consumption_ids.append(int(consumption_id))
        else:
            self._add_id(consumption_id)

    def _add_id(self, text: str) -> None:
        self._ids[len(self.consumption_ids)] = text
        self.consumption_ids.append(_NO_ID)

    def append(self, row: ImportRow) -> None:
        """A row made by other means (its values checked by the caller)."""
        cost = math.nan if row.cost is None else float(row.cost)
        exact = row.cost if row.cost is not None and Decimal(repr(cost)) != row.cost else None
        self.add(
            self.meter_number(RowMeter.of(row)),
            row.row_number,
            row.start.toordinal(),
            row.end.toordinal(),
            row.usage,
            cost,
            row_flags(row.estimated, row.delivery),
            row.consumption_id,
            exact,
        )

    def cost(self, index: int) -> Decimal | None:
        value = self.costs[index]
        if value != value:
            return None
        exact = self._exact_costs.get(index) if self._exact_costs else None
        return exact if exact is not None else Decimal(repr(value))

    def consumption_id(self, index: int) -> str | None:
        if not self._has_ids:
            return None
        value = self.consumption_ids[index]
        if value != _NO_ID:
            return str(value)
        return self._ids.get(index)

    def row(self, index: int) -> ImportRow:
        meter = self.meters[self.meter_of[index]]
        flags = self.flags[index]
        return ImportRow(
            file=meter.file,
            sheet=meter.sheet,
            row_number=self.numbers[index],
            property_key=meter.property_key,
            property_name=meter.property_name,
            meter_key=meter.meter_key,
            meter_name=meter.meter_name,
            energy_type=meter.energy_type,
            unit=meter.unit,
            start=date.fromordinal(self.starts[index]),
            end=date.fromordinal(self.ends[index]),
            usage=self.usages[index],
            cost=self.cost(index),
            estimated=bool(flags & ESTIMATED),
            consumption_id=self.consumption_id(index),
            property_espm_id=meter.property_espm_id,
            meter_espm_id=meter.meter_espm_id,
            delivery=bool(flags & DELIVERY),
        )

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, index: int) -> ImportRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[ImportRow]: ...

    def __getitem__(self, index: int | slice) -> ImportRow | list[ImportRow]:
        if isinstance(index, slice):
            return [self.row(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.row(index)

    def __iter__(self) -> Iterator[ImportRow]:
        for index in range(len(self)):
            yield self.row(index)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same rows (a list of ImportRow made by other means too)."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


def _plain_id(text: str) -> bool:
    """Digits an int gives back unchanged (no leading zero) that fit the 64-bit column."""
    return 0 < len(text) < 19 and text.isascii() and text.isdigit() and (text[0] != "0" or text == "0")


def row_flags(estimated: bool, delivery: bool) -> int:
    return (ESTIMATED if estimated else 0) | (DELIVERY if delivery else 0)


def exact_cost(canonical: str) -> Decimal | None:
    """A cost's canonical text as a Decimal when its float would not give its digits back, else None."""
    return None if _fits_float(canonical) else Decimal(canonical)
