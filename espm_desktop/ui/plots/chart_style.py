"""The look every chart of the Charts page shares, without pyqtgraph: the interactive chart (`chart_view`,
`axes`) is laid out with these, and the first chart painted with Qt (`first_chart`) draws to the same measures, so
that one takes the other's place without a change the user can read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

MARGIN = 4
"""Pixels around the plot and its legend."""
ZOOM_PADDING = 0.04
"""The share of each axis's span left free on both sides of the data when the whole chart is shown."""
DATE_AXIS_HEIGHT = 46
"""Pixels under the plot for two-line date labels (month, then year)."""
GRID_ALPHA = 0.25
"""The value grid's opacity, in black."""
LEGEND_COLUMNS = 3
LEGEND_SPACING = 24
"""Pixels between a legend entry's sample and its label, and between entries."""
LEGEND_POINT_SIZE = 9.0


def message_label() -> QLabel:
    """The message shown in place of a chart (nothing to draw, or why not)."""
    label = QLabel()
    label.setObjectName("chart_message")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("font-size: 12pt; color: #444; padding: 40px; background: white;")
    return label
