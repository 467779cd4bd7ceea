"""Combo boxes that choose the property (and meter) a page works on, kept in step with the shared selection."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from espm_desktop.app.choices import meter_choices, property_choices
from espm_desktop.ui.context import AppContext
from espm_desktop.ui.labels import energy_type_label


class PropertyMeterPicker(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, with_meter: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.property_combo = QComboBox()
        self.property_combo.setObjectName("property_picker")
        self.property_combo.setMinimumWidth(280)
        self.meter_combo = QComboBox()
        self.meter_combo.setObjectName("meter_picker")
        self.meter_combo.setMinimumWidth(280)
        for combo in (self.property_combo, self.meter_combo):
            # Long names ("Gaz naturel – entrée principale — Gaz naturel") are shown whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Property:")))
        layout.addWidget(self.property_combo)
        if with_meter:
            layout.addSpacing(12)
            layout.addWidget(QLabel(self.tr("Meter:")))
            layout.addWidget(self.meter_combo)
        layout.addStretch(1)
        self.with_meter = with_meter
        self.property_combo.currentIndexChanged.connect(self._on_property_changed)
        self.meter_combo.currentIndexChanged.connect(self._on_meter_changed)
        # The property list is read once and again only after a change to the data; a selection made elsewhere
        # moves the current index, and a hidden picker only notes it (its page catches up when shown).
        self._list_stale = True
        self._row_of: dict[int, int] = {}
        self._ids: list[int] = []
        """The property id of each row of the combo (the rows hold the names only: one call fills them)."""
        self.selection_stale = False
        # Bound methods, not lambdas: Qt drops these connections when the picker is deleted (a replaced window).
        ctx.property_selected.connect(self._on_selection_changed)
        ctx.meter_selected.connect(self._on_selection_changed)
        ctx.data_changed.connect(self._on_data_changed)

    @property
    def property_id(self) -> int | None:
        row = self.property_combo.currentIndex()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    @property
    def meter_id(self) -> int | None:
        data = self.meter_combo.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        """Catch up with the shared selection (the property list is read again only if the data changed)."""
        if self._list_stale:
            self._reload_properties()
        else:
            self._select_current_property()
        self.selection_stale = False
        if self.property_id is not None and self.ctx.property_id is None:
            self.ctx.property_id = self.property_id
        self._reload_meters()
        self.changed.emit()

    def _reload_properties(self) -> None:
        props = property_choices(self.ctx.db_path)
        self._list_stale = False
        self._ids = [int(pid) for pid, _name in props]
        self._row_of = {pid: row for row, pid in enumerate(self._ids)}
        self.property_combo.blockSignals(True)
        self.property_combo.clear()
        # One call for every name: adding 1,000 items one by one, each with its id, took four times as long.
        self.property_combo.addItems([name for _pid, name in props])
        self.property_combo.blockSignals(False)
        self._select_current_property(may_reload=False)

    def _select_current_property(self, may_reload: bool = True) -> None:
        """Move the current index to ctx.property_id (the first property if it has none)."""
        wanted = self.ctx.property_id
        if may_reload and wanted is not None and wanted not in self._row_of:
            # A property this list doesn't hold yet (made before this picker heard of the change): read again.
            self._reload_properties()
            return
        row = self._row_of.get(wanted, -1) if wanted is not None else -1
        self.property_combo.blockSignals(True)
        self.property_combo.setCurrentIndex(row if row >= 0 else (0 if self.property_combo.count() else -1))
        self.property_combo.blockSignals(False)

    def _reload_meters(self) -> None:
        if not self.with_meter:
            return
        meters: list[tuple[int, str, str]] = []
        if self.property_id is not None:
            meters = meter_choices(self.ctx.db_path, self.property_id)
        self.meter_combo.blockSignals(True)
        self.meter_combo.clear()
        for mid, name, energy_type in meters:
            self.meter_combo.addItem(f"{name} — {energy_type_label(energy_type)}", mid)
        wanted = self.ctx.meter_id
        index = self.meter_combo.findData(wanted) if wanted is not None else -1
        self.meter_combo.setCurrentIndex(index if index >= 0 else (0 if meters else -1))
        self.meter_combo.blockSignals(False)
        if self.meter_id is not None and self.ctx.meter_id != self.meter_id:
            self.ctx.meter_id = self.meter_id

    def _on_selection_changed(self, _record_id: int) -> None:
        if not self.isVisible():
            # A hidden page does no work for a selection it doesn't show; it calls reload() when shown.
            self.selection_stale = True
            return
        self.reload()

    def _on_data_changed(self) -> None:
        self._list_stale = True

    def _on_property_changed(self) -> None:
        pid = self.property_id
        if pid is not None and pid != self.ctx.property_id:
            self.ctx.select_property(pid)
            return  # select_property triggers reload()
        self._reload_meters()
        self.changed.emit()

    def _on_meter_changed(self) -> None:
        mid = self.meter_id
        if mid is not None and mid != self.ctx.meter_id:
            self.ctx.select_meter(mid)
            return
        self.changed.emit()
