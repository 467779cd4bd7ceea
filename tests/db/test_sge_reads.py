"""The SGÉ reader (db/sge_reads.py) reads a participant's file with sqlite3 alone exactly as the ORM did: the same
records, field types (Decimal scale included) and orders. The reference below is the ORM mapping the store used
before it read through sge_reads, kept here only to compare against."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.savings import NonRoutineAdjustment
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice import Beneficiary, InvoiceDocument, InvoiceStatus, PaymentInvoice
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
from espm_desktop.core.types import Bill, BillSource
from espm_desktop.db import models, sge_invoices, sge_participants, sge_reads, sge_savings
from espm_desktop.db.engine import make_engine
from espm_desktop.db.models_sge import (
    SgeContact,
    SgeIndicator,
    SgeInvoice,
    SgeParticipant,
)


# --- the ORM reference (the store's reading before sge_reads) -----------------------------------------------
def orm_info(row: SgeParticipant) -> ParticipantInfo:
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


def orm_invoice(row: SgeInvoice, info: ParticipantInfo, rows: dict[int, SgeInvoice]) -> StoredInvoice:
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


def orm_file(session: Session, participant_id: int) -> ParticipantFile:
    row = session.get(SgeParticipant, participant_id)
    assert row is not None
    info = orm_info(row)
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
                    e.amount if e.amount is not None else D("0"),
                    D(str(e.hours)) if e.hours is not None else None,
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
                m.name, m.significant_use, m.status, m.planned_date, m.done_date, m.expected_m3, m.notes, m.id
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
        invoices=tuple(orm_invoice(i, info, invoice_rows) for i in sorted(row.invoices, key=lambda i: i.id)),
        adjustments=tuple(
            StoredAdjustment(NonRoutineAdjustment(a.start_date, a.end_date, a.m3_per_day, a.note), a.id)
            for a in sorted(row.adjustments, key=lambda a: a.start_date)
        ),
        production=tuple(
            ProductionEntry(p.start_date, p.end_date, p.quantity, p.unit, p.id)
            for p in sorted(row.production, key=lambda p: p.start_date)
        ),
    )


def orm_savings_inputs(session: Session, file: ParticipantFile) -> SavingsInputs:
    info = file.info
    meter = session.get(models.Meter, info.gas_meter_id) if info.gas_meter_id is not None else None
    if meter is None:
        return SavingsInputs(None)
    prop = meter.property
    station = session.get(models.WeatherStation, prop.weather_station_id) if prop.weather_station_id else None
    temps: dict[date, float] = {}
    if station is not None:
        temps = {
            day: t
            for day, t in session.execute(
                select(models.WeatherDay.day, models.WeatherDay.mean_temp_c).where(
                    models.WeatherDay.station_id == station.id
                )
            )
            if t is not None
        }
    return SavingsInputs(
        meter_name=meter.name,
        meter_unit=meter.unit,
        property_name=prop.name,
        station_name=station.name if station is not None else None,
        bills=tuple(Bill(b.start_date, b.end_date, b.usage) for b in meter.bills),
        temperatures=temps,
    )


def orm_participants(session: Session, include_archived: bool) -> list[tuple[int, str]]:
    query = select(SgeParticipant.id, SgeParticipant.company_name).order_by(SgeParticipant.company_name)
    if not include_archived:
        query = query.where(SgeParticipant.archived_on.is_(None))
    return [(int(pid), str(name)) for pid, name in session.execute(query)]


def orm_archived(session: Session) -> dict[int, date]:
    rows = session.execute(
        select(SgeParticipant.id, SgeParticipant.archived_on).where(SgeParticipant.archived_on.is_not(None))
    )
    return {int(pid): day for pid, day in rows if day is not None}


def orm_gas_meters(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(
        select(models.Meter.id, models.Property.name, models.Meter.name)
        .join(models.Property)
        .where(models.Meter.energy_type == "natural_gas")
        .order_by(models.Property.name, models.Meter.name)
    )
    return [(int(mid), f"{pname} — {mname}") for mid, pname, mname in rows]


def orm_invoice_numbers(session: Session, participant_id: int) -> list[str]:
    return list(session.scalars(select(SgeInvoice.number).where(SgeInvoice.participant_id == participant_id)))


def orm_has_sent(session: Session, participant_id: int) -> bool:
    query = select(SgeInvoice.id).where(
        SgeInvoice.participant_id == participant_id,
        SgeInvoice.status.in_((InvoiceStatus.SENT.value, InvoiceStatus.PAID.value)),
    )
    return session.scalars(query).first() is not None


# --- helpers --------------------------------------------------------------------------------------------------
def shown(file: ParticipantFile) -> str:
    """The file's repr, which shows every Decimal's scale; phases by phase (a dict: its order is not the file's)."""
    return repr(replace(file, phases=dict(sorted(file.phases.items()))))


@pytest.fixture
def plain(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection on the test database, opened when the test asks for it."""
    with closing(sqlite3.connect(db_path)) as con:
        yield con


def rich_participant(engine: Engine) -> int:
    """A participant with every kind of child record: a paid invoice (frozen), a credit note for it (draft, at
    the original's rates), a draft; awkward amounts (12.5, 0.1), an expense without hours, a measure without a
    planned date, adjustments and production entered out of order, a linked meter with bills and a station
    with a day without a temperature."""
    with Session(engine) as s, s.begin():
        station = models.WeatherStation(climate_id="TEST-1", name="Station test", province="QC")
        station.days = [
            models.WeatherDay(day=date(2024, 1, 1), mean_temp_c=-10.5),
            models.WeatherDay(day=date(2024, 1, 2), mean_temp_c=None, hdd=20.0, cdd=0.0),
            models.WeatherDay(day=date(2024, 1, 3), mean_temp_c=0.1),
        ]
        plant = models.Property(name="Usine test", gross_floor_area_m2=1000.0)
        meter = models.Meter(name="Gaz", energy_type="natural_gas", unit="m3")
        meter.bills = [
            models.BillRecord(start_date=date(2024, 2, 1), end_date=date(2024, 2, 29), usage=1500.25,
                              cost=D("12.5"), source=BillSource.MANUAL.value),
            models.BillRecord(start_date=date(2024, 1, 1), end_date=date(2024, 1, 31), usage=2000.0),
        ]  # fmt: skip
        plant.meters.append(meter)
        s.add_all([station, plant])
        s.flush()
        plant.weather_station_id = station.id
        pid = sge_participants.save_participant(
            s,
            ParticipantInfo(
                company_name="Acier Exemple ltée",
                company_address="1, rue A, Montréal",
                site_address="2, rue B, Laval",
                energir_file_number="D-77",
                gst_number="123456789 RT 0001",
                qst_number="1234567890 TQ 0001",
                industrial=False,
                annual_gas_m3=1_500_000.5,
                property_id=plant.id,
                gas_meter_id=meter.id,
                exclusions={"fuel_switching": False, "rate_optimisation": True},
                baseline_start=date(2024, 1, 1),
                baseline_end=date(2024, 12, 31),
                reporting_start=date(2025, 1, 1),
                use_production=True,
                notes="Notes",
            ),
        )
        sge_participants.save_contact(
            s, pid, Contact("Ana", "Directrice", "a@x.ca", "514", True, "Présidente", True)
        )
        sge_participants.save_contact(s, pid, Contact("Bob"))
        sge_participants.save_phase(
            s, pid, PhaseDates(Phase.IMPLEMENTATION_METERING, date(2024, 4, 1), date(2024, 5, 1), None,
                               date(2025, 1, 5), D("43750"), "done", "Phase notes")
        )  # fmt: skip
        sge_participants.save_phase(s, pid, PhaseDates(Phase.DIAGNOSTIC, accepted_aid_amount=D("20000.00")))
        sge_participants.save_phase(s, pid, PhaseDates(Phase.SAVINGS_FOLLOW_UP))
        sge_participants.save_expense(
            s, pid, StoredExpense(ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Débitmètres",
                                              D("150000")), program_year=1)
        )  # fmt: skip
        sge_participants.save_expense(
            s, pid, StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.CONSULTANT, "Firme", D("40000.1")),
                                  date(2024, 3, 1))
        )  # fmt: skip
        sge_participants.save_expense(
            s, pid, StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.INTERNAL_HOURS, "Équipe",
                                              hours=D("12.5"), hourly_rate=D("80")))
        )  # fmt: skip
        sge_participants.save_expense(
            s, pid, StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.ISO_50001, "Audit", D("0.1")))
        )
        sge_participants.save_grant(s, pid, StoredGrant(OtherGrant("Ville", Phase.DIAGNOSTIC, D("12.5"))))
        sge_participants.save_grant(s, pid, StoredGrant(OtherGrant("Fonds", Phase.DIAGNOSTIC, D("0.1"))))
        sge_participants.save_measure(s, pid, Measure("Sans date", "Vapeur", "planned", None, None, None))
        sge_participants.save_measure(
            s, pid, Measure("Tard", "Vapeur", "planned", date(2026, 1, 1), None, 0.1)
        )
        sge_participants.save_measure(
            s, pid, Measure("Tôt", "Four", "done", date(2024, 6, 1), date(2024, 7, 1), 1234.5)
        )
        sge_participants.save_indicator(
            s, pid, Indicator("m³/t", "Four", "m³/t", 10.0, 9.0, 2026, {2025: 9.5, 2026: 9.1}, "Notes")
        )
        sge_participants.save_indicator(s, pid, Indicator("Vide"))
        sge_participants.save_adjustment(
            s,
            pid,
            StoredAdjustment(NonRoutineAdjustment(date(2025, 6, 1), date(2025, 6, 30), -12.5, "Arrêt")),
        )
        sge_participants.save_adjustment(
            s, pid, StoredAdjustment(NonRoutineAdjustment(date(2025, 2, 1), date(2025, 2, 10), 0.1, "Essai"))
        )
        sge_participants.save_production(
            s, pid, ProductionEntry(date(2024, 7, 1), date(2024, 12, 31), 12.5, "t")
        )
        sge_participants.save_production(
            s, pid, ProductionEntry(date(2024, 1, 1), date(2024, 6, 30), 0.1, "t")
        )
        paid = sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, D("1000.1"), date(2025, 3, 3), "en")
        sge_invoices.mark_invoice_sent(s, paid.invoice_id, date(2025, 3, 4), today=date(2025, 4, 1))
        sge_invoices.mark_invoice_paid(s, paid.invoice_id, date(2025, 3, 20), today=date(2025, 4, 1))
        sge_invoices.issue_credit_note(s, paid.invoice_id, date(2025, 3, 25), D("-12.5"))
        sge_invoices.create_invoice(
            s, pid, Phase.IMPLEMENTATION_METERING, D("12.5"), date(2025, 3, 26), "fr", 1
        )
        # The participant's address changes after the invoice was sent: the sent one keeps the old one.
        sge_participants.save_participant(
            s, replace(sge_participants.participant_info(s, pid), company_address="9, rue C, Québec")
        )
    return pid


# --- the reader gives what the ORM gave -----------------------------------------------------------------------
def test_the_reader_reads_the_demo_participant_as_the_orm_did(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    with Session(engine) as s:
        ((pid, _name),) = orm_participants(s, include_archived=True)
        expected = orm_file(s, pid)
        expected_inputs = orm_savings_inputs(s, expected)
    engine.dispose()
    with closing(sqlite3.connect(demo_db)) as con:
        file = sge_reads.participant_file(con, pid)
        inputs = sge_reads.savings_inputs(con, file)
        assert sge_reads.participant_list(con) == [(pid, "Produits industriels Démo inc.")]
        assert sge_reads.archived_participants(con) == {}
        assert sge_reads.has_sent_invoices(con, pid) is False
        assert sge_reads.participant_info(con, pid) == expected.info
    assert shown(file) == shown(expected)
    assert inputs == expected_inputs
    assert repr(inputs.bills) == repr(expected_inputs.bills) and len(inputs.bills) > 40
    assert list(inputs.temperatures) == sorted(expected_inputs.temperatures)
    # The demo's money keeps its two decimals; its hours are decimal text.
    assert repr(file.phases[Phase.DIAGNOSTIC].accepted_aid_amount) == "Decimal('16650.00')"
    assert [str(e.line.hours) for e in file.expenses if e.line.hours is not None] == [
        "120.0",
        "200.0",
        "300.0",
    ]


def test_the_reader_reads_every_kind_of_record_as_the_orm_did(engine: Engine, db_path: Path) -> None:
    pid = rich_participant(engine)
    with Session(engine) as s:
        expected = orm_file(s, pid)
        expected_inputs = orm_savings_inputs(s, expected)
    with closing(sqlite3.connect(db_path)) as con:
        file = sge_reads.participant_file(con, pid)
        inputs = sge_reads.savings_inputs(con, file)
    assert shown(file) == shown(expected)
    assert inputs == expected_inputs and repr(inputs.bills) == repr(expected_inputs.bills)

    # What the comparison covers, spelled out.
    assert [g.grant.amount for g in file.grants] == [D("12.50"), D("0.10")]
    assert [str(g.grant.amount) for g in file.grants] == ["12.50", "0.10"]
    assert [(str(e.line.amount), e.line.hours, e.line.hourly_rate) for e in file.expenses] == [
        ("150000.00", None, None),
        ("40000.10", None, None),
        ("0", D("12.5"), D("80.00")),
        ("0.10", None, None),
    ]
    assert [m.name for m in file.measures] == ["Tôt", "Tard", "Sans date"]
    assert [a.adjustment.m3_per_day for a in file.adjustments] == [0.1, -12.5]
    assert [p.quantity for p in file.production] == [0.1, 12.5]
    assert [i.results for i in file.indicators] == [{2025: 9.5, 2026: 9.1}, {}]
    assert file.info.exclusions == {"fuel_switching": False, "rate_optimisation": True}
    assert (file.info.industrial, file.info.use_production) == (False, True)
    paid, note, draft = file.invoices
    assert paid.invoice.document is not None and paid.invoice.status is InvoiceStatus.PAID
    assert paid.invoice.beneficiary.address == "1, rue A, Montréal"  # as sent
    assert (paid.sent_on, paid.paid_on) == (date(2025, 3, 4), date(2025, 3, 20))
    assert note.credit_for_id == paid.invoice_id and note.invoice.corrects == paid.invoice.invoice_number
    assert note.invoice.rates == (paid.invoice.gst_rate, paid.invoice.qst_rate)
    assert note.invoice.beneficiary.address == "9, rue C, Québec"  # a draft names today's beneficiary
    assert str(draft.invoice.aid_amount) == "12.50" and draft.invoice.document is None
    assert inputs.temperatures == {date(2024, 1, 1): -10.5, date(2024, 1, 3): 0.1}
    assert [b.start for b in inputs.bills] == [date(2024, 1, 1), date(2024, 2, 1)]


def test_the_lists_numbers_and_meters_read_as_the_orm_did(engine: Engine, db_path: Path) -> None:
    pid = rich_participant(engine)
    with Session(engine) as s, s.begin():
        other = sge_participants.save_participant(s, ParticipantInfo("Béton Zénith"))
        first = sge_participants.save_participant(s, ParticipantInfo("Atelier A"))
        assert sge_participants.delete_participant(
            s, pid, today=date(2025, 5, 1)
        )  # archived: it has sent invoices
    with Session(engine) as s, s.begin():
        other_plant = models.Property(name="Autre usine")
        other_plant.meters = [
            models.Meter(name="Électricité", energy_type="electric", unit="kWh"),
            models.Meter(name="Gaz B", energy_type="natural_gas", unit="m3"),
            models.Meter(name="Gaz A", energy_type="natural_gas", unit="m3"),
        ]
        s.add(other_plant)
    with Session(engine) as s:
        expected = [orm_participants(s, False), orm_participants(s, True), orm_archived(s)]
        sent = [orm_has_sent(s, p) for p in (pid, other, first)]
        numbers = orm_invoice_numbers(s, pid)
        meters = orm_gas_meters(s)
    with closing(sqlite3.connect(db_path)) as con:
        got = [
            sge_reads.participant_list(con),
            sge_reads.participant_list(con, include_archived=True),
            sge_reads.archived_participants(con),
        ]
        assert (
            [sge_reads.has_sent_invoices(con, p) for p in (pid, other, first)] == sent == [True, False, False]
        )
        assert sge_reads.participant_info(con, pid).archived_on == date(2025, 5, 1)
        assert sge_reads.invoice_numbers(con, pid) == numbers == ["SGE-0001", "SGE-0002", "SGE-0003"]
        assert sge_reads.invoice_numbers(con, other) == []
        assert sge_reads.gas_meters(con) == meters
        assert [name for _mid, name in meters] == [
            "Autre usine — Gaz A",
            "Autre usine — Gaz B",
            "Usine test — Gaz",
        ]
    assert got == expected
    assert got[0] == [(first, "Atelier A"), (other, "Béton Zénith")]
    assert got[2] == {pid: date(2025, 5, 1)}


def test_a_missing_participant_raises_the_stores_error(engine: Engine, plain: sqlite3.Connection) -> None:
    with Session(engine) as s:
        with pytest.raises(StoreError) as orm:
            sge_participants.participant_row(s, 404)
    for read in (sge_reads.participant_info, sge_reads.participant_file):
        with pytest.raises(StoreError) as raw:
            read(plain, 404)
        assert raw.value.message("en") == orm.value.message("en") == "No SGÉ participant 404."
        assert raw.value.message("fr") == orm.value.message("fr")


# --- the store reads through the reader, its session's changes included ----------------------------------------
def test_the_store_sees_what_its_session_has_not_flushed(engine: Engine, db_path: Path) -> None:
    pid = rich_participant(engine)
    with Session(engine) as s:
        s.add(SgeContact(participant_id=pid, name="Zoé"))
        row = s.get(SgeParticipant, pid)
        assert row is not None
        row.notes = "Changed"
        indicator = s.scalars(select(SgeIndicator).where(SgeIndicator.name == "Vide")).one()
        indicator.values = {"2027": 3}
        meter = s.get(models.Meter, row.gas_meter_id)
        assert meter is not None
        meter.bills.append(
            models.BillRecord(start_date=date(2024, 3, 1), end_date=date(2024, 3, 31), usage=7.0)
        )
        assert s.new and s.dirty  # nothing flushed yet

        file = sge_participants.load_participant(s, pid)
        assert [c.name for c in file.contacts] == ["Ana", "Bob", "Zoé"]
        assert file.info.notes == "Changed" and file.indicators[1].results == {2027: 3.0}
        assert sge_participants.participant_info(s, pid).notes == "Changed"
        bills = sge_savings.savings_inputs(s, file).bills
        assert [b.start for b in bills] == [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]
        s.rollback()
    with closing(sqlite3.connect(db_path)) as con:  # never committed
        assert [c.name for c in sge_reads.participant_file(con, pid).contacts] == ["Ana", "Bob"]


def test_the_store_archive_and_invoice_checks_see_the_session(engine: Engine) -> None:
    with Session(engine) as s:
        pid = sge_participants.save_participant(s, ParticipantInfo("Atelier A"))
        row = s.get(SgeParticipant, pid)
        assert row is not None
        row.archived_on = date(2025, 1, 2)  # not flushed
        assert sge_participants.archived_participants(s) == {pid: date(2025, 1, 2)}
        assert sge_participants.list_participants(s) == []
        with pytest.raises(StoreError, match="archived"):
            sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, D("10"), date(2025, 3, 3))
        s.add(SgeInvoice(participant_id=pid, number="F-1", invoice_date=date(2025, 1, 1), phase="diagnostic",
                         aid_amount=D("1"), gst=D("0"), qst=D("0"), total=D("1"), status="sent"))  # fmt: skip
        assert sge_participants.has_sent_invoices(s, pid)
        s.rollback()


# --- no SQLAlchemy ---------------------------------------------------------------------------------------------
def test_the_reader_does_not_load_sqlalchemy() -> None:
    code = (
        "import sys, espm_desktop.db.sge_reads\n"
        "print(sorted(m for m in sys.modules if m == 'sqlalchemy' or m.startswith('sqlalchemy.')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
