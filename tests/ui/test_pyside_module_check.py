"""PySide6's check of each imported module ("does its source mention PySide6?") answered from the module's file:
the same answer as PySide6's own, for every module the app has loaded."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import espm_desktop.ui.app  # noqa: F401  (the window's modules, as a start-up loads them)
from espm_desktop.ui.pyside_module_check import install, uses_pyside


def pyside_check() -> tuple[ModuleType, object]:
    feature = sys.modules["PySide6.support.feature"]
    return feature, feature._mod_uses_pyside  # type: ignore[attr-defined]


def test_the_app_answers_pysides_check() -> None:
    _, check = pyside_check()
    assert getattr(check, "__wrapped_check__", None) is not None, (
        "PySide6's module check is not answered here"
    )
    assert install() is False  # installed once, when the window's package is imported


def test_every_loaded_module_gets_pysides_own_answer() -> None:
    _, check = pyside_check()
    original = check.__wrapped_check__  # type: ignore[attr-defined]
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    answers = {m.__name__: (uses_pyside(m, original), original(m)) for m in modules}
    differ = {name: pair for name, pair in answers.items() if pair[0] != pair[1]}
    assert not differ
    uses = {name for name, (ours, _) in answers.items() if ours}
    assert "espm_desktop.ui.app" in uses and "espm_desktop.core.calendarize" not in uses
    assert len(modules) > 300


def test_a_file_is_read_and_a_module_without_one_is_asked_of_pyside(tmp_path: Path) -> None:
    calls: list[str] = []

    def fallback(module: ModuleType) -> bool:
        calls.append(module.__name__)
        return True

    def module_from(name: str, text: str | None) -> ModuleType:
        module = ModuleType(name)
        if text is not None:
            path = tmp_path / f"{name}.py"
            path.write_text(text, encoding="utf-8")
            module.__spec__ = type("Spec", (), {"origin": str(path)})()  # type: ignore[assignment]
        return module

    assert uses_pyside(module_from("with_qt", "from PySide6.QtCore import Qt\n"), fallback) is True
    assert uses_pyside(module_from("without_qt", "import sqlite3  # Qt-free\n"), fallback) is False
    assert calls == []
    assert uses_pyside(module_from("no_file", None), fallback) is True
    assert calls == ["no_file"]
    gone = module_from("gone", "x = 1\n")
    (tmp_path / "gone.py").unlink()
    assert uses_pyside(gone, fallback) is True and calls == ["no_file", "gone"]


def test_the_window_modules_are_known_to_use_pyside() -> None:
    feature, _ = pyside_check()
    known = feature.pyside_feature_dict  # type: ignore[attr-defined]
    assert known.get("espm_desktop.ui.main_window") == 0  # uses PySide6
    assert known.get("espm_desktop.db.sqlite_files") == -1  # does not
