"""« Programme SGÉ » page: pick a participant, see its deadlines and aid at a glance, work in five tabs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import USER_ERRORS, ParticipantFile, ParticipantInfo, SavingsAnalysis
from espm_desktop.app.sge_savings import IMPLEMENTATION_PHASES, first_deliverables_accepted
from espm_desktop.core import formatting
from espm_desktop.core.sge.deadlines import (
    Deadline,
    DeadlineStatus,
    diagnostic_deadline,
    implementation_deliverables_deadline,
    savings_claims_deadline,
)
from espm_desktop.core.sge.rules import Phase
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    OK_STYLE,
    SgeTab,
    error_text,
    lang,
    message_label,
    money,
    number,
    show_message,
)
from espm_desktop.ui.pages.sge_participant import ParticipantRemoval, ParticipantTab

if TYPE_CHECKING:
    from espm_desktop.ui.pages.sge_invoices import InvoicesTab
    from espm_desktop.ui.pages.sge_measures import MeasuresTab
    from espm_desktop.ui.pages.sge_phases import PhasesTab
    from espm_desktop.ui.pages.sge_savings import SavingsTab

# The tabs after the participant's, in order: each is made (its module loaded) when first shown or asked for.
LATER_TABS = ("phases", "measures", "savings", "invoices")


def make_tab(name: str, ctx: AppContext) -> SgeTab:
    if name == "phases":
        from espm_desktop.ui.pages.sge_phases import PhasesTab

        return PhasesTab(ctx)
    if name == "measures":
        from espm_desktop.ui.pages.sge_measures import MeasuresTab

        return MeasuresTab(ctx)
    if name == "savings":
        from espm_desktop.ui.pages.sge_savings import SavingsTab

        return SavingsTab(ctx)
    from espm_desktop.ui.pages.sge_invoices import InvoicesTab

    return InvoicesTab(ctx)


def deadline_rows(file: ParticipantFile) -> list[tuple[Deadline, date | None]]:
    """The guide's deadlines known from the phases' dates, each with the date it was met (None if open)."""
    phases = file.phases
    out: list[tuple[Deadline, date | None]] = []
    diag = phases.get(Phase.DIAGNOSTIC)
    if diag and diag.acceptance_date:
        out.append((diagnostic_deadline(diag.acceptance_date), diag.completion_date))
    for part in IMPLEMENTATION_PHASES:
        dates = phases.get(part)
        if dates and dates.acceptance_date:
            out.append(
                (
                    implementation_deliverables_deadline(dates.acceptance_date),
                    dates.deliverables_accepted_date,
                )
            )
    # the same date the savings' program years count from
    first_accepted = first_deliverables_accepted(file)
    if first_accepted is not None:
        out.append((savings_claims_deadline(first_accepted), None))
    return sorted(out, key=lambda pair: pair[0].due)


class SgePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        heading = QLabel(self.tr("SGÉ program"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        subtitle = QLabel(self.tr(
            "Énergir's energy management system (SGÉ) subsidy: the participant's file, phases and aid with the "
            "guide's rule behind every amount, measures and indicators, measured gas savings and payment "
            "invoices."))  # fmt: skip
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: #555;")
        self.participant_combo = QComboBox()
        self.participant_combo.setObjectName("sge_participant_picker")
        self.participant_combo.setMinimumWidth(320)
        self.new_button = QPushButton(self.tr("New participant…"))
        self.new_button.setObjectName("sge_new_participant")
        self.delete_button = QPushButton(self.tr("Delete participant"))
        self.delete_button.setObjectName("sge_delete_participant")
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Participant:")))
        picker.addWidget(self.participant_combo)
        picker.addWidget(self.new_button)
        picker.addWidget(self.delete_button)
        self.removal = ParticipantRemoval(ctx, self)
        self.show_archived = self.removal.archived_toggle()
        picker.addWidget(self.show_archived)
        picker.addStretch(1)
        self.summary = message_label("sge_summary")
        self.summary.setStyleSheet("background: #f4f7fb; border: 1px solid #d0d8e4; padding: 6px;")
        self.message = message_label("sge_page_message")
        self.message.hide()
        self.participant_tab = ParticipantTab(ctx)
        self._made: dict[str, SgeTab] = {"participant": self.participant_tab}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sge_tabs")
        # Fusion's unselected tabs clip the accent of a capital É (« Économies ») without a little more room.
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 6px 12px; }")
        self.tabs.addTab(self.participant_tab, self.tr("Participant"))
        labels = (
            self.tr("Phases and aid"),
            self.tr("Measures and IPÉ"),
            self.tr("Savings"),
            self.tr("Invoices"),
        )
        for name, label in zip(LATER_TABS, labels, strict=True):
            placeholder = QWidget()  # until the tab is first shown
            placeholder.setObjectName(f"sge_{name}_placeholder")
            self.tabs.addTab(placeholder, label)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(picker)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.participant_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.participant_combo.currentIndexChanged.connect(lambda _i: self._update_delete_label())
        self._archived: set[int] = set()
        self.new_button.clicked.connect(self._on_new)
        self.delete_button.clicked.connect(self._on_delete)
        self.participant_tab.changed.connect(self.reload)
        self.file: ParticipantFile | None = None
        self.analysis: SavingsAnalysis | None = None
        self.analysis_error = ""
        # Filled by refresh(), which the window calls each time the page is shown (not here too: twice).

    def all_tabs(self) -> list[SgeTab]:
        """The tabs made so far (the others are made with the file they show)."""
        return list(self._made.values())

    def tab(self, name: str) -> SgeTab:
        """The tab `name` (participant, phases, measures, savings, invoices), made now if it was not yet."""
        made = self._made.get(name)
        if made is not None:
            return made
        tab = make_tab(name, self.ctx)
        tab.changed.connect(self.reload)
        index = 1 + LATER_TABS.index(name)
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        with QSignalBlocker(self.tabs):
            self.tabs.insertTab(index, tab, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        placeholder.deleteLater()
        self._made[name] = tab
        tab.load(self.file, self.analysis, self.analysis_error)
        return tab

    def _on_tab_shown(self, index: int) -> None:
        if index > 0:
            self.tab(LATER_TABS[index - 1])

    @property
    def phases_tab(self) -> PhasesTab:
        return cast("PhasesTab", self.tab("phases"))

    @property
    def measures_tab(self) -> MeasuresTab:
        return cast("MeasuresTab", self.tab("measures"))

    @property
    def savings_tab(self) -> SavingsTab:
        return cast("SavingsTab", self.tab("savings"))

    @property
    def invoices_tab(self) -> InvoicesTab:
        return cast("InvoicesTab", self.tab("invoices"))

    @property
    def participant_id(self) -> int | None:
        data = self.participant_combo.currentData()
        return int(data) if data is not None else None

    def refresh(self, select: int | None = None) -> None:
        """Reload the list of participants, keeping (or moving to) the chosen one."""
        wanted = select if select is not None else self.participant_id
        choices = sge_participants.participant_choices(
            self.ctx.db_path, include_archived=self.show_archived.isChecked()
        )
        participants, archived = choices.participants, choices.archived
        self.participant_combo.blockSignals(True)
        self.participant_combo.clear()
        for pid, name in participants:
            self.participant_combo.addItem(name + (self.tr(" (archived)") if pid in archived else ""), pid)
        index = self.participant_combo.findData(wanted) if wanted is not None else -1
        self.participant_combo.setCurrentIndex(index if index >= 0 else (0 if participants else -1))
        self.participant_combo.blockSignals(False)
        self.delete_button.setEnabled(bool(participants))
        self._archived = archived
        self._update_delete_label()
        self.reload()

    def reload(self) -> None:
        """Read the chosen participant's file and its savings once, and give them to every tab."""
        pid = self.participant_id
        self.file, self.analysis, self.analysis_error = None, None, ""
        if pid is not None:
            view = sge_participants.participant_view(self.ctx.db_path, pid)
            self.file, self.analysis = view.file, view.analysis
            if view.analysis_error is not None:
                self.analysis_error = error_text(view.analysis_error)
        for tab in self.all_tabs():
            tab.load(self.file, self.analysis, self.analysis_error)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.file is None:
            self.summary.setText(self.tr(
                "No participant yet. Click “New participant…” to open the file of an industrial site."))  # fmt: skip
            return
        today = date.today()
        lines: list[str] = []
        for deadline, met_on in deadline_rows(self.file):
            label = deadline.label_en if lang() == "en" else deadline.label_fr
            if met_on is not None:
                state = self.tr("done on {0}").format(met_on.isoformat())
                colour = "#1b5e20"
            else:
                left = deadline.days_left(today)
                state = (
                    self.tr("{0} days left").format(left)
                    if left >= 0
                    else self.tr("{0} days overdue").format(-left)
                )
                colour = {
                    DeadlineStatus.OPEN: "#1b5e20",
                    DeadlineStatus.DUE_SOON: "#8a5300",
                    DeadlineStatus.OVERDUE: "#b00020",
                }[deadline.status(today)]
            line = f"• {formatting.labelled(label, deadline.due.isoformat(), lang())} — <b style='color:{colour}'>{state}</b>"
            # Phases accepted on the same day give the same deadline: say it once.
            if line not in lines:
                lines.append(line)
        if not lines:
            lines.append(self.tr("No deadline yet: enter Énergir's acceptance dates in “Phases and aid”."))
        accepted = sum(
            (p.accepted_aid_amount for p in self.file.phases.values() if p.accepted_aid_amount is not None),
            Decimal("0"),
        )
        head = self.tr("<b>Deadlines</b> (today {0})").format(today.isoformat())
        tail = self.tr("Aid accepted by Énergir so far: {0}").format(money(accepted))
        if self.analysis is not None:
            tail += " · " + self.tr("gas avoided since the reporting start: {0} m³").format(
                number(self.analysis.reporting.avoided_m3)
            )
        self.summary.setText("<br>".join([head, *lines, tail]))

    def _on_new(self) -> None:
        dialog = FormDialog(
            self.tr("New SGÉ participant"),
            [
                FieldSpec("company_name", self.tr("Company"), required=True),
                FieldSpec("site_address", self.tr("Site address (where the work is done)"), required=True),
                FieldSpec("energir_file_number", self.tr("Énergir file number")),
            ],
            self,
        )
        dialog.setObjectName("sge_new_participant_dialog")
        if not dialog.exec():
            return
        v = dialog.result_values
        try:
            pid = sge_participants.save_participant(
                self.ctx.engine,
                ParticipantInfo(
                    company_name=v["company_name"],
                    site_address=v["site_address"],
                    energir_file_number=v["energir_file_number"],
                ),
            )
        except USER_ERRORS as exc:
            show_message(self.message, error_text(exc))
            return
        self.ctx.data_changed.emit()
        self.refresh(select=pid)

    def _update_delete_label(self) -> None:
        restoring = self.participant_id in self._archived
        self.delete_button.setText(
            self.tr("Restore participant") if restoring else self.tr("Delete participant")
        )

    def _on_delete(self) -> None:
        """Delete a participant with nothing sent; archive one with sent invoices; restore an archived one."""
        pid = self.participant_id
        if pid is None:
            return
        name = self.participant_combo.currentText()
        archived = pid in sge_participants.archived_participants(self.ctx.db_path)
        text = self.removal.restore(pid, name) if archived else self.removal.remove(pid, name)
        if text is None:
            return
        show_message(self.message, text, OK_STYLE)
        self.refresh()
