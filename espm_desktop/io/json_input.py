"""JSON files from people and scripts, read with bounds: size, encoding, nesting depth and number length.

`load_json(path)` is the one door for the command line's JSON inputs. It checks the size before reading
(stdin is read with the same bound), decodes UTF-8 (with or without a BOM) and UTF-16/UTF-32 with a BOM,
refuses nesting deeper than `MAX_DEPTH` before the parser recurses, numbers longer than `MAX_NUMBER_CHARS`,
NaN/Infinity, numbers that overflow a float, duplicate keys and unpaired surrogates. Every refusal is a
`JsonInputError` naming the line and column, or the key (e.g. `energy[3].quantity`).
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from espm_desktop.core.i18n import Message, Shown, message

MAX_BYTES = 10 * 1024 * 1024
"""A score request or an invoice is a few kilobytes; 10 MB leaves room for long generated files."""
MAX_DEPTH = 32
"""Our inputs nest three levels; 32 is far from Python's recursion limit."""
MAX_NUMBER_CHARS = 50
"""A double has 17 significant digits; 50 characters also fits cents written with every digit."""

STDIN_NAME = "-"


class JsonInputError(Shown, ValueError):
    """A JSON input that is refused; `where` is 'line L, column C', a key such as 'energy[0].unit', or ''.

    `reason` says why, in no language yet (core.i18n); `message(language)` puts `where` before it."""

    _shown_attribute: ClassVar[str] = "reason"

    def __init__(self, where: str, reason: Message) -> None:
        self.where = where
        self.reason = reason
        english = reason.text("en")
        super().__init__(f"{where}: {english}" if where else english)

    def message(self, language: str = "en") -> str:
        text = self.text(language)
        return f"{self.where}: {text}" if self.where else text


# --- reading ------------------------------------------------------------------------------------------


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _too_big(limit: int) -> JsonInputError:
    return JsonInputError(
        "",
        message(
            "the file is larger than {size}; a JSON input is a few kilobytes. Check that it is the right file.",
            size=_megabytes(limit),
        ),
    )


