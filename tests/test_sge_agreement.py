"""One participant, one set of amounts: the aid statement, the page's aid panel, the Excel calculation file, the
annual report, the `sge statement` command and the invoice check's remaining amount all say the same thing.

Participants live in a real database: the demo plant (phase 5: 18 464,60 $ in year 1, nothing in year 2 without a
new measure) plus the cases where the page, the schedule and the documents used to disagree, and a large plant
on a synthetic meter whose savings reach the 175 000 $ cap and run past the four-year window.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from espm_desktop import cli_sge
from espm_desktop.core.savings import NonRoutineAdjustment
from espm_desktop.core.sge import records as sge_records
from espm_desktop.core.sge.aid import ExpenseLine
from espm_desktop.core.sge.participant_statement import participant_statement, statement_input
from espm_desktop.core.sge.rules import ExpenseKind, Phase
from espm_desktop.core.sge.stacking import OtherGrant
from espm_desktop.core.sge.statement import AidStatement, Part, StatementPhase, remaining
from espm_desktop.core.types import BillSource, PropertyType
from espm_desktop.db import models, sge_participants, sge_savings
from espm_desktop.db.demo import create_demo_database
from espm_desktop.db.engine import make_engine
from espm_desktop.reports.sge_workbook import AID, AID_STATEMENT_COLUMN, aid_total_row
from espm_desktop.ui.app import AppController
from espm_desktop.ui.pages.sge_page import SgePage
from tests.ui.conftest import open_window

MONEY = r"-?\$[\d,]+\.\d\d"


@dataclass(frozen=True)
class Expected:
    """The amounts the guide gives for a participant (None: not checked here)."""

    diagnostic: D
    metering: list[D]  # payments
    other: list[D]
    savings: list[D]  # per program year
    total: D


# --- building the participants ---------------------------------------------------------------------------------
def _participant(s: Session, name: str, **info: object) -> int:
    return sge_participants.save_participant(
        s, sge_records.ParticipantInfo(company_name=name, site_address="1, rue Test", **info)
    )  # type: ignore[arg-type]


def _expense(s: Session, pid: int, phase: Phase, amount: str, year: int) -> None:
    kind = ExpenseKind.EQUIPMENT if phase is Phase.IMPLEMENTATION_METERING else ExpenseKind.CONSULTANT
    sge_participants.save_expense(
        s,
        pid,
        sge_records.StoredExpense(ExpenseLine(phase, kind, f"{kind} {year}", D(amount)), program_year=year),
    )


def _grant(s: Session, pid: int, phase: Phase, amount: str) -> None:
    sge_participants.save_grant(
        s, pid, sge_records.StoredGrant(OtherGrant("Programme fédéral (exemple)", phase, D(amount)))
    )


def _big_plant(s: Session) -> int:
    """A gas meter of ~4,7 million m³ a year on a synthetic station, 5 % less from 2019-01-05: 6 program years."""
    station = models.WeatherStation(climate_id="TEST-SGE-BIG", name="Synthetic station (test)", province="QC")
    first, last = date(2018, 1, 1), date(2024, 12, 31)
    temps = {}
    day = first
    while day <= last:
        n = (day - first).days
        temps[day] = round(6.5 - 15.0 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)
                           + 3.0 * math.sin(n * 1.7), 1)  # fmt: skip
        day += timedelta(days=1)
    station.days = [models.WeatherDay(day=d, mean_temp_c=t, hdd=max(18.0 - t, 0.0), cdd=max(t - 18.0, 0.0))
                    for d, t in temps.items()]  # fmt: skip
    plant = models.Property(name="Grande usine (test)", street_address="9, rue X", city="Laval", province="QC",
                            postal_code="H7L 1A1", property_type=PropertyType.INDUSTRIAL.value,
                            gross_floor_area_m2=40000.0)  # fmt: skip
    meter = models.Meter(
        name="Gaz (test)", energy_type="natural_gas", unit="m3", active_date=date(2018, 1, 5)
    )
    read = date(2018, 1, 5)
    while True:
        nxt = date(read.year + read.month // 12, read.month % 12 + 1, 5)
        if nxt > date(2024, 12, 5):
            break
        days = [read + timedelta(days=i) for i in range((nxt - read).days)]
        use = sum(8000.0 + 500.0 * max(16.0 - temps[d], 0.0) for d in days)
        factor = 0.95 if read >= date(2019, 1, 5) else 1.0
        wobble = 1 + 0.004 * math.sin(read.toordinal())
        meter.bills.append(models.BillRecord(start_date=read, end_date=nxt - timedelta(days=1), usage=round(use * factor * wobble),
                                       source=BillSource.MANUAL.value))  # fmt: skip
        read = nxt
    plant.meters.append(meter)
    s.add_all([station, plant])
    s.flush()
    plant.weather_station_id = station.id
    s.flush()
    return int(meter.id)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    db = create_demo_database(tmp_path_factory.mktemp("agreement") / "sge.sqlite")
    engine = make_engine(db)
    ids: dict[str, int] = {}
    with Session(engine) as s, s.begin():
        ((ids["demo"], _),) = sge_participants.list_participants(s)
        ids["year1_145500"] = pid = _participant(s, "Cas 1 – 145 500 $ la première année")
        _expense(s, pid, Phase.IMPLEMENTATION_OTHER, "145500", 1)
        _expense(s, pid, Phase.IMPLEMENTATION_OTHER, "22000", 2)
        ids["stacked_other"] = pid = _participant(s, "Cas 2 – 100 000 $ et 60 000 $ d'autres aides")
        _expense(s, pid, Phase.IMPLEMENTATION_OTHER, "100000", 1)
        _grant(s, pid, Phase.IMPLEMENTATION_OTHER, "60000")
        ids["carry_over"] = pid = _participant(s, "Cas 3 – 120 000, 20 000, 20 000 $")
        for year, amount in enumerate(("120000", "20000", "20000"), start=1):
            _expense(s, pid, Phase.IMPLEMENTATION_OTHER, amount, year)
        ids["phase4_stacking"] = pid = _participant(s, "Cas 4 – cumul sur la phase 4")
        _expense(s, pid, Phase.IMPLEMENTATION_METERING, "100000", 1)
        _expense(s, pid, Phase.IMPLEMENTATION_OTHER, "100000", 1)
        _grant(s, pid, Phase.IMPLEMENTATION_OTHER, "60000")
        meter = _big_plant(s)
        periods = dict(gas_meter_id=meter, baseline_start=date(2018, 1, 5), baseline_end=date(2019, 1, 4),
                       reporting_start=date(2019, 1, 5))  # fmt: skip
        ids["window"] = pid = _participant(s, "Cas 5 – fenêtre de quatre ans", **periods)
        ids["cap"] = cap = _participant(s, "Cas 6 – plafond de 175 000 $", **periods)
        # Program years count from Énergir's acceptance of the first phase 4 deliverables (guide, phase 5).
        for who in (pid, cap):
            sge_participants.save_phase(s, who, sge_records.PhaseDates(Phase.IMPLEMENTATION_METERING,
                                                      deliverables_accepted_date=date(2019, 1, 5)))  # fmt: skip
        for year in range(6):  # a new measure in every program year
            done = date(2019 + year, 3, 1)
            for who in (pid, cap):
                sge_participants.save_measure(
                    s, who, sge_records.Measure(f"Mesure {year + 1}", "Chaudières", "done", done, done, 1.0)
                )
        # the cap participant's baseline grows by 3 000 m³/day (a non-routine adjustment): more gas avoided
        sge_participants.save_adjustment(s, cap, sge_records.StoredAdjustment(
            NonRoutineAdjustment(date(2019, 1, 5), date(2024, 12, 4), 3000.0, "Nouvelle ligne de production")))  # fmt: skip
    engine.dispose()
    return db, ids


EXPECTED: dict[str, Expected] = {
    # demo: diagnostic 19 100 $ cut to 16 650 $ by a 12 000 $ grant; metering 113 000 $ → 56 500 $;
    # other components 65 500 $ + 22 000 $ → 32 750 $ + 11 000 $. Phase 5: program years count from the first
    # phase 4 deliverables' acceptance (2025-01-05); year 1 (to 2026-01-04) avoided 184 646 m³ with a new measure
    # (2025-10-10) → 18 464,60 $; year 2 is not complete (bills end 2026-11-04) and is not claimed yet.
    "demo": Expected(
        D("16650.00"),
        [D("56500.00")],
        [D("32750.00"), D("11000.00")],
        [D("18464.60")],
        D("135364.60"),
    ),  # fmt: skip
    "year1_145500": Expected(D("0.00"), [], [D("50000.00"), D("25000.00")], [], D("75000.00")),
    "stacked_other": Expected(D("0.00"), [], [D("15000.00")], [], D("15000.00")),
    "carry_over": Expected(D("0.00"), [], [D("50000.00"), D("20000.00"), D("5000.00")], [], D("75000.00")),
    "phase4_stacking": Expected(D("0.00"), [D("45000.00")], [D("45000.00")], [], D("90000.00")),
}


def statement_of(
    db: Path, pid: int
) -> tuple[sge_records.ParticipantFile, sge_savings.SavingsAnalysis | None, AidStatement]:
    engine = make_engine(db)
    try:
        with Session(engine) as s:
            file = sge_participants.load_participant(s, pid)
            try:
                analysis = sge_savings.savings_analysis(s, pid)
            except Exception:
                analysis = None
    finally:
        engine.dispose()
    return file, analysis, participant_statement(file, analysis)


def money(text: str) -> D:
    return D(text.replace("$", "").replace(",", ""))


def normalized(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def savings_amounts(text: str) -> dict[int, D]:
    """Each program year's phase-5 aid as a text (page, report) writes it."""
    found = re.findall(
        rf"Year (\d+): (?:the lesser of [\d,]+ m³ × \$0\.10/m³ = {MONEY} and what is left of the {MONEY} cap "
        rf"\({MONEY}\): ({MONEY})|(no aid))",
        normalized(text),
    )
    return {int(year): money(amount) if amount else D("0.00") for year, amount, _none in found}


