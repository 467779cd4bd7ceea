"""An SGÉ participant's file read with the sqlite3 module alone (no SQLAlchemy, no ORM objects).

The SGÉ page fills its first screen through here before the ORM is loaded; the store (db/sge_participants.py,
db/sge_savings.py) reads through here too, on its session's own connection, so there is one reading of a file.
Rows are turned into what the models' column types give (db/models_sge.py): ISO dates, NUMERIC(14, 2) money as
a Decimal with two decimals, 0/1 flags as booleans, JSON text as its value; dates and money by the same
conversions as the property reads (db/stored_values.py). Writes go through the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from espm_desktop.core.i18n import message
from espm_desktop.core.savings import NonRoutineAdjustment
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice_model import Beneficiary, InvoiceDocument, InvoiceStatus, PaymentInvoice
from espm_desktop.core.sge.records import (
    Contact,
    Indicator,
    Measure,
    ParticipantFile,
    ParticipantInfo,
    PhaseDates,
    ProductionEntry,
    StoredAdjustment,
    StoredExpense,
    StoredGrant,
    StoredInvoice,
    StoreError,
)
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.savings_analysis import SavingsInputs
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.core.types import Bill
from espm_desktop.db.stored_values import cents_value, date_value, optional_date_value


def _optional_cents(value: float | int | str | None) -> Decimal | None:
    return None if value is None else cents_value(value)


def _json(text: str | None) -> Any:
    """A JSON column's value as the ORM gives it: SQL NULL is None."""
    return None if text is None else json.loads(text)


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    """What an invoice's row holds that its record is made from (`stored_invoice`)."""

    invoice_id: int
    number: str
    invoice_date: date
    phase: str
    aid_amount: Decimal
    status: str
    language: str
    credit_for_id: int | None
    sent_on: date | None
    paid_on: date | None
    program_year: int | None
    frozen: dict[str, Any] | None  # the document as sent; None on drafts


# --- participants --------------------------------------------------------------------------------------------
def participant_list(con: sqlite3.Connection, include_archived: bool = False) -> list[tuple[int, str]]:
    """(id, company name) of the participants; archived ones only when asked (`archived_participants`)."""
    where = "" if include_archived else " WHERE archived_on IS NULL"
    rows = con.execute(f"SELECT id, company_name FROM sge_participant{where} ORDER BY company_name")
    return [(int(pid), str(name)) for pid, name in rows]


def archived_participants(con: sqlite3.Connection) -> dict[int, date]:
    """Archived participants' ids with the day each was archived."""
    rows = con.execute("SELECT id, archived_on FROM sge_participant WHERE archived_on IS NOT NULL")
    return {int(pid): date_value(day) for pid, day in rows}


def has_sent_invoices(con: sqlite3.Connection, participant_id: int) -> bool:
    row = con.execute(
        "SELECT 1 FROM sge_invoice WHERE participant_id = ? AND status IN (?, ?) LIMIT 1",
        (participant_id, InvoiceStatus.SENT.value, InvoiceStatus.PAID.value),
    ).fetchone()
    return row is not None


def participant_info(con: sqlite3.Connection, participant_id: int) -> ParticipantInfo:
    """The participant's own fields; StoreError when there is no such participant."""
    row = con.execute(
        "SELECT company_name, company_address, site_address, energir_file_number, gst_number, qst_number, "
        "industrial, annual_gas_m3, property_id, gas_meter_id, exclusions, baseline_start, baseline_end, "
        "reporting_start, use_production, notes, archived_on FROM sge_participant WHERE id = ?",
        (participant_id,),
    ).fetchone()
    if row is None:
        raise StoreError(message("No SGÉ participant {number}.", number=str(participant_id)))
    (company, company_address, site_address, file_number, gst, qst, industrial, annual_gas, property_id,
     meter_id, exclusions, baseline_start, baseline_end, reporting_start, use_production, notes,
     archived_on) = row  # fmt: skip
    return ParticipantInfo(
        company_name=company,
        company_address=company_address,
        site_address=site_address,
        energir_file_number=file_number,
        gst_number=gst,
        qst_number=qst,
        industrial=bool(industrial),
        annual_gas_m3=annual_gas,
        property_id=property_id,
        gas_meter_id=meter_id,
        exclusions=dict(_json(exclusions) or {}),
        baseline_start=optional_date_value(baseline_start),
        baseline_end=optional_date_value(baseline_end),
        reporting_start=optional_date_value(reporting_start),
        use_production=bool(use_production),
        notes=notes,
        participant_id=participant_id,
        archived_on=optional_date_value(archived_on),
    )


