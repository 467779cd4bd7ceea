"""Where the real ESPM spreadsheets live: ../shared/espm-samples beside the repository (ESPM_SAMPLES_DIR overrides)."""

from __future__ import annotations

import os
from pathlib import Path

SAMPLES = Path(
    os.environ.get("ESPM_SAMPLES_DIR") or Path(__file__).resolve().parents[2] / "shared" / "espm-samples"
)
