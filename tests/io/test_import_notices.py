"""What an import tells besides its counts: hidden sheets left out, and an overlapping bill refused in the
words every entry point uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from espm_desktop.cli import main
from tests.samples import SAMPLES

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def summary(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    import json

    return json.loads(capsys.readouterr().out)


def test_hidden_sheets_are_named_in_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "n.sqlite"
    assert main(["import", "--db", str(db), str(HOSTILE / "hidden_and_very_hidden_sheets.xlsx")]) == 0
    notices = summary(capsys)["notices"]
    assert len(notices) == 1 and "2 hidden sheets were not imported" in notices[0]
    assert (
        main(["import", "--db", str(db), "--lang", "fr", str(HOSTILE / "hidden_and_very_hidden_sheets.xlsx")])
        == 0
    )
    assert "feuilles masquées" in summary(capsys)["notices"][0]


@pytest.mark.skipif(not (SAMPLES / "Add_Bills_to_Meters.xlsx").exists(), reason="ESPM samples not available")
def test_espm_upload_template_helper_sheets_make_one_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["import", "--db", str(tmp_path / "t.sqlite"), str(SAMPLES / "Add_Bills_to_Meters.xlsx")]) == 0
    )
    notices = summary(capsys)["notices"]
    assert len(notices) == 1 and "hidden sheets were not imported" in notices[0]


def test_a_one_day_bill_inside_another_is_refused_on_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "bills.csv"
    csv.write_text(
        "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units\n"
        "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-01-31,2023-01-31,5,cm (cubic meters)\n"
        "Tour A,Gaz,Natural Gas,2023-01-31,2023-02-28,120,cm (cubic meters)\n",
        encoding="utf-8",
    )
    assert main(["import", "--db", str(tmp_path / "o.sqlite"), str(csv)]) == 0
    result = summary(capsys)
    assert result["imported"] == 2 and result["invalid"] == 1
    (error,) = result["errors"]
    assert error["row"] == 3 and "one of them lies inside the other" in error["reason"]
