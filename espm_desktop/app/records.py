"""What the record pages share: a refused save turned into the form error that says which field to correct."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message

__all__ = ["RecordRefused", "integrity_field_error", "refused_as_field_error"]

_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)", re.IGNORECASE)
_CHECK = re.compile(r"CHECK constraint failed: (\w+)", re.IGNORECASE)
_NOT_NULL = re.compile(r"NOT NULL constraint failed: \w+\.(\w+)", re.IGNORECASE)


class RecordRefused(Exception):
    """The database refused a record's values (nothing was saved); `error` is shown under the field it names."""

    def __init__(self, error: FieldError) -> None:
        super().__init__(error.text("en"))
        self.error = error


@contextmanager
def refused_as_field_error(model: type[Any], conflict: FieldError, fields: Sequence[str]) -> Iterator[None]:
    """Around a save's transaction: an IntegrityError becomes RecordRefused with its form error."""
    from sqlalchemy.exc import IntegrityError

    try:
        yield
    except IntegrityError as exc:
        raise RecordRefused(integrity_field_error(exc, model, conflict, list(fields))) from exc


def integrity_field_error(
    exc: Exception, model: type[Any], conflict: FieldError, fields: list[str]
) -> FieldError:
    """The form error for a refused save, read from SQLite's message: which constraint failed, on which column.

    `conflict` is only claimed when the failed UNIQUE constraint includes `conflict.field`.
    """
    text = str(getattr(exc, "orig", None) or exc)
    fallback = conflict.field if conflict.field in fields else (fields[0] if fields else conflict.field)
    if m := _UNIQUE.search(text):
        columns = [c.strip().split(".")[-1] for c in m.group(1).split(",")]
        if conflict.field in columns:
            return conflict
        where = next((c for c in columns if c in fields), fallback)
        shown = ", ".join(columns)
        return FieldError(
            where,
            message(
                "Another record already has this value ({columns}). Enter a different one.", columns=shown
            ),
            "unique_conflict",
            {"columns": shown},
        )
    if m := _CHECK.search(text):
        name = m.group(1)
        rule = _check_text(model, name)
        where = next((f for f in fields if f in rule or f in name), fallback)
        return FieldError(
            where,
            message(
                "The database refuses this value (rule “{constraint}”: {rule}). Correct it and save again.",
                constraint=name,
                rule=rule,
            ),
            "check_failed",
            {"constraint": name, "rule": rule},
        )
    if (m := _NOT_NULL.search(text)) and m.group(1) in fields:
        return FieldError(m.group(1), message("This value is required."), "not_null", {"column": m.group(1)})
    return FieldError(
        fallback,
        message("The database refused these values ({detail}). Nothing was saved.", detail=text),
        "integrity_error",
        {"detail": text},
    )


def _check_text(model: type[Any], name: str) -> str:
    """The SQL of the CHECK constraint `name` on the model's table, or the name itself."""
    table = getattr(model, "__table__", None)
    for constraint in getattr(table, "constraints", ()):
        # The naming convention may prefix the name ('ck_meter_initial_load_range').
        full = str(getattr(constraint, "name", None) or "")
        if hasattr(constraint, "sqltext") and (
            full == name or full.endswith(f"_{name}") or name.endswith(full)
        ):
            return str(constraint.sqltext)
    return name
