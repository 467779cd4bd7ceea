#!/usr/bin/env python3
"""Refresh the message catalog (resources/translations/espm_desktop_<lang>.po) from the code.

    python scripts/update_catalog.py            # add new texts (untranslated), drop texts the code no longer has
    python scripts/update_catalog.py --check    # exit 1 if the catalog is out of date or a text has no French
    python scripts/update_catalog.py --fill TABLE.py   # TABLE.py defines FR = {"English": "French", ...}

Texts are found in the code as Python reads it (ast), in every layer: the window's `self.tr("…")`, `tr("…")` and
`QCoreApplication.translate(context, "…")`; the Qt-free layers' `_("…")`, `N_("…")`, `pgettext(context, "…")`,
`message("…", …)` and `Message("…", …)`. A second string argument to `tr` is Qt's disambiguation and becomes the gettext context.
Existing translations are kept. Translate the empty `msgstr ""` entries (any .po editor, or --fill), then run
`scripts/build_translations.py` (dev.py does it on install) to compile the .mo files the app reads.
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import runpy
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "espm_desktop"
CATALOG_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)
MARKERS = {"tr", "_", "N_", "message", "Message"}


@dataclass
class Found:
    texts: dict[tuple[str, str | None], list[tuple[str, int]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, text: str, context: str | None, where: tuple[str, int]) -> None:
        self.texts.setdefault((text, context), []).append(where)


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _name(func: ast.expr) -> str | None:
    """The marker a call uses: `tr(…)`, `self.tr(…)`, `_(…)`, `message(…)`, `i18n.message(…)`; not `exc.message(…)`."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr in ("tr", "translate"):
            return func.attr
        if isinstance(func.value, ast.Name) and func.value.id in ("i18n", "catalog"):
            return func.attr
    return None


def extract_file(path: Path, found: Found, root: Path = ROOT) -> None:
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _name(node.func)
        where = (rel, node.lineno)
        if name == "translate" and len(node.args) >= 2:
            # QCoreApplication.translate(context, text[, disambiguation]); str.translate(table) has one argument.
            text = _literal(node.args[1])
            if text is not None:
                context = _literal(node.args[2]) if len(node.args) > 2 else None
                found.add(text, context, where)
            continue
        if name == "pgettext" and len(node.args) >= 2:
            text, context = _literal(node.args[1]), _literal(node.args[0])
            if text is not None and context is not None:
                found.add(text, context, where)
            continue
        if name not in MARKERS:
            continue
        text = _literal(node.args[0])
        if text is None:
            if isinstance(node.args[0], ast.JoinedStr):
                found.problems.append(f"{rel}:{node.lineno}: an f-string can't be translated; use {{names}}")
            continue
        context = _literal(node.args[1]) if name == "tr" and len(node.args) > 1 else None
        found.add(text, context, where)


def extract(package: Path = PACKAGE, root: Path = ROOT) -> Found:
    found = Found()
    for path in sorted(package.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # a migration's texts are frozen history, never shown translated
        extract_file(path, found, root)
    return found


def po_path(language: str) -> Path:
    return CATALOG_DIR / f"espm_desktop_{language}.po"


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.is_file():
        return Catalog(locale=language, domain="espm_desktop")
    with open(path, "rb") as fh:
        return read_po(fh, locale=language)


def refreshed(old: Catalog, found: Found, language: str) -> Catalog:
    new = Catalog(
        locale=language,
        domain="espm_desktop",
        project="ESPM Desktop",
        header_comment="# The one message catalog of ESPM Desktop (scripts/update_catalog.py keeps it in step).",
        fuzzy=False,
    )
    for (text, context), where in found.texts.items():
        previous = old.get(text, context=context)
        new.add(text, previous.string if previous is not None else "", locations=where[:3], context=context)
    return new


def serialize(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=110, omit_header=False, sort_output=True, no_location=False)
    return out.getvalue()


def _body(data: bytes) -> bytes:
    """The entries without the header (its dates change on every write) and without the `#:` lines: a text
    that moved to another line is still the same text."""
    entries = data.split(b"\n\n", 1)[-1]
    return b"\n".join(line for line in entries.split(b"\n") if not line.startswith(b"#:"))


def untranslated(catalog: Catalog) -> list[str]:
    return [m.id for m in catalog if m.id and not m.string]


def placeholder_mismatches(catalog: Catalog) -> list[str]:
    """Entries whose translation names other {fields} than the English (a crash when formatted)."""
    import string

    def fields(text: str) -> set[str]:
        try:
            return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError:
            return {"<unbalanced braces>"}

    return [m.id for m in catalog if m.id and m.string and fields(m.id) != fields(m.string)]


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the catalog is read by every user
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is missing")
    parser.add_argument("--fill", type=Path, help="a Python file defining FR = {English: French}")
    args = parser.parse_args(argv)
    found = extract()
    status = 0
    for problem in found.problems:
        print(problem, file=sys.stderr)
    for language in LANGUAGES:
        old = load(language)
        new = refreshed(old, found, language)
        if args.fill:
            table: dict[str, str] = runpy.run_path(str(args.fill))[language.upper()]
            for m in new:
                if m.id and not m.string and m.id in table:
                    m.string = table[m.id]
        data = serialize(new)
        missing = untranslated(new)
        mismatched = placeholder_mismatches(new)
        if args.check:
            current = po_path(language).read_bytes() if po_path(language).is_file() else b""
            if _body(current) != _body(data):
                print(
                    f"{po_path(language).name} is out of date: run scripts/update_catalog.py", file=sys.stderr
                )
                status = 1
        else:
            write_atomic(po_path(language), data)
        for text in missing:
            print(f"{language}: no translation for {text!r}", file=sys.stderr)
        for text in mismatched:
            print(f"{language}: the translation of {text!r} names other {{fields}}", file=sys.stderr)
        if missing or mismatched:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
