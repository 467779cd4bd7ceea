"""Help: the user guide and the glossary (Markdown in resources/help, one file per language) in a viewer window,
and the program web pages opened in the browser.

A section heading ends with `{#id}` (the page id it documents: properties, meters, …); the viewer turns that into
an anchor, so F1 opens the guide at the current page's section in either language.
"""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE = "guide"
GLOSSARY = "glossary"
_ANCHOR = re.compile(r"\s*\{#([\w-]+)\}\s*$")

# Pages with a section of their own in the guide; others (the welcome page) open at the start.
PAGE_SECTIONS = {
    "welcome": "start",
    "properties": "properties",
    "meters": "meters",
    "bills": "bills",
    "charts": "charts",
    "energir": "energir",
    "score": "score",
    "weather": "weather",
    "sge": "sge",
}

PROGRAM_LINKS = {
    "espm": "https://portfoliomanager.energystar.gov/",
    "benchmark": "https://www.energystar.gov/buildings/benchmark",
    "energir_fr": "https://energir.com/fr/affaires/efficacite-energetique/",
    "energir_en": "https://energir.com/en/business/energy-efficiency/",
}


def help_text(kind: str, language: str) -> str:
    """The Markdown of the guide or glossary in a language (French or English)."""
    language = "fr" if language == "fr" else "en"
    path = resources.files("espm_desktop.resources") / "help" / f"{kind}_{language}.md"
    return path.read_text(encoding="utf-8")


def section_for_page(page_id: str) -> str:
    return PAGE_SECTIONS.get(page_id, "start")


def open_program_page(key: str) -> bool:
    """Open one of the program pages (PROGRAM_LINKS) in the user's browser."""
    return QDesktopServices.openUrl(QUrl(PROGRAM_LINKS[key]))


class HelpWindow(QDialog):
    """A non-modal window that shows the guide or the glossary; links to the web open in the browser."""

    def __init__(self, kind: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.language = language
        self.setObjectName(f"help_{kind}")
        self.setWindowTitle(self.tr("User guide") if kind == GUIDE else self.tr("Glossary"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDefaultStyleSheet("h1, h2, h3 { color: #1f3b57; }")
        self.browser.setStyleSheet("QTextBrowser { font-size: 11pt; padding: 6px 10px; }")
        self.anchors: list[str] = []
        self.section = ""
        self._load()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def _load(self) -> None:
        self.browser.setMarkdown(help_text(self.kind, self.language))
        self.anchors = self._make_anchors()

    def _make_anchors(self) -> list[str]:
        """Turn each heading's trailing `{#id}` into an anchor on the heading, and drop the marker."""
        names: list[str] = []
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            match = _ANCHOR.search(block.text())
            if match is not None and block.blockFormat().headingLevel() > 0:
                name = match.group(1)
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + match.start())
                cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                cursor.setPosition(block.position())
                cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
                mark = QTextCharFormat()
                mark.setAnchor(True)
                mark.setAnchorNames([name])
                cursor.mergeCharFormat(mark)
                names.append(name)
            block = block.next()
        return names

    def show_section(self, name: str) -> None:
        """Scroll so the section's heading is at the top (the start when the guide has no such section)."""
        self.section = name if name in self.anchors else ""
        self.show()
        self.raise_()
        self.activateWindow()
        if self.section:
            self.browser.scrollToAnchor(self.section)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def heading_at_top(self) -> str:
        """The text of the first heading shown at the top of the view (for tests and screenshots)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid() and block.blockFormat().headingLevel() == 0:
            block = block.next()
        return block.text() if block.isValid() else ""
