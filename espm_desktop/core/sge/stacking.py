"""« Cumul des aides financières »: other grants plus Énergir's aid stay within 75 % of a phase's costs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from espm_desktop.core.i18n import Message, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.aid import AidAmount
from espm_desktop.core.sge.common import SgeInputError, money, percent, require_non_negative, to_cents
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
    warnings: tuple[Message, ...]

    @property
    def warnings_en(self) -> tuple[str, ...]:
        return tuple(w.text("en") for w in self.warnings)

    @property
    def warnings_fr(self) -> tuple[str, ...]:
        return tuple(w.text("fr") for w in self.warnings)


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
            message(
                "The stacking rule only covers the Diagnostic and the development and implementation phases."
            ),
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
    share = percent(rules.STACKING_MAX_TOTAL_SHARE)
    if reduction > 0:
        rule = message(
            "{before} reduced to {after}: all grants together ({others} from other bodies) may not exceed "
            "{share} of the costs ({share} × {costs} = {ceiling})",
            before=money(before),
            after=money(after),
            others=money(others),
            share=share,
            costs=money(eligible_costs),
            ceiling=money(ceiling),
        )
    else:
        rule = message(
            "{after}: with {others} from other bodies, the total stays within {share} of the costs ({ceiling})",
            after=money(after),
            others=money(others),
            share=share,
            ceiling=money(ceiling),
        )
    warnings = [
        message(
            "Aid from '{grantor}' cannot be combined with Énergir's SGÉ aid "
            "(Transition énergétique Québec is excluded from stacking).",
            grantor=grant.grantor,
        )
        for grant in grants
        if _is_excluded_grantor(grant.grantor)
    ]
    return StackingResult(
        phase=phase,
        eligible_costs=eligible_costs,
        other_grants_total=others,
        ceiling=ceiling,
        energir_before=before,
        energir_aid=AidAmount(after, rule, rules.STACKING, limited_by_cap=reduction > 0),
        reduction=reduction,
        client_share=eligible_costs - others - after,
        warnings=tuple(warnings),
    )
