"""Target finder for the bank-branch score: how much energy to cut to reach a target score.

The cut aims at a ratio just under the target row's upper bound of Figure 5, so that applying it
(rounded up to whole units) lands inside the target row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from espm_desktop.core import energy
from espm_desktop.core.i18n import message
from espm_desktop.core.score.bank_branch import BankBranchInputs, BankBranchResult, EnergyUse, row_for_score
from espm_desktop.core.score.bank_branch_eligibility import both_languages
from espm_desktop.core.score.bank_branch_model import LookupRow

TARGET_MARGIN = 1e-4
"""How far below the target row's upper bound the target ratio sits, so the answer lands inside the row."""


@dataclass(frozen=True, slots=True)
class TargetOption:
    """A cut of one energy type, in its unit, rounded up; feasible if no more than the current use."""

    energy_type: str
    unit: str
    quantity: float
    source_gj: float
    feasible: bool


@dataclass(frozen=True, slots=True)
class TargetResult:
    target_score: int
    current_score: int | None
    target_row: LookupRow
    target_ratio: float
    target_source_eui_gj_per_m2: float
    source_cut_gj: float
    source_cut_fraction: float
    already_met: bool
    options: tuple[TargetOption, ...]


def find_target(result: BankBranchResult, target_score: int = 75) -> TargetResult:
    """How much source energy to cut (and as m³ of gas or kWh of electricity) to reach `target_score`."""
    if result.predicted_source_eui_gj_per_m2 is None or result.efficiency_ratio is None:
        raise ValueError(
            both_languages(message("The score cannot be computed for this property; fix the reasons first."))
        )
    row = row_for_score(target_score)
    predicted = result.predicted_source_eui_gj_per_m2
    gfa = result.inputs.gross_floor_area_m2
    already = result.efficiency_ratio < row.ratio_max
    if row.ratio_max == math.inf:
        target_ratio = max(result.efficiency_ratio, row.ratio_min)
    else:
        target_ratio = row.ratio_max - min(TARGET_MARGIN, (row.ratio_max - row.ratio_min) / 10)
    if already:
        target_ratio = result.efficiency_ratio
    target_eui = target_ratio * predicted
    cut_gj = max(result.source_energy_gj - target_eui * gfa, 0.0)
    options: list[TargetOption] = []
    candidates = [("natural_gas", "m3"), ("electricity_grid", "kWh")]
    candidates += [
        (e.energy_type, e.unit) for e in result.inputs.energy if (e.energy_type, e.unit) not in candidates
    ]
    for et, unit_id in candidates:
        per_unit_source = energy.source_gj(et, unit_id, 1.0)
        qty = math.ceil(cut_gj / per_unit_source) if cut_gj > 0 else 0.0
        current = sum(
            energy.site_gj(e.energy_type, e.unit, e.quantity)
            for e in result.inputs.energy
            if e.energy_type == et
        )
        feasible = qty == 0 or qty * energy.site_gj_per_unit(et, unit_id) <= current + 1e-9
        options.append(TargetOption(et, unit_id, float(qty), qty * per_unit_source, feasible))
    return TargetResult(
        target_score=target_score,
        current_score=result.score,
        target_row=row,
        target_ratio=target_ratio,
        target_source_eui_gj_per_m2=target_eui,
        source_cut_gj=cut_gj,
        source_cut_fraction=cut_gj / result.source_energy_gj if result.source_energy_gj > 0 else 0.0,
        already_met=already,
        options=tuple(options),
    )


def apply_cut(inp: BankBranchInputs, energy_type: str, unit: str, quantity: float) -> BankBranchInputs:
    """Inputs with `quantity` (in `unit`) less of `energy_type`, taken from its rows in order."""
    remaining_gj = energy.site_gj(energy_type, unit, quantity)
    new: list[EnergyUse] = []
    for e in inp.energy:
        if e.energy_type == energy_type and remaining_gj > 0:
            have_gj = energy.site_gj(e.energy_type, e.unit, e.quantity)
            take_gj = min(have_gj, remaining_gj)
            remaining_gj -= take_gj
            e = replace(e, quantity=e.quantity - energy.quantity_from_site_gj(e.energy_type, e.unit, take_gj))
        new.append(e)
    if remaining_gj > 1e-9:
        raise ValueError(
            both_languages(
                message(
                    "Cannot cut {quantity} {unit} of {energy_type}: the inputs hold less.",
                    quantity=f"{quantity:g}",
                    unit=unit,
                    energy_type=energy_type,
                )
            )
        )
    return replace(inp, energy=tuple(new))
