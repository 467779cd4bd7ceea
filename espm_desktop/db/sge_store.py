"""Load and save an SGÉ participant's file (models_sge) as plain records and core objects.

Rows never leave this module: pages and reports get dataclasses, ExpenseLine, OtherGrant, PaymentInvoice,
NonRoutineAdjustment and savings results. Invoice rules (numbering, locking, credit notes) are those of
core/sge/invoice.py; this module only makes them stick in the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from espm_desktop.core.savings import (
    BaselineFit,
    BillingPeriod,
    Message,
    NonRoutineAdjustment,
    ProgramYearSavings,
    SavingsInputError,
    SavingsResult,
    check_periods,
    compute_savings,
    cusum,
    fit_baseline,
    program_years_missing_acceptance,
    savings_by_program_year,
    weather_from_daily,
)
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.invoice import (
    Beneficiary,
    InvoiceDocument,
    InvoicedSoFar,
    InvoiceStatus,
    PaymentInvoice,
    check_accepted_aid,
    check_invoice_amount,
    check_status_date,
    credit_note,
    edit_invoice,
    mark_paid,
    mark_sent,
    next_invoice_number,
    validate_invoice,
)
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.core.validation import FieldError
from espm_desktop.db import models
from espm_desktop.db.models_sge import (
    SgeContact,
    SgeExpense,
    SgeIndicator,
    SgeInvoice,
    SgeMeasure,
    SgeOtherGrant,
    SgeParticipant,
    SgePhase,
    SgeProduction,
    SgeSavingsAdjustment,
)


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


class StoreError(ValueError):
    """A record to change is missing or the change breaks a rule; message in French and English."""

    def __init__(self, message_fr: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_fr = message_fr
        self.message_en = message_en

    def message(self, language: str = "fr") -> str:
        return self.message_en if language == "en" else self.message_fr


# --- participant -------------------------------------------------------------------------------------------
def list_participants(session: Session, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, company name) of the participants; archived ones only when asked (`archived_participants`)."""
    query = select(SgeParticipant.id, SgeParticipant.company_name).order_by(SgeParticipant.company_name)
    if not include_archived:
        query = query.where(SgeParticipant.archived_on.is_(None))
    return [(int(pid), str(name)) for pid, name in session.execute(query)]


def archived_participants(session: Session) -> dict[int, date]:
    """Archived participants' ids with the day each was archived."""
    rows = session.execute(
        select(SgeParticipant.id, SgeParticipant.archived_on).where(SgeParticipant.archived_on.is_not(None))
    )
    return {int(pid): day for pid, day in rows if day is not None}


def _participant(session: Session, participant_id: int) -> SgeParticipant:
    row = session.get(SgeParticipant, participant_id)
    if row is None:
        raise StoreError(
            f"Aucun participant SGÉ n° {participant_id}.", f"No SGÉ participant {participant_id}."
        )
    return row


def _info(row: SgeParticipant) -> ParticipantInfo:
    return ParticipantInfo(
        company_name=row.company_name,
        company_address=row.company_address,
        site_address=row.site_address,
        energir_file_number=row.energir_file_number,
        gst_number=row.gst_number,
        qst_number=row.qst_number,
        industrial=row.industrial,
        annual_gas_m3=row.annual_gas_m3,
        property_id=row.property_id,
        gas_meter_id=row.gas_meter_id,
        exclusions=dict(row.exclusions or {}),
        baseline_start=row.baseline_start,
        baseline_end=row.baseline_end,
        reporting_start=row.reporting_start,
        use_production=row.use_production,
        notes=row.notes,
        participant_id=row.id,
        archived_on=row.archived_on,
    )


