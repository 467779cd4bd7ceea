"""The target finder in plain words: one percentage and one rounded quantity per energy type.

Built on bank_branch_target.find_target (the Figure 5 inversion); this module only rounds for reading.
Each quantity assumes the whole cut is taken on that one energy type, with the floor area, the use
details and the degree days unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from espm_desktop.core import energy
from espm_desktop.core.score.bank_branch import BankBranchResult
from espm_desktop.core.score.bank_branch_target import find_target

SIGNIFICANT_FIGURES = 3
"""Quantities are rounded up to three significant figures (869.2 m³ → 870, 15 053 kWh → 15 100)."""


@dataclass(frozen=True, slots=True)
class PlainCut:
    """The cut on one energy type alone, rounded up, with what the building uses of it in the period."""

    energy_type: str
    unit: str
    quantity: float
    current_quantity: float


@dataclass(frozen=True, slots=True)
class PlainTarget:
    """What the sentence says: target, current score, percent of source energy to cut, the cuts."""

    target_score: int
    current_score: int | None
    already_met: bool
    percent_less: int
    """Of the total source energy, rounded up to a whole percent."""
    cuts: tuple[PlainCut, ...]
    """Energy types that can give the whole cut alone, electricity and gas first."""
    too_large: tuple[PlainCut, ...]
    """Energy types the building uses but that cannot give the whole cut alone."""


def round_up_significant(value: float, figures: int = SIGNIFICANT_FIGURES) -> float:
    """Round up to `figures` significant figures; an integer-valued float (0 stays 0)."""
    if value <= 0:
        return 0.0
    step = 10.0 ** max(math.floor(math.log10(value)) - figures + 1, 0)
    # Rounding the quotient first absorbs float noise (870.0000001 must stay 870).
    return float(math.ceil(round(value / step, 6)) * step)


def target_in_plain_words(result: BankBranchResult, target_score: int = 75) -> PlainTarget:
    """The target finder's answer rounded for a sentence; raises ValueError when there is no score."""
    t = find_target(result, target_score)
    used: dict[tuple[str, str], float] = {}
    for e in result.inputs.energy:
        used[(e.energy_type, e.unit)] = used.get((e.energy_type, e.unit), 0.0) + e.quantity
    cuts: list[PlainCut] = []
    too_large: list[PlainCut] = []
    for option in t.options:
        current = used.get((option.energy_type, option.unit))
        if current is None:
            # The same energy type billed in another unit: express what it uses in this option's unit.
            site = sum(
                energy.site_gj(e.energy_type, e.unit, e.quantity)
                for e in result.inputs.energy
                if e.energy_type == option.energy_type
            )
            if site <= 0:
                continue
            current = energy.quantity_from_site_gj(option.energy_type, option.unit, site)
        cut = PlainCut(option.energy_type, option.unit, round_up_significant(option.quantity), current)
        if option.feasible:
            # Rounding up must not ask for more than the building uses.
            cuts.append(
                cut
                if cut.quantity <= current
                else PlainCut(cut.energy_type, cut.unit, option.quantity, current)
            )
        else:
            too_large.append(cut)
    percent = 0 if t.already_met else max(1, math.ceil(t.source_cut_fraction * 100 - 1e-9))
    return PlainTarget(
        target_score=target_score,
        current_score=t.current_score,
        already_met=t.already_met,
        percent_less=percent,
        cuts=tuple(cuts),
        too_large=tuple(too_large),
    )
