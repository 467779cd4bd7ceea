from __future__ import annotations

import codecs
import io
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from espm_desktop.io.json_input import (
    MAX_DEPTH,
    JsonInputError,
    decode_json_bytes,
    key_path,
    load_json,
    loads_bounded,
    read_json_bytes,
)


def refused(text: str, **kwargs: object) -> JsonInputError:
    with pytest.raises(JsonInputError) as info:
        loads_bounded(text, **kwargs)  # type: ignore[arg-type]
    return info.value


def test_plain_json_reads_as_json_does() -> None:
    text = '{"a": [1, -2.5, "x", true, null, {"b": {}}], "c": "\\ud83d\\ude00"}'
    assert loads_bounded(text) == json.loads(text)
    assert loads_bounded('{"m": 12.10}', parse_float=Decimal) == {"m": Decimal("12.10")}


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('{"a": {"b": [1, ' + "9" * 60 + "]}}", "a.b[1]", "60 characters"),
        ('{"a": ' + "1" * 5000 + "}", "a", "5000 characters"),
        ('{"a": 1e400}', "a", "too large"),
        ('{"a": [NaN]}', "a[0]", "NaN"),
        ('{"a": -Infinity}', "a", "-Infinity"),
        ('{"x": {"k": 1, "k": 2}}', "x.k", "more than once"),
        ('{"name": "\\ud800"}', "name", "surrogate"),
        ('{"\\udc00x": 1}', "\\udc00x", "surrogate"),
        ("{not json", "line 1, column 2", "not valid JSON"),
    ],
)
def test_refusals_name_the_key_or_position(text: str, where: str, words: str) -> None:
    err = refused(text)
    assert err.where == where
    assert words in err.message_en
    assert err.message_fr and where in err.message("fr")


def test_depth_is_bounded_without_recursion() -> None:
    assert loads_bounded("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    err = refused('{"a":\n' + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "}")
    assert err.where == f"line 2, column {MAX_DEPTH}"
    # Brackets inside strings (escaped quotes too) do not count.
    assert loads_bounded(json.dumps({"s": '\\"' + "[" * 1000})) == {"s": '\\"' + "[" * 1000}
    started = time.perf_counter()
    refused("[" * 2_000_000 + "]" * 2_000_000)
    assert time.perf_counter() - started < 5


def test_encodings() -> None:
    text = '{"ville": "Montréal"}'
    for encoded in (
        text.encode("utf-8"),
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("utf-16"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        text.encode("utf-32"),
        codecs.BOM_UTF32_BE + text.encode("utf-32-be"),
    ):
        assert json.loads(decode_json_bytes(encoded)) == {"ville": "Montréal"}
    with pytest.raises(JsonInputError, match="without a byte-order mark"):
        decode_json_bytes(text.encode("utf-16-le"))
    with pytest.raises(JsonInputError) as info:
        decode_json_bytes('{\n "ville": "Montréal"}'.encode("cp1252"))
    assert info.value.where == "line 2, column 17" and "UTF-8" in info.value.message_en
    with pytest.raises(JsonInputError, match="empty"):
        decode_json_bytes(b" \n")


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"0," * 600 + b"0]")
    with pytest.raises(JsonInputError, match="larger than"):
        read_json_bytes(big, max_bytes=1000)
    opened: list[object] = []
    monkeypatch.setattr(Path, "open", lambda *a, **k: opened.append(a))
    with pytest.raises(JsonInputError):
        read_json_bytes(big, max_bytes=1000)
    assert opened == []  # refused from its size alone


def test_stdin_is_read_with_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[" + b"1," * 1000 + b"1]")))
    with pytest.raises(JsonInputError, match="larger than"):
        load_json("-", max_bytes=500)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO('{"a": "é"}'.encode("utf-16"))))
    assert load_json("-") == {"a": "é"}


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(JsonInputError, match="cannot read"):
        load_json(tmp_path / "missing.json")
    with pytest.raises(JsonInputError, match="folder"):
        load_json(tmp_path)


def test_key_path() -> None:
    assert key_path(()) == "(root)"
    assert key_path(("energy", 3, "quantity")) == "energy[3].quantity"
    assert key_path(("a\nb",)) == "a\\nb"
