"""The one way the window asks for a file or a folder: open, open several, save as, choose a folder.

Why not `QFileDialog.getOpenFileName` and friends: SQLite guards its database with POSIX advisory (fcntl)
locks, and POSIX gives those locks to the *process*, not to the descriptor: when the process closes ANY
descriptor of a file, every lock the process holds on that file is gone, including the ones SQLite's own
descriptor took. Qt's default file icon provider asks `QMimeDatabase.mimeTypeForFile` for the icon and the
"Type" of every file the dialog lists, and for names that do not settle the type (`.sqlite`, `.sqlite-wal`,
`.sqlite-shm`) that opens the file, reads its first bytes and closes it. After a dialog has shown the folder
that holds the open database, the app therefore holds no lock on it; another program (the `import` command,
a second window) then believes it is alone, checkpoints and deletes the write-ahead log while we keep writing
into it, and bills shown as saved are lost at the next crash.

So where the dialog runs inside our process (Linux and the BSDs), the dialog is Qt's own widget dialog (a
GTK or portal dialog loaded in-process would sniff files as well) with an icon provider that decides icons
and type names from the file NAME only: no file in a listed folder is ever opened. Windows locks belong to
a handle, not to the process, and macOS open panels run in another process: both keep their native dialogs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget
from shiboken6 import Shiboken

# Where a file dialog lists folders inside our own process (see the module docstring).
DIALOG_IN_PROCESS = sys.platform not in ("win32", "darwin")


class NameOnlyIconProvider(QFileIconProvider):
    """File icons and type names from the file's name alone: it never opens a file it describes."""

    def __init__(self) -> None:
        super().__init__()
        self._mime_db = QMimeDatabase()

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        kind = QFileIconProvider.IconType
        if what.isRoot():
            return super().icon(kind.Drive)
        if what.isDir():
            return super().icon(kind.Folder)
        return super().icon(kind.File)

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            # Drive, Folder, Alias or Unknown: Qt decides these from stat(), which opens nothing.
            return super().type(info)
        mime = self._mime_db.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        return mime.comment() or mime.name()


def filter_suffix(name_filter: str) -> str:
    """The extension of a name filter's first pattern: 'PDF (*.pdf)' -> '.pdf'; '' for '*' or none."""
    patterns = name_filter[name_filter.rfind("(") + 1 :].rstrip(")").split()
    first = patterns[0] if patterns else ""
    if first.startswith("*.") and len(first) > 2 and not any(c in first[2:] for c in "*?["):
        return first[1:]
    return ""


def with_filter_suffix(path: str, name_filter: str) -> str:
    """`path` with the filter's extension added when the user typed no extension at all."""
    if not path or Path(path).suffix:
        return path
    return path + filter_suffix(name_filter)


def build_file_dialog(
    parent: QWidget | None,
    title: str,
    directory: str,
    name_filter: str,
    *,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    accept: QFileDialog.AcceptMode = QFileDialog.AcceptMode.AcceptOpen,
) -> QFileDialog:
    """The configured dialog the helpers below run; tests show() it without exec()."""
    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if DIALOG_IN_PROCESS:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        provider = NameOnlyIconProvider()
        dialog.setIconProvider(provider)
        # The dialog does not own its provider: its Python wrapper keeps the provider alive, and the helpers
        # below destroy the dialog (like Qt's static functions) before the wrapper lets the provider go.
        setattr(dialog, "_name_only_icon_provider", provider)  # noqa: B010
    if accept == QFileDialog.AcceptMode.AcceptSave:
        dialog.setDefaultSuffix(filter_suffix(dialog.selectedNameFilter()).lstrip("."))
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix(filter_suffix(chosen).lstrip("."))
        )
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    """Run the dialog modally, then destroy it: (the chosen paths, the name filter chosen); ([], "") on Cancel."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return list(dialog.selectedFiles()), dialog.selectedNameFilter()
    finally:
        Shiboken.delete(dialog)


def open_file_name(parent: QWidget | None, title: str, directory: str = "", name_filter: str = "") -> str:
    """One existing file, or '' when cancelled."""
    chosen, _ = _run(build_file_dialog(parent, title, directory, name_filter))
    return chosen[0] if chosen else ""


def open_file_names(
    parent: QWidget | None, title: str, directory: str = "", name_filter: str = ""
) -> list[str]:
    """Existing files, or [] when cancelled."""
    mode = QFileDialog.FileMode.ExistingFiles
    return _run(build_file_dialog(parent, title, directory, name_filter, mode=mode))[0]


def save_file_name(
    parent: QWidget | None, title: str, suggested_path: str = "", name_filter: str = ""
) -> str:
    """A path to write to, with the chosen filter's extension when none was typed; '' when cancelled."""
    return save_file_name_and_filter(parent, title, suggested_path, name_filter)[0]


def save_file_name_and_filter(
    parent: QWidget | None,
    title: str,
    suggested_path: str = "",
    name_filter: str = "",
    selected_filter: str = "",
) -> tuple[str, str]:
    """save_file_name and the name filter the user left selected (one of `name_filter`'s); ('', '') on Cancel.

    For a choice the filters carry, such as "PDF, Letter paper (*.pdf);;PDF, A4 paper (*.pdf)".
    """
    mode, accept = QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave
    dialog = build_file_dialog(parent, title, suggested_path, name_filter, mode=mode, accept=accept)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    chosen, chosen_filter = _run(dialog)
    return (with_filter_suffix(chosen[0], chosen_filter), chosen_filter) if chosen else ("", "")


def existing_directory(parent: QWidget | None, title: str, directory: str = "") -> str:
    """An existing folder, or '' when cancelled."""
    dialog = build_file_dialog(parent, title, directory, "", mode=QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen, _ = _run(dialog)
    return chosen[0] if chosen else ""
