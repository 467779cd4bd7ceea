"""Fault tests: a real `espm-desktop export` (CSV and xlsx) is killed with SIGKILL at random moments."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.export_trials import export_duration, export_trial_outcome, template

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

TRIALS = 10
BEFORE = 2  # kills before the output is touched; the others land in the write


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big databases and the previous good exports, made once for every trial."""
    folder = tmp_path_factory.mktemp("export-templates")
    for fmt in ("csv", "xlsx"):
        template(fmt, folder)
    return folder


def kill_plan(first_write_s: float, duration_s: float, seed: int) -> list[tuple[float, bool]]:
    """(delay, counted from the first write?) for TRIALS kills: a few before the output is touched, the rest
    spread in equal slices over the write itself (measured once, with 20 % to spare), one random moment each.

    Start-up (Python, imports, opening the database) is most of a run and can't touch the output; counting from
    the moment the partial file appears keeps the kills in the write however loaded the machine is.
    """
    rng = random.Random(seed)
    before = [(first_write_s * (0.5 + 0.5 * (i + rng.random()) / BEFORE), False) for i in range(BEFORE)]
    span = (duration_s - first_write_s) * 1.2
    during = [(span * (i + rng.random()) / (TRIALS - BEFORE), True) for i in range(TRIALS - BEFORE)]
    return before + during


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_killed_export_leaves_the_old_file_or_a_whole_new_one(
    tmp_path: Path, templates: Path, fmt: str
) -> None:
    first_write, duration = export_duration(tmp_path / "timing", fmt, templates)
    seed = time.time_ns()
    results = [
        (d, late, *export_trial_outcome(tmp_path / f"trial{i}", fmt, d, templates, from_first_write=late))
        for i, (d, late) in enumerate(kill_plan(first_write, duration, seed))
    ]
    when = {False: "after start", True: "after the first write"}
    failures = [f"killed {d * 1000:.0f} ms {when[late]}: {r}" for d, late, r, _ in results if r != "intact"]
    states = [f"{'+' if late else ''}{d * 1000:.0f} ms {s}" for d, late, _, s in results]
    timing = f"first write at {first_write * 1000:.0f} ms, done at {duration * 1000:.0f} ms"
    assert not failures, f"seed {seed}, {timing}: {failures}; states {states}"
    print(f"\n{fmt}: {timing}; {states}")
