"""ENERGY STAR score for bank branches in Canada, in the five steps of seed 002's worked example.

1. inputs (12 months of energy, use details), 2. actual source EUI, 3. predicted source EUI from the
centred regression, 4. efficiency ratio = actual / predicted, 5. score from the Figure 5 lookup table.
Constants are in bank_branch_model.py.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace

from espm_desktop.core import energy
from espm_desktop.core.calendarize import PeriodTotals
from espm_desktop.core.score import bank_branch_model as model
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


@dataclass(frozen=True, slots=True)
class ScoreNote:
    """Why a score is blocked (reason) or to be read with care (warning), in both languages."""

    code: str
    message_en: str
    message_fr: str


@dataclass(frozen=True, slots=True)
class InputRow:
    """Step 1 row: a use detail or an energy total as entered."""

    key: str
    label_en: str
    label_fr: str
    value: float | None
    unit: str


@dataclass(frozen=True, slots=True)
class FuelRow:
    """Step 2 row: fuel, billing units, site multiplier, site GJ, source multiplier, source GJ."""

    energy_type: str
    label_en: str
    label_fr: str
    quantity: float
    unit: str
    site_multiplier: float
    site_gj: float
    source_multiplier: float
    source_gj: float


@dataclass(frozen=True, slots=True)
class VariableRow:
    """Step 3 row: variable, building value, centring value, centred value, coefficient, product."""

    key: str
    label_en: str
    label_fr: str
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
    raise ValueError(f"score must be 1–100, got {score} / la cote doit être entre 1 et 100, reçu {score}")


def _input_rows(inp: BankBranchInputs) -> tuple[InputRow, ...]:
    rows = [
        InputRow(
            f"energy:{e.energy_type}",
            energy.energy_type(e.energy_type).label_en,
            energy.energy_type(e.energy_type).label_fr,
            e.quantity,
            e.unit,
        )
        for e in inp.energy
    ]
    rows += [
        InputRow(
            "gross_floor_area_m2", "Gross floor area", "Superficie brute", inp.gross_floor_area_m2, "m²"
        ),
        InputRow("workers", "Workers on main shift", "Travailleurs sur le quart principal", inp.workers, ""),
        InputRow(
            "percent_cooled",
            "Percent cooled",
            "Pourcentage de la superficie refroidie",
            inp.percent_cooled,
            "%",
        ),
        InputRow(
            "percent_heated",
            "Percent heated",
            "Pourcentage de la superficie chauffée",
            inp.percent_heated,
            "%",
        ),
        InputRow(
            "cdd", "Cooling degree days (CDD)", "Degrés-jours de refroidissement (DJR)", inp.cdd, "°C·d"
        ),
        InputRow("hdd", "Heating degree days (HDD)", "Degrés-jours de chauffage (DJC)", inp.hdd, "°C·d"),
        InputRow(
            "weekly_hours",
            "Weekly operating hours",
            "Heures d'exploitation par semaine",
            inp.weekly_hours,
            "h",
        ),
        InputRow("computers", "Number of computers", "Nombre d'ordinateurs", _f(inp.computers), ""),
        InputRow(
            "months_in_operation",
            "Months in operation",
            "Mois d'exploitation",
            _f(inp.months_in_operation),
            "",
        ),
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
                et.label_en,
                et.label_fr,
                e.quantity,
                e.unit,
                mult,
                site,
                et.source_factor,
                site * et.source_factor,
            )
        )
    return tuple(rows)


def _note(code: str, en: str, fr: str) -> ScoreNote:
    return ScoreNote(code, en, fr)


def eligibility(inp: BankBranchInputs, site_by_type: dict[str, float]) -> list[ScoreNote]:
    """Figure 1's building-type and program filters that block a score, each with its fix."""
    out: list[ScoreNote] = []
    if inp.property_type != PropertyType.BANK_BRANCH.value:
        out.append(
            _note(
                "property_type",
                f"The score applies to bank branches only; this property is '{inp.property_type}'. "
                "Set the primary function to Bank Branch if more "
                "than 50 % of the floor area is a bank branch.",
                "La cote s'applique seulement aux succursales bancaires; "
                f"cette propriété est « {inp.property_type} ». "
                "Choisissez Succursale bancaire si plus de 50 % de la superficie en est une.",
            )
        )
    if site_by_type.get("electricity_grid", 0.0) <= 0.0:
        out.append(
            _note(
                "no_electricity",
                "No electricity use in the 12 months: a bank branch must "
                "report electricity. Add the electric meter's bills.",
                "Aucune consommation d'électricité sur les 12 mois "
                ": une succursale bancaire doit déclarer son "
                "électricité. Ajoutez les factures du compteur électrique.",
            )
        )
    gfa = inp.gross_floor_area_m2
    if gfa < model.MIN_FLOOR_AREA_M2:
        out.append(
            _note(
                "floor_area",
                f"Gross floor area {gfa:g} m² is below {model.MIN_FLOOR_AREA_M2} "
                "m² (1,000 ft²). Check the floor area.",
                f"La superficie brute de {gfa:g} m² est inférieure "
                f"à {model.MIN_FLOOR_AREA_M2} m² (1 000 pi²). "
                "Vérifiez la superficie.",
            )
        )
    missing = [
        (key, en, fr)
        for key, en, fr, value in (
            ("workers", "workers", "travailleurs", inp.workers),
            ("weekly_hours", "weekly hours", "heures par semaine", inp.weekly_hours),
            ("computers", "computers", "ordinateurs", inp.computers),
            ("percent_heated", "percent heated", "pourcentage chauffé", inp.percent_heated),
            ("percent_cooled", "percent cooled", "pourcentage refroidi", inp.percent_cooled),
            ("months_in_operation", "months in operation", "mois d'exploitation", inp.months_in_operation),
            ("hdd", "heating degree days", "degrés-jours de chauffage", inp.hdd),
            ("cdd", "cooling degree days", "degrés-jours de refroidissement", inp.cdd),
        )
        if value is None
    ]
    for key, en, fr in missing:
        out.append(
            _note(
                f"missing_{key}", f"Enter the {en} of the property.", f"Saisissez les {fr} de la propriété."
            )
        )
    h = inp.weekly_hours
    if h is not None and not (model.MIN_WEEKLY_HOURS <= h < model.MAX_WEEKLY_HOURS_EXCLUSIVE):
        out.append(
            _note(
                "weekly_hours",
                f"Weekly hours {h:g} must be at least 30 and less than 168. Check the operating hours.",
                f"Les heures par semaine ({h:g}) doivent être d'au "
                "moins 30 et de moins de 168. Vérifiez les heures.",
            )
        )
    if inp.workers is not None and inp.workers < model.MIN_WORKERS:
        out.append(
            _note(
                "workers",
                f"Workers on the main shift = {inp.workers:g}: at least one worker is required.",
                f"Travailleurs sur le quart principal = {inp.workers:g} : il faut au moins un travailleur.",
            )
        )
    if inp.computers is not None and inp.computers < model.MIN_COMPUTERS:
        out.append(
            _note(
                "computers",
                f"Computers = {inp.computers}: at least one computer is required.",
                f"Ordinateurs = {inp.computers} : il faut au moins un ordinateur.",
            )
        )
    if inp.months_in_operation is not None and inp.months_in_operation < model.MIN_MONTHS_IN_OPERATION:
        out.append(
            _note(
                "months_in_operation",
                f"Months in operation = {inp.months_in_operation}: "
                "the branch must operate at least 10 months a year.",
                f"Mois d'exploitation = {inp.months_in_operation} : "
                "la succursale doit être exploitée au moins 10 mois.",
            )
        )
    ph = inp.percent_heated
    if ph is not None and not ph > model.MIN_PERCENT_HEATED_EXCLUSIVE:
        out.append(
            _note(
                "percent_heated",
                f"Percent heated = {ph:g} %: more than 50 % of the "
                "building must be heated (enter a percentage, 0–100).",
                f"Pourcentage chauffé = {ph:g} % : plus de 50 % du "
                "bâtiment doit être chauffé (pourcentage de 0 à 100).",
            )
        )
    if gfa > 0 and inp.parking_area_m2 is not None:
        share = inp.parking_area_m2 / (gfa + inp.parking_area_m2)
        if share >= model.MAX_PARKING_SHARE_EXCLUSIVE:
            out.append(
                _note(
                    "parking",
                    f"Enclosed parking is {share:.0%} of the floor "
                    "area including parking; it must be under 50 %.",
                    f"Le stationnement fermé représente {share:.0%} "
                    "de la superficie incluant le stationnement; "
                    "il doit être inférieur à 50 %.",
                )
            )
    if (
        gfa > 0
        and inp.vacant_area_m2 is not None
        and inp.vacant_area_m2 / gfa >= model.MAX_VACANT_SHARE_EXCLUSIVE
    ):
        out.append(
            _note(
                "vacant",
                f"Vacant space is {inp.vacant_area_m2 / gfa:.0%} of the floor area; it must be under 50 %.",
                f"L'espace vacant représente {inp.vacant_area_m2 / gfa:.0%} "
                "de la superficie; il doit être inférieur à 50 %.",
            )
        )
    return out


