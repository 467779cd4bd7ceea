from __future__ import annotations

from decimal import Decimal as D

import pytest

from espm_desktop.core.sge.aid import diagnostic_aid, metering_aid
from espm_desktop.core.sge.common import SgeInputError
from espm_desktop.core.sge.rules import Phase
from espm_desktop.core.sge.stacking import OtherGrant, apply_stacking


def test_no_reduction_when_total_within_75_percent() -> None:
    aid = diagnostic_aid(D("40000"))  # 20 000 $
    result = apply_stacking(
        Phase.DIAGNOSTIC, D("40000"), aid, [OtherGrant("Hydro", Phase.DIAGNOSTIC, D("10000"))]
    )
    assert result.ceiling == D("30000.00")
    assert result.energir_aid.amount == D("20000") and result.reduction == 0
    assert result.client_share == D("10000")


def test_reduction_exactly_at_ceiling() -> None:
    aid = diagnostic_aid(D("40000"))
    result = apply_stacking(
        Phase.DIAGNOSTIC, D("40000"), aid, [OtherGrant("X", Phase.DIAGNOSTIC, D("10000.01"))]
    )
    assert result.energir_aid.amount == D("19999.99")
    assert result.client_share == D("10000.00")  # 25 % of 40 000 $
    assert result.energir_aid.limited_by_cap
    assert "Cumul des aides financières" in result.energir_aid.explanation("fr")


def test_reduction_to_zero_when_other_grants_exceed_ceiling() -> None:
    aid = metering_aid(D("100000"))  # 50 000 $
    grants = [OtherGrant("MERN", Phase.IMPLEMENTATION_METERING, D("80000"))]
    result = apply_stacking(Phase.IMPLEMENTATION_METERING, D("100000"), aid, grants)
    assert result.energir_aid.amount == 0
    assert result.reduction == D("50000")


def test_grants_of_other_phases_ignored_and_teq_warned() -> None:
    aid = diagnostic_aid(D("40000"))
    grants = [
        OtherGrant("Hydro", Phase.IMPLEMENTATION_OTHER, D("40000")),
        OtherGrant("Transition énergétique Québec", Phase.DIAGNOSTIC, D("1000")),
    ]
    result = apply_stacking(Phase.DIAGNOSTIC, D("40000"), aid, grants)
    assert result.other_grants_total == D("1000")
    assert result.energir_aid.amount == D("20000")
    assert result.warnings_fr and "Transition énergétique Québec" in result.warnings_en[0]


def test_savings_phase_not_stacked() -> None:
    with pytest.raises(SgeInputError):
        apply_stacking(Phase.SAVINGS_FOLLOW_UP, D("1"), diagnostic_aid(D("1")), [])