def _invoice(row: SgeInvoice, info: ParticipantInfo, rows: dict[int, SgeInvoice]) -> StoredInvoice:
    """A stored invoice: a sent or paid one as frozen when sent; a draft with the participant's current fields."""
    original = rows.get(row.credit_for_id) if row.credit_for_id is not None else None
    if row.frozen is not None:
        doc = InvoiceDocument.from_json(row.frozen)
        inv = PaymentInvoice(
            beneficiary=Beneficiary(
                doc.beneficiary_name, doc.beneficiary_address, doc.gst_number, doc.qst_number
            ),
            work_address=doc.work_address,
            energir_file_number=doc.energir_file_number,
            invoice_number=doc.invoice_number,
            invoice_date=doc.invoice_date,
            phase=Phase(row.phase),
            aid_amount=doc.aid_amount,
            language=doc.language,
            status=InvoiceStatus(row.status),
            corrects=doc.corrects,
            corrects_date=doc.corrects_date,
            program_year=doc.program_year,
            document=doc,
        )
        return StoredInvoice(inv, row.id, row.credit_for_id, row.sent_on, row.paid_on)
    rates = None
    if original is not None and original.frozen is not None:
        # A credit note reverses the tax at the rates its original was sent with.
        sent = InvoiceDocument.from_json(original.frozen)
        rates = (sent.gst_rate, sent.qst_rate)
    inv = PaymentInvoice(
        beneficiary=info.beneficiary(),
        work_address=info.site_address,
        energir_file_number=info.energir_file_number,
        invoice_number=row.number,
        invoice_date=row.invoice_date,
        phase=Phase(row.phase),
        aid_amount=row.aid_amount,
        language=row.language,
        status=InvoiceStatus(row.status),
        corrects=original.number if original is not None else None,
        corrects_date=original.invoice_date if original is not None else None,
        program_year=row.program_year,
        rates=rates,
    )
    return StoredInvoice(inv, row.id, row.credit_for_id, row.sent_on, row.paid_on)


def load_participant(session: Session, participant_id: int) -> ParticipantFile:
    row = _participant(session, participant_id)
    info = _info(row)
    invoice_rows = {i.id: i for i in row.invoices}
    return ParticipantFile(
        info=info,
        contacts=tuple(
            Contact(
                c.name, c.role, c.email, c.phone, c.committee_member, c.committee_role, c.energy_manager, c.id
            )
            for c in sorted(row.contacts, key=lambda c: c.id)
        ),
        phases={
            Phase(p.phase): PhaseDates(
                Phase(p.phase),
                p.request_date,
                p.acceptance_date,
                p.completion_date,
                p.deliverables_accepted_date,
                p.accepted_aid_amount,
                p.status,
                p.notes,
            )
            for p in row.phases
        },
        expenses=tuple(
            StoredExpense(
                ExpenseLine(
                    Phase(e.phase),
                    ExpenseKind(e.kind),
                    e.description,
                    e.amount if e.amount is not None else Decimal("0"),
                    Decimal(str(e.hours)) if e.hours is not None else None,
                    e.hourly_rate,
                ),
                e.incurred_on,
                e.program_year,
                e.id,
            )
            for e in sorted(row.expenses, key=lambda e: e.id)
        ),
        grants=tuple(
            StoredGrant(OtherGrant(g.grantor, Phase(g.phase), g.amount), g.id)
            for g in sorted(row.grants, key=lambda g: g.id)
        ),
        measures=tuple(
            Measure(
                m.name,
                m.significant_use,
                m.status,
                m.planned_date,
                m.done_date,
                m.expected_m3,
                m.notes,
                m.id,
            )
            for m in sorted(row.measures, key=lambda m: (m.planned_date or date.max, m.id))
        ),
        indicators=tuple(
            Indicator(
                i.name,
                i.significant_use,
                i.unit,
                i.baseline_value,
                i.objective_value,
                i.objective_year,
                {int(k): float(v) for k, v in (i.values or {}).items()},
                i.notes,
                i.id,
            )
            for i in sorted(row.indicators, key=lambda i: i.id)
        ),
        invoices=tuple(_invoice(i, info, invoice_rows) for i in sorted(row.invoices, key=lambda i: i.id)),
        adjustments=tuple(
            StoredAdjustment(NonRoutineAdjustment(a.start_date, a.end_date, a.m3_per_day, a.note), a.id)
            for a in sorted(row.adjustments, key=lambda a: a.start_date)
        ),
        production=tuple(
            ProductionEntry(p.start_date, p.end_date, p.quantity, p.unit, p.id)
            for p in sorted(row.production, key=lambda p: p.start_date)
        ),
    )


_INFO_FIELDS = (
    "company_name",
    "company_address",
    "site_address",
    "energir_file_number",
    "gst_number",
    "qst_number",
    "industrial",
    "annual_gas_m3",
    "property_id",
    "gas_meter_id",
    "baseline_start",
    "baseline_end",
    "reporting_start",
    "use_production",
    "notes",
)


