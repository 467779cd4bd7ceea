"""A file dialog on the database's folder must leave SQLite's locks in place (see espm_desktop.ui.file_dialogs).

Each check runs the window in a child process: /proc/locks then shows only its own locks, and it can be
killed like a crash. Qt's default dialog is run as the control: it drops the locks and loses the bills.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from espm_desktop.ui import file_dialogs
from tests.reliability.dialog_trials import PROC_LOCKS, dialog_probe_trial, window_locks

needs_proc_locks = pytest.mark.skipif(
    not PROC_LOCKS.exists() or not file_dialogs.DIALOG_IN_PROCESS,
    reason="needs /proc/locks and a platform whose file dialog runs in the app's process",
)


@needs_proc_locks
def test_dialog_on_the_database_folder_keeps_the_window_locks(tmp_path: Path) -> None:
    locks = window_locks(tmp_path)
    before = locks["before"]
    # In WAL mode an open connection keeps a shared lock on the database and the "in use" byte of -shm.
    assert before["bills.sqlite"], locks
    assert before["bills.sqlite-shm"], locks
    assert locks["after_safe_dialog"] == before
    # The control: Qt's default icon provider opens and closes each file it lists; that drops them all.
    assert locks["after_default_dialog"]["bills.sqlite"] == [], (
        f"Qt's default dialog no longer drops the locks here, so this test cannot fail: {locks}"
    )
    assert locks["after_default_dialog"]["bills.sqlite-shm"] == [], locks


@needs_proc_locks
def test_bills_saved_after_another_program_used_the_file_survive_a_crash(tmp_path: Path) -> None:
    assert dialog_probe_trial(tmp_path, use_safe_dialog=True) == "intact"


@needs_proc_locks
def test_with_qt_default_dialog_the_same_bills_are_lost(tmp_path: Path) -> None:
    # Deterministic here (8 of 8 trials): the import deletes the WAL the window goes on writing into.
    result = dialog_probe_trial(tmp_path, use_safe_dialog=False)
    assert result.startswith("lost 3 of 3 bills the window saved"), result


def _answer_dialog(answer: str | None) -> None:
    """When the next file dialog is shown, type `answer` and accept it, or cancel when None."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, respond)
            return
        if answer is None:
            dialog.reject()
        else:
            dialog.selectFile(answer)
            dialog.accept()

    QTimer.singleShot(0, respond)


@pytest.mark.skipif(not file_dialogs.DIALOG_IN_PROCESS, reason="native dialogs cannot be driven")
def test_save_adds_the_filter_extension_and_cancel_returns_empty(qtbot: QtBot, tmp_path: Path) -> None:
    _answer_dialog(str(tmp_path / "checklist"))
    chosen = file_dialogs.save_file_name(None, "Save", str(tmp_path / "x.pdf"), "PDF (*.pdf)")
    assert chosen == str(tmp_path / "checklist.pdf")
    _answer_dialog(str(tmp_path / "plot.v2.png"))
    assert file_dialogs.save_file_name(None, "Save", "", "PNG image (*.png)") == str(tmp_path / "plot.v2.png")
    _answer_dialog(None)
    assert file_dialogs.save_file_name(None, "Save", str(tmp_path), "PDF (*.pdf)") == ""
    _answer_dialog(None)
    assert file_dialogs.open_file_names(None, "Open", str(tmp_path), "CSV (*.csv)") == []
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    _answer_dialog(str(tmp_path / "a.csv"))
    assert file_dialogs.open_file_name(None, "Open", str(tmp_path), "CSV (*.csv)") == str(tmp_path / "a.csv")
    _answer_dialog(str(tmp_path))
    assert file_dialogs.existing_directory(None, "Folder", str(tmp_path.parent)) == str(tmp_path)
