"""What the property and meter pickers offer, read with sqlite3 alone (a page's first screen needs no ORM)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from espm_desktop.app.reading import read_connection
from espm_desktop.db.summaries import meter_names, property_names

if TYPE_CHECKING:
    from espm_desktop.app.reading import DatabaseSource


def property_choices(db: DatabaseSource) -> list[tuple[int, str]]:
    """(id, name) of every property, by name."""
    with read_connection(db) as con:
        return property_names(con)


def meter_choices(db: DatabaseSource, property_id: int) -> list[tuple[int, str, str]]:
    """(id, name, energy type) of a property's meters, by name."""
    with read_connection(db) as con:
        return meter_names(con, property_id)


def has_properties(db: DatabaseSource) -> bool:
    """Whether the database holds any property (the welcome page stands in for an empty list)."""
    with read_connection(db) as con:
        row = con.execute("SELECT EXISTS (SELECT 1 FROM property)").fetchone()
    return bool(row and row[0])
