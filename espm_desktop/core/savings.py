"""Measured gas savings against a weather baseline: the CalTRACK 2.0 billing method in °C (IPMVP Option C).

Per DOMAIN.md « Measuring savings »: use per day of each billing period is regressed, weighted by the
period's days, on the average heating degree-days per day at a balance point searched over a bounded range
(intercept-only and HDD models; gas has no CDD term). A model qualifies only with positive coefficients;
the qualifying model with the highest adjusted R² wins. Goodness of fit and the fractional savings
uncertainty follow ASHRAE Guideline 14-2014 (CV(RMSE), NMBE, Annex B formula for monthly data).
Energy is in m³ (floats, as in core.types); billing period dates are both inclusive.

The statistics are in core/savings_stats.py, the split into SGÉ program years in core/savings_years.py; their
public names are offered here too, where callers import them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from espm_desktop.core.i18n import N_, Message, MessageError, message
from espm_desktop.core.savings_stats import (
    fit_statistics,
    t_quantile,
    weighted_least_squares,
    weighted_r2,
)
from espm_desktop.core.savings_stats import regularized_incomplete_beta as regularized_incomplete_beta
from espm_desktop.core.savings_stats import student_t_upper_tail as student_t_upper_tail
from espm_desktop.core.savings_years import ClaimStatus as ClaimStatus
from espm_desktop.core.savings_years import ProgramYearSavings as ProgramYearSavings
from espm_desktop.core.savings_years import continuous_measurement as continuous_measurement
from espm_desktop.core.savings_years import (
    program_years_missing_acceptance as program_years_missing_acceptance,
)
from espm_desktop.core.savings_years import savings_by_program_year as savings_by_program_year

# CalTRACK searches 30–90 °F, i.e. about −1 to 32 °C; steps of at most 3 °F (1.67 °C) — we use 1 °C.
BALANCE_POINT_MIN_C = -1.0
BALANCE_POINT_MAX_C = 32.0
BALANCE_POINT_STEP_C = 1.0
MIN_TEMPERATURE_COVERAGE = 0.9  # a period needs temperatures for 90 % of its days
BASELINE_MIN_DAYS = 365
LONG_PERIOD_DAYS = 35  # longer monthly periods are suspect
SHORT_PERIOD_DAYS = 25  # shorter reads are off-cycle
GUIDELINE14_MONTHLY_FACTOR = 1.26  # ASHRAE Guideline 14-2014, Annex B, empirical factor for monthly data
DEFAULT_CONFIDENCE = 0.90

INTERCEPT_ONLY = "intercept_only"
HDD = "hdd"


@dataclass(frozen=True, slots=True)
class BillingPeriod:
    """Gas use between two dates, both inclusive; `production` is the output in the period (optional)."""

    start: date
    end: date
    usage_m3: float
    production: float | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class PeriodWeather:
    """Average heating degree-days per day of one period, per candidate balance point (°C)."""

    hdd_per_day: Mapping[float, float]
    coverage: float = 1.0  # share of the period's days that had a temperature

    @staticmethod
    def from_totals(hdd_totals: Mapping[float, float], days: int) -> PeriodWeather:
        """From a period's total HDD at each balance point (e.g. ECCC's HDD at 18 °C)."""
        return PeriodWeather({bp: total / days for bp, total in hdd_totals.items()})


def balance_point_grid(
    low: float = BALANCE_POINT_MIN_C, high: float = BALANCE_POINT_MAX_C, step: float = BALANCE_POINT_STEP_C
) -> tuple[float, ...]:
    if step <= 0 or step > 1.5 or high < low:
        raise ValueError("balance-point step must be in (0, 1.5] °C and high ≥ low")
    count = int(math.floor((high - low) / step + 1e-9)) + 1
    return tuple(round(low + i * step, 3) for i in range(count))


def weather_from_daily(
    periods: Sequence[BillingPeriod],
    daily_mean_c: Mapping[date, float],
    balance_points: Sequence[float] | None = None,
) -> tuple[PeriodWeather, ...]:
    """Average HDD per day of each period from daily mean temperatures; missing days lower the coverage.

    Without explicit balance points the CalTRACK range is bounded by the observed temperatures, since
    balance points outside them add no information in a cold climate.
    """
    if balance_points is None:
        temps = list(daily_mean_c.values())
        low = max(BALANCE_POINT_MIN_C, math.floor(min(temps))) if temps else BALANCE_POINT_MIN_C
        high = min(BALANCE_POINT_MAX_C, math.ceil(max(temps))) if temps else BALANCE_POINT_MAX_C
        balance_points = balance_point_grid(low, max(low, high))
    result: list[PeriodWeather] = []
    for period in periods:
        temps_in = [
            daily_mean_c[day]
            for offset in range(period.days)
            if (day := period.start + timedelta(days=offset)) in daily_mean_c
        ]
        coverage = len(temps_in) / period.days
        per_day = {
            bp: (sum(max(bp - t, 0.0) for t in temps_in) / len(temps_in)) if temps_in else 0.0
            for bp in balance_points
        }
        result.append(PeriodWeather(per_day, coverage))
    return tuple(result)


@dataclass(frozen=True, slots=True)
class BaselineModel:
    """use per day = intercept + hdd_slope × HDD/day(balance point) + production_slope × production/day."""

    kind: str
    balance_point_c: float | None
    intercept_m3_per_day: float
    hdd_slope_m3_per_hdd: float
    production_slope_m3_per_unit: float
    n_periods: int
    n_parameters: int  # intercept included
    r_squared: float
    adjusted_r_squared: float
    cv_rmse: float
    nmbe: float
    autocorrelation: float
    baseline_days: int

    def predict_per_day(self, weather: PeriodWeather, production_per_day: float = 0.0) -> float:
        hdd = weather.hdd_per_day[self.balance_point_c] if self.balance_point_c is not None else 0.0
        return (
            self.intercept_m3_per_day
            + self.hdd_slope_m3_per_hdd * hdd
            + self.production_slope_m3_per_unit * production_per_day
        )

    def predict(self, period: BillingPeriod, weather: PeriodWeather) -> float:
        production = (period.production or 0.0) / period.days
        return period.days * self.predict_per_day(weather, production)


@dataclass(frozen=True, slots=True)
class CandidateModel:
    kind: str
    balance_point_c: float | None
    coefficients: tuple[float, ...]
    adjusted_r_squared: float
    qualifies: bool


@dataclass(frozen=True, slots=True)
class BaselineFit:
    model: BaselineModel
    candidates: tuple[CandidateModel, ...]
    warnings: tuple[Message, ...]


class SavingsInputError(MessageError):
    """The savings can't be computed from these figures; `problem` says why and what to do."""


