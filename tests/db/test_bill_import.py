from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from espm_desktop.app.bill_export import ExportFormat, export_to_file
from espm_desktop.app.bill_import import (
    ImportCancelled,
    StrictImportRefused,
    import_into_database,
    preview_import,
)
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.db import models
from espm_desktop.db.data_exchange import record_status
from espm_desktop.db.engine import make_engine, upgrade_database
from espm_desktop.io.espm_import import ColumnMapping, read_bills_file
from tests.samples import SAMPLES

needs_samples = pytest.mark.skipif(not SAMPLES.exists(), reason="ESPM sample spreadsheets not available")


def _counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("property", "meter", "bill")
        )
    finally:
        con.close()


def _bills(engine: Engine) -> set[tuple[str, str, str, date, date, float, object, bool]]:
    with Session(engine) as s:
        rows = s.execute(
            select(
                models.Property.name,
                models.Meter.name,
                models.Meter.energy_type,
                models.BillRecord.start_date,
                models.BillRecord.end_date,
                models.BillRecord.usage,
                models.BillRecord.cost,
                models.BillRecord.estimated,
            )
            .join(models.Meter, models.BillRecord.meter_id == models.Meter.id)
            .join(models.Property, models.Meter.property_id == models.Property.id)
        ).all()
    return {tuple(r) for r in rows}  # type: ignore[misc]


@needs_samples
@pytest.mark.parametrize(
    ("name", "bills", "properties", "meters"),
    [
        ("PM_Meter_Data.xlsx", 88, 3, 6),
        ("example-pm-monthly-meter-usage.xlsx", 8, 2, 4),
        ("Add_Bills_to_Meters.xlsx", 579, 9, 17),
    ],
)
def test_samples_import_then_reimport_adds_nothing(
    engine: Engine, db_path: Path, name: str, bills: int, properties: int, meters: int
) -> None:
    batch = read_bills_file(SAMPLES / name)
    preview = preview_import(engine, [batch])
    assert (len(preview.bills), len(preview.duplicates), len(preview.errors)) == (bills, 0, 0)
    assert (len(preview.new_properties), len(preview.new_meters)) == (properties, meters)
    assert _counts(db_path) == (0, 0, 0)  # the preview wrote nothing
    plan = import_into_database(engine, [batch])
    assert plan.written and plan.summary()["imported"] == bills
    assert _counts(db_path) == (properties, meters, bills)
    with Session(engine) as s:
        assert set(s.scalars(select(models.BillRecord.source).distinct())) == {"import"}
    again = import_into_database(engine, [read_bills_file(SAMPLES / name)])
    assert (again.summary()["imported"], len(again.duplicates), len(again.new_meters)) == (0, bills, 0)
    assert _counts(db_path) == (properties, meters, bills)


@needs_samples
def test_same_meter_name_for_two_energy_types_gets_distinct_meters(engine: Engine) -> None:
    # ESPM lets 'Electric Grid Meter' be the gas meter too; the database keeps names unique per property.
    import_into_database(engine, [read_bills_file(SAMPLES / "example-pm-monthly-meter-usage.xlsx")])
    with Session(engine) as s:
        meters = s.execute(
            select(models.Meter.espm_meter_id, models.Meter.name, models.Meter.energy_type).order_by(
                models.Meter.espm_meter_id
            )
        ).all()
    assert [tuple(m) for m in meters] == [
        ("5766973-0", "Electric Grid Meter", "electricity_grid"),
        ("5766973-1", "Electric Grid Meter (Natural gas)", "natural_gas"),
        ("5766975-0", "Electric Grid Meter", "electricity_grid"),
        ("5766975-1", "Electric Grid Meter (Natural gas)", "natural_gas"),
    ]


