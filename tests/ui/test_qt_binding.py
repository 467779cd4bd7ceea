"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 did, and crashed the app)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_qt_calls_keep_none_true_and_false_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(2000):
        widget.setMaximumHeight(100)
        widget.setEnabled(True)
        widget.setVisible(False)
        widget.setToolTip("")
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A few references may come and go with the interpreter's own work; a leak is thousands.
    assert all(abs(a - b) < 200 for a, b in zip(before, after, strict=True)), (before, after)
