"""The score on its 1–100 scale, with the median (50) and the certification threshold (75) marked."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MEDIAN = 50
CERTIFICATION = 75


class ScoreBar(QWidget):
    """A painted scale; `score` None draws the scale greyed with no marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_bar")
        self.score: int | None = None
        self.setMinimumHeight(100)
        self.setMinimumWidth(360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.median_text = self.tr("Median {0}").format(MEDIAN)
        self.certification_text = self.tr("Certification {0}").format(CERTIFICATION)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(640, 100)

    def set_score(self, score: int | None) -> None:
        self.score = score
        self.setToolTip("" if score is None else self.tr("Score {0} out of 100").format(score))
        self.update()

    def _x(self, bar: QRectF, value: float) -> float:
        return bar.left() + (value - 1) / 99 * bar.width()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        # From top to bottom: the score and its pointer, the coloured bar, the scale numbers, then the names
        # of the two thresholds. Nothing shares a row, so no text overlaps another.
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 2)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        p.setFont(bold)
        score_h = p.fontMetrics().height()
        margin = 24.0
        bar = QRectF(margin, score_h + 12.0, self.width() - 2 * margin, 18.0)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        if self.score is None:
            gradient.setColorAt(0, QColor("#d6d6d6"))
            gradient.setColorAt(1, QColor("#bdbdbd"))
        else:
            gradient.setColorAt(0, QColor("#c62828"))
            gradient.setColorAt(0.5, QColor("#f9a825"))
            gradient.setColorAt(1, QColor("#2e7d32"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(gradient)
        p.drawRoundedRect(bar, 4, 4)

        p.setFont(small)
        metrics = p.fontMetrics()
        numbers_y = bar.bottom() + 6 + metrics.ascent()
        p.setPen(QPen(QColor("#444"), 1))
        for value in (1, 25, 100):
            x = self._x(bar, value)
            p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 4))
            text = str(value)
            w = metrics.horizontalAdvance(text)
            p.drawText(QPointF(x - w / 2, numbers_y), text)
        names_y = numbers_y + metrics.height() + 2
        for value, text, colour, align_right in (
            (MEDIAN, self.median_text, "#555555", True),
            (CERTIFICATION, self.certification_text, "#1b5e20", False),
        ):
            x = self._x(bar, value)
            p.setPen(QPen(QColor(colour), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, bar.top()), QPointF(x, names_y))
            w = metrics.horizontalAdvance(text)
            # The median's name ends at its line and the certification's starts at its own: they never meet.
            p.drawText(QPointF(x - w - 4 if align_right else x + 4, names_y), text)

        if self.score is not None:
            x = self._x(bar, self.score)
            p.setPen(QPen(QColor("#111"), 1))
            p.setBrush(QColor("#111"))
            p.drawPolygon(
                QPolygonF(
                    [QPointF(x, bar.top() + 2), QPointF(x - 7, bar.top() - 9), QPointF(x + 7, bar.top() - 9)]
                )
            )
            p.setFont(bold)
            text = str(self.score)
            w = p.fontMetrics().horizontalAdvance(text)
            tx = min(max(x - w / 2, 0.0), self.width() - w)
            p.drawText(QPointF(tx, p.fontMetrics().ascent()), text)
        p.end()
