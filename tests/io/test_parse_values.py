from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from espm_desktop.io.parse_values import (
    DateOrder,
    ValueParseError,
    guess_date_order,
    guess_decimal_comma,
    is_blank,
    parse_date,
    parse_money,
    parse_number,
    parse_yes_no,
    text_of,
)


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        (date(2021, 3, 4), None, date(2021, 3, 4)),
        (datetime(2021, 3, 4, 0, 0), None, date(2021, 3, 4)),
        (44259.0, None, date(2021, 3, 4)),
        ("44259", None, date(2021, 3, 4)),
        ("2021-03-04", None, date(2021, 3, 4)),
        ("2021/03/04", None, date(2021, 3, 4)),
        ("2021-03-04 00:00:00", None, date(2021, 3, 4)),
        ("04/03/2021", DateOrder.DMY, date(2021, 3, 4)),
        ("03/04/2021", DateOrder.MDY, date(2021, 3, 4)),
        ("25/12/2021", None, date(2021, 12, 25)),
        ("12/25/2021", None, date(2021, 12, 25)),
        ("05/05/2021", None, date(2021, 5, 5)),
        ("4.3.2021", DateOrder.DMY, date(2021, 3, 4)),
    ],
)
def test_parse_date(value: object, order: DateOrder | None, expected: date) -> None:
    assert parse_date(value, order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["03/04/2021", "31/02/2021", "hier", "", None, 12.0, "2021-13-01"])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(ValueParseError) as info:
        parse_date(value)  # type: ignore[arg-type]
    assert info.value.reason_fr and info.value.reason_en


def test_guess_date_order() -> None:
    assert guess_date_order(["01/02/2020", "25/02/2020"]).order is DateOrder.DMY
    assert guess_date_order(["01/02/2020", "02/25/2020"]).order is DateOrder.MDY
    ambiguous = guess_date_order(["01/02/2020", "03/04/2020", "2020-01-01"])
    assert ambiguous.order is None and ambiguous.ambiguous_examples == ("01/02/2020", "03/04/2020")
    assert guess_date_order(["25/02/2020", "02/25/2020"]).conflicting
    assert guess_date_order([date(2020, 1, 1), "2020-01-02"]).order is None


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        ("1 234,56", None, 1234.56),
        ("1\u00a0234,56", None, 1234.56),
        ("1\u202f234,56 $", None, 1234.56),
        ("1,234.56", None, 1234.56),
        ("1.234,56", None, 1234.56),
        ("1234,5", None, 1234.5),
        ("$1,234", None, 1234.0),
        ("1,234", True, 1.234),
        ("1.234", None, 1.234),
        ("1.234", True, 1234.0),
        ("1,234,567", None, 1234567.0),
        ("(12.5)", None, -12.5),
        ("-3", None, -3.0),
        (",5", None, 0.5),
        (12.0, None, 12.0),
        ("274925.3", None, 274925.3),
    ],
)
def test_parse_number(text: object, decimal_comma: bool | None, expected: float) -> None:
    assert parse_number(text, decimal_comma) == pytest.approx(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.2.3,4,5", "12a", "", "1,23,456"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueParseError):
        parse_number(text)


def test_money_is_decimal_and_exact() -> None:
    assert parse_money(34.85) == Decimal("34.85")
    assert parse_money("1 234,56 $") == Decimal("1234.56")


def test_guess_decimal_comma() -> None:
    assert guess_decimal_comma(["1 234,5", "12"]) is True
    assert guess_decimal_comma(["1234.5", "1,234"]) is False
    assert guess_decimal_comma(["1,234", 3.0]) is None


def test_blank_and_text() -> None:
    assert is_blank("Not Available") and is_blank("  ") and is_blank(None) and not is_blank(0.0)
    assert text_of(5766973.0) == "5766973"
    assert text_of(2.5) == "2.5"


@pytest.mark.parametrize(
    ("value", "expected"), [("Yes", True), ("Non", False), ("oui", True), (None, False), (1.0, True)]
)
def test_yes_no(value: object, expected: bool) -> None:
    assert parse_yes_no(value) is expected  # type: ignore[arg-type]
