"""The steps of Énergir's ESPM guide as data: English (ours) as the catalog's ids, French (the guide's own
wording, word for word) in the message catalog, resources/translations/espm_desktop_fr.po.

Source: seed 000, Énergir, « Guide de création de compte — Plateforme ENERGY STAR Portfolio Manager (ESPM) »,
last updated 8 June 2023. Seed step numbers 1–28 are the numbered call-outs of its screenshots; the intro
items (latest bill, ESPM account) and the checks after step 28 carry no number in the guide.
The reference texts (what data flows, how to revoke access) live in data_exchange_reference.py.
"""

from __future__ import annotations

from espm_desktop.core.data_exchange_model import GuideStage, GuideStep, LocalizedText, SetupField, tr
from espm_desktop.core.i18n import N_
from espm_desktop.core.types import DataExchangeStatus

_S = DataExchangeStatus
_F = SetupField


def _step(
    step_id: str,
    stage_id: str,
    seed_steps: tuple[int, ...],
    title: str | LocalizedText,
    instruction: str,
    done_by: DataExchangeStatus,
    fields: tuple[SetupField, ...] = (),
    waits: bool = False,
) -> GuideStep:
    """A step; `title` and `instruction` are English catalog ids (N_), or a LocalizedText."""
    return GuideStep(
        id=step_id,
        stage_id=stage_id,
        seed_steps=seed_steps,
        title=title if isinstance(title, LocalizedText) else LocalizedText(title),
        instruction=LocalizedText(instruction),
        fields=fields,
        done_by=done_by,
        waits=waits,
    )


