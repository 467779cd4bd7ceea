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
from dataclasses import asdict, fields
from typing import Any

from espm_desktop.core import energy
from espm_desktop.core.i18n import Message, MessageError, Number, message
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


class ScoreInputError(MessageError):
    """A request that cannot be scored; `key` names the offending key (e.g. 'energy[1].unit')."""

    def __init__(self, key: str, problem: Message) -> None:
        super().__init__(problem, f"{key}: {problem.text('en')} / {problem.text('fr')}")
        self.key = key


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 30 else f"{text[:27]}…"


def _out_of_range(name: str, value: object, low: float, high: float, unit: str) -> ScoreInputError:
    return ScoreInputError(
        name,
        message(
            "'{name}' must be between {low} and {high}{unit}, got {value}.",
            name=name,
            low=Number(low),
            high=Number(high),
            unit=unit,
            value=_shown(value),
        ),
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
        raise ScoreInputError(name, message("missing key '{name}'.", name=name))
    value = data[key]
    # An int is compared exactly; float() of a 400-digit int would overflow.
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        raise ScoreInputError(
            name, message("'{name}' must be a number, got {value}.", name=name, value=_shown(value))
        )
    if value < 0:
        raise ScoreInputError(
            name, message("'{name}' must not be negative, got {value}.", name=name, value=_shown(value))
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
            key, message("'{name}' must be a whole number, got {value}.", name=key, value=repr(value))
        )
    return int(value)


def _percent(data: Mapping[str, Any], key: str) -> float:
    value = _number(data, key)
    assert value is not None
    if value > MAX_PERCENT:
        raise ScoreInputError(
            key, message("'{name}' is a percentage from 0 to 100, got {value}.", name=key, value=repr(value))
        )
    return value


def _energy(data: Mapping[str, Any]) -> tuple[EnergyUse, ...]:
    if "energy" not in data:
        raise ScoreInputError("energy", message("missing key '{name}'.", name="energy"))
    items = data["energy"]
    if not isinstance(items, list):
        raise ScoreInputError("energy", message("'energy' must be a list of {type, quantity, unit}."))
    if len(items) > MAX_ENERGY_ITEMS:
        raise ScoreInputError(
            "energy",
            message(
                "'energy' has {count} lines; at most {most} are allowed (one per energy type or meter, with "
                "annual quantities).",
                count=len(items),
                most=str(MAX_ENERGY_ITEMS),
            ),
        )
    out = []
    total_gj = 0.0
    for i, item in enumerate(items):
        where = f"energy[{i}]."
        if not isinstance(item, Mapping):
            raise ScoreInputError(
                f"energy[{i}]",
                message("energy[{index}] must be an object {{type, quantity, unit}}.", index=str(i)),
            )
        for key in ("type", "unit"):
            if not isinstance(item.get(key), str):
                raise ScoreInputError(
                    f"{where}{key}", message("missing key '{name}' (text).", name=f"{where}{key}")
                )
            _check_label(item[key], f"{where}{key}")
        try:
            et = energy.energy_type(item["type"]).energy_type
        except energy.UnknownUnitError:
            try:
                et = energy.energy_type_from_espm_label(item["type"])
            except energy.UnknownUnitError as err:
                raise ScoreInputError(f"{where}type", err.problem) from None
        try:
            _, unit_id = energy.unit_from_espm_label(item["unit"], et)
        except energy.UnknownUnitError as err:
            raise ScoreInputError(f"{where}unit", err.problem) from None
        quantity = _number(item, "quantity", where)
        assert quantity is not None
        site_gj = quantity * energy.site_gj_per_unit(et, unit_id)
        if not site_gj <= MAX_ENERGY_GJ:
            raise ScoreInputError(
                f"{where}quantity",
                message(
                    "'{name}' {quantity} {unit} is {gj} GJ a year; more than {limit} GJ is not a building's use. "
                    "Check the quantity and the unit.",
                    name=f"{where}quantity",
                    quantity=f"{quantity:g}",
                    unit=item["unit"],
                    gj=f"{site_gj:.3g}",
                    limit=f"{MAX_ENERGY_GJ:g}",
                ),
            )
        total_gj += site_gj
        out.append(EnergyUse(et, quantity, unit_id))
    if total_gj > MAX_ENERGY_GJ:
        raise ScoreInputError(
            "energy",
            message(
                "the energy lines add up to {gj} GJ a year; more than {limit} GJ is not a building's use.",
                gj=f"{total_gj:.3g}",
                limit=f"{MAX_ENERGY_GJ:g}",
            ),
        )
    return tuple(out)


def _check_label(value: str, key: str) -> None:
    if len(value) > MAX_TEXT_CHARS:
        raise ScoreInputError(
            key,
            message(
                "'{field}' has {length} characters; at most {most} are allowed.",
                field=key,
                length=len(value),
                most=MAX_TEXT_CHARS,
            ),
        )


def parse_score_request(data: Mapping[str, Any]) -> BankBranchInputs:
    """Validate a request dict into score inputs; ScoreInputError names the bad key."""
    if not isinstance(data, Mapping):
        raise ScoreInputError("", message("the request must be a JSON object."))
    property_type = data.get("property_type", "bank_branch")
    if not isinstance(property_type, str):
        raise ScoreInputError("property_type", message("'property_type' must be text."))
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
        "reasons": [_plain(n) for n in result.reasons],
        "warnings": [_plain(n) for n in result.warnings],
        "steps": {
            "inputs": [_plain(r) for r in result.input_rows],
            "source_energy": {
                "fuels": [_plain(r) for r in result.fuel_rows],
                "total_site_gj": result.site_energy_gj,
                "total_source_gj": result.source_energy_gj,
                "source_eui_gj_per_m2": result.source_eui_gj_per_m2,
            },
            "predicted_eui": {
                "variables": [_plain(r) for r in result.variable_rows],
                "predicted_source_eui_gj_per_m2": result.predicted_source_eui_gj_per_m2,
            },
            "ratio": result.efficiency_ratio,
            "lookup": lookup,
        },
    }


def _plain(row: Any) -> dict[str, Any]:
    """A row or note as JSON: its label or message in English and in French (`label_en`, `label_fr`)."""
    out: dict[str, Any] = {}
    for f in fields(row):
        value = getattr(row, f.name)
        if isinstance(value, Message):
            out[f"{f.name}_en"], out[f"{f.name}_fr"] = value.text("en"), value.text("fr")
        else:
            out[f.name] = value
    return out


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
                message(
                    "'target_score' must be a whole number from 1 to 100, got {value}.", value=_shown(target)
                ),
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
                message(
                    "the result '{name}' is not a finite number ({value}); check the inputs it depends on.",
                    name=name,
                    value=str(value),
                ),
            )
        if isinstance(value, Mapping):
            stack.extend((f"{name}.{k}" if name else str(k), v) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((f"{name}[{i}]", v) for i, v in enumerate(value))


score_json = score_from_json_dict
