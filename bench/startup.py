"""Start-up benchmark: launch to first screen, ESPM Desktop on the demo database vs a bare PySide6 window.

    python bench/startup.py [--runs 7] [--page properties|meters|bills|charts|energir|score|weather|sge]

Each run is a fresh process (imports included), timed from launch until the window has been shown on the page
(`espm-desktop --page`) and the event loop is idle. The app and the bare window are run in turn (interleaved,
so a slower stretch of the machine weighs on both alike), at least 5 times each. Prints the medians and their
ratio (goal: ≤ 3) and one RESULT line.
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

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1180, 760); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="runs of each (at least 5)")
    parser.add_argument(
        "--page",
        default="properties",
        choices=("properties", "meters", "bills", "charts", "energir", "score", "weather", "sge"),
    )
    args = parser.parse_args()
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "ESPM_DESKTOP_CONFIG": f"{tmp}/settings.ini",
            "ESPM_DESKTOP_LOG_DIR": f"{tmp}/log",
            "ESPM_DESKTOP_CACHE_DIR": f"{tmp}/cache",
        }
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        demo = Path(tmp) / "demo.sqlite"
        subprocess.run(
            [sys.executable, "-m", "espm_desktop", "init-demo", "--db", str(demo)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        app_cmd = [
            sys.executable, "-m", "espm_desktop", "--db", str(demo), "--page", args.page, "--quit-after-start"
        ]  # fmt: skip
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # warm the file cache and build translations once
        timed(bare_cmd, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(runs):
            app_times.append(timed(app_cmd, env))
            bare_times.append(timed(bare_cmd, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs} each, interleaved")
    print(
        f"ESPM Desktop, demo database, launch to first screen on {args.page}: median {app_median * 1000:.0f} ms"
    )
    print(f"bare PySide6 window, launch to first screen: median {bare_median * 1000:.0f} ms")
    print(f"ratio: {ratio:.2f} (goal ≤ 3)")
    result = {
        "what": f"start-up to first screen, {args.page} page (goal ratio 3)",
        "page": args.page,
        "ours_s": app_median,
        "floor_s": bare_median,
        "ratio": ratio,
        "runs": runs,
        "peak_mb": None,
    }
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
