"""Turn meter bills into calendar months the way ESPM does.

Each bill's usage (and cost) is spread evenly over its days, end date inclusive. When a bill ends on
the day the next one starts, that day belongs to the later bill, so the earlier bill is spread over one
day less. Longer overlaps are an error (core/checks.py reports them); here they are simply counted twice.

Months are handled as integer indexes (year * 12 + month - 1) with precomputed day ordinals so that
thousands of properties calendarise in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import islice

from espm_desktop.core import energy
from espm_desktop.core.types import Bill, BillTable, MeterData, PropertyData

_FIRST_YEAR = 1900
_LAST_YEAR = 2200
_BASE = _FIRST_YEAR * 12
# _MONTH_START[i] is the ordinal of the first day of month index _BASE + i; one extra entry closes the last.
_MONTH_START: list[int] = [
    date(_FIRST_YEAR + k // 12, k % 12 + 1, 1).toordinal() for k in range((_LAST_YEAR - _FIRST_YEAR) * 12 + 1)
]


_ORDINAL = date.toordinal


def month_index(day: date) -> int:
    """Integer index of the calendar month holding `day` (year * 12 + month - 1)."""
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    """First day of a month index."""
    return date(index // 12, index % 12 + 1, 1)


def month_end(index: int) -> date:
    """Last day of a month index."""
    k = index - _BASE
    if 0 <= k < len(_MONTH_START) - 1:
        return _month_ends()[k]
    return month_start(index + 1) - timedelta(days=1)


# _DAYS[i]: the number of days of month index _BASE + i.
_DAYS: list[int] = [b - a for a, b in zip(_MONTH_START, _MONTH_START[1:], strict=False)]


def days_in_month(index: int) -> int:
    return _DAYS[index - _BASE]


def month_lengths(first: int, count: int) -> list[int]:
    """The days of `count` consecutive months from month index `first` (one slice, not a call per month)."""
    k = first - _BASE
    return _DAYS[k : k + count]


# _MONTH_END_DATES[i]: the last day of month index _BASE + i, made on first use (a property's period list names
# one month end per month of its data).
_MONTH_END_DATES: list[date] = []


def _month_ends() -> list[date]:
    if not _MONTH_END_DATES:
        _MONTH_END_DATES[:] = [date.fromordinal(o - 1) for o in _MONTH_START[1:]]
    return _MONTH_END_DATES


def month_end_dates(first: int, count: int) -> list[date]:
    """The last days of `count` consecutive months from month index `first` (as `month_end` gives them)."""
    k = first - _BASE
    if k < 0 or k + count > len(_MONTH_START) - 1:
        return [month_end(first + i) for i in range(count)]
    return _month_ends()[k : k + count]


@dataclass(frozen=True, slots=True)
class Period:
    """A run of whole calendar months, `start` = first day, `end` = last day (inclusive)."""

    first_month: int
    months: int = 12

    @property
    def last_month(self) -> int:
        return self.first_month + self.months - 1

    @property
    def start(self) -> date:
        return month_start(self.first_month)

    @property
    def end(self) -> date:
        return month_end(self.last_month)

    def month_indexes(self) -> range:
        return range(self.first_month, self.first_month + self.months)


def period_ending(month: date, months: int = 12) -> Period:
    """The period of `months` whole months whose last month holds `month`."""
    return Period(month_index(month) - months + 1, months)


@dataclass(frozen=True, slots=True)
class MeterMonths:
    """One meter's calendarised usage: parallel tuples, one entry per month from `first_month`."""

    meter_name: str
    energy_type: str
    unit: str
    site_gj_per_unit: float
    source_factor: float
    first_month: int
    usage: tuple[float, ...]
    """Native units (the meter's unit)."""
    covered_days: tuple[int, ...]
    """Days of the month covered by at least one bill."""
    cost: tuple[Decimal, ...] | None
    """Spread cost, or None when no bill of the meter has a cost."""
    required_from: int | None = None
    """Month index from which the meter must have data (its active date), None = always."""
    required_until: int | None = None
    """Last month index in which the meter must have data (its inactive date), None = always."""

    @property
    def last_month(self) -> int:
        return self.first_month + len(self.usage) - 1

    def _offset(self, index: int) -> int | None:
        k = index - self.first_month
        return k if 0 <= k < len(self.usage) else None

    def usage_in(self, index: int) -> float:
        k = self._offset(index)
        return 0.0 if k is None else self.usage[k]

    def site_gj_in(self, index: int) -> float:
        return self.usage_in(index) * self.site_gj_per_unit

    def source_gj_in(self, index: int) -> float:
        return self.usage_in(index) * self.site_gj_per_unit * self.source_factor

    def cost_in(self, index: int) -> Decimal | None:
        k = self._offset(index)
        if self.cost is None:
            return None
        return Decimal(0) if k is None else self.cost[k]

    def is_full(self, index: int) -> bool:
        """Every day of the month is covered by a bill."""
        k = self._offset(index)
        return k is not None and self.covered_days[k] == days_in_month(index)

    def is_required(self, index: int) -> bool:
        if self.required_from is not None and index < self.required_from:
            return False
        return self.required_until is None or index <= self.required_until

    def full_flags(self) -> list[bool]:
        """For each of the meter's months from `first_month`, whether every day of it is covered."""
        lengths = month_lengths(self.first_month, len(self.covered_days))
        return [c == d for c, d in zip(self.covered_days, lengths, strict=True)]

    def full_months(self) -> list[int]:
        first = self.first_month
        return [first + k for k, full in enumerate(self.full_flags()) if full]


