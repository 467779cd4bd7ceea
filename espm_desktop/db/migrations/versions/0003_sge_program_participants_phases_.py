"""SGE program: participants, phases, expenses, measures, indicators, invoices

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sge_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_name", sa.String(length=200), nullable=False),
        sa.Column("company_address", sa.String(length=300), nullable=False),
        sa.Column("site_address", sa.String(length=300), nullable=False),
        sa.Column("energir_file_number", sa.String(length=40), nullable=False),
        sa.Column("gst_number", sa.String(length=30), nullable=False),
        sa.Column("qst_number", sa.String(length=30), nullable=False),
        sa.Column("industrial", sa.Boolean(), nullable=False),
        sa.Column("annual_gas_m3", sa.Float(), nullable=True),
        sa.Column("property_id", sa.Integer(), nullable=True),
        sa.Column("gas_meter_id", sa.Integer(), nullable=True),
        sa.Column("exclusions", sa.JSON(), nullable=False),
        sa.Column("baseline_start", sa.Date(), nullable=True),
        sa.Column("baseline_end", sa.Date(), nullable=True),
        sa.Column("reporting_start", sa.Date(), nullable=True),
        sa.Column("use_production", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gas_meter_id"],
            ["meter.id"],
            name=op.f("fk_sge_participant_gas_meter_id_meter"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["property_id"],
            ["property.id"],
            name=op.f("fk_sge_participant_property_id_property"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_participant")),
    )
    with op.batch_alter_table("sge_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_participant_gas_meter_id"), ["gas_meter_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sge_participant_property_id"), ["property_id"], unique=False)

    op.create_table(
        "sge_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("committee_member", sa.Boolean(), nullable=False),
        sa.Column("committee_role", sa.String(length=200), nullable=False),
        sa.Column("energy_manager", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_contact_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_contact")),
    )
    with op.batch_alter_table("sge_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_contact_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_expense",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("hourly_rate", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("incurred_on", sa.Date(), nullable=True),
        sa.Column("program_year", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "amount IS NOT NULL OR hours IS NOT NULL", name=op.f("ck_sge_expense_amount_or_hours")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_expense_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_expense")),
    )
    with op.batch_alter_table("sge_expense", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_expense_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("significant_use", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("objective_value", sa.Float(), nullable=True),
        sa.Column("objective_year", sa.Integer(), nullable=True),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_indicator_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_indicator")),
    )
    with op.batch_alter_table("sge_indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_indicator_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("aid_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("gst", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("qst", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("credit_for_id", sa.Integer(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credit_for_id"],
            ["sge_invoice.id"],
            name=op.f("fk_sge_invoice_credit_for_id_sge_invoice"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_invoice_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_invoice")),
        sa.UniqueConstraint("participant_id", "number", name="uq_sge_invoice_participant_number"),
    )
    with op.batch_alter_table("sge_invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_invoice_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("significant_use", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("expected_m3", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_measure_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_measure")),
    )
    with op.batch_alter_table("sge_measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_measure_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_other_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("grantor", sa.String(length=200), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_other_grant_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_other_grant")),
    )
    with op.batch_alter_table("sge_other_grant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sge_other_grant_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "sge_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("request_date", sa.Date(), nullable=True),
        sa.Column("acceptance_date", sa.Date(), nullable=True),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column("deliverables_accepted_date", sa.Date(), nullable=True),
        sa.Column("accepted_aid_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_phase_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_phase")),
        sa.UniqueConstraint("participant_id", "phase", name="uq_sge_phase_participant_phase"),
    )
    with op.batch_alter_table("sge_phase", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sge_phase_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "sge_production",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_production_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_production")),
    )
    with op.batch_alter_table("sge_production", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sge_production_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "sge_savings_adjustment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("m3_per_day", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["sge_participant.id"],
            name=op.f("fk_sge_savings_adjustment_participant_id_sge_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sge_savings_adjustment")),
    )
    with op.batch_alter_table("sge_savings_adjustment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sge_savings_adjustment_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sge_savings_adjustment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_savings_adjustment_participant_id"))

    op.drop_table("sge_savings_adjustment")
    with op.batch_alter_table("sge_production", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_production_participant_id"))

    op.drop_table("sge_production")
    with op.batch_alter_table("sge_phase", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_phase_participant_id"))

    op.drop_table("sge_phase")
    with op.batch_alter_table("sge_other_grant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_other_grant_participant_id"))

    op.drop_table("sge_other_grant")
    with op.batch_alter_table("sge_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_measure_participant_id"))

    op.drop_table("sge_measure")
    with op.batch_alter_table("sge_invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_invoice_participant_id"))

    op.drop_table("sge_invoice")
    with op.batch_alter_table("sge_indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_indicator_participant_id"))

    op.drop_table("sge_indicator")
    with op.batch_alter_table("sge_expense", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_expense_participant_id"))

    op.drop_table("sge_expense")
    with op.batch_alter_table("sge_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_contact_participant_id"))

    op.drop_table("sge_contact")
    with op.batch_alter_table("sge_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sge_participant_property_id"))
        batch_op.drop_index(batch_op.f("ix_sge_participant_gas_meter_id"))

    op.drop_table("sge_participant")
