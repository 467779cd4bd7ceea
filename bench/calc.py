"""Score page benchmark: the Score page's path per property vs the core score on the same inputs.

    python bench/calc.py [--db PORTFOLIO.sqlite] [--properties 300] [--rounds 5] [--page]

The database is a bench/make_portfolio.py portfolio (1,000 bank branches × 3 meters × 120 bills, 3 weather
stations with 12 years of daily rows), made in a temporary folder unless --db names one.

Ours: `espm_desktop.app.score.score_property(db, id)`, what the Score page computes once per visit of a property:
read its meters and bills from the database file (database load included), calendarise, run the data checks,
take the latest 12 full months, the degree days of its weather station, the status of every period it may pick,
and the score. Floor: the core score function on the same inputs, already in memory:
`espm_desktop.core.score.bank_branch.score_property(prop, hdd, cdd)` (calendarise, latest 12 full months, totals,
score). The two are timed
property by property in turn (interleaved), over --rounds rounds; medians of the per-property times. Both are timed
on the clock and in CPU time of the thread: on a shared machine a 3 ms task is often paused for another process
and a 0.7 ms one seldom, which the clock counts and the CPU time doesn't; the RESULT line gives the CPU times
(`wall_*` the clock's). --page also times a property switch on the real Score page (Qt offscreen, its display
included), with the same floor. Prints RESULT lines (goal: ratio ≤ 3).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

GOAL = 3.0


Timing = tuple[float, float]
"""(seconds on the clock, seconds of CPU time of this thread)."""


def _now() -> Timing:
    return time.perf_counter(), time.thread_time()


def _since(t0: Timing) -> Timing:
    return time.perf_counter() - t0[0], time.thread_time() - t0[1]


def core_score_seconds(score: object) -> Timing:
    """The floor: the core score on the property's data and degree days (as `score_property` found them)."""
    from espm_desktop.app.score import ScoreResult
    from espm_desktop.core.score.bank_branch import score_property as core_score

    assert isinstance(score, ScoreResult) and score.degree_days is not None
    prop, hdd, cdd = score.prop, score.degree_days.hdd, score.degree_days.cdd
    t0 = _now()
    result = core_score(prop, hdd, cdd)
    elapsed = _since(t0)
    assert result.result is not None and score.result is not None
    assert result.result.score == score.result.score
    return elapsed


def time_use_case(db: Path, ids: list[int], rounds: int) -> tuple[list[Timing], list[Timing]]:
    from espm_desktop.app.score import score_property

    score_property(db, ids[0])  # the first call opens the pooled connection and sums the station's months
    ours: list[Timing] = []
    floor: list[Timing] = []
    for _ in range(rounds):
        for pid in ids:
            t0 = _now()
            score = score_property(db, pid)
            ours.append(_since(t0))
            floor.append(core_score_seconds(score))
    return ours, floor


def time_page(db: Path, ids: list[int], rounds: int) -> tuple[list[Timing], list[Timing]]:
    """A property chosen elsewhere while the Score page is shown: until the page shows its score."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from espm_desktop.ui.context import AppContext
    from espm_desktop.ui.pages.score import ScorePage

    ctx = AppContext(str(db))
    page = ScorePage(ctx)
    page.resize(1180, 760)
    page.show()
    app.processEvents()
    ours: list[Timing] = []
    floor: list[Timing] = []
    for _ in range(rounds):
        for pid in ids:
            t0 = _now()
            ctx.select_property(pid)
            ours.append(_since(t0))
            assert page.view is not None and page.view.prop.property_id == pid
            floor.append(core_score_seconds(page.view))
            app.processEvents()
    page.close()
    ctx.dispose()
    return ours, floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a bench/make_portfolio.py database (else one is made)")
    parser.add_argument("--properties", type=int, default=300, help="properties scored per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--page", action="store_true", help="also time a property switch on the Score page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from make_portfolio import build

            db = Path(tmp) / "portfolio.sqlite"
            build(db)
        import sqlite3

        con = sqlite3.connect(db)
        all_ids = [int(r[0]) for r in con.execute("SELECT id FROM property ORDER BY id")]
        con.close()
        step = max(1, len(all_ids) // args.properties)
        ids = all_ids[::step][: args.properties]
        gc.collect()
        runs = {"use case": time_use_case(db, ids, args.rounds)}
        if args.page:
            runs["page"] = time_page(db, ids, args.rounds)
    results = []
    for name, (ours, floor) in runs.items():
        o, f = statistics.median(t[1] for t in ours), statistics.median(t[1] for t in floor)
        wo, wf = statistics.median(t[0] for t in ours), statistics.median(t[0] for t in floor)
        print(
            f"{name}: {len(ids)} properties × {args.rounds} rounds, interleaved, medians: ours {o * 1000:.2f} ms "
            f"CPU ({wo * 1000:.2f} ms clock), core score {f * 1000:.2f} ms CPU ({wf * 1000:.2f} ms clock), "
            f"ratio {o / f:.2f} CPU ({wo / wf:.2f} clock; goal ≤ {GOAL:g})"
        )
        what = (
            "Score page's path per property (app.score.score_property, database load included)"
            if name == "use case"
            else "Score page property switch, display included (Qt offscreen)"
        )
        results.append(
            {
                "what": f"{what} vs core score, CPU time (goal ratio {GOAL:g})",
                "ours_s": o,
                "floor_s": f,
                "ratio": o / f,
                "wall_ours_s": wo,
                "wall_floor_s": wf,
                "properties": len(ids),
                "rounds": args.rounds,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    for r in results:
        print("RESULT " + json.dumps(r))
        clock = {
            "what": "  same, on the clock (a busy machine lengthens the longer task more)",
            "ours_s": r["wall_ours_s"],
            "floor_s": r["wall_floor_s"],
            "peak_mb": r["peak_mb"],
        }
        print("RESULT " + json.dumps(clock))
    return 0


if __name__ == "__main__":
    sys.exit(main())
