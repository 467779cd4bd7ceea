"""Acknowledged data-check findings kept in the database

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

A user who ticks a data-check finding ("looked at it, it is right") expects the tick to stay with the meter: in
this file, in its backups, after a rename. Before this revision the ticks lived in the settings file keyed by row
id, so they leaked to another database whose meter had the same id and were lost with a restore. The new table
only adds rows; nothing existing changes. Ticks in the settings are not carried over: nothing says which database
they were made in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding_acknowledgement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        # A finding is the same finding while its code and its period are: one with other dates shows again.
        # '' rather than NULL for "no date", so that the unique constraint holds (NULLs are all distinct).
        sa.Column("period_start", sa.String(length=10), nullable=False),
        sa.Column("period_end", sa.String(length=10), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meter_id"],
            ["meter.id"],
            name=op.f("fk_finding_acknowledgement_meter_id_meter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_acknowledgement")),
        sa.UniqueConstraint(
            "meter_id", "code", "period_start", "period_end", name="uq_finding_acknowledgement_finding"
        ),
    )


def downgrade() -> None:
    op.drop_table("finding_acknowledgement")