@needs_samples
def test_export_to_espm_template_reimports_to_the_same_bills(tmp_path: Path, engine: Engine) -> None:
    import_into_database(engine, [read_bills_file(SAMPLES / "PM_Meter_Data.xlsx")])
    import_into_database(engine, [read_bills_file(SAMPLES / "Add_Bills_to_Meters.xlsx")])
    out = tmp_path / "upload.xlsx"
    assert export_to_file(engine, ExportFormat.ESPM_BILLS, out) == 667
    other = tmp_path / "other.sqlite"
    upgrade_database(other)
    engine2 = make_engine(other)
    try:
        plan = import_into_database(engine2, [read_bills_file(out)])
        assert (len(plan.bills), len(plan.errors), len(plan.duplicates)) == (667, 0, 0)
        assert _bills(engine2) == _bills(engine)
        for fmt in (ExportFormat.CSV, ExportFormat.XLSX):
            path = tmp_path / f"bills.{fmt.value}"
            export_to_file(engine, fmt, path)
            assert import_into_database(engine2, [read_bills_file(path)]).summary()["imported"] == 0
    finally:
        engine2.dispose()


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


MAPPING = ColumnMapping(
    columns={"property_name": "Building", "meter_name": "Meter", "start": "From", "end": "To", "usage": "m3"},
    fixed={"unit": "cm (cubic meters)", "meter_type": "Natural Gas"},
)


def test_overlap_by_more_than_a_day_is_a_row_error_and_one_day_is_fine(
    tmp_path: Path, engine: Engine
) -> None:
    first = _csv(
        tmp_path / "a.csv",
        [
            "Building,Meter,From,To,m3",
            "Tour A,Gaz,2023-01-01,2023-01-31,100",
            "Tour A,Gaz,2023-01-31,2023-02-28,90",
        ],
    )
    plan = import_into_database(engine, [read_bills_file(first, mapping=MAPPING)])
    assert (len(plan.bills), len(plan.errors)) == (2, 0)
    second = _csv(
        tmp_path / "b.csv",
        [
            "Building,Meter,From,To,m3",
            "Tour A,Gaz,2023-01-01,2023-01-31,100",  # duplicate
            "Tour A,Gaz,2023-02-20,2023-03-20,80",  # overlaps February by 9 days
            "Tour A,Gaz,2023-02-28,2023-03-31,70",  # shares one day: fine
            "Tour A,Gaz,2023-03-15,2023-04-15,70",  # overlaps the row above, from the same file
        ],
    )
    plan = import_into_database(engine, [read_bills_file(second, mapping=MAPPING)])
    assert (len(plan.bills), len(plan.duplicates)) == (1, 1)
    assert [(e.row, e.value) for e in plan.errors] == [
        (3, "2023-02-20 – 2023-03-20"),
        (5, "2023-03-15 – 2023-04-15"),
    ]
    assert "9 days" in plan.errors[0].reason_en and "9 jours" in plan.errors[0].reason_fr
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(models.BillRecord)) == 3
        assert s.scalar(select(func.count()).select_from(models.Meter)) == 1


