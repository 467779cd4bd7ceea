"""A long fault campaign on the database file: kill real processes at random points and judge what is left.

    .venv/bin/python scripts/fault_campaign.py [--trials 100] [--kinds upgrade,backup,restore,dialog] [--seed 1]

Kinds (each trial is one real process killed with SIGKILL, then the files are checked):
  upgrade  an upgrade from a stored old revision (0001 or 0002) killed at a random SQL statement
  backup   a backup of a 20,000-bill database killed at a random moment
  restore  a restore of a backup over that database killed at a random moment
  dialog   the window's probe: a file dialog on the database folder, an import by the command line on the same
           file, three bills saved in the window, then the window killed
Prints, per kind: trials, intact, lost (rows missing, or a mix of old and new), unopenable (the app refuses the
file afterwards); and the first few failures in words. The CI runs a few trials of each in tests/reliability/.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability import backup_trials, dialog_trials, upgrade_trials  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "revisions"


def classify(outcome: str) -> str:
    if outcome == "intact":
        return "intact"
    text = outcome.lower()
    if "open" in text or "quick_check" in text or "malformed" in text or "revision" in text:
        return "unopenable"
    return "lost"


def campaign(kinds: list[str], trials: int, seed: int) -> int:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="espm-faults-"))
    template = backup_trials.make_big_database(work / "template.sqlite")
    runners: dict[str, Callable[[Path], str]] = {}
    if "upgrade" in kinds:
        for name in ("0001", "0002"):
            (work / f"count-{name}").mkdir()
        totals = {
            name: upgrade_trials.count_statements(FIXTURES / f"{name}.sqlite", work / f"count-{name}")
            for name in ("0001", "0002")
        }

        def upgrade(tmp: Path) -> str:
            name = rng.choice(sorted(totals))
            return upgrade_trials.upgrade_kill_trial(
                FIXTURES / f"{name}.sqlite", tmp, rng.randint(1, totals[name])
            )

        runners["upgrade"] = upgrade
    if "backup" in kinds:
        (work / "measure-backup").mkdir()
        backup_s = backup_trials.backup_duration(work / "measure-backup", template)
        runners["backup"] = lambda tmp: backup_trials.backup_trial(
            tmp, rng.uniform(0, backup_s * 1.2), template
        )
    if "restore" in kinds:
        (work / "measure-restore").mkdir()
        restore_s = backup_trials.restore_duration(work / "measure-restore", template)
        runners["restore"] = lambda tmp: backup_trials.restore_trial(
            tmp, rng.uniform(0, restore_s * 1.2), template
        )
    if "dialog" in kinds:
        runners["dialog"] = lambda tmp: dialog_trials.dialog_probe_trial(tmp, use_safe_dialog=True)

    print(
        f"{'kind':<8} {'trials':>6} {'intact':>6} {'lost':>5} {'unopenable':>10} {'seconds':>8}", flush=True
    )
    failed = 0
    for kind, run in runners.items():
        counts = {"intact": 0, "lost": 0, "unopenable": 0}
        examples: list[str] = []
        started = time.monotonic()
        for i in range(trials):
            tmp = work / f"{kind}-{i}"
            tmp.mkdir()
            outcome = run(tmp)
            verdict = classify(outcome)
            counts[verdict] += 1
            if verdict != "intact" and len(examples) < 5:
                examples.append(outcome)
        elapsed = time.monotonic() - started
        print(
            f"{kind:<8} {trials:>6} {counts['intact']:>6} {counts['lost']:>5} {counts['unopenable']:>10} "
            f"{elapsed:>8.1f}",
            flush=True,
        )
        for example in examples:
            print(f"    {example}")
        failed += counts["lost"] + counts["unopenable"]
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=100, help="trials per kind (default 100)")
    parser.add_argument("--kinds", default="upgrade,backup,restore,dialog")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    return campaign([k.strip() for k in args.kinds.split(",") if k.strip()], args.trials, args.seed)


if __name__ == "__main__":
    sys.exit(main())
