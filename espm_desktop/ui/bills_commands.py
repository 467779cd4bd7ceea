"""Undoable changes to a meter's bills. Each redo or undo writes to the database in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from espm_desktop.app.bills import BillWrite, StaleBillError, write_bills
from espm_desktop.core.types import Bill
from espm_desktop.ui.context import AppContext


@dataclass
class BillsWriter:
    """Writes steps for one meter in one transaction, then reports the ids written or the failure."""

    ctx: AppContext
    meter_id: int
    on_written: Callable[[list[int]], None]
    on_failed: Callable[[Exception], None]

    def write(self, writes: Sequence[BillWrite]) -> list[int | None] | None:
        try:
            with self.ctx.saving():
                ids = write_bills(self.ctx.engine, self.meter_id, writes)
        except (SQLAlchemyError, StaleBillError) as exc:
            self.on_failed(exc)
            return None
        self.on_written([i for i in ids if i is not None])
        return ids


class BillsCommand(QUndoCommand):
    """Moves bills between two states: `before` (None = absent) and `after` (None = absent), step by step.

    Ids are tracked across redo/undo because a bill deleted and put back gets a new row id.
    """

    def __init__(
        self,
        writer: BillsWriter,
        steps: Sequence[tuple[int | None, Bill | None, Bill | None]],
        text: str,
    ) -> None:
        super().__init__(text)
        self.writer = writer
        self.ids: list[int | None] = [s[0] for s in steps]
        self.before: list[Bill | None] = [s[1] for s in steps]
        self.after: list[Bill | None] = [s[2] for s in steps]
        self.failed = False

    @property
    def meter_id(self) -> int:
        return self.writer.meter_id

    def _apply(self, target: list[Bill | None]) -> None:
        ids = self.writer.write([BillWrite(i, b) for i, b in zip(self.ids, target, strict=True)])
        if ids is None:
            # The bills changed under us (another page, an import): this step can no longer be replayed.
            self.failed = True
            self.setObsolete(True)
            return
        self.ids = ids

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class EditBillCommand(BillsCommand):
    def __init__(self, writer: BillsWriter, bill_id: int, before: Bill, after: Bill, text: str) -> None:
        super().__init__(writer, [(bill_id, before, after)], text)


class AddBillsCommand(BillsCommand):
    def __init__(self, writer: BillsWriter, bills: Sequence[Bill], text: str) -> None:
        super().__init__(writer, [(None, None, b) for b in bills], text)


class PasteBillsCommand(AddBillsCommand):
    pass


class DeleteBillsCommand(BillsCommand):
    def __init__(self, writer: BillsWriter, bills: Sequence[tuple[int, Bill]], text: str) -> None:
        super().__init__(writer, [(i, b, None) for i, b in bills], text)