def _read_bounded(stream: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(1024 * 1024, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise _too_big(limit)
    return b"".join(chunks)


def read_json_bytes(source: Path | str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The raw bytes of a file (or of stdin for '-'), refused before reading when larger than `max_bytes`."""
    if str(source) == STDIN_NAME:
        stdin = sys.stdin
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            return _read_bounded(buffer, max_bytes)
        text = stdin.read(max_bytes + 1)  # a text stream without bytes (tests, embedding)
        data = text.encode("utf-8", "surrogatepass")
        if len(text) > max_bytes or len(data) > max_bytes:
            raise _too_big(max_bytes)
        return data
    path = Path(source)
    try:
        if path.is_dir():
            raise JsonInputError("", message("this is a folder, not a JSON file."))
        size = os.stat(path).st_size
        if size > max_bytes:
            raise _too_big(max_bytes)
        with path.open("rb") as stream:  # devices and pipes report size 0: the read is bounded too
            return _read_bounded(stream, max_bytes)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise JsonInputError("", message("cannot read the file ({reason}).", reason=reason)) from None


# --- decoding -----------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode_json_bytes(data: bytes) -> str:
    """Text of a JSON file: UTF-8 with or without a BOM, UTF-16 or UTF-32 with a BOM; anything else refused."""
    if not data.strip():
        raise JsonInputError("", message("the file is empty."))
    found = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), None)
    if found is not None:
        encoding, body = found[1], data[len(found[0]) :]
    else:
        encoding, body = "utf-8", data
        # JSON text starts with an ASCII character, so a NUL in the first bytes means UTF-16/32 without BOM.
        if b"\x00" in data[:4]:
            raise JsonInputError(
                "",
                message(
                    "the file looks like UTF-16 or UTF-32 text without a byte-order mark. Save it as UTF-8."
                ),
            )
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        where = (
            _position(body, exc.start) if encoding == "utf-8" else f"byte {exc.start + len(data) - len(body)}"
        )
        bad = body[exc.start : exc.start + 1].hex().upper()
        raise JsonInputError(
            where,
            message(
                "the file is not valid {encoding} text (byte 0x{byte}); it may be in Windows-1252 or Latin-1. "
                "Save it as UTF-8.",
                encoding=encoding.upper(),
                byte=bad,
            ),
        ) from None


# --- parsing ------------------------------------------------------------------------------------------

# A JSON string (escapes included), or one bracket; the unrolled form keeps the regex linear.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_STRINGS = re.compile(_STRING, re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_TOKENS = re.compile(_STRING + r"|[\[\]{}]", re.DOTALL)
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse text whose arrays and objects nest deeper than `max_depth`, without recursing."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    if not brackets or max(accumulate(map(_STEP.__getitem__, brackets.encode("ascii")))) <= max_depth:
        return
    depth = 0
    for match in _TOKENS.finditer(text):  # only on refusal: find where the limit is passed
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise JsonInputError(_line_column(text, match.start()), _too_deep(max_depth))
        elif token in "]}":
            depth -= 1
    # Unbalanced quotes made the first count wrong; the parser refuses such text anyway.
    raise JsonInputError("", _too_deep(max_depth))


def _too_deep(max_depth: int) -> Message:
    return message("arrays and objects are nested more than {depth} levels deep.", depth=str(max_depth))


class _Refused:
    """Stands in the parsed data for a value the hooks refused, so the refusal can name its key."""

    __slots__ = ("reason",)

    def __init__(self, reason: Message) -> None:
        self.reason = reason


class _DuplicateKeys(dict[str, Any]):
    """An object in which `duplicate` appeared more than once."""

    duplicate: str = ""


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else f"{text[:limit]}…"


class _Hooks:
    """Parser hooks that record refusals instead of raising, so that the key can be found afterwards."""

    def __init__(self, parse_float: Callable[[str], Any], max_number_chars: int) -> None:
        self.parse_float = parse_float
        self.max_chars = max_number_chars
        self.refused = False

    def _too_long(self, literal: str) -> _Refused | None:
        if len(literal) <= self.max_chars:
            return None
        self.refused = True
        return _Refused(
            message(
                "the number {number} has {length} characters; at most {limit} are allowed.",
                number=_short(literal),
                length=str(len(literal)),
                limit=str(self.max_chars),
            )
        )

    def integer(self, literal: str) -> Any:
        return self._too_long(literal) or int(literal)

    def real(self, literal: str) -> Any:
        refused = self._too_long(literal)
        if refused is not None:
            return refused
        value = self.parse_float(literal)
        if isinstance(value, float) and not math.isfinite(value):
            self.refused = True
            return _Refused(message("the number {number} is too large.", number=_short(literal)))
        return value

    def constant(self, literal: str) -> Any:
        self.refused = True
        return _Refused(message("{literal} is not a number JSON allows; write a number.", literal=literal))

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        self.refused = True
        seen: set[str] = set()
        marked = _DuplicateKeys(obj)
        for key, _ in pairs:
            if key in seen:
                marked.duplicate = key
                break
            seen.add(key)
        return marked


def key_path(parts: tuple[str | int, ...]) -> str:
    """'energy[0].unit' for ('energy', 0, 'unit'); '(root)' for the whole document."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = _short(json.dumps(part)[1:-1], 60)  # escapes control characters and surrogates
            out += f".{name}" if out else name
    return out or "(root)"


def _walk(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value with its key path, in document order, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def _first_problem(data: Any) -> JsonInputError | None:
    for path, value in _walk(data):
        if isinstance(value, _Refused):
            return JsonInputError(key_path(path), value.reason)
        if isinstance(value, _DuplicateKeys) and value.duplicate:
            key = key_path((*path, value.duplicate))
            return JsonInputError(
                key, message("this key appears more than once in the same object; keep only one.")
            )
        if isinstance(value, str):
            bad_path = path if _SURROGATE.search(value) else None
        elif isinstance(value, dict):
            bad_path = next(((*path, k) for k in value if _SURROGATE.search(k)), None)
        else:
            bad_path = None
        if bad_path is not None:
            return JsonInputError(
                key_path(bad_path),
                message(
                    "the text contains an unpaired UTF-16 surrogate (\\ud800–\\udfff), which is not a character."
                ),
            )
    return None


def loads_bounded(
    text: str,
    *,
    parse_float: Callable[[str], Any] = float,
    max_depth: int = MAX_DEPTH,
    max_number_chars: int = MAX_NUMBER_CHARS,
) -> Any:
    """Parse JSON text with the bounds above; JsonInputError names the line and column or the key."""
    check_depth(text, max_depth)
    hooks = _Hooks(parse_float, max_number_chars)
    try:
        data = json.loads(
            text,
            parse_int=hooks.integer,
            parse_float=hooks.real,
            parse_constant=hooks.constant,
            object_pairs_hook=hooks.pairs,
        )
    except json.JSONDecodeError as exc:
        raise JsonInputError(
            f"line {exc.lineno}, column {exc.colno}", message("not valid JSON: {error}.", error=exc.msg)
        ) from None
    if hooks.refused or _MAYBE_SURROGATE.search(text):
        problem = _first_problem(data)
        if problem is not None:
            raise problem
    return data


def load_json(
    source: Path | str,
    *,
    parse_float: Callable[[str], Any] = float,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    max_number_chars: int = MAX_NUMBER_CHARS,
) -> Any:
    """Read, decode and parse a JSON file ('-' for stdin) within the bounds above."""
    text = decode_json_bytes(read_json_bytes(source, max_bytes=max_bytes))
    return loads_bounded(
        text, parse_float=parse_float, max_depth=max_depth, max_number_chars=max_number_chars
    )
