"""Stage 1 of the assistant: the numbers from the latest Énergir bill, checked as they are typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.data_exchange import (
    FIELD_LABELS,
    EnergirMeterSetup,
    FieldCheck,
    SetupField,
)
from espm_desktop.core.validation import check_energir_number
from espm_desktop.ui.forms import ERROR_STYLE
from espm_desktop.ui.pages.data_exchange_widgets import NOTICE_STYLE, loc, with_colon

Validator = Callable[[str], FieldCheck]

# The same checks as the meter dialog's (core.validation): one rule per number.
_CHECKS: dict[SetupField, Validator] = {
    key: partial(check_energir_number, key)
    for key in (
        SetupField.ACCOUNT_NUMBER,
        SetupField.INVOICE_NUMBER,
        SetupField.METER_NUMBER,
        SetupField.INITIAL_LOAD_MONTHS,
    )
}


@dataclass(frozen=True)
class NumbersEntry:
    """What the form holds once every typed value passed its check (numbers may still be empty)."""

    account_number: str
    invoice_number: str
    meter_number: str
    initial_load_months: int
    share_downstream: bool


class NumbersForm(QFrame):
    """Account, invoice and meter numbers, initial load and share downstream, with a message per field."""

    save_requested = Signal(object)  # NumbersEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbers_form")
        self.setStyleSheet("QFrame#numbers_form { border: 1px solid #D5DBE1; border-radius: 6px; }")
        intro = QLabel(
            self.tr(
                "Type the numbers as they appear on your latest Énergir bill. They are checked with the "
                "guide's rules as you type and saved on this meter; the next stages show them with a Copy button."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        hints = {
            SetupField.ACCOUNT_NUMBER: self.tr("10 or 11 characters, no spaces"),
            SetupField.INVOICE_NUMBER: self.tr("12 characters, no spaces"),
            SetupField.METER_NUMBER: self.tr("7 to 18 characters, no spaces (section A of the bill)"),
            SetupField.INITIAL_LOAD_MONTHS: self.tr("0 to 24 months of history (0 for none)"),
        }
        self.editors: dict[SetupField, QLineEdit] = {}
        self.errors: dict[SetupField, QLabel] = {}
        self.notices: dict[SetupField, QLabel] = {}
        self._cleaned: dict[SetupField, str] = {}
        for key in _CHECKS:
            editor = QLineEdit()
            editor.setObjectName(f"field_{key.value}")
            editor.setPlaceholderText(hints[key])
            editor.setMaxLength(40)
            error = QLabel()
            error.setObjectName(f"error_{key.value}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            notice = QLabel()
            notice.setObjectName(f"notice_{key.value}")
            notice.setStyleSheet(NOTICE_STYLE)
            notice.setWordWrap(True)
            notice.hide()
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(editor)
            inner.addWidget(notice)
            inner.addWidget(error)
            form.addRow(with_colon(loc(FIELD_LABELS[key])), box)
            self.editors[key] = editor
            self.errors[key] = error
            self.notices[key] = notice
            editor.textChanged.connect(lambda _text, k=key: self.check(k))
        self.share_downstream = QCheckBox(self.tr("Yes: let Énergir share this property with others"))
        self.share_downstream.setObjectName("field_share_downstream")
        form.addRow(with_colon(loc(FIELD_LABELS[SetupField.SHARE_DOWNSTREAM])), self.share_downstream)
        self.save_button = QPushButton(self.tr("Save the numbers"))
        self.save_button.setObjectName("save_numbers")
        self.result = QLabel()
        self.result.setObjectName("numbers_result")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save)

    def show_setup(self, setup: EnergirMeterSetup) -> None:
        """Fill the editors from the stored meter and check them, so a stored value that breaks a rule shows."""
        values = {
            SetupField.ACCOUNT_NUMBER: setup.account_number,
            SetupField.INVOICE_NUMBER: setup.invoice_number,
            SetupField.METER_NUMBER: setup.meter_number,
            SetupField.INITIAL_LOAD_MONTHS: str(setup.initial_load_months),
        }
        self._cleaned.clear()
        for key, text in values.items():
            self.notices[key].hide()
            self.editors[key].setText(text)
            self.check(key)
        self.share_downstream.setChecked(setup.share_downstream)
        self.result.clear()

    def check(self, key: SetupField, show_missing: bool = False) -> FieldCheck:
        """Check one field as typed; spaces are removed from the numbers and the user told so."""
        editor = self.editors[key]
        outcome = _CHECKS[key](editor.text())
        notice = self.notices[key]
        if outcome.notice is not None and isinstance(outcome.value, str):
            self._cleaned[key] = outcome.value
            editor.blockSignals(True)
            editor.setText(outcome.value)
            editor.blockSignals(False)
            notice.setText(loc(outcome.notice))
            notice.show()
        elif editor.text() != self._cleaned.get(key):
            # Keep the "spaces removed" note while the cleaned number is still the one in the field.
            notice.hide()
        error = self.errors[key]
        missing = not editor.text().strip()
        show = outcome.error is not None and (show_missing or not missing)
        error.setText(loc(outcome.error) if outcome.error is not None and show else "")
        error.setVisible(show)
        return outcome

    def entry(self) -> NumbersEntry | None:
        """The values to store, or None (with every error shown) when one breaks its rule.

        Empty numbers are allowed, so a manager can save what the bill in hand shows and finish later.
        """
        outcomes = {key: self.check(key) for key in _CHECKS}
        bad = [
            key
            for key, outcome in outcomes.items()
            if outcome.error is not None
            and (key is SetupField.INITIAL_LOAD_MONTHS or self.editors[key].text().strip())
        ]
        if bad:
            for key in bad:
                self.check(key, show_missing=True)
            return None
        months = outcomes[SetupField.INITIAL_LOAD_MONTHS].value
        assert isinstance(months, int)
        return NumbersEntry(
            account_number=self.editors[SetupField.ACCOUNT_NUMBER].text().strip(),
            invoice_number=self.editors[SetupField.INVOICE_NUMBER].text().strip(),
            meter_number=self.editors[SetupField.METER_NUMBER].text().strip(),
            initial_load_months=months,
            share_downstream=self.share_downstream.isChecked(),
        )

    def missing_labels(self) -> list[str]:
        return [
            loc(FIELD_LABELS[key])
            for key in (SetupField.ACCOUNT_NUMBER, SetupField.INVOICE_NUMBER, SetupField.METER_NUMBER)
            if not self.editors[key].text().strip()
        ]

    def _on_save(self) -> None:
        entry = self.entry()
        if entry is None:
            self.result.setStyleSheet(ERROR_STYLE)
            self.result.setText(self.tr("Not saved: correct the fields in red."))
            return
        self.save_requested.emit(entry)

    def show_saved(self) -> None:
        missing = self.missing_labels()
        self.result.setStyleSheet(NOTICE_STYLE)
        if missing:
            self.result.setText(self.tr("Saved. Still missing: {0}.").format(", ".join(missing)))
        else:
            self.result.setText(self.tr("Saved on the meter."))
