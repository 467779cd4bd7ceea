"""The rules of an SGÉ participant's production periods (what the savings model may normalise by): dates in
order, no negative quantity, no two periods sharing more than one day. The form checks them as the user types and
the store before it saves."""

from __future__ import annotations

from collections.abc import Sequence

from espm_desktop.core.field_errors import FieldError
from espm_desktop.core.i18n import message
from espm_desktop.core.sge.records import ProductionEntry


def production_problems(entry: ProductionEntry, others: Sequence[ProductionEntry]) -> list[FieldError]:
    """What is wrong with a production period among the participant's others (itself skipped by id)."""
    errors = []
    if entry.end < entry.start:
        errors.append(
            FieldError(
                "end",
                message(
                    "End ({end}) is before the start ({start}): a period must end on or after its start.",
                    end=entry.end.isoformat(),
                    start=entry.start.isoformat(),
                ),
            )
        )
    if entry.quantity < 0:
        errors.append(
            FieldError(
                "quantity",
                message(
                    "Quantity ({quantity}) is negative: production cannot be below zero.",
                    quantity=f"{entry.quantity:g}",
                ),
            )
        )
    if entry.end >= entry.start:
        for o in others:
            if entry.production_id is not None and o.production_id == entry.production_id:
                continue
            shared = (min(entry.end, o.end) - max(entry.start, o.start)).days + 1
            # One shared day is allowed: like bills, a period may start on the day the previous one ends.
            if shared > 1:
                errors.append(
                    FieldError(
                        "start",
                        message(
                            "The period overlaps the period {start} to {end} by {days} days (one day at most): "
                            "change the dates or edit that period.",
                            start=o.start.isoformat(),
                            end=o.end.isoformat(),
                            days=str(shared),
                        ),
                    )
                )
                break
    return errors