def save_participant(session: Session, info: ParticipantInfo) -> int:
    """Create (no id) or update the participant's own fields; returns its id."""
    if not info.company_name.strip():
        raise StoreError("Le nom de l'entreprise est obligatoire.", "The company name is required.")
    if (
        info.baseline_start is not None
        and info.baseline_end is not None
        and info.baseline_end < info.baseline_start
    ):
        raise StoreError(
            f"La période de référence finit ({info.baseline_end}) avant de commencer ({info.baseline_start}).",
            f"The baseline period ends ({info.baseline_end}) before it starts ({info.baseline_start}).",
        )
    if info.participant_id is None:
        row = SgeParticipant(company_name=info.company_name.strip())
        session.add(row)
    else:
        row = _participant(session, info.participant_id)
    for name in _INFO_FIELDS:
        setattr(row, name, getattr(info, name))
    row.company_name = info.company_name.strip()
    row.exclusions = dict(info.exclusions)
    session.flush()
    return row.id


def has_sent_invoices(session: Session, participant_id: int) -> bool:
    return (
        session.scalars(
            select(SgeInvoice.id).where(
                SgeInvoice.participant_id == participant_id,
                SgeInvoice.status.in_((InvoiceStatus.SENT.value, InvoiceStatus.PAID.value)),
            )
        ).first()
        is not None
    )


def delete_participant(session: Session, participant_id: int, today: date | None = None) -> bool:
    """Delete a participant, or archive it (returns True) when it has sent or paid invoices: a sent invoice is
    kept as sent. An archived participant is hidden from the list and can be restored."""
    row = _participant(session, participant_id)
    if has_sent_invoices(session, participant_id):
        if row.archived_on is None:
            row.archived_on = today or date.today()
        session.flush()
        return True
    # Credit notes first: their reference to the original is ON DELETE RESTRICT.
    for note in [i for i in row.invoices if i.credit_for_id is not None]:
        row.invoices.remove(note)
        session.delete(note)
    session.flush()
    session.delete(row)
    session.flush()
    return False


def restore_participant(session: Session, participant_id: int) -> None:
    """Bring an archived participant back into the list."""
    _participant(session, participant_id).archived_on = None
    session.flush()


# --- child records -------------------------------------------------------------------------------------------
def _child(session: Session, model: type[Any], record_id: int) -> Any:
    row = session.get(model, record_id)
    if row is None:
        raise StoreError(f"Enregistrement {record_id} introuvable.", f"Record {record_id} not found.")
    return row


def save_contact(session: Session, participant_id: int, contact: Contact) -> int:
    if not contact.name.strip():
        raise StoreError("Le nom du contact est obligatoire.", "The contact's name is required.")
    row = (
        SgeContact(participant_id=participant_id, name=contact.name)
        if contact.contact_id is None
        else _child(session, SgeContact, contact.contact_id)
    )
    if contact.energy_manager:
        # One energy manager per site (Annexe B names « le gestionnaire Énergie »).
        for other in session.scalars(
            select(SgeContact).where(SgeContact.participant_id == participant_id, SgeContact.energy_manager)
        ):
            if other is not row:
                other.energy_manager = False
    row.name, row.role, row.email, row.phone = (
        contact.name.strip(),
        contact.role,
        contact.email,
        contact.phone,
    )
    row.committee_member, row.committee_role = contact.committee_member, contact.committee_role
    row.energy_manager = contact.energy_manager
    session.add(row)
    session.flush()
    return int(row.id)


def save_phase(session: Session, participant_id: int, dates: PhaseDates) -> None:
    """Create or replace the dates and accepted aid of one phase (the accepted aid within the phase's cap)."""
    check_accepted_aid(dates.phase, dates.accepted_aid_amount)
    row = session.scalars(
        select(SgePhase).where(SgePhase.participant_id == participant_id, SgePhase.phase == dates.phase.value)
    ).one_or_none()
    if row is None:
        row = SgePhase(participant_id=participant_id, phase=dates.phase.value)
        session.add(row)
    row.request_date, row.acceptance_date = dates.request_date, dates.acceptance_date
    row.completion_date, row.deliverables_accepted_date = (
        dates.completion_date,
        dates.deliverables_accepted_date,
    )
    row.accepted_aid_amount, row.status, row.notes = dates.accepted_aid_amount, dates.status, dates.notes
    session.flush()


def save_expense(session: Session, participant_id: int, expense: StoredExpense) -> int:
    line = expense.line
    line.cost  # noqa: B018 — raises SgeInputError naming the field when hours or rate are missing
    row = (
        SgeExpense(participant_id=participant_id)
        if expense.expense_id is None
        else _child(session, SgeExpense, expense.expense_id)
    )
    row.phase, row.kind, row.description = line.phase.value, line.kind.value, line.description
    if line.kind is ExpenseKind.INTERNAL_HOURS:
        row.amount, row.hours, row.hourly_rate = None, float(line.hours or 0), line.hourly_rate
    else:
        row.amount, row.hours, row.hourly_rate = line.amount, None, None
    row.incurred_on, row.program_year = expense.incurred_on, expense.program_year
    session.add(row)
    session.flush()
    return int(row.id)


