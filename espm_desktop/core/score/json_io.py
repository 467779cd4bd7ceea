"""The score as plain JSON-ready dicts, for `espm-desktop score --json FILE` and batch work.

Request keys: property_type ("bank_branch"), gross_floor_area_m2, workers, weekly_hours, computers,
percent_heated, percent_cooled (0–100), months_in_operation, hdd, cdd, energy: [{type, quantity, unit}]
with annual quantities; optional parking_area_m2, vacant_area_m2, target_score.

Values outside Figure 1's filters of seed 002 are scored as ineligible with the reason; values no building can
have (below) are refused as input errors naming the key, so every figure of the result is a finite number.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from espm_desktop.core import energy
from espm_desktop.core.numbers import format_number
from espm_desktop.core.score.bank_branch import (
    BankBranchInputs,
    BankBranchResult,
    EnergyUse,
    compute_score,
)
from espm_desktop.core.score.bank_branch_target import TargetResult, find_target

# Plausibility bounds (inclusive) of the request. Where seed 002 fixes a range it is cited; elsewhere the bound
# is physical and far outside any bank branch, so a typo or a unit mix-up is caught instead of scored.
MIN_FLOOR_AREA_M2 = 1.0
"""Below 1 m² the EUI (energy / area) can overflow; Figure 1 makes anything below 92.9 m² ineligible anyway."""
MAX_FLOOR_AREA_M2 = 10_000_000.0
"""Larger than the largest building on Earth (about 2.8 million m²)."""
MAX_WORKERS = 1_000_000.0
MAX_COMPUTERS = 1_000_000
MAX_WEEKLY_HOURS = 168.0
"""A week has 168 hours (Figure 1: "moins de 168" for a score; 168 itself is ineligible, not impossible)."""
MAX_MONTHS_IN_OPERATION = 12
"""Months in operation over the 12-month period of the score (Figure 1: at least 10 of 12)."""
MAX_PERCENT = 100.0
"""Percent heated and cooled are shares of the floor area (Figure 1, Figure 3: 0–100 %)."""
MAX_DEGREE_DAYS = 20_000.0
"""Annual HDD or CDD: 365 days × 55 °C from the 18 °C base is beyond any climate (Alert, Nunavut ≈ 13,000 HDD)."""
MAX_ENERGY_GJ = 1e12
"""Per energy line and in total: about a third of Canada's yearly energy use; no single building comes close."""
MAX_ENERGY_ITEMS = 100
"""One line per energy type is the usual request; 100 leaves room for one line per meter."""
MAX_TEXT_CHARS = 100
"""Energy types, units and property types are short labels."""


class ScoreInputError(ValueError):
    """A request that cannot be scored; `key` names the offending key (e.g. 'energy[1].unit')."""

    def __init__(self, key: str, message_en: str, message_fr: str) -> None:
        super().__init__(f"{key}: {message_en} / {message_fr}")
        self.key = key
        self.message_en = message_en
        self.message_fr = message_fr


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 30 else f"{text[:27]}…"


def _out_of_range(name: str, value: object, low: float, high: float, unit: str) -> ScoreInputError:
    en = f"{format_number(low, 'en')} and {format_number(high, 'en')}{unit}"
    fr = f"{format_number(low, 'fr')} et {format_number(high, 'fr')}{unit}"
    return ScoreInputError(
        name,
        f"'{name}' must be between {en}, got {_shown(value)}.",
        f"« {name} » doit être entre {fr}, reçu {_shown(value)}.",
    )


def _number(
    data: Mapping[str, Any],
    key: str,
    where: str = "",
    *,
    required: bool = True,
    low: float = 0.0,
    high: float = math.inf,
    unit: str = "",
) -> float | None:
    name = f"{where}{key}"
    if key not in data or data[key] is None:
        if not required:
            return None
        raise ScoreInputError(name, f"missing key '{name}'.", f"clé « {name} » manquante.")
    value = data[key]
    # An int is compared exactly; float() of a 400-digit int would overflow.
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        raise ScoreInputError(
            name,
            f"'{name}' must be a number, got {_shown(value)}.",
            f"« {name} » doit être un nombre, reçu {_shown(value)}.",
        )
    if value < 0:
        raise ScoreInputError(
            name,
            f"'{name}' must not be negative, got {_shown(value)}.",
            f"« {name} » ne doit pas être négatif, reçu {_shown(value)}.",
        )
    if not low <= value <= high:
        raise _out_of_range(name, value, low, high, unit)
    return float(value)


def _required(data: Mapping[str, Any], key: str, high: float, unit: str = "", low: float = 0.0) -> float:
    value = _number(data, key, low=low, high=high, unit=unit)
    assert value is not None
    return value


def _integer(data: Mapping[str, Any], key: str, high: float) -> int:
    value = _required(data, key, high)
    if value != int(value):
        raise ScoreInputError(
            key,
            f"'{key}' must be a whole number, got {value!r}.",
            f"« {key} » doit être un entier, reçu {value!r}.",
        )
    return int(value)


