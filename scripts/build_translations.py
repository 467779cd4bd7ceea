#!/usr/bin/env python3
"""Compile the message catalog (resources/translations/*.po) to .mo: a build step, never done by the running app.

    python scripts/build_translations.py [--out DIR] [--check]

Run by `dev.py` after installing (source checkout), and by packaging/espm-desktop.spec before freezing. Needs Babel
(a dependency of the project). `--check` only says which .mo files are missing or older than their .po and exits 1
if any is. Untranslated and fuzzy entries are left out of the .mo: the app then shows the English text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "resources" / "translations"


def stale(sources: list[Path], out_dir: Path) -> list[Path]:
    """The .po files whose .mo is missing or older."""
    result = []
    for po in sources:
        mo = out_dir / po.with_suffix(".mo").name
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            result.append(po)
    return result


def compile_po(po: Path, mo: Path) -> int:
    """Write `mo` from `po` through a temporary file beside it; returns the count of translated entries."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as fh:
        catalog = read_po(fh, abort_invalid=True)
    catalog.fuzzy = False  # the header's flag; fuzzy entries themselves are still left out
    mo.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=mo.parent, prefix=f".{mo.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the catalog is read by every user
        with os.fdopen(fd, "wb") as fh:
            write_mo(fh, catalog)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, mo)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sum(1 for m in catalog if m.id and m.string and not m.fuzzy)


def build(out_dir: Path = SOURCE_DIR) -> list[Path]:
    """Compile every .po; returns the .mo files written. Raises RuntimeError when a .po can't be read."""
    written = []
    for po in sorted(SOURCE_DIR.glob("*.po")):
        mo = out_dir / po.with_suffix(".mo").name
        try:
            compile_po(po, mo)
        except Exception as exc:  # Babel's parse errors have no common base class
            raise RuntimeError(f"{po.name}: {exc}") from exc
        written.append(mo)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SOURCE_DIR, help="folder for the .mo files")
    parser.add_argument("--check", action="store_true", help="report stale .mo files; write nothing")
    args = parser.parse_args(argv)
    if args.check:
        missing = stale(sorted(SOURCE_DIR.glob("*.po")), args.out)
        for po in missing:
            print(f"stale or missing: {args.out / po.with_suffix('.mo').name}")
        return 1 if missing else 0
    try:
        written = build(args.out)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for mo in written:
        print(f"compiled {mo.relative_to(ROOT) if mo.is_relative_to(ROOT) else mo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
