"""An SGÉ participant's file as plain records: what the store (db/sge_participants.py) reads and writes, and what
pages, reports and the command line get instead of rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from espm_desktop.core.i18n import MessageError
from espm_desktop.core.savings import (
    NonRoutineAdjustment,
)
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice_model import Beneficiary, PaymentInvoice
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.stacking import OtherGrant


# --- records -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    company_name: str
    company_address: str = ""
    site_address: str = ""
    energir_file_number: str = ""
    gst_number: str = ""
    qst_number: str = ""
    industrial: bool = True
    annual_gas_m3: float | None = None
    property_id: int | None = None
    gas_meter_id: int | None = None
    exclusions: dict[str, bool] = field(default_factory=dict)
    baseline_start: date | None = None
    baseline_end: date | None = None
    reporting_start: date | None = None
    use_production: bool = False
    notes: str = ""
    participant_id: int | None = None
    archived_on: date | None = None  # set by delete_participant when sent invoices must be kept

    def beneficiary(self) -> Beneficiary:
        """The invoice's beneficiary: the company at its address (the site's when none is given)."""
        return Beneficiary(
            self.company_name,
            self.company_address or self.site_address,
            self.gst_number,
            self.qst_number,
        )


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    committee_member: bool = False
    committee_role: str = ""
    energy_manager: bool = False
    contact_id: int | None = None


@dataclass(frozen=True, slots=True)
class PhaseDates:
    phase: Phase
    request_date: date | None = None
    acceptance_date: date | None = None
    completion_date: date | None = None
    deliverables_accepted_date: date | None = None
    accepted_aid_amount: Decimal | None = None
    status: str = "planned"
    notes: str = ""


@dataclass(frozen=True, slots=True)
class StoredExpense:
    line: ExpenseLine
    incurred_on: date | None = None
    program_year: int | None = None
    expense_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredGrant:
    grant: OtherGrant
    grant_id: int | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    significant_use: str = ""
    status: str = "planned"  # planned | done
    planned_date: date | None = None
    done_date: date | None = None
    expected_m3: float | None = None
    notes: str = ""
    measure_id: int | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    significant_use: str = ""
    unit: str = ""
    baseline_value: float | None = None
    objective_value: float | None = None
    objective_year: int | None = None
    results: dict[int, float] = field(default_factory=dict)  # year → value
    notes: str = ""
    indicator_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredInvoice:
    invoice: PaymentInvoice
    invoice_id: int
    credit_for_id: int | None = None
    sent_on: date | None = None
    paid_on: date | None = None


@dataclass(frozen=True, slots=True)
class StoredAdjustment:
    adjustment: NonRoutineAdjustment
    adjustment_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProductionEntry:
    start: date
    end: date
    quantity: float
    unit: str = ""
    production_id: int | None = None


@dataclass(frozen=True, slots=True)
class ParticipantFile:
    info: ParticipantInfo
    contacts: tuple[Contact, ...]
    phases: dict[Phase, PhaseDates]
    expenses: tuple[StoredExpense, ...]
    grants: tuple[StoredGrant, ...]
    measures: tuple[Measure, ...]
    indicators: tuple[Indicator, ...]
    invoices: tuple[StoredInvoice, ...]
    adjustments: tuple[StoredAdjustment, ...]
    production: tuple[ProductionEntry, ...]

    def expense_lines(self) -> list[ExpenseLine]:
        return [e.line for e in self.expenses]

    def other_grants(self) -> list[OtherGrant]:
        return [g.grant for g in self.grants]

    @property
    def energy_manager(self) -> Contact | None:
        return next((c for c in self.contacts if c.energy_manager), None)


class StoreError(MessageError):
    """A record to change is missing or the change breaks a rule; `problem` says which, for any language."""

    def message(self, language: str = "fr") -> str:
        return self.problem.text("en" if language == "en" else "fr")
