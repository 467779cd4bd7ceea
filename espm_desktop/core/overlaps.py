"""ESPM's rule for two bills of one meter that overlap (ESPM help; DOMAIN.md): the data checks, the forms, the
bills grid and every import apply this one rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class BillOverlap:
    """Two bills that ESPM refuses together: the days they share and whether one lies inside the other."""

    start: date
    end: date
    days: int
    contained: bool


def bill_overlap(start: date, end: date, other_start: date, other_end: date) -> BillOverlap | None:
    """The overlap ESPM refuses between two bills (end dates inclusive), or None when they may coexist.

    ESPM lets one bill end on the day the next one starts (that day belongs to the later bill). Any other
    shared day is an overlap, and so is a bill lying inside another, even a one-day bill on that shared day.
    """
    low, high = max(start, other_start), min(end, other_end)
    if low > high:
        return None
    days = (high - low).days + 1
    first, second = sorted(((start, end), (other_start, other_end)))
    # One shared day that ends the first bill and starts the second, each bill also having days of its own.
    if days == 1 and first[1] == second[0] and first[0] < second[0] and second[1] > first[1]:
        return None
    contained = (start >= other_start and end <= other_end) or (other_start >= start and other_end <= end)
    return BillOverlap(low, high, days, contained)
