"""weather stations, typed degree days, meter setup progress

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "weather_station",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("climate_id", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weather_station")),
        sa.UniqueConstraint("climate_id", name=op.f("uq_weather_station_climate_id")),
    )
    op.create_table(
        "weather_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("mean_temp_c", sa.Float(), nullable=True),
        sa.Column("hdd", sa.Float(), nullable=True),
        sa.Column("cdd", sa.Float(), nullable=True),
        sa.Column("flags", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["weather_station.id"],
            name=op.f("fk_weather_day_station_id_weather_station"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weather_day")),
        sa.UniqueConstraint("station_id", "day", name="uq_weather_day_station_day"),
    )
    with op.batch_alter_table("weather_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_weather_day_station_id"), ["station_id"], unique=False)

    op.create_table(
        "property_degree_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("property_id", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("hdd", sa.Float(), nullable=False),
        sa.Column("cdd", sa.Float(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "hdd >= 0 AND cdd >= 0", name=op.f("ck_property_degree_days_degree_days_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["property_id"],
            ["property.id"],
            name=op.f("fk_property_degree_days_property_id_property"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property_degree_days")),
        sa.UniqueConstraint("property_id", "period_end", name="uq_property_degree_days_period"),
    )
    with op.batch_alter_table("property_degree_days", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_property_degree_days_property_id"), ["property_id"], unique=False
        )

    op.create_table(
        "meter_setup_progress",
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("status_dates", sa.JSON(), nullable=False),
        sa.Column("done_steps", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meter_id"],
            ["meter.id"],
            name=op.f("fk_meter_setup_progress_meter_id_meter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meter_id", name=op.f("pk_meter_setup_progress")),
    )
    with op.batch_alter_table("property", schema=None) as batch_op:
        batch_op.add_column(sa.Column("weather_station_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_property_weather_station_id"), ["weather_station_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_property_weather_station_id_weather_station"),
            "weather_station",
            ["weather_station_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("property", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_property_weather_station_id_weather_station"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_property_weather_station_id"))
        batch_op.drop_column("weather_station_id")

    op.drop_table("meter_setup_progress")
    with op.batch_alter_table("property_degree_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_property_degree_days_property_id"))

    op.drop_table("property_degree_days")
    with op.batch_alter_table("weather_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weather_day_station_id"))

    op.drop_table("weather_day")
    op.drop_table("weather_station")
