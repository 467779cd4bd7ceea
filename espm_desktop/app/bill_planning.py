"""Decide every row's fate against the database as it is now: new bill, duplicate, conflict, or row error.

A bill with the same meter, start and end as a stored (or earlier) one is a duplicate when its usage and cost
are the same, a *conflict* when they differ: conflicts are listed, never dropped, and each is kept, replaced
or refuses the import (`ConflictChoice`). A bill overlapping a meter's other bill by more than one day is a
row error (ESPM's rule, core.overlaps.bill_overlap).

Rows are read from their files' RowStores by column: a row becomes an ImportRow only when a message or a
conflict needs it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from espm_desktop.app.bill_import_plan import PERIOD_END, PERIOD_SHIFT, ImportPlan, PlannedMeter
from espm_desktop.app.bill_matching import Matcher
from espm_desktop.core.energy import UnknownUnitError, site_gj_per_unit
from espm_desktop.core.i18n import Message, message
from espm_desktop.core.overlaps import bill_overlap
from espm_desktop.core.validation import overlap_error
from espm_desktop.io.import_types import (
    BillConflict,
    ConflictChoice,
    ImportBatch,
    ImportRow,
    RowError,
    RowRef,
)
from espm_desktop.io.parse_values import (
    ESPM_ID_MAX_CHARS,
    NAME_MAX_CHARS,
    USAGE_MAX,
    DateBounds,
    normalise_name,
)
from espm_desktop.io.row_checks import row_value_errors
from espm_desktop.io.row_store import RowMeter, RowStore


@dataclass(slots=True)
class _Choices:
    """The choice for each conflicting row: its own when one was made, else the default."""

    default: ConflictChoice
    by_row: Mapping[RowRef, ConflictChoice]

    def of(self, file: str, sheet: str, row: int) -> ConflictChoice:
        if not self.by_row:
            return self.default
        return self.by_row.get((file, sheet, row), self.default)


@dataclass(slots=True)
class _Fit:
    """How a file's meter (RowMeter) fits the meter it matched: the unit conversion, or why it cannot."""

    meter: PlannedMeter
    row_meter: RowMeter
    gj_per_row_unit: float = 1.0
    gj_per_meter_unit: float = 1.0
    """The row's usage in the meter's unit is usage * gj_per_row_unit / gj_per_meter_unit."""
    converts: bool = False
    wrong_type: bool = False
    unknown_unit: UnknownUnitError | None = None


