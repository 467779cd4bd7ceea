from __future__ import annotations

from datetime import date

import pytest

from espm_desktop.core.data_exchange import (
    FIELD_LABELS,
    REVOKE_METHODS,
    STAGES,
    EnergirMeterSetup,
    SetupField,
    SetupTransitionError,
    advance_if_data_received,
    advance_status,
    all_steps,
    data_has_arrived,
    field_value,
    find_step,
    resume_point,
    resume_point_for,
    revert_status,
    validate_account_number,
    validate_initial_load,
    validate_invoice_number,
    validate_meter_name,
    validate_meter_number,
    validate_setup,
)
from espm_desktop.core.types import Bill, BillSource, DataExchangeStatus

S = DataExchangeStatus


def _setup(**kw: object) -> EnergirMeterSetup:
    base: dict[str, object] = dict(
        property_name="Bureau",
        meter_name="Gaz naturel 1",
        account_number="11111111111",
        invoice_number="333333333333",
        meter_number="2222222",
    )
    base.update(kw)
    return EnergirMeterSetup(**base)  # type: ignore[arg-type]


# --- The guide as data ---


def test_stages_in_order_and_cover_seed_steps_1_to_28_once() -> None:
    assert [s.id for s in STAGES] == ["bill", "espm_account", "connect", "meter", "share", "verify"]
    assert [s.number for s in STAGES] == [1, 2, 3, 4, 5, 6]
    seed_numbers = [n for step in all_steps() for n in step.seed_steps]
    assert seed_numbers == list(range(1, 29))
    by_stage = {s.id: [n for st in s.steps for n in st.seed_steps] for s in STAGES}
    assert by_stage["connect"] == list(range(1, 7))
    assert by_stage["meter"] == list(range(7, 18))
    assert by_stage["share"] == list(range(18, 29))


def test_step_ids_unique_and_texts_bilingual() -> None:
    ids = [step.id for step in all_steps()]
    assert len(ids) == len(set(ids))
    for step in all_steps():
        assert step.stage_id in {s.id for s in STAGES}
        for text in (step.title, step.instruction):
            assert text.fr.strip() and text.en.strip()
            assert text.fr != text.en


def test_french_instructions_follow_the_guide() -> None:
    assert "Ajouter de nouveaux contacts / connexions" in find_step("s02").step.instruction.fr
    assert "J'accepte les conditions d'utilisation de mon fournisseur" in find_step("s05").step.instruction.fr
    assert "cm (mètres cubes)" in find_step("s15").step.instruction.fr
    assert "Échange de données" in find_step("s23").step.instruction.fr
    assert "Accès complet" in find_step("s24").step.instruction.fr
    assert "Maximum 24 mois" in find_step("s26").step.instruction.fr
    assert "Appliquer les sélections et autoriser l'échange" in find_step("s28").step.instruction.fr
    assert "Accepté" in find_step("verify.gateway").step.instruction.fr


def test_steps_carry_the_fields_to_type() -> None:
    assert find_step("s25").step.fields == (
        SetupField.ACCOUNT_NUMBER,
        SetupField.INVOICE_NUMBER,
        SetupField.METER_NUMBER,
    )
    assert find_step("s26").step.fields == (SetupField.INITIAL_LOAD_MONTHS,)
    assert find_step("s27").step.fields == (SetupField.SHARE_DOWNSTREAM,)
    assert find_step("s14").step.fields == (SetupField.METER_NAME,)
    assert find_step("s15").step.fields == (SetupField.UNIT,)
    assert find_step("s16").step.fields == (SetupField.ACTIVE_DATE,)
    used = {f for step in all_steps() for f in step.fields}
    assert used == set(SetupField) == set(FIELD_LABELS)


def test_field_values_for_a_meter() -> None:
    setup = _setup(active_date=date(2023, 4, 1), share_downstream=True, initial_load_months=12)
    assert field_value(setup, SetupField.ACCOUNT_NUMBER, "fr") == "11111111111"
    assert field_value(setup, SetupField.UNIT, "fr") == "cm (mètres cubes)"
    assert field_value(setup, SetupField.UNIT, "en") == "cm (cubic meters)"
    assert field_value(setup, SetupField.ACTIVE_DATE, "en") == "2023-04-01"
    assert field_value(setup, SetupField.SHARE_DOWNSTREAM, "fr") == "Oui"
    assert field_value(_setup(), SetupField.SHARE_DOWNSTREAM, "en") == "No"
    assert field_value(setup, SetupField.INITIAL_LOAD_MONTHS, "en") == "12"
    assert field_value(setup, SetupField.METER_TYPE, "fr") == "Gaz naturel"