def save_grant(session: Session, participant_id: int, grant: StoredGrant) -> int:
    row = (
        SgeOtherGrant(participant_id=participant_id)
        if grant.grant_id is None
        else _child(session, SgeOtherGrant, grant.grant_id)
    )
    row.grantor, row.phase, row.amount = grant.grant.grantor, grant.grant.phase.value, grant.grant.amount
    session.add(row)
    session.flush()
    return int(row.id)


def save_measure(session: Session, participant_id: int, measure: Measure) -> int:
    if not measure.name.strip():
        raise StoreError("Le nom de la mesure est obligatoire.", "The measure's name is required.")
    row = (
        SgeMeasure(participant_id=participant_id)
        if measure.measure_id is None
        else _child(session, SgeMeasure, measure.measure_id)
    )
    row.name, row.significant_use, row.status = measure.name.strip(), measure.significant_use, measure.status
    row.planned_date, row.done_date, row.expected_m3 = (
        measure.planned_date,
        measure.done_date,
        measure.expected_m3,
    )
    row.notes = measure.notes
    session.add(row)
    session.flush()
    return int(row.id)


def save_indicator(session: Session, participant_id: int, indicator: Indicator) -> int:
    if not indicator.name.strip():
        raise StoreError("Le nom de l'IPÉ est obligatoire.", "The indicator's name is required.")
    row = (
        SgeIndicator(participant_id=participant_id)
        if indicator.indicator_id is None
        else _child(session, SgeIndicator, indicator.indicator_id)
    )
    row.name, row.significant_use, row.unit = (
        indicator.name.strip(),
        indicator.significant_use,
        indicator.unit,
    )
    row.baseline_value, row.objective_value = indicator.baseline_value, indicator.objective_value
    row.objective_year, row.notes = indicator.objective_year, indicator.notes
    row.values = {str(y): v for y, v in sorted(indicator.results.items())}
    session.add(row)
    session.flush()
    return int(row.id)


def save_adjustment(session: Session, participant_id: int, item: StoredAdjustment) -> int:
    adj = item.adjustment
    if adj.end < adj.start:
        raise StoreError(
            f"L'ajustement finit ({adj.end}) avant de commencer ({adj.start}).",
            f"The adjustment ends ({adj.end}) before it starts ({adj.start}).",
        )
    if not adj.note.strip():
        raise StoreError(
            "Expliquez l'ajustement non routinier dans la note (p. ex. « nouvelle ligne de production »).",
            "Explain the non-routine adjustment in the note (e.g. 'new production line').",
        )
    row = (
        SgeSavingsAdjustment(participant_id=participant_id)
        if item.adjustment_id is None
        else _child(session, SgeSavingsAdjustment, item.adjustment_id)
    )
    row.start_date, row.end_date, row.m3_per_day, row.note = adj.start, adj.end, adj.m3_per_day, adj.note
    session.add(row)
    session.flush()
    return int(row.id)


def production_problems(entry: ProductionEntry, others: Sequence[ProductionEntry]) -> list[FieldError]:
    """What is wrong with a production period among the participant's others (itself skipped by id)."""
    errors = []
    if entry.end < entry.start:
        errors.append(FieldError(
            "end",
            f"End ({entry.end}) is before the start ({entry.start}): a period must end on or after its start.",
            f"Fin ({entry.end}) avant le début ({entry.start}) : une période doit finir le jour du début ou après.",
        ))  # fmt: skip
    if entry.quantity < 0:
        errors.append(FieldError(
            "quantity",
            f"Quantity ({entry.quantity:g}) is negative: production cannot be below zero.",
            f"Quantité ({entry.quantity:g}) négative : la production ne peut pas être sous zéro.",
        ))  # fmt: skip
    if entry.end >= entry.start:
        for o in others:
            if entry.production_id is not None and o.production_id == entry.production_id:
                continue
            shared = (min(entry.end, o.end) - max(entry.start, o.start)).days + 1
            # One shared day is allowed: like bills, a period may start on the day the previous one ends.
            if shared > 1:
                errors.append(FieldError(
                    "start",
                    f"The period overlaps the period {o.start} to {o.end} by {shared} days (one day at most): "
                    "change the dates or edit that period.",
                    f"La période chevauche celle du {o.start} au {o.end} de {shared} jours (un jour au plus) : "
                    "changez les dates ou modifiez cette période.",
                ))  # fmt: skip
                break
    return errors


