"""A problem the data checks find in a property's data: what it is, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from espm_desktop.core.i18n import Message, Shown, slot_setters

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
"""Worst first: how findings are listed."""


@dataclass(frozen=True, slots=True)
class Finding(Shown):
    """One problem found in the data, with where it is and how to fix it (`message`, for any language)."""

    _shown_attribute: ClassVar[str] = "message"

    code: str
    severity: Severity
    meter_name: str | None
    start: date | None
    end: date | None
    message: Message = field(hash=False)

    def __init__(
        self,
        code: str,
        severity: Severity,
        meter_name: str | None,
        start: date | None,
        end: date | None,
        message: Message,
    ) -> None:
        # The slots' own setters, as core.types.Bill does: the data checks make a finding per problem they find.
        _set_code(self, code)
        _set_severity(self, severity)
        _set_meter_name(self, meter_name)
        _set_start(self, start)
        _set_end(self, end)
        _set_message(self, message)

    @property
    def key(self) -> FindingKey:
        """What stays the same while the finding does: its code and period (other dates: another finding)."""
        return (
            self.code,
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
        )


_set_code, _set_severity, _set_meter_name, _set_start, _set_end, _set_message = slot_setters(
    Finding, "code", "severity", "meter_name", "start", "end", "message"
)

# (code, ISO start or '', ISO end or ''): how an acknowledged finding is kept (db/findings.py).
FindingKey = tuple[str, str, str]
