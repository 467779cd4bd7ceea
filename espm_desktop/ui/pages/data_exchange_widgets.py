"""Small pieces of the Énergir data-exchange assistant: badges, copyable values, one card per guide step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core import formatting
from espm_desktop.core.data_exchange import (
    FIELD_LABELS,
    STATUS_LABELS,
    EnergirMeterSetup,
    GuideStep,
    Language,
    LocalizedText,
    SetupField,
    field_value,
    validate_account_number,
    validate_invoice_number,
    validate_meter_number,
)
from espm_desktop.core.i18n import current_language
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.ui.forms import ERROR_STYLE

# Background and text colours of the badges; contrast ≥ 4.5:1 on each background.
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "done": ("#DCF2E3", "#1E6B3A"),
    "current": ("#DCE9F7", "#0B4A85"),
    "partial": ("#FFF1D6", "#7A4F00"),
    "todo": ("#ECEFF2", "#4A5562"),
    "error": ("#FCE4E7", "#A3001B"),
}
NOTICE_STYLE = "color: #0B4A85;"
MUTED_STYLE = "color: #5A6672;"
CURRENT_CARD_STYLE = "QFrame#{name} {{ border: 2px solid #0B5394; border-radius: 6px; background: #F5F9FD; }}"
CARD_STYLE = "QFrame#{name} {{ border: 1px solid #D5DBE1; border-radius: 6px; }}"
# A step behind the user: dark green text on light green (contrast 9:1), never the grey of a disabled widget.
DONE_CARD_STYLE = "QFrame#{name} {{ border: 1px solid #8CC9A0; border-radius: 6px; background: #EDF8F0; }}"
DONE_TEXT = "#14532D"
CHECK_STYLE = "QCheckBox {{ font-weight: 600; color: {colour}; }} QCheckBox:disabled {{ color: {colour}; }}"

# The step after which the user records each status: the guide's last action before that state.
STATUS_STEP: dict[str, DataExchangeStatus] = {
    "s06": DataExchangeStatus.CONNECTION_REQUESTED,
    "share.connection_accepted": DataExchangeStatus.CONNECTION_ACCEPTED,
    "s28": DataExchangeStatus.METER_SHARED,
    "verify.share_accepted": DataExchangeStatus.SHARE_ACCEPTED,
    "verify.data": DataExchangeStatus.DATA_RECEIVED,
}

_NUMBER_CHECKS = {
    SetupField.ACCOUNT_NUMBER: validate_account_number,
    SetupField.INVOICE_NUMBER: validate_invoice_number,
    SetupField.METER_NUMBER: validate_meter_number,
}


def language() -> Language:
    return "fr" if current_language() == "fr" else "en"


def loc(text: LocalizedText) -> str:
    return text.get(language())


def status_text(status: DataExchangeStatus) -> str:
    return loc(STATUS_LABELS[status])


def set_badge(label: QLabel, kind: str, text: str) -> None:
    background, colour = BADGE_COLOURS[kind]
    label.setText(text)
    label.setProperty("badge", kind)
    label.setStyleSheet(
        f"background: {background}; color: {colour}; border-radius: 9px; padding: 2px 9px; font-weight: 600;"
    )


def badge(kind: str = "todo", text: str = "") -> QLabel:
    label = QLabel()
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    set_badge(label, kind, text)
    return label


def qdate_to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def with_colon(label: str) -> str:
    """A field label followed by a colon, with French typography's no-break space before it."""
    return formatting.label(label, language())


def stored_number_error(setup: EnergirMeterSetup, key: SetupField) -> LocalizedText | None:
    """The rule a stored Énergir number breaks (e.g. a 12-character account number), or None."""
    check = _NUMBER_CHECKS.get(key)
    text = field_value(setup, key, language())
    if check is None or not text:
        return None
    return check(text).error


