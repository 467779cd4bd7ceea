"""Data checks on a property's meters and bills, mirroring the alerts ESPM raises (DOMAIN.md).

Errors stop metrics (ESPM would not compute them); warnings are worth a look; info is for context.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import Literal

from espm_desktop.core import energy
from espm_desktop.core.calendarize import (
    MeterMonths,
    PropertyMonths,
    calendarize_meter,
    latest_full_period,
    month_end,
    month_start,
)
from espm_desktop.core.numbers import format_number
from espm_desktop.core.types import MeterData, PropertyData
from espm_desktop.core.validation import bill_overlap

Severity = Literal["error", "warning", "info"]

MAX_ENTRY_DAYS = 65
"""ESPM alert: a single entry of more than 65 days."""
MIN_FULL_MONTHS = 12
SPIKE_FACTOR = 3.0
"""A month above 3 × (or below a third of) the median of the same calendar month in other years is flagged."""
MIN_OTHER_YEARS = 2
"""The comparison needs the same calendar month, fully billed, in at least two other years."""
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the data, with where it is and how to fix it, in both languages."""

    code: str
    severity: Severity
    meter_name: str | None
    start: date | None
    end: date | None
    message_en: str
    message_fr: str

    @property
    def key(self) -> FindingKey:
        """What stays the same while the finding does: its code and period (other dates: another finding)."""
        return (
            self.code,
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
        )


# (code, ISO start or '', ISO end or ''): how an acknowledged finding is kept (db/findings.py).
FindingKey = tuple[str, str, str]


def _longest_full_run(cal: MeterMonths) -> tuple[int, int | None]:
    """(length, first month index) of the longest run of consecutive full months."""
    best, best_first, run, first = 0, None, 0, 0
    for idx in range(cal.first_month, cal.first_month + len(cal.usage)):
        if cal.is_full(idx):
            if run == 0:
                first = idx
            run += 1
            if run > best:
                best, best_first = run, first
        else:
            run = 0
    return best, best_first


