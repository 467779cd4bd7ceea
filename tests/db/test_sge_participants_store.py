from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from espm_desktop.core.savings import NonRoutineAdjustment, SavingsInputError
from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.invoice import InvoiceLockedError, InvoiceStatus
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.db import sge_invoices, sge_participants, sge_savings
from espm_desktop.db.demo_sge import (
    DEMO_BALANCE_POINT_C,
    DEMO_BASE_M3_PER_DAY,
    DEMO_COMPANY_NAME,
    DEMO_SAVINGS_SHARE,
    DEMO_SLOPE_M3_PER_HDD,
)
from espm_desktop.db.engine import make_engine
from espm_desktop.db.models import Meter
from espm_desktop.db.models_sge import SgeInvoice


def new_participant(s: Session) -> int:
    return sge_participants.save_participant(
        s,
        sge_records.ParticipantInfo(
            company_name="Acier Exemple ltée",
            company_address="1, rue A, Montréal",
            site_address="2, rue B, Laval",
            energir_file_number="D-77",
            gst_number="111111111 RT 0001",
            qst_number="2222222222 TQ 0001",
            annual_gas_m3=1_500_000.0,
            exclusions={"fuel_switching": False, "rate_optimisation": True},
            baseline_start=date(2024, 1, 1),
            baseline_end=date(2024, 12, 31),
            reporting_start=date(2025, 1, 1),
        ),
    )


def test_participant_and_children_round_trip(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = new_participant(s)
        sge_participants.save_contact(
            s, pid, sge_records.Contact("Ana", "Directrice", committee_member=True, energy_manager=True)
        )
        sge_participants.save_contact(
            s, pid, sge_records.Contact("Bob", energy_manager=True)
        )  # takes the role over from Ana
        sge_participants.save_phase(
            s, pid, sge_records.PhaseDates(Phase.DIAGNOSTIC, acceptance_date=date(2024, 2, 1),
                                     accepted_aid_amount=Decimal("12000.50"))
        )  # fmt: skip
        sge_participants.save_expense(
            s, pid, sge_records.StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.INTERNAL_HOURS, "Équipe",
                                                    hours=Decimal("12.5"), hourly_rate=Decimal("80")))
        )  # fmt: skip
        sge_participants.save_expense(
            s, pid, sge_records.StoredExpense(ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.CONSULTANT, "Firme",
                                                    Decimal("9000.10")), program_year=1)
        )  # fmt: skip
        sge_participants.save_grant(
            s, pid, sge_records.StoredGrant(OtherGrant("Ville", Phase.DIAGNOSTIC, Decimal("500")))
        )
        sge_participants.save_measure(
            s, pid, sge_records.Measure("Purgeurs", "Vapeur", "done", None, date(2025, 3, 1), 1234.0)
        )
        sge_participants.save_indicator(
            s, pid, sge_records.Indicator("m³/t", "Four", "m³/t", 10.0, 9.0, 2026, {2025: 9.5, 2026: 9.1})
        )
        sge_participants.save_adjustment(
            s, pid, sge_records.StoredAdjustment(NonRoutineAdjustment(date(2025, 2, 1), date(2025, 2, 9), 100.0, "Arrêt"))
        )  # fmt: skip
    with Session(engine) as s:
        f = sge_participants.load_participant(s, pid)
    assert f.info.company_name == "Acier Exemple ltée" and f.info.exclusions["rate_optimisation"] is True
    assert f.info.beneficiary().address == "1, rue A, Montréal"
    assert [c.name for c in f.contacts if c.energy_manager] == ["Bob"]
    assert f.phases[Phase.DIAGNOSTIC].accepted_aid_amount == Decimal("12000.50")
    assert [e.line.cost for e in f.expenses] == [Decimal("1000.00"), Decimal("9000.10")]
    assert f.expenses[1].program_year == 1
    assert f.other_grants() == [OtherGrant("Ville", Phase.DIAGNOSTIC, Decimal("500.00"))]
    assert f.measures[0].expected_m3 == 1234.0 and f.measures[0].done_date == date(2025, 3, 1)
    assert f.indicators[0].results == {2025: 9.5, 2026: 9.1}
    assert f.adjustments[0].adjustment.note == "Arrêt"
    with Session(engine) as s, s.begin():
        sge_participants.delete_record(s, "grant", f.grants[0].grant_id or 0)
    with Session(engine) as s:
        assert sge_participants.load_participant(s, pid).grants == ()


