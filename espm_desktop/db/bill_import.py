"""Store bills read from files: match or create properties and meters, skip duplicates, refuse overlaps.

    plan_import(session, batches)              → ImportPlan (counts and row errors; nothing written)
    import_batches(session, batches, ...)      → ImportPlan, written inside the caller's transaction
    import_into_database(engine, batches, ...) → ImportPlan, one transaction committed (or rolled back)

Properties are matched by ESPM property ID, else by name; meters by ESPM meter ID, else by name and energy
type within their property. A bill with the same meter, start and end as a stored (or earlier) one is a
duplicate; one overlapping a meter's other bill by more than one day is a row error (ESPM's rule).
The bills go in with the raw sqlite3 `executemany` inside the session's transaction: the ORM is ~80 times
slower for a 120,000-row portfolio.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.energy import UnknownUnitError, energy_type, site_gj_per_unit
from espm_desktop.core.types import BillSource
from espm_desktop.db import models
from espm_desktop.db.models import utcnow
from espm_desktop.io.import_types import ImportBatch, ImportRow, RowError, SkippedRow

ProgressCallback = Callable[[int, int], None]
"""(bills written, bills to write)."""
CHUNK = 5000


class ImportCancelled(Exception):
    """The user cancelled: the transaction is rolled back and nothing is stored."""


class StrictImportRefused(Exception):
    """`strict` was asked and some rows are invalid: nothing is stored."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(f"{len(plan.errors)} invalid rows; nothing imported")
        self.plan = plan


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
    received: int = 0


