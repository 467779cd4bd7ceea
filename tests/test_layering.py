"""The layers import each other in one direction only, and nothing below ui uses Qt.

    core → nothing of ours      fs → core      io, reports, db → core (and fs)      app → core, db, io, reports
    ui, cli → app and core (never db, io or reports directly)

`fs` (atomic writes, fsync) and `paths` (where files live) are primitives any layer that writes may use; `logs`
serves the two entry points. An import that breaks an arrow fails `test_the_arrows_hold` unless it is in
KNOWN_DEBT, a list that may only shrink: `test_known_debt_is_still_needed` fails when an entry is no longer used.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "espm_desktop"
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6")
PRIMITIVES = {"fs", "paths"}
ALLOWED: dict[str, set[str]] = {
    "version": set(),
    "core": set(),
    "paths": set(),
    "fs": {"core", "paths"},
    "io": {"core"} | PRIMITIVES,
    "reports": {"core"} | PRIMITIVES,
    "db": {"core"} | PRIMITIVES,
    "app": {"core", "db", "io", "reports"} | PRIMITIVES,
    "logs": {"paths"},
    "ui": {"app", "core", "logs", "version"} | PRIMITIVES,
    "cli": {"app", "core", "logs", "version"} | PRIMITIVES,
    # The program's entry point starts the window or the command line.
    "main": {"ui", "cli", "app", "core", "logs", "version"} | PRIMITIVES,
}

# Imports that still cross an arrow, as (importing module, imported layer): count. Each is a use case still to
# move into app/. Remove entries as they go; never add one.
KNOWN_DEBT: Counter[tuple[str, str]] = Counter()


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "espm_desktop":
        return None
    if len(parts) == 1:
        return "version"
    head = parts[1]
    if head == "__main__":
        return "main"
    if head.startswith("cli"):
        return "cli"
    return head


def _is_submodule(name: str) -> bool:
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "espm_desktop":  # a submodule, or a name of the package itself (__version__)
                found += [
                    (node.lineno, f"espm_desktop.{a.name}" if _is_submodule(a.name) else "espm_desktop")
                    for a in node.names
                ]
            else:
                found.append((node.lineno, node.module))
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


def crossings(paths: list[Path]) -> tuple[Counter[tuple[str, str]], list[str]]:
    """Imports that break an arrow, counted per (module, layer), and one line per import for the message."""
    counted: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for path in paths:
        source = module_name(path)
        if ".db.migrations." in source + ".":
            continue  # a migration is frozen history: it may import only what it imports
        src = layer_of(source)
        assert src is not None
        for lineno, target in imported_modules(path):
            dst = layer_of(target)
            if dst is None or dst == src or dst in ALLOWED[src]:
                continue
            counted[(source, dst)] += 1
            lines.append(f"{path.relative_to(PACKAGE.parent)}:{lineno} {src} → {dst} ({target})")
    return counted, lines


def package_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    layers = {layer_of(module_name(p)) for p in package_files()}
    assert layers <= set(ALLOWED), layers - set(ALLOWED)


def test_the_arrows_hold() -> None:
    counted, lines = crossings(package_files())
    new = counted - KNOWN_DEBT
    assert not new, "imports against the layers:\n" + "\n".join(
        line for line in lines if any(line.startswith(m.replace(".", "/")) for m, _ in new)
    )


def test_known_debt_is_still_needed() -> None:
    counted, _ = crossings(package_files())
    assert not (KNOWN_DEBT - counted), f"remove from KNOWN_DEBT: {dict(KNOWN_DEBT - counted)}"


def test_a_forbidden_import_fails_the_check() -> None:
    probe = PACKAGE / "ui" / "_layering_probe.py"
    probe.write_text("from espm_desktop.db.models import Meter\n", encoding="utf-8")
    try:
        counted, lines = crossings([probe])
        assert counted == Counter({("espm_desktop.ui._layering_probe", "db"): 1})
        assert lines == ["espm_desktop/ui/_layering_probe.py:1 ui → db (espm_desktop.db.models)"]
        core_probe = PACKAGE / "core" / "_layering_probe.py"
        core_probe.write_text("import espm_desktop.io.sheets\n", encoding="utf-8")
        try:
            assert crossings([core_probe])[0] == Counter({("espm_desktop.core._layering_probe", "io"): 1})
        finally:
            core_probe.unlink()
    finally:
        probe.unlink()


def qt_imports(path: Path) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{lineno} {name}"
        for lineno, name in imported_modules(path)
        if name.split(".")[0] in QT_MODULES
    ]


def test_no_qt_outside_ui() -> None:
    offenders = []
    for path in package_files():
        if path.relative_to(PACKAGE).parts[0] in ("ui",):
            continue
        offenders += qt_imports(path)
    assert offenders == []


def test_the_check_sees_a_qt_import() -> None:
    sample = PACKAGE / "core" / "_layering_probe.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    try:
        assert qt_imports(sample) == ["espm_desktop/core/_layering_probe.py:1 PySide6.QtCore"]
    finally:
        sample.unlink()
