"""« Critères d'admissibilité »: annual gas use, building use and the exclusions checklist."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import format_quantity, require_non_negative
from espm_desktop.core.sge.rules import Citation


class EligibilityStatus(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_APPROVAL = "needs_approval"  # Énergir may accept it, at its sole discretion


@dataclass(frozen=True, slots=True)
class EligibilityCheck:
    status: EligibilityStatus
    message_fr: str
    message_en: str
    citation: Citation = rules.ELIGIBILITY


def check_annual_gas_use(annual_gas_m3: Decimal, industrial: bool = True) -> EligibilityCheck:
    """≥ 2 000 000 m³/yr in an industrial building is eligible; anything else needs Énergir's approval."""
    require_non_negative(annual_gas_m3, "annual_gas_m3")
    use_fr, use_en = format_quantity(annual_gas_m3, "fr"), format_quantity(annual_gas_m3, "en")
    min_fr = format_quantity(rules.MIN_ANNUAL_GAS_M3, "fr")
    min_en = format_quantity(rules.MIN_ANNUAL_GAS_M3, "en")
    problems_fr: list[str] = []
    problems_en: list[str] = []
    if annual_gas_m3 < rules.MIN_ANNUAL_GAS_M3:
        problems_fr.append(
            f"la consommation de {use_fr} m³/an est inférieure à {min_fr} m³/an : admissible seulement sur "
            "approbation exclusive d'Énergir"
        )
        problems_en.append(
            f"annual use of {use_en} m³ is below {min_en} m³/yr: eligible only with Énergir's approval"
        )
    if not industrial:
        problems_fr.append(
            "le bâtiment n'est pas à vocation industrielle : examen particulier d'Énergir requis"
        )
        problems_en.append("the building is not industrial: Énergir must review the request specifically")
    if problems_fr:
        return EligibilityCheck(
            EligibilityStatus.NEEDS_APPROVAL,
            "Approbation d'Énergir requise : " + "; ".join(problems_fr) + ".",
            "Needs Énergir's approval: " + "; ".join(problems_en) + ".",
        )
    return EligibilityCheck(
        EligibilityStatus.ELIGIBLE,
        f"Admissible : {use_fr} m³/an ≥ {min_fr} m³/an.",
        f"Eligible: {use_en} m³/yr ≥ {min_en} m³/yr.",
    )


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A checklist item; answering True means the project falls under the exclusion."""

    key: str
    question_fr: str
    question_en: str


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(
        "fuel_switching",
        "Le projet remplace-t-il une source d'énergie par une autre?",
        "Does the project replace one energy source with another?",
    ),
    Exclusion(
        "rate_optimisation",
        "Le projet vise-t-il l'optimisation tarifaire?",
        "Is the project about rate optimisation?",
    ),
    Exclusion(
        "other_energir_program",
        "Les mesures sont-elles admissibles à un autre volet des programmes d'efficacité "
        "énergétique d'Énergir?",
        "Are the measures eligible under another component of Énergir's energy-efficiency programs?",
    ),
    Exclusion(
        "work_started_before_request",
        "Les travaux ont-ils commencé avant la demande d'aide financière?",
        "Did the work start before the aid request was submitted?",
    ),
    Exclusion(
        "non_compliant",
        "Une phase ne respecte-t-elle pas les normes et règlements en vigueur?",
        "Does any phase fail to meet the standards and regulations in force?",
    ),
)


@dataclass(frozen=True, slots=True)
class ExclusionFinding:
    exclusion: Exclusion
    message_fr: str
    message_en: str


def check_exclusions(answers: Mapping[str, bool]) -> tuple[ExclusionFinding, ...]:
    """Items answered yes (excluded) or not answered yet, each with a message; empty means clear."""
    findings: list[ExclusionFinding] = []
    for item in EXCLUSIONS:
        answer = answers.get(item.key)
        if answer is None:
            findings.append(
                ExclusionFinding(
                    item,
                    f"À vérifier : {item.question_fr}",
                    f"To check: {item.question_en}",
                )
            )
        elif answer:
            findings.append(
                ExclusionFinding(
                    item,
                    f"Exclu du volet SGÉ : {item.question_fr} — oui. {rules.ELIGIBILITY.text('fr')}",
                    f"Excluded from the SGÉ component: {item.question_en} — yes. "
                    f"{rules.ELIGIBILITY.text('en')}",
                )
            )
    return tuple(findings)
