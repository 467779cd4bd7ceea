"""Undoable meter edits: a unit change with its converted bills, put back exactly (stored values, no re-conversion)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from espm_desktop.app.meters import MeterChangedError, UsageChange, restore_meter_change
from espm_desktop.ui.context import AppContext


class MeterUnitChangeCommand(QUndoCommand):
    """The meter's fields and its bills' usages before and after an edit that changed its unit.

    The edit is saved by the dialog before the command is pushed, so the first redo writes nothing.
    """

    def __init__(
        self,
        ctx: AppContext,
        meter_id: int,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
        usages: Sequence[UsageChange],
        text: str,
        on_done: Callable[[], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.meter_id = meter_id
        self.before = dict(before)
        self.after = dict(after)
        self.usages = list(usages)
        self.on_done = on_done
        self.on_failed = on_failed
        self._saved_already = True

    def _write(self, fields: Mapping[str, Any], expected_unit: str, to_before: bool) -> None:
        steps = [
            (u.bill_id, u.after, u.before) if to_before else (u.bill_id, u.before, u.after)
            for u in self.usages
        ]
        try:
            with self.ctx.saving():
                restore_meter_change(self.ctx.engine, self.meter_id, expected_unit, fields, steps)
        except (SQLAlchemyError, MeterChangedError) as exc:
            # The meter or its bills changed since: replaying this step would mix units.
            self.setObsolete(True)
            self.on_failed(exc)
            return
        self.on_done()

    def redo(self) -> None:
        if self._saved_already:
            self._saved_already = False
            return
        self._write(self.after, self.before["unit"], to_before=False)

    def undo(self) -> None:
        self._write(self.before, self.after["unit"], to_before=True)
