#!/usr/bin/env python3
"""Smoke test of a frozen build (PyInstaller folder) on Windows, macOS or Linux; standard library only.

    python scripts/smoke_frozen.py dist/espm-desktop

Runs the executables the way a user's machine would: no Python environment, no PYTHON* variables, a fresh home
and data folders in a temporary folder, Qt offscreen on Linux. Checks that the bundle holds what the app reads
at run time, starts the window on a fresh data folder and on the demo, waits on the demo's Charts page for the
interactive chart (pyqtgraph, loaded after the first screen), runs every command-line job (init-demo,
import of an ESPM sample, score, export, invoice) and reads the invoice PDF back. Also checks that nothing was
written inside the bundle. Stops at the first failure with one line saying what failed; exit 0 when all pass.
ESPM_SAMPLES_DIR names the folder of ESPM sample spreadsheets (default: ../shared/espm-samples beside the
repository; a generated CSV is imported when it is missing).
"""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform.startswith("win")
MACOS = sys.platform == "darwin"
EXE = ".exe" if WINDOWS else ""
TIMEOUT_S = 180

# The seed example of tests/core/test_score_json.py: the NRCan bank branch, score 75.
SCORE_INPUT = {
    "property_type": "bank_branch",
    "gross_floor_area_m2": 1300,
    "workers": 24,
    "weekly_hours": 60,
    "computers": 20,
    "percent_heated": 100,
    "percent_cooled": 100,
    "months_in_operation": 12,
    "hdd": 4766,
    "cdd": 113,
    "energy": [
        {"type": "electricity_grid", "quantity": 168000, "unit": "kWh"},
        {"type": "Natural Gas", "quantity": 9600, "unit": "cm (cubic meters)"},
    ],
}
# The invoice of tests/test_cli.py::test_invoice_pdf_reads_back (accents on purpose).
BENEFICIARY = "Fonderie Laurentide inc."
INVOICE_INPUT = {
    "beneficiary": {
        "name": BENEFICIARY,
        "address": "500, boul. Industriel, Saint-Jérôme (Québec)",
        "gst_number": "123456789RT0001",
        "qst_number": "1234567890TQ0001",
    },
    "work_address": "500, boul. Industriel, Saint-Jérôme (Québec)",
    "energir_file_number": "SGE-2026-0042",
    "invoice_number": "SGE-0001",
    "invoice_date": "2026-11-23",
    "phase": "diagnostic",
    "aid_amount": "12345.67",
}
# Files the app reads at run time, by a path ending that must be found somewhere in the bundle.
REQUIRED_FILES = (
    "espm_desktop/resources/bank_branch_score.csv",
    "espm_desktop/resources/energy_units.csv",
    "espm_desktop/resources/translations/espm_desktop_fr.mo",
    "espm_desktop/resources/fonts/DejaVuSans.ttf",
    "espm_desktop/resources/fonts/DejaVuSans-Bold.ttf",
    "espm_desktop/resources/fonts/LICENSE",
    "espm_desktop/resources/icons/espm-desktop.ico",
    "espm_desktop/resources/icons/espm-desktop-256.png",
    "espm_desktop/db/migrations/env.py",
    "espm_desktop/db/migrations/script.py.mako",
    "espm_desktop/db/migrations/versions/0001_initial_schema_properties_meters_bills.py",
    "PySide6/Qt/translations/qtbase_fr.qm",
)


class SmokeFailure(Exception):
    pass


def fail(message: str) -> None:
    raise SmokeFailure(message)


def executables(dist: Path) -> tuple[Path, Path]:
    folder = dist / "Contents" / "MacOS" if dist.suffix == ".app" else dist
    gui, cli = folder / f"espm-desktop{EXE}", folder / f"espm-desktop-cli{EXE}"
    for exe in (gui, cli):
        if not exe.is_file():
            fail(f"missing executable {exe}")
    return gui, cli


def check_layout(dist: Path) -> None:
    found = {p.as_posix() for p in dist.rglob("*") if p.is_file()}
    for ending in REQUIRED_FILES:
        if not any(path.endswith("/" + ending) for path in found):
            fail(f"the bundle has no {ending}")
    if any(path.endswith((".po", ".ts")) for path in found):
        fail("the bundle holds a catalog source (.po): translations must be compiled at build time")