def check_meter(meter: MeterData, cal: MeterMonths | None = None) -> list[Finding]:
    """Findings for one meter: bad dates, negative usage, overlaps, gaps, long entries, short history."""
    name = meter.name
    out: list[Finding] = []
    if not meter.bills:
        out.append(
            Finding(
                "no_bills",
                "error",
                name,
                None,
                None,
                f"Meter '{name}' has no bills. Enter or import at least 12 months of bills.",
                f"Le compteur « {name} » n'a aucune facture. "
                "Saisissez ou importez au moins 12 mois de factures.",
            )
        )
        return out
    bills = sorted(meter.bills, key=lambda b: (b.start, b.end))
    for b in bills:
        if b.end < b.start:
            out.append(
                Finding(
                    "end_before_start",
                    "error",
                    name,
                    b.start,
                    b.end,
                    f"Meter '{name}': the bill from {b.start} ends "
                    f"on {b.end}, before it starts. Fix the dates.",
                    f"Compteur « {name} » : la facture du {b.start} se termine le {b.end}, avant son début. "
                    "Corrigez les dates.",
                )
            )
        if b.usage < 0:
            out.append(
                Finding(
                    "negative_usage",
                    "error",
                    name,
                    b.start,
                    b.end,
                    f"Meter '{name}': the bill {b.start} to {b.end} has negative usage ({b.usage:g}). "
                    "Enter the usage as a positive number.",
                    f"Compteur « {name} » : la facture du {b.start} au {b.end} a une consommation négative "
                    f"({b.usage:g}). Saisissez une valeur positive.",
                )
            )
        days = (b.end - b.start).days + 1
        if days > MAX_ENTRY_DAYS:
            out.append(
                Finding(
                    "long_entry",
                    "warning",
                    name,
                    b.start,
                    b.end,
                    f"Meter '{name}': the bill {b.start} to {b.end} covers {days} days (more than 65). "
                    "Split it into monthly bills if you have them.",
                    f"Compteur « {name} » : la facture du {b.start} "
                    f"au {b.end} couvre {days} jours (plus de 65). "
                    "Divisez-la en factures mensuelles si vous les avez.",
                )
            )
    covered_until = bills[0].end
    # The bill reaching furthest so far: starts and ends of accepted bills both increase, so a bill that
    # does not clash with it clashes with no earlier bill.
    reaching = bills[0]
    for b in bills[1:]:
        if b.start > covered_until + timedelta(days=1):
            gap_start, gap_end = covered_until + timedelta(days=1), b.start - timedelta(days=1)
            gap_days = (gap_end - gap_start).days + 1
            out.append(
                Finding(
                    "gap",
                    "warning",
                    name,
                    gap_start,
                    gap_end,
                    f"Meter '{name}' has a gap of {gap_days} day(s) from {gap_start} to {gap_end}. "
                    "Add the missing bill.",
                    f"Le compteur « {name} » a un trou de {gap_days} jour(s) du {gap_start} au {gap_end}. "
                    "Ajoutez la facture manquante.",
                )
            )
        elif (clash := bill_overlap(b.start, b.end, reaching.start, reaching.end)) is not None:
            # ESPM's rule (core.validation.bill_overlap): only the end date may equal the next start date.
            out.append(
                Finding(
                    "overlap",
                    "error",
                    name,
                    clash.start,
                    clash.end,
                    f"Meter '{name}': bills overlap by {clash.days} days from {clash.start} to {clash.end} "
                    "(only the end date may equal the next start date). Fix or delete one of the bills.",
                    f"Compteur « {name} » : des factures se chevauchent de {clash.days} jours du {clash.start} au "
                    f"{clash.end} (seule la date de fin peut égaler la date de début suivante). "
                    "Corrigez ou supprimez une des factures.",
                )
            )
        if b.end > covered_until:
            covered_until = b.end
            reaching = b
    if meter.active_date is not None and meter.active_date != bills[0].start:
        out.append(
            Finding(
                "active_date_mismatch",
                "warning",
                name,
                meter.active_date,
                bills[0].start,
                f"Meter '{name}' became active on {meter.active_date} but its first bill starts on "
                f"{bills[0].start}. Align the active date with the first bill.",
                f"Le compteur « {name} » est devenu actif le {meter.active_date}, mais sa première facture "
                f"commence le {bills[0].start}. Alignez la date d'activation sur la première facture.",
            )
        )
    cal = cal if cal is not None else calendarize_meter(meter)
    out.extend(usage_spikes(cal))
    run, first = _longest_full_run(cal)
    if run < MIN_FULL_MONTHS:
        start = month_start(first) if first is not None else None
        out.append(
            Finding(
                "fewer_than_12_months",
                "error",
                name,
                start,
                (month_start(first + run) - timedelta(days=1)) if first is not None else None,
                f"Meter '{name}' has {run} full calendar month(s) in a row; metrics need 12 (first day of a "
                "month to the last day of the 12th). With mid-month billing, enter 13 bills.",
                f"Le compteur « {name} » a {run} mois civil(s) complet(s) consécutif(s); il en faut 12 (du "
                "premier jour d'un mois au dernier jour du 12e). Avec une facturation en milieu de mois, "
                "saisissez 13 factures.",
            )
        )
    return out


def _most_unusual(pool: list[tuple[int, float]]) -> tuple[int, float, float, int] | None:
    """(month index, value, median of the others, how many others) of the month furthest outside the band."""
    best: tuple[float, tuple[int, float, float, int]] | None = None
    for idx, value in pool:
        others = [v for i, v in pool if i != idx]
        typical = median(others)
        if typical <= 0 or typical / SPIKE_FACTOR <= value <= SPIKE_FACTOR * typical:
            continue
        distance = math.inf if value <= 0 else abs(math.log(value / typical))
        if best is None or distance > best[0]:
            best = (distance, (idx, value, typical, len(others)))
    return best[1] if best else None


def usage_spikes(cal: MeterMonths) -> list[Finding]:
    """Months above 3 × or below a third of the median of the same calendar month in other years.

    Only fully billed months are compared (a partly billed month would look like a drop); the median of
    the other years needs at least MIN_OTHER_YEARS of them and must be above zero. The most unusual month
    is taken out before the next is looked for, so that one spike does not make the normal years of a
    short history look like drops.
    """
    by_month: dict[int, list[tuple[int, float]]] = {}
    for idx in cal.full_months():
        by_month.setdefault(idx % 12, []).append((idx, cal.usage_in(idx)))
    unit = energy.unit(cal.energy_type, cal.unit)
    unit_en, unit_fr = unit.label_en.split(" (")[0], unit.label_fr.split(" (")[0]
    out: list[Finding] = []
    for pool in by_month.values():
        while len(pool) > MIN_OTHER_YEARS and (found := _most_unusual(pool)) is not None:
            out.append(_spike_finding(cal.meter_name, unit_en, unit_fr, *found))
            pool = [p for p in pool if p[0] != found[0]]
    out.sort(key=lambda f: f.start or date.min)
    return out


