"""ENERGY STAR score for bank branches in Canada, in the five steps of seed 002's worked example.

1. inputs (12 months of energy, use details), 2. actual source EUI, 3. predicted source EUI from the
centred regression, 4. efficiency ratio = actual / predicted, 5. score from the Figure 5 lookup table.
Constants are in bank_branch_model.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from espm_desktop.core import energy
from espm_desktop.core.calendarize import (
    Period,
    PeriodTotals,
    calendarize_property,
    latest_full_period,
    period_totals,
)
from espm_desktop.core.i18n import Message, message
from espm_desktop.core.score import bank_branch_model as model
from espm_desktop.core.score.bank_branch_eligibility import (
    ScoreNote,
    analytical_warnings,
    both_languages,
    eligibility,
    note,
)
from espm_desktop.core.score.bank_branch_model import LookupRow
from espm_desktop.core.types import PropertyData, PropertyType


@dataclass(frozen=True, slots=True)
class EnergyUse:
    """Annual use of one energy type in one unit."""

    energy_type: str
    quantity: float
    unit: str


@dataclass(frozen=True, slots=True)
class BankBranchInputs:
    """Step 1: what the user enters. Percentages are 0–100; HDD/CDD base 18 °C for the same 12 months."""

    gross_floor_area_m2: float
    workers: float | None
    weekly_hours: float | None
    computers: int | None
    percent_heated: float | None
    percent_cooled: float | None
    months_in_operation: int | None
    hdd: float | None
    cdd: float | None
    energy: tuple[EnergyUse, ...]
    property_type: str = PropertyType.BANK_BRANCH.value
    parking_area_m2: float | None = None
    vacant_area_m2: float | None = None


class _Labelled:
    """A row whose label (a catalog text, or a label of the energy table) is read in either language."""

    __slots__ = ()
    label: Message

    @property
    def label_en(self) -> str:
        return self.label.text("en")

    @property
    def label_fr(self) -> str:
        return self.label.text("fr")


@dataclass(frozen=True, slots=True)
class InputRow(_Labelled):
    """Step 1 row: a use detail or an energy total as entered."""

    key: str
    label: Message
    value: float | None
    unit: str


@dataclass(frozen=True, slots=True)
class FuelRow(_Labelled):
    """Step 2 row: fuel, billing units, site multiplier, site GJ, source multiplier, source GJ."""

    energy_type: str
    label: Message
    quantity: float
    unit: str
    site_multiplier: float
    site_gj: float
    source_multiplier: float
    source_gj: float


@dataclass(frozen=True, slots=True)
class VariableRow(_Labelled):
    """Step 3 row: variable, building value, centring value, centred value, coefficient, product."""

    key: str
    label: Message
    building_value: float | None
    centring_value: float | None
    centred_value: float | None
    coefficient: float
    product: float


@dataclass(frozen=True, slots=True)
class BankBranchResult:
    """Everything the five steps of the seed's example show, plus eligibility."""

    inputs: BankBranchInputs
    input_rows: tuple[InputRow, ...]
    fuel_rows: tuple[FuelRow, ...]
    site_energy_gj: float
    source_energy_gj: float
    source_eui_gj_per_m2: float | None
    variable_rows: tuple[VariableRow, ...]
    predicted_source_eui_gj_per_m2: float | None
    efficiency_ratio: float | None
    lookup_row: LookupRow | None
    score: int | None
    eligible: bool
    reasons: tuple[ScoreNote, ...]
    warnings: tuple[ScoreNote, ...]


def lookup(ratio: float) -> LookupRow:
    """Figure 5 row for a ratio; a ratio equal to a row's lower bound gets that row."""
    table = model.lookup_table()
    mins = [r.ratio_min for r in table]
    i = bisect.bisect_right(mins, max(ratio, 0.0)) - 1
    return table[max(i, 0)]


def row_for_score(score: int) -> LookupRow:
    for r in model.lookup_table():
        if r.score == score:
            return r
    raise ValueError(both_languages(message("score must be 1–100, got {score}", score=str(score))))


def _input_rows(inp: BankBranchInputs) -> tuple[InputRow, ...]:
    rows = [
        InputRow(f"energy:{e.energy_type}", energy.energy_type(e.energy_type).label, e.quantity, e.unit)
        for e in inp.energy
    ]
    rows += [
        InputRow("gross_floor_area_m2", message("Gross floor area"), inp.gross_floor_area_m2, "m²"),
        InputRow("workers", message("Workers on main shift"), inp.workers, ""),
        InputRow("percent_cooled", message("Percent cooled"), inp.percent_cooled, "%"),
        InputRow("percent_heated", message("Percent heated"), inp.percent_heated, "%"),
        InputRow("cdd", message("Cooling degree days (CDD)"), inp.cdd, "°C·d"),
        InputRow("hdd", message("Heating degree days (HDD)"), inp.hdd, "°C·d"),
        InputRow("weekly_hours", message("Weekly operating hours"), inp.weekly_hours, "h"),
        InputRow("computers", message("Number of computers"), _f(inp.computers), ""),
        InputRow("months_in_operation", message("Months in operation"), _f(inp.months_in_operation), ""),
    ]
    return tuple(rows)


def _f(value: int | None) -> float | None:
    return None if value is None else float(value)


