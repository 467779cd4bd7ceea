from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from espm_desktop.core.score import bank_branch_model as model
from espm_desktop.core.score.bank_branch import (
    BankBranchInputs,
    EnergyUse,
    compute_score,
    lookup,
)
from espm_desktop.core.score.bank_branch_target import apply_cut, find_target

SEED_EXAMPLE = BankBranchInputs(
    gross_floor_area_m2=1300,
    workers=24,
    weekly_hours=60,
    computers=20,
    percent_heated=100,
    percent_cooled=100,
    months_in_operation=12,
    hdd=4766,
    cdd=113,
    energy=(EnergyUse("electricity_grid", 168_000, "kWh"), EnergyUse("natural_gas", 9_600, "m3")),
)


def test_seed_example_five_steps() -> None:
    r = compute_score(SEED_EXAMPLE)
    # Step 2
    elec, gas = r.fuel_rows
    assert (elec.site_multiplier, elec.source_multiplier) == (3.6e-3, 1.83)
    assert round(elec.site_gj, 1) == 604.8 and round(elec.source_gj) == 1107
    assert round(gas.site_gj, 1) == 368.9 and round(gas.source_gj, 1) == 391.1
    assert round(r.source_energy_gj, 1) == 1497.8
    assert r.source_eui_gj_per_m2 is not None and round(r.source_eui_gj_per_m2, 3) == 1.152
    # Step 3
    const, density, cooled, heated = r.variable_rows
    assert const.product == 1.509
    assert round(density.centred_value or 0, 3) == -0.677 and round(density.product, 4) == -0.1268
    assert round(cooled.centred_value or 0, 2) == -73.10 and round(cooled.product, 4) == -0.1500
    assert round(heated.centred_value or 0, 1) == 784.0 and round(heated.product, 4) == 0.1878
    assert (
        r.predicted_source_eui_gj_per_m2 is not None and round(r.predicted_source_eui_gj_per_m2, 3) == 1.420
    )
    # Steps 4–5
    assert r.efficiency_ratio is not None and round(r.efficiency_ratio, 3) == 0.811
    assert r.lookup_row is not None and (r.lookup_row.ratio_min, r.lookup_row.ratio_max) == (0.8094, 0.8175)
    assert r.score == 75 and r.eligible and r.reasons == () and r.warnings == ()
    assert [row.key for row in r.input_rows][:4] == [
        "energy:electricity_grid",
        "energy:natural_gas",
        "gross_floor_area_m2",
        "workers",
    ]


def test_lookup_table_bounds() -> None:
    table = model.lookup_table()
    assert len(table) == 100 and table[0].score == 100 and table[-1].ratio_max == math.inf
    assert lookup(0.8094).score == 75  # a ratio equal to a row's lower bound gets that row
    assert lookup(0.80939999).score == 76
    assert lookup(0.0).score == 100 and lookup(5.0).score == 1 and lookup(1.8616).score == 1


@given(st.floats(0, 3), st.floats(0, 3))
def test_score_never_rises_when_ratio_rises(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert lookup(lo).score >= lookup(hi).score


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"property_type": "office"}, "property_type"),
        ({"gross_floor_area_m2": 80.0}, "floor_area"),
        ({"weekly_hours": 29.0}, "weekly_hours"),
        ({"weekly_hours": 168.0}, "weekly_hours"),
        ({"workers": 0.0}, "workers"),
        ({"computers": 0}, "computers"),
        ({"months_in_operation": 9}, "months_in_operation"),
        ({"percent_heated": 50.0}, "percent_heated"),
        ({"energy": (EnergyUse("natural_gas", 9_600, "m3"),)}, "no_electricity"),
        ({"workers": None}, "missing_workers"),
        ({"parking_area_m2": 1300.0}, "parking"),
        ({"vacant_area_m2": 650.0}, "vacant"),
    ],
)
def test_eligibility_blocks_with_reason(change: dict[str, object], code: str) -> None:
    r = compute_score(replace(SEED_EXAMPLE, **change))  # type: ignore[arg-type]
    assert r.score is None and not r.eligible
    assert code in [n.code for n in r.reasons]
    assert all(n.message_en and n.message_fr for n in r.reasons)


def test_boundaries_that_stay_eligible() -> None:
    assert compute_score(replace(SEED_EXAMPLE, weekly_hours=30.0)).score == 75
    assert compute_score(replace(SEED_EXAMPLE, months_in_operation=10)).score == 75


def test_analytical_filters_are_warnings() -> None:
    r = compute_score(replace(SEED_EXAMPLE, workers=70.0))  # 5.38 per 100 m²
    assert r.score is not None and [w.code for w in r.warnings] == ["worker_density"]
    tiny = replace(SEED_EXAMPLE, energy=(EnergyUse("electricity_grid", 20_000, "kWh"),))
    r = compute_score(tiny)
    assert r.score is not None and "source_eui" in [w.code for w in r.warnings]


@pytest.mark.parametrize("target", [75, 76, 80, 90, 95, 99])
def test_target_finder_reaches_target_on_example(target: int) -> None:
    r = compute_score(SEED_EXAMPLE)
    t = find_target(r, target)
    assert t.target_row.ratio_min < t.target_ratio < t.target_row.ratio_max
    for opt in t.options:
        if opt.feasible:
            assert compute_score(apply_cut(SEED_EXAMPLE, opt.energy_type, opt.unit, opt.quantity)).score == (
                max(target, 75)
            )


@given(
    kwh=st.floats(50_000, 600_000),
    m3=st.floats(1_000, 40_000),
    target=st.integers(1, 100),
)
@settings(max_examples=150, deadline=None)
def test_target_finder_applied_reaches_target(kwh: float, m3: float, target: int) -> None:
    inputs = replace(
        SEED_EXAMPLE, energy=(EnergyUse("electricity_grid", kwh, "kWh"), EnergyUse("natural_gas", m3, "m3"))
    )
    r = compute_score(inputs)
    assert r.score is not None
    t = find_target(r, target)
    for opt in t.options:
        if opt.feasible:
            after = compute_score(apply_cut(inputs, opt.energy_type, opt.unit, opt.quantity))
            assert after.score is not None
            assert after.score >= target
            if not t.already_met:
                assert after.score == target


def test_score_property_from_bills() -> None:
    from datetime import date, timedelta

    from espm_desktop.core.score.bank_branch import score_property
    from espm_desktop.core.types import Bill, MeterData, PropertyData

    def year_of(total: float) -> tuple[Bill, ...]:
        bills = []
        for m in range(1, 13):
            start = date(2023, m, 1)
            end = (date(2024, 1, 1) if m == 12 else date(2023, m + 1, 1)) - timedelta(days=1)
            bills.append(Bill(start, end, total / 12))
        return tuple(bills)

    prop = PropertyData(
        "Succursale Saint-Denis",
        "bank_branch",
        gross_floor_area_m2=1300,
        workers=24,
        weekly_hours=60,
        computers=20,
        percent_heated=100,
        percent_cooled=100,
        months_in_operation=12,
        meters=(
            MeterData("Électricité", "electricity_grid", "kWh", year_of(168_000)),
            MeterData("Gaz", "natural_gas", "m3", year_of(9_600)),
        ),
    )
    scored = score_property(prop, hdd=4766, cdd=113)
    assert scored.period is not None and scored.period.start == date(2023, 1, 1)
    assert scored.result is not None and scored.result.score == 75
    assert round(scored.result.source_energy_gj, 1) == 1497.8
