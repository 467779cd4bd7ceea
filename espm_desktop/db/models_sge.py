"""The SGÉ subsidy program (seed 001): participants, phases, expenses, measures, indicators, invoices, savings.

Money columns are Numeric (Decimal); phase and expense-kind values are the ids of core/sge/rules.py.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from espm_desktop.db.base import Base, utcnow

MONEY = Numeric(14, 2, asdecimal=True)


class SgeParticipant(Base):
    """One industrial site taking part in the program."""

    __tablename__ = "sge_participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_name: Mapped[str] = mapped_column(String(200))
    company_address: Mapped[str] = mapped_column(String(300), default="")
    site_address: Mapped[str] = mapped_column(String(300), default="")
    energir_file_number: Mapped[str] = mapped_column(String(40), default="")
    gst_number: Mapped[str] = mapped_column(String(30), default="")
    qst_number: Mapped[str] = mapped_column(String(30), default="")
    industrial: Mapped[bool] = mapped_column(Boolean, default=True)
    annual_gas_m3: Mapped[float | None] = mapped_column(Float)
    property_id: Mapped[int | None] = mapped_column(
        ForeignKey("property.id", ondelete="SET NULL"), index=True
    )
    gas_meter_id: Mapped[int | None] = mapped_column(ForeignKey("meter.id", ondelete="SET NULL"), index=True)
    exclusions: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)  # checklist answers by item id
    baseline_start: Mapped[date | None] = mapped_column(Date)
    baseline_end: Mapped[date | None] = mapped_column(Date)
    reporting_start: Mapped[date | None] = mapped_column(Date)
    use_production: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set instead of deleting a participant that has sent invoices: they must stay as sent (revision 0004).
    archived_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[SgeContact]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    phases: Mapped[list[SgePhase]] = relationship(cascade="all, delete-orphan", back_populates="participant")
    expenses: Mapped[list[SgeExpense]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    grants: Mapped[list[SgeOtherGrant]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    measures: Mapped[list[SgeMeasure]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    indicators: Mapped[list[SgeIndicator]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    invoices: Mapped[list[SgeInvoice]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    adjustments: Mapped[list[SgeSavingsAdjustment]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )
    production: Mapped[list[SgeProduction]] = relationship(
        cascade="all, delete-orphan", back_populates="participant"
    )


class SgeContact(Base):
    """A person of the participant; committee members and the energy manager are flagged."""

    __tablename__ = "sge_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    committee_member: Mapped[bool] = mapped_column(Boolean, default=False)
    committee_role: Mapped[str] = mapped_column(String(200), default="")
    energy_manager: Mapped[bool] = mapped_column(Boolean, default=False)

    participant: Mapped[SgeParticipant] = relationship(back_populates="contacts")


class SgePhase(Base):
    """A phase of the program for a participant, with its key dates."""

    __tablename__ = "sge_phase"
    __table_args__ = (UniqueConstraint("participant_id", "phase", name="uq_sge_phase_participant_phase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[str] = mapped_column(String(40))
    request_date: Mapped[date | None] = mapped_column(Date)
    acceptance_date: Mapped[date | None] = mapped_column(Date)
    completion_date: Mapped[date | None] = mapped_column(Date)
    deliverables_accepted_date: Mapped[date | None] = mapped_column(Date)
    accepted_aid_amount: Mapped[Decimal | None] = mapped_column(MONEY)  # from Énergir's acceptance notice
    status: Mapped[str] = mapped_column(String(20), default="planned")
    notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[SgeParticipant] = relationship(back_populates="phases")


class SgeExpense(Base):
    """An eligible-expense line: an amount, or internal hours × hourly rate."""

    __tablename__ = "sge_expense"
    __table_args__ = (CheckConstraint("amount IS NOT NULL OR hours IS NOT NULL", name="amount_or_hours"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(300), default="")
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    hours: Mapped[float | None] = mapped_column(Float)
    hourly_rate: Mapped[Decimal | None] = mapped_column(MONEY)
    incurred_on: Mapped[date | None] = mapped_column(Date)
    program_year: Mapped[int | None] = mapped_column(Integer)  # implementation payments are yearly

    participant: Mapped[SgeParticipant] = relationship(back_populates="expenses")


class SgeOtherGrant(Base):
    """Another government or utility grant for the same work (stacking rule)."""

    __tablename__ = "sge_other_grant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    grantor: Mapped[str] = mapped_column(String(200))
    phase: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(MONEY)

    participant: Mapped[SgeParticipant] = relationship(back_populates="grants")


class SgeMeasure(Base):
    """A measure of the register: planned or done, with its significant energy use and expected savings."""

    __tablename__ = "sge_measure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    significant_use: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | done
    planned_date: Mapped[date | None] = mapped_column(Date)
    done_date: Mapped[date | None] = mapped_column(Date)
    expected_m3: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[SgeParticipant] = relationship(back_populates="measures")


class SgeIndicator(Base):
    """An energy performance indicator (IPÉ) with its objective, per significant use."""

    __tablename__ = "sge_indicator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    significant_use: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(60), default="")
    baseline_value: Mapped[float | None] = mapped_column(Float)
    objective_value: Mapped[float | None] = mapped_column(Float)
    objective_year: Mapped[int | None] = mapped_column(Integer)
    values: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)  # result by year, "2026": 12.3
    notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[SgeParticipant] = relationship(back_populates="indicators")


class SgeInvoice(Base):
    """A payment invoice to Énergir (Annexe D). Numbers are never reused; a sent invoice is corrected by a credit note."""

    __tablename__ = "sge_invoice"
    __table_args__ = (UniqueConstraint("participant_id", "number", name="uq_sge_invoice_participant_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(40))
    invoice_date: Mapped[date] = mapped_column(Date)
    phase: Mapped[str] = mapped_column(String(40))
    aid_amount: Mapped[Decimal] = mapped_column(MONEY)
    gst: Mapped[Decimal] = mapped_column(MONEY)
    qst: Mapped[Decimal] = mapped_column(MONEY)
    total: Mapped[Decimal] = mapped_column(MONEY)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | sent | paid
    language: Mapped[str] = mapped_column(String(2), default="fr")
    credit_for_id: Mapped[int | None] = mapped_column(ForeignKey("sge_invoice.id", ondelete="RESTRICT"))
    sent_on: Mapped[date | None] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    program_year: Mapped[int | None] = mapped_column(Integer)  # the statement's year the invoice claims up to
    # The document as sent (core.sge.invoice.InvoiceDocument.to_json): written once when the invoice is marked
    # sent, never updated; every reprint is drawn from it. NULL on drafts (revision 0004).
    frozen: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    participant: Mapped[SgeParticipant] = relationship(back_populates="invoices")


class SgeSavingsAdjustment(Base):
    """A non-routine adjustment to the baseline (m³ per day over a period), with the reason."""

    __tablename__ = "sge_savings_adjustment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    m3_per_day: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[SgeParticipant] = relationship(back_populates="adjustments")


class SgeProduction(Base):
    """Production over a period, for plants whose gas use follows output."""

    __tablename__ = "sge_production"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("sge_participant.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    quantity: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40), default="")

    participant: Mapped[SgeParticipant] = relationship(back_populates="production")
