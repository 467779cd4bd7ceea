"""The icons of a finding's severity (error, warning, information) and of "no problem found", painted by the app.

The Score page's data checks, the Bills page's findings and a marked bill cell show them. Painted rather than taken
from the widget style: the style's standard icons need QStyle's Python enumerations, about 8 ms to create, which
the Score page's first screen would otherwise wait for; and they look the same on every system.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SEVERITIES = ("error", "warning", "info", "ok")

# Colours with white marks that read at 16 px (contrast above 4.5:1 against white, except the amber triangle,
# whose mark is dark).
_FILL = {"error": "#c62828", "warning": "#f0a000", "info": "#1565c0", "ok": "#2e7d32"}
_MARK = {"error": "#ffffff", "warning": "#202020", "info": "#ffffff", "ok": "#ffffff"}
_SIZES = (16, 20, 24, 32, 48, 64)

_icons: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    """The icon of "error", "warning", "info" or "ok" (no problem found)."""
    icon = _icons.get(severity)
    if icon is None:
        if severity not in _FILL:
            raise ValueError(f"no icon for severity {severity!r}")
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(_paint(severity, size))
        _icons[severity] = icon
    return icon


def _paint(severity: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = float(size)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_FILL[severity]))
        if severity == "warning":
            triangle = QPainterPath()
            triangle.moveTo(s / 2, s * 0.06)
            triangle.lineTo(s * 0.97, s * 0.92)
            triangle.lineTo(s * 0.03, s * 0.92)
            triangle.closeSubpath()
            painter.drawPath(triangle)
        else:
            painter.drawEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92))
        mark = QColor(_MARK[severity])
        pen = QPen(
            mark,
            max(1.5, s * 0.13),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if severity == "error":
            a, b = s * 0.33, s * 0.67
            painter.drawLine(QPointF(a, a), QPointF(b, b))
            painter.drawLine(QPointF(a, b), QPointF(b, a))
        elif severity == "ok":
            check = QPainterPath()
            check.moveTo(s * 0.28, s * 0.52)
            check.lineTo(s * 0.44, s * 0.68)
            check.lineTo(s * 0.73, s * 0.36)
            painter.drawPath(check)
        else:
            # "!" for a warning (in the triangle's lower part), "i" for information: a stroke and a dot.
            top, bottom, dot = (0.36, 0.64, 0.79) if severity == "warning" else (0.45, 0.74, 0.28)
            painter.drawLine(QPointF(s / 2, s * top), QPointF(s / 2, s * bottom))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            radius = max(0.9, s * 0.075)
            painter.drawEllipse(QPointF(s / 2, s * dot), radius, radius)
    finally:
        painter.end()
    return pixmap