def savings_total(text: str) -> D:
    match = re.search(rf"Sum of the yearly payments \(.*?\), at most {MONEY} over at most 4 years: ({MONEY})",
                      normalized(text))  # fmt: skip
    assert match, "no savings follow-up total"
    return money(match.group(1))


# --- the statement itself ---------------------------------------------------------------------------------------
def test_the_statement_gives_the_guides_amounts(database: tuple[Path, dict[str, int]]) -> None:
    db, ids = database
    for key, want in EXPECTED.items():
        _, _, s = statement_of(db, ids[key])
        i = s.implementation
        assert s.diagnostic.aid.amount == want.diagnostic, key
        assert [p.aid.amount for p in i.metering.payments] == want.metering, key
        assert [p.aid.amount for p in i.other_components.payments] == want.other, key
        assert [y.aid.amount for y in s.savings_follow_up.years] == want.savings, key
        assert s.total.amount == want.total, key
    _, window_analysis, window = statement_of(db, ids["window"])
    assert window_analysis is not None and len(window.savings_follow_up.years) == 6
    paid = [y.aid.amount for y in window.savings_follow_up.years]
    assert all(a > 0 for a in paid[:4]) and paid[4:] == [D("0.00"), D("0.00")]  # years 5 and 6: past 4 years
    _, _, cap = statement_of(db, ids["cap"])
    paid = [y.aid.amount for y in cap.savings_follow_up.years]
    assert paid[0] < D("175000") and sum(paid, D(0)) == D("175000.00") and paid[2:] == [D("0.00")] * 4
    assert cap.savings_follow_up.years[1].aid.limited_by_cap


