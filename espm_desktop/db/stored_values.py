"""Stored values as the models' column types give them, for the reads made with the sqlite3 module alone.

ISO dates (a value written with a time of day keeps its date) and the NUMERIC(14, 2) cost as a Decimal with two
decimals. The property reads (db/property_reads.py) and the SGÉ reads (db/sge_reads.py) convert through here; this
module imports nothing of the app, so that the SGÉ first screen does not load the property and weather reads.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def date_value(text: str) -> date:
    return date.fromisoformat(text[:10])


def optional_date_value(text: str | None) -> date | None:
    return None if text is None else date_value(text)


def cents_value(value: float | int | str) -> Decimal:
    """NUMERIC(14, 2) as the ORM gives it: a Decimal with two decimals."""
    return Decimal(f"{value:.2f}") if not isinstance(value, str) else Decimal(value).quantize(Decimal("0.01"))
