"""Display labels for stored codes, in the current language."""

from __future__ import annotations

from espm_desktop.core import energy
from espm_desktop.core.i18n import current_language, pgettext


def status_label(code: str) -> str:
    """The data-exchange status as the assistant and the printed checklist name it."""
    from espm_desktop.core.data_exchange import STATUS_LABELS
    from espm_desktop.core.types import DataExchangeStatus

    try:
        label = STATUS_LABELS[DataExchangeStatus(code)]
        return label.fr if current_language() == "fr" else label.en
    except ValueError:
        return code


# Badge colours (background, text) per data-exchange status: grey before, blue/amber on the way, green done.
STATUS_BADGE_COLOURS = {
    "not_started": ("#ECEFF2", "#4A5562"),
    "connection_requested": ("#FFF1D6", "#7A4F00"),
    "connection_accepted": ("#DCE9F7", "#0B4A85"),
    "meter_shared": ("#FFF1D6", "#7A4F00"),
    "share_accepted": ("#DCE9F7", "#0B4A85"),
    "data_received": ("#DCF2E3", "#1E6B3A"),
}


def source_label(code: str) -> str:
    """Where a bill came from, as the bills table and the reports' appendix say it ("Import" the noun here)."""
    labels = {
        "manual": pgettext("bill source", "Typed"),
        "import": pgettext("bill source", "Import"),
        "data_exchange": pgettext("bill source", "Data exchange"),
    }
    return labels.get(code, code)


def energy_type_label(type_id: str) -> str:
    try:
        t = energy.energy_type(type_id)
    except (KeyError, ValueError):
        return type_id
    return t.label_fr if current_language() == "fr" else t.label_en


def unit_label(type_id: str, unit_id: str) -> str:
    try:
        u = energy.unit(type_id, unit_id)
    except (KeyError, ValueError):
        return unit_id
    return u.label_fr if current_language() == "fr" else u.label_en
