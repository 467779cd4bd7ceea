"""What the window says when an output file (an export, a report) was not written, and when it was.

One wording for every export and report of the window: the file, why, and what to do; never a traceback (the
details go to the log file). The boxes are opened window-modal without blocking, so a caller (or a test) can
carry on and find them in `parent.findChildren(QMessageBox)`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from espm_desktop.fs.atomic_files import OutputError, display_path
from espm_desktop.logs import log_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutputMessages", text)


def _is_database_error(exc: BaseException) -> bool:
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - SQLAlchemy is a dependency
        return isinstance(exc, sqlite3.Error)
    return isinstance(exc, sqlite3.Error | SQLAlchemyError)


def failure_text(exc: BaseException, target: Path, db_path: Path | str, language: str) -> str:
    """Why `target` was not written and the fix, in the user's language."""
    if isinstance(exc, OutputError):
        return exc.message(language)
    name = display_path(target)
    if _is_database_error(exc):
        return _tr(
            "{0} was not written: the database {1} could not be read ({2}). If another program is writing to "
            "it, wait until it has finished, then try again; if the file is damaged, restore a backup (File → "
            "Restore from backup…)."
        ).format(name, display_path(db_path), str(getattr(exc, "orig", None) or exc))
    if isinstance(exc, OSError):
        return _tr(
            "{0} could not be written ({1}). Check that the folder exists, that you may write in it and that "
            "the disk has free space, then try again."
        ).format(name, exc.strerror or exc)
    return _tr(
        "{0} was not written: an unexpected error stopped it ({1}). The details are in the log file {2}."
    ).format(name, type(exc).__name__, log_file())


def message_box(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, object_name: str
) -> QMessageBox:
    """A message box to show with `open()`: window-modal without blocking, deleted once closed.

    It has no button yet: the caller adds them (OK, or actions such as Show folder) before `open()`.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(object_name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    return box
