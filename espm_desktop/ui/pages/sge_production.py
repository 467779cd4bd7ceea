"""Production periods of an SGÉ participant (Savings tab, « Production… »): the output the baseline model uses
when the production variable is on. Each add, edit or delete is its own transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app import sge_participants
from espm_desktop.app.sge_participants import USER_ERRORS, ProductionEntry
from espm_desktop.core.field_errors import FieldError
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.forms import FieldSpec, FormDialog
from espm_desktop.ui.pages.sge_common import (
    day_text,
    error_text,
    fill,
    message_label,
    number,
    selected_id,
    show_message,
    table,
)


class ProductionForm(FormDialog):
    """One production period; the store's rules (dates, quantity, overlaps) are checked before OK closes it."""

    def __init__(
        self,
        entries: tuple[ProductionEntry, ...],
        current: ProductionEntry | None,
        parent: QWidget,
    ) -> None:
        super().__init__(
            self.tr("Production period"),
            [
                FieldSpec("start", self.tr("Start"), kind="date", required=True),
                FieldSpec("end", self.tr("End (inclusive)"), kind="date", required=True),
                FieldSpec(
                    "quantity", self.tr("Quantity produced in the period"), kind="float", required=True
                ),
                FieldSpec("unit", self.tr("Unit"), placeholder=self.tr("e.g. t, units, m²")),
            ],
            parent,
        )
        self.setObjectName("sge_production_form")
        for key in ("start", "end"):
            # Full-width date fields give their error text a full row to wrap in (an overlap needs four lines
            # under a narrow date box).
            self.form.editors[key].setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.entries = entries
        self.current_id = current.production_id if current else None
        if current is not None:
            values: dict[str, Any] = {"start": current.start, "end": current.end, "quantity": current.quantity,
                                      "unit": current.unit}  # fmt: skip
        else:
            # The usual case is the month after the last one entered, in the same unit.
            last = max(entries, key=lambda e: e.end) if entries else None
            start = last.end + timedelta(days=1) if last else date.today().replace(day=1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            values = {"start": start, "end": end, "quantity": None, "unit": last.unit if last else ""}
        for key, value in values.items():
            self.form.set_value(key, value)

    def entry(self, values: dict[str, Any]) -> ProductionEntry:
        return ProductionEntry(
            values["start"], values["end"], float(values["quantity"]), values["unit"].strip(), self.current_id
        )

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        if values.get("start") is None or values.get("end") is None or values.get("quantity") is None:
            return []
        return sge_participants.production_problems(self.entry(values), self.entries)


class ProductionDialog(QDialog):
    """The participant's production periods with Add / Edit / Delete."""

    def __init__(self, ctx: AppContext, participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sge_production_dialog")
        self.setWindowTitle(self.tr("Production"))
        self.ctx = ctx
        self.participant_id = participant_id
        self.entries: tuple[ProductionEntry, ...] = ()
        intro = QLabel(self.tr(
            "Output per period, for sites whose gas use follows production. Each period's quantity is spread "
            "evenly over its days and summed over each bill. Consecutive periods may share one day."))  # fmt: skip
        intro.setWordWrap(True)
        self.table = table(
            "sge_production", [self.tr("Start"), self.tr("End"), self.tr("Quantity"), self.tr("Unit")]
        )
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("sge_production_add")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("sge_production_edit")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("sge_production_delete")
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        self.message = message_label("sge_production_message")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(selected_id(self.table)))
        self.table.itemDoubleClicked.connect(lambda _i: self.edit(selected_id(self.table)))
        self.delete_button.clicked.connect(self._on_delete)
        self.setMinimumSize(560, 420)
        self.reload()

    def reload(self) -> None:
        self.entries = sge_participants.participant_production(self.ctx.db_path, self.participant_id)
        fill(
            self.table,
            [[day_text(e.start), day_text(e.end), number(e.quantity, 0 if e.quantity.is_integer() else 2), e.unit]
             for e in self.entries],
            [e.production_id or 0 for e in self.entries],
            right=(2,),
        )  # fmt: skip
        has_rows = bool(self.entries)
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)

    def _run(self, action: Callable[[], object]) -> bool:
        """Run one use case (its own transaction); a user error is shown and nothing is kept."""
        try:
            action()
        except USER_ERRORS as exc:
            show_message(self.message, error_text(exc))
            return False
        show_message(self.message, "")
        self.reload()
        return True

    def edit(self, production_id: int | None) -> None:
        current = next((e for e in self.entries if e.production_id == production_id), None)
        if production_id is not None and current is None:
            return
        form = ProductionForm(self.entries, current, self)
        if not form.exec():
            return
        entry = form.entry(form.result_values)
        self._run(lambda: sge_participants.save_production(self.ctx.engine, self.participant_id, entry))

    def _on_delete(self) -> None:
        production_id = selected_id(self.table)
        if production_id is None:
            show_message(self.message, self.tr("Select the period to delete."))
            return
        self._run(lambda: sge_participants.delete_record(self.ctx.engine, "production", production_id))
