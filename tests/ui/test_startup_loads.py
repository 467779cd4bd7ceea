"""What the window loads before its first screen: the big libraries only where that screen needs them.

Start-up time is what a user waits for each morning; the benchmark (bench/startup.py) measures it, and this test
keeps its structure: the Properties, Charts, Score, Weather and SGÉ pages are filled with sqlite3 alone
(SQLAlchemy, ~0.25 s to load, comes after; the SGÉ page reads the participant's file and computes its savings
without it), the Charts page paints its first chart with Qt (pyqtgraph and numpy, about 2.6 × a bare window to
load, come right after), the SGÉ page draws its savings chart (pyqtgraph) only when that tab is shown, and no page loads the
Excel or PDF libraries before they are asked for. The real app runs in a fresh process, up to its first
screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "alembic", "pyqtgraph", "numpy", "openpyxl", "reportlab", "pypdfium2")

SCRIPT = """
import sys
from pathlib import Path
from espm_desktop.ui.app import run_gui
code = run_gui(Path(sys.argv[1]), language="en", quit_after_start=True, remember=False, page=sys.argv[2])
print("loaded", ",".join(m for m in sys.argv[3].split(",") if m in sys.modules))
print("qstyle", "QStyle" in vars(sys.modules["PySide6.QtWidgets"]))
sys.exit(code)
"""

FIRST_CHART = "espm_desktop.ui.plots.first_chart"

# The SGÉ page reads the participant's file without the property reads, and spreads a meter's bills over calendar
# months only when the user takes the annual gas use from a meter.
SGE_LATER = ("espm_desktop.core.calendarize", "espm_desktop.db.property_reads")

NOT_LOADED = {
    "properties": set(HEAVY),
    "score": set(HEAVY),
    "weather": set(HEAVY),
    "charts": set(HEAVY),
    "sge": {*HEAVY, *SGE_LATER},
}


@pytest.mark.parametrize("page", sorted(NOT_LOADED))
def test_the_first_screen_loads_only_what_it_shows(page: str, demo_db: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ESPM_DESKTOP_CONFIG": str(tmp_path / "settings.ini"),
        "ESPM_DESKTOP_LOG_DIR": str(tmp_path / "log"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(demo_db), page, ",".join((*HEAVY, *SGE_LATER, FIRST_CHART))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"first-page {page}" in result.stdout
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("loaded")]
    loaded = set(filter(None, line.removeprefix("loaded").strip().split(",")))
    assert not loaded & NOT_LOADED[page], (
        f"{page} loaded {sorted(loaded & NOT_LOADED[page])} before its first screen"
    )
    # PySide6 makes a Qt class's Python enumerations when the class is first named: QStyle's take ~8 ms. (The
    # Weather page sizes its table's columns with the style's focus margin.)
    if page != "weather":
        assert "qstyle False" in result.stdout, f"{page} made QStyle's enumerations before its first screen"
    if page == "charts":
        # The chart is painted without pyqtgraph; the probe sees what a page does load.
        assert FIRST_CHART in loaded


def test_the_pages_said_to_be_filled_with_sqlite3_are_those_checked_here() -> None:
    from espm_desktop.ui.app import FILLED_WITH_SQLITE3

    assert {
        page for page, libraries in NOT_LOADED.items() if "sqlalchemy" in libraries
    } == FILLED_WITH_SQLITE3
