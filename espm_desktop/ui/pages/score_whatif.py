"""What-if panel of the score page: change the score's inputs and each energy's use, see the score, save nothing.

The panel works on a copy of the inputs (BankBranchInputs is frozen) and never opens a session.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from espm_desktop.core.i18n import current_language
from espm_desktop.core.score.bank_branch import BankBranchInputs, BankBranchResult, EnergyUse, compute_score
from espm_desktop.ui.labels import energy_type_label
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.score_steps import short_unit

MISSING = -1.0
"""Spin-box value shown as "–": the input is missing (as on the property record)."""
ENERGY_CHANGE_RANGE = (-100, 300)


def _spin(
    name: str, maximum: float, decimals: int, suffix: str = "", optional: bool = True
) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(decimals)
    spin.setRange(MISSING if optional else 0.0, maximum)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    spin.setKeyboardTracking(False)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    if optional:
        spin.setSpecialValueText("–")
    spin.setMinimumWidth(110)
    return spin


class ScoreWhatIfPanel(QGroupBox):
    """Inputs of the bank-branch model and one percentage per energy type; `what_if_result` follows them."""

    what_if_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What if… (nothing is saved)"), parent)
        self.setObjectName("whatif_panel")
        self.base: BankBranchResult | None = None
        self.current_score: int | None = None
        self.what_if_result: BankBranchResult | None = None
        self._filling = False

        self.floor_area = _spin("whatif_floor_area", 1_000_000, 0, " m²", optional=False)
        self.workers = _spin("whatif_workers", 10_000, 1)
        self.weekly_hours = _spin("whatif_weekly_hours", 168, 1, " h")
        self.computers = _spin("whatif_computers", 100_000, 0)
        self.percent_heated = _spin("whatif_percent_heated", 100, 0, " %")
        self.percent_cooled = _spin("whatif_percent_cooled", 100, 0, " %")
        self.months = _spin("whatif_months", 12, 0)
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for label, spin in (
            (self.tr("Gross floor area"), self.floor_area),
            (self.tr("Workers on the main shift"), self.workers),
            (self.tr("Weekly operating hours"), self.weekly_hours),
            (self.tr("Computers"), self.computers),
            (self.tr("Percent heated"), self.percent_heated),
            (self.tr("Percent cooled"), self.percent_cooled),
            (self.tr("Months in operation"), self.months),
        ):
            details.addRow(label, spin)
            spin.valueChanged.connect(self._on_changed)

        self.energy_grid = QGridLayout()
        self.energy_grid.setColumnStretch(2, 1)
        self.energy_spins: list[QSpinBox] = []
        self.energy_results: list[QLabel] = []
        energy_title = QLabel(self.tr("Annual use of each energy (change in %)"))
        energy_title.setStyleSheet("font-weight: 600;")
        energy_box = QVBoxLayout()
        energy_box.addWidget(energy_title)
        energy_box.addLayout(self.energy_grid)
        energy_box.addStretch(1)

        self.result_label = QLabel()
        self.result_label.setObjectName("whatif_score")
        self.result_label.setStyleSheet("font-size: 16pt; font-weight: 700;")
        self.result_detail = QLabel()
        self.result_detail.setObjectName("whatif_detail")
        self.result_detail.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("whatif_reset")
        self.reset_button.setToolTip(self.tr("Put back the property's own values and energy use."))
        self.reset_button.clicked.connect(self.reset)
        note = QLabel(
            self.tr(
                "Try other values here: the property and its bills are not changed. The weather (degree days) "
                "stays that of the chosen 12 months."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        columns = QHBoxLayout()
        columns.addLayout(details)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(line)
        columns.addLayout(energy_box, 1)
        head = QHBoxLayout()
        head.addWidget(self.result_label)
        head.addWidget(self.result_detail, 1)
        head.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(head)
        layout.addLayout(columns)

    # -- filling ---------------------------------------------------------------------------------------------
    def set_base(self, result: BankBranchResult | None, current_score: int | None) -> None:
        """Start from `result`'s inputs (the property as saved); the what-if score starts equal to the current."""
        self.base = result
        self.current_score = current_score
        self._build_energy_rows(result.inputs.energy if result else ())
        self.reset()

    def _build_energy_rows(self, uses: tuple[EnergyUse, ...]) -> None:
        while self.energy_grid.count():
            item = self.energy_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.energy_spins, self.energy_results = [], []
        for row, use in enumerate(uses):
            spin = QSpinBox()
            spin.setObjectName(f"whatif_energy_{use.energy_type}")
            spin.setRange(*ENERGY_CHANGE_RANGE)
            spin.setSingleStep(5)
            spin.setSuffix(" %")
            spin.setPrefix("")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setKeyboardTracking(False)
            spin.setMinimumWidth(90)
            spin.valueChanged.connect(self._on_changed)
            result = QLabel()
            result.setObjectName(f"whatif_energy_result_{use.energy_type}")
            self.energy_grid.addWidget(QLabel(energy_type_label(use.energy_type)), row, 0)
            self.energy_grid.addWidget(spin, row, 1)
            self.energy_grid.addWidget(result, row, 2)
            self.energy_spins.append(spin)
            self.energy_results.append(result)

    def reset(self) -> None:
        """Back to the property's own values; the what-if score equals the current one (not recomputed)."""
        self._filling = True
        base = self.base.inputs if self.base else None

        def put(spin: QDoubleSpinBox, value: float | None) -> None:
            spin.setValue(MISSING if value is None else float(value))

        put(self.floor_area, base.gross_floor_area_m2 if base else 0.0)
        put(self.workers, base.workers if base else None)
        put(self.weekly_hours, base.weekly_hours if base else None)
        put(self.computers, base.computers if base else None)
        put(self.percent_heated, base.percent_heated if base else None)
        put(self.percent_cooled, base.percent_cooled if base else None)
        put(self.months, base.months_in_operation if base else None)
        for spin in self.energy_spins:
            spin.setValue(0)
        self._filling = False
        self.what_if_result = self.base
        self._show(self.base)

    # -- computing -------------------------------------------------------------------------------------------
    def what_if_inputs(self) -> BankBranchInputs | None:
        if self.base is None:
            return None

        def opt(spin: QDoubleSpinBox) -> float | None:
            return None if spin.value() <= MISSING else spin.value()

        def opt_int(spin: QDoubleSpinBox) -> int | None:
            value = opt(spin)
            return None if value is None else round(value)

        energy = tuple(
            replace(use, quantity=use.quantity * (1 + spin.value() / 100))
            for use, spin in zip(self.base.inputs.energy, self.energy_spins, strict=True)
        )
        return replace(
            self.base.inputs,
            gross_floor_area_m2=self.floor_area.value(),
            workers=opt(self.workers),
            weekly_hours=opt(self.weekly_hours),
            computers=opt_int(self.computers),
            percent_heated=opt(self.percent_heated),
            percent_cooled=opt(self.percent_cooled),
            months_in_operation=opt_int(self.months),
            energy=energy,
        )

    def _on_changed(self) -> None:
        if self._filling:
            return
        inputs = self.what_if_inputs()
        self.what_if_result = compute_score(inputs) if inputs is not None else None
        self._show(self.what_if_result)
        self.what_if_changed.emit()

    # -- display ---------------------------------------------------------------------------------------------
    def what_if_score(self) -> int | None:
        return self.what_if_result.score if self.what_if_result is not None else None

    def _show(self, result: BankBranchResult | None) -> None:
        language = current_language()
        current = "–" if self.current_score is None else str(self.current_score)
        score = self.what_if_score() if result is not self.base else self.current_score
        shown = "–" if score is None else str(score)
        self.result_label.setText(self.tr("Current {0} → what-if {1}").format(current, shown))
        if result is None:
            self.result_detail.setText("")
        elif score is None:
            reasons = [r.message_fr if language == "fr" else r.message_en for r in result.reasons]
            self.result_detail.setText(
                self.tr("No score with these values:") + " " + " ".join(reasons) if reasons else ""
            )
        else:
            self.result_detail.setText(
                self.tr("Source EUI {0} GJ/m², predicted {1} GJ/m², ratio {2}.").format(
                    fixed(result.source_eui_gj_per_m2, language, 3),
                    fixed(result.predicted_source_eui_gj_per_m2, language, 3),
                    fixed(result.efficiency_ratio, language, 3),
                )
            )
        uses = result.inputs.energy if result is not None else ()
        for use, label in zip(uses, self.energy_results, strict=False):
            label.setText(
                self.tr("{0} {1} a year").format(
                    fixed(use.quantity, language, 0), short_unit(use.energy_type, use.unit)
                )
            )
