"""Participant tab: company and site, tax numbers, annual gas use with the eligibility check, the exclusions
checklist, and the contacts with the energy committee and its energy manager."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import Contact, ParticipantInfo
from espm_desktop.app.sge_savings import gas_meter_data
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.eligibility import (
    EXCLUSIONS,
    EligibilityStatus,
    check_annual_gas_use,
    check_exclusions,
)
from espm_desktop.core.sge.taxes import normalise_registration_number
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog, FormWidget
from espm_desktop.ui.pages.sge_common import (
    OK_STYLE,
    WARN_STYLE,
    SgeTab,
    fill,
    lang,
    message_label,
    number,
    selected_id,
    show_message,
    table,
)

INFO_KEYS = (
    "company_name",
    "company_address",
    "site_address",
    "energir_file_number",
    "gst_number",
    "qst_number",
    "industrial",
    "annual_gas_m3",
)


class ParticipantTab(SgeTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form = FormWidget(
            [
                FieldSpec("company_name", self.tr("Company (beneficiary of the aid)"), required=True),
                FieldSpec("company_address", self.tr("Company address (on the invoice)")),
                FieldSpec("site_address", self.tr("Site address (where the work is done)")),
                FieldSpec("energir_file_number", self.tr("Énergir file number (acceptance letter)")),
                FieldSpec("gst_number", self.tr("GST registration number")),
                FieldSpec("qst_number", self.tr("QST registration number")),
                FieldSpec("industrial", self.tr("Industrial building"), kind="bool"),
                FieldSpec("annual_gas_m3", self.tr("Annual natural gas use (m³)"), kind="float"),
            ]
        )
        self.gas_from_meter = QPushButton(self.tr("From the gas meter (last 12 months)"))
        self.gas_from_meter.setObjectName("sge_gas_from_meter")
        self.gas_from_meter.setToolTip(self.tr(
            "Fill the annual use with the latest 12 full calendar months of the gas meter chosen on the Savings "
            "tab."))  # fmt: skip
        self.gas_source = message_label("sge_gas_source")
        self.gas_source.hide()
        self.eligibility = QLabel()
        self.eligibility.setObjectName("sge_eligibility")
        self.eligibility.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save participant"))
        self.save_button.setObjectName("sge_save_participant")
        info_box = QGroupBox(self.tr("Company and site"))
        info_layout = QVBoxLayout(info_box)
        info_layout.addWidget(self.form)
        gas_row = QHBoxLayout()
        gas_row.addStretch(1)
        gas_row.addWidget(self.gas_from_meter)
        info_layout.addLayout(gas_row)
        info_layout.addWidget(self.gas_source)
        info_layout.addWidget(self.eligibility)

        exclusions_box = QGroupBox(self.tr("Exclusions (guide, “Eligibility criteria”)"))
        ex_layout = QFormLayout(exclusions_box)
        self.exclusion_combos: dict[str, QComboBox] = {}
        for item in EXCLUSIONS:
            combo = QComboBox()
            combo.setObjectName(f"sge_exclusion_{item.key}")
            combo.addItem(self.tr("To check"), None)
            combo.addItem(self.tr("No"), False)
            combo.addItem(self.tr("Yes — excluded"), True)
            label = QLabel(item.question_en if lang() == "en" else item.question_fr)
            label.setWordWrap(True)
            ex_layout.addRow(label, combo)
            self.exclusion_combos[item.key] = combo
        self.exclusion_findings = QLabel()
        self.exclusion_findings.setObjectName("sge_exclusion_findings")
        self.exclusion_findings.setWordWrap(True)
        ex_layout.addRow(self.exclusion_findings)

        contacts_box = QGroupBox(self.tr("Contacts and energy committee"))
        self.contacts = table(
            "sge_contacts",
            [self.tr("Name"), self.tr("Committee role"), self.tr("Energy manager"), self.tr("Role"),
             self.tr("E-mail"), self.tr("Phone")],
        )  # fmt: skip
        self.contacts.setMinimumHeight(160)
        self.add_contact = QPushButton(self.tr("Add contact…"))
        self.edit_contact = QPushButton(self.tr("Edit…"))
        self.delete_contact = QPushButton(self.tr("Delete"))
        buttons = QHBoxLayout()
        for b in (self.add_contact, self.edit_contact, self.delete_contact):
            buttons.addWidget(b)
        buttons.addStretch(1)
        c_layout = QVBoxLayout(contacts_box)
        c_layout.addLayout(buttons)
        c_layout.addWidget(self.contacts)
        self.committee_note = QLabel()
        self.committee_note.setWordWrap(True)
        c_layout.addWidget(self.committee_note)

        left = QVBoxLayout()
        left.addWidget(info_box)
        left.addWidget(self.save_button)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(exclusions_box)
        right.addWidget(contacts_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.message)
        inner_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.save_button.clicked.connect(self._on_save)
        self.gas_from_meter.clicked.connect(self._on_gas_from_meter)
        self.add_contact.clicked.connect(lambda: self._edit_contact(None))
        self.edit_contact.clicked.connect(lambda: self._edit_contact(selected_id(self.contacts)))
        self.contacts.itemDoubleClicked.connect(lambda _i: self._edit_contact(selected_id(self.contacts)))
        self.delete_contact.clicked.connect(self._on_delete_contact)

    def refresh(self) -> None:
        if self.file is None:
            return
        info = self.file.info
        for key in INFO_KEYS:
            self.form.set_value(key, getattr(info, key))
        self.form.show_errors([])
        show_message(self.gas_source, "")
        for key, combo in self.exclusion_combos.items():
            combo.setCurrentIndex(max(combo.findData(info.exclusions.get(key)), 0))
        self._show_checks(info)
        yes, no = self.tr("Yes"), ""
        fill(
            self.contacts,
            [[c.name, c.committee_role if c.committee_member else "", yes if c.energy_manager else no, c.role,
              c.email, c.phone] for c in self.file.contacts],
            [c.contact_id or 0 for c in self.file.contacts],
        )  # fmt: skip
        members = sum(1 for c in self.file.contacts if c.committee_member)
        manager = self.file.energy_manager
        if manager is None:
            self.committee_note.setText(self.tr(
                "No energy manager named yet: Annexe B asks for the committee members, their roles and the "
                "energy manager's name."))  # fmt: skip
            self.committee_note.setStyleSheet(WARN_STYLE)
        else:
            self.committee_note.setText(
                self.tr("Energy committee: {0} members; energy manager: {1}.").format(members, manager.name)
            )
            self.committee_note.setStyleSheet(OK_STYLE)

    def _show_checks(self, info: ParticipantInfo) -> None:
        language = lang()
        if info.annual_gas_m3 is None:
            self.eligibility.setText(
                self.tr("Enter the annual gas use to check eligibility (≥ 2,000,000 m³/yr).")
            )
            self.eligibility.setStyleSheet(WARN_STYLE)
        else:
            check = check_annual_gas_use(Decimal(str(info.annual_gas_m3)), info.industrial)
            text = check.message_en if language == "en" else check.message_fr
            self.eligibility.setText(f"{text}\n{check.citation.text(language)}")
            self.eligibility.setStyleSheet(
                OK_STYLE if check.status is EligibilityStatus.ELIGIBLE else WARN_STYLE
            )
        findings = check_exclusions(info.exclusions)
        if findings:
            self.exclusion_findings.setText(
                "\n".join(f.message_en if language == "en" else f.message_fr for f in findings)
            )
            self.exclusion_findings.setStyleSheet(WARN_STYLE)
        else:
            self.exclusion_findings.setText(self.tr("No exclusion applies."))
            self.exclusion_findings.setStyleSheet(OK_STYLE)

    def _on_save(self) -> None:
        if self.file is None:
            return
        values, errors = self.form.values()
        self.form.show_errors(errors)
        if errors:
            return
        exclusions = {
            key: combo.currentData()
            for key, combo in self.exclusion_combos.items()
            if combo.currentData() is not None
        }
        # GST and QST numbers are checked here and stored the one way invoices print them.
        for key, tax in (("gst_number", "gst"), ("qst_number", "qst")):
            text = str(values.get(key) or "").strip()
            if text:
                try:
                    values[key] = normalise_registration_number(tax, text, key)
                except SgeInputError as exc:
                    self.form.show_errors([FieldError(key, exc.problem)])
                    show_message(self.message, exc.message(lang()))
                    return
        info = replace(self.file.info, exclusions=exclusions, **{k: values[k] for k in INFO_KEYS})
        if self.run(lambda: sge_participants.save_participant(self.ctx.engine, info)) is not None:
            show_message(self.message, self.tr("Participant saved."), OK_STYLE)

    def _on_gas_from_meter(self) -> None:
        if self.file is None:
            return
        meter = gas_meter_data(self.ctx.engine, self.file.info.gas_meter_id)
        if meter is None:
            show_message(self.gas_source, self.tr(
                "Choose the site's gas meter on the Savings tab first (Save and compute), then try again."))  # fmt: skip
            return
        if meter.unit != "m3":
            show_message(self.gas_source, self.tr(
                "Meter “{0}” is in {1}: the annual use is entered in m³. Choose a natural-gas meter in m³ on "
                "the Savings tab.").format(meter.name, meter.unit))  # fmt: skip
            return
        from espm_desktop.core.sge.annual_gas import annual_gas_use  # the calendar months: on use

        use = annual_gas_use(meter)
        if use.period is None:
            show_message(self.gas_source, self.tr(
                "Meter “{0}” does not have 12 full calendar months in a row ({1} full months in all): import "
                "the missing bills or type the annual use.").format(meter.name, use.full_months))  # fmt: skip
            return
        value = round(use.usage)
        self.form.set_value("annual_gas_m3", value)
        self.form.show_errors([])
        self._show_checks(replace(self.file.info, annual_gas_m3=float(value)))
        locale = QLocale()
        start, end = use.period.start, use.period.end
        show_message(self.gas_source, self.tr(
            "{0} m³ from meter “{1}”, {2} to {3} (its latest 12 full calendar months). Save the participant to "
            "keep it.").format(number(value), meter.name,
                               locale.toString(QDate(start.year, start.month, 1), "MMMM yyyy"),
                               locale.toString(QDate(end.year, end.month, 1), "MMMM yyyy")), OK_STYLE)  # fmt: skip

    def _edit_contact(self, contact_id: int | None) -> None:
        pid = self.participant_id
        if pid is None:
            return
        current = (
            next((c for c in self.file.contacts if c.contact_id == contact_id), None) if self.file else None
        )
        dialog = FormDialog(
            self.tr("Contact"),
            [
                FieldSpec("name", self.tr("Name"), required=True),
                FieldSpec("role", self.tr("Role in the company")),
                FieldSpec("email", self.tr("E-mail")),
                FieldSpec("phone", self.tr("Phone")),
                FieldSpec("committee_member", self.tr("Member of the energy committee"), kind="bool"),
                FieldSpec("committee_role", self.tr("Role on the committee")),
                FieldSpec("energy_manager", self.tr("Energy manager"), kind="bool"),
            ],
            self,
        )
        dialog.setObjectName("sge_contact_dialog")
        if current is not None:
            for key in (
                "name",
                "role",
                "email",
                "phone",
                "committee_member",
                "committee_role",
                "energy_manager",
            ):
                dialog.form.set_value(key, getattr(current, key))
        if not dialog.exec():
            return
        v: dict[str, Any] = dialog.result_values
        contact = Contact(
            v["name"], v["role"], v["email"], v["phone"], v["committee_member"] or v["energy_manager"],
            v["committee_role"], v["energy_manager"], contact_id,
        )  # fmt: skip
        self.run(lambda: sge_participants.save_contact(self.ctx.engine, pid, contact))

    def _on_delete_contact(self) -> None:
        contact_id = selected_id(self.contacts)
        if contact_id is not None:
            self.run(lambda: sge_participants.delete_record(self.ctx.engine, "contact", contact_id))


# --- removing a participant: deleted, or archived when it has sent invoices --------------------------------------
class ParticipantRemoval(QWidget):
    """Asks and removes a participant: deleted when nothing was sent, archived when invoices were sent (a sent
    invoice is kept as sent); an archived one can be restored. Used by the SGÉ page's "Delete participant"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hide()

    def archived_toggle(self) -> QCheckBox:
        """The "Show archived" box for the participant picker (unchecked: archived participants are hidden)."""
        box = QCheckBox(self.tr("Show archived"))
        box.setObjectName("sge_show_archived")
        return box

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No question; tests replace it."""
        answer = QMessageBox.question(
            self.parentWidget() or self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a destructive question defaults to No
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove(self, participant_id: int, name: str) -> str | None:
        """Ask, then delete or archive; the message to show, None when the user said no."""
        keeps_invoices = sge_participants.has_sent_invoices(self.ctx.db_path, participant_id)
        if keeps_invoices:
            asked = self.confirm(
                self.tr("Archive participant"),
                self.tr(
                    "{0} has invoices that were sent to Énergir: they must be kept as sent, so the participant "
                    "will be archived, not deleted. It disappears from the list (tick “Show archived” to see it) "
                    "and can be restored. Archive it?"
                ).format(name),
            )
        else:
            asked = self.confirm(
                self.tr("Delete participant"),
                self.tr(
                    "Delete {0} with its phases, expenses, measures and draft invoices? This cannot be undone."
                ).format(name),
            )
        if not asked:
            return None
        archived = sge_participants.remove_participant(self.ctx.engine, participant_id)
        self.ctx.data_changed.emit()
        if archived:
            return self.tr("{0} archived: its sent invoices are kept as sent.").format(name)
        return self.tr("{0} deleted.").format(name)

    def restore(self, participant_id: int, name: str) -> str:
        sge_participants.restore_participant(self.ctx.engine, participant_id)
        self.ctx.data_changed.emit()
        return self.tr("{0} restored.").format(name)
