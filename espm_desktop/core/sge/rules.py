"""Every figure of Énergir's SGÉ participant guide (seed 001) that the app computes with, with its source.

The guide: « Programme d'efficacité énergétique – Diagnostic et mise en œuvre efficaces, Guide du participant,
Volet Système de gestion de l'énergie », conditions in force since 1 October 2019. Tax rates are not in the
guide (Annexe D only says GST and QST apply); they live with their dates and sources in core/sge/taxes.py.
Change a figure here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from espm_desktop.core.i18n import N_, Message, _

GUIDE = N_("Énergir SGÉ participant guide (2019)")
CONDITIONS_IN_FORCE_SINCE = date(2019, 10, 1)  # footer of every page


class Phase(StrEnum):
    """Phases that carry financial aid (Tableau 1); implementation is split in two parts (Tableau 3)."""

    DIAGNOSTIC = "diagnostic"
    IMPLEMENTATION_METERING = "implementation_metering"
    IMPLEMENTATION_OTHER = "implementation_other"
    SAVINGS_FOLLOW_UP = "savings_follow_up"


# The guide's own names (in French in the catalog); the English is what the English window shows.
PHASE_NAMES: dict[Phase, str] = {
    Phase.DIAGNOSTIC: N_("Phase 2 – Diagnostic"),
    Phase.IMPLEMENTATION_METERING: N_("Phase 4 – EnMS development and implementation (continuous metering)"),
    Phase.IMPLEMENTATION_OTHER: N_("Phase 4 – EnMS development and implementation (other components)"),
    Phase.SAVINGS_FOLLOW_UP: N_("Phase 5 – Energy savings follow-up"),
}


def _lang(language: str | None) -> str | None:
    """'en' stays English; any other given language is French, as the SGÉ modules always read it."""
    return language if language in (None, "en") else "fr"


def phase_name(phase: Phase, language: str = "fr") -> str:
    return _(PHASE_NAMES[phase], _lang(language))


@dataclass(frozen=True, slots=True)
class Citation:
    """Where in the guide a rule is written (English, as the catalog's id)."""

    section: str

    @property
    def message(self) -> Message:
        """The guide and the section, to put inside a message."""
        return Message("{guide}, {section}", {"guide": Message(GUIDE), "section": Message(self.section)})

    def text(self, language: str = "fr") -> str:
        return self.message.text(_lang(language))

    @property
    def section_en(self) -> str:
        return self.section

    @property
    def section_fr(self) -> str:
        return _(self.section, "fr")


# --- Eligibility (« Critères d'admissibilité », p. 8) -----------------------------------------------------
MIN_ANNUAL_GAS_M3 = Decimal("2000000")
ELIGIBILITY = Citation(N_("“Eligibility criteria” (Critères d'admissibilité)"))

# --- Phase 2 – Diagnostic (« Aide financière » p. 9; Tableau 1; Tableau 2 step 3 and note 4) ---------------
DIAGNOSTIC_CAP = Decimal("25000")
DIAGNOSTIC_SHARE = Decimal("0.50")
DIAGNOSTIC_PAYMENTS = 1  # « octroyée en un seul versement »
DIAGNOSTIC_DEADLINE_MONTHS = 6
DIAGNOSTIC_AID = Citation(N_("Phase 2 – Diagnostic, “Financial aid” and Table 1"))
DIAGNOSTIC_DEADLINE = Citation(N_("Table 2, step 3 “Carrying out the work” and note 4"))
DIAGNOSTIC_EXPENSES = Citation(N_("Phase 2, “Eligible expenses”"))

# --- Phase 4 – Élaboration et mise en œuvre (Tableau 3, Tableau 4, Tableau 5 step 5) ------------------------
METERING_CAP = Decimal("75000")
METERING_SHARE = Decimal("0.50")
METERING_MAX_PAYMENT_YEARS = 5
OTHER_COMPONENTS_CAP = Decimal("75000")
OTHER_COMPONENTS_SHARE = Decimal("0.50")
OTHER_COMPONENTS_FIRST_YEAR_CAP = Decimal("50000")
OTHER_COMPONENTS_LATER_PAYMENTS = 4  # « Quatre (4) autres versements annuels »
IMPLEMENTATION_DELIVERABLES_MONTHS = 18
IMPLEMENTATION_AID = Citation(N_("Phase 4 – Development and implementation, Table 3"))
IMPLEMENTATION_EXPENSES = Citation(N_("Phase 4, Table 4 “Eligible expenses”"))
IMPLEMENTATION_DEADLINE = Citation(N_("Table 5, step 5 “Payment of the financial aid”"))

# --- Phase 5 – Suivi des économies (« Aide financière » p. 14; Tableau 1 note 3) ----------------------------
SAVINGS_RATE_PER_M3 = Decimal("0.10")
SAVINGS_CAP = Decimal("175000")
SAVINGS_MAX_YEARS = 4
SAVINGS_CLAIM_WINDOW_YEARS = 4  # from acceptance of the first implementation deliverables
SAVINGS_MAX_BASELINE_MONTHS = 12  # « après une période maximale de mesurage en continu d'un an »
SAVINGS_AID = Citation(N_("Phase 5 – Energy savings follow-up, “Financial aid” and note"))

# --- Stacking (« Cumul des aides financières », p. 16) ---------------------------------------------
STACKING_MAX_TOTAL_SHARE = Decimal("0.75")
CLIENT_MIN_SHARE = Decimal("0.25")
STACKING = Citation(N_("“Stacking of financial aid” (Cumul des aides financières)"))
# Aid from Transition énergétique Québec cannot be combined with the SGÉ aid (same section).
STACKING_EXCLUDED_GRANTOR = "Transition énergétique Québec"

# --- Annexe D – Traitement des taxes applicables -----------------------------------------------------------
# GST and QST rates, with the date each took effect and its source: core/sge/taxes.py (TAX_RATES).
INVOICE_DESCRIPTION = N_("Financial aid for the SGÉ (energy management system) component")
GRANTOR_NAME = "Énergir"
SEND_TO_EMAIL = "efficaciteenergetique@energir.com"
SEND_TO_POSTAL_LINES: tuple[str, ...] = (
    "Énergir",
    "Service Marché du carbone et Efficacité énergétique",
    "1717, rue du Havre",
    "Montréal (Québec) H2K 2X3",
)
ANNEXE_D = Citation(N_("Appendix D “Treatment of applicable taxes”"))


class ExpenseKind(StrEnum):
    """Kinds of eligible expense lines a participant enters (Phase 2 « Dépenses admissibles », Tableau 4)."""

    INTERNAL_HOURS = "internal_hours"  # internal specialists: hours × hourly rate
    CONSULTANT = "consultant"  # external consultants' fees
    EQUIPMENT = "equipment"  # purchase, installation and commissioning of equipment and data tools
    ISO_50001 = "iso_50001"  # ISO 50001 certification process


EXPENSE_KIND_NAMES: dict[ExpenseKind, str] = {
    ExpenseKind.INTERNAL_HOURS: N_("Internal specialists (hours × rate)"),
    ExpenseKind.CONSULTANT: N_("External consultants"),
    ExpenseKind.EQUIPMENT: N_("Equipment and installation"),
    ExpenseKind.ISO_50001: N_("ISO 50001 certification"),
}


def expense_kind_name(kind: ExpenseKind, language: str = "fr") -> str:
    return _(EXPENSE_KIND_NAMES[kind], _lang(language))


# Which expense kinds each phase pays for. Diagnostic: consultants, internal specialists, equipment
# (Phase 2 « Dépenses admissibles »). Metering: equipment and data tools, bought, installed and commissioned
# by internal or external specialists (Tableau 4, left). Other components: internal specialists, consulting,
# ISO 50001 certification (Tableau 4, right). Savings follow-up pays per m³, not per expense.
ELIGIBLE_EXPENSE_KINDS: dict[Phase, frozenset[ExpenseKind]] = {
    Phase.DIAGNOSTIC: frozenset({ExpenseKind.INTERNAL_HOURS, ExpenseKind.CONSULTANT, ExpenseKind.EQUIPMENT}),
    Phase.IMPLEMENTATION_METERING: frozenset(
        {ExpenseKind.EQUIPMENT, ExpenseKind.INTERNAL_HOURS, ExpenseKind.CONSULTANT}
    ),
    Phase.IMPLEMENTATION_OTHER: frozenset(
        {ExpenseKind.INTERNAL_HOURS, ExpenseKind.CONSULTANT, ExpenseKind.ISO_50001}
    ),
    Phase.SAVINGS_FOLLOW_UP: frozenset(),
}
