"""Use cases of the Properties page: the list, one property's form values, save and delete.

The list is the first screen: it is read with sqlite3 alone (db.summaries). SQLAlchemy and the ORM are imported by
the functions that write, or read a form, when first called.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from espm_desktop.app.records import RecordRefused, refused_as_field_error
from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message
from espm_desktop.core.validation import normalise_postal_code
from espm_desktop.db import summaries
from espm_desktop.db.summaries import PropertySummary

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from espm_desktop.db import models

__all__ = [
    "PROPERTY_FIELDS",
    "PropertySummary",
    "RecordRefused",
    "apply_property_values",
    "delete_property",
    "property_form",
    "property_name",
    "property_summaries",
    "save_property",
]

PROPERTY_FIELDS = [
    "name",
    "street_address",
    "city",
    "province",
    "postal_code",
    "espm_property_id",
    "property_type",
    "gross_floor_area_m2",
    "year_built",
    "workers",
    "weekly_hours",
    "computers",
    "percent_heated",
    "percent_cooled",
    "months_in_operation",
]
"""The fields of the property form, as the model names them."""


def property_summaries(db_path: Path | str) -> list[PropertySummary]:
    """Every property with its meter count, by name (sqlite3 only: the first screen)."""
    return summaries.property_summaries(db_path)


def apply_property_values(row: models.Property, values: Mapping[str, Any]) -> None:
    """The form's values on a row, in their stored form (postal code normalised, no empty ESPM id)."""
    for key in PROPERTY_FIELDS:
        value = values[key]
        if key == "postal_code":
            value = normalise_postal_code(value)
        if key == "espm_property_id":
            value = value or None
        if key == "gross_floor_area_m2":
            value = value or 0.0
        setattr(row, key, value)


def property_form(engine: Engine, property_id: int) -> dict[str, Any] | None:
    """The stored values of the form's fields, or None when the property is gone."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

    with Session(engine) as session:
        row = session.get(models.Property, property_id)
        return None if row is None else {key: getattr(row, key) for key in PROPERTY_FIELDS}


def property_name(engine: Engine, property_id: int) -> str | None:
    form = property_form(engine, property_id)
    return None if form is None else str(form["name"])


def _conflict() -> FieldError:
    return FieldError("espm_property_id", message("Another property already has this ESPM property ID."))


def save_property(engine: Engine, values: Mapping[str, Any], property_id: int | None = None) -> int:
    """One transaction: a new property (`property_id` None) or the edited one; its id.

    Raises RecordRefused, with the error to show under a field, when the database refuses a value (an ESPM id
    another property has, a rule of the table); nothing is then saved. A property deleted since its form was
    read is stored again under its id.
    """
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

    with refused_as_field_error(models.Property, _conflict(), list(values)):
        with Session(engine) as session, session.begin():
            row = session.get(models.Property, property_id) if property_id is not None else None
            if row is None:
                row = models.Property(name="") if property_id is None else models.Property(id=property_id)
            apply_property_values(row, values)
            session.add(row)
            session.flush()
            return int(row.id)


def delete_property(engine: Engine, property_id: int) -> None:
    """One transaction: the property with all its meters and bills."""
    from sqlalchemy.orm import Session

    from espm_desktop.db import models

    with Session(engine) as session, session.begin():
        row = session.get(models.Property, property_id)
        if row is not None:
            session.delete(row)
