"""The steps of Énergir's ESPM guide as data, in French (from the guide) and English (ours).

Source: seed 000, Énergir, « Guide de création de compte — Plateforme ENERGY STAR Portfolio Manager (ESPM) »,
last updated 8 June 2023. Seed step numbers 1–28 are the numbered call-outs of its screenshots; the intro
items (latest bill, ESPM account) and the checks after step 28 carry no number in the guide.
The reference texts (what data flows, how to revoke access) live in data_exchange_reference.py.
"""

from __future__ import annotations

from espm_desktop.core.data_exchange_model import GuideStage, GuideStep, LocalizedText, SetupField
from espm_desktop.core.types import DataExchangeStatus

_S = DataExchangeStatus
_F = SetupField


def _q(label: str) -> str:
    """French quotation marks with no-break spaces, as the guide's UI labels are quoted."""
    return f"«\u00a0{label}\u00a0»"


def _step(
    step_id: str,
    stage_id: str,
    seed_steps: tuple[int, ...],
    title: tuple[str, str],
    instruction: tuple[str, str],
    done_by: DataExchangeStatus,
    fields: tuple[SetupField, ...] = (),
    waits: bool = False,
) -> GuideStep:
    return GuideStep(
        id=step_id,
        stage_id=stage_id,
        seed_steps=seed_steps,
        title=LocalizedText(*title),
        instruction=LocalizedText(*instruction),
        fields=fields,
        done_by=done_by,
        waits=waits,
    )


