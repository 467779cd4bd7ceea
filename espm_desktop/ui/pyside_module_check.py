"""PySide6's check of each module imported after it, answered from the module's file.

Once loaded, PySide6 (for its `__feature__` imports) asks of every module imported afterwards whether the module's
source mentions "PySide6", and gets that source through inspect and linecache. That is about 22 ms over the 110 to
130 modules the window imports before a first screen, and the bare PySide6 window it is measured against imports
almost none. The same question is answered here from the file's bytes, in about a third of the time. A module with
no source file of its own (built in, frozen, in an archive) gets PySide6's own answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "PySide6.support.feature"
_CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the module's source mentions PySide6, as PySide6 itself decides it."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if isinstance(origin, str) and origin.endswith(".py"):
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def install() -> bool:
    """Answer PySide6's check through `uses_pyside`; False when this PySide6 has no such check (nothing to do)."""
    import PySide6.QtCore  # noqa: F401  (loads the feature support)

    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original) or getattr(original, "__wrapped_check__", None) is not None:
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.__wrapped_check__ = original  # type: ignore[attr-defined]
    setattr(feature, _CHECK, check)
    return True
