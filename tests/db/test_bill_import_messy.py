"""Generated messy sheets imported into a database that already holds data: valid rows arrive, every other row is
reported with its row number, and nothing else in the database changes."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from hypothesis import HealthCheck, given, settings

from espm_desktop.app.bill_import import import_into_database
from espm_desktop.db.demo import create_demo_database
from espm_desktop.db.engine import make_engine
from espm_desktop.io.espm_import import DateOrder, read_bills_file
from tests.io.test_espm_import_messy import MESSY_SHEETS, write_messy_file


def snapshot(db: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute(
                "SELECT b.id, b.meter_id, b.start_date, b.end_date, b.usage, b.cost, b.source, b.updated_at "
                "FROM bill b ORDER BY b.id"
            ).fetchall()
            + con.execute("SELECT * FROM property ORDER BY id").fetchall()
        )
    finally:
        con.close()


def overlaps_by_more_than_a_day(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return (min(a[1], b[1]) - max(a[0], b[0])).days + 1 > 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**MESSY_SHEETS)
def test_messy_sheet_into_a_database_with_data(
    rows: list[dict[str, Any]], order: list[str], is_csv: bool, title_rows: int
) -> None:
    with TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = create_demo_database(folder / "demo.sqlite")
        before = snapshot(db)
        path, valid, invalid = write_messy_file(folder, rows, order, is_csv, title_rows)
        batch = read_bills_file(path, date_order=DateOrder.DMY)
        engine = make_engine(db)
        plan = import_into_database(engine, [batch])
        engine.dispose()
        after = snapshot(db)
        con = sqlite3.connect(db)
        stored = {
            (date.fromisoformat(s), date.fromisoformat(e), u)
            for s, e, u in con.execute("SELECT start_date, end_date, usage FROM bill WHERE source = 'import'")
        }
        con.close()

    # Nothing that was there before has changed: every earlier bill and property row is still there, unchanged.
    assert set(before) <= set(after)
    # Every bad row is reported with its row number.
    reported = {e.row for e in plan.errors}
    assert invalid <= reported
    # Every valid row is stored, a duplicate of one stored, or reported (ESPM's overlap rule between generated rows).
    duplicates = {d.row_number for d in plan.duplicates}
    for number, start, end, usage in valid:
        assert (start, end, usage) in stored or number in duplicates or number in reported, number
    # What was stored is exactly the valid rows that were not refused, and none overlap by more than a day.
    kept = sorted((s, e) for s, e, _u in stored)
    assert len(stored) == len(plan.bills)
    assert not any(overlaps_by_more_than_a_day(a, b) for i, a in enumerate(kept) for b in kept[i + 1 :])
