"""The dataclasses' method code kept between launches (fs/method_code.py): the same methods as compiling them, a
damaged or foreign file ignored, a killed save leaving the old file or the new one, and the app's own use of it."""

from __future__ import annotations

import json
import marshal
import os
import random
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from espm_desktop.fs.atomic_files import find_partials
from espm_desktop.fs.method_code import MAX_BYTES, MethodCodeCache, cache_file

REPO = Path(__file__).resolve().parents[2]

# A child that makes the app's own dataclasses (frozen, with slots or without, with defaults, a default factory and
# a field left out of the hash) and describes what their generated methods are and do.
CHILD = r"""
import dataclasses, hashlib, json, sys
from pathlib import Path
from espm_desktop.fs import method_code

cache = method_code.install(Path(sys.argv[1])) if sys.argv[2] == "cache" else None
from datetime import date
from decimal import Decimal
from espm_desktop.core.calendarize import Period
from espm_desktop.core.findings import Finding
from espm_desktop.core.i18n import Message, Number
from espm_desktop.core.types import Bill, MeterData

bill = Bill(date(2024, 1, 1), date(2024, 1, 31), 12.5, Decimal("3.10"))
meter = MeterData("Gas", "natural_gas", "m3", (bill,))
finding = Finding("gap", "warning", "Gas", date(2024, 2, 1), None, Message("{n}", {"n": Number(2.5, 1)}))
try:
    meter.name = "other"
    frozen = "assigned"
except dataclasses.FrozenInstanceError as exc:
    frozen = type(exc).__name__
classes = (Bill, MeterData, Finding, Message, Number, Period)
methods = {
    f"{cls.__name__}.{name}": [
        hashlib.sha256(fn.__code__.co_code).hexdigest(),
        list(fn.__code__.co_varnames),
        {k: repr(v) for k, v in getattr(fn, "__annotations__", {}).items()},
        fn.__qualname__,
    ]
    for cls in classes
    for name, fn in sorted(vars(cls).items())
    if callable(fn) and hasattr(fn, "__code__")
}
same = Finding("gap", "warning", "Gas", date(2024, 2, 1), None, Message("{n}", {"n": Number(2.5, 1)}))
print(json.dumps({
    "repr": [repr(bill), repr(meter), repr(finding), repr(Period(24288))],
    "eq": [meter == MeterData("Gas", "natural_gas", "m3", (bill,)), finding == same, Number(1) == Number(1, 0)],
    "hash": [hash(meter) == hash(MeterData("Gas", "natural_gas", "m3", (bill,))), hash(finding) == hash(same)],
    "frozen": frozen,
    "message": finding.message.text("fr"),
    "methods": methods,
    "cache": None if cache is None else [cache.hits, cache.added, cache.rejected],
}))
"""


def run_child(folder: Path, mode: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), mode],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def test_methods_from_the_file_are_the_ones_python_compiles(tmp_path: Path) -> None:
    plain = run_child(tmp_path, "plain")
    first = run_child(tmp_path, "cache")
    assert cache_file(tmp_path).is_file()
    second = run_child(tmp_path, "cache")
    hits1, added1, rejected1 = first.pop("cache")  # type: ignore[misc]
    hits2, added2, rejected2 = second.pop("cache")  # type: ignore[misc]
    plain.pop("cache")
    # The first launch compiles the methods of every dataclass the child's imports make and keeps them; the
    # second compiles none.
    assert (hits1, rejected1) == (0, "") and added1 >= 30
    assert (hits2, added2, rejected2) == (added1, 0, "")
    # Same behaviour and the very same method code, annotations and names as without the cache.
    assert first == plain and second == plain
    assert plain["frozen"] == "FrozenInstanceError" and plain["eq"] == [True, True, True]
    assert plain["hash"] == [True, True] and plain["message"] == "2,5"
    assert {"MeterData.__init__", "Finding.__eq__", "Message.__repr__"} <= set(plain["methods"])  # type: ignore[arg-type]


def test_install_once_and_only_where_dataclasses_has_no_exec_of_its_own(tmp_path: Path) -> None:
    code = (
        "import dataclasses, sys\n"
        "from pathlib import Path\n"
        "from espm_desktop.fs import method_code\n"
        "a = method_code.install(Path(sys.argv[1]))\n"
        "b = method_code.install(Path(sys.argv[1]))\n"
        "print(a is b, a is not None, dataclasses.exec.__name__, 'exec' in vars(__builtins__) or hasattr(__builtins__, 'exec'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=REPO, check=True
    ).stdout.split()
    assert out == ["True", "True", "exec_cached", "True"]


def _saved(path: Path, sources: list[str]) -> MethodCodeCache:
    cache = MethodCodeCache(path).load()
    for source in sources:
        cache.code(source)
    assert cache.save()
    return cache


def _sources(n: int, tag: str = "", size: int = 40) -> list[str]:
    return [
        f"def __create_fn__():\n def f{tag}{i}(x):\n  return x + {i} + {'1' * size}\n return f{tag}{i}\n"
        for i in range(n)
    ]