def test_matching_by_name_without_ids_and_adopting_espm_ids(tmp_path: Path, engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        prop = models.Property(name="Tour A")
        s.add(prop)
        s.flush()
        s.add(models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3"))
    plan = import_into_database(
        engine,
        [
            read_bills_file(
                _csv(
                    tmp_path / "a.csv", ["Building,Meter,From,To,m3", "tour a,Gaz,2023-01-01,2023-01-31,100"]
                ),
                mapping=MAPPING,
            )
        ],
    )
    assert (len(plan.new_properties), len(plan.new_meters), len(plan.bills)) == (0, 0, 1)
    with_ids = _csv(
        tmp_path / "ids.csv",
        [
            "Property Name,Portfolio Manager ID,Portfolio Manager Meter ID,Meter Name,Meter Type,Start Date,"
            "End Date,Usage/Quantity,Usage Units",
            "Tour A,777,888,Gaz,Natural Gas,2023-02-01,2023-02-28,5,cm (cubic meters)",
        ],
    )
    plan = import_into_database(engine, [read_bills_file(with_ids)])
    assert (len(plan.new_properties), len(plan.new_meters), len(plan.bills)) == (0, 0, 1)
    with Session(engine) as s:
        assert s.scalar(select(models.Property.espm_property_id)) == "777"
        assert s.scalar(select(models.Meter.espm_meter_id)) == "888"


def test_strict_and_cancel_leave_the_database_unchanged(
    tmp_path: Path, engine: Engine, db_path: Path
) -> None:
    bad = _csv(
        tmp_path / "bad.csv",
        [
            "Building,Meter,From,To,m3",
            "Tour A,Gaz,2023-01-01,2023-01-31,100",
            "Tour A,Gaz,2023-02-01,2023-02-28,abc",
        ],
    )
    batch = read_bills_file(bad, mapping=MAPPING)
    assert len(batch.errors) == 1
    with pytest.raises(StrictImportRefused) as refused:
        import_into_database(engine, [batch], strict=True)
    assert len(refused.value.plan.errors) == 1
    assert _counts(db_path) == (0, 0, 0)
    with pytest.raises(ImportCancelled):
        import_into_database(engine, [batch], cancelled=lambda: True)
    assert _counts(db_path) == (0, 0, 0)
    seen: list[tuple[int, int]] = []
    import_into_database(engine, [batch], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 1)] and _counts(db_path) == (1, 1, 1)


def test_unit_conversion_and_setup_progress_refresh(tmp_path: Path, engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        prop = models.Property(name="Tour A")
        s.add(prop)
        s.flush()
        meter = models.Meter(
            property_id=prop.id,
            name="Gaz",
            energy_type="natural_gas",
            unit="m3",
        )
        s.add(meter)
        s.flush()
        meter_id = meter.id
        record_status(s, meter_id, DataExchangeStatus.METER_SHARED, date(2022, 12, 1))
    mapping = ColumnMapping(
        columns={
            "property_name": "Building",
            "meter_name": "Meter",
            "start": "From",
            "end": "To",
            "usage": "GJ",
        },
        fixed={"unit": "GJ", "meter_type": "Natural Gas"},
    )
    path = _csv(tmp_path / "gj.csv", ["Building,Meter,From,To,GJ", "Tour A,Gaz,2023-01-01,2023-01-31,10"])
    import_into_database(engine, [read_bills_file(path, mapping=mapping)], today=date(2024, 5, 1))
    with Session(engine) as s:
        bill = s.scalars(select(models.BillRecord)).one()
        assert 200 < bill.usage < 300  # 10 GJ of natural gas in m³ (about 0.038 GJ/m³)
        assert (
            s.get_one(models.Meter, meter_id).data_exchange_status == DataExchangeStatus.DATA_RECEIVED.value
        )


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from espm_desktop.app.bill_import import import_into_database
    from espm_desktop.db.engine import make_engine
    from espm_desktop.io.espm_import import ColumnMapping, read_bills_file

    mapping = ColumnMapping.from_json(sys.argv[3])
    batch = read_bills_file(Path(sys.argv[2]), mapping=mapping)
    engine = make_engine(sys.argv[1])

    def progress(done, total):
        if done * 2 >= total:
            print("HALF", flush=True)
            sys.stdin.readline()  # wait here until the parent kills us

    import_into_database(engine, [batch], progress=progress)
    print("DONE", flush=True)
    """
)


def test_sigkill_half_way_leaves_the_database_unchanged_and_intact(tmp_path: Path, db_path: Path) -> None:
    engine = make_engine(db_path)
    seed = _csv(tmp_path / "seed.csv", ["Building,Meter,From,To,m3", "Tour A,Gaz,1990-01-01,1990-01-31,1"])
    import_into_database(engine, [read_bills_file(seed, mapping=MAPPING)])
    engine.dispose()
    before = _counts(db_path)
    lines = ["Building,Meter,From,To,m3"]
    for b in range(40):
        for k in range(1000):
            day = date.fromordinal(date(2000, 1, 1).toordinal() + k)
            lines.append(f"Tour {b},Gaz,{day},{day},{k}")
    big = _csv(tmp_path / "big.csv", lines)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(big), MAPPING.to_json()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "HALF"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert _counts(db_path) == before
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
