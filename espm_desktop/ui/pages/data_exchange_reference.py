"""Reference panels of the assistant: what data Énergir sends to ESPM, and the four ways to revoke access."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from espm_desktop.core.data_exchange import (
    DATA_FLOW_PARAGRAPHS,
    DATA_FLOW_TITLE,
    REVOKE_INTRO,
    REVOKE_METHODS,
    REVOKE_TITLE,
    SUPPORT_LINES,
)
from espm_desktop.ui.pages.data_exchange_widgets import loc


def _text_panel(object_name: str, html: str) -> QScrollArea:
    label = QLabel(html)
    label.setObjectName(f"{object_name}_text")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.addWidget(label)
    layout.addStretch(1)
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setWidget(inner)
    return area


def data_flow_panel() -> QScrollArea:
    """Monthly natural-gas m³ only, renewable natural gas in the same volume, costs typed by hand (seed 000)."""
    items = "".join(f"<li style='margin-bottom:6px'>{escape(loc(p))}</li>" for p in DATA_FLOW_PARAGRAPHS)
    html = f"<h3>{escape(loc(DATA_FLOW_TITLE))}</h3><ul>{items}</ul>"
    return _text_panel("reference_data_flow", html)


def revoke_panel(help_heading: str) -> QScrollArea:
    """The guide's four ways to remove Énergir's access, each with the ESPM action to click."""
    methods = "".join(
        f"<li style='margin-bottom:8px'><b>{escape(loc(m.title))}</b><br>{escape(loc(m.action))}</li>"
        for m in REVOKE_METHODS
    )
    support = "".join(f"<li>{escape(loc(line))}</li>" for line in SUPPORT_LINES)
    html = (
        f"<h3>{escape(loc(REVOKE_TITLE))}</h3><p>{escape(loc(REVOKE_INTRO))}</p><ol>{methods}</ol>"
        f"<h4>{escape(help_heading)}</h4><ul>{support}</ul>"
    )
    return _text_panel("reference_revoke", html)
