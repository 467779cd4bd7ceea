"""Random and mutated inputs for `score` and `invoice`: exit 0 or 2, never a traceback, valid output."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from espm_desktop import cli
from tests.core.test_score_json import request as score_request

# The valid invoice example, the refusal of NaN/Infinity in JSON output, and the log-handler cleanup of the
# error tests serve the fuzzing too.
from tests.test_cli_errors import INVOICE, _no_log_handler_left, _refuse_constant  # noqa: F401

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["kWh", "m3", "GJ", "natural_gas", "electricity_grid", "", "1 000,50", "1e28"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


@st.composite
def mutated(draw: st.DrawFn, example: dict[str, Any]) -> str:
    """JSON text of the example with a few values replaced or removed, keys added, or the text itself damaged."""
    data = json.loads(json.dumps(example))
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(json_values)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 9)) == 0 and text:  # damage the text: cut it or insert a character
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["", "[", "{", '"', "\\", "\x00", "NaN", "1e999", "é"]))
            + text[at:]
        )
    return text


def _encode(draw: st.DrawFn, text: str) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"]))
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


@st.composite
def score_inputs(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        text = json.dumps(draw(json_values))
    else:
        text = draw(mutated(score_request()))
    return _encode(draw, text)


@st.composite
def invoice_inputs(draw: st.DrawFn) -> bytes:
    example = dict(INVOICE)
    if draw(st.booleans()):  # long and unusual text where the PDF draws it
        field = draw(st.sampled_from(["name", "address"]))
        printable = st.characters(blacklist_categories=("Cc", "Cs"))
        text = draw(st.text(printable, min_size=1, max_size=200) | st.text(min_size=1, max_size=400))
        example["beneficiary"] = {**INVOICE["beneficiary"], field: text}
        example["aid_amount"] = str(
            draw(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e12"), places=2))
        )
    return _encode(draw, draw(mutated(example)))


def _check_failure_output(code: int, out: str, err: str) -> None:
    assert code in (0, 2), err
    assert "Traceback" not in out + err
    for line in err.splitlines():
        assert line.startswith(("error: ", "warning: ")), err
    if code == 2:
        assert out == "" and sum(line.startswith("error: ") for line in err.splitlines()) == 1


@FUZZ
@given(content=score_inputs())
def test_score_fuzz(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    source = tmp_path / "score.json"
    source.write_bytes(content)
    code = cli.main(["score", "--json", str(source)])
    out, err = capsys.readouterr()
    _check_failure_output(code, out, err)
    if code == 0:
        result = json.loads(out, parse_constant=_refuse_constant)
        assert isinstance(result, dict) and "score" in result


@settings(FUZZ, max_examples=100)
@given(content=invoice_inputs())
def test_invoice_fuzz(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    source = tmp_path / "invoice.json"
    source.write_bytes(content)
    pdf = tmp_path / "invoice.pdf"
    pdf.unlink(missing_ok=True)
    code = cli.main(["invoice", "--json", str(source), "--out", str(pdf)])
    out, err = capsys.readouterr()
    _check_failure_output(code, out, err)
    if code == 0:
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1
        assert "Total" in reader.pages[0].extract_text()
    else:
        assert not pdf.exists()
