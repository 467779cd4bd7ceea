"""Conflicts (a period stored with other values) are shown and resolved, never dropped; names match in one
normalised form and never get cut; nothing non-finite or implausible reaches the database."""

from __future__ import annotations

import json
import math
import sqlite3
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.app.bill_import import (
    ConflictChoice,
    ConflictsRefused,
    ImportCancelled,
    StrictImportRefused,
    import_for_command_line,
    import_into_database,
    preview_import,
)
from espm_desktop.db import models
from espm_desktop.io.espm_import import read_bills_file
from espm_desktop.io.import_types import FileKind, ImportBatch, ImportRow
from espm_desktop.io.parse_values import ESPM_ID_MAX_CHARS, NAME_MAX_CHARS

HEADER = "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units,Cost ($)"
GAS = "Natural Gas"
M3 = "cm (cubic meters)"


def _csv(path: Path, *rows: str) -> ImportBatch:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return read_bills_file(path)


def _bills(db: Path) -> list[tuple[int, str, float, float | None]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, start_date, usage, cost FROM bill ORDER BY start_date").fetchall()
    finally:
        con.close()


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def stored(tmp_path: Path, engine: Engine, db_path: Path) -> list[tuple[int, str, float, float | None]]:
    """Tour A / Gaz with January (100 m³, 10 $) and February (90 m³, 9 $) 2023 stored."""
    seed = _csv(
        tmp_path / "seed.csv",
        f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},10",
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,90,{M3},9",
    )
    import_into_database(engine, [seed])
    return _bills(db_path)


def _corrected(tmp_path: Path) -> ImportBatch:
    """January again (same values), February corrected (95 m³, 9.50 $), March new."""
    return _csv(
        tmp_path / "corrected.csv",
        f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},10.00",
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,95,{M3},9.50",
        f"Tour A,Gaz,{GAS},2023-03-01,2023-03-31,80,{M3},8",
    )


