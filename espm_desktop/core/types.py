"""Plain data that flows between the database, the files and the calculations.

These dataclasses are the only shapes `core` knows: `db` builds them from rows, `io` from files,
and `ui`/`reports` read them. Energy quantities are floats in the meter's own unit; money is Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from espm_desktop.core.i18n import N_, _


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


_set_start, _set_end, _set_usage, _set_cost, _set_estimated, _set_source = (
    vars(Bill)[name].__set__ for name in ("start", "end", "usage", "cost", "estimated", "source")
)


@dataclass(frozen=True, slots=True)
class MeterData:
    """A meter with its bills; `energy_type` and `unit` are the stable ids of resources/energy_units.csv."""

    name: str
    energy_type: str
    unit: str
    bills: tuple[Bill, ...] = ()
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
