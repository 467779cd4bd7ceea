"""A meter's bills are read from one index holding their values

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Reading a meter's bills (the Score page, the reports, the first screen) went through the (meter, start, end)
index, then looked each bill up in the table. The new index holds what that read takes (dates, usage, cost,
estimated flag, source) in the order it wants them: a meter's bills are then a few neighbouring index pages. It
takes the place of the index on the meter alone, which the new one also serves (it starts with the meter). No row
changes.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COLUMNS = ["meter_id", "start_date", "end_date", "usage", "cost", "estimated", "source"]


def upgrade() -> None:
    op.drop_index("ix_bill_meter_id", table_name="bill")
    op.create_index("ix_bill_meter_values", "bill", _COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_bill_meter_values", table_name="bill")
    op.create_index("ix_bill_meter_id", "bill", ["meter_id"])
