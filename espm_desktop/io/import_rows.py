"""Shared by every reader: the fields a bill row can carry, header aliases, and cell → ImportRow.

A reader finds which column holds which field, then hands each row's cells to `RowBuilder.build`,
which returns an ImportRow, a SkippedRow, or the list of RowErrors (one per bad cell).

Every value of an ImportRow is checked here (parse_values holds the rules): finite numbers within what
the database holds, plausible dates, names in their one normalised form (`normalise_name`) and no longer
than their column. `row_value_errors` applies the same rules to a row built by any other means.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from operator import itemgetter
from typing import Any

from espm_desktop.core.energy import UnknownUnitError, energy_type_from_espm_label, unit_from_espm_label
from espm_desktop.io.import_types import ImportRow, RowError, SkippedRow
from espm_desktop.io.parse_values import (
    COST_MAX,
    ESPM_ID_MAX_CHARS,
    NAME_MAX_CHARS,
    USAGE_MAX,
    CellValue,
    DateBounds,
    DateOrder,
    ValueParseError,
    check_bill_date,
    check_cost,
    check_name,
    check_usage,
    is_blank,
    normalise_label,
    normalise_name,
    parse_date,
    parse_money,
    parse_number,
    parse_yes_no,
    text_of,
)


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


FIELD_LABELS: dict[Field, tuple[str, str]] = {
    Field.PROPERTY_ID: ("ESPM property ID", "No de propriété ESPM"),
    Field.PROPERTY_NAME: ("Property name", "Nom de la propriété"),
    Field.METER_ID: ("ESPM meter ID", "No de compteur ESPM"),
    Field.METER_NAME: ("Meter name", "Nom du compteur"),
    Field.METER_TYPE: ("Meter type (energy)", "Type de compteur (énergie)"),
    Field.UNIT: ("Unit", "Unité"),
    Field.START: ("Start date", "Date de début"),
    Field.END: ("End date", "Date de fin"),
    Field.DELIVERY_DATE: ("Delivery date", "Date de livraison"),
    Field.USAGE: ("Usage", "Consommation"),
    Field.COST: ("Cost ($)", "Coût ($)"),
    Field.ESTIMATED: ("Estimated?", "Estimée?"),
    Field.CONSUMPTION_ID: ("ESPM meter consumption ID", "No de relevé ESPM"),
}

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

# How a message names each checked name or ID (English, French).
_NAME_WORDS: dict[Field, tuple[str, str]] = {
    Field.PROPERTY_NAME: ("property name", "nom de la propriété"),
    Field.METER_NAME: ("meter name", "nom du compteur"),
    Field.PROPERTY_ID: ("ESPM property ID", "numéro ESPM de la propriété"),
    Field.METER_ID: ("ESPM meter ID", "numéro ESPM du compteur"),
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


# Meter types ESPM uses for water, waste, IT and flow meters: not energy, left out of the import.
_NON_ENERGY_WORDS = (
    "water",
    "waste",
    "disposed",
    "recycled",
    "composted",
    "donated",
    "reused",
    "potable",
    "reclaimed",
    "wastewater",
    "influent",
    "effluent",
    "flow",
    "uninterruptible",
    "power distribution unit",
    "it equipment",
    "eau",
    "dechets",
    "irrigation",
)
_ENERGY_EXCEPTIONS = ("hot water", "chilled water", "eau chaude", "eau refroidie")


_NON_ENERGY_KEYS = tuple(normalise_label(w) for w in _NON_ENERGY_WORDS)
_ENERGY_EXCEPTION_KEYS = tuple(normalise_label(e) for e in _ENERGY_EXCEPTIONS)


@lru_cache(maxsize=512)
def is_non_energy_meter_type(label: str) -> bool:
    key = normalise_label(label)
    if any(e in key for e in _ENERGY_EXCEPTION_KEYS):
        return False
    return any(w in key for w in _NON_ENERGY_KEYS)


@lru_cache(maxsize=512)
def cached_energy_type(label: str) -> str:
    return energy_type_from_espm_label(label)


@lru_cache(maxsize=2048)
def cached_unit(label: str, energy_type: str | None) -> tuple[str | None, str]:
    return unit_from_espm_label(label, energy_type)


# The cells `RowBuilder.build` reads, in the order `_cells` returns them.
_ROW_FIELDS = (
    Field.CONSUMPTION_ID,
    Field.METER_TYPE,
    Field.UNIT,
    Field.START,
    Field.END,
    Field.DELIVERY_DATE,
    Field.USAGE,
    Field.COST,
    Field.ESTIMATED,
    Field.PROPERTY_ID,
    Field.PROPERTY_NAME,
    Field.METER_ID,
    Field.METER_NAME,
)
_MEMO_MAX = 100_000


_MEMO_TYPES = frozenset({str, bool, date, type(None)})


class _BlankCells(dict[Any, bool]):
    """`is_blank` of each distinct cell, remembered: the same labels and 'Not Available' fill every row.

    Any cell but None and text is never blank, so values of different kinds that compare equal (1.0 and
    True) share an answer safely; unique numbers are not kept.
    """

    def __missing__(self, value: CellValue) -> bool:
        blank = is_blank(value)
        if type(value) in _MEMO_TYPES and len(self) < _MEMO_MAX:
            self[value] = blank
        return blank


_BLANK_CELLS = _BlankCells()


@dataclass(slots=True)
class RowBuilder:
    """Turns one row's cells into an ImportRow; holds what is constant for a sheet."""

    file: str
    sheet: str
    columns: dict[Field, int]
    headers: list[str]
    date_order: DateOrder | None = None
    decimal_comma: bool | None = None
    fixed: dict[Field, str] = field(default_factory=dict)
    skip_existing_entries: bool = False
    """True for upload templates: a row with a Meter Consumption ID is already in ESPM."""
    today: date | None = None
    """The day dates are judged against (a bill may end up to a year after it); None for the real today."""
    _defaults: list[CellValue] = field(init=False, repr=False, default_factory=list)
    """The fixed value (or None) of each of _ROW_FIELDS, for a blank or missing cell."""
    _absent: list[bool] = field(init=False, repr=False, default_factory=list)
    """Per field of _ROW_FIELDS: the sheet has no column for it."""
    _pick: Callable[[list[CellValue]], Any] | None = field(init=False, repr=False, default=None)
    _reach: int = field(init=False, repr=False, default=0)
    _id_texts: dict[float, str] = field(init=False, repr=False, default_factory=dict)
    _money: dict[float, Decimal] = field(init=False, repr=False, default_factory=dict)
    _yes_no: dict[str, bool] = field(init=False, repr=False, default_factory=dict)
    _names: dict[str, str] = field(init=False, repr=False, default_factory=dict)
    _bounds: DateBounds = field(init=False, repr=False, default=DateBounds(date.min, date.max))

    def __post_init__(self) -> None:
        self._bounds = DateBounds.around(self.today)
        indexes = []
        for f in _ROW_FIELDS:
            index = self.columns.get(f)
            indexes.append(0 if index is None else index)
            self._absent.append(index is None)
            fixed = self.fixed.get(f)
            self._defaults.append(fixed if fixed else None)
        present = [self.columns[f] for f in _ROW_FIELDS if f in self.columns]
        if present:
            self._reach = max(present) + 1
            self._pick = itemgetter(*indexes)

    def _cells(self, row: list[CellValue]) -> list[CellValue]:
        """The row's cell of each of _ROW_FIELDS; a blank or missing cell gives the fixed value or None."""
        if self._pick is not None and len(row) >= self._reach:
            blank = _BLANK_CELLS
            return [
                default if absent or (type(value) is not float and blank[value]) else value
                for value, default, absent in zip(self._pick(row), self._defaults, self._absent, strict=True)
            ]
        cells = self._defaults.copy()
        for position, f in enumerate(_ROW_FIELDS):
            index = self.columns.get(f)
            if index is not None and index < len(row) and not is_blank(row[index]):
                cells[position] = row[index]
        return cells

    def _id_text(self, value: CellValue) -> str:
        """text_of, with the text of a numeric ID made once (IDs come out of xlsx as floats)."""
        if type(value) is str:
            return self._name(value)  # '5766973 typed to keep Excel from making it a number
        if type(value) is not float:
            return text_of(value)
        text = self._id_texts.get(value)
        if text is None:
            text = text_of(value)
            if len(self._id_texts) < _MEMO_MAX:
                self._id_texts[value] = text
        return text

    def _parse_yes_no(self, value: CellValue) -> bool:
        if type(value) is not str:
            return parse_yes_no(value)
        answer = self._yes_no.get(value)
        if answer is None:
            answer = parse_yes_no(value)
            if len(self._yes_no) < _MEMO_MAX:
                self._yes_no[value] = answer
        return answer

    def _parse_money(self, value: CellValue) -> Decimal:
        # Zero is left out: 0.0 == -0.0 but their Decimals differ.
        if type(value) is not float or not value:
            return check_cost(parse_money(value, self.decimal_comma))
        money = self._money.get(value)
        if money is None:
            money = check_cost(parse_money(value, self.decimal_comma))
            if len(self._money) < _MEMO_MAX:
                self._money[value] = money
        return money

    def _name(self, text: str) -> str:
        """normalise_name, remembered: the same few property and meter names fill every row."""
        name = self._names.get(text)
        if name is None:
            name = normalise_name(text)
            if len(self._names) < _MEMO_MAX:
                self._names[text] = name
        return name

    def _check_name(
        self, number: int, f: Field, cell: CellValue, name: str, errors: list[RowError], limit: int
    ) -> None:
        if len(name) > limit:
            label_en, label_fr = _NAME_WORDS[f]
            try:
                check_name(name, label_en, label_fr, limit)
            except ValueParseError as exc:
                errors.append(self._error(number, f, cell, exc.reason_en, exc.reason_fr))

    def _column(self, f: Field) -> str:
        index = self.columns.get(f)
        if index is None:
            return FIELD_LABELS[f][0]
        return self.headers[index] if index < len(self.headers) else f"#{index + 1}"

    def _error(self, number: int, f: Field, value: CellValue, en: str, fr: str) -> RowError:
        return RowError(self.file, self.sheet, number, self._column(f), text_of(value), en, fr)

    def build(self, row: list[CellValue], number: int) -> ImportRow | SkippedRow | list[RowError]:
        (
            consumption,
            type_cell,
            unit_cell,
            start_cell,
            end_cell,
            delivery_cell,
            usage_cell,
            cost_cell,
            est_cell,
            property_cell,
            property_name_cell,
            meter_cell,
            meter_name_cell,
        ) = self._cells(row)
        consumption_id = text_of(consumption) or None
        if self.skip_existing_entries and consumption_id:
            return SkippedRow(
                self.file,
                self.sheet,
                number,
                f"Meter Consumption ID {consumption_id}: this bill is already in Portfolio Manager.",
                f"No de relevé {consumption_id} : cette facture est déjà dans Portfolio Manager.",
            )
        errors: list[RowError] = []
        type_label = text_of(type_cell)
        energy: str | None = None
        if type_label:
            if is_non_energy_meter_type(type_label):
                return SkippedRow(
                    self.file,
                    self.sheet,
                    number,
                    f"'{type_label}' is not an energy meter (water, waste and IT meters are not imported).",
                    f"« {type_label} » n'est pas un compteur d'énergie (eau, déchets et TI ne sont "
                    "pas importés).",
                )
            try:
                energy = cached_energy_type(type_label)
            except UnknownUnitError as exc:
                errors.append(
                    self._error(number, Field.METER_TYPE, type_cell, exc.message_en, exc.message_fr)
                )
        unit: str | None = None
        unit_label = text_of(unit_cell)
        if not unit_label:
            errors.append(
                self._error(
                    number,
                    Field.UNIT,
                    unit_cell,
                    "The unit is missing (e.g. kWh, cm (cubic meters), GJ).",
                    "L'unité est manquante (p. ex. kWh, cm (cubic meters), GJ).",
                )
            )
        elif not (type_label and energy is None):
            try:
                found_type, unit = cached_unit(unit_label, energy)
                if energy is None:
                    energy = found_type
                    if energy is None:
                        errors.append(
                            self._error(
                                number,
                                Field.METER_TYPE,
                                type_cell,
                                f"The energy type is missing and the unit '{unit_label}' fits several types.",
                                f"Le type d'énergie est manquant et l'unité « {unit_label} » convient "
                                "à plusieurs types.",
                            )
                        )
            except UnknownUnitError as exc:
                errors.append(self._error(number, Field.UNIT, unit_cell, exc.message_en, exc.message_fr))

        delivery = False
        start = end = None
        if start_cell is None and end_cell is None and delivery_cell is not None:
            delivery = True
            start = end = self._date(row, number, Field.DELIVERY_DATE, delivery_cell, errors)
        else:
            start = self._date(row, number, Field.START, start_cell, errors)
            end = self._date(row, number, Field.END, end_cell, errors)
            if start is not None and end is not None and end < start:
                errors.append(
                    self._error(
                        number,
                        Field.END,
                        end_cell,
                        f"The end date {end.isoformat()} is before the start date {start.isoformat()}.",
                        f"La date de fin {end.isoformat()} précède la date de début {start.isoformat()}.",
                    )
                )

        usage: float | None = None
        if usage_cell is None:
            errors.append(
                self._error(
                    number, Field.USAGE, usage_cell, "The usage is missing.", "La consommation est manquante."
                )
            )
        else:
            try:
                usage = parse_number(usage_cell, self.decimal_comma)
                if not 0.0 <= usage <= USAGE_MAX:
                    check_usage(usage)  # raises with the reason
            except ValueParseError as exc:
                errors.append(self._error(number, Field.USAGE, usage_cell, exc.reason_en, exc.reason_fr))

        cost: Decimal | None = None
        if cost_cell is not None:
            try:
                cost = self._parse_money(cost_cell)
            except ValueParseError as exc:
                errors.append(self._error(number, Field.COST, cost_cell, exc.reason_en, exc.reason_fr))
        estimated = False
        try:
            estimated = self._parse_yes_no(est_cell)
        except ValueParseError as exc:
            errors.append(self._error(number, Field.ESTIMATED, est_cell, exc.reason_en, exc.reason_fr))

        property_id = self._id_text(property_cell) or None
        property_name = self._name(text_of(property_name_cell))
        if not property_id and not property_name:
            errors.append(
                self._error(
                    number,
                    Field.PROPERTY_NAME,
                    None,
                    "The property is missing (name or ESPM ID).",
                    "La propriété est manquante (nom ou no ESPM).",
                )
            )
        meter_id = self._id_text(meter_cell) or None
        meter_name = self._name(text_of(meter_name_cell))
        if (
            len(property_name) > NAME_MAX_CHARS
            or len(meter_name) > NAME_MAX_CHARS
            or len(property_id or "") > ESPM_ID_MAX_CHARS
            or len(meter_id or "") > ESPM_ID_MAX_CHARS
        ):
            for f, cell, name, limit in (
                (Field.PROPERTY_NAME, property_name_cell, property_name, NAME_MAX_CHARS),
                (Field.METER_NAME, meter_name_cell, meter_name, NAME_MAX_CHARS),
                (Field.PROPERTY_ID, property_cell, property_id or "", ESPM_ID_MAX_CHARS),
                (Field.METER_ID, meter_cell, meter_id or "", ESPM_ID_MAX_CHARS),
            ):
                self._check_name(number, f, cell, name, errors, limit)
        if errors:
            return errors
        assert energy is not None and unit is not None and usage is not None
        assert start is not None and end is not None
        meter_label = meter_name or energy
        return ImportRow(
            file=self.file,
            sheet=self.sheet,
            row_number=number,
            property_key=property_id or property_name,
            property_name=property_name or property_id or "",
            meter_key=meter_id or sys.intern(f"{meter_label}|{energy}"),
            meter_name=meter_label,
            energy_type=energy,
            unit=unit,
            start=start,
            end=end,
            usage=usage,
            cost=cost,
            estimated=estimated,
            consumption_id=consumption_id,
            property_espm_id=property_id,
            meter_espm_id=meter_id,
            delivery=delivery,
        )

    def _date(
        self, row: list[CellValue], number: int, f: Field, cell: CellValue, errors: list[RowError]
    ) -> date | None:
        if cell is None:
            label_en, label_fr = FIELD_LABELS[f]
            errors.append(
                self._error(number, f, cell, f"{label_en} is missing.", f"{label_fr} : valeur manquante.")
            )
            return None
        try:
            value = parse_date(cell, self.date_order)
            bounds = self._bounds
            return value if bounds.earliest <= value <= bounds.latest else check_bill_date(value, bounds)
        except ValueParseError as exc:
            errors.append(self._error(number, f, cell, exc.reason_en, exc.reason_fr))
            return None


