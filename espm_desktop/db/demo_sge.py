"""Demo SGÉ participant: an industrial plant whose gas bills follow a known weather model with a step change.

Everything here is invented for the demo (company, numbers, temperatures); the station is marked synthetic so
that nobody takes its days for Environment Canada's. The bills are base load + slope × HDD(balance point),
±1.5 % noise, and fall by DEMO_SAVINGS_SHARE from the reporting start, so the savings tab must find the model
and about that share of avoided gas.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from espm_desktop.core.types import BillSource, PropertyType
from espm_desktop.db import models
from espm_desktop.db.models_sge import (
    SgeContact,
    SgeExpense,
    SgeIndicator,
    SgeInvoice,
    SgeMeasure,
    SgeOtherGrant,
    SgeParticipant,
    SgePhase,
    SgeSavingsAdjustment,
)

DEMO_PLANT_NAME = "Usine de démonstration SGÉ"
DEMO_COMPANY_NAME = "Produits industriels Démo inc."
DEMO_STATION_CLIMATE_ID = "DEMO-SGE"
DEMO_BASE_M3_PER_DAY = 4200.0
DEMO_SLOPE_M3_PER_HDD = 260.0
DEMO_BALANCE_POINT_C = 16.0
DEMO_SAVINGS_SHARE = 0.08  # use falls by 8 % once the measures are in place
DEMO_FIRST_READ = date(2023, 1, 5)
DEMO_BASELINE = (date(2024, 1, 5), date(2025, 1, 4))
DEMO_REPORTING_START = date(2025, 1, 5)
DEMO_LAST_READ = date(2026, 11, 4)


def _temperatures() -> dict[date, float]:
    """Montréal-like daily means: 6.5 °C average, ±15 °C over the year, ±3 °C from day to day."""
    rng = random.Random(2019)
    temps: dict[date, float] = {}
    day = date(2023, 1, 1)
    while day <= DEMO_LAST_READ:
        seasonal = 6.5 - 15.0 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)
        temps[day] = round(seasonal + rng.gauss(0, 3), 1)
        day += timedelta(days=1)
    return temps


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, day.day)


def demo_bills(temps: dict[date, float]) -> list[tuple[date, date, float]]:
    """Monthly reads on the 5th; the model's use, 8 % less from the reporting start, ±1.5 % noise."""
    rng = random.Random(50001)
    out = []
    read = DEMO_FIRST_READ
    while _next_month(read) <= DEMO_LAST_READ + timedelta(days=1):
        end = _next_month(read) - timedelta(days=1)
        use = sum(
            DEMO_BASE_M3_PER_DAY + DEMO_SLOPE_M3_PER_HDD * max(DEMO_BALANCE_POINT_C - temps[d], 0.0)
            for d in (read + timedelta(days=i) for i in range((end - read).days + 1))
        )
        factor = 1.0 - DEMO_SAVINGS_SHARE if read >= DEMO_REPORTING_START else 1.0
        out.append((read, end, float(round(use * factor * (1 + rng.gauss(0, 0.015))))))
        read = _next_month(read)
    return out


