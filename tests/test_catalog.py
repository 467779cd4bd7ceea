"""One message catalog: every text in the code has its French, the catalog is in step with the code, placeholders
agree, values are written the reader's way, and the language is held in one place."""

from __future__ import annotations

import ast
import importlib.util
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from espm_desktop.core import i18n

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_catalog", ROOT / "scripts" / "update_catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_catalog"] = module
    spec.loader.exec_module(module)
    return module


catalog_script = _script()


def test_every_text_in_the_code_has_its_french() -> None:
    found = catalog_script.extract()
    assert len(found.texts) > 800
    refreshed = catalog_script.refreshed(catalog_script.load("fr"), found, "fr")
    assert catalog_script.untranslated(refreshed) == []
    assert catalog_script.placeholder_mismatches(refreshed) == []


def test_the_catalog_is_in_step_with_the_code() -> None:
    assert catalog_script.main(["--check"]) == 0, "run scripts/update_catalog.py"


def test_the_extractor_finds_texts_of_every_layer(tmp_path: Path) -> None:
    package = tmp_path / "espm_desktop"
    (package / "ui").mkdir(parents=True)
    (package / "core").mkdir()
    (package / "ui" / "page.py").write_text(
        "class Page:\n"
        "    def build(self):\n"
        '        self.tr("A brand-new button")\n'
        '        self.tr("Done", "step")\n'
        '        QCoreApplication.translate("Page", "Look " + "here")\n',
        encoding="utf-8",
    )
    (package / "core" / "rules.py").write_text(
        'LABEL = N_("Floor area")\n'
        'def check(row):\n    raise ValueError(message("Row {row}: not a date", row=row))\n'
        'def label():\n    return _(f"Row {1}")\n',
        encoding="utf-8",
    )
    found = catalog_script.extract(package, tmp_path)
    assert set(found.texts) == {
        ("A brand-new button", None),
        ("Done", "step"),
        ("Look here", None),
        ("Floor area", None),
        ("Row {row}: not a date", None),
    }
    assert found.problems == ["espm_desktop/core/rules.py:5: an f-string can't be translated; use {names}"]
    refreshed = catalog_script.refreshed(catalog_script.load("fr"), found, "fr")
    assert "A brand-new button" in catalog_script.untranslated(refreshed)


def test_placeholders_that_differ_are_found() -> None:
    from babel.messages.catalog import Catalog

    cat = Catalog(locale="fr")
    cat.add("Row {row}: {value}", "Ligne {ligne} : {value}")
    cat.add("Total: {0}", "Total : {0}")
    assert catalog_script.placeholder_mismatches(cat) == ["Row {row}: {value}"]


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (1234, "1\u00a0234", "1,234"),
        (i18n.Number(1234.56, 1), "1\u00a0234,6", "1,234.6"),
        (i18n.Number(9.1, 2, "GJ"), "9,10\u00a0GJ", "9.10\u00a0GJ"),
        (i18n.Money(Decimal("12345.6")), "12\u00a0345,60\u00a0$", "$12,345.60"),
        (i18n.Percent(12.5, 1), "12,5\u00a0%", "12.5%"),
        (date(2024, 1, 1), "1er\u00a0janv.\u00a02024", "Jan\u00a01, 2024"),
        ("1,234", "1,234", "1,234"),  # a str is kept as typed: the cell's own text
    ],
)
def test_values_are_written_the_readers_way(value: object, fr: str, en: str) -> None:
    assert i18n.format_value(value, "fr") == fr
    assert i18n.format_value(value, "en") == en


def test_a_message_is_rendered_in_the_language_asked_or_the_current_one() -> None:
    msg = i18n.message("Properties")
    assert msg.text("fr") == "Propriétés" and msg.text("en") == "Properties"
    assert i18n.render("Properties", "fr") == "Propriétés"
    try:
        i18n.set_language("fr_CA")
        assert i18n.current_language() == "fr" and str(msg) == "Propriétés"
    finally:
        i18n.set_language("en")
    assert str(msg) == "Properties"


def test_the_language_is_held_in_one_place() -> None:
    """Nothing but ui/i18n.py asks Qt which language is on: the rest asks core.i18n.current_language()."""
    offenders = []
    for path in (ROOT / "espm_desktop").rglob("*.py"):
        if path.name == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Compare)
                and "QLocale.Language.French" in ast.unparse(node)
                and "QLocale().language()" in ast.unparse(node)  # QLocale.system(): the OS, for the first run
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
