"""The Score page's target finder: the cut that reaches a chosen score, in a plain sentence and in detail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from espm_desktop.core.i18n import current_language
from espm_desktop.core.score.bank_branch import BankBranchResult
from espm_desktop.core.score.bank_branch_target import TargetResult, find_target
from espm_desktop.core.score.target import PlainTarget, target_in_plain_words
from espm_desktop.ui.labels import energy_type_label
from espm_desktop.ui.pages.score_format import fixed
from espm_desktop.ui.pages.score_inputs import ScorePageTexts
from espm_desktop.ui.pages.score_steps import short_unit

CERTIFICATION_SCORE = 75


class ScoreTargetBox(ScorePageTexts, QGroupBox):
    """The target score to reach and what to cut for it; the certification threshold is always answered too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Target finder"))
        # The page's current result; the spin box answers for it whenever the target changes.
        self.result: BankBranchResult | None = None
        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("target_spin")
        self.target_spin.setRange(1, 100)
        self.target_spin.setValue(75)
        self.target_plain = QLabel()
        self.target_plain.setObjectName("target_plain")
        self.target_plain.setWordWrap(True)
        self.target_plain.setStyleSheet("font-size: 11pt;")
        self.target_plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.target_assumptions = QLabel(
            self.tr(
                "Assumptions: each quantity is the whole cut taken on that one energy type alone; floor area, use "
                "details and degree days stay as they are. The percentage is of the total source energy. "
                "Quantities are rounded up."
            )
        )
        self.target_assumptions.setObjectName("target_assumptions")
        self.target_assumptions.setWordWrap(True)
        self.target_assumptions.setStyleSheet("color: #555;")
        self.target_result = QLabel()
        self.target_result.setObjectName("target_result")
        self.target_result.setWordWrap(True)
        self.target_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        target_layout = QVBoxLayout(self)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Target score:")))
        target_row.addWidget(self.target_spin)
        target_row.addWidget(QLabel(self.tr("(75 = certification threshold)")))
        target_row.addStretch(1)
        target_layout.addLayout(target_row)
        target_layout.addWidget(self.target_plain)
        target_layout.addWidget(self.target_assumptions)
        details_title = QLabel(self.tr("Details"))
        details_title.setStyleSheet("font-weight: 600; margin-top: 4px;")
        target_layout.addWidget(details_title)
        target_layout.addWidget(self.target_result)
        self.target_spin.valueChanged.connect(lambda _v: self.update_target())

    def update_target(self) -> None:
        result = self.result
        if result is None or result.score is None:
            self.target_result.setText("")
            self.target_plain.setText("")
            return
        target = find_target(result, self.target_spin.value())
        self.target_result.setText(self.target_text(target))
        wanted = [CERTIFICATION_SCORE]
        if self.target_spin.value() != CERTIFICATION_SCORE:
            wanted.append(self.target_spin.value())
        self.target_plain.setText(
            "\n".join(self.target_sentence(target_in_plain_words(result, score)) for score in wanted)
        )

    def target_sentence(self, t: PlainTarget) -> str:
        """« Pour atteindre 75, consommez 9 % de moins : environ 870 m³ de gaz naturel ou … par année »."""
        language = current_language()
        if t.already_met:
            return self.tr("Your score {0} already reaches {1}.").format(t.current_score, t.target_score)
        amounts = []
        for cut in t.cuts:
            quantity = fixed(cut.quantity, language, 0)
            if cut.energy_type == "natural_gas" and cut.unit == "m3":
                amounts.append(self.tr("{0} m³ of natural gas").format(quantity))
            elif cut.energy_type == "electricity_grid" and cut.unit == "kWh":
                amounts.append(self.tr("{0} kWh of electricity").format(quantity))
            else:
                amounts.append(
                    f"{quantity} {short_unit(cut.energy_type, cut.unit)} ({energy_type_label(cut.energy_type)})"
                )
        percent = f"{t.percent_less}\u00a0%"
        if not amounts:
            return self.tr(
                "To reach {0}, use {1} less: more than any one energy type can give; combine cuts."
            ).format(t.target_score, percent)
        return self.tr("To reach {0}, use {1} less: about {2} a year.").format(
            t.target_score, percent, self.tr(" or ").join(amounts)
        )

    def target_text(self, t: TargetResult) -> str:
        language = current_language()
        if t.already_met:
            return self.tr("The current score {0} already reaches {1}: no cut is needed.").format(
                t.current_score, t.target_score
            )
        lines = [
            self.tr(
                "To reach {0}, the ratio must fall below {1} (source EUI {2} GJ/m²): cut {3} GJ of source energy a "
                "year ({4} of the total). For example:"
            ).format(
                t.target_score,
                fixed(t.target_row.ratio_max, language, 4),
                fixed(t.target_source_eui_gj_per_m2, language, 3),
                fixed(t.source_cut_gj, language, 1),
                fixed(t.source_cut_fraction * 100, language, 1) + "\u00a0%",
            )
        ]
        for option in t.options:
            text = self.tr("• {0}: {1} {2} less a year").format(
                energy_type_label(option.energy_type),
                fixed(option.quantity, language, 0),
                short_unit(option.energy_type, option.unit),
            )
            if not option.feasible:
                text += " " + self.tr("(more than the building uses: combine with other cuts)")
            lines.append(text)
        return "\n".join(lines)