class ValueRow(QWidget):
    """A value to type in ESPM: its label, the meter's own value (selectable) and a Copy button."""

    copied = Signal(str)

    def __init__(self, step_id: str, key: SetupField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        # False on the stage whose form already names the problem beside the field: it is said once.
        self.show_problem = True
        self.label = QLabel(with_colon(loc(FIELD_LABELS[key])))
        self.label.setMinimumWidth(180)
        self.value = QLineEdit()
        self.value.setReadOnly(True)
        self.value.setObjectName(f"value_{step_id}_{key.value}")
        self.value.setMinimumWidth(220)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName(f"copy_{step_id}_{key.value}")
        self.copy_button.setToolTip(self.tr("Copy this value, then paste it in ESPM"))
        self.problem = QLabel()
        self.problem.setObjectName(f"problem_{step_id}_{key.value}")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.copy_button, 0, 2)
        grid.addWidget(self.problem, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.copy_button.clicked.connect(self._on_copy)

    def show_value(self, setup: EnergirMeterSetup) -> None:
        text = field_value(setup, self.key, language())
        self.value.setText(text)
        if not text:
            if self.key is SetupField.ACTIVE_DATE:
                self.value.setPlaceholderText(self.tr("Not set: enter it on the meter (Meters page)"))
            else:
                self.value.setPlaceholderText(self.tr("Not known yet: enter it in stage 1"))
        self.copy_button.setEnabled(bool(text))
        # The reason is given once, in the status panel (or beside the field in stage 1): here only where to act.
        error = stored_number_error(setup, self.key)
        shown = error is not None and self.show_problem
        self.problem.setVisible(shown)
        self.problem.setText(self.tr("ESPM will refuse this value: correct it in stage 1.") if shown else "")

    def _on_copy(self) -> None:
        text = self.value.text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.copied.emit(text)


class StepCard(QFrame):
    """One step of the guide: a tick box with the title, what to do in ESPM, and the values to type."""

    done_toggled = Signal(str, bool)
    record_requested = Signal(object, object)  # DataExchangeStatus, datetime.date

    def __init__(
        self, step: GuideStep, on_copied: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.step = step
        # A dot in an object name would read as a class selector in the style sheet.
        self.setObjectName(f"step_{step.id.replace('.', '_')}")
        self.setStyleSheet(CARD_STYLE.format(name=self.objectName()))
        self.check = QCheckBox(loc(step.title))
        self.check.setObjectName(f"done_{step.id}")
        self.check.setStyleSheet(CHECK_STYLE.format(colour="palette(text)"))
        self.check.toggled.connect(lambda on: self.done_toggled.emit(self.step.id, on))
        header = QHBoxLayout()
        header.addWidget(self.check, 1)
        self.here_badge = badge("current", self.tr("Continue here"))
        self.here_badge.hide()
        header.addWidget(self.here_badge)
        # The stage list's own "Done" (already translated there): one word for one state.
        self.done_badge = badge("done", "✓ " + QCoreApplication.translate("DataExchangePage", "Done", "step"))
        self.done_badge.setObjectName(f"done_badge_{step.id}")
        self.done_badge.hide()
        header.addWidget(self.done_badge)
        self.waiting_badge: QLabel | None = None
        if step.waits:
            self.waiting_badge = badge("partial", self.tr("Waiting for Énergir"))
            self.waiting_badge.setObjectName(f"waiting_badge_{step.id}")
            header.addWidget(self.waiting_badge)
        if step.seed_steps:
            numbers = ", ".join(str(n) for n in step.seed_steps)
            header.addWidget(badge("todo", self.tr("Guide step {0}").format(numbers)))
        self.instruction = QLabel(loc(step.instruction))
        self.instruction.setWordWrap(True)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instruction.setContentsMargins(24, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(header)
        layout.addWidget(self.instruction)
        self.rows: list[ValueRow] = []
        for key in step.fields:
            row = ValueRow(step.id, key)
            row.setContentsMargins(24, 0, 0, 0)
            row.copied.connect(on_copied)
            self.rows.append(row)
            layout.addWidget(row)
        self.record_status = STATUS_STEP.get(step.id)
        self.record_button: QPushButton | None = None
        self.record_date: QDateEdit | None = None
        if self.record_status is not None:
            self.record_date = QDateEdit(QDate.currentDate())
            self.record_date.setCalendarPopup(True)
            self.record_date.setDisplayFormat("yyyy-MM-dd")
            self.record_date.setObjectName(f"record_date_{step.id}")
            self.record_button = QPushButton(
                self.tr("Record “{0}” on this date").format(status_text(self.record_status))
            )
            self.record_button.setObjectName(f"record_{step.id}")
            self.record_button.clicked.connect(self._on_record)
            self.recorded = QLabel()
            self.recorded.setObjectName(f"recorded_{step.id}")
            self.recorded.setStyleSheet(f"color: {BADGE_COLOURS['done'][1]}; font-weight: 600;")
            line = QHBoxLayout()
            line.setContentsMargins(24, 4, 0, 0)
            line.addWidget(self.record_date)
            line.addWidget(self.record_button)
            line.addWidget(self.recorded)
            line.addStretch(1)
            layout.addLayout(line)

    def _on_record(self) -> None:
        if self.record_status is not None and self.record_date is not None:
            self.record_requested.emit(self.record_status, qdate_to_date(self.record_date.date()))

    def show_state(
        self, setup: EnergirMeterSetup, done: bool, locked: bool, current: bool, reached: bool
    ) -> None:
        """`locked`: done by the status or the stage-1 numbers, so it cannot be unticked by hand.

        `reached`: the status this card records is already reached (its button is then disabled).
        """
        self.check.blockSignals(True)
        self.check.setChecked(done)
        self.check.blockSignals(False)
        self.check.setEnabled(not locked)
        self.check.setToolTip(
            self.tr("Done: the meter's status or numbers show this step is behind you.") if locked else ""
        )
        self.here_badge.setVisible(current)
        self.done_badge.setVisible(done)
        if self.waiting_badge is not None:
            # Once the step is done, Énergir is no longer what it waits for.
            self.waiting_badge.setVisible(not done)
        style = CURRENT_CARD_STYLE if current else DONE_CARD_STYLE if done else CARD_STYLE
        self.setStyleSheet(style.format(name=self.objectName()))
        self.check.setStyleSheet(CHECK_STYLE.format(colour=DONE_TEXT if done else "palette(text)"))
        for row in self.rows:
            row.show_value(setup)
        if self.record_button is not None and self.record_date is not None and self.record_status is not None:
            self.record_button.setVisible(not reached)
            self.record_date.setVisible(not reached)
            self.recorded.setVisible(reached)
            day = setup.date_of(self.record_status)
            self.recorded.setText(
                self.tr("✓ “{0}” recorded on {1}").format(status_text(self.record_status), day.isoformat())
                if day
                else self.tr("✓ “{0}” reached").format(status_text(self.record_status))
            )
