"""The statistics of the savings model, in plain Python: weighted least squares, R², the fit statistics of
ASHRAE Guideline 14-2014 and the Student t quantile its savings uncertainty uses."""

from __future__ import annotations

import math
from statistics import NormalDist


def solve(matrix: list[list[float]], vector: list[float]) -> list[float] | None:
    """Gaussian elimination with partial pivoting; None when the system is singular."""
    size = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            for c in range(col, size + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * size
    for r in range(size - 1, -1, -1):
        x[r] = (a[r][size] - sum(a[r][c] * x[c] for c in range(r + 1, size))) / a[r][r]
    return x


def weighted_least_squares(rows: list[list[float]], y: list[float], w: list[float]) -> list[float] | None:
    """The coefficients minimising Σ w·(y − row·β)²; None when the normal equations are singular."""
    k = len(rows[0])
    xtwx = [[sum(w[i] * rows[i][a] * rows[i][b] for i in range(len(y))) for b in range(k)] for a in range(k)]
    xtwy = [sum(w[i] * rows[i][a] * y[i] for i in range(len(y))) for a in range(k)]
    return solve(xtwx, xtwy)


def weighted_r2(y: list[float], fitted: list[float], w: list[float]) -> float:
    mean = sum(wi * yi for wi, yi in zip(w, y, strict=True)) / sum(w)
    ss_tot = sum(wi * (yi - mean) ** 2 for wi, yi in zip(w, y, strict=True))
    ss_res = sum(wi * (yi - fi) ** 2 for wi, yi, fi in zip(w, y, fitted, strict=True))
    return 1.0 - ss_res / ss_tot if ss_tot > 0 else 0.0


def fit_statistics(
    actual: list[float], predicted: list[float], n_parameters: int
) -> tuple[float, float, float]:
    """CV(RMSE), NMBE (Guideline 14, n − p degrees of freedom) and the lag-1 autocorrelation of residuals."""
    n = len(actual)
    mean = sum(actual) / n
    residuals = [a - p for a, p in zip(actual, predicted, strict=True)]
    dof = max(n - n_parameters, 1)
    cv_rmse = math.sqrt(sum(r * r for r in residuals) / dof) / mean if mean else math.inf
    nmbe = sum(residuals) / (dof * mean) if mean else math.inf
    denom = sum(r * r for r in residuals)
    rho = sum(residuals[i] * residuals[i - 1] for i in range(1, n)) / denom if denom > 0 else 0.0
    return cv_rmse, nmbe, rho


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes § 6.4)."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def student_t_upper_tail(t: float, dof: float) -> float:
    """P(T > t) for Student's t with `dof` degrees of freedom, t ≥ 0: ½·I_{ν/(ν+t²)}(ν/2, ½)."""
    return 0.5 * regularized_incomplete_beta(dof / 2.0, 0.5, dof / (dof + t * t))


def t_quantile(confidence: float, dof: float) -> float:
    """Two-sided Student t value: P(|T| ≤ t) = `confidence` (0.90 → 6.314 at 1 d.f., 1.645 at ∞).

    Exact to ~1e-10: the t distribution's tail through the regularized incomplete beta function, inverted by
    bisection (the tail falls monotonically in t). Guideline 14's uncertainty uses the two-sided value at the
    stated confidence level. Fewer than one degree of freedom is read as one, as the fit statistics do.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be strictly between 0 and 1")
    tail = (1.0 - confidence) / 2.0
    if math.isinf(dof):
        return NormalDist().inv_cdf(1.0 - tail)
    v = max(float(dof), 1.0)
    low, high = 0.0, 1.0
    while student_t_upper_tail(high, v) > tail:
        low, high = high, high * 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if student_t_upper_tail(middle, v) > tail:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0