def _fuel_rows(inp: BankBranchInputs) -> tuple[FuelRow, ...]:
    rows = []
    for e in inp.energy:
        et = energy.energy_type(e.energy_type)
        mult = energy.site_gj_per_unit(e.energy_type, e.unit)
        site = e.quantity * mult
        rows.append(
            FuelRow(
                e.energy_type,
                et.label,
                e.quantity,
                e.unit,
                mult,
                site,
                et.source_factor,
                site * et.source_factor,
            )
        )
    return tuple(rows)


def _variable_rows(inp: BankBranchInputs) -> tuple[VariableRow, ...]:
    assert inp.workers is not None and inp.percent_cooled is not None and inp.percent_heated is not None
    assert inp.cdd is not None and inp.hdd is not None
    rows = [VariableRow("constant", message("Constant"), None, None, None, model.CONSTANT, model.CONSTANT)]
    for key, label, value, centre, coef in (
        (
            "worker_density",
            message("Worker density (per 100 m²)"),
            inp.workers / inp.gross_floor_area_m2 * 100,
            model.CENTRE_WORKER_DENSITY,
            model.COEF_WORKER_DENSITY,
        ),
        (
            "cooled_x_cdd",
            message("Percent cooled × CDD"),
            inp.percent_cooled / 100 * inp.cdd,
            model.CENTRE_COOLED_X_CDD,
            model.COEF_COOLED_X_CDD,
        ),
        (
            "heated_x_hdd",
            message("Percent heated × HDD"),
            inp.percent_heated / 100 * inp.hdd,
            model.CENTRE_HEATED_X_HDD,
            model.COEF_HEATED_X_HDD,
        ),
    ):
        centred = value - centre
        rows.append(VariableRow(key, label, value, centre, centred, coef, coef * centred))
    return tuple(rows)


def compute_score(inp: BankBranchInputs) -> BankBranchResult:
    """Run the five steps; `score` is None when a Figure 1 filter blocks it (see `reasons`)."""
    fuel_rows = _fuel_rows(inp)
    site = sum(r.site_gj for r in fuel_rows)
    source = sum(r.source_gj for r in fuel_rows)
    gfa = inp.gross_floor_area_m2
    eui = source / gfa if gfa > 0 else None
    site_by_type: dict[str, float] = {}
    for r in fuel_rows:
        site_by_type[r.energy_type] = site_by_type.get(r.energy_type, 0.0) + r.site_gj
    reasons = eligibility(inp, site_by_type)
    can_predict = gfa > 0 and None not in (
        inp.workers,
        inp.percent_cooled,
        inp.percent_heated,
        inp.cdd,
        inp.hdd,
    )
    variable_rows = _variable_rows(inp) if can_predict else ()
    predicted = sum(r.product for r in variable_rows) if variable_rows else None
    ratio = None
    if eui is not None and predicted is not None:
        if predicted > 0:
            ratio = eui / predicted
        else:
            reasons.append(
                note(
                    "predicted_eui",
                    message(
                        "The predicted source EUI is {eui} GJ/m² (not positive); check the use details.",
                        eui=f"{predicted:.3f}",
                    ),
                )
            )
    eligible = not reasons and ratio is not None
    row = lookup(ratio) if eligible and ratio is not None else None
    return BankBranchResult(
        inputs=inp,
        input_rows=_input_rows(inp),
        fuel_rows=fuel_rows,
        site_energy_gj=site,
        source_energy_gj=source,
        source_eui_gj_per_m2=eui,
        variable_rows=variable_rows,
        predicted_source_eui_gj_per_m2=predicted,
        efficiency_ratio=ratio,
        lookup_row=row,
        score=row.score if row else None,
        eligible=eligible,
        reasons=tuple(reasons),
        warnings=tuple(analytical_warnings(inp, eui)),
    )


def inputs_from_property(
    prop: PropertyData, totals: PeriodTotals, hdd: float | None, cdd: float | None
) -> BankBranchInputs:
    """Step 1 from a property and its 12-month totals (one energy row per type and unit)."""
    by_key: dict[tuple[str, str], float] = {}
    for m in totals.meters:
        by_key[(m.energy_type, m.unit)] = by_key.get((m.energy_type, m.unit), 0.0) + m.usage
    return BankBranchInputs(
        gross_floor_area_m2=prop.gross_floor_area_m2,
        workers=prop.workers,
        weekly_hours=prop.weekly_hours,
        computers=prop.computers,
        percent_heated=prop.percent_heated,
        percent_cooled=prop.percent_cooled,
        months_in_operation=prop.months_in_operation,
        hdd=hdd,
        cdd=cdd,
        energy=tuple(EnergyUse(et, q, u) for (et, u), q in by_key.items()),
        property_type=prop.property_type,
    )


@dataclass(frozen=True, slots=True)
class PropertyScore:
    """A property's score over a period of 12 full months, with the totals it came from."""

    period: Period | None
    totals: PeriodTotals | None
    result: BankBranchResult | None


def score_property(
    prop: PropertyData, hdd: float | None, cdd: float | None, period: Period | None = None
) -> PropertyScore:
    """Calendarise, take `period` (default: latest 12 full months of every meter) and score it.

    HDD/CDD must be those of the same 12 months (core/degree_days.py); result is None without a period.
    """
    months = calendarize_property(prop)
    chosen = period if period is not None else latest_full_period(months)
    if chosen is None:
        return PropertyScore(None, None, None)
    totals = period_totals(months, chosen)
    return PropertyScore(chosen, totals, compute_score(inputs_from_property(prop, totals, hdd, cdd)))
