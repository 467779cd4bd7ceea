"""Make the stored database of every schema revision: tests/data/revisions/<revision>.sqlite.

A new migration adds its fixture: after writing migration R, add `fill_R` below (raw SQL rows for every table
R creates, and values for every column it adds) and register it in FILLERS, then run

    .venv/bin/python scripts/make_revision_fixtures.py

Existing fixtures are kept as they are: they are the record of what a database at that revision holds, and
tests/db/test_revision_fixtures.py upgrades each one and checks that every row survives. `--rebuild` remakes them
all (only needed if this script's rows change; the migration files of a released revision must not change).

Each fixture is made the way a user's file was: the schema of revision 0001 by its migration, its rows, then the
upgrade to 0002 and the rows of 0002, and so on up to R. Rows go in with raw sqlite3 SQL, never through today's
ORM, so a later model change cannot change what an old fixture holds. The content is fixed (no clock, no
randomness): running the script twice writes the same rows. Not always the same bytes: Alembic's batch rebuild
of a table (0002 rebuilds `property`) writes its CHECK constraints in the order of a set of objects, which
changes from run to run; one more reason to keep a stored fixture rather than remake it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from espm_desktop.db.engine import alembic_config, run_upgrade  # noqa: E402

FIXTURE_DIR = ROOT / "tests" / "data" / "revisions"
MAX_FIXTURE_BYTES = 200_000

# Names a path, a CSV or a SQL string would trip on: accents, a `#`, both kinds of quote.
PROPERTY_NAMES = (
    "Édifice Saint-Jérôme — Tour #3",
    'Caisse "Les Érables" de l\'Assomption',
    "Usine Bécancour (ligne n° 2)",
    "Immeuble Côte-des-Neiges; 50 % chauffé",
)


def _stamp(day: int, second: int = 0) -> str:
    """A fixed timestamp, written the way SQLAlchemy stores a DateTime on SQLite."""
    return f"2025-03-{day:02d} 09:{second // 60:02d}:{second % 60:02d}.{second * 1000:06d}"


def fill_0001(con: sqlite3.Connection) -> None:
    """Properties, meters of several energy types, bills with and without cost, an estimated one."""
    con.executemany(
        "INSERT INTO property (id, name, street_address, city, province, postal_code, espm_property_id,"
        " property_type, gross_floor_area_m2, year_built, workers, weekly_hours, computers, percent_heated,"
        " percent_cooled, months_in_operation, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, PROPERTY_NAMES[0], "1200, rue Labelle", "Saint-Jérôme", "QC", "J7Z 5M5", "7654321",
             "office", 4250.5, 1987, 180.0, 55.0, 190, 100.0, 85.0, 12, _stamp(1), _stamp(2)),
            (2, PROPERTY_NAMES[1], "48, boul. de l'Ange-Gardien", "L'Assomption", "QC", "J5W 1S1", None,
             "bank_branch", 1300.0, 1999, 24.0, 55.5, 30, 100.0, 100.0, 12, _stamp(1, 1), _stamp(1, 1)),
            (3, PROPERTY_NAMES[2], "5500, boul. Bécancour", "Bécancour", "QC", "G9H 2V4", "7654399",
             "industrial", 18500.0, 1974, 310.0, 120.0, 45, 60.0, 5.0, 12, _stamp(3), _stamp(4)),
            (4, PROPERTY_NAMES[3], "", "Montréal", "QC", "", None,
             "multifamily", 0.0, None, None, None, None, None, None, None, _stamp(5), _stamp(5)),
        ],
    )  # fmt: skip
    meters = [
        # id, property, name, energy type, unit, active, inactive, espm id, account, invoice, meter number,
        # initial load months, share downstream, data exchange status
        (1, 1, "Électricité — entrée #1", "electricity_grid", "kWh", "2020-01-01", None, "90000001",
         None, None, None, None, None, "not_started"),
        (2, 1, 'Gaz "chaufferie"', "natural_gas", "m3", "2020-01-01", None, "90000002",
         "1234 567 890", "987654321", "M-0042", 24, 1, "data_received"),
        (3, 2, "Électricité", "electricity_grid", "MWh", "2021-06-15", None, None,
         None, None, None, None, None, "not_started"),
        (4, 2, "Propane (réservoir)", "propane", "L", "2021-06-15", "2024-12-31", None,
         None, None, None, None, None, "not_started"),
        (5, 3, "Gaz naturel procédé", "natural_gas", "m3", "2019-01-01", None, "90000005",
         "2222 333 444", None, "M-7788", 12, 0, "share_accepted"),
        (6, 3, "Vapeur urbaine", "district_steam", "klb", "2019-01-01", None, None,
         None, None, None, None, None, "not_started"),
        (7, 4, "Mazout n° 2", "fuel_oil_2", "L", None, None, None,
         None, None, None, None, None, "not_started"),
    ]  # fmt: skip
    con.executemany(
        "INSERT INTO meter (id, property_id, name, energy_type, unit, active_date, inactive_date, espm_meter_id,"
        " energir_account_number, energir_invoice_number, energir_meter_number, initial_load_months,"
        " share_downstream, data_exchange_status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*m, _stamp(6, m[0]), _stamp(7, m[0])) for m in meters],
    )
    bills = []
    bill_id = 0
    sources = ("manual", "import", "data_exchange")
    for meter_id in range(1, 8):
        for month in range(1, 5):
            bill_id += 1
            start = f"2024-{month:02d}-01"
            end = f"2024-{month:02d}-{28 if month == 2 else 30}"
            usage = round(1000.0 * meter_id + 37.25 * month, 2)
            # Every third bill has no cost (NULL); the others have cents.
            cost = None if bill_id % 3 == 0 else round(usage * 0.0731 + meter_id, 2)
            estimated = 1 if (meter_id, month) in {(2, 3), (5, 4)} else 0
            bills.append(
                (bill_id, meter_id, start, end, usage, cost, estimated, sources[bill_id % 3],
                 _stamp(8, bill_id), _stamp(9, bill_id))
            )  # fmt: skip
    bills.append((bill_id + 1, 1, "2024-05-01", "2024-05-01", 0.0, 0.0, 0, "manual", _stamp(10), _stamp(10)))
    bills.append(
        (bill_id + 2, 6, "2024-05-01", "2024-06-15", 1e-9, 123456789.99, 1, "import", _stamp(11), _stamp(11))
    )
    con.executemany(
        "INSERT INTO bill (id, meter_id, start_date, end_date, usage, cost, estimated, source, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bills,
    )


def fill_0002(con: sqlite3.Connection) -> None:
    """Weather stations and days, a station for some properties, typed degree days, setup progress JSON."""
    con.executemany(
        "INSERT INTO weather_station (id, climate_id, name, province, latitude, longitude, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "7025251", "MONTRÉAL/PIERRE ELLIOTT TRUDEAU INT'L", "QUEBEC", 45.47, -73.74, _stamp(12)),
            (2, "7016294", "QUÉBEC/JEAN LESAGE INTL", "QUEBEC", None, None, _stamp(12, 1)),
        ],
    )
    days = []
    day_id = 0
    for station_id in (1, 2):
        for day in range(1, 11):
            day_id += 1
            mean = None if (station_id, day) == (2, 5) else round(-12.5 + day * 1.7 + station_id, 1)
            hdd = None if mean is None else round(max(0.0, 18.0 - mean), 1)
            cdd = None if mean is None else round(max(0.0, mean - 18.0), 1)
            flags = "M" if mean is None else ("E" if day == 7 else "")
            days.append((day_id, station_id, f"2024-01-{day:02d}", mean, hdd, cdd, flags))
    con.executemany(
        "INSERT INTO weather_day (id, station_id, day, mean_temp_c, hdd, cdd, flags) VALUES (?, ?, ?, ?, ?, ?, ?)",
        days,
    )
    con.executemany("UPDATE property SET weather_station_id = ? WHERE id = ?", [(1, 1), (1, 3), (2, 2)])
    con.executemany(
        "INSERT INTO property_degree_days (id, property_id, period_end, hdd, cdd, note, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 4, "2023-12-31", 4520.5, 210.0, "Saisi à la main — facture #12", _stamp(13)),
            (2, 4, "2024-12-31", 4388.0, 245.5, 'Source : "Degree Days.net"', _stamp(13, 1)),
            (3, 2, "2024-12-31", 0.0, 0.0, "", _stamp(13, 2)),
        ],
    )
    progress = [
        (2, {"connection_requested": "2024-02-01", "connection_accepted": "2024-02-03",
             "meter_shared": "2024-02-10", "share_accepted": "2024-02-12", "data_received": "2024-03-01"},
         ["create_account", "request_connection", "share_meter"]),
        (5, {"connection_requested": "2024-05-20", "share_accepted": "2024-06-02"}, ["create_account"]),
        (1, {}, []),
    ]  # fmt: skip
    con.executemany(
        "INSERT INTO meter_setup_progress (meter_id, status_dates, done_steps, updated_at) VALUES (?, ?, ?, ?)",
        [(m, json.dumps(s), json.dumps(d), _stamp(14, m)) for m, s, d in progress],
    )


def fill_0003(con: sqlite3.Connection) -> None:
    """Every SGÉ table: participants (one tied to a property and its gas meter), contacts, phases, expenses,
    other grants, measures, indicators, invoices with a credit note, savings adjustments, production."""
    exclusions = {"fuel_switching": False, "rate_optimisation": False, "work_started_before_request": True}
    con.executemany(
        "INSERT INTO sge_participant (id, company_name, company_address, site_address, energir_file_number,"
        " gst_number, qst_number, industrial, annual_gas_m3, property_id, gas_meter_id, exclusions,"
        " baseline_start, baseline_end, reporting_start, use_production, notes, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "Usine Bécancour inc.", "5500, boul. Bécancour, Bécancour (Québec)", "Même adresse",
             "SGE-2024-0007", "123456789 RT0001", "1234567890 TQ0001", 1, 2_550_000.0, 3, 5,
             json.dumps(exclusions), "2023-01-01", "2023-12-31", "2024-01-01", 1,
             'Note avec "guillemets" et #dièse', _stamp(15), _stamp(16)),
            (2, "Les Érables d'Assomption s.e.n.c.", "", "", "", "", "", 0, None, None, None,
             json.dumps({}), None, None, None, 0, "", _stamp(15, 1), _stamp(15, 1)),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO sge_contact (id, participant_id, name, role, email, phone, committee_member,"
        " committee_role, energy_manager) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                1,
                "Hélène Côté",
                "Directrice d'usine",
                "helene.cote@example.com",
                "819 555-0101",
                1,
                "Présidente",
                0,
            ),
            (2, 1, "Marc-André O'Neil", "Responsable énergie", "mao@example.com", "", 1, "Secrétaire", 1),
            (3, 2, "Zoë Tremblay", "", "", "+1 450 555-0199 #22", 0, "", 0),
        ],
    )
    con.executemany(
        "INSERT INTO sge_phase (id, participant_id, phase, request_date, acceptance_date, completion_date,"
        " deliverables_accepted_date, accepted_aid_amount, status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "diagnostic", "2024-01-10", "2024-01-25", "2024-03-28", "2024-04-10", 16650.0, "done", ""),
            (
                2,
                1,
                "implementation_metering",
                "2024-05-01",
                "2024-05-20",
                None,
                None,
                43750.5,
                "in_progress",
                "Compteurs de vapeur",
            ),
            (3, 1, "savings_follow_up", None, None, None, None, None, "planned", ""),
            (4, 2, "diagnostic", "2025-02-01", None, None, None, None, "planned", "En attente d'Énergir"),
        ],
    )
    con.executemany(
        "INSERT INTO sge_expense (id, participant_id, phase, kind, description, amount, hours, hourly_rate,"
        " incurred_on, program_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "diagnostic", "consultant", "Diagnostic – firme externe", 28000.0, None, None,
             "2024-02-15", None),
            (2, 1, "diagnostic", "internal_hours", "Heures de l'équipe « énergie »", None, 120.5, 85.25,
             "2024-03-01", None),
            (3, 1, "implementation_metering", "equipment", "Débitmètres #1 à #4", 51234.56, None, None,
             None, 2024),
            (4, 2, "diagnostic", "iso_50001", "", 0.0, 0.0, None, None, None),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO sge_other_grant (id, participant_id, grantor, phase, amount) VALUES (?, ?, ?, ?, ?)",
        [
            (1, 1, "Transition énergétique Québec", "implementation_metering", 10000.0),
            (2, 1, "Ville de Bécancour", "diagnostic", 2500.75),
        ],
    )
    con.executemany(
        "INSERT INTO sge_measure (id, participant_id, name, significant_use, status, planned_date, done_date,"
        " expected_m3, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                1,
                "Récupération de chaleur — purge",
                "Chaudières à vapeur",
                "done",
                "2024-11-01",
                "2024-11-18",
                120000.0,
                "",
            ),
            (
                2,
                1,
                'Isolation des conduites "ligne 2"',
                "Vapeur",
                "planned",
                "2027-05-31",
                None,
                None,
                "Budget 2027",
            ),
        ],
    )
    con.executemany(
        'INSERT INTO sge_indicator (id, participant_id, significant_use, name, unit, baseline_value,'
        ' objective_value, objective_year, "values", notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (1, 1, "Chaudières à vapeur", "Gaz par tonne de vapeur", "m³/t", 82.0, 76.0, 2026,
             json.dumps({"2024": 80.1, "2025": 78.4}), ""),
            (2, 1, "Séchoirs", "Gaz par tonne produite", "m³/t", None, None, None, json.dumps({}), "À définir"),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO sge_invoice (id, participant_id, number, invoice_date, phase, aid_amount, gst, qst, total,"
        " status, language, credit_for_id, sent_on, paid_on, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "SGE-0001", "2024-04-15", "diagnostic", 16650.0, 832.5, 1660.84, 19143.34, "paid", "fr",
             None, "2024-04-16", "2024-05-30", _stamp(17), _stamp(18)),
            (2, 1, "SGE-0002", "2024-06-01", "implementation_metering", 20000.0, 1000.0, 1995.0, 22995.0,
             "sent", "en", None, "2024-06-02", None, _stamp(17, 1), _stamp(17, 1)),
            (3, 1, "SGE-0003", "2024-06-10", "implementation_metering", -20000.0, -1000.0, -1995.0,
             -22995.0, "sent", "fr", 2, "2024-06-10", None, _stamp(17, 2), _stamp(17, 2)),
            (4, 1, "SGE-0004", "2024-07-01", "implementation_metering", 19000.0, 950.0, 1895.25, 21845.25,
             "draft", "fr", None, None, None, _stamp(17, 3), _stamp(17, 3)),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO sge_savings_adjustment (id, participant_id, start_date, end_date, m3_per_day, note)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "2024-07-15", "2024-08-02", -350.0, "Arrêt d'entretien annuel"),
            (2, 1, "2024-12-20", "2025-01-03", 125.5, ""),
        ],
    )
    con.executemany(
        "INSERT INTO sge_production (id, participant_id, start_date, end_date, quantity, unit)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "2024-01-01", "2024-01-31", 4120.0, "t"),
            (2, 1, "2024-02-01", "2024-02-29", 3987.5, "t"),
            (3, 1, "2024-03-01", "2024-03-31", 0.0, "tonnes métriques"),
        ],
    )


def fill_0004(con: sqlite3.Connection) -> None:
    """An archived participant with a sent invoice frozen as sent (its file changed since), a draft with a
    program year, and a sent invoice of participant 1 with its document (0004 froze the older ones itself)."""
    con.execute(
        "INSERT INTO sge_participant (id, company_name, company_address, site_address, energir_file_number,"
        " gst_number, qst_number, industrial, annual_gas_m3, property_id, gas_meter_id, exclusions,"
        " baseline_start, baseline_end, reporting_start, use_production, notes, archived_on, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (3, "Fonderie « L'Islet » ltée", "12, rue du Quai\nL'Islet (Québec) G0R 2C0", "Quai #4",
         "SGE-2023-0101", "987654321 RT 0002", "9876543210 TQ 0002", 1, 2_100_000.0, None, None,
         json.dumps({}), None, None, None, 0, "Fermée en 2025", "2025-06-30", _stamp(19), _stamp(19, 1)),
    )  # fmt: skip

    def frozen(
        number: str,
        day: str,
        name: str,
        gst: str,
        phase: str,
        year: int | None,
        aid: str,
        tax_gst: str,
        tax_qst: str,
        total: str,
    ) -> str:
        return json.dumps({
            "version": 1, "language": "fr", "invoice_number": number, "invoice_date": day,
            "beneficiary_name": name, "beneficiary_address": "12, rue du Quai\nL'Islet (Québec) G0R 2C0",
            "gst_number": gst, "qst_number": "9876543210 TQ 0002", "work_address": "Quai #4",
            "energir_file_number": "SGE-2023-0101", "grantor_name": "Énergir",
            "grantor_address": ["Énergir", "Service Marché du carbone et Efficacité énergétique",
                                "1717, rue du Havre", "Montréal (Québec) H2K 2X3"],
            "send_to_email": "efficaciteenergetique@energir.com", "phase": phase, "program_year": year,
            "description": "Aide financière relative au volet SGÉ – Phase 2 – Diagnostic", "aid_amount": aid,
            "gst_rate": "0.05", "qst_rate": "0.09975", "gst": tax_gst, "qst": tax_qst, "total": total,
            "corrects": None, "corrects_date": None,
        }, ensure_ascii=False)  # fmt: skip

    con.executemany(
        "INSERT INTO sge_invoice (id, participant_id, number, invoice_date, phase, aid_amount, gst, qst, total,"
        " status, language, credit_for_id, sent_on, paid_on, program_year, frozen, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            # Sent under the company's former name: the document keeps it.
            (5, 3, "SGE-0001", "2024-03-01", "diagnostic", 12500.0, 625.0, 1246.88, 14371.88, "paid", "fr",
             None, "2024-03-02", "2024-04-15", None,
             frozen("SGE-0001", "2024-03-01", "Fonderie L'Islet inc.", "987654321 RT 0002", "diagnostic", None,
                    "12500.00", "625.00", "1246.88", "14371.88"), _stamp(20), _stamp(20, 1)),
            (6, 1, "SGE-0005", "2025-02-03", "implementation_metering", 15000.0, 750.0, 1496.25, 17246.25,
             "draft", "fr", None, None, None, 2, None, _stamp(20, 2), _stamp(20, 2)),
        ],
    )  # fmt: skip


def fill_0005(con: sqlite3.Connection) -> None:
    """Acknowledged findings: a gap with its period, a finding without dates, two meters of two properties."""
    con.executemany(
        "INSERT INTO finding_acknowledgement (id, meter_id, code, period_start, period_end, acknowledged_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "gap", "2023-02-01", "2023-02-28", _stamp(21)),
            (2, 1, "estimated_run", "", "", _stamp(21, 1)),
            (3, 3, "spike", "2023-07-01", "2023-07-31", _stamp(21, 2)),
        ],
    )


# One filler per revision, in the order of the migrations. A revision without one stops the script.
def fill_0006(con: sqlite3.Connection) -> None:
    """0006 only changes an index: a meter whose bills share a start date and whose costs and flags vary, so that
    the index is read with every kind of value it holds."""
    con.execute(
        "INSERT INTO meter (id, property_id, name, energy_type, unit, data_exchange_status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (40, 1, "Compteur #40 « index »", "natural_gas", "m3", "not_started", _stamp(22), _stamp(22)),
    )
    con.executemany(
        "INSERT INTO bill (id, meter_id, start_date, end_date, usage, cost, estimated, source, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (900, 40, "2025-01-01", "2025-01-31", 1234.5, 99.99, 0, "manual", _stamp(22, 1), _stamp(22, 1)),
            (901, 40, "2025-02-01", "2025-02-14", 600.0, None, 1, "data_exchange", _stamp(22, 2), _stamp(22, 2)),
            (902, 40, "2025-02-01", "2025-02-28", 0.0, 0, 0, "import", _stamp(22, 3), _stamp(22, 3)),
        ],
    )  # fmt: skip


FILLERS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001": fill_0001,
    "0002": fill_0002,
    "0003": fill_0003,
    "0004": fill_0004,
    "0005": fill_0005,
    "0006": fill_0006,
}


def revisions() -> list[str]:
    """Every revision in the migrations folder, oldest first."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def build(revision: str, target: Path) -> None:
    """Write the fixture of `revision` to `target` (through a temporary file in the same folder)."""
    chain = revisions()
    missing = [r for r in chain[: chain.index(revision) + 1] if r not in FILLERS]
    if missing:
        raise SystemExit(f"No rows for revision(s) {', '.join(missing)}: write fill_<revision> in {__file__}")
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / f"{revision}.sqlite"
        for step in chain[: chain.index(revision) + 1]:
            run_upgrade(db, target=step)
            con = sqlite3.connect(db)
            try:
                con.execute("PRAGMA foreign_keys=ON")
                with con:
                    FILLERS[step](con)
                problems = con.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise SystemExit(f"Rows of {step} break references: {problems}")
            finally:
                con.close()
        con = sqlite3.connect(db, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            # Each table and index takes at least one page: 1 KiB pages keep the SGÉ revision's ~50 small.
            con.execute("PRAGMA page_size=1024")
            con.execute("VACUUM")
            (check,) = con.execute("PRAGMA integrity_check").fetchone()
            if check != "ok":
                raise SystemExit(f"{revision}: integrity_check says {check}")
        finally:
            con.close()
        size = db.stat().st_size
        if size > MAX_FIXTURE_BYTES:
            raise SystemExit(f"{revision}: {size} bytes, more than {MAX_FIXTURE_BYTES}: keep fixtures small")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name("." + target.name + ".partial")
        shutil.copyfile(db, partial)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="remake fixtures that already exist")
    parser.add_argument("--out", type=Path, default=FIXTURE_DIR, help=f"folder (default {FIXTURE_DIR})")
    args = parser.parse_args(argv)
    for revision in revisions():
        target = args.out / f"{revision}.sqlite"
        if target.exists() and not args.rebuild:
            print(f"{revision}: kept {target}")
            continue
        build(revision, target)
        print(f"{revision}: wrote {target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
