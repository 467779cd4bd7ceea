"""The data-exchange assistant's guide: a page per stage with a card per step, and the stage list's entries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from espm_desktop.core.data_exchange import GuideStage
from espm_desktop.ui.pages.data_exchange_numbers import NumbersForm
from espm_desktop.ui.pages.data_exchange_widgets import StepCard, badge, loc


class StagePage(QScrollArea):
    """One stage of the guide: its title, (for stage 1) the numbers form, and a card per step."""

    def __init__(self, stage: GuideStage, numbers: NumbersForm | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"stage_{stage.id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(8, 4, 12, 8)
        title = QLabel(f"{stage.number}. {loc(stage.title)}")
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        title.setWordWrap(True)
        layout.addWidget(title)
        if numbers is not None:
            layout.addWidget(numbers)
        self.cards: dict[str, StepCard] = {}
        for step in stage.steps:
            card = StepCard(step, lambda _text: None)
            self.cards[step.id] = card
            if numbers is not None:
                # The form above names each stored number's problem: the cards below do not repeat it.
                for row in card.rows:
                    row.show_problem = False
            layout.addWidget(card)
        layout.addStretch(1)
        self.setWidget(inner)

    def scroll_to(self, step_id: str) -> None:
        card = self.cards.get(step_id)
        if card is not None:
            self.ensureWidgetVisible(card, 0, 60)


class StageListItem(QWidget):
    """An entry in the list on the left: a stage's number and title with a badge saying how far it is."""

    def __init__(self, title: str, badge_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.badge = badge()
        self.badge.setObjectName(badge_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 5, 6, 5)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
