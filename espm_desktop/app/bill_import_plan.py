"""What an import does (or did): the plan, its properties, meters and bills, and its JSON summary.

The bills a plan adds, replaces or finds already stored can number a million: they are kept by column (a row
of the file's RowStore, the meter, the usage in the meter's unit), ~20 bytes each, and read back as typed
records (`PlannedBill`, `ReplacedBill`, ImportRow) by indexing.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, overload

from espm_desktop.io.import_types import BillConflict, ConflictChoice, ImportRow, RowError, SkippedRow
from espm_desktop.io.row_store import RowStore
from espm_desktop.io.tables import FileNotice

PERIOD_SHIFT = 22
"""A bill period as one int: start day ordinal << 22 | end day ordinal (date.max's ordinal < 2**22)."""
PERIOD_END = (1 << PERIOD_SHIFT) - 1


def period_key(start: int, end: int) -> int:
    return start << PERIOD_SHIFT | end


@dataclass(slots=True, eq=False)
class PlannedProperty:
    key: str
    name: str
    espm_id: str | None
    id: int | None = None
    """Database id; None until created."""
    adopt_espm_id: bool = False
    """An existing property matched by name gets the file's ESPM ID."""
    created: bool = False
    street_address: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    gross_floor_area_m2: float | None = None


@dataclass(slots=True, eq=False)
class PlannedMeter:
    """A stored or new meter, with its periods: what a row for it is checked against."""

    prop: PlannedProperty
    name: str
    energy_type: str
    unit: str
    espm_id: str | None
    id: int | None = None
    adopt_espm_id: bool = False
    created: bool = False
    active_date: date | None = None
    inactive_date: date | None = None
    periods: array[int] = field(default_factory=lambda: array("q"))
    """Stored and accepted bills' periods (`period_key`), sorted: the overlap check's state."""
    holders: array[int] = field(default_factory=lambda: array("q"))
    """Beside each period: its index in ImportPlan.bills (≥ 0), or -1 - its index in the stored_ arrays."""
    stored_ids: array[int] = field(default_factory=lambda: array("q"))
    stored_usages: array[float] = field(default_factory=lambda: array("d"))
    stored_costs: array[float] = field(default_factory=lambda: array("d"))
    """NaN for a stored bill without a cost."""
    replacing: dict[int, int] = field(default_factory=dict)
    """Index in ImportPlan.replaced of each stored period this import replaces."""
    received: int = 0


@dataclass(frozen=True, slots=True)
class PlannedBill:
    """A bill the import adds: the file's row, its meter and its usage in the meter's unit."""

    meter: PlannedMeter
    row: ImportRow
    usage: float


@dataclass(frozen=True, slots=True)
class ReplacedBill:
    """A stored bill (its id) whose values the file's row replaces, with the usage in the meter's unit."""

    bill_id: int
    meter: PlannedMeter
    row: ImportRow
    usage: float


class PlannedRows(Sequence[ImportRow]):
    """Rows of the files' RowStores, by reference: what ImportPlan.duplicates lists."""

    __slots__ = ("indexes", "stores")

    def __init__(self) -> None:
        self.stores: list[RowStore] = []
        self.indexes = array("i")

    def add(self, store: RowStore, index: int) -> None:
        self.stores.append(store)
        self.indexes.append(index)

    def __len__(self) -> int:
        return len(self.indexes)

    @overload
    def __getitem__(self, index: int) -> ImportRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[ImportRow]: ...

    def __getitem__(self, index: int | slice) -> ImportRow | list[ImportRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.stores[index].row(self.indexes[index])


class PlannedBills(Sequence[PlannedBill]):
    """The bills a plan adds, by column; `bills[i]` is a PlannedBill."""

    __slots__ = ("indexes", "meters", "stores", "usages")

    def __init__(self) -> None:
        self.stores: list[RowStore] = []
        self.indexes = array("i")
        self.meters: list[PlannedMeter] = []
        self.usages = array("d")

    def add(self, store: RowStore, index: int, meter: PlannedMeter, usage: float) -> None:
        self.stores.append(store)
        self.indexes.append(index)
        self.meters.append(meter)
        self.usages.append(usage)

    def put(self, at: int, store: RowStore, index: int, usage: float) -> None:
        """Another row of the file for the bill at `at` (a conflict resolved by replacing the earlier row)."""
        self.stores[at] = store
        self.indexes[at] = index
        self.usages[at] = usage

    def cost(self, at: int) -> float | None:
        value = self.stores[at].costs[self.indexes[at]]
        return None if value != value else value

    def __len__(self) -> int:
        return len(self.indexes)

    @overload
    def __getitem__(self, index: int) -> PlannedBill: ...

    @overload
    def __getitem__(self, index: slice) -> list[PlannedBill]: ...

    def __getitem__(self, index: int | slice) -> PlannedBill | list[PlannedBill]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self.stores[index].row(self.indexes[index])
        return PlannedBill(meter=self.meters[index], row=row, usage=self.usages[index])

    def __iter__(self) -> Iterator[PlannedBill]:
        for index in range(len(self)):
            yield self[index]


class ReplacedBills(Sequence[ReplacedBill]):
    """The stored bills a plan replaces, by column; `replaced[i]` is a ReplacedBill."""

    __slots__ = ("bill_ids", "bills")

    def __init__(self) -> None:
        self.bill_ids = array("q")
        self.bills = PlannedBills()

    def add(self, bill_id: int, store: RowStore, index: int, meter: PlannedMeter, usage: float) -> None:
        self.bill_ids.append(bill_id)
        self.bills.add(store, index, meter, usage)

    def __len__(self) -> int:
        return len(self.bill_ids)

    @overload
    def __getitem__(self, index: int) -> ReplacedBill: ...

    @overload
    def __getitem__(self, index: slice) -> list[ReplacedBill]: ...

    def __getitem__(self, index: int | slice) -> ReplacedBill | list[ReplacedBill]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        bill = self.bills[index]
        return ReplacedBill(bill_id=self.bill_ids[index], meter=bill.meter, row=bill.row, usage=bill.usage)


@dataclass(slots=True)
class ImportPlan:
    """What an import does (or did): new bills, duplicates, row errors, skipped rows, new properties/meters."""

    files: list[str] = field(default_factory=list)
    bills: PlannedBills = field(default_factory=PlannedBills)
    """Every bill to insert."""
    replaced: ReplacedBills = field(default_factory=ReplacedBills)
    """Every stored bill the files replace."""
    duplicates: PlannedRows = field(default_factory=PlannedRows)
    """Rows the database (or an earlier row) already holds with the same usage and cost."""
    conflicts: list[BillConflict] = field(default_factory=list)
    """Rows whose period is held with another usage or cost, with the choice applied to each."""
    errors: list[RowError] = field(default_factory=list)
    """One per bad cell or bad row; `invalid_rows` counts the rows."""
    skipped: list[SkippedRow] = field(default_factory=list)
    notices: list[FileNotice] = field(default_factory=list)
    """What the files' readers want the user to know (hidden sheets left out)."""
    properties: list[PlannedProperty] = field(default_factory=list)
    meters: list[PlannedMeter] = field(default_factory=list)
    written: bool = False

    @property
    def new_properties(self) -> list[PlannedProperty]:
        return [p for p in self.properties if p.id is None or p.created]

    @property
    def new_meters(self) -> list[PlannedMeter]:
        return [m for m in self.meters if m.id is None or m.created]

    @property
    def invalid_rows(self) -> int:
        """Rows not imported for errors: a row with three bad cells counts once."""
        return len({(e.file, e.sheet, e.row) for e in self.errors})

    @property
    def refused_conflicts(self) -> list[BillConflict]:
        return [c for c in self.conflicts if c.choice is ConflictChoice.FAIL]

    def summary(self, language: str = "en") -> dict[str, Any]:
        """The JSON summary the command line prints."""
        return {
            "files": self.files,
            "imported": len(self.bills) if self.written else 0,
            "new_bills": len(self.bills),
            "replaced": len(self.replaced) if self.written else 0,
            "duplicates": len(self.duplicates),
            "skipped": len(self.skipped),
            "invalid": self.invalid_rows,
            "new_properties": len(self.new_properties),
            "new_meters": len(self.new_meters),
            "written": self.written,
            "errors": [error_dict(e, language) for e in self.errors],
            "conflicts": [conflict_dict(c) for c in self.conflicts],
            "notices": [n.message(language) for n in self.notices],
        }


def error_dict(error: RowError, language: str = "en") -> dict[str, Any]:
    return {
        "file": error.file,
        "sheet": error.sheet,
        "row": error.row,
        "column": error.column,
        "value": error.value,
        "reason": error.text(language),
    }


def _json_number(value: float | Decimal | None) -> float | None:
    """A number JSON can carry (a NaN stored by an older version becomes null)."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def conflict_dict(conflict: BillConflict) -> dict[str, Any]:
    """A conflict in the JSON summary. Usages are in `unit`, the meter's; `earlier_row` is null when the
    other side is the stored bill, else the file and row of the import it conflicts with."""
    return {
        "file": conflict.file,
        "sheet": conflict.sheet,
        "row": conflict.row,
        "property": conflict.property_name,
        "meter": conflict.meter_name,
        "period": {"start": conflict.start.isoformat(), "end": conflict.end.isoformat()},
        "unit": conflict.unit,
        "stored": {
            "usage": _json_number(conflict.stored_usage),
            "cost": _json_number(conflict.stored_cost),
        },
        "file_value": {
            "usage": _json_number(conflict.file_usage),
            "cost": _json_number(conflict.file_cost),
        },
        "earlier_row": (
            None
            if conflict.earlier_row is None
            else {"file": conflict.earlier_file, "row": conflict.earlier_row}
        ),
        "resolution": conflict.choice.value,
    }
