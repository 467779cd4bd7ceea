"""The demo database: the two buildings of the source documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from espm_desktop.core.types import BillSource, DataExchangeStatus, PropertyType
from espm_desktop.db import models
from espm_desktop.db.demo_sge import populate_demo_sge
from espm_desktop.db.engine import make_engine, upgrade_database

# Seed 002, "Exemple de calcul", step 1: annual totals for the bank branch. Split into 12 calendar months of 2025
# with a plausible seasonal shape; the shares add up to the annual totals exactly.
BANK_ELECTRICITY_KWH_BY_MONTH = [
    15200,
    13800,
    13900,
    12600,
    12800,
    15100,
    17200,
    16900,
    13600,
    12400,
    12300,
    12200,
]
BANK_GAS_M3_BY_MONTH = [1750, 1550, 1250, 700, 350, 150, 100, 100, 250, 650, 1150, 1600]
assert sum(BANK_ELECTRICITY_KWH_BY_MONTH) == 168_000
assert sum(BANK_GAS_M3_BY_MONTH) == 9_600

# Seed 000, "Aperçu des données dans la passerelle": the 23 monthly readings (start, end, m³) Énergir sent.
BUREAU_GAS_READINGS: list[tuple[date, date, float]] = [
    (date(2021, 4, 16), date(2021, 5, 16), 251),
    (date(2021, 5, 17), date(2021, 6, 17), 200),
    (date(2021, 6, 18), date(2021, 7, 18), 246),
    (date(2021, 7, 19), date(2021, 8, 19), 271),
    (date(2021, 8, 20), date(2021, 9, 20), 279),
    (date(2021, 9, 21), date(2021, 10, 21), 299),
    (date(2021, 10, 22), date(2021, 11, 22), 294),
    (date(2021, 11, 23), date(2021, 12, 23), 268),
    (date(2021, 12, 24), date(2022, 1, 24), 259),
    (date(2022, 1, 25), date(2022, 2, 25), 289),
    (date(2022, 2, 26), date(2022, 3, 26), 288),
    (date(2022, 3, 27), date(2022, 4, 27), 205),
    (date(2022, 4, 28), date(2022, 5, 28), 248),
    (date(2022, 5, 29), date(2022, 6, 29), 294),
    (date(2022, 6, 30), date(2022, 7, 31), 269),
    (date(2022, 8, 1), date(2022, 9, 1), 261),
    (date(2022, 9, 2), date(2022, 10, 2), 230),
    (date(2022, 10, 3), date(2022, 11, 3), 296),
    (date(2022, 11, 4), date(2022, 12, 4), 260),
    (date(2022, 12, 5), date(2023, 1, 5), 230),
    (date(2023, 1, 6), date(2023, 2, 6), 293),
    (date(2023, 2, 7), date(2023, 3, 7), 231),
    (date(2023, 3, 8), date(2023, 4, 8), 273),
]

BANK_BRANCH_NAME = "Succursale bancaire (exemple RNCan)"
BUREAU_NAME = "Bureau"


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def populate_demo(session: Session) -> None:
    bank = models.Property(
        name=BANK_BRANCH_NAME,
        street_address="100, rue de l'Exemple",
        city="Sherbrooke",
        province="QC",
        postal_code="J1H 1P1",
        property_type=PropertyType.BANK_BRANCH.value,
        gross_floor_area_m2=1300.0,
        year_built=1988,
        workers=24,
        weekly_hours=55,
        computers=30,
        percent_heated=100,
        percent_cooled=100,
        months_in_operation=12,
    )
    electricity = models.Meter(
        name="Électricité", energy_type="electricity_grid", unit="kWh", active_date=date(2025, 1, 1)
    )
    gas = models.Meter(name="Gaz naturel", energy_type="natural_gas", unit="m3", active_date=date(2025, 1, 1))
    for month in range(1, 13):
        start, end = date(2025, month, 1), _month_end(2025, month)
        electricity.bills.append(
            models.BillRecord(
                start_date=start, end_date=end, usage=float(BANK_ELECTRICITY_KWH_BY_MONTH[month - 1])
            )
        )
        gas.bills.append(
            models.BillRecord(start_date=start, end_date=end, usage=float(BANK_GAS_M3_BY_MONTH[month - 1]))
        )
    bank.meters.extend([electricity, gas])
    # Seed 002's example gives the degree days ESPM supplied for this building's 12 months.
    session.add(
        models.PropertyDegreeDays(
            property=bank,
            period_end=date(2025, 12, 31),
            hdd=4766.0,
            cdd=113.0,
            note="RNCan, exemple de calcul (DJC 4 766, DJR 113)",
        )
    )

    bureau = models.Property(
        name=BUREAU_NAME,
        street_address="200, rue de la Démonstration",
        city="Montréal",
        province="QC",
        postal_code="H2X 1Y4",
        property_type=PropertyType.OFFICE.value,
        gross_floor_area_m2=850.0,
    )
    bureau_gas = models.Meter(
        name="Gaz naturel1",
        energy_type="natural_gas",
        unit="m3",
        active_date=date(2021, 4, 16),
        espm_meter_id="157127890",
        energir_account_number="111111111111",
        energir_invoice_number="333333333333",
        energir_meter_number="2222222",
        initial_load_months=24,
        share_downstream=False,
        data_exchange_status=DataExchangeStatus.DATA_RECEIVED.value,
    )
    for start, end, usage in BUREAU_GAS_READINGS:
        bureau_gas.bills.append(
            models.BillRecord(
                start_date=start, end_date=end, usage=usage, source=BillSource.DATA_EXCHANGE.value
            )
        )
    bureau.meters.append(bureau_gas)
    # Seed 000's gateway log shows the share accepted and the first data sent on 2023-04-19.
    accepted = "2023-04-19"
    session.add(
        models.MeterSetupProgress(
            meter=bureau_gas,
            status_dates={
                s.value: accepted for s in DataExchangeStatus if s is not DataExchangeStatus.NOT_STARTED
            },
            done_steps=[],
        )
    )
    session.add_all([bank, bureau])
    populate_demo_sge(session)  # the SGÉ program's industrial plant (db/demo_sge.py)


def create_demo_database(db_path: Path, overwrite: bool = True) -> Path:
    """Create (or re-create) the demo database file at db_path."""
    if overwrite:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    upgrade_database(db_path)
    engine = make_engine(db_path)
    try:
        with Session(engine) as session, session.begin():
            if session.query(models.Property).count() == 0:
                populate_demo(session)
    finally:
        engine.dispose()
    return db_path