_LONG_PERIOD = {
    "baseline": N_("Baseline: the period {start} to {end} lasts {days} days (> {limit}): check the bill."),
    "reporting": N_("Reporting: the period {start} to {end} lasts {days} days (> {limit}): check the bill."),
}
_SHORT_PERIOD = {
    "baseline": N_("Baseline: the period {start} to {end} lasts only {days} days (off-cycle read)."),
    "reporting": N_("Reporting: the period {start} to {end} lasts only {days} days (off-cycle read)."),
}


def _period_checks(periods: Sequence[BillingPeriod], which: str) -> list[Message]:
    """Periods too long or too short for a monthly bill, in the baseline or the reporting period (`which`)."""
    found: list[Message] = []
    for p in periods:
        values = {"start": p.start.isoformat(), "end": p.end.isoformat(), "days": str(p.days)}
        if p.days > LONG_PERIOD_DAYS:
            found.append(Message(_LONG_PERIOD[which], {**values, "limit": str(LONG_PERIOD_DAYS)}))
        elif p.days < SHORT_PERIOD_DAYS:
            found.append(Message(_SHORT_PERIOD[which], values))
    return found


def fit_baseline(
    periods: Sequence[BillingPeriod],
    weather: Sequence[PeriodWeather],
    use_production: bool = False,
) -> BaselineFit:
    """Fit the intercept-only and every HDD candidate; keep the qualifying one with the best adjusted R²."""
    if len(periods) != len(weather):
        raise ValueError("one PeriodWeather per billing period")
    warnings = _period_checks(periods, "baseline")
    kept: list[tuple[BillingPeriod, PeriodWeather]] = []
    for period, w in zip(periods, weather, strict=True):
        if w.coverage < MIN_TEMPERATURE_COVERAGE:
            warnings.append(
                message(
                    "Period {start} to {end} left out: temperatures for only {coverage} of its days (90 % needed).",
                    start=period.start.isoformat(),
                    end=period.end.isoformat(),
                    coverage=f"{w.coverage:.0%}",
                )
            )
        elif use_production and period.production is None:
            warnings.append(
                message(
                    "Period {start} to {end} left out: production missing.",
                    start=period.start.isoformat(),
                    end=period.end.isoformat(),
                )
            )
        else:
            kept.append((period, w))
    n_params_min = 2 if use_production else 1
    if len(kept) < n_params_min + 2:
        raise SavingsInputError(
            message("Too few usable baseline periods ({count}) to fit a model.", count=str(len(kept)))
        )
    baseline_days = sum(p.days for p, _ in kept)
    if baseline_days < BASELINE_MIN_DAYS:
        warnings.append(
            message("The baseline covers {days} days: CalTRACK asks for 365 days.", days=str(baseline_days))
        )
    y = [p.usage_m3 / p.days for p, _ in kept]
    wts = [float(p.days) for p, _ in kept]
    prod = [(p.production or 0.0) / p.days for p, _ in kept]
    n = len(kept)
    balance_points = sorted(set.intersection(*(set(w.hdd_per_day) for _, w in kept)))

    candidates: list[CandidateModel] = []
    best: tuple[float, str, float | None, list[float]] | None = None
    options: list[float | None] = [None, *balance_points]
    for bp in options:
        rows = [[1.0] for _ in kept]
        if bp is not None:
            for row, (_, w) in zip(rows, kept, strict=True):
                row.append(w.hdd_per_day[bp])
        if use_production:
            for row, value in zip(rows, prod, strict=True):
                row.append(value)
        beta = weighted_least_squares(rows, y, wts)
        if beta is None:
            continue
        fitted = [sum(b * x for b, x in zip(beta, row, strict=True)) for row in rows]
        r2 = weighted_r2(y, fitted, wts)
        k = len(beta) - 1
        adj = 1.0 - (1.0 - r2) * (n - 1) / (n - k - 1) if n - k - 1 > 0 else -math.inf
        qualifies = beta[0] >= 0 and all(b > 0 for b in beta[1:])
        kind = INTERCEPT_ONLY if bp is None else HDD
        candidates.append(CandidateModel(kind, bp, tuple(beta), adj, qualifies))
        if qualifies and (best is None or adj > best[0]):
            best = (adj, kind, bp, beta)
    if best is None:
        raise SavingsInputError(
            message(
                "No qualifying model: coefficients must be positive. Check the readings and the production."
            )
        )
    _, kind, bp, beta = best
    intercept = beta[0]
    slope = beta[1] if bp is not None else 0.0
    prod_slope = beta[-1] if use_production else 0.0
    model = BaselineModel(
        kind, bp, intercept, slope, prod_slope, n, len(beta), 0.0, 0.0, 0.0, 0.0, 0.0, baseline_days
    )
    actual = [p.usage_m3 for p, _ in kept]
    predicted = [model.predict(p, w) for p, w in kept]
    stats = fit_statistics(actual, predicted, len(beta))
    fitted_per_day = [pr / p.days for pr, (p, _) in zip(predicted, kept, strict=True)]
    r2 = weighted_r2(y, fitted_per_day, wts)
    k = len(beta) - 1
    model = BaselineModel(
        kind,
        bp,
        intercept,
        slope,
        prod_slope,
        n,
        len(beta),
        r2,
        1.0 - (1.0 - r2) * (n - 1) / (n - k - 1),
        stats[0],
        stats[1],
        stats[2],
        baseline_days,
    )
    return BaselineFit(model, tuple(candidates), tuple(warnings))


