"""Handing a written file or its folder to the user's own programs (PDF viewer, file manager).

Tests and screenshot scripts set ESPM_DESKTOP_NO_OPEN=1: nothing is launched (a viewer popping up on a build
machine, or on the developer's screen, is never wanted), and the paths asked for are kept in `skipped`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

NO_OPEN_ENV = "ESPM_DESKTOP_NO_OPEN"

skipped: list[Path] = []
"""What would have been opened while NO_OPEN_ENV was set (newest last)."""


def open_with_desktop(path: Path) -> bool:
    """Open a file in its usual program, or a folder in the file manager; False if nothing could."""
    if os.environ.get(NO_OPEN_ENV, "") not in ("", "0"):
        skipped.append(path)
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
