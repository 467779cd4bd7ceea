"""Shapes of the setup guide's content: its texts, fields to type, steps and stages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from espm_desktop.core.i18n import Message
from espm_desktop.core.types import DataExchangeStatus

Language = Literal["fr", "en"]


class LocalizedText(Message):
    """A text of the guide (or about it) to show in French or English: an English catalog id and its values.

    The French of the guide's own texts is Énergir's wording, held in the message catalog
    (resources/translations/espm_desktop_fr.po); `get(lang)`, `fr` and `en` render it.
    """

    def get(self, lang: Language) -> str:
        return self.text(lang)

    @property
    def fr(self) -> str:
        return self.text("fr")

    @property
    def en(self) -> str:
        return self.text("en")

    def __hash__(self) -> int:  # values may hold a dict; equal texts have equal templates
        return hash((self.template, self.context))

    @classmethod
    def of(cls, msg: Message) -> LocalizedText:
        """`msg` (from `message("…", name=value)`, which the catalog's extractor reads) as a LocalizedText."""
        return cls(msg.template, msg.values, msg.context)


def tr(text: str, disambiguation: str) -> LocalizedText:
    """A guide text whose English has another French elsewhere in the app: the catalog holds it under a context
    (the extractor reads `tr(text, disambiguation)` as Qt's, whose disambiguation is the gettext context)."""
    return LocalizedText(text, context=disambiguation)


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
