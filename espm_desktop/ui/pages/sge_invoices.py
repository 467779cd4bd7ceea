"""Invoices tab: the register of payment invoices to Énergir (Annexe D) with their status; new invoices take the
next number; a sent invoice is frozen and corrected by a credit note; each prints to PDF in French or English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import to_cents
from espm_desktop.core.sge.invoice import InvoiceStatus
from espm_desktop.core.sge.rules import Phase
from espm_desktop.db import sge_store as store
from espm_desktop.reports.sge_invoice import render_invoice_pdf
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    OK_STYLE,
    SgeTab,
    day_text,
    fill,
    lang,
    money,
    selected_id,
    show_message,
    table,
)


class InvoicesTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.invoices = table(
            "sge_invoices",
            [self.tr("Number"), self.tr("Date"), self.tr("Phase"), self.tr("Aid"), self.tr("GST"), self.tr("QST"),
             self.tr("Total"), self.tr("Status"), self.tr("Corrects"), self.tr("Sent on"), self.tr("Paid on")],
        )  # fmt: skip
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
            "Numbers run in sequence for the beneficiary and are never reused. A sent or paid invoice can no "
            "longer be changed: issue a credit note, then a new invoice (guide, Annexe D)."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        box = QGroupBox(self.tr("Invoices to Énergir"))
        bl = QVBoxLayout(box)
        bl.addLayout(row)
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

    def status_label(self, status: InvoiceStatus) -> str:
        return {InvoiceStatus.DRAFT: self.tr("Draft"), InvoiceStatus.SENT: self.tr("Sent"),
                InvoiceStatus.PAID: self.tr("Paid")}[status]  # fmt: skip

    def refresh(self) -> None:
        if self.file is None:
            return
        rows = []
        for item in self.file.invoices:
            inv = item.invoice
            rows.append([inv.invoice_number, day_text(inv.invoice_date), rules.phase_name(inv.phase, lang()),
                         money(inv.aid_amount), money(inv.gst), money(inv.qst), money(inv.total),
                         self.status_label(inv.status), inv.corrects or "", day_text(item.sent_on),
                         day_text(item.paid_on)])  # fmt: skip
        fill(self.invoices, rows, [i.invoice_id for i in self.file.invoices], right=(3, 4, 5, 6))
        with self.ctx.session() as s:
            upcoming = store.next_number(s, self.participant_id or 0)
        self.next_label.setText(self.tr("Next invoice number: {0}").format(upcoming))
        self._update_buttons()

    def selected(self) -> store.StoredInvoice | None:
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
            lambda s: store.create_invoice(
                s, pid, Phase(v["phase"]), amount, v["invoice_date"], v["language"]
            )
        )
        if created is not None:
            show_message(
                self.message, self.tr("Invoice {0} created.").format(created.invoice.invoice_number), OK_STYLE
            )

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
        if not dialog.exec():
            return
        v = dialog.result_values
        changes = {"phase": Phase(v["phase"]), "aid_amount": to_cents(Decimal(str(v["aid_amount"]))),
                   "invoice_date": v["invoice_date"], "language": v["language"]}  # fmt: skip
        self.run(lambda s: store.edit_draft_invoice(s, item.invoice_id, **changes))

    def _set_status(self, status: InvoiceStatus) -> None:
        item = self.selected()
        if item is None:
            return
        today = date.today()
        if status is InvoiceStatus.SENT:
            self.run(lambda s: store.mark_invoice_sent(s, item.invoice_id, today))
        else:
            self.run(lambda s: store.mark_invoice_paid(s, item.invoice_id, today))
        self.select(item.invoice_id)

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
        note = self.run(lambda s: store.issue_credit_note(s, item.invoice_id, v["note_date"], amount))
        if note is not None:
            show_message(self.message, self.tr("Credit note {0} created for invoice {1}.").format(
                note.invoice.invoice_number, item.invoice.invoice_number), OK_STYLE)  # fmt: skip

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
        try:
            render_invoice_pdf(item.invoice, Path(path), language)
        except OSError as exc:
            show_message(self.message, self.tr("The PDF could not be written to {0}: {1}").format(path, exc))
            return
        show_message(self.message, self.tr("Invoice written to {0}.").format(path), OK_STYLE)


def selected_id_at(widget: QTableWidget, row: int) -> int | None:
    item = widget.item(row, 0)
    data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return int(data) if data is not None else None
