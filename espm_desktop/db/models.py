"""SQLAlchemy 2.0 models. Portable column types only, so that PostgreSQL can serve later."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from espm_desktop.core.types import BillSource, DataExchangeStatus, PropertyType
from espm_desktop.db.base import Base, utcnow

__all__ = ["Base", "utcnow"]  # re-exported: callers write models.utcnow()


class Property(Base):
    __tablename__ = "property"
    __table_args__ = (
        CheckConstraint("gross_floor_area_m2 >= 0", name="floor_area_not_negative"),
        CheckConstraint(
            "percent_heated IS NULL OR (percent_heated >= 0 AND percent_heated <= 100)",
            name="percent_heated_range",
        ),
        CheckConstraint(
            "percent_cooled IS NULL OR (percent_cooled >= 0 AND percent_cooled <= 100)",
            name="percent_cooled_range",
        ),
        CheckConstraint(
            "months_in_operation IS NULL OR (months_in_operation >= 0 AND months_in_operation <= 12)",
            name="months_in_operation_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    street_address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    province: Mapped[str] = mapped_column(String(2), default="QC")
    postal_code: Mapped[str] = mapped_column(String(7), default="")
    espm_property_id: Mapped[str | None] = mapped_column(String(20), unique=True)
    property_type: Mapped[str] = mapped_column(String(40), default=PropertyType.OTHER.value)
    gross_floor_area_m2: Mapped[float] = mapped_column(Float, default=0.0)
    year_built: Mapped[int | None] = mapped_column(Integer)
    workers: Mapped[float | None] = mapped_column(Float)
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    computers: Mapped[int | None] = mapped_column(Integer)
    percent_heated: Mapped[float | None] = mapped_column(Float)
    percent_cooled: Mapped[float | None] = mapped_column(Float)
    months_in_operation: Mapped[int | None] = mapped_column(Integer)
    weather_station_id: Mapped[int | None] = mapped_column(
        ForeignKey("weather_station.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    meters: Mapped[list[Meter]] = relationship(
        back_populates="property", cascade="all, delete-orphan", order_by="Meter.name"
    )


class Meter(Base):
    __tablename__ = "meter"
    __table_args__ = (
        UniqueConstraint("property_id", "name", name="uq_meter_property_name"),
        CheckConstraint(
            "initial_load_months IS NULL OR (initial_load_months >= 0 AND initial_load_months <= 24)",
            name="initial_load_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    energy_type: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(20))
    active_date: Mapped[date | None] = mapped_column(Date)
    inactive_date: Mapped[date | None] = mapped_column(Date)
    espm_meter_id: Mapped[str | None] = mapped_column(String(20), unique=True)
    energir_account_number: Mapped[str | None] = mapped_column(String(20))
    energir_invoice_number: Mapped[str | None] = mapped_column(String(20))
    energir_meter_number: Mapped[str | None] = mapped_column(String(20))
    initial_load_months: Mapped[int | None] = mapped_column(Integer)
    share_downstream: Mapped[bool | None] = mapped_column(Boolean)
    data_exchange_status: Mapped[str] = mapped_column(
        String(30), default=DataExchangeStatus.NOT_STARTED.value
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    property: Mapped[Property] = relationship(back_populates="meters")
    bills: Mapped[list[BillRecord]] = relationship(
        back_populates="meter", cascade="all, delete-orphan", order_by="BillRecord.start_date"
    )


class BillRecord(Base):
    """One meter entry as stored (the `bill` table); core.types.Bill is the bill the rest of the app computes
    with. The unique key (meter, start, end) stops the same bill being stored twice."""

    __tablename__ = "bill"
    __table_args__ = (
        UniqueConstraint("meter_id", "start_date", "end_date", name="uq_bill_meter_period"),
        CheckConstraint("start_date <= end_date", name="start_not_after_end"),
        # What reading a meter's bills takes, in its order: the read never looks in the table (migration 0006).
        Index(
            "ix_bill_meter_values",
            "meter_id",
            "start_date",
            "end_date",
            "usage",
            "cost",
            "estimated",
            "source",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meter.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    usage: Mapped[float] = mapped_column(Float)
    cost: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default=BillSource.MANUAL.value)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    meter: Mapped[Meter] = relationship(back_populates="bills")


class WeatherStation(Base):
    """An Environment and Climate Change Canada station whose daily file the user imported."""

    __tablename__ = "weather_station"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    climate_id: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str] = mapped_column(String(40), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    days: Mapped[list[WeatherDay]] = relationship(
        back_populates="station", cascade="all, delete-orphan", order_by="WeatherDay.day"
    )


class WeatherDay(Base):
    """One day of a station's daily file. Degree days are base 18 °C; None where the file has no value."""

    __tablename__ = "weather_day"
    __table_args__ = (UniqueConstraint("station_id", "day", name="uq_weather_day_station_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("weather_station.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    mean_temp_c: Mapped[float | None] = mapped_column(Float)
    hdd: Mapped[float | None] = mapped_column(Float)
    cdd: Mapped[float | None] = mapped_column(Float)
    flags: Mapped[str] = mapped_column(String(10), default="")

    station: Mapped[WeatherStation] = relationship(back_populates="days")


class PropertyDegreeDays(Base):
    """Degree days typed by the user for a 12-month period of a property (when no station file is used)."""

    __tablename__ = "property_degree_days"
    __table_args__ = (
        UniqueConstraint("property_id", "period_end", name="uq_property_degree_days_period"),
        CheckConstraint("hdd >= 0 AND cdd >= 0", name="degree_days_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    property_id: Mapped[int] = mapped_column(ForeignKey("property.id", ondelete="CASCADE"), index=True)
    period_end: Mapped[date] = mapped_column(Date)  # last day of the 12th month
    property: Mapped[Property] = relationship()
    hdd: Mapped[float] = mapped_column(Float)
    cdd: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class MeterSetupProgress(Base):
    """Where a manager stands in the Énergir data-exchange assistant for one meter.

    status_dates maps each DataExchangeStatus value reached to its ISO date; done_steps lists the assistant's
    step ids the manager ticked. JSON keeps the step list open to new guide versions without a migration.
    """

    __tablename__ = "meter_setup_progress"

    meter_id: Mapped[int] = mapped_column(ForeignKey("meter.id", ondelete="CASCADE"), primary_key=True)
    meter: Mapped[Meter] = relationship()
    status_dates: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    done_steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class FindingAcknowledgement(Base):
    """A data-check finding the user looked at and accepted, for one meter (see migration 0005)."""

    __tablename__ = "finding_acknowledgement"
    __table_args__ = (
        UniqueConstraint(
            "meter_id", "code", "period_start", "period_end", name="uq_finding_acknowledgement_finding"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meter.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[str] = mapped_column(String(10))  # ISO date, or '' when the finding has none
    period_end: Mapped[str] = mapped_column(String(10))
    acknowledged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