def bare_environment(home: Path) -> dict[str, str]:
    """A user's environment with nothing from this machine's Python: a fresh home and data folders."""
    env: dict[str, str] = {}
    if WINDOWS:
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "NUMBER_OF_PROCESSORS"):
            if name in os.environ:
                env[name] = os.environ[name]
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env["PATH"] = os.pathsep.join([rf"{system_root}\System32", system_root])
        env.update(
            USERPROFILE=str(home),
            HOMEDRIVE=str(home)[:2],
            HOMEPATH=str(home)[2:],
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            TEMP=str(home / "Temp"),
            TMP=str(home / "Temp"),
        )
        # platformdirs asks Windows (not the variables above) for these folders unless overridden like this.
        env["WIN_PD_OVERRIDE_APPDATA"] = env["APPDATA"]
        env["WIN_PD_OVERRIDE_LOCAL_APPDATA"] = env["LOCALAPPDATA"]
    else:
        env["PATH"] = "/usr/bin:/bin"
        env["HOME"] = str(home)
        env["TMPDIR"] = str(home / "tmp")
        env["LANG"] = "C.UTF-8" if not MACOS else "en_US.UTF-8"
        if not MACOS:
            env.update(
                XDG_DATA_HOME=str(home / ".local" / "share"),
                XDG_CONFIG_HOME=str(home / ".config"),
                XDG_CACHE_HOME=str(home / ".cache"),
                XDG_STATE_HOME=str(home / ".local" / "state"),
                XDG_RUNTIME_DIR=str(home / "run"),
                QT_QPA_PLATFORM="offscreen",
            )
    for key in ("TEMP", "TMPDIR", "XDG_RUNTIME_DIR"):
        if key in env:
            Path(env[key]).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run(
    label: str, args: list[str | Path], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(a) for a in args],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        fail(f"{label}: no exit after {TIMEOUT_S} s")
    except OSError as exc:
        fail(f"{label}: could not start ({exc})")
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        detail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-5:]
        fail(f"{label}: exit {done.returncode}: " + " | ".join(detail))
    if "Traceback (most recent call last)" in done.stderr + done.stdout:
        fail(f"{label}: printed a traceback: {done.stderr.strip()[-400:]}")
    print(f"ok   {label} ({elapsed:.1f} s)", flush=True)
    return done


def charts_shown(gui: Path, env: dict[str, str], cwd: Path, home: Path) -> None:
    """The window on the demo's Charts page until its interactive chart (pyqtgraph, loaded after the first
    screen) says in the log that it is shown: a module the bundle lacks would only fail there."""
    label = "window on the demo's Charts page, interactive chart shown"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(gui), "--demo", "--page", "charts"],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        while time.perf_counter() - started < TIMEOUT_S:
            text = "".join(
                p.read_text(encoding="utf-8", errors="replace") for p in home.rglob("espm-desktop.log")
            )
            if "Uncaught exception" in text or "Traceback" in text:
                fail(f"{label}: the log holds an error: {text.strip()[-600:]}")
            if "the interactive chart is shown" in text:
                break
            if proc.poll() is not None:
                fail(f"{label}: the window closed (exit {proc.returncode}): {proc.stderr.read()[-400:]}")
            time.sleep(0.2)
        else:
            fail(f"{label}: not shown after {TIMEOUT_S} s")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print(f"ok   {label} ({time.perf_counter() - started:.1f} s)", flush=True)


def bundle_snapshot(dist: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(dist)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in dist.rglob("*")
        if p.is_file()
    }


def sample_to_import(work: Path) -> Path:
    samples = Path(os.environ.get("ESPM_SAMPLES_DIR") or ROOT.parent / "shared" / "espm-samples")
    sample = samples / "PM_Meter_Data.xlsx"
    if sample.is_file():
        return sample
    # No sample beside the repository (a CI clone): a small file in ESPM's "Meter Entries" layout.
    generated = work / "meter-entries.csv"
    with generated.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(
            ["Property Name", "Portfolio Manager ID", "Portfolio Manager Meter ID", "Meter Name", "Meter Type",
             "Start Date", "End Date", "Usage/Quantity", "Usage Units", "Cost ($)", "Estimation?"]
        )  # fmt: skip
        for month in range(1, 7):
            out.writerow(
                ["Smoke test office", "", "900000001", "Gas meter", "Natural Gas", f"2024-{month:02d}-01",
                 f"2024-{month:02d}-28", 100 + month, "cm (cubic meters)", "", "No"]
            )  # fmt: skip
    return generated


