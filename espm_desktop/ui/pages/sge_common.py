"""Pieces shared by the SGÉ program tabs: tables, money in the user's language, and running a use case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from espm_desktop.app.sge_participants import USER_ERRORS, ParticipantFile, SavingsAnalysis, StoreError
from espm_desktop.core.i18n import current_language
from espm_desktop.core.numbers import format_number
from espm_desktop.core.savings import SavingsInputError
from espm_desktop.core.sge.common import SgeInputError, format_money, user_text
from espm_desktop.ui import file_dialogs
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import ERROR_STYLE
from espm_desktop.ui.table_fill import cells_announced_once

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #8a5300;"
T = TypeVar("T")


def lang() -> str:
    return current_language()


def money(amount: Decimal | None) -> str:
    return "" if amount is None else format_money(amount, lang())


def number(value: float | Decimal | None, decimals: int = 0) -> str:
    return "" if value is None else format_number(value, lang(), decimals)


def day_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def table(name: str, headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(True)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    # Rows as tall as the text needs: the style's default leaves room for fewer rows at 768 pixels.
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 8)
    widget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return widget


def rows_height(widget: QTableWidget, rows: int) -> int:
    """The height that shows the header and `rows` rows whole, without a scroll bar."""
    header = widget.horizontalHeader().sizeHint().height()
    frame = 2 * widget.frameWidth()
    return header + rows * widget.verticalHeader().defaultSectionSize() + frame + 2


def table_width(widget: QTableWidget) -> int:
    """The width that shows every column at its content's width."""
    widget.resizeColumnsToContents()
    header = widget.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(widget.columnCount())) + 2 * widget.frameWidth() + 2


def fill(widget: QTableWidget, rows: Sequence[Sequence[str]], ids: Sequence[int] | None = None,
         right: Sequence[int] = ()) -> None:  # fmt: skip
    """Replace the rows; the record id of each row is kept in its first cell's user data."""
    widget.setRowCount(len(rows))
    with cells_announced_once(widget):
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in right:
                    item.setTextAlignment(RIGHT)
                if c == 0 and ids is not None:
                    item.setData(Qt.ItemDataRole.UserRole, ids[r])
                widget.setItem(r, c, item)


def selected_id(widget: QTableWidget) -> int | None:
    rows = widget.selectionModel().selectedRows()
    if not rows:
        return None
    item = widget.item(rows[0].row(), 0)
    data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return int(data) if data is not None else None


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    label.setText(text)
    label.setStyleSheet(style)
    label.setVisible(bool(text))


def error_text(exc: Exception) -> str:
    """The user's-language message of an error the store or the rules raise, with field labels, not keys,
    and amounts in the language's format."""
    language = lang()
    if isinstance(exc, SgeInputError):
        return exc.user_message(language)
    if isinstance(exc, StoreError):
        return user_text(exc.message(language), language)
    if isinstance(exc, SavingsInputError):
        return user_text(exc.message_en if language == "en" else exc.message_fr, language)
    return str(exc)


class SgeTab(QWidget):
    """A tab of the SGÉ page: `load` shows a participant's file, `changed` asks the page to reload it."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.file: ParticipantFile | None = None
        self.analysis: SavingsAnalysis | None = None
        self.analysis_error = ""
        self.message = message_label(f"{type(self).__name__}_message")
        self.message.hide()
        self._stale = False

    @property
    def participant_id(self) -> int | None:
        return self.file.info.participant_id if self.file is not None else None

    def load(
        self, file: ParticipantFile | None, analysis: SavingsAnalysis | None, analysis_error: str
    ) -> None:
        self.file, self.analysis, self.analysis_error = file, analysis, analysis_error
        show_message(self.message, "")
        self.setEnabled(file is not None)
        # The tabs not shown (a tab widget hides all but the current one) fill their tables when first shown.
        self._stale = self.isHidden()
        if not self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def run(self, action: Callable[[], T]) -> T | None:
        """Run one use case (its own transaction, in app/); a user error is shown and nothing is kept."""
        try:
            result = action()
        except USER_ERRORS as exc:
            show_message(self.message, error_text(exc))
            return None
        self.ctx.data_changed.emit()
        self.changed.emit()
        return result

    def ask_save_path(self, title: str, suggested: str, pattern: str) -> str:
        """A path to write to ('' when cancelled); tests replace it."""
        return file_dialogs.save_file_name(self, title, suggested, pattern)
