"""Constants of the ENERGY STAR score for bank branches in Canada.

Source: NRCan, "Cote ENERGY STAR pour les succursales bancaires au Canada" (Aug 2023), seed 002,
with the errata verified in DOMAIN.md. The lookup table (Figure 5) is resources/bank_branch_score.csv.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# Figure 3 – "Coefficients non normalisés" of the final regression (138 observations, R² 0.2267).
CONSTANT = 1.509
COEF_WORKER_DENSITY = 0.1874
"""Per worker on the main shift per 100 m²."""
COEF_COOLED_X_CDD = 2.052e-03
"""Per (fraction of floor area cooled × CDD)."""
COEF_HEATED_X_HDD = 2.395e-04
"""Per (fraction of floor area heated × HDD)."""

# Centring values: Figure 2's "Moyenne" column repeats the median; these are the means that the
# worked example uses (DOMAIN.md errata: the constant 1.509 equals the mean of the dependent variable).
CENTRE_WORKER_DENSITY = 2.523
CENTRE_COOLED_X_CDD = 186.1
CENTRE_HEATED_X_HDD = 3982.0

# Figure 1 – program filters (eligibility for a score in Portfolio Manager).
MIN_FLOOR_AREA_M2 = 92.9
MIN_WEEKLY_HOURS = 30.0
MAX_WEEKLY_HOURS_EXCLUSIVE = 168.0
MIN_WORKERS = 1.0
MIN_COMPUTERS = 1
MIN_MONTHS_IN_OPERATION = 10
MIN_PERCENT_HEATED_EXCLUSIVE = 50.0
MAX_PARKING_SHARE_EXCLUSIVE = 0.5
MAX_VACANT_SHARE_EXCLUSIVE = 0.5

# Figure 1 – analytical filters (outliers in the reference data: warnings, not blocks).
MAX_WORKER_DENSITY_PER_100M2 = 5.0
MIN_SOURCE_EUI_EXCLUSIVE = 0.15
MAX_SOURCE_EUI = 4.0

# Figure 4 – gamma fit behind Figure 5; informative only, the table is the authority.
GAMMA_ALPHA = 11.45
GAMMA_BETA = 0.08973

_TABLE_NAME = "bank_branch_score.csv"


@dataclass(frozen=True, slots=True)
class LookupRow:
    """One row of Figure 5: ratio_min ≤ ratio < ratio_max gives `score`."""

    score: int
    cumulative_percent: int
    ratio_min: float
    ratio_max: float
    """math.inf for score 1."""


@lru_cache(maxsize=1)
def lookup_table() -> tuple[LookupRow, ...]:
    """Figure 5 rows ordered by ratio_min ascending (score 100 first)."""
    text = files("espm_desktop.resources").joinpath(_TABLE_NAME).read_text(encoding="utf-8")
    rows = [
        LookupRow(
            int(r["score"]),
            int(r["cumulative_percent"]),
            float(r["ratio_min"]),
            float(r["ratio_max"]) if r["ratio_max"].strip() else math.inf,
        )
        for r in csv.DictReader(io.StringIO(text))
    ]
    return tuple(sorted(rows, key=lambda r: r.ratio_min))