def _analytical_warnings(inp: BankBranchInputs, eui: float | None) -> list[ScoreNote]:
    out: list[ScoreNote] = []
    gfa = inp.gross_floor_area_m2
    if inp.workers is not None and gfa > 0:
        density = inp.workers / gfa * 100
        if density > model.MAX_WORKER_DENSITY_PER_100M2:
            out.append(
                _note(
                    "worker_density",
                    f"Worker density {density:.2f} per 100 m² is above 5, outside the reference data. "
                    "Check workers and floor area.",
                    f"La densité de {density:.2f} travailleurs par 100 "
                    "m² dépasse 5, hors des données de référence. "
                    "Vérifiez les travailleurs et la superficie.",
                )
            )
    if eui is not None and not (model.MIN_SOURCE_EUI_EXCLUSIVE < eui <= model.MAX_SOURCE_EUI):
        out.append(
            _note(
                "source_eui",
                f"Source EUI {eui:.3f} GJ/m² is outside 0.15 "
                "(exclusive) to 4.0 GJ/m² seen in the reference data. "
                "Check for missing or duplicated bills and the floor area.",
                f"L'IE à la source de {eui:.3f} GJ/m² est hors de "
                "l'intervalle de référence (plus de 0,15 à 4,0 GJ/m²). "
                "Vérifiez les factures manquantes ou en double et la superficie.",
            )
        )
    return out


