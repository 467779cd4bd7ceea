"""Only espm_desktop/ui may use Qt: core, db, io and reports stay importable without a display."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "espm_desktop"
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6")


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [
            f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {n}"
            for n in names
            if n.split(".")[0] in QT_MODULES
        ]
    return found


def test_no_qt_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        offenders += qt_imports(path)
    assert offenders == []


def test_the_check_sees_a_qt_import(tmp_path: Path) -> None:
    sample = PACKAGE / "core" / "_layering_probe.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    try:
        assert qt_imports(sample) == ["espm_desktop/core/_layering_probe.py:1 PySide6.QtCore"]
    finally:
        sample.unlink()