@dataclass(frozen=True, slots=True)
class NonRoutineAdjustment:
    """A change the model does not see (e.g. a new production line): m³/day added to the baseline."""

    start: date
    end: date
    m3_per_day: float
    note: str

    def m3_in(self, period: BillingPeriod) -> float:
        first, last = max(self.start, period.start), min(self.end, period.end)
        return self.m3_per_day * max((last - first).days + 1, 0)


@dataclass(frozen=True, slots=True)
class PeriodSavings:
    period: BillingPeriod
    hdd_per_day: float
    predicted_m3: float
    adjustment_m3: float
    actual_m3: float
    notes: tuple[str, ...] = ()

    @property
    def avoided_m3(self) -> float:
        return self.predicted_m3 + self.adjustment_m3 - self.actual_m3


@dataclass(frozen=True, slots=True)
class SavingsResult:
    model: BaselineModel
    periods: tuple[PeriodSavings, ...]
    confidence: float
    fractional_savings_uncertainty: float  # ± share of the savings at `confidence`
    warnings: tuple[Message, ...] = field(default=())

    @property
    def avoided_m3(self) -> float:
        return sum(p.avoided_m3 for p in self.periods)

    @property
    def adjusted_baseline_m3(self) -> float:
        return sum(p.predicted_m3 + p.adjustment_m3 for p in self.periods)

    @property
    def uncertainty_m3(self) -> float:
        return abs(self.avoided_m3) * self.fractional_savings_uncertainty


