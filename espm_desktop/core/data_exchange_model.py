"""Shapes of the setup guide's content: bilingual text, fields to type, steps and stages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from espm_desktop.core.types import DataExchangeStatus

Language = Literal["fr", "en"]


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """The same text in French and English."""

    fr: str
    en: str

    def get(self, lang: Language) -> str:
        return self.fr if lang == "fr" else self.en


class SetupField(StrEnum):
    """A value the user types or picks in ESPM; the UI shows the meter's own value with a copy button."""

    PROPERTY_NAME = "property_name"
    PROVIDER = "provider"
    METER_TYPE = "meter_type"
    METER_COUNT = "meter_count"
    METER_NAME = "meter_name"
    UNIT = "unit"
    ACTIVE_DATE = "active_date"
    ACCOUNT_NUMBER = "account_number"
    INVOICE_NUMBER = "invoice_number"
    METER_NUMBER = "meter_number"
    INITIAL_LOAD_MONTHS = "initial_load_months"
    SHARE_DOWNSTREAM = "share_downstream"


@dataclass(frozen=True, slots=True)
class GuideStep:
    """One thing to do (or to wait for) in ESPM.

    `done_by` is the data-exchange status from which this step is certainly behind the user: a meter
    cannot be shared before it exists, so every meter-creation step is done once the meter is shared.
    `waits` marks a step where the user waits for Énergir rather than acts.
    """

    id: str
    stage_id: str
    seed_steps: tuple[int, ...]
    title: LocalizedText
    instruction: LocalizedText
    fields: tuple[SetupField, ...]
    done_by: DataExchangeStatus
    waits: bool = False


@dataclass(frozen=True, slots=True)
class GuideStage:
    id: str
    number: int
    title: LocalizedText
    steps: tuple[GuideStep, ...]
