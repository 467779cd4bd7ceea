"""The Bills page's message under the table: one line or a paste's many, which scroll instead of squeezing it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

ERROR_STYLE = "color: #b00020;"
INFO_STYLE = "color: #1b5e20;"


class MessageArea(QScrollArea):
    """A selectable plain-text message, red for an error; hidden while there is nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName(name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.label)
        self.setMaximumHeight(96)
        self.hide()

    def say(self, text: str, error: bool = False) -> None:
        self.label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.label.setText(text)
        self.setVisible(bool(text))
        self.verticalScrollBar().setValue(0)
