from __future__ import annotations

import pytest

from espm_desktop.core import energy

REQUIRED_TYPES = [
    "electricity_grid",
    "natural_gas",
    "propane",
    "fuel_oil_1",
    "fuel_oil_2",
    "fuel_oil_4",
    "fuel_oil_5_6",
    "diesel",
    "kerosene",
    "district_steam",
    "district_hot_water",
    "district_chilled_water",
    "coal_anthracite",
    "coal_bituminous",
    "coke",
    "wood",
    "other",
]


def test_all_required_types_with_energy_units() -> None:
    ids = [t.energy_type for t in energy.energy_types()]
    assert ids == REQUIRED_TYPES
    for et in ids:
        units = {u.unit for u in energy.units_for(et)}
        assert {"GJ", "kWh", "MWh", "kBtu", "MBtu", "therms"} <= units


def test_seed_002_factors() -> None:
    assert energy.site_gj("electricity_grid", "kWh", 168_000) == pytest.approx(604.8)
    assert energy.site_gj("natural_gas", "m3", 9_600) == pytest.approx(368.928)
    assert energy.source_factor("electricity_grid") == 1.83
    assert energy.source_factor("natural_gas") == 1.06
    assert energy.source_gj("natural_gas", "m3", 9_600) == pytest.approx(391.06368)


def test_gj_kbtu() -> None:
    assert energy.site_gj("propane", "kBtu", 947.817) == pytest.approx(1.0)
    assert energy.site_gj("diesel", "MBtu", 0.947817) == pytest.approx(1.0)


def test_espm_labels_from_real_spreadsheets() -> None:
    assert energy.unit_from_espm_label("cm (cubic meters)") == ("natural_gas", "m3")
    assert energy.unit_from_espm_label("kWh (thousand Watt-hours)") == (None, "kWh")
    assert energy.unit_from_espm_label("kBtu (thousand Btu)", "natural_gas") == ("natural_gas", "kBtu")
    assert energy.unit_from_espm_label("Liters", "fuel_oil_2") == ("fuel_oil_2", "L")
    assert energy.unit_from_espm_label("Gallons (US)")[1] == "gal_us"
    assert energy.energy_type_from_espm_label("Electric - Grid") == "electricity_grid"
    assert energy.energy_type_from_espm_label("Electricity - Grid Purchase") == "electricity_grid"
    assert energy.energy_type_from_espm_label("Fuel Oil No 2") == "fuel_oil_2"
    assert energy.energy_type_from_espm_label("Fuel Oil (No. 2)") == "fuel_oil_2"


def test_unknown_unit_names_unit_and_type() -> None:
    with pytest.raises(energy.UnknownUnitError) as err:
        energy.site_gj("electricity_grid", "m3", 1.0)
    assert "m3" in err.value.message_en and "electricity_grid" in err.value.message_en
    assert "m3" in err.value.message_fr and "electricity_grid" in err.value.message_fr
    with pytest.raises(energy.UnknownUnitError):
        energy.unit_from_espm_label("furlongs", "natural_gas")
    with pytest.raises(energy.UnknownUnitError):
        energy.unit_from_espm_label("Liters", "electricity_grid")
    with pytest.raises(energy.UnknownUnitError):
        energy.energy_type("plutonium")
