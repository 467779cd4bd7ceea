"""One label per property type, in both languages, for the window, the score page and the reports."""

from __future__ import annotations

import pytest

from espm_desktop.core.types import PropertyType, property_type_label


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (PropertyType.BANK_BRANCH, "Bank branch", "Succursale bancaire"),
        (PropertyType.OFFICE, "Office", "Bureau"),
        (PropertyType.INDUSTRIAL, "Industrial plant", "Usine"),
        (PropertyType.RETAIL, "Retail store", "Commerce de détail"),
        (PropertyType.MULTIFAMILY, "Multifamily housing", "Immeuble multilogement"),
        (PropertyType.OTHER, "Other", "Autre"),
        ("hospital", "hospital", "hospital"),  # a type written by a later version: shown as stored
    ],
)
def test_property_type_labels(value: str, en: str, fr: str) -> None:
    assert property_type_label(value, "en") == en
    assert property_type_label(value, "fr") == fr


def test_every_type_has_a_label() -> None:
    assert all(property_type_label(t, "fr") != t.value for t in PropertyType)
