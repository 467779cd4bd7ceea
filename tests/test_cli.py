from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

SEED_EXAMPLE = {
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


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "espm_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_score_of_the_seed_example(tmp_path: Path) -> None:
    source = tmp_path / "bank.json"
    source.write_text(json.dumps(SEED_EXAMPLE), encoding="utf-8")
    done = run("score", "--json", str(source))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["score"] == 75 and result["eligible"] is True
    assert round(result["source_energy_gj"], 1) == 1497.8
    assert round(result["source_eui_gj_per_m2"], 3) == 1.152
    assert round(result["predicted_source_eui_gj_per_m2"], 3) == 1.420
    assert round(result["efficiency_ratio"], 3) == 0.811


def test_score_bad_input_names_the_key(tmp_path: Path) -> None:
    for broken, key in (
        ({k: v for k, v in SEED_EXAMPLE.items() if k != "hdd"}, "hdd"),
        ({**SEED_EXAMPLE, "gross_floor_area_m2": -3}, "gross_floor_area_m2"),
        ({**SEED_EXAMPLE, "energy": [{"type": "natural_gas", "quantity": 1, "unit": "barrels"}]}, "unit"),
    ):
        source = tmp_path / "broken.json"
        source.write_text(json.dumps(broken), encoding="utf-8")
        done = run("score", "--json", str(source))
        assert done.returncode != 0
        assert key in done.stderr and done.stdout == ""
    source.write_text("{not json", encoding="utf-8")
    done = run("score", "--json", str(source))
    assert done.returncode != 0 and "not valid JSON" in done.stderr


def test_invoice_pdf_reads_back(tmp_path: Path) -> None:
    source = tmp_path / "invoice.json"
    source.write_text(
        json.dumps(
            {
                "beneficiary": {
                    "name": "Fonderie Laurentide inc.",
                    "address": "500, boul. Industriel, Saint-Jérôme (Québec)",
                    "gst_number": "123456789RT0001",
                    "qst_number": "1234567890TQ0001",
                },
                "work_address": "500, boul. Industriel, Saint-Jérôme (Québec)",
                "energir_file_number": "SGE-2026-0042",
                "invoice_date": "2026-11-23",
                "phase": "diagnostic",
                "aid_amount": "12345.67",
                "invoice_number": "SGE-0001",
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "invoice.pdf"
    done = run("invoice", "--json", str(source), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in (
        "Fonderie Laurentide",
        "123456789RT0001",
        "SGE-2026-0042",
        "617,28",
        "1 231,48",
        "14 194,43",
    ):
        assert expected.replace(" ", "") in text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")


def test_invoice_bad_input_names_the_field(tmp_path: Path) -> None:
    source = tmp_path / "invoice.json"
    source.write_text(json.dumps({"beneficiary": {"name": "X"}, "phase": "diagnostic"}), encoding="utf-8")
    done = run("invoice", "--json", str(source), "--out", str(tmp_path / "x.pdf"))
    assert done.returncode != 0 and "error:" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