@dataclass(frozen=True, slots=True)
class MonthRow:
    """One month of one meter (or of a property total) for tables and charts."""

    month: date
    usage: float | None
    site_gj: float
    source_gj: float
    cost: Decimal | None
    covered_days: int
    days: int


def effective_end_ordinals(start_ordinals: Sequence[int], end_ordinals: Sequence[int]) -> list[int]:
    """Each bill's last day of use as a day ordinal, for bills in (start, end) order.

    A bill ending on the day the next bill starts gives that day up to the later bill.
    """
    following = islice(start_ordinals, 1, None)  # one fewer: the last bill has no next one
    ends = list(end_ordinals)
    for i, (s, e, next_start) in enumerate(zip(start_ordinals, end_ordinals, following, strict=False)):
        if next_start == e and e > s:
            ends[i] = e - 1
    return ends


def calendarize_meter(meter: MeterData) -> MeterMonths:
    """Spread the meter's bills over calendar months (native units, cost if any)."""
    factor = energy.site_gj_per_unit(meter.energy_type, meter.unit)
    sf = energy.source_factor(meter.energy_type)
    req_from = month_index(meter.active_date) if meter.active_date else None
    req_until = month_index(meter.inactive_date) if meter.inactive_date else None
    if not meter.bills:
        return MeterMonths(
            meter.name, meter.energy_type, meter.unit, factor, sf, 0, (), (), None, req_from, req_until
        )
    table = BillTable.of(meter.bills).in_order()
    starts = table.starts
    start_days = list(map(_ORDINAL, starts))
    end_days = effective_end_ordinals(start_days, list(map(_ORDINAL, table.ends)))
    first = month_index(starts[0])
    last = month_index(max(table.ends))
    n = last - first + 1
    usage = [0.0] * n
    covered = [0] * n
    bill_costs = table.costs
    has_cost = any(c is not None for c in bill_costs)
    cost = [Decimal(0)] * n if has_cost else None
    ms = _MONTH_START
    off = first - _BASE
    covered_until = -1
    for s, e, start, bill_usage, bill_cost in zip(
        start_days, end_days, starts, table.usages, bill_costs, strict=True
    ):
        days = e - s + 1
        if days <= 0:
            continue
        daily = bill_usage / days
        daily_cost = (bill_cost / days) if (cost is not None and bill_cost is not None) else None
        k = start.year * 12 + start.month - 1 - first
        lo = s
        new_from = covered_until + 1 if covered_until >= s else s
        while lo <= e:
            next_start = ms[k + off + 1]
            hi = e if e < next_start else next_start - 1
            d = hi - lo + 1
            usage[k] += daily * d
            if daily_cost is not None and cost is not None:
                cost[k] += daily_cost * d
            if hi >= new_from:
                covered[k] += hi - (lo if lo > new_from else new_from) + 1
            lo = hi + 1
            k += 1
        if e > covered_until:
            covered_until = e
    return MeterMonths(
        meter.name,
        meter.energy_type,
        meter.unit,
        factor,
        sf,
        first,
        tuple(usage),
        tuple(covered),
        tuple(cost) if cost is not None else None,
        req_from,
        req_until,
    )


@dataclass(frozen=True, slots=True)
class PropertyMonths:
    """All meters of a property, calendarised."""

    property_name: str
    meters: tuple[MeterMonths, ...] = field(default=())

    def month_range(self) -> range:
        with_data = [m for m in self.meters if m.usage]
        if not with_data:
            return range(0)
        return range(min(m.first_month for m in with_data), max(m.last_month for m in with_data) + 1)


def calendarize_property(prop: PropertyData) -> PropertyMonths:
    return PropertyMonths(prop.name, tuple(calendarize_meter(m) for m in prop.meters))


