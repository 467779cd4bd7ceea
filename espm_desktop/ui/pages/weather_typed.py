"""The dialog for degree days typed by the user (read in ESPM or elsewhere), with their bounds."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import N_, Number, message
from espm_desktop.ui.forms import FieldSpec, FormDialog


def typed_decimals(value: float) -> int:
    """As many decimals as the user typed (at most 3): a typed value reads back as typed, 15 500,5 / 15,500.5."""
    return 0 if float(value).is_integer() else min(len(f"{value:g}".partition(".")[2]), 3)


class DegreeDaysDialog(FormDialog):
    """Degree days the user reads in ESPM (or elsewhere) for the 12 months ending in a chosen month."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        specs = [
            FieldSpec(
                "period_end", self.tr("Last month of the 12 (any day of it)"), kind="date", required=True
            ),
            FieldSpec("hdd", self.tr("Heating degree days (HDD, 18 °C)"), kind="float", required=True),
            FieldSpec("cdd", self.tr("Cooling degree days (CDD, 18 °C)"), kind="float", required=True),
            FieldSpec("note", self.tr("Note (where the values come from)")),
        ]
        super().__init__(title, specs, parent)

    def validate(self, values: dict[str, Any]) -> list[FieldError]:
        errors = []
        rules = {
            "hdd": (
                N_("Heating degree days cannot be negative ({value}); type 0 or more."),
                N_(
                    "Heating degree days: {value} is more than any Canadian station records in a year; "
                    "check the number."
                ),
            ),
            "cdd": (
                N_("Cooling degree days cannot be negative ({value}); type 0 or more."),
                N_(
                    "Cooling degree days: {value} is more than any Canadian station records in a year; "
                    "check the number."
                ),
            ),
        }
        for key, (negative, too_many) in rules.items():
            value = values.get(key)
            if value is None:
                continue
            shown = Number(value, typed_decimals(value))
            if value < 0:
                errors.append(FieldError(key, message(negative, value=shown)))
            elif value > 15000:
                errors.append(FieldError(key, message(too_many, value=shown)))
        return errors
