"""BillTable: a meter's bills as columns, which behave as the sequence of `Bill`s they hold."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from espm_desktop.core.types import Bill, BillSource, BillTable, MeterData

BILLS = (
    Bill(date(2024, 1, 1), date(2024, 1, 31), 100.0, Decimal("12.50"), False, BillSource.IMPORT),
    Bill(date(2024, 2, 1), date(2024, 2, 29), 90.5, None, True, BillSource.DATA_EXCHANGE),
    Bill(date(2024, 3, 1), date(2024, 3, 31), 80.0, Decimal("9.99")),
)


def columns(bills: tuple[Bill, ...]) -> BillTable:
    """The bills as the database read gives them: columns, no Bill made yet."""
    return BillTable(*BillTable.of(bills).columns())


def test_a_table_is_the_sequence_of_its_bills() -> None:
    table = columns(BILLS)
    assert len(table) == 3
    assert table[1] == BILLS[1] and table[-1] == BILLS[-1]
    assert table._bills is None  # one row asked for: the others are not made
    assert table[0:2] == BILLS[0:2]
    assert list(table) == list(BILLS)
    assert table == BILLS and BILLS == table and table == list(BILLS)
    assert table == columns(BILLS) and table != BILLS[:2] and table != "bills"
    assert hash(table) == hash(BILLS)
    assert bool(BillTable([], [], [], [], [], [])) is False
    with pytest.raises(IndexError):
        table[3]


def test_meters_with_the_same_bills_are_equal_whichever_form_they_hold() -> None:
    as_bills = MeterData("Gaz", "natural_gas", "m3", BILLS, meter_id=1)
    as_columns = MeterData("Gaz", "natural_gas", "m3", columns(BILLS), meter_id=1)
    assert as_bills == as_columns and hash(as_bills) == hash(as_columns)
    assert MeterData("Gaz", "natural_gas", "m3", columns(BILLS[:2]), meter_id=1) != as_bills


def test_of_keeps_a_table_and_the_bills_it_is_given() -> None:
    table = columns(BILLS)
    assert BillTable.of(table) is table
    made = BillTable.of(list(BILLS))
    assert made.starts == [b.start for b in BILLS] and made.costs == [b.cost for b in BILLS]
    assert made.bills() == BILLS and made[0] is made.bills()[0]
    again = BillTable(*made.columns())
    assert again._bills is None and again.starts is made.starts
    assert again == made


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="one value per bill"):
        BillTable([date(2024, 1, 1)], [], [1.0], [None], [False], [BillSource.MANUAL])


def test_in_order_sorts_by_start_then_end_and_keeps_a_sorted_table() -> None:
    table = columns(BILLS)
    assert table.in_order() is table
    same_start = Bill(date(2024, 2, 1), date(2024, 2, 10), 5.0)
    shuffled = (BILLS[2], BILLS[1], same_start, BILLS[0])
    ordered = columns(shuffled).in_order()
    assert list(ordered) == [BILLS[0], same_start, BILLS[1], BILLS[2]]
    assert ordered.sources[1] is BillSource.MANUAL and ordered.costs[0] == Decimal("12.50")
    # Two bills starting on one day, already by end: nothing to sort.
    two = columns((same_start, BILLS[1]))
    assert two.in_order() is two
    # Bills made before the sort stay with their rows.
    made = BillTable.of(list(shuffled)).in_order()
    assert made.bills() == (BILLS[0], same_start, BILLS[1], BILLS[2])