def meter_rows(meter: MeterMonths) -> list[MonthRow]:
    """Monthly rows of one meter, in its own unit and in GJ."""
    rows = []
    for k, u in enumerate(meter.usage):
        idx = meter.first_month + k
        site = u * meter.site_gj_per_unit
        rows.append(
            MonthRow(
                month_start(idx),
                u,
                site,
                site * meter.source_factor,
                meter.cost[k] if meter.cost is not None else None,
                meter.covered_days[k],
                days_in_month(idx),
            )
        )
    return rows


def property_rows(months: PropertyMonths) -> list[MonthRow]:
    """Monthly property totals in GJ; usage is None (units differ), covered_days counts full meters."""
    rows = []
    any_cost = any(m.cost is not None for m in months.meters)
    for idx in months.month_range():
        site = sum(m.site_gj_in(idx) for m in months.meters)
        source = sum(m.source_gj_in(idx) for m in months.meters)
        cost = sum((m.cost_in(idx) or Decimal(0) for m in months.meters), Decimal(0)) if any_cost else None
        full = sum(1 for m in months.meters if m.is_full(idx))
        rows.append(MonthRow(month_start(idx), None, site, source, cost, full, days_in_month(idx)))
    return rows


def month_complete(months: PropertyMonths, index: int) -> bool:
    """Every meter required in this month covers all of it, and at least one meter has data."""
    any_data = False
    for m in months.meters:
        if m.is_full(index):
            any_data = True
        elif m.is_required(index):
            return False
    return any_data


def latest_full_period(
    months: PropertyMonths, length: int = 12, ending_by: date | None = None
) -> Period | None:
    """Latest run of `length` whole months in which every meter has data (ESPM's current period)."""
    span = months.month_range()
    if not span:
        return None
    last = span[-1] if ending_by is None else min(span[-1], month_index(ending_by))
    run = 0
    # Walk backwards from the latest month; the first run long enough is the latest period.
    for idx in range(last, span[0] - 1, -1):
        if month_complete(months, idx):
            run += 1
            if run == length:
                return Period(idx, length)
        else:
            run = 0
    return None


def period_is_complete(months: PropertyMonths, period: Period) -> bool:
    return all(month_complete(months, i) for i in period.month_indexes())


@dataclass(frozen=True, slots=True)
class MeterTotal:
    """One meter's totals over a period."""

    meter_name: str
    energy_type: str
    unit: str
    usage: float
    site_gj: float
    source_gj: float
    cost: Decimal | None
    missing_months: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """A property's totals over a period, per meter and per energy type (native units of the first meter)."""

    period: Period
    meters: tuple[MeterTotal, ...]
    site_gj: float
    source_gj: float
    cost: Decimal | None
    complete: bool

    def by_energy_type(self) -> dict[str, tuple[float, float]]:
        """energy type -> (site GJ, source GJ)."""
        out: dict[str, tuple[float, float]] = {}
        for m in self.meters:
            site, source = out.get(m.energy_type, (0.0, 0.0))
            out[m.energy_type] = (site + m.site_gj, source + m.source_gj)
        return out


def meter_total(meter: MeterMonths, period: Period) -> MeterTotal:
    k0 = period.first_month - meter.first_month
    lo, hi = max(k0, 0), min(k0 + period.months, len(meter.usage))
    usage = sum(meter.usage[lo:hi]) if hi > lo else 0.0
    site = usage * meter.site_gj_per_unit
    cost = None
    if meter.cost is not None:
        cost = sum(meter.cost[lo:hi], Decimal(0)) if hi > lo else Decimal(0)
    missing = tuple(
        month_start(i) for i in period.month_indexes() if meter.is_required(i) and not meter.is_full(i)
    )
    return MeterTotal(
        meter.meter_name,
        meter.energy_type,
        meter.unit,
        usage,
        site,
        site * meter.source_factor,
        cost,
        missing,
    )


def period_totals(months: PropertyMonths, period: Period) -> PeriodTotals:
    """Totals of every meter over the period, and whether every month is complete."""
    totals = tuple(meter_total(m, period) for m in months.meters)
    costs = [t.cost for t in totals if t.cost is not None]
    return PeriodTotals(
        period,
        totals,
        sum(t.site_gj for t in totals),
        sum(t.source_gj for t in totals),
        sum(costs, Decimal(0)) if costs else None,
        period_is_complete(months, period),
    )


def calendarize_bills(bills: Iterable[Bill]) -> dict[date, float]:
    """Usage per calendar month (first day of month -> native units) for a bare list of bills."""
    meter = MeterData("", "other", "GJ", tuple(bills))
    cal = calendarize_meter(meter)
    return {month_start(cal.first_month + k): u for k, u in enumerate(cal.usage)}
