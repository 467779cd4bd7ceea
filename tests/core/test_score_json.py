from __future__ import annotations

import json
from typing import Any

import pytest

from espm_desktop.core.score.json_io import ScoreInputError, parse_score_request, score_json


def request(**change: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "property_type": "bank_branch",
        "gross_floor_area_m2": 1300,
        "workers": 24,
        "weekly_hours": 60,
        "computers": 20,
        "percent_heated": 100,
        "percent_cooled": 100,
        "months_in_operation": 12,
        "hdd": 4766,
        "cdd": 113,
        "energy": [
            {"type": "electricity_grid", "quantity": 168000, "unit": "kWh"},
            {"type": "Natural Gas", "quantity": 9600, "unit": "cm (cubic meters)"},
        ],
    }
    data.update(change)
    return data


def test_seed_example_as_json() -> None:
    out = score_json(request(target_score=80))
    json.dumps(out)  # JSON-ready
    assert out["score"] == 75 and out["eligible"] is True
    assert round(out["source_energy_gj"], 1) == 1497.8
    assert round(out["source_eui_gj_per_m2"], 3) == 1.152
    assert round(out["predicted_source_eui_gj_per_m2"], 3) == 1.420
    assert round(out["efficiency_ratio"], 3) == 0.811
    assert out["steps"]["lookup"] == {
        "score": 75,
        "cumulative_percent": 25,
        "ratio_min": 0.8094,
        "ratio_max": 0.8175,
    }
    assert [f["unit"] for f in out["steps"]["source_energy"]["fuels"]] == ["kWh", "m3"]
    assert len(out["steps"]["predicted_eui"]["variables"]) == 4
    assert out["target"]["target_score"] == 80 and out["target"]["source_cut_gj"] > 0


def test_ineligible_gives_none_score_and_reasons() -> None:
    out = score_json(request(weekly_hours=20))
    assert out["score"] is None and out["eligible"] is False
    assert out["reasons"][0]["code"] == "weekly_hours"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({k: v for k, v in request().items() if k != "hdd"}, "hdd"),
        (request(gross_floor_area_m2=-5), "gross_floor_area_m2"),
        (request(workers="24"), "workers"),
        (request(computers=2.5), "computers"),
        (request(percent_heated=150), "percent_heated"),
        (request(energy=[{"type": "electricity_grid", "quantity": 1, "unit": "m3"}]), "energy[0].unit"),
        (request(energy=[{"type": "uranium", "quantity": 1, "unit": "GJ"}]), "energy[0].type"),
        (request(energy=[{"type": "natural_gas", "quantity": "x", "unit": "GJ"}]), "energy[0].quantity"),
        (request(energy=[{"type": "natural_gas", "unit": "GJ"}]), "energy[0].quantity"),
        (request(energy="lots"), "energy"),
        (request(target_score=101), "target_score"),
    ],
)
def test_bad_requests_name_the_key(data: dict[str, Any], key: str) -> None:
    with pytest.raises(ScoreInputError) as err:
        score_json(data)
    assert err.value.key == key
    assert key in str(err.value) or key.split(".")[-1] in err.value.message_en


def test_percentages_enter_as_fractions() -> None:
    inputs = parse_score_request(request(percent_cooled=50))
    assert inputs.percent_cooled == 50.0
    out = score_json(request(percent_cooled=50))
    cooled = out["steps"]["predicted_eui"]["variables"][2]
    assert cooled["building_value"] == pytest.approx(56.5)
