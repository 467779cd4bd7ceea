"""A list page: a title, a table of records, and New / Edit / Delete buttons."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.records import RecordRefused
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FormDialog
from espm_desktop.ui.table_fill import cells_announced_once
from espm_desktop.ui.table_filter import SORT_ROLE, TableFilter, stretch_column

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_WIDTH_SAMPLE_ROWS = 200


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
    def save_with_dialog(self, dialog: FormDialog, save: Callable[[Mapping[str, Any]], int]) -> int | None:
        """Show the dialog until `save` (an app use case, one transaction) stores its values, or the user cancels;
        the record's id, or None.

        A value the database refuses (RecordRefused) is shown under the field it concerns; the user can correct
        it; nothing is saved.
        """
        while dialog.exec():
            try:
                with self.ctx.saving():
                    return save(dialog.result_values)
            except RecordRefused as exc:
                dialog.form.show_errors([exc.error])
        return None

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
        user_role = Qt.ItemDataRole.UserRole
        set_item = self.table.setItem
        decorate = self.decorate_item
        # One signal for the fill, not one per cell (half the time of a 1,000-property list).
        with cells_announced_once(self.table):
            for r, (_record_id, values) in enumerate(data):
                for c, value in enumerate(values):
                    item = QTableWidgetItem("" if value is None else str(value))
                    if isinstance(value, (int, float)) or (isinstance(value, str) and value[:1].isdigit()):
                        item.setTextAlignment(right)
                        if not isinstance(value, (str, bool)):
                            item.setData(SORT_ROLE, float(value))
                    if c == 0:
                        item.setData(user_role, _record_id)
                    decorate(_record_id, c, item)
                    set_item(r, c, item)
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
        from PySide6.QtWidgets import QMessageBox

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