def compute_savings(
    model: BaselineModel,
    periods: Sequence[BillingPeriod],
    weather: Sequence[PeriodWeather],
    adjustments: Iterable[NonRoutineAdjustment] = (),
    confidence: float = DEFAULT_CONFIDENCE,
) -> SavingsResult:
    """Avoided m³ per reporting period (baseline model on reporting weather − actual) and its uncertainty."""
    if len(periods) != len(weather):
        raise ValueError("one PeriodWeather per billing period")
    adjustment_list = list(adjustments)
    warnings = _period_checks(periods, "reporting")
    rows: list[PeriodSavings] = []
    for period, w in zip(periods, weather, strict=True):
        if w.coverage < MIN_TEMPERATURE_COVERAGE:
            warnings.append(
                message(
                    "Period {start} to {end}: temperatures for only {coverage} of its days; the estimate is less "
                    "reliable.",
                    start=period.start.isoformat(),
                    end=period.end.isoformat(),
                    coverage=f"{w.coverage:.0%}",
                )
            )
        applied = [a for a in adjustment_list if a.m3_in(period) != 0]
        hdd = w.hdd_per_day[model.balance_point_c] if model.balance_point_c is not None else 0.0
        rows.append(
            PeriodSavings(
                period,
                hdd,
                model.predict(period, w),
                sum(a.m3_in(period) for a in applied),
                period.usage_m3,
                tuple(a.note for a in applied),
            )
        )
    fsu = _fractional_uncertainty(model, rows, confidence)
    return SavingsResult(model, tuple(rows), confidence, fsu, tuple(warnings))


def _fractional_uncertainty(model: BaselineModel, rows: Sequence[PeriodSavings], confidence: float) -> float:
    """ASHRAE Guideline 14-2014 Annex B: 1.26·t·CV·sqrt((n/n′)(1 + 2/n)/m) / F for monthly data."""
    baseline = sum(r.predicted_m3 + r.adjustment_m3 for r in rows)
    savings = sum(r.avoided_m3 for r in rows)
    if not rows or baseline <= 0 or savings == 0:
        return math.inf
    fraction = abs(savings) / baseline
    n, m = model.n_periods, len(rows)
    rho = min(max(model.autocorrelation, 0.0), 0.9)
    n_prime = n * (1 - rho) / (1 + rho)
    t = t_quantile(confidence, n - model.n_parameters)
    return (
        GUIDELINE14_MONTHLY_FACTOR * t * model.cv_rmse * math.sqrt((n / n_prime) * (1 + 2 / n) / m) / fraction
    )


def check_periods(baseline_start: date, baseline_end: date, reporting_start: date) -> None:
    """Refuse a baseline that ends before it starts and a follow-up that does not start after the baseline.

    IPMVP Option C compares a reporting period with a distinct, earlier baseline period: a follow-up that
    starts before or inside the baseline would count the baseline's own bills as "savings".
    """
    if baseline_end < baseline_start:
        raise SavingsInputError(
            message(
                "The baseline ends on {end}, before it starts ({start}). Correct the baseline dates.",
                end=baseline_end.isoformat(),
                start=baseline_start.isoformat(),
            )
        )
    if reporting_start <= baseline_end:
        after = baseline_end + timedelta(days=1)
        raise SavingsInputError(
            message(
                "The reporting period starts on {start}, before the end of the baseline period ({end}). It must "
                "start after the baseline: choose {after} or later.",
                start=reporting_start.isoformat(),
                end=baseline_end.isoformat(),
                after=after.isoformat(),
            )
        )


def cusum(rows: Sequence[PeriodSavings]) -> tuple[tuple[date, float], ...]:
    """Cumulative avoided m³ at the end of each period (CUSUM chart; flat around zero in the baseline)."""
    running = 0.0
    series: list[tuple[date, float]] = []
    for row in sorted(rows, key=lambda r: r.period.start):
        running += row.avoided_m3
        series.append((row.period.end, running))
    return tuple(series)
