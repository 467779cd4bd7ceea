"""A screenshot of every page of the real window on the demo database, in French and English.

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_pages.py OUT_DIR [WIDTHxHEIGHT]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

PAGES = ("properties", "meters", "bills", "charts", "energir", "score", "weather", "sge")


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(out: Path, size: str) -> int:
    width, height = (int(v) for v in size.split("x"))
    work = Path(tempfile.mkdtemp(prefix="espm-pages-"))
    os.environ["ESPM_DESKTOP_CONFIG"] = str(work / "settings.ini")
    os.environ["ESPM_DESKTOP_BACKUP_DIR"] = str(work / "backups")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from espm_desktop.db.demo import create_demo_database
    from espm_desktop.db.opening import OpenedDatabase
    from espm_desktop.ui.app import AppController, context_for
    from espm_desktop.ui.i18n import LanguageManager
    from espm_desktop.ui.settings import AppSettings

    db = create_demo_database(work / "demo.sqlite")
    languages = LanguageManager(app)
    for language in ("fr", "en"):
        languages.apply(language)
        controller = AppController(app, context_for(OpenedDatabase(db)), AppSettings(), languages)
        window = controller.window
        window.move(0, 0)
        window.resize(width, height - 28)
        window.show()
        pump(app, 1.0)
        for page in PAGES:
            window.show_page(page)
            if page in ("meters", "bills", "charts", "score", "energir"):
                controller.ctx.select_property(2 if page == "score" else 1)
            pump(app, 1.5)
            target = out / f"{page}-{language}.png"
            app.primaryScreen().grabWindow(0).save(str(target))
            print(target, flush=True)
        # The SGÉ page's other tabs: each fills its tables (the savings tab its chart) when first shown.
        window.show_page("sge")
        sge = window.pages["sge"]
        for name in ("phases", "measures", "savings", "invoices"):
            sge.tabs.setCurrentWidget(getattr(sge, f"{name}_tab"))
            pump(app, 1.5)
            target = out / f"sge-{name}-{language}.png"
            app.primaryScreen().grabWindow(0).save(str(target))
            print(target, flush=True)
        window.close()
        pump(app, 0.3)
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pages"),
            sys.argv[2] if len(sys.argv) > 2 else "1366x768",
        )
    )
