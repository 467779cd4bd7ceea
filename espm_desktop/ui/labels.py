"""Display labels for stored codes, in the current language."""

from __future__ import annotations

from espm_desktop.core import energy
from espm_desktop.ui.forms import current_language

STATUS_LABELS = {
    "not_started": ("Not started", "Non commencé"),
    "connection_requested": ("Connection requested", "Connexion demandée"),
    "connection_accepted": ("Connection accepted", "Connexion acceptée"),
    "meter_shared": ("Meter shared", "Compteur partagé"),
    "share_accepted": ("Share accepted", "Partage accepté"),
    "data_received": ("Data received", "Données reçues"),
}

SOURCE_LABELS = {
    "manual": ("Typed", "Saisie"),
    "import": ("Import", "Importation"),
    "data_exchange": ("Data exchange", "Échange de données"),
}


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if current_language() == "fr" else pair[0]


def status_label(code: str) -> str:
    return _pick(STATUS_LABELS.get(code, (code, code)))


def source_label(code: str) -> str:
    return _pick(SOURCE_LABELS.get(code, (code, code)))


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