# --- the page ---------------------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, database: tuple[Path, dict[str, int]]) -> Iterator[AppController]:
    yield from open_window(qtbot, database[0])


def page_text(controller: AppController, pid: int) -> str:
    controller.window.show_page("sge")
    page = controller.window.page("sge")
    assert isinstance(page, SgePage)
    page.tabs.setCurrentWidget(page.phases_tab)  # what a person reads: the tab shown
    page.participant_combo.setCurrentIndex(page.participant_combo.findData(pid))
    assert page.participant_id == pid
    return page.phases_tab.aid_view.toPlainText()


def test_the_page_shows_the_statement(window: AppController, database: tuple[Path, dict[str, int]]) -> None:
    db, ids = database
    for key, pid in ids.items():
        _, analysis, s = statement_of(db, pid)
        text = normalized(page_text(window, pid))
        grand = re.search(rf"Énergir aid computed from these figures: ({MONEY})", text)
        assert grand and money(grand.group(1)) == s.total.amount, key
        schedules = [money(m) for m in re.findall(rf"Total of the schedule: ({MONEY})", text)]
        shown = []
        if s.diagnostic.eligible_costs or s.diagnostic.other_grants:
            shown.append(s.diagnostic.aid.amount)
        shown += [part.aid.amount for part in s.implementation.parts if part.eligible_costs]
        assert schedules == shown, key
        phase4 = text.split("Phase 4 – EnMS development and implementation", 1)
        if s.implementation.eligible_costs:
            amount = re.search(
                rf"(?:reduced to ({MONEY}): all grants|other components {MONEY} = ({MONEY}))", phase4[1]
            )
            assert amount and money(amount.group(1) or amount.group(2)) == s.implementation.aid.amount, key
            for part in s.implementation.parts:
                for p in part.payments:
                    assert normalized(p.aid.explanation_en) in text, (key, part.part, p.year)
        if analysis is not None:
            assert savings_amounts(text) == {y.year: y.aid.amount for y in s.savings_follow_up.years}, key
            assert savings_total(text) == s.savings_follow_up.aid.amount, key
        if key in EXPECTED:
            assert money(grand.group(1)) == EXPECTED[key].total, key


