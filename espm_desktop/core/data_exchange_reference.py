"""Reference data from Énergir's ESPM guide: number rules, field labels, data flow, revoking access.

Source: seed 000, Énergir, « Guide de création de compte — Plateforme ENERGY STAR Portfolio Manager (ESPM) »,
8 June 2023. French is the guide's wording; English is our translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from espm_desktop.core.data_exchange_model import LocalizedText, SetupField
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
METER_TYPE_LABEL = LocalizedText("Gaz naturel", "Natural Gas")
# ESPM's unit label for m³ (screenshots of steps 15–17 and of the monthly entries).
UNIT_M3_LABEL = LocalizedText("cm (mètres cubes)", "cm (cubic meters)")

FIELD_LABELS: dict[SetupField, LocalizedText] = {
    SetupField.PROPERTY_NAME: LocalizedText("Propriété", "Property"),
    SetupField.PROVIDER: LocalizedText("Fournisseur", "Provider"),
    SetupField.METER_TYPE: LocalizedText("Type de compteur", "Meter type"),
    SetupField.METER_COUNT: LocalizedText("Nombre de compteurs", "Number of meters"),
    SetupField.METER_NAME: LocalizedText("Nom du compteur", "Meter name"),
    SetupField.UNIT: LocalizedText("Unité", "Unit"),
    SetupField.ACTIVE_DATE: LocalizedText(
        "Date à laquelle le compteur est devenu actif", "Date the meter became active"
    ),
    SetupField.ACCOUNT_NUMBER: LocalizedText("Numéro de compte", "Account number"),
    SetupField.INVOICE_NUMBER: LocalizedText("Numéro de facture", "Invoice number"),
    SetupField.METER_NUMBER: LocalizedText("Numéro du compteur", "Meter number"),
    SetupField.INITIAL_LOAD_MONTHS: LocalizedText("Chargement initial (mois)", "Initial load (months)"),
    SetupField.SHARE_DOWNSTREAM: LocalizedText("Partager en aval", "Share Forward"),
}

STATUS_LABELS: dict[DataExchangeStatus, LocalizedText] = {
    DataExchangeStatus.NOT_STARTED: LocalizedText("Non commencé", "Not started"),
    DataExchangeStatus.CONNECTION_REQUESTED: LocalizedText(
        "Demande de connexion envoyée", "Connection requested"
    ),
    DataExchangeStatus.CONNECTION_ACCEPTED: LocalizedText("Connexion acceptée", "Connection accepted"),
    DataExchangeStatus.METER_SHARED: LocalizedText(
        "Compteur partagé (demande envoyée)", "Meter shared (request sent)"
    ),
    DataExchangeStatus.SHARE_ACCEPTED: LocalizedText("Partage accepté", "Share accepted"),
    DataExchangeStatus.DATA_RECEIVED: LocalizedText("Données reçues", "Data received"),
}

DATA_FLOW_TITLE = LocalizedText(
    "Quelles données peuvent être communiquées à ESPM ?", "What data is sent to ESPM?"
)

# "Quelles données peuvent être communiquées à ESPM ?" (page 1 of the guide).
DATA_FLOW_PARAGRAPHS: tuple[LocalizedText, ...] = (
    LocalizedText(
        "Si vous autorisez la connexion entre votre compte ESPM et Énergir, ce sont uniquement vos données "
        "de consommation de gaz naturel (m³) qui seront envoyées automatiquement chaque mois dans cet outil.",
        "If you authorise the connection between your ESPM account and Énergir, only your natural-gas "
        "consumption (m³) is sent automatically to ESPM, every month.",
    ),
    LocalizedText(
        "Pour le moment, les données de consommation transmises à ESPM représentent la consommation de gaz "
        "naturel ET de gaz naturel renouvelable (GNR). (Le GNR distinct était annoncé pour l'automne 2023.)",
        "For now, the consumption sent to ESPM is natural gas AND renewable natural gas (RNG) together, in "
        "the same volume. (A separate RNG feed was announced for fall 2023.)",
    ),
    LocalizedText(
        "Les données de facturation ($) : si vous souhaitez ajouter vos données de facturation dans votre "
        "compte ESPM, vous devez les remplir manuellement.",
        "Costs ($) are not sent: to have your costs in ESPM, you must enter them by hand.",
    ),
)


@dataclass(frozen=True, slots=True)
class RevokeMethod:
    """One of the guide's four ways to remove Énergir's access, with the ESPM action to click."""

    number: int
    title: LocalizedText
    action: LocalizedText


REVOKE_TITLE = LocalizedText(
    "Retirer l'accès à un compteur à partir de la plateforme", "Removing Énergir's access to a meter"
)
REVOKE_INTRO = LocalizedText(
    "4 façons de faire : le client doit soit modifier les accès, ou les retirer au complet, par contact ou "
    "par propriété ou par compteur.",
    "Four ways: change the access or remove it entirely, by contact, by property or by meter.",
)

REVOKE_METHODS: tuple[RevokeMethod, ...] = (
    RevokeMethod(
        1,
        LocalizedText(
            "Retirer l'accès pour toutes les propriétés pour un contact donné",
            "Remove access to all properties for one contact",
        ),
        LocalizedText(
            "Cliquez sur «\u00a0Retirer l'accès à mes propriétés pour ce contact\u00a0».",
            "Click “Remove access to my properties for this contact”.",
        ),
    ),
    RevokeMethod(
        2,
        LocalizedText(
            "Retirer l'accès pour tous les contacts qui ont accès à une propriété donnée",
            "Remove access for every contact who has access to one property",
        ),
        LocalizedText(
            "Cliquez sur «\u00a0Retirer tout accès à cette propriété\u00a0».",
            "Click “Remove all access to this property”.",
        ),
    ),
    RevokeMethod(
        3,
        LocalizedText(
            "Retirer l'accès plus précisément pour un contact donné pour une propriété donnée",
            "Remove access to one property for one contact",
        ),
        LocalizedText(
            "Cliquez sur «\u00a0Retirer l'accès à cette propriété pour ce contact\u00a0».",
            "Click “Remove access to this property for this contact”.",
        ),
    ),
    RevokeMethod(
        4,
        LocalizedText(
            "Retirer l'accès par compteur en modifiant les droits d'accès et en mettant "
            "«\u00a0Aucun accès\u00a0»",
            "Remove access per meter by editing the permissions to “No Access”",
        ),
        LocalizedText(
            "Sélectionnez la case de la colonne «\u00a0Aucun accès\u00a0» pour chacun des compteurs "
            "concernés.",
            "Select the “No Access” column for each meter concerned.",
        ),
    ),
)

SUPPORT_LINES: tuple[LocalizedText, ...] = (
    LocalizedText(
        "Problème technique dans ESPM : Contact Support (force.com), lien «\u00a0Contact ESPM\u00a0» "
        "du guide.",
        "Technical problem in ESPM: Contact Support (force.com), the guide's “Contact ESPM” link.",
    ),
    LocalizedText(
        "Documentation : centre d'assistance de Portfolio Manager.",
        "Documentation: the Portfolio Manager help center.",
    ),
)
