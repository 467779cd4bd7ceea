"""« Critères d'admissibilité »: annual gas use, building use and the exclusions checklist."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from espm_desktop.core.i18n import N_, Message, Shown, _, message
from espm_desktop.core.sge import rules
from espm_desktop.core.sge.common import joined, quantity, require_non_negative
from espm_desktop.core.sge.rules import Citation


class EligibilityStatus(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_APPROVAL = "needs_approval"  # Énergir may accept it, at its sole discretion


@dataclass(frozen=True, slots=True)
class EligibilityCheck(Shown):
    _shown_attribute: ClassVar[str] = "message"

    status: EligibilityStatus
    message: Message
    citation: Citation = rules.ELIGIBILITY


def check_annual_gas_use(annual_gas_m3: Decimal, industrial: bool = True) -> EligibilityCheck:
    """≥ 2 000 000 m³/yr in an industrial building is eligible; anything else needs Énergir's approval."""
    require_non_negative(annual_gas_m3, "annual_gas_m3")
    use, minimum = quantity(annual_gas_m3), quantity(rules.MIN_ANNUAL_GAS_M3)
    problems: list[Message | str] = []
    if annual_gas_m3 < rules.MIN_ANNUAL_GAS_M3:
        problems.append(
            message(
                "annual use of {use} m³ is below {minimum} m³/yr: eligible only with Énergir's approval",
                use=use,
                minimum=minimum,
            )
        )
    if not industrial:
        if problems:
            problems.append("; ")
        problems.append(
            message("the building is not industrial: Énergir must review the request specifically")
        )
    if problems:
        return EligibilityCheck(
            EligibilityStatus.NEEDS_APPROVAL,
            message("Needs Énergir's approval: {problems}.", problems=joined(*problems)),
        )
    return EligibilityCheck(
        EligibilityStatus.ELIGIBLE,
        message("Eligible: {use} m³/yr ≥ {minimum} m³/yr.", use=use, minimum=minimum),
    )


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A checklist item; answering True means the project falls under the exclusion."""

    key: str
    question: str  # English, the catalog's id

    @property
    def question_en(self) -> str:
        return self.question

    @property
    def question_fr(self) -> str:
        return _(self.question, "fr")


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion("fuel_switching", N_("Does the project replace one energy source with another?")),
    Exclusion("rate_optimisation", N_("Is the project about rate optimisation?")),
    Exclusion(
        "other_energir_program",
        N_("Are the measures eligible under another component of Énergir's energy-efficiency programs?"),
    ),
    Exclusion("work_started_before_request", N_("Did the work start before the aid request was submitted?")),
    Exclusion("non_compliant", N_("Does any phase fail to meet the standards and regulations in force?")),
)


@dataclass(frozen=True, slots=True)
class ExclusionFinding(Shown):
    _shown_attribute: ClassVar[str] = "message"

    exclusion: Exclusion
    message: Message


def check_exclusions(answers: Mapping[str, bool]) -> tuple[ExclusionFinding, ...]:
    """Items answered yes (excluded) or not answered yet, each with a message; empty means clear."""
    findings: list[ExclusionFinding] = []
    for item in EXCLUSIONS:
        answer = answers.get(item.key)
        question = Message(item.question)
        if answer is None:
            findings.append(ExclusionFinding(item, message("To check: {question}", question=question)))
        elif answer:
            findings.append(
                ExclusionFinding(
                    item,
                    message(
                        "Excluded from the SGÉ component: {question} — yes. {citation}",
                        question=question,
                        citation=rules.ELIGIBILITY.message,
                    ),
                )
            )
    return tuple(findings)
