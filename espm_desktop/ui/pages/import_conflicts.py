"""The import dialog's conflicts: rows whose period is stored with other values, each with Keep/Replace."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.bill_import_files import BillConflict, ConflictChoice, RowRef
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number

CONFLICT_COLUMNS = (
    "file",
    "row",
    "meter",
    "period",
    "stored_usage",
    "stored_cost",
    "file_usage",
    "file_cost",
    "choice",
)
"""Columns of the conflict table, in order."""


def _usage_text(value: float, language: str) -> str:
    """A usage with as many decimals as it has (up to 6): two values that differ must look different."""
    text = repr(float(value))
    decimals = 0 if "e" in text or "n" in text else min(len(text.partition(".")[2].rstrip("0")), 6)
    return format_number(value, language, decimals)


def _cost_text(value: Decimal | None, language: str) -> str:
    return "" if value is None else format_number(value, language, 2)


class ConflictBox(QGroupBox):
    """The table of conflicts with a choice each, and buttons that choose for every row; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bills stored with other values"))
        self.setObjectName("import_conflict_box")
        self.intro = QLabel(
            self.tr(
                "These rows are for a meter and period already stored (or already in an earlier row) with a "
                "different usage or cost. Choose for each row: keep the stored bill, or replace it with the "
                "file's values."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(CONFLICT_COLUMNS))
        self.table.setObjectName("import_conflicts")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Row"),
                self.tr("Meter"),
                self.tr("Period"),
                self.tr("Stored usage"),
                self.tr("Stored cost"),
                self.tr("File usage"),
                self.tr("File cost"),
                self.tr("Choice"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_all_button = QPushButton(self.tr("Keep all stored"))
        self.keep_all_button.setObjectName("keep_all_conflicts")
        self.keep_all_button.clicked.connect(lambda: self.choose_all(ConflictChoice.KEEP))
        self.replace_all_button = QPushButton(self.tr("Replace all with the file's"))
        self.replace_all_button.setObjectName("replace_all_conflicts")
        self.replace_all_button.clicked.connect(lambda: self.choose_all(ConflictChoice.REPLACE))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_all_button)
        buttons.addWidget(self.replace_all_button)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.hide()
        self.refs: list[RowRef] = []

    def fill(self, conflicts: list[BillConflict]) -> None:
        """One row per conflict, each with the choice it proposes."""
        lang = current_language()
        table = self.table
        table.setRowCount(len(conflicts))
        self.refs = [c.ref for c in conflicts]
        for r, c in enumerate(conflicts):
            stored_usage = _usage_text(c.stored_usage, lang)
            if c.earlier_row is not None:
                stored_usage = self.tr("{0} (row {1})").format(stored_usage, c.earlier_row)
            texts = (
                c.file,
                str(c.row),
                f"{c.property_name} — {c.meter_name}",
                f"{c.start.isoformat()} – {c.end.isoformat()}",
                f"{stored_usage} {c.unit}",
                _cost_text(c.stored_cost, lang),
                f"{_usage_text(c.file_usage, lang)} {c.unit}",
                _cost_text(c.file_cost, lang),
            )
            for column, text in enumerate(texts):
                table.setItem(r, column, QTableWidgetItem(text))
            choice = QComboBox()
            choice.setObjectName(f"conflict_choice_{r}")
            choice.addItem(self.tr("Keep"), ConflictChoice.KEEP.value)
            choice.addItem(self.tr("Replace"), ConflictChoice.REPLACE.value)
            choice.setCurrentIndex(1 if c.choice is ConflictChoice.REPLACE else 0)
            table.setCellWidget(r, CONFLICT_COLUMNS.index("choice"), choice)
        self.setVisible(bool(conflicts))

    def _choice_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, CONFLICT_COLUMNS.index("choice"))
        assert isinstance(combo, QComboBox)
        return combo

    def choose(self, row: int, choice: ConflictChoice) -> None:
        """Set the choice of the conflict table's `row` (0-based), as its combo box does."""
        combo = self._choice_combo(row)
        combo.setCurrentIndex(combo.findData(choice.value))

    def choose_all(self, choice: ConflictChoice) -> None:
        for row in range(self.table.rowCount()):
            self.choose(row, choice)

    def choices(self) -> dict[RowRef, ConflictChoice]:
        """The choice shown for each listed conflict, by file, sheet and row."""
        return {
            ref: ConflictChoice(str(self._choice_combo(r).currentData())) for r, ref in enumerate(self.refs)
        }
