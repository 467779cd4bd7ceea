"""The five steps of seed 002's worked example ("Exemple de calcul"), for the user's own building.

Same tables, rows and columns as the example: 1. energy data and use details, 2. actual source EUI,
3. predicted source EUI, 4. efficiency ratio, 5. score from the Figure 5 table.
"""

from __future__ import annotations

import math
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core import energy, formatting
from espm_desktop.core.i18n import current_language
from espm_desktop.core.score.bank_branch import BankBranchResult
from espm_desktop.ui.labels import unit_label
from espm_desktop.ui.pages.score_format import fixed, scientific, significant
from espm_desktop.ui.table_fill import cells_announced_once

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def short_unit(energy_type: str, unit_id: str) -> str:
    """'m³' rather than 'm³ (cubic metres)', as the example prints billing units."""
    return unit_label(energy_type, unit_id).split(" (")[0]


def quantity_text(value: float, energy_type: str, unit_id: str, language: str) -> str:
    """'12 345 m³': the quantity and its billing unit, never split over two lines."""
    return formatting.quantity(value, short_unit(energy_type, unit_id), language)


def energy_order(energy_type: str) -> int:
    """Position in the units table: electricity first, as in the example."""
    ids = [t.energy_type for t in energy.energy_types()]
    return ids.index(energy_type) if energy_type in ids else len(ids)


def coefficient_text(value: float, language: str) -> str:
    return scientific(value, language) if abs(value) < 0.01 else significant(value, language)