def _variable_rows(inp: BankBranchInputs) -> tuple[VariableRow, ...]:
    assert inp.workers is not None and inp.percent_cooled is not None and inp.percent_heated is not None
    assert inp.cdd is not None and inp.hdd is not None
    rows = [
        VariableRow("constant", "Constant", "Constante", None, None, None, model.CONSTANT, model.CONSTANT)
    ]
    for key, en, fr, value, centre, coef in (
        (
            "worker_density",
            "Worker density (per 100 m²)",
            "Densité de travailleurs (par 100 m²)",
            inp.workers / inp.gross_floor_area_m2 * 100,
            model.CENTRE_WORKER_DENSITY,
            model.COEF_WORKER_DENSITY,
        ),
        (
            "cooled_x_cdd",
            "Percent cooled × CDD",
            "Pourcentage de la superficie refroidie × DJR",
            inp.percent_cooled / 100 * inp.cdd,
            model.CENTRE_COOLED_X_CDD,
            model.COEF_COOLED_X_CDD,
        ),
        (
            "heated_x_hdd",
            "Percent heated × HDD",
            "Pourcentage de la superficie chauffée × DJC",
            inp.percent_heated / 100 * inp.hdd,
            model.CENTRE_HEATED_X_HDD,
            model.COEF_HEATED_X_HDD,
        ),
    ):
        centred = value - centre
        rows.append(VariableRow(key, en, fr, value, centre, centred, coef, coef * centred))
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
                _note(
                    "predicted_eui",
                    f"The predicted source EUI is {predicted:.3f} "
                    "GJ/m² (not positive); check the use details.",
                    f"L'IE à la source prévue est de {predicted:.3f} "
                    "GJ/m² (non positive); vérifiez les détails.",
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
        warnings=tuple(_analytical_warnings(inp, eui)),
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


TARGET_MARGIN = 1e-4
"""How far below the target row's upper bound the target ratio sits, so the answer lands inside the row."""


@dataclass(frozen=True, slots=True)
class TargetOption:
    """A cut of one energy type, in its unit, rounded up; feasible if no more than the current use."""

    energy_type: str
    unit: str
    quantity: float
    source_gj: float
    feasible: bool


@dataclass(frozen=True, slots=True)
class TargetResult:
    target_score: int
    current_score: int | None
    target_row: LookupRow
    target_ratio: float
    target_source_eui_gj_per_m2: float
    source_cut_gj: float
    source_cut_fraction: float
    already_met: bool
    options: tuple[TargetOption, ...]


def find_target(result: BankBranchResult, target_score: int = 75) -> TargetResult:
    """How much source energy to cut (and as m³ of gas or kWh of electricity) to reach `target_score`."""
    if result.predicted_source_eui_gj_per_m2 is None or result.efficiency_ratio is None:
        raise ValueError(
            "The score cannot be computed for this property; fix the reasons first. / "
            "La cote ne peut pas être calculée pour cette propriété; corrigez d'abord les motifs."
        )
    row = row_for_score(target_score)
    predicted = result.predicted_source_eui_gj_per_m2
    gfa = result.inputs.gross_floor_area_m2
    already = result.efficiency_ratio < row.ratio_max
    if row.ratio_max == math.inf:
        target_ratio = max(result.efficiency_ratio, row.ratio_min)
    else:
        target_ratio = row.ratio_max - min(TARGET_MARGIN, (row.ratio_max - row.ratio_min) / 10)
    if already:
        target_ratio = result.efficiency_ratio
    target_eui = target_ratio * predicted
    cut_gj = max(result.source_energy_gj - target_eui * gfa, 0.0)
    options: list[TargetOption] = []
    candidates = [("natural_gas", "m3"), ("electricity_grid", "kWh")]
    candidates += [
        (e.energy_type, e.unit) for e in result.inputs.energy if (e.energy_type, e.unit) not in candidates
    ]
    for et, unit_id in candidates:
        per_unit_source = energy.source_gj(et, unit_id, 1.0)
        qty = math.ceil(cut_gj / per_unit_source) if cut_gj > 0 else 0.0
        current = sum(
            energy.site_gj(e.energy_type, e.unit, e.quantity)
            for e in result.inputs.energy
            if e.energy_type == et
        )
        feasible = qty == 0 or qty * energy.site_gj_per_unit(et, unit_id) <= current + 1e-9
        options.append(TargetOption(et, unit_id, float(qty), qty * per_unit_source, feasible))
    return TargetResult(
        target_score=target_score,
        current_score=result.score,
        target_row=row,
        target_ratio=target_ratio,
        target_source_eui_gj_per_m2=target_eui,
        source_cut_gj=cut_gj,
        source_cut_fraction=cut_gj / result.source_energy_gj if result.source_energy_gj > 0 else 0.0,
        already_met=already,
        options=tuple(options),
    )


def apply_cut(inp: BankBranchInputs, energy_type: str, unit: str, quantity: float) -> BankBranchInputs:
    """Inputs with `quantity` (in `unit`) less of `energy_type`, taken from its rows in order."""
    remaining_gj = energy.site_gj(energy_type, unit, quantity)
    new: list[EnergyUse] = []
    for e in inp.energy:
        if e.energy_type == energy_type and remaining_gj > 0:
            have_gj = energy.site_gj(e.energy_type, e.unit, e.quantity)
            take_gj = min(have_gj, remaining_gj)
            remaining_gj -= take_gj
            e = replace(e, quantity=e.quantity - energy.quantity_from_site_gj(e.energy_type, e.unit, take_gj))
        new.append(e)
    if remaining_gj > 1e-9:
        raise ValueError(
            f"Cannot cut {quantity:g} {unit} of {energy_type}: the inputs hold less. / "
            f"Impossible de retrancher {quantity:g} {unit} de "
            f"{energy_type} : les données en contiennent moins."
        )
    return replace(inp, energy=tuple(new))
