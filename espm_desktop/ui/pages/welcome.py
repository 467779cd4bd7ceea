"""The first screen on an empty database: three ways in (the demo, an ESPM file, a first property)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from espm_desktop.ui.context import AppContext


class WelcomePage(QWidget):
    """Shown in place of Properties while the database holds no property; the window acts on its signals."""

    demo_requested = Signal()
    import_requested = Signal()
    create_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_welcome")
        self.ctx = ctx
        heading = QLabel(self.tr("Welcome to ESPM Desktop"))
        heading.setObjectName("welcome_heading")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "This database holds no building yet. Choose how to begin; you can do the other two at any "
                "time from the File menu and the Properties page. Press F1 on any page for its guide."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #444; font-size: 11pt;")

        self.demo_button = QPushButton(self.tr("Open the demo"))
        self.demo_button.setObjectName("welcome_demo")
        demo_text = self.tr(
            "Explore a bank branch, an office building and an industrial plant with years of bills, "
            "scores and an SGÉ file. The demo is a separate database: yours stays empty."
        )
        self.import_button = QPushButton(self.tr("Import an ESPM file…"))
        self.import_button.setObjectName("welcome_import")
        import_text = self.tr(
            "Bring in the properties, meters and bills exported from ENERGY STAR Portfolio Manager "
            "(Excel or CSV). You see every row before anything is saved."
        )
        self.create_button = QPushButton(self.tr("Create a property…"))
        self.create_button.setObjectName("welcome_create")
        create_text = self.tr(
            "Type a building's name, address, type and floor area, then add its meters and bills by hand "
            "or connect its Énergir gas meter."
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(1, 1)
        for row, (button, text) in enumerate(
            (
                (self.demo_button, demo_text),
                (self.import_button, import_text),
                (self.create_button, create_text),
            )
        ):
            button.setMinimumHeight(40)
            button.setMinimumWidth(200)
            button.setStyleSheet("font-size: 11pt;")
            label = QLabel(text)
            label.setWordWrap(True)
            label.setObjectName(f"{button.objectName()}_text")
            label.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        if ctx.read_only:
            reason = self.tr("Read-only database: it can't be changed. Open the demo or another database.")
            for button in (self.import_button, self.create_button):
                button.setEnabled(False)
                button.setToolTip(reason)
        card = QFrame()
        card.setObjectName("welcome_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(860)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 20, 24, 20)
        card_layout.setSpacing(14)
        card_layout.addWidget(heading)
        card_layout.addWidget(intro)
        card_layout.addSpacing(6)
        card_layout.addLayout(grid)
        # No alignment flag on the card: an aligned widget gets its size hint, which clips wrapped text.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 20)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addLayout(row)
        layout.addStretch(1)
        self.demo_button.clicked.connect(self.demo_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.create_button.clicked.connect(self.create_requested)
