"""Plain data that flows between the database, the files and the calculations.

These dataclasses are the only shapes `core` knows: `db` builds them from rows, `io` from files,
and `ui`/`reports` read them. Energy quantities are floats in the meter's own unit; money is Decimal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import islice
from operator import itemgetter, lt
from typing import overload

from espm_desktop.core.i18n import N_, _, slot_setters


class BillSource(StrEnum):
    """Where a bill came from."""

    MANUAL = "manual"
    IMPORT = "import"
    DATA_EXCHANGE = "data_exchange"


class DataExchangeStatus(StrEnum):
    """Progress of a meter through the Énergir data-exchange setup (seed 000), in order."""

    NOT_STARTED = "not_started"
    CONNECTION_REQUESTED = "connection_requested"
    CONNECTION_ACCEPTED = "connection_accepted"
    METER_SHARED = "meter_shared"
    SHARE_ACCEPTED = "share_accepted"
    DATA_RECEIVED = "data_received"


class PropertyType(StrEnum):
    """ESPM primary property functions the app knows; only bank branches get a Canadian score here."""

    BANK_BRANCH = "bank_branch"
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    RETAIL = "retail"
    MULTIFAMILY = "multifamily"
    OTHER = "other"


# One label per property type, for the window, the reports and the workbooks alike.
PROPERTY_TYPE_LABELS = {
    PropertyType.BANK_BRANCH: N_("Bank branch"),
    PropertyType.OFFICE: N_("Office"),
    PropertyType.INDUSTRIAL: N_("Industrial plant"),
    PropertyType.RETAIL: N_("Retail store"),
    PropertyType.MULTIFAMILY: N_("Multifamily housing"),
    PropertyType.OTHER: N_("Other"),
}


def property_type_label(value: str, language: str | None = None) -> str:
    """The property type's label in `language` (default: the current one); an unknown type as stored."""
    label = PROPERTY_TYPE_LABELS.get(value)  # type: ignore[call-overload]  # a StrEnum key matches its str
    return value if label is None else _(label, language)


@dataclass(frozen=True, slots=True)
class Bill:
    """One meter entry: usage between two dates, both inclusive, in the meter's unit."""

    start: date
    end: date
    usage: float
    cost: Decimal | None = None
    estimated: bool = False
    source: BillSource = BillSource.MANUAL

    def __init__(
        self,
        start: date,
        end: date,
        usage: float,
        cost: Decimal | None = None,
        estimated: bool = False,
        source: BillSource = BillSource.MANUAL,
    ) -> None:
        # What the dataclass would write for a frozen class sets each field through object.__setattr__; the
        # slots' own setters do the same in a quarter of the time (a large portfolio reads 360,000 bills).
        _set_start(self, start)
        _set_end(self, end)
        _set_usage(self, usage)
        _set_cost(self, cost)
        _set_estimated(self, estimated)
        _set_source(self, source)


_set_start, _set_end, _set_usage, _set_cost, _set_estimated, _set_source = slot_setters(
    Bill, "start", "end", "usage", "cost", "estimated", "source"
)