@pytest.mark.parametrize(
    "damage",
    ["truncated", "flipped byte", "other python", "not a mapping", "empty", "too large", "not marshal"],
)
def test_a_damaged_or_foreign_file_is_not_used_and_is_written_anew(tmp_path: Path, damage: str) -> None:
    path = cache_file(tmp_path)
    sources = _sources(5)
    _saved(path, sources)
    data = path.read_bytes()
    header_end = data.index(b"\n", data.index(b"\n") + 1) + 1  # magic line, then Python's version line
    if damage == "truncated":
        data = data[: len(data) - 7]
    elif damage == "flipped byte":
        data = data[:-30] + bytes([data[-30] ^ 0x40]) + data[-29:]
    elif damage == "other python":
        data = data[: data.index(b"\n") + 1] + b"2.7.18 (default)\n" + data[header_end:]
    elif damage in ("not a mapping", "not marshal"):
        payload = marshal.dumps([1, 2, 3]) if damage == "not a mapping" else b"\xff" * 64
        data = data[:header_end] + f"{zlib.crc32(payload):08x} {len(payload)}\n".encode() + payload
    elif damage == "empty":
        data = b""
    else:
        data = data + b"\0" * (MAX_BYTES + 1 - len(data))
    path.write_bytes(data)
    cache = MethodCodeCache(path).load()
    assert cache.stored == {}
    if damage == "empty":
        assert cache.rejected == ""  # as if there were no file
    elif damage == "too large":
        assert cache.rejected == "too large"
    else:
        assert cache.rejected == "not a method-code file of this Python, or damaged"
    # Compiled as if there were no file, then written whole again.
    code = cache.code(sources[0])
    namespace: dict[str, object] = {}
    exec(code, {}, namespace)  # noqa: S102
    assert namespace["__create_fn__"]()(1) == 1 + int("1" * 40)  # type: ignore[operator]
    assert cache.save()
    again = MethodCodeCache(path).load()
    assert again.rejected == "" and list(again.stored) == [sources[0]]


def test_nothing_is_written_when_nothing_was_compiled(tmp_path: Path) -> None:
    path = cache_file(tmp_path)
    sources = _sources(3)
    _saved(path, sources)
    before = path.stat().st_mtime_ns
    cache = MethodCodeCache(path).load()
    for source in sources:
        cache.code(source)
    assert (cache.hits, cache.added) == (3, 0)
    assert cache.save() is False and path.stat().st_mtime_ns == before


def test_a_file_beyond_its_entry_limit_keeps_only_this_launchs_methods(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from espm_desktop.fs import method_code

    monkeypatch.setattr(method_code, "MAX_ENTRIES", 4)
    path = cache_file(tmp_path)
    _saved(path, _sources(4, "old"))
    now = _sources(2, "new")
    _saved(path, now)
    assert sorted(MethodCodeCache(path).load().stored) == sorted(now)


SAVER = r"""
import sys, time
from pathlib import Path
from espm_desktop.fs.method_code import MethodCodeCache
cache = MethodCodeCache(Path(sys.argv[1])).load()
assert cache.rejected == "" and len(cache.stored) == int(sys.argv[2]), (cache.rejected, len(cache.stored))
for i in range(int(sys.argv[3])):
    cache.code(f"def __create_fn__():\n def g{i}(x):\n  return x * {i} + {'7' * 2000}\n return g{i}\n")
print("saving", flush=True)
t0 = time.perf_counter()
cache.save()
print(f"saved {time.perf_counter() - t0:.4f}", flush=True)
"""


def test_a_killed_save_leaves_the_old_file_or_the_whole_new_one(tmp_path: Path) -> None:
    """SIGKILL at random moments of writing a file of about 1 MB: the next launch finds the file it had before the
    save or the one the save made, never a part of one, and at most one temporary file beside it."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL is a POSIX signal")
    old, added = 20, 400

    def fresh(folder: Path) -> Path:
        folder.mkdir()
        path = cache_file(folder)
        _saved(path, _sources(old, size=2000))
        return path

    def start(path: Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(old), str(added)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )

    timing = start(fresh(tmp_path / "timing"))
    out, _ = timing.communicate(timeout=60)
    save_s = float(out.split("saved ")[1])
    rng = random.Random(time.time_ns())
    outcomes = []
    for trial in range(8):
        path = fresh(tmp_path / f"trial{trial}")
        child = start(path)
        assert child.stdout is not None
        assert child.stdout.readline().startswith("saving")
        delay = save_s * 1.2 * (trial + rng.random()) / 8
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        cache = MethodCodeCache(path).load()
        assert cache.rejected == "", f"killed {delay * 1000:.1f} ms into the save: {cache.rejected}"
        assert len(cache.stored) in (old, old + added), (
            f"killed {delay * 1000:.1f} ms in: {len(cache.stored)}"
        )
        assert len(find_partials(path.parent)) <= 1
        outcomes.append(len(cache.stored))
    print(f"\nsave of {added} methods: {save_s * 1000:.1f} ms; entries after each kill: {outcomes}")


def test_the_app_keeps_its_methods_code_and_a_second_launch_compiles_none(tmp_path: Path) -> None:
    from espm_desktop.app.database import create_demo_database

    db = tmp_path / "demo.sqlite"
    create_demo_database(db)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ESPM_DESKTOP_CONFIG": str(tmp_path / "settings.ini"),
        "ESPM_DESKTOP_LOG_DIR": str(tmp_path / "log"),
        "ESPM_DESKTOP_CACHE_DIR": str(tmp_path / "cache"),
    }
    launch = [sys.executable, "-m", "espm_desktop", "--db", str(db), "--page", "score", "--quit-after-start"]
    subprocess.run(launch, env=env, cwd=REPO, check=True, capture_output=True, timeout=120)
    path = cache_file(tmp_path / "cache")
    first = MethodCodeCache(path).load()
    # The Score page's first screen makes dozens of dataclasses, each with four to six methods.
    assert first.rejected == "" and len(first.stored) > 150
    written = path.stat().st_mtime_ns
    subprocess.run(launch, env=env, cwd=REPO, check=True, capture_output=True, timeout=120)
    assert path.stat().st_mtime_ns == written  # nothing new to keep: the file is not written again