_BILL_STEPS = (
    _step(
        "bill.latest",
        "bill",
        (),
        N_("Get the latest bill"),
        N_("Download your most recent Énergir bill from your Énergir customer area (Espace client)."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "bill.numbers",
        "bill",
        (),
        N_("Note the numbers on the bill"),
        N_(
            "You will need the account number, the invoice number and the meter number. The meter number is "
            "the number of the measuring device, in section A of the bill."
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
        N_("Create the ESPM account"),
        N_(
            "Go to the ENERGY STAR Portfolio Manager website and create an account. Your property must exist "
            "in it before you can add the meter."
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
        N_("Open Contacts"),
        N_("Click “Contacts” at the top of the page."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s02",
        "connect",
        (2,),
        N_("Add a contact"),
        N_("Click “Add New Contacts/Connections”."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s03",
        "connect",
        (3,),
        N_("Search for Énergir"),
        N_("In the Organization field, type “Énergir”, then click “Search”."),
        _S.CONNECTION_REQUESTED,
        (_F.PROVIDER,),
    ),
    _step(
        "s04",
        "connect",
        (4,),
        N_("Request the connection"),
        N_("To request a connection, click “Connect” on the row for Énergir."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s05",
        "connect",
        (5,),
        N_("Accept the terms"),
        N_("Tick the box “I agree to the terms of use of my provider”."),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "s06",
        "connect",
        (6,),
        N_("Send the request"),
        N_(
            "Click “Send Connection Request”. A note confirms that the connection request was sent to "
            "Énergir."
        ),
        _S.CONNECTION_REQUESTED,
    ),
    _step(
        "connect.pending",
        "connect",
        (),
        N_("Check the pending connection"),
        N_(
            "In the Contacts tab, Énergir shows as “Pending connection”. Once Énergir accepts, you can share "
            "your properties with it. You can create the meter in the meantime."
        ),
        _S.CONNECTION_REQUESTED,
    ),
)

_METER_STEPS = (
    _step(
        "s07",
        "meter",
        (7,),
        N_("Open MyPortfolio"),
        N_("Click “MyPortfolio”."),
        _S.METER_SHARED,
    ),
    _step(
        "s08",
        "meter",
        (8,),
        N_("Open the property"),
        N_("Click the name of your property (“Bureau” in the guide's example)."),
        _S.METER_SHARED,
        (_F.PROPERTY_NAME,),
    ),
    _step(
        "s09",
        "meter",
        (9,),
        N_("Open the Energy tab"),
        N_("Click the “Energy” tab."),
        _S.METER_SHARED,
    ),
    _step(
        "s10",
        "meter",
        (10,),
        N_("Add a meter"),
        N_("Click “Add A Meter”."),
        _S.METER_SHARED,
    ),
    _step(
        "s11",
        "meter",
        (11,),
        N_("Choose the meter type"),
        N_("Tick the meter type: “Natural Gas”."),
        _S.METER_SHARED,
        (_F.METER_TYPE,),
    ),
    _step(
        "s12",
        "meter",
        (12,),
        N_("Number of meters"),
        N_("Enter how many natural-gas meters to add."),
        _S.METER_SHARED,
        (_F.METER_COUNT,),
    ),
    _step(
        "s13",
        "meter",
        (13,),
        N_("Get started"),
        N_("Click “Get Started!”."),
        _S.METER_SHARED,
    ),
    _step(
        "s14",
        "meter",
        (14,),
        N_("Name the meter"),
        N_("Enter the meter name."),
        _S.METER_SHARED,
        (_F.METER_NAME,),
    ),
    _step(
        "s15",
        "meter",
        (15,),
        N_("Choose the unit"),
        N_("Select the unit of measure: m³, “cm (cubic meters)”."),
        _S.METER_SHARED,
        (_F.UNIT,),
    ),
    _step(
        "s16",
        "meter",
        (16,),
        tr("Date the meter became active", "guide step"),
        N_("Select the date the meter became active."),
        _S.METER_SHARED,
        (_F.ACTIVE_DATE,),
    ),
    _step(
        "s17",
        "meter",
        (17,),
        N_("Create the meter"),
        N_("Click “Create Meters”."),
        _S.METER_SHARED,
    ),
)

_SHARE_STEPS = (
    _step(
        "share.connection_accepted",
        "share",
        (),
        N_("Wait until Énergir accepts the connection"),
        N_(
            "In the Contacts tab, Énergir must no longer show “Pending connection”. Once Énergir has "
            "accepted your request, you can share your property and so authorise it to start the data "
            "exchange."
        ),
        _S.CONNECTION_ACCEPTED,
        waits=True,
    ),
    _step(
        "s18",
        "share",
        (18,),
        N_("Open Sharing"),
        N_("Click the “Sharing” tab."),
        _S.METER_SHARED,
    ),
    _step(
        "s19",
        "share",
        (19,),
        N_("Share with your utility"),
        N_("Click “Share with your utility or service provider to exchange data”."),
        _S.METER_SHARED,
    ),
    _step(
        "s20",
        "share",
        (20,),
        N_("Select Énergir"),
        N_("Select “Énergir” as the web services provider."),
        _S.METER_SHARED,
        (_F.PROVIDER,),
    ),
    _step(
        "s21",
        "share",
        (21,),
        N_("Select the property"),
        N_("Click “Select Properties” and choose your property."),
        _S.METER_SHARED,
        (_F.PROPERTY_NAME,),
    ),
    _step(
        "s22",
        "share",
        (22,),
        N_("Permissions per meter"),
        N_(
            "Under “Choose Permissions”, two options appear: a. bulk sharing, or b. different access levels "
            "for each property or each meter in a property. Choose option b."
        ),
        _S.METER_SHARED,
    ),
    _step(
        "s23",
        "share",
        (23,),
        N_("Data exchange"),
        N_("Click “Exchange Data” on your property's row."),
        _S.METER_SHARED,
    ),
    _step(
        "s24",
        "share",
        (24,),
        N_("Full access to the meter"),
        N_("Click “Full Access” on the natural-gas meter's row."),
        _S.METER_SHARED,
    ),
    _step(
        "s25",
        "share",
        (25,),
        N_("Enter the numbers"),
        N_(
            "Enter the account number, the invoice number and the meter number as the notes under the table "
            "say: no spaces; account 10 to 11 characters, invoice 12 characters, meter 7 to 18 characters."
        ),
        _S.METER_SHARED,
        (_F.ACCOUNT_NUMBER, _F.INVOICE_NUMBER, _F.METER_NUMBER),
    ),
    _step(
        "s26",
        "share",
        (26,),
        N_("Initial load"),
        N_(
            "Also enter the initial load (4th column): the number of months of past consumption to include "
            "on the first share. Enter 0 for no history. Maximum 24 months."
        ),
        _S.METER_SHARED,
        (_F.INITIAL_LOAD_MONTHS,),
    ),
    _step(
        "s27",
        "share",
        (27,),
        N_("Share Forward"),
        N_("Select “Yes” or “No” for “Share Forward” (let Énergir share this property with others)."),
        _S.METER_SHARED,
        (_F.SHARE_DOWNSTREAM,),
    ),
    _step(
        "s28",
        "share",
        (28,),
        N_("Apply and authorise"),
        N_(
            "Click “Apply Selections and Authorize Exchange”. A notification says a share request was sent "
            "to Énergir."
        ),
        _S.METER_SHARED,
    ),
)

_VERIFY_STEPS = (
    _step(
        "verify.share_accepted",
        "verify",
        (),
        N_("Share accepted"),
        N_(
            "Under Sharing, a notification tells you when Énergir has accepted the share "
            "(“Share accepted by Énergir”)."
        ),
        _S.SHARE_ACCEPTED,
        waits=True,
    ),
    _step(
        "verify.gateway",
        "verify",
        (),
        N_("Gateway log"),
        N_("In Énergir's gateway logs, the meter shows “Accepté” (accepted)."),
        _S.SHARE_ACCEPTED,
        waits=True,
    ),
    _step(
        "verify.data",
        "verify",
        (),
        N_("Data received"),
        N_(
            "The data is in Portfolio Manager: in the Energy tab, click the meter's name; its monthly "
            "entries in m³ appear, last updated by Énergir. Énergir then sends data after each billing "
            "cycle."
        ),
        _S.DATA_RECEIVED,
        waits=True,
    ),
)

STAGES: tuple[GuideStage, ...] = (
    GuideStage(
        "bill",
        1,
        LocalizedText(N_("Numbers from the latest bill")),
        _BILL_STEPS,
    ),
    GuideStage("espm_account", 2, LocalizedText(N_("ESPM account")), _ACCOUNT_STEPS),
    GuideStage(
        "connect",
        3,
        LocalizedText(N_("Connect to Énergir as a contact")),
        _CONNECT_STEPS,
    ),
    GuideStage(
        "meter",
        4,
        LocalizedText(N_("Create the natural-gas meter")),
        _METER_STEPS,
    ),
    GuideStage(
        "share",
        5,
        LocalizedText(N_("Share the meter with Énergir for data exchange")),
        _SHARE_STEPS,
    ),
    GuideStage(
        "verify",
        6,
        LocalizedText(N_("Wait for acceptance and verify")),
        _VERIFY_STEPS,
    ),
)
