from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from espm_desktop.core import formatting as f

NB = "\u00a0"

CASES: list[tuple[str, Callable[[str], str], str, str]] = [
    # (what, call with the language, French, English)
    ("grouping and decimals", lambda lang: f.number(1234567.891, lang, 2), f"1{NB}234{NB}567,89", "1,234,567.89"),
    ("no decimals", lambda lang: f.number(300000, lang), f"300{NB}000", "300,000"),
    ("no grouping", lambda lang: f.number(300000, lang, grouping=False), "300000", "300000"),
    ("negative", lambda lang: f.number(-0.677, lang, 4), "-0,6770", "-0.6770"),
    ("negative zero", lambda lang: f.number(-0.001, lang, 2), "0,00", "0.00"),
    ("negative zero, Decimal", lambda lang: f.number(Decimal("-0.004"), lang, 2), "0,00", "0.00"),
    ("Decimal", lambda lang: f.number(Decimal("12345.675"), lang, 2), f"12{NB}345,68", "12,345.68"),
    ("money", lambda lang: f.money(Decimal("12345.67"), lang), f"12{NB}345,67{NB}$", "$12,345.67"),
    ("negative money", lambda lang: f.money(-12, lang), f"-12,00{NB}$", "-$12.00"),
    ("percent", lambda lang: f.percent(12.5, lang, 1), f"12,5{NB}%", "12.5%"),
    ("percent, negative zero", lambda lang: f.percent(-0.0001, lang, 2), f"0,00{NB}%", "0.00%"),
    ("area, one decimal", lambda lang: f.area_m2(92.9, lang), f"92,9{NB}m²", f"92.9{NB}m²"),
    ("area, whole", lambda lang: f.area_m2(1200.0, lang), f"1{NB}200{NB}m²", f"1,200{NB}m²"),
    ("quantity", lambda lang: f.quantity(9.1, "GJ", lang, 2), f"9,10{NB}GJ", f"9.10{NB}GJ"),
    ("first of the month", lambda lang: f.date_text(date(2024, 1, 1), lang), f"1er{NB}janv.{NB}2024", f"Jan{NB}1, 2024"),
    ("other day", lambda lang: f.date_text(date(2024, 3, 15), lang), f"15{NB}mars{NB}2024", f"Mar{NB}15, 2024"),
    ("long month", lambda lang: f.date_text(date(2024, 7, 1), lang, short=False), f"1er{NB}juillet{NB}2024", f"July{NB}1, 2024"),
    ("day and month", lambda lang: f.day_month(date(2024, 2, 1), lang), f"1er{NB}févr.", f"Feb{NB}1"),
    ("month and year", lambda lang: f.month_year(2025, 3, lang), "mars 2025", "March 2025"),
    ("label", lambda lang: f.label("Total", lang), f"Total{NB}:", "Total:"),
    ("label given with a colon", lambda lang: f.label("Total:", lang), f"Total{NB}:", "Total:"),
    ("labelled value", lambda lang: f.labelled("Gaz", f.quantity(9.1, "GJ", lang, 2), lang), f"Gaz{NB}: 9,10{NB}GJ", f"Gaz: 9.10{NB}GJ"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "call", "french", "english"), CASES, ids=[c[0] for c in CASES])
def test_formats_in_both_languages(what: str, call: Callable[[str], str], french: str, english: str) -> None:
    assert call("fr") == french
    assert call("en") == english


def test_no_text_has_a_negative_zero() -> None:
    for value in (-0.0, -0.0049, -1e-12):
        for lang in ("fr", "en"):
            assert not f.number(value, lang, 2).startswith("-")


def test_french_spacing_keeps_the_signs_with_their_words() -> None:
    nbsp = "\u00a0"
    text = "Compteur : « Gaz » ; prêt ? Oui ! Voir https://example.com/?a=b:c"
    assert f.french_spacing(text, "fr") == (
        f"Compteur{nbsp}: «{nbsp}Gaz{nbsp}»{nbsp}; prêt{nbsp}? Oui{nbsp}! Voir https://example.com/?a=b:c"
    )
    assert f.french_spacing(text, "fr_CA") == f.french_spacing(text, "fr")
    assert f.french_spacing(text, "en") == text  # English text is left as written
    already = f"Total{nbsp}: «{nbsp}x{nbsp}»"
    assert f.french_spacing(already, "fr") == already
