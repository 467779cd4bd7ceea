"""The data checks of one meter beside its bills: severity icon, message, and a tick to acknowledge it.

Acknowledged findings are kept per meter in the database (app/findings.py), keyed by code and period, so that a
finding which reappears with other dates is shown again and a tick follows the file into its backups.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.app.findings import acknowledge_finding, acknowledged_findings
from espm_desktop.core.findings import SEVERITY_ORDER, Finding
from espm_desktop.core.i18n import current_language
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.severity_icons import severity_icon

KEY_ROLE = Qt.ItemDataRole.UserRole
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    """Lists findings; emits `finding_activated(start, end)` when one is clicked, to show its bills."""

    finding_activated = Signal(object, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meter_id: int | None = None
        self.title = QLabel(self.tr("Data checks"))
        self.title.setStyleSheet("font-weight: 600;")
        self.hint = QLabel(self.tr("Tick a finding to acknowledge it once you have looked at it."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.list = QListWidget()
        self.list.setObjectName("bills_findings")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Messages wrap to the panel's width instead of scrolling sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.viewport().installEventFilter(self)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.show_acknowledged = QCheckBox()
        self.show_acknowledged.setObjectName("bills_show_acknowledged")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_acknowledged)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.show_acknowledged.toggled.connect(lambda _on: self._apply_visibility())
        self._update_toggle_text()

    def show_findings(self, meter_id: int | None, findings: Sequence[Finding]) -> None:
        self.meter_id = meter_id
        acknowledged = acknowledged_findings(self.ctx.engine, meter_id) if meter_id is not None else set()
        self._say_hint()
        language = current_language()
        self.list.blockSignals(True)
        self.list.clear()
        if meter_id is not None and not findings:
            item = QListWidgetItem(severity_icon("info"), self.tr("No problem found in this meter's bills."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        for f in sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.start or date.min)):
            item = QListWidgetItem(
                severity_icon(f.severity), f.message_fr if language == "fr" else f.message_en
            )
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not self.ctx.read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            key = f.key
            item.setData(KEY_ROLE, key)
            item.setData(PERIOD_ROLE, (f.start, f.end))
            item.setCheckState(Qt.CheckState.Checked if key in acknowledged else Qt.CheckState.Unchecked)
            item.setToolTip(
                self.tr(
                    "Tick to acknowledge this finding; it is then hidden unless “Show acknowledged findings” is ticked."
                )
            )
            self._style_item(item)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_visibility()
        self._fit_items()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_items()
        return super().eventFilter(watched, event)

    def _fit_items(self) -> None:
        """Give each item the height of its wrapped message; the default size hint elides long messages."""
        # Room taken by the check box, the icon and the paddings on the left of the text.
        width = max(self.list.viewport().width() - 64, 80)
        for item in self.items():
            rect = QFontMetrics(item.font()).boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
            )
            item.setSizeHint(QSize(width, max(rect.height(), 20) + 12))

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _style_item(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        font = QFont(item.font())
        font.setItalic(done)
        item.setFont(font)
        item.setForeground(QBrush(QColor("#888")) if done else QBrush())

    def _acknowledged_count(self) -> int:
        return sum(1 for it in self.items() if it.checkState() == Qt.CheckState.Checked)

    def _update_toggle_text(self) -> None:
        count = self._acknowledged_count() if self.list.count() else 0
        self.show_acknowledged.setText(self.tr("Show acknowledged findings ({0})").format(count))

    def _apply_visibility(self) -> None:
        show = self.show_acknowledged.isChecked()
        for item in self.items():
            item.setHidden(item.checkState() == Qt.CheckState.Checked and not show)
        self._update_toggle_text()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if self.meter_id is None or not key:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        self.list.blockSignals(True)
        try:
            acknowledge_finding(self.ctx.engine, self.meter_id, tuple(key), ticked)
        except Exception as exc:  # any refused write: the tick goes back and the reason shows
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            self._say_hint(exc)
        else:
            self._say_hint()
        self._style_item(item)
        self.list.blockSignals(False)
        self._apply_visibility()

    def _say_hint(self, error: Exception | None = None) -> None:
        """The usual hint; or why a tick was not kept (the database refused the write)."""
        from espm_desktop.app.database import save_error_message
        from espm_desktop.ui.database_dialogs import ui_language

        if error is not None:
            reason = save_error_message(error, ui_language()) or type(error).__name__
            self.hint.setText(self.tr("The tick was not kept: {0}").format(reason))
            self.hint.setStyleSheet("color: #b00020;")
            return
        self.hint.setStyleSheet("color: #555;")
        if self.ctx.read_only:
            self.hint.setText(self.tr("This database is open read-only: acknowledging findings is off."))
        else:
            self.hint.setText(self.tr("Tick a finding to acknowledge it once you have looked at it."))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        period = item.data(PERIOD_ROLE)
        if period and (period[0] is not None or period[1] is not None):
            self.finding_activated.emit(period[0], period[1])