def save_production(session: Session, participant_id: int, entry: ProductionEntry) -> int:
    """Add or replace (by `production_id`) a production period; the rules of `production_problems` apply."""
    others = [
        ProductionEntry(r.start_date, r.end_date, r.quantity, r.unit, r.id)
        for r in session.scalars(select(SgeProduction).where(SgeProduction.participant_id == participant_id))
    ]
    problems = production_problems(entry, others)
    if problems:
        raise StoreError(" ".join(p.message_fr for p in problems), " ".join(p.message_en for p in problems))
    row = (
        SgeProduction(participant_id=participant_id)
        if entry.production_id is None
        else _child(session, SgeProduction, entry.production_id)
    )
    row.start_date, row.end_date, row.quantity, row.unit = entry.start, entry.end, entry.quantity, entry.unit
    session.add(row)
    session.flush()
    return int(row.id)


_DELETABLE: dict[str, type[Any]] = {
    "contact": SgeContact,
    "expense": SgeExpense,
    "grant": SgeOtherGrant,
    "measure": SgeMeasure,
    "indicator": SgeIndicator,
    "adjustment": SgeSavingsAdjustment,
    "production": SgeProduction,
}


def delete_record(session: Session, kind: str, record_id: int) -> None:
    """Delete a contact, expense, grant, measure, indicator, adjustment or production period; never invoices."""
    session.delete(_child(session, _DELETABLE[kind], record_id))
    session.flush()


# --- invoices ------------------------------------------------------------------------------------------------
def _store_amounts(row: SgeInvoice, invoice: PaymentInvoice) -> None:
    row.number, row.invoice_date, row.phase = (
        invoice.invoice_number,
        invoice.invoice_date,
        invoice.phase.value,
    )
    row.aid_amount, row.gst, row.qst, row.total = invoice.aid_amount, invoice.gst, invoice.qst, invoice.total
    row.language, row.status = invoice.language, invoice.status.value
    row.program_year = invoice.program_year
    if invoice.document is not None and row.frozen is None:  # written once, when sent; never rewritten
        row.frozen = invoice.document.to_json()


def _load_invoice(session: Session, invoice_id: int) -> tuple[SgeInvoice, StoredInvoice]:
    row = _child(session, SgeInvoice, invoice_id)
    assert isinstance(row, SgeInvoice)
    stored = next(i for i in load_participant(session, row.participant_id).invoices if i.invoice_id == row.id)
    return row, stored


def next_number(session: Session, participant_id: int) -> str:
    """The next invoice number of the participant: every number ever stored counts, gaps are not refilled."""
    numbers = session.scalars(select(SgeInvoice.number).where(SgeInvoice.participant_id == participant_id))
    return next_invoice_number(list(numbers))


def invoice_by_number(session: Session, participant_id: int, number: str) -> StoredInvoice:
    """The participant's invoice or credit note numbered `number`; StoreError naming the numbers there are."""
    found = next(
        (i for i in load_participant(session, participant_id).invoices if i.invoice.invoice_number == number),
        None,
    )
    if found is None:
        raise StoreError(
            f"Le participant n° {participant_id} n'a pas de facture n° {number}.",
            f"Participant {participant_id} has no invoice number {number}.",
        )
    return found


def create_invoice(
    session: Session,
    participant_id: int,
    phase: Phase,
    aid_amount: Decimal,
    invoice_date: date,
    language: str = "fr",
    program_year: int | None = None,
) -> StoredInvoice:
    """A new draft invoice numbered next in the participant's sequence, checked against Annexe D.

    A draft may claim more than the aid that remains: the amount rules apply when it is marked sent
    (`invoice_send_problem` says now what would stop it).
    """
    participant = _participant(session, participant_id)
    if participant.archived_on is not None:
        raise StoreError(
            f"Le participant « {participant.company_name} » est archivé : rétablissez-le avant de facturer.",
            f"Participant '{participant.company_name}' is archived: restore it before invoicing.",
        )
    info = _info(participant)
    invoice = validate_invoice(
        PaymentInvoice(
            beneficiary=info.beneficiary(),
            work_address=info.site_address,
            energir_file_number=info.energir_file_number,
            invoice_number=next_number(session, participant_id),
            invoice_date=invoice_date,
            phase=phase,
            aid_amount=aid_amount,
            language=language,
            program_year=program_year,
        )
    )
    row = SgeInvoice(participant_id=participant_id)
    _store_amounts(row, invoice)
    session.add(row)
    session.flush()
    return StoredInvoice(invoice, row.id)


