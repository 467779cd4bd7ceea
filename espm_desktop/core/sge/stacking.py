"""« Cumul des aides financières »: other grants plus Énergir's aid stay within 75 % of a phase's costs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import AidAmount
from espm_desktop.core.sge.common import (
    SgeInputError,
    format_money,
    format_percent,
    require_non_negative,
    to_cents,
)
from espm_desktop.core.sge.rules import Phase

ZERO = Decimal("0")
STACKED_PHASES = frozenset({Phase.DIAGNOSTIC, Phase.IMPLEMENTATION_METERING, Phase.IMPLEMENTATION_OTHER})


@dataclass(frozen=True, slots=True)
class OtherGrant:
    """Aid from another energy distributor or a government body for the same expenses of a phase."""

    grantor: str
    phase: Phase
    amount: Decimal


@dataclass(frozen=True, slots=True)
class StackingResult:
    phase: Phase
    eligible_costs: Decimal
    other_grants_total: Decimal
    ceiling: Decimal  # 75 % of the phase's costs, for all grants together
    energir_before: Decimal
    energir_aid: AidAmount  # after the reduction
    reduction: Decimal
    client_share: Decimal  # what the client still pays, at least 25 % of the costs
    warnings_fr: tuple[str, ...]
    warnings_en: tuple[str, ...]


def _is_excluded_grantor(grantor: str) -> bool:
    name = grantor.casefold().replace("é", "e")
    return "transition energetique quebec" in name or name.strip() == "teq"


def apply_stacking(
    phase: Phase, eligible_costs: Decimal, energir_aid: AidAmount, other_grants: Sequence[OtherGrant]
) -> StackingResult:
    """Reduce Énergir's aid of `phase` so that all grants stay ≤ 75 % of the costs (client pays ≥ 25 %).

    Grants are matched to the phase they are attributed to (« attribuables à chacune des phases »); each
    part of phase 4 (metering, other components) is checked on its own costs and grants.
    """
    if phase not in STACKED_PHASES:
        raise SgeInputError(
            "phase",
            "La règle de cumul ne vise que les phases Diagnostic et Élaboration et mise en œuvre.",
            "The stacking rule only covers the Diagnostic and the development and implementation phases.",
        )
    require_non_negative(eligible_costs, "eligible_costs")
    grants = [g for g in other_grants if g.phase is phase]
    for grant in grants:
        require_non_negative(grant.amount, f"other_grants[{grant.grantor}].amount")
    others = sum((g.amount for g in grants), ZERO)
    ceiling = to_cents(eligible_costs * rules.STACKING_MAX_TOTAL_SHARE)
    before = energir_aid.amount
    after = max(ZERO, min(before, ceiling - others))
    reduction = before - after
    share_fr = format_percent(rules.STACKING_MAX_TOTAL_SHARE, "fr")
    share_en = format_percent(rules.STACKING_MAX_TOTAL_SHARE, "en")
    if reduction > 0:
        fr = (
            f"{format_money(before, 'fr')} réduit à {format_money(after, 'fr')} : les aides cumulées "
            f"({format_money(others, 'fr')} d'autres organismes) ne peuvent dépasser {share_fr} des coûts "
            f"({share_fr} × {format_money(eligible_costs, 'fr')} = {format_money(ceiling, 'fr')})"
        )
        en = (
            f"{format_money(before, 'en')} reduced to {format_money(after, 'en')}: all grants together "
            f"({format_money(others, 'en')} from other bodies) may not exceed {share_en} of the costs "
            f"({share_en} × {format_money(eligible_costs, 'en')} = {format_money(ceiling, 'en')})"
        )
    else:
        fr = (
            f"{format_money(after, 'fr')} : avec {format_money(others, 'fr')} d'autres organismes, "
            f"le cumul reste sous {share_fr} des coûts ({format_money(ceiling, 'fr')})"
        )
        en = (
            f"{format_money(after, 'en')}: with {format_money(others, 'en')} from other bodies, "
            f"the total stays within {share_en} of the costs ({format_money(ceiling, 'en')})"
        )
    warnings_fr: list[str] = []
    warnings_en: list[str] = []
    for grant in grants:
        if _is_excluded_grantor(grant.grantor):
            warnings_fr.append(
                f"L'aide de « {grant.grantor} » ne peut pas être cumulée avec l'aide SGÉ d'Énergir "
                "(Transition énergétique Québec est exclue du cumul)."
            )
            warnings_en.append(
                f"Aid from '{grant.grantor}' cannot be combined with Énergir's SGÉ aid "
                "(Transition énergétique Québec is excluded from stacking)."
            )
    return StackingResult(
        phase=phase,
        eligible_costs=eligible_costs,
        other_grants_total=others,
        ceiling=ceiling,
        energir_before=before,
        energir_aid=AidAmount(after, fr, en, rules.STACKING, limited_by_cap=reduction > 0),
        reduction=reduction,
        client_share=eligible_costs - others - after,
        warnings_fr=tuple(warnings_fr),
        warnings_en=tuple(warnings_en),
    )