def pdf_text(data: bytes) -> str:
    """The text drawn on a PDF's pages, decoded through each font's ToUnicode map (enough for reportlab's output)."""
    objects: dict[int, bytes] = {}
    streams: dict[int, bytes] = {}
    for match in re.finditer(rb"(\d+)\s+0\s+obj(.*?)endobj", data, re.S):
        number, body = int(match.group(1)), match.group(2)
        head, sep, rest = body.partition(b"stream")
        objects[number] = head
        if sep:
            raw = rest[rest.index(b"\n") + 1 : rest.rfind(b"endstream")]
            if b"ASCII85Decode" in head:
                raw = raw.strip().removesuffix(b"~>")
                raw = base64.a85decode(raw)
            if b"FlateDecode" in head:
                raw = zlib.decompressobj().decompress(raw)
            streams[number] = raw

    def cmap(number: int) -> dict[bytes, str]:
        table: dict[bytes, str] = {}
        text = streams.get(number, b"")
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                table[bytes.fromhex(src.decode())] = bytes.fromhex(dst.decode()).decode(
                    "utf-16-be", "replace"
                )
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                start, end, first = int(lo, 16), int(hi, 16), int(dst, 16)
                for code in range(start, end + 1):
                    table[bytes([code]) if len(lo) <= 2 else code.to_bytes(2, "big")] = chr(
                        first + code - start
                    )
        return table

    # Font resource name (/F2+0) → its ToUnicode table; fonts without one (Helvetica) read as Latin-1.
    fonts: dict[bytes, dict[bytes, str] | None] = {}
    for head in objects.values():
        name = re.search(rb"/Name\s*/(\S+)", head)
        if name and b"/Type /Font" in head:
            to_unicode = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", head)
            fonts[name.group(1)] = cmap(int(to_unicode.group(1))) if to_unicode else None

    def literal(raw: bytes) -> bytes:
        out, i = bytearray(), 0
        escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
        while i < len(raw):
            c = raw[i : i + 1]
            if c == b"\\":
                nxt = raw[i + 1 : i + 2]
                octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
                if octal:
                    out.append(int(octal.group(0), 8) & 0xFF)
                    i += 1 + len(octal.group(0))
                    continue
                out += escapes.get(nxt, nxt)
                i += 2
                continue
            out += c
            i += 1
        return bytes(out)

    text: list[str] = []
    token = re.compile(
        rb"/([^\s/\[\]()<>]+)\s+[\d.]+\s+Tf|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|T\*|Tj|TJ|'|\""
    )
    contents = [int(n) for head in objects.values() for n in re.findall(rb"/Contents\s+(\d+)\s+0\s+R", head)]
    for stream in (streams.get(n, b"") for n in contents):
        table: dict[bytes, str] | None = None
        for match in token.finditer(stream):
            item = match.group(0)
            if match.group(1) is not None:
                table = fonts.get(match.group(1))
            elif item.startswith(b"(") or (item.startswith(b"<") and not item.startswith(b"<<")):
                raw = literal(item[1:-1]) if item.startswith(b"(") else bytes.fromhex(item[1:-1].decode())
                if table:
                    text.append("".join(table.get(raw[k : k + 1], "?") for k in range(len(raw))))
                else:
                    text.append(raw.decode("latin-1"))
            elif item in (b"Tj", b"TJ", b"T*", b"'", b'"'):
                text.append("\n" if item == b"T*" else "")
    return "".join(text)


def check_invoice(pdf: Path) -> None:
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        fail(f"invoice: {pdf} is not a PDF (starts with {data[:8]!r})")
    if len(data) < 5000 or b"/Type /Page" not in data:
        fail(f"invoice: {pdf} has no page or is too small ({len(data)} bytes)")
    if b"DejaVuSans" not in data:
        fail("invoice: the PDF does not embed the bundled DejaVu Sans font")
    text = pdf_text(data)
    squeezed = re.sub(r"\s+", "", text)
    for expected in (BENEFICIARY, "Saint-Jérôme", "SGE-2026-0042"):
        if re.sub(r"\s+", "", expected) not in squeezed:
            fail(f"invoice: {expected!r} not found in the PDF's text ({len(text)} characters read)")
    print(f"ok   invoice PDF reads back: {BENEFICIARY}, Saint-Jérôme ({len(data)} bytes)", flush=True)


