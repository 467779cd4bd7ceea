"""Packaging: the installed package holds every module and file; the frozen build and installers are set up right."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "espm_desktop").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert "espm_desktop.resources" in listed


# ---- The frozen build, the installers and what the app reads at run time --------------------------------------


SPEC = ROOT / "packaging" / "espm-desktop.spec"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def test_spec_bundles_everything_read_at_run_time() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for needle in (
        'RES.glob("*.csv")',  # data tables
        '"espm_desktop/db/migrations"',  # Alembic reads env.py and versions/*.py as files
        '".mako"',  # script.py.mako
        '"espm_desktop/resources/translations"',
        "build_translations.py",  # .mo compiled at build time
        '"qtbase_fr.qm"',  # Qt's own French strings
        '"espm_desktop/resources/fonts"',
        '"espm_desktop/resources/icons"',
        'name=f"{NAME}-cli", console=True',
        "COLLECT(gui_exe, cli_exe",
        "BUNDLE(",
    ):
        assert needle in text, f"the spec lost {needle}"
    # The files it collects exist in the tree.
    assert (ROOT / "espm_desktop" / "db" / "migrations" / "script.py.mako").is_file()
    assert list((ROOT / "resources").glob("*.csv"))
    assert list((ROOT / "resources" / "translations").glob("*.po"))
    ast.parse(text)  # at least valid Python


def test_bundled_fonts_with_their_license_are_used_for_pdfs() -> None:
    fonts = ROOT / "resources" / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert (fonts / name).read_bytes()[:4] == b"\x00\x01\x00\x00", f"{name} is not a TrueType font"
    assert "Bitstream Vera" in (fonts / "LICENSE").read_text(encoding="utf-8")
    from espm_desktop.reports import fonts as report_fonts

    family = report_fonts.register_fonts([fonts])
    assert family.unicode and family.regular == "DejaVuSans" and family.bold == "DejaVuSans-Bold"
    assert fonts.resolve() in [d.resolve() for d in report_fonts._default_dirs()]


def test_invoice_pdf_embeds_the_font_and_reads_back(tmp_path: Path) -> None:
    from espm_desktop import cli

    smoke = _load_script(ROOT / "scripts" / "smoke_frozen.py")
    source = tmp_path / "invoice.json"
    source.write_text(json.dumps(smoke.INVOICE_INPUT, ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "invoice.pdf"
    assert cli.main(["invoice", "--json", str(source), "--out", str(pdf)]) == 0
    smoke.check_invoice(pdf)  # the smoke test's own PDF reader, checked against a PDF made here
    assert "Saint-Jérôme" in smoke.pdf_text(pdf.read_bytes())


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_application_icon_in_every_size() -> None:
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        assert _png_size(icons / f"espm-desktop-{size}.png") == (size, size)
    ico = (icons / "espm-desktop.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 6, "multi-size .ico"
    assert (icons / "espm-desktop.icns").read_bytes()[:4] == b"icns"
    assert 'icons" / "espm-desktop.ico"' in (ROOT / "espm_desktop" / "ui" / "app.py").read_text(
        encoding="utf-8"
    )


def test_version_is_written_in_one_place() -> None:
    import espm_desktop

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "espm_desktop.__version__"}
    assert "pyinstaller>=6.0" in config["project"]["optional-dependencies"]["package"]
    from importlib.metadata import version

    assert version("espm-desktop") == espm_desktop.__version__
    dev = _load_script(ROOT / "dev.py")
    assert dev.app_version() == espm_desktop.__version__
    # Nothing else spells the version out: the spec, Info.plist and the NSIS script get it at build time.
    plist = plistlib.loads((ROOT / "packaging" / "macos" / "Info.plist").read_bytes())
    assert "CFBundleShortVersionString" not in plist and "CFBundleVersion" not in plist
    assert espm_desktop.__version__ not in SPEC.read_text(encoding="utf-8")
    nsi = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    code = [line for line in nsi.splitlines() if not line.lstrip().startswith(";")]
    assert not [line for line in code if espm_desktop.__version__ in line.replace('"0.0.0"', "")]


def test_translations_are_only_read_never_compiled_or_written(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication

    from espm_desktop.core import i18n as catalog
    from espm_desktop.ui import i18n

    for module in (i18n, catalog):
        source = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[arg-type]
        imported = {
            alias.name for node in ast.walk(source) if isinstance(node, ast.Import) for alias in node.names
        }
        imported |= {node.module or "" for node in ast.walk(source) if isinstance(node, ast.ImportFrom)}
        assert not imported & {"subprocess", "shutil", "babel"}, module.__name__

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"i18n started a process: {args}")

    monkeypatch.setattr(subprocess, "run", no_process)
    monkeypatch.setattr(subprocess, "Popen", no_process)
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy2(catalog.catalog_dir() / "espm_desktop_fr.mo", folder)
    folder.chmod(0o555)  # read-only (root ignores it: the snapshot below is what proves nothing was written)
    monkeypatch.setattr(catalog, "catalog_dir", lambda: folder)
    catalog.catalog.cache_clear()
    cache = Path(tmp_path / "user" / "cache")
    try:
        before = sorted(p.name for p in folder.iterdir())
        manager = i18n.LanguageManager(QCoreApplication.instance())  # type: ignore[arg-type]
        manager.apply("fr")
        assert QCoreApplication.translate("MainWindow", "Properties") == "Propriétés"
        manager.apply("en")
        assert sorted(p.name for p in folder.iterdir()) == before, "i18n wrote into its own folder"
        assert not cache.exists() or not any(cache.rglob("*")), "i18n wrote into the cache folder"
    finally:
        folder.chmod(0o755)
        catalog.catalog.cache_clear()


def test_the_build_compiles_the_catalog_and_the_app_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from espm_desktop.core import i18n as catalog

    build = _load_script(ROOT / "scripts" / "build_translations.py")
    po = tmp_path / "espm_desktop_fr.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Properties"\nmsgstr "Propriétés"\n\n'
        'msgid "Row {row}: {value} is not a date"\nmsgstr "Ligne {row} : {value} n\'est pas une date"\n\n'
        'msgid "Not yet translated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert build.compile_po(po, tmp_path / "espm_desktop_fr.mo") == 2
    monkeypatch.setattr(catalog, "catalog_dir", lambda: tmp_path)
    catalog.catalog.cache_clear()
    try:
        assert catalog.lookup("Properties", "fr") == "Propriétés"
        assert catalog.lookup("Not yet translated", "fr") is None  # shown in English
        row = catalog.message("Row {row}: {value} is not a date", row=1234, value="31/02")
        assert row.text("fr") == "Ligne 1\u00a0234 : 31/02 n'est pas une date"
        assert row.text("en") == "Row 1,234: 31/02 is not a date"
    finally:
        catalog.catalog.cache_clear()


def test_nsis_script_compiles(tmp_path: Path) -> None:
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis not installed (apt-get install nsis)")
    # The Windows bundle can't be built here: a stand-in with the same layout and placeholder executables.
    bundle = tmp_path / "espm-desktop"
    (bundle / "_internal" / "espm_desktop" / "resources").mkdir(parents=True)
    for exe in ("espm-desktop.exe", "espm-desktop-cli.exe"):
        (bundle / exe).write_bytes(b"MZ placeholder")
    (bundle / "_internal" / "espm_desktop" / "resources" / "energy_units.csv").write_text("x\n")
    out = tmp_path / "espm-desktop-0.0.0-windows-x64-setup.exe"
    done = subprocess.run(
        [makensis, "-V2", "-WX", "-DVERSION=1.2.3", f"-DSOURCE_DIR={bundle}", f"-DOUTFILE={out}",
         str(ROOT / "packaging" / "windows" / "installer.nsi")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_nsis_script_installs_per_user_and_keeps_the_data() -> None:
    nsi = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in nsi
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in nsi
    for value in (
        "DisplayVersion",
        "Publisher",
        "DisplayIcon",
        "UninstallString",
        "EstimatedSize",
        "NoModify",
    ):
        assert f'"{value}"' in nsi
    assert "HKLM" not in nsi
    uninstall = nsi[nsi.index('Section "Uninstall"') :]
    # Only the program's own files: never a recursive delete of $INSTDIR or anything under the data folder.
    assert re.search(r'RMDir /r "\$INSTDIR"\s', uninstall) is None
    assert "$LOCALAPPDATA" not in uninstall.replace("; $LOCALAPPDATA", "")


def test_linux_desktop_entry_and_install_script() -> None:
    entry = ROOT / "packaging" / "linux" / "espm-desktop.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "espm-desktop"
    assert section["Exec"].split()[0] == "espm-desktop"
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        done = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    for script, shell in (("linux/install.sh", "sh"), ("macos/make_dmg.sh", "bash")):
        if shutil.which(shell):
            done = subprocess.run(
                [shell, "-n", str(ROOT / "packaging" / script)], capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr


def test_install_script_installs_and_uninstalls_for_the_user(tmp_path: Path) -> None:
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    bundle = tmp_path / "espm-desktop-9.9"
    icons = bundle / "_internal" / "espm_desktop" / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in ICON_SIZES:
        shutil.copy2(ROOT / "resources" / "icons" / f"espm-desktop-{size}.png", icons)
    for exe in ("espm-desktop", "espm-desktop-cli"):
        (bundle / exe).write_text("#!/bin/sh\nexit 0\n")
        (bundle / exe).chmod(0o755)
    for name in ("install.sh", "espm-desktop.desktop"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, bundle / name)
    home = tmp_path / "home"
    data = home / ".local" / "share" / "ESPM Desktop"
    data.mkdir(parents=True)
    (data / "espm.sqlite").write_text("user data")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    installed = home / ".local" / "lib" / "espm-desktop"
    desktop = (home / ".local" / "share" / "applications" / "espm-desktop.desktop").read_text()
    assert f'Exec="{installed}/espm-desktop"' in desktop
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "espm-desktop.png").is_file()
    assert (home / ".local" / "bin" / "espm-desktop").resolve() == installed / "espm-desktop"
    done = subprocess.run(
        ["sh", str(installed / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert not installed.exists() and not (home / ".local" / "bin" / "espm-desktop").exists()
    assert (data / "espm.sqlite").read_text() == "user data"


def test_macos_bundle_metadata() -> None:
    plist = plistlib.loads((ROOT / "packaging" / "macos" / "Info.plist").read_bytes())
    assert plist["CFBundleIdentifier"] == "ca.espm-desktop.app"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleLocalizations"] == ["fr", "en"] and plist["CFBundleDevelopmentRegion"] == "fr"
    assert "hdiutil create" in (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")


def test_dev_py_names_the_missing_qt_packages_in_one_apt_command() -> None:
    dev = _load_script(ROOT / "dev.py")
    every = {soname for soname, _ in dev.QT_SYSTEM_LIBRARIES}
    assert dev.missing_qt_packages(every) == []
    missing = dev.missing_qt_packages(every - {"libxcb-cursor.so.0", "libEGL.so.1"})
    assert missing == ["libegl1", "libxcb-cursor0"]
    assert dev.missing_qt_packages(every - {"libxcb-cursor.so.0"}, wayland=True) == []
