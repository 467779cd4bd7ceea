"""Fault tests: a real process making a backup or a restore is killed with SIGKILL at random moments."""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.backup_trials import (
    backup_duration,
    backup_trial,
    make_big_database,
    restore_duration,
    restore_trial_outcome,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

TRIALS = 15


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of a few MB, made once and copied (unconnected) into every trial's folder."""
    return make_big_database(tmp_path_factory.mktemp("template") / "template.sqlite")


def kill_delays(duration_s: float, seed: int) -> list[float]:
    """One random moment in each of TRIALS equal slices of 0..1.3 x the measured duration."""
    rng = random.Random(seed)
    return [duration_s * 1.3 * (i + rng.random()) / TRIALS for i in range(TRIALS)]


def test_a_killed_backup_leaves_the_database_whole_and_no_half_backup(tmp_path: Path, template: Path) -> None:
    duration = statistics.median(backup_duration(tmp_path / f"timing{i}", template) for i in range(2))
    seed = time.time_ns()
    results = [
        (d, backup_trial(tmp_path / f"trial{i}", d, template))
        for i, d in enumerate(kill_delays(duration, seed))
    ]
    failures = [f"killed after {d * 1000:.1f} ms: {r}" for d, r in results if r != "intact"]
    assert not failures, f"seed {seed}, backup takes {duration * 1000:.1f} ms: {failures}"


def test_a_killed_restore_leaves_either_the_old_or_the_restored_rows(tmp_path: Path, template: Path) -> None:
    duration = statistics.median(restore_duration(tmp_path / f"timing{i}", template) for i in range(2))
    seed = time.time_ns()
    results = [
        (d, *restore_trial_outcome(tmp_path / f"trial{i}", d, template))
        for i, d in enumerate(kill_delays(duration, seed))
    ]
    failures = [f"killed after {d * 1000:.1f} ms: {r}" for d, r, _ in results if r != "intact"]
    states = [state for _, _, state in results]
    assert not failures, f"seed {seed}, restore takes {duration * 1000:.1f} ms: {failures}; states {states}"
