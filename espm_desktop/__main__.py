"""Entry point: `espm-desktop [--db PATH | --demo] [--lang fr|en] [--page NAME] [--quit-after-start]`, or a
command-line job."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# The main window's page ids, in its order (kept here so that --help needs no Qt import).
PAGES = ("properties", "meters", "bills", "charts", "energir", "score", "weather", "sge")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The window takes options only: a first word that is no option is a command (the CLI, loaded only then, says
    # which are known); --help lists the commands too. Starting the window never loads the CLI.
    if (argv and not argv[0].startswith("-")) or {"-h", "--help"} & set(argv):
        from espm_desktop import cli

        if argv and argv[0] in cli.COMMANDS:
            return cli.main(argv)
        commands = ", ".join(cli.COMMANDS)
    else:
        commands = "see espm-desktop --help"
    parser = argparse.ArgumentParser(
        prog="espm-desktop",
        description=f"ESPM Desktop. Commands: {commands} (espm-desktop COMMAND --help).",
    )
    parser.add_argument(
        "--db", type=Path, help="database file (default: $ESPM_DESKTOP_DB or the user data folder)"
    )
    parser.add_argument("--demo", action="store_true", help="open the demo database (created if missing)")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language for this run")
    parser.add_argument(
        "--page",
        choices=PAGES,
        help="the page to open on (default: the page shown last)",
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="open the main window, wait for the first page, then quit (start-up check)",
    )
    args = parser.parse_args(argv)

    from espm_desktop import paths
    from espm_desktop.fs import method_code

    # Before the window's modules make their dataclasses: their methods' code is kept between launches.
    method_code.install(paths.cache_dir())

    if args.demo:
        db_path = args.db or paths.demo_db_path()
        if not db_path.exists():
            from espm_desktop.app.database import create_demo_database

            create_demo_database(db_path)
    else:
        # No --db: $ESPM_DESKTOP_DB, else the database used last (run_gui reads the settings), else the default.
        db_path = args.db or (paths.default_db_path() if os.environ.get("ESPM_DESKTOP_DB") else None)
    from espm_desktop.ui.app import run_gui

    return run_gui(
        db_path,
        language=args.lang,
        quit_after_start=args.quit_after_start,
        remember=not args.demo,
        page=args.page,
    )


if __name__ == "__main__":
    sys.exit(main())
