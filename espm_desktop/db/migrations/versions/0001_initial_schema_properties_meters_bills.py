"""initial schema: properties, meters, bills

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "property",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("street_address", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("postal_code", sa.String(length=7), nullable=False),
        sa.Column("espm_property_id", sa.String(length=20), nullable=True),
        sa.Column("property_type", sa.String(length=40), nullable=False),
        sa.Column("gross_floor_area_m2", sa.Float(), nullable=False),
        sa.Column("year_built", sa.Integer(), nullable=True),
        sa.Column("workers", sa.Float(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=True),
        sa.Column("computers", sa.Integer(), nullable=True),
        sa.Column("percent_heated", sa.Float(), nullable=True),
        sa.Column("percent_cooled", sa.Float(), nullable=True),
        sa.Column("months_in_operation", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("gross_floor_area_m2 >= 0", name=op.f("ck_property_floor_area_not_negative")),
        sa.CheckConstraint(
            "months_in_operation IS NULL OR (months_in_operation >= 0 AND months_in_operation <= 12)",
            name=op.f("ck_property_months_in_operation_range"),
        ),
        sa.CheckConstraint(
            "percent_cooled IS NULL OR (percent_cooled >= 0 AND percent_cooled <= 100)",
            name=op.f("ck_property_percent_cooled_range"),
        ),
        sa.CheckConstraint(
            "percent_heated IS NULL OR (percent_heated >= 0 AND percent_heated <= 100)",
            name=op.f("ck_property_percent_heated_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property")),
        sa.UniqueConstraint("espm_property_id", name=op.f("uq_property_espm_property_id")),
    )
    op.create_table(
        "meter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("energy_type", sa.String(length=40), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("active_date", sa.Date(), nullable=True),
        sa.Column("inactive_date", sa.Date(), nullable=True),
        sa.Column("espm_meter_id", sa.String(length=20), nullable=True),
        sa.Column("energir_account_number", sa.String(length=20), nullable=True),
        sa.Column("energir_invoice_number", sa.String(length=20), nullable=True),
        sa.Column("energir_meter_number", sa.String(length=20), nullable=True),
        sa.Column("initial_load_months", sa.Integer(), nullable=True),
        sa.Column("share_downstream", sa.Boolean(), nullable=True),
        sa.Column("data_exchange_status", sa.String(length=30), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "initial_load_months IS NULL OR (initial_load_months >= 0 AND initial_load_months <= 24)",
            name=op.f("ck_meter_initial_load_range"),
        ),
        sa.ForeignKeyConstraint(
            ["property_id"], ["property.id"], name=op.f("fk_meter_property_id_property"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meter")),
        sa.UniqueConstraint("espm_meter_id", name=op.f("uq_meter_espm_meter_id")),
        sa.UniqueConstraint("property_id", "name", name="uq_meter_property_name"),
    )
    with op.batch_alter_table("meter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meter_property_id"), ["property_id"], unique=False)

    op.create_table(
        "bill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("usage", sa.Float(), nullable=False),
        sa.Column("cost", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("start_date <= end_date", name=op.f("ck_bill_start_not_after_end")),
        sa.ForeignKeyConstraint(
            ["meter_id"], ["meter.id"], name=op.f("fk_bill_meter_id_meter"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill")),
        sa.UniqueConstraint("meter_id", "start_date", "end_date", name="uq_bill_meter_period"),
    )
    with op.batch_alter_table("bill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bill_meter_id"), ["meter_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bill_meter_id"))

    op.drop_table("bill")
    with op.batch_alter_table("meter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meter_property_id"))

    op.drop_table("meter")
    op.drop_table("property")
