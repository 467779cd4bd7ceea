"""One message catalog: no French text in the code. English is the catalog's message id; the French lives in
resources/translations/espm_desktop_fr.po only (core/i18n.py, scripts/update_catalog.py).

Every string constant of espm_desktop/**/*.py (db/migrations excepted: frozen history) is read with ast; one that
looks French fails the test with its file:line, unless it is allowed below: proper names (removed before the
check), data tables the app must read or write as written, and a few quoted words. Docstrings, comments and regular-expression patterns are not looked at.

"Looks French" is a heuristic: a French letter or guillemet (é è ê à ç ù û ô î « »), French spacing before ':'
or ';', or a French word among others (" le ", " la ", " des ", " est ", " pas ", "Choisissez"…). A lone French word
without an accent ("Bureau", "Usine") is not seen: the pair it belongs to usually has a neighbour that is.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "espm_desktop"

FRENCH_LETTERS = frozenset("éèêëàâçùûüôîïœÉÈÊËÀÂÇÙÛÔÎÏŒ«»")
FRENCH_SPACING = re.compile(r"\S \u00a0?[:;](?:\s|$)|\S[\u00a0\u202f][:;!?»]")
FRENCH_WORDS = re.compile(
    r"(?:^|[\s(])(?:le|la|les|de|des|du|un|une|et|ou|est|pas|ni|avec|dans|pour|sur|aux|cette|ces|vos|votre|"
    r"[ldnqs]'\w+|fichier|feuille|ligne|colonne|compteur|valeur|classeur|"
    r"Saisissez|Choisissez|Indiquez|Importez|Exportez|Ouvrez|Fermez|Entrez|Enregistrez|Affichez)"
    r"(?=[\s,.;:!?)]|$)",
    re.IGNORECASE,
)

# Proper names, written the same in English and French: removed from a text before it is judged.
PROPER_NAMES = re.compile(
    r"Transition énergétique Québec"  # the government agency (SGÉ aid cannot be stacked with its aid)
    r"|Énergir"  # the gas utility
    r"|SIGÉ|SGÉ|IPÉ"  # Énergir's program (système de gestion de l'énergie), its indicators' name
    r"|Québec|Montréal"
)

# Data: module-level tables (or a whole module, "*") whose strings the app must read or write exactly as written.
DATA: dict[tuple[str, str], str] = {
    ("io/bill_fields.py", "FIELD_ALIASES"): "headers of French bill files, as ESPM and utilities write them",
    ("io/eccc_weather.py", "_COLUMNS"): "column headers of ECCC's French daily climate files, normalised",
    ("core/energy.py", "_EXTRA_UNIT_ALIASES"): "unit spellings read in bill files ('mètres cubes')",
    ("core/formatting.py", "MONTHS_FR_SHORT"): "the month names French dates are written and read with",
    ("core/formatting.py", "MONTHS_FR_LONG"): "the month names French dates are written and read with",
    ("core/score/weather_station.py", "_PROVINCE_NAMES"): "province names as ECCC's station lists write them",
    ("core/sge/rules.py", "SEND_TO_POSTAL_LINES"): "Énergir's postal address, printed on the SGÉ invoice",
    ("db/demo.py", "*"): "the demo database's content: names and addresses a Québec user would type (data)",
    ("db/demo_sge.py", "*"): "the SGÉ demo's content: a participant's names, measures and notes (data)",
}

# Single texts allowed, by file and text (`_matches`: a part of 8 characters or more, or the whole text).
ALLOWED: dict[tuple[str, str], str] = {
    ("ui/main_window.py", "Français"): "the language menu names each language in itself",
    (
        "core/data_exchange_text.py",
        "“Accepté”",
    ): "the status Énergir's gateway shows, quoted as it is written",
    ("core/sge/rules.py", "(Critères d'admissibilité)"): "a section title of Énergir's guide, quoted",
    ("core/sge/rules.py", "(Cumul des aides financières)"): "a section title of Énergir's guide, quoted",
    ("core/sge/taxes.py", "« Taxes »"): "a source citation naming DOMAIN.md's section « Taxes »",
    ("core/sge/stacking.py", "é"): "a letter folded away to match the agency's name typed without accents",
    ("reports/data_exchange_checklist.py", "“Guide de création de compte"): "the title of Énergir's guide",
    ("reports/sge_workbook.py", "« 0,10 $/m³ de gaz naturel économisé »"): "Énergir's guide quoted",
    ("reports/sge_workbook.py", "« le plus petit des montants suivants"): "Énergir's guide quoted",
    ("reports/sge_workbook.py", "« versée sur une base annuelle"): "Énergir's guide quoted",
    ("reports/sge_workbook.py", "« Une aide financière […]"): "Énergir's guide quoted",
    ("reports/sge_workbook.py", "« À partir de la date d'acceptation"): "Énergir's guide quoted",
}


@dataclass(frozen=True)
class Found:
    path: str  # relative to espm_desktop/
    line: int
    scope: str  # the module-level name (assignment target, function or class) the text is in
    text: str

    def __str__(self) -> str:
        return f"espm_desktop/{self.path}:{self.line}: {self.text[:100]!r}"


def looks_french(text: str) -> bool:
    text = PROPER_NAMES.sub("Name", text)
    return (
        any(c in FRENCH_LETTERS for c in text)
        or FRENCH_SPACING.search(text) is not None
        or (" " in text.strip() and FRENCH_WORDS.search(text) is not None)
    )


_REGEX_FUNCTIONS = frozenset(
    {"compile", "sub", "subn", "match", "fullmatch", "search", "findall", "finditer"}
)


def _not_text(tree: ast.AST) -> set[int]:
    """Ids of string nodes that are no text: docstrings and other bare strings, f-string parts (the f-string is
    judged whole), regular-expression patterns."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))
        elif isinstance(node, ast.JoinedStr):
            skipped.update(id(v) for v in node.values)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _REGEX_FUNCTIONS
            and node.args
        ):
            skipped.add(id(node.args[0]))
    return skipped


