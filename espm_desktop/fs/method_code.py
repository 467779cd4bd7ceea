"""The compiled code of the methods Python's dataclasses write, kept between launches like Python's own `.pyc`.

For each dataclass, the `dataclasses` module writes `__init__`, `__repr__`, `__eq__`, `__hash__` and, for a frozen
class, `__setattr__` and `__delattr__` as source text, and compiles each on every launch: about 280 compilations
(30–37 ms) before the Score page's first screen, most of what making its 46 dataclasses costs.

`install(folder)` keeps that compiled code in one file of the user's cache folder, keyed by the exact source text:
the same text gives the same code object as compiling it would, and a text not in the file (a new class, another
version of the app) is compiled as before and added. The file is written when the app exits, only if something
was added, through `atomic_write` (a temporary file renamed over the old one). It is read whole, only if it is at
most `MAX_BYTES`, written by this Python (`sys.version` in its header) and passes its checksum; otherwise, or if
it cannot be read, every method is compiled as before and the file is written anew.

What the file holds is code the app runs, like the `.pyc` files of an installation; it sits in the user's own
cache folder, so only the user (or what runs as the user) can change it.
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
import zlib
from pathlib import Path
from types import CodeType
from typing import Any

MAX_BYTES = 4 * 1024 * 1024
"""A larger file is not read (every dataclass of the app and its libraries: 1,171 methods, 1.4 MB)."""
MAX_ENTRIES = 3000
"""Beyond this many methods, the file is written again with only those of the current launch."""
_MAGIC = b"ESPM-DESKTOP-METHOD-CODE 1\n"


def cache_file(folder: Path) -> Path:
    """The file in `folder` for this Python (cpython-311, …): each Python version has its own."""
    return folder / f"method-code.{sys.implementation.cache_tag}.bin"


def _header() -> bytes:
    return _MAGIC + sys.version.encode("utf-8", "replace").replace(b"\n", b" ") + b"\n"


class MethodCodeCache:
    """Compiled method code by source text: read from `path`, added to on a miss, written back by `save`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[str, bytes] = {}
        """Each method's code as marshal writes it, by source text: a launch unpacks only those it uses."""
        self.used: set[str] = set()
        self.hits = 0
        self.added = 0
        self.rejected = ""
        """Why the file was not used ("" when it was, or did not exist)."""

    def load(self) -> MethodCodeCache:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                self.rejected = "too large"
                return self
            data = self.path.read_bytes()
        except FileNotFoundError:
            return self
        except OSError as exc:
            self.rejected = f"unreadable: {exc.strerror or exc}"
            return self
        self.stored = _decode(data) or {}
        if not self.stored and data:
            self.rejected = "not a method-code file of this Python, or damaged"
        return self

    def code(self, source: str) -> CodeType:
        """The code of `source` compiled as `exec` does with a string: from the file, or compiled now."""
        self.used.add(source)
        blob = self.stored.get(source)
        if blob is not None:
            try:
                code = marshal.loads(blob)
            except (EOFError, ValueError, TypeError):
                code = None
            if type(code) is CodeType:
                self.hits += 1
                return code
        # As `exec` in the dataclasses module compiles it: none of this module's __future__ imports.
        code = compile(source, "<string>", "exec", dont_inherit=True)
        self.stored[source] = marshal.dumps(code)
        self.added += 1
        return code

    def encoded(self) -> bytes:
        stored = self.stored
        if len(stored) > MAX_ENTRIES:
            stored = {s: c for s, c in stored.items() if s in self.used}
        payload = marshal.dumps(stored)
        return _header() + f"{zlib.crc32(payload):08x} {len(payload)}\n".encode() + payload

    def save(self) -> bool:
        """Write the file if a method was compiled in this launch; False when nothing was written."""
        if not self.added:
            return False
        from espm_desktop.fs.atomic_files import atomic_write

        data = self.encoded()
        if len(data) > MAX_BYTES:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(self.path) as fh:
                fh.write(data)
        except Exception:  # noqa: BLE001 (a cache, saved as the app exits: a launch that cannot keep it compiles as before)
            return False
        return True


def _decode(data: bytes) -> dict[str, bytes] | None:
    header = _header()
    if not data.startswith(header):
        return None
    rest = data[len(header) :]
    line, sep, payload = rest.partition(b"\n")
    try:
        crc_text, length_text = line.split(b" ")
        crc, length = int(crc_text, 16), int(length_text)
    except ValueError:
        return None
    if not sep or length != len(payload) or zlib.crc32(payload) != crc:
        return None
    try:
        stored: Any = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if type(stored) is not dict or not all(type(s) is str and type(c) is bytes for s, c in stored.items()):
        return None
    return stored


_installed: MethodCodeCache | None = None


def install(folder: Path) -> MethodCodeCache | None:
    """Compile the dataclasses' methods through the cache file in `folder` from now on (once per process).

    Returns the cache, or None when the dataclasses module already has an `exec` of its own (nothing is changed
    then). A Python whose dataclasses no longer call `exec` simply never asks the cache.
    """
    global _installed
    if _installed is not None:
        return _installed
    # dataclasses calls the built-in exec by name; a module attribute of that name is found first.
    if "exec" in vars(dataclasses):
        return None
    cache = MethodCodeCache(cache_file(folder)).load()

    def exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
        exec(cache.code(source) if type(source) is str else source, globals, locals)  # noqa: S102

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    atexit.register(cache.save)
    _installed = cache
    return cache