# --- invoices ------------------------------------------------------------------------------------------------
def invoice_rows(con: sqlite3.Connection, participant_id: int) -> list[InvoiceRow]:
    """The participant's invoices and credit notes, by id."""
    rows = con.execute(
        "SELECT id, number, invoice_date, phase, aid_amount, status, language, credit_for_id, sent_on, paid_on, "
        "program_year, frozen FROM sge_invoice WHERE participant_id = ? ORDER BY id",
        (participant_id,),
    )
    return [
        InvoiceRow(
            iid,
            number,
            date_value(day),
            phase,
            cents_value(aid),
            status,
            language,
            credit_for,
            optional_date_value(sent),
            optional_date_value(paid),
            year,
            _json(frozen),
        )
        for iid, number, day, phase, aid, status, language, credit_for, sent, paid, year, frozen in rows
    ]


def invoice_numbers(con: sqlite3.Connection, participant_id: int) -> list[str]:
    """Every number the participant's invoices and credit notes took (numbers are never reused)."""
    rows = con.execute(
        "SELECT number FROM sge_invoice WHERE participant_id = ? ORDER BY id", (participant_id,)
    )
    return [str(number) for (number,) in rows]


def stored_invoice(row: InvoiceRow, info: ParticipantInfo, rows: Mapping[int, InvoiceRow]) -> StoredInvoice:
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
        return StoredInvoice(inv, row.invoice_id, row.credit_for_id, row.sent_on, row.paid_on)
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
    return StoredInvoice(inv, row.invoice_id, row.credit_for_id, row.sent_on, row.paid_on)


# --- the whole file ------------------------------------------------------------------------------------------
def participant_file(con: sqlite3.Connection, participant_id: int) -> ParticipantFile:
    """The participant with every child record; StoreError when there is no such participant."""
    info = participant_info(con, participant_id)
    key = (participant_id,)
    invoices = invoice_rows(con, participant_id)
    by_id = {i.invoice_id: i for i in invoices}
    return ParticipantFile(
        info=info,
        contacts=tuple(
            Contact(name, role, email, phone, bool(member), committee_role, bool(manager), cid)
            for cid, name, role, email, phone, member, committee_role, manager in con.execute(
                "SELECT id, name, role, email, phone, committee_member, committee_role, energy_manager "
                "FROM sge_contact WHERE participant_id = ? ORDER BY id",
                key,
            )
        ),
        phases={
            Phase(phase): PhaseDates(
                Phase(phase),
                optional_date_value(request),
                optional_date_value(acceptance),
                optional_date_value(completion),
                optional_date_value(deliverables),
                _optional_cents(accepted),
                status,
                notes,
            )
            for phase, request, acceptance, completion, deliverables, accepted, status, notes in con.execute(
                "SELECT phase, request_date, acceptance_date, completion_date, deliverables_accepted_date, "
                "accepted_aid_amount, status, notes FROM sge_phase WHERE participant_id = ? ORDER BY id",
                key,
            )
        },
        expenses=tuple(
            StoredExpense(
                ExpenseLine(
                    Phase(phase),
                    ExpenseKind(kind),
                    description,
                    cents_value(amount) if amount is not None else Decimal("0"),
                    # The hours are a float column: their decimal text, not the float's binary expansion.
                    Decimal(str(hours)) if hours is not None else None,
                    _optional_cents(rate),
                ),
                optional_date_value(incurred),
                year,
                eid,
            )
            for eid, phase, kind, description, amount, hours, rate, incurred, year in con.execute(
                "SELECT id, phase, kind, description, amount, hours, hourly_rate, incurred_on, program_year "
                "FROM sge_expense WHERE participant_id = ? ORDER BY id",
                key,
            )
        ),
        grants=tuple(
            StoredGrant(OtherGrant(grantor, Phase(phase), cents_value(amount)), gid)
            for gid, grantor, phase, amount in con.execute(
                "SELECT id, grantor, phase, amount FROM sge_other_grant WHERE participant_id = ? ORDER BY id",
                key,
            )
        ),
        # Planned date first, the measures without one last.
        measures=tuple(
            Measure(
                name,
                use,
                status,
                optional_date_value(planned),
                optional_date_value(done),
                expected,
                notes,
                mid,
            )
            for mid, name, use, status, planned, done, expected, notes in con.execute(
                "SELECT id, name, significant_use, status, planned_date, done_date, expected_m3, notes "
                "FROM sge_measure WHERE participant_id = ? ORDER BY planned_date IS NULL, planned_date, id",
                key,
            )
        ),
        indicators=tuple(
            Indicator(
                name,
                use,
                unit,
                baseline,
                objective,
                objective_year,
                {int(k): float(v) for k, v in (_json(values) or {}).items()},
                notes,
                iid,
            )
            for iid, name, use, unit, baseline, objective, objective_year, values, notes in con.execute(
                'SELECT id, name, significant_use, unit, baseline_value, objective_value, objective_year, "values", '
                "notes FROM sge_indicator WHERE participant_id = ? ORDER BY id",
                key,
            )
        ),
        invoices=tuple(stored_invoice(i, info, by_id) for i in invoices),
        adjustments=tuple(
            StoredAdjustment(NonRoutineAdjustment(date_value(start), date_value(end), m3_per_day, note), aid)
            for aid, start, end, m3_per_day, note in con.execute(
                "SELECT id, start_date, end_date, m3_per_day, note FROM sge_savings_adjustment "
                "WHERE participant_id = ? ORDER BY start_date, id",
                key,
            )
        ),
        production=tuple(
            ProductionEntry(date_value(start), date_value(end), quantity, unit, pid)
            for pid, start, end, quantity, unit in con.execute(
                "SELECT id, start_date, end_date, quantity, unit FROM sge_production "
                "WHERE participant_id = ? ORDER BY start_date, id",
                key,
            )
        ),
    )