def test_four_revoke_methods() -> None:
    assert [m.number for m in REVOKE_METHODS] == [1, 2, 3, 4]
    assert "Aucun accès" in REVOKE_METHODS[3].action.fr


# --- Validators ---


@pytest.mark.parametrize(
    ("check", "good", "too_short", "too_long"),
    [
        (validate_account_number, "1234567890", "123456789", "123456789012"),
        (validate_invoice_number, "123456789012", "12345678901", "1234567890123"),
        (validate_meter_number, "1234567", "123456", "1234567890123456789"),
    ],
)
def test_number_lengths(check, good: str, too_short: str, too_long: str) -> None:  # type: ignore[no-untyped-def]
    ok = check(good)
    assert ok.ok and ok.value == good and ok.notice is None
    for bad in (too_short, too_long):
        result = check(bad)
        assert not result.ok
        assert bad in result.error.fr and bad in result.error.en
        assert str(len(bad)) in result.error.en


def test_spaces_pasted_from_a_bill_are_removed_with_a_notice() -> None:
    result = validate_account_number("1234 567 8901")
    assert result.ok
    assert result.value == "12345678901"
    assert result.notice is not None
    assert "12345678901" in result.notice.fr and "espace" in result.notice.fr
    assert "spaces were removed" in result.notice.en
    nbsp = validate_meter_number("\u00a0222\u00a02222\t")
    assert nbsp.value == "2222222" and nbsp.ok
    assert validate_meter_number(" 2222222 ").notice is None


def test_error_names_field_rule_and_value() -> None:
    result = validate_invoice_number("3333 3333 333")
    assert result.value == "33333333333"
    assert "Numéro de facture" in result.error.fr and "12 caractères" in result.error.fr
    assert "Invoice number" in result.error.en and "12 characters" in result.error.en
    assert "33333333333" in result.error.en
    assert result.notice is not None  # the spaces were still removed
    missing = validate_account_number("   ")
    assert not missing.ok and missing.value is None
    assert "10 to 11 characters" in missing.error.en


@pytest.mark.parametrize("typed", ["0", "24", " 12 ", 7])
def test_initial_load_accepts_whole_months_0_to_24(typed: str | int) -> None:
    result = validate_initial_load(typed)
    assert result.ok and result.value == int(str(typed).strip())


@pytest.mark.parametrize("typed", ["25", "-1", "12.5", "douze", "", 30])
def test_initial_load_rejects(typed: str | int) -> None:
    result = validate_initial_load(typed)
    assert not result.ok
    assert "0" in result.error.en and "24" in result.error.en
    assert f"“{str(typed).strip()}”" in result.error.en


def test_meter_name_and_whole_setup() -> None:
    assert not validate_meter_name("  ").ok
    checks = validate_setup(_setup(invoice_number="123"))
    bad = [c.field for c in checks if not c.ok]
    assert bad == [SetupField.INVOICE_NUMBER]


# --- Status machine ---


def test_advance_dates_each_status_and_fills_skipped() -> None:
    setup = _setup()
    s1 = advance_status(setup, S.CONNECTION_REQUESTED, date(2023, 4, 1))
    assert s1.status == S.CONNECTION_REQUESTED
    assert s1.status_dates == {"connection_requested": date(2023, 4, 1)}
    s2 = advance_status(s1, S.METER_SHARED, date(2023, 4, 5))
    assert s2.date_of(S.CONNECTION_ACCEPTED) == date(2023, 4, 5)
    assert s2.date_of(S.METER_SHARED) == date(2023, 4, 5)
    assert s2.date_of(S.CONNECTION_REQUESTED) == date(2023, 4, 1)
    assert setup.status == S.NOT_STARTED and setup.status_dates == {}  # frozen: originals untouched


