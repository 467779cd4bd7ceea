"""The Weather page's read-only tables: titles broken between words, rows filled with numbers on the right."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def header_text(text: str, width: int = 10) -> str:
    """A column title on lines of about `width` characters, broken at spaces only (never inside a word)."""
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    # Long headers on two lines: the columns stay as narrow as their numbers. Lines break between words only
    # ("Identifiant climatologique" once came out as "Identifian / t climatol / ogique").
    table.setHorizontalHeaderLabels([header_text(h) if i > 0 else h for i, h in enumerate(headers)])
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], right_from: int = 1) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c >= right_from:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