class BillTable(Sequence[Bill]):
    """A meter's bills as columns: each bill's start, end, usage, cost, estimated flag and source.

    The database read gives a meter's bills this way. The calendarising and the data checks read the columns; a
    `Bill` is made only when one is asked for (indexing, iterating), so the Score page's path never makes one per
    bill. As a sequence, a table is its bills in the order of its rows, and it equals any sequence of the same
    bills (a tuple of `Bill`s included).
    """

    __slots__ = ("starts", "ends", "usages", "costs", "estimated", "sources", "_bills")

    starts: Sequence[date]
    ends: Sequence[date]
    usages: Sequence[float]
    costs: Sequence[Decimal | None]
    estimated: Sequence[bool]
    sources: Sequence[BillSource]
    _bills: tuple[Bill, ...] | None

    def __init__(
        self,
        starts: Sequence[date],
        ends: Sequence[date],
        usages: Sequence[float],
        costs: Sequence[Decimal | None],
        estimated: Sequence[bool],
        sources: Sequence[BillSource],
        bills: tuple[Bill, ...] | None = None,
    ) -> None:
        n = len(starts)
        if not (len(ends) == len(usages) == len(costs) == len(estimated) == len(sources) == n):
            raise ValueError("every column of a bill table must have one value per bill")
        self.starts, self.ends, self.usages, self.costs = starts, ends, usages, costs
        self.estimated, self.sources, self._bills = estimated, sources, bills

    @classmethod
    def of(cls, bills: Sequence[Bill]) -> BillTable:
        """`bills` as a table: itself if it is one, else its columns (the bills are kept, not made again)."""
        if isinstance(bills, BillTable):
            return bills
        made = tuple(bills)
        return cls(
            [b.start for b in made],
            [b.end for b in made],
            [b.usage for b in made],
            [b.cost for b in made],
            [b.estimated for b in made],
            [b.source for b in made],
            made,
        )

    def columns(
        self,
    ) -> tuple[
        Sequence[date],
        Sequence[date],
        Sequence[float],
        Sequence[Decimal | None],
        Sequence[bool],
        Sequence[BillSource],
    ]:
        """(starts, ends, usages, costs, estimated, sources): `BillTable(*t.columns())` is a table of the same bills
        with none made yet, as the database read gives one."""
        return self.starts, self.ends, self.usages, self.costs, self.estimated, self.sources

    def bills(self) -> tuple[Bill, ...]:
        """Every row as a `Bill`, made on the first call."""
        if self._bills is None:
            self._bills = tuple(
                map(Bill, self.starts, self.ends, self.usages, self.costs, self.estimated, self.sources)
            )
        return self._bills

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Bill: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Bill, ...]: ...

    def __getitem__(self, index: int | slice) -> Bill | tuple[Bill, ...]:
        if isinstance(index, slice) or self._bills is not None:
            return self.bills()[index]
        # One row: its Bill alone (a finding names one bill; the others need not be made).
        return Bill(
            self.starts[index],
            self.ends[index],
            self.usages[index],
            self.costs[index],
            self.estimated[index],
            self.sources[index],
        )

    def __iter__(self) -> Iterator[Bill]:
        return iter(self.bills())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BillTable):
            return self.bills() == other.bills()
        if isinstance(other, tuple | list):
            return self.bills() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.bills())

    def __repr__(self) -> str:
        return f"BillTable({self.bills()!r})"

    def in_order(self) -> BillTable:
        """The same bills by start date, then end date (itself when they already are)."""
        starts, ends = self.starts, self.ends
        # A meter's rows come by (start, end) from the database: one pass over the starts tells.
        if all(map(lt, starts, islice(starts, 1, None))):
            return self
        order = sorted(range(len(starts)), key=lambda i: (starts[i], ends[i]))
        if order == list(range(len(starts))):
            return self
        pick = itemgetter(*order)  # two bills or more here: it gives a tuple
        bills = None if self._bills is None else tuple(pick(self._bills))
        return BillTable(
            list(pick(starts)),
            list(pick(ends)),
            list(pick(self.usages)),
            list(pick(self.costs)),
            list(pick(self.estimated)),
            list(pick(self.sources)),
            bills,
        )


@dataclass(frozen=True, slots=True)
class MeterData:
    """A meter with its bills; `energy_type` and `unit` are the stable ids of resources/energy_units.csv."""

    name: str
    energy_type: str
    unit: str
    bills: Sequence[Bill] = ()
    """A tuple of `Bill`s, or a `BillTable` (what the database read gives)."""
    meter_id: int | None = None
    active_date: date | None = None
    inactive_date: date | None = None


@dataclass(frozen=True, slots=True)
class PropertyData:
    """A property with the use details the bank-branch score needs, and its meters."""

    name: str
    property_type: str = PropertyType.OTHER.value
    gross_floor_area_m2: float = 0.0
    workers: float | None = None
    weekly_hours: float | None = None
    computers: int | None = None
    percent_heated: float | None = None
    percent_cooled: float | None = None
    months_in_operation: int | None = None
    postal_code: str = ""
    meters: tuple[MeterData, ...] = field(default=())
    property_id: int | None = None
