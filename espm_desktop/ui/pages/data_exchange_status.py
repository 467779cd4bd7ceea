"""The status panel of the Énergir assistant: the meter's status, a timeline with the date of each status, the
button to record the next one, and a warning when a stored number breaks ESPM's rules."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from espm_desktop.core.data_exchange import (
    STATUS_ORDER,
    EnergirMeterSetup,
    LocalizedText,
    SetupField,
    status_rank,
)
from espm_desktop.core.types import DataExchangeStatus
from espm_desktop.ui.forms import ERROR_STYLE
from espm_desktop.ui.pages.data_exchange_widgets import (
    BADGE_COLOURS,
    MUTED_STYLE,
    badge,
    loc,
    qdate_to_date,
    set_badge,
    status_text,
    stored_number_error,
)


class StatusPanel(QFrame):
    """Shows where the meter stands; asks the page to record the next status or to go back one."""

    record_next_requested = Signal(date)
    go_back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_frame")
        self.setStyleSheet("QFrame#status_frame { border: 1px solid #D5DBE1; border-radius: 6px; }")
        self.status_badge = badge()
        self.status_badge.setObjectName("status_badge")
        self.next_date = QDateEdit(QDate.currentDate())
        self.next_date.setObjectName("next_status_date")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_button = QPushButton()
        self.next_button.setObjectName("record_next_status")
        self.next_button.clicked.connect(
            lambda: self.record_next_requested.emit(qdate_to_date(self.next_date.date()))
        )
        self.back_button = QPushButton(self.tr("Go back one status…"))
        self.back_button.setObjectName("go_back_status")
        self.back_button.setToolTip(
            self.tr("For a status recorded by mistake, or after revoking Énergir's access")
        )
        self.back_button.clicked.connect(self.go_back_requested.emit)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Data-exchange status:")))
        top.addWidget(self.status_badge)
        top.addStretch(1)
        self.next_date_label = QLabel(self.tr("Date:"))
        top.addWidget(self.next_date_label)
        top.addWidget(self.next_date)
        top.addWidget(self.next_button)
        top.addWidget(self.back_button)
        self.timeline: dict[DataExchangeStatus, QLabel] = {}
        line = QHBoxLayout()
        line.setSpacing(4)
        for i, status in enumerate(STATUS_ORDER[1:]):
            if i:
                arrow = QLabel("→")
                arrow.setStyleSheet(MUTED_STYLE)
                line.addWidget(arrow)
            chip = QLabel()
            chip.setObjectName(f"timeline_{status.value}")
            chip.setWordWrap(True)
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.timeline[status] = chip
            line.addWidget(chip, 1)
        self.status_error = QLabel()
        self.status_error.setObjectName("status_error")
        self.status_error.setStyleSheet(ERROR_STYLE)
        self.status_error.setWordWrap(True)
        self.status_error.hide()
        self.numbers_warning = QLabel()
        self.numbers_warning.setObjectName("numbers_warning")
        self.numbers_warning.setStyleSheet(ERROR_STYLE)
        self.numbers_warning.setWordWrap(True)
        self.numbers_warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addLayout(line)
        layout.addWidget(self.status_error)
        layout.addWidget(self.numbers_warning)
        self._problems: list[LocalizedText] = []
        self._form_shown = False

    def show_error(self, text: str) -> None:
        """A refused status change (named by core.data_exchange), or '' to clear it."""
        self.status_error.setText(text)
        self.status_error.setVisible(bool(text))

    def set_numbers_form_shown(self, shown: bool) -> None:
        """While stage 1's form is on screen it names each problem beside its field: the panel says nothing."""
        self._form_shown = shown
        self.numbers_warning.setVisible(bool(self._problems) and not shown)

    @property
    def has_number_problems(self) -> bool:
        return bool(self._problems)

    def show_setup(self, setup: EnergirMeterSetup) -> None:
        """The status, the date of each status reached, the next one to record, and numbers ESPM would refuse."""
        self._problems = [
            error
            for key in (SetupField.ACCOUNT_NUMBER, SetupField.INVOICE_NUMBER, SetupField.METER_NUMBER)
            if (error := stored_number_error(setup, key)) is not None
        ]
        self.numbers_warning.setVisible(bool(self._problems) and not self._form_shown)
        self.numbers_warning.setText(
            self.tr("ESPM will refuse a number stored for this meter; correct it in stage 1:")
            + "".join(f"\n• {loc(p)}" for p in self._problems)
        )
        rank = status_rank(setup.status)
        kind = "done" if setup.status is not DataExchangeStatus.NOT_STARTED else "todo"
        set_badge(self.status_badge, kind, status_text(setup.status))
        for status, chip in self.timeline.items():
            day = setup.date_of(status)
            reached = status_rank(status) <= rank
            state = "done" if reached else ("current" if status_rank(status) == rank + 1 else "todo")
            background, colour = BADGE_COLOURS[state]
            chip.setStyleSheet(
                f"background: {background}; color: {colour}; border-radius: 6px; padding: 3px;"
            )
            when = day.isoformat() if day else ("✓" if reached else "—")
            chip.setText(f"{status_text(status)}\n{when}")
        following = STATUS_ORDER[rank + 1] if rank + 1 < len(STATUS_ORDER) else None
        self.next_button.setVisible(following is not None)
        self.next_date.setVisible(following is not None)
        self.next_date_label.setVisible(following is not None)
        if following is not None:
            self.next_button.setText(self.tr("Record “{0}”").format(status_text(following)))
        self.back_button.setEnabled(rank > 0)