def _spike_finding(
    name: str, unit_en: str, unit_fr: str, idx: int, value: float, typical: float, years: int
) -> Finding:
    name_en, name_fr = _MONTHS_EN[idx % 12], _MONTHS_FR[idx % 12]
    month_en, month_fr = f"{name_en} {idx // 12}", f"{name_fr} {idx // 12}"
    v_en, v_fr = format_number(value, "en"), format_number(value, "fr")
    t_en, t_fr = format_number(typical, "en"), format_number(typical, "fr")
    if value > typical:
        ratio = value / typical
        code = "usage_spike"
        en = (
            f"Meter '{name}': {month_en} shows {v_en} {unit_en}, {format_number(ratio, 'en', 1)} times "
            f"the median of {name_en} in the {years} other years ({t_en} {unit_en}). "
            "Check that bill: unit, decimal point, an estimated read caught up."
        )
        fr = (
            f"Compteur « {name} » : {month_fr} indique {v_fr} {unit_fr}, soit {format_number(ratio, 'fr', 1)} "
            f"fois la médiane de {name_fr} des {years} autres années ({t_fr} {unit_fr}). "
            "Vérifiez cette facture : unité, virgule, lecture estimée rattrapée."
        )
    else:
        code = "usage_drop"
        en = (
            f"Meter '{name}': {month_en} shows {v_en} {unit_en}, less than a third of the median of "
            f"{name_en} in the {years} other years ({t_en} {unit_en}). "
            "Check that bill: unit, decimal point, a missing part of the month."
        )
        fr = (
            f"Compteur « {name} » : {month_fr} indique {v_fr} {unit_fr}, moins du tiers de la médiane de "
            f"{name_fr} des {years} autres années ({t_fr} {unit_fr}). "
            "Vérifiez cette facture : unité, virgule, partie du mois manquante."
        )
    return Finding(code, "warning", name, month_start(idx), month_end(idx), en, fr)


def check_property(prop: PropertyData, months: PropertyMonths | None = None) -> list[Finding]:
    """All findings for a property: floor area, meters, then each meter, then a common 12-month period."""
    out: list[Finding] = []
    if prop.gross_floor_area_m2 <= 0:
        out.append(
            Finding(
                "zero_floor_area",
                "error",
                None,
                None,
                None,
                f"Property '{prop.name}' has a gross floor area of {prop.gross_floor_area_m2:g} m². "
                "Enter its gross floor area.",
                f"La propriété « {prop.name} » a une superficie brute de {prop.gross_floor_area_m2:g} m². "
                "Saisissez sa superficie brute.",
            )
        )
    if not prop.meters:
        out.append(
            Finding(
                "no_meters",
                "error",
                None,
                None,
                None,
                f"Property '{prop.name}' has no energy meters for metrics. Add a meter and its bills.",
                f"La propriété « {prop.name} » n'a aucun compteur d'énergie pour les indicateurs. "
                "Ajoutez un compteur et ses factures.",
            )
        )
        return out
    cals = months.meters if months is not None else tuple(calendarize_meter(m) for m in prop.meters)
    for meter, cal in zip(prop.meters, cals, strict=True):
        out.extend(check_meter(meter, cal))
    if latest_full_period(PropertyMonths(prop.name, cals)) is None:
        out.append(
            Finding(
                "no_common_period",
                "error",
                None,
                None,
                None,
                f"Property '{prop.name}': there are no 12 full "
                "calendar months in which every meter has data. "
                "Fill the gaps so all meters cover the same 12 months.",
                f"Propriété « {prop.name} » : il n'y a pas 12 mois civils complets où tous les compteurs ont "
                "des données. Comblez les trous pour que tous couvrent les mêmes 12 mois.",
            )
        )
    return out
