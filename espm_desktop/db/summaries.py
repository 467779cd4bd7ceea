"""Light read-only queries for the first screen, with the sqlite3 module alone.

Start-up shows the property list before SQLAlchemy (~0.2 s to import) is loaded; everything that writes goes
through the ORM.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.db.sqlite_files import connect_read_only


@dataclass(frozen=True, slots=True)
class PropertySummary:
    property_id: int
    name: str
    city: str
    property_type: str
    gross_floor_area_m2: float
    espm_property_id: str | None
    meter_count: int


def property_summaries(db_path: Path | str) -> list[PropertySummary]:
    con = connect_read_only(db_path)
    try:
        rows = con.execute(
            """
            SELECT p.id, p.name, p.city, p.property_type, p.gross_floor_area_m2, p.espm_property_id,
                   (SELECT count(*) FROM meter m WHERE m.property_id = p.id)
            FROM property p ORDER BY p.name COLLATE NOCASE, p.id
            """
        ).fetchall()
    finally:
        con.close()
    return [PropertySummary(*row) for row in rows]


def property_names(con: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, name) of every property, by name (as the ORM's order_by(Property.name) gives them)."""
    return [(int(pid), str(name)) for pid, name in con.execute("SELECT id, name FROM property ORDER BY name")]


def meter_names(con: sqlite3.Connection, property_id: int) -> list[tuple[int, str, str]]:
    """(id, name, energy type) of a property's meters, by name."""
    rows = con.execute(
        "SELECT id, name, energy_type FROM meter WHERE property_id = ? ORDER BY name", (property_id,)
    )
    return [(int(mid), str(name), str(kind)) for mid, name, kind in rows]
