"""Register a Unicode TrueType font family for reportlab, falling back to Helvetica.

reportlab's built-in Helvetica only has the WinAnsi glyphs (no narrow no-break space, no arrows, no
check marks), so PDFs use DejaVu Sans when it can be found (bundled in resources/fonts, or the system's),
then Arial, and Helvetica as the last resort.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_DIR_ENV = "ESPM_DESKTOP_FONT_DIR"
"""A folder to look in first (e.g. a packaged app's fonts), before the bundled and system folders."""


@dataclass(frozen=True, slots=True)
class FontFamily:
    """reportlab font names to use; `unicode` is False on the Helvetica fallback (WinAnsi glyphs only)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    unicode: bool


HELVETICA = FontFamily("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", False)

# (family name, regular, bold, italic, bold italic) file names, in order of preference.
_CANDIDATES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "DejaVuSans",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    ("Arial", "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    ("Arial", "Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf"),
)


def _system_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path.home() / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    else:
        dirs += [
            Path("/usr/share/fonts/truetype/dejavu"),
            Path("/usr/share/fonts/dejavu"),
            Path("/usr/share/fonts/TTF"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts",
        ]
    return dirs


def _default_dirs() -> list[Path]:
    dirs: list[Path] = []
    env = os.environ.get(FONT_DIR_ENV)
    if env:
        dirs.append(Path(env))
    try:
        dirs.append(Path(str(files("espm_desktop.resources").joinpath("fonts"))))
    except (ModuleNotFoundError, TypeError):
        pass
    return dirs + _system_dirs()


def _register(dirs: Sequence[Path]) -> FontFamily:
    for family, *names in _CANDIDATES:
        for folder in dirs:
            paths = [folder / name for name in names]
            if not paths[0].is_file():
                continue
            # A family missing its bold or italic file uses the regular face for it rather than failing.
            faces = [p if p.is_file() else paths[0] for p in paths]
            font_names = [f"{family}{suffix}" for suffix in ("", "-Bold", "-Oblique", "-BoldOblique")]
            try:
                for font_name, path in zip(font_names, faces, strict=True):
                    if font_name not in pdfmetrics.getRegisteredFontNames():
                        pdfmetrics.registerFont(TTFont(font_name, str(path)))
            except (TTFError, OSError):
                continue
            regular, bold, italic, bold_italic = font_names
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, italic)
            addMapping(regular, 1, 1, bold_italic)
            return FontFamily(regular, bold, italic, bold_italic, True)
    return HELVETICA


@lru_cache(maxsize=1)
def _registered_default() -> FontFamily:
    return _register(_default_dirs())


def register_fonts(search_dirs: Sequence[Path] | None = None) -> FontFamily:
    """Register the first Unicode family found (DejaVu Sans, then Arial); Helvetica when none is found."""
    if search_dirs is None:
        return _registered_default()
    return _register(list(search_dirs))


# Characters outside WinAnsi that our texts use, with what Helvetica can print instead.
_WINANSI_REPLACEMENTS = {
    "\u202f": "\u00a0",  # narrow no-break space
    "\u2192": "->",
    "\u2713": "x",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2212": "-",
}


def printable(text: str, family: FontFamily) -> str:
    """Text the family can draw: on the Helvetica fallback, swap the few non-WinAnsi characters we use."""
    if family.unicode:
        return text
    for char, replacement in _WINANSI_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    return text
