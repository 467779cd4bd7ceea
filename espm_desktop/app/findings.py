"""Use cases around the data checks' findings: which ones the user acknowledged, and ticking one."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from espm_desktop.core.findings import FindingKey
from espm_desktop.db import findings


def acknowledged_findings(engine: Engine, meter_id: int) -> set[FindingKey]:
    with Session(engine) as session:
        return findings.acknowledged_keys(session, meter_id)


def acknowledge_finding(engine: Engine, meter_id: int, key: FindingKey, acknowledged: bool = True) -> None:
    """One transaction: the tick is stored, or (locked, read-only, full disk) nothing is and the error says why."""
    with Session(engine) as session, session.begin():
        findings.set_acknowledged(session, meter_id, key, acknowledged)
