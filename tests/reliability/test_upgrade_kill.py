"""A process killed anywhere in an upgrade leaves the database at its starting revision, every row intact.

Each trial is a real process that sends itself SIGKILL just before statement N of the upgrade (see
upgrade_trials.py); N runs over every statement of the upgrade, COMMIT included.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.reliability.upgrade_trials import (
    FIXTURE_DIR,
    count_statements,
    kill_points,
    run_trials,
    upgrade_kill_trial,
)

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX"
)

# Above this many statements an upgrade is killed at a spread sample of them, to keep the test short.
MOST_TRIALS = 60
REUPGRADE_EVERY = 5


@pytest.mark.parametrize("start", ["0005", "0002", "0001"])
def test_a_kill_at_any_statement_leaves_the_starting_revision_whole(start: str, tmp_path: Path) -> None:
    fixture = FIXTURE_DIR / f"{start}.sqlite"
    total = count_statements(fixture, tmp_path)
    points = kill_points(total, MOST_TRIALS)

    # One point past the last statement: that upgrade must finish, which shows the count covers all of it.
    results = run_trials(fixture, tmp_path, [*points, total + 1], reupgrade_every=REUPGRADE_EVERY)

    assert results.pop(total + 1).startswith("not killed")
    broken = {n: r for n, r in results.items() if r != "intact"}
    assert not broken, (
        f"{len(broken)} of {len(results)} kills of {start} → head left a damaged file: {broken}"
    )


def test_a_kill_in_the_app_start_up_upgrade_keeps_the_file_and_its_backup(tmp_path: Path) -> None:
    fixture = FIXTURE_DIR / "0001.sqlite"
    whole = count_statements(fixture, tmp_path, mode="ensure_schema")
    upgrade = count_statements(fixture, tmp_path)
    middle = (whole - upgrade) + upgrade // 2  # the revision check comes first, then the upgrade itself

    result = upgrade_kill_trial(fixture, tmp_path, middle, mode="ensure_schema", reupgrade=True)

    assert result == "intact"


def test_the_trials_see_a_half_migrated_file(tmp_path: Path) -> None:
    """Control: the upgrade as it once ran committed its first CREATE TABLEs as it went; killed halfway, it
    leaves revision 0001 with tables of 0002 and a `_alembic_tmp_property` that stop the next try."""
    fixture = FIXTURE_DIR / "0001.sqlite"
    total = count_statements(fixture, tmp_path, mode="old_upgrade")

    result = upgrade_kill_trial(fixture, tmp_path, total // 2, mode="old_upgrade")

    assert "schema differs" in result and "_alembic_tmp_property" in result
