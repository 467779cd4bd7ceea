#!/usr/bin/env python3
"""One command to set up and run ESPM Desktop from a source checkout, on Windows, macOS or Linux.

    python3 dev.py demo    install into .venv and open the app on the demo database
    python3 dev.py test    install into .venv (with test tools), check style and types (ruff, mypy), and run the
                           whole test suite (--no-lint skips the checks; other arguments go to pytest)
    python3 dev.py lint    only the style and type checks
    python3 dev.py run -- ARGS   install and run `espm-desktop ARGS`
    python3 dev.py install       install into .venv (and compile the translations), nothing else
    python3 dev.py package [--no-build]   frozen build in dist/espm-desktop/ (PyInstaller) and this system's
                                 installer or archive in dist/; --no-build only remakes the installer/archive
                                 (after signing the executables)

A virtual environment keeps the app's packages apart from the system's (and works where the system Python
refuses `pip install`). Set ESPM_DESKTOP_VENV to use another folder.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
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
    # The app only reads the compiled catalog (.mo); compiling it is part of installing. Without it the app
    # still runs, in English, so a failure here is a warning.
    if subprocess.call([str(python), str(ROOT / "scripts" / "build_translations.py")], cwd=ROOT) != 0:
        print("Warning: translations not compiled; the app will show English texts.", file=sys.stderr)
    return python


# Shared libraries Qt's xcb platform plugin needs on Linux beyond what PySide6's wheel carries, with the Debian/
# Ubuntu package that provides each. Wayland sessions only need the first four.
QT_SYSTEM_LIBRARIES = (
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-image.so.0", "libxcb-image0"),
)


def system_libraries() -> set[str] | None:
    """Sonames the dynamic loader knows (ldconfig's cache), or None when it can't be read."""
    for ldconfig in (shutil.which("ldconfig"), "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        if ldconfig and Path(ldconfig).exists():
            try:
                out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=20).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}
    return None


def missing_qt_packages(available: set[str], wayland: bool = False) -> list[str]:
    """Debian/Ubuntu packages to install for the Qt libraries not in `available` (sonames)."""
    needed = QT_SYSTEM_LIBRARIES[:4] if wayland else QT_SYSTEM_LIBRARIES
    return [package for soname, package in needed if soname not in available]


def check_qt_system_libraries() -> bool:
    """On Linux, say which system packages Qt is missing (one apt command) instead of failing with a traceback."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("xcb", "wayland", ""):
        return True  # offscreen, minimal, vnc…: no display libraries needed
    available = system_libraries()
    if available is None:
        import ctypes.util

        available = {
            soname
            for soname, _ in QT_SYSTEM_LIBRARIES
            if ctypes.util.find_library(re.sub(r"^lib|\.so\..*$", "", soname))
        }
    missing = missing_qt_packages(available, wayland=bool(os.environ.get("WAYLAND_DISPLAY")))
    if not missing:
        return True
    print(
        "ESPM Desktop's window needs system libraries that are not installed. On Debian or Ubuntu, run:\n\n"
        f"    sudo apt-get install {' '.join(missing)}\n\n"
        "then run this command again. (Other distributions: install the packages that provide "
        + ", ".join(soname for soname, package in QT_SYSTEM_LIBRARIES if package in missing)
        + ".)",
        file=sys.stderr,
    )
    return False


def app_version() -> str:
    text = (ROOT / "espm_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if match is None:
        sys.exit("espm_desktop/__init__.py has no __version__ line")
    return match.group(1)


def _machine() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x64", "x86_64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def _makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def make_installer(dist: Path) -> Path:
    """This system's installer or archive of dist/espm-desktop: a .tar.gz, a setup .exe or a .dmg."""
    version, bundle = app_version(), dist / "espm-desktop"
    if sys.platform.startswith("win"):
        makensis = _makensis()
        if makensis is None:
            sys.exit(
                "makensis not found: install NSIS (https://nsis.sourceforge.io, or `choco install nsis`)."
            )
        out = dist / f"espm-desktop-{version}-windows-{_machine()}-setup.exe"
        subprocess.run(
            [
                makensis, "/V2", f"/DVERSION={version}", f"/DSOURCE_DIR={bundle}", f"/DOUTFILE={out}",
                str(ROOT / "packaging" / "windows" / "installer.nsi"),
            ],
            check=True,
        )  # fmt: skip
        return out
    if sys.platform == "darwin":
        out = dist / f"espm-desktop-{version}-macos-{_machine()}.dmg"
        subprocess.run(
            [
                "bash",
                str(ROOT / "packaging" / "macos" / "make_dmg.sh"),
                str(dist / "ESPM Desktop.app"),
                str(out),
            ],
            check=True,
        )
        return out
    # Linux: the folder with its desktop entry and install script, as one archive.
    linux = ROOT / "packaging" / "linux"
    for name in ("espm-desktop.desktop", "install.sh"):
        shutil.copy2(linux / name, bundle / name)
    (bundle / "install.sh").chmod(0o755)
    out = dist / f"espm-desktop-{version}-linux-{_machine()}.tar.gz"
    tmp = out.with_name(out.name + ".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"espm-desktop-{version}")
    tmp.replace(out)
    return out


def package(args: list[str]) -> int:
    """Frozen build with PyInstaller, then this system's installer or archive."""
    dist = ROOT / "dist"
    if "--no-build" not in args:
        python = ensure_installed("package")
        subprocess.run(
            [
                str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
                "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "packaging" / "espm-desktop.spec"),
            ],
            cwd=ROOT,
            check=True,
        )  # fmt: skip
    out = make_installer(dist)
    print(f"Built {dist / 'espm-desktop'} and {out}")
    return 0


def lint(python: Path) -> int:
    """ruff (lint and format) and mypy (strict on the Qt-free layers, per pyproject.toml): both must pass."""
    for step in (
        ["-m", "ruff", "check", "espm_desktop", "tests", "scripts", "bench", "dev.py"],
        ["-m", "ruff", "format", "--check", "espm_desktop", "tests", "scripts", "bench", "dev.py"],
        ["-m", "mypy"],
    ):
        print(f"$ {' '.join(step[1:])}", flush=True)
        if subprocess.call([str(python), *step], cwd=ROOT) != 0:
            print(f"{step[1]} found problems: fix them first (python3 dev.py lint).", file=sys.stderr)
            return 1
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    if command == "demo":
        python = ensure_installed()
        if not check_qt_system_libraries():
            return 1
        return subprocess.call([str(python), "-m", "espm_desktop", "--demo", *argv[1:]], cwd=ROOT)
    if command == "test":
        python = ensure_installed("test,dev")
        if "--no-lint" in argv:
            argv = [a for a in argv if a != "--no-lint"]
        elif lint(python) != 0:
            return 1
        code = subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT)
        if code == 5:
            print("No test ran: that is a failure.", file=sys.stderr)
            return 1
        return code
    if command == "lint":
        return lint(ensure_installed("test,dev"))
    if command == "run":
        python = ensure_installed()
        args = argv[1:]
        if args[:1] == ["--"]:
            args = args[1:]
        return subprocess.call([str(python), "-m", "espm_desktop", *args], cwd=ROOT)
    if command == "install":
        ensure_installed(*argv[1:2])
        return 0
    if command == "package":
        try:
            return package(argv[1:])
        except subprocess.CalledProcessError as exc:
            print(
                f"Packaging failed: {' '.join(map(str, exc.cmd))} exited with {exc.returncode}.",
                file=sys.stderr,
            )
            return 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
