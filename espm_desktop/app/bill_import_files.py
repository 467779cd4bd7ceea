"""The first half of an import from the window: read each file, note the ones that need the user (a column
mapping, the date order) or were refused, and plan the import of the rest against the database (nothing written).

The types the import dialog shows (a file's mapping request, a conflict, a row's reference) are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from espm_desktop.app.bill_import import ImportCancelled, ImportPlan, preview_import
from espm_desktop.core.dates import DateOrder
from espm_desktop.io.bill_fields import Field, field_label
from espm_desktop.io.espm_import import (
    AmbiguousDateFormat,
    ColumnMapping,
    ImportFileError,
    MappingRequired,
    read_bills_file,
)
from espm_desktop.io.import_types import BillConflict, ConflictChoice, ImportBatch, RowRef

__all__ = [
    "AmbiguousDateFormat",
    "BillConflict",
    "ColumnMapping",
    "ConflictChoice",
    "Field",
    "ImportBatch",
    "ImportCancelled",
    "ImportFileError",
    "MappingRequired",
    "ReadResult",
    "RowRef",
    "field_label",
    "read_import_files",
]


@dataclass(slots=True)
class ReadResult:
    """What reading the files gave: batches and the plan, and the files that need the user."""

    batches: list[ImportBatch] = field(default_factory=list)
    plan: ImportPlan | None = None
    needs_mapping: dict[Path, MappingRequired] = field(default_factory=dict)
    ambiguous: dict[Path, AmbiguousDateFormat] = field(default_factory=dict)
    failed: dict[Path, ImportFileError] = field(default_factory=dict)


def read_import_files(
    engine: Engine,
    paths: Sequence[Path],
    mappings: Mapping[Path, ColumnMapping],
    date_order: DateOrder | None,
    *,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ReadResult:
    """Read every file, then preview the import, each conflict proposed as Keep until the person chooses.

    `progress(done, total)` is called before each file and before the preview; ImportCancelled is raised when
    `cancelled()` turns true between files.
    """
    result = ReadResult()
    total = len(paths) + 1
    for i, path in enumerate(paths):
        if cancelled():
            raise ImportCancelled
        progress(i, total)
        try:
            result.batches.append(read_bills_file(path, mapping=mappings.get(path), date_order=date_order))
        except MappingRequired as exc:
            result.needs_mapping[path] = exc
        except AmbiguousDateFormat as exc:
            result.ambiguous[path] = exc
        except ImportFileError as exc:
            result.failed[path] = exc
    if cancelled():
        raise ImportCancelled
    progress(len(paths), total)
    result.plan = preview_import(engine, result.batches, on_conflict=ConflictChoice.KEEP)
    return result
