"""The import dialog's column mapping: one combo per field the import needs, for a file that is not ESPM's."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.bill_import_files import ColumnMapping, Field, MappingRequired, field_label
from espm_desktop.core.i18n import current_language

MAPPED_FIELDS = (
    Field.PROPERTY_NAME,
    Field.PROPERTY_ID,
    Field.METER_NAME,
    Field.METER_ID,
    Field.METER_TYPE,
    Field.START,
    Field.END,
    Field.DELIVERY_DATE,
    Field.USAGE,
    Field.UNIT,
    Field.COST,
    Field.ESTIMATED,
)

# Fields a one-meter utility file often lacks: the user may type one value for every row.
FIXABLE_FIELDS = frozenset({Field.PROPERTY_NAME, Field.METER_NAME, Field.METER_TYPE, Field.UNIT})


def mapping_key(headers: list[str]) -> str:
    """Settings key of a remembered mapping: the same headers (any case) get the same mapping back."""
    text = "\x1f".join(h.strip().casefold() for h in headers)
    return "import/mappings/" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _field_label(f: Field) -> str:
    return field_label(f, current_language())


class MappingPanel(QGroupBox):
    """One combo per target field (a header of the file, or nothing) and a value for fields the file lacks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapping_panel")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.combos: dict[Field, QComboBox] = {}
        self.values: dict[Field, QLineEdit] = {}
        for f in MAPPED_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{f.value}")
            self.combos[f] = combo
            row = QHBoxLayout()
            row.addWidget(combo, 2)
            if f in FIXABLE_FIELDS:
                edit = QLineEdit()
                edit.setObjectName(f"fixed_{f.value}")
                edit.setPlaceholderText(self.tr("or one value for every row"))
                self.values[f] = edit
                row.addWidget(edit, 1)
            self.form.addRow(_field_label(f), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        self.path: Path | None = None
        self.request: MappingRequired | None = None

    def show_for(self, path: Path, request: MappingRequired, remembered: ColumnMapping | None) -> None:
        self.path, self.request = path, request
        self.setTitle(self.tr("Columns of {0}").format(path.name))
        self.intro.setText(
            self.tr(
                "This file is not an ESPM spreadsheet. Choose which column holds each field (sheet '{0}'). "
                "Start date, end date (or delivery date), usage, unit and the property are needed."
            ).format(request.sheet)
        )
        chosen = dict(remembered.columns) if remembered else dict(request.proposed)
        fixed = dict(remembered.fixed) if remembered else {}
        for f, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for header in request.headers:
                if header:
                    combo.addItem(header, header)
            index = combo.findData(chosen.get(f.value, ""))
            combo.setCurrentIndex(max(index, 0))
        for f, edit in self.values.items():
            edit.setText(fixed.get(f.value, ""))
        self.show()

    def mapping(self) -> ColumnMapping:
        columns = {f.value: str(c.currentData()) for f, c in self.combos.items() if c.currentData()}
        fixed = {f.value: e.text().strip() for f, e in self.values.items() if e.text().strip()}
        return ColumnMapping(columns=columns, fixed=fixed, sheet=self.request.sheet if self.request else None)
