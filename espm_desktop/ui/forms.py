"""A small form builder: fields declared once, values read and checked, errors shown beside the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
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

from espm_desktop.core.numbers import format_number, parse_decimal_text
from espm_desktop.core.validation import FieldError

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


def current_language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


class FormWidget(QWidget):
    """Builds editors for FieldSpecs, reads typed values and shows per-field errors."""

    def __init__(self, specs: list[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.key: s for s in specs}
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
            editor = QDateEdit()
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            if spec.kind == "optional_date":
                editor.setMinimumDate(NO_DATE)
                editor.setSpecialValueText("—")
                editor.setDate(NO_DATE)
            else:
                editor.setDate(QDate.currentDate())
            return editor
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
            elif spec.kind in ("float", "int") and isinstance(value, (int, float, Decimal)):
                decimals = 0 if float(value).is_integer() else 2
                editor.setText(format_number(value, current_language(), decimals).replace("\u00a0", " "))
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
                        number = parse_decimal_text(text)
                    except ValueError:
                        out[key] = None
                        errors.append(
                            FieldError(
                                key,
                                f"{spec.label}: “{text}” is not a number. Type digits, e.g. 1300 or 1 300,5.",
                                f"{spec.label} : « {text} » n'est pas un nombre. Saisissez des chiffres, p. ex. 1300 ou "
                                "1 300,5.",
                            )
                        )
                        continue
                    if spec.kind == "int" and number is not None and number != number.to_integral_value():
                        out[key] = None
                        errors.append(
                            FieldError(
                                key,
                                f"{spec.label}: “{text}” must be a whole number.",
                                f"{spec.label} : « {text} » doit être un nombre entier.",
                            )
                        )
                        continue
                    out[key] = (
                        None if number is None else (int(number) if spec.kind == "int" else float(number))
                    )
                else:
                    out[key] = text
            if spec.required and out.get(key) in (None, "") and not any(e.field == key for e in errors):
                errors.append(FieldError(key, f"{spec.label} is required.", f"{spec.label} est obligatoire."))
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
