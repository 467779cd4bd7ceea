"""Start-up benchmark: launch to the first filled screen on each page vs a bare PySide6 window.

    python bench/startup.py [--runs 15] [--db PORTFOLIO.sqlite] [--pages properties,charts,score,weather,sge]
                            [--baseline SOURCE_DIR]

The database is a bench/make_portfolio.py portfolio (1,000 properties, 360,000 bills, 3 weather stations), made
in a temporary folder unless --db names one. Each run is a fresh process (imports included): the app is started
with `espm-desktop --db … --page NAME --quit-after-start` (the page then is the page "open last") and timed from
launch until it writes its first-screen line, i.e. once the window is shown on the page, the page filled and the
event loop idle; the bare window (a QMainWindow with a label) is timed the same way, until it is shown and idle.
Each also reports the CPU time of its GUI thread until then, which a busy machine inflates much less than the
clock (the clock is what the user waits for; both ratios are printed), and the median of the round-by-round ratios
(each page against the bare window of its own round), which the host's drift over minutes does not move.
What happens after (the app's deferred work, the process's exit) is not what the user waits for and is not timed.
Both run from compiled bytecode (PYTHONPYCACHEPREFIX in the temporary folder, written by a warm-up run), as an
installed app does.
The bare window and every page are run in turn, in an order rotated each round (interleaved: a slower stretch of
the machine weighs on all alike), at least 5 rounds. Prints the medians, their ratio (goal: ≤ 2.5) and one
RESULT line per page; peak_mb is the app process's peak RSS (median). --baseline runs another copy of the app's
source too (e.g. `git archive COMMIT | tar -x -C DIR`), interleaved with the rest, for before/after figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = ("properties", "charts", "score", "weather", "sge")
GOAL = 2.5
MARKER = b"first-screen"
CPU_MARKER = b"first-screen-cpu"

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1180, 760); w.show()
QTimer.singleShot(0, lambda: (print(f"first-screen-cpu {time.thread_time():.4f}", flush=True), app.quit()))
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str], cwd: str | None = None) -> tuple[float, float, float]:
    """(seconds from launch to the first-screen line, CPU seconds of the GUI thread until then, peak RSS in MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    elapsed = None
    cpu = float("nan")
    for line in proc.stdout:
        if elapsed is None and line.startswith(MARKER):
            elapsed = time.perf_counter() - t0
        if line.startswith(CPU_MARKER):
            cpu = float(line.split()[1])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode or elapsed is None:
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}, first-screen line: {elapsed is not None}")
    return elapsed, cpu, usage.ru_maxrss / 1024