def smoke(dist: Path) -> None:
    dist = dist.resolve()
    if not dist.is_dir():
        fail(f"{dist} is not a folder: build first (python3 dev.py package)")
    gui, cli = executables(dist)
    check_layout(dist)
    print(f"ok   bundle layout: executables, data tables, migrations, translations, fonts, icons in {dist}")
    before = bundle_snapshot(dist)
    with tempfile.TemporaryDirectory(prefix="espm-smoke-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        env = bare_environment(home)

        done = run(
            "window on a fresh data folder (--quit-after-start)", [gui, "--quit-after-start"], env, work
        )
        # A Windows GUI executable has no stdout; elsewhere the start-up line must be printed.
        if not WINDOWS and "first-screen-seconds" not in done.stdout:
            fail(f"window: no first-screen-seconds line in its output: {done.stdout.strip()[-200:]!r}")
        run(
            "window on the demo (--demo --lang fr --quit-after-start)",
            [gui, "--demo", "--lang", "fr", "--quit-after-start"],
            env,
            work,
        )
        # The dataclasses' method code is kept in the user's cache folder (fs/method_code.py): a launch like the
        # one before compiles nothing and leaves the file as it was.
        kept = sorted(home.rglob("method-code.*.bin"))
        if len(kept) != 1:
            fail(f"window: expected one method-code file in the user's cache folder, found {kept}")
        written = kept[0].stat().st_mtime_ns
        run(
            "window on the demo again (the kept method code is read)",
            [gui, "--demo", "--lang", "fr", "--quit-after-start"],
            env,
            work,
        )
        if kept[0].stat().st_mtime_ns != written:
            fail(f"window: {kept[0].name} was written again by a launch that had nothing new to compile")
        charts_shown(gui, env, work, home)
        logs = [p for p in home.rglob("espm-desktop.log")]
        if not logs:
            fail("window: no espm-desktop.log written in the user's log folder")
        log_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
        if "Uncaught exception" in log_text or "Traceback" in log_text:
            fail(f"window: the log holds an error: {log_text.strip()[-400:]}")

        db = work / "smoke.sqlite"
        run("init-demo --db", [cli, "init-demo", "--db", db], env, work)
        sample = sample_to_import(work)
        done = run(f"import --db {sample.name}", [cli, "import", "--db", db, sample], env, work)
        summary = json.loads(done.stdout)
        if not summary.get("written") or summary.get("imported", 0) + summary.get("duplicates", 0) <= 0:
            fail(f"import: nothing imported from {sample}: {done.stdout.strip()[:300]}")

        score_in = work / "score.json"
        score_in.write_text(json.dumps(SCORE_INPUT), encoding="utf-8")
        done = run("score --json", [cli, "score", "--json", score_in], env, work)
        score = json.loads(done.stdout)
        if score.get("score") != 75:
            fail(f"score: expected 75 for the NRCan bank branch, got {score.get('score')!r}")

        out_csv = work / "bills.csv"
        run(
            "export --format csv", [cli, "export", "--db", db, "--format", "csv", "--out", out_csv], env, work
        )
        rows = list(csv.reader(out_csv.open(encoding="utf-8-sig", newline="")))
        if len(rows) < 2 or "Start Date" not in rows[0]:
            fail(f"export: {out_csv} has {len(rows)} rows, header {rows[:1]}")

        invoice_in = work / "invoice.json"
        invoice_in.write_text(json.dumps(INVOICE_INPUT, ensure_ascii=False), encoding="utf-8")
        pdf = work / "invoice.pdf"
        run("invoice --json --out", [cli, "invoice", "--json", invoice_in, "--out", pdf], env, work)
        check_invoice(pdf)

    after = bundle_snapshot(dist)
    changed = sorted(name for name in after.keys() - before.keys()) + sorted(
        name for name in before.keys() & after.keys() if before[name] != after[name]
    )
    if changed:
        fail(f"the app wrote into its own folder: {', '.join(changed[:5])}")
    print("ok   nothing written inside the bundle", flush=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        smoke(Path(argv[0]))
    except SmokeFailure as exc:
        print(f"FAIL {exc}", file=sys.stderr, flush=True)
        return 1
    print(f"frozen build smoke test passed in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