def _percent(data: Mapping[str, Any], key: str) -> float:
    value = _number(data, key)
    assert value is not None
    if value > MAX_PERCENT:
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
    if len(items) > MAX_ENERGY_ITEMS:
        raise ScoreInputError(
            "energy",
            f"'energy' has {len(items):,} lines; at most {MAX_ENERGY_ITEMS} are allowed (one per energy type "
            "or meter, with annual quantities).",
            f"« energy » a {len(items)} lignes ; au plus {MAX_ENERGY_ITEMS} sont permises (une par type "
            "d'énergie ou compteur, quantités annuelles).",
        )
    out = []
    total_gj = 0.0
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
            _check_label(item[key], f"{where}{key}")
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
        site_gj = quantity * energy.site_gj_per_unit(et, unit_id)
        if not site_gj <= MAX_ENERGY_GJ:
            raise ScoreInputError(
                f"{where}quantity",
                f"'{where}quantity' {quantity:g} {item['unit']} is {site_gj:.3g} GJ a year; more than "
                f"{MAX_ENERGY_GJ:g} GJ is not a building's use. Check the quantity and the unit.",
                f"« {where}quantity » {quantity:g} {item['unit']} donne {site_gj:.3g} GJ par an ; plus de "
                f"{MAX_ENERGY_GJ:g} GJ n'est pas la consommation d'un bâtiment. Vérifiez la quantité et l'unité.",
            )
        total_gj += site_gj
        out.append(EnergyUse(et, quantity, unit_id))
    if total_gj > MAX_ENERGY_GJ:
        raise ScoreInputError(
            "energy",
            f"the energy lines add up to {total_gj:.3g} GJ a year; more than {MAX_ENERGY_GJ:g} GJ is not a "
            "building's use.",
            f"les lignes d'énergie totalisent {total_gj:.3g} GJ par an ; plus de {MAX_ENERGY_GJ:g} GJ n'est pas "
            "la consommation d'un bâtiment.",
        )
    return tuple(out)


def _check_label(value: str, key: str) -> None:
    if len(value) > MAX_TEXT_CHARS:
        raise ScoreInputError(
            key,
            f"'{key}' has {len(value):,} characters; at most {MAX_TEXT_CHARS} are allowed.",
            f"« {key} » a {len(value)} caractères ; au plus {MAX_TEXT_CHARS} sont permis.",
        )


def parse_score_request(data: Mapping[str, Any]) -> BankBranchInputs:
    """Validate a request dict into score inputs; ScoreInputError names the bad key."""
    if not isinstance(data, Mapping):
        raise ScoreInputError("", "the request must be a JSON object.", "la requête doit être un objet JSON.")
    property_type = data.get("property_type", "bank_branch")
    if not isinstance(property_type, str):
        raise ScoreInputError(
            "property_type", "'property_type' must be text.", "« property_type » doit être du texte."
        )
    _check_label(property_type, "property_type")
    area = (MIN_FLOOR_AREA_M2, MAX_FLOOR_AREA_M2)
    return BankBranchInputs(
        gross_floor_area_m2=_required(data, "gross_floor_area_m2", area[1], " m²", low=area[0]),
        workers=_required(data, "workers", MAX_WORKERS),
        weekly_hours=_required(data, "weekly_hours", MAX_WEEKLY_HOURS, " h"),
        computers=_integer(data, "computers", MAX_COMPUTERS),
        percent_heated=_percent(data, "percent_heated"),
        percent_cooled=_percent(data, "percent_cooled"),
        months_in_operation=_integer(data, "months_in_operation", MAX_MONTHS_IN_OPERATION),
        hdd=_required(data, "hdd", MAX_DEGREE_DAYS),
        cdd=_required(data, "cdd", MAX_DEGREE_DAYS),
        energy=_energy(data),
        property_type=property_type,
        parking_area_m2=_number(data, "parking_area_m2", required=False, high=area[1], unit=" m²"),
        vacant_area_m2=_number(data, "vacant_area_m2", required=False, high=area[1], unit=" m²"),
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
                f"'target_score' must be a whole number from 1 to 100, got {_shown(target)}.",
                f"« target_score » doit être un entier de 1 à 100, reçu {_shown(target)}.",
            )
        if result.predicted_source_eui_gj_per_m2 is not None and result.efficiency_ratio is not None:
            out["target"] = target_to_json(find_target(result, target))
    _refuse_non_finite(out)
    return out


def _refuse_non_finite(out: Mapping[str, Any]) -> None:
    """The bounds above keep every figure finite; should one not be, name it rather than write invalid JSON."""
    stack: list[tuple[str, Any]] = [("", out)]
    while stack:
        name, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise ScoreInputError(
                name,
                f"the result '{name}' is not a finite number ({value}); check the inputs it depends on.",
                f"le résultat « {name} » n'est pas un nombre fini ({value}) ; vérifiez les données dont il "
                "dépend.",
            )
        if isinstance(value, Mapping):
            stack.extend((f"{name}.{k}" if name else str(k), v) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((f"{name}[{i}]", v) for i, v in enumerate(value))


score_json = score_from_json_dict
