"""Reference data from Énergir's ESPM guide: number rules, field labels, data flow, revoking access.

Source: seed 000, Énergir, « Guide de création de compte — Plateforme ENERGY STAR Portfolio Manager (ESPM) »,
8 June 2023. French is the guide's wording, kept word for word in the message catalog
(resources/translations/espm_desktop_fr.po); the English, our translation, is the catalog's id.
"""

from __future__ import annotations

from dataclasses import dataclass

from espm_desktop.core.data_exchange_model import LocalizedText, SetupField
from espm_desktop.core.i18n import N_
from espm_desktop.core.types import DataExchangeStatus


@dataclass(frozen=True, slots=True)
class LengthRule:
    """Allowed length of an Énergir number typed into ESPM (no spaces allowed)."""

    min_chars: int
    max_chars: int


# Notes ¹–³ under the permissions table (screenshot "Saisir le chargement initial", step 26). An older
# screenshot (step 25) says the invoice number is 10 to 12 characters; the later one says "Entre 12 et 12"
# and Énergir's gateway shows a 12-digit invoice, so 12 it is.
ACCOUNT_NUMBER_RULE = LengthRule(10, 11)
INVOICE_NUMBER_RULE = LengthRule(12, 12)
METER_NUMBER_RULE = LengthRule(7, 18)
# Note ⁴: "Inscrire 0 pour ne pas inclure d'historique. Maximum 24 mois."
INITIAL_LOAD_MAX_MONTHS = 24
# The guide's own example (step 26) enters 24.
INITIAL_LOAD_DEFAULT_MONTHS = 24

PROVIDER_NAME = "Énergir"
METER_TYPE_LABEL = LocalizedText(N_("Natural Gas"))
# ESPM's unit label for m³ (screenshots of steps 15–17 and of the monthly entries).
UNIT_M3_LABEL = LocalizedText(N_("cm (cubic meters)"))

FIELD_LABELS: dict[SetupField, LocalizedText] = {
    SetupField.PROPERTY_NAME: LocalizedText(N_("Property")),
    SetupField.PROVIDER: LocalizedText(N_("Provider")),
    SetupField.METER_TYPE: LocalizedText(N_("Meter type")),
    SetupField.METER_COUNT: LocalizedText(N_("Number of meters")),
    SetupField.METER_NAME: LocalizedText(N_("Meter name")),
    SetupField.UNIT: LocalizedText(N_("Unit")),
    SetupField.ACTIVE_DATE: LocalizedText(N_("Date the meter became active")),
    SetupField.ACCOUNT_NUMBER: LocalizedText(N_("Account number")),
    SetupField.INVOICE_NUMBER: LocalizedText(N_("Invoice number")),
    SetupField.METER_NUMBER: LocalizedText(N_("Meter number")),
    SetupField.INITIAL_LOAD_MONTHS: LocalizedText(N_("Initial load (months)")),
    SetupField.SHARE_DOWNSTREAM: LocalizedText(N_("Share Forward")),
}

STATUS_LABELS: dict[DataExchangeStatus, LocalizedText] = {
    DataExchangeStatus.NOT_STARTED: LocalizedText(N_("Not started")),
    DataExchangeStatus.CONNECTION_REQUESTED: LocalizedText(N_("Connection requested")),
    DataExchangeStatus.CONNECTION_ACCEPTED: LocalizedText(N_("Connection accepted")),
    DataExchangeStatus.METER_SHARED: LocalizedText(N_("Meter shared (request sent)")),
    DataExchangeStatus.SHARE_ACCEPTED: LocalizedText(N_("Share accepted")),
    DataExchangeStatus.DATA_RECEIVED: LocalizedText(N_("Data received")),
}

DATA_FLOW_TITLE = LocalizedText(N_("What data is sent to ESPM?"))

# "Quelles données peuvent être communiquées à ESPM ?" (page 1 of the guide).
DATA_FLOW_PARAGRAPHS: tuple[LocalizedText, ...] = (
    LocalizedText(
        N_(
            "If you authorise the connection between your ESPM account and Énergir, only your natural-gas "
            "consumption (m³) is sent automatically to ESPM, every month."
        )
    ),
    LocalizedText(
        N_(
            "For now, the consumption sent to ESPM is natural gas AND renewable natural gas (RNG) together, in "
            "the same volume. (A separate RNG feed was announced for fall 2023.)"
        )
    ),
    LocalizedText(N_("Costs ($) are not sent: to have your costs in ESPM, you must enter them by hand.")),
)


@dataclass(frozen=True, slots=True)
class RevokeMethod:
    """One of the guide's four ways to remove Énergir's access, with the ESPM action to click."""

    number: int
    title: LocalizedText
    action: LocalizedText


REVOKE_TITLE = LocalizedText(N_("Removing Énergir's access to a meter"))
REVOKE_INTRO = LocalizedText(
    N_("Four ways: change the access or remove it entirely, by contact, by property or by meter.")
)

REVOKE_METHODS: tuple[RevokeMethod, ...] = (
    RevokeMethod(
        1,
        LocalizedText(N_("Remove access to all properties for one contact")),
        LocalizedText(N_("Click “Remove access to my properties for this contact”.")),
    ),
    RevokeMethod(
        2,
        LocalizedText(N_("Remove access for every contact who has access to one property")),
        LocalizedText(N_("Click “Remove all access to this property”.")),
    ),
    RevokeMethod(
        3,
        LocalizedText(N_("Remove access to one property for one contact")),
        LocalizedText(N_("Click “Remove access to this property for this contact”.")),
    ),
    RevokeMethod(
        4,
        LocalizedText(N_("Remove access per meter by editing the permissions to “No Access”")),
        LocalizedText(N_("Select the “No Access” column for each meter concerned.")),
    ),
)

SUPPORT_LINES: tuple[LocalizedText, ...] = (
    LocalizedText(
        N_("Technical problem in ESPM: Contact Support (force.com), the guide's “Contact ESPM” link.")
    ),
    LocalizedText(N_("Documentation: the Portfolio Manager help center.")),
)
