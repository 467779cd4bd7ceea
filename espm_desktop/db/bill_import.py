"""Store bills read from files: match or create properties and meters, skip duplicates, refuse overlaps.

    plan_import(session, batches)              → ImportPlan (counts, row errors, conflicts; nothing written)
    import_batches(session, batches, ...)      → ImportPlan, written inside the caller's transaction
    import_into_database(engine, batches, ...) → ImportPlan, one transaction committed (or rolled back)
    import_for_command_line(engine, batches, ...) → CommandLineImport (the plan and the exit code)

Every row's values are checked first (io.import_rows: finite numbers the columns hold, plausible dates,
names in their one normalised form and within their column); a row with bad values is an error, counted
once however many of its cells are bad. Properties are matched by ESPM property ID, else by name; meters
by ESPM meter ID, else by name and energy type within their property; names compare in normalised form,
case ignored, stored names too. A bill with the same meter, start and end as a stored (or earlier) one is
a duplicate when its usage and cost are the same, a *conflict* when they differ: conflicts are listed,
never dropped, and each is kept, replaced or refuses the import (`ConflictChoice`). A bill overlapping a
meter's other bill by more than one day is a row error (ESPM's rule).
The bills go in with the raw sqlite3 `executemany` inside the session's transaction: the ORM is ~80 times
slower for a 120,000-row portfolio.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.energy import UnknownUnitError, energy_type, site_gj_per_unit
from espm_desktop.core.types import BillSource
from espm_desktop.core.validation import bill_overlap, overlap_error
from espm_desktop.db import models
from espm_desktop.db.models import utcnow
from espm_desktop.io.import_rows import row_names_fit, row_value_errors, row_values_fit
from espm_desktop.io.import_types import (
    BillConflict,
    ConflictChoice,
    ImportBatch,
    ImportRow,
    RowError,
    RowRef,
    SkippedRow,
)
from espm_desktop.io.parse_values import (
    ESPM_ID_MAX_CHARS,
    NAME_MAX_CHARS,
    USAGE_MAX,
    DateBounds,
    name_key,
    normalise_name,
)
from espm_desktop.io.sheets import FileNotice

__all__ = [
    "BillConflict",
    "CommandLineImport",
    "ConflictChoice",
    "ConflictsRefused",
    "ImportCancelled",
    "ImportPlan",
    "StrictImportRefused",
    "conflict_dict",
    "error_dict",
    "import_batches",
    "import_for_command_line",
    "import_into_database",
    "plan_import",
    "preview_import",
]

ProgressCallback = Callable[[int, int], None]
"""(bills written, bills to write)."""
CHUNK = 5000


class ImportCancelled(Exception):
    """The user cancelled: the transaction is rolled back and nothing is stored."""


class StrictImportRefused(Exception):
    """`strict` was asked and some rows are invalid: nothing is stored."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(f"{plan.invalid_rows} invalid rows; nothing imported")
        self.plan = plan


class ConflictsRefused(StrictImportRefused):
    """Some conflicts were left to `ConflictChoice.FAIL`: nothing is stored.

    A StrictImportRefused, so that every caller that reports a strict refusal (exit 1 and the summary)
    reports this one the same way.
    """

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(plan)
        refused = sum(1 for c in plan.conflicts if c.choice is ConflictChoice.FAIL)
        self.args = (
            f"{refused} bills conflict with stored bills or earlier rows; nothing imported. Choose keep "
            "or replace.",
        )


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
    intervals: list[tuple[date, date]] = field(default_factory=list)
    """Stored and accepted bills, sorted: the overlap check's state."""
    stored: dict[tuple[date, date], tuple[int, float, float | None]] = field(default_factory=dict)
    """(bill id, usage, cost) of each stored period: what a same-period row is compared with."""
    planned: dict[tuple[date, date], int] = field(default_factory=dict)
    """Index in ImportPlan.bills of each period this import adds."""
    replacing: dict[tuple[date, date], int] = field(default_factory=dict)
    """Index in ImportPlan.replaced of each stored period this import replaces."""
    received: int = 0


