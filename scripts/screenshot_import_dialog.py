"""Screenshots of the import dialog on a file with conflicts and on a hostile 2 KB workbook, in both languages.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_import_dialog.py OUT_DIR
The real window on a demo database, the real dialog, the real reading thread; the screen is saved once the
preview has arrived.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
HEADER = "Property Name,Meter Name,Meter Type,Start Date,End Date,Usage/Quantity,Usage Units,Cost ($)\n"


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(out: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="espm-import-shots-"))
    for var, sub in (("ESPM_DESKTOP_CONFIG", "settings.ini"), ("ESPM_DESKTOP_BACKUP_DIR", "b")):
        os.environ[var] = str(work / sub)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from espm_desktop.db.demo import create_demo_database
    from espm_desktop.db.opening import OpenedDatabase
    from espm_desktop.ui.app import AppController, context_for
    from espm_desktop.ui.i18n import LanguageManager
    from espm_desktop.ui.pages.import_dialog import ImportDialog
    from espm_desktop.ui.settings import AppSettings

    seed = work / "seed.csv"
    seed.write_text(
        HEADER
        + "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,100,cm (cubic meters),10\n"
        + "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,90,cm (cubic meters),9\n",
        encoding="utf-8",
    )
    corrected = work / "corrected.csv"
    corrected.write_text(
        HEADER
        + "Tour A,Gaz,Natural Gas,2023-01-01,2023-01-31,105.5,cm (cubic meters),10.55\n"
        + "Tour A,Gaz,Natural Gas,2023-02-01,2023-02-28,95,cm (cubic meters),9\n"
        + "Tour A,Gaz,Natural Gas,2023-03-01,2023-03-31,80,cm (cubic meters),8\n",
        encoding="utf-8",
    )
    hostile = ROOT / "tests" / "data" / "hostile" / "stray_cell_xfd1048576_no_dimension.xlsx"
    languages = LanguageManager(app)
    for language in ("en", "fr"):
        languages.apply(language)
        db = create_demo_database(work / f"demo-{language}.sqlite")
        controller = AppController(app, context_for(OpenedDatabase(db)), AppSettings(), languages)
        controller.window.resize(1366, 740)
        controller.window.show()
        pump(app, 0.5)
        first = ImportDialog(controller.ctx, [seed], controller.window)
        first.start_preview()
        pump(app, 3)
        first.import_button.click()
        pump(app, 3)
        first.close()
        for name, files in (("conflicts", [corrected]), ("hostile-2kb", [hostile])):
            dialog = ImportDialog(controller.ctx, files, controller.window)
            dialog.resize(1200, 640)
            dialog.show()
            dialog.start_preview()
            pump(app, 4)
            app.primaryScreen().grabWindow(0).save(str(out / f"import-{name}-{language}.png"))
            print(out / f"import-{name}-{language}.png", flush=True)
            dialog.close()
        controller.window.close()
        pump(app, 0.3)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/import-shots")))