def test_a_corrected_bill_is_a_conflict_and_fail_imports_nothing(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    batch = _corrected(tmp_path)
    with pytest.raises(ConflictsRefused) as refused:
        import_into_database(engine, [batch])  # fail is the default
    assert isinstance(refused.value, StrictImportRefused)
    assert _bills(db_path) == stored
    plan = refused.value.plan
    assert (len(plan.bills), len(plan.duplicates), len(plan.conflicts)) == (1, 1, 1)
    summary = plan.summary()
    assert summary["written"] is False and summary["imported"] == 0 and summary["duplicates"] == 1
    assert summary["conflicts"] == [
        {
            "file": "corrected.csv",
            "sheet": "corrected",
            "row": 3,
            "property": "Tour A",
            "meter": "Gaz",
            "period": {"start": "2023-02-01", "end": "2023-02-28"},
            "unit": "m3",
            "stored": {"usage": 90.0, "cost": 9.0},
            "file_value": {"usage": 95.0, "cost": 9.5},
            "earlier_row": None,
            "resolution": "fail",
        }
    ]
    json.dumps(summary)  # JSON-ready


def test_keep_leaves_the_stored_bill_and_lists_the_conflict(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    plan = import_into_database(engine, [_corrected(tmp_path)], on_conflict=ConflictChoice.KEEP)
    assert _bills(db_path)[:2] == stored and _bills(db_path)[2][1:] == ("2023-03-01", 80.0, 8.0)
    summary = plan.summary()
    assert (summary["imported"], summary["replaced"], summary["duplicates"]) == (1, 0, 1)
    assert [(c["row"], c["resolution"]) for c in summary["conflicts"]] == [(3, "keep")]


def test_replace_updates_the_stored_bill_in_place(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    plan = import_into_database(engine, [_corrected(tmp_path)], on_conflict=ConflictChoice.REPLACE)
    february_id = stored[1][0]
    assert _bills(db_path) == [
        stored[0],
        (february_id, "2023-02-01", 95.0, 9.5),  # the same bill, the file's values
        (_bills(db_path)[2][0], "2023-03-01", 80.0, 8.0),
    ]
    assert (plan.summary()["imported"], plan.summary()["replaced"]) == (1, 1)
    assert _count(db_path, "bill") == 3
    # Importing the same file again: everything is a duplicate now.
    again = preview_import(engine, [_corrected(tmp_path)])
    assert (len(again.bills), len(again.duplicates), len(again.conflicts)) == (0, 3, 0)


def test_a_replace_is_undone_when_the_transaction_fails_later(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    batch = _corrected(tmp_path)

    def fail(done: int, total: int) -> None:
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        import_into_database(engine, [batch], on_conflict=ConflictChoice.REPLACE, progress=fail)
    assert _bills(db_path) == stored
    calls: list[int] = []

    def cancel_after_replacing() -> bool:
        calls.append(1)
        return True  # asked only once the replacement is written, before the new bills

    with pytest.raises(ImportCancelled):
        import_into_database(
            engine, [batch], on_conflict=ConflictChoice.REPLACE, cancelled=cancel_after_replacing
        )
    assert calls and _bills(db_path) == stored
    # --strict refuses a file with a bad row before the replacement is written.
    bad = _csv(
        tmp_path / "bad.csv",
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,95,{M3},9.50",
        f"Tour A,Gaz,{GAS},2023-04-01,2023-04-30,NaN,{M3},8",
    )
    with pytest.raises(StrictImportRefused):
        import_into_database(engine, [bad], on_conflict=ConflictChoice.REPLACE, strict=True)
    assert _bills(db_path) == stored


def test_cost_only_and_missing_cost_differences(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    batch = _csv(
        tmp_path / "costs.csv",
        f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},",  # no cost: says nothing about it
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,90,{M3},9.004",  # within half a cent: the same
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,90,{M3},9.10",  # another cost: a conflict
    )
    plan = preview_import(engine, [batch], on_conflict=ConflictChoice.KEEP)
    assert [r.row_number for r in plan.duplicates] == [2, 3]
    ((conflict,),) = [plan.conflicts]
    assert (conflict.row, conflict.stored_cost, conflict.file_cost) == (4, Decimal("9.0"), Decimal("9.10"))


def test_the_same_value_in_another_unit_is_a_duplicate(
    tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]
) -> None:
    from espm_desktop.core.energy import site_gj_per_unit

    gj = 100 * site_gj_per_unit("natural_gas", "m3") / site_gj_per_unit("natural_gas", "GJ")
    batch = _csv(tmp_path / "gj.csv", f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,{gj!r},GJ,10")
    plan = preview_import(engine, [batch])
    assert (len(plan.duplicates), len(plan.conflicts)) == (1, 0)


def _within(tmp_path: Path) -> ImportBatch:
    return _csv(
        tmp_path / "twice.csv",
        "Tour B,Élec,Electric - Grid,2023-01-01,2023-01-31,100,kWh (thousand Watt-hours),10",
        "Tour B,Élec,Electric - Grid,2023-01-01,2023-01-31,110,kWh (thousand Watt-hours),11",
        "Tour B,Élec,Electric - Grid,2023-01-01,2023-01-31,110,kWh (thousand Watt-hours),11",
    )


@pytest.mark.parametrize(
    ("choice", "usage", "conflict_rows", "duplicate_rows"),
    [
        (ConflictChoice.KEEP, 100.0, [3, 4], []),  # the first row wins; both later rows differ from it
        (ConflictChoice.REPLACE, 110.0, [3], [4]),  # the later row wins; the last one repeats it
    ],
)
def test_two_rows_of_one_file_for_the_same_period(
    tmp_path: Path,
    engine: Engine,
    db_path: Path,
    choice: ConflictChoice,
    usage: float,
    conflict_rows: list[int],
    duplicate_rows: list[int],
) -> None:
    plan = import_into_database(engine, [_within(tmp_path)], on_conflict=choice)
    assert [c.row for c in plan.conflicts] == conflict_rows
    assert [r.row_number for r in plan.duplicates] == duplicate_rows
    # Keep: rows 3 and 4 differ from row 2, which stays. Replace: row 3 differs from row 2 and takes its place.
    assert {(c.earlier_file, c.earlier_row) for c in plan.conflicts} == {("twice.csv", 2)}
    assert plan.summary()["conflicts"][0]["earlier_row"] == {"file": "twice.csv", "row": 2}
    assert [(b[2], b[3]) for b in _bills(db_path)] == [(usage, usage / 10)]


def test_two_rows_of_one_file_refuse_by_default(tmp_path: Path, engine: Engine, db_path: Path) -> None:
    with pytest.raises(ConflictsRefused) as refused:
        import_into_database(engine, [_within(tmp_path)])
    assert [c.row for c in refused.value.plan.conflicts] == [3, 4]
    assert _count(db_path, "bill") == 0 and _count(db_path, "property") == 0


def test_a_choice_per_row(tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]) -> None:
    batch = _csv(
        tmp_path / "mixed.csv",
        f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,101,{M3},10",
        f"Tour A,Gaz,{GAS},2023-02-01,2023-02-28,91,{M3},9",
    )
    choices = {
        ("mixed.csv", "mixed", 2): ConflictChoice.REPLACE,
        ("mixed.csv", "mixed", 3): ConflictChoice.KEEP,
    }
    plan = import_into_database(engine, [batch], choices=choices)
    assert [(c.row, c.choice) for c in plan.conflicts] == [
        (2, ConflictChoice.REPLACE),
        (3, ConflictChoice.KEEP),
    ]
    assert [b[2] for b in _bills(db_path)] == [101.0, 90.0]


def test_command_line_function(tmp_path: Path, engine: Engine, db_path: Path, stored: list[Any]) -> None:
    batch = _corrected(tmp_path)
    dry = import_for_command_line(engine, [batch], on_conflict=ConflictChoice.REPLACE, dry_run=True)
    assert dry.exit_code == 0 and not dry.plan.written and _bills(db_path) == stored
    assert dry.plan.summary()["conflicts"][0]["resolution"] == "replace"
    refused = import_for_command_line(engine, [batch])
    assert refused.exit_code == 1 and _bills(db_path) == stored
    assert refused.plan.summary()["conflicts"][0]["stored"] == {"usage": 90.0, "cost": 9.0}
    kept = import_for_command_line(engine, [batch], on_conflict=ConflictChoice.KEEP)
    assert kept.exit_code == 0 and kept.plan.summary()["imported"] == 1
    assert [b[2] for b in _bills(db_path)] == [100.0, 90.0, 80.0]
    assert import_for_command_line(engine, [batch], on_conflict=ConflictChoice.REPLACE).exit_code == 0
    assert [b[2] for b in _bills(db_path)] == [100.0, 95.0, 80.0]


# ------------------------------------------------------------------------------------------------- names


def test_names_over_the_limit_are_refused_every_time_never_cut(
    tmp_path: Path, engine: Engine, db_path: Path
) -> None:
    long_property, long_meter = "P" * 250, "M" * 250
    lines = [
        f"{long_property},Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},10",
        f"Tour A,{long_meter},{GAS},2023-01-01,2023-01-31,100,{M3},10",
        f"Tour A,Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},10",
    ]
    for attempt in range(2):
        plan = import_into_database(engine, [_csv(tmp_path / "long.csv", *lines)])
        assert [(e.row, e.column) for e in plan.errors] == [(2, "Property Name"), (3, "Meter Name")]
        assert "250 characters long; the database holds at most 200" in plan.errors[0].reason_en
        assert "250 caractères" in plan.errors[0].reason_fr and "200" in plan.errors[0].reason_fr
        assert plan.summary()["invalid"] == 2
        assert (len(plan.bills), len(plan.duplicates)) == ((1, 0) if attempt == 0 else (0, 1))
    assert (_count(db_path, "property"), _count(db_path, "meter"), _count(db_path, "bill")) == (1, 1, 1)


def test_a_long_meter_name_for_two_energy_types_is_shortened_to_fit_and_matches_again(
    tmp_path: Path, engine: Engine, db_path: Path
) -> None:
    name = "N" * NAME_MAX_CHARS
    lines = [
        f"Tour A,{name},Electric - Grid,2023-01-01,2023-01-31,100,kWh (thousand Watt-hours),10",
        f"Tour A,{name},{GAS},2023-01-01,2023-01-31,100,{M3},10",
    ]
    import_into_database(engine, [_csv(tmp_path / "same_name.csv", *lines)])
    with Session(engine) as s:
        names = set(s.scalars(select(models.Meter.name)))
    assert names == {name, "N" * (NAME_MAX_CHARS - len(" (Natural gas)")) + " (Natural gas)"}
    again = import_into_database(engine, [_csv(tmp_path / "same_name.csv", *lines)])
    assert (len(again.new_meters), len(again.duplicates)) == (0, 2)


def test_names_match_in_normalised_form_stored_names_too(
    tmp_path: Path, engine: Engine, db_path: Path
) -> None:
    nfd = unicodedata.normalize("NFD", "Château")
    with Session(engine) as s, s.begin():
        # Typed in by hand before normalisation existed: decomposed accent, doubled and trailing spaces.
        prop = models.Property(name=f"  {nfd}  Frontenac ")
        s.add(prop)
        s.flush()
        s.add(models.Meter(property_id=prop.id, name="Gaz ", energy_type="natural_gas", unit="m3"))
        prop_id = prop.id
    batch = _csv(
        tmp_path / "names.csv",
        f"'Château Frontenac,'Gaz,{GAS},2023-01-01,2023-01-31,100,{M3},10",
        f"château  frontenac ,Gaz,{GAS},2023-02-01,2023-02-28,90,{M3},9",
    )
    plan = import_into_database(engine, [batch])
    assert (len(plan.new_properties), len(plan.new_meters), len(plan.bills)) == (0, 0, 2)
    fresh = _csv(tmp_path / "new.csv", f"' Siège\u00a0social ,{nfd},{GAS},2023-01-01,2023-01-31,1,{M3},1")
    import_into_database(engine, [fresh])
    with Session(engine) as s:
        assert s.scalar(select(models.Property.name).where(models.Property.id > prop_id)) == "Siège social"
        assert "Château" in set(s.scalars(select(models.Meter.name)))


def test_limits_are_the_model_column_lengths() -> None:
    assert models.Property.__table__.c.name.type.length == NAME_MAX_CHARS  # type: ignore[attr-defined]
    assert models.Meter.__table__.c.name.type.length == NAME_MAX_CHARS  # type: ignore[attr-defined]
    assert models.Meter.__table__.c.espm_meter_id.type.length == ESPM_ID_MAX_CHARS  # type: ignore[attr-defined]
    assert models.Property.__table__.c.espm_property_id.type.length == ESPM_ID_MAX_CHARS  # type: ignore[attr-defined]
    cost = models.BillRecord.__table__.c.cost.type  # type: ignore[attr-defined]
    assert (cost.precision, cost.scale) == (14, 2)  # COST_MAX = 1e12: 12 digits before the point


# ------------------------------------------------------------------------------------ values and dates


def _row(number: int, **values: Any) -> ImportRow:
    base: dict[str, Any] = {
        "file": "made.csv",
        "sheet": "made",
        "row_number": number,
        "property_key": "Tour A",
        "property_name": "Tour A",
        "meter_key": "Gaz|natural_gas",
        "meter_name": "Gaz",
        "energy_type": "natural_gas",
        "unit": "m3",
        "start": date(2023, number, 1),
        "end": date(2023, number, 28),
        "usage": 10.0,
    }
    base.update(values)
    return ImportRow(**base)


def test_nan_inf_and_implausible_dates_never_reach_the_database(
    tmp_path: Path, engine: Engine, db_path: Path
) -> None:
    rows = [
        _row(1, usage=math.nan),
        _row(2, usage=math.inf),
        _row(3, cost=Decimal("Infinity")),
        _row(4, start=date(1, 1, 1)),
        _row(5, end=date(9999, 12, 31)),
        _row(6, usage=1e16),
        _row(7),
    ]
    plan = import_into_database(engine, [ImportBatch("made.csv", FileKind.GENERIC, rows=rows)])
    assert plan.summary()["invalid"] == 6 and len(plan.bills) == 1
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT start_date, usage, cost FROM bill").fetchall() == [
            ("2023-07-01", 10.0, None)
        ]
    finally:
        con.close()


def test_a_conversion_beyond_the_limit_is_a_row_error(tmp_path: Path, engine: Engine) -> None:
    # 1e14 GJ of natural gas is about 2.6e15 m³: within the file's limit, beyond it in the meter's unit.
    with Session(engine) as s, s.begin():
        prop = models.Property(name="Tour A")
        s.add(prop)
        s.flush()
        s.add(models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3"))
    plan = preview_import(
        engine, [ImportBatch("made.csv", FileKind.GENERIC, rows=[_row(1, usage=1e14, unit="GJ")])]
    )
    ((error,),) = [plan.errors]
    assert "beyond the largest accepted" in error.reason_en and "GJ" in error.reason_en
    assert not plan.bills


def test_dates_are_judged_against_the_given_today(tmp_path: Path, engine: Engine) -> None:
    row = _row(1, start=date(2031, 1, 1), end=date(2031, 1, 31))
    batch = ImportBatch("made.csv", FileKind.GENERIC, rows=[row])
    assert preview_import(engine, [batch], today=date(2026, 12, 1)).invalid_rows == 1
    assert len(preview_import(engine, [batch], today=date(2030, 6, 1)).bills) == 1
