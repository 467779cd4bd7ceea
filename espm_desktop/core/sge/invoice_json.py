"""The JSON input of `espm-desktop invoice --json FILE`: a draft invoice read from a file, checked field by field."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from espm_desktop.core.i18n import message
from espm_desktop.core.sge.common import SgeInputError, to_decimal
from espm_desktop.core.sge.invoice_checks import check_text, require_text, shown_value, validate_invoice
from espm_desktop.core.sge.invoice_lifecycle import next_invoice_number
from espm_desktop.core.sge.invoice_model import MAX_AMOUNT_CHARS, MAX_TEXT_CHARS, Beneficiary, PaymentInvoice
from espm_desktop.core.sge.rules import Phase

_TOP_LEVEL_KEYS = {
    "beneficiary",
    "work_address",
    "energir_file_number",
    "invoice_number",
    "invoice_date",
    "phase",
    "aid_amount",
    "language",
}
_BENEFICIARY_KEYS = ("name", "address", "gst_number", "qst_number")


def _text(data: Mapping[str, object], key: str, field: str) -> str:
    if key not in data:
        raise SgeInputError(field, message("Field '{field}' is missing.", field=field))
    value = data[key]
    if not isinstance(value, str):
        raise SgeInputError(
            field, message("'{field}' must be a string (got {value}).", field=field, value=shown_value(value))
        )
    if len(value) > MAX_TEXT_CHARS:
        raise SgeInputError(
            field,
            message(
                "'{field}' has {length} characters; at most {most} are allowed.",
                field=field,
                length=len(value),
                most=MAX_TEXT_CHARS,
            ),
        )
    check_text(value, field)
    return require_text(value, field)


def parse_invoice_data(data: object, existing_numbers: Iterable[str] = ()) -> PaymentInvoice:
    """Build a draft invoice from the CLI's JSON object; no invoice number means the next in sequence."""
    if not isinstance(data, Mapping):
        raise SgeInputError("(root)", message("The JSON file must contain an object { ... }."))
    unknown = sorted(set(map(str, data)) - _TOP_LEVEL_KEYS)
    if unknown:
        key = unknown[0] if len(unknown[0]) <= 60 else f"{unknown[0][:59]}…"
        raise SgeInputError(
            key,
            message(
                "Unknown field {name}: allowed fields are {allowed}.",
                name=shown_value(unknown[0]),
                allowed=", ".join(sorted(_TOP_LEVEL_KEYS)),
            ),
        )
    raw_beneficiary = data.get("beneficiary")
    if not isinstance(raw_beneficiary, Mapping):
        raise SgeInputError(
            "beneficiary",
            message("'beneficiary' must be an object with name, address, gst_number and qst_number."),
        )
    name, address, gst_number, qst_number = (
        _text(raw_beneficiary, key, f"beneficiary.{key}") for key in _BENEFICIARY_KEYS
    )
    raw_date = _text(data, "invoice_date", "invoice_date")
    try:
        invoice_date = date.fromisoformat(raw_date)
    except ValueError:
        raise SgeInputError(
            "invoice_date",
            message("'invoice_date' must be a YYYY-MM-DD date (got {value}).", value=shown_value(raw_date)),
        ) from None
    raw_phase = _text(data, "phase", "phase")
    try:
        phase = Phase(raw_phase)
    except ValueError:
        allowed = ", ".join(p.value for p in Phase)
        raise SgeInputError(
            "phase",
            message(
                "Unknown phase {value}: use one of {allowed}.", value=shown_value(raw_phase), allowed=allowed
            ),
        ) from None
    if "aid_amount" not in data:
        raise SgeInputError("aid_amount", message("Field '{field}' is missing.", field="aid_amount"))
    raw_amount = data["aid_amount"]
    if isinstance(raw_amount, str | int | Decimal) and len(str(raw_amount)) > MAX_AMOUNT_CHARS:
        raise SgeInputError(
            "aid_amount",
            message(
                "'aid_amount' has more than {most} characters: enter the amount in dollars and cents.",
                most=str(MAX_AMOUNT_CHARS),
            ),
        )
    aid_amount = to_decimal(raw_amount, "aid_amount")
    number = (
        _text(data, "invoice_number", "invoice_number")
        if data.get("invoice_number") is not None
        else next_invoice_number(existing_numbers)
    )
    language = _text(data, "language", "language") if data.get("language") is not None else "fr"
    return validate_invoice(
        PaymentInvoice(
            beneficiary=Beneficiary(name, address, gst_number, qst_number),
            work_address=_text(data, "work_address", "work_address"),
            energir_file_number=_text(data, "energir_file_number", "energir_file_number"),
            invoice_number=number,
            invoice_date=invoice_date,
            phase=phase,
            aid_amount=aid_amount,
            language=language,
        )
    )


def parse_invoice_json(text: str, existing_numbers: Iterable[str] = ()) -> PaymentInvoice:
    """Parse the CLI's JSON text; numbers are read as Decimal so no cent is lost to floats."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except RecursionError:
        raise SgeInputError(
            "(json)", message("Invalid JSON: arrays and objects are nested too deeply.")
        ) from None
    except json.JSONDecodeError as exc:
        raise SgeInputError(
            "(json)",
            message(
                "Invalid JSON at line {line}, column {column}: {reason}.",
                line=str(exc.lineno),
                column=str(exc.colno),
                reason=exc.msg,
            ),
        ) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise SgeInputError("(json)", message("Invalid JSON: a number has too many digits.")) from None
    return parse_invoice_data(data, existing_numbers)
