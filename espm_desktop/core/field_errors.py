"""An error on one field of a form, a grid row or an imported row: what is wrong, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from espm_desktop.core.i18n import Message, Shown


@dataclass(frozen=True, slots=True)
class FieldError(Shown):
    """An error on one field: what is wrong (`problem`, shown in the reader's language), the rule's id (`code`)
    and the values it names."""

    field: str
    problem: Message = dataclass_field(hash=False)
    code: str = ""
    values: Mapping[str, object] = dataclass_field(default_factory=dict, hash=False)

    def text(self, language: str | None = None) -> str:
        return self.problem.text(language)

    def message(self, language: str) -> str:
        return self.problem.text("fr" if language.startswith("fr") else "en")
