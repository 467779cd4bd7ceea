"""Sort by a header click and filter as you type, for any QTableWidget, with the sort remembered per table.

The helper sorts the rows itself (it never turns on QTableWidget's own sorting), so a page can fill its table row by
row as before: the rows are put back in the chosen order after each fill, and a page that reads a record id from
an item's data finds the right record whatever the order. Numbers typed the Québec or English way sort as
numbers, ISO dates as dates, text without regard to case or accents; empty cells go last.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem

from espm_desktop.core.i18n import current_language
from espm_desktop.ui.settings import AppSettings

# A cell may carry its own sort value here (a number, a date or a string) when its text is not enough.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_NUMBER = re.compile(r"^[\s(]*[-+]?[$€]?\s*\d[\d\s\u00a0\u202f\u2009.,']*\s*[$€%]?\s*\)?$")


def fold(text: str) -> str:
    """Text for matching: no case, no accents, ordinary spaces ('Énergir' and 'energir' are equal)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def sort_key(value: Any) -> tuple[int, Any]:
    """Numbers first (by value), then dates, then text (folded); empty last."""
    if value is None or value == "":
        return (3, 0)
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float, Decimal)):
        return (0, float(value))
    if isinstance(value, date):
        return (1, value.toordinal())
    text = str(value).strip()
    if not text:
        return (3, 0)
    if m := _DATE.match(text):
        try:
            return (1, date(int(m[1]), int(m[2]), int(m[3])).toordinal())
        except ValueError:
            pass
    if _NUMBER.match(text) and (number := shown_number(text)) is not None:
        return (0, number)
    return (2, fold(text))


def shown_number(text: str) -> float | None:
    """A number as the window shows it in its language: '1 234,5' in French, '1,234.5' in English."""
    bare = text.strip().strip("()$€% \u00a0\u202f")
    for space in (" ", "\u00a0", "\u202f", "\u2009", "'"):
        bare = bare.replace(space, "")
    if current_language() == "fr":
        if "," in bare:
            bare = bare.replace(".", "").replace(",", ".")
    else:
        bare = bare.replace(",", "")
    try:
        value = float(Decimal(bare))
    except (InvalidOperation, ValueError):
        return None
    return -value if text.strip().startswith("(") and value > 0 else value


def item_sort_key(item: QTableWidgetItem | None) -> tuple[int, Any]:
    if item is None:
        return sort_key(None)
    explicit = item.data(SORT_ROLE)
    return sort_key(explicit if explicit is not None else item.text())


class TableFilter(QObject):
    """Attach to a table: a filter box (`self.edit`, to place above the table) and clickable sorting headers.

    `settings_key` names the table in the settings ("properties", "weather/stations", …) for its sort.
    """

    def __init__(self, table: QTableWidget, settings_key: str, settings: AppSettings | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.settings_key = settings_key
        self._settings = settings
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{table.objectName() or settings_key}_filter")
        self.edit.setPlaceholderText(self.tr("Filter: type part of a name, a city, a number…"))
        self.edit.setToolTip(
            self.tr("Shows only the rows that contain this text (case and accents ignored).")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(420)
        self.edit.textChanged.connect(self.apply_filter)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._on_header_clicked)
        self.column, self.order = self._stored_sort()
        self._show_indicator()
        self._busy = False
        self._pending = False
        model = table.model()
        for signal in (model.rowsInserted, model.modelReset, model.dataChanged, model.layoutChanged):
            signal.connect(self._schedule)

    # -- settings ----------------------------------------------------------------------------------------------
    def settings(self) -> AppSettings:
        if self._settings is None:
            self._settings = AppSettings()
        return self._settings

    def _stored_sort(self) -> tuple[int, Qt.SortOrder]:
        stored = self.settings().table_sort(self.settings_key)
        if stored is None:
            return -1, Qt.SortOrder.AscendingOrder
        column, descending = stored
        return column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

    def _show_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.column, self.order)
        header.blockSignals(False)

    # -- sorting -----------------------------------------------------------------------------------------------
    def _on_header_clicked(self, column: int) -> None:
        if column == self.column:
            self.order = (
                Qt.SortOrder.DescendingOrder
                if self.order == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
        else:
            self.column, self.order = column, Qt.SortOrder.AscendingOrder
        self.settings().set_table_sort(self.settings_key, column, self.order == Qt.SortOrder.DescendingOrder)
        self.apply()

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort as a header click would, and remember it."""
        self.column, self.order = column, order
        self.settings().set_table_sort(self.settings_key, column, order == Qt.SortOrder.DescendingOrder)
        self.apply()

    def _schedule(self, *_args: object) -> None:
        # A page filled its table: sort and filter once it is done (the page may still be setting items).
        if self._busy or self._pending:
            return
        self._pending = True
        QTimer.singleShot(0, self._run_pending)

    def _run_pending(self) -> None:
        # The table may have been closed and deleted since the fill (a window replaced at once).
        if self._pending and shiboken6.isValid(self) and shiboken6.isValid(self.table):
            self.apply()

    def apply(self) -> None:
        """Put the rows in the chosen order and hide those the filter excludes (call after filling the table)."""
        self._pending = False
        self._show_indicator()
        table = self.table
        columns = table.columnCount()
        if 0 <= self.column < columns and table.rowCount() > 1:
            self._busy = True
            blocked = table.blockSignals(True)
            try:
                selected = {index.row() for index in table.selectionModel().selectedRows()}
                current = table.currentRow()
                rows = [
                    (r, [table.takeItem(r, c) for c in range(columns)], table.isRowHidden(r))
                    for r in range(table.rowCount())
                ]
                rows.sort(
                    key=lambda row: item_sort_key(row[1][self.column]),
                    reverse=self.order == Qt.SortOrder.DescendingOrder,
                )
                table.clearSelection()
                for r, (old, items, _hidden) in enumerate(rows):
                    for c, item in enumerate(items):
                        if item is not None:
                            table.setItem(r, c, item)
                    if old in selected:
                        table.selectRow(r)
                    if old == current:
                        table.setCurrentCell(r, max(table.currentColumn(), 0))
            finally:
                table.blockSignals(blocked)
                self._busy = False
        self.apply_filter()
        self._pending = False

    # -- filtering ---------------------------------------------------------------------------------------------
    def apply_filter(self, *_args: object) -> None:
        words = fold(self.edit.text()).split()
        table = self.table
        for r in range(table.rowCount()):
            if not words:
                table.setRowHidden(r, False)
                continue
            text = " ".join(
                fold(item.text())
                for c in range(table.columnCount())
                if (item := table.item(r, c)) is not None
            )
            table.setRowHidden(r, not all(word in text for word in words))

    def visible_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]


def stretch_column(table: QTableWidget, column: int) -> None:
    """The given column takes the spare width (a name or description), not the last one."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    if 0 <= column < table.columnCount():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