_BILL_STEPS = (
    _step(
        "bill.latest",
        "bill",
        (),
        ("Récupérer la facture la plus récente", "Get the latest bill"),
        (
            "Récupérez votre facture la plus récente dans votre Espace client.",
            "Download your most recent Énergir bill from your Énergir customer area (Espace client).",
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "bill.numbers",
        "bill",
        (),
        ("Noter les numéros de la facture", "Note the numbers on the bill"),
        (
            "Vous aurez besoin des informations suivantes : numéro de compte, numéro de facture, numéro du "
            "compteur. Le numéro du compteur est le numéro de l'appareil de mesure, à la section A de votre "
            "facture.",
            "You will need the account number, the invoice number and the meter number. The meter number is "
            "the number of the measuring device, in section A of the bill.",
        ),
        _S.METER_SHARED,
        (_F.ACCOUNT_NUMBER, _F.INVOICE_NUMBER, _F.METER_NUMBER),
    ),
)

_ACCOUNT_STEPS = (
    _step(
        "espm.account",
        "espm_account",
        (),
        ("Créer le compte ESPM", "Create the ESPM account"),
        (
            "Allez sur le site web d'ESPM et créez un compte. Votre propriété doit y exister pour y ajouter "
            "le compteur.",
            "Go to the ENERGY STAR Portfolio Manager website and create an account. Your property must exist "
            "in it before you can add the meter.",
        ),
        _S.CONNECTION_REQUESTED,
        (_F.PROPERTY_NAME,),
    ),
)

_CONNECT_STEPS = (
    _step(
        "s01",
        "connect",
        (1,),
        ("Ouvrir les contacts", "Open Contacts"),
        (f"Cliquez sur {_q('Contacts')}.", "Click “Contacts” at the top of the page."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s02",
        "connect",
        (2,),
        ("Ajouter un contact", "Add a contact"),
        (
            f"Cliquez sur {_q('Ajouter de nouveaux contacts / connexions')}.",
            "Click “Add New Contacts/Connections”.",
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s03",
        "connect",
        (3,),
        ("Rechercher Énergir", "Search for Énergir"),
        (
            f"Dans le champ Organisation, saisissez {_q('Énergir')} puis cliquez sur {_q('Rechercher')}.",
            "In the Organization field, type “Énergir”, then click “Search”.",
        ),
        _S.CONNECTION_REQUESTED,
        (_F.PROVIDER,),
    ),
    _step(
        "s04",
        "connect",
        (4,),
        ("Demander la connexion", "Request the connection"),
        (
            f"Pour faire une demande de connexion, cliquez sur {_q('Connecter')} sur la ligne indiquant "
            f"{_q('Énergir')}.",
            "To request a connection, click “Connect” on the row for Énergir.",
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s05",
        "connect",
        (5,),
        ("Accepter les conditions", "Accept the terms"),
        (
            "Cochez la case " + _q("J'accepte les conditions d'utilisation de mon fournisseur") + ".",
            "Tick the box “I agree to the terms of use of my provider”.",
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s06",
        "connect",
        (6,),
        ("Envoyer la demande", "Send the request"),
        (
            f"Cliquez sur {_q('Envoyer une demande de connexion')}. Une note s'affiche vous indiquant que "
            "vous avez réussi à envoyer une demande de connexion à Énergir.",
            "Click “Send Connection Request”. A note confirms that the connection request was sent to "
            "Énergir.",
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "connect.pending",
        "connect",
        (),
        ("Vérifier la connexion en attente", "Check the pending connection"),
        (
            f"Dans l'onglet {_q('Contacts')}, vous pouvez voir que la connexion est en attente "
            f"({_q('Connexion en attente')}). Une fois votre demande acceptée par Énergir, vous pourrez "
            "partager vos propriétés. Vous pouvez créer le compteur en attendant.",
            "In the Contacts tab, Énergir shows as “Pending connection”. Once Énergir accepts, you can share "
            "your properties with it. You can create the meter in the meantime.",
        ),
        _S.CONNECTION_REQUESTED,
    ),
)

_METER_STEPS = (
    _step(
        "s07",
        "meter",
        (7,),
        ("Ouvrir MonPortefeuille", "Open MyPortfolio"),
        (f"Cliquez sur {_q('MonPortefeuille')}.", "Click “MyPortfolio”."),
        _S.METER_SHARED,
    ),
    _step(
        "s08",
        "meter",
        (8,),
        ("Choisir la propriété", "Open the property"),
        (
            "Cliquez sur le nom de votre propriété (" + _q("Bureau") + " dans l'exemple du guide).",
            "Click the name of your property (“Bureau” in the guide's example).",
        ),
        _S.METER_SHARED,
        (_F.PROPERTY_NAME,),
    ),
    _step(
        "s09",
        "meter",
        (9,),
        ("Ouvrir l'onglet Énergie", "Open the Energy tab"),
        (f"Cliquez sur {_q('Énergie')}.", "Click the “Energy” tab."),
        _S.METER_SHARED,
    ),
    _step(
        "s10",
        "meter",
        (10,),
        ("Ajouter un compteur", "Add a meter"),
        (f"Cliquez sur {_q('Ajouter un compteur')}.", "Click “Add A Meter”."),
        _S.METER_SHARED,
    ),
    _step(
        "s11",
        "meter",
        (11,),
        ("Choisir le type de compteur", "Choose the meter type"),
        (
            f"Cochez le type de compteur : {_q('Gaz naturel')}.",
            "Tick the meter type: “Natural Gas”.",
        ),
        _S.METER_SHARED,
        (_F.METER_TYPE,),
    ),
    _step(
        "s12",
        "meter",
        (12,),
        ("Nombre de compteurs", "Number of meters"),
        (
            "Saisissez le nombre de compteurs.",
            "Enter how many natural-gas meters to add.",
        ),
        _S.METER_SHARED,
        (_F.METER_COUNT,),
    ),
    _step(
        "s13",
        "meter",
        (13,),
        ("Commencer", "Get started"),
        (f"Cliquez sur {_q('Commencez!')}.", "Click “Get Started!”."),
        _S.METER_SHARED,
    ),
    _step(
        "s14",
        "meter",
        (14,),
        ("Nommer le compteur", "Name the meter"),
        ("Saisissez le nom du compteur.", "Enter the meter name."),
        _S.METER_SHARED,
        (_F.METER_NAME,),
    ),
    _step(
        "s15",
        "meter",
        (15,),
        ("Choisir l'unité", "Choose the unit"),
        (
            f"Sélectionnez l'unité de mesure adéquate : m³, {_q('cm (mètres cubes)')}.",
            "Select the unit of measure: m³, “cm (cubic meters)”.",
        ),
        _S.METER_SHARED,
        (_F.UNIT,),
    ),
    _step(
        "s16",
        "meter",
        (16,),
        ("Date d'activation", "Date the meter became active"),
        (
            "Sélectionnez la date à laquelle le compteur est devenu actif.",
            "Select the date the meter became active.",
        ),
        _S.METER_SHARED,
        (_F.ACTIVE_DATE,),
    ),
    _step(
        "s17",
        "meter",
        (17,),
        ("Créer le compteur", "Create the meter"),
        (f"Cliquez sur {_q('Créer des compteurs')}.", "Click “Create Meters”."),
        _S.METER_SHARED,
    ),
)

_SHARE_STEPS = (
    _step(
        "share.connection_accepted",
        "share",
        (),
        ("Attendre la connexion acceptée", "Wait until Énergir accepts the connection"),
        (
            f"Dans l'onglet {_q('Contacts')}, Énergir ne doit plus afficher {_q('Connexion en attente')}. "
            "Une fois votre demande acceptée par Énergir, vous pourrez partager vos propriétés et, par "
            "conséquent, autoriser ce fournisseur à commencer l'échange de données.",
            "In the Contacts tab, Énergir must no longer show “Pending connection”. Once Énergir has "
            "accepted your request, you can share your property and so authorise it to start the data "
            "exchange.",
        ),
        _S.CONNECTION_ACCEPTED,
        waits=True,
    ),
    _step(
        "s18",
        "share",
        (18,),
        ("Ouvrir Partage", "Open Sharing"),
        (f"Cliquez sur {_q('Partage')}.", "Click the “Sharing” tab."),
        _S.METER_SHARED,
    ),
    _step(
        "s19",
        "share",
        (19,),
        ("Partager avec le fournisseur", "Share with your utility"),
        (
            "Cliquez sur "
            + _q(
                "Partagez avec votre service public ou votre fournisseur de services "
                "pour échanger des données"
            )
            + ".",
            "Click “Share with your utility or service provider to exchange data”.",
        ),
        _S.METER_SHARED,
    ),
    _step(
        "s20",
        "share",
        (20,),
        ("Choisir Énergir", "Select Énergir"),
        (
            f"Sélectionnez {_q('Énergir')} comme fournisseur de services Web.",
            "Select “Énergir” as the web services provider.",
        ),
        _S.METER_SHARED,
        (_F.PROVIDER,),
    ),
    _step(
        "s21",
        "share",
        (21,),
        ("Sélectionner la propriété", "Select the property"),
        (
            f"Cliquez sur {_q('Sélectionner les propriétés')} et choisissez votre propriété.",
            "Click “Select Properties” and choose your property.",
        ),
        _S.METER_SHARED,
        (_F.PROPERTY_NAME,),
    ),
    _step(
        "s22",
        "share",
        (22,),
        ("Autorisations par compteur", "Permissions per meter"),
        (
            f"Dans la section {_q('Choisir les Autorisations')}, 2 options s'affichent : a. Bulk sharing "
            "(sélection en bloc) ou b. Accorder des niveaux d'accès différents pour chaque propriété ou pour "
            "chaque compteur dans une propriété. Cliquez l'option b.",
            "Under “Choose Permissions”, two options appear: a. bulk sharing, or b. different access levels "
            "for each property or each meter in a property. Choose option b.",
        ),
        _S.METER_SHARED,
    ),
    _step(
        "s23",
        "share",
        (23,),
        ("Échange de données", "Data exchange"),
        (
            f"Cliquez sur {_q('Échange de données')} sur la ligne de votre propriété.",
            "Click “Exchange Data” on your property's row.",
        ),
        _S.METER_SHARED,
    ),
    _step(
        "s24",
        "share",
        (24,),
        ("Accès complet au compteur", "Full access to the meter"),
        (
            f"Cliquez sur {_q('Accès complet')} sur la ligne du compteur de gaz naturel.",
            "Click “Full Access” on the natural-gas meter's row.",
        ),
        _S.METER_SHARED,
    ),
    _step(
        "s25",
        "share",
        (25,),
        ("Saisir les numéros", "Enter the numbers"),
        (
            "Saisissez le numéro de compte, le numéro de facture et le numéro du compteur en suivant les "
            "instructions décrites sous le tableau : sans espace; compte entre 10 et 11 caractères, facture "
            "12 caractères, compteur entre 7 et 18 caractères.",
            "Enter the account number, the invoice number and the meter number as the notes under the table "
            "say: no spaces; account 10 to 11 characters, invoice 12 characters, meter 7 to 18 characters.",
        ),
        _S.METER_SHARED,
        (_F.ACCOUNT_NUMBER, _F.INVOICE_NUMBER, _F.METER_NUMBER),
    ),
    _step(
        "s26",
        "share",
        (26,),
        ("Chargement initial", "Initial load"),
        (
            "Vous devez aussi saisir le chargement initial (la 4e colonne), qui est le nombre de mois "
            "d'historique au premier partage. Inscrire 0 pour ne pas inclure d'historique. Maximum 24 mois.",
            "Also enter the initial load (4th column): the number of months of past consumption to include "
            "on the first share. Enter 0 for no history. Maximum 24 months.",
        ),
        _S.METER_SHARED,
        (_F.INITIAL_LOAD_MONTHS,),
    ),
    _step(
        "s27",
        "share",
        (27,),
        ("Partager en aval", "Share Forward"),
        (
            f"Sélectionnez {_q('Oui')} ou {_q('Non')} pour l'élément {_q('Partager en aval')} (permettre à "
            "Énergir de partager cette propriété avec d'autres).",
            "Select “Yes” or “No” for “Share Forward” (let Énergir share this property with others).",
        ),
        _S.METER_SHARED,
        (_F.SHARE_DOWNSTREAM,),
    ),
    _step(
        "s28",
        "share",
        (28,),
        ("Appliquer et autoriser", "Apply and authorise"),
        (
            "Cliquez sur "
            + _q("Appliquer les sélections et autoriser l'échange")
            + ". Une notification vous "
            "indique qu'une demande de partage a été envoyée à Énergir.",
            "Click “Apply Selections and Authorize Exchange”. A notification says a share request was sent "
            "to Énergir.",
        ),
        _S.METER_SHARED,
    ),
)

_VERIFY_STEPS = (
    _step(
        "verify.share_accepted",
        "verify",
        (),
        ("Partage accepté", "Share accepted"),
        (
            f"Dans {_q('Partage')}, une notification vous indiquera lorsque le partage est accepté "
            f"({_q('Partage accepté par Énergir')}).",
            "Under Sharing, a notification tells you when Énergir has accepted the share "
            "(“Share accepted by Énergir”).",
        ),
        _S.SHARE_ACCEPTED,
        waits=True,
    ),
    _step(
        "verify.gateway",
        "verify",
        (),
        ("Journal de la passerelle", "Gateway log"),
        (
            f"Dans les journaux de passerelle d'Énergir, la mention {_q('Accepté')} est affichée pour le "
            "compteur.",
            "In Énergir's gateway logs, the meter shows “Accepté” (accepted).",
        ),
        _S.SHARE_ACCEPTED,
        waits=True,
    ),
    _step(
        "verify.data",
        "verify",
        (),
        ("Données reçues", "Data received"),
        (
            "Les données sont bien entrées dans Portfolio Manager : dans l'onglet Énergie, cliquez sur le "
            f"nom du compteur; les {_q('Entrées mensuelles')} en m³ s'affichent, mises à jour par Énergir. "
            "Énergir envoie ensuite les données après chaque cycle de facturation.",
            "The data is in Portfolio Manager: in the Energy tab, click the meter's name; its monthly "
            "entries in m³ appear, last updated by Énergir. Énergir then sends data after each billing "
            "cycle.",
        ),
        _S.DATA_RECEIVED,
        waits=True,
    ),
)

STAGES: tuple[GuideStage, ...] = (
    GuideStage(
        "bill",
        1,
        LocalizedText("Numéros de la dernière facture", "Numbers from the latest bill"),
        _BILL_STEPS,
    ),
    GuideStage("espm_account", 2, LocalizedText("Compte ESPM", "ESPM account"), _ACCOUNT_STEPS),
    GuideStage(
        "connect",
        3,
        LocalizedText("Se connecter à Énergir", "Connect to Énergir as a contact"),
        _CONNECT_STEPS,
    ),
    GuideStage(
        "meter",
        4,
        LocalizedText("Créer le compteur de gaz naturel", "Create the natural-gas meter"),
        _METER_STEPS,
    ),
    GuideStage(
        "share",
        5,
        LocalizedText("Partager le compteur avec Énergir", "Share the meter with Énergir for data exchange"),
        _SHARE_STEPS,
    ),
    GuideStage(
        "verify",
        6,
        LocalizedText("Acceptation et vérification", "Wait for acceptance and verify"),
        _VERIFY_STEPS,
    ),
)
