"""The one message catalog: every text a person reads, in the window, the command line, PDFs and workbooks.

Source of truth: `resources/translations/espm_desktop_<lang>.po` (gettext), English being the message ids. The
.po files are compiled to .mo by `scripts/build_translations.py` when the app is installed or frozen; the app only
reads the .mo. The window's `self.tr(...)` texts are looked up here too (ui/i18n.py bridges Qt's translator to
this catalog), with their Qt context as the gettext context.

The language is held here and only here: `set_language()` (the window's language menu, the CLI's --lang) and
`current_language()`. Code below the window does not translate while it works: it raises or returns a `Message`
(an English template and its values), which `render()` turns into text in a language, formatting numbers, money
and dates the way that language writes them (core/formatting.py).

Why gettext rather than Qt Linguist for everything: the command line, the PDFs and the workbooks are made without
Qt, so their catalog must be readable without it; gettext is in Python's standard library, its .po files are the
format translators and their tools know, and Qt's own translator can be asked to read the same catalog.
"""

from __future__ import annotations

import gettext as _gettext
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import ClassVar

from espm_desktop.core import formatting

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")
DOMAIN = "espm_desktop"
_language = "en"


def set_language(language: str) -> None:
    """The language of everything shown from now on ('en' or 'fr'; 'fr_CA' counts as 'fr')."""
    global _language
    _language = "fr" if formatting.is_french(language) else "en"


def current_language() -> str:
    return _language


def catalog_dir() -> Path:
    return Path(str(resources.files("espm_desktop.resources") / "translations"))


@lru_cache(maxsize=4)
def catalog(language: str) -> _gettext.NullTranslations:
    """The compiled catalog of a language; English (the ids) needs none. A missing .mo is logged, not fatal."""
    if language == "en":
        return _gettext.NullTranslations()
    mo = catalog_dir() / f"{DOMAIN}_{language}.mo"
    try:
        with open(mo, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    except OSError:
        log.warning("%s is missing: run scripts/build_translations.py; texts stay in English", mo)
        return _gettext.NullTranslations()


def lookup(text: str, language: str | None = None, context: str | None = None) -> str | None:
    """The translation of `text`, or None when the catalog has none (Qt then asks its next translator)."""
    language = language or _language
    if language == "en" or not text:
        return None
    cat = catalog(language)
    if context:
        found = cat.pgettext(context, text)
        if found != text:
            return found
    found = cat.gettext(text)
    return found if found != text else None


def _(text: str, language: str | None = None) -> str:
    """`text` in the current language (or `language`), itself when the catalog has no translation."""
    return lookup(text, language) or text


def pgettext(context: str, text: str, language: str | None = None) -> str:
    """`text` under a context: for an English text that has another French elsewhere ("Report date")."""
    return lookup(text, language, context) or text


def N_(text: str) -> str:  # noqa: N802 (gettext's name for the marker)
    """Marks a text for the catalog where it is defined; translate it where it is shown, with `_()`."""
    return text


@dataclass(frozen=True, slots=True)
class Number:
    """A number shown with a fixed count of decimals: Number(1234.5, 1) → '1 234,5' / '1,234.5'."""

    value: float | Decimal | int
    decimals: int = 0
    unit: str = ""  # 'GJ', 'm³': joined by a no-break space

    def __init__(self, value: float | Decimal | int, decimals: int = 0, unit: str = "") -> None:
        # The slots' own setters (see slot_setters): messages carry a number or three each.
        _set_value(self, value)
        _set_decimals(self, decimals)
        _set_unit(self, unit)


def slot_setters(cls: type, *names: str) -> tuple[Callable[[object, object], None], ...]:
    """The setters of a frozen slotted dataclass's fields, for an `__init__` of its own that sets each field in a
    quarter of the time the generated one takes (it goes through object.__setattr__ by name)."""
    return tuple(vars(cls)[name].__set__ for name in names)


_set_value, _set_decimals, _set_unit = slot_setters(Number, "value", "decimals", "unit")


@dataclass(frozen=True, slots=True)
class Money:
    value: float | Decimal | int


@dataclass(frozen=True, slots=True)
class Percent:
    value: float | Decimal | int  # already in percent: 12.5, not 0.125
    decimals: int = 0


def format_value(value: object, language: str) -> str:
    """A value inside a message, written the way the language writes it."""
    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, Number):
        if value.unit:
            return formatting.quantity(value.value, value.unit, language, value.decimals)
        return formatting.number(value.value, language, value.decimals)
    if isinstance(value, Money):
        return formatting.money(value.value, language)
    if isinstance(value, Percent):
        return formatting.percent(value.value, language, value.decimals)
    if isinstance(value, bool):
        return _("yes" if value else "no", language)
    if isinstance(value, int):
        return formatting.number(value, language)
    if isinstance(value, float | Decimal):
        decimals = 0 if value == int(value) else 2
        return formatting.number(value, language, decimals)
    if isinstance(value, date):
        return formatting.date_text(value, language)
    return str(value)


@dataclass(frozen=True)
class Message:
    """A text to show, not yet in a language: an English template ('Row {row}: {value} is not a date') and its
    values. Numbers and dates among the values are formatted for the reader's language; pass a str to keep a
    value exactly as typed (a cell's content, a file name)."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)
    context: str | None = None

    def text(self, language: str | None = None) -> str:
        language = _language if language is None else "fr" if formatting.is_french(language) else "en"
        template = lookup(self.template, language, self.context) or self.template
        if not self.values:
            return template
        return template.format(**{k: format_value(v, language) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text()


def message(template: str, **values: object) -> Message:
    """`Message(template, values)`, the form the catalog's extractor looks for."""
    return Message(template, values)


def render(item: Message | str, language: str | None = None) -> str:
    """The one function that turns what a layer returned into text for a person."""
    return item.text(language) if isinstance(item, Message) else _(item, language)


class Shown:
    """What carries a `Message` for a person (an error's `problem`, a finding's `message`): its text in a language.

    `message_en` / `message_fr` are kept for the callers (JSON outputs, tests) that name a language outright.
    """

    __slots__ = ()
    _shown_attribute: ClassVar[str] = "problem"

    def text(self, language: str | None = None) -> str:
        shown: Message = getattr(self, self._shown_attribute)
        return shown.text(language)

    @property
    def message_en(self) -> str:
        return self.text("en")

    @property
    def message_fr(self) -> str:
        return self.text("fr")


class MessageError(Shown, ValueError):
    """An error a person reads: `problem` says what is wrong and what to do; `str(exc)` is the English (logs)."""

    def __init__(self, problem: Message, logged: str | None = None) -> None:
        super().__init__(logged if logged is not None else problem.text("en"))
        self.problem = problem
