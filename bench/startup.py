"""Start-up benchmark: launch to first screen, ESPM Desktop on the demo database vs a bare PySide6 window.

    python bench/startup.py [--runs 7]

Each run is a fresh process (imports included), timed from launch until the window has been shown and the
event loop is idle. Prints the medians and their ratio (goal: ≤ 3).
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
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
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
        app_cmd = [sys.executable, "-m", "espm_desktop", "--db", str(demo), "--quit-after-start"]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # warm the file cache and build translations once
        timed(bare_cmd, env)
        app_times = [timed(app_cmd, env) for _ in range(args.runs)]
        bare_times = [timed(bare_cmd, env) for _ in range(args.runs)]
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"ESPM Desktop, demo database, launch to first screen: median {app_median * 1000:.0f} ms")
    print(f"bare PySide6 window, launch to first screen:        median {bare_median * 1000:.0f} ms")
    print(f"ratio: {app_median / bare_median:.2f} (goal ≤ 3)")
    result = {"what": "start-up to first screen (goal ratio 3)", "ours_s": app_median, "floor_s": bare_median}
    print("RESULT " + json.dumps({**result, "peak_mb": None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
