#!/usr/bin/env python3
"""One command to set up and run ESPM Desktop from a source checkout, on Windows, macOS or Linux.

    python3 dev.py demo    install into .venv and open the app on the demo database
    python3 dev.py test    install into .venv (with test tools) and run the whole test suite
    python3 dev.py run -- ARGS   install and run `espm-desktop ARGS`

A virtual environment keeps the app's packages apart from the system's (and works where the system Python
refuses `pip install`). Set ESPM_DESKTOP_VENV to use another folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ESPM_DESKTOP_VENV", ROOT / ".venv"))


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_installed(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 — dev.py may be run by an older Python
        sys.exit(f"ESPM Desktop needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    print(f"Installing ESPM Desktop {target} …", flush=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    return python


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    if command == "demo":
        python = ensure_installed()
        return subprocess.call([str(python), "-m", "espm_desktop", "--demo", *argv[1:]], cwd=ROOT)
    if command == "test":
        python = ensure_installed("test")
        code = subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT)
        if code == 5:
            print("No test ran: that is a failure.", file=sys.stderr)
            return 1
        return code
    if command == "run":
        python = ensure_installed()
        args = argv[1:]
        if args[:1] == ["--"]:
            args = args[1:]
        return subprocess.call([str(python), "-m", "espm_desktop", *args], cwd=ROOT)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
