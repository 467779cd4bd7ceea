from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.db import models
from espm_desktop.db.engine import make_engine


def test_demo_holds_the_two_buildings_of_the_source_documents(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    with Session(engine) as s:
        bank = s.scalars(select(models.Property).where(models.Property.property_type == "bank_branch")).one()
        assert (bank.gross_floor_area_m2, bank.workers, bank.percent_heated, bank.percent_cooled) == (
            1300,
            24,
            100,
            100,
        )
        totals = {m.energy_type: (len(m.bills), sum(b.usage for b in m.bills)) for m in bank.meters}
        assert totals == {"electricity_grid": (12, 168_000), "natural_gas": (12, 9_600)}
        bureau = s.scalars(select(models.Property).where(models.Property.name == "Bureau")).one()
        (gas,) = bureau.meters
        assert len(gas.bills) == 23
        assert (gas.bills[0].start_date.isoformat(), gas.bills[-1].end_date.isoformat()) == (
            "2021-04-16",
            "2023-04-08",
        )
        assert (gas.energir_account_number, gas.energir_meter_number, gas.energir_invoice_number) == (
            "111111111111",
            "2222222",
            "333333333333",
        )
        assert {b.source for b in gas.bills} == {"data_exchange"}
    engine.dispose()


def test_init_demo_command_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "cli-demo.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "espm_desktop", "init-demo", "--db", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert target.exists() and str(target) in done.stdout


def test_start_up_check_opens_the_window_and_quits(tmp_path: Path, demo_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "espm_desktop", "--db", str(demo_db), "--quit-after-start"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "first-screen-seconds" in done.stdout
