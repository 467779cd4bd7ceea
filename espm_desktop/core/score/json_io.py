"""The score as plain JSON-ready dicts, for `espm-desktop score --json FILE` and batch work.

Request keys: property_type ("bank_branch"), gross_floor_area_m2, workers, weekly_hours, computers,
percent_heated, percent_cooled (0–100), months_in_operation, hdd, cdd, energy: [{type, quantity, unit}]
with annual quantities; optional parking_area_m2, vacant_area_m2, target_score.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from espm_desktop.core import energy
from espm_desktop.core.score.bank_branch import (
    BankBranchInputs,
    BankBranchResult,
    EnergyUse,
    compute_score,
)
from espm_desktop.core.score.bank_branch_target import TargetResult, find_target


class ScoreInputError(ValueError):
    """A request that cannot be scored; `key` names the offending key (e.g. 'energy[1].unit')."""

    def __init__(self, key: str, message_en: str, message_fr: str) -> None:
        super().__init__(f"{key}: {message_en} / {message_fr}")
        self.key = key
        self.message_en = message_en
        self.message_fr = message_fr


def _number(data: Mapping[str, Any], key: str, where: str = "", *, required: bool = True) -> float | None:
    name = f"{where}{key}"
    if key not in data or data[key] is None:
        if not required:
            return None
        raise ScoreInputError(name, f"missing key '{name}'.", f"clé « {name} » manquante.")
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ScoreInputError(
            name,
            f"'{name}' must be a number, got {value!r}.",
            f"« {name} » doit être un nombre, reçu {value!r}.",
        )
    if value < 0:
        raise ScoreInputError(
            name,
            f"'{name}' must not be negative, got {value!r}.",
            f"« {name} » ne doit pas être négatif, reçu {value!r}.",
        )
    return float(value)


def _required(data: Mapping[str, Any], key: str) -> float:
    value = _number(data, key)
    assert value is not None
    return value


def _integer(data: Mapping[str, Any], key: str) -> int:
    value = _required(data, key)
    if value != int(value):
        raise ScoreInputError(
            key,
            f"'{key}' must be a whole number, got {value!r}.",
            f"« {key} » doit être un entier, reçu {value!r}.",
        )
    return int(value)


def _percent(data: Mapping[str, Any], key: str) -> float:
    value = _required(data, key)
    if value > 100:
        raise ScoreInputError(
            key,
            f"'{key}' is a percentage from 0 to 100, got {value!r}.",
            f"« {key} » est un pourcentage de 0 à 100, reçu {value!r}.",
        )
    return value


def _energy(data: Mapping[str, Any]) -> tuple[EnergyUse, ...]:
    if "energy" not in data:
        raise ScoreInputError("energy", "missing key 'energy'.", "clé « energy » manquante.")
    items = data["energy"]
    if not isinstance(items, list):
        raise ScoreInputError(
            "energy",
            "'energy' must be a list of {type, quantity, unit}.",
            "« energy » doit être une liste de {type, quantity, unit}.",
        )
    out = []
    for i, item in enumerate(items):
        where = f"energy[{i}]."
        if not isinstance(item, Mapping):
            raise ScoreInputError(
                f"energy[{i}]",
                f"energy[{i}] must be an object {{type, quantity, unit}}.",
                f"energy[{i}] doit être un objet {{type, quantity, unit}}.",
            )
        for key in ("type", "unit"):
            if not isinstance(item.get(key), str):
                raise ScoreInputError(
                    f"{where}{key}",
                    f"missing key '{where}{key}' (text).",
                    f"clé « {where}{key} » manquante (texte).",
                )
        try:
            et = energy.energy_type(item["type"]).energy_type
        except energy.UnknownUnitError:
            try:
                et = energy.energy_type_from_espm_label(item["type"])
            except energy.UnknownUnitError as err:
                raise ScoreInputError(f"{where}type", err.message_en, err.message_fr) from None
        try:
            _, unit_id = energy.unit_from_espm_label(item["unit"], et)
        except energy.UnknownUnitError as err:
            raise ScoreInputError(f"{where}unit", err.message_en, err.message_fr) from None
        quantity = _number(item, "quantity", where)
        assert quantity is not None
        out.append(EnergyUse(et, quantity, unit_id))
    return tuple(out)


def parse_score_request(data: Mapping[str, Any]) -> BankBranchInputs:
    """Validate a request dict into score inputs; ScoreInputError names the bad key."""
    if not isinstance(data, Mapping):
        raise ScoreInputError("", "the request must be a JSON object.", "la requête doit être un objet JSON.")
    property_type = data.get("property_type", "bank_branch")
    if not isinstance(property_type, str):
        raise ScoreInputError(
            "property_type", "'property_type' must be text.", "« property_type » doit être du texte."
        )
    return BankBranchInputs(
        gross_floor_area_m2=_required(data, "gross_floor_area_m2"),
        workers=_required(data, "workers"),
        weekly_hours=_required(data, "weekly_hours"),
        computers=_integer(data, "computers"),
        percent_heated=_percent(data, "percent_heated"),
        percent_cooled=_percent(data, "percent_cooled"),
        months_in_operation=_integer(data, "months_in_operation"),
        hdd=_required(data, "hdd"),
        cdd=_required(data, "cdd"),
        energy=_energy(data),
        property_type=property_type,
        parking_area_m2=_number(data, "parking_area_m2", required=False),
        vacant_area_m2=_number(data, "vacant_area_m2", required=False),
    )


def result_to_json(result: BankBranchResult) -> dict[str, Any]:
    """A JSON-ready dict: headline figures, reasons, warnings and the five step tables."""
    lookup = None
    if result.lookup_row is not None:
        lookup = asdict(result.lookup_row)
        if math.isinf(lookup["ratio_max"]):
            lookup["ratio_max"] = None
    return {
        "property_type": result.inputs.property_type,
        "site_energy_gj": result.site_energy_gj,
        "source_energy_gj": result.source_energy_gj,
        "source_eui_gj_per_m2": result.source_eui_gj_per_m2,
        "predicted_source_eui_gj_per_m2": result.predicted_source_eui_gj_per_m2,
        "efficiency_ratio": result.efficiency_ratio,
        "score": result.score,
        "eligible": result.eligible,
        "reasons": [asdict(n) for n in result.reasons],
        "warnings": [asdict(n) for n in result.warnings],
        "steps": {
            "inputs": [asdict(r) for r in result.input_rows],
            "source_energy": {
                "fuels": [asdict(r) for r in result.fuel_rows],
                "total_site_gj": result.site_energy_gj,
                "total_source_gj": result.source_energy_gj,
                "source_eui_gj_per_m2": result.source_eui_gj_per_m2,
            },
            "predicted_eui": {
                "variables": [asdict(r) for r in result.variable_rows],
                "predicted_source_eui_gj_per_m2": result.predicted_source_eui_gj_per_m2,
            },
            "ratio": result.efficiency_ratio,
            "lookup": lookup,
        },
    }


def target_to_json(target: TargetResult) -> dict[str, Any]:
    row = asdict(target.target_row)
    if math.isinf(row["ratio_max"]):
        row["ratio_max"] = None
    out = asdict(target)
    out["target_row"] = row
    return out


def score_from_json_dict(data: Any) -> dict[str, Any]:
    """Parse, score and (when `target_score` is given and the score computes) find the cut to reach it."""
    inputs = parse_score_request(data)
    result = compute_score(inputs)
    assert isinstance(data, Mapping)
    out = result_to_json(result)
    target = data.get("target_score")
    if target is not None:
        if isinstance(target, bool) or not isinstance(target, int) or not 1 <= target <= 100:
            raise ScoreInputError(
                "target_score",
                f"'target_score' must be a whole number from 1 to 100, got {target!r}.",
                f"« target_score » doit être un entier de 1 à 100, reçu {target!r}.",
            )
        if result.predicted_source_eui_gj_per_m2 is not None and result.efficiency_ratio is not None:
            out["target"] = target_to_json(find_target(result, target))
    return out


score_json = score_from_json_dict
