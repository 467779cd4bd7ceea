"""Import bills read from files: match or create properties and meters, skip duplicates, refuse overlaps.

    plan_import(session, batches)              → ImportPlan (counts, row errors, conflicts; nothing written)
    import_batches(session, batches, ...)      → ImportPlan, written inside the caller's transaction
    import_into_database(engine, batches, ...) → ImportPlan, one transaction committed (or rolled back)
    import_for_command_line(engine, batches, ...) → CommandLineImport (the plan and the exit code)

Every row's values are checked first (io.import_rows as the file is read, io.row_checks for rows made by
other means: finite numbers the columns hold, plausible dates, names in their one normalised form and within
their column); a row with bad values is an error, counted once however many of its cells are bad. Matching
(app.bill_matching) and each row's fate — new, duplicate, conflict, overlap (app.bill_planning) — follow.
The bills go in by column name (db.import_store.NewBill) with sqlite3's `executemany`, a chunk at a time, inside
the session's transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.app.bill_import_plan import (
    ImportPlan,
    PlannedBill,
    PlannedBills,
    PlannedMeter,
    PlannedProperty,
    ReplacedBill,
    conflict_dict,
    error_dict,
)
from espm_desktop.app.bill_planning import plan_import
from espm_desktop.core.types import BillSource
from espm_desktop.db.data_exchange import refresh_data_received
from espm_desktop.db.import_store import (
    BillReplacement,
    NewBill,
    NewMeter,
    NewProperty,
    insert_bills,
    insert_meters,
    insert_properties,
    replace_bills,
    set_meter_espm_id,
    set_property_espm_id,
    timestamp,
    write_connection,
)
from espm_desktop.io.import_types import BillConflict, ConflictChoice, ImportBatch, RowRef
from espm_desktop.io.row_store import ESTIMATED

__all__ = [
    "BillConflict",
    "CommandLineImport",
    "ConflictChoice",
    "ConflictsRefused",
    "ImportCancelled",
    "ImportPlan",
    "PlannedBill",
    "PlannedMeter",
    "PlannedProperty",
    "ReplacedBill",
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


def _insert_properties(session: Session, plan: ImportPlan) -> None:
    """New properties and meters in plan order (one flush each), ESPM IDs adopted by matched ones."""
    new_properties = [p for p in plan.properties if p.id is None]
    ids = insert_properties(
        session,
        [
            NewProperty(
                name=p.name,  # checked against NAME_MAX_CHARS: never cut, or it would not match again
                espm_property_id=p.espm_id,
                street_address=p.street_address,
                city=p.city,
                province=p.province or "QC",
                postal_code=p.postal_code,
                gross_floor_area_m2=p.gross_floor_area_m2 or 0.0,
            )
            for p in new_properties
        ],
    )
    for p, new_id in zip(new_properties, ids, strict=True):
        p.id, p.created = new_id, True
    for p in plan.properties:
        if p.adopt_espm_id and not p.created and p.id is not None:
            set_property_espm_id(session, p.id, p.espm_id)
    new_meters = [m for m in plan.meters if m.id is None]
    meter_ids = insert_meters(session, [_new_meter(m) for m in new_meters])
    for m, new_id in zip(new_meters, meter_ids, strict=True):
        m.id, m.created = new_id, True
    for m in plan.meters:
        if m.adopt_espm_id and not m.created and m.id is not None:
            set_meter_espm_id(session, m.id, m.espm_id)
    session.flush()


def _new_meter(m: PlannedMeter) -> NewMeter:
    assert m.prop.id is not None
    return NewMeter(
        property_id=m.prop.id,
        name=m.name,
        energy_type=m.energy_type,
        unit=m.unit,
        espm_meter_id=m.espm_id,
        active_date=m.active_date,
        inactive_date=m.inactive_date,
    )


def _new_bills(bills: PlannedBills, stamp: str) -> Iterator[NewBill]:
    """Each planned bill as the row the `bill` table gets; each date's text made once."""
    source = BillSource.IMPORT.value
    days: dict[int, str] = {}
    for store, index, meter, usage in zip(
        bills.stores, bills.indexes, bills.meters, bills.usages, strict=True
    ):
        start, end = store.starts[index], store.ends[index]
        start_text = days.get(start) or days.setdefault(start, date.fromordinal(start).isoformat())
        end_text = days.get(end) or days.setdefault(end, date.fromordinal(end).isoformat())
        cost = store.costs[index]
        assert meter.id is not None
        yield {
            "meter_id": meter.id,
            "start_date": start_text,
            "end_date": end_text,
            "usage": usage,
            "cost": None if cost != cost else cost,
            "estimated": bool(store.flags[index] & ESTIMATED),
            "source": source,
            "created_at": stamp,
            "updated_at": stamp,
        }


def _replacements(plan: ImportPlan, stamp: str) -> Iterator[BillReplacement]:
    source = BillSource.IMPORT.value
    bills = plan.replaced.bills
    for position, bill_id in enumerate(plan.replaced.bill_ids):
        store, index = bills.stores[position], bills.indexes[position]
        cost = store.costs[index]
        yield {
            "id": bill_id,
            "usage": bills.usages[position],
            "cost": None if cost != cost else cost,
            "estimated": bool(store.flags[index] & ESTIMATED),
            "source": source,
            "updated_at": stamp,
        }


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
    connection = write_connection(session)
    plan = plan_import(session, batches, on_conflict=on_conflict, choices=choices, today=today)
    if strict and plan.errors:
        raise StrictImportRefused(plan)
    if plan.refused_conflicts:
        raise ConflictsRefused(plan)
    _insert_properties(session, plan)
    total = len(plan.bills) + len(plan.replaced)
    stamp = timestamp()
    done = 0
    if plan.replaced:
        # In the same transaction as the new bills: a failure or Cancel after this restores the old values.
        replace_bills(connection, _replacements(plan, stamp))
        done = len(plan.replaced)
        if progress is not None:
            progress(done, total)
    bills = _new_bills(plan.bills, stamp)
    while done < total:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        chunk = list(itertools.islice(bills, CHUNK))
        insert_bills(connection, chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    _refresh_data_exchange(session, plan, today or date.today())
    plan.written = True
    return plan


def _refresh_data_exchange(session: Session, plan: ImportPlan, today: date) -> None:
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