def row_value_errors(row: ImportRow, bounds: DateBounds) -> list[RowError]:
    """The checks `RowBuilder.build` makes, for a row built by other means: one RowError per bad value.

    Names are judged in their normalised form, the form they are matched and stored in.
    """
    problems: list[tuple[Field, object, ValueParseError]] = []

    def check(f: Field, value: object, rule: Callable[[], object]) -> None:
        try:
            rule()
        except ValueParseError as exc:
            problems.append((f, value, exc))

    check(Field.USAGE, row.usage, lambda: check_usage(row.usage))
    check(Field.START, row.start, lambda: check_bill_date(row.start, bounds))
    check(Field.END, row.end, lambda: check_bill_date(row.end, bounds))
    cost = row.cost
    if cost is not None:
        check(Field.COST, cost, lambda: check_cost(cost))
    named = (
        (Field.PROPERTY_NAME, row.property_name, NAME_MAX_CHARS),
        (Field.METER_NAME, row.meter_name, NAME_MAX_CHARS),
        (Field.PROPERTY_ID, row.property_espm_id or "", ESPM_ID_MAX_CHARS),
        (Field.METER_ID, row.meter_espm_id or "", ESPM_ID_MAX_CHARS),
    )
    for f, text, limit in named:
        what_en, what_fr = _NAME_WORDS[f]
        name = normalise_name(text)
        check(f, text, lambda: check_name(name, what_en, what_fr, limit))  # noqa: B023 — called at once
    if not normalise_name(row.property_name) and not normalise_name(row.property_espm_id or ""):
        missing = ValueParseError(
            "The property is missing (name or ESPM ID).", "La propriété est manquante (nom ou no ESPM)."
        )
        problems.append((Field.PROPERTY_NAME, row.property_name, missing))
    return [
        RowError(
            row.file,
            row.sheet,
            row.row_number,
            FIELD_LABELS[f][0],
            text_of(value) if isinstance(value, str | float | int | date) else str(value),
            exc.reason_en,
            exc.reason_fr,
        )
        for f, value, exc in problems
    ]


_COST_MIN = -COST_MAX


def row_values_fit(row: ImportRow, bounds: DateBounds) -> bool:
    """True when `row_value_errors` has nothing to say of its numbers and dates: the fast test the import
    makes of every row (names are tested once per run of rows naming the same meter)."""
    if not 0.0 <= row.usage <= USAGE_MAX:  # also False for NaN
        return False
    earliest, latest = bounds.earliest, bounds.latest
    if not (earliest <= row.start <= latest and earliest <= row.end <= latest):
        return False
    cost = row.cost
    return cost is None or (cost.is_finite() and _COST_MIN < cost < COST_MAX)


def row_names_fit(row: ImportRow) -> bool:
    """True when the row names its property and its names and IDs, normalised, fit their columns."""
    property_name = normalise_name(row.property_name)
    property_id = normalise_name(row.property_espm_id or "")
    return (
        bool(property_name or property_id)
        and len(property_name) <= NAME_MAX_CHARS
        and len(normalise_name(row.meter_name)) <= NAME_MAX_CHARS
        and len(property_id) <= ESPM_ID_MAX_CHARS
        and len(normalise_name(row.meter_espm_id or "")) <= ESPM_ID_MAX_CHARS
    )
