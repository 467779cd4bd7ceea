"""The invoices tab shows the checks' messages, asks the sent date (today by default, never later), shows drafts
and credit notes; a participant with sent invoices is archived, not deleted; tax numbers are checked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.db import sge_invoices, sge_participants
from espm_desktop.db.models_sge import SgeInvoice
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.sge_page import SgePage
from espm_desktop.ui.pages.sge_participant import ParticipantRemoval
from tests.ui.conftest import type_into, when_dialog_opens


def fill_and_accept(qtbot: QtBot, values: dict[str, str], combos: dict[str, str] | None = None) -> None:
    def act(dialog: QDialog) -> None:
        for key, text in values.items():
            type_into(dialog, key, text)
        for key, data in (combos or {}).items():
            combo = dialog.findChild(QComboBox, f"field_{key}")
            assert combo is not None, key
            combo.setCurrentIndex(combo.findData(data))
        dialog._on_accept()  # type: ignore[attr-defined]

    when_dialog_opens(act, qtbot)


def open_participant(controller: AppController) -> tuple[SgePage, int]:
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        pid = sge_participants.save_participant(
            s,
            sge_records.ParticipantInfo(
                company_name="Papeterie UI",
                company_address="5, rue du Moulin",
                site_address="5, rue du Moulin",
                energir_file_number="F-12",
                gst_number="123456789 RT 0001",
                qst_number="1234567890 TQ 0001",
            ),  # fmt: skip
        )
        sge_participants.save_expense(s, pid, sge_records.StoredExpense(
            ExpenseLine(Phase.IMPLEMENTATION_METERING, ExpenseKind.EQUIPMENT, "Compteurs", D("150000")), program_year=1))  # fmt: skip
        sge_participants.save_phase(
            s, pid, sge_records.PhaseDates(Phase.IMPLEMENTATION_METERING, accepted_aid_amount=D("43750"))
        )
    window = controller.window
    window.show_page("sge")
    page = window.page("sge")
    assert isinstance(page, SgePage)
    page.refresh(select=pid)
    return page, pid


def test_checks_chosen_dates_drafts_and_credit_notes(qtbot: QtBot, controller: AppController) -> None:
    page, pid = open_participant(controller)
    tab = page.invoices_tab
    page.tabs.setCurrentWidget(tab)  # a tab fills its tables when it is shown
    fill_and_accept(qtbot, {"aid_amount": "60000", "program_year": "1"}, {"phase": "implementation_metering"})
    tab.buttons["new"].click()
    assert tab.invoices.rowCount() == 1 and tab.invoices.item(0, 7).text() == "Draft"
    assert (
        "$43,750.00 of accepted aid remains for phase 4 – continuous metering, year 1" in tab.message.text()
    )

    # Marking it sent is refused with the rule and the amount left; it stays a draft.
    tab.invoices.selectRow(0)
    tab.ask_status_date = lambda *_a: date.today()  # type: ignore[method-assign]
    tab.buttons["sent"].click()
    assert "remains" in tab.message.text() and tab.invoices.item(0, 7).text() == "Draft"

    tab.invoices.selectRow(0)
    fill_and_accept(qtbot, {"aid_amount": "43750"})
    tab.buttons["edit"].click()
    assert "can be marked sent" in tab.message.text()

    # The real date dialog: today by default, nothing later can be chosen.
    del tab.ask_status_date
    seen: dict[str, date] = {}

    def choose(dialog: QDialog) -> None:
        edit = dialog.findChild(QDateEdit, "sge_status_date")
        assert edit is not None
        seen["default"], seen["max"] = edit.date().toPython(), edit.maximumDate().toPython()  # type: ignore[assignment]
        dialog.accept()

    tab.invoices.selectRow(0)
    when_dialog_opens(choose, qtbot)
    tab.buttons["sent"].click()
    assert seen == {"default": date.today(), "max": date.today()}
    assert (
        tab.invoices.item(0, 7).text() == "Sent"
        and tab.invoices.item(0, 9).text() == date.today().isoformat()
    )
    with Session(controller.ctx.engine) as s:
        row = s.get(SgeInvoice, sge_participants.load_participant(s, pid).invoices[0].invoice_id)
        assert row is not None and row.frozen is not None and row.sent_on == date.today()

    tab.invoices.selectRow(0)
    fill_and_accept(qtbot, {})
    tab.buttons["credit"].click()
    assert tab.invoices.rowCount() == 2
    assert tab.invoices.item(1, 7).text() == "Credit note (draft)"
    assert tab.invoices.item(1, 8).text() == f"SGE-0001 ({date.today().isoformat()})"


def test_a_participant_with_sent_invoices_is_archived_and_hidden(
    qtbot: QtBot, controller: AppController
) -> None:
    page, pid = open_participant(controller)
    with Session(controller.ctx.engine, expire_on_commit=False) as s, s.begin():
        draft = sge_invoices.create_invoice(
            s, pid, Phase.IMPLEMENTATION_METERING, D("1000"), date(2025, 3, 3), "fr", 1
        )
        sge_invoices.mark_invoice_sent(s, draft.invoice_id, date(2025, 3, 4))
    removal = ParticipantRemoval(controller.ctx, page)
    asked: list[str] = []
    removal.confirm = lambda title, _text: asked.append(title) or True  # type: ignore[method-assign]
    message = removal.remove(pid, "Papeterie UI")
    assert asked == ["Archive participant"] and message is not None and "archived" in message
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert sge_participants.list_participants(s) == []
        assert sge_participants.list_participants(s, include_archived=True) == [(pid, "Papeterie UI")]
        assert len(sge_participants.load_participant(s, pid).invoices) == 1
    assert removal.archived_toggle().objectName() == "sge_show_archived"
    assert removal.restore(pid, "Papeterie UI") == "Papeterie UI restored."


def test_tax_numbers_are_checked_on_the_participant_tab(qtbot: QtBot, controller: AppController) -> None:
    page, pid = open_participant(controller)
    tab = page.participant_tab
    type_into(tab.form, "gst_number", "123 RT0001")
    tab.save_button.click()
    assert "123456789 RT 0001" in tab.message.text()
    type_into(tab.form, "gst_number", "987654321rt0002")
    tab.save_button.click()
    with Session(controller.ctx.engine, expire_on_commit=False) as s:
        assert sge_participants.load_participant(s, pid).info.gst_number == "987654321 RT 0002"