def edit_draft_invoice(session: Session, invoice_id: int, **changes: Any) -> StoredInvoice:
    """Change a draft's date, phase, year, amount or language; a sent or paid invoice raises InvoiceLockedError."""
    row, stored = _load_invoice(session, invoice_id)
    changed = edit_invoice(stored.invoice, **changes)
    _store_amounts(row, changed)
    session.flush()
    return StoredInvoice(changed, row.id, row.credit_for_id, row.sent_on, row.paid_on)


def _invoiced_so_far(session: Session, participant_id: int, phase: Phase, skip_id: int) -> InvoicedSoFar:
    """What the participant's sent and paid invoices of `phase` claim, their sent credit notes deducted."""
    rows = session.scalars(
        select(SgeInvoice).where(
            SgeInvoice.participant_id == participant_id,
            SgeInvoice.phase == phase.value,
            SgeInvoice.status.in_((InvoiceStatus.SENT.value, InvoiceStatus.PAID.value)),
            SgeInvoice.id != skip_id,
        )
    ).all()
    amount = sum((r.aid_amount for r in rows), Decimal("0"))
    credited: dict[int, Decimal] = {}
    for r in rows:
        if r.credit_for_id is not None:
            credited[r.credit_for_id] = credited.get(r.credit_for_id, Decimal("0")) + r.aid_amount
    taken = next(
        (
            r.number
            for r in rows
            if r.credit_for_id is None and r.aid_amount + credited.get(r.id, Decimal("0")) > 0
        ),
        None,
    )
    return InvoicedSoFar(amount, taken)


def _check_amount(session: Session, row: SgeInvoice, invoice: PaymentInvoice) -> None:
    """The amount rules of core/sge/invoice.py against the participant's ONE aid statement (db/sge_report.py)."""
    from espm_desktop.db.sge_report import participant_statement  # sge_report imports this module

    if invoice.is_credit_note:
        return
    file = load_participant(session, row.participant_id)
    analysis = None
    if invoice.phase is Phase.SAVINGS_FOLLOW_UP:
        try:
            analysis = savings_analysis(session, row.participant_id)
        except SavingsInputError:
            analysis = (
                None  # phase 5 then allows nothing: the message shows 0,00 $ and the statement's figure
            )
    dates = file.phases.get(invoice.phase)
    check_invoice_amount(
        invoice,
        participant_statement(file, analysis),
        dates.accepted_aid_amount if dates is not None else None,
        _invoiced_so_far(session, row.participant_id, invoice.phase, row.id),
    )


def invoice_send_problem(session: Session, invoice_id: int) -> SgeInputError | None:
    """Why a draft could not be marked sent as it is (amount rules, Annexe D fields), or None."""
    row, stored = _load_invoice(session, invoice_id)
    if stored.invoice.status is not InvoiceStatus.DRAFT:
        return None
    try:
        _check_amount(session, row, validate_invoice(stored.invoice))
    except SgeInputError as exc:
        return exc
    return None


def mark_invoice_sent(
    session: Session, invoice_id: int, on: date, today: date | None = None
) -> StoredInvoice:
    """Send a draft on the day the user chose: checked against the aid statement, then frozen as sent."""
    row, stored = _load_invoice(session, invoice_id)
    check_status_date("sent", on, stored.invoice, today or date.today())
    _check_amount(session, row, validate_invoice(stored.invoice))
    sent = mark_sent(stored.invoice)
    _store_amounts(row, sent)
    row.sent_on = on
    session.flush()
    return StoredInvoice(sent, row.id, row.credit_for_id, on, row.paid_on)


def mark_invoice_paid(
    session: Session, invoice_id: int, on: date, today: date | None = None
) -> StoredInvoice:
    row, stored = _load_invoice(session, invoice_id)
    paid = mark_paid(stored.invoice)
    check_status_date("paid", on, stored.invoice, today or date.today(), row.sent_on)
    row.status, row.paid_on = paid.status.value, on
    session.flush()
    return StoredInvoice(paid, row.id, row.credit_for_id, row.sent_on, on)