class StepTable(QTableWidget):
    """A read-only table sized to its rows, so the page scrolls instead of the table."""

    def __init__(
        self,
        name: str,
        headers: list[str],
        parent: QWidget | None = None,
        right_columns: set[int] | None = None,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.right_columns = right_columns if right_columns is not None else set(range(1, len(headers)))
        self.setObjectName(name)
        # Long headers go on two lines so that the numbers, not the titles, set the column widths.
        self.setHorizontalHeaderLabels(
            [
                textwrap.fill(h, 18, break_long_words=False, break_on_hyphens=False) if i > 0 else h
                for i, h in enumerate(headers)
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setMinimumSectionSize(90)

    def set_rows(self, rows: list[list[str]], bold_rows: tuple[int, ...] = ()) -> None:
        self.setRowCount(len(rows))
        with cells_announced_once(self):
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if c in self.right_columns:
                        item.setTextAlignment(RIGHT)
                    if r in bold_rows:
                        font = QFont(item.font())
                        font.setBold(True)
                        item.setFont(font)
                    self.setItem(r, c, item)
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


class ScoreStepsView(QWidget):
    """Step headings and tables; `show_result` fills them, `show_energy_only` keeps steps 1–2 (other types)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.step_titles = [
            self.tr("1. The user enters the building's data"),
            self.tr("2. Actual source EUI"),
            self.tr("3. Predicted source EUI"),
            self.tr("4. Energy efficiency ratio"),
            self.tr("5. Score from the reference table (Figure 5)"),
        ]
        self.headings: list[QLabel] = []
        for i, title in enumerate(self.step_titles):
            label = QLabel(title)
            label.setObjectName(f"step{i + 1}_heading")
            label.setStyleSheet("font-weight: 600; margin-top: 8px;")
            self.headings.append(label)
        self.energy_table = StepTable("step1_energy", [self.tr("Energy data"), self.tr("Value")])
        self.details_table = StepTable("step1_details", [self.tr("Property use details"), self.tr("Value")])
        self.step2_table = StepTable(
            "step2_table",
            [
                self.tr("Fuel"),
                self.tr("Billing units"),
                self.tr("Site GJ multiplier"),
                self.tr("Site GJ"),
                self.tr("Source multiplier"),
                self.tr("Source GJ"),
            ],
        )
        self.step3_table = StepTable(
            "step3_table",
            [
                self.tr("Variable"),
                self.tr("Building value"),
                self.tr("Reference centring value"),
                self.tr("Building centred variable"),
                self.tr("Coefficient"),
                self.tr("Coefficient × centred variable"),
            ],
        )
        self.step4_label = QLabel()
        self.step4_label.setObjectName("step4_label")
        self.step5_label = QLabel()
        self.step5_label.setObjectName("step5_label")
        for label in (self.step4_label, self.step5_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step3_note = QLabel(
            self.tr(
                "Centring values are the reference means (Figure 2 of NRCan's technical reference repeats the medians in its “Mean” "
                "column; the worked example uses these means). Percentages enter as fractions: 100 % × 113 CDD = 113."
            )
        )
        self.step3_note.setWordWrap(True)
        self.step3_note.setStyleSheet("color: #555;")
        for widget in (
            self.headings[0],
            self.energy_table,
            self.details_table,
            self.headings[1],
            self.step2_table,
            self.headings[2],
            self.step3_table,
            self.step3_note,
            self.headings[3],
            self.step4_label,
            self.headings[4],
            self.step5_label,
        ):
            layout.addWidget(widget)

    def _set_score_steps_visible(self, visible: bool) -> None:
        for widget in (
            self.headings[2],
            self.step3_table,
            self.step3_note,
            self.headings[3],
            self.step4_label,
            self.headings[4],
            self.step5_label,
        ):
            widget.setVisible(visible)

    def show_result(self, result: BankBranchResult, energy_only: bool = False) -> None:
        lang = current_language()
        inp = result.inputs
        fuel_rows = sorted(result.fuel_rows, key=lambda r: energy_order(r.energy_type))
        energy_rows = [
            [
                r.label_fr if lang == "fr" else r.label_en,
                quantity_text(r.quantity, r.energy_type, r.unit, lang),
            ]
            for r in fuel_rows
        ]
        self.energy_table.set_rows(energy_rows)

        def opt(value: float | None, decimals: int = 0) -> str:
            return "–" if value is None else fixed(value, lang, decimals)

        def pct(value: float | None) -> str:
            return "–" if value is None else formatting.percent(value, lang)

        details = [
            [
                self.tr("Gross floor area (m²)"),
                opt(inp.gross_floor_area_m2, 0 if inp.gross_floor_area_m2.is_integer() else 1),
            ],
            [self.tr("Number of full-time workers on the main shift"), opt(inp.workers)],
            [self.tr("Percent of the floor area that is cooled"), pct(inp.percent_cooled)],
            [self.tr("Percent of the floor area that is heated"), pct(inp.percent_heated)],
            [self.tr("CDD (cooling degree days)"), opt(inp.cdd)],
            [self.tr("HDD (heating degree days)"), opt(inp.hdd)],
        ]
        self.details_table.set_rows(details)
        self.details_table.setVisible(not energy_only)

        rows = [
            [
                r.label_fr if lang == "fr" else r.label_en,
                quantity_text(r.quantity, r.energy_type, r.unit, lang),
                scientific(r.site_multiplier, lang),
                fixed(r.site_gj, lang, 1),
                fixed(r.source_multiplier, lang, 3),
                fixed(r.source_gj, lang, 1),
            ]
            for r in fuel_rows
        ]
        total_row = len(rows)
        rows.append(
            [self.tr("Total site energy (GJ)"), "", "", fixed(result.site_energy_gj, lang, 1), "", ""]
        )
        rows.append(
            [self.tr("Total source energy (GJ)"), "", "", "", "", fixed(result.source_energy_gj, lang, 1)]
        )
        rows.append(
            [self.tr("Source EUI (GJ/m²)"), "", "", "", "", fixed(result.source_eui_gj_per_m2, lang, 3)]
        )
        self.step2_table.set_rows(rows, bold_rows=(total_row + 1, total_row + 2))

        show_score = not energy_only and bool(result.variable_rows)
        self._set_score_steps_visible(show_score)
        if not show_score:
            return
        rows = []
        for v in result.variable_rows:
            label = v.label_fr if lang == "fr" else v.label_en
            if v.building_value is None:
                rows.append(
                    [
                        label,
                        "–",
                        "–",
                        "–",
                        coefficient_text(v.coefficient, lang),
                        significant(v.product, lang),
                    ]
                )
                continue
            rows.append(
                [
                    label,
                    significant(v.building_value, lang),
                    significant(v.centring_value, lang),
                    significant(v.centred_value, lang),
                    coefficient_text(v.coefficient, lang),
                    significant(v.product, lang),
                ]
            )
        rows.append(
            [
                self.tr("Predicted source EUI (GJ/m²)"),
                "",
                "",
                "",
                "",
                fixed(result.predicted_source_eui_gj_per_m2, lang, 3),
            ]
        )
        self.step3_table.set_rows(rows, bold_rows=(len(rows) - 1,))

        eui = fixed(result.source_eui_gj_per_m2, lang, 3)
        predicted = fixed(result.predicted_source_eui_gj_per_m2, lang, 3)
        if result.efficiency_ratio is None:
            self.step4_label.setText(self.tr("The ratio cannot be computed: see the reasons above."))
            self.step5_label.setText(self.tr("No score."))
            return
        self.step4_label.setText(
            self.tr(
                "Ratio = actual source EUI (step 2) ÷ predicted source EUI (step 3) = {0} ÷ {1} = {2}"
            ).format(eui, predicted, fixed(result.efficiency_ratio, lang, 3))
        )
        row = result.lookup_row
        if row is None or result.score is None:
            self.step5_label.setText(
                self.tr(
                    "A ratio of {0} would be looked up in the table, but the property is not eligible for a score "
                    "(see the reasons above)."
                ).format(fixed(result.efficiency_ratio, lang, 4))
            )
            return
        if math.isinf(row.ratio_max):
            text = self.tr("A ratio of {0} is at least {1}: the ENERGY STAR score is {2}.").format(
                fixed(result.efficiency_ratio, lang, 4), fixed(row.ratio_min, lang, 4), row.score
            )
        else:
            text = self.tr(
                "A ratio of {0} is at least {1} and less than {2}: the ENERGY STAR score is {3}."
            ).format(
                fixed(result.efficiency_ratio, lang, 4),
                fixed(row.ratio_min, lang, 4),
                fixed(row.ratio_max, lang, 4),
                row.score,
            )
        self.step5_label.setText(text)