@dataclass(slots=True)
class ImportPlan:
    """What an import does (or did): new bills, duplicates, row errors, skipped rows, new properties/meters."""

    files: list[str] = field(default_factory=list)
    bills: list[tuple[PlannedMeter, ImportRow, float]] = field(default_factory=list)
    """(meter, row, usage in the meter's unit) of every bill to insert."""
    duplicates: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    properties: list[PlannedProperty] = field(default_factory=list)
    meters: list[PlannedMeter] = field(default_factory=list)
    written: bool = False

    @property
    def new_properties(self) -> list[PlannedProperty]:
        return [p for p in self.properties if p.id is None or p.created]

    @property
    def new_meters(self) -> list[PlannedMeter]:
        return [m for m in self.meters if m.id is None or m.created]

    def summary(self, language: str = "en") -> dict[str, Any]:
        """The JSON summary the command line prints."""
        return {
            "files": self.files,
            "imported": len(self.bills) if self.written else 0,
            "new_bills": len(self.bills),
            "duplicates": len(self.duplicates),
            "skipped": len(self.skipped),
            "invalid": len(self.errors),
            "new_properties": len(self.new_properties),
            "new_meters": len(self.new_meters),
            "written": self.written,
            "errors": [error_dict(e, language) for e in self.errors],
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


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


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
        """Stored bill periods of the matched meters, for the duplicate and overlap checks."""
        stored = {m.id: m for m in self.plan.meters if m.id is not None and m.id not in self.loaded}
        if not stored:
            return
        ids = list(stored)
        for i in range(0, len(ids), 500):
            rows = self.session.execute(
                select(models.Bill.meter_id, models.Bill.start_date, models.Bill.end_date).where(
                    models.Bill.meter_id.in_(ids[i : i + 500])
                )
            )
            for meter_id, start, end in rows:
                stored[meter_id].intervals.append((start, end))
        for m in stored.values():
            m.intervals.sort()
        self.loaded.update(stored)


def _disambiguated(name: str, etype: str) -> str:
    try:
        label = energy_type(etype).label_en
    except UnknownUnitError:
        label = etype
    return f"{name} ({label})"


def _free_name(name: str, etype: str, espm_id: str | None, siblings: list[PlannedMeter]) -> str:
    """A meter name not yet used in the property (ESPM lets a gas meter be called 'Electric Grid Meter')."""
    taken = {_fold(s.name) for s in siblings}
    base = name or _disambiguated("Meter", etype)
    candidates = itertools.chain(
        (base, _disambiguated(base, etype)),
        (f"{base} ({espm_id})",) if espm_id else (),
        (f"{base} ({n})" for n in itertools.count(2)),
    )
    return next(c for c in candidates if _fold(c) not in taken)


def _overlap_error(row: ImportRow, other: tuple[date, date], days: int) -> RowError:
    return RowError(
        row.file,
        row.sheet,
        row.row_number,
        "Start Date / End Date",
        f"{row.start.isoformat()} – {row.end.isoformat()}",
        f"Meter '{row.meter_name}': this bill overlaps the bill from {other[0]} to {other[1]} by {days} "
        "days; ESPM allows bills to share one day at most. Correct the dates or delete one of the bills.",
        f"Compteur « {row.meter_name} » : cette facture chevauche celle du {other[0]} au {other[1]} de "
        f"{days} jours; ESPM permet au plus un jour commun. Corrigez les dates ou supprimez une des factures.",
    )


def _row_error(row: ImportRow, column: str, value: str, en: str, fr: str) -> RowError:
    return RowError(row.file, row.sheet, row.row_number, column, value, en, fr)


def _overlap(meter: PlannedMeter, start: date, end: date, at: int) -> tuple[tuple[date, date], int] | None:
    """The first accepted period overlapping [start, end] by more than one day, and the days.

    Two periods share more than one day exactly when the earlier end is after the later start. `at` is
    where [start, end] would sit in the sorted periods; accepted periods never share more than a day, so
    only the two before it and those starting before `end` can clash.
    """
    spans = meter.intervals
    for j in range(max(0, at - 2), len(spans)):
        s, e = spans[j]
        if s > end:
            break
        if min(e, end) > max(s, start):
            return spans[j], (min(e, end) - max(s, start)).days + 1
    return None


def _usage_in_meter_unit(row: ImportRow, meter: PlannedMeter) -> float:
    if row.unit == meter.unit:
        return row.usage
    return (
        row.usage
        * site_gj_per_unit(meter.energy_type, row.unit)
        / site_gj_per_unit(meter.energy_type, meter.unit)
    )


def plan_import(session: Session, batches: Iterable[ImportBatch]) -> ImportPlan:
    """Decide every row's fate against the database as it is now; writes nothing."""
    plan = ImportPlan()
    matcher = _Matcher(session, plan)
    rows_meters: list[tuple[ImportRow, PlannedMeter]] = []
    for batch in batches:
        plan.files.append(batch.file)
        plan.errors.extend(batch.errors)
        plan.skipped.extend(batch.skipped)
        _plan_properties(matcher, batch)
        # A file lists a meter's bills together, and matching the same names again gives the same meter.
        last: tuple[str | None, ...] = ()
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
            if meter is None or names != last:
                prop = matcher.prop(row.property_key, row.property_name, row.property_espm_id)
                meter = matcher.meter(prop, row.meter_name, row.energy_type, row.unit, row.meter_espm_id)
                last = names
            rows_meters.append((row, meter))
        _plan_meters(matcher, batch)
    # Every meter is known before any row is checked: the stored periods are loaded in one pass.
    matcher.load_intervals()
    for row, meter in rows_meters:
        _plan_row(plan, row, meter)
    order = {name: i for i, name in enumerate(plan.files)}
    plan.errors.sort(key=lambda e: (order.get(e.file, 0), e.sheet, e.row))
    return plan


def _plan_properties(matcher: _Matcher, batch: ImportBatch) -> None:
    """Properties described by a `Properties` sheet, with their address and floor area."""
    for p in batch.properties:
        planned = matcher.prop(p.espm_id or p.name, p.name, p.espm_id)
        if planned.id is None:
            planned.street_address = p.street_address
            planned.city = p.city
            planned.province = p.province
            planned.postal_code = p.postal_code
            planned.gross_floor_area_m2 = p.gross_floor_area_m2


def _plan_meters(matcher: _Matcher, batch: ImportBatch) -> None:
    """Energy meters of a `Meters` sheet (also those without bills yet), with their dates."""
    for m in batch.meters:
        if m.energy_type is None or m.unit is None:
            continue
        key = m.property_key
        prop = matcher.prop_by_key.get(key) or matcher.prop(key, key, key if key.isdigit() else None)
        meter = matcher.meter(prop, m.name, m.energy_type, m.unit, m.espm_meter_id)
        if meter.id is None:
            meter.active_date, meter.inactive_date = m.active_date, m.inactive_date


def _plan_row(plan: ImportPlan, row: ImportRow, meter: PlannedMeter) -> None:
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
    spans = meter.intervals
    key = (row.start, row.end)
    i = bisect.bisect_left(spans, key)
    if i < len(spans) and spans[i] == key:
        plan.duplicates.append(row)
        return
    # Bills usually come in date order: one after every period it could clash with needs no search.
    after_all = i == len(spans) and (i == 0 or spans[-1][1] <= row.start)
    clash = None if after_all and (i < 2 or spans[-2][1] <= row.start) else _overlap(meter, *key, i)
    if clash is not None:
        plan.errors.append(_overlap_error(row, *clash))
        return
    spans.insert(i, key)
    meter.received += 1
    plan.bills.append((meter, row, usage))


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
                name=p.name[:200],
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
                name=m.name[:200],
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


def import_batches(
    session: Session,
    batches: Iterable[ImportBatch],
    *,
    strict: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Plan and write in the caller's transaction (the caller commits; on any exception it rolls back).

    Raises StrictImportRefused (strict and row errors) or ImportCancelled (`cancelled()` turned true).
    """
    dbapi = _begin_immediate(session)
    plan = plan_import(session, batches)
    if strict and plan.errors:
        raise StrictImportRefused(plan)
    _insert_properties(session, plan)
    total = len(plan.bills)
    stamp = utcnow().isoformat(sep=" ", timespec="microseconds")
    values = _bill_values(plan, stamp)
    done = 0
    cursor = dbapi.cursor()
    try:
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
    from espm_desktop.db.setup_progress import refresh_data_received

    for m in plan.meters:
        # A meter this import created has not been shared with Énergir yet: nothing to refresh.
        if m.received and m.id is not None and not m.created:
            refresh_data_received(session, m.id, today)


def import_into_database(
    engine: Engine,
    batches: Iterable[ImportBatch],
    *,
    strict: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportPlan:
    """One transaction: every bill, property and meter of the files, or nothing."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        return import_batches(
            session, batches, strict=strict, progress=progress, cancelled=cancelled, today=today
        )


def preview_import(engine: Engine, batches: Iterable[ImportBatch]) -> ImportPlan:
    """The plan against the database as it is now, in a read-only session."""
    with Session(engine) as session:
        try:
            return plan_import(session, batches)
        finally:
            session.rollback()