def test_advance_refuses_going_back_or_earlier_dates() -> None:
    s1 = advance_status(_setup(), S.METER_SHARED, date(2023, 4, 5))
    with pytest.raises(SetupTransitionError) as back:
        advance_status(s1, S.CONNECTION_ACCEPTED, date(2023, 4, 6))
    assert "Gaz naturel 1" in back.value.message.fr
    with pytest.raises(SetupTransitionError) as early:
        advance_status(s1, S.SHARE_ACCEPTED, date(2023, 4, 1))
    assert "2023-04-01" in early.value.message.en and "2023-04-05" in early.value.message.en


def test_revert_forgets_later_dates() -> None:
    s = advance_status(_setup(), S.SHARE_ACCEPTED, date(2023, 4, 5))
    back = revert_status(s, S.CONNECTION_ACCEPTED)
    assert back.status == S.CONNECTION_ACCEPTED
    assert set(back.status_dates) == {"connection_requested", "connection_accepted"}


# --- Resume point ---


def test_resume_point_per_status() -> None:
    start = resume_point(S.NOT_STARTED)
    assert start is not None and (start.stage.id, start.step.id) == ("bill", "bill.latest")
    after_request = resume_point(S.CONNECTION_REQUESTED)
    assert after_request is not None and after_request.step.id == "bill.numbers"
    numbers_done = resume_point(S.CONNECTION_REQUESTED, {"bill.numbers"})
    assert numbers_done is not None and numbers_done.step.id == "s07"
    meter_done = {"bill.numbers"} | {f"s{n:02d}" for n in range(7, 18)}
    waiting = resume_point(S.CONNECTION_REQUESTED, meter_done)
    assert waiting is not None and waiting.step.id == "share.connection_accepted" and waiting.step.waits
    accepted = resume_point(S.CONNECTION_ACCEPTED, meter_done)
    assert accepted is not None and accepted.step.id == "s18"
    shared = resume_point(S.METER_SHARED)
    assert shared is not None and shared.step.id == "verify.share_accepted"
    share_ok = resume_point(S.SHARE_ACCEPTED)
    assert share_ok is not None and share_ok.step.id == "verify.data"
    assert resume_point(S.DATA_RECEIVED) is None


def test_resume_point_for_setup_counts_valid_numbers() -> None:
    setup = advance_status(_setup(), S.CONNECTION_REQUESTED, date(2023, 4, 1))
    point = resume_point_for(setup)
    assert point is not None and point.step.id == "s07"
    incomplete = resume_point_for(_setup(meter_number=""))
    assert incomplete is not None and incomplete.step.id == "bill.latest"


# --- Data arrival ---


def _bill(end: date, source: BillSource) -> Bill:
    return Bill(start=date(end.year, end.month, 1), end=end, usage=250.0, source=source)


def test_data_arrival_needs_a_shared_meter_and_exchanged_bills() -> None:
    shared = advance_status(_setup(), S.METER_SHARED, date(2023, 4, 19))
    manual_after = [_bill(date(2023, 5, 31), BillSource.MANUAL)]
    import_before = [_bill(date(2023, 3, 31), BillSource.IMPORT)]
    import_after = [_bill(date(2023, 5, 31), BillSource.IMPORT)]
    history = [_bill(date(2021, 5, 16), BillSource.DATA_EXCHANGE)]  # initial load, dated before the share
    assert not data_has_arrived(_setup(), history)
    assert not data_has_arrived(shared, manual_after)
    assert not data_has_arrived(shared, import_before)
    assert data_has_arrived(shared, import_after)
    assert data_has_arrived(shared, history)


def test_advance_if_data_received() -> None:
    requested = advance_status(_setup(), S.CONNECTION_REQUESTED, date(2023, 4, 1))
    bills = [_bill(date(2023, 5, 31), BillSource.DATA_EXCHANGE)]
    assert advance_if_data_received(requested, bills, date(2023, 6, 1)) is requested
    accepted = advance_status(requested, S.SHARE_ACCEPTED, date(2023, 4, 20))
    assert advance_if_data_received(accepted, [], date(2023, 6, 1)) is accepted
    done = advance_if_data_received(accepted, bills, date(2023, 6, 1))
    assert done.status == S.DATA_RECEIVED
    assert done.date_of(S.DATA_RECEIVED) == date(2023, 6, 1)
    assert done.date_of(S.SHARE_ACCEPTED) == date(2023, 4, 20)
