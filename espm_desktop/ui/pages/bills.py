"""Bills (meter entries) of the selected meter, typed like a spreadsheet and saved cell by cell.

Every accepted change goes through an undo command that writes it in its own transaction; the data checks beside
the table are recomputed after each change, and other pages hear `data_changed`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.bills import StoredBill, meter_with_bills
from espm_desktop.core.checks import check_meter
from espm_desktop.core.i18n import current_language
from espm_desktop.core.types import Bill, BillSource, MeterData
from espm_desktop.ui.bills_commands import (
    AddBillsCommand,
    BillsWriter,
    DeleteBillsCommand,
    EditBillCommand,
    PasteBillsCommand,
)
from espm_desktop.ui.bills_findings import FindingsPanel
from espm_desktop.ui.bills_model import (
    COST,
    END,
    NEW_BILL_ID,
    START,
    USAGE,
    BillsTableModel,
    next_bill_period,
    parse_pasted_bills,
)
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.labels import unit_label
from espm_desktop.ui.pages.bills_message import MessageArea
from espm_desktop.ui.pages.pickers import PropertyMeterPicker
from espm_desktop.ui.settings import AppSettings


class BillsPage(QWidget):
    page_id = "bills"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = AppSettings()
        self.meter: MeterData | None = None
        self._emitting = False
        self._write_ok = True
        self._select_after_write: list[int] = []

        self.heading = QLabel(self.tr("Bills"))
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel(
            self.tr(
                "Type in the table like a spreadsheet: each change is saved at once and can be undone. Dates as "
                "2024-01-31 or 31/01/2024. A bill's end date may be the next bill's start date (one shared day, "
                "as ESPM allows); longer overlaps are refused."
            )
        )
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        self.picker = PropertyMeterPicker(ctx, with_meter=True)

        self.new_button = self._button(
            "bills_new", self.tr("Add bill"), self.tr("Add a bill after the last one")
        )
        self.delete_button = self._button(
            "bills_delete", self.tr("Delete"), self.tr("Delete the selected bills (Delete key)")
        )
        self.paste_button = self._button(
            "bills_paste",
            self.tr("Paste from Excel"),
            self.tr("Add the rows copied in Excel: start, end, usage and, optionally, cost (Ctrl+V)"),
        )
        self.undo_button = self._button("bills_undo", self.tr("Undo"), "")
        self.redo_button = self._button("bills_redo", self.tr("Redo"), "")
        toolbar = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.paste_button):
            toolbar.addWidget(button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.undo_button)
        toolbar.addWidget(self.redo_button)
        toolbar.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("bills_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter: part of a date, a usage, a cost…"))
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.textChanged.connect(lambda _t: self.apply_filter())
        toolbar.addWidget(self.filter_edit)

        self.model = BillsTableModel()
        self.model.writer = self._save_edit
        self.model.adder = self._save_new
        self.table = QTableView()
        self.table.setObjectName("bills_table")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if ctx.read_only
            else QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.model.read_only = ctx.read_only
        # Header clicks sort the bills (date order by default); the choice is remembered.
        stored_sort = self.settings.table_sort("bills") or (START, False)
        order = Qt.SortOrder.DescendingOrder if stored_sort[1] else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(stored_sort[0], order)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, how: self.settings.set_table_sort(
                "bills", column, how == Qt.SortOrder.DescendingOrder
            )
        )
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A paste may report many lines: they scroll instead of squeezing the table.
        self.message_area = MessageArea("bills_message")
        self.message = self.message_area.label
        self.findings = FindingsPanel(self.ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message_area)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([770, 220])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.picker)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.undo_group.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_group.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(
                self.tr("Undo: {0} (Ctrl+Z)").format(text) if text else ""
            )
        )
        self.undo_group.redoTextChanged.connect(
            lambda text: self.redo_button.setToolTip(
                self.tr("Redo: {0} (Ctrl+Shift+Z or Ctrl+Y)").format(text) if text else ""
            )
        )
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_group.undo)
        self.redo_button.clicked.connect(self.undo_group.redo)
        # On the page and its children; an open cell editor keeps Ctrl+Z for its own text.
        for keys, slot in (
            ("Ctrl+Z", self.undo_group.undo),
            ("Ctrl+Shift+Z", self.undo_group.redo),
            ("Ctrl+Y", self.undo_group.redo),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(
            QKeySequence.StandardKey.Paste, self.table, self.paste, context=Qt.ShortcutContext.WidgetShortcut
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.table,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.new_button.clicked.connect(self.add_bill)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button.clicked.connect(self.paste)
        self.picker.changed.connect(self.refresh)
        self.model.edit_refused.connect(lambda text: self._say(text, error=True))
        self.model.rows_changed.connect(self._update_findings)
        self.findings.finding_activated.connect(self._select_period)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.data_changed.connect(self._on_data_changed)
        self._update_buttons()

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        return button

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.picker.reload()
        super().showEvent(event)

    # -- loading --------------------------------------------------------------------------------------------
    @property
    def meter_id(self) -> int | None:
        return self.picker.meter_id

    def apply_filter(self) -> None:
        """Hide the rows that don't hold every typed word (case and accents ignored); rows keep their place, so
        editing and undo are unaffected."""
        from espm_desktop.ui.table_filter import fold

        words = fold(self.filter_edit.text()).split()
        model = self.model
        for r in range(model.rowCount()):
            if not words:
                self.table.setRowHidden(r, False)
                continue
            text = " ".join(
                fold(str(model.data(model.index(r, c)) or "")) for c in range(model.columnCount())
            )
            self.table.setRowHidden(r, not all(word in text for word in words))

    def refresh(self) -> None:
        """Reload the selected meter's bills from the database."""
        mid = self.meter_id
        if mid is None:
            self.meter = None
            self.model.set_rows([], "")
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            self._update_buttons()
            return
        meter, rows = meter_with_bills(self.ctx.engine, mid)
        switched = self.meter is None or meter is None or self.meter.meter_id != mid
        if (
            not switched
            and self.meter is not None
            and meter is not None
            and (meter.energy_type, meter.unit) != (self.meter.energy_type, self.meter.unit)
        ):
            # The meter's unit changed (Meters page): the usages were converted, so earlier steps here, which
            # hold usages in the old unit, must not be replayed.
            self._stack(mid).clear()
        self.meter = meter
        # 'm³ (cubic metres)' → 'm³': the same on every row, so the short symbol is enough. Read from the meter
        # each time, so the grid follows a unit change made elsewhere.
        unit = unit_label(meter.energy_type, meter.unit).split(" (")[0] if meter else ""
        if switched:
            self.model.pending = None  # a new row not yet saved belongs to the meter left
            self.model.marks.clear()
            self._say("")
            self.model.set_rows(rows, unit)
            self.table.resizeColumnsToContents()
            for column in (START, END):
                # Room for the warning icon of a refused date.
                self.table.setColumnWidth(column, self.table.columnWidth(column) + 22)
        else:
            self.model.set_rows(rows, unit)
        self._ensure_column_widths()
        self.apply_filter()
        self.undo_group.setActiveStack(self._stack(mid))
        self._update_buttons()

    def _ensure_column_widths(self) -> None:
        """Never narrower than a full date, a large usage or cost: an empty meter's grid sizes to its headers."""
        metrics = self.table.fontMetrics()
        samples = {START: "2024-12-31", END: "2024-12-31", USAGE: "1 234 567,89", COST: "1 234 567,89"}
        for column, sample in samples.items():
            # Room for the cell margins, and for the warning icon of a refused value.
            needed = metrics.horizontalAdvance(sample) + 40
            if self.table.columnWidth(column) < needed:
                self.table.setColumnWidth(column, needed)

    def _stack(self, meter_id: int) -> QUndoStack:
        if meter_id not in self._stacks:
            stack = QUndoStack(self)
            self.undo_group.addStack(stack)
            self._stacks[meter_id] = stack
        return self._stacks[meter_id]

    def _update_findings(self) -> None:
        if self.meter is None:
            self.findings.show_findings(None, [])
            return
        meter = MeterData(
            self.meter.name,
            self.meter.energy_type,
            self.meter.unit,
            tuple(self.model.bills()),
            self.meter.meter_id,
            self.meter.active_date,
            self.meter.inactive_date,
        )
        self.findings.show_findings(self.meter.meter_id, check_meter(meter))

    def _update_buttons(self) -> None:
        # A read-only database: bills can be read, selected and copied, never changed.
        has_meter = self.meter is not None and not self.ctx.read_only
        self.new_button.setEnabled(has_meter)
        self.paste_button.setEnabled(has_meter)
        self.delete_button.setEnabled(has_meter and bool(self.selected_rows()))

    def _on_data_changed(self) -> None:
        if not self._emitting and self.isVisible():
            self.refresh()

    # -- writing --------------------------------------------------------------------------------------------
    def _writer(self, meter_id: int) -> BillsWriter:
        return BillsWriter(self.ctx, meter_id, self._after_write, self._write_failed)

    def _after_write(self, ids: list[int]) -> None:
        self._write_ok = True
        self.refresh()
        self._emitting = True
        try:
            self.ctx.data_changed.emit()
        finally:
            self._emitting = False

    def _write_failed(self, exc: Exception) -> None:
        from espm_desktop.app.database import save_error_message
        from espm_desktop.ui.database_dialogs import ui_language

        self._write_ok = False
        self.refresh()
        reason = save_error_message(exc, ui_language())
        self._say(
            reason
            or self.tr(
                "The bills could not be saved ({0}). Nothing was changed: the table shows what the database holds."
            ).format(type(exc).__name__),
            error=True,
        )

    def _push(self, command: Any) -> bool:
        self._write_ok = True
        self._stack(command.meter_id).push(command)
        return self._write_ok

    def _save_edit(self, stored: StoredBill, new: Bill, column: int) -> bool:
        if self.meter is None or self.meter.meter_id is None:
            return False
        title = self.model.column_titles()[column]
        text = self.tr("Edit “{0}” of the bill from {1}").format(title, stored.bill.start.isoformat())
        ok = self._push(
            EditBillCommand(self._writer(self.meter.meter_id), stored.bill_id, stored.bill, new, text)
        )
        if ok:
            self._say("")
        return ok

    def add_bill(self) -> None:
        """Open a row for a bill the day after the last one ends, one month long, and start typing its usage.

        The row is saved when its usage is typed: a bill of 0 is never stored by a click.
        """
        if self.meter is None or self.meter.meter_id is None:
            return
        if self.model.pending is None:
            start, end = next_bill_period(self.model.bills(), date.today())
            bill = Bill(start=start, end=end, usage=0.0, source=BillSource.MANUAL)
        else:
            bill = self.model.pending.bill
        row = self.model.add_pending(bill)
        self._say(
            self.tr("New bill from {0} to {1}: type its usage to save it.").format(
                bill.start.isoformat(), bill.end.isoformat()
            )
        )
        if row is not None:
            index = self.model.index(row, USAGE)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.setFocus()
            self.table.edit(index)

    def _save_new(self, bill: Bill) -> bool:
        """The new row's usage was typed: save the bill (an undo step)."""
        if self.meter is None or self.meter.meter_id is None:
            return False
        text = self.tr("Add the bill from {0} to {1}").format(bill.start.isoformat(), bill.end.isoformat())
        ok = self._push(AddBillsCommand(self._writer(self.meter.meter_id), [bill], text))
        if ok:
            self._say("")
        return ok

    def selected_rows(self) -> list[int]:
        model = self.table.selectionModel()
        if model is None:
            return []
        return sorted({i.row() for i in model.selectedIndexes()})

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if self.meter is None or self.meter.meter_id is None or not rows:
            return
        if any(self.model.rows[r].bill_id == NEW_BILL_ID for r in rows):
            self.model.discard_pending()  # never saved: nothing to delete or undo
            rows = [r for r in rows if r < len(self.model.rows)]
        chosen = [(self.model.rows[r].bill_id, self.model.rows[r].bill) for r in rows]
        if not chosen:
            self._update_buttons()
            return
        text = self.tr("Delete {0} bill(s)").format(len(chosen))
        if self._push(DeleteBillsCommand(self._writer(self.meter.meter_id), chosen, text)):
            self._say(self.tr("Deleted {0} bill(s). Undo brings them back (Ctrl+Z).").format(len(chosen)))

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Add the rows of a tab-separated text; rows that break a rule are reported and left out."""
        if self.meter is None or self.meter.meter_id is None:
            return
        if not text.strip():
            self._say(
                self.tr(
                    "The clipboard holds no rows. In Excel, select the rows (start date, end date, usage and, if "
                    "you have it, cost) and copy them, then paste here."
                ),
                error=True,
            )
            return
        bills, problems = parse_pasted_bills(text, self.model.bills())
        lines: list[str] = []
        if bills:
            text_cmd = self.tr("Paste {0} bill(s)").format(len(bills))
            if not self._push(PasteBillsCommand(self._writer(self.meter.meter_id), bills, text_cmd)):
                return
            lines.append(self.tr("Pasted {0} bill(s).").format(len(bills)))
            self._select_period(min(b.start for b in bills), max(b.end for b in bills), widen=False)
        language = current_language()
        titles = self.model.column_titles()
        for p in problems:
            lines.append(
                self.tr("Pasted line {0}, column “{1}”, value “{2}”: {3} Not saved.").format(
                    p.line, titles[p.column], p.value, p.error.message(language)
                )
            )
        self._say("\n".join(lines), error=bool(problems))

    # -- showing --------------------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message_area.say(text, error)

    def _select_period(self, start: date | None, end: date | None, widen: bool = True) -> None:
        """Select the bills that touch a period (a finding's, or pasted rows)."""
        low, high = start or end, end or start
        if low is None or high is None:
            return
        if widen:
            # One day wider, so that a gap selects the bills on either side of it.
            low, high = low - timedelta(days=1), high + timedelta(days=1)
        selection = QItemSelection()
        first: int | None = None
        for i, r in enumerate(self.model.rows):
            if r.bill.start <= high and r.bill.end >= low:
                first = i if first is None else first
                selection.select(self.model.index(i, 0), self.model.index(i, self.model.columnCount() - 1))
        if first is not None:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.table.selectionModel().select(selection, flags)
            target = QPersistentModelIndex(self.model.index(first, 0))
            self.table.scrollTo(self.model.index(first, 0))
            # Again once the view has laid out rows that were just added.
            QTimer.singleShot(0, lambda: self._scroll_to(target))

    def _scroll_to(self, target: QPersistentModelIndex) -> None:
        if target.isValid():
            self.table.scrollTo(self.model.index(target.row(), 0))