# --- the documents, the command line and the invoice check ----------------------------------------------------
def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_sge.main(["sge", *args])
    out, err = capsys.readouterr()
    return code, out, err


def input_json(
    file: sge_records.ParticipantFile, analysis: sge_savings.SavingsAnalysis | None
) -> dict[str, object]:
    data = statement_input(file, analysis)
    return {
        "diagnostic": {"eligible_costs": str(data.diagnostic.eligible_costs), "other_grants": str(data.diagnostic.other_grants)},
        "implementation": {
            "metering": {"eligible_costs_by_year": [str(c) for c in data.implementation.metering.eligible_costs_by_year]},
            "other_components": {"eligible_costs_by_year": [str(c) for c in data.implementation.other_components.eligible_costs_by_year]},
            "other_grants": str(data.implementation.other_grants),
        },
        "savings_follow_up": {"years": [{"avoided_m3": str(y.avoided_m3), "new_measures": y.new_measures}
                                        for y in data.savings_follow_up.years]},
    }  # fmt: skip


def amounts_of(result: dict[str, object]) -> dict[str, object]:
    impl = result["implementation"]
    assert isinstance(impl, dict)
    saving = result["savings_follow_up"]
    assert isinstance(saving, dict)
    return {
        "diagnostic": D(result["diagnostic"]["aid"]),  # type: ignore[index]
        "implementation": D(impl["aid"]),
        "metering": (D(impl["metering"]["aid"]), [D(p["amount"]) for p in impl["metering"]["payments"]]),
        "other": (D(impl["other_components"]["aid"]), [D(p["amount"]) for p in impl["other_components"]["payments"]]),
        "savings": (D(saving["aid"]), [D(y["aid"]) for y in saving["years"]]),
        "total": D(result["total"]),  # type: ignore[arg-type]
    }  # fmt: skip


def statement_amounts(s: AidStatement) -> dict[str, object]:
    i = s.implementation
    return {
        "diagnostic": s.diagnostic.aid.amount,
        "implementation": i.aid.amount,
        "metering": (i.metering.aid.amount, [p.aid.amount for p in i.metering.payments]),
        "other": (i.other_components.aid.amount, [p.aid.amount for p in i.other_components.payments]),
        "savings": (s.savings_follow_up.aid.amount, [y.aid.amount for y in s.savings_follow_up.years]),
        "total": s.total.amount,
    }