def populate_demo_sge(session: Session) -> None:
    temps = _temperatures()
    station = models.WeatherStation(
        climate_id=DEMO_STATION_CLIMATE_ID,
        name="Station de démonstration (températures synthétiques)",
        province="QC",
    )
    station.days = [
        models.WeatherDay(
            day=d, mean_temp_c=t, hdd=round(max(18.0 - t, 0.0), 1), cdd=round(max(t - 18.0, 0.0), 1)
        )
        for d, t in sorted(temps.items())
    ]
    plant = models.Property(
        name=DEMO_PLANT_NAME,
        street_address="2500, boulevard Industriel",
        city="Laval",
        province="QC",
        postal_code="H7L 4S3",
        property_type=PropertyType.INDUSTRIAL.value,
        gross_floor_area_m2=18500.0,
    )
    gas = models.Meter(
        name="Gaz naturel – entrée principale",
        energy_type="natural_gas",
        unit="m3",
        active_date=DEMO_FIRST_READ,
    )
    for start, end, usage in demo_bills(temps):
        gas.bills.append(
            models.BillRecord(start_date=start, end_date=end, usage=usage, source=BillSource.MANUAL.value)
        )
    plant.meters.append(gas)
    session.add_all([station, plant])
    session.flush()
    plant.weather_station_id = station.id

    participant = SgeParticipant(
        company_name=DEMO_COMPANY_NAME,
        company_address="2500, boulevard Industriel, Laval (Québec) H7L 4S3",
        site_address="2500, boulevard Industriel, Laval (Québec) H7L 4S3",
        energir_file_number="SGE-2023-0042",
        gst_number="123456789 RT0001",
        qst_number="1234567890 TQ0001",
        industrial=True,
        annual_gas_m3=2_550_000.0,
        property_id=plant.id,
        gas_meter_id=gas.id,
        exclusions={
            "fuel_switching": False,
            "rate_optimisation": False,
            "other_energir_program": False,
            "work_started_before_request": False,
            "non_compliant": False,
        },
        baseline_start=DEMO_BASELINE[0],
        baseline_end=DEMO_BASELINE[1],
        reporting_start=DEMO_REPORTING_START,
        notes="Participant fictif pour la démonstration.",
    )
    participant.contacts = [
        SgeContact(name="Marie Tremblay", role="Ingénieure procédés", email="m.tremblay@exemple.ca",
                   committee_member=True, committee_role="Gestionnaire Énergie", energy_manager=True),
        SgeContact(name="Luc Gagnon", role="Directeur d'usine", email="l.gagnon@exemple.ca",
                   committee_member=True, committee_role="Président du comité Énergie (haute direction)"),
        SgeContact(name="Sophie Roy", role="Technicienne en maintenance", committee_member=True,
                   committee_role="Suivi des mesures et des compteurs"),
        SgeContact(name="Jean Martin", role="Ingénieur-conseil (firme externe)", email="jmartin@conseil.example"),
    ]  # fmt: skip
    participant.phases = [
        SgePhase(phase="diagnostic", request_date=date(2023, 9, 1), acceptance_date=date(2023, 10, 2),
                 completion_date=date(2024, 3, 28), accepted_aid_amount=Decimal("16650.00"), status="done"),
        SgePhase(phase="implementation_metering", request_date=date(2024, 4, 8), acceptance_date=date(2024, 5, 6),
                 deliverables_accepted_date=DEMO_REPORTING_START, accepted_aid_amount=Decimal("56500.00"),
                 status="done"),
        SgePhase(phase="implementation_other", request_date=date(2025, 7, 2), acceptance_date=date(2025, 8, 4),
                 accepted_aid_amount=Decimal("43750.00"), status="in_progress"),
        SgePhase(phase="savings_follow_up", acceptance_date=DEMO_REPORTING_START, status="in_progress"),
    ]  # fmt: skip
    participant.expenses = [
        SgeExpense(phase="diagnostic", kind="consultant", description="Diagnostic – firme externe",
                   amount=Decimal("28000.00"), incurred_on=date(2024, 2, 15)),
        SgeExpense(phase="diagnostic", kind="internal_hours", description="Équipe interne",
                   hours=120.0, hourly_rate=Decimal("85.00"), incurred_on=date(2024, 3, 1)),
        SgeExpense(phase="implementation_metering", kind="equipment",
                   description="Débitmètres de gaz et logiciel SIGÉ", amount=Decimal("96000.00"), program_year=1),
        SgeExpense(phase="implementation_metering", kind="internal_hours", description="Mise en service",
                   hours=200.0, hourly_rate=Decimal("85.00"), program_year=1),
        SgeExpense(phase="implementation_other", kind="consultant", description="Accompagnement SGÉ",
                   amount=Decimal("40000.00"), program_year=1),
        SgeExpense(phase="implementation_other", kind="iso_50001", description="Certification ISO 50001",
                   amount=Decimal("22000.00"), program_year=2),
        SgeExpense(phase="implementation_other", kind="internal_hours", description="Comité Énergie",
                   hours=300.0, hourly_rate=Decimal("85.00"), program_year=1),
    ]  # fmt: skip
    participant.grants = [
        SgeOtherGrant(
            grantor="Fonds municipal vert (exemple)", phase="diagnostic", amount=Decimal("12000.00")
        ),
    ]
    participant.measures = [
        SgeMeasure(name="Consigne de vapeur réduite les fins de semaine", significant_use="Chaudières à vapeur",
                   status="done", planned_date=date(2024, 11, 1), done_date=date(2024, 11, 18),
                   expected_m3=90000.0),
        SgeMeasure(name="Récupération de chaleur des compresseurs d'air", significant_use="Chauffage des locaux",
                   status="done", planned_date=date(2024, 12, 1), done_date=date(2024, 12, 16),
                   expected_m3=110000.0),
        SgeMeasure(name="Réglage de la combustion (O2 trim)", significant_use="Chaudières à vapeur",
                   status="done", planned_date=date(2025, 9, 1), done_date=date(2025, 10, 10),
                   expected_m3=40000.0),
        SgeMeasure(name="Isolation des conduites de vapeur", significant_use="Chaudières à vapeur",
                   status="planned", planned_date=date(2027, 5, 31), expected_m3=45000.0),
    ]  # fmt: skip
    participant.indicators = [
        SgeIndicator(name="Gaz par tonne de vapeur", significant_use="Chaudières à vapeur", unit="m³/t",
                     baseline_value=82.0, objective_value=76.0, objective_year=2026,
                     values={"2025": 78.4, "2026": 76.9}),
        SgeIndicator(name="Gaz de chauffage par degré-jour", significant_use="Chauffage des locaux",
                     unit="m³/DJC", baseline_value=260.0, objective_value=235.0, objective_year=2026,
                     values={"2025": 241.0}),
    ]  # fmt: skip
    participant.adjustments = [
        SgeSavingsAdjustment(start_date=date(2026, 2, 5), end_date=date(2026, 2, 18), m3_per_day=-1500.0,
                             note="Arrêt de la ligne 2 pour réfection (production réduite)"),
    ]  # fmt: skip
    session.add(participant)
    session.flush()
    session.add(
        SgeInvoice(
            participant_id=participant.id,
            number="SGE-0001",
            invoice_date=date(2024, 4, 15),
            phase="diagnostic",
            aid_amount=Decimal("16650.00"),
            gst=Decimal("832.50"),
            qst=Decimal("1660.84"),
            total=Decimal("19143.34"),
            status="draft",
            language="fr",
        )
    )
