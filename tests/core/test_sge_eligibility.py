from __future__ import annotations

from decimal import Decimal as D

from espm_desktop.core.sge.eligibility import (
    EXCLUSIONS,
    EligibilityStatus,
    check_annual_gas_use,
    check_exclusions,
)


def test_annual_gas_threshold() -> None:
    assert check_annual_gas_use(D("2000000")).status is EligibilityStatus.ELIGIBLE
    assert check_annual_gas_use(D("2500000")).status is EligibilityStatus.ELIGIBLE
    below = check_annual_gas_use(D("1999999"))
    assert below.status is EligibilityStatus.NEEDS_APPROVAL
    assert "approval" in below.message_en and "1\u00a0999\u00a0999" in below.message_fr


def test_non_industrial_needs_review() -> None:
    check = check_annual_gas_use(D("3000000"), industrial=False)
    assert check.status is EligibilityStatus.NEEDS_APPROVAL
    assert "industrial" in check.message_en


def test_exclusions_checklist() -> None:
    assert len(check_exclusions({})) == len(EXCLUSIONS)
    clear = {item.key: False for item in EXCLUSIONS}
    assert check_exclusions(clear) == ()
    findings = check_exclusions({**clear, "fuel_switching": True})
    assert len(findings) == 1 and "Exclu" in findings[0].message_fr
    assert {e.key for e in EXCLUSIONS} >= {
        "fuel_switching",
        "rate_optimisation",
        "other_energir_program",
        "work_started_before_request",
    }
