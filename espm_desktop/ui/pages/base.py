"""A list page: a title, a table of records, and New / Edit / Delete buttons."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.i18n import message
from espm_desktop.core.validation import FieldError
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FormDialog
from espm_desktop.ui.table_filter import SORT_ROLE, TableFilter, stretch_column

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_WIDTH_SAMPLE_ROWS = 200

Row = TypeVar("Row")

_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)", re.IGNORECASE)
_CHECK = re.compile(r"CHECK constraint failed: (\w+)", re.IGNORECASE)
_NOT_NULL = re.compile(r"NOT NULL constraint failed: \w+\.(\w+)", re.IGNORECASE)


def integrity_field_error(
    exc: Exception, model: type[Any], conflict: FieldError, fields: list[str]
) -> FieldError:
    """The form error for a refused save, read from SQLite's message: which constraint failed, on which column.

    `conflict` is only claimed when the failed UNIQUE constraint includes `conflict.field`.
    """
    text = str(getattr(exc, "orig", None) or exc)
    fallback = conflict.field if conflict.field in fields else (fields[0] if fields else conflict.field)
    if m := _UNIQUE.search(text):
        columns = [c.strip().split(".")[-1] for c in m.group(1).split(",")]
        if conflict.field in columns:
            return conflict
        where = next((c for c in columns if c in fields), fallback)
        shown = ", ".join(columns)
        return FieldError(
            where,
            message(
                "Another record already has this value ({columns}). Enter a different one.", columns=shown
            ),
            "unique_conflict",
            {"columns": shown},
        )
    if m := _CHECK.search(text):
        name = m.group(1)
        rule = _check_text(model, name)
        where = next((f for f in fields if f in rule or f in name), fallback)
        return FieldError(
            where,
            message(
                "The database refuses this value (rule “{constraint}”: {rule}). Correct it and save again.",
                constraint=name,
                rule=rule,
            ),
            "check_failed",
            {"constraint": name, "rule": rule},
        )
    if (m := _NOT_NULL.search(text)) and m.group(1) in fields:
        return FieldError(m.group(1), message("This value is required."), "not_null", {"column": m.group(1)})
    return FieldError(
        fallback,
        message("The database refused these values ({detail}). Nothing was saved.", detail=text),
        "integrity_error",
        {"detail": text},
    )


def _check_text(model: type[Any], name: str) -> str:
    """The SQL of the CHECK constraint `name` on the model's table, or the name itself."""
    table = getattr(model, "__table__", None)
    for constraint in getattr(table, "constraints", ()):
        # The naming convention may prefix the name ('ck_meter_initial_load_range').
        full = str(getattr(constraint, "name", None) or "")
        if hasattr(constraint, "sqltext") and (
            full == name or full.endswith(f"_{name}") or name.endswith(full)
        ):
            return str(constraint.sqltext)
    return name