def _scope(statement: ast.stmt) -> str:
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return statement.name
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign):
        targets = [statement.target]
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return names[0] if names else ""


def french_texts(path: Path, root: Path) -> Iterator[Found]:
    """The string constants (and f-strings) of a module that look French."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = _not_text(tree)
    relative = path.relative_to(root).as_posix()
    for statement in tree.body:
        scope = _scope(statement)
        for node in ast.walk(statement):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            elif isinstance(node, ast.JoinedStr):
                text = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
            else:
                continue
            if looks_french(text):
                yield Found(relative, node.lineno, scope, text)


def package_texts(root: Path = PACKAGE) -> list[Found]:
    found: list[Found] = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            continue  # frozen history: a migration's texts are never shown translated
        found.extend(french_texts(path, root))
    return found


def _matches(fragment: str, text: str) -> bool:
    """An allow-list entry names a text whole, or by a part long enough not to allow its neighbours too."""
    return text == fragment or (len(fragment) >= 8 and fragment in text)


def is_allowed(found: Found) -> bool:
    if (found.path, found.scope) in DATA or (found.path, "*") in DATA:
        return True
    return any(path == found.path and _matches(fragment, found.text) for path, fragment in ALLOWED)


def not_allowed(found: list[Found]) -> list[Found]:
    return [f for f in found if not is_allowed(f)]


def test_no_french_text_in_the_code() -> None:
    offenders = not_allowed(package_texts())
    assert not offenders, (
        "French text in the code: write the English in the code (core.i18n: message(), _(), N_()) and the French "
        "in the catalog (scripts/update_catalog.py --fill), or, for a proper name or data read as written, "
        "explain it in this test's allow list:\n" + "\n".join(map(str, offenders))
    )


def test_the_allow_list_is_still_needed() -> None:
    found = package_texts()
    unused_data = [
        key for key in DATA if not any((f.path, f.scope) == key or (f.path, "*") == key for f in found)
    ]
    unused = [key for key in ALLOWED if not any(f.path == key[0] and _matches(key[1], f.text) for f in found)]
    assert not unused_data and not unused, f"remove from the allow list: {unused_data + unused}"


def test_a_module_with_a_french_literal_fails_the_check(tmp_path: Path) -> None:
    package = tmp_path / "espm_desktop"
    (package / "io").mkdir(parents=True)
    (package / "db" / "migrations").mkdir(parents=True)
    (package / "io" / "probe.py").write_text(
        '"""Un docstring en français n\'est pas montré : il est permis."""\n'
        "import re\n"
        "\n"
        "# Un commentaire en français est permis aussi.\n"
        'ACCENTS = re.compile("[À-ÿ]")\n'
        'SUPPLIER = "Énergir"\n'
        "\n"
        "\n"
        "def refuse(row):\n"
        '    """La fonction : son docstring est permis."""\n'
        '    english = f"Row {row} is not a date."\n'
        '    french = f"La ligne {row} n\'est pas une date."\n'
        '    also = "Choisissez une colonne pour chacun."\n'
        "    return english, french, also\n",
        encoding="utf-8",
    )
    (package / "db" / "migrations" / "0001_old.py").write_text('NOTE = "Base créée"\n', encoding="utf-8")
    found = package_texts(package)
    assert [str(f) for f in not_allowed(found)] == [
        'espm_desktop/io/probe.py:12: "La ligne {} n\'est pas une date."',
        "espm_desktop/io/probe.py:13: 'Choisissez une colonne pour chacun.'",
    ]


def test_the_heuristic_tells_french_from_english() -> None:
    for french in (
        "La propriété est manquante (nom ou no ESPM).",
        "{field} : valeur manquante.",
        "Le fichier ne contient aucune donnée.",
        "Ce fichier n'est pas un tableur ESPM",
        "un classeur OpenDocument (.ods)",
        "{first} ; {second}",
    ):
        assert looks_french(french), french
    for english in (
        "The property is missing (name or ESPM ID).",
        "Download your most recent Énergir bill from your Énergir customer area.",
        "SGÉ payment invoice (PDF)",
        "est",
        "Usage/Quantity",
        "{field}: {notes}",
        "m³",
    ):
        assert not looks_french(english), english