@dataclass(slots=True)
class ImportPlan:
    """What an import does (or did): new bills, duplicates, row errors, skipped rows, new properties/meters."""

    files: list[str] = field(default_factory=list)
    bills: list[tuple[PlannedMeter, ImportRow, float]] = field(default_factory=list)
    """(meter, row, usage in the meter's unit) of every bill to insert."""
    replaced: list[tuple[int, PlannedMeter, ImportRow, float]] = field(default_factory=list)
    """(stored bill id, meter, row, usage in the meter's unit) of every stored bill the file replaces."""
    duplicates: list[ImportRow] = field(default_factory=list)
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
        "reason": error.reason_fr if language.startswith("fr") else error.reason_en,
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


_fold = name_key


class _Matcher:
    """Stored properties and meters, indexed for matching, plus the ones the plan creates."""

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.by_espm: dict[str, PlannedProperty] = {}
        self.by_name: dict[str, list[PlannedProperty]] = {}
        self.prop_by_key: dict[str, PlannedProperty] = {}
        for pid, name, espm in session.execute(
            select(models.Property.id, models.Property.name, models.Property.espm_property_id)
        ):
            p = PlannedProperty(key=espm or name, name=name, espm_id=espm, id=pid)
            if espm:
                self.by_espm[espm] = p
            self.by_name.setdefault(_fold(name), []).append(p)
        self.meter_by_espm: dict[str, PlannedMeter] = {}
        self.meters_of: dict[int, list[PlannedMeter]] = {}
        props = {p.id: p for ps in self.by_name.values() for p in ps}
        for mid, prop_id, name, etype, unit, espm in session.execute(
            select(
                models.Meter.id,
                models.Meter.property_id,
                models.Meter.name,
                models.Meter.energy_type,
                models.Meter.unit,
                models.Meter.espm_meter_id,
            )
        ):
            m = PlannedMeter(props[prop_id], name, etype, unit, espm, id=mid)
            if espm:
                self.meter_by_espm[espm] = m
            self.meters_of.setdefault(id(props[prop_id]), []).append(m)
        self.meter_by_key: dict[tuple[str, str], PlannedMeter] = {}
        self.loaded: set[int] = set()

    def prop(self, key: str, name: str, espm_id: str | None) -> PlannedProperty:
        found = self.prop_by_key.get(key)
        if found is not None:
            return found
        name = normalise_name(name)
        p: PlannedProperty | None = self.by_espm.get(espm_id) if espm_id else None
        if p is None:
            # A property typed in by hand (no ESPM ID yet) is the one the file means when the name is unique.
            same = [q for q in self.by_name.get(_fold(name), []) if espm_id is None or q.espm_id is None]
            if len(same) == 1 or (same and espm_id is None):
                p = same[0]
                if espm_id and p.id is not None:
                    p.espm_id, p.adopt_espm_id = espm_id, True
                    self.by_espm[espm_id] = p
        if p is None:
            p = PlannedProperty(key=key, name=name or (espm_id or key), espm_id=espm_id)
            if espm_id:
                self.by_espm[espm_id] = p
            self.by_name.setdefault(_fold(p.name), []).append(p)
        if p not in self.plan.properties:
            self.plan.properties.append(p)
        self.prop_by_key[key] = p
        return p

    def meter(
        self, prop: PlannedProperty, name: str, etype: str, unit: str, espm_id: str | None
    ) -> PlannedMeter:
        key = (espm_id or "", "" if espm_id else f"{id(prop)}|{_fold(name)}|{etype}")
        found = self.meter_by_key.get(key)
        if found is not None:
            return found
        name = normalise_name(name)
        m: PlannedMeter | None = self.meter_by_espm.get(espm_id) if espm_id else None
        siblings = self.meters_of.setdefault(id(prop), [])
        if m is None:
            same = [
                s
                for s in siblings
                if s.energy_type == etype
                and _fold(s.name) in (_fold(name), _fold(_disambiguated(name, etype)))
                and (espm_id is None or s.espm_id is None)
            ]
            if same:
                m = same[0]
                if espm_id and m.id is not None:
                    m.espm_id, m.adopt_espm_id = espm_id, True
                    self.meter_by_espm[espm_id] = m
        if m is None:
            m = PlannedMeter(prop, _free_name(name, etype, espm_id, siblings), etype, unit, espm_id)
            siblings.append(m)
            if espm_id:
                self.meter_by_espm[espm_id] = m
        if m not in self.plan.meters:
            self.plan.meters.append(m)
        self.meter_by_key[key] = m
        return m

    def load_intervals(self) -> None:
        """Stored bills of the matched meters, for the duplicate, conflict and overlap checks."""
        stored = {m.id: m for m in self.plan.meters if m.id is not None and m.id not in self.loaded}
        if not stored:
            return
        ids = list(stored)
        # The raw driver, as for the inserts: SQLAlchemy's row and Date processing doubled a 120,000-bill
        # re-import's planning. SQLite holds dates as ISO text (both the ORM and the inserts write them so)
        # and the cost as a float; a month's date is parsed once for every meter.
        dbapi = self.session.connection().connection.driver_connection
        assert dbapi is not None
        days: dict[str, date] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = dbapi.execute(
                "SELECT meter_id, start_date, end_date, id, usage, cost FROM bill WHERE meter_id IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            )
            for meter_id, start_text, end_text, bill_id, usage, bill_cost in rows:
                start = days.get(start_text)
                if start is None:
                    start = days[start_text] = date.fromisoformat(start_text)
                end = days.get(end_text)
                if end is None:
                    end = days[end_text] = date.fromisoformat(end_text)
                m = stored[meter_id]
                key = (start, end)
                m.intervals.append(key)
                m.stored[key] = (bill_id, usage, bill_cost)
        for m in stored.values():
            m.intervals.sort()
        self.loaded.update(stored)


def _with_suffix(base: str, suffix: str) -> str:
    """`base` + `suffix`, the base shortened so the whole fits the name column (a cut suffix would clash)."""
    room = NAME_MAX_CHARS - len(suffix)
    return (base if len(base) <= room else base[:room].rstrip()) + suffix


def _disambiguated(name: str, etype: str) -> str:
    try:
        label = energy_type(etype).label_en
    except UnknownUnitError:
        label = etype
    return _with_suffix(name, f" ({label})")


def _free_name(name: str, etype: str, espm_id: str | None, siblings: list[PlannedMeter]) -> str:
    """A meter name not yet used in the property (ESPM lets a gas meter be called 'Electric Grid Meter')."""
    taken = {_fold(s.name) for s in siblings}
    base = name or _disambiguated("Meter", etype)
    candidates = itertools.chain(
        (base, _disambiguated(base, etype)),
        (_with_suffix(base, f" ({espm_id})"),) if espm_id else (),
        (_with_suffix(base, f" ({n})") for n in itertools.count(2)),
    )
    return next(c for c in candidates if _fold(c) not in taken)


def _overlap_error(row: ImportRow, other: tuple[date, date]) -> RowError:
    """The row error for an overlap, in the words every entry point uses (core.validation.overlap_error)."""
    error = overlap_error(row.start, row.end, *other)
    assert error is not None
    return RowError(
        row.file,
        row.sheet,
        row.row_number,
        "Start Date / End Date",
        f"{row.start.isoformat()} – {row.end.isoformat()}",
        f"Meter '{row.meter_name}': {error.message_en}",
        f"Compteur « {row.meter_name} » : {error.message_fr}",
    )


def _row_error(row: ImportRow, column: str, value: str, en: str, fr: str) -> RowError:
    return RowError(row.file, row.sheet, row.row_number, column, value, en, fr)


def _overlap(meter: PlannedMeter, start: date, end: date, at: int) -> tuple[date, date] | None:
    """The first accepted period ESPM refuses beside [start, end] (core.validation.bill_overlap).

    `at` is where [start, end] would sit in the sorted periods. Accepted periods obey the same rule, so their
    starts and ends both increase: only the two before `at` and those starting on or before `end` can clash.
    """
    spans = meter.intervals
    for j in range(max(0, at - 2), len(spans)):
        s, e = spans[j]
        if s > end:
            break
        if bill_overlap(start, end, s, e) is not None:
            return spans[j]
    return None


def _usage_in_meter_unit(row: ImportRow, meter: PlannedMeter) -> float:
    if row.unit == meter.unit:
        return row.usage
    return (
        row.usage
        * site_gj_per_unit(meter.energy_type, row.unit)
        / site_gj_per_unit(meter.energy_type, meter.unit)
    )


@dataclass(slots=True)
class _Choices:
    """The choice for each conflicting row: its own when one was made, else the default."""

    default: ConflictChoice
    by_row: Mapping[RowRef, ConflictChoice]

    def of(self, row: ImportRow) -> ConflictChoice:
        if not self.by_row:
            return self.default
        return self.by_row.get((row.file, row.sheet, row.row_number), self.default)


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
    matcher = _Matcher(session, plan)
    bounds = DateBounds.around(today)
    rows_meters: list[tuple[ImportRow, PlannedMeter]] = []
    for batch in batches:
        plan.files.append(batch.file)
        plan.notices.extend(batch.notices)
        plan.errors.extend(batch.errors)
        plan.skipped.extend(batch.skipped)
        _plan_properties(matcher, batch)
        # A file lists a meter's bills together, and matching the same names again gives the same meter.
        last: tuple[str | None, ...] = ()
        names_fit = True
        meter: PlannedMeter | None = None
        for row in batch.rows:
            names = (
                row.property_key,
                row.property_name,
                row.property_espm_id,
                row.meter_name,
                row.energy_type,
                row.unit,
                row.meter_espm_id,
            )
            if names != last:
                names_fit = row_names_fit(row)
                meter = None
            # The reader checked these already; a row made by any other means is checked here, before matching.
            if not (names_fit and row_values_fit(row, bounds)):
                problems = row_value_errors(row, bounds)
                if problems:
                    plan.errors.extend(problems)
                    continue
            if meter is None:
                prop = matcher.prop(row.property_key, row.property_name, row.property_espm_id)
                meter = matcher.meter(prop, row.meter_name, row.energy_type, row.unit, row.meter_espm_id)
                last = names
            rows_meters.append((row, meter))
        _plan_meters(matcher, batch, bounds)
    # Every meter is known before any row is checked: the stored periods are loaded in one pass.
    matcher.load_intervals()
    chosen = _Choices(on_conflict, choices or {})
    for row, meter in rows_meters:
        _plan_row(plan, row, meter, chosen)
    order = {name: i for i, name in enumerate(plan.files)}
    plan.errors.sort(key=lambda e: (order.get(e.file, 0), e.sheet, e.row))
    return plan


def _plan_properties(matcher: _Matcher, batch: ImportBatch) -> None:
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


def _plan_meters(matcher: _Matcher, batch: ImportBatch, bounds: DateBounds) -> None:
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


def _plan_row(plan: ImportPlan, row: ImportRow, meter: PlannedMeter, chosen: _Choices) -> None:
    if row.energy_type != meter.energy_type:
        plan.errors.append(
            _row_error(
                row,
                "Meter Type",
                row.energy_type,
                f"Meter '{meter.name}' holds {meter.energy_type} in the database, the file says "
                f"{row.energy_type}. Check the meter ID or the meter type.",
                f"Le compteur « {meter.name} » est de type {meter.energy_type} dans la base, le fichier "
                f"indique {row.energy_type}. Vérifiez le numéro ou le type du compteur.",
            )
        )
        return
    try:
        usage = _usage_in_meter_unit(row, meter)
    except UnknownUnitError as exc:
        plan.errors.append(_row_error(row, "Usage Units", row.unit, exc.message_en, exc.message_fr))
        return
    if not 0.0 <= usage <= USAGE_MAX:  # the reader checked the file's unit; a conversion can go beyond
        plan.errors.append(
            _row_error(
                row,
                "Usage/Quantity",
                repr(row.usage),
                f"The usage {row.usage:g} {row.unit} is {usage:g} {meter.unit}, the unit of meter "
                f"'{meter.name}': beyond the largest accepted, {USAGE_MAX:g}. Check the unit.",
                f"La consommation {row.usage:g} {row.unit} vaut {usage:g} {meter.unit}, l'unité du "
                f"compteur « {meter.name} » : plus que la plus grande acceptée, {USAGE_MAX:g}. Vérifiez "
                "l'unité.",
            )
        )
        return
    spans = meter.intervals
    key = (row.start, row.end)
    i = bisect.bisect_left(spans, key)
    if i < len(spans) and spans[i] == key:
        _plan_same_period(plan, row, meter, usage, key, chosen)
        return
    # Bills usually come in date order: one after every period it could clash with needs no search.
    # (A bill starting on the last end date may still be a one-day bill inside that period: search then.)
    after_all = i == len(spans) and (i == 0 or spans[-1][1] < row.start)
    clash = None if after_all else _overlap(meter, *key, i)
    if clash is not None:
        plan.errors.append(_overlap_error(row, clash))
        return
    spans.insert(i, key)
    meter.received += 1
    meter.planned[key] = len(plan.bills)
    plan.bills.append((meter, row, usage))


def _same_values(
    held_usage: float, held_cost: float | Decimal | None, usage: float, cost: Decimal | None
) -> bool:
    """Same bill: usages equal to float precision (unit conversions), costs within half a cent.

    A row without a cost says nothing about it: it matches any stored cost. A row with a cost differs from
    a stored bill without one (replacing would add it).
    """
    if held_usage != usage and not math.isclose(held_usage, usage, rel_tol=1e-9, abs_tol=1e-9):
        return False
    if cost is None:
        return True
    return held_cost is not None and abs(float(cost) - float(held_cost)) <= 0.005 + 1e-9


def _plan_same_period(
    plan: ImportPlan,
    row: ImportRow,
    meter: PlannedMeter,
    usage: float,
    key: tuple[date, date],
    chosen: _Choices,
) -> None:
    """A row for a period the meter holds: a duplicate, or a conflict kept, replaced or refused."""
    earlier: ImportRow | None = None
    at_new = meter.planned.get(key) if key not in meter.stored else None
    at_replaced = meter.replacing.get(key) if at_new is None and meter.replacing else None
    held_cost: float | Decimal | None
    if at_new is not None:
        _, earlier, held_usage = plan.bills[at_new]
        held_cost = earlier.cost
    elif at_replaced is not None:
        _, _, earlier, held_usage = plan.replaced[at_replaced]
        held_cost = earlier.cost
    else:
        _, held_usage, held_cost = meter.stored[key]
    if _same_values(held_usage, held_cost, usage, row.cost):
        plan.duplicates.append(row)
        return
    choice = chosen.of(row)
    plan.conflicts.append(
        BillConflict(
            file=row.file,
            sheet=row.sheet,
            row=row.row_number,
            property_name=meter.prop.name,
            meter_name=meter.name,
            unit=meter.unit,
            start=row.start,
            end=row.end,
            stored_usage=held_usage,
            stored_cost=_money(held_cost),
            file_usage=usage,
            file_cost=row.cost,
            choice=choice,
            earlier_file=earlier.file if earlier is not None else None,
            earlier_row=earlier.row_number if earlier is not None else None,
        )
    )
    if choice is not ConflictChoice.REPLACE:
        return  # keep: what is held stays; fail: the import is refused after planning
    if at_new is not None:
        plan.bills[at_new] = (meter, row, usage)
    elif at_replaced is not None:
        bill_id = plan.replaced[at_replaced][0]
        plan.replaced[at_replaced] = (bill_id, meter, row, usage)
    else:
        meter.replacing[key] = len(plan.replaced)
        plan.replaced.append((meter.stored[key][0], meter, row, usage))
        meter.received += 1


def _money(value: float | Decimal | None) -> Decimal | None:
    """A stored cost (SQLite's float) as the Decimal of its cents, for messages and the summary."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value)) if math.isfinite(value) else None


def _begin_immediate(session: Session) -> Any:
    """The sqlite3 connection of the session, inside a write transaction taken now.

    BEGIN IMMEDIATE makes the plan's reads and the writes one transaction: no other writer can slip in.
    """
    dbapi = session.connection().connection.driver_connection
    if dbapi is not None and not dbapi.in_transaction:
        dbapi.execute("BEGIN IMMEDIATE")
    return dbapi


def _insert_properties(session: Session, plan: ImportPlan) -> None:
    # One flush per kind: the rows are inserted in plan order and get their ids together.
    new_properties: list[tuple[PlannedProperty, models.Property]] = []
    for p in plan.properties:
        if p.id is None:
            row = models.Property(
                name=p.name,  # checked against NAME_MAX_CHARS: never cut, or it would not match again
                espm_property_id=p.espm_id,
                street_address=p.street_address,
                city=p.city,
                province=p.province or "QC",
                postal_code=p.postal_code,
                gross_floor_area_m2=p.gross_floor_area_m2 or 0.0,
            )
            session.add(row)
            new_properties.append((p, row))
        elif p.adopt_espm_id:
            session.get_one(models.Property, p.id).espm_property_id = p.espm_id
    session.flush()
    for p, row in new_properties:
        p.id, p.created = row.id, True
    new_meters: list[tuple[PlannedMeter, models.Meter]] = []
    for m in plan.meters:
        if m.id is None:
            assert m.prop.id is not None
            meter = models.Meter(
                property_id=m.prop.id,
                name=m.name,
                energy_type=m.energy_type,
                unit=m.unit,
                espm_meter_id=m.espm_id,
                active_date=m.active_date,
                inactive_date=m.inactive_date,
            )
            session.add(meter)
            new_meters.append((m, meter))
        elif m.adopt_espm_id:
            session.get_one(models.Meter, m.id).espm_meter_id = m.espm_id
    session.flush()
    for m, meter in new_meters:
        m.id, m.created = meter.id, True


def _bill_values(plan: ImportPlan, stamp: str) -> Iterable[tuple[Any, ...]]:
    source = BillSource.IMPORT.value
    for meter, row, usage in plan.bills:
        cost = float(row.cost) if isinstance(row.cost, Decimal) else row.cost
        yield (
            meter.id,
            row.start.isoformat(),
            row.end.isoformat(),
            usage,
            cost,
            1 if row.estimated else 0,
            source,
            stamp,
            stamp,
        )


_INSERT_BILL = (
    "INSERT INTO bill (meter_id, start_date, end_date, usage, cost, estimated, source, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_REPLACE_BILL = "UPDATE bill SET usage = ?, cost = ?, estimated = ?, source = ?, updated_at = ? WHERE id = ?"


def _replacement_values(plan: ImportPlan, stamp: str) -> list[tuple[Any, ...]]:
    source = BillSource.IMPORT.value
    return [
        (
            usage,
            float(row.cost) if row.cost is not None else None,
            1 if row.estimated else 0,
            source,
            stamp,
            bill_id,
        )
        for bill_id, _, row, usage in plan.replaced
    ]


def import_batches(
    session: Session,
    batches: Iterable[ImportBatch],
    *,
    strict: bool = False,
    on_conflict: ConflictChoice = ConflictChoice.FAIL,
    choices: Mapping[RowRef, ConflictChoice] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Plan and write in the caller's transaction (the caller commits; on any exception it rolls back).

    Conflicting rows follow `choices` (by file, sheet, row), else `on_conflict`. Raises StrictImportRefused
    (strict and row errors), ConflictsRefused (a conflict left to FAIL) or ImportCancelled (`cancelled()`
    turned true), before anything is written or with the transaction to roll back.
    """
    dbapi = _begin_immediate(session)
    plan = plan_import(session, batches, on_conflict=on_conflict, choices=choices, today=today)
    if strict and plan.errors:
        raise StrictImportRefused(plan)
    if plan.refused_conflicts:
        raise ConflictsRefused(plan)
    _insert_properties(session, plan)
    total = len(plan.bills) + len(plan.replaced)
    stamp = utcnow().isoformat(sep=" ", timespec="microseconds")
    values = _bill_values(plan, stamp)
    done = 0
    cursor = dbapi.cursor()
    try:
        if plan.replaced:
            # In the same transaction as the new bills: a failure or Cancel after this restores the old values.
            cursor.executemany(_REPLACE_BILL, _replacement_values(plan, stamp))
            done = len(plan.replaced)
            if progress is not None:
                progress(done, total)
        while done < total:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            chunk = list(itertools.islice(values, CHUNK))
            cursor.executemany(_INSERT_BILL, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    finally:
        cursor.close()
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    _refresh_setup_progress(session, plan, today or date.today())
    plan.written = True
    return plan


def _refresh_setup_progress(session: Session, plan: ImportPlan, today: date) -> None:
    from espm_desktop.db.data_exchange import refresh_data_received

    for m in plan.meters:
        # A meter this import created has not been shared with Énergir yet: nothing to refresh.
        if m.received and m.id is not None and not m.created:
            refresh_data_received(session, m.id, today)


def import_into_database(
    engine: Engine,
    batches: Iterable[ImportBatch],
    *,
    strict: bool = False,
    on_conflict: ConflictChoice = ConflictChoice.FAIL,
    choices: Mapping[RowRef, ConflictChoice] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """One transaction: every bill, property, meter and replacement of the files, or nothing.

    Conflicts refuse the import unless `on_conflict` or `choices` say keep or replace (see
    `import_for_command_line` for why refusing is the default).
    """
    with Session(engine, expire_on_commit=False) as session, session.begin():
        return import_batches(
            session,
            batches,
            strict=strict,
            on_conflict=on_conflict,
            choices=choices,
            progress=progress,
            cancelled=cancelled,
            today=today,
        )


def preview_import(
    engine: Engine,
    batches: Iterable[ImportBatch],
    *,
    on_conflict: ConflictChoice = ConflictChoice.FAIL,
    choices: Mapping[RowRef, ConflictChoice] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """The plan against the database as it is now, in a read-only session."""
    with Session(engine) as session:
        try:
            return plan_import(session, batches, on_conflict=on_conflict, choices=choices, today=today)
        finally:
            session.rollback()


@dataclass(frozen=True, slots=True)
class CommandLineImport:
    """What `espm-desktop import` prints (`plan.summary`) and the exit code it returns."""

    plan: ImportPlan
    exit_code: int
    """0 done (row errors are listed in the summary); 1 refused: --strict and row errors, or conflicts
    with --on-conflict fail. Nothing is written when it is 1."""


def import_for_command_line(
    engine: Engine,
    batches: Iterable[ImportBatch],
    *,
    on_conflict: ConflictChoice = ConflictChoice.FAIL,
    strict: bool = False,
    dry_run: bool = False,
    today: date | None = None,
) -> CommandLineImport:
    """The import the command line runs: `--on-conflict keep|replace|fail`, `--strict`, `--dry-run`.

    The default is `fail`. A batch script must never overwrite a stored bill silently (`replace` would),
    and must never drop the file's value silently either (`keep` would, and that was the bug: a corrected
    bill counted as a duplicate). Refusing imports nothing, exits 1 like --strict and prints every conflict
    with both values, so the person re-runs with the choice made explicitly; a file without conflicts is
    unaffected. A dry run plans with the same choice, writes nothing and exits 0.
    Database problems (locked, read-only, full) propagate for the caller's exit 3.
    """
    batches = list(batches)
    if dry_run:
        return CommandLineImport(preview_import(engine, batches, on_conflict=on_conflict, today=today), 0)
    try:
        plan = import_into_database(engine, batches, strict=strict, on_conflict=on_conflict, today=today)
    except StrictImportRefused as exc:  # ConflictsRefused too
        return CommandLineImport(exc.plan, 1)
    return CommandLineImport(plan, 0)
