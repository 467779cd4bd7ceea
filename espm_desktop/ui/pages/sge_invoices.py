"""Invoices tab: the register of payment invoices to Énergir (Annexe D) with their status; new invoices take the
next number; a draft prints with a DRAFT mark; marking it sent (on a day the user picks) checks it against the aid
statement and freezes it as sent; it is then corrected by a credit note, and reprints are the document as sent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_invoices
from espm_desktop.app.sge_invoices import StoredInvoice
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import to_cents
from espm_desktop.core.sge.invoice import InvoiceStatus
from espm_desktop.core.sge.rules import Phase
from espm_desktop.fs.atomic_files import OutputError
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    OK_STYLE,
    WARN_STYLE,
    SgeTab,
    day_text,
    fill,
    lang,
    money,
    pydate,
    qdate,
    selected_id,
    show_message,
    table,
)
from espm_desktop.ui.table_filter import TableFilter, stretch_column


class InvoicesTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.invoices = table(
            "sge_invoices",
            [self.tr("Number"), self.tr("Date"), self.tr("Phase"), self.tr("Aid"), self.tr("GST"), self.tr("QST"),
             self.tr("Total"), self.tr("Status"), self.tr("Corrects"), self.tr("Sent on"), self.tr("Paid on"),
             self.tr("Program year")],
        )  # fmt: skip
        # Sorted by a header click, filtered by the box above; the phase column takes the spare width.
        self.invoices_filter = TableFilter(self.invoices, "sge/invoices")
        stretch_column(self.invoices, 2)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (
            ("new", self.tr("New invoice…")),
            ("edit", self.tr("Edit draft…")),
            ("sent", self.tr("Mark sent")),
            ("paid", self.tr("Mark paid")),
            ("credit", self.tr("Credit note…")),
            ("print", self.tr("Print invoice (PDF)…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"sge_invoice_{key}")
            self.buttons[key] = button
            row.addWidget(button)
        self.print_language = QComboBox()
        self.print_language.setObjectName("sge_invoice_language")
        self.print_language.addItem(self.tr("French"), "fr")
        self.print_language.addItem(self.tr("English"), "en")
        row.addWidget(QLabel(self.tr("PDF language:")))
        row.addWidget(self.print_language)
        row.addStretch(1)
        self.next_label = QLabel()
        self.next_label.setObjectName("sge_next_invoice_number")
        note = QLabel(self.tr(
            "Numbers run in sequence for the beneficiary and are never reused. A draft prints with a DRAFT mark "
            "and may be saved over the aid that remains; it is checked against the aid statement when you mark it "
            "sent. A sent or paid invoice is kept exactly as sent (names, addresses, tax numbers, rates and "
            "amounts) and prints in the language it was sent in; to correct it, issue a credit note, then a new "
            "invoice (guide, Annexe D)."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        box = QGroupBox(self.tr("Invoices to Énergir"))
        bl = QVBoxLayout(box)
        bl.addLayout(row)
        bl.addWidget(self.invoices_filter.edit)
        bl.addWidget(self.invoices, 1)
        bl.addWidget(self.next_label)
        bl.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(box, 1)
        self.buttons["new"].clicked.connect(self._on_new)
        self.buttons["edit"].clicked.connect(self._on_edit)
        self.buttons["sent"].clicked.connect(lambda: self._set_status(InvoiceStatus.SENT))
        self.buttons["paid"].clicked.connect(lambda: self._set_status(InvoiceStatus.PAID))
        self.buttons["credit"].clicked.connect(self._on_credit)
        self.buttons["print"].clicked.connect(self._on_print)
        self.invoices.itemSelectionChanged.connect(self._update_buttons)

    def status_label(self, status: InvoiceStatus, credit_note: bool = False) -> str:
        if credit_note:
            return {InvoiceStatus.DRAFT: self.tr("Credit note (draft)"), InvoiceStatus.SENT: self.tr("Credit note sent"),
                    InvoiceStatus.PAID: self.tr("Credit note settled")}[status]  # fmt: skip
        return {InvoiceStatus.DRAFT: self.tr("Draft"), InvoiceStatus.SENT: self.tr("Sent"),
                InvoiceStatus.PAID: self.tr("Paid")}[status]  # fmt: skip

    def refresh(self) -> None:
        if self.file is None:
            return
        rows = []
        for item in self.file.invoices:
            inv = item.invoice
            corrects = ""
            if inv.corrects:
                corrects = inv.corrects + (f" ({day_text(inv.corrects_date)})" if inv.corrects_date else "")
            rows.append([inv.invoice_number, day_text(inv.invoice_date), rules.phase_name(inv.phase, lang()),
                         money(inv.aid_amount), money(inv.gst), money(inv.qst), money(inv.total),
                         self.status_label(inv.status, inv.is_credit_note), corrects, day_text(item.sent_on),
                         day_text(item.paid_on), str(inv.program_year or "")])  # fmt: skip
        fill(self.invoices, rows, [i.invoice_id for i in self.file.invoices], right=(3, 4, 5, 6))
        upcoming = sge_invoices.next_number(self.ctx.db_path, self.participant_id or 0)
        self.next_label.setText(self.tr("Next invoice number: {0}").format(upcoming))
        self._update_buttons()

    def selected(self) -> StoredInvoice | None:
        invoice_id = selected_id(self.invoices)
        if self.file is None or invoice_id is None:
            return None
        return next((i for i in self.file.invoices if i.invoice_id == invoice_id), None)

    def _update_buttons(self) -> None:
        item = self.selected()
        status = item.invoice.status if item else None
        self.buttons["edit"].setEnabled(status is InvoiceStatus.DRAFT)
        self.buttons["sent"].setEnabled(status is InvoiceStatus.DRAFT)
        self.buttons["paid"].setEnabled(status is InvoiceStatus.SENT)
        self.buttons["credit"].setEnabled(
            status in (InvoiceStatus.SENT, InvoiceStatus.PAID)
            and item is not None
            and not item.invoice.is_credit_note
        )
        self.buttons["print"].setEnabled(item is not None)

    def invoice_dialog(self, title: str) -> FormDialog:
        phases = [(p.value, rules.phase_name(p, lang())) for p in Phase]
        dialog = FormDialog(
            title,
            [
                FieldSpec("phase", self.tr("Phase"), kind="combo", choices=phases),
                FieldSpec("aid_amount", self.tr("Aid amount in Énergir's acceptance notice ($)"), kind="float",
                          required=True),
                FieldSpec("program_year", self.tr("Program year claimed up to (1–5; empty: the whole phase)"),
                          kind="int"),
                FieldSpec("invoice_date", self.tr("Invoice date"), kind="date", required=True),
                FieldSpec("language", self.tr("Language of the invoice"), kind="combo",
                          choices=[("fr", self.tr("French")), ("en", self.tr("English"))]),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_invoice_dialog")
        return dialog

    def _on_new(self) -> None:
        pid = self.participant_id
        if pid is None or self.file is None:
            return
        dialog = self.invoice_dialog(self.tr("New invoice"))
        # Suggest the first phase whose accepted aid is not invoiced yet.
        invoiced = {i.invoice.phase for i in self.file.invoices if not i.invoice.is_credit_note}
        for phase, dates in self.file.phases.items():
            if dates.accepted_aid_amount and phase not in invoiced:
                dialog.form.set_value("phase", phase.value)
                dialog.form.set_value("aid_amount", float(dates.accepted_aid_amount))
                break
        if not dialog.exec():
            return
        v = dialog.result_values
        amount = to_cents(Decimal(str(v["aid_amount"])))
        created = self.run(
            lambda: sge_invoices.create_invoice(
                self.ctx.engine,
                pid,
                Phase(v["phase"]),
                amount,
                v["invoice_date"],
                v["language"],
                v.get("program_year"),
            )
        )
        if created is not None:
            self._show_draft_state(created.invoice_id, self.tr("Draft invoice {0} created.").format(
                created.invoice.invoice_number))  # fmt: skip

    def _show_draft_state(self, invoice_id: int, done: str) -> None:
        """Say what was done, and what would stop the draft from being sent (the rule and the amount left)."""
        problem = sge_invoices.invoice_send_problem(self.ctx.engine, invoice_id)
        if problem is None:
            show_message(self.message, done + " " + self.tr("It can be marked sent."), OK_STYLE)
        else:
            show_message(self.message, done + " " + self.tr("It can't be sent as it is: {0}").format(
                problem.message(lang())), WARN_STYLE)  # fmt: skip

    def _on_edit(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.invoice.status is not InvoiceStatus.DRAFT:
            # The button is disabled; this guards double-clicks and keyboard shortcuts too.
            show_message(self.message, self.tr(
                "Invoice {0} was sent: it can no longer be edited. Issue a credit note (“Credit note…”), then a "
                "new invoice.").format(item.invoice.invoice_number))  # fmt: skip
            return
        inv = item.invoice
        dialog = self.invoice_dialog(self.tr("Edit invoice {0}").format(inv.invoice_number))
        dialog.form.set_value("phase", inv.phase.value)
        dialog.form.set_value("aid_amount", float(inv.aid_amount))
        dialog.form.set_value("invoice_date", inv.invoice_date)
        dialog.form.set_value("language", inv.language)
        if inv.program_year is not None:
            dialog.form.set_value("program_year", inv.program_year)
        if not dialog.exec():
            return
        v = dialog.result_values
        changes = {"phase": Phase(v["phase"]), "aid_amount": to_cents(Decimal(str(v["aid_amount"]))),
                   "invoice_date": v["invoice_date"], "language": v["language"],
                   "program_year": v.get("program_year")}  # fmt: skip
        edited = self.run(
            lambda: sge_invoices.edit_draft_invoice(self.ctx.engine, item.invoice_id, **changes)
        )
        if edited is not None:
            self._show_draft_state(item.invoice_id, self.tr("Draft {0} saved.").format(inv.invoice_number))

    def _set_status(self, status: InvoiceStatus) -> None:
        item = self.selected()
        if item is None:
            return
        number = item.invoice.invoice_number
        if status is InvoiceStatus.SENT:
            earliest = item.invoice.invoice_date
            title = self.tr("Mark {0} sent").format(number)
            label = self.tr("Sent on")
        else:
            earliest = max(item.invoice.invoice_date, item.sent_on or item.invoice.invoice_date)
            title = self.tr("Mark {0} paid").format(number)
            label = self.tr("Paid on")
        on = self.ask_status_date(title, label, earliest)
        if on is None:
            return
        if status is InvoiceStatus.SENT:
            done = self.run(lambda: sge_invoices.mark_invoice_sent(self.ctx.engine, item.invoice_id, on))
            text = self.tr("{0} marked sent on {1}: it is now kept exactly as sent.")
        else:
            done = self.run(lambda: sge_invoices.mark_invoice_paid(self.ctx.engine, item.invoice_id, on))
            text = self.tr("{0} marked paid on {1}.")
        if done is not None:
            show_message(self.message, text.format(number, day_text(on)), OK_STYLE)
        self.select(item.invoice_id)

    def ask_status_date(self, title: str, label: str, earliest: date) -> date | None:
        """The day an invoice was sent or paid: today by default, never in the future nor before `earliest`.
        None when cancelled; tests replace it."""
        dialog = QDialog(self)
        dialog.setObjectName("sge_status_date_dialog")
        dialog.setWindowTitle(title)
        edit = QDateEdit()
        edit.setObjectName("sge_status_date")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        edit.setMaximumDate(qdate(today))
        edit.setMinimumDate(qdate(min(earliest, today)))
        edit.setDate(qdate(today))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(label, edit)
        form.addRow(buttons)
        if not dialog.exec():
            return None
        return pydate(edit.date())

    def select(self, invoice_id: int) -> None:
        for r in range(self.invoices.rowCount()):
            if selected_id_at(self.invoices, r) == invoice_id:
                self.invoices.selectRow(r)

    def _on_credit(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = FormDialog(
            self.tr("Credit note for invoice {0}").format(item.invoice.invoice_number),
            [
                FieldSpec("amount", self.tr("Amount credited ($, all of it when empty)"), kind="float"),
                FieldSpec("note_date", self.tr("Date"), kind="date", required=True),
            ],
            self,
        )
        dialog.setObjectName("sge_credit_dialog")
        if not dialog.exec():
            return
        v = dialog.result_values
        amount = None if v["amount"] is None else to_cents(Decimal(str(v["amount"])))
        note = self.run(
            lambda: sge_invoices.issue_credit_note(self.ctx.engine, item.invoice_id, v["note_date"], amount)
        )
        if note is not None:
            show_message(self.message, self.tr(
                "Draft credit note {0} created for invoice {1} of {2}: mark it sent once you send it to Énergir."
            ).format(note.invoice.invoice_number, item.invoice.invoice_number,
                     day_text(item.invoice.invoice_date)), OK_STYLE)  # fmt: skip

    def _on_print(self) -> None:
        item = self.selected()
        if item is None:
            return
        language = str(self.print_language.currentData())
        path = self.ask_save_path(
            self.tr("Print invoice (PDF)"), f"{item.invoice.invoice_number}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        try:  # reportlab loads on the first print
            sge_invoices.write_invoice_pdf(
                item.invoice, Path(path), language, protected=(Path(self.ctx.db_path),)
            )
        except OutputError as exc:
            show_message(self.message, exc.message(lang()))
            return
        except OSError as exc:
            show_message(self.message, self.tr("The PDF could not be written to {0}: {1}").format(path, exc))
            return
        text = self.tr("Invoice written to {0}.").format(path)
        if item.invoice.document is not None and item.invoice.document.language != language:
            text += " " + self.tr("It was sent in {0}: a sent invoice prints as it was sent.").format(
                self.tr("French") if item.invoice.document.language == "fr" else self.tr("English"))  # fmt: skip
        elif item.invoice.status is InvoiceStatus.DRAFT:
            text += " " + self.tr("It is a draft: the PDF carries a DRAFT mark.")
        show_message(self.message, text, OK_STYLE)


def selected_id_at(widget: QTableWidget, row: int) -> int | None:
    item = widget.item(row, 0)
    data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return int(data) if data is not None else None