class RecordTablePage(QWidget):
    """Subclasses fill `headers()` and `rows()`, and implement create/edit/delete for one record id."""

    page_id = ""
    record_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName(f"{self.page_id}_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # The name column takes the spare width; a click on a header sorts, the box above filters.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table_filter = TableFilter(self.table, self.page_id or "records")
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button, name in (
            (self.new_button, "new"),
            (self.edit_button, "edit"),
            (self.delete_button, "delete"),
        ):
            button.setObjectName(f"{self.page_id}_{name}")
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.new_button)
        self.toolbar.addWidget(self.edit_button)
        self.toolbar.addWidget(self.delete_button)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.table_filter.edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        self.header_area = QVBoxLayout()
        layout.addLayout(self.header_area)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self._on_new)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._on_edit())

    # -- to override ----------------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> list[tuple[int, list[Any]]]:
        raise NotImplementedError

    def create_record(self) -> int | None:
        raise NotImplementedError

    def edit_record(self, record_id: int) -> bool:
        raise NotImplementedError

    def delete_record(self, record_id: int) -> None:
        raise NotImplementedError

    def describe(self, record_id: int) -> str:
        return str(record_id)

    def can_create(self) -> bool:
        return True

    def decorate_item(self, record_id: int, column: int, item: QTableWidgetItem) -> None:
        """Hook to colour or annotate a cell after it is filled."""

    # -- shared record plumbing --------------------------------------------------------------------------------
    def load_row(self, model: type[Row], record_id: int) -> Row | None:
        with self.ctx.session() as s:
            return s.get(model, record_id)

    def delete_row(self, model: type[Any], record_id: int) -> None:
        with self.ctx.saving(), self.ctx.session() as s, s.begin():
            row = s.get(model, record_id)
            if row is not None:
                s.delete(row)

    def save_with_dialog(
        self, dialog: FormDialog, row: Any, apply: Callable[[Any, dict[str, Any]], None], conflict: FieldError
    ) -> bool:
        """Show the dialog until the values are saved (one transaction) or the user cancels.

        A clash on the unique key named by `conflict.field` is shown as `conflict`; any other refused value is
        shown under the field the failed constraint names. The user can correct it; nothing is saved.
        """
        from sqlalchemy.exc import IntegrityError

        while dialog.exec():
            try:
                with self.ctx.saving(), self.ctx.session() as s, s.begin():
                    target = s.merge(row) if row.id else row
                    apply(target, dialog.result_values)
                    s.add(target)
                    s.flush()
                    row.id = target.id
            except IntegrityError as exc:
                dialog.form.show_errors(
                    [integrity_field_error(exc, type(row), conflict, list(dialog.form.specs))]
                )
                continue
            return True
        return False

    # -- behaviour ------------------------------------------------------------------------------------------
    def row_id(self, row: int) -> int | None:
        """The record shown on a table row (kept in its first cell, so it follows the row when sorted)."""
        item = self.table.item(row, 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    @property
    def _ids(self) -> list[int | None]:
        """The record ids in the order the rows are shown."""
        return [self.row_id(r) for r in range(self.table.rowCount())]

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.row_id(rows[0].row())

    def select_id(self, record_id: int | None) -> None:
        if record_id is not None and record_id in self._ids:
            self.table.selectRow(self._ids.index(record_id))

    def refresh(self) -> None:
        keep = self.selected_id()
        headers = self.headers()
        data = self.rows()
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(data))
        right = _RIGHT  # (a flag combined once: PySide's enum `|` is Python code)
        for r, (_record_id, values) in enumerate(data):
            for c, value in enumerate(values):
                item = QTableWidgetItem("" if value is None else str(value))
                if isinstance(value, (int, float)) or (isinstance(value, str) and value[:1].isdigit()):
                    item.setTextAlignment(right)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    item.setData(SORT_ROLE, float(value))
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, _record_id)
                self.decorate_item(_record_id, c, item)
                self.table.setItem(r, c, item)
        self.table_filter.apply()
        # Widths from the first rows, not all of a 1,000-property list (Qt's default measures 1,000 rows).
        self.table.horizontalHeader().setResizeContentsPrecision(_WIDTH_SAMPLE_ROWS)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for c in range(1, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        stretch_column(self.table, 0)
        self.table.blockSignals(False)
        self.new_button.setEnabled(self.can_create() and not self.ctx.read_only)
        if self.ctx.read_only:
            self.new_button.setToolTip(self.read_only_reason())
        elif not self.new_button.isEnabled():
            self.new_button.setToolTip(self.cannot_create_reason())
        else:
            self.new_button.setToolTip("")
        if keep is not None:
            self.select_id(keep)
        self._update_buttons()

    def read_only_reason(self) -> str:
        return self.tr("Read-only database: it can be read and exported, not changed.")

    def cannot_create_reason(self) -> str:
        """Why New is disabled when the database can be written (a page that needs a choice first says which)."""
        return self.tr("Choose a property above first.")

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None and not self.ctx.read_only
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if self.ctx.read_only:
            reason = self.read_only_reason()
        elif not has:
            reason = self.tr("Select a row first.")
        else:
            reason = ""
        self.edit_button.setToolTip(reason)
        self.delete_button.setToolTip(reason)

    def _on_selection_changed(self) -> None:
        self._update_buttons()
        record_id = self.selected_id()
        if record_id is not None:
            self.record_activated.emit(record_id)

    def _on_new(self) -> None:
        new_id = self.create_record()
        if new_id is not None:
            self.ctx.data_changed.emit()
            self.refresh()
            self.select_id(new_id)

    def _on_edit(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and self.edit_record(record_id):
            self.ctx.data_changed.emit()
            self.refresh()

    def _on_delete(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete {0}? This cannot be undone.").format(self.describe(record_id)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a destructive question defaults to No
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_record(record_id)
            self.ctx.data_changed.emit()
            self.refresh()
