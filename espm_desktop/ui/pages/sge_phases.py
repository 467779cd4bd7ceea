"""Phases and aid tab: each phase's dates, eligible expense lines, other grants, and every aid amount with the
rule of the guide that produced it (caps, stacking, payment schedules, savings follow-up)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import PhaseDates, StoredExpense, StoredGrant
from espm_desktop.app.sge_savings import IMPLEMENTATION_PHASES, first_deliverables_accepted
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import _ as catalog_text
from espm_desktop.core.i18n import message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import AidAmount, AidPayment, ExpenseLine, summarize_expenses
from espm_desktop.core.sge.common import to_cents
from espm_desktop.core.sge.participant_statement import participant_statement
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant, StackingResult
from espm_desktop.core.sge.statement import IMPLEMENTATION_TITLE, AidStatement
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    WARN_STYLE,
    SgeTab,
    day_text,
    fill,
    lang,
    message_label,
    money,
    number,
    rows_height,
    selected_id,
    show_message,
    table,
    table_width,
)

EXPENSE_ROWS_SHOWN = 7  # the expense lines a participant typically has (Tableau 4's kinds, both parts)
EXPENSE_PHASES = (Phase.DIAGNOSTIC, Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER)
PHASE_STATUSES = ("planned", "requested", "accepted", "in_progress", "done")


def two_lines(header: str) -> str:
    """A column title broken at the space nearest its middle, so the column is half as wide."""
    spaces = [i for i, char in enumerate(header) if char == " "]
    if not spaces:
        return header
    cut = min(spaces, key=lambda i: abs(i - len(header) / 2))
    return f"{header[:cut]}\n{header[cut + 1 :]}"


def to_money(value: float | None) -> Decimal | None:
    return None if value is None else to_cents(Decimal(str(value)))


class ExpenseDialog(FormDialog):
    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        errors = []
        if values["kind"] == ExpenseKind.INTERNAL_HOURS.value:
            for key, problem in (
                ("hours", message("Hours: internal specialists are entered as hours × hourly rate.")),
                (
                    "hourly_rate",
                    message("Hourly rate: internal specialists are entered as hours × hourly rate."),
                ),
            ):
                if values.get(key) is None or values[key] < 0:
                    errors.append(FieldError(key, problem))
        elif values.get("amount") is None or values["amount"] < 0:
            errors.append(FieldError("amount", message("Amount: type the expense before taxes, 0 or more.")))
        return errors  # fmt: skip


class PhasesTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Two-line headers: at 1366×768 the seven columns and the aid panel share 1 100 pixels.
        self.phases = table(
            "sge_phases",
            [self.tr("Phase"), self.tr("Request"), self.tr("Acceptance"), self.tr("Completed"),
             two_lines(self.tr("Deliverables accepted")), two_lines(self.tr("Aid in the acceptance notice")), self.tr("Status")],
        )  # fmt: skip
        self.phases.horizontalHeader().setStretchLastSection(False)
        self.phases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phases.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deliverables_note = message_label("sge_deliverables_note")
        self.deliverables_note.setStyleSheet(WARN_STYLE)
        self.deliverables_note.hide()
        self.edit_phase = QPushButton(self.tr("Edit phase dates…"))
        self.edit_phase.setObjectName("sge_edit_phase")
        self.expenses = table(
            "sge_expenses",
            [self.tr("Phase"), self.tr("Kind"), self.tr("Description"), self.tr("Hours"), self.tr("Rate"),
             self.tr("Cost"), two_lines(self.tr("Program year"))],
        )  # fmt: skip
        # The description takes the room left; long kinds and descriptions are elided, their full text in a tip.
        header = self.expenses.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.expenses.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.expenses.setMinimumHeight(rows_height(self.expenses, EXPENSE_ROWS_SHOWN))
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
        self.statement: AidStatement | None = None  # what the aid panel shows, for the invoices' checks

        # Left: the phases and the expenses, one above the other, each whole (at 1366×768 the four phases and
        # seven expense lines show without scrolling; a smaller window scrolls the column instead of clipping).
        # Right: the aid panel, with the other grants under it.
        phases_box = QGroupBox(self.tr("Phases and Énergir's acceptance dates"))
        pl = QVBoxLayout(phases_box)
        pl.setContentsMargins(6, 4, 6, 4)
        pl.addWidget(self.phases)
        pl.addWidget(self.deliverables_note)
        pl.addWidget(self.edit_phase, 0, Qt.AlignmentFlag.AlignLeft)
        expenses_box = QGroupBox(self.tr("Eligible expenses"))
        el = QVBoxLayout(expenses_box)
        el.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        for b in (self.add_expense, self.edit_expense, self.delete_expense):
            row.addWidget(b)
        row.addStretch(1)
        el.addLayout(row)
        el.addWidget(self.expenses, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(phases_box)
        ll.addWidget(expenses_box, 1)
        left_scroll = QScrollArea()
        left_scroll.setObjectName("sge_phases_scroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setWidget(left)
        self.left_scroll = left_scroll
        grants_box = QGroupBox(self.tr("Other grants for the same work (stacking)"))
        gl = QVBoxLayout(grants_box)
        gl.setContentsMargins(6, 4, 6, 4)
        row2 = QHBoxLayout()
        row2.addWidget(self.add_grant)
        row2.addWidget(self.delete_grant)
        row2.addStretch(1)
        gl.addLayout(row2)
        gl.addWidget(self.grants)
        self.grants.setMaximumHeight(rows_height(self.grants, 2))
        # the grantor's name takes the room left, elided; the amount column always shows whole
        self.grants.horizontalHeader().setStretchLastSection(False)
        self.grants.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.grants.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        aid_box = QGroupBox(self.tr("Aid, with the guide's rule behind each amount"))
        al = QVBoxLayout(aid_box)
        al.setContentsMargins(6, 4, 6, 4)
        al.addWidget(self.aid_view)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(aid_box, 1)
        rl.addWidget(grants_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
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
            d = f.phases.get(phase, PhaseDates(phase))
            phase_rows.append([self.short_label(phase), day_text(d.request_date), day_text(d.acceptance_date),
                               day_text(d.completion_date), day_text(d.deliverables_accepted_date),
                               money(d.accepted_aid_amount), self.status_label(d.status)])  # fmt: skip
        fill(self.phases, phase_rows, list(range(len(Phase))), right=(5,))
        self.phases.setFixedHeight(rows_height(self.phases, len(Phase)))
        self.phases.setMinimumWidth(table_width(self.phases))
        # A scroll area does not pass its content's minimum width on: give it the phases table's, plus room for
        # the group box's margins and the vertical scroll bar, so the splitter never clips the Status column.
        scroll_bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        self.left_scroll.setMinimumWidth(self.phases.minimumWidth() + 2 * 6 + 4 + scroll_bar)
        if first_deliverables_accepted(f) is None:
            show_message(self.deliverables_note, self.tr(
                "No acceptance date of the first phase 4 deliverables yet: savings program years count from it, "
                "so no savings follow-up claim can be computed. Select a phase 4 row and click “Edit phase "
                "dates…”."), WARN_STYLE)  # fmt: skip
        else:
            show_message(self.deliverables_note, "")
        language = lang()
        expense_rows = []
        for e in f.expenses:
            line = e.line
            internal = line.kind is ExpenseKind.INTERNAL_HOURS
            expense_rows.append([
                self.short_label(line.phase), rules.expense_kind_name(line.kind, language), line.description,
                number(line.hours, 1) if internal else "", money(line.hourly_rate) if internal else "",
                money(line.cost), "" if e.program_year is None else str(e.program_year)])  # fmt: skip
        fill(self.expenses, expense_rows, [e.expense_id or 0 for e in f.expenses], right=(3, 4, 5, 6))
        for r in range(self.expenses.rowCount()):
            for c in (0, 1, 2):
                item = self.expenses.item(r, c)
                if item is not None:
                    item.setToolTip(item.text())
        # Phase and kind at most this wide (elided, whole in the tip) so the description keeps room to read.
        for column, widest in ((0, 130), (1, 150)):
            self.expenses.resizeColumnToContents(column)
            self.expenses.setColumnWidth(column, min(self.expenses.columnWidth(column), widest))
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
        """The participant's aid statement (core/sge/statement.py) written out; this page adds up nothing."""
        assert self.file is not None
        language = lang()
        statement = participant_statement(self.file, self.analysis)
        self.statement = statement
        lines: list[ExpenseLine] = self.file.expense_lines()
        grants: list[OtherGrant] = self.file.other_grants()
        out: list[str] = []

        def has_data(phase: Phase) -> bool:
            summary = summarize_expenses(phase, lines)
            return bool(summary.accepted or summary.rejected or any(g.phase is phase for g in grants))

        def rejected(phase: Phase) -> None:
            for item in summarize_expenses(phase, lines).rejected:
                text = item.message_en if language == "en" else item.message_fr
                out.append(f"<span style='color:#8a5300'>{escape(text)}</span><br>")

        def stacking(result: StackingResult) -> None:
            out.append("<b>" + self.tr("Stacking:") + "</b> " + self._aid_line(result.energir_aid))
            out.append(self.tr("Client's share: {0}").format(money(result.client_share)) + "<br>")
            for warning in result.warnings_en if language == "en" else result.warnings_fr:
                out.append(f"<span style='color:#b00020'>{escape(warning)}</span><br>")

        def schedule(payments: Sequence[AidPayment]) -> None:
            out.append("<b>" + self.tr("Payment schedule (by program year of the expenses):") + "</b>")
            out.extend(self._aid_line(p.aid) for p in payments)
            paid = sum((p.aid.amount for p in payments), Decimal("0"))
            out.append(self.tr("Total of the schedule: {0}").format(money(paid)) + "<br>")

        diagnostic = statement.diagnostic
        if has_data(Phase.DIAGNOSTIC):
            out.append(f"<h3 style='margin-bottom:2px'>{escape(self.phase_label(Phase.DIAGNOSTIC))}</h3>")
            out.append(self.tr("Eligible expenses: {0}").format(money(diagnostic.eligible_costs)))
            out.append(self._aid_line(diagnostic.aid_before_stacking))
            stacking(diagnostic.stacking)
            rejected(Phase.DIAGNOSTIC)
            schedule(diagnostic.payments)
        implementation = statement.implementation
        shown = [p for p in implementation.parts if has_data(p.rule_phase)]
        if shown:
            out.append(
                f"<h3 style='margin-bottom:2px'>{escape(catalog_text(IMPLEMENTATION_TITLE, language))}</h3>"
            )
            for part in shown:
                out.append(f"<h4 style='margin:4px 0 2px 0'>{escape(self.phase_label(part.rule_phase))}</h4>")
                out.append(self.tr("Eligible expenses: {0}").format(money(part.eligible_costs)))
                out.append(self._aid_line(part.aid_before_stacking))
                rejected(part.rule_phase)
            # « Cumul des aides financières » is tested on the whole phase, both parts together.
            out.append("<hr>")
            stacking(implementation.stacking)
            # when reduced, the stacking line above already gives the phase's aid
            if not implementation.stacking.reduction:
                out.append(self._aid_line(implementation.aid))
            for part in shown:
                out.append(f"<h4 style='margin:4px 0 2px 0'>{escape(self.phase_label(part.rule_phase))}</h4>")
                if part.reduction:
                    out.append(self._aid_line(part.aid))
                schedule(part.payments)
        out.append(f"<h3 style='margin-bottom:2px'>{escape(self.phase_label(Phase.SAVINGS_FOLLOW_UP))}</h3>")
        if self.analysis is None:
            out.append(f"<span style='color:#8a5300'>{escape(self.analysis_error)}</span>")
        elif self.analysis.program_years_note is not None:
            note = self.analysis.program_years_note
            out.append(f"<span style='color:#8a5300'>{escape(note.text(language))}</span>")
        else:
            savings = statement.savings_follow_up
            out.extend(self._aid_line(y.aid) for y in savings.years)
            out.append(self._aid_line(savings.aid))
        out.append(
            "<hr><b>"
            + self.tr("Énergir aid computed from these figures: {0}").format(money(statement.total.amount))
            + "</b>"
            + self._aid_line(statement.total)
        )
        return "".join(out)

    # -- editing --------------------------------------------------------------------------------------------
    def _on_edit_phase(self) -> None:
        index = selected_id(self.phases)
        if self.file is None or index is None:
            return
        phase = list(Phase)[index]
        current = self.file.phases.get(phase, PhaseDates(phase))
        dialog = FormDialog(
            self.phase_label(phase),
            [
                FieldSpec("request_date", self.tr("Aid request sent"), kind="optional_date"),
                FieldSpec("acceptance_date", self.tr("Accepted by Énergir"), kind="optional_date"),
                FieldSpec("completion_date", self.tr("Phase completed"), kind="optional_date"),
                FieldSpec("deliverables_accepted_date",
                          self.tr("Acceptance date of the first deliverables (phase 4)")
                          if phase in IMPLEMENTATION_PHASES else self.tr("Deliverables accepted"),
                          kind="optional_date"),
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
        dates = PhaseDates(phase, v["request_date"], v["acceptance_date"], v["completion_date"],
                           v["deliverables_accepted_date"], to_money(v["accepted_aid_amount"]), v["status"],
                           v["notes"])  # fmt: skip
        pid = self.participant_id
        if pid is not None:
            self.run(lambda: sge_participants.save_phase(self.ctx.engine, pid, dates))

    def expense_dialog(self) -> ExpenseDialog:
        language = lang()
        dialog = ExpenseDialog(
            self.tr("Eligible expense"),
            [
                FieldSpec("phase", self.tr("Phase"), kind="combo",
                          choices=[(p.value, self.phase_label(p)) for p in EXPENSE_PHASES]),
                FieldSpec("kind", self.tr("Kind"), kind="combo",
                          choices=[(k.value, rules.expense_kind_name(k, language)) for k in rules.EXPENSE_KIND_NAMES]),
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
        expense = StoredExpense(line, current.incurred_on if current else None, v["program_year"], expense_id)
        self.run(lambda: sge_participants.save_expense(self.ctx.engine, pid, expense))

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
        grant = StoredGrant(
            OtherGrant(v["grantor"], Phase(v["phase"]), to_money(v["amount"]) or Decimal("0"))
        )
        self.run(lambda: sge_participants.save_grant(self.ctx.engine, pid, grant))

    def _delete(self, kind: str, widget: Any) -> None:
        record_id = selected_id(widget)
        if record_id is not None:
            self.run(lambda: sge_participants.delete_record(self.ctx.engine, kind, record_id))
