"""The fields a bill row can carry: their names (English, translated through core.i18n) and the header texts that
mean each.

A reader finds which column holds which field (`match_headers`, `field_for_header`) and hands the row to
io.import_rows. Adding a bill field starts here: a `Field`, its label and its header aliases.
"""

from __future__ import annotations

import re
from enum import StrEnum

from espm_desktop.core.i18n import N_, Message, _
from espm_desktop.io.parse_values import CellValue, normalise_label, text_of
from espm_desktop.io.tables import listed


class Field(StrEnum):
    """A target field of a bill row (also the keys of a ColumnMapping)."""

    PROPERTY_ID = "property_id"
    PROPERTY_NAME = "property_name"
    METER_ID = "meter_id"
    METER_NAME = "meter_name"
    METER_TYPE = "meter_type"
    UNIT = "unit"
    START = "start"
    END = "end"
    DELIVERY_DATE = "delivery_date"
    USAGE = "usage"
    COST = "cost"
    ESTIMATED = "estimated"
    CONSUMPTION_ID = "consumption_id"


FIELD_LABELS: dict[Field, str] = {
    Field.PROPERTY_ID: N_("ESPM property ID"),
    Field.PROPERTY_NAME: N_("Property name"),
    Field.METER_ID: N_("ESPM meter ID"),
    Field.METER_NAME: N_("Meter name"),
    Field.METER_TYPE: N_("Meter type (energy)"),
    Field.UNIT: N_("Unit"),
    Field.START: N_("Start date"),
    Field.END: N_("End date"),
    Field.DELIVERY_DATE: N_("Delivery date"),
    Field.USAGE: N_("Usage"),
    Field.COST: N_("Cost ($)"),
    Field.ESTIMATED: N_("Estimated?"),
    Field.CONSUMPTION_ID: N_("ESPM meter consumption ID"),
}
"""Each field's label in English; `field_label` gives it in the reader's language."""


def field_label(f: Field, language: str | None = None) -> str:
    """The field's label in `language` (the current one when None)."""
    return _(FIELD_LABELS[f], language)


def field_labels(fields: list[Field]) -> Message:
    """The fields' labels, comma-separated, in the language the message is read in."""
    return listed([Message(FIELD_LABELS[f]) for f in fields])


# Header texts by field, compared after normalise_label (case, accents, punctuation ignored). ESPM's own
# headers come first (Meter Entries export and upload templates), then other spellings in EN and FR.
FIELD_ALIASES: dict[Field, tuple[str, ...]] = {
    Field.PROPERTY_ID: (
        "Portfolio Manager ID",
        "Property Id",
        "Portfolio Manager Property ID",
        "PM Property ID",
        "ESPM ID",
        "ESPM Property ID",
        "Property ID (ESPM)",
        "No de propriete ESPM",
        "Identifiant ESPM",
        "ID Portfolio Manager",
    ),
    Field.PROPERTY_NAME: (
        "Property Name",
        "Property",
        "Building",
        "Building Name",
        "Nom de la propriete",
        "Propriete",
        "Batiment",
        "Nom du batiment",
        "Immeuble",
        "Site",
    ),
    Field.METER_ID: (
        "Portfolio Manager Meter ID",
        "Meter ID",
        "PM Meter ID",
        "ESPM Meter ID",
        "No de compteur ESPM",
        "Identifiant du compteur ESPM",
    ),
    Field.METER_NAME: (
        "Meter Name",
        "Meter",
        "Meter Number",
        "Nom du compteur",
        "Compteur",
        "Numero de compteur",
        "No de compteur",
        "No compteur",
    ),
    Field.METER_TYPE: (
        "Meter Type",
        "Energy Type",
        "Fuel Type",
        "Fuel",
        "Type",
        "Type de compteur",
        "Type d energie",
        "Energie",
        "Source d energie",
    ),
    Field.UNIT: (
        "Usage Units",
        "Meter Unit",
        "Units",
        "Unit",
        "Unit of Measure",
        "UOM",
        "Unite",
        "Unites",
        "Unite de mesure",
    ),
    Field.START: (
        "Start Date",
        "Start",
        "From",
        "Period Start",
        "Billing Start",
        "Date de debut",
        "Debut",
        "Du",
        "Date debut",
        "Debut de la periode",
        "Periode du",
    ),
    Field.END: (
        "End Date",
        "End",
        "To",
        "Period End",
        "Billing End",
        "Date de fin",
        "Fin",
        "Au",
        "Date fin",
        "Fin de la periode",
        "Periode au",
    ),
    Field.DELIVERY_DATE: ("Delivery Date", "Date de livraison", "Livraison"),
    Field.USAGE: (
        "Usage/Quantity",
        "Usage",
        "Quantity",
        "Consumption",
        "Usage Quantity",
        "Consommation",
        "Quantite",
        "Volume",
        "Energy Used On-Site",
    ),
    Field.COST: (
        "Cost ($)",
        "Cost",
        "Amount",
        "Total Cost",
        "Cout",
        "Cout ($)",
        "Montant",
        "Montant ($)",
        "Total",
        "Cout total",
    ),
    Field.ESTIMATED: (
        "Estimation?",
        "Estimation",
        "Estimated",
        "Estimated?",
        "Estime",
        "Estimee",
        "Estimation ?",
    ),
    Field.CONSUMPTION_ID: ("Meter Consumption ID", "Meter Entry ID", "Consumption ID", "No de releve"),
}

# What is said of a name or ID longer than its column (parse_values.check_name fills in {length} and {limit}).
NAME_TOO_LONG: dict[Field, str] = {
    Field.PROPERTY_NAME: N_(
        "The property name is {length} characters long; the database holds at most {limit}. Shorten it in "
        "the file (keep it the same in every file)."
    ),
    Field.METER_NAME: N_(
        "The meter name is {length} characters long; the database holds at most {limit}. Shorten it in the "
        "file (keep it the same in every file)."
    ),
    Field.PROPERTY_ID: N_(
        "The ESPM property ID is {length} characters long; the database holds at most {limit}. Shorten it in "
        "the file (keep it the same in every file)."
    ),
    Field.METER_ID: N_(
        "The ESPM meter ID is {length} characters long; the database holds at most {limit}. Shorten it in "
        "the file (keep it the same in every file)."
    ),
}

# ESPM template headers end with "(Required)", "(Optional)", "(Pre-filled)" or longer variants.
_TEMPLATE_NOTE = re.compile(r"\([^()]*(?:required|optional|pre-?filled)[^()]*\)", re.IGNORECASE)


def header_key(header: CellValue) -> str:
    """Comparable form of a header cell: template notes and punctuation removed."""
    return normalise_label(_TEMPLATE_NOTE.sub(" ", text_of(header)))


_ALIAS_TO_FIELD: dict[str, Field] = {}
for _field, _aliases in FIELD_ALIASES.items():
    for _alias in _aliases:
        _ALIAS_TO_FIELD.setdefault(normalise_label(_alias), _field)


def field_for_header(header: CellValue) -> Field | None:
    return _ALIAS_TO_FIELD.get(header_key(header))


def match_headers(headers: list[CellValue]) -> dict[Field, int]:
    """Column index (0-based) of each field found in a header row; the first column wins a tie."""
    found: dict[Field, int] = {}
    for index, header in enumerate(headers):
        f = field_for_header(header)
        if f is not None and f not in found:
            found[f] = index
    return found
