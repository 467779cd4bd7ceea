"""A small form builder: fields declared once, values read and checked, errors shown beside the field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeyEvent, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import current_language, message
from espm_desktop.core.numbers import decimal_mark_for, format_number, parse_decimal_text

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "color: #b00020;"


@dataclass
class FieldSpec:
    key: str
    label: str
    kind: str = "text"  # text | float | int | date | optional_date | combo | bool
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label) for combos
    placeholder: str = ""


def is_year_field(spec: FieldSpec) -> bool:
    """A year ('year_built', 'objective_year'): shown as 1988, never 1,988."""
    return spec.kind == "int" and "year" in spec.key.split("_")


def parse_form_number(text: str, language: str) -> Decimal | None:
    """A number as the form shows it in `language` (English 1,234.5 or 1,988; French 1 234,5), or as typed:
    the one decimal-mark rule (core.numbers), a lone '1,234' read with the form language's mark."""
    return parse_decimal_text(text, decimal_mark_for(language))


# A date typed whole: 2024-01-31, or 31/01/2024 (day first, as in Québec).
_WHOLE_DATE = re.compile(r"^(\d{4}[-/.]\d{2}[-/.]\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$")


class _DateCalendar(QCalendarWidget):
    """The popup calendar of a date field: an empty field opens on today's month, not on January 1900."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.selectedDate() <= NO_DATE:
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())


class FormDateEdit(QDateEdit):
    """A date field that accepts a date typed whole, as 2024-01-31 or 31/01/2024; optional ones may be empty."""

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setCalendarWidget(_DateCalendar())
        self.setDisplayFormat("yyyy-MM-dd")
        if optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText("—")
            self.setDate(NO_DATE)
        else:
            self.setDate(QDate.currentDate())

    @staticmethod
    def _typed(text: str) -> str:
        return text.strip().lstrip("—").strip()

    def _parse(self, text: str) -> date | None:
        # The one date rule, shared with the bills grid and paste (imported here: bills_rules imports forms).
        from espm_desktop.ui.bills_rules import parse_date_text

        return parse_date_text(self._typed(text))

    def validate(self, text: str, pos: int) -> object:  # Qt override
        typed = self._typed(text)
        if not typed:
            state = QValidator.State.Acceptable if self.optional else QValidator.State.Intermediate
            return state, text, pos
        try:
            day = self._parse(typed)
        except ValueError:
            ok = re.fullmatch(r"[\d/\-. ]*", typed) is not None
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        if day is None or (self.optional and day <= date(1900, 1, 1)) or not _WHOLE_DATE.match(typed):
            # '2024-05-3' may still become '2024-05-31': Acceptable now would reformat it while being typed.
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:  # noqa: D102 (Qt override)
        # '2024-5-3', left as typed, is read when the field is left.
        try:
            day = self._parse(text)
        except ValueError:
            return text
        return day.isoformat() if day is not None else text

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 (Qt override)
        try:
            day = self._parse(text)
        except ValueError:
            day = None
        if day is None:
            return QDateTime(NO_DATE if self.optional else self.date(), QTime(0, 0))
        return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        text = event.text()
        shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and not shortcut:
            # Typed as text, read when the field is left: Qt's date sections would swallow the '-' and '/'
            # ('20210416'), and typing over the empty mark '—' gave '—20210416'.
            line = self.lineEdit()
            if self.optional and line.text() == self.specialValueText():
                line.clear()
            line.insert(text)
            return
        super().keyPressEvent(event)


class FormWidget(QWidget):
    """Builds editors for FieldSpecs, reads typed values and shows per-field errors."""

    def __init__(self, specs: list[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.key: s for s in specs}
        # Numbers are shown and read in the language the form was built in: what it shows, it accepts.
        self.language = current_language()
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in specs:
            editor = self._make_editor(spec)
            editor.setObjectName(f"field_{spec.key}")
            self.editors[spec.key] = editor
            error = QLabel()
            error.setObjectName(f"error_{spec.key}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.error_labels[spec.key] = error
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(editor)
            inner.addWidget(error)
            label = spec.label + (" *" if spec.required else "")
            layout.addRow(label, box)

    def _make_editor(self, spec: FieldSpec) -> QWidget:
        if spec.kind in ("date", "optional_date"):
            return FormDateEdit(optional=spec.kind == "optional_date")
        if spec.kind == "combo":
            combo = QComboBox()
            for value, label in spec.choices:
                combo.addItem(label, value)
            return combo
        if spec.kind == "bool":
            return QCheckBox()
        line = QLineEdit()
        if spec.placeholder:
            line.setPlaceholderText(spec.placeholder)
        return line

    # -- values ---------------------------------------------------------------------------------------------
    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        spec = self.specs[key]
        if isinstance(editor, QDateEdit):
            editor.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QLineEdit):
            if value is None:
                editor.setText("")
            elif is_year_field(spec) and isinstance(value, (int, float, Decimal)):
                editor.setText(str(int(value)))
            elif spec.kind in ("float", "int") and isinstance(value, (int, float, Decimal)):
                decimals = 0 if float(value).is_integer() else 2
                editor.setText(format_number(value, self.language, decimals).replace("\u00a0", " "))
            else:
                editor.setText(str(value))

    def raw_text(self, key: str) -> str:
        editor = self.editors[key]
        return editor.text() if isinstance(editor, QLineEdit) else ""

    def values(self) -> tuple[dict[str, Any], list[FieldError]]:
        """Typed values, plus errors for required fields left empty and numbers that cannot be read."""
        out: dict[str, Any] = {}
        errors: list[FieldError] = []
        for key, spec in self.specs.items():
            editor = self.editors[key]
            if isinstance(editor, QDateEdit):
                qd = editor.date()
                out[key] = None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day())
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if spec.kind in ("float", "int"):
                    try:
                        number = parse_form_number(text, self.language)
                    except ValueError:
                        out[key] = None
                        errors.append(
                            FieldError(
                                key,
                                message(
                                    "{label}: “{text}” is not a number. Type digits, e.g. 1300 or 1 300,5.",
                                    label=spec.label,
                                    text=text,
                                ),
                            )
                        )
                        continue
                    if spec.kind == "int" and number is not None and number != number.to_integral_value():
                        out[key] = None
                        errors.append(
                            FieldError(
                                key,
                                message(
                                    "{label}: “{text}” must be a whole number.", label=spec.label, text=text
                                ),
                            )
                        )
                        continue
                    out[key] = (
                        None if number is None else (int(number) if spec.kind == "int" else float(number))
                    )
                else:
                    out[key] = text
            if spec.required and out.get(key) in (None, "") and not any(e.field == key for e in errors):
                errors.append(FieldError(key, message("{label} is required.", label=spec.label)))
        return out, errors

    def show_errors(self, errors: list[FieldError]) -> None:
        language = current_language()
        by_field: dict[str, list[str]] = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(e.message(language))
        for key, label in self.error_labels.items():
            messages = by_field.get(key)
            label.setText("\n".join(messages or []))
            label.setVisible(bool(messages))
            # A wrapped label in a form row does not ask for its height by itself: give it what it needs.
            width = max(self.editors[key].width(), 320)
            label.setMinimumHeight(label.heightForWidth(width - 40) + 4 if messages else 0)
            self.editors[key].setStyleSheet("border: 1px solid #b00020;" if messages else "")
        first = next((k for k in self.specs if k in by_field), None)
        if first:
            self.editors[first].setFocus()


class FormDialog(QDialog):
    """A dialog around a FormWidget; `validate` returns extra errors (core rules) for the typed values."""

    def __init__(self, title: str, specs: list[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = FormWidget(specs)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        note = QLabel(self.tr("Fields marked * are required."))
        note.setAlignment(Qt.AlignmentFlag.AlignRight)
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.result_values: dict[str, Any] = {}
        self.setMinimumWidth(620)

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        return []

    def _on_accept(self) -> None:
        values, errors = self.form.values()
        # Report every problem at once: the domain rules run on whatever could be read.
        unreadable = {e.field for e in errors}
        errors += [e for e in self.validate(values) if e.field not in unreadable]
        self.form.show_errors(errors)
        if errors:
            self.adjustSize()
            return
        self.result_values = values
        self.accept()
