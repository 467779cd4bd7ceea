"""Phases and aid tab: each phase's dates, eligible expense lines, other grants, and every aid amount with the
rule of the guide that produced it (caps, stacking, payment schedules, savings follow-up)."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import (
    AidAmount,
    ExpenseLine,
    SavingsYear,
    implementation_payment_schedule,
    phase_aid,
    savings_follow_up_payments,
    summarize_expenses,
    total_paid,
)
from espm_desktop.core.sge.common import to_cents
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant, apply_stacking
from espm_desktop.core.validation import FieldError
from espm_desktop.db import sge_store as store
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import SgeTab, day_text, fill, lang, money, number, selected_id, table

EXPENSE_PHASES = (Phase.DIAGNOSTIC, Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)
PHASE_STATUSES = ("planned", "requested", "accepted", "in_progress", "done")


def to_money(value: float | None) -> Decimal | None:
    return None if value is None else to_cents(Decimal(str(value)))


class ExpenseDialog(FormDialog):
    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        errors = []
        if values["kind"] == ExpenseKind.INTERNAL_HOURS.value:
            for key, en, fr in (
                ("hours", "Hours", "Les heures"),
                ("hourly_rate", "Hourly rate", "Le taux horaire"),
            ):
                if values.get(key) is None or values[key] < 0:
                    errors.append(
                        FieldError(
                            key,
                            f"{en}: internal specialists are entered as hours × hourly rate.",
                            f"{fr} : les spécialistes internes se saisissent en heures × taux.",
                        )
                    )
        elif values.get("amount") is None or values["amount"] < 0:
            errors.append(
                FieldError(
                    "amount",
                    "Amount: type the expense before taxes, 0 or more.",
                    "Montant : saisissez la dépense avant taxes, 0 ou plus.",
                )
            )
        return errors  # fmt: skip


class PhasesTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.phases = table(
            "sge_phases",
            [self.tr("Phase"), self.tr("Request"), self.tr("Acceptance"), self.tr("Completed"),
             self.tr("Deliverables accepted"), self.tr("Aid in the acceptance notice"), self.tr("Status")],
        )  # fmt: skip
        self.phases.setMinimumHeight(140)
        self.edit_phase = QPushButton(self.tr("Edit phase dates…"))
        self.edit_phase.setObjectName("sge_edit_phase")
        self.expenses = table(
            "sge_expenses",
            [self.tr("Phase"), self.tr("Kind"), self.tr("Description"), self.tr("Hours"), self.tr("Rate"),
             self.tr("Cost"), self.tr("Program year")],
        )  # fmt: skip
        self.add_expense = QPushButton(self.tr("Add expense…"))
        self.add_expense.setObjectName("sge_add_expense")
        self.edit_expense = QPushButton(self.tr("Edit…"))
        self.delete_expense = QPushButton(self.tr("Delete"))
        self.grants = table("sge_grants", [self.tr("Other grantor"), self.tr("Phase"), self.tr("Amount")])
        self.add_grant = QPushButton(self.tr("Add other grant…"))
        self.add_grant.setObjectName("sge_add_grant")
        self.delete_grant = QPushButton(self.tr("Delete grant"))
        self.aid_view = QTextBrowser()
        self.aid_view.setObjectName("sge_aid_view")

        phases_box = QGroupBox(self.tr("Phases and Énergir's acceptance dates"))
        pl = QVBoxLayout(phases_box)
        pl.addWidget(self.phases)
        pl.addWidget(self.edit_phase, 0, Qt.AlignmentFlag.AlignLeft)
        expenses_box = QGroupBox(self.tr("Eligible expenses"))
        el = QVBoxLayout(expenses_box)
        row = QHBoxLayout()
        for b in (self.add_expense, self.edit_expense, self.delete_expense):
            row.addWidget(b)
        row.addStretch(1)
        el.addLayout(row)
        el.addWidget(self.expenses)
        grants_box = QGroupBox(self.tr("Other grants for the same work (stacking)"))
        gl = QVBoxLayout(grants_box)
        row2 = QHBoxLayout()
        row2.addWidget(self.add_grant)
        row2.addWidget(self.delete_grant)
        row2.addStretch(1)
        gl.addLayout(row2)
        gl.addWidget(self.grants)
        left = QSplitter(Qt.Orientation.Vertical)
        for box in (phases_box, expenses_box, grants_box):
            left.addWidget(box)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        left.setStretchFactor(2, 0)
        self.grants.setMaximumHeight(100)
        aid_box = QGroupBox(self.tr("Aid, with the guide's rule behind each amount"))
        QVBoxLayout(aid_box).addWidget(self.aid_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(aid_box)
        splitter.setSizes([620, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.edit_phase.clicked.connect(self._on_edit_phase)
        self.phases.itemDoubleClicked.connect(lambda _i: self._on_edit_phase())
        self.add_expense.clicked.connect(lambda: self._edit_expense(None))
        self.edit_expense.clicked.connect(lambda: self._edit_expense(selected_id(self.expenses)))
        self.expenses.itemDoubleClicked.connect(lambda _i: self._edit_expense(selected_id(self.expenses)))
        self.delete_expense.clicked.connect(lambda: self._delete("expense", self.expenses))
        self.add_grant.clicked.connect(self._on_add_grant)
        self.delete_grant.clicked.connect(lambda: self._delete("grant", self.grants))

    def phase_label(self, phase: Phase) -> str:
        return rules.phase_name(phase, lang())

    def short_label(self, phase: Phase) -> str:
        """A name that fits a table column; the aid panel gives the full name."""
        return {
            Phase.DIAGNOSTIC: self.tr("2 – Diagnostic"),
            Phase.IMPLEMENTATION_METERING: self.tr("4 – Continuous metering"),
            Phase.IMPLEMENTATION_OTHER: self.tr("4 – Other components"),
            Phase.SAVINGS_FOLLOW_UP: self.tr("5 – Savings follow-up"),
        }[phase]

    def status_label(self, status: str) -> str:
        labels = {"planned": self.tr("Planned"), "requested": self.tr("Requested"), "accepted": self.tr("Accepted"),
                  "in_progress": self.tr("In progress"), "done": self.tr("Done")}  # fmt: skip
        return labels.get(status, status)

    def refresh(self) -> None:
        if self.file is None:
            return
        f = self.file
        phase_rows = []
        for phase in Phase:
            d = f.phases.get(phase, store.PhaseDates(phase))
            phase_rows.append([self.short_label(phase), day_text(d.request_date), day_text(d.acceptance_date),
                               day_text(d.completion_date), day_text(d.deliverables_accepted_date),
                               money(d.accepted_aid_amount), self.status_label(d.status)])  # fmt: skip
        fill(self.phases, phase_rows, list(range(len(Phase))), right=(5,))
        language = lang()
        expense_rows = []
        for e in f.expenses:
            line = e.line
            kind_fr, kind_en = rules.EXPENSE_KIND_NAMES[line.kind]
            internal = line.kind is ExpenseKind.INTERNAL_HOURS
            expense_rows.append([
                self.short_label(line.phase), kind_en if language == "en" else kind_fr, line.description,
                number(line.hours, 1) if internal else "", money(line.hourly_rate) if internal else "",
                money(line.cost), "" if e.program_year is None else str(e.program_year)])  # fmt: skip
        fill(self.expenses, expense_rows, [e.expense_id or 0 for e in f.expenses], right=(3, 4, 5, 6))
        fill(
            self.grants,
            [[g.grant.grantor, self.short_label(g.grant.phase), money(g.grant.amount)] for g in f.grants],
            [g.grant_id or 0 for g in f.grants],
            right=(2,),
        )
        self.aid_view.setHtml(self.aid_html())

    # -- the aid, rule by rule ----------------------------------------------------------------------------
    def _aid_line(self, aid: AidAmount) -> str:
        language = lang()
        text = aid.explanation_en if language == "en" else aid.explanation_fr
        return (f"<div style='margin:2px 0 6px 0'>{escape(text)}<br><span style='color:#555;font-size:9pt'>"
                f"{escape(aid.citation.text(language))}</span></div>")  # fmt: skip

    def aid_html(self) -> str:
        assert self.file is not None
        language = lang()
        lines: list[ExpenseLine] = self.file.expense_lines()
        grants: list[OtherGrant] = self.file.other_grants()
        parts: list[str] = []
        grand = Decimal("0")
        for phase in EXPENSE_PHASES:
            summary = summarize_expenses(phase, lines)
            if not summary.accepted and not summary.rejected and not any(g.phase is phase for g in grants):
                continue
            parts.append(f"<h3 style='margin-bottom:2px'>{escape(self.phase_label(phase))}</h3>")
            parts.append(self.tr("Eligible expenses: {0}").format(money(summary.eligible_total)))
            aid = phase_aid(phase, summary.eligible_total)
            parts.append(self._aid_line(aid))
            stacked = apply_stacking(phase, summary.eligible_total, aid, grants)
            parts.append("<b>" + self.tr("Stacking:") + "</b> " + self._aid_line(stacked.energir_aid))
            parts.append(self.tr("Client's share: {0}").format(money(stacked.client_share)) + "<br>")
            for warning in stacked.warnings_en if language == "en" else stacked.warnings_fr:
                parts.append(f"<span style='color:#b00020'>{escape(warning)}</span><br>")
            for rejected in summary.rejected:
                text = rejected.message_en if language == "en" else rejected.message_fr
                parts.append(f"<span style='color:#8a5300'>{escape(text)}</span><br>")
            grand += stacked.energir_aid.amount
            if phase is not Phase.DIAGNOSTIC:
                by_year: dict[int, Decimal] = {}
                for e in self.file.expenses:
                    if e.line.phase is phase and e.line in summary.accepted:
                        year = e.program_year or 1
                        by_year[year] = by_year.get(year, Decimal("0")) + e.line.cost
                if by_year:
                    years = [by_year.get(y, Decimal("0")) for y in range(1, max(by_year) + 1)]
                    schedule = implementation_payment_schedule(phase, years)
                    parts.append(
                        "<b>" + self.tr("Payment schedule (by program year of the expenses):") + "</b>"
                    )
                    parts.extend(self._aid_line(p.aid) for p in schedule)
                    parts.append(
                        self.tr("Total of the schedule: {0}").format(money(total_paid(schedule))) + "<br>"
                    )
        parts.append(
            f"<h3 style='margin-bottom:2px'>{escape(self.phase_label(Phase.SAVINGS_FOLLOW_UP))}</h3>"
        )
        if self.analysis is None:
            parts.append(f"<span style='color:#8a5300'>{escape(self.analysis_error)}</span>")
        else:
            years = []
            for y in self.analysis.by_program_year:
                new = any(
                    m.done_date is not None and y.start <= m.done_date <= y.end for m in self.file.measures
                )
                years.append(SavingsYear(y.year, Decimal(str(round(y.avoided_m3))), new))
            payments = savings_follow_up_payments(years)
            parts.extend(self._aid_line(p.aid) for p in payments)
            grand += total_paid(payments)
        parts.append(
            "<hr><b>" + self.tr("Énergir aid computed from these figures: {0}").format(money(grand)) + "</b>"
        )
        return "".join(parts)

    # -- editing --------------------------------------------------------------------------------------------
    def _on_edit_phase(self) -> None:
        index = selected_id(self.phases)
        if self.file is None or index is None:
            return
        phase = list(Phase)[index]
        current = self.file.phases.get(phase, store.PhaseDates(phase))
        dialog = FormDialog(
            self.phase_label(phase),
            [
                FieldSpec("request_date", self.tr("Aid request sent"), kind="optional_date"),
                FieldSpec("acceptance_date", self.tr("Accepted by Énergir"), kind="optional_date"),
                FieldSpec("completion_date", self.tr("Phase completed"), kind="optional_date"),
                FieldSpec("deliverables_accepted_date", self.tr("Deliverables accepted"), kind="optional_date"),
                FieldSpec("accepted_aid_amount", self.tr("Aid in the acceptance notice ($)"), kind="float"),
                FieldSpec("status", self.tr("Status"), kind="combo",
                          choices=[(s, self.status_label(s)) for s in PHASE_STATUSES]),
                FieldSpec("notes", self.tr("Notes")),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_phase_dialog")
        for key in ("request_date", "acceptance_date", "completion_date", "deliverables_accepted_date", "status",
                    "notes"):  # fmt: skip
            dialog.form.set_value(key, getattr(current, key))
        dialog.form.set_value(
            "accepted_aid_amount", float(current.accepted_aid_amount) if current.accepted_aid_amount else None
        )
        if not dialog.exec():
            return
        v = dialog.result_values
        dates = store.PhaseDates(phase, v["request_date"], v["acceptance_date"], v["completion_date"],
                                 v["deliverables_accepted_date"], to_money(v["accepted_aid_amount"]), v["status"],
                                 v["notes"])  # fmt: skip
        pid = self.participant_id
        if pid is not None:
            self.run(lambda s: store.save_phase(s, pid, dates))

    def expense_dialog(self) -> ExpenseDialog:
        language = lang()
        dialog = ExpenseDialog(
            self.tr("Eligible expense"),
            [
                FieldSpec("phase", self.tr("Phase"), kind="combo",
                          choices=[(p.value, self.phase_label(p)) for p in EXPENSE_PHASES]),
                FieldSpec("kind", self.tr("Kind"), kind="combo",
                          choices=[(k.value, names[1] if language == "en" else names[0])
                                   for k, names in rules.EXPENSE_KIND_NAMES.items()]),
                FieldSpec("description", self.tr("Description"), required=True),
                FieldSpec("amount", self.tr("Amount before taxes ($)"), kind="float"),
                FieldSpec("hours", self.tr("Hours (internal specialists)"), kind="float"),
                FieldSpec("hourly_rate", self.tr("Hourly rate ($/h)"), kind="float"),
                FieldSpec("program_year", self.tr("Program year (phase 4 payments)"), kind="int"),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_expense_dialog")
        return dialog

    def _edit_expense(self, expense_id: int | None) -> None:
        pid = self.participant_id
        if pid is None or self.file is None:
            return
        current = next((e for e in self.file.expenses if e.expense_id == expense_id), None)
        if expense_id is not None and current is None:
            return
        dialog = self.expense_dialog()
        if current is not None:
            line = current.line
            dialog.form.set_value("phase", line.phase.value)
            dialog.form.set_value("kind", line.kind.value)
            dialog.form.set_value("description", line.description)
            dialog.form.set_value(
                "amount", float(line.amount) if line.kind is not ExpenseKind.INTERNAL_HOURS else None
            )
            dialog.form.set_value("hours", float(line.hours) if line.hours is not None else None)
            dialog.form.set_value(
                "hourly_rate", float(line.hourly_rate) if line.hourly_rate is not None else None
            )
            dialog.form.set_value("program_year", current.program_year)
        if not dialog.exec():
            return
        v = dialog.result_values
        kind = ExpenseKind(v["kind"])
        internal = kind is ExpenseKind.INTERNAL_HOURS
        line = ExpenseLine(
            Phase(v["phase"]), kind, v["description"],
            Decimal("0") if internal else (to_money(v["amount"]) or Decimal("0")),
            Decimal(str(v["hours"])) if internal else None,
            to_money(v["hourly_rate"]) if internal else None,
        )  # fmt: skip
        expense = store.StoredExpense(
            line, current.incurred_on if current else None, v["program_year"], expense_id
        )
        self.run(lambda s: store.save_expense(s, pid, expense))

    def _on_add_grant(self) -> None:
        pid = self.participant_id
        if pid is None:
            return
        dialog = FormDialog(
            self.tr("Other grant"),
            [
                FieldSpec("grantor", self.tr("Grantor (distributor or government body)"), required=True),
                FieldSpec("phase", self.tr("Phase"), kind="combo",
                          choices=[(p.value, self.phase_label(p)) for p in EXPENSE_PHASES]),
                FieldSpec("amount", self.tr("Amount ($)"), kind="float", required=True),
            ],
            self,
        )  # fmt: skip
        dialog.setObjectName("sge_grant_dialog")
        if not dialog.exec():
            return
        v = dialog.result_values
        grant = store.StoredGrant(
            OtherGrant(v["grantor"], Phase(v["phase"]), to_money(v["amount"]) or Decimal("0"))
        )
        self.run(lambda s: store.save_grant(s, pid, grant))

    def _delete(self, kind: str, widget: Any) -> None:
        record_id = selected_id(widget)
        if record_id is not None:
            self.run(lambda s: store.delete_record(s, kind, record_id))