def issue_credit_note(
    session: Session, invoice_id: int, note_date: date, amount: Decimal | None = None
) -> StoredInvoice:
    """A draft credit note for a sent or paid invoice, numbered next in the sequence, at most what is not
    credited yet (other credit notes, drafts included, deducted)."""
    row, stored = _load_invoice(session, invoice_id)
    credited = sum(
        session.scalars(select(SgeInvoice.aid_amount).where(SgeInvoice.credit_for_id == row.id)), Decimal("0")
    )
    info = _info(_participant(session, row.participant_id))
    # The note names today's beneficiary (the file may have changed since the invoice was sent).
    original = replace(stored.invoice, beneficiary=info.beneficiary(), work_address=info.site_address,
                       energir_file_number=info.energir_file_number)  # fmt: skip
    note = credit_note(original, next_number(session, row.participant_id), note_date, amount, credited)
    new = SgeInvoice(participant_id=row.participant_id, credit_for_id=row.id)
    _store_amounts(new, note)
    session.add(new)
    session.flush()
    return StoredInvoice(note, new.id, row.id)


# --- measured savings ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SavingsAnalysis:
    """The baseline fit, its residuals on the baseline, the reporting savings, per program year and CUSUM."""

    fit: BaselineFit
    baseline: SavingsResult
    reporting: SavingsResult
    by_program_year: tuple[ProgramYearSavings, ...]
    cusum: tuple[tuple[date, float], ...]
    meter_name: str
    station_name: str
    program_start: date  # the reporting (follow-up) start: CUSUM and "avoided since" count from it
    # Program years count from this date (earliest phase 4 deliverables acceptance); None: no program year.
    first_deliverables_accepted: date | None = None
    program_years_note: Message | None = None  # why there are no program years, when there are none


IMPLEMENTATION_PHASES = (Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)


def first_deliverables_accepted(file: ParticipantFile) -> date | None:
    """Énergir's earliest acceptance of phase 4 deliverables, over both implementation parts; None if none yet."""
    dates = [
        d.deliverables_accepted_date
        for phase in IMPLEMENTATION_PHASES
        if (d := file.phases.get(phase)) is not None and d.deliverables_accepted_date is not None
    ]
    return min(dates, default=None)


def _production_in(period: BillingPeriod, entries: tuple[ProductionEntry, ...]) -> float | None:
    """Output in the period, each entry spread evenly over its days; None when nothing covers it."""
    total, covered = 0.0, 0
    for e in entries:
        first, last = max(e.start, period.start), min(e.end, period.end)
        overlap = (last - first).days + 1
        if overlap > 0:
            total += e.quantity * overlap / ((e.end - e.start).days + 1)
            covered += overlap
    return total if covered else None


def _period_list(periods: Sequence[BillingPeriod], shown: int = 6) -> tuple[str, str]:
    """'start–end' of the first periods, then how many more, in French and in English."""
    fr = ", ".join(f"du {p.start} au {p.end}" for p in periods[:shown])
    en = ", ".join(f"{p.start} to {p.end}" for p in periods[:shown])
    more = len(periods) - shown
    if more > 0:
        fr, en = f"{fr} et {more} autre{'s' if more > 1 else ''}", f"{en} and {more} more"
    return fr, en


def _no_data(fr: str, en: str) -> SavingsInputError:
    return SavingsInputError(fr, en)


