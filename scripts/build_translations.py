#!/usr/bin/env python3
"""Compile resources/translations/*.ts to .qm with Qt's lrelease: a build step, never done by the running app.

    python scripts/build_translations.py [--out DIR] [--check]

Run by `dev.py` after installing (source checkout), and by packaging/espm-desktop.spec before freezing. Needs
PySide6 in the running Python (its wheel ships lrelease). `--check` only says which .qm files are missing or
older than their .ts and exits 1 if any is.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "resources" / "translations"


def lrelease() -> str | None:
    """PySide6's own lrelease (same Qt version as the app), else one on PATH."""
    try:
        import PySide6
    except ImportError:
        pyside_dir = None
    else:
        pyside_dir = Path(PySide6.__file__).parent
    if pyside_dir is not None:
        for name in ("lrelease", "lrelease.exe"):
            if (pyside_dir / name).is_file():
                return str(pyside_dir / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def stale(sources: list[Path], out_dir: Path) -> list[Path]:
    """The .ts files whose .qm is missing or older."""
    result = []
    for ts in sources:
        qm = out_dir / ts.with_suffix(".qm").name
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            result.append(ts)
    return result


def build(out_dir: Path = SOURCE_DIR) -> list[Path]:
    """Compile every .ts; returns the .qm files written. Raises RuntimeError when lrelease is missing or fails."""
    tool = lrelease()
    if tool is None:
        raise RuntimeError("lrelease not found: install PySide6 (pip install PySide6-Essentials) first")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(SOURCE_DIR.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        tmp = qm.with_name(qm.name + ".tmp")
        done = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0 or not tmp.is_file():
            tmp.unlink(missing_ok=True)
            raise RuntimeError(f"lrelease failed on {ts}: {done.stderr.strip() or done.stdout.strip()}")
        tmp.replace(qm)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SOURCE_DIR, help="folder for the .qm files")
    parser.add_argument("--check", action="store_true", help="report stale .qm files; write nothing")
    args = parser.parse_args(argv)
    if args.check:
        missing = stale(sorted(SOURCE_DIR.glob("*.ts")), args.out)
        for ts in missing:
            print(f"stale or missing: {args.out / ts.with_suffix('.qm').name}")
        return 1 if missing else 0
    try:
        written = build(args.out)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for qm in written:
        print(f"compiled {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
