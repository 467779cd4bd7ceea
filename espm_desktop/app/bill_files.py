"""The bill files an import reads (ESPM spreadsheets, CSV or xlsx with a column mapping), before any database.

Reading is io.espm_import's; a refused file raises ImportFileError, AmbiguousDateFormat (read it again with a
DateOrder) or MappingRequired (the headers found and a proposed mapping).
"""

from __future__ import annotations

import json
from typing import Any

from espm_desktop.io.espm_import import (
    AmbiguousDateFormat,
    ColumnMapping,
    DateOrder,
    ImportBatch,
    ImportFileError,
    MappingRequired,
    read_bills_file,
)

__all__ = [
    "AmbiguousDateFormat",
    "ColumnMapping",
    "DateOrder",
    "ImportBatch",
    "ImportFileError",
    "MappingRequired",
    "column_mapping",
    "read_bills_file",
]


def column_mapping(data: dict[str, Any]) -> ColumnMapping:
    """A mapping from its JSON object: {"columns": {...}, "fixed": {...}}, or the columns alone."""
    if "columns" not in data and "fixed" not in data:
        data = {"columns": data}
    return ColumnMapping.from_json(json.dumps(data))