def test_cli_and_invoice_check_agree(
    database: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = database
    for key, pid in ids.items():
        file, analysis, s = statement_of(db, pid)
        want = statement_amounts(s)
        code, out, err = cli(capsys, "statement", "--db", str(db), "--participant", str(pid))
        assert code == 0, err
        result = json.loads(out)
        assert amounts_of(result) == want, key
        assert re.fullmatch(r"\d+\.\d\d", result["total"])
        source = tmp_path / f"{key}.json"
        source.write_text(json.dumps(input_json(file, analysis)), encoding="utf-8")
        code, out, err = cli(capsys, "statement", "--json", str(source))
        assert code == 0, err
        assert amounts_of(json.loads(out)) == want, key
        # the invoice check: what may still be invoiced up to each year is what the statement pays up to it
        for part, pieces in ((Part.METERING, want["metering"]), (Part.OTHER_COMPONENTS, want["other"])):
            _aid, payments = pieces  # type: ignore[misc]
            for year in range(1, len(payments) + 1):
                assert remaining(s, StatementPhase.IMPLEMENTATION, part, year) == sum(payments[:year], D(0))
            assert remaining(s, "implementation", part, None) == _aid
        assert remaining(s, "diagnostic", None, 1) == s.diagnostic.aid.amount
        assert remaining(s, "savings_follow_up", None, None) == s.savings_follow_up.aid.amount
        if key in EXPECTED:
            assert remaining(s, "implementation", "other_components", None) == sum(EXPECTED[key].other, D(0))


@pytest.mark.parametrize("key", ["demo", "window", "cap"])
def test_workbook_and_report_agree(
    database: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    db, ids = database
    pid = ids[key]
    _, analysis, s = statement_of(db, pid)
    assert analysis is not None
    years = s.savings_follow_up
    # Excel calculation file: the app's amounts written beside the live formulas (tests/reports/
    # test_sge_workbook_recalc.py checks that LibreOffice's recalculation of the formulas gives the same cents)
    xlsx = tmp_path / "calcul.xlsx"
    code, _out, err = cli(capsys, "workbook", "--db", str(db), "--participant", str(pid), "--out", str(xlsx))
    assert code == 0, err
    sheet = load_workbook(xlsx)[AID]
    col = AID_STATEMENT_COLUMN
    in_file = {int(sheet[f"A{r}"].value): D(str(sheet[f"{col}{r}"].value)).quantize(D("0.01"))
               for r in range(2, len(years.years) + 2)}  # fmt: skip
    assert in_file == {y.year: y.aid.amount for y in years.years}
    assert D(str(sheet[f"{col}{aid_total_row(years)}"].value)).quantize(D("0.01")) == years.aid.amount
    # annual report (PDF text)
    pdf = tmp_path / "rapport.pdf"
    code, _out, err = cli(
        capsys, "report", "--db", str(db), "--participant", str(pid), "--out", str(pdf), "--lang", "en"
    )
    assert code == 0, err
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert savings_amounts(text) == {y.year: y.aid.amount for y in years.years}
    assert savings_total(text) == years.aid.amount
    if key == "demo":
        assert savings_amounts(text) == {1: D("18464.60")}


def test_cli_errors_and_exit_codes(
    database: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = database
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"implementation": {"metering": {"eligible_costs_by_year": [1, 2, -3]}}}), "utf-8"
    )
    code, _out, err = cli(capsys, "statement", "--json", str(bad))
    assert code == 2 and "implementation.metering.eligible_costs_by_year[2]: must be a number ≥ 0" in err
    bad.write_text("{", "utf-8")
    assert cli(capsys, "statement", "--json", str(bad))[0] == 2
    code, _out, err = cli(capsys, "report", "--db", str(tmp_path / "none.sqlite"), "--participant", "1",
                          "--out", str(tmp_path / "r.pdf"), "--lang", "en")  # fmt: skip
    assert code == 3 and "no database file" in err
    not_db = tmp_path / "not.sqlite"
    not_db.write_text("hello", "utf-8")
    assert (
        cli(capsys, "workbook", "--db", str(not_db), "--participant", "1", "--out", str(tmp_path / "x.xlsx"))[
            0
        ]
        == 3
    )
    code, _out, err = cli(
        capsys, "workbook", "--db", str(db), "--participant", "9999", "--out", str(tmp_path / "x.xlsx")
    )
    assert code == 2 and "9999" in err
    # a participant without a savings analysis has no calculation file to write
    code, _out, err = cli(capsys, "workbook", "--db", str(db), "--participant", str(ids["carry_over"]),
                          "--out", str(tmp_path / "x.xlsx"))  # fmt: skip
    assert code == 2 and "can't be computed" in err
    assert not (tmp_path / "x.xlsx").exists()
