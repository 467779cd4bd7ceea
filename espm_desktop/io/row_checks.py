"""The checks every bill row passes before it is matched or stored, for rows made by any means.

io.import_rows applies them as it reads a file; the import plan applies them to rows built by other means
(`row_value_errors`), with fast tests first (`row_values_fit`, `row_names_fit`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from espm_desktop.core.i18n import message
from espm_desktop.io.bill_fields import FIELD_LABELS, NAME_TOO_LONG, Field
from espm_desktop.io.import_types import ImportRow, RowError
from espm_desktop.io.parse_values import (
    COST_MAX,
    ESPM_ID_MAX_CHARS,
    NAME_MAX_CHARS,
    USAGE_MAX,
    DateBounds,
    ValueParseError,
    check_bill_date,
    check_cost,
    check_name,
    check_usage,
    normalise_name,
    text_of,
)


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
        name = normalise_name(text)
        check(f, text, lambda: check_name(name, NAME_TOO_LONG[f], limit))  # noqa: B023 — called at once
    if not normalise_name(row.property_name) and not normalise_name(row.property_espm_id or ""):
        missing = ValueParseError(message("The property is missing (name or ESPM ID)."))
        problems.append((Field.PROPERTY_NAME, row.property_name, missing))
    return [
        RowError(
            row.file,
            row.sheet,
            row.row_number,
            FIELD_LABELS[f],
            text_of(value) if isinstance(value, str | float | int | date) else str(value),
            exc.problem,
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