def plan_import(
    session: Session,
    batches: Iterable[ImportBatch],
    *,
    on_conflict: ConflictChoice = ConflictChoice.FAIL,
    choices: Mapping[RowRef, ConflictChoice] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Decide every row's fate against the database as it is now; writes nothing.

    `choices` gives the choice for a conflicting row (by file, sheet, row), `on_conflict` for the others;
    `today` is the day dates are judged against (a bill may end at most a year after it).
    """
    plan = ImportPlan()
    matcher = Matcher(session, plan)
    bounds = DateBounds.around(today)
    runs: list[tuple[RowStore, list[_Fit | None]]] = []
    for batch in batches:
        plan.files.append(batch.file)
        plan.notices.extend(batch.notices)
        plan.errors.extend(batch.errors)
        plan.skipped.extend(batch.skipped)
        _plan_properties(matcher, batch)
        store = batch.rows if isinstance(batch.rows, RowStore) else _checked_rows(batch.rows, bounds, plan)
        runs.append((store, _match_rows(matcher, store, bounds, plan)))
        _plan_meters(matcher, batch, bounds)
    # Every meter is known before any row is checked: the stored periods are loaded in one pass.
    matcher.load_periods()
    chosen = _Choices(on_conflict, choices or {})
    for store, fits in runs:
        _plan_rows(plan, store, fits, bounds, chosen)
    order = {name: i for i, name in enumerate(plan.files)}
    plan.errors.sort(key=lambda e: (order.get(e.file, 0), e.sheet, e.row))
    return plan


def _checked_rows(rows: Sequence[ImportRow], bounds: DateBounds, plan: ImportPlan) -> RowStore:
    """Rows made by other means than a reader, checked as a reader checks them, the good ones in a RowStore."""
    store = RowStore()
    for row in rows:
        problems = row_value_errors(row, bounds)
        if problems:
            plan.errors.extend(problems)
        else:
            store.append(row)
    return store


def _in_bounds(store: RowStore, index: int, lowest: int, highest: int) -> bool:
    return lowest <= store.starts[index] and store.ends[index] <= highest


def _match_rows(matcher: Matcher, store: RowStore, bounds: DateBounds, plan: ImportPlan) -> list[_Fit | None]:
    """The meter of each of the store's RowMeters, matched in the order their first valid row comes.

    A row whose dates are out of `bounds` (the reader judged them against another day) is a row error.
    """
    fits: list[_Fit | None] = [None] * len(store.meters)
    lowest, highest = bounds.earliest.toordinal(), bounds.latest.toordinal()
    if not store or (min(store.starts) >= lowest and max(store.ends) <= highest):
        order: Iterable[int] = range(len(store.meters))
    else:
        order = []
        for index in range(len(store)):
            if _in_bounds(store, index, lowest, highest):
                order.append(store.meter_of[index])
            else:
                plan.errors.extend(row_value_errors(store.row(index), bounds))
    for number in order:
        if fits[number] is None:
            named = store.meters[number]
            prop = matcher.prop(named.property_key, named.property_name, named.property_espm_id)
            meter = matcher.meter(prop, named.meter_name, named.energy_type, named.unit, named.meter_espm_id)
            fits[number] = _fit(named, meter)
    return fits


def _fit(named: RowMeter, meter: PlannedMeter) -> _Fit:
    fit = _Fit(meter, named)
    if named.energy_type != meter.energy_type:
        fit.wrong_type = True
    elif named.unit != meter.unit:
        try:
            fit.gj_per_row_unit = site_gj_per_unit(meter.energy_type, named.unit)
            fit.gj_per_meter_unit = site_gj_per_unit(meter.energy_type, meter.unit)
            fit.converts = True
        except UnknownUnitError as exc:
            fit.unknown_unit = exc
    return fit


def _plan_properties(matcher: Matcher, batch: ImportBatch) -> None:
    """Properties described by a `Properties` sheet, with their address and floor area."""
    for p in batch.properties:
        name = normalise_name(p.name)
        # The bill rows that name a property too long for its column are refused one by one, with the limit.
        if len(name) > NAME_MAX_CHARS or len(p.espm_id or "") > ESPM_ID_MAX_CHARS or not (name or p.espm_id):
            continue
        planned = matcher.prop(p.espm_id or name, name, p.espm_id)
        if planned.id is None:
            planned.street_address = p.street_address
            planned.city = p.city
            planned.province = p.province
            planned.postal_code = p.postal_code
            area = p.gross_floor_area_m2
            # A floor area the sheet got wrong (NaN, infinite, negative) is left out, like an unreadable one.
            planned.gross_floor_area_m2 = area if area is not None and 0 <= area <= USAGE_MAX else None


def _plan_meters(matcher: Matcher, batch: ImportBatch, bounds: DateBounds) -> None:
    """Energy meters of a `Meters` sheet (also those without bills yet), with their dates."""
    for m in batch.meters:
        if m.energy_type is None or m.unit is None:
            continue
        name = normalise_name(m.name)
        key = normalise_name(m.property_key)
        too_long = len(name) > NAME_MAX_CHARS or len(key) > NAME_MAX_CHARS
        if too_long or len(m.espm_meter_id or "") > ESPM_ID_MAX_CHARS or not key:
            continue
        prop = matcher.prop_by_key.get(key) or matcher.prop(key, key, key if key.isdigit() else None)
        meter = matcher.meter(prop, name, m.energy_type, m.unit, m.espm_meter_id)
        if meter.id is None:
            meter.active_date, meter.inactive_date = (
                d if d is not None and bounds.earliest <= d <= bounds.latest else None
                for d in (m.active_date, m.inactive_date)
            )


def _error(store: RowStore, index: int, column: str, value: str, reason: Message) -> RowError:
    named = store.meters[store.meter_of[index]]
    return RowError(named.file, named.sheet, store.numbers[index], column, value, reason)


def _misfit_error(store: RowStore, index: int, fit: _Fit) -> RowError:
    named, meter = fit.row_meter, fit.meter
    if fit.unknown_unit is not None:
        exc = fit.unknown_unit
        return _error(store, index, "Usage Units", named.unit, exc.problem)
    return _error(
        store,
        index,
        "Meter Type",
        named.energy_type,
        message(
            "Meter '{meter}' holds {stored} in the database, the file says {read}. Check the meter ID or the "
            "meter type.",
            meter=meter.name,
            stored=meter.energy_type,
            read=named.energy_type,
        ),
    )


def _too_much_error(store: RowStore, index: int, fit: _Fit, usage: float) -> RowError:
    named, meter = fit.row_meter, fit.meter
    written = store.usages[index]
    return _error(
        store,
        index,
        "Usage/Quantity",
        repr(written),
        message(
            "The usage {written} {unit} is {usage} {meter_unit}, the unit of meter '{meter}': beyond the "
            "largest accepted, {most}. Check the unit.",
            written=f"{written:g}",
            unit=named.unit,
            usage=f"{usage:g}",
            meter_unit=meter.unit,
            meter=meter.name,
            most=f"{USAGE_MAX:g}",
        ),
    )


def _plan_rows(
    plan: ImportPlan, store: RowStore, fits: list[_Fit | None], bounds: DateBounds, chosen: _Choices
) -> None:
    lowest, highest = bounds.earliest.toordinal(), bounds.latest.toordinal()
    starts, ends, usages, meter_of = store.starts, store.ends, store.usages, store.meter_of
    bills = plan.bills
    for index in range(len(store)):
        start, end = starts[index], ends[index]
        if start < lowest or end > highest:
            continue  # a row error already
        fit = fits[meter_of[index]]
        assert fit is not None
        meter = fit.meter
        usage = usages[index]
        if fit.converts:
            usage = usage * fit.gj_per_row_unit / fit.gj_per_meter_unit
        elif fit.wrong_type or fit.unknown_unit is not None:
            plan.errors.append(_misfit_error(store, index, fit))
            continue
        if not 0.0 <= usage <= USAGE_MAX:  # the reader checked the file's unit; a conversion can go beyond
            plan.errors.append(_too_much_error(store, index, fit, usage))
            continue
        key = start << PERIOD_SHIFT | end
        periods = meter.periods
        count = len(periods)
        # Bills usually come in date order: one after every period it could clash with needs no search.
        at = count if not count or periods[-1] < key else bisect_left(periods, key)
        if at < count and periods[at] == key:
            _plan_same_period(plan, store, index, meter, usage, key, at, chosen)
            continue
        # A bill starting on the last end date may still be a one-day bill inside that period: search then.
        after_all = at == count and (not count or (periods[-1] & PERIOD_END) < start)
        clash = None if after_all else _overlap(meter, start, end, at)
        if clash is not None:
            plan.errors.append(_overlap_error(store, index, clash))
            continue
        if at == count:
            periods.append(key)
            meter.holders.append(len(bills))
        else:
            periods.insert(at, key)
            meter.holders.insert(at, len(bills))
        meter.received += 1
        bills.add(store, index, meter, usage)


def _overlap(meter: PlannedMeter, start: int, end: int, at: int) -> tuple[date, date] | None:
    """The first accepted period ESPM refuses beside [start, end] (core.overlaps.bill_overlap).

    `at` is where [start, end] would sit in the sorted periods. Accepted periods obey the same rule, so their
    starts and ends both increase: only the two before `at` and those starting on or before `end` can clash.
    """
    first, last = date.fromordinal(start), date.fromordinal(end)
    periods = meter.periods
    for j in range(max(0, at - 2), len(periods)):
        other_start = periods[j] >> PERIOD_SHIFT
        if other_start > end:
            break
        other = (date.fromordinal(other_start), date.fromordinal(periods[j] & PERIOD_END))
        if bill_overlap(first, last, *other) is not None:
            return other
    return None


def _overlap_error(store: RowStore, index: int, other: tuple[date, date]) -> RowError:
    """The row error for an overlap, in the words every entry point uses (core.validation.overlap_error)."""
    start, end = date.fromordinal(store.starts[index]), date.fromordinal(store.ends[index])
    error = overlap_error(start, end, *other)
    assert error is not None
    meter_name = store.meters[store.meter_of[index]].meter_name
    return _error(
        store,
        index,
        "Start Date / End Date",
        f"{start.isoformat()} – {end.isoformat()}",
        message("Meter '{meter}': {problem}", meter=meter_name, problem=error.problem),
    )


def _same_values(held_usage: float, held_cost: float | None, usage: float, cost: float | None) -> bool:
    """Same bill: usages equal to float precision (unit conversions), costs within half a cent.

    A row without a cost says nothing about it: it matches any stored cost. A row with a cost differs from
    a stored bill without one (replacing would add it).
    """
    if held_usage != usage and not math.isclose(held_usage, usage, rel_tol=1e-9, abs_tol=1e-9):
        return False
    if cost is None:
        return True
    return held_cost is not None and abs(cost - held_cost) <= 0.005 + 1e-9


def _money(value: float | None) -> Decimal | None:
    """A stored cost (SQLite's float) as the Decimal of its cents, for messages and the summary."""
    if value is None:
        return None
    return Decimal(repr(value)) if math.isfinite(value) else None


def _plan_same_period(
    plan: ImportPlan,
    store: RowStore,
    index: int,
    meter: PlannedMeter,
    usage: float,
    key: int,
    at: int,
    chosen: _Choices,
) -> None:
    """A row for a period the meter holds: a duplicate, or a conflict kept, replaced or refused."""
    holder = meter.holders[at]
    at_replaced = None if holder >= 0 or not meter.replacing else meter.replacing.get(key)
    earlier: tuple[RowStore, int] | None = None
    held_cost: float | None
    held_exact: Decimal | None
    if holder >= 0 or at_replaced is not None:
        held = plan.bills if holder >= 0 else plan.replaced.bills
        position = holder if holder >= 0 else at_replaced
        assert position is not None
        earlier = (held.stores[position], held.indexes[position])
        held_usage, held_cost = held.usages[position], held.cost(position)
        held_exact = earlier[0].cost(earlier[1])
    else:
        stored = -1 - holder
        held_usage = meter.stored_usages[stored]
        cost = meter.stored_costs[stored]
        held_cost = None if cost != cost else cost
        held_exact = _money(held_cost)
    row_cost = store.costs[index]
    if _same_values(held_usage, held_cost, usage, None if row_cost != row_cost else row_cost):
        plan.duplicates.add(store, index)
        return
    named = store.meters[store.meter_of[index]]
    number = store.numbers[index]
    choice = chosen.of(named.file, named.sheet, number)
    earlier_named = earlier[0].meters[earlier[0].meter_of[earlier[1]]] if earlier is not None else None
    plan.conflicts.append(
        BillConflict(
            file=named.file,
            sheet=named.sheet,
            row=number,
            property_name=meter.prop.name,
            meter_name=meter.name,
            unit=meter.unit,
            start=date.fromordinal(store.starts[index]),
            end=date.fromordinal(store.ends[index]),
            stored_usage=held_usage,
            stored_cost=held_exact,
            file_usage=usage,
            file_cost=store.cost(index),
            choice=choice,
            earlier_file=earlier_named.file if earlier_named is not None else None,
            earlier_row=earlier[0].numbers[earlier[1]] if earlier is not None else None,
        )
    )
    if choice is not ConflictChoice.REPLACE:
        return  # keep: what is held stays; fail: the import is refused after planning
    if holder >= 0:
        plan.bills.put(holder, store, index, usage)
    elif at_replaced is not None:
        plan.replaced.bills.put(at_replaced, store, index, usage)
    else:
        meter.replacing[key] = len(plan.replaced)
        plan.replaced.add(meter.stored_ids[-1 - holder], store, index, meter, usage)
        meter.received += 1
