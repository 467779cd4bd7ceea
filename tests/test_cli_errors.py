"""The command line's failures: one line naming the file and key, a documented exit code, never a traceback."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from espm_desktop import cli

SCORE_REQUEST: dict[str, Any] = {
    "property_type": "bank_branch",
    "gross_floor_area_m2": 1300,
    "workers": 24,
    "weekly_hours": 55,
    "computers": 30,
    "percent_heated": 100,
    "percent_cooled": 100,
    "months_in_operation": 12,
    "hdd": 4766,
    "cdd": 113,
    "energy": [
        {"type": "electricity_grid", "quantity": 168000, "unit": "kWh"},
        {"type": "natural_gas", "quantity": 9600, "unit": "m3"},
    ],
}
INVOICE: dict[str, Any] = {
    "beneficiary": {
        "name": "Fonderie",
        "address": "1 rue A",
        "gst_number": "123456789 RT 0001",
        "qst_number": "1234567890 TQ 0001",
    },
    "work_address": "2 rue B",
    "energir_file_number": "F-1",
    "invoice_date": "2024-05-02",
    "phase": "implementation_other",
    "aid_amount": 50000.10,
    "invoice_number": "SGE-0007",
}


@pytest.fixture(autouse=True)
def _no_log_handler_left() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "espm_desktop_log", False)]:
        root.removeHandler(handler)
        handler.close()


def _refuse_constant(name: str) -> None:
    raise AssertionError(f"{name} in the output")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    return lines[0]


def write(tmp_path: Path, content: str | bytes, name: str = "in.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def score_text(**changes: Any) -> str:
    return json.dumps({**SCORE_REQUEST, **changes})


def test_score_output_is_strict_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "score", "--json", str(write(tmp_path, score_text())))
    assert code == 0, err
    assert json.loads(out, parse_constant=_refuse_constant)["score"] == 75


@pytest.mark.parametrize(
    ("content", "names"),
    [
        (score_text().replace("1300", "1" + "0" * 400), ["gross_floor_area_m2", "401 characters"]),
        (score_text().replace("1300", "7" * 5000), ["gross_floor_area_m2", "5000 characters"]),
        (score_text().replace("1300", "1e400"), ["gross_floor_area_m2", "too large"]),
        (score_text().replace("1300", "NaN"), ["gross_floor_area_m2", "NaN"]),
        (score_text(gross_floor_area_m2=5e-324), ["gross_floor_area_m2", "between 1 and 10,000,000"]),
        (score_text(gross_floor_area_m2=2e7), ["gross_floor_area_m2"]),
        (score_text(weekly_hours=169), ["weekly_hours", "168"]),
        (score_text(months_in_operation=13), ["months_in_operation"]),
        (score_text(hdd=1e6), ["hdd"]),
        (
            score_text(energy=[{"type": "electricity_grid", "quantity": 1e30, "unit": "kWh"}]),
            ["energy[0].quantity", "GJ"],
        ),
        (
            score_text(energy=[{"type": "electricity_grid", "quantity": 1, "unit": "kWh"}] * 101),
            ["energy", "at most 100"],
        ),
        (score_text(property_type="x" * 5000), ["property_type", "at most 100"]),
        (score_text(target_score="x" * 5000), ["target_score"]),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", ["line 1, column 38", "nested"]),
        ('{"hdd": 1, "hdd": 2}', ["hdd", "more than once"]),
        ('{"property_type": "\\ud800"}', ["property_type", "surrogate"]),
        ("{not json", ["line 1, column 2", "not valid JSON"]),
        ("", ["empty"]),
        ("[1, 2]", ["(root)", "object"]),
    ],
)
def test_score_refusals_are_one_line_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, names: list[str]
) -> None:
    source = write(tmp_path, content)
    code, out, err = run_cli(capsys, "score", "--json", str(source))
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert str(source) in line
    for name in names:
        assert name in line


def test_score_reads_utf16_and_utf32_with_a_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for encoding in ("utf-16", "utf-32", "utf-8-sig"):
        source = write(tmp_path, score_text().encode(encoding))
        code, out, err = run_cli(capsys, "score", "--json", str(source))
        assert code == 0, err
        assert json.loads(out, parse_constant=_refuse_constant)["score"] == 75


def test_score_refuses_other_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps({**SCORE_REQUEST, "property_type": "succursale é"}, ensure_ascii=False)
    source = write(tmp_path, text.encode("latin-1"))
    code, _, err = run_cli(capsys, "score", "--json", str(source))
    assert code == 2 and "UTF-8" in one_error_line(err)
    source = write(tmp_path, score_text().encode("utf-16-le"))
    code, _, err = run_cli(capsys, "score", "--json", str(source))
    assert code == 2 and "byte-order mark" in one_error_line(err)


def test_score_refuses_a_large_file_before_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = json.dumps({"type": "electricity_grid", "quantity": 1, "unit": "kWh"})
    source = write(tmp_path, '{"energy": [' + ",".join([item] * 250_000) + "]}")
    assert source.stat().st_size > 10 * 1024 * 1024
    code, _, err = run_cli(capsys, "score", "--json", str(source))
    assert code == 2 and "larger than 10 MB" in one_error_line(err)


def test_score_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(score_text().encode("utf-16"))))
    code, out, _ = run_cli(capsys, "score", "--json", "-")
    assert code == 0 and json.loads(out)["score"] == 75
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[" * 11 * 1024 * 1024)))
    code, _, err = run_cli(capsys, "score", "--json", "-")
    assert code == 2 and "stdin" in one_error_line(err) and "larger than" in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "score", "--json", str(tmp_path / "nope.json"))
    assert code == 2 and "nope.json" in one_error_line(err) and "cannot read" in err
    code, _, err = run_cli(capsys, "invoice", "--json", str(tmp_path), "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "folder" in one_error_line(err)


def invoice_text(**changes: Any) -> str:
    data = json.loads(json.dumps(INVOICE))
    for key, value in changes.items():
        if key.startswith("beneficiary_"):
            data["beneficiary"][key.removeprefix("beneficiary_")] = value
        else:
            data[key] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("content", "names"),
    [
        (invoice_text(aid_amount=1e28), ["aid_amount", "1,000,000,000"]),
        (invoice_text(aid_amount="1e28"), ["aid_amount"]),
        (invoice_text(aid_amount=1e9), ["aid_amount"]),
        (invoice_text(aid_amount="9" * 60), ["aid_amount", "50 characters"]),
        (invoice_text(aid_amount=-5), ["aid_amount", "positive"]),
        (invoice_text(aid_amount=10.005), ["aid_amount", "two decimals"]),
        (invoice_text().replace("50000.1", "1" * 5000), ["aid_amount", "5000 characters"]),
        (invoice_text(beneficiary_name="N" * 201), ["beneficiary.name", "at most 200"]),
        (invoice_text(beneficiary_name="N" * 100_000), ["beneficiary.name", "at most 2,000"]),
        (invoice_text(beneficiary_address="\n".join(["1 rue A"] * 7)), ["beneficiary.address", "lines"]),
        (invoice_text(work_address="a" * 201), ["work_address", "at most 200"]),
        (invoice_text(beneficiary_name="A\x1b[2JB"), ["beneficiary.name", "U+001B"]),
        (invoice_text(invoice_number="A\nB"), ["invoice_number", "line break"]),
        (invoice_text(energir_file_number="F-\u202e1"), ["energir_file_number", "U+202E"]),
        (invoice_text(beneficiary_name="\ud800"), ["beneficiary.name", "surrogate"]),
        (invoice_text(phase="p" * 10_000), ["phase"]),
        ('{"beneficiary": ' + "{" * 40 + "}" * 40 + "}", ["nested"]),
        ("{", ["line 1, column 2"]),
    ],
)
def test_invoice_refusals_are_one_line_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, names: list[str]
) -> None:
    source = write(tmp_path, content)
    out_pdf = tmp_path / "x.pdf"
    code, out, err = run_cli(capsys, "invoice", "--json", str(source), "--out", str(out_pdf))
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert str(source) in line and len(line) < 600
    for name in names:
        assert name in line
    assert not out_pdf.exists()


def test_invoice_long_text_and_missing_glyphs_are_shown_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_line = "W" * 200
    source = write(
        tmp_path,
        invoice_text(
            beneficiary_name="Caisse 中文 " + "Longword" * 23,
            beneficiary_address="\n".join([long_line] * 6),
            work_address=" ".join(["Boulevard"] * 20),
        ),
    )
    out_pdf = tmp_path / "x.pdf"
    code, out, err = run_cli(capsys, "invoice", "--json", str(source), "--out", str(out_pdf))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert any("beneficiary.name" in w and "U+4E2D" in w for w in warnings)
    assert any("beneficiary.address" in w and "shortened" in w for w in warnings)
    assert "written to" in out
    reader = PdfReader(out_pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Caisse" in text and "…" in text


def test_usage_errors_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "score")
    assert code == 2 and "--json" in err
    code, _, err = run_cli(capsys, "invoice", "--json", "x", "--out", "y", "--lang", "de")
    assert code == 2 and "invalid choice" in err
    code, _, err = run_cli(capsys, "no-such-command")
    assert code == 2
    for argv in (["--help"], ["score", "--help"], ["import", "--help"]):
        code, out, _ = run_cli(capsys, *argv)
        assert code == 0
        flat = " ".join(out.split())
        for documented in ("0 done", "1 --strict", "2 bad arguments", "3 a database", "4 internal", "130"):
            assert documented in flat


def test_interrupt_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from espm_desktop.core.score import json_io

    def interrupted(data: Any) -> dict[str, Any]:
        raise KeyboardInterrupt

    monkeypatch.setattr(json_io, "score_from_json_dict", interrupted)
    code, out, err = run_cli(capsys, "score", "--json", str(write(tmp_path, score_text())))
    assert code == 130 and out == ""
    assert "interrupted" in one_error_line(err)


def test_unexpected_error_in_process_is_logged(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    isolated_user_folders: Path,
) -> None:
    from espm_desktop.core.score import json_io

    def broken(data: Any) -> dict[str, Any]:
        raise RuntimeError("boom in the score")

    monkeypatch.setattr(json_io, "score_from_json_dict", broken)
    source = write(tmp_path, score_text())
    code, out, err = run_cli(capsys, "score", "--json", str(source))
    log_file = isolated_user_folders / "log" / "espm-desktop.log"
    assert code == 4 and out == ""
    line = one_error_line(err)
    assert "boom in the score" in line and str(source) in line and f"details in {log_file}" in line
    assert "RuntimeError: boom in the score" in log_file.read_text(encoding="utf-8")


def test_unexpected_error_in_a_child_process(tmp_path: Path, isolated_user_folders: Path) -> None:
    source = write(tmp_path, score_text())
    code = textwrap.dedent(
        f"""
        import sys
        from espm_desktop import cli
        from espm_desktop.core.score import json_io

        def broken(data):
            raise RuntimeError("internal failure for the test")

        json_io.score_from_json_dict = broken
        sys.exit(cli.main(["score", "--json", {str(source)!r}]))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    log_file = isolated_user_folders / "log" / "espm-desktop.log"
    assert done.returncode == 4
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: internal error in 'score'")
    assert f"details in {log_file}" in done.stderr
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "internal failure for the test" in logged


def test_messages_stay_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(
        tmp_path,
        score_text(energy=[{"type": "natural_gas", "quantity": 1, "unit": "bar\nrels\x1b[2J"}]),
    )
    code, _, err = run_cli(capsys, "score", "--json", str(source))
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err
    assert "energy[0].unit" in err
