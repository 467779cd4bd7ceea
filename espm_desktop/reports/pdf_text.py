"""A person's text on a PDF page: only characters the font can draw, wrapped to a width, at most N lines.

reportlab raises LayoutError when one table row is taller than the page, and draws nothing (or an empty box)
for a character its font lacks. These helpers make both visible and bounded: missing characters become □
(or ? when the font has no □ either) and text beyond its lines ends with an ellipsis; each change is
reported as a `TextNote` naming the field, so the caller can tell the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from espm_desktop.core.i18n import Message, message

MISSING_MARK = "□"
MISSING_FALLBACK = "?"
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class TextNote:
    """A field of a document whose text was changed to be drawn: characters replaced, or shortened."""

    field: str
    replaced: str = ""
    shortened: bool = False

    @property
    def note(self) -> Message:
        """What was changed, in no language yet (core.i18n)."""
        notes: list[Message] = []
        if self.replaced:
            shown = " ".join(f"U+{ord(c):04X}" for c in self.replaced[:10])
            notes.append(
                message(
                    "the font cannot draw {characters}; shown as {mark} or {fallback}",
                    characters=shown,
                    mark=MISSING_MARK,
                    fallback=MISSING_FALLBACK,
                )
            )
        if self.shortened:
            notes.append(message("too long for its place on the page; shortened with …"))
        said: Message | str = ""
        if len(notes) == 2:
            said = message("{first}; {second}", first=notes[0], second=notes[1])
        elif notes:
            said = notes[0]
        return message("{field}: {notes}", field=self.field, notes=said)

    def text(self, language: str | None = None) -> str:
        return self.note.text(None if language is None else "fr" if language.startswith("fr") else "en")

    def message(self, language: str = "en") -> str:
        return self.text(language)


def has_glyph(font_name: str, char: str) -> bool:
    """True when the registered font draws `char` (TrueType: its cmap; built-in fonts: WinAnsi)."""
    if char < " " or "\x7f" <= char < "\xa0":
        return False
    font = pdfmetrics.getFont(font_name)
    if isinstance(font, TTFont):
        return ord(char) in font.face.charToGlyph
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def drawable(text: str, font_name: str) -> tuple[str, str]:
    """(text with every character the font lacks replaced by □ or ?, the distinct characters replaced)."""
    mark = MISSING_MARK if has_glyph(font_name, MISSING_MARK) else MISSING_FALLBACK
    out: list[str] = []
    replaced: list[str] = []
    for char in text:
        if char == "\n" or has_glyph(font_name, char):
            out.append(char)
            continue
        out.append(mark)
        if char not in replaced:
            replaced.append(char)
    return "".join(out), "".join(replaced)


def _width(text: str, font_name: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font_name, size))


def _break_word(word: str, font_name: str, size: float, width: float) -> list[str]:
    """A word wider than the line, cut between characters."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and _width(current + char, font_name, size) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def wrap_lines(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Lines of at most `width` points: breaks at spaces, inside words only when a word is wider than a line."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        words = paragraph.split()
        if not words:
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if _width(candidate, font_name, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            pieces = _break_word(word, font_name, size, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        lines.append(current)
    return lines


def fit_text(text: str, font_name: str, size: float, width: float, max_lines: int) -> tuple[list[str], bool]:
    """(at most `max_lines` lines of at most `width` points, True when the text was cut and ends with …)."""
    lines = wrap_lines(text, font_name, size, width)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    last = kept[-1]
    while last and _width(last + ELLIPSIS, font_name, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept, True