def savings_analysis(session: Session, participant_id: int) -> SavingsAnalysis:
    """Fit the baseline on the gas meter's bills and the linked station's days; say what is missing if not."""
    file = load_participant(session, participant_id)
    info = file.info
    meter = session.get(models.Meter, info.gas_meter_id) if info.gas_meter_id is not None else None
    if meter is None:
        raise _no_data(
            "Choisissez le compteur de gaz du site (onglet Économies) pour calculer les économies.",
            "Choose the site's gas meter (Savings tab) to compute the savings.",
        )
    if meter.unit != "m3":
        raise _no_data(
            f"Le compteur « {meter.name} » est en {meter.unit} : le suivi SGÉ se calcule en m³. "
            "Choisissez un compteur de gaz naturel en m³.",
            f"Meter '{meter.name}' is in {meter.unit}: SGÉ follow-up is computed in m³. "
            "Choose a natural-gas meter in m³.",
        )
    if info.baseline_start is None or info.baseline_end is None or info.reporting_start is None:
        raise _no_data(
            "Indiquez le début et la fin de la période de référence et le début de la période de suivi.",
            "Enter the start and end of the baseline period and the start of the reporting period.",
        )
    check_periods(info.baseline_start, info.baseline_end, info.reporting_start)
    prop = meter.property
    station = session.get(models.WeatherStation, prop.weather_station_id) if prop.weather_station_id else None
    if station is None:
        raise _no_data(
            f"La propriété « {prop.name} » n'est liée à aucune station météo. Importez les fichiers quotidiens "
            "d'Environnement Canada (page Météo) et liez-y la propriété.",
            f"Property '{prop.name}' is not linked to a weather station. Import Environment Canada daily files "
            "(Weather page) and link the property to its station.",
        )
    temps = {
        day: t
        for day, t in session.execute(
            select(models.WeatherDay.day, models.WeatherDay.mean_temp_c).where(
                models.WeatherDay.station_id == station.id
            )
        )
        if t is not None
    }
    bills = sorted(meter.bills, key=lambda b: b.start_date)

    def periods(first: date, last: date | None) -> list[BillingPeriod]:
        out = []
        for b in bills:
            if b.start_date >= first and (last is None or b.end_date <= last):
                p = BillingPeriod(b.start_date, b.end_date, b.usage)
                production = _production_in(p, file.production) if info.use_production else None
                out.append(BillingPeriod(p.start, p.end, p.usage_m3, production))
        return out

    base = periods(info.baseline_start, info.baseline_end)
    report = periods(info.reporting_start, None)
    if not base:
        raise _no_data(
            f"Aucune facture du compteur « {meter.name} » entre le {info.baseline_start} et le "
            f"{info.baseline_end} : importez les factures ou changez la période de référence.",
            f"No bill of meter '{meter.name}' between {info.baseline_start} and {info.baseline_end}: "
            "import the bills or change the baseline period.",
        )
    if not report:
        raise _no_data(
            f"Aucune facture du compteur « {meter.name} » depuis le {info.reporting_start} (période de suivi).",
            f"No bill of meter '{meter.name}' since {info.reporting_start} (reporting period).",
        )
    needed = [p.start + timedelta(days=i) for p in base + report for i in range(p.days)]
    if not any(day in temps for day in needed):
        raise _no_data(
            f"La station « {station.name} » n'a aucune température pour les périodes des factures : importez "
            "les années manquantes (page Météo).",
            f"Station '{station.name}' has no temperature for the bills' periods: import the missing years "
            "(Weather page).",
        )
    # One balance-point grid for both periods, from the temperatures the bills span.
    span = {d: temps[d] for d in needed if d in temps}
    base_weather = weather_from_daily(base, span)
    grid = tuple(sorted(base_weather[0].hdd_per_day))
    missing_base = [p for p in base if info.use_production and p.production is None]
    try:
        fit = fit_baseline(base, base_weather, use_production=info.use_production)
    except SavingsInputError as exc:
        if not missing_base:
            raise
        listed_fr, listed_en = _period_list(missing_base)
        raise _no_data(
            f"{exc.message_fr} Périodes de référence sans production : {listed_fr}. Saisissez-la avec "
            "« Production… » (onglet Économies) ou décochez la variable de production.",
            f"{exc.message_en} Baseline periods without production: {listed_en}. Enter it with "
            "'Production…' (Savings tab) or untick the production variable.",
        ) from exc
    missing_report = [p for p in report if info.use_production and p.production is None]
    if missing_report:
        # The model would read no production as zero output and overstate the savings.
        listed_fr, listed_en = _period_list(missing_report)
        raise _no_data(
            f"La variable de production est cochée, mais ces périodes de suivi n'ont pas de production : "
            f"{listed_fr}. Saisissez-la avec « Production… » (onglet Économies) ou décochez la variable.",
            f"The production variable is on, but these reporting periods have no production: {listed_en}. "
            "Enter it with 'Production…' (Savings tab) or untick the variable.",
        )
    adjustments = [a.adjustment for a in file.adjustments]
    report_result = compute_savings(fit.model, report, weather_from_daily(report, span, grid), adjustments)
    base_result = compute_savings(fit.model, base, base_weather)
    accepted = first_deliverables_accepted(file)
    return SavingsAnalysis(
        fit=fit,
        baseline=base_result,
        reporting=report_result,
        by_program_year=savings_by_program_year(report_result, accepted) if accepted else (),
        cusum=cusum(report_result.periods),
        meter_name=meter.name,
        station_name=station.name,
        program_start=info.reporting_start,
        first_deliverables_accepted=accepted,
        program_years_note=None if accepted else program_years_missing_acceptance(),
    )


def gas_meters(session: Session) -> list[tuple[int, str]]:
    """Every natural-gas meter as (id, "property — meter"), for the savings tab's picker."""
    rows = session.execute(
        select(models.Meter.id, models.Property.name, models.Meter.name)
        .join(models.Property)
        .where(models.Meter.energy_type == "natural_gas")
        .order_by(models.Property.name, models.Meter.name)
    )
    return [(int(mid), f"{pname} — {mname}") for mid, pname, mname in rows]