def round_ratio(ours: list[float], bare: list[float]) -> float:
    """The median of each round's ratio: a page against the bare window timed in the same round, moments apart.

    The host's speed drifts over minutes (the bare window's own times vary by a third), which the ratio of the
    two medians feels and this does not; both are printed, the ratio of the medians is the goal's figure.
    """
    return statistics.median(o / b for o, b in zip(ours, bare, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=15,
        help="rounds (at least 5; the host's speed drifts: more steady the medians)",
    )
    parser.add_argument("--db", type=Path, help="a bench/make_portfolio.py database (else one is made)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated page ids")
    parser.add_argument("--baseline", type=Path, help="another copy of the source to time as well (before)")
    args = parser.parse_args()
    runs = max(5, args.runs)
    pages = [p for p in args.pages.split(",") if p]
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "ESPM_DESKTOP_CONFIG": f"{tmp}/settings.ini",
            "ESPM_DESKTOP_LOG_DIR": f"{tmp}/log",
            "ESPM_DESKTOP_CACHE_DIR": f"{tmp}/cache",
            # An installed app runs from compiled bytecode (pip and the frozen build compile it): the warm-up run
            # writes it here, outside the source tree, even where PYTHONDONTWRITEBYTECODE is set.
            "PYTHONPYCACHEPREFIX": f"{tmp}/pycache",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db = args.db
        if db is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from make_portfolio import build

            db = Path(tmp) / "portfolio.sqlite"
            t0 = time.perf_counter()
            bills = build(db)
            print(f"database: {bills:,} bills, 1,000 properties, made in {time.perf_counter() - t0:.1f} s")
        commands = {"bare": [sys.executable, "-c", BARE]}
        envs = {"bare": env}
        # `python -m` puts the working folder first on sys.path: the baseline runs from its own folder.
        cwds: dict[str, str | None] = {"bare": None}
        for page in pages:
            commands[page] = [
                sys.executable, "-m", "espm_desktop", "--db", str(db), "--page", page, "--quit-after-start"
            ]  # fmt: skip
            envs[page] = env
            cwds[page] = None
            if args.baseline is not None:
                commands[f"{page} (before)"] = commands[page]
                envs[f"{page} (before)"] = {
                    **env,
                    "PYTHONPATH": str(args.baseline.resolve()),
                    "ESPM_DESKTOP_CONFIG": f"{tmp}/settings-before.ini",
                }
                cwds[f"{page} (before)"] = str(args.baseline.resolve())
        names = list(commands)
        for name in names:  # warm the file cache, the bytecode and the translations once
            timed(commands[name], envs[name], cwds[name])
        times: dict[str, list[float]] = {n: [] for n in names}
        cpus: dict[str, list[float]] = {n: [] for n in names}
        peaks: dict[str, list[float]] = {n: [] for n in names}
        for round_ in range(runs):
            for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
                seconds, cpu, peak = timed(commands[name], envs[name], cwds[name])
                times[name].append(seconds)
                cpus[name].append(cpu)
                peaks[name].append(peak)
    bare = statistics.median(times["bare"])
    bare_cpu = statistics.median(cpus["bare"])
    print(f"platform: {env['QT_QPA_PLATFORM']}, {runs} rounds, interleaved; database: {db.name}")
    print(f"  {'':<31} {'clock (median)':>20}  {'GUI-thread CPU (median)':>27}  {'round by round':>16}")
    print(f"  {'bare PySide6 window':<31} {bare * 1000:8.0f} ms           {bare_cpu * 1000:8.0f} ms")
    for name in names[1:]:
        ours, cpu = statistics.median(times[name]), statistics.median(cpus[name])
        print(
            f"  {name + ' page':<31} {ours * 1000:8.0f} ms  × {ours / bare:4.2f}   {cpu * 1000:8.0f} ms  × "
            f"{cpu / bare_cpu:4.2f}   × {round_ratio(times[name], times['bare']):4.2f}   "
            f"(clock min {min(times[name]) * 1000:.0f}, max {max(times[name]) * 1000:.0f})"
        )
    for page in pages:
        ours = statistics.median(times[page])
        result = {
            "what": f"start-up to first filled screen, {page} page (1,000 properties; goal ratio {GOAL})",
            "page": page,
            "ours_s": ours,
            "floor_s": bare,
            "ratio": ours / bare,
            "round_ratio": round_ratio(times[page], times["bare"]),
            "cpu_s": statistics.median(cpus[page]),
            "floor_cpu_s": bare_cpu,
            "runs": runs,
            "peak_mb": statistics.median(peaks[page]),
            "times_s": times[page],
            "floor_times_s": times["bare"],
        }
        if args.baseline is not None:
            result["before_s"] = statistics.median(times[f"{page} (before)"])
        print("RESULT " + json.dumps(result))
        cpu_result = {
            "what": f"  same, GUI-thread CPU time ({page} page)",
            "page": page,
            "ours_s": statistics.median(cpus[page]),
            "floor_s": bare_cpu,
            "ratio": statistics.median(cpus[page]) / bare_cpu,
            "runs": runs,
            "peak_mb": statistics.median(peaks[page]),
        }
        print("RESULT " + json.dumps(cpu_result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
