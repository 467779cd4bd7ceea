"""The portfolio report's open findings leave out what the user acknowledged in the window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from espm_desktop.app.findings import acknowledge_finding
from espm_desktop.app.report_data import portfolio_report_data
from espm_desktop.app.score import score_property
from espm_desktop.db import models
from espm_desktop.db.engine import make_engine


def test_an_acknowledged_finding_is_not_open(db_path: Path) -> None:
    engine = make_engine(db_path)
    try:
        with Session(engine) as s, s.begin():
            prop = models.Property(name="Caisse Saint-Roch", gross_floor_area_m2=1250.0)
            s.add(prop)
            s.flush()
            meter = models.Meter(property_id=prop.id, name="Gaz", energy_type="natural_gas", unit="m3")
            s.add(meter)
            s.flush()
            for month in (1, 3):  # February is missing: a gap
                s.add(
                    models.BillRecord(
                        meter_id=meter.id,
                        start_date=date(2024, month, 1),
                        end_date=date(2024, month, 28),
                        usage=1500.0,
                        cost=Decimal("100"),
                    )
                )
            property_id, meter_id = prop.id, meter.id
        with Session(engine) as s:
            findings = score_property(s, property_id).findings
        gap = next(f for f in findings if f.code == "gap")
        (row,) = portfolio_report_data(engine, "en").rows
        before = row.open_findings
        assert before >= 1 and gap.severity in ("error", "warning")
        acknowledge_finding(engine, meter_id, gap.key)
        (row,) = portfolio_report_data(engine, "en").rows
        assert row.open_findings == before - 1
    finally:
        engine.dispose()
