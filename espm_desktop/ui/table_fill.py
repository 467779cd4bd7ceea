"""Filling a table widget cell by cell without a signal per cell."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QTableWidget


@contextmanager
def cells_announced_once(table: QTableWidget) -> Iterator[None]:
    """Items set inside are announced to the view once, after: each `setItem` otherwise sends the model's signal,
    heard by the view, its header (resizing to contents) and any filter — most of the time of a fill. Set the row
    and column counts before entering."""
    model = table.model()
    held = model.blockSignals(True)
    try:
        yield
    finally:
        model.blockSignals(held)
    rows, columns = table.rowCount(), table.columnCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1), [])
