"""Run every benchmark in bench/ and print one table: what, ours, floor, ratio, peak MB.

    python bench/run_all.py [--quick] [--only export,calc] [--db PORTFOLIO.sqlite]

First the shared portfolio database is made once with bench/make_portfolio.py (1,000 properties, 360,000 bills, 3
weather stations; --db uses an existing one) and handed to the benchmarks that measure a portfolio (start-up per
page, the Score page's path, the exports). Each benchmark is its own process and prints `RESULT {json}` lines
(what, ours_s, floor_s, peak_mb); a benchmark that reports no peak gets the peak RSS of its whole process
(os.wait4). --quick runs smaller sizes and fewer repeats, for a check that everything still runs; its numbers are
not the goals' sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# Arguments per benchmark: (full, quick).
ARGS: dict[str, tuple[list[str], list[str]]] = {
    "export": ([], ["--runs", "3"]),
    "import_db": (["--large"], ["--properties", "10", "--repeat", "1"]),
    "import_sheet": ([], ["--properties", "10", "--repeat", "1"]),
    "calc": ([], ["--properties", "50", "--rounds", "2"]),
    "charts": ([], ["--runs", "3", "--meters", "20"]),
    "startup": ([], ["--runs", "5"]),
    "file_limits_sizes": ([], ["--rows", "2400"]),
    "property_switch": ([], ["--properties", "1000", "--switches", "10"]),
    "weather_page": ([], ["--runs", "2", "--years", "3,24"]),
}
# The benchmarks that take the shared portfolio database (--db).
TAKES_PORTFOLIO = {"startup", "calc", "export"}
# The portfolio's size, full and quick: (properties, bills).
PORTFOLIO = ((1_000, 360_000), (100, 36_000))


def run(name: str, args: list[str]) -> list[dict[str, object]]:
    """The benchmark's RESULT lines, or one line saying it failed."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, str(BENCH_DIR / f"{name}.py"), *args], stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    results = [json.loads(line[7:]) for line in text.splitlines() if line.startswith("RESULT ")]
    if proc.returncode or not results:
        return [{"what": f"{name}: failed (exit {proc.returncode})", "ours_s": None, "floor_s": None}]
    for r in results:
        if r.get("peak_mb") is None and r.get("ours_s") is not None:
            r["peak_mb"] = usage.ru_maxrss / 1024  # the whole benchmark process, an upper bound
    return results


def _cell(value: object, fmt: str) -> str:
    return "—" if value is None else format(value, fmt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", help="comma-separated benchmark names (default: all)")
    parser.add_argument("--db", type=Path, help="an existing bench/make_portfolio.py database")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else sorted(p.stem for p in BENCH_DIR.glob("*.py"))
    names = [n for n in names if n not in ("run_all", "make_portfolio")]
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None and TAKES_PORTFOLIO & set(names):
            properties, bills = PORTFOLIO[1 if args.quick else 0]
            db = Path(tmp) / "portfolio.sqlite"
            print(
                f"making the portfolio ({properties:,} properties, {bills:,} bills) …",
                file=sys.stderr,
                flush=True,
            )
            subprocess.run(
                [sys.executable, str(BENCH_DIR / "make_portfolio.py"), str(db), "--properties", str(properties),
                 "--bills", str(bills)],
                check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
        for name in names:
            full, quick = ARGS.get(name, ([], []))
            extra = ["--db", str(db)] if name in TAKES_PORTFOLIO and db is not None else []
            print(f"running {name} …", file=sys.stderr, flush=True)
            rows += run(name, [*(quick if args.quick else full), *extra])
    width = max(len(str(r["what"])) for r in rows)
    print(f"{'what':<{width}}  {'ours s':>8}  {'floor s':>8}  {'ratio':>6}  {'peak MB':>8}")
    for r in rows:
        ours, floor = r.get("ours_s"), r.get("floor_s")
        ratio = ours / floor if isinstance(ours, float) and isinstance(floor, float) and floor else None
        size = r.get("size_mb")
        peak = _cell(r.get("peak_mb"), ".0f") if size is None else f"{size:,.0f} (file)"
        print(
            f"{r['what']!s:<{width}}  {_cell(ours, '.4g'):>8}  {_cell(floor, '.4g'):>8}  {_cell(ratio, '.2f'):>6}  "
            f"{peak:>8}"
        )


if __name__ == "__main__":
    main()
