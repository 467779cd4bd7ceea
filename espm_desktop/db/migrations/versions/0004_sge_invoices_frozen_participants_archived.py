"""SGE invoices frozen when sent, program year of an invoice, participants archived

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Adds sge_invoice.frozen (the document as sent, JSON), sge_invoice.program_year and sge_participant.archived_on,
all nullable: existing rows stay valid as they are. Then every invoice already sent or paid is frozen from what
its reprint showed before this revision (the participant's current name, addresses, registration numbers and
file number, the stored amounts and taxes, the rates of the time), so a reprint after the upgrade is the same
document as before it. The wording below is copied here on purpose: a migration must not follow later edits of
the app's texts.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# As printed by the app at revision 0003 (core/sge/rules.py then).
GST_RATE = "0.05"
QST_RATE = "0.09975"
GRANTOR_NAME = "Énergir"
GRANTOR_ADDRESS = [
    "Énergir",
    "Service Marché du carbone et Efficacité énergétique",
    "1717, rue du Havre",
    "Montréal (Québec) H2K 2X3",
]
SEND_TO_EMAIL = "efficaciteenergetique@energir.com"
DESCRIPTION = {
    "fr": "Aide financière relative au volet SGÉ",
    "en": "Financial aid for the SGÉ (energy management system) component",
}
PHASE_NAMES = {
    "diagnostic": ("Phase 2 – Diagnostic", "Phase 2 – Diagnostic"),
    "implementation_metering": (
        "Phase 4 – Élaboration et mise en œuvre du SGÉ (mesurage en continu)",
        "Phase 4 – EnMS development and implementation (continuous metering)",
    ),
    "implementation_other": (
        "Phase 4 – Élaboration et mise en œuvre du SGÉ (autres composantes)",
        "Phase 4 – EnMS development and implementation (other components)",
    ),
    "savings_follow_up": ("Phase 5 – Suivi des économies d'énergie", "Phase 5 – Energy savings follow-up"),
}
CENT = Decimal("0.01")


def _money(value: object) -> str:
    return str(Decimal(str(value)).quantize(CENT))


def _document(row: sa.Row[Any], originals: dict[int, tuple[str, str]]) -> dict[str, object]:
    language = "en" if row.language == "en" else "fr"
    fr_name, en_name = PHASE_NAMES.get(row.phase, (row.phase, row.phase))
    corrects = originals.get(row.credit_for_id) if row.credit_for_id is not None else None
    return {
        "version": 1,
        "language": language,
        "invoice_number": row.number,
        "invoice_date": str(row.invoice_date),
        "beneficiary_name": row.company_name,
        "beneficiary_address": row.company_address or row.site_address,
        "gst_number": row.gst_number,
        "qst_number": row.qst_number,
        "work_address": row.site_address,
        "energir_file_number": row.energir_file_number,
        "grantor_name": GRANTOR_NAME,
        "grantor_address": GRANTOR_ADDRESS,
        "send_to_email": SEND_TO_EMAIL,
        "phase": row.phase,
        "program_year": None,
        "description": f"{DESCRIPTION[language]} – {en_name if language == 'en' else fr_name}",
        "aid_amount": _money(row.aid_amount),
        "gst_rate": GST_RATE,
        "qst_rate": QST_RATE,
        "gst": _money(row.gst),
        "qst": _money(row.qst),
        "total": _money(row.total),
        "corrects": corrects[0] if corrects else None,
        "corrects_date": corrects[1] if corrects else None,
    }


def upgrade() -> None:
    with op.batch_alter_table("sge_participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("archived_on", sa.Date(), nullable=True))
    with op.batch_alter_table("sge_invoice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("program_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("frozen", sa.JSON(), nullable=True))

    bind = op.get_bind()
    originals = {
        int(r.id): (str(r.number), str(r.invoice_date))
        for r in bind.execute(sa.text("SELECT id, number, invoice_date FROM sge_invoice"))
    }
    rows = bind.execute(
        sa.text(
            "SELECT i.id, i.number, i.invoice_date, i.phase, i.aid_amount, i.gst, i.qst, i.total, i.language,"
            " i.credit_for_id, p.company_name, p.company_address, p.site_address, p.gst_number, p.qst_number,"
            " p.energir_file_number FROM sge_invoice i JOIN sge_participant p ON p.id = i.participant_id"
            " WHERE i.status IN ('sent', 'paid') AND i.frozen IS NULL ORDER BY i.id"
        )
    ).all()
    for row in rows:
        bind.execute(
            sa.text("UPDATE sge_invoice SET frozen = :frozen WHERE id = :id"),
            {"frozen": json.dumps(_document(row, originals)), "id": row.id},
        )


def downgrade() -> None:
    with op.batch_alter_table("sge_invoice", schema=None) as batch_op:
        batch_op.drop_column("frozen")
        batch_op.drop_column("program_year")
    with op.batch_alter_table("sge_participant", schema=None) as batch_op:
        batch_op.drop_column("archived_on")