# --- savings -------------------------------------------------------------------------------------------------
def gas_meters(con: sqlite3.Connection) -> list[tuple[int, str]]:
    """Every natural-gas meter as (id, "property — meter"), for the savings tab's picker."""
    rows = con.execute(
        "SELECT meter.id, property.name, meter.name FROM meter JOIN property ON property.id = meter.property_id "
        "WHERE meter.energy_type = 'natural_gas' ORDER BY property.name, meter.name"
    )
    return [(int(mid), f"{pname} — {mname}") for mid, pname, mname in rows]


def savings_inputs(con: sqlite3.Connection, file: ParticipantFile) -> SavingsInputs:
    """The participant's gas meter, its bills, its property and that property's station with its daily mean
    temperatures, as core/sge/savings_analysis.py takes them."""
    meter_id = file.info.gas_meter_id
    found = (
        con.execute(
            "SELECT meter.name, meter.unit, property.name, property.weather_station_id FROM meter "
            "JOIN property ON property.id = meter.property_id WHERE meter.id = ?",
            (meter_id,),
        ).fetchone()
        if meter_id is not None
        else None
    )
    if found is None:
        return SavingsInputs(None)
    meter_name, unit, property_name, station_id = found
    station = (
        con.execute("SELECT name FROM weather_station WHERE id = ?", (station_id,)).fetchone()
        if station_id
        else None
    )
    temps: dict[date, float] = {}
    if station is not None:
        temps = {
            date_value(day): t
            for day, t in con.execute(
                "SELECT day, mean_temp_c FROM weather_day WHERE station_id = ? AND mean_temp_c IS NOT NULL "
                "ORDER BY day",
                (station_id,),
            )
        }
    # By start date, as the meter's bills relationship gives them (the unique index breaks ties by end date).
    bills = tuple(
        Bill(date_value(start), date_value(end), float(usage))
        for start, end, usage in con.execute(
            "SELECT start_date, end_date, usage FROM bill WHERE meter_id = ? ORDER BY start_date, end_date",
            (meter_id,),
        )
    )
    return SavingsInputs(
        meter_name=meter_name,
        meter_unit=unit,
        property_name=property_name,
        station_name=station[0] if station is not None else None,
        bills=bills,
        temperatures=temps,
    )
