"""Acknowledged data-check findings of a meter: kept in the database so they follow the file and its backups."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from espm_desktop.core.findings import FindingKey
from espm_desktop.db.models import FindingAcknowledgement


def acknowledged_keys(session: Session, meter_id: int) -> set[FindingKey]:
    rows = session.execute(
        select(
            FindingAcknowledgement.code,
            FindingAcknowledgement.period_start,
            FindingAcknowledgement.period_end,
        ).where(FindingAcknowledgement.meter_id == meter_id)
    )
    return {(code, start, end) for code, start, end in rows}


def set_acknowledged(session: Session, meter_id: int, key: FindingKey, acknowledged: bool) -> None:
    """Tick or untick one finding; ticking twice or unticking what was never ticked changes nothing."""
    code, start, end = key
    match = (
        FindingAcknowledgement.meter_id == meter_id,
        FindingAcknowledgement.code == code,
        FindingAcknowledgement.period_start == start,
        FindingAcknowledgement.period_end == end,
    )
    if not acknowledged:
        session.execute(delete(FindingAcknowledgement).where(*match))
    elif session.execute(select(FindingAcknowledgement.id).where(*match)).first() is None:
        session.add(FindingAcknowledgement(meter_id=meter_id, code=code, period_start=start, period_end=end))