def test_adjustment_without_a_note_is_refused(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = new_participant(s)
        with pytest.raises(sge_records.StoreError) as caught:
            sge_participants.save_adjustment(
                s, pid, sge_records.StoredAdjustment(NonRoutineAdjustment(date(2025, 1, 1), date(2025, 1, 2), 1.0, " "))
            )  # fmt: skip
    assert "note" in caught.value.message_en


def test_invoices_are_numbered_in_sequence_locked_once_sent_and_credited(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = new_participant(s)
        # Sending is checked against the aid: 2 400 $ of diagnostic costs, 1 200 $ accepted by Énergir.
        sge_participants.save_expense(
            s,
            pid,
            sge_records.StoredExpense(
                ExpenseLine(Phase.DIAGNOSTIC, ExpenseKind.CONSULTANT, "Firme", Decimal("2400"))
            ),
        )
        sge_participants.save_phase(
            s, pid, sge_records.PhaseDates(Phase.DIAGNOSTIC, accepted_aid_amount=Decimal("1200.00"))
        )
        first = sge_invoices.create_invoice(s, pid, Phase.DIAGNOSTIC, Decimal("1000.00"), date(2025, 1, 10))
        assert first.invoice.invoice_number == "SGE-0001"
        assert (first.invoice.gst, first.invoice.qst) == (Decimal("50.00"), Decimal("99.75"))
        edited = sge_invoices.edit_draft_invoice(s, first.invoice_id, aid_amount=Decimal("1200.00"))
        assert edited.invoice.total == Decimal("1379.70")
        sge_invoices.mark_invoice_sent(s, first.invoice_id, date(2025, 1, 11))
        with pytest.raises(InvoiceLockedError):
            sge_invoices.edit_draft_invoice(s, first.invoice_id, aid_amount=Decimal("1.00"))
        note = sge_invoices.issue_credit_note(s, first.invoice_id, date(2025, 1, 20))
        assert note.invoice.invoice_number == "SGE-0002"
        assert note.invoice.aid_amount == Decimal("-1200.00") and note.invoice.corrects == "SGE-0001"
        paid = sge_invoices.mark_invoice_paid(s, first.invoice_id, date(2025, 2, 1))
        assert paid.invoice.status is InvoiceStatus.PAID
    with Session(engine) as s:
        f = sge_participants.load_participant(s, pid)
        rows = s.scalars(select(SgeInvoice).order_by(SgeInvoice.id)).all()
    assert [(i.invoice.invoice_number, i.invoice.status) for i in f.invoices] == [
        ("SGE-0001", InvoiceStatus.PAID),
        ("SGE-0002", InvoiceStatus.DRAFT),
    ]
    assert (
        f.invoices[1].invoice.corrects == "SGE-0001"
        and f.invoices[1].credit_for_id == f.invoices[0].invoice_id
    )
    assert rows[0].total == Decimal("1379.70") and rows[0].sent_on == date(2025, 1, 11)
    assert rows[1].total == Decimal("-1379.70")


def test_savings_without_meter_or_station_say_what_to_do(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = new_participant(s)
        with pytest.raises(SavingsInputError) as caught:
            sge_savings.savings_analysis(s, pid)
    assert "gas meter" in caught.value.message_en and "compteur de gaz" in caught.value.message_fr


def test_demo_participant_savings_recover_the_model_and_the_step(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    with Session(engine) as s:
        ((pid, name),) = sge_participants.list_participants(s)
        analysis = sge_savings.savings_analysis(s, pid)
        f = sge_participants.load_participant(s, pid)
    engine.dispose()
    assert name == DEMO_COMPANY_NAME
    assert [i.invoice.status for i in f.invoices] == [InvoiceStatus.DRAFT]
    model = analysis.fit.model
    assert model.balance_point_c is not None and abs(model.balance_point_c - DEMO_BALANCE_POINT_C) <= 1.5
    assert model.hdd_slope_m3_per_hdd == pytest.approx(DEMO_SLOPE_M3_PER_HDD, rel=0.1)
    assert model.intercept_m3_per_day == pytest.approx(DEMO_BASE_M3_PER_DAY, rel=0.05)
    assert model.r_squared > 0.98
    result = analysis.reporting
    share = (result.avoided_m3 - sum(p.adjustment_m3 for p in result.periods)) / sum(
        p.predicted_m3 for p in result.periods
    )
    assert share == pytest.approx(DEMO_SAVINGS_SHARE, abs=0.01)
    # program years count from the first phase 4 deliverables' acceptance, not from the reporting start
    accepted = analysis.first_deliverables_accepted
    assert accepted == date(2025, 1, 5) and analysis.by_program_year[0].start == accepted
    after = sum(
        r.avoided_m3 * max(0, (r.period.end - max(r.period.start, accepted)).days + 1) / r.period.days
        for r in result.periods
    )
    assert sum(y.avoided_m3 for y in analysis.by_program_year) == pytest.approx(after)
    assert analysis.cusum[-1][1] == pytest.approx(result.avoided_m3)


def test_production_periods_are_checked_replaced_and_deleted(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        pid = new_participant(s)
        first = sge_participants.save_production(
            s, pid, sge_records.ProductionEntry(date(2024, 1, 1), date(2024, 1, 31), 800, "t")
        )
        # sharing one day with the previous period is allowed, like consecutive bills
        sge_participants.save_production(
            s, pid, sge_records.ProductionEntry(date(2024, 1, 31), date(2024, 2, 29), 700, "t")
        )
        with pytest.raises(sge_records.StoreError) as caught:
            sge_participants.save_production(
                s, pid, sge_records.ProductionEntry(date(2024, 2, 20), date(2024, 3, 31), 5, "t")
            )
        assert "overlaps the period 2024-01-31 to 2024-02-29 by 10 days" in caught.value.message_en
        with pytest.raises(sge_records.StoreError) as caught:
            sge_participants.save_production(
                s, pid, sge_records.ProductionEntry(date(2024, 4, 30), date(2024, 4, 1), -1)
            )
        assert "before the start" in caught.value.message_en and "negative" in caught.value.message_en
        assert "avant le début" in caught.value.message_fr
        # editing a period does not collide with itself
        sge_participants.save_production(
            s, pid, sge_records.ProductionEntry(date(2024, 1, 1), date(2024, 1, 30), 810, "t", first)
        )
    with Session(engine) as s, s.begin():
        f = sge_participants.load_participant(s, pid)
        assert [(p.start, p.quantity) for p in f.production] == [
            (date(2024, 1, 1), 810),
            (date(2024, 1, 31), 700),
        ]
        sge_participants.delete_record(s, "production", first)
    with Session(engine) as s:
        assert [p.quantity for p in sge_participants.load_participant(s, pid).production] == [700]


def test_missing_production_names_the_periods(demo_db: Path) -> None:
    engine = make_engine(demo_db)
    with Session(engine) as s, s.begin():
        ((pid, _name),) = sge_participants.list_participants(s)
        info = sge_participants.load_participant(s, pid).info
        sge_participants.save_participant(s, replace(info, use_production=True))
        with pytest.raises(SavingsInputError) as caught:
            sge_savings.savings_analysis(s, pid)
        message = caught.value.message_en
        assert (
            "Too few usable baseline periods (0)" in message
            and "Baseline periods without production: " in message
        )
        assert " more. " in message and "Production…" in caught.value.message_fr
        assert info.baseline_start and info.baseline_end and info.reporting_start
        # production for the baseline only: the reporting periods are named
        sge_participants.save_production(
            s, pid, sge_records.ProductionEntry(info.baseline_start, info.baseline_end, 36500, "t")
        )
        with pytest.raises(SavingsInputError) as caught:
            sge_savings.savings_analysis(s, pid)
        message = caught.value.message_en
        assert "these reporting periods have no production: " in message
        first_report = min(b.start_date for b in s.get(Meter, info.gas_meter_id).bills  # type: ignore[union-attr]
                           if b.start_date >= info.reporting_start)  # fmt: skip
        assert f": {first_report} to " in message
    engine.dispose()
