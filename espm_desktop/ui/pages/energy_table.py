"""The energy units table (resources/energy_units.csv), read-only, so a user sees where each factor comes from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core import energy
from espm_desktop.core.i18n import current_language
from espm_desktop.ui.pages.score_format import fixed, scientific, significant


def site_factor_text(value: float, language: str) -> str:
    # Factors span 1e-3 (kWh) to 30 (tonnes of coal); below 1 the ESPM tables write them as 3.843E-02.
    return scientific(value, language) if value < 1 else significant(value, language)


class EnergyFactorsTable(QTableWidget):
    """One row per energy type and unit: type, unit, site GJ per unit, source factor, source, confirmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("energy_factors_table")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.fill()

    def fill(self) -> None:
        language = current_language()
        headers = [
            self.tr("Energy type"),
            self.tr("Unit"),
            self.tr("Site GJ per unit"),
            self.tr("Source factor"),
            self.tr("Source of the factors"),
            self.tr("Confirmed"),
        ]
        rows = [(t, u) for t in energy.energy_types() for u in t.units]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        yes, no = self.tr("Yes"), self.tr("Not confirmed")
        for r, (t, u) in enumerate(rows):
            cells = [
                t.label_fr if language == "fr" else t.label_en,
                u.label_fr if language == "fr" else u.label_en,
                site_factor_text(u.site_gj_per_unit, language),
                fixed(t.source_factor, language, 2),
                u.source_text(language),
                yes if u.confirmed else no,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 4:
                    item.setToolTip(text)
                if c == 5 and not u.confirmed:
                    item.setForeground(QColor("#a15c00"))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(4, min(self.columnWidth(4), 420))


class EnergyFactorsDialog(QDialog):
    """The units table in a window of its own, opened from the score page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("energy_factors_dialog")
        self.setWindowTitle(self.tr("Energy factors"))
        intro = QLabel(
            self.tr(
                "Factors that turn each billing unit into site gigajoules, and site energy into source energy for "
                "Canada. Values marked “Not confirmed” are taken from the US table or a reasonable default until a "
                "Canadian source confirms them; the file resources/energy_units.csv holds them."
            )
        )
        intro.setWordWrap(True)
        self.table = EnergyFactorsTable()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 620)
