"""The bills of one meter as an editable table: typed values checked against ESPM's rules before they are saved.

The model never touches the database. An accepted edit is handed to `writer` (the page pushes an undo command that
saves it); a refused edit marks the cell with what was typed and why, and emits `edit_refused` with the message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from espm_desktop.app.bills import StoredBill
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import current_language, message
from espm_desktop.core.numbers import decimal_mark_for, format_number, parse_decimal_text
from espm_desktop.core.types import Bill
from espm_desktop.ui.bills_rules import (
    COST,
    DAYS,
    END,
    ESTIMATED,
    SOURCE,
    START,
    UNIT,
    USAGE,
    PasteProblem,
    bad_date,
    bad_number,
    check_bill,
    missing,
    next_bill_period,
    parse_date_text,
    parse_pasted_bills,
)
from espm_desktop.ui.labels import source_label
from espm_desktop.ui.severity_icons import severity_icon

__all__ = [
    "COST",
    "DAYS",
    "END",
    "ESTIMATED",
    "NEW_BILL_ID",
    "SOURCE",
    "START",
    "UNIT",
    "USAGE",
    "BillsTableModel",
    "PasteProblem",
    "next_bill_period",
    "parse_date_text",
    "parse_pasted_bills",
]

NEW_BILL_ID = -1  # the row "Add bill" opens: kept here, saved once its usage is typed
COLUMN_COUNT = 8
TEXT_COLUMNS = (START, END, USAGE, COST)
RIGHT_ALIGNED = (DAYS, USAGE, COST)
MARK_BACKGROUND = QColor("#fde2e4")
MARK_FOREGROUND = QColor("#b00020")

Index = QModelIndex | QPersistentModelIndex


def _usage_decimals(value: float) -> int:
    text = f"{value:.4f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


class BillsTableModel(QAbstractTableModel):
    """Rows are the meter's stored bills ordered by start date."""

    edit_refused = Signal(str)
    rows_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[StoredBill] = []
        self.unit = ""
        # (bill id, column) → (rejected text, message): shown in the cell until a valid value is typed there.
        self.marks: dict[tuple[int, int], tuple[str, str]] = {}
        # Saves an accepted edit: (stored bill, new bill, column) → True when saved.
        self.writer: Callable[[StoredBill, Bill, int], bool] | None = None
        # Saves a new bill (the pending row, once its usage is typed) → True when saved.
        self.adder: Callable[[Bill], bool] | None = None
        self.pending: StoredBill | None = None

    # -- contents -------------------------------------------------------------------------------------------
    # The column the user sorted by (a header click) and its order; by default bills are in date order.
    sort_column = START
    sort_order = Qt.SortOrder.AscendingOrder

    def _row_key(self, row: StoredBill) -> tuple[object, ...]:
        bill = row.bill
        dates = (bill.start, bill.end, row.bill_id)
        if self.sort_column == END:
            return (bill.end, bill.start, row.bill_id)
        if self.sort_column == DAYS:
            return ((bill.end - bill.start).days, *dates)
        if self.sort_column == USAGE:
            return (bill.usage, *dates)
        if self.sort_column == COST:
            return (bill.cost is None, bill.cost or 0, *dates)
        if self.sort_column == ESTIMATED:
            return (bill.estimated, *dates)
        if self.sort_column == SOURCE:
            return (str(bill.source), *dates)
        return dates

    def _sorted(self, rows: Iterable[StoredBill]) -> list[StoredBill]:
        # The new row waiting for its usage always stays last, where it was added.
        stored = sorted(
            (r for r in rows if r.bill_id != NEW_BILL_ID),
            key=self._row_key,
            reverse=self.sort_order == Qt.SortOrder.DescendingOrder,
        )
        return stored + [r for r in rows if r.bill_id == NEW_BILL_ID]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102 (Qt)
        """Reorder the rows by a column (a header click). Rows keep their bill ids, so edits, marks and undo
        still reach the right bill."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def set_rows(self, rows: Sequence[StoredBill], unit: str | None = None) -> None:
        new_rows = self._sorted([r for r in rows if r.bill_id != NEW_BILL_ID])
        if self.pending is not None:
            new_rows.append(self.pending)
        if unit is not None:
            # A new unit with the same rows is shown by the in-place refresh below (every cell is re-read).
            self.unit = unit
        ids = {r.bill_id for r in new_rows}
        self.marks = {k: v for k, v in self.marks.items() if k[0] in ids}
        if [r.bill_id for r in new_rows] == [r.bill_id for r in self.rows]:
            # Same rows in the same order: refresh in place so an open editor or the selection is not lost.
            self.rows = new_rows
            if new_rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new_rows) - 1, COLUMN_COUNT - 1))
        else:
            self.beginResetModel()
            self.rows = new_rows
            self.endResetModel()
        self.rows_changed.emit()

    def clear_marks(self) -> None:
        self.marks.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COLUMN_COUNT - 1))

    def bills(self) -> list[Bill]:
        """The stored bills (not the new row waiting for its usage)."""
        return [r.bill for r in self.rows if r.bill_id != NEW_BILL_ID]

    def stored_rows(self) -> list[StoredBill]:
        return [r for r in self.rows if r.bill_id != NEW_BILL_ID]

    def add_pending(self, bill: Bill) -> int:
        """Open a new row for `bill` (not saved: it is saved when its usage is typed); its row number."""
        if self.pending is None:
            self.pending = StoredBill(NEW_BILL_ID, bill)
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(self.pending)
            self.endInsertRows()
        return len(self.rows) - 1

    def discard_pending(self) -> None:
        if self.pending is None:
            return
        self.pending = None
        self.marks = {k: v for k, v in self.marks.items() if k[0] != NEW_BILL_ID}
        self.set_rows(self.stored_rows())

    def row_of(self, bill_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.bill_id == bill_id), None)

    # -- Qt model -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.column_titles()[section]

    def column_titles(self) -> list[str]:
        return [
            self.tr("Start"),
            self.tr("End"),
            self.tr("Days"),
            self.tr("Usage"),
            self.tr("Unit"),
            self.tr("Cost ($)"),
            self.tr("Estimated"),
            self.tr("Source"),
        ]

    read_only = False

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        if index.column() in TEXT_COLUMNS:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == ESTIMATED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        stored = self.rows[index.row()]
        column = index.column()
        mark = self.marks.get((stored.bill_id, column))
        if stored.bill_id == NEW_BILL_ID and column == USAGE and not mark:
            # Not typed yet: empty, never a 0 that looks stored.
            return "" if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return mark[0] if mark else self._text(stored.bill, column, display=True)
        if role == Qt.ItemDataRole.EditRole:
            return mark[0] if mark else self._text(stored.bill, column, display=False)
        if role == Qt.ItemDataRole.CheckStateRole and column == ESTIMATED:
            return Qt.CheckState.Checked if stored.bill.estimated else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if mark and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MARK_BACKGROUND)
        if mark and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(MARK_FOREGROUND)
        if mark and role == Qt.ItemDataRole.DecorationRole:
            # Still visible when the cell is selected, where the background colour is not.
            return severity_icon("warning")
        if mark and role == Qt.ItemDataRole.ToolTipRole:
            return mark[1]
        return None

    def _text(self, bill: Bill, column: int, display: bool) -> str:
        language = current_language()
        if column == START:
            return bill.start.isoformat()
        if column == END:
            return bill.end.isoformat()
        if column == DAYS:
            return str((bill.end - bill.start).days + 1)
        if column == USAGE:
            text = format_number(bill.usage, language, _usage_decimals(bill.usage))
            return text if display else _plain(text)
        if column == UNIT:
            return self.unit
        if column == COST:
            if bill.cost is None:
                return ""
            text = format_number(bill.cost, language, 2)
            return text if display else _plain(text)
        if column == SOURCE:
            return source_label(bill.source.value)
        return ""

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.row() >= len(self.rows):
            return False
        stored = self.rows[index.row()]
        column = index.column()
        if column == ESTIMATED and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            return self._save(stored, replace(stored.bill, estimated=checked), column)
        if role != Qt.ItemDataRole.EditRole or column not in TEXT_COLUMNS:
            return False
        text = "" if value is None else str(value).strip()
        shown = (
            ""
            if stored.bill_id == NEW_BILL_ID and column == USAGE
            else self._text(stored.bill, column, False)
        )
        if not self.marks.get((stored.bill_id, column)) and text == shown:
            return False  # nothing changed: no save, no undo step
        candidate, error = self.candidate(stored, column, text)
        if error is not None:
            self._refuse(index.row(), column, text, error)
            return False
        assert candidate is not None
        if candidate == stored.bill:
            self._unmark(stored.bill_id, column, index.row())
            return False
        return self._save(stored, candidate, column)

    def candidate(self, stored: StoredBill, column: int, text: str) -> tuple[Bill | None, FieldError | None]:
        """The bill as it would be with `text` typed in `column`, or the rule it breaks."""
        bill = stored.bill
        if column in (START, END):
            try:
                day = parse_date_text(text)
            except ValueError:
                return None, bad_date(text)
            if day is None:
                if column == START:
                    return None, missing(message("The start date is required."))
                return None, missing(message("The end date is required."))
            new = replace(bill, start=day) if column == START else replace(bill, end=day)
        else:
            try:
                number = parse_decimal_text(text, decimal_mark_for(current_language()))
            except ValueError:
                return None, bad_number(text)
            if column == USAGE:
                if number is None:
                    return None, missing(message("The usage is required."))
                new = replace(bill, usage=float(number))
            else:
                new = replace(bill, cost=None if number is None else number.quantize(Decimal("0.01")))
        others = [r.bill for r in self.rows if r.bill_id not in (stored.bill_id, NEW_BILL_ID)]
        dates_changed = (new.start, new.end) != (bill.start, bill.end) or stored.bill_id == NEW_BILL_ID
        errors = check_bill(new, others, dates_changed)
        return (None, errors[0]) if errors else (new, None)

    def _save(self, stored: StoredBill, new: Bill, column: int) -> bool:
        if stored.bill_id == NEW_BILL_ID:
            return self._save_pending(new, column)
        if self.writer is None or not self.writer(stored, new, column):
            return False
        self._unmark(stored.bill_id, column, None)
        return True

    def _save_pending(self, new: Bill, column: int) -> bool:
        """The new row: kept as typed until its usage is typed, then saved as one new bill."""
        assert self.pending is not None
        row = self.rows.index(self.pending)
        if column != USAGE:
            self.pending = StoredBill(NEW_BILL_ID, new)
            self.rows[row] = self.pending
            self._unmark(NEW_BILL_ID, column, row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
            return True
        kept, self.pending = self.pending, None
        if self.adder is None or not self.adder(new):
            self.pending = kept  # not saved: the row stays open as typed
            self.set_rows(self.stored_rows())
            return False
        self.marks = {k: v for k, v in self.marks.items() if k[0] != NEW_BILL_ID}
        if self.rows and self.rows[-1].bill_id == NEW_BILL_ID:
            self.set_rows(self.stored_rows())  # the writer did not refresh: drop the row it saved
        return True

    def _unmark(self, bill_id: int, column: int, row: int | None) -> None:
        if self.marks.pop((bill_id, column), None) is not None:
            at = self.row_of(bill_id) if row is None else row
            if at is not None:
                self.dataChanged.emit(self.index(at, column), self.index(at, column))

    def _refuse(self, row: int, column: int, text: str, error: FieldError) -> None:
        message = self.tr("Row {0}, column “{1}”, value “{2}”: {3} Not saved.").format(
            row + 1, self.column_titles()[column], text, error.message(current_language())
        )
        self.marks[(self.rows[row].bill_id, column)] = (text, message)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.edit_refused.emit(message)


def _plain(text: str) -> str:
    """A formatted number as one types it: no thousands separators."""
    if current_language() == "fr":
        return text.replace("\u00a0", "")
    return text.replace(",", "")
